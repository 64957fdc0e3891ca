//! Entities: turning candidate mentions into entities, with in-article
//! coreference (a surname or given name links to the full name, an acronym
//! to its expansion, a short form of an organization to its full name, and
//! every surface form of one gazetteer entry to one entity).

use std::collections::HashMap;

use crate::gazetteer::{resolve_keys, Gazetteer, KeyGroup};
use crate::lexicon::GazetteerCues;
use crate::names::Candidate;
use crate::record::{Entity, EntityType, Mention};
use crate::text::Doc;

/// The mentions of one entity in the making.
struct Group {
    kind: EntityType,
    key: Option<String>,
    /// Canonical name given by a rule (an acronym's expansion).
    hint: Option<String>,
    /// Indexes into the candidate list.
    members: Vec<usize>,
}

/// Which group an identity names, for one entity type. Two separate name
/// spaces: gazetteer keys, and lower-case surface forms or canonical names.
#[derive(Default)]
struct GroupsByIdentity {
    keys: HashMap<String, usize>,
    names: HashMap<String, usize>,
}

impl GroupsByIdentity {
    /// Room for the identities of `mentions` mentions, so that the maps do
    /// not grow while the article is read.
    fn with_capacity(mentions: usize) -> GroupsByIdentity {
        GroupsByIdentity {
            keys: HashMap::with_capacity(mentions),
            names: HashMap::with_capacity(mentions),
        }
    }

    /// The groups a mention's identities name now: its gazetteer key, its
    /// canonical name and its surface form (both lower-case).
    fn look_up(&self, key: Option<&str>, canonical: Option<&str>, form: &str) -> Named {
        Named {
            key: key.and_then(|k| self.keys.get(k)).copied(),
            canonical: canonical.and_then(|n| self.names.get(n)).copied(),
            form: self.names.get(form).copied(),
        }
    }

    /// Record each identity that names no group yet (`named` says which)
    /// for group `g`.
    fn insert_new(
        &mut self,
        named: &Named,
        key: Option<&str>,
        canonical: Option<String>,
        form: &str,
        g: usize,
    ) {
        if let (Some(k), None) = (key, named.key) {
            self.keys.insert(k.to_string(), g);
        }
        let same_form = canonical.as_deref() == Some(form);
        if let (Some(n), None) = (canonical, named.canonical) {
            self.names.insert(n, g);
        }
        if named.form.is_none() && !same_form {
            self.names.insert(form.to_string(), g);
        }
    }
}

/// The group each identity of one mention names, if any.
struct Named {
    key: Option<usize>,
    canonical: Option<usize>,
    form: Option<usize>,
}

impl Named {
    /// The group the mention joins by identity: its key's, else its
    /// canonical name's, else its form's.
    fn group(&self) -> Option<usize> {
        self.key.or(self.canonical).or(self.form)
    }
}

/// `t` in lower case (as `str::to_lowercase`), written into `buf`.
fn lower_into(buf: &mut String, t: &str) {
    buf.clear();
    if t.is_ascii() {
        buf.push_str(t);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&t.to_lowercase());
    }
}

/// The slot of an entity type in [`Grouping::by_id`].
fn type_slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Nationality => 3,
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '\u{a0}']).filter(|w| !w.is_empty())
}

/// The groups being built over the sorted candidates.
struct Grouping<'c> {
    doc: &'c Doc<'c>,
    gaz: &'c Gazetteer,
    /// The lexicon's gazetteer lists: corporate suffixes, key resolution.
    cues: &'c GazetteerCues,
    candidates: &'c [Candidate],
    groups: Vec<Group>,
    group_of: Vec<Option<usize>>,
    /// Identity → group, per type (by [`type_slot`]). Looked up by `&str`,
    /// so no key is built for a lookup.
    by_id: [GroupsByIdentity; 4],
    /// Word runs that start or end an organization's name ("Oxus Society")
    /// → its group; the latest holder wins.
    org_parts: HashMap<String, usize>,
    /// A mention's lower-case form, written here rather than allocated.
    lower: String,
}

