//! Which weeks belong to a period: months, calendar and fiscal quarters, halves and years, or
//! any range of days; a week belongs to the period holding its Thursday (so it is never
//! counted twice), or with `week-to-month = "date"` the one holding its report date.

use chrono::{Datelike, Days, Months, NaiveDate};

/// How a week is placed in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placing {
    /// By the Thursday of its Monday-to-Sunday week (ISO style).
    #[default]
    Thursday,
    /// By the report's date.
    Date,
}

/// What a period is, for its label and title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// A calendar month.
    Month {
        /// The year.
        year: i32,
        /// The month, 1-12.
        month: u32,
    },
    /// A quarter; of a fiscal year when `fiscal`.
    Quarter {
        /// The calendar or fiscal year.
        year: i32,
        /// The quarter, 1-4.
        quarter: u32,
        /// Whether the year is a fiscal year.
        fiscal: bool,
    },
    /// A half year.
    Half {
        /// The calendar or fiscal year.
        year: i32,
        /// The half, 1-2.
        half: u32,
        /// Whether the year is a fiscal year.
        fiscal: bool,
    },
    /// A whole year.
    Year {
        /// The calendar or fiscal year.
        year: i32,
        /// Whether it is a fiscal year.
        fiscal: bool,
    },
    /// Any days from `--from` to `--to`.
    Range,
}

/// A period: what it is, and its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// What it is.
    pub span: Span,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

impl Period {
    /// `2023-10`.
    pub fn month(text: &str) -> Result<Period, String> {
        let bad = || format!("`{text}` is not a month: write it as 2023-10");
        let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
        let (year, month) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        Ok(Period::spanning(Span::Month { year, month }, start, 1))
    }

    /// `2023Q4` (a calendar quarter) or `FY2024Q1` (a quarter of the fiscal year starting in
    /// month `fy_start` of 2024).
    pub fn quarter(text: &str, fy_start: u32) -> Result<Period, String> {
        let bad =
            || format!("`{text}` is not a quarter: write 2023Q4, or FY2024Q1 for a fiscal one");
        let (year, fiscal, rest) = year_prefix(text).ok_or_else(bad)?;
        let quarter = part(rest, 'Q', 4).ok_or_else(bad)?;
        let start = year_start(year, fiscal, fy_start).ok_or_else(bad)? + months(3 * (quarter - 1));
        Ok(Period::spanning(
            Span::Quarter {
                year,
                quarter,
                fiscal,
            },
            start,
            3,
        ))
    }

    /// `2023H1`, or `FY2024H2`.
    pub fn half(text: &str, fy_start: u32) -> Result<Period, String> {
        let bad =
            || format!("`{text}` is not a half year: write 2023H1, or FY2024H1 for a fiscal one");
        let (year, fiscal, rest) = year_prefix(text).ok_or_else(bad)?;
        let half = part(rest, 'H', 2).ok_or_else(bad)?;
        let start = year_start(year, fiscal, fy_start).ok_or_else(bad)? + months(6 * (half - 1));
        Ok(Period::spanning(
            Span::Half { year, half, fiscal },
            start,
            6,
        ))
    }

    /// `2023`, or `FY2024`.
    pub fn year(text: &str, fy_start: u32) -> Result<Period, String> {
        let bad = || format!("`{text}` is not a year: write 2023, or FY2024 for a fiscal one");
        let (year, fiscal, rest) = year_prefix(text).ok_or_else(bad)?;
        if !rest.is_empty() {
            return Err(bad());
        }
        let start = year_start(year, fiscal, fy_start).ok_or_else(bad)?;
        Ok(Period::spanning(Span::Year { year, fiscal }, start, 12))
    }

    /// From `from` to `to`, both days included.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period, String> {
        if to < from {
            return Err(format!("--to {to} is before --from {from}"));
        }
        Ok(Period {
            span: Span::Range,
            start: from,
            end: to,
        })
    }

    fn spanning(span: Span, start: NaiveDate, n: u32) -> Period {
        let end = start + months(n) - Days::new(1);
        Period { span, start, end }
    }

    /// The period's name as written on the command line: `2023-10`, `2023Q4`, `FY2024Q1`,
    /// `2023H1`, `2023`, `2023-09-01..2023-11-30`.
    pub fn label(&self) -> String {
        let fy = |fiscal: bool| if fiscal { "FY" } else { "" };
        match self.span {
            Span::Month { year, month } => format!("{year}-{month:02}"),
            Span::Quarter {
                year,
                quarter,
                fiscal,
            } => format!("{}{year}Q{quarter}", fy(fiscal)),
            Span::Half { year, half, fiscal } => format!("{}{year}H{half}", fy(fiscal)),
            Span::Year { year, fiscal } => format!("{}{year}", fy(fiscal)),
            Span::Range => format!("{}..{}", self.start, self.end),
        }
    }

    /// Whether a week reported on `date` belongs to the period.
    pub fn holds(&self, date: NaiveDate, placing: Placing) -> bool {
        let day = match placing {
            Placing::Thursday => thursday(date),
            Placing::Date => date,
        };
        (self.start..=self.end).contains(&day)
    }

    /// The Mondays of the weeks a complete period has a report for: each week whose Thursday is
    /// in the period (by date: each week wholly inside it).
    pub fn expected(&self, placing: Placing) -> Vec<NaiveDate> {
        let mut monday = monday(self.start);
        let mut out = Vec::new();
        while monday <= self.end {
            let inside = match placing {
                Placing::Thursday => self.holds(monday, placing),
                Placing::Date => monday >= self.start && monday + Days::new(6) <= self.end,
            };
            if inside {
                out.push(monday);
            }
            monday = monday + Days::new(7);
        }
        out
    }
}

