#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""gen_platform.py SEED [--expect | --features | --out DIR]: a random valid gicdesc platform.

The same SEED always gives the same platform (random.Random(SEED), nothing else
random). Without --expect it prints the YAML description; its comment lines
"# generate: OPTIONS" and "# check: OPTIONS" hold the options to give `gicdesc
generate` (IORT and MADT revisions, and --force when Direct LPI makes the IORT
lose routes) and `gicdesc check` (-Wiort-direct-lpi then), and "# tables: IORT
revision R, MADT revision M" the revisions generate writes. With
--expect it prints, as JSON, what the description means, worked out here and
not by gicdesc: the options; every MSI source (root complex by PCI segment,
SMMUv3 own MSIs by base, named component by ACPI path) with its names and the
final route of every input ID in each view ("yaml", "dt", "acpi": what an OS
booted from the DTB, or from the IORT and MADT, does); the ITS and GICv2m
frames by name; the rules whose warnings the description means to draw.
With --out DIR it writes both, as DIR/p.yaml and DIR/expect.json; with
--features it prints what the platform has (for a tally of many seeds).

Each platform is valid: every ITS DeviceID of every route is reached by one
source only (or by a DMA alias group, or a declared unpopulated RID), within
the ITS's DeviceID bits and EventID budget; MMIO frames do not overlap; SPIs
are used once; LPIs are owned once. The ACPI view follows Linux: IORT has no
node for Direct LPI, MBI or a GICv2m frame (iort_node_map_id() ends at an ITS
group), and a PCI device with no ITS from IORT gets the first MADT GIC MSI
frame (pci_msi_register_fwnode_provider(), gicv2m_get_fwnode()).
Standard library and python3-yaml only.
"""
import json
import os
import random
import sys

K = 1 << 10
M = 1 << 20
G = 1 << 30

# ---------------------------------------------------------------- YAML text


class Raw:
    """A scalar written as is (a number in the form chosen for it)."""

    def __init__(self, text):
        self.text = text


class Flow(dict):
    """A mapping written in flow style: { a: 1, b: 2 }."""


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def scalar(v):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    return quote(v)


def flow(v):
    if isinstance(v, dict):
        return '{ ' + ', '.join('%s: %s' % (k, flow(x)) for k, x in v.items()) + ' }'
    if isinstance(v, list):
        return '[' + ', '.join(flow(x) for x in v) + ']'
    return scalar(v)


def emit(v, indent=0, out=None):
    """Block YAML of v (dict at the top), Flow mappings and short lists inline."""
    pad = ' ' * indent
    for k, x in v.items():
        if isinstance(x, Flow) or (isinstance(x, list) and all(
                not isinstance(e, (dict, list)) for e in x)) or not isinstance(x, (dict, list)):
            out.append('%s%s: %s' % (pad, k, flow(x)))
        elif isinstance(x, dict):
            out.append('%s%s:' % (pad, k))
            emit(x, indent + 2, out)
        else:
            out.append('%s%s:' % (pad, k))
            for e in x:
                if isinstance(e, Flow) or not isinstance(e, dict):
                    out.append('%s  - %s' % (pad, flow(e)))
                else:
                    sub = []
                    emit(e, indent + 4, sub)
                    sub[0] = pad + '  - ' + sub[0].lstrip()
                    out.extend(sub)
    return out


# ---------------------------------------------------------------- the generator


class Alloc:
    """Disjoint half-open intervals [lo, hi) in [0, limit), placed at random."""

    def __init__(self, rng, limit):
        self.rng, self.limit, self.used = rng, limit, []

    def free(self, lo, n):
        return lo >= 0 and lo + n <= self.limit and all(
            lo + n <= a or b <= lo for a, b in self.used)

    def take(self, lo, n):
        assert self.free(lo, n), (hex(lo), n)
        self.used.append((lo, lo + n))
        return lo

    def alloc(self, n, align=1, lo=0, hi=None, tries=60):
        hi = self.limit if hi is None else min(hi, self.limit)
        top = (hi - n) // align
        first = (lo + align - 1) // align
        if top < first:
            return None
        for _ in range(tries):
            base = self.rng.randint(first, top) * align
            if self.free(base, n):
                return self.take(base, n)
        # a sweep: the first fit above a random point, then from the start
        for start in (self.rng.randint(first, top) * align, first * align):
            cands = sorted([start] + [(b + align - 1) // align * align for _, b in self.used])
            for base in cands:
                if base >= start and base + n <= hi and self.free(base, n):
                    return self.take(base, n)
        return None


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self.names = set()
        self.warn = set()      # rules whose warnings this platform means to draw
        self.features = set()  # what the platform has, for the tally (--features)
        self.sources = []      # see route()
        self.mmio = Alloc(self.r, 1 << 48)

    # -- small helpers
    def feature(self, what):
        self.features.add(what)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, *weighted):
        """pick((w, value), ...)"""
        total = sum(w for w, _ in weighted)
        x = self.r.uniform(0, total)
        for w, v in weighted:
            x -= w
            if x <= 0:
                return v
        return weighted[-1][1]

    def num(self, v, hexed=None):
        """A number in one of the forms the format reads."""
        if hexed is None:
            hexed = self.chance(0.6)
        if v < 8 and self.chance(0.05):
            t = '0b' + format(v, 'b')
        elif v < 64 and self.chance(0.05):
            t = '0o' + format(v, 'o')
        elif hexed:
            t = ('0x%X' if self.chance(0.2) else '0x%x') % v
        else:
            t = str(v)
        if self.chance(0.05):
            t = '"%s"' % t
        return Raw(t)

    def size(self, v):
        """A byte count, with a K, M or G suffix where it divides."""
        for unit, suffix in ((G, 'G'), (M, 'M'), (K, 'K')):
            if v and v % unit == 0 and self.chance(0.4):
                return Raw('%d%s' % (v // unit, suffix))
        return self.num(v, hexed=True)

    def name(self, stem):
        while True:
            if self.chance(0.7):
                n = '%s%d' % (stem, self.r.randint(0, 99))
            else:
                first = self.r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
                rest = ''.join(self.r.choice('abcdefghijklmnopqrstuvwxyz0123456789_.-')
                               for _ in range(self.r.randint(0, 20)))
                n = first + rest
            if n.lower() not in self.names:
                self.names.add(n.lower())
                return n

    def text(self, lo, hi, alphabet=None):
        alphabet = alphabet or [chr(c) for c in range(0x20, 0x7f)]
        return ''.join(self.r.choice(alphabet) for _ in range(self.r.randint(lo, hi)))

    def mmio_frame(self, size, align, high=False, lo=0x1000000):
        """An MMIO frame nothing else uses at or above @lo, below 4 GiB or (high, or no room) below 2^48."""
        base = None
        if not high and not self.chance(0.15):
            base = self.mmio.alloc(size, align, lo, 1 << 32)
        if base is None:
            base = self.mmio.alloc(size, align, max(lo, 1 << 32), 1 << self.r.choice((40, 44, 48)))
        if base is None:
            base = self.mmio.alloc(size, align, max(lo, 1 << 32), 1 << 48)
        assert base is not None
        return base

    # -- the platform
    def build(self):
        self.version = self.pick((20, '2'), (30, '3'), (20, '4'), (30, '4.1'))
        self.v2 = self.version == '2'
        self.iort_rev = self.pick((2, 0), (5, 3), (4, 5))
        self.madt_rev = self.pick((1, 3), (2, 4), (3, 5), (3, 6))
        self.doc = {'gicdesc': 1}
        self.platform()
        self.acpi_dt()
        self.gic()
        self.iommus_decl()
        self.root_complexes()
        self.named_components()
        self.finish_smmus()
        self.finish_its()
        self.finish_budgets()
        self.assemble()

    def platform(self):
        p = {'name': self.name('plat')}
        p['oem-id'] = self.text(0, 6)
        p['oem-table-id'] = self.text(0, 8)
        if self.chance(0.7):
            p['oem-revision'] = self.num(self.r.choice((0, 1, 2, 0xffffffff, self.r.getrandbits(32))))
        self.doc['platform'] = p

    def acpi_dt(self):
        # The revisions: in the description, on the command line, or both (the option wins).
        a = {}
        self.options = []
        self.check_options = []
        where = self.pick((2, 'yaml'), (2, 'cli'), (1, 'both'))
        if where in ('yaml', 'both'):
            rev = self.iort_rev if where == 'yaml' else self.r.choice((0, 3, 5))
            a['iort-revision'] = Raw(('"%d"' if self.chance(0.2) else '%d') % rev)  # an enum: decimal
            a['madt-revision'] = self.num(self.madt_rev if where == 'yaml' else self.r.randint(3, 6))
        if where in ('cli', 'both'):
            revs = ['--iort-revision', str(self.iort_rev), '--madt-revision', str(self.madt_rev)]
            self.options += revs
            self.check_options += revs  # check judges the description as generate writes it
        if self.chance(0.3):
            a['creator-id'] = self.text(0, 4)
        if self.chance(0.3):
            a['creator-revision'] = self.num(self.r.getrandbits(32))
        if a:
            self.doc['acpi'] = a
        if self.chance(0.6):
            dt = {}
            if self.chance(0.8):
                dt['model'] = self.text(1, 40)
            if self.chance(0.8):
                dt['compatible'] = ['%s,%s' % (self.text(1, 8, 'abcdefgh'), self.text(1, 12, 'abcdefgh0123456789-'))
                                    for _ in range(self.r.randint(1, 3))]
            if dt:
                self.doc['dt'] = dt

    # ---------------------------------------------------------------- GIC
    def gic(self):
        r = self.r
        g = {'version': Raw(self.version) if self.chance(0.8) else self.version}
        self.g = g
        self.direct_lpi, self.its = False, []
        # SPIs: GICD_TYPER.ITLinesNumber gives multiples of 32 up to 960, or 988
        self.spis = self.pick((6, 32 * r.randint(1, 30)), (1, 988), (1, 960))
        self.spi_alloc = Alloc(r, 32 + self.spis)
        self.spi_alloc.take(0, 32)
        self.espi_alloc = Alloc(r, 5120)
        d = {'base': self.size(self.mmio_frame(0x10000, 0x10000)), 'spis': self.num(self.spis, False)}
        if not self.v2:
            self.intid_bits = self.pick((3, 16), (2, r.randint(14, 24)), (1, 24), (1, 14))
            d['intid-bits'] = self.num(self.intid_bits, False)
        if self.chance(0.2):
            d['size'] = self.size(0x10000)
        if self.chance(0.2):
            d['gic-id'] = self.num(r.getrandbits(r.choice((4, 32))))
        if self.chance(0.1):
            d['system-vector-base'] = self.num(r.getrandbits(r.choice((4, 32))))
        g['distributor'] = Flow(d) if self.chance(0.5) else d

        self.cpus()
        if self.v2:
            self.cpu_interface()
        else:
            if self.chance(0.1):
                self.cpu_interface()  # GICv3 with the GICv2-compatible CPU interface frames
                self.feature('GICv3 CPU interface frames')
            self.redistributors()
            self.its_decl()
        self.v2m_decl()
        self.mbi_decl()

    def ppi(self, extended_ok=True):
        """A PPI: (INTID, YAML interrupt form)."""
        r = self.r
        if extended_ok and not self.v2 and self.chance(0.05):
            intid = 1056 + r.randint(0, 63)
            form = Flow({'intid': self.num(intid, False)})
        else:
            n = r.randint(0, 15)
            intid = 16 + n
            form = self.pick((3, Flow({'ppi': self.num(n, False)})), (1, Flow({'intid': self.num(intid, False)})),
                             (1, Raw(str(intid))))
        if isinstance(form, Flow) and self.chance(0.3):
            form['trigger'] = r.choice(('level', 'edge'))
        return intid, form

    def cpus(self):
        r = self.r
        limit = 8 if self.v2 else self.pick((5, 8), (3, 64), (1, 300))
        self.ncpus = r.randint(1, limit)
        common = {}
        # DT: arm/cpus.yaml requires compatible; spin-table needs a release address (parked-address)
        common['compatible'] = r.choice(('arm,cortex-a57', 'arm,cortex-a72', 'arm,neoverse-n2', 'arm,armv8'))
        parked = self.chance(0.1)
        if self.chance(0.7):
            common['enable-method'] = 'spin-table' if parked and self.chance(0.5) else 'psci'
        if self.chance(0.8):
            self.pmu_intid, common['pmu-interrupt'] = self.ppi()
        if self.chance(0.4):
            _, common['vgic-maintenance-interrupt'] = self.ppi(extended_ok=False)
        if self.madt_rev >= 4 and self.chance(0.2):
            common['efficiency-class'] = self.num(r.randint(0, 255))
        if self.madt_rev >= 5 and self.chance(0.2):
            common['spe-interrupt'] = self.ppi(extended_ok=False)[1]
            if isinstance(common['spe-interrupt'], Flow):
                common['spe-interrupt'].pop('trigger', None)
        if self.madt_rev >= 6 and self.chance(0.2):
            common['trbe-interrupt'] = self.ppi(extended_ok=False)[1]
            if isinstance(common['trbe-interrupt'], Flow):
                common['trbe-interrupt'].pop('trigger', None)
        if parked:
            common['parking-version'] = self.num(r.randint(0, 1))
            common['parked-address'] = self.size(r.getrandbits(40) & ~0xfff)
        if self.chance(0.5):
            c = {'count': self.num(self.ncpus, False)}
            if self.chance(0.5):
                c['cluster-size'] = self.num(r.choice((1, 2, 4, 8, 16, 256, r.randint(1, 256))), False)
            c.update(common)
            self.cpu_doc = c
        else:
            mpidrs = set()
            lst = []
            aff_bits = r.choice([b for b in (8, 16, 24, 40) if 1 << b >= 4 * self.ncpus])
            uid_form = self.pick((2, 'index'), (1, 'all'), (1, 'some'))
            uids = r.sample(range(self.ncpus if uid_form == 'some' else 0, 1 << 16), self.ncpus)
            for i in range(self.ncpus):
                while True:
                    m = r.getrandbits(aff_bits) & 0xff00ffffff
                    if m not in mpidrs:
                        break
                mpidrs.add(m)
                cpu = {'mpidr': self.num(m, True)}
                if uid_form == 'all' or (uid_form == 'some' and self.chance(0.5)):
                    cpu['uid'] = self.num(uids[i])
                cpu.update(common)
                if i and self.chance(0.1):
                    cpu['enabled'] = False
                    if self.madt_rev >= 6 and self.chance(0.5):
                        cpu['online-capable'] = True
                lst.append(Flow(cpu) if self.chance(0.5) else cpu)
            self.cpu_doc = lst
        self.g['cpus'] = self.cpu_doc

    def cpu_interface(self):
        r = self.r
        size = r.choice((0x2000, 0x10000))
        ci = {'base': self.size(self.mmio_frame(size, 0x10000 if size > 0x2000 else 0x1000))}
        if size != 0x2000 or self.chance(0.3):
            ci['size'] = self.size(size)
        if self.chance(0.4):
            for key in ('hypervisor', 'virtual-cpu'):
                fsize = r.choice((0x2000, 0x10000))
                f = {'base': self.size(self.mmio_frame(fsize, 0x1000))}
                if fsize != 0x2000 or self.chance(0.3):
                    f['size'] = self.size(fsize)
                ci[key] = Flow(f)
        self.g['cpu-interface'] = ci
        if self.v2 and self.chance(0.4):
            self.g['dt-compatible'] = r.choice(('arm,gic-400', 'arm,cortex-a15-gic', 'arm,cortex-a9-gic'))

    def redistributors(self):
        r = self.r
        frame = 0x20000 if self.version == '3' else 0x40000
        self.direct_lpi = self.chance(0.2)
        if not self.direct_lpi and isinstance(self.cpu_doc, list) and self.chance(0.12):
            # no regions: each CPU's own GICR frame (MADT GICC GICR Base Address)
            for cpu in self.cpu_doc:
                cpu['gicr-base'] = self.size(self.mmio_frame(frame, 0x10000))
            self.feature('per-CPU GICR frames')
            return
        regions = []
        left = self.ncpus
        n = r.randint(1, 4)
        # DT: one redistributor-stride for all regions (arm,gic-v3.yaml)
        stride = frame if self.chance(0.8) else frame + 0x10000 * r.randint(1, 4)
        for i in range(n):
            want = left if i == n - 1 else r.randint(0, left)
            want = max(want, 1) + r.choice((0, 0, 1, r.randint(0, 64)))
            left -= min(left, want)
            length = want * stride
            reg = {'base': self.size(self.mmio_frame(length, 0x10000, high=self.chance(0.2))),
                   'length': self.size(length)}
            if stride != frame or self.chance(0.1):
                reg['stride'] = self.size(stride)
            if self.direct_lpi:
                reg['direct-lpi'] = True
            regions.append(Flow(reg))
        self.g['redistributors'] = regions
        if self.direct_lpi:
            self.dlpi = {'name': self.name('dlpi'), 'kind': 'dlpi'}
            self.g['direct-lpi'] = Flow({'name': self.dlpi['name']})
            self.lpi_alloc = Alloc(r, 1 << self.intid_bits)
            self.lpi_alloc.take(0, 8192)

    def its_decl(self):
        r = self.r
        self.its = []
        n = 0 if self.direct_lpi and self.chance(0.7) else self.pick((1, 0), (6, 1), (4, 2), (2, 3), (2, 4))
        if self.direct_lpi and n:
            self.warn.add('direct-lpi-beside-its')
        ids = r.sample(range(0, 64), n) if self.chance(0.4) else list(range(n))
        for i in range(n):
            size = 0x30000 if self.version == '4.1' else 0x20000
            if self.chance(0.2):
                size += 0x10000 * r.randint(1, 4)
            bits = self.pick((3, 16), (2, r.randint(8, 24)), (1, 32), (1, 20), (1, r.randint(1, 8)))
            ev = self.pick((3, 16), (2, r.randint(1, 32)), (1, 32), (1, r.randint(1, 5)))
            its = {'kind': 'its', 'name': self.name('its'), 'id': ids[i], 'size': size,
                   'base': self.mmio_frame(size, 0x10000, high=self.chance(0.2)),
                   'bits': bits, 'evbits': ev, 'index': i}
            its['devids'] = Alloc(r, 1 << bits)
            if self.version == '4' and i == 0 and not self.direct_lpi:
                # Linux's GICv4.0 VPE proxy takes the first ITS's last DeviceID
                its['proxy'] = (1 << bits) - 1
                its['devids'].take((1 << bits) - 1, 1)
            if self.chance(0.3):
                its['pxm'] = r.getrandbits(r.choice((2, 32)))
            self.its.append(its)

    def v2m_decl(self):
        r = self.r
        self.v2m = []
        if self.v2:
            n = self.pick((1, 0), (5, 1), (2, 2), (1, 3))
        else:
            n = 0 if self.direct_lpi or not self.chance(0.15) else r.randint(1, 2)
        ids = r.sample(range(0, 1000), n) if self.chance(0.4) else list(range(n))
        for i in range(n):
            f = {'kind': 'v2m', 'name': self.name('v2m'), 'id': ids[i]}
            f['base'] = self.mmio_frame(0x1000, 0x1000)
            f['doc'] = {'name': f['name'], 'id': self.num(f['id'], False), 'base': self.size(f['base'])}
            if self.chance(0.2):
                f['doc']['size'] = self.size(0x1000)
            if self.chance(0.75):
                # SPIs the frame raises; INTID 1019 is never the last (Linux V2M_MAX_SPI)
                count = self.pick((3, r.choice((16, 32, 64, 128))), (1, r.randint(1, 64)))
                base = self.spi_alloc.alloc(count, 1, 32, min(32 + self.spis, 1019))
                if base is not None:
                    f['doc']['spi-base'] = self.num(base, False)
                    f['doc']['spi-count'] = self.num(count, False)
                    if self.chance(0.2):
                        f['doc']['msi-typer-wrong'] = True
            self.v2m.append(f)
        if self.v2m:
            self.g['v2m-frames'] = [Flow(f['doc']) if self.chance(0.5) else f['doc'] for f in self.v2m]

    def mbi_decl(self):
        r = self.r
        self.mbi = None
        if self.v2 or self.direct_lpi or not self.chance(0.2):
            return
        ranges = []
        for _ in range(r.randint(1, 3)):
            count = self.pick((3, r.choice((8, 16, 32, 64))), (1, r.randint(1, 40)))
            block = min(32, 1 << (count.bit_length() - 1))  # irq-gic-v3-mbi.c aligns from the start
            base = self.spi_alloc.alloc(count, block, 32, 32 + self.spis)
            if base is not None:
                ranges.append(Flow({'base': self.num(base, False), 'count': self.num(count, False)}))
        if not ranges:
            return
        self.mbi = {'kind': 'mbi', 'name': self.name('mbi')}
        doc = {'name': self.mbi['name'], 'ranges': ranges}
        if self.chance(0.4):
            doc['alias'] = self.size(self.mmio_frame(0x10000, 0x10000))
        self.g['mbi'] = doc

    # ---------------------------------------------------------------- sinks
    def sink_key(self, s):
        if s['kind'] in ('its', 'v2m'):
            return [s['kind'], s['base']]
        return [s['kind']]

    def spi_sinks(self, nc=False):
        """The sinks that take no DeviceID a device may name: GICv2m frames, MBI, Direct LPI."""
        out = list(self.v2m)
        if self.mbi:
            out.append(self.mbi)
        return out

    # ---------------------------------------------------------------- SMMUs
    def iommus_decl(self):
        r = self.r
        self.smmus = []
        if self.v2 and self.chance(0.7):
            return
        n = self.pick((4, 0), (4, 1), (2, 2), (1, 4))
        for i in range(n):
            s = {'kind': 'smmu', 'name': self.name('smmu'), 'maps': [], 'sids': Alloc(r, 1 << 32)}
            size = r.choice((0x20000, 0x20000, 0x40000))
            s['base'] = self.mmio_frame(size, 0x10000, high=self.chance(0.3))
            doc = {'name': s['name'], 'model': self.pick((4, 'smmuv3'), (1, 'smmuv3-hisilicon-hi161x'),
                                                          (1, 'smmuv3-cavium-cn99xx')),
                   'base': self.size(s['base'])}
            if size != 0x20000 or self.chance(0.2):
                doc['size'] = self.size(size)
            if self.chance(0.5):
                doc['coherent'] = self.chance(0.7)
            if self.chance(0.05):
                doc['httu-override'] = False  # true has no DT form (generate refuses it)
            # IORT E.b-E.d (SMMUv3 node revision < 5) have no "DeviceID valid" flag: Linux's
            # iort_get_id_mapping_index() takes the index as the own-MSI mapping unless all
            # four interrupts are wired. So: own MSIs, or all four wired (IORT revision 0 has
            # no index, and no own MSIs).
            own = None  # (ITS, DeviceID) of the SMMU's own MSIs
            if self.its and self.iort_rev >= 3 and self.chance(0.5):
                for its in r.sample(self.its, len(self.its)):
                    d = its['devids'].alloc(1)
                    if d is not None:
                        own = (its, d)
                        break
            every = ['event', 'pri', 'gerror', 'sync']
            if own or (self.iort_rev < 3 and self.chance(0.5)):
                keys = [k for k in every if self.chance(0.6)]
                if own and len(keys) == 4:
                    keys.pop(r.randrange(4))
            else:
                keys = every
            irq = {}
            for key in keys:
                if not self.v2 and self.chance(0.1):
                    spi = self.espi_alloc.alloc(1, 1, 4096, 5120)  # extended SPI (GICv3.1)
                    self.feature('extended SPIs')
                else:
                    spi = self.spi_alloc.alloc(1, 1, 32, min(32 + self.spis, 1020))
                if spi is None:
                    break
                if spi >= 4096:
                    irq[key] = self.pick((1, Flow({'intid': self.num(spi, False)})), (1, Raw(str(spi))))
                    continue
                irq[key] = self.pick((2, Flow({'spi': self.num(spi - 32, False)})),
                                     (1, Flow({'intid': self.num(spi, False)})), (1, Raw(str(spi))))
            if len(irq) < 4 and not own and self.iort_rev >= 3:
                continue  # no room for four SPIs: no SMMU
            if irq:
                doc['interrupts'] = Flow(irq) if self.chance(0.5) else irq
            if self.iort_rev >= 3 and self.chance(0.3):
                doc['proximity-domain'] = self.num(r.getrandbits(r.choice((2, 32))))
            s['doc'] = doc
            if own:
                its, d = own
                doc['own-msi'] = Flow({'output': its['name'], 'device-id': self.num(d)})
                self.add_source({'kind': 'smmu', 'key': ['smmu', s['base']], 'name': s['name'],
                                 'space': [0, 1], 'single': True,
                                 'routes': [(0, 1, its, d)], 'budget_its': [its]})
            self.smmus.append(s)

    def smmu_path(self, s, count, depth_sinks):
        """Allocates @count StreamIDs of SMMU @s and maps them on; returns (sid, [(off, n, sink, out)])."""
        r = self.r
        sid = s['sids'].alloc(count, 1, 0, 1 << self.r.choice((16, 20, 24, 32)))
        if sid is None:
            return None, None
        pieces = self.split(count, r.randint(1, 3))
        out = []
        off = 0
        for n in pieces:
            sink = r.choice(depth_sinks) if depth_sinks else None
            if sink is None:
                d = None
            elif sink['kind'] == 'its':
                d = sink['devids'].alloc(n)
                if d is None:
                    sink = None
            else:
                d = self.r.randint(0, (1 << 32) - n)
            if sink is not None:
                s['maps'].append((sid + off, n, sink, d))
            out.append((off, n, sink, d))
            off += n
        return sid, out

    def finish_smmus(self):
        r = self.r
        docs = []
        for s in self.smmus:
            maps = list(s['maps'])
            if self.chance(0.3):
                r.shuffle(maps)
            if maps:
                s['doc']['id-map'] = [self.map_doc(lo, n, sink, out) for lo, n, sink, out in maps]
            docs.append(s['doc'])
        if docs:
            self.doc_iommus = docs

    def map_doc(self, lo, n, sink, out, single=False):
        m = {}
        if single:
            m['single'] = True
        else:
            m['input-base'] = self.num(lo)
            m['count'] = self.num(n)
        m['output-base'] = self.num(out)
        m['output'] = sink['name']
        return Flow(m)

    # ---------------------------------------------------------------- sources
    def add_source(self, src):
        self.sources.append(src)

    def split(self, total, k, grain=1):
        """@total cut into k pieces (multiples of @grain where it can), none of 2^j + 1 IDs."""
        if k <= 1 or total < 2:
            return [total]
        units = total // grain
        if units < k:
            grain, units = 1, total
        k = min(k, units)
        for _ in range(20):
            cuts = sorted(self.r.sample(range(1, units), k - 1)) if units > 1 else []
            bounds = [0] + [c * grain for c in cuts] + [total]
            pieces = [b - a for a, b in zip(bounds, bounds[1:]) if b > a]
            if all(plain_count(n) for n in pieces):
                return pieces
        return [total]

    def msi_sinks(self):
        return self.its + self.smmus + self.spi_sinks()

    def root_complexes(self):
        r = self.r
        self.rcs = []
        n = self.pick((1, 0), (5, 1), (3, 2), (2, 3), (1, 6))
        segs = r.sample(range(0, 0x10000), n) if self.chance(0.4) else list(range(n))
        for i in range(n):
            self.root_complex(segs[i])

    def root_complex(self, seg):
        r = self.r
        rc = {'name': self.name('pcie'), 'segment': seg}
        doc = {'name': rc['name'], 'segment': self.num(seg, False)}
        first = self.pick((3, 0), (1, r.randint(0, 255)))
        last = self.pick((3, 255), (2, r.randint(first, 255)), (1, first))
        if last < first:
            last = first
        ecam_size = (last + 1 - first) << 20
        hi = self.chance(0.6)
        ecam_lo = self.mmio_frame(ecam_size, 1 << 20, high=hi, lo=max(0x1000000, first << 20))
        doc['ecam'] = Flow({'base': self.size(ecam_lo), 'bus-range': [self.num(first, False), self.num(last, False)]})
        if self.chance(0.6):
            doc['coherent'] = self.chance(0.7)
        if self.chance(0.2):
            doc['ats'] = True
            self.warn.add('dt-ats')
        if self.iort_rev >= 3 and self.chance(0.3):
            doc['memory-address-limit'] = self.num(r.randint(32, 64), False)
        if self.chance(0.7):
            doc['windows'] = self.windows()
        if self.chance(0.1):
            doc['dt-compatible'] = 'pci-host-ecam-generic'
        lo, hi_rid = first << 8, (last + 1) << 8
        src = {'kind': 'rc', 'key': ['rc', seg], 'name': rc['name'], 'space': [lo, hi_rid - lo],
               'routes': [], 'budget_its': [], 'doc': doc}
        self.add_source(src)

        # msi-parent: every RID to one controller that takes no DeviceID
        parents = self.spi_sinks() + ([self.dlpi] if self.direct_lpi else [])
        if parents and (not self.its and not self.smmus or self.chance(0.2)):
            sink = r.choice(parents)
            doc['msi-parent'] = sink['name']
            src['routes'].append((lo, hi_rid - lo, sink, None))
            if sink['kind'] == 'dlpi':
                self.lpis(doc, src)
            if self.chance(0.3):
                doc['msis'] = self.num(r.randint(1, 2048), False)
            self.rcs.append(doc)
            return

        # id-map: the RID space cut into pieces, each to an ITS, an SMMU, a frame, MBI or nothing
        grain = r.choice((1, 8, 256))
        pieces = self.split(hi_rid - lo, self.pick((4, 1), (3, 2), (2, 3), (1, 6)), grain)
        targets = self.its + self.smmus + self.spi_sinks()
        maps = []
        at = lo
        for idx, n in enumerate(pieces):
            piece_lo = at
            at += n
            if not targets or self.chance(0.08):
                self.warn.add('route-unmapped')
                self.feature('RIDs left unmapped')
                continue
            sink = r.choice(targets)
            # a mapping may run past the bus range (QEMU maps RIDs 0..0xffff whatever the buses)
            ilo, cnt = piece_lo, n
            if idx == 0 and piece_lo > 0 and self.chance(0.15):
                ilo = r.randint(0, piece_lo)
                cnt += piece_lo - ilo
                self.feature('ID mappings past the bus range')
            if idx == len(pieces) - 1 and self.chance(0.15):
                cnt += r.randint(0, 0x10000 - (ilo + cnt)) if ilo + cnt < 0x10000 else 0
            if not plain_count(cnt):
                cnt -= 1 if cnt - 1 >= n + (piece_lo - ilo) else -1
            if sink['kind'] == 'its':
                d = sink['devids'].alloc(cnt)
                if d is None:
                    self.warn.add('route-unmapped')
                    continue
                maps.append(self.map_doc(ilo, cnt, sink, d))
                src['routes'].append((piece_lo, n, sink, d + (piece_lo - ilo)))
            elif sink['kind'] == 'smmu':
                # Not MBI behind an SMMU: IORT keeps the RC -> SMMU mapping (DMA) and drops
                # the SMMU's own into MBI, and an SMMU left with no ID mapping is an error
                # (route-no-its) of the tables; a GICv2m frame takes such RIDs (Linux).
                sid, path = self.smmu_path(sink, cnt, self.its + self.v2m)
                if sid is None or not sink['maps']:
                    self.warn.add('route-unmapped')
                    continue
                self.feature('PCI through an SMMUv3')
                maps.append(self.map_doc(ilo, cnt, sink, sid))
                for off, k, s2, out in path:
                    # the part of this SMMU piece inside the RID space
                    a, b = max(ilo + off, piece_lo), min(ilo + off + k, piece_lo + n)
                    if a >= b:
                        continue
                    if s2 is None:
                        self.warn.add('route-unmapped')
                        continue
                    src['routes'].append((a, b - a, s2, None if out is None or s2['kind'] != 'its'
                                          else out + (a - ilo - off)))
            else:
                out = r.choice((ilo, 0, r.randint(0, (1 << 32) - cnt)))
                maps.append(self.map_doc(ilo, cnt, sink, out))
                src['routes'].append((piece_lo, n, sink, None))
        for k, (lo_, n_, s_, d_) in enumerate(src['routes']):
            if s_['kind'] != 'its':
                src['routes'][k] = (lo_, n_, s_, None)
        self.rc_extras(src, doc, maps)
        if self.chance(0.3):
            # The DTB may carry an msi-map-mask that changes no RID of the bus range: its
            # low bits up to the last RID, and any bits above (zero in every RID); and
            # none of an msi-map entry's ID base, which is as wide as the id-map
            end = max([hi_rid] + [int(m['input-base'].text.strip('"'), 0) +
                                  int(m['count'].text.strip('"'), 0)
                                  for m in maps if 'count' in m])
            top = (1 << (end - 1).bit_length()) - 1
            src['dt-mask'] = top | (r.getrandbits(16) & ~top & 0xffff)
        if self.chance(0.25):
            r.shuffle(maps)
        if maps:
            doc['id-map'] = maps
        if any(s['kind'] == 'its' for _, _, s, _ in src['routes']) and self.chance(0.4):
            doc['msis'] = None  # filled by finish_budgets()
        self.rcs.append(doc)

    def rc_extras(self, src, doc, maps):
        """DMA alias groups and the GICv4.0 VPE proxy's RID, in RIDs no piece routed."""
        r = self.r
        lo, n = src['space']
        covered = sorted((a, a + k) for a, k, _, _ in src['routes'])
        holes = []
        at = lo
        for a, b in covered:
            if a > at:
                holes.append((at, a))
            at = max(at, b)
        if at < lo + n:
            holes.append((at, lo + n))
        # the mappings themselves may cover a hole (a mapping past the pieces): keep off them
        spans = []
        for m in maps:
            if 'input-base' in m:
                a = int(m['input-base'].text.strip('"'), 0)
                spans.append((a, a + int(m['count'].text.strip('"'), 0)))
        holes = [(a, b) for a, b in holes if all(b <= x or y <= a for x, y in spans)]
        if not holes or not self.its:
            return
        a, b = r.choice(holes)
        its = r.choice(self.its)
        if 'proxy' in its and self.chance(0.5):
            # a RID reaching the VPE proxy's DeviceID, declared unpopulated (as QEMU virt does)
            rid = r.randint(a, b - 1)
            maps.append(self.map_doc(rid, 1, its, its['proxy']))
            src['routes'].append((rid, 1, its, its['proxy']))
            doc['unpopulated-rids'] = [Flow({'rids': [self.num(rid)], 'reason': 'VPE proxy DeviceID'})]
            return
        if self.chance(0.5):
            # a PCIe-to-PCI bridge: k RIDs, one requester, one DeviceID
            k = min(b - a, r.randint(2, 4))
            d = its['devids'].alloc(1)
            if d is None:
                return
            rids = list(range(a, a + k))
            for rid in rids:
                maps.append(self.map_doc(rid, 1, its, d))
                src['routes'].append((rid, 1, its, d))
            src.setdefault('alias_groups', []).append(k)
            form = [self.num(rids[0]), self.num(rids[-1])]
            doc['dma-aliases'] = [Flow({'rids': [form] if self.chance(0.5) else [self.num(x) for x in rids],
                                        'reason': 'PCIe-to-PCI bridge'})]
        else:
            self.warn.add('route-unmapped')

    def lpis(self, doc, src):
        r = self.r
        ranges = []
        for _ in range(r.randint(1, 2)):
            mm = r.choice((None, 1, 2, 4, 8, 16, 32))
            block = mm or 1
            count = block * r.randint(1, 64)
            base = self.lpi_alloc.alloc(count, block, 8192, 1 << self.intid_bits)
            if base is None:
                continue
            lr = {'base': self.num(base), 'count': self.num(count)}
            if mm:
                lr['multi-msi'] = self.num(mm, False)
            ranges.append(Flow(lr))
        assert ranges or self.lpi_alloc.used
        if ranges:
            doc['lpis'] = ranges
        if self.chance(0.5):
            doc['isolation-domain'] = 'vm0'

    def named_components(self):
        r = self.r
        self.ncs = []
        n = self.pick((3, 0), (3, 1), (2, 2), (1, 4))
        paths = set()
        for i in range(n):
            name = self.name('nc')
            while True:
                seg = ''.join(r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ_') for _ in range(1)) + \
                    ''.join(r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') for _ in range(3))
                acpi = '\\_SB.' + (('PCI%d.' % r.randint(0, 9)) if self.chance(0.3) else '') + seg
                node = r.choice(('dma', 'dma-controller', 'ethernet', 'accel', 'npu'))
                # no unit address: the standalone DTS has no reg for the board's own node
                if self.chance(0.5):
                    dtp = '/%s-%x' % (node, r.getrandbits(32))
                else:
                    dtp = '/%s/%s-%d' % (r.choice(('soc', 'bus', 'platform')), node, i)
                if acpi not in paths and dtp not in paths and dtp.split('/')[-1] not in paths:
                    paths |= {acpi, dtp, dtp.split('/')[-1]}
                    break
            doc = {'name': name, 'acpi-path': acpi, 'dt-path': dtp}
            if self.chance(0.5):
                doc['coherent'] = self.chance(0.6)
            if self.iort_rev >= 3 and self.chance(0.2):
                doc['memory-address-limit'] = self.num(r.randint(32, 64), False)
            src = {'kind': 'nc', 'key': ['nc', acpi], 'name': name, 'acpi': acpi, 'dt': dtp,
                   'space': [0, 1], 'single': True, 'routes': [], 'budget_its': [], 'doc': doc}
            self.add_source(src)
            parents = self.spi_sinks() + ([self.dlpi] if self.direct_lpi else [])
            choice = self.pick((6 if self.its else 0, 'its'), (3 if self.smmus and self.its else 0, 'smmu'),
                               (2 if parents else 0, 'parent'), (1, 'none'))
            if choice == 'its':
                its = r.choice(self.its)
                d = its['devids'].alloc(1)
                if d is not None:
                    doc['id-map'] = [self.map_doc(0, 1, its, d, single=True)]
                    src['routes'].append((0, 1, its, d))
            elif choice == 'smmu':
                s = r.choice(self.smmus)
                sid, path = self.smmu_path(s, 1, self.its)
                if sid is not None and path[0][2] is not None and s['maps']:
                    self.feature('named component through an SMMUv3')
                    doc['id-map'] = [self.map_doc(0, 1, s, sid, single=True)]
                    src['routes'].append((0, 1, path[0][2], path[0][3]))
            elif choice == 'parent':
                sink = r.choice(parents)
                if sink['kind'] == 'dlpi' or self.chance(0.5):
                    doc['msi-parent'] = sink['name']
                else:
                    doc['id-map'] = [self.map_doc(0, 1, sink, r.getrandbits(16), single=True)]
                src['routes'].append((0, 1, sink, None))
                if sink['kind'] == 'dlpi':
                    self.lpis(doc, src)
            if any(s['kind'] == 'its' for _, _, s, _ in src['routes']) and self.chance(0.5):
                doc['events'] = None
            self.ncs.append(doc)

    def windows(self):
        r = self.r
        out = []
        for kind in r.sample(('io', 'mem32', 'mem64', 'mem64'), r.randint(1, 3)):
            w = {'type': kind}
            if kind == 'io':
                size = r.choice((0x10000, 0x1000, 0x100000))
                pci = 0 if self.chance(0.7) else r.randint(0, 15) * 0x10000
            elif kind == 'mem32':
                size = r.choice((16 * M, 256 * M, 0x2eff0000 & ~0xffff, 1 * G))
                pci = r.randint(0, ((1 << 32) - size) >> 20) << 20
            else:
                size = r.choice((1 * G, 8 * G, 128 * G, 512 * G))
                pci = r.randint(1, 1 << 10) * (1 << 32)
            cpu = self.mmio_frame(size, min(size, 1 << 30) if kind != 'io' else 0x10000,
                                  high=kind == 'mem64' or self.chance(0.3))
            if self.chance(0.3):
                w['prefetchable'] = kind == 'mem64'
            w['pci-base'] = self.size(pci)
            w['cpu-base'] = self.size(cpu)
            w['size'] = self.size(size)
            out.append(Flow(w))
        return out

    # ---------------------------------------------------------------- budgets
    def finish_its(self):
        pass

    def finish_budgets(self):
        """EventID budgets (msis, events, ims-slots) within the ITSes' EventID bits."""
        r = self.r
        for src in self.sources:
            if src['kind'] == 'smmu':
                continue
            doc = src['doc']
            evs = [s['evbits'] for _, _, s, _ in src['routes'] if s['kind'] == 'its']
            key = 'msis' if src['kind'] == 'rc' else 'events'
            if not evs:
                doc.pop(key, None)
                continue
            share = max([1] + src.get('alias_groups', []))
            room = (1 << min(evs)) // share
            if key in doc and doc[key] is None:
                cap = min(room, 2048) if key == 'msis' else min(room, (1 << 32) - 1)
                if cap < 1:
                    doc.pop(key)
                    continue
                v = self.pick((2, r.randint(1, cap)), (1, cap))
                doc[key] = self.num(v, False)
                if room - v > 0 and self.chance(0.3):
                    doc['ims-slots'] = self.num(self.pick((1, room - v), (2, r.randint(0, room - v))), False)
            elif key in doc:
                doc.pop(key)

    # ---------------------------------------------------------------- output
    def assemble(self):
        g = self.g
        if not self.v2:
            g['its'] = []
            for its in self.its:
                d = {'name': its['name'], 'id': self.num(its['id'], False), 'base': self.size(its['base'])}
                default = 0x30000 if self.version == '4.1' else 0x20000
                if its['size'] != default or self.chance(0.2):
                    d['size'] = self.size(its['size'])
                d['device-id-bits'] = self.num(its['bits'], False)
                d['event-id-bits'] = self.num(its['evbits'], False)
                if 'pxm' in its:
                    d['proximity-domain'] = self.num(its['pxm'])
                g['its'].append(Flow(d) if self.chance(0.6) else d)
            if not g['its']:
                del g['its']
        self.doc['gic'] = g
        if getattr(self, 'doc_iommus', None):
            self.doc['iommus'] = self.doc_iommus
        if self.rcs:
            self.doc['root-complexes'] = self.rcs
        if self.ncs:
            self.doc['named-components'] = self.ncs
        if self.direct_lpi and any(
                s['kind'] == 'dlpi' for src in self.sources for _, _, s, _ in src['routes']):
            self.options.append('--force')  # the IORT leaves Direct-LPI routes out, with a warning
            self.check_options.append('-Wiort-direct-lpi')  # what IORT loses is a warning here
            self.warn.add('iort-direct-lpi')

    def yaml(self):
        head = ['# gen_platform.py %d: a random platform for the generative round-trip test' % self.seed,
                '# generate: %s' % ' '.join(self.options),
                '# check: %s' % ' '.join(self.check_options),
                '# tables: IORT revision %d, MADT revision %d' % (self.iort_rev, self.madt_rev)]
        return '\n'.join(head + emit(self.doc, 0, [])) + '\n'

    # ---------------------------------------------------------------- expectations
    def view(self, src, which):
        """The routes of @src an OS booted from view @which takes: [lo, n, sink key or None, out]."""
        lo, n = src['space']
        routes = sorted(src['routes'], key=lambda t: t[0])
        out = []
        for a, k, s, d in routes:
            if which == 'acpi' and s['kind'] != 'its':
                s = None  # IORT: no node for Direct LPI, MBI, a GICv2m frame
            out.append([a, k, self.sink_key(s) if s else None, d if s and s['kind'] == 'its' else None])
        if which == 'acpi' and src['kind'] == 'rc' and self.v2m:
            # Linux: a PCI device IORT gives no ITS takes the first MADT GIC MSI frame
            first = self.sink_key(self.v2m[0])
            full = []
            at = lo
            for a, k, s, d in out + [[lo + n, 0, 'end', None]]:
                if a > at:
                    full.append([at, a - at, first, None])
                if s == 'end':
                    break
                full.append([a, k, s if s else first, d])
                at = a + k
            out = full
        return merge(out)

    def expect(self):
        for src in self.sources:
            for _, _, s, _ in src['routes']:
                # IORT has no node for MBI, nor for a GICv2m frame of a named component;
                # PCI gets the first frame under ACPI, whichever the description names
                if s['kind'] == 'mbi' or (s['kind'] == 'v2m' and (
                        src['kind'] == 'nc' or s is not self.v2m[0])):
                    self.warn.add('iort-spi-msi')
        srcs = []
        format_warn = set()
        for src in self.sources:
            e = {'kind': src['kind'], 'key': src['key'], 'yaml-name': src['name'],
                 'space': src['space'], 'single': src.get('single', False),
                 'dt-mask': src.get('dt-mask')}
            if src['kind'] == 'nc':
                e['acpi-path'], e['dt-path'] = src['acpi'], src['dt']
            for which in ('yaml', 'dt', 'acpi'):
                e[which] = self.view(src, which)
                if src['kind'] == 'rc' and sum(k for _, k, _, _ in e[which]) < src['space'][1]:
                    # RIDs that reach no MSI controller: in the description, or in a format
                    (self.warn if which == 'yaml' else format_warn).add('route-unmapped')
            srcs.append(e)
        sinks = {}
        for its in self.its if not self.v2 else []:
            sinks[its['name']] = {'key': self.sink_key(its), 'id': its['id']}
        for f in self.v2m:
            sinks[f['name']] = {'key': self.sink_key(f), 'id': f['id']}
        if self.mbi:
            sinks[self.mbi['name']] = {'key': ['mbi']}
        if self.direct_lpi:
            sinks[self.dlpi['name']] = {'key': ['dlpi']}
        return {'seed': self.seed, 'options': self.options, 'check-options': self.check_options,
                'sources': srcs, 'sinks': sinks,
                'warnings': sorted(self.warn), 'format-warnings': sorted(format_warn | self.warn),
                'gic-version': self.version,
                'iort-revision': self.iort_rev, 'madt-revision': self.madt_rev}


