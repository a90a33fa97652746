//! A report's outline: where its front matter ends, its headings, and the segments they cut
//! it into (a heading and the blocks under it), with whether a segment holds anything its
//! events do not show.

use std::ops::Range;

use super::read::{self, Block, Spanned};
use crate::yaml;

/// A heading and the blocks under it (block indices).
#[derive(Clone)]
pub(super) struct Segment {
    pub(super) heading: Option<usize>,
    pub(super) body: Range<usize>,
    pub(super) region: Range<usize>,
}

/// Splits the blocks from `first` on into segments, each but the first starting at a heading.
/// The first segment starts at byte `start`; no heading before byte `front` counts (front
/// matter).
pub(super) fn segments(
    blocks: &[Block],
    (first, start): (usize, usize),
    front: usize,
    len: usize,
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (i, b) in blocks.iter().enumerate().skip(first) {
        let heading = b.heading.is_some() && b.range.start >= front;
        match out.last_mut() {
            Some(seg) if !heading => seg.body.end = i + 1,
            _ => out.push(Segment {
                heading: heading.then_some(i),
                body: if heading { i + 1..i + 1 } else { i..i + 1 },
                region: b.range.start..len,
            }),
        }
    }
    for i in 1..out.len() {
        let next = out[i].region.start;
        out[i - 1].region.end = next;
    }
    if let Some(first_seg) = out.first_mut() {
        first_seg.region.start = start;
    }
    out
}

/// The byte offset after a front matter block (`---` lines around YAML at the very top), or 0.
pub(super) fn front_matter_end(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    let mut at = 4;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return at;
        }
    }
    0
}

/// Whether nothing but whitespace lies between the blocks of a section (a link reference
/// definition makes no event, and would be lost by a recognised section).
pub(super) fn clean_gaps(text: &str, heading: &Block, body: &[Block], end: usize) -> bool {
    let mut at = heading.range.end;
    for b in body {
        if !read::slice(text, at..b.range.start).trim().is_empty() {
            return false;
        }
        at = b.range.end;
    }
    read::slice(text, at..end).trim().is_empty()
}

/// A heading's text as written, when it is one line.
pub(super) fn heading_text(text: &str, events: &[Spanned<'_>], block: &Block) -> Option<String> {
    if block.bold.is_some() {
        return super::bold::heading_text(text, events, block);
    }
    let inner = events.get(block.events.start + 1..block.events.end.checked_sub(1)?)?;
    let range = read::inline_range(inner)?;
    let t = read::slice(text, range).trim();
    (!t.is_empty() && !t.contains('\n')).then(|| t.to_string())
}

/// Every `#` heading after the front matter, with its 1-based line and text.
pub(super) fn headings(
    text: &str,
    events: &[Spanned<'_>],
    blocks: &[Block],
    front: usize,
) -> Vec<(usize, String)> {
    blocks
        .iter()
        .filter(|b| b.heading.is_some() && b.bold.is_none() && b.range.start >= front)
        .filter_map(|b| {
            let line = yaml::line_col(text, b.range.start).0;
            heading_text(text, events, b).map(|t| (line, t))
        })
        .collect()
}

/// Whether the heading at `at` is a bare `总结` or `Summary` right under a heading that names a
/// week (`Week1(2022-11-02 ~ 2022-11-06)`, `第3周`, `本周`): that week's summary, what the
/// vocabulary calls `本周总结`. Alone, `总结` may close an article (a conclusion) and names no
/// kind.
pub(super) fn week_summary(
    text: &str,
    events: &[Spanned<'_>],
    blocks: &[Block],
    at: usize,
) -> bool {
    let Some(level) = blocks.get(at).and_then(|b| b.heading) else {
        return false;
    };
    let bare = |b: &Block| heading_text(text, events, b).map(|t| t.to_lowercase());
    let summary = bare(&blocks[at])
        .is_some_and(|t| ["总结", "summary"].contains(&t.trim_end_matches([':', '：']).trim()));
    let parent = blocks[..at]
        .iter()
        .rev()
        .find(|b| b.heading.is_some_and(|l| l < level));
    summary && parent.and_then(bare).is_some_and(|t| names_week(&t))
}

/// Whether a (lowercased) heading opens with a week: `week1`, `week 3 …`, `第3周`, `本周`.
fn names_week(heading: &str) -> bool {
    let digits_then = |rest: &str, end: &str| {
        let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        n > 0 && rest[n..].starts_with(end)
    };
    let t = heading.trim();
    t.strip_prefix("week")
        .is_some_and(|r| digits_then(r.trim_start(), ""))
        || t.strip_prefix('第').is_some_and(|r| digits_then(r, "周"))
        || t.starts_with("本周")
}

#[cfg(test)]
mod week_tests {
    use super::names_week;

    #[test]
    fn week_headings_are_told_from_others() {
        for yes in ["week1(2022-11-02 ~ 2022-11-06)", "week 3", "第12周", "本周"] {
            assert!(names_week(yes), "{yes}");
        }
        for no in ["weekly", "week", "conclusion", "2023 年 11 月", "第二周"] {
            assert!(!names_week(no), "{no}");
        }
    }
}
