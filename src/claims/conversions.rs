//! Currency conversions: a money figure in brackets right after another
//! ("$6bn (£3.2bn)", "200,000 yuan ($24,000; £12,700)") restates that
//! amount, so it takes the amount's qualifier, year, source and hedging.

use crate::record::Claim;

/// Is the money figure at `start` a bracketed conversion of the amount
/// ending at `prev_end`?
pub(super) fn is_conversion(text: &str, prev_end: usize, start: usize) -> bool {
    if prev_end > start {
        return false;
    }
    let gap = &text[prev_end..start];
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

/// Give a conversion what it shares with the amount it converts.
pub(super) fn share_with_conversion(amount: &Claim, conversion: &mut Claim) {
    conversion.qualifier = amount.qualifier;
    if conversion.year.is_none() {
        conversion.year = amount.year;
    }
    if conversion.source.is_none() {
        conversion.source = amount.source.clone();
    }
    conversion.hedged |= amount.hedged;
}
