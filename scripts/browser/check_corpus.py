#!/usr/bin/env python3
"""Check the DOM Chromium built from the corpus page against the corpus view.

    check_corpus.py CORPUS.json CORPUS_DOM.html HIGHLIGHT_DOM.html HIGHLIGHT_HREF

CORPUS.json is the `corpus` command's JSON view of the input; CORPUS_DOM.html
is `chromium --dump-dom` of the page `corpus --html` wrote for it, with
`--highlight-page HIGHLIGHT_HREF`; HIGHLIGHT_DOM.html is `chromium --dump-dom`
of that highlight page. The page lists the entities named in 2 or more
articles (write_html in newsfacts-cli/src/commands/corpus.rs), so each of
them must be a row of the entity table, in view order, with its type, name,
key, article and mention counts and one link per article with its mention
count; every figure group must be a table captioned with its subject, unit
and year (and marked when its sources disagree) holding one row per figure
with its article, text, value and source; and every article link must point
at HIGHLIGHT_HREF with an anchor that is an id in the highlight DOM and is
the link's text. Prints `corpus: N passed, M failed` and exits 1 on any
failure.

Standard library only.
"""

import json
import sys
from html.parser import HTMLParser

# Elements that never have a closing tag in serialized HTML.
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "param", "source", "track", "wbr",
}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children = []  # Nodes and text strings, in document order

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag):
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    yield c
                yield from c.find_all(tag)

    def elements(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.elements()


class TreeBuilder(HTMLParser):
    """Builds a small element tree of a browser-serialized (well-formed) DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.open = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.open)
        self.open.children.append(node)
        if tag not in VOID:
            self.open = node

    def handle_startendtag(self, tag, attrs):
        self.open.children.append(Node(tag, dict(attrs), self.open))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.open
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.open = node.parent

    def handle_data(self, data):
        self.open.children.append(data)


def parse(path):
    with open(path, encoding="utf-8") as f:
        builder = TreeBuilder()
        builder.feed(f.read())
        builder.close()
    return builder.root


def rows(table):
    """The table's rows of data cells (header rows left out)."""
    out = []
    for tr in table.find_all("tr"):
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag == "td"]
        if cells:
            out.append(cells)
    return out


def links(cell):
    return [(a.attrs.get("href") or "", a.text()) for a in cell.find_all("a")]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def main():
    if len(sys.argv) != 5:
        print(
            "usage: check_corpus.py CORPUS.json CORPUS_DOM.html HIGHLIGHT_DOM.html HIGHLIGHT_HREF",
            file=sys.stderr,
        )
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        view = json.load(f)
    page = parse(sys.argv[2])
    anchors = {el.attrs["id"] for el in parse(sys.argv[3]).elements() if "id" in el.attrs}
    highlight = sys.argv[4]

    passed = 0
    failures = []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(what)

    def check_link(link, article, where):
        href, text = link
        target, _, anchor = href.partition("#")
        check(
            target == highlight and anchor == article and text == article,
            f"{where}: link {text!r} -> {href!r}, expected {article!r} -> "
            f"{highlight + '#' + article!r}",
        )
        check(anchor in anchors, f"{where}: anchor #{anchor} is not an id in the highlight DOM")

    body = page.text()
    check(
        f"{view['articles']} articles" in body,
        f"page does not say {view['articles']} articles",
    )

    # Entities: the table after the "entities" heading, one row per shared entity.
    tables = list(page.find_all("table"))
    entity_tables = [t for t in tables if not list(t.find_all("caption"))]
    shared = [e for e in view["entities"] if e["article_count"] >= 2]
    check(len(entity_tables) == 1, f"{len(entity_tables)} entity tables in the page, expected 1")
    entity_rows = rows(entity_tables[0]) if entity_tables else []
    check(
        len(entity_rows) == len(shared),
        f"{len(entity_rows)} entity rows, {len(shared)} entities in 2 or more articles",
    )
    for e, cells in zip(shared, entity_rows):
        where = f"entity {e['key']} ({e['name']})"
        if len(cells) != 6:
            failures.append(f"{where}: row has {len(cells)} cells, expected 6")
            continue
        kind, name, key, articles, mentions, among = (c.text() for c in cells)
        check(kind == e["type"], f"{where}: type {kind!r}, expected {e['type']!r}")
        check(name == e["name"], f"{where}: name {name!r}, expected {e['name']!r}")
        want_key = e["key"] if e["keyed"] else "-"
        check(key == want_key, f"{where}: key {key!r}, expected {want_key!r}")
        check(
            articles == str(e["article_count"]),
            f"{where}: article count {articles!r}, expected {e['article_count']}",
        )
        check(
            mentions == str(e["mention_count"]),
            f"{where}: mention count {mentions!r}, expected {e['mention_count']}",
        )
        got = links(cells[5])
        check(
            len(got) == len(e["articles"]),
            f"{where}: {len(got)} article links, expected {len(e['articles'])}",
        )
        for ref, link in zip(e["articles"], got):
            check_link(link, ref["id"], where)
            check(
                f"{ref['id']} ({ref['mentions']})" in among,
                f"{where}: no {ref['id']} ({ref['mentions']}) in {among[:80]!r}",
            )

    # Figure groups: one captioned table each, in view order.
    group_tables = [t for t in tables if list(t.find_all("caption"))]
    groups = view["figure_groups"]
    check(
        len(group_tables) == len(groups),
        f"{len(group_tables)} figure group tables, {len(groups)} figure groups",
    )
    for g, table in zip(groups, group_tables):
        year = "-" if g["year"] is None else str(g["year"])
        caption = f"{g['subject_name']} · {g['unit']} · {year}"
        if g["disagree"]:
            caption += " · sources disagree"
        got_caption = next(table.find_all("caption")).text()
        where = f"figure group {caption!r}"
        check(got_caption == caption, f"{where}: caption is {got_caption!r}")
        marked = "disagree" in (table.attrs.get("class") or "").split()
        check(marked == g["disagree"], f"{where}: marked disagree is {marked}")
        fig_rows = rows(table)
        check(
            len(fig_rows) == len(g["figures"]),
            f"{where}: {len(fig_rows)} figure rows, expected {len(g['figures'])}",
        )
        for f, cells in zip(g["figures"], fig_rows):
            fwhere = f"{where}, figure {f['claim']} of {f['article']}"
            if len(cells) != 4:
                failures.append(f"{fwhere}: row has {len(cells)} cells, expected 4")
                continue
            got = links(cells[0])
            check(len(got) == 1, f"{fwhere}: {len(got)} article links, expected 1")
            for link in got[:1]:
                check_link(link, f["article"], fwhere)
            text, value, source = (c.text() for c in cells[1:])
            check(text == f["text"], f"{fwhere}: text {text!r}, expected {f['text']!r}")
            check(number(value) == f["value"], f"{fwhere}: value {value!r}, expected {f['value']}")
            want_source = f["source"] or ""
            check(source == want_source, f"{fwhere}: source {source!r}, expected {want_source!r}")

    for f in failures[:50]:
        print(f"corpus: FAIL {f}")
    if len(failures) > 50:
        print(f"corpus: … {len(failures) - 50} more failures")
    print(f"corpus: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
