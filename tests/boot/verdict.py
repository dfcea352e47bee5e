#!/usr/bin/python3
"""Judges one boot of boot.sh from its logs: did MSIs (GICv3) or wired
interrupts (GICv5) really arrive, or which symptom of a broken description
showed.

  verdict.py OUT --good [--table SIG=FILE]...
      exit 0 when every proof of MSI delivery is there: the kernel created
      the ITS's PCI/MSI domain, the virtio-pci function uses MSI-X, the rng
      read completed, /proc/interrupts counts ITS-MSI interrupts, QEMU's
      guest_errors log is clean and the init finished; with --table, the
      kernel took each table by ACPI table upgrade and holds it byte for byte
  verdict.py OUT --gicv5 --good
      the GICv5 boot (boot.sh OUT gicv5): the IRS probed, no GICv5 error, every
      CPU online, the arch_timer PPI counted on each CPU and counting up, the
      virtio-mmio SPI counting up over the rng read, the read completed, QEMU's
      guest_errors log clean and the init finished
  verdict.py OUT [--gicv5] --symptom NAME...
      exit 0 when the boot is not good (by the GICv3 or, with --gicv5, the
      GICv5 proofs) and every named symptom showed
  verdict.py --list
      the symptoms: name, where it shows, what it means

Prints one line per proof or symptom ("ok"/"missing" and the log line that
shows it), then "observed: ..." (the symptoms seen, for the test's table).
"""
import argparse
import hashlib
import os
import re
import sys

# QEMU 7.2 logs this on every boot: Linux's gic_init_bases() reads GICD_TYPER2
# (offset 0xc, a GICv4.1 register) and QEMU's GICv3 distributor lacks it.
# QEMU 11.1 logs the second on every boot of a kernel with no firmware before
# it: earlycon writes to the PL011 before the pl011 driver enables it (QEMU's
# UARTCR resets to 0; QEMU prints the characters all the same).
BENIGN_QEMU = [re.compile(r"gicv3_dist_read: invalid guest read at offset 0+c size 4"),
               re.compile(r"PL011 data written to disabled UART")]

# The GICv5 machine's CPUs (tests/boot/machine.sh: gicv5, -smp 4).
GICV5_CPUS = 4

# name: (log, regular expression, what it means). log "console" is the serial
# console (kernel and init), "qemu" is QEMU's -d guest_errors log, "status"
# QEMU's exit status (124: killed at the time limit), "init" whether the init
# ran ("the init ran" or "the init never ran").
SYMPTOMS = {
    "rng-timeout": ("console", r"GICDESC-RNG-FAIL",
                    "the rng read timed out: no interrupt arrived"),
    "intx-fallback": ("console", r"GICDESC-PCI \S+ irq=\d+ modes= intx",
                      "virtio-pci fell back to INTx: no MSI domain for the device"),
    "msi-setup-warning": ("console", r"WARNING: .* pci_msi_setup_msi_irqs",
                          "kernel WARNING in pci_msi_setup_msi_irqs (MSI-X without a domain)"),
    "no-msi-map-translation": ("console", r"no msi-map translation for id 0x8\b",
                               "kernel: no msi-map translation for RID 0x8"),
    "its-invalid-dte": ("qemu", r"invalid dte for 8\b",
                        "QEMU ITS: MSI from DeviceID 0x8 (the device's RID) hits no "
                        "device table entry: the kernel mapped another DeviceID"),
    "its-mapd-range": ("qemu", r"ITS MAPD: invalid device ID field 0x[0-9a-f]+ >= 0x10000",
                       "QEMU ITS: MAPD of a DeviceID at or past 2^16"),
    "iort-null-parent": ("console", r"IORT: \[Firmware Bug\]: .* ID map has NULL parent reference",
                         "kernel: IORT ID map has NULL parent reference"),
    "iort-oops": ("console", r"pc : iort_node_map_id\+",
                  "kernel Oops in iort_node_map_id(): it followed the reference past the table"),
    "v5-irs-probed": ("console", r"GICv5 IRS: irs@8010000 detected SPI range",
                      "the IRS probes all the same"),
    "v5-iaffid-missing": ("console", r"GICv5 IRS: IAFFID for CPU 3 has not been initialised",
                          "kernel: IAFFID for CPU 3 has not been initialised "
                          "(gicv5_irs_cpu_to_iaffid())"),
    "v5-ipi-affinity": ("console", r"Could not force affinity IRQ \d+, err=-19",
                        "WARNING in set_smp_ipi_range_percpu(): CPU 3's IPIs get no "
                        "affinity (-ENODEV)"),
    "v5-cpu-starting-failed": ("console",
                               r"CPU 3 UP state irqchip/arm/gicv5:starting \(\d+\) failed \(-19\)",
                               "CPU 3's gicv5_starting_cpu() fails (-ENODEV): it comes online "
                               "with no IRS PE"),
    "v5-iaffid-invalid": ("console", r"GICv5 IRS: IAFFID 0x5 used in IRS_PE_SELR is invalid",
                          "kernel: IAFFID 0x5 used in IRS_PE_SELR is invalid "
                          "(gicv5_irs_register_cpu(): the IRS has no PE 5)"),
    "v5-cpu-starting-enxio": ("console",
                              r"CPU 3 UP state irqchip/arm/gicv5:starting \(\d+\) failed \(-6\)",
                              "CPU 3's gicv5_starting_cpu() fails (-ENXIO): it comes online "
                              "with no IRS PE"),
    "no-init": ("init", r"^the init never ran$", "the boot never reaches the init"),
    "time-limit": ("status", r"^124$",
                   "the boot crawls (IPIs to CPU 3 are lost) and is killed at the time limit"),
}


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def its_msi_count(console):
    """The sum of the per-CPU counts of the ITS-MSI lines of /proc/interrupts."""
    total = 0
    for line in console.splitlines():
        m = re.match(r"GICDESC-IRQ\s+\d+:((?:\s+\d+)+)\s+ITS-MSI\b", line)
        if m:
            total += sum(int(n) for n in m.group(1).split())
    return total


