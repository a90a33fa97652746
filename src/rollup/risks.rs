//! Risks across weeks, matched by normalised text as threads match titles: those open at the
//! start, opened, closed (marked closed) and no longer reported (gone without being closed),
//! and those still open at the end as last written.

use indexmap::IndexMap;

use super::threads::normalised;
use super::{Lang, Rollup, words};
use crate::week::{Body, Item, Risk, RiskStatus, Risks, Section, Week};

/// The risks of a period. `opened - closed - vanished = open_at_end - at_start`.
#[derive(Clone, Debug, Default)]
pub struct RiskLog {
    /// Risks listed in the first week (open when the period began; closing one then counts).
    pub at_start: usize,
    /// Risks first listed (or listed again) after the first week, with that week.
    pub opened: Vec<(usize, Risk)>,
    /// Risks marked closed (`status: closed`, `resolved`, `已解决` …), with that week.
    pub closed: Vec<(usize, Risk)>,
    /// Risks gone from the list without being marked closed, with the last week listing them.
    pub vanished: Vec<(usize, Risk)>,
    /// Risks not closed in the last week, as last written.
    pub open_at_end: Vec<Risk>,
}

impl RiskLog {
    /// Whether any week listed a risk.
    pub fn is_empty(&self) -> bool {
        self.at_start == 0 && self.opened.is_empty()
    }
}

/// Where a risk stands after a week.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    Closed,
    Gone,
}

/// The risks of `weeks` (in date order).
pub fn risks<'a>(weeks: impl IntoIterator<Item = &'a Week>) -> RiskLog {
    let mut log = RiskLog::default();
    let mut seen: IndexMap<String, (State, usize, Risk)> = IndexMap::new();
    for (i, week) in weeks.into_iter().enumerate() {
        let mut now: IndexMap<String, &Risk> = IndexMap::new();
        for risk in week.risks() {
            now.entry(normalised(&risk.text)).or_insert(risk);
        }
        for (key, (state, last, risk)) in seen.iter_mut() {
            if *state == State::Open && !now.contains_key(key) {
                log.vanished.push((*last, risk.clone()));
                *state = State::Gone;
            }
        }
        for (key, risk) in now {
            let closed = risk.status() == RiskStatus::Closed;
            let before = match seen.get(&key) {
                Some((state, ..)) => *state,
                None if i == 0 => {
                    log.at_start += 1;
                    State::Open
                }
                None => State::Gone,
            };
            if before != State::Open && (before == State::Gone || !closed) {
                log.opened.push((i, risk.clone()));
            }
            if closed && before != State::Closed {
                log.closed.push((i, risk.clone()));
            }
            let state = if closed { State::Closed } else { State::Open };
            seen.insert(key, (state, i, risk.clone()));
        }
    }
    log.open_at_end = seen
        .into_values()
        .filter(|(state, ..)| *state == State::Open)
        .map(|(.., risk)| risk)
        .collect();
    log
}

impl Rollup {
    /// The risks as two sections: what changed over the period (open risks at the end that
    /// name no owner or mitigation flagged as `check` flags them), and those still open.
    pub(super) fn risk_sections(&self, lang: Lang) -> Vec<Section> {
        let log = &self.risks;
        if log.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![Item::text(words::risk_summary(lang, log))];
        let changes = [
            (Change::Opened, &log.opened),
            (Change::Closed, &log.closed),
            (Change::Vanished, &log.vanished),
        ];
        for (change, list) in changes {
            lines.extend(list.iter().map(|(w, r)| {
                Item::text(words::risk_change(lang, change, &r.text, &self.label(*w)))
            }));
        }
        for risk in &log.open_at_end {
            if let Some(lacks) = risk.lacks() {
                lines.push(Item::text(words::risk_lacks(lang, &risk.text, lacks)));
            }
        }
        let (changed_heading, open_heading) = words::risk_headings(lang);
        let mut changed = Section::new(Body::List(lines));
        changed.heading = Some(changed_heading);
        let mut out = vec![changed];
        if !log.open_at_end.is_empty() {
            let mut open = Section::new(Body::Risks(Risks {
                items: log.open_at_end.clone(),
                table: None,
            }));
            open.heading = Some(open_heading);
            out.push(open);
        }
        out
    }
}

