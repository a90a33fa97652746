//! Headings that name no kind: the sections kept as written under them, listed once per report
//! (or once per batch, with how many reports wrote each) with how to give them a kind in
//! `[import.headings]`, so that the next import reads them as data instead of the importer
//! guessing what they hold.

use indexmap::IndexMap;

use super::{Note, kinds};
use crate::week::{Body, Kind, Section};

/// How many headings a note names before it says how many more there are.
const SHOWN: usize = 8;

/// The headings of one report that named no kind, in order, and the line of the first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unmapped {
    /// Each heading once, in the report's order.
    pub names: Vec<String>,
    /// The 1-based line of the first.
    pub line: usize,
}

impl Unmapped {
    /// The note saying which headings named no kind and how to give them one; `None` when
    /// every heading named one.
    pub fn note(&self) -> Option<Note> {
        let first = self.names.first()?;
        let message = crate::msg!(
            "import-unknown-headings",
            count = self.names.len(),
            headings = listed(self.names.iter().map(|n| format!("`{n}`"))),
            more = self.names.len().saturating_sub(SHOWN),
            example = first.as_str()
        );
        Some(Note {
            line: self.line,
            message,
        })
    }
}

/// The headings that named no kind across a batch of reports, with how many reports wrote each.
#[derive(Debug, Default)]
pub struct HeadingTally {
    counts: IndexMap<String, usize>,
    reports: usize,
}

impl HeadingTally {
    /// Counts one report's headings.
    pub fn add(&mut self, unmapped: &Unmapped) {
        if unmapped.names.is_empty() {
            return;
        }
        self.reports += 1;
        for name in &unmapped.names {
            *self.counts.entry(name.clone()).or_default() += 1;
        }
    }

    /// The batch's note, most written first (`imported` reports in all); `None` when every
    /// heading named a kind.
    pub fn message(&self, imported: usize) -> Option<String> {
        let mut names: Vec<(&String, usize)> = self.counts.iter().map(|(n, c)| (n, *c)).collect();
        // stable: the headings written as often keep the order they were first met in
        names.sort_by_key(|n| std::cmp::Reverse(n.1));
        let first = names.first()?.0;
        let shown = listed(names.iter().map(|(n, c)| {
            crate::msg!(
                "import-unknown-heading-count",
                heading = n.as_str(),
                reports = *c
            )
        }));
        Some(crate::msg!(
            "import-unknown-headings-batch",
            count = names.len(),
            reports = self.reports,
            imported = imported,
            headings = shown,
            more = names.len().saturating_sub(SHOWN),
            example = first.as_str()
        ))
    }
}

/// The first [`SHOWN`] of `headings`, joined as the reader's language lists things.
fn listed(headings: impl Iterator<Item = String>) -> String {
    let shown: Vec<String> = headings.take(SHOWN).collect();
    shown.join(&crate::msg!("list-separator"))
}

/// The headings (below the title) of `sections` of a report (`text`) whose section was kept
/// raw or as a generic list because the heading names no kind (`meeting`: in a meeting's
/// report, where `Discussion` and the other vague agenda words name one).
pub(super) fn unmapped(
    text: &str,
    sections: &[Section],
    own: &[(String, Kind)],
    meeting: bool,
) -> Unmapped {
    let mut names: Vec<&str> = Vec::new();
    for s in sections {
        let Some(h) = s.heading.as_deref().filter(|h| !h.trim().is_empty()) else {
            continue;
        };
        let kept = matches!(s.body, Body::Raw(_) | Body::List(_));
        if !kept || s.level == Some(1) || names.contains(&h) {
            continue;
        }
        if kinds::announced_in(h, own, meeting).is_none() {
            names.push(h);
        }
    }
    let line = names
        .first()
        .map_or(1, |first| heading_line(text, first).unwrap_or(1));
    Unmapped {
        names: names.into_iter().map(str::to_string).collect(),
        line,
    }
}

/// The 1-based line of the first heading (`#` or a bold line) that holds `heading`.
fn heading_line(text: &str, heading: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            (l.starts_with('#') || l.starts_with("**")) && l.contains(heading)
        })
        .map(|i| i + 1)
}
