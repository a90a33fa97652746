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
        let mut changed = Section::new(Body::List(lines));
        changed.heading = Some(lang.pick("风险变化", "Risks over the period").into());
        let mut out = vec![changed];
        if !log.open_at_end.is_empty() {
            let mut open = Section::new(Body::Risks(Risks {
                items: log.open_at_end.clone(),
                table: None,
            }));
            open.heading = Some(
                lang.pick("期末仍未关闭的风险", "Risks still open at the end")
                    .into(),
            );
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
