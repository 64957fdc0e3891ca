//! Claims: figures with their subject and source, and direct quotations
//! with their speaker.
//!
//! Everything here works on the sentences of [`Doc`] and the entity mentions
//! that `entities::resolve` found. Attribution is read from the words around
//! a claim: an attribution verb ("said", "told", "estimated"; the list is
//! `gazetteers/attribution_verbs.tsv`) and the noun phrase that is its
//! subject, before the verb ("Li Wei, an expert at X, told …") or after it
//! ("…,” said Li Wei"). The subject resolves to a named entity, a pronoun
//! (looked up in the sentences before), a document ("the report": its named
//! author) or nobody ("analysts", "officials").

use std::collections::HashMap;
use std::ops::Range;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::figures::Figure;
use crate::hash::FnvBuild;
use crate::record::{Claim, ClaimKind, Entity, EntityType, Source};
use crate::text::{is_title_or_caps, Doc};

/// How an attribution verb may be read.
#[derive(Clone, Copy, Debug)]
struct VerbInfo {
    /// Also a common noun: a verb only after a comma or before "that".
    noun_too: bool,
    /// Read as attribution only when no object follows ("Smith added.").
    intransitive: bool,
    /// Can introduce or tag a direct quotation.
    quote: bool,
}

static VERBS: Lazy<HashMap<&'static str, VerbInfo, FnvBuild>> = Lazy::new(|| {
    let data = include_str!("../gazetteers/attribution_verbs.tsv");
    let mut map = HashMap::default();
    let mut header = true;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(verb), Some(usage), Some(quote)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        map.insert(
            verb.trim(),
            VerbInfo {
                noun_too: usage.trim() == "noun",
                intransitive: usage.trim() == "intransitive",
                quote: quote.trim() == "yes",
            },
        );
    }
    map
});

static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*").unwrap());

/// A letter or digit, as `WORD` reads one (`\p{L}`, `\p{N}`).
static LETTER_OR_DIGIT: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A[\p{L}\p{N}]").unwrap());

/// The matches of `WORD` in `text`, found by a plain scan: the regex
/// engine's cost per match is large next to a word's length, and every
/// word of the article is read. ASCII is decided inline; other characters
/// ask `LETTER_OR_DIGIT`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    // For the non-ASCII characters; common punctuation is answered first.
    let is_letter_or_digit = |c: char, at: usize| {
        !matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '…' | '\u{a0}')
            && LETTER_OR_DIGIT.is_match(&text[at..at + c.len_utf8()])
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes, the bulk of the text, are decided without decoding.
        let b = bytes[i];
        if b.is_ascii() {
            let letter = b.is_ascii_alphanumeric();
            match start {
                Some(s) if !(letter || b == b'\'' || b == b'-') => {
                    out.push((s, i));
                    start = None;
                }
                None if letter => start = Some(i),
                _ => {}
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match start {
            Some(s) => {
                if !(c == '’' || is_letter_or_digit(c, i)) {
                    out.push((s, i));
                    start = None;
                }
            }
            None => {
                if is_letter_or_digit(c, i) {
                    start = Some(i);
                }
            }
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Words marking a claim as reported, alleged or believed. A closed set of
/// phrases, matched on folded text at word boundaries.
static HEDGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:reportedly|allegedly|purportedly|supposedly|it is (?:believed|thought|claimed|alleged)|(?:is|are|was|were) (?:believed|thought|said|alleged|rumou?red) to|according to (?:media |unconfirmed |press |news )?reports|reports (?:said|say|suggest|suggested)|claimed|claims that|, claims)\b",
    )
    .unwrap()
});

/// Nouns that name a document whose author is the source of what it says.
const DOCUMENT_WORDS: &[&str] = &["report", "white paper", "study", "survey", "paper"];

/// Verbs that make an organization the author of a document.
const PUBLISH_VERBS: &[&str] = &[
    "published",
    "released",
    "issued",
    "unveiled",
    "compiled",
    "produced",
    "launched",
];

/// Words between a subject and its verb that do not change the subject
/// ("Smith also said", "the report has found").
const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "further",
    "then",
    "later",
    "again",
    "previously",
    "recently",
    "earlier",
    "once",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "would",
    "will",
    "reportedly",
    "allegedly",
    "repeatedly",
    "today",
    "yesterday",
    "goes",
    "went",
    "on",
    "to",
    "had",
    "publicly",
    "separately",
    "strongly",
];

/// Heads of "the X said" that stand for an organization, not a person.
const THING_HEADS: &[&str] = &[
    "company",
    "firm",
    "group",
    "government",
    "ministry",
    "bank",
    "agency",
    "department",
    "organisation",
    "organization",
    "party",
    "council",
    "committee",
    "embassy",
    "administration",
    "newspaper",
    "statement",
];

/// Words before a quotation that make it a title, not a quote.
const TITLE_CUES: &[&str] = &[
    "titled",
    "entitled",
    "called",
    "dubbed",
    "named",
    "headlined",
    "headline",
];

/// Sentences back that a pronoun may reach for its antecedent.
const PRONOUN_REACH: usize = 5;

/// A mention of an entity that can be a subject, speaker or source.
#[derive(Clone, Copy, Debug)]
struct Ment {
    start: usize,
    end: usize,
    ent: usize,
    kind: EntityType,
}

/// A quoted passage: `open` is where its opening mark is (the sentence start
/// when the mark is missing), `inner` the words inside the marks.
#[derive(Clone, Debug)]
struct RawQuote {
    open: usize,
    inner: Range<usize>,
    close_end: usize,
    curly: bool,
}

