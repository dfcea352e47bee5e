/* SPDX-License-Identifier: MIT */
/*
 * diag_tags.c - the tags of diagnostics that are no rule of `gicdesc check`:
 * what the input readers (src/load) and the --base merge (src/emit/dt_base)
 * report, and the notes of facts given and assumed. SARIF lists them beside
 * the rules, so that every result's ruleId is in tool.driver.rules; the man
 * page names them (gicdesc(1), RULES).
 */
#include "util/diag_json.h"

#define E GD_SEV_ERROR
#define W GD_SEV_WARNING
#define N GD_SEV_NOTE

const struct gd_rule_info gd_diag_tags[] = {
    {"input",
     "an input gicdesc cannot read, or reads only in part: a file, table, node or "
     "option it cannot take (what a reader skips is a note)",
     E},
    {"assumed",
     "a fact the input does not state, taken at its most permissive architectural "
     "value (gicdesc(1), check: facts); state it with --facts",
     N},
    {"given", "a fact given by an option or a facts file (gicdesc(5), FACTS FILE)", N},
    {"facts-unused", "a fact for an ITS that no input has (gicdesc(5), FACTS FILE)", W},
    {"waiver-unused",
     "a waiver that matches no finding, or names no rule (gicdesc(5), "
     "WAIVERS)",
     W},
    /* YAML descriptions and facts files (gicdesc(5)) */
    {"yaml-io", "a YAML file that cannot be opened or read", E},
    {"yaml-encoding", "a YAML file that is not UTF-8 (YAML 1.2 §5.2)", E},
    {"yaml-syntax", "YAML that libyaml cannot parse (YAML 1.2)", E},
    {"yaml-alias", "a YAML anchor or alias, which descriptions do not use (gicdesc(5))", E},
    {"yaml-tag", "a YAML tag, which descriptions do not use (gicdesc(5))", E},
    {"yaml-too-large", "a YAML file or scalar past gicdesc's size limits (gicdesc(5))", E},
    {"yaml-too-deep", "YAML nested deeper than any description needs (gicdesc(5))", E},
    {"yaml-format-version", "a format version gicdesc does not read (gicdesc(5): gicdesc: 1)", E},
    {"yaml-missing-key", "a key the format requires is missing (gicdesc(5))", E},
    {"yaml-unknown-key", "a key the format does not have (gicdesc(5))", E},
    {"yaml-duplicate-key", "a key given twice in one mapping (YAML 1.2 §3.2.1.1)", E},
    {"yaml-type", "a value of the wrong YAML type: a mapping, list or scalar (gicdesc(5))", E},
    {"yaml-number", "a number that cannot be read or does not fit its field (gicdesc(5))", E},
    {"yaml-value", "a value out of its field's range or not one of its words (gicdesc(5))", E},
    {"yaml-name", "a name of other than 1 to 63 letters, digits, '_', '.' or '-' (gicdesc(5))", E},
    {"yaml-duplicate-name", "two nodes of one description with the same name (gicdesc(5))", E},
    {"yaml-unknown-reference", "a reference to a name no node has (gicdesc(5))", E},
    {"yaml-reference-kind", "a reference to a node of the wrong kind (gicdesc(5))", E},
    /* DTB: msi-map and iommu-map (Linux of_map_id(); msi-map.txt, pci-iommu.txt) */
    {"dt-map-cells", "an msi-map or iommu-map that is not a non-empty list of 4-cell entries", E},
    {"dt-map-length", "an msi-map or iommu-map entry of length 0", E},
    {"dt-map-mask", "an msi-map or iommu-map entry whose id-base has bits outside the mask", E},
    {"dt-map-phandle", "an msi-map or iommu-map phandle that names no node", E},
    {"dt-map-target", "an msi-map or iommu-map target with no msi-controller or #iommu-cells", E},
    /* ACPI tables */
    {"acpi-checksum", "an ACPI table whose bytes do not sum to 0 (ACPI 6.5 §5.2.6)", W},
    {"iort-its-unknown",
     "an IORT ITS group naming an ITS ID the MADT has no GIC ITS structure "
     "for (IORT E.e §3.1.1.1)",
     E},
    {"iort-output-ref",
     "an IORT ID mapping whose output reference is no node of the table "
     "(IORT E.e §3.2.2)",
     E},
    /* generate --base (dtc's DTB rules) */
    {"base-node",
     "a --base tree node gicdesc cannot find, or two things of the description "
     "that would take one node",
     E},
    {"base-phandle", "a --base reference left without its node (dtc: phandle references)", E},
    {"base-cpus", "--base /cpus that differ from the description's (arm/cpus.yaml)", W},
};

const size_t gd_n_diag_tags = sizeof(gd_diag_tags) / sizeof(gd_diag_tags[0]);
