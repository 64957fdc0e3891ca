use super::*;

/// The base tokens of `text`.
fn cut(text: &str) -> Vec<Token> {
    let (mut toks, mut marks) = (Vec::new(), Vec::new());
    tokenize(
        text,
        &mut toks,
        &mut marks,
        &mut Vec::new(),
        &mut Vec::new(),
    );
    toks
}

fn kinds(text: &str) -> Vec<(&str, TokenKind, bool, bool)> {
    cut(text)
        .iter()
        .map(|t| (&text[t.start..t.end], t.kind, t.glued, t.line_start))
        .collect()
}

#[test]
fn cuts_runs_and_single_characters() {
    use TokenKind::*;
    assert_eq!(
        kinds("O'Brien’s 1,721\nÜnal ½ COVID19"),
        vec![
            ("O", Letters, false, true),
            ("'", Punct, true, false),
            ("Brien", Letters, true, false),
            ("’", Punct, true, false),
            ("s", Letters, true, false),
            ("1", Digits, false, false),
            (",", Punct, true, false),
            ("721", Digits, true, false),
            ("Ünal", Letters, false, true),
            ("½", Numeral, false, false),
            ("COVID", Letters, false, false),
            ("19", Digits, true, false),
        ]
    );
}

/// The eight-byte test of letters agrees with the byte test on every
/// byte in every position.
#[test]
fn non_letters_eight_at_a_time() {
    for b in 0..=0xffu8 {
        for at in 0..8 {
            let mut word = *b"abcdefgh";
            word[at] = b;
            let stops = non_letters(u64::from_le_bytes(word));
            for (k, c) in word.iter().enumerate() {
                let stop = stops >> (8 * k + 7) & 1 == 1;
                assert_eq!(stop, !c.is_ascii_alphabetic(), "{word:?} at {k}");
            }
        }
    }
    assert_eq!(kinds("Aaaaaaaaaaaaaaaaab.")[0].0, "Aaaaaaaaaaaaaaaaab");
}

#[test]
fn line_starts_follow_each_line_feed() {
    for text in [
        "",
        "\n",
        "a\n\nb c\r\nd\n",
        "Über\nÄ 12\n\n½\n",
        "x\u{2028}y\n",
    ] {
        let mut lines = Vec::new();
        tokenize(
            text,
            &mut Vec::new(),
            &mut Vec::new(),
            &mut lines,
            &mut Vec::new(),
        );
        let want: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        assert_eq!(lines, want, "{text:?}");
    }
}

#[test]
fn sentence_index_of_each_token() {
    let text = "One two. Three.";
    let mut toks = cut(text);
    assign_sentences(&mut toks, &[0..8, 9..15]);
    let sents: Vec<u32> = toks.iter().map(|t| t.sentence).collect();
    assert_eq!(sents, vec![0, 0, 0, 1, 1]);
    // After every sentence: the last; no sentence at all: 0.
    let text = "One. Two. Three";
    let mut toks = cut(text);
    assign_sentences(&mut toks, &[0..4, 5..9]);
    let sents: Vec<u32> = toks.iter().map(|t| t.sentence).collect();
    assert_eq!(sents, vec![0, 0, 1, 1, 1]);
    assign_sentences(&mut toks, &[]);
    assert!(toks.iter().all(|t| t.sentence == 0));
}

#[test]
fn case_flags() {
    let case = |w: &str| {
        let c = cut(w)[0].case;
        (c.starts_upper(), c.starts_lower(), c.has_lower())
    };
    assert_eq!(case("said"), (false, true, true));
    assert_eq!(case("Smith"), (true, false, true));
    assert_eq!(case("NATO"), (true, false, false));
    assert_eq!(case("iPhone"), (false, true, true));
    assert_eq!(case("INTERNATIONALLY"), (true, false, false));
    assert_eq!(case("INTERNATIONALLy"), (true, false, true));
    assert_eq!(case("Internationally"), (true, false, true));
    assert_eq!(case("ABCDEFGHi"), (true, false, true));
    assert_eq!(case("2024"), (false, false, false));
    assert_eq!(case("日本"), (false, false, false));
    // All ASCII, and a capital after the first character.
    let more = |w: &str| {
        let c = cut(w)[0].case;
        (c.is_ascii(), c.has_later_upper())
    };
    assert_eq!(more("said"), (true, false));
    assert_eq!(more("Smith"), (true, false));
    assert_eq!(more("iPhone"), (true, true));
    assert_eq!(more("NATO"), (true, true));
    assert_eq!(more("internationallY"), (true, true));
    assert_eq!(more("2024"), (true, false));
    assert_eq!(more("."), (true, false));
    assert_eq!(more("Émile"), (false, false));
    assert_eq!(more("eÉcole"), (false, true));
    assert_eq!(more("abcÉ"), (false, true));
    assert_eq!(more("“"), (false, false));
    assert_eq!(more("日本"), (false, false));
}

/// Every character falls in the class the three stages' definitions
/// need: alphanumeric and alphabetic as the standard library reads the
/// text (names, figures), `\p{L}` or `\p{N}` as the pattern reads the
/// folded text (claims), white space.
#[test]
fn character_classes_match_their_definitions() {
    let l_or_n = Regex::new(r"\A[\p{L}\p{N}]\z").unwrap();
    for c in (0x80..=0x10ffffu32).filter_map(char::from_u32) {
        let claims_word = l_or_n.is_match(&fold_char(c).to_string());
        let want = if c.is_whitespace() {
            None
        } else if c.is_alphabetic() && claims_word {
            Some(TokenKind::Letters)
        } else if c.is_alphabetic() {
            Some(TokenKind::Marks)
        } else if c.is_numeric() && claims_word {
            Some(TokenKind::Numeral)
        } else if c.is_numeric() {
            Some(TokenKind::UnlistedNumeral)
        } else {
            Some(TokenKind::Punct)
        };
        assert_eq!(char_class(c), want, "{c:?}");
        // White space and punctuation never start a claims word.
        if matches!(want, None | Some(TokenKind::Punct)) {
            assert!(!claims_word, "{c:?}");
        }
    }
}