/// Who a noun phrase next to an attribution verb names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// A named entity; `human` when it is a person or a person's role in it.
    Named { ent: usize, human: bool },
    /// "he", "she" (human) or "it".
    Pronoun { human: bool },
    /// "the lawmaker", "the company": someone named before.
    Anaphor { human: bool },
    /// "they", "we", "Smith and Jones": no single source.
    Plural,
    /// "the report": its author, when the article names one.
    Document(Option<usize>),
    /// "analysts", "an Afghan journalist", "officials".
    Unnamed,
    /// The verb comes before its subject ("…,” said Smith").
    Inverted,
}

/// The attribution of one sentence or quote, once pronouns are resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Attr {
    ent: Option<usize>,
    human: bool,
}

/// An attribution verb found in the text.
#[derive(Clone, Copy, Debug)]
struct Verb<'t> {
    start: usize,
    end: usize,
    word: &'t str,
    quote: bool,
}

struct Ctx<'a, 'd> {
    doc: &'d Doc<'a>,
    text: &'a str,
    entities: &'d [Entity],
    ments: Vec<Ment>,
    /// Every `WORD` match in the folded text, in order: `words` reads its
    /// ranges from here instead of searching the text again.
    word_index: Vec<(usize, usize)>,
    /// Every quoted passage, short ones too (they hide their words from
    /// attribution).
    raw: Vec<RawQuote>,
    /// (offset, entity) for each organization the article names as a
    /// document's author.
    authors: Vec<(usize, usize)>,
    /// Per sentence: its attribution, if it has an attribution verb.
    attr: Vec<Option<Attr>>,
    /// Per sentence: the entity that opens it (its likely subject).
    subject: Vec<Option<Attr>>,
}

/// Turn figures into claims and add quotes, in reading order.
pub(crate) fn build(
    doc: &Doc<'_>,
    entities: &[Entity],
    figures: Vec<Figure>,
    quotes: bool,
) -> Vec<Claim> {
    let mut ctx = Ctx::new(doc, entities);
    ctx.scan_sentences();

    // Quotes and their speakers, in reading order (a speaker may come from
    // the quote just before).
    let mut kept: Vec<(usize, Option<Attr>)> = Vec::new();
    for (qi, q) in ctx.raw.iter().enumerate() {
        if !ctx.is_quote(q) {
            continue;
        }
        let prev = kept.last().map(|&(pi, sp)| (&ctx.raw[pi], sp));
        let speaker = ctx.quote_speaker(q, prev);
        kept.push((qi, speaker));
    }

    let mut claims: Vec<Claim> = Vec::new();
    let mut prev_money: Option<usize> = None;
    for f in figures {
        let source = ctx.figure_source(f.start, &kept);
        let subject = ctx.figure_subject(f.start);
        let sentence = ctx.doc.sentence_span(f.start);
        let hedged = ctx.hedged(sentence.clone(), None);
        let mut claim = Claim {
            id: String::new(),
            kind: f.kind,
            text: ctx.text.get(f.start..f.end).unwrap_or("").to_string(),
            value: Some(f.value),
            upper: f.upper,
            unit: f.unit,
            qualifier: Some(f.qualifier),
            year: f.year,
            subject: subject.map(|e| ctx.entities[e].id.clone()),
            source: source.map(|e| ctx.source(e)),
            speaker: None,
            hedged,
            sentence: sentence_window(ctx.text, sentence, f.start..f.end),
            start: f.start,
            end: f.end,
            rule: format!("figure:{}", f.rule.trim_start_matches("figure:")),
        };
        // A currency conversion in brackets shares the amount's qualifier,
        // year and source.
        if claim.kind == ClaimKind::Money {
            if let Some(pi) = prev_money {
                let p: &Claim = &claims[pi];
                if ctx.is_conversion(p.end, claim.start) {
                    claim.qualifier = p.qualifier;
                    if claim.year.is_none() {
                        claim.year = p.year;
                    }
                    if claim.source.is_none() {
                        claim.source = p.source.clone();
                    }
                    claim.hedged |= p.hedged;
                    claims.push(claim);
                    continue;
                }
            }
            prev_money = Some(claims.len());
        }
        claims.push(claim);
    }

    if quotes {
        for &(qi, speaker) in &kept {
            let q = &ctx.raw[qi];
            let first = ctx.doc.sentence_span(q.open);
            let last = ctx
                .doc
                .sentence_span(q.close_end.saturating_sub(1).max(q.open));
            let sentence = first.start.min(q.open)..last.end.max(q.close_end);
            let hedged = ctx.hedged(sentence.clone(), Some(q.open..q.close_end));
            let rule = if q.curly {
                "quote:curly"
            } else {
                "quote:straight"
            };
            claims.push(Claim {
                id: String::new(),
                kind: ClaimKind::Quote,
                text: ctx.text[q.inner.clone()].to_string(),
                value: None,
                upper: None,
                unit: None,
                qualifier: None,
                year: None,
                subject: None,
                source: None,
                speaker: speaker.and_then(|a| a.ent).map(|e| ctx.source(e)),
                hedged,
                sentence: sentence_window(ctx.text, sentence, q.inner.clone()),
                start: q.inner.start,
                end: q.inner.end,
                rule: rule.to_string(),
            });
        }
    }

    claims.sort_by_key(|c| (c.start, c.end));
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    claims
}