/// Group candidates (not overlapping) into entities, in order of first
/// mention; each keeps all its mentions. Place and organization keys are
/// resolved with the gazetteer's word lists `cues`.
// Kept out of line so that profiles (`scripts/bench/stages.sh`) see the
// stage.
#[inline(never)]
pub(crate) fn resolve(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    cues: &GazetteerCues,
    mut candidates: Vec<Candidate>,
) -> Vec<Entity> {
    candidates.sort_by_key(|c| (c.start, c.end));
    let mut grouping = Grouping {
        doc,
        gaz,
        cues,
        candidates: &candidates,
        groups: Vec::new(),
        group_of: vec![None; candidates.len()],
        by_id: Default::default(),
        org_parts: HashMap::new(),
        lower: String::new(),
    };
    let mut per_type = [0; 4];
    for c in &candidates {
        per_type[type_slot(c.kind)] += 1;
    }
    grouping.by_id = per_type.map(GroupsByIdentity::with_capacity);
    // One-word person mentions wait for pass 2: they link to a full name
    // that may come later in the article.
    for i in 0..candidates.len() {
        if !grouping.is_short_person(i) {
            grouping.add_mention(i);
        }
    }
    grouping.add_short_persons();
    let groups = grouping.into_groups();
    entities(doc, groups, candidates)
}

/// The groups as entities, in order: the name is the rule's canonical name,
/// else the first form of several words, else the first form. Each
/// candidate is the mention of one entity, so its rule moves into it.
fn entities(doc: &Doc<'_>, groups: Vec<Group>, mut candidates: Vec<Candidate>) -> Vec<Entity> {
    groups
        .into_iter()
        .enumerate()
        .map(|(n, g)| {
            let text = |i: usize| &doc.text[candidates[i].start..candidates[i].end];
            let name = g
                .hint
                .or_else(|| {
                    g.members
                        .iter()
                        .map(|&i| text(i))
                        .find(|f| words(f).count() > 1)
                        .map(str::to_string)
                })
                .unwrap_or_else(|| text(g.members[0]).to_string());
            let mentions = g
                .members
                .iter()
                .map(|&i| {
                    let c = &mut candidates[i];
                    Mention {
                        text: doc.text[c.start..c.end].to_string(),
                        start: c.start,
                        end: c.end,
                        sentence: doc.sentence_index(c.start),
                        rule: std::mem::take(&mut c.rule),
                        // Filled in by the extractor when asked for.
                        char_start: None,
                        char_end: None,
                    }
                })
                .collect();
            Entity {
                id: format!("e{}", n + 1),
                kind: g.kind,
                name,
                key: g.key,
                mentions,
            }
        })
        .collect()
}

