//! Dates: week numbering rules, the date forms a report prints, and lenient date parsing.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::msg;

/// How a date is turned into a week number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeekNumbering {
    /// Week 1 holds January 1; weeks start on Monday (spreadsheet `WEEKNUM(d, 2)`).
    #[default]
    Jan1,
    /// ISO 8601: week 1 holds the year's first Thursday; the year may differ from the date's.
    Iso,
}

impl WeekNumbering {
    /// The (year, week) that `date` falls in under this rule.
    pub fn week_of(self, date: NaiveDate) -> (i32, u32) {
        match self {
            WeekNumbering::Jan1 => {
                let jan1 = NaiveDate::from_yo_opt(date.year(), 1).unwrap_or(date);
                let offset = jan1.weekday().num_days_from_monday();
                (date.year(), (date.ordinal0() + offset) / 7 + 1)
            }
            WeekNumbering::Iso => {
                let w = date.iso_week();
                (w.year(), w.week())
            }
        }
    }

    /// The first and last day of the week `date` falls in: Monday to Sunday, except that under
    /// `jan1` a week does not cross the new year (2025-01-01, a Wednesday, opens week 1 and
    /// 2024-12-31 closes the last week of 2024).
    pub fn week_span(self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        let back = u64::from(date.weekday().num_days_from_monday());
        let monday = date - chrono::Days::new(back);
        let sunday = monday + chrono::Days::new(6);
        match self {
            WeekNumbering::Iso => (monday, sunday),
            WeekNumbering::Jan1 => {
                let first = NaiveDate::from_yo_opt(date.year(), 1).unwrap_or(monday);
                let last = NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(sunday);
                (monday.max(first), sunday.min(last))
            }
        }
    }

    /// The rule's name as written in config and flags.
    pub fn name(self) -> &'static str {
        match self {
            WeekNumbering::Jan1 => "jan1",
            WeekNumbering::Iso => "iso",
        }
    }
}

/// 周一..周日 for a date.
pub fn weekday_zh(date: NaiveDate) -> &'static str {
    const NAMES: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    NAMES[date.weekday().num_days_from_monday() as usize]
}

/// Mon..Sun for a date.
pub fn weekday_en(date: NaiveDate) -> &'static str {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    NAMES[date.weekday().num_days_from_monday() as usize]
}

/// Text that is not a date (or a date and time) in a form `weekly` reads; says which forms are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate(String);

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadDate {}

/// A calendar date, written `2023-10-24` (also read as `2023/10/24`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl FromStr for Date {
    type Err = BadDate;
    fn from_str(s: &str) -> Result<Self, BadDate> {
        let s = s.trim();
        ["%Y-%m-%d", "%Y/%m/%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
            .filter(|d| (1..=9999).contains(&d.year()))
            .map(Date)
            .ok_or_else(|| BadDate(date_problem(s)))
    }
}

/// Why `s` is not a date, in the writer's terms: a day or month that does not exist in a
/// date of the right form, or the form itself.
pub fn date_problem(s: &str) -> String {
    no_such_day(s).unwrap_or_else(|| msg!("date-not-in-form", date = s))
}

/// Why `s`, written in the form of a date, names no day: a year not of four digits, a month
/// or day that does not exist. `None` when `s` is not in the form of a date at all.
fn no_such_day(s: &str) -> Option<String> {
    if s.starts_with(['-', '+']) || s.split(['-', '/']).next().is_some_and(|y| y.len() > 4) {
        return Some(msg!("date-year-digits", date = s));
    }
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    if let (Some([year, month, day]), true) = (numbers.as_deref(), parts[0].len() == 4) {
        let (year, month, day) = (*year as i32, *month, *day);
        if !(1..=12).contains(&month) {
            return Some(msg!("date-no-such-month", date = s, month = month));
        }
        if let Some(days) = days_in_month(year, month)
            && (day == 0 || day > days)
        {
            return Some(msg!(
                "date-no-such-day",
                date = s,
                month_name = MONTHS[month as usize - 1],
                month = month,
                year = year.to_string(),
                days = days
            ));
        }
    }
    None
}

/// English month names, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How many days `month` of `year` has.
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((next - first).num_days() as u32)
}

/// A month and day as people write them without a year: `12/20`, `12-20`, `12月20日`,
/// `Dec 20`, `December 20`, `20 Dec`. Read in a year with [`month_day_near`].
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let numeric = s
        .strip_suffix('日')
        .and_then(|r| r.split_once('月'))
        .or_else(|| s.split_once('/'))
        .or_else(|| s.split_once('-'));
    if let Some((m, d)) = numeric {
        return valid_month_day(m.trim().parse().ok()?, d.trim().parse().ok()?);
    }
    let (a, b) = s.split_once(' ')?;
    let (name, day) = match a.parse::<u32>() {
        Ok(day) => (b, day),
        Err(_) => (a, b.trim_end_matches([',', '.']).trim().parse().ok()?),
    };
    let name = name.trim_end_matches('.').to_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| name.len() >= 3 && m.to_lowercase().starts_with(&name))?;
    valid_month_day(month as u32 + 1, day)
}

