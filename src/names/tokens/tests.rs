use super::*;

fn words(text: &str) -> Vec<&str> {
    let mut toks = Vec::new();
    let doc = Doc::new(text, false);
    join::tokenize(&doc, &mut toks, &mut OwnLowers::default(), &mut Vec::new());
    toks.into_iter().map(|t| &text[t.start..t.end]).collect()
}

/// The words, their own lower-case forms and the rare words' list as
/// the new tokenizer makes them (`out` reused from the last text, as
/// the view's kept buffers are) and as session 6's did.
fn same_as_the_oracle(text: &str, out: &mut Vec<Token>) -> Result<(), String> {
    let doc = Doc::new(text, false);
    let (mut lowers, mut rare) = (OwnLowers::default(), Vec::new());
    join::tokenize(&doc, out, &mut lowers, &mut rare);
    let (mut old_lowers, mut old_rare) = (OwnLowers::default(), Vec::new());
    let old = join_oracle::tokenize(&doc, &mut old_lowers, &mut old_rare);
    if *out != old || lowers != old_lowers || rare != old_rare {
        let first = out.iter().zip(&old).position(|(a, b)| a != b);
        return Err(format!(
            "{text:?}: first difference at word {first:?} of {} / {}",
            out.len(),
            old.len()
        ));
    }
    Ok(())
}

/// The words are session 6's, fact for fact, on the fixture and
/// development texts and on texts made to hit the rare cases.
#[test]
fn words_as_the_oracle_makes_them() {
    let mut texts = crate::text::test_corpus::texts();
    texts.push("iPhone eDonkey é iÉcole aB a iA Ωmega ωmega McDONALD x".to_string());
    texts.push("Al-Qaeda U.S. O'Brien's  Smith\u{a0}Jones.  Mr. Li,Ltd\nA B".to_string());
    // Possessives read off the base tokens: of one byte or two before
    // the apostrophe, either apostrophe, either case, after joins.
    texts.push(
        "a's ab's é's ab’s a’s AB'S x'S it's don't O'Brien’s U.S.'s Jones's's \
         rock'n'roll ab'sx ab's- 1's 12's al-Qaeda's eBay's iPod's A.B’S ab'ss"
            .to_string(),
    );
    // Lines ending like a sentence or not, with and without lower case.
    texts.push(
        "Body text ends here.\nALL CAPS LINE.\nA Title Case Line For Once\n\
         Police Arrest Four Men In Dover Raid.\n“Quoted,” he said;\n(x)\n\
         lower line, no end\n  ... 12.\nEND"
            .to_string(),
    );
    let mut out = Vec::new();
    for text in &texts {
        same_as_the_oracle(text, &mut out).unwrap();
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]

    /// The same on random texts of letters of both cases, digits,
    /// joiners, spaces, line breaks and characters outside ASCII.
    #[test]
    fn random_words_as_the_oracle_makes_them(
        text in "([a-zA-Z]{0,12}|[0-9]{1,3}|[-'’.&,]|[ \u{a0}]{1,2}|\n|[éÉßΩωⅫ²ăİ]|eDonkey|Mr\\.){0,40}"
    ) {
        let mut out = Vec::new();
        proptest::prop_assert!(same_as_the_oracle(&text, &mut out).is_ok(), "{:?}", text);
    }
}

/// A word is 24 bytes: the view holds one per word of the article.
#[test]
fn token_size() {
    assert_eq!(std::mem::size_of::<Token>(), 24);
}