def plain_count(n):
    """Not 2^j + 1 IDs (j >= 8), which rule id-map-count-off-by-one takes for a count
    written where IORT wants count - 1."""
    return not (n >= 257 and (n - 1) & (n - 2) == 0)


def tally(g):
    """What platform @g has: feature -> True or a count (gen_platform.py SEED --features)."""
    d, f = g.doc, {}
    f['GIC version ' + g.version] = True
    f['IORT revision %d' % g.iort_rev] = True
    f['MADT revision %d' % g.madt_rev] = True
    f['CPUs as a list'] = isinstance(g.cpu_doc, list)
    f['CPUs'] = g.ncpus
    f['ITSes'] = len(g.its)
    f['SMMUv3s'] = len(g.smmus)
    f['SMMU own MSIs'] = sum(1 for s in g.sources if s['kind'] == 'smmu')
    rcs = d.get('root-complexes', [])
    f['root complexes'] = len(rcs)
    f['root complexes without windows'] = sum(1 for rc in rcs if 'windows' not in rc)
    f['PCI segments other than 0'] = sum(1 for s in g.sources if s['kind'] == 'rc' and s['key'][1])
    f['root complexes with msi-parent'] = sum(1 for rc in rcs if 'msi-parent' in rc)
    f['DMA alias groups'] = sum(1 for rc in rcs if 'dma-aliases' in rc)
    f['unpopulated RIDs (VPE proxy)'] = sum(1 for rc in rcs if 'unpopulated-rids' in rc)
    f['msi-map-mask in the DTB'] = sum(1 for s in g.sources if s.get('dt-mask') is not None)
    f['named components'] = len(d.get('named-components', []))
    f['GICv2m frames'] = len(g.v2m)
    f['MBI'] = bool(g.mbi)
    f['Direct LPI'] = g.direct_lpi
    kinds = {}
    for s in g.sources:
        for _, _, sink, _ in s['routes']:
            kinds['%s -> %s' % (s['kind'], sink['kind'])] = True
    f.update(kinds)
    via = sum(1 for s in g.smmus for _ in s['maps'])
    f['SMMU StreamID mappings'] = via
    for x in g.features:
        f[x] = True
    return f


