//! Headings that name no kind: the sections kept as written under them, listed once per report
//! with how to give them a kind in `[import.headings]`, so that the next import reads them as
//! data instead of the importer guessing what they hold.

use super::{Note, kinds};
use crate::week::{Body, Kind, Section};

/// How many headings the note names before it says how many more there are.
const SHOWN: usize = 8;

/// The note for `sections` of a report (`text`): the headings (below the title) whose section
/// was kept raw or as a generic list because the heading names no kind; `None` when there are
/// none.
pub(super) fn note(text: &str, sections: &[Section], own: &[(String, Kind)]) -> Option<Note> {
    let mut names: Vec<&str> = Vec::new();
    for s in sections {
        let Some(h) = s.heading.as_deref().filter(|h| !h.trim().is_empty()) else {
            continue;
        };
        let kept = matches!(s.body, Body::Raw(_) | Body::List(_));
        if !kept || s.level == Some(1) || names.contains(&h) {
            continue;
        }
        if kinds::announced_with(h, own).is_none() {
            names.push(h);
        }
    }
    let first = *names.first()?;
    let line = heading_line(text, first).unwrap_or(1);
    let shown: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    let message = crate::msg!(
        "import-unknown-headings",
        count = names.len(),
        headings = shown.join(", "),
        more = names.len().saturating_sub(SHOWN),
        example = first
    );
    Some(Note { line, message })
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
