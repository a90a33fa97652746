//! Whether a report is a meeting's: its title says so (`Platform sync`, `会议纪要`), a heading
//! names a part only a meeting has (an agenda, minutes, action items, the attendees), or a
//! header field does (`Attendees:`, `会议时间：`), or the folders it was filed in do
//! (`minutes/`, `meeting-notes/`). Only then do vague agenda words such as `Discussion` or
//! `Topics` name an agenda.

use super::header;
use super::kinds;
use super::outline::heading_text;
use super::read::{Block, Node, Spanned, nodes, para_text};
use crate::week::Kind;

/// Words of a title that say the report is a meeting's, in English (whole words, any case).
const TITLE_WORDS: &[&str] = &["meeting", "meetings", "minutes", "sync"];

/// Words of a title that say the report is a meeting's, in Chinese.
const TITLE_ZH: &[&str] = &["会议", "纪要", "例会"];

/// Whether the report is a meeting's, read from its title, its headings and its header fields;
/// `own` are the team's own headings (`[import.headings]`), a heading they map to an agenda
/// saying so too.
pub(super) fn held(
    text: &str,
    events: &[Spanned<'_>],
    blocks: &[Block],
    own: &[(String, Kind)],
) -> bool {
    titled(front_title(text)) || blocks.iter().any(|b| says_so(text, events, b, own))
}

/// Whether the path a report was read from says it is a meeting's, as its folders or its name
/// do (`minutes/triage-meeting/2019-05-09.md`, `meeting-notes/…`, `例会/…`), by the words a
/// title would use.
pub(super) fn filed(name: &str) -> bool {
    let path = std::path::Path::new(name);
    let stem = path.with_extension("");
    stem.components()
        .any(|c| titled(Some(&c.as_os_str().to_string_lossy())))
}

/// Whether a block says the report is a meeting's: its first `#` heading (the title) by a
/// word, any heading by naming a meeting's part, a paragraph or list by a meeting's field.
fn says_so(text: &str, events: &[Spanned<'_>], b: &Block, own: &[(String, Kind)]) -> bool {
    if b.heading.is_some() {
        let Some(heading) = heading_text(text, events, b) else {
            return false;
        };
        let title = b.heading == Some(1) && b.bold.is_none() && titled(Some(&heading));
        let agenda =
            kinds::announced_in(&heading, own, false).is_some_and(|a| a.kind == Kind::Agenda);
        return title || agenda || header::of_a_meeting(&heading);
    }
    let Some(found) = nodes(&events[b.events.clone()], 0) else {
        return false;
    };
    found.iter().any(|n| match n {
        Node::Para(r) => para_text(text, r.clone()).lines().any(field_of_a_meeting),
        Node::List(l) => l.items.iter().any(|item| match item.first() {
            Some(Node::Para(r)) => para_text(text, r.clone()).lines().any(field_of_a_meeting),
            _ => false,
        }),
        Node::Block(_) => false,
    })
}

/// Whether a line is a header field only a meeting writes (`**Attendees:**`, `会议时间：19:00`).
fn field_of_a_meeting(line: &str) -> bool {
    header::labelled_line(line.trim()).is_some_and(|(f, _)| header::of_a_meeting(&f.label))
}

/// Whether a title says the report is a meeting's.
fn titled(title: Option<&str>) -> bool {
    let Some(title) = title else { return false };
    let lower = title.to_lowercase();
    TITLE_ZH.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| TITLE_WORDS.contains(&w))
}

/// The `title` of a front matter block at the very top (YAML between `---` lines, TOML between
/// `+++` lines), quotes taken off.
pub(super) fn front_title(text: &str) -> Option<&str> {
    let fence = ["---\n", "+++\n"]
        .into_iter()
        .find(|f| text.starts_with(f))?;
    let close = fence.trim_end();
    text[fence.len()..]
        .lines()
        .take_while(|l| l.trim_end() != close)
        .find_map(|l| {
            let rest = l.strip_prefix("title")?.trim_start();
            let value = rest.strip_prefix([':', '='])?.trim();
            Some(value.trim_matches(['"', '\'']))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn meeting(md: &str) -> bool {
        let events = read::events(md);
        let blocks = read::blocks(&events, md.len());
        held(md, &events, &blocks, &[])
    }

    #[test]
    fn a_path_says_so_by_a_folder_or_the_name() {
        assert!(filed("content/minutes/triage-meeting/2019-05-09.md"));
        assert!(filed("meeting-notes/2018/Q4/2018-10-22--js.md"));
        assert!(filed("sig/例会/2023-07-12.md"));
        assert!(filed("notes/2024-01-08-platform-sync.md"));
        assert!(!filed("updates/2021-oct.md"));
        assert!(!filed(
            "rust-lang-async-fundamentals-initiative/updates/2021-oct.md"
        ));
        assert!(!filed("content/news/this-month-240430.md"));
    }

    #[test]
    fn a_title_says_so() {
        assert!(meeting(
            "# Platform sync, March 7\n\n## Discussion\n\n- a\n"
        ));
        assert!(meeting("# PFCC 会议纪要\n\ntext\n"));
        assert!(meeting("---\ntitle: \"Weekly meeting\"\n---\n\ntext\n"));
        assert!(meeting("+++\ntitle = \"第3次例会\"\n+++\n\ntext\n"));
        assert!(!meeting("# Async news\n\n## Discussion\n\n- a\n"));
        assert!(!meeting(
            "+++\ntitle = \"This Month in Redox\"\n+++\n\n## Discussion\n\n- a\n"
        ));
        assert!(
            !meeting("## Sync engine\n\ntext\n"),
            "a title is a first-level heading"
        );
    }

    #[test]
    fn a_meeting_part_or_field_says_so() {
        assert!(meeting(
            "# Notes\n\n## Attendees\n\n- a\n\n## Discussion\n\n- b\n"
        ));
        assert!(meeting("# Notes\n\n## Action items\n\n- a\n"));
        assert!(meeting("# 周记\n\n## 议程\n\n- a\n"));
        assert!(meeting(
            "# Notes\n\n- **Lead:** a\n- **Attendees:**\n  - b\n"
        ));
        assert!(meeting("# 周记\n\n会议时间：2024-01-11 19:00\n\n## 讨论\n"));
        assert!(!meeting("# News\n\n## Discussion\n\n## Topics\n\n- a\n"));
        assert!(!meeting("# News\n\n- **Author:** a\n\n## 待办\n\n- b\n"));
    }
}
