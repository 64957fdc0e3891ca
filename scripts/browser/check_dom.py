#!/usr/bin/env python3
"""Check the DOM Chromium built from the highlight page against the records.

    check_dom.py RECORDS.jsonl DOM.html

RECORDS.jsonl is the dump example's output for the same input; DOM.html is
`chromium --dump-dom` of the highlight page. Every mention of every record
must be an element with its entity's data-entity and data-type whose text
content is the mention text (counted per article), every claim an element
with its data-claim and data-kind whose text starts the claim text, and
every failed article an error box naming it. Articles must appear in record
order. Prints `browser: N passed, M failed` and exits 1 on any failure.

Standard library only.
"""

import json
import sys
from collections import Counter
from html.parser import HTMLParser

# Elements that never have a closing tag in serialized HTML.
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr",
}


class Element:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.attrs = attrs
        self.text = []


class Collector(HTMLParser):
    """Collects article sections and their marked elements, with text content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # open elements: (tag, Element or None)
        self.sections = []  # [{"id", "failed", "mentions", "claims", "text"}]
        self.section = None
        self.section_depth = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            return
        el = None
        classes = (a.get("class") or "").split()
        if tag == "section" and "article" in classes:
            self.section = {
                "id": a.get("id"),
                "failed": "failed" in classes,
                "mentions": [],
                "claims": [],
                "text": [],
            }
            self.sections.append(self.section)
            self.section_depth = len(self.stack)
        elif self.section is not None and ("data-type" in a or "data-kind" in a):
            el = Element(tag, a)
            if "data-type" in a:
                self.section["mentions"].append(el)
            if "data-kind" in a:
                self.section["claims"].append(el)
        self.stack.append((tag, el))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Browser-serialized DOM is well-formed; pop to the matching tag.
        while self.stack:
            t, _ = self.stack.pop()
            if self.section_depth is not None and len(self.stack) == self.section_depth:
                self.section = None
                self.section_depth = None
            if t == tag:
                break

    def handle_data(self, data):
        for _, el in self.stack:
            if el is not None:
                el.text.append(data)
        if self.section is not None:
            self.section["text"].append(data)


def main():
    if len(sys.argv) != 3:
        print("usage: check_dom.py RECORDS.jsonl DOM.html", file=sys.stderr)
        return 2
    records = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    with open(sys.argv[2], encoding="utf-8") as f:
        dom = f.read()
    parser = Collector()
    parser.feed(dom)
    parser.close()

    passed = 0
    failures = []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(what)

    sections = parser.sections
    check(
        len(sections) == len(records),
        f"{len(sections)} article sections in the DOM, {len(records)} records",
    )
    for i, (rec, sec) in enumerate(zip(records, sections)):
        if "error" in rec:
            body = "".join(sec["text"])
            name = rec.get("id") or rec.get("origin") or ""
            check(
                sec["failed"] and name in body,
                f"record {i + 1}: error for {name!r} is not an error box naming it",
            )
            continue
        rid = rec["id"]
        check(sec["id"] == rid, f"section {i + 1} is {sec['id']!r}, record is {rid!r}")

        # Mentions: (entity, type, text) multisets must agree.
        expected = Counter()
        for e in rec["entities"]:
            for m in e["mentions"]:
                expected[(e["id"], e["type"], m["text"])] += 1
        seen = Counter(
            (el.attrs.get("data-entity"), el.attrs.get("data-type"), "".join(el.text))
            for el in sec["mentions"]
        )
        for key, n in sorted(expected.items()):
            got = min(n, seen[key])
            passed += got
            for _ in range(n - got):
                failures.append(
                    f"{rid}: mention {key[2]!r} of {key[0]} ({key[1]}) is not highlighted"
                )
        for key, n in sorted((seen - expected).items()):
            for _ in range(n):
                failures.append(
                    f"{rid}: unexpected highlight {key[2]!r} as {key[0]} ({key[1]})"
                )

        # Claims: one first element per claim, with its kind and text.
        by_id = {}
        for el in sec["claims"]:
            by_id.setdefault(el.attrs.get("data-claim"), []).append(el)
        for c in rec["claims"]:
            els = by_id.pop(c["id"], [])
            if len(els) != 1:
                failures.append(f"{rid}: claim {c['id']} has {len(els)} marked elements")
                continue
            el = els[0]
            text = "".join(el.text)
            kind = el.attrs.get("data-kind")
            check(
                kind == c["kind"] and text != "" and c["text"].startswith(text),
                f"{rid}: claim {c['id']} ({c['kind']} {c['text'][:40]!r}) marked as "
                f"{kind} {text[:40]!r}",
            )
        for cid, els in sorted(by_id.items(), key=lambda kv: str(kv[0])):
            failures.append(f"{rid}: unexpected claim element {cid!r}")

    for f in failures[:50]:
        print(f"browser: FAIL {f}")
    if len(failures) > 50:
        print(f"browser: … {len(failures) - 50} more failures")
    print(f"browser: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
