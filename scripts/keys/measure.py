#!/usr/bin/env python3
"""Key accuracy of `dump` output against testdata/keys.jsonl.

    cargo build --release --example dump
    for s in bbc-genres-dev bbc-dev reuters-dev; do
        target/release/examples/dump ../shared/corpus/$s/*.txt; done > /tmp/dump.jsonl
    python3 scripts/keys/measure.py testdata/keys.jsonl /tmp/dump.jsonl [--wrong]

Mirrors newsfacts-eval/src/keys.rs (the evaluation's scorer): a gold
row is *found* when the record of its article has an entity of the same type
whose name, or one of whose mentions, is the gold name or one of the gold
mentions (case-insensitive); it is *correct* when that entity's key is the
gold key or one of `accept` (a null gold key wants a null key). Key accuracy
= correct / found, per type; coverage = found / rows. --wrong lists the
wrong keys with a first guess at the cause (homonym, region shadowing the
city, alternate-name collision, missing key, duplicate row).
"""
import json, sys, collections, os

def fold(s):
    return ' '.join(s.split()).casefold()

def pair(gold_id, records):
    if gold_id in records:
        return records[gold_id]
    for rid, rec in records.items():
        if gold_id.endswith('-' + rid):
            return rec
    return None

def find(row, rec):
    forms = {fold(row['name'])} | {fold(m) for m in row.get('mentions', [])}
    best, best_overlap = None, 0
    for e in rec['entities']:
        if e['type'] != row['type']:
            continue
        texts = {fold(m['text']) for m in e['mentions']} | {fold(e['name'])}
        overlap = len(texts & forms) + (fold(e['name']) == fold(row['name']))
        if overlap > best_overlap:
            best, best_overlap = e, overlap
    return best

def gazetteer_names():
    names = {}
    gz = os.path.join(os.path.dirname(__file__), '..', '..', 'gazetteers')
    for f in ['countries', 'regions', 'cities', 'places', 'organizations']:
        for line in open(os.path.join(gz, f + '.tsv'), encoding='utf8'):
            p = line.rstrip('\n').split('\t')
            if line.startswith('#') or p[0] == 'key' or len(p) < 5:
                continue
            names[p[0]] = (p[2], f)
    return names

def cause(row, pred, surface, names):
    gold = row['key']
    if pred is None:
        return 'missing key: no row, or the form is not an alias of the right row'
    prow = names.get(pred, ('?', '?'))
    if gold is None:
        if fold(prow[0]) in {fold(m) for m in row['mentions']} | {fold(row['name'])}:
            return f'false key: homonym {pred} ({prow[0]}, {prow[1]}) of an entity with no row'
        return f'false key: alternate-name collision {pred} ({prow[0]}, {prow[1]})'
    if gold.startswith('gn:') and '-' in pred and not pred.startswith(('gn:', 'place:', 'org:')):
        return f'region shadowing the city: {pred} ({prow[0]})'
    if gold.startswith('gn:') and pred.startswith('gn:'):
        if fold(prow[0]) not in {fold(m) for m in row['mentions']}:
            return f'alternate-name collision: {pred} ({prow[0]})'
        return f'homonym by prominence: {pred} ({prow[0]})'
    if pred.startswith('place:') or gold.startswith('place:'):
        return f'duplicate row: {pred} ({prow[0]}) vs {gold}'
    if gold.startswith('gn:'):
        return f'not a populated-place key: {pred} ({prow[0]}, {prow[1]})'
    return f'wrong referent: {pred} ({prow[0]}, {prow[1]})'

def main():
    gold_path, dump_path = sys.argv[1], sys.argv[2]
    show_wrong = '--wrong' in sys.argv
    records = {}
    for line in open(dump_path, encoding='utf8'):
        r = json.loads(line)
        if 'entities' in r:
            records[r['id']] = r
    names = gazetteer_names()
    tally = collections.defaultdict(collections.Counter)
    wrong = []
    for line in open(gold_path, encoding='utf8'):
        row = json.loads(line)
        rec = pair(row['article'], records)
        t = tally[row['type']]
        t['rows'] += 1
        t['keyed_rows' if row['key'] else 'unkeyed_rows'] += 1
        e = find(row, rec) if rec else None
        if e is None:
            continue
        t['found'] += 1
        kind = 'keyed' if row['key'] else 'unkeyed'
        t[kind + '_found'] += 1
        pred = e.get('key')
        ok = pred == row['key'] or pred in row.get('accept', [])
        if ok:
            t['correct'] += 1
            t[kind + '_correct'] += 1
        else:
            wrong.append((row, pred, cause(row, pred, e['name'], names)))
    for ty in ('place', 'organization'):
        t = tally[ty]
        acc = t['correct'] / t['found'] if t['found'] else 0
        print(f"{ty:13} rows {t['rows']:3}  found {t['found']:3} (coverage {t['found']/t['rows']:.3f})  "
              f"key accuracy {acc:.3f}  [keyed {t['keyed_correct']}/{t['keyed_found']}, "
              f"unkeyed {t['unkeyed_correct']}/{t['unkeyed_found']}]")
    if '--spurious' in sys.argv:
        print('\nkeyed entities that match no gold row of any type (spurious entity or missing gold):')
        gold_forms = collections.defaultdict(set)
        for line in open(gold_path, encoding='utf8'):
            row = json.loads(line)
            gold_forms[row['article']] |= {fold(row['name'])} | {fold(m) for m in row['mentions']}
        for gid in sorted(gold_forms):
            rec = pair(gid, records)
            for e in rec['entities'] if rec else []:
                if e['type'] in ('place', 'organization') and e.get('key'):
                    texts = {fold(m['text']) for m in e['mentions']} | {fold(e['name'])}
                    if not texts & gold_forms[gid]:
                        print(f"  {gid:24} {e['type'][:5]:5} {e['name'][:28]:28} key {e['key']:18} {names.get(e['key'], ('?',))[0]}")
    if show_wrong:
        by = collections.Counter(c.split(':')[0] for _, _, c in wrong)
        print('\nwrong keys by cause:', dict(by))
        for row, pred, c in sorted(wrong, key=lambda w: w[2]):
            print(f"  {row['article']:24} {row['type'][:5]:5} {row['name'][:28]:28} gold {str(row['key']):20} got {str(pred):20} {c}")

main()