impl<'c> Grouping<'c> {
    fn text(&self, i: usize) -> &'c str {
        let c = &self.candidates[i];
        &self.doc.text[c.start..c.end]
    }

    fn is_short_person(&self, i: usize) -> bool {
        self.candidates[i].kind == EntityType::Person && words(self.text(i)).count() == 1
    }

    /// Pass 1: join candidate `i` to the group one of its identities names
    /// (or, for an organization, the group whose name it starts or ends),
    /// else open a group.
    fn add_mention(&mut self, i: usize) {
        let c = &self.candidates[i];
        let t = self.text(i);
        let slot = type_slot(c.kind);
        let key = c.entry.map(|e| self.gaz.entries()[e as usize].key.as_str());
        let canonical = c.canonical.as_deref().map(str::to_lowercase);
        let mut form = std::mem::take(&mut self.lower);
        lower_into(&mut form, t);
        let named = self.by_id[slot].look_up(key, canonical.as_deref(), &form);
        let found = named.group();
        let short = || {
            (c.kind == EntityType::Organization && c.entry.is_none() && t.contains(' '))
                .then(|| {
                    self.org_parts.get(t).copied().or_else(|| {
                        // "Aramco Corp" after "ARAMCO": the name with its
                        // legal form is the organization named without it
                        // (the key resolver's list of corporate suffixes).
                        let (base, form) = t.rsplit_once(' ')?;
                        let form = form.to_lowercase();
                        self.cues.corporate_suffixes.contains(&form).then_some(())?;
                        self.by_id[slot].names.get(&base.to_lowercase()).copied()
                    })
                })
                .flatten()
        };
        let g = match found.or_else(short) {
            Some(g) => g,
            None => self.open(c.kind, key.map(str::to_string)),
        };
        let group = &mut self.groups[g];
        if group.hint.is_none() {
            group.hint.clone_from(&c.canonical);
        }
        if group.key.is_none() {
            group.key = key.map(str::to_string);
        }
        group.members.push(i);
        self.group_of[i] = Some(g);
        if c.kind == EntityType::Organization {
            self.add_org_parts(t, g);
        }
        self.by_id[slot].insert_new(&named, key, canonical, &form, g);
        self.lower = form;
    }

    /// Record the leading and trailing word runs of organization name `t`
    /// (of group `g`) for later short forms; a run already held changes
    /// holder without a new key.
    fn add_org_parts(&mut self, t: &str, g: usize) {
        // Runs of two words or more, shorter than the name: three words at
        // least.
        if words(t).nth(2).is_none() {
            return;
        }
        let w: Vec<&str> = words(t).collect();
        let mut run = String::new();
        for k in 2..w.len() {
            for part in [&w[..k], &w[w.len() - k..]] {
                run.clear();
                for (n, word) in part.iter().enumerate() {
                    if n > 0 {
                        run.push(' ');
                    }
                    run.push_str(word);
                }
                match self.org_parts.get_mut(run.as_str()) {
                    Some(holder) => *holder = g,
                    None => {
                        self.org_parts.insert(run.clone(), g);
                    }
                }
            }
        }
    }

    /// A new, empty group.
    fn open(&mut self, kind: EntityType, key: Option<String>) -> usize {
        self.groups.push(Group {
            kind,
            key,
            hint: None,
            members: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// Pass 2: a given name or surname alone links to the nearest earlier
    /// full name holding it, else the nearest later one.
    fn add_short_persons(&mut self) {
        // Keyed lower-case: "REAGAN" in a wire headline is Reagan's.
        let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, o) in self.candidates.iter().enumerate() {
            if o.kind == EntityType::Person && self.group_of[j].is_some() {
                let t = self.text(j);
                if words(t).count() > 1 {
                    for w in words(t) {
                        holders.entry(w.to_lowercase()).or_default().push(j);
                    }
                }
            }
        }
        for i in 0..self.candidates.len() {
            if !self.is_short_person(i) {
                continue;
            }
            let c = &self.candidates[i];
            let t = self.text(i);
            let earlier = holders.get(&t.to_lowercase()).and_then(|list| {
                let k = list.partition_point(|&j| j < i);
                k.checked_sub(1)
                    .map(|k| list[k])
                    .or_else(|| list.get(k).copied())
            });
            let g = earlier.and_then(|j| self.group_of[j]).or_else(|| {
                self.by_id[type_slot(EntityType::Person)]
                    .names
                    .get(&t.to_lowercase())
                    .copied()
            });
            let g = match g {
                Some(g) => g,
                None => {
                    let key = c.entry.map(|e| self.gaz.entries()[e as usize].key.clone());
                    let g = self.open(EntityType::Person, key);
                    self.by_id[type_slot(EntityType::Person)]
                        .names
                        .insert(t.to_lowercase(), g);
                    g
                }
            };
            self.groups[g].members.push(i);
            self.group_of[i] = Some(g);
        }
    }

    /// The groups in order of first mention, each one's members in order,
    /// place keys resolved.
    fn into_groups(mut self) -> Vec<Group> {
        for g in &mut self.groups {
            g.members.sort_unstable();
        }
        self.groups
            .sort_by_key(|g| g.members.first().copied().unwrap_or(usize::MAX));
        let mut groups = std::mem::take(&mut self.groups);
        groups.retain(|g| !g.members.is_empty());
        self.resolve_place_keys(&mut groups);
        groups
    }

    /// A place's key names the row the article means among those sharing
    /// its name (`gazetteer::resolve_keys`), not just the matched one.
    fn resolve_place_keys(&self, groups: &mut [Group]) {
        let places: Vec<KeyGroup> = groups
            .iter()
            .map(|g| KeyGroup {
                kind: g.kind,
                entry: g.members.iter().find_map(|&i| {
                    let entry = self.candidates[i].entry?;
                    (Some(&self.gaz.entries()[entry as usize].key) == g.key.as_ref())
                        .then_some(entry)
                }),
                spans: g
                    .members
                    .iter()
                    .map(|&i| (self.candidates[i].start, self.candidates[i].end))
                    .collect(),
            })
            .collect();
        let chosen = resolve_keys(self.doc, self.gaz, self.cues, &places);
        for ((g, place), row) in groups.iter_mut().zip(&places).zip(chosen) {
            if row.is_some() && row != place.entry {
                g.key = row.map(|r| self.gaz.entries()[r as usize].key.clone());
            }
        }
    }
}
