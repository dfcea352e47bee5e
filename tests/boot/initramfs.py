#!/usr/bin/python3
"""Builds the boot-proof initrd pieces as newc cpio archives (the host has no cpio).

  initramfs.py init OUT --init F --busybox F --modules MODULE.ko...
      the initramfs: /init, /bin/busybox (and /bin/sh), /dev/console (char 5,1:
      without it the init's output is invisible), /modules/*.ko and
      /modules.order listing them in the order given (the order they load in)
  initramfs.py acpi OUT SIG=FILE...
      an ACPI table upgrade archive: kernel/firmware/acpi/SIG.aml, to be put in
      front of the initramfs, uncompressed (Linux Documentation/admin-guide/
      acpi/initrd_table_override.rst)

Format: the "new ASCII" (newc) cpio header, magic 070701, thirteen 8-digit hex
fields, the name NUL-terminated, name and data each padded to 4 bytes; the
archive ends with an entry named TRAILER!!! (Linux
Documentation/driver-api/early-userspace/buffer-format.rst). Every time stamp
and owner is 0, so the same inputs give the same bytes.
"""
import argparse
import os
import stat
import sys


def _pad4(n):
    return (4 - n % 4) % 4


class Cpio:
    """A newc archive written entry by entry into a bytearray."""

    def __init__(self):
        self.data = bytearray()
        self.ino = 0

    def add(self, name, mode, body=b"", rdev=(0, 0)):
        """Appends one entry: @mode includes the file type bits, @rdev is
        (major, minor) for a device node."""
        self.ino += 1
        fields = (self.ino, mode, 0, 0, 2 if stat.S_ISDIR(mode) else 1, 0,
                  len(body), 0, 0, rdev[0], rdev[1], len(name) + 1, 0)
        head = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.data += head + name.encode() + b"\0"
        self.data += b"\0" * _pad4(len(head) + len(name) + 1)
        self.data += body + b"\0" * _pad4(len(body))

    def directory(self, name):
        self.add(name, stat.S_IFDIR | 0o755)

    def file(self, name, path, perm=0o644):
        with open(path, "rb") as f:
            self.add(name, stat.S_IFREG | perm, f.read())

    def finish(self):
        self.add("TRAILER!!!", 0)
        return bytes(self.data)


def build_init(args):
    a = Cpio()
    for d in ("bin", "dev", "modules", "proc", "sys", "tmp"):
        a.directory(d)
    a.add("dev/console", stat.S_IFCHR | 0o600, rdev=(5, 1))
    a.file("bin/busybox", args.busybox, 0o755)
    a.add("bin/sh", stat.S_IFLNK | 0o777, b"busybox")
    a.file("init", args.init, 0o755)
    names = []
    for m in args.modules:
        name = os.path.basename(m)
        if not name.endswith(".ko"):
            sys.exit(f"initramfs.py: {m}: not a .ko module")
        a.file("modules/" + name, m)
        names.append(name[:-3])
    a.add("modules.order", stat.S_IFREG | 0o644, ("\n".join(names) + "\n").encode())
    return a.finish()


def build_acpi(args):
    a = Cpio()
    for d in ("kernel", "kernel/firmware", "kernel/firmware/acpi"):
        a.directory(d)
    for spec in args.tables:
        sig, _, path = spec.partition("=")
        if len(sig) != 4 or not path:
            sys.exit(f"initramfs.py: {spec}: want SIG=FILE with a 4-letter signature")
        a.file(f"kernel/firmware/acpi/{sig}.aml", path)
    return a.finish()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("init")
    i.add_argument("out")
    i.add_argument("--init", required=True)
    i.add_argument("--busybox", required=True)
    i.add_argument("--modules", nargs="+", required=True)
    t = sub.add_parser("acpi")
    t.add_argument("out")
    t.add_argument("tables", nargs="+")
    args = p.parse_args()
    data = build_init(args) if args.cmd == "init" else build_acpi(args)
    with open(args.out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