/// Some (month, day) when the day can exist in that month (February 29 can).
fn valid_month_day(month: u32, day: u32) -> Option<(u32, u32)> {
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| (month, day))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// A date and time to the minute, written `2023-11-29 20:54`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime(pub NaiveDateTime);

impl FromStr for DateTime {
    type Err = BadDate;
    fn from_str(s: &str) -> Result<Self, BadDate> {
        let s = s.trim();
        const FORMS: [&str; 4] = [
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S",
        ];
        if let Some(dt) = FORMS
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .filter(|dt| (1..=9999).contains(&dt.year()))
        {
            return Ok(DateTime(dt));
        }
        let date: Date = s.parse().map_err(|_| {
            let day = s.split([' ', 'T']).next().unwrap_or(s);
            let no_day = day.parse::<Date>().err().and_then(|_| no_such_day(day));
            BadDate(no_day.unwrap_or_else(|| msg!("date-time-not-in-form", date = s)))
        })?;
        Ok(DateTime(date.0.and_time(NaiveTime::MIN)))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M"))
    }
}

/// Serde for types that read from and write to one string.
macro_rules! string_serde {
    ($ty:ty, $what:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    };
}

string_serde!(Date, "date");
string_serde!(DateTime, "date and time");

/// Reads a month/day such as `11/9` in the year of `around`, choosing the year that puts it
/// nearest to `around` (so `1/5` written in late December lands in the next year).
pub fn month_day_near(month: u32, day: u32, around: NaiveDate) -> Option<NaiveDate> {
    let y = around.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .min_by_key(|d| (*d - around).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse::<Date>().unwrap().0
    }

    #[test]
    fn week_spans_are_monday_to_sunday_and_jan1_weeks_stop_at_the_new_year() {
        let span = |rule: WeekNumbering, s| rule.week_span(d(s));
        assert_eq!(
            span(WeekNumbering::Iso, "2023-10-24"),
            (d("2023-10-23"), d("2023-10-29"))
        );
        assert_eq!(
            span(WeekNumbering::Jan1, "2023-10-24"),
            (d("2023-10-23"), d("2023-10-29"))
        );
        assert_eq!(
            span(WeekNumbering::Iso, "2025-01-01"),
            (d("2024-12-30"), d("2025-01-05"))
        );
        assert_eq!(
            span(WeekNumbering::Jan1, "2025-01-01"),
            (d("2025-01-01"), d("2025-01-05"))
        );
        assert_eq!(
            span(WeekNumbering::Jan1, "2024-12-31"),
            (d("2024-12-30"), d("2024-12-31"))
        );
    }

    #[test]
    fn seed_week_is_44_under_jan1_and_43_under_iso() {
        assert_eq!(WeekNumbering::Jan1.week_of(d("2023-10-24")), (2023, 44));
        assert_eq!(WeekNumbering::Iso.week_of(d("2023-10-24")), (2023, 43));
    }

    #[test]
    fn year_boundary_under_jan1_splits_a_monday_week() {
        assert_eq!(WeekNumbering::Jan1.week_of(d("2022-12-31")), (2022, 53));
        assert_eq!(WeekNumbering::Jan1.week_of(d("2023-01-01")), (2023, 1));
        assert_eq!(WeekNumbering::Jan1.week_of(d("2023-01-02")), (2023, 2));
    }

    #[test]
    fn year_boundary_under_iso_uses_the_iso_year() {
        assert_eq!(WeekNumbering::Iso.week_of(d("2023-01-01")), (2022, 52));
        assert_eq!(WeekNumbering::Iso.week_of(d("2024-12-30")), (2025, 1));
    }

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(d("2023/10/24"), d("2023-10-24"));
        assert!("2023-02-30".parse::<Date>().is_err());
        let dt: DateTime = "2023-11-29 20:54".parse().unwrap();
        assert_eq!(dt.to_string(), "2023-11-29 20:54");
        assert_eq!(weekday_zh(d("2023-10-23")), "周一");
    }

    #[test]
    fn says_why_a_date_is_not_one() {
        assert_eq!(
            date_problem("2023-11-31"),
            "`2023-11-31` is not a date: November 2023 has 30 days"
        );
        assert_eq!(
            date_problem("2023-02-29"),
            "`2023-02-29` is not a date: February 2023 has 28 days"
        );
        assert!(date_problem("2023-13-01").contains("there is no month 13"));
        assert!(date_problem("10/24/2023").contains("in the form YYYY-MM-DD"));
    }

    #[test]
    fn month_days_as_people_write_them() {
        for s in [
            "12/20",
            "12-20",
            "12月20日",
            "Dec 20",
            "December 20",
            "20 Dec",
            "dec. 20",
        ] {
            assert_eq!(parse_month_day(s), Some((12, 20)), "{s}");
        }
        assert_eq!(parse_month_day("2/29"), Some((2, 29)));
        for s in ["13/1", "2/30", "Foo 3", "12", "D 20"] {
            assert_eq!(parse_month_day(s), None, "{s}");
        }
    }

    #[test]
    fn month_day_picks_the_nearest_year() {
        assert_eq!(
            month_day_near(11, 9, d("2023-10-24")),
            Some(d("2023-11-09"))
        );
        assert_eq!(month_day_near(1, 5, d("2023-12-28")), Some(d("2024-01-05")));
    }
}
