//! Reading Markdown for import: top-level blocks with their byte ranges, a shallow tree of
//! paragraphs and lists, source slices at char boundaries, and dates written in text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::markdown;
use crate::week::HeadingStyle;

/// Deepest list nesting the importer reads as structure; deeper lists stay raw Markdown.
pub const MAX_DEPTH: usize = 4;

/// An event with the byte range of the source it came from.
pub type Spanned<'a> = (Event<'a>, Range<usize>);

/// The events of a document, with byte ranges.
pub fn events(text: &str) -> Vec<Spanned<'_>> {
    Parser::new_ext(text, markdown::options())
        .into_offset_iter()
        .collect()
}

/// A block at the top of the document: its source range and its events.
#[derive(Clone, Debug)]
pub struct Block {
    /// Bytes of the source the block covers.
    pub range: Range<usize>,
    /// Indices of its events in the document's event list.
    pub events: Range<usize>,
    /// The heading level, for a heading (or a paragraph of bold text read as one).
    pub heading: Option<u8>,
    /// How a paragraph of bold text read as a heading is written; none for a `#` heading.
    pub bold: Option<HeadingStyle>,
}

/// Splits the event list into top-level blocks. Iterative, so any nesting depth is fine.
pub fn blocks(events: &[Spanned<'_>], len: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0usize;
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push(block(events, open..i + 1, len));
                }
            }
            _ if depth == 0 => out.push(block(events, i..i + 1, len)),
            _ => {}
        }
    }
    out
}

