# gicdesc.mk - regenerate gicdesc's outputs as a step of a GNU make build
# (TF-A, U-Boot, EDK2's GNU make builds, any Makefile). Needs GNU make 4.3 or
# later (grouped targets, &:).
#
#   GICDESC := /opt/gicdesc/bin/gicdesc          # default: gicdesc on PATH
#   include /opt/gicdesc/share/gicdesc/gicdesc.mk
#   BOARD_GICDESC_OPTIONS := -f dtb,iort,madt --base board.dtb
#   $(eval $(call gicdesc_generate,board,board.yaml,$(BUILD)/fw,$(BOARD_GICDESC_OPTIONS)))
#   $(BUILD)/fip.bin: $(board_OUTPUTS)
#
# gicdesc_generate NAME,DESCRIPTION,OUTPUT_DIR[,OPTIONS] sets NAME_OUTPUTS to
# the files `gicdesc generate OPTIONS -o OUTPUT_DIR DESCRIPTION` writes (asked
# of `gicdesc generate --list-outputs` when the makefile is read), and adds
# one rule that writes them all, with the depfile NAME_DEPFILE (default
# OUTPUT_DIR/NAME.d) that gicdesc -d writes beside them and this fragment
# includes: the outputs are made again when the description, the --base DTB or
# any other file gicdesc read changes, and never else. OPTIONS are
# `gicdesc generate`'s; pass them through a variable, as above, since a comma
# would split the arguments of $(call). Paths may not contain spaces (make's
# lists cannot hold them).

GICDESC ?= gicdesc

define gicdesc_generate
$(1)_OUTPUTS := $$(shell $$(GICDESC) generate --list-outputs -o $(3) $(4) $(2))
$$(if $$(filter 0,$$(.SHELLSTATUS)),,$$(error gicdesc_generate $(1): \
  $$(GICDESC) generate --list-outputs -o $(3) $(4) $(2) failed))
$(1)_DEPFILE ?= $(3)/$(1).d
$$($(1)_OUTPUTS) &: $(2)
	$$(GICDESC) generate -q -d $$($(1)_DEPFILE) -o $(3) $(4) $(2)
-include $$($(1)_DEPFILE)
endef