def interrupt_counts(console, prefix):
    """{name: (chip, hwirq, [count per CPU])} of the /proc/interrupts lines
    the init printed after @prefix (GICDESC-IRQ0 before the rng read,
    GICDESC-IRQ after it); the name is the line's last word (arch_timer,
    virtio0 ...)."""
    lines = {}
    for line in console.splitlines():
        m = re.match(rf"{prefix}\s+\d+:((?:\s+\d+)+)\s+(\S+)\s+(\d+)\s.*\s(\S+)$", line)
        if m:
            lines[m.group(4)] = (m.group(2), int(m.group(3)), [int(n) for n in m.group(1).split()])
    return lines


def counts_up(console, name, every_cpu):
    """Evidence that the interrupt whose name starts with @name counted up
    between the init's two snapshots (and, with @every_cpu, that each CPU took
    some), or None."""
    before = interrupt_counts(console, "GICDESC-IRQ0")
    after = interrupt_counts(console, "GICDESC-IRQ")
    key = next((k for k in after if k.startswith(name)), None)
    if key is None or key not in before:
        return None
    chip, hwirq, was = before[key]
    now = after[key][2]
    if sum(now) <= sum(was) or (every_cpu and 0 in now):
        return None
    return (f"{key} ({chip} {hwirq}): " +
            ", ".join(f"CPU{i} {b} -> {a}" for i, (b, a) in enumerate(zip(was, now))))


def first(text, pattern):
    """The first line of @text that @pattern matches, or None."""
    m = re.search(pattern, text, re.M)
    if not m:
        return None
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return text[start:end if end >= 0 else len(text)].strip()[:160]


def guest_errors(qemu):
    """QEMU's guest_errors log without the known benign line."""
    text = qemu
    for b in BENIGN_QEMU:
        text = b.sub("", text)
    return text.strip()


def proofs(out, tables):
    """[(name, evidence or None)] for the proofs of a good boot."""
    console = read(os.path.join(out, "console.log"))
    qemu = read(os.path.join(out, "qemu.log"))
    status = read(os.path.join(out, "qemu.status")).strip()
    count = its_msi_count(console)
    errors = guest_errors(qemu)
    got = [
        ("ITS probed", first(console, r"ITS@0x0*8080000: allocated \d+ Devices")),
        ("PCI/MSI domain of the ITS", first(console, r"PCI/MSI: \S*@(0x)?8080000 domain created")),
        ("virtio-pci uses MSI-X", first(console, r"GICDESC-PCI \S+ irq=\d+ modes=.*\bmsix\b")),
        ("rng read completed", first(console, r"GICDESC-RNG-OK")),
        ("ITS-MSI interrupts counted", f"{count} ITS-MSI interrupts" if count else None),
        ("QEMU guest_errors clean", "clean" if not errors else None),
        ("init finished, QEMU exited 0",
         "GICDESC-END" if "GICDESC-END" in console and status == "0" else None),
    ]
    for sig, path in tables:
        with open(path, "rb") as f:
            want = hashlib.md5(f.read()).hexdigest()
        got.append((f"ACPI table upgrade took {sig}",
                    first(console, rf"Table Upgrade: override \[{sig}-BOCHS -BXPC    \]")))
        got.append((f"guest's {sig} is {os.path.basename(path)} byte for byte",
                    first(console, rf"GICDESC-TABLE {sig} {want}$")))
    return got


