#!/usr/bin/env python3
"""Check that two `dump` outputs differ only in entity keys, and list the key changes.

    python3 scripts/keys/key_changes.py BEFORE.jsonl AFTER.jsonl

Exit status 1 when a record differs in anything but an entity's `key` (the first such
record is shown). Otherwise prints each change `type name: old -> new` with its count.
"""
import collections
import json
import sys


def without_keys(rec):
    rec = json.loads(json.dumps(rec))
    for e in rec.get("entities", []):
        e["key"] = None
    return rec


def main():
    before, after = sys.argv[1], sys.argv[2]
    changes = collections.Counter()
    n = 0
    with open(before, encoding="utf-8") as fa, open(after, encoding="utf-8") as fb:
        for la, lb in zip(fa, fb, strict=True):
            n += 1
            if la == lb:
                continue
            a, b = json.loads(la), json.loads(lb)
            if without_keys(a) != without_keys(b):
                print(f"record {n} ({a.get('id')}) differs beyond keys")
                return 1
            for ea, eb in zip(a["entities"], b["entities"]):
                if ea["key"] != eb["key"]:
                    changes[(ea["type"], ea["name"], ea["key"], eb["key"])] += 1
    print(f"{n} records; only keys differ; {sum(changes.values())} entity keys changed")
    for (kind, name, old, new), count in sorted(changes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:4d}  {kind:12s} {name!r}: {old} -> {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
