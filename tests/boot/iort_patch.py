#!/usr/bin/python3
"""Writes a faulty copy of an IORT that no YAML description can express.

  iort_patch.py IN OUT --rc-output-reference N
      every ID mapping of every root complex node gets output reference N
      (0: Linux's "ID map has NULL parent reference"; an offset where no node
      starts: a mapping into a missing node)

Layout (IORT E.b/E.d): a 36-byte ACPI header (checksum at byte 9), then at 36
the number of nodes and at 40 the offset of the first; each node starts with
type (1 byte; 2 = PCI root complex), length (2), revision (1), identifier (4),
number of ID mappings (4) and offset of the ID mapping array (4); each ID
mapping is 20 bytes: input base, number of IDs, output base, output reference,
flags. The checksum is set again so that the bytes sum to 0.
"""
import argparse
import struct
import sys

RC = 2


def patch(table, ref):
    """Sets the output reference of every root complex ID mapping of @table (a
    bytearray) to @ref; returns how many mappings changed."""
    count, offset = struct.unpack_from("<II", table, 36)
    changed = 0
    for _ in range(count):
        if offset + 16 > len(table):
            sys.exit("iort_patch.py: a node runs past the table")
        kind, length = struct.unpack_from("<BH", table, offset)
        nmaps, maps = struct.unpack_from("<II", table, offset + 8)
        if kind == RC:
            for i in range(nmaps):
                at = offset + maps + 20 * i
                if at + 20 > offset + length:
                    sys.exit("iort_patch.py: an ID mapping runs past its node")
                struct.pack_into("<I", table, at + 12, ref)
                changed += 1
        offset += length
    table[9] = 0
    table[9] = (-sum(table)) & 0xFF
    return changed


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--rc-output-reference", type=lambda s: int(s, 0), required=True)
    args = p.parse_args()
    with open(args.input, "rb") as f:
        table = bytearray(f.read())
    if table[:4] != b"IORT" or len(table) < 48:
        sys.exit(f"iort_patch.py: {args.input}: no IORT")
    if patch(table, args.rc_output_reference) == 0:
        sys.exit(f"iort_patch.py: {args.input}: no root complex ID mapping")
    with open(args.output, "wb") as f:
        f.write(table)


if __name__ == "__main__":
    main()