/// What became of a risk in a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// First listed (or listed again).
    Opened,
    /// Marked closed.
    Closed,
    /// No longer listed, never marked closed.
    Vanished,
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    use super::*;
    use crate::dates::WeekNumbering;
    use crate::yaml::Source;

    /// A week of `risks` (text, status) reported `n` weeks after 2023-10-03.
    fn week(n: u64, risks: &[(&str, &str)]) -> Week {
        let day = NaiveDate::from_ymd_opt(2023, 10, 3).unwrap() + Days::new(7 * n);
        let list = if risks.is_empty() { " []" } else { "" };
        let mut text = format!("date: {day}\nsections:\n- risks:{list}\n");
        for (risk, status) in risks {
            text.push_str(&format!("  - text: {risk}\n    status: {status}\n"));
        }
        let source = Source::new("w.yaml", text.into_bytes(), u64::MAX).unwrap();
        Week::from_source(&source, WeekNumbering::Jan1).unwrap()
    }

    fn texts(list: &[(usize, Risk)]) -> Vec<(usize, &str)> {
        list.iter().map(|(w, r)| (*w, r.text.as_str())).collect()
    }

    #[test]
    fn a_risk_gone_unclosed_is_no_longer_reported_not_closed() {
        let weeks = [
            week(0, &[("A", "open"), ("B", "open"), ("【C】", "open")]),
            week(1, &[("A", "closed"), ("B", "open"), ("c", "watching")]),
            week(2, &[("C", "open"), ("B renamed", "open")]),
        ];
        let log = risks(&weeks);
        assert_eq!(log.at_start, 3);
        assert_eq!(texts(&log.closed), [(1, "A")]);
        // B renamed is another risk: B is gone after week 1, never marked closed
        assert_eq!(texts(&log.vanished), [(1, "B")]);
        assert_eq!(texts(&log.opened), [(2, "B renamed")]);
        let open: Vec<&str> = log.open_at_end.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(open, ["C", "B renamed"]);
    }

    #[test]
    fn a_closed_risk_gone_is_not_counted_again_and_a_reopened_one_is_opened() {
        let weeks = [
            week(0, &[("A", "closed")]),
            week(1, &[]),
            week(2, &[("A", "closed"), ("N", "closed")]),
            week(3, &[("A", "open")]),
        ];
        let log = risks(&weeks);
        assert_eq!(texts(&log.closed), [(0, "A"), (2, "N")]);
        assert_eq!(texts(&log.opened), [(2, "N"), (3, "A")]);
        assert_eq!(texts(&log.vanished), []);
        assert_eq!(log.open_at_end.len(), 1);
    }

    fn statuses() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just("open"),
            Just("watching"),
            Just("mitigated"),
            Just("closed")
        ]
    }

    proptest! {
        #[test]
        fn opened_less_closed_and_gone_is_the_change_in_open_risks(
            lists in proptest::collection::vec(
                proptest::collection::btree_map(0usize..5, statuses(), 0..5),
                1..12,
            ),
        ) {
            const NAMES: [&str; 5] = ["甲", "乙", "丙", "丁", "戊"];
            let weeks: Vec<Week> = lists
                .iter()
                .enumerate()
                .map(|(i, list)| {
                    let risks: Vec<(&str, &str)> =
                        list.iter().map(|(&k, &s)| (NAMES[k], s)).collect();
                    week(i as u64, &risks)
                })
                .collect();
            let log = risks(&weeks);
            let n = |v: usize| i64::try_from(v).unwrap();
            prop_assert_eq!(
                n(log.opened.len()) - n(log.closed.len()) - n(log.vanished.len()),
                n(log.open_at_end.len()) - n(log.at_start)
            );
            let last = lists.last().unwrap();
            let still: Vec<&str> = last
                .iter()
                .filter(|(_, s)| **s != "closed")
                .map(|(&k, _)| NAMES[k])
                .collect();
            let mut open: Vec<&str> = log.open_at_end.iter().map(|r| r.text.as_str()).collect();
            open.sort_by_key(|t| NAMES.iter().position(|n| n == t));
            prop_assert_eq!(open, still);
            prop_assert!(log.closed.iter().all(|(_, r)| r.status() == RiskStatus::Closed));
        }
    }
}
