#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""check_routes.py GICDESC SEED DIR: what gicdesc check and resolve say of a generated platform.

DIR holds what roundtrip_seed.sh made of seed SEED: p.yaml and expect.json
(gen_platform.py), and out/ (gicdesc generate: NAME.dtb, iort.aml,
madt.aml). Prints one "ok - " or "not ok - " line per assertion (with
"#"-prefixed details and the command to see the fault), and exits 1 when one
failed:
- `gicdesc check` of the description, our DTB and our IORT+MADT together
  reports no error; its findings on the description are warnings of the rules
  the generator meant (expect.json "warnings"; on the DTB and the tables,
  "format-warnings": route-unmapped where a format loses routes); and
  firmware-drift names exactly the sources whose routes the generator expects
  a format to lose (IORT: Direct LPI, MBI, a GICv2m frame of a named
  component, a later GICv2m frame of PCI);
- our DTB with an msi-map-mask on some root complexes (expect.json
  "dt-mask": masks that change no RID of the bus range, set with fdtput)
  checks beside the description with no drift and resolves alike;
- `gicdesc resolve` of every source in each of the three inputs gives the
  routes the generator worked out for that view (expect.json), compared by
  hardware identity: sources by PCI segment, SMMUv3 base, ACPI path or DT path;
  sinks by ITS or frame base. Sink names are read back from our DTB (libfdt)
  and from the ITS and frame IDs of the description.
