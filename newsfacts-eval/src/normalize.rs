//! When two mentions, names, units, titles or quotes count as the same.

/// How many words of a quote decide whether two quotes are the same.
const QUOTE_KEY_WORDS: usize = 5;

/// Relative tolerance for equal figure values.
const VALUE_TOLERANCE: f64 = 1e-6;

/// Unit names and abbreviations that evaluation treats as equal, as
/// (alias, canonical) after lower-casing and plural stripping. A small
/// closed set: `ANNOTATION.md` says either written form of a unit is right.
const UNIT_ALIASES: &[(&str, &str)] = &[
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("metre", "m"),
    ("meter", "m"),
    ("mile", "mile"),
    ("mi", "mile"),
    ("megawatt", "mw"),
    ("mw", "mw"),
    ("kilowatt", "kw"),
    ("kw", "kw"),
    ("gigawatt", "gw"),
    ("gw", "gw"),
    ("kilogram", "kg"),
    ("kilogramme", "kg"),
    ("kg", "kg"),
    ("tonne", "tonne"),
    ("ton", "tonne"),
    ("metric ton", "tonne"),
    ("billion", "bn"),
    ("bn", "bn"),
    ("%", "%"),
    ("percent", "%"),
    ("per cent", "%"),
    ("pc", "%"),
    ("percentage point", "pp"),
    ("pp", "pp"),
    ("hour", "hour"),
    ("hr", "hour"),
    ("year", "year"),
    ("yr", "year"),
    ("barrel", "barrel"),
    ("bbl", "barrel"),
];

/// Mention text as compared: curly apostrophes and quotes made straight,
/// whitespace runs made one space, ends trimmed. Case and everything else
/// are kept.
///
/// ```
/// use newsfacts_eval::normalize_mention;
/// assert_eq!(normalize_mention(" Xi\u{a0} Jinping "), "Xi Jinping");
/// assert_eq!(normalize_mention("Cote d’Ivoire"), "Cote d'Ivoire");
/// ```
pub fn normalize_mention(s: &str) -> String {
    let folded: String = s.chars().map(fold_quote_char).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name (canonical, source, speaker) as compared: [`normalize_mention`],
/// lower-cased, with surrounding punctuation trimmed.
///
/// ```
/// use newsfacts_eval::normalize_name;
/// assert_eq!(normalize_name("Li  Wei."), normalize_name("li wei"));
/// ```
pub fn normalize_name(s: &str) -> String {
    normalize_mention(s)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// A unit as compared: lower-cased, whitespace collapsed, a plural `s`
/// (or `ies` → `y`) stripped, and common abbreviations and names made one
/// (km/kilometres/kilometers, MW/megawatts, kg, tonnes/tons, bn, %…).
/// Currency codes stay as they are.
///
/// ```
/// use newsfacts_eval::normalize_unit;
/// assert_eq!(normalize_unit("Kilometres"), normalize_unit("km"));
/// assert_eq!(normalize_unit("megawatts"), normalize_unit("MW"));
/// assert_eq!(normalize_unit("fighters"), normalize_unit("fighter"));
/// assert_ne!(normalize_unit("USD"), normalize_unit("GBP"));
/// ```
pub fn normalize_unit(s: &str) -> String {
    let lower = normalize_mention(s).to_lowercase();
    if let Some(canon) = unit_alias(&lower) {
        return canon.to_string();
    }
    let singular = singular(&lower);
    unit_alias(&singular).map_or(singular, str::to_string)
}

fn unit_alias(s: &str) -> Option<&'static str> {
    UNIT_ALIASES
        .iter()
        .find(|(alias, _)| *alias == s)
        .map(|(_, canon)| *canon)
}

fn singular(s: &str) -> String {
    if let Some(stem) = s.strip_suffix("ies") {
        if !stem.is_empty() {
            return format!("{stem}y");
        }
    }
    match s.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('s') => stem.to_string(),
        _ => s.to_string(),
    }
}

/// The words that decide whether two quotes are the same: the first five
/// word tokens, lower-cased, each stripped of everything but letters and
/// digits (tokens left empty are dropped).
///
/// ```
/// use newsfacts_eval::quote_key;
/// assert_eq!(
///     quote_key("“It’s hard to see a wanted man"),
///     quote_key("it's HARD to see, a man"),
/// );
/// assert_eq!(quote_key("[Rosneft and CNPC] have agreed"), ["rosneft", "and", "cnpc", "have", "agreed"]);
/// ```
pub fn quote_key(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(QUOTE_KEY_WORDS)
        .collect()
}

pub(crate) fn same_value(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs())
}

pub(crate) fn same_upper(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_value(a, b),
        _ => false,
    }
}

pub(crate) fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => normalize_name(a) == normalize_name(b),
        _ => false,
    }
}

pub(crate) fn normalize_title(s: &str) -> String {
    normalize_mention(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