fn block(events: &[Spanned<'_>], idx: Range<usize>, len: usize) -> Block {
    let start = events[idx.start].1.start.min(len);
    let end = events[idx.end - 1].1.end.clamp(start, len);
    let heading = match &events[idx.start].0 {
        Event::Start(Tag::Heading { level, .. }) => Some(level_number(*level)),
        _ => None,
    };
    Block {
        range: start..end,
        events: idx,
        heading,
        bold: None,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `text[range]`, widened to char boundaries so it never panics.
pub fn slice(text: &str, range: Range<usize>) -> &str {
    let mut start = range.start.min(text.len());
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// The source of the inline content among `events` (a heading's or a paragraph's text).
pub fn inline_range(events: &[Spanned<'_>]) -> Option<Range<usize>> {
    let first = events.first()?.1.start;
    let last = events.last()?.1.end;
    (first <= last).then_some(first..last)
}

/// Whether an event belongs inside a paragraph.
pub fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// A paragraph's text as written: trimmed, continuation lines without their indentation
/// (ASCII spaces and tabs only, as CommonMark: a full-width space U+3000 or a no-break space
/// U+00A0 is text).
pub fn para_text(text: &str, range: Range<usize>) -> String {
    slice(text, range)
        .trim_ascii()
        .lines()
        .map(str::trim_ascii_start)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Blocks inside a list item as written: from the start of the first one's line to the end of
/// the last, the indentation all their lines share taken off (so a fence keeps its place
/// relative to the item's text), trailing blank lines dropped.
pub fn as_written(text: &str, range: Range<usize>) -> String {
    let range = slice_range(text, range);
    let from = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let source = text[from..range.end].trim_end_matches(['\n', '\r']);
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let cut = source
        .lines()
        .filter(|l| !l.trim_ascii().is_empty())
        .map(indent)
        .min()
        .unwrap_or(0);
    source
        .lines()
        .map(|l| l.get(cut.min(indent(l))..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `range` widened to char boundaries within `text`, as [`slice`] takes it.
fn slice_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = slice(text, range);
    let start = s.as_ptr() as usize - text.as_ptr() as usize;
    start..start + s.len()
}

/// Text without its leading and trailing blank lines (lines of ASCII spaces and tabs); the
/// first line keeps its indentation (an indented code block stays one) and the last its
/// trailing spaces (the last line of a code block). U+3000 and U+00A0 are text.
pub fn trim_blank_lines(s: &str) -> &str {
    let Some(first) = s.find(|c: char| !c.is_ascii_whitespace()) else {
        return "";
    };
    let line_start = s[..first].rfind('\n').map_or(0, |i| i + 1);
    let last = s.rfind(|c: char| !c.is_ascii_whitespace()).unwrap_or(first);
    let line_end = s[last..].find('\n').map_or(s.len(), |i| last + i);
    s[line_start..line_end].trim_end_matches('\r')
}

/// As [`trim_blank_lines`], but when `open` (`s` ends the document inside a block that runs to
/// its end: a code fence, `<!--`, `<pre>`, `<style>`, `<script>`), the trailing blank lines are
/// the block's content and stay, with the final line ending.
pub fn trim_blank_lines_at_end(s: &str, open: bool) -> &str {
    let trimmed = trim_blank_lines(s);
    if !open || trimmed.is_empty() {
        return trimmed;
    }
    let start = trimmed.as_ptr() as usize - s.as_ptr() as usize;
    let kept = &s[start..];
    // only the final line ending beyond the text: nothing is lost by trimming
    if kept.len() <= trimmed.len() + 1 {
        trimmed
    } else {
        kept
    }
}

/// Whether the document's last block runs to its end (a fence or an HTML block left open).
pub fn ends_open(blocks: &[Block], len: usize) -> bool {
    blocks.last().is_some_and(|b| b.range.end >= len)
}

/// A shallow tree of a container's content: paragraphs and lists.
#[derive(Clone, Debug)]
pub enum Node {
    /// A paragraph (or the text of a tight list item): its inline source range.
    Para(Range<usize>),
    /// A list.
    List(List),
    /// Another block inside a list item (a fenced code block, an HTML block, a quote): its
    /// source range, kept as written.
    Block(Range<usize>),
}

/// A list and its items' content.
#[derive(Clone, Debug)]
pub struct List {
    /// The number of the first item, for an ordered list.
    pub start: Option<u64>,
    /// Each item's content.
    pub items: Vec<Vec<Node>>,
    /// Whether its items are paragraphs (blank lines between them): a loose list.
    pub loose: bool,
}

impl List {
    /// Whether a blank line stands between its items (not only inside one: the reference's key
    /// work is loose for a note paragraph, its items follow each other line by line).
    pub fn spaced(&self, text: &str) -> bool {
        fn start(n: &[Node]) -> Option<usize> {
            match n.first()? {
                Node::Para(r) | Node::Block(r) => Some(r.start),
                Node::List(l) => start(l.items.first()?),
            }
        }
        fn end(n: &[Node]) -> Option<usize> {
            match n.last()? {
                Node::Para(r) | Node::Block(r) => Some(r.end),
                Node::List(l) => end(l.items.last()?),
            }
        }
        self.items
            .windows(2)
            .any(|w| match (end(&w[0]), start(&w[1])) {
                (Some(a), Some(b)) if a < b => slice(text, a..b).matches('\n').count() >= 2,
                _ => false,
            })
    }
}

/// Reads paragraphs and lists, and inside list items other blocks as [`Node::Block`]; `None`
/// for anything else at the top or nesting deeper than [`MAX_DEPTH`].
pub fn nodes(events: &[Spanned<'_>], depth: usize) -> Option<Vec<Node>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Paragraph) => {
                let end = matching_end(events, i)?;
                let inner = &events[i + 1..end];
                if !inner.iter().all(|(e, _)| is_inline(e)) {
                    return None;
                }
                out.push(Node::Para(inline_range(inner)?));
                i = end + 1;
            }
            Event::Start(Tag::List(start)) => {
                let end = matching_end(events, i)?;
                let inner = &events[i + 1..end];
                let loose = inner
                    .get(1)
                    .is_some_and(|(e, _)| matches!(e, Event::Start(Tag::Paragraph)));
                let items = items(inner, depth)?;
                out.push(Node::List(List {
                    start: *start,
                    items,
                    loose,
                }));
                i = end + 1;
            }
            e if is_inline(e) => {
                let run = events[i..].iter().take_while(|(e, _)| is_inline(e)).count();
                out.push(Node::Para(inline_range(&events[i..i + run])?));
                i += run;
            }
            Event::Start(_) if depth > 0 => {
                let end = matching_end(events, i)?;
                out.push(Node::Block(events[i].1.clone()));
                i = end + 1;
            }
            Event::Rule if depth > 0 => {
                out.push(Node::Block(events[i].1.clone()));
                i += 1;
            }
            _ => return None,
        }
    }
    Some(out)
}

fn items(events: &[Spanned<'_>], depth: usize) -> Option<Vec<Vec<Node>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if !matches!(events[i].0, Event::Start(Tag::Item)) {
            return None;
        }
        let end = matching_end(events, i)?;
        out.push(nodes(&events[i + 1..end], depth + 1)?);
        i = end + 1;
    }
    Some(out)
}

/// The index of the `End` matching the `Start` at `open`.
fn matching_end(events: &[Spanned<'_>], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate().skip(open) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_at_char_boundaries() {
        let s = "周报";
        assert_eq!(slice(s, 1..2), "周");
        assert_eq!(slice(s, 1..4), "周报");
        assert_eq!(slice(s, 5..99), "报");
    }

    #[test]
    fn trims_blank_lines_but_keeps_indentation() {
        assert_eq!(trim_blank_lines("\n  \n    code\n\n"), "    code");
        assert_eq!(trim_blank_lines("    code  \n  \n"), "    code  ");
        assert_eq!(trim_blank_lines("\u{3000}a\u{a0}\n"), "\u{3000}a\u{a0}");
    }

    #[test]
    fn open_blocks_keep_their_blank_lines() {
        assert_eq!(
            trim_blank_lines_at_end("\n<!--\nx\n\n", true),
            "<!--\nx\n\n"
        );
        assert_eq!(trim_blank_lines_at_end("\n<!--\nx\n\n", false), "<!--\nx");
        assert_eq!(trim_blank_lines_at_end("para\n", true), "para");
    }

    #[test]
    fn blocks_in_an_item_are_kept_as_written_without_their_shared_indentation() {
        let text = "- a\n  - b\n\n      ```sh\n      ls\n        -l\n      ```\n\n";
        let at = text.find("```").unwrap();
        let code = as_written(text, at..text.len());
        assert_eq!(code, "```sh\nls\n  -l\n```");
        let ev = events(text);
        let read = nodes(&ev, 0).unwrap();
        let [Node::List(outer)] = read.as_slice() else {
            panic!("one list")
        };
        let [Node::Para(_), Node::List(inner)] = outer.items[0].as_slice() else {
            panic!("a paragraph and a list")
        };
        assert!(matches!(
            inner.items[0].as_slice(),
            [Node::Para(_), Node::Block(_)]
        ));
        assert!(
            nodes(&events("```\nx\n```\n"), 0).is_none(),
            "not at the top"
        );
    }

    #[test]
    fn deep_lists_are_not_read_as_structure() {
        let text = "- ".repeat(50) + "x\n";
        let ev = events(&text);
        assert!(nodes(&ev, 0).is_none());
    }
}
