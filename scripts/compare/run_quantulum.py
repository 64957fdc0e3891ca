#!/usr/bin/env python3
"""Run quantulum3 over exported articles and write newsfacts-shaped records
(RECORDS.md) holding figure claims only, as JSON Lines on standard output.

    python run_quantulum.py ARTICLES.jsonl > quantulum.jsonl

Mapping of each parsed quantity: a currency unit -> kind money with its ISO
code; a percentage -> percent "%"; a dimensionless number -> count with no
unit (quantulum3 does not name the counted noun); anything else -> measure
with quantulum3's unit name ("kilometre", "megawatt", "day"). quantulum3
gives no qualifier, year or source, so those stay null.
"""

import sys
import warnings

from common import byte_offset, read_articles, sentence_around, write_records

warnings.filterwarnings("ignore")
from quantulum3 import parser  # noqa: E402  (after the warning filter)

CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP",
    "euro": "EUR", "japanese yen": "JPY", "chinese yuan": "CNY",
    "hong kong dollar": "HKD", "indian rupee": "INR", "russian ruble": "RUB",
}


def claim_of(q, text, n):
    unit = q.unit
    entity = unit.entity.name if unit.entity is not None else ""
    code = getattr(unit, "currency_code", None) or CURRENCY_NAMES.get(unit.name)
    if entity == "currency" or code:
        kind, uname = "money", code
    elif unit.name in ("percentage", "per cent", "percent"):
        kind, uname = "percent", "%"
    elif entity == "dimensionless":
        kind, uname = "count", None
    else:
        kind, uname = "measure", unit.name
    start, end = q.span
    return {
        "id": "c%d" % n,
        "kind": kind,
        "text": q.surface,
        "value": float(q.value),
        "upper": None,
        "unit": uname,
        "qualifier": None,
        "year": None,
        "source": None,
        "sentence": sentence_around(text, start, end),
        "start": byte_offset(text, start),
        "end": byte_offset(text, end),
        "rule": "quantulum3:" + unit.name,
    }


def record(article):
    text = article["text"]
    claims = []
    for q in parser.parse(text):
        claims.append(claim_of(q, text, len(claims) + 1))
    return {
        "id": article["id"],
        "title": article.get("title"),
        "byline": None,
        "agency": None,
        "entities": [],
        "claims": claims,
    }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write_records(record(a) for a in read_articles(sys.argv[1]))


if __name__ == "__main__":
    main()
