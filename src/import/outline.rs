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
