#!/usr/bin/python3
"""Writes a broken copy of a description: a second root complex, pcie1 (segment 1,
its own ECAM), with pcie0's ID mappings, so that both reach the same DeviceIDs
(exactly one device-id-collision), and with the waivers: given as YAML text.

Usage: collision_yaml.py IN.yaml OUT.yaml [WAIVERS]
"""
import copy
import sys

import yaml

d = yaml.safe_load(open(sys.argv[1]))
rc = copy.deepcopy(d["root-complexes"][0])
rc.update({"name": "pcie1", "segment": 1})
rc["ecam"]["base"] += 0x10000000
rc.pop("windows", None)
d["root-complexes"].append(rc)
if len(sys.argv) > 3 and sys.argv[3]:
    d["waivers"] = yaml.safe_load(sys.argv[3])
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
