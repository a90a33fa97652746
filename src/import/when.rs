//! Dates as people write them in reports: `2023-11-20`, `2023/11/20`, `2023.11.22`,
//! `20231120`, `2023年11月20日`, `2025 年 10 月 19 日`, `October 15, 2018`, `Oct 15 2018`,
//! `15 Oct 2018`, `01/31/2020` (US month/day/year), ranges (`2023.11.22~2023.12.05`,
//! `2023-11-20 to 11-24`), months (`2021-Oct`, `October 2021`, `2023年11月`) and, given a year,
//! year-less ranges (`[10.21-11.4]`, `【10/7 - 10/11】`).

use chrono::{Datelike, NaiveDate};

/// A date found in text: its first day, its last day when it names a span, and how it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The first (or only) day.
    pub start: NaiveDate,
    /// The last day of a range or a month.
    pub end: Option<NaiveDate>,
    /// Read as a US month/day/year (`01/31/2020`, or `04/05/2020` where both could be).
    pub us: bool,
    /// A range written without its year, which was taken from elsewhere.
    pub yearless: bool,
    /// A month named alone (`2023 年 10 月`, `2021-Oct`), without a day.
    pub month: bool,
}

impl Found {
    fn day(start: NaiveDate, us: bool) -> Found {
        Found {
            start,
            end: None,
            us,
            yearless: false,
            month: false,
        }
    }
}

/// The longest span a range may cover and still name one report (a quarter).
const MAX_SPAN_DAYS: i64 = 93;

/// The first date, range or month in `text`; year-less ranges only when `year` is given.
pub fn first(text: &str, year: Option<i32>) -> Option<Found> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = prev.is_none_or(|p| !(p.is_ascii_alphanumeric() || p == '.' || p == '/'));
        if starts
            && c.is_ascii_alphanumeric()
            && let Some(found) = at(&text[i..], year)
        {
            return Some(found);
        }
        prev = Some(c);
    }
    None
}

/// A date, range or month at the start of `s`.
fn at(s: &str, year: Option<i32>) -> Option<Found> {
    if let Some((date, len, us)) = date_at(s) {
        let found = match range_end(&s[len..], date) {
            Some(end) => Found {
                end: Some(end),
                ..Found::day(date, us)
            },
            None => Found::day(date, us),
        };
        return Some(found);
    }
    if let Some((start, end)) = month_at(s) {
        return Some(Found {
            end: Some(end),
            month: true,
            ..Found::day(start, false)
        });
    }
    let (start, end) = yearless_range_at(s, year?)?;
    Some(Found {
        start,
        end: Some(end),
        us: false,
        yearless: true,
        month: false,
    })
}

/// A full date at the start of `s`: the date, the bytes it took, and whether it was read as US.
pub fn date_at(s: &str) -> Option<(NaiveDate, usize, bool)> {
    ymd_at(s)
        .map(|(d, n)| (d, n, false))
        .or_else(|| compact_at(s).map(|d| (d, 8, false)))
        .or_else(|| slashed_at(s))
        .or_else(|| english_at(s).map(|(d, n)| (d, n, false)))
}

/// `2023-11-20`, `2023/11/20`, `2023.11.20`, `2023年11月20日`, `2025 年 10 月 19 日`.
fn ymd_at(s: &str) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor::new(s);
    let year = c.number(4, 4)?;
    if let Some(sep) = c.one_of(&['-', '/', '.']) {
        let month = c.number(1, 2)?;
        c.exact(sep)?;
        let day = c.number(1, 2)?;
        c.no_digit()?;
        return Some((ymd(year, month, day)?, c.at));
    }
    c.spaces();
    c.exact('年')?;
    c.spaces();
    let month = c.number(1, 2)?;
    c.spaces();
    c.exact('月')?;
    c.spaces();
    let day = c.number(1, 2)?;
    c.spaces_then('日');
    Some((ymd(year, month, day)?, c.at))
}

/// `20231120`: eight digits that make a date between 1970 and 2100.
fn compact_at(s: &str) -> Option<NaiveDate> {
    let mut c = Cursor::new(s);
    let all = c.number(8, 8)?;
    c.no_digit()?;
    let (year, month, day) = (all / 10_000, all / 100 % 100, all % 100);
    (1970..=2100)
        .contains(&year)
        .then(|| ymd(year, month, day))?
}

/// `01/31/2020` (US month/day/year, and said so) or `31/01/2020` (day first: no other reading).
fn slashed_at(s: &str) -> Option<(NaiveDate, usize, bool)> {
    let mut c = Cursor::new(s);
    let a = c.number(1, 2)?;
    c.exact('/')?;
    let b = c.number(1, 2)?;
    c.exact('/')?;
    let year = c.number(4, 4)?;
    c.no_digit()?;
    match ymd(year, a, b) {
        Some(d) => Some((d, c.at, true)),
        None => Some((ymd(year, b, a)?, c.at, false)),
    }
}

/// `October 15, 2018`, `Oct. 15 2018`, `June 22nd, 2020`, `15 Oct 2018`, `15th October, 2018`.
fn english_at(s: &str) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor::new(s);
    if let Some(month) = c.month_name() {
        c.spaces();
        let day = c.number(1, 2)?;
        c.ordinal();
        c.exact(',');
        c.spaces();
        let year = c.number(4, 4)?;
        c.no_digit()?;
        return Some((ymd(year, month, day)?, c.at));
    }
    let day = c.number(1, 2)?;
    c.ordinal();
    c.spaces();
    let month = c.month_name()?;
    c.exact(',');
    c.spaces();
    let year = c.number(4, 4)?;
    c.no_digit()?;
    Some((ymd(year, month, day)?, c.at))
}

