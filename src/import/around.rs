//! A known kind's list, or a table, with something around it: a lead paragraph before it
//! (`tidb:`, a sentence introducing the list or the table) or lines after it (a sign-off, a
//! link to the details). The lead is kept raw under the heading, the list or table becomes its
//! kind with no heading of its own (`heading: ""`), and what follows is kept raw after it. A
//! list of any kind followed by a thematic break alone is split the same way, and so is a run
//! of header fields written as paragraphs among other paragraphs.

use pulldown_cmark::{Event, Tag};

use super::kinds::{self, Input};
use super::people::{Heading, Under, line_start};
use super::read::{slice, trim_blank_lines, trim_blank_lines_at_end};
use crate::week::{Body, Kind, Layout, Section};

/// The sections of a body that is one list of `kind` with blocks before or after it; `None`
/// when the body holds no list, more than one, or nothing around it.
pub fn sections(
    heading: &Heading,
    kept: Option<&str>,
    kind: Kind,
    name: Option<&str>,
    under: &Under<'_, '_>,
) -> Option<Vec<Section>> {
    let is_list = |e: &Event<'_>| matches!(e, Event::Start(Tag::List(_)));
    split(heading, (kept, kind), under, is_list, |input| {
        let (mut body, layout) = kinds::body(kind, name, input)?;
        let layout = super::titles::split(&mut body, layout);
        Some((body, layout))
    })
}

/// The sections of a body that is one list of `kind` followed by nothing but thematic breaks
/// (`---`, `***`): the list, then the breaks kept raw after it.
pub fn ruled(
    heading: &Heading,
    kept: Option<&str>,
    kind: Kind,
    name: Option<&str>,
    under: &Under<'_, '_>,
) -> Option<Vec<Section>> {
    let rule =
        |b: &super::read::Block| matches!(under.events.get(b.events.start), Some((Event::Rule, _)));
    let [_, after @ ..] = under.blocks else {
        return None;
    };
    (!after.is_empty() && after.iter().all(rule))
        .then(|| sections(heading, kept, kind, name, under))
        .flatten()
}

/// The sections of a body that is one GFM table with blocks before or after it: the table a
/// `table` (or a risk table) with no heading of its own, or, first, under the heading.
pub fn table(heading: &Heading, under: &Under<'_, '_>) -> Option<Vec<Section>> {
    let is_table = |e: &Event<'_>| matches!(e, Event::Start(Tag::Table(_)));
    let kept = Some(heading.text.as_str());
    split(heading, (kept, Kind::Table), under, is_table, |input| {
        super::table::body(input.text, input.events).map(|b| (b, None))
    })
}

/// The lead, the one block `is_it` picks read by `read`, and what follows.
fn split(
    heading: &Heading,
    kind: (Option<&str>, Kind),
    under: &Under<'_, '_>,
    is_it: impl Fn(&Event<'_>) -> bool,
    read: impl Fn(&Input<'_, '_>) -> Option<(Body, Option<Layout>)>,
) -> Option<Vec<Section>> {
    let blocks = under.blocks;
    let found: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            under
                .events
                .get(blocks[i].events.start)
                .is_some_and(|(e, _)| is_it(e))
        })
        .collect();
    let &[at] = found.as_slice() else {
        return None;
    };
    around(heading, kind, under, at..at + 1, read)
}

/// The sections of a body with a run of two or more paragraphs that are each a header field
/// (`**时间：** 2019-11-02`, `**地址：** 上海`) and other blocks before or after it.
pub fn fields(heading: &Heading, under: &Under<'_, '_>) -> Option<Vec<Section>> {
    let blocks = under.blocks;
    let is_field = |i: usize| {
        let b = &blocks[i];
        let para = matches!(
            under.events.get(b.events.start),
            Some((Event::Start(Tag::Paragraph), _))
        );
        para && super::header::labelled_line(slice(under.text, b.range.clone()).trim())
            .is_some_and(|(f, _)| f.value.is_some())
    };
    let at = (0..blocks.len()).find(|&i| is_field(i))?;
    let to = (at..blocks.len())
        .find(|&i| !is_field(i))
        .unwrap_or(blocks.len());
    if to - at < 2 {
        return None;
    }
    let kept = Some(heading.text.as_str());
    around(heading, (kept, Kind::Fields), under, at..to, |input| {
        super::header::body(input.text, input.events)
    })
}

/// The lead before blocks `found`, those blocks read by `read`, and what follows them.
pub(super) fn around(
    heading: &Heading,
    (kept, kind): (Option<&str>, Kind),
    under: &Under<'_, '_>,
    found: std::ops::Range<usize>,
    read: impl Fn(&Input<'_, '_>) -> Option<(Body, Option<Layout>)>,
) -> Option<Vec<Section>> {
    let blocks = under.blocks;
    let (at, to) = (found.start, found.end);
    if at == 0 && to == blocks.len() {
        return None;
    }
    let (first, last) = (&blocks[at], &blocks[to - 1]);
    let input = Input {
        text: under.text,
        events: &under.events[first.events.start..last.events.end],
        body: trim_blank_lines(slice(under.text, first.range.start..last.range.end)),
        own: false,
    };
    let (body, layout) = read(&input)?;
    let mut out = Vec::new();
    if at > 0 {
        let start = line_start(under.text, blocks[0].range.start);
        let lead = trim_blank_lines(slice(
            under.text,
            start..line_start(under.text, first.range.start),
        ));
        let mut s = Section::new(Body::Raw(lead.to_string()));
        s.heading = Some(heading.text.clone());
        s.level = (heading.level != 2).then_some(heading.level);
        out.push(s);
    }
    out.push(Section {
        heading: if at > 0 {
            Some(String::new())
        } else {
            kept.map(str::to_string)
        },
        level: (at == 0 && heading.level != kinds::default_level(kind)).then_some(heading.level),
        body,
        layout,
        pos: Default::default(),
    });
    if let Some(next) = blocks.get(to) {
        let start = line_start(under.text, next.range.start);
        let rest = slice(under.text, start..under.end);
        let trail = trim_blank_lines_at_end(rest, under.open);
        out.push(Section::new(Body::Raw(trail.to_string())));
    }
    Some(out)
}
