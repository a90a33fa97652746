//! Bold pseudo-headings: a paragraph that is only bold text, perhaps with a colon
//! (`**SOFA社区会议回顾**`, `**Layotto：**`, `**会议内容**：`), cuts a report into sections as a
//! heading one level below the `#` heading before it would, and is written back as the same
//! bold paragraph (`layout: {heading_style: bold}`).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::read::{Block, Spanned, inline_range, slice};
use crate::week::HeadingStyle;

/// Marks the paragraphs of bold text among `blocks` as headings: level one below the last
/// `#` heading's (2 before any), none below level 6.
pub fn mark(text: &str, events: &[Spanned<'_>], blocks: &mut [Block], front: usize) {
    let mut current = 1u8;
    for b in blocks.iter_mut().filter(|b| b.range.start >= front) {
        match b.heading {
            Some(level) => current = level,
            None if current < 6 => {
                if let Some((style, _)) = bold_only(text, &events[b.events.clone()]) {
                    b.heading = Some(current + 1);
                    b.bold = Some(style);
                }
            }
            None => {}
        }
    }
}

/// A pseudo-heading's text (the bold text, and its colon when written after it).
pub fn heading_text(text: &str, events: &[Spanned<'_>], block: &Block) -> Option<String> {
    let (_, range) = bold_only(text, &events[block.events.clone()])?;
    let inner = slice(text, range.0).trim();
    Some(format!("{inner}{}", range.1))
}

/// The style and the bold text's source range (with the colon after it) of a paragraph that
/// is one line of bold text, perhaps followed by a colon.
fn bold_only<'t>(
    text: &'t str,
    events: &[Spanned<'_>],
) -> Option<(HeadingStyle, (Range<usize>, &'t str))> {
    let [
        (Event::Start(Tag::Paragraph), _),
        (Event::Start(Tag::Strong), _),
        rest @ ..,
    ] = events
    else {
        return None;
    };
    let close = rest
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Strong)))?;
    let inner = &rest[..close];
    let one_line = inner.iter().all(|(e, _)| {
        !matches!(
            e,
            Event::SoftBreak | Event::HardBreak | Event::Start(Tag::Strong)
        )
    });
    let range = inline_range(inner)?;
    if !one_line || slice(text, range.clone()).trim().is_empty() {
        return None;
    }
    match &rest[close + 1..] {
        [(Event::End(TagEnd::Paragraph), _)] => Some((HeadingStyle::Bold, (range, ""))),
        [(Event::Text(t), r), (Event::End(TagEnd::Paragraph), _)]
            if matches!(t.trim(), ":" | "：") =>
        {
            let colon = slice(text, r.clone()).trim();
            Some((HeadingStyle::BoldColonAfter, (range, colon)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn marked(md: &str) -> Vec<(Option<u8>, Option<HeadingStyle>, Option<String>)> {
        let ev = read::events(md);
        let mut blocks = read::blocks(&ev, md.len());
        mark(md, &ev, &mut blocks, 0);
        blocks
            .iter()
            .map(|b| (b.heading, b.bold, heading_text(md, &ev, b)))
            .collect()
    }

    #[test]
    fn bold_paragraphs_are_headings_one_level_down() {
        let md = "## 周报\n\n**SOFA社区会议回顾**  \n\n**Layotto：**\n\n**会议内容**：\n\ntext\n";
        let m = marked(md);
        assert_eq!(
            m[1],
            (
                Some(3),
                Some(HeadingStyle::Bold),
                Some("SOFA社区会议回顾".into())
            )
        );
        assert_eq!(m[2].2.as_deref(), Some("Layotto："));
        assert_eq!(m[3].1, Some(HeadingStyle::BoldColonAfter));
        assert_eq!(m[3].2.as_deref(), Some("会议内容："));
        assert_eq!(m[4].0, None);
        assert_eq!(
            HeadingStyle::BoldColonAfter.line("会议内容："),
            "**会议内容**："
        );
    }

    #[test]
    fn other_bold_is_not_a_heading() {
        for md in [
            "**SOFA**Stack 是\n",
            "**a** and **b**\n",
            "**Lead:** @alice\n",
            "**two\nlines**\n",
            "###### h6\n\n**below six**\n",
        ] {
            assert!(marked(md).iter().all(|m| m.1.is_none()), "{md}");
        }
    }
}
