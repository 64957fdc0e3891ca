//! Tests of `exclusions` (moved out of `exclusions.rs` unchanged).

use super::super::text_reads_of;
use super::super::tokens::{TokenKind, Tokens};
use crate::text::Doc;

/// A plain number is ruled out by no neighbour without its text being
/// read (the leading-zero test reads it only after a "0").
#[test]
fn neighbours_test_reads_a_plain_number_no_text() {
    let lex = &crate::lexicon::Lexicon::embedded().figures;
    let doc = Doc::new("They won 3 games and called 020 at 0.5 pence.", false);
    let tokens = Tokens::new(&doc, lex);
    let number = |i| tokens.parse_number(i).unwrap();
    let (id, reads) = text_reads_of(|| tokens.ruled_out_by_neighbours(2));
    assert_eq!((id, reads), (false, 0));
    assert!(!tokens.ruled_out_by_number(2, &number(2)));
    assert!(tokens.ruled_out_by_neighbours(6));
    assert!(!tokens.ruled_out_by_neighbours(8));
    assert!(!tokens.ruled_out_by_number(8, &number(8)));
}

/// The test split in two (the neighbours before the number is read,
/// the rest after) answers as the old one did for every number of the
/// test texts and of codes, dates, pairs and lists.
#[test]
fn split_quantity_test_matches_its_oracle() {
    let lex = &crate::lexicon::Lexicon::embedded().figures;
    let mut texts = crate::text::test_corpus::texts();
    texts.push(
        "D66 G20 Covid-19 mid-2004 9/11 24/7 10:30 020 007 0.5 12th 1990s 4G 10am 5pc \
         the 1990's the 30's July 5 5 July Aug 31 10 am 3 p.m. 10 GMT (3) 1) \n2. x \
         2-1 2003-04 020 7946 0958 +44 500+ 10 Downing Street HK$5 US$7 a/5 #3 @4 _5 =6 &7 \
         x–5 6—7 a-8 -9 +10 (11) 12/ :13 May 14 may 15 D 16 0 0.5 00 x0 5-x-6"
            .into(),
    );
    let mut asked = 0;
    for text in &texts {
        let doc = Doc::new(text, false);
        let tokens = Tokens::new(&doc, lex);
        for i in 0..tokens.len() {
            if tokens.kind(i) != Some(TokenKind::Digits) {
                continue;
            }
            let Some(n) = tokens.parse_number(i) else {
                continue;
            };
            let neighbours = tokens.ruled_out_by_neighbours(i);
            let want = tokens.ruled_out_by_neighbours_oracle(i);
            assert_eq!(neighbours, want, "{text:?} at {i}");
            let split = neighbours || tokens.ruled_out_by_number(i, &n);
            assert_eq!(
                split,
                tokens.not_a_quantity_oracle(i, &n),
                "{text:?} at {i}"
            );
            asked += 1;
        }
    }
    assert!(asked > 100, "{asked}");
}

/// `date_or_time` reads the token after a number only when it is a
/// word: every clock word is one word token after a number.
#[test]
fn clock_words_are_words() {
    let lex = &crate::lexicon::Lexicon::embedded().figures;
    for w in lex.cues.clock_words.iter() {
        let text = format!("at 10 {w} today");
        let doc = Doc::new(&text, false);
        let tokens = Tokens::new(&doc, lex);
        assert!(tokens.is_word(2), "{w:?}");
        assert_eq!(tokens.word(2), w.to_lowercase(), "{w:?}");
        assert_eq!(tokens.word(3), "today", "{w:?}");
    }
}