Needs python3-libfdt (through tests/cli/dt_facts.py).
"""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cli'))
import dt_facts  # noqa: E402 (tests/cli/dt_facts.py: the DTB walk)
from gen_platform import merge  # noqa: E402 (joins routes that continue one another)

SEVERE = ('error',)


class Report:
    def __init__(self, seed, repro):
        self.seed, self.repro, self.failed = seed, repro, 0

    def ok(self, what):
        print('ok - seed %d: %s' % (self.seed, what))

    def not_ok(self, what, details=(), cmd=None):
        self.failed += 1
        print('not ok - seed %d: %s' % (self.seed, what))
        for line in details:
            print('#   %s' % line)
        if cmd:
            print('#   see: %s' % cmd)
        print('#   reproduce: %s' % self.repro)


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def shell(argv):
    return ' '.join("'%s'" % a if re.search(r'[^\w./@=,:+-]', a) else a for a in argv)


def diagnostics(out):
    try:
        return json.loads(out)['diagnostics']
    except (ValueError, KeyError):
        return None


# ---------------------------------------------------------------- names in our DTB


def dtb_names(path):
    """Node name -> hardware key of the sinks; source key -> node name; root complex key ->
    (node path, whether it has msi-map), in our DTB."""
    sinks, sources, hosts = {}, {}, {}
    for path, props in dt_facts.load(path).items():
        name = path.rsplit('/', 1)[-1] or '/'
        compat = dt_facts.strings(props.get('compatible', b''))
        reg = dt_facts.cells(props.get('reg', b''))
        base = reg[0] << 32 | reg[1] if len(reg) > 1 else None  # #address-cells = 2 in our trees
        if 'arm,gic-v3-its' in compat:
            sinks[name] = ['its', base]
        elif 'arm,gic-v2m-frame' in compat:
            sinks[name] = ['v2m', base]
        elif any(c.startswith('arm,gic-v3-direct-lpi') for c in compat):
            sinks[name] = ['dlpi']
        elif 'mbi-ranges' in props:
            sinks[name] = ['mbi']
        if 'linux,pci-domain' in props:
            key = json.dumps(['rc', dt_facts.cells(props['linux,pci-domain'])[0]])
            sources[key] = name
            hosts[key] = (path, 'msi-map' in props)
        if 'arm,smmu-v3' in compat:
            sources[json.dumps(['smmu', base])] = name
        sources[json.dumps(['dt-path', path])] = name
    return sinks, sources, hosts


# ---------------------------------------------------------------- resolve output

LINE = re.compile(r'^(?P<first>.*?)(?: -> (?P<rest>.*))?$')


def parse_routes(text, sink_keys):
    """Lines of `gicdesc resolve` -> [[lo, n, sink key, DeviceID or None]] of the routes that end at a sink."""
    out, bad = [], []
    for line in text.splitlines():
        if not line or line.endswith(':') or line.endswith(': no routes'):
            continue
        hops = line.split(' -> ')
        first = hops[0]
        m = re.search(r' (?:RID|StreamID|ID) 0x([0-9a-f]+)(?:-0x([0-9a-f]+))?'
                      r'(?: \(RID & msi-map-mask 0x[0-9a-f]+\))?$', first)
        if m:
            lo = int(m.group(1), 16)
            n = (int(m.group(2), 16) if m.group(2) else lo) - lo + 1
        elif first.endswith('(single mapping)'):
            lo, n = 0, 1
        else:
            bad.append(line)
            continue
        last = hops[-1]
        if last.startswith('('):
            continue  # unmapped, cycle, overflow: no sink
        m = re.match(r'^(\S+) DeviceID 0x([0-9a-f]+)(?:-0x[0-9a-f]+)?$', last)
        if m:
            name, dev = m.group(1), int(m.group(2), 16)
        else:
            m = re.match(r'^(\S+) \(.*: no DeviceID\)$', last)
            if not m:
                bad.append(line)
                continue
            name, dev = m.group(1), None
        key = sink_keys.get(name)
        if key is None:
            bad.append('%s (sink %s unknown)' % (line, name))
            continue
        out.append([lo, n, key, dev if key[0] == 'its' else None])
    return out, bad


def clip(routes, space):
    lo, n = space
    out = []
    for a, k, s, d in routes:
        b = min(a + k, lo + n)
        a2 = max(a, lo)
        if a2 < b:
            out.append([a2, b - a2, s, None if d is None else d + (a2 - a)])
    return merge(out)


def fmt(routes):
    def key(s):
        return s[0] + ('@0x%x' % s[1] if len(s) > 1 else '')
    return ', '.join('0x%x-0x%x -> %s%s' % (a, a + k - 1, key(s), '' if d is None else ' 0x%x' % d)
                     for a, k, s, d in routes) or '(none)'


# ---------------------------------------------------------------- the checks


def identity(s):
    """How firmware-drift names source @s (check/compare.c source_identity())."""
    if s['kind'] == 'rc':
        return 'PCI segment %d' % s['key'][1]
    if s['kind'] == 'smmu':
        return 'the own MSIs of the SMMUv3 at 0x%x' % s['key'][1]
    return 'named component %s' % s['yaml-name']



def main(argv):
    gicdesc, seed, d = argv[1], int(argv[2]), argv[3]
    exp = json.load(open(os.path.join(d, 'expect.json')))
    yaml = os.path.join(d, 'p.yaml')
    out = os.path.join(d, 'out')
    dtb = [os.path.join(out, f) for f in os.listdir(out) if f.endswith('.dtb')][0]
    acpi = [os.path.join(out, 'iort.aml'), os.path.join(out, 'madt.aml')]
    rep = Report(seed, 'scripts/roundtrip.sh %d 1' % seed)
    copts = exp['check-options']
    allowed = set(exp['warnings'])
    format_allowed = set(exp['format-warnings'])

    # 1. the description, our DTB and our IORT+MADT together; 2. the description's own findings
    argv_ = [gicdesc, 'check', '--format', 'json'] + copts + [yaml, dtb] + acpi
    see = shell(argv_[:2] + copts + [yaml, dtb] + acpi)
    st, o, e = run(argv_)
    diags = diagnostics(o)
    if diags is None:
        rep.not_ok('check of YAML + DTB + IORT/MADT: no JSON report (status %d)' % st, e.splitlines()[:5], see)
        return 1
    own = [g for g in diags if g.get('file') == yaml]
    bad = [g for g in own if g['severity'] in SEVERE or (g['severity'] == 'warning' and g['rule'] not in allowed)]
    if bad:
        rep.not_ok('check of the description: unexpected findings',
                   ['%s: %s [%s]' % (g['severity'], g['message'], g['rule']) for g in bad[:8]],
                   shell(argv_[:2] + copts + [yaml]))
    else:
        rep.ok('check of the description: no error, warnings only from %s' %
               (', '.join(sorted({g['rule'] for g in own if g['severity'] == 'warning'})) or 'no rule'))
    errors = [g for g in diags if g['severity'] == 'error' and g['rule'] != 'firmware-drift']
    warns = [g for g in diags if g['severity'] == 'warning' and g['rule'] not in format_allowed]
    drift = [g['message'] for g in diags if g['rule'] == 'firmware-drift']
    # The sources where a format cannot carry a route (IORT: Direct LPI, MBI, a frame of a
    # named component, a later frame for PCI), named as the drift messages name them.
    want = {identity(s) for s in exp['sources'] if s['acpi'] != s['yaml'] or s['dt'] != s['yaml']}
    stray = [m for m in drift if not any(m.startswith(w + ' ') for w in want)]
    quiet = [w for w in want if not any(m.startswith(w + ' ') for m in drift)]
    if errors or warns:
        rep.not_ok('check of YAML + DTB + IORT/MADT: unexpected findings',
                   ['%s: %s [%s]' % (g['severity'], g['message'], g['rule']) for g in (errors + warns)[:8]], see)
    elif stray or quiet:
        rep.not_ok('check of YAML + DTB + IORT/MADT: firmware-drift but where a format cannot carry a route',
                   stray[:6] + ['no drift reported for %s' % w for w in quiet], see)
    else:
        rep.ok('check of YAML + DTB + IORT/MADT: no error, %s' %
               ('no firmware-drift' if not drift else
                'firmware-drift only where IORT cannot carry a route (%s)' % ', '.join(sorted(want))))

    # 3. routes, input by input (and 4. our DTB with msi-map-masks that change no RID)
    dt_sinks, dt_sources, hosts = dtb_names(dtb)
    masked = os.path.join(d, 'masked.dtb')
    masks = [(s, hosts[json.dumps(s['key'])][0]) for s in exp['sources']
             if s.get('dt-mask') is not None and hosts.get(json.dumps(s['key']), ('', False))[1]]
    if masks:
        shutil.copyfile(dtb, masked)
        for s, path in masks:
            run(['fdtput', '-t', 'x', masked, path, 'msi-map-mask', '%x' % s['dt-mask']])
    yaml_sinks = {name: s['key'] for name, s in exp['sinks'].items()}
    acpi_sinks = {}
    for name, s in exp['sinks'].items():
        if s['key'][0] in ('its', 'v2m'):
            acpi_sinks['%s%d' % (s['key'][0], s['id'])] = s['key']
    views = (('yaml', [yaml], yaml_sinks), ('dt', [dtb], dt_sinks), ('acpi', acpi, acpi_sinks))
    masked_view = ('dt', [masked], dt_sinks)
    wrong = []
    for s in exp['sources']:
        names = {'yaml': s['yaml-name']}
        if s['kind'] == 'rc':
            names['acpi'] = 'pcie%d' % s['key'][1]
            names['dt'] = dt_sources.get(json.dumps(s['key']))
        elif s['kind'] == 'smmu':
            names['acpi'] = 'smmu@0x%x' % s['key'][1]
            names['dt'] = dt_sources.get(json.dumps(s['key']))
        else:
            names['acpi'] = s['acpi-path']
            names['dt'] = dt_sources.get(json.dumps(['dt-path', s['dt-path']]))
        for view, inputs, sinks in views + ((masked_view,) if any(m[0] is s for m in masks) else ()):
            want = s[view]
            name = names[view]
            if name is None:
                got, bad, cmd = [], [], None
            else:
                argv_ = [gicdesc, 'resolve'] + inputs + [name]
                st, o, e = run(argv_)
                cmd = shell(argv_)
                if 'no source named' in e:
                    got, bad = [], []
                else:
                    got, bad = parse_routes(o, sinks)
                    got = clip(got, s['space'])
            if bad or got != want:
                wrong.append(('%s %s in %s: %s' % (s['kind'], s['yaml-name'],
                                                   'the masked DTB' if inputs == [masked] else view,
                                                   'unreadable: ' + bad[0] if bad else 'routes differ'),
                              'want %s' % fmt(want), 'got  %s' % fmt(got), cmd))
    if masks:
        # The masked DTB routes every RID as the description does: no drift, no error.
        argv_ = [gicdesc, 'check', '--format', 'json'] + copts + [yaml, masked]
        st, o, e = run(argv_)
        diags = diagnostics(o) or []
        bad = [g for g in diags if g['severity'] == 'error' or g['rule'] == 'firmware-drift' or
               (g['severity'] == 'warning' and g['rule'] not in format_allowed)]
        if diags and not bad:
            rep.ok('check of YAML + our DTB with msi-map-mask %s: no error, no firmware-drift' %
                   ', '.join('0x%x' % m[0]['dt-mask'] for m in masks))
        else:
            rep.not_ok('check of YAML + our DTB with msi-map-masks that change no RID',
                       ['%s: %s [%s]' % (g['severity'], g['message'], g['rule']) for g in bad[:8]] or
                       e.splitlines()[:5], shell(argv_[:2] + copts + [yaml, masked]))
    if wrong:
        details = []
        for w in wrong[:6]:
            details += list(w[:3]) + (['  %s' % w[3]] if w[3] else [])
        rep.not_ok('resolve: %d source views differ from the generator\'s routes' % len(wrong), details)
    else:
        rep.ok('resolve: the routes of %d sources equal the generator\'s in YAML, DTB and IORT+MADT' %
               len(exp['sources']))
    return 1 if rep.failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
