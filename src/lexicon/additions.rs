//! Word lists a user adds through the builder (given names, person titles
//! and roles, organization heads), merged into a copy of the embedded
//! [`Lexicon`].

use super::names::longest_first;
use super::{Head, Lexicon, Phrase, TitleKind};

/// What the builder adds to the name rules' word lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LexiconAdditions {
    /// Given names, as written (Title Case).
    pub first_names: Vec<String>,
    /// Capitalised titles written right before a name, kept out of it.
    pub titles: Vec<String>,
    /// Lower-case role nouns that introduce a name, matched in any case.
    pub roles: Vec<String>,
    /// Head words that close an organization's name by themselves.
    pub org_heads: Vec<String>,
}

impl LexiconAdditions {
    /// True when there is nothing to add.
    pub fn is_empty(&self) -> bool {
        self == &LexiconAdditions::default()
    }
}

impl Lexicon {
    /// A copy of this lexicon with `additions`, indexed as the embedded
    /// lists are (longest cue or head first).
    pub(crate) fn extended(&self, additions: &LexiconAdditions) -> Lexicon {
        let mut lex = self.clone();
        let names = &mut lex.names;
        names
            .first_names
            .extend(additions.first_names.iter().map(|n| n.trim().to_string()));
        let titles = additions
            .titles
            .iter()
            .map(|t| (t, false, TitleKind::Title));
        let roles = additions.roles.iter().map(|r| (r, true, TitleKind::Role));
        for (cue, fold, kind) in titles.chain(roles) {
            names
                .titles
                .extend(Phrase::new(cue, fold).map(|p| (p, kind)));
        }
        longest_first(&mut names.titles);
        let head = Head {
            opens: false,
            strong: true,
        };
        for h in &additions.org_heads {
            names
                .org_heads
                .extend(Phrase::new(h, false).map(|p| (p, head)));
        }
        longest_first(&mut names.org_heads);
        names.index();
        lex.index_marks();
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn additions_are_indexed() {
        let additions = LexiconAdditions {
            first_names: vec!["Zorblaxa".into()],
            titles: vec!["Grand Vizier".into()],
            roles: vec!["stargazer".into()],
            org_heads: vec!["Syndicate".into()],
        };
        let base = &Lexicon::embedded().names;
        let lex = Lexicon::embedded().extended(&additions).names;
        assert!(lex.first_names.contains("Zorblaxa"));
        assert_eq!(lex.titles.len(), base.titles.len() + 2);
        assert!(lex.titles_by_first.contains_key("grand"));
        assert!(lex.titles_by_first.contains_key("stargazer"));
        assert!(lex.org_heads_by_last.contains_key("Syndicate"));
        assert!(LexiconAdditions::default().is_empty() && !additions.is_empty());
    }
}