/// Each word's marks are what one lookup of the word and of its
/// lower-case form in the lexicon's table gives (the base token's marks
/// are copied for most words), its brand fact what the brand test
/// gives (most words are turned away before it), its lower-case form
/// `str::to_lowercase`'s, its case facts what its characters say (read
/// off the base tokens), its headline, gap and sentence-start facts
/// those of the document, over the fixture and development texts.
#[test]
fn word_marks_as_looked_up() {
    let mut texts = crate::text::test_corpus::texts();
    texts.push("iPhone eDonkey é iÉcole aB a iA Ωmega ωmega".to_string());
    // Words in capitals, brands and plain words of every length around
    // the base tokens' eight-byte reads, gaps of dots and spaces.
    texts.push(
        "A AB ABCDEFGHI ABCDEFGHIJKLMNOPQR abcdefghiJ abcdefghijklmnopQ eBay \
         xY Mr. Smith Mr.  Jones U.S. Army Dr..  Who 12 1x x1 \
         abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz."
            .to_string(),
    );
    texts.push(
        "al-Qaeda Tehreek-e-Taliban US-backed bin-Laden Jean-Paul ibn-Saud \
         well-known Al-Ahly x-Ray Émile-Zola el-Émir Saint-étienne"
            .to_string(),
    );
    let lexicon = crate::lexicon::Lexicon::embedded();
    let mut count = 0;
    for text in &texts {
        let doc = Doc::new(text, false);
        let words = Words::new(&doc, Gazetteer::embedded(), &lexicon.names, &[]);
        for (i, t) in words.toks.iter().enumerate() {
            let w = &text[t.start..t.end];
            let lower = w.to_lowercase();
            let looked_up = lexicon.marks.of(w, &lower);
            assert_eq!(u64::from(t.marks), looked_up & u64::from(u32::MAX), "{w:?}");
            let brand = t.is(fact::LOWER) && super::super::lists::brand_written(w);
            assert_eq!(t.is(fact::BRAND), brand, "{w:?}");
            assert_eq!(words.word_lower(i), lower, "{w:?}");
            let plain = t.is(fact::LOWER) && lower == w;
            assert_eq!(words.is_plain_lower(i), plain, "{w:?}");
            assert_eq!(words.capitals_mute(i), doc.capitals_mute(t.start), "{w:?}");
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            assert_eq!(words.is_cap(i), capital, "{w:?}");
            let first_lower = w.chars().next().is_some_and(char::is_lowercase);
            assert_eq!(words.is_lower(i), first_lower, "{w:?}");
            let caps = !w.chars().any(char::is_lowercase)
                && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some();
            assert_eq!(words.is_all_caps(i), caps, "{w:?}");
            if !w.contains('-') {
                let name = capital && w.chars().any(char::is_alphabetic);
                assert_eq!(words.is_name_word(i), name, "{w:?}");
            } else {
                // The first part capitalised or a particle, the last
                // capitalised (split as the old test split them).
                let first = w.split('-').next().unwrap_or_default();
                let last = w.rsplit('-').next().unwrap_or_default();
                let cap = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
                let particle = lexicon.names.cues.particles.contains(&first.to_lowercase());
                let name = (cap(first) || particle) && cap(last);
                assert_eq!(words.is_name_word(i), name, "{w:?}");
            }
            // Only spaces since the word before, unless it was possessive.
            let joined = i > 0
                && !words.toks[i - 1].possessive
                && text[words.toks[i - 1].end..t.start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
                && words.toks[i - 1].end < t.start;
            assert_eq!(words.joined(i), joined, "{w:?}");
            // Only spaces, or an abbreviation's dots and then spaces.
            let joined_or_dot = i > 0 && !words.toks[i - 1].possessive && {
                let gap = &text[words.toks[i - 1].end..t.start];
                let after_dots = gap.trim_start_matches('.');
                !after_dots.is_empty() && after_dots.bytes().all(|b| b == b' ')
            };
            assert_eq!(words.joined_or_dot(i), joined_or_dot, "{w:?}");
            count += 1;
        }
        // The first word at or after each sentence start, if inside it.
        let mut initial = vec![false; words.toks.len()];
        let mut k = 0;
        for sent in &doc.sentences {
            while k < words.toks.len() && words.toks[k].start < sent.start {
                k += 1;
            }
            if k < words.toks.len() && words.toks[k].start < sent.end {
                initial[k] = true;
            }
        }
        let marked: Vec<bool> = (0..words.toks.len()).map(|i| words.is_initial(i)).collect();
        assert_eq!(marked, initial);
    }
    assert!(count > 1000, "{} texts, {count} words", texts.len());
}

/// The own lower-case forms (words outside ASCII) are found whatever
/// order the words are asked in: text order, backwards, by strides, and
/// the same word twice.
#[test]
fn own_lower_forms_in_any_order() {
    let mut text = String::new();
    for k in 0..300 {
        text.push_str(["Émile ", "plain ", "ÇA ", "Ωmega ", "x "][k % 5]);
        text.push_str(&format!("Zoë{k} "));
    }
    let doc = Doc::new(&text, false);
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
    let n = words.toks.len();
    assert!(words.lowers.ends.len() > 300, "{}", words.lowers.ends.len());
    let orders: [Vec<usize>; 4] = [
        (0..n).collect(),
        (0..n).rev().collect(),
        (0..n).step_by(7).chain((0..n).step_by(3)).collect(),
        (0..n).flat_map(|i| [i, i, n - 1 - i]).collect(),
    ];
    for order in orders {
        for i in order {
            let lower = words.word(i).to_lowercase();
            assert_eq!(words.word_lower(i), lower, "word {i}");
        }
    }
}

#[test]
fn tokens() {
    assert_eq!(
        words("Sirajuddin’s al-Qaeda U.S. O'Brien's Tehreek-e-Taliban, (ETIM)"),
        vec![
            "Sirajuddin",
            "al-Qaeda",
            "U.S",
            "O'Brien",
            "Tehreek-e-Taliban",
            "ETIM"
        ]
    );
}

/// `Words::phrase_at` as first written: the separators and words read
/// as text.
fn phrase_at_by_text(words: &Words<'_, '_>, p: &Phrase, i: usize) -> Option<usize> {
    if i + p.words.len() > words.toks.len() {
        return None;
    }
    for (k, pw) in p.words.iter().enumerate() {
        let j = i + k;
        if k > 0 {
            let s = words.sep(j).trim_start_matches('.');
            if s.is_empty() || !s.chars().all(|c| c == ' ') {
                return None;
            }
        }
        let ok = if p.fold {
            words.word_lower(j) == pw.as_str()
        } else {
            words.word(j) == pw
        };
        if !ok {
            return None;
        }
    }
    Some(i + p.words.len())
}

/// The phrase test read off the words' facts and lengths answers as the
/// test on the text does, for every title, head and party phrase at every
/// word of the fixture and development texts and of texts made to hit
/// dots, no-break spaces, possessives and words outside ASCII.
#[test]
fn phrases_found_as_by_the_text() {
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let mut phrases: Vec<Phrase> = Vec::new();
    phrases.extend(lex.titles.iter().map(|(p, _)| p.clone()));
    phrases.extend(lex.org_heads.iter().map(|(p, _)| p.clone()));
    phrases.extend(lex.place_heads.iter().map(|(p, _)| p.clone()));
    phrases.extend(lex.party_nouns.iter().cloned());
    // (Folded phrases of words outside ASCII and of other lengths.)
    for s in ["prime minister", "président de", "mr", "é", "straße"] {
        phrases.extend(Phrase::new(s, true));
    }
    let mut texts = crate::text::test_corpus::texts();
    texts.push(
        "Prime Minister Blair. Prime  Minister, Prime.Minister Prime. Minister \
         Prime\u{a0}Minister Prime's Minister Président De Gaulle PRÉSIDENT DE \
         Mr. Smith Mr.. Smith Mr . Smith STRASSE Straße É é"
            .to_string(),
    );
    for text in &texts {
        let doc = Doc::new(text, false);
        let words = Words::new(&doc, crate::gazetteer::Gazetteer::embedded(), lex, &[]);
        for i in 0..=words.toks.len() {
            for p in &phrases {
                assert_eq!(
                    words.phrase_at(p, i),
                    phrase_at_by_text(&words, p, i),
                    "{:?} at word {i}",
                    p.words
                );
            }
        }
    }
}
