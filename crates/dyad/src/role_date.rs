//! The date on which the people named in a sentence are coded: the article date, unless the
//! sentence says its events happened in an earlier year ("Reagan and Gorbachev signed the
//! treaty in Washington on December 8, 1987", in a 2019 article), when offices are those of
//! that date — Gorbachev was then the Soviet leader (`RUSGOV`), not a retired elite.

use chrono::NaiveDate;
use dyad_core::Doc;
use std::ops::Range;

/// Words before a date that put the sentence's event on it ("in 1987", "on December 8,
/// 1987"); "since 2000" or "until 1991" name another time than the event's.
const AT: &[&str] = &["in", "on", "during"];

/// How far before the article a date must be to change whose offices count: offices seldom
/// change within a year, and "on Monday" or "last month" should not move anyone.
const MIN_DAYS_BEFORE: i64 = 365;

/// The date to code roles on in the sentence `range` of `doc`: the first date introduced by
/// "in", "on" or "during" (or a full date with no preposition) that is more than a year
/// before `article`; else `article`.
pub fn roles_date(doc: &Doc, range: Range<usize>, article: Option<NaiveDate>) -> Option<NaiveDate> {
    let published = article?;
    doc.timexes
        .iter()
        .filter(|t| t.tokens.start >= range.start && t.tokens.end <= range.end)
        .filter(|t| (published - t.date).num_days() > MIN_DAYS_BEFORE)
        .find(|t| {
            let before = t
                .tokens
                .start
                .checked_sub(1)
                .filter(|&b| b >= range.start)
                .map(|b| doc.norm[b].as_str());
            match before {
                Some(w) => AT.contains(&w),
                None => true,
            }
        })
        .map(|t| t.date)
        .or(article)
}