/// The Monday of the week holding `date`.
pub fn monday(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The Thursday of the Monday-to-Sunday week holding `date`.
pub fn thursday(date: NaiveDate) -> NaiveDate {
    monday(date) + Days::new(3)
}

fn months(n: u32) -> Months {
    Months::new(n)
}

/// `2023…` or `FY2024…`: the year, whether fiscal, and the rest.
fn year_prefix(text: &str) -> Option<(i32, bool, &str)> {
    let t = text.trim();
    let (fiscal, t) = match t.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("FY") => (true, &t[2..]),
        _ => (false, t),
    };
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    Some((t[..4].parse().ok()?, fiscal, &t[4..]))
}

/// `Q3` (with `letter` `Q`, at most `max`): 3.
fn part(rest: &str, letter: char, max: u32) -> Option<u32> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    if !first.eq_ignore_ascii_case(&letter) {
        return None;
    }
    let n: u32 = chars.as_str().parse().ok()?;
    (1..=max).contains(&n).then_some(n)
}

/// The first day of calendar `year`, or of fiscal year `year` (named by the calendar year it
/// starts in, as 2024年度 is: April 2024 to March 2025 when it starts in April).
fn year_start(year: i32, fiscal: bool, fy_start: u32) -> Option<NaiveDate> {
    let month = if fiscal { fy_start } else { 1 };
    NaiveDate::from_ymd_opt(year, month, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_have_their_first_and_last_day() {
        let m = Period::month("2023-10").unwrap();
        assert_eq!((m.start, m.end), (d("2023-10-01"), d("2023-10-31")));
        let q = Period::quarter("2023Q4", 4).unwrap();
        assert_eq!((q.start, q.end), (d("2023-10-01"), d("2023-12-31")));
        let fq = Period::quarter("FY2024Q1", 4).unwrap();
        assert_eq!((fq.start, fq.end), (d("2024-04-01"), d("2024-06-30")));
        assert_eq!(fq.label(), "FY2024Q1");
        let fq4 = Period::quarter("fy2024q4", 4).unwrap();
        assert_eq!((fq4.start, fq4.end), (d("2025-01-01"), d("2025-03-31")));
        let h = Period::half("2023H2", 1).unwrap();
        assert_eq!((h.start, h.end), (d("2023-07-01"), d("2023-12-31")));
        let y = Period::year("2024", 1).unwrap();
        assert_eq!((y.start, y.end), (d("2024-01-01"), d("2024-12-31")));
        let fy = Period::year("FY2023", 7).unwrap();
        assert_eq!((fy.start, fy.end), (d("2023-07-01"), d("2024-06-30")));
    }

    #[test]
    fn bad_periods_say_how_to_write_them() {
        assert!(Period::month("2023-13").unwrap_err().contains("2023-10"));
        assert!(Period::quarter("2023Q5", 1).is_err());
        assert!(Period::half("2023H3", 1).is_err());
        assert!(Period::year("23", 1).is_err());
        assert!(Period::range(d("2023-02-01"), d("2023-01-01")).is_err());
    }

    #[test]
    fn a_week_belongs_to_the_month_of_its_thursday() {
        let oct = Period::month("2023-10").unwrap();
        let nov = Period::month("2023-11").unwrap();
        // Mon 2023-10-30 .. Sun 11-05: Thursday 11-02 is in November
        assert!(!oct.holds(d("2023-10-31"), Placing::Thursday));
        assert!(nov.holds(d("2023-10-31"), Placing::Thursday));
        assert!(oct.holds(d("2023-10-31"), Placing::Date));
        // Mon 2023-09-25 .. Sun 10-01: Thursday 09-28 is in September
        assert!(!oct.holds(d("2023-10-01"), Placing::Thursday));
    }

    #[test]
    fn expected_weeks_are_those_whose_thursday_is_inside() {
        let oct = Period::month("2023-10").unwrap();
        let weeks = oct.expected(Placing::Thursday);
        assert_eq!(weeks.first(), Some(&d("2023-10-02")));
        assert_eq!(weeks.last(), Some(&d("2023-10-23")));
        assert_eq!(weeks.len(), 4);
        assert_eq!(oct.expected(Placing::Date).len(), 4);
    }
}
