//! Recognising a daily-reports section (日报合集): paragraphs that are each one inline link,
//! their targets percent-decoded, a link text equal to the default (`2023/10/23 周一`) dropped.

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::kinds::Input;
use super::read::{inline_range, slice};
use crate::dates::{Date, weekday_zh};
use crate::extract;
use crate::week::{Fact, Link};
use crate::yaml::Pos;

/// Daily-report links: paragraphs that are each one inline link.
pub fn links(input: &Input<'_, '_>) -> Option<Vec<Link>> {
    let ev = input.events;
    let mut links = Vec::new();
    let mut i = 0;
    while i < ev.len() {
        let (Event::Start(Tag::Paragraph), Some((Event::Start(tag), _))) =
            (&ev[i].0, ev.get(i + 1))
        else {
            return None;
        };
        let Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            title,
            ..
        } = tag
        else {
            return None;
        };
        let close = i
            + 2
            + ev[i + 2..]
                .iter()
                .position(|(e, _)| matches!(e, Event::End(TagEnd::Link)))?;
        if !title.is_empty() || !matches!(ev.get(close + 1)?.0, Event::End(TagEnd::Paragraph)) {
            return None;
        }
        let shown = slice(input.text, inline_range(&ev[i + 2..close])?).trim_ascii();
        links.push(link(dest_url, shown)?);
        i = close + 2;
    }
    (!links.is_empty()).then_some(links)
}

/// A link with its target percent-decoded; a title equal to the template's default is dropped.
fn link(dest: &str, shown: &str) -> Option<Link> {
    let href = percent_decode_str(dest).decode_utf8().ok()?.into_owned();
    let date = extract::leading_date(&href);
    let default = match date {
        Some(d) => format!("{} {}", d.format("%Y/%m/%d"), weekday_zh(d)),
        None => href.clone(),
    };
    Some(Link {
        title: (shown != default).then(|| shown.to_string()),
        date: date.map(|d| Fact::read(Date(d))),
        href,
        pos: Pos::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_only_a_title_that_differs_from_the_default() {
        let l = link("2023-10-23%20周一_x.md", "2023/10/23 周一").unwrap();
        assert_eq!((l.href.as_str(), l.title), ("2023-10-23 周一_x.md", None));
        let l = link("notes.md", "Notes").unwrap();
        assert_eq!(l.title.as_deref(), Some("Notes"));
    }
}