/// After a date: ` ~ 2023.12.05`, `-11-24`, ` 至 12.05`, ` to Nov 24, 2023`, within a quarter.
fn range_end(rest: &str, start: NaiveDate) -> Option<NaiveDate> {
    let mut c = Cursor::new(rest);
    c.spaces();
    if c.word("to").is_none() && c.one_of(&['~', '～', '-', '–', '—', '至', '到']).is_none()
    {
        return None;
    }
    c.one_of(&['-']);
    c.spaces();
    let tail = &rest[c.at..];
    let end = match date_at(tail) {
        Some((d, _, _)) => d,
        None => month_day_at(tail, start.year())?.0,
    };
    let end = if end < start {
        end.with_year(end.year() + 1)?
    } else {
        end
    };
    ((end - start).num_days() <= MAX_SPAN_DAYS).then_some(end)
}

/// `12.05`, `12/5`, `12-05`, `12月5日`, `Nov 24` in `year`: the date and the bytes taken.
fn month_day_at(s: &str, year: i32) -> Option<(NaiveDate, usize)> {
    let mut c = Cursor::new(s);
    if let Some(month) = c.month_name() {
        c.spaces();
        let day = c.number(1, 2)?;
        c.ordinal();
        c.no_digit()?;
        return Some((NaiveDate::from_ymd_opt(year, month, day)?, c.at));
    }
    let month = c.number(1, 2)?;
    let day = if c.exact('月').is_some() {
        let day = c.number(1, 2)?;
        c.exact('日');
        day
    } else {
        c.one_of(&['.', '/', '-'])?;
        c.number(1, 2)?
    };
    if c.no_digit().is_none() || c.rest().starts_with(['.', '/']) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year, month, day)?, c.at))
}

/// A year-less range in `year`: `10.21-11.4`, `10/7 - 10/11`, `10月21日至11月4日`.
fn yearless_range_at(s: &str, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, len) = month_day_at(s, year)?;
    let end = range_end(&s[len..], start)?;
    Some((start, end))
}

/// `2021-Oct`, `2021-10` (nothing after), `October 2021`, `2023年11月`: the month's first and
/// last days.
fn month_at(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let mut c = Cursor::new(s);
    let (year, month) = if let Some(month) = c.month_name() {
        c.spaces();
        let year = c.number(4, 4)?;
        c.no_digit()?;
        (year, month)
    } else {
        let year = c.number(4, 4)?;
        if c.exact('-').is_some() {
            let m = match c.month_name() {
                Some(m) => m,
                None => {
                    let m = c.number(2, 2)?;
                    let mut after = c.rest().chars();
                    let ends = match after.next() {
                        None => true,
                        Some('.') => after.next().is_some_and(|ch| ch.is_ascii_alphabetic()),
                        Some(ch) => !(ch.is_alphanumeric() || "-/".contains(ch)),
                    };
                    ends.then_some(m)?
                }
            };
            (year, m)
        } else {
            c.spaces();
            c.exact('年')?;
            c.spaces();
            let m = c.number(1, 2)?;
            c.spaces();
            c.exact('月')?;
            c.spaces();
            c.no_digit()?;
            (year, m)
        }
    };
    let start = ymd(year, month, 1)?;
    let next = if month == 12 {
        ymd(year + 1, 1, 1)?
    } else {
        ymd(year, month + 1, 1)?
    };
    Some((start, next.pred_opt()?))
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A position in a string with small readers; each reader moves on only when it matches.
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Cursor<'a> {
        Cursor { s, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }

    /// Between `min` and `max` ASCII digits as a number.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self
            .rest()
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        if n < min || self.rest()[n..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let v = self.rest()[..n].parse().ok()?;
        self.at += n;
        Some(v)
    }

    fn exact(&mut self, c: char) -> Option<char> {
        self.rest().starts_with(c).then(|| {
            self.at += c.len_utf8();
            c
        })
    }

    fn one_of(&mut self, chars: &[char]) -> Option<char> {
        chars.iter().find_map(|c| self.exact(*c))
    }

    fn spaces(&mut self) {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.at += n;
    }

    /// Optional spaces and `c` when `c` follows them.
    fn spaces_then(&mut self, c: char) {
        let back = self.at;
        self.spaces();
        if self.exact(c).is_none() {
            self.at = back;
        }
    }

    /// Succeeds (taking nothing) when no ASCII digit follows.
    fn no_digit(&self) -> Option<()> {
        (!self.rest().starts_with(|c: char| c.is_ascii_digit())).then_some(())
    }

    /// `st`, `nd`, `rd` or `th` after a day, when there.
    fn ordinal(&mut self) {
        for suffix in ["st", "nd", "rd", "th"] {
            if self.word(suffix).is_some() {
                return;
            }
        }
    }

    /// `w` (any case) when no letter follows it.
    fn word(&mut self, w: &str) -> Option<()> {
        let head = self.rest().get(..w.len())?;
        let after = self.rest()[w.len()..].chars().next();
        (head.eq_ignore_ascii_case(w) && after.is_none_or(|c| !c.is_ascii_alphabetic())).then(
            || {
                self.at += w.len();
            },
        )
    }

    /// An English month, in full or as its first three letters (`Sept` too), with an optional
    /// dot after an abbreviation.
    fn month_name(&mut self) -> Option<u32> {
        for (i, name) in MONTHS.iter().enumerate() {
            let month = u32::try_from(i).ok()? + 1;
            if self.word(name).is_some() {
                return Some(month);
            }
            if self.word(&name[..3]).is_some() || (month == 9 && self.word("sept").is_some()) {
                self.exact('.');
                return Some(month);
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "when_tests.rs"]
mod tests;