def proofs_gicv5(out):
    """[(name, evidence or None)] for the proofs of a good GICv5 boot."""
    console = read(os.path.join(out, "console.log"))
    status = read(os.path.join(out, "qemu.status")).strip()
    errors = first(console, r"GICv5( IRS)?: .*(not been initialised|invalid|Failed|No IRS)|"
                            r"gicv5:starting .* failed")
    online = "0-%d" % (GICV5_CPUS - 1)
    return [
        ("GICv5 IRS probed", first(console, r"GICv5 IRS: irs@8010000 detected SPI range")),
        ("root handler gicv5_handle_irq", first(console, r"Root IRQ handler: gicv5_handle_irq")),
        ("no GICv5 error in the kernel log", "none" if not errors else None),
        (f"CPUs {online} online", first(console, rf"GICDESC-CPUS online={online}$")),
        ("arch_timer PPI counts up, on every CPU", counts_up(console, "arch_timer", True)),
        ("virtio-mmio SPI counts up over the rng read", counts_up(console, "virtio", False)),
        ("rng read completed", first(console, r"GICDESC-RNG-OK")),
        ("QEMU guest_errors clean", "clean" if not guest_errors(
            read(os.path.join(out, "qemu.log"))) else None),
        ("init finished, QEMU exited 0",
         "GICDESC-END" if "GICDESC-END" in console and status == "0" else None),
    ]


def symptoms(out, names):
    """[(name, evidence or None)] for the named symptoms."""
    console = read(os.path.join(out, "console.log"))
    logs = {"console": console,
            "qemu": read(os.path.join(out, "qemu.log")),
            "status": read(os.path.join(out, "qemu.status")),
            "init": "the init ran" if "GICDESC-BEGIN" in console else "the init never ran"}
    return [(n, first(logs[SYMPTOMS[n][0]], SYMPTOMS[n][1])) for n in names]


def report(found):
    for name, evidence in found:
        print(f"  {'ok     ' if evidence else 'missing'} {name}" +
              (f": {evidence}" if evidence else ""))
    return all(e for _, e in found)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out", nargs="?")
    p.add_argument("--good", action="store_true")
    p.add_argument("--gicv5", action="store_true")
    p.add_argument("--table", action="append", default=[])
    p.add_argument("--symptom", nargs="+", choices=sorted(SYMPTOMS), default=[])
    p.add_argument("--list", action="store_true")
    args = p.parse_args()
    if args.list:
        for n, (log, _, what) in SYMPTOMS.items():
            print(f"{n:24} {log:8} {what}")
        return 0
    if not args.out or args.good == bool(args.symptom):
        p.error("give OUT and either --good or --symptom")
    if args.gicv5 and args.table:
        p.error("--table is for the GICv3 ACPI boot, not --gicv5")
    tables = [t.split("=", 1) for t in args.table]
    status = read(os.path.join(args.out, "qemu.status")).strip()
    print(f"{args.out}: QEMU exit status {status or 'missing'}, "
          f"{read(os.path.join(args.out, 'seconds')).strip() or '?'} s")
    if status == "124":
        last = read(os.path.join(args.out, "console.log")).rstrip().splitlines()[-3:]
        print("  QEMU was killed at the time limit; the console ended with:\n    " +
              "\n    ".join(last))
    if args.gicv5:
        print(f"{args.out}: proofs of GICv5 interrupt delivery")
        good = report(proofs_gicv5(args.out))
    else:
        print(f"{args.out}: proofs of MSI delivery")
        good = report(proofs(args.out, tables))
    errors = guest_errors(read(os.path.join(args.out, "qemu.log")))
    if errors:
        print("QEMU guest_errors:\n    " + errors.replace("\n", "\n    ")[:2000])
    if args.good:
        return 0 if good else 1
    print(f"{args.out}: symptoms")
    seen = report(symptoms(args.out, args.symptom))
    print("observed: " + "; ".join(SYMPTOMS[n][2] for n in args.symptom))
    if good:
        print("the boot is good: the fault did not break interrupt delivery")
    return 0 if seen and not good else 1


if __name__ == "__main__":
    sys.exit(main())