impl<'a, 'd> Ctx<'a, 'd> {
    fn new(doc: &'d Doc<'a>, entities: &'d [Entity]) -> Ctx<'a, 'd> {
        let mut ments: Vec<Ment> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches!(
                    e.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Place
                )
            })
            .flat_map(|(i, e)| {
                e.mentions.iter().filter_map(move |m| {
                    (m.start < m.end && m.end <= doc.text.len()).then_some(Ment {
                        start: m.start,
                        end: m.end,
                        ent: i,
                        kind: e.kind,
                    })
                })
            })
            .collect();
        ments.sort_by_key(|m| (m.start, m.end));
        let raw = find_quotes(doc);
        let n = doc.sentences.len();
        let word_index = word_spans(&doc.folded);
        let mut ctx = Ctx {
            doc,
            text: doc.text,
            entities,
            ments,
            word_index,
            raw,
            authors: Vec::new(),
            attr: vec![None; n],
            subject: vec![None; n],
        };
        ctx.authors = ctx.find_authors();
        ctx
    }

    fn source(&self, ent: usize) -> Source {
        let e = &self.entities[ent];
        Source {
            name: e.name.clone(),
            entity: Some(e.id.clone()),
        }
    }

    fn ments_in(&self, r: Range<usize>) -> impl Iterator<Item = &Ment> + '_ {
        let from = self.ments.partition_point(|m| m.start < r.start);
        self.ments[from..]
            .iter()
            .take_while(move |m| m.start < r.end)
            .filter(move |m| m.end <= r.end)
    }

    fn in_raw_quote(&self, pos: usize) -> bool {
        // Passages are sorted and do not overlap: look at the last ones
        // opening before `pos`.
        let i = self.raw.partition_point(|q| q.inner.start <= pos);
        self.raw[..i]
            .iter()
            .rev()
            .take(2)
            .any(|q| pos < q.inner.end)
    }

    /// Words of `r` (folded) with their offsets: the `WORD` matches of the
    /// folded text `r` holds, exactly as a search of that range alone finds
    /// them (a word cut by either edge of `r` is cut there too).
    fn words(&self, r: Range<usize>) -> Vec<(usize, usize, &str)> {
        let folded = &self.doc.folded;
        let Some(piece) = folded.get(r.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut k = self.word_index.partition_point(|&(_, e)| e <= r.start);
        // A word begun before `r` is searched again from `r.start`: its rest
        // is a word when it holds a letter or digit.
        if let Some(&(s, e)) = self.word_index.get(k) {
            if s < r.start {
                let cut = e.min(r.end) - r.start;
                out.extend(
                    WORD.find_iter(&piece[..cut])
                        .map(|m| (r.start + m.start(), r.start + m.end(), m.as_str())),
                );
                k += 1;
            }
        }
        for &(s, e) in &self.word_index[k..] {
            if s >= r.end {
                break;
            }
            let e = e.min(r.end);
            out.push((s, e, &folded[s..e]));
        }
        out
    }

    /// Attribution verbs in `r`, outside quoted passages, in order.
    fn verbs(&self, r: Range<usize>) -> Vec<Verb<'_>> {
        let words = self.words(r.clone());
        let mut out = Vec::new();
        for (i, &(s, e, w)) in words.iter().enumerate() {
            if self.in_raw_quote(s) {
                continue;
            }
            let next = words.get(i + 1).map(|x| x.2);
            if w == "according" || w == "attributed" {
                if next == Some("to") {
                    out.push(Verb {
                        start: s,
                        end: words[i + 1].1,
                        word: "according",
                        quote: true,
                    });
                }
                continue;
            }
            let Some((&word, info)) = VERBS.get_key_value(w) else {
                continue;
            };
            if word == "saying" && i > 0 && words[i - 1].2 == "as" {
                // "quoted X as saying": the verb is "quoted".
                continue;
            }
            if info.noun_too {
                let after_comma = self.text[..s].trim_end().ends_with(',');
                if !(after_comma || matches!(next, Some("that" | "out"))) {
                    continue;
                }
            }
            if info.intransitive {
                let after = self.text[e..].trim_start_matches([' ', '\t']);
                let object = after.chars().next().is_some_and(char::is_alphanumeric);
                if object && !matches!(next, Some("that" | "on" | "in" | "at" | "later" | "today"))
                {
                    continue;
                }
            }
            // "the said report", "a cited study": adjectives, not verbs.
            if i > 0 && matches!(words[i - 1].2, "the" | "a" | "an" | "its" | "their") {
                continue;
            }
            out.push(Verb {
                start: s,
                end: e,
                word,
                quote: info.quote,
            });
        }
        out
    }

    /// Find the organizations the article names as authors of a document.
    fn find_authors(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for s in &self.doc.sentences {
            let folded = &self.doc.folded[s.clone()];
            let orgs: Vec<Ment> = self
                .ments_in(s.clone())
                .filter(|m| m.kind == EntityType::Organization)
                .copied()
                .collect();
            if orgs.is_empty() {
                continue;
            }
            let words = self.words(s.clone());
            let mut found: Option<usize> = None;
            for (i, &(ws, we, w)) in words.iter().enumerate() {
                if found.is_some() {
                    break;
                }
                if PUBLISH_VERBS.contains(&w) {
                    // "X published the report": the organization right before.
                    let seg_start = self.text[s.start..ws]
                        .rfind(',')
                        .map_or(s.start, |c| s.start + c);
                    if let Some(m) = orgs
                        .iter()
                        .rev()
                        .find(|m| m.end <= ws && m.start >= seg_start)
                    {
                        found = Some(m.ent);
                    }
                    // "the report compiled by X".
                    if found.is_none() && words.get(i + 1).is_some_and(|x| x.2 == "by")
                        || words.get(i + 2).is_some_and(|x| x.2 == "by")
                    {
                        if let Some(m) = orgs.iter().find(|m| m.start >= we) {
                            found = Some(m.ent);
                        }
                    }
                    continue;
                }
                let is_doc = DOCUMENT_WORDS
                    .iter()
                    .any(|d| folded[ws - s.start..].starts_with(d) && (d.contains(' ') || w == *d));
                if is_doc {
                    // "the UN report", "the State Department's report".
                    if let Some(m) = orgs.iter().rev().find(|m| m.end <= ws) {
                        let gap = &self.text[m.end..ws];
                        let gap_words = gap.split_whitespace().count();
                        if gap_words <= 2 && !gap.contains([',', ';', '.']) {
                            found = Some(m.ent);
                        }
                    }
                }
            }
            if let Some(e) = found {
                out.push((s.start, e));
            }
        }
        out
    }

    fn author_at(&self, pos: usize) -> Option<usize> {
        self.authors
            .iter()
            .rev()
            .find(|&&(o, _)| o <= pos)
            .or_else(|| self.authors.first())
            .map(|&(_, e)| e)
    }

    /// One pass over the sentences: each one's opening subject and its
    /// attribution, resolving pronouns against the sentences before.
    fn scan_sentences(&mut self) {
        for i in 0..self.doc.sentences.len() {
            let s = self.doc.sentences[i].clone();
            self.subject[i] = self.opening_subject(s.clone());
            let verbs = self.verbs(s.clone());
            let mut best: Option<Attr> = None;
            for v in &verbs {
                let lo = self.clause_start(s.start, v.start);
                let who = self.who_of_verb(v, lo, s.end);
                let a = self.settle(who, i);
                if a.ent.is_some() || best.map_or(true, |b| b.ent.is_none()) {
                    best = Some(a);
                }
            }
            self.attr[i] = best;
        }
    }

    /// Where the subject of a verb at `v` may begin: the sentence start or
    /// the end of a quoted passage before it.
    fn clause_start(&self, sent_start: usize, v: usize) -> usize {
        let i = self.raw.partition_point(|q| q.open < v);
        self.raw[..i]
            .iter()
            .rev()
            .take(3)
            .filter(|q| q.close_end <= v && q.close_end > sent_start)
            .map(|q| q.close_end)
            .max()
            .unwrap_or(sent_start)
    }

    fn opening_subject(&self, s: Range<usize>) -> Option<Attr> {
        let Some(m) = self.ments_in(s.clone()).next() else {
            return self.unknown_name_subject(s);
        };
        if m.start > s.start && self.unknown_name_subject(s.start..m.start).is_some() {
            return self.unknown_name_subject(s);
        }
        // Only a role or title may precede it ("Conservative shadow home
        // secretary David Davis was …").
        let prefix = &self.text[s.start..m.start];
        let ok = prefix.split_whitespace().count() <= 5
            && !prefix.contains([',', ';', ':'])
            && self.verbs(s.start..m.start).is_empty();
        if !ok || m.kind == EntityType::Place {
            return None;
        }
        Some(Attr {
            ent: Some(m.ent),
            human: m.kind == EntityType::Person,
        })
    }

    /// A sentence opening with a capitalised name that no entity covers,
    /// followed by a comma ("Jane Roe, from …, said"): someone new, so a
    /// later "she" must not reach past it.
    fn unknown_name_subject(&self, s: Range<usize>) -> Option<Attr> {
        let head = &self.text[s.clone()];
        let comma = head.find(',')?;
        let words: Vec<&str> = head[..comma].split_whitespace().collect();
        let name_like = (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        (name_like && self.ments_in(s.start..s.start + comma).next().is_none()).then_some(Attr {
            ent: None,
            human: true,
        })
    }

    /// Resolve what a verb's subject names.
    fn who_of_verb(&self, v: &Verb<'_>, lo: usize, hi: usize) -> Who {
        if v.word == "according" {
            return self.np_after(v.end, hi);
        }
        if v.word == "quoted" {
            let rest = &self.doc.folded[v.end..hi];
            if let Some(k) = rest.find(" as saying") {
                return self.resolve_np(v.end..v.end + k, false);
            }
        }
        match self.np_before(lo, v.start) {
            // "told X" names the listener, never the speaker.
            Who::Inverted if matches!(v.word, "told" | "tells") => Who::Unnamed,
            Who::Inverted => self.np_after(v.end, hi),
            w => w,
        }
    }

    /// The subject before a verb at `v`, looking no further back than `lo`.
    fn np_before(&self, lo: usize, v: usize) -> Who {
        if lo >= v {
            return Who::Inverted;
        }
        // Drop adverbs and auxiliaries right before the verb.
        let mut end = v;
        for &(ws, _, w) in self.words(lo..v).iter().rev() {
            if SKIP_BEFORE_VERB.contains(&w) && self.text[ws..end].trim().len() == w.len() {
                end = ws;
            } else {
                break;
            }
        }
        let span = &self.text[lo..end];
        // Byte index of the last separator and the index just past it (the
        // dashes are three bytes long).
        let last_sep = span
            .char_indices()
            .rev()
            .find(|&(_, ch)| matches!(ch, ',' | ';' | ':' | '(' | '—' | '–'));
        let last_comma = last_sep.map(|(i, _)| i);
        let seg_start = last_sep.map_or(lo, |(i, ch)| lo + i + ch.len_utf8());
        let seg = &self.text[seg_start..end];
        if seg.chars().any(char::is_alphanumeric) {
            return self.resolve_np(seg_start..end, true);
        }
        // The verb follows a comma: "X, an expert at Y, told" (an
        // apposition) or "…, said X" (inverted).
        let Some(c) = last_comma else {
            return Who::Inverted;
        };
        let before = &self.text[lo..lo + c];
        let Some(c2) = before.rfind(',') else {
            return Who::Inverted;
        };
        let appos = before[c2 + 1..].trim_start();
        let lowercase_start = appos
            .chars()
            .next()
            .is_some_and(|ch| ch.is_lowercase() || ch.is_numeric());
        if !lowercase_start {
            return Who::Inverted;
        }
        let head_end = lo + before[..c2].trim_end().len();
        if let Some(m) = self.ments[..self.ments.partition_point(|m| m.start < head_end)]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.end == head_end && m.kind != EntityType::Place)
        {
            return Who::Named {
                ent: m.ent,
                human: m.kind == EntityType::Person,
            };
        }
        // "Jane Roe, an analyst, said": a capitalised head is a name even
        // when no entity was found for it.
        let head_start = before[..c2].rfind(',').map_or(lo, |k| lo + k + 1);
        let head_word = self.text[head_start..head_end]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if head_word.chars().next().is_some_and(char::is_uppercase) {
            return self.resolve_np(head_start..head_end, true);
        }
        Who::Inverted
    }

    /// The subject after an inverted verb: up to the next comma or stop.
    fn np_after(&self, from: usize, hi: usize) -> Who {
        let rest = &self.text[from..hi];
        let stop = rest
            .find([',', ';', '.', ':', '(', '“', '”', '"', '—', '–'])
            .unwrap_or(rest.len());
        let mut end = from + stop;
        // "said X on Tuesday", "said X in a statement".
        if let Some(k) = self.doc.folded[from..end].find(" in a ") {
            end = from + k;
        }
        if from >= end {
            return Who::Unnamed;
        }
        self.resolve_np(from..end, false)
    }

    fn resolve_np(&self, r: Range<usize>, before: bool) -> Who {
        let words = self.words(r.clone());
        if words.is_empty() {
            return Who::Unnamed;
        }
        let edge = if before {
            words.last().map(|w| w.2)
        } else {
            words.first().map(|w| w.2)
        };
        match edge {
            Some("he" | "she") => return Who::Pronoun { human: true },
            Some("it") => return Who::Pronoun { human: false },
            Some("they" | "we" | "i" | "you" | "who" | "which") => return Who::Plural,
            _ => {}
        }
        let ms: Vec<Ment> = self.ments_in(r.clone()).copied().collect();
        let persons: Vec<&Ment> = ms.iter().filter(|m| m.kind == EntityType::Person).collect();
        let has_and = words.iter().any(|w| w.2 == "and");
        if persons.len() >= 2 && has_and {
            return Who::Plural;
        }
        if let Some(p) = if before {
            persons.last()
        } else {
            persons.first()
        } {
            return Who::Named {
                ent: p.ent,
                human: true,
            };
        }
        let folded = &self.doc.folded[r.clone()];
        let is_doc = DOCUMENT_WORDS.iter().any(|d| {
            folded
                .match_indices(d)
                .any(|(i, _)| crate::text::on_word_boundaries(folded, i, i + d.len()))
        });
        let orgs: Vec<&Ment> = ms
            .iter()
            .filter(|m| m.kind == EntityType::Organization)
            .collect();
        if is_doc {
            return match orgs.first() {
                Some(o) => Who::Named {
                    ent: o.ent,
                    human: false,
                },
                None => Who::Document(self.author_at(r.start)),
            };
        }
        if let Some(o) = orgs.first() {
            // "a spokesman for the LSE", "the President of the WUC": a
            // person's role in the organization.
            let lead = words
                .iter()
                .take_while(|w| w.1 <= o.start)
                .filter(|w| !matches!(w.2, "the" | "a" | "an"))
                .count();
            return Who::Named {
                ent: o.ent,
                human: lead > 0,
            };
        }
        let non_place_words = words
            .iter()
            .filter(|w| {
                !matches!(w.2, "the")
                    && !ms
                        .iter()
                        .any(|m| m.kind == EntityType::Place && m.start <= w.0 && w.1 <= m.end)
            })
            .count();
        if let (Some(p), 0) = (ms.first(), non_place_words) {
            return Who::Named {
                ent: p.ent,
                human: false,
            };
        }
        if words.len() == 2 && words[0].2 == "the" {
            let head = words[1].2;
            let written = &self.text[words[1].0..words[1].1];
            if written.chars().next().is_some_and(char::is_lowercase) {
                return Who::Anaphor {
                    human: !THING_HEADS.contains(&head),
                };
            }
        }
        Who::Unnamed
    }

    /// Turn a `Who` into an attribution at sentence `si`.
    fn settle(&self, who: Who, si: usize) -> Attr {
        match who {
            Who::Named { ent, human } => Attr {
                ent: Some(ent),
                human,
            },
            Who::Pronoun { human } | Who::Anaphor { human } => {
                let lo = si.saturating_sub(PRONOUN_REACH);
                for j in (lo..si).rev() {
                    for a in [self.attr[j], self.subject[j]].into_iter().flatten() {
                        if a.human == human {
                            if who == (Who::Anaphor { human }) && a.ent.is_none() {
                                continue;
                            }
                            return Attr { ent: a.ent, human };
                        }
                    }
                }
                Attr { ent: None, human }
            }
            Who::Document(author) => Attr {
                ent: author,
                human: false,
            },
            Who::Plural | Who::Unnamed | Who::Inverted => Attr {
                ent: None,
                human: true,
            },
        }
    }

    /// Is this quoted passage a quote (a clause, or eight words or more),
    /// rather than a scare quote, label or title?
    fn is_quote(&self, q: &RawQuote) -> bool {
        let inner = &self.text[q.inner.clone()];
        let n = WORD.find_iter(inner).count();
        let before = self.text[..q.open].trim_end();
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if TITLE_CUES.contains(&prev_word.as_str()) {
            return false;
        }
        let first_upper = inner
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let ends_sentence = inner.trim_end().ends_with(['.', '?', '!', ',', '…'])
            || self
                .text
                .get(q.inner.end..q.close_end)
                .is_some_and(|t| t.contains([',', '.', '?', '!']));
        if first_upper && !ends_sentence && n <= 15 && is_title_or_caps(inner) {
            return false;
        }
        if n >= 8 {
            return true;
        }
        n >= 3 && first_upper && (ends_sentence || before.ends_with(':'))
    }

    /// The speaker of a quote: attribution in its own sentence(s), else an
    /// introducing sentence ending with a colon, else the speaker of the
    /// quote it directly continues.
    fn quote_speaker(&self, q: &RawQuote, prev: Option<(&RawQuote, Option<Attr>)>) -> Option<Attr> {
        let s_open = self.doc.sentence_index(q.open);
        let s_close = self
            .doc
            .sentence_index(q.close_end.saturating_sub(1).max(q.open));
        let sent_lo = self
            .doc
            .sentences
            .get(s_open)
            .map_or(0, |s| s.start)
            .min(q.open);
        let sent_hi = self
            .doc
            .sentences
            .get(s_close)
            .map_or(self.text.len(), |s| s.end)
            .max(q.close_end);
        // The text after the quote, up to the next quoted passage.
        let next_open = self
            .raw
            .get(self.raw.partition_point(|r| r.open < q.close_end))
            .map(|r| r.open)
            .filter(|&o| o < sent_hi)
            .unwrap_or(sent_hi);
        let after = || -> Option<Attr> {
            let v = *self
                .verbs(q.close_end..next_open)
                .iter()
                .find(|v| v.quote)?;
            let who = self.who_of_verb(&v, q.close_end, next_open);
            Some(self.settle(who, s_close))
        };
        let before = || -> Option<Attr> {
            if q.open <= sent_lo {
                return None;
            }
            let verbs = self.verbs(sent_lo..q.open);
            let v = *verbs.iter().rev().find(|v| v.quote)?;
            let lo = self.clause_start(sent_lo, v.start);
            let who = self.who_of_verb(&v, lo, q.open);
            Some(self.settle(who, s_open))
        };
        let starts_lower = self.text[q.inner.clone()]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        let found = if starts_lower {
            before().or_else(after)
        } else {
            after().or_else(before)
        };
        if found.is_some() {
            return found;
        }
        // "X said:" in the sentence before.
        if s_open > 0 {
            if let Some(prev_sent) = self.doc.sentences.get(s_open - 1) {
                if self.text[prev_sent.clone()].trim_end().ends_with(':') {
                    if let Some(a) = self.attr[s_open - 1] {
                        return Some(a);
                    }
                }
            }
        }
        // A quote with no attribution of its own, right after a sentence
        // of the same paragraph that reports a named person's words.
        if s_open > 0 {
            if let (Some(prev_sent), Some(a)) =
                (self.doc.sentences.get(s_open - 1), self.attr[s_open - 1])
            {
                let same_par = !self.text[prev_sent.end..q.open.max(prev_sent.end)].contains('\n');
                let continues = prev.is_some_and(|(p, _)| p.close_end > prev_sent.start);
                if same_par && !continues && a.human && a.ent.is_some() {
                    return Some(a);
                }
            }
        }
        // A quote that directly continues the one before it.
        if let Some((p, sp)) = prev {
            let between = self.text.get(p.close_end..q.open).unwrap_or("");
            let p_sent = self.doc.sentence_index(p.close_end.saturating_sub(1));
            let adjacent = p_sent + 1 >= s_open && !between.contains("\n\n");
            let gap_ok = between.chars().filter(|c| *c == '\n').count() <= 2;
            if adjacent && gap_ok {
                return sp;
            }
        }
        None
    }

    /// The source of a figure at `pos`: the speaker of a quote holding it,
    /// the attribution of its sentence, or of an introducing sentence that
    /// ends with a colon.
    fn figure_source(&self, pos: usize, quotes: &[(usize, Option<Attr>)]) -> Option<usize> {
        for &(qi, sp) in quotes {
            let q = &self.raw[qi];
            if q.inner.start <= pos && pos < q.inner.end {
                if let Some(e) = sp.and_then(|a| a.ent) {
                    return Some(e);
                }
            }
        }
        let si = self.doc.sentence_index(pos);
        if let Some(a) = self.attr.get(si).copied().flatten() {
            // A semicolon ends what an attribution verb covers: "X says 3000
            // died; 3000 people died in one morning" attributes only the first.
            let s = self.doc.sentences[si].clone();
            let lo = self.text[s.start..pos.max(s.start)]
                .rfind(';')
                .map_or(s.start, |k| s.start + k);
            let hi = self.text[pos.min(s.end)..s.end]
                .find(';')
                .map_or(s.end, |k| pos + k);
            if !self.verbs(lo..hi).is_empty() || !self.text[s.clone()].contains(';') {
                return a.ent;
            }
            return None;
        }
        // "The UN gave these figures: 40 schools …": the clause before a
        // colon introduces what follows it.
        let s = self.doc.sentences.get(si)?.clone();
        if s.start <= pos {
            if let Some(k) = self.text[s.start..pos].rfind(':') {
                if !self.in_raw_quote(s.start + k) {
                    return self.subject[si].and_then(|a| a.ent);
                }
            }
        }
        if si > 0 {
            let prev = self.doc.sentences.get(si - 1)?;
            if self.text[prev.clone()].trim_end().ends_with(':') {
                return self.attr[si - 1]
                    .or(self.subject[si - 1])
                    .and_then(|a| a.ent);
            }
        }
        None
    }

    /// The entity a figure at `pos` is about, when its sentence opens with
    /// it as the subject ("China's exports rose 35%", "Last week, the US
    /// included 34 entities"). Conservative: null when unclear.
    fn figure_subject(&self, pos: usize) -> Option<usize> {
        if self.in_raw_quote(pos) {
            return None;
        }
        let s = self.doc.sentence_span(pos);
        if pos < s.start {
            return None;
        }
        // Skip one short introductory phrase ("Last week, ", "In 2004, ").
        let mut lo = s.start;
        let head = &self.text[s.start..pos];
        if let Some(c) = head.find(',') {
            let intro = &head[..c];
            if intro.split_whitespace().count() <= 4
                && self.ments_in(s.start..s.start + c).next().is_none()
            {
                lo = s.start + c + 1;
            }
        }
        let clause = &self.text[lo..pos];
        if clause.contains([';', ':', '“', '"']) {
            return None;
        }
        let m = *self.ments_in(lo..pos).next()?;
        let prefix = self.text[lo..m.start].trim();
        if !(prefix.is_empty() || prefix.eq_ignore_ascii_case("the")) {
            return None;
        }
        // The words after the subject must not attribute ("China said 500 …").
        let mut after = m.end;
        let tail = &self.text[after..];
        if tail.starts_with("'s") || tail.starts_with("’s") {
            after += 4.min(tail.len());
            after = (after..=self.text.len())
                .find(|&i| self.text.is_char_boundary(i))
                .unwrap_or(self.text.len());
        }
        let words = self.words(after.min(pos)..pos);
        if words.iter().take(3).any(|w| w.2 == "according") || !self.verbs(m.end..pos).is_empty() {
            return None;
        }
        Some(m.ent)
    }

    /// True when the sentence marks the claim as reported or alleged.
    /// `skip` is a quoted passage whose own words do not count.
    fn hedged(&self, s: Range<usize>, skip: Option<Range<usize>>) -> bool {
        let Some(folded) = self.doc.folded.get(s.clone()) else {
            return false;
        };
        HEDGE.find_iter(folded).any(|m| {
            let at = s.start + m.start();
            !skip.as_ref().is_some_and(|k| k.contains(&at))
        })
    }

    /// Is the money figure at `start` a bracketed conversion of the amount
    /// ending at `prev_end` ("$6bn (£3.2bn)", "200,000 yuan ($24,000; £12,700)")?
    fn is_conversion(&self, prev_end: usize, start: usize) -> bool {
        if prev_end > start {
            return false;
        }
        let gap = &self.text[prev_end..start];
        let Some(open) = gap.find('(') else {
            return false;
        };
        // Only the amount's own unit word may sit before the bracket, and
        // only other amounts inside it.
        gap[..open].split_whitespace().count() <= 1
            && !gap[open..].contains(')')
            && !gap[open + 1..].chars().any(char::is_lowercase)
            && gap[open + 1..].len() < 40
    }
}