def merge(routes):
    """Joins adjacent routes that continue one another (same sink, DeviceIDs in step)."""
    out = []
    for a, k, s, d in sorted(routes, key=lambda t: t[0]):
        if s is None:
            continue
        if out:
            pa, pk, ps, pd = out[-1]
            if pa + pk == a and ps == s and (pd is None) == (d is None) and (d is None or pd + pk == d):
                out[-1][1] += k
                continue
        out.append([a, k, s, d])
    return out


USAGE = 'usage: gen_platform.py SEED [--expect | --features | --out DIR]\n'


def main(argv):
    if len(argv) < 2 or not argv[1].isdigit():
        sys.stderr.write(USAGE)
        return 2
    g = Gen(int(argv[1]))
    g.build()
    if argv[2:3] == ['--out'] and len(argv) == 4:
        with open(os.path.join(argv[3], 'p.yaml'), 'w') as f:
            f.write(g.yaml())
        with open(os.path.join(argv[3], 'expect.json'), 'w') as f:
            json.dump(g.expect(), f)
    elif argv[2:] == ['--expect']:
        json.dump(g.expect(), sys.stdout)
        sys.stdout.write('\n')
    elif argv[2:] == ['--features']:
        json.dump(tally(g), sys.stdout)
        sys.stdout.write('\n')
    elif argv[2:]:
        sys.stderr.write(USAGE)
        return 2
    else:
        sys.stdout.write(g.yaml())
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
