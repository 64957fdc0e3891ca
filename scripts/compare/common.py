"""Helpers shared by the peer runners: read the articles that
`newsfacts evaluate --export-articles` (the `evaluate` example) wrote, write records in the shape of
RECORDS.md, and parse numbers best-effort."""

import json
import re
import sys

# Currency symbols and words -> ISO codes (longest prefix first).
CURRENCY_SYMBOLS = [
    ("US$", "USD"), ("HK$", "HKD"), ("A$", "AUD"), ("C$", "CAD"), ("S$", "SGD"),
    ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY"), ("₹", "INR"),
]
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
}
# Qualifier phrases at the start of a figure's text, as ANNOTATION.md lists them.
QUALIFIERS = [
    ("approximately", "approx"), ("about", "approx"), ("around", "approx"),
    ("some", "approx"), ("roughly", "approx"), ("nearly", "approx"),
    ("close to", "approx"), ("almost", "approx"), ("at least", "at_least"),
    ("more than", "at_least"), ("over", "at_least"), ("upwards of", "at_least"),
    ("up to", "at_most"), ("at most", "at_most"), ("less than", "at_most"),
    ("fewer than", "at_most"), ("under", "at_most"),
]


def read_articles(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def byte_offset(text, char_index):
    return len(text[:char_index].encode("utf-8"))


def write_records(records, out=None):
    out = out or sys.stdout
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def strip_qualifier(text):
    """(qualifier or None, text without it)."""
    low = text.lower()
    for phrase, q in QUALIFIERS:
        if low.startswith(phrase + " "):
            return q, text[len(phrase) + 1:].strip()
    return None, text


def currency_of(text):
    t = text.strip()
    for sym, code in CURRENCY_SYMBOLS:
        if t.startswith(sym):
            return code
    for word in re.findall(r"[A-Za-z]+", t.lower()):
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word]
    return None


NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(thousand|million|billion|trillion|bn|mn|tn|m|k|b)?\b", re.I)


def parse_value(text, money=False):
    """Best-effort value of a number expression ("$10 million", "two
    million", "1,721", "a dozen"); None when nothing parses. The short
    scales "m", "k", "b" count only for money ("$42m", not "30m")."""
    m = NUM.search(text)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        scale = (m.group(2) or "").lower()
        if scale in ("m", "k", "b") and not money:
            scale = ""
        return v * SCALES.get(scale, 1.0)
    total, current, seen = 0.0, 0.0, False
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in WORD_NUMBERS:
            n = WORD_NUMBERS[w]
            if w == "hundred":
                current = (current or 1) * 100
            elif w in ("dozen", "half"):
                current = (current or 1) * n
            else:
                current += n
            seen = True
        elif w in SCALES and seen:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w in ("a", "an", "and"):
            continue
    if not seen:
        return None
    return total + current


def sentence_around(text, start, end):
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return text[a:b].strip()