// ---------------------------------------------------------------------------
// Finding quoted passages

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Open,
    Close,
    /// Spaces on both sides: decided by whether a quote is open.
    Either,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'')
}

/// What the marks around byte `i` say a quote mark `c` does.
fn classify(text: &str, i: usize, c: char) -> Option<Role> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let prev_open = prev.map_or(true, |p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
    });
    let next_space = next.map_or(true, char::is_whitespace);
    let next_close = next.map_or(true, |n| {
        n.is_whitespace()
            || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '…')
            || is_quote_char(n)
    });
    if prev_open && !next_space {
        Some(Role::Open)
    } else if !prev_open && next_close {
        Some(Role::Close)
    } else if prev_open && next_space {
        Some(Role::Either)
    } else {
        // A mark between letters: an apostrophe for single marks.
        match c {
            '“' | '”' | '"' => Some(Role::Either),
            _ => None,
        }
    }
}

/// All quoted passages, with double marks (curly or straight, matched by
/// position rather than glyph, since sources mix them up) and single marks
/// outside double quotes. A passage running over paragraphs is one when each
/// new paragraph opens with a mark, or when a paragraph breaks mid-sentence.
fn find_quotes(doc: &Doc<'_>) -> Vec<RawQuote> {
    let text = doc.text;
    let mut out: Vec<RawQuote> = Vec::new();
    // Open double quote: (mark start, inner start, curly).
    let mut dq: Option<(usize, usize, bool)> = None;
    let mut depth = 0usize;
    let mut carried = false;
    let mut skip_mark: Option<usize> = None;
    let mut sq: Option<(usize, usize)> = None;
    let push = |out: &mut Vec<RawQuote>,
                open: usize,
                inner: Range<usize>,
                close_end: usize,
                curly: bool| {
        let raw = &text[inner.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
        if trimmed.is_empty() {
            return;
        }
        let start = inner.start + lead;
        out.push(RawQuote {
            open,
            inner: start..start + trimmed.len(),
            close_end,
            curly,
        });
    };
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c == '\n' {
            sq = None;
            let rest = &text[i..];
            let next = i + (rest.len() - rest.trim_start().len());
            if let Some((o, is, curly)) = dq {
                let before = text[..i].trim_end();
                let clean = before.ends_with(['.', '?', '!', '…', ':', ';', '"', '”', '’']);
                let next_char = text[next..].chars().next();
                if matches!(next_char, Some('“' | '"')) {
                    skip_mark = Some(next);
                    depth = 0;
                } else if !clean && !carried && next_char.is_some_and(char::is_lowercase) {
                    carried = true;
                } else {
                    push(&mut out, o, is..before.len(), before.len(), curly);
                    dq = None;
                    depth = 0;
                }
            }
            i = next.max(i + len);
            continue;
        }
        if !is_quote_char(c) {
            i += len;
            continue;
        }
        let double = matches!(c, '“' | '”' | '"');
        let role = classify(text, i, c);
        if double {
            if skip_mark == Some(i) {
                skip_mark = None;
                i += len;
                continue;
            }
            match (dq, role) {
                (_, None) => {}
                (None, Some(Role::Open | Role::Either)) => {
                    dq = Some((i, i + len, c != '"'));
                    depth = 0;
                    carried = false;
                    sq = None;
                }
                (None, Some(Role::Close)) => {
                    // A closing mark with no opening one after a full stop:
                    // the quote began with its sentence.
                    let before = text[..i].trim_end();
                    if before.ends_with(['.', '?', '!']) {
                        let s = doc.sentence_span(i.saturating_sub(1));
                        let lo = s.start.min(i);
                        if !text[lo..i].contains(is_quote_char_double) {
                            push(&mut out, lo, lo..i, i + len, c != '"');
                        }
                    }
                }
                (Some((o, is, curly)), Some(Role::Close | Role::Either)) => {
                    if depth > 0 {
                        depth -= 1;
                    } else {
                        push(&mut out, o, is..i, i + len, curly);
                        dq = None;
                    }
                }
                (Some((o, is, curly)), Some(Role::Open)) => {
                    if sloppy_close(doc, i, len) {
                        push(&mut out, o, is..i, i + len, curly);
                        dq = None;
                        depth = 0;
                    } else {
                        depth += 1;
                    }
                }
            }
        } else if dq.is_none() {
            let curly = c != '\'';
            match (sq, role) {
                (_, None) => {}
                (None, Some(Role::Open)) if c != '’' => sq = Some((i, i + len)),
                (Some((o, is)), Some(Role::Close)) if c != '‘' => {
                    push(&mut out, o, is..i, i + len, curly);
                    sq = None;
                }
                (Some(_), Some(Role::Open)) if c != '’' => sq = Some((i, i + len)),
                _ => {}
            }
        }
        i += len;
    }
    if let Some((o, is, curly)) = dq {
        let end = text.trim_end().len().max(is);
        push(&mut out, o, is..end, end, curly);
    }
    out.sort_by_key(|q| q.open);
    out
}

