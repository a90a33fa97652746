//! Incidents across weeks: listed by date, counted by level, and the period's incident-free
//! streaks.

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::week::{Incident, Week};

/// One incident of the period.
#[derive(Clone, Debug)]
pub struct Dated {
    /// The week it was reported in (index of the rollup's weeks).
    pub week: usize,
    /// When it happened, when its time reads; else its report's date at midnight.
    pub at: NaiveDateTime,
    /// Whether `at` was read from its time (not its report's date).
    pub timed: bool,
    /// The incident as written.
    pub incident: Incident,
}

/// The incidents of a period.
#[derive(Clone, Debug, Default)]
pub struct Incidents {
    /// Every incident, by date.
    pub list: Vec<Dated>,
    /// Counts by level (upper-cased, `None` for no level), most severe named first as met.
    pub by_level: Vec<(Option<String>, usize)>,
    /// The most days in a row without an incident.
    pub longest_free: u64,
    /// Days without an incident at the end (up to the last report's week).
    pub free_at_end: u64,
}

/// The incidents of `weeks` (in date order) from `start` to `end`.
pub fn incidents<'a>(
    weeks: impl IntoIterator<Item = &'a Week>,
    start: NaiveDate,
    end: NaiveDate,
) -> Incidents {
    let mut list = Vec::new();
    for (i, week) in weeks.into_iter().enumerate() {
        for incident in week.incidents() {
            let read = incident.at(week.day());
            list.push(Dated {
                week: i,
                at: read.unwrap_or_else(|| week.day().and_time(chrono::NaiveTime::MIN)),
                timed: read.is_some(),
                incident: incident.clone(),
            });
        }
    }
    list.sort_by_key(|d| (d.at, d.week));
    let mut by_level: Vec<(Option<String>, usize)> = Vec::new();
    for d in &list {
        let level = d.incident.severity();
        match by_level.iter_mut().find(|(l, _)| *l == level) {
            Some((_, n)) => *n += 1,
            None => by_level.push((level, 1)),
        }
    }
    by_level.sort_by(|a, b| (a.0.is_none(), &a.0).cmp(&(b.0.is_none(), &b.0)));
    let days: Vec<NaiveDate> = list.iter().map(|d| d.at.date()).collect();
    let (longest_free, free_at_end) = streaks(&days, start, end);
    Incidents {
        list,
        by_level,
        longest_free,
        free_at_end,
    }
}

/// The longest run of days from `start` to `end` with no date of `days` (sorted), and the run
/// ending on `end`.
pub fn streaks(days: &[NaiveDate], start: NaiveDate, end: NaiveDate) -> (u64, u64) {
    let gap = |from: NaiveDate, to: NaiveDate| (to - from).num_days().max(0) as u64;
    let inside: Vec<NaiveDate> = days
        .iter()
        .copied()
        .filter(|d| (start..=end).contains(d))
        .collect();
    let Some(&last) = inside.last() else {
        let all = gap(start, end) + 1;
        return (all, all);
    };
    let mut longest = gap(start, inside[0]);
    for pair in inside.windows(2) {
        longest = longest.max(gap(pair[0] + Days::new(1), pair[1]));
    }
    let at_end = gap(last, end);
    (longest.max(at_end), at_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn streaks_count_days_without_incidents() {
        let (start, end) = (d("2023-10-01"), d("2023-10-31"));
        assert_eq!(streaks(&[], start, end), (31, 31));
        // free 10-01..10-09 (9 days), 10-11..10-24 (14), 10-26..10-31 (6)
        let days = [d("2023-10-10"), d("2023-10-25")];
        assert_eq!(streaks(&days, start, end), (14, 6));
        assert_eq!(streaks(&[d("2023-10-31")], start, end), (30, 0));
    }
}
