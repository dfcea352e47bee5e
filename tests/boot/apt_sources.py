#!/usr/bin/python3
"""Prints the host's APT sources as a private one-line sources.list for arm64.

  apt_sources.py [ETC_APT]     (default /etc/apt)

Reads ETC_APT/sources.list and ETC_APT/sources.list.d/*.list (one-line format)
and *.sources (deb822), the files APT itself reads (sources.list(5)), keeps the
"deb" entries that are enabled, and writes each as
  deb [arch=arm64 signed-by=KEYRING] URI SUITE COMPONENT...
so that an arm64 download sees the same mirrors as the host even when the
host's entries are restricted to its own architecture. The host's files are
only read; fetch.sh passes the result with -o Dir::Etc::SourceList.
"""
import glob
import os
import sys


def one_line_entries(text):
    """Yields (uri, suite, components, signed_by) of the deb lines of @text."""
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if not words or words[0] != "deb":
            continue
        words = words[1:]
        opts = {}
        if words and words[0].startswith("["):
            opt_words = []
            while words:
                w = words.pop(0)
                opt_words.append(w.strip("[]"))
                if w.endswith("]"):
                    break
            for o in " ".join(opt_words).split():
                k, _, v = o.partition("=")
                opts[k] = v
        if len(words) >= 2:
            yield words[0], words[1], words[2:], opts.get("signed-by")


def deb822_entries(text):
    """Yields (uri, suite, components, signed_by) of the enabled deb stanzas."""
    for stanza in text.split("\n\n"):
        fields = {}
        key = None
        for line in stanza.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            if line[0] in " \t" and key:
                fields[key] += " " + line.strip()
                continue
            key, _, value = line.partition(":")
            key = key.strip().lower()
            fields[key] = value.strip()
        if "deb" not in fields.get("types", "").split():
            continue
        if fields.get("enabled", "yes").lower() == "no":
            continue
        signed = fields.get("signed-by")
        if signed and " " in signed:
            signed = None  # an inline key block: leave it to the default keyrings
        for uri in fields.get("uris", "").split():
            for suite in fields.get("suites", "").split():
                yield uri, suite, fields.get("components", "").split(), signed


def main():
    etc = sys.argv[1] if len(sys.argv) > 1 else "/etc/apt"
    files = [os.path.join(etc, "sources.list")]
    files += sorted(glob.glob(os.path.join(etc, "sources.list.d", "*.list")))
    files += sorted(glob.glob(os.path.join(etc, "sources.list.d", "*.sources")))
    for path in files:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        parse = deb822_entries if path.endswith(".sources") else one_line_entries
        for uri, suite, comps, signed in parse(text):
            opts = "arch=arm64" + (f" signed-by={signed}" if signed else "")
            print(f"deb [{opts}] {uri} {suite} {' '.join(comps)}".rstrip())


if __name__ == "__main__":
    main()