fn is_quote_char_double(c: char) -> bool {
    matches!(c, '“' | '”' | '"')
}

/// An opening-looking mark inside an open quote that actually closes it:
/// it follows a comma or end punctuation and a space, and an attribution
/// follows it (`…in Raghistan, “Li Wei … told the Global Times.`).
fn sloppy_close(doc: &Doc<'_>, i: usize, len: usize) -> bool {
    let text = doc.text;
    let head = &text[..i];
    if !head.ends_with(' ') || !head.trim_end().ends_with([',', '.', '?', '!']) {
        return false;
    }
    let rest = &doc.folded[i + len..];
    let mut end = rest
        .find(['.', '?', '!', '“', '”', '"', '\n'])
        .unwrap_or(rest.len())
        .min(250);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    WORD.find_iter(&rest[..end]).any(|w| {
        VERBS
            .get(w.as_str())
            .is_some_and(|v| v.quote && !v.noun_too)
    })
}

/// Longest stretch of a claim's sentence kept in its record, in bytes. A
/// record holds one sentence per claim, so without a cap a text dense with
/// figures would make records grow with claims × sentence length.
const MAX_SENTENCE_CONTEXT: usize = 1024;

/// The claim's sentence, or a window of it around the claim when the
/// sentence is longer than [`MAX_SENTENCE_CONTEXT`] (cut on char boundaries).
fn sentence_window(
    text: &str,
    sentence: std::ops::Range<usize>,
    claim: std::ops::Range<usize>,
) -> String {
    let Some(full) = text.get(sentence.clone()) else {
        return String::new();
    };
    if full.len() <= MAX_SENTENCE_CONTEXT {
        return full.to_string();
    }
    let mid = (claim.start + claim.end) / 2;
    let mut lo = mid
        .saturating_sub(MAX_SENTENCE_CONTEXT / 2)
        .max(sentence.start);
    let mut hi = (lo + MAX_SENTENCE_CONTEXT).min(sentence.end);
    lo = hi.saturating_sub(MAX_SENTENCE_CONTEXT).max(sentence.start);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    text[lo..hi].to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_sentences_are_windowed_around_the_claim() {
        let text = format!(
            "{}$5 million{}",
            "é word ".repeat(400),
            " ü tail".repeat(400)
        );
        let claim = text.find("$5").unwrap()..text.find(" million").unwrap() + 8;
        let got = sentence_window(&text, 0..text.len(), claim);
        assert!(got.len() <= MAX_SENTENCE_CONTEXT, "{}", got.len());
        assert!(got.contains("$5 million"));
        let short = "They paid $5 million.";
        assert_eq!(sentence_window(short, 0..short.len(), 10..20), short);
    }

    use super::*;

    /// The plain scan finds what the regex finds.
    #[test]
    fn word_scan_matches_the_regex() {
        let texts = [
            "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.",
            "日本語のテキスト ١٢٣ Ⅻ ½ café naïve Ελλάδα ǅemal x\u{301}y \u{a0}a…b",
            "'-’ - ' 9’ a-",
            "",
        ];
        for t in texts {
            let want: Vec<(usize, usize)> =
                WORD.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(word_spans(t), want, "{t}");
        }
    }

    /// `words` reads the document's word index; it must give what a search
    /// of the range alone gives, for every range, cut words included.
    #[test]
    fn indexed_words_match_a_fresh_search() {
        let text = "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.";
        let doc = Doc::new(text, false);
        let ctx = Ctx::new(&doc, &[]);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let fresh: Vec<(usize, usize, &str)> = WORD
                    .find_iter(&doc.folded[a..b])
                    .map(|m| (a + m.start(), a + m.end(), m.as_str()))
                    .collect();
                assert_eq!(ctx.words(a..b), fresh, "{a}..{b}");
            }
        }
    }
}
