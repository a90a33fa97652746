//! Whether a report's title names it a progress report (`# Update 2023-09`, `… Progress
//! Report`, `openEuler RISC-V 开源操作系统进展·第016期`, `RuyiSDK双周进展汇报`): then its sections
//! below the title whose headings name no kind are the period's work, read as the groups under
//! a progress heading are (`groups.rs`). A report's framing (`卷首语`, `Introduction`, `链接`)
//! is not work and stays as it was. A heading naming progress on something (`适配进展`,
//! `Progress on the index`) is a progress heading.

use super::meeting;
use super::outline::heading_text;
use super::read::{Block, Spanned};
use crate::week::kinds::comparable;

/// Words of a title that name a progress report, in English (whole words, any case).
const TITLE_WORDS: &[&str] = &["update", "updates", "progress"];

/// Words of a title that name a progress report, in Chinese.
const TITLE_ZH: &[&str] = &["进展"];

/// Headings of a report's framing, not of its work: a foreword, an introduction, an
/// afterword, links and references, thanks.
const FRAMING: &[&str] = &[
    "卷首语",
    "前言",
    "引言",
    "序言",
    "写在前面",
    "编者按",
    "后记",
    "结语",
    "相关链接",
    "链接",
    "参考",
    "参考资料",
    "致谢",
    "introduction",
    "intro",
    "foreword",
    "preface",
    "conclusion",
    "links",
    "references",
    "resources",
    "acknowledgements",
    "acknowledgments",
    "thanks",
];

/// The title that names a report a progress report, with the level below which its sections
/// are read as the period's work (0 for a title in the front matter) and its 1-based line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Titled {
    /// The title as written.
    pub title: String,
    /// The title heading's level; the period's work is in deeper sections.
    pub level: u8,
    /// The 1-based line of the title.
    pub line: usize,
}

/// The title naming the report a progress report, if it does: `title` in the front matter,
/// else the first heading when it is at level 1 or opens the report (`## Update 2022-10` as
/// the report's first line).
pub(super) fn titled(
    text: &str,
    events: &[Spanned<'_>],
    blocks: &[Block],
    front: usize,
) -> Option<Titled> {
    if let Some(title) = meeting::front_title(text) {
        return names(title).then(|| Titled {
            title: title.to_string(),
            level: 0,
            line: 1,
        });
    }
    let body = blocks.iter().skip_while(|b| b.range.start < front);
    let (at, first) = body
        .enumerate()
        .find(|(_, b)| b.heading.is_some() && b.bold.is_none())?;
    let level = first.heading?;
    if level != 1 && at != 0 {
        return None;
    }
    let title = heading_text(text, events, first)?;
    names(&title).then(|| Titled {
        title,
        level,
        line: crate::yaml::line_col(text, first.range.start).0,
    })
}

impl Titled {
    /// The note naming the title that made the report's sections the period's work.
    pub(super) fn note(&self) -> super::Note {
        super::Note {
            line: self.line,
            message: crate::msg!("import-progress-title", title = self.title.as_str()),
        }
    }
}

/// Whether a title names a progress report.
fn names(title: &str) -> bool {
    let lower = title.to_lowercase();
    TITLE_ZH.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| TITLE_WORDS.contains(&w))
}

/// Whether a heading names a report's framing (a foreword, links), not the period's work.
pub(super) fn framing(heading: &str) -> bool {
    let bare = comparable(heading);
    let bare = bare.trim_end_matches([':', '：']);
    FRAMING.contains(&bare)
}

/// Whether a heading names progress on something by its own words: `适配进展`, `测试进展`
/// (a name before the progress word), `Progress on search`, `Progress in testing`.
pub(super) fn on(bare: &str) -> bool {
    let lower = bare.to_lowercase();
    let before = lower.strip_suffix("进展").map(str::trim);
    before.is_some_and(|b| !b.is_empty())
        || ["progress on ", "progress in "]
            .iter()
            .any(|p| lower.strip_prefix(p).is_some_and(|r| !r.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn title(md: &str) -> Option<(String, u8)> {
        let events = read::events(md);
        let blocks = read::blocks(&events, md.len());
        titled(md, &events, &blocks, 0).map(|t| (t.title, t.level))
    }

    #[test]
    fn a_title_names_a_progress_report() {
        assert_eq!(
            title("# Update 2023-09\n\n## A\n"),
            Some(("Update 2023-09".into(), 1))
        );
        assert_eq!(
            title("## Update 2022-10\n\n### A\n"),
            Some(("Update 2022-10".into(), 2))
        );
        assert!(title("# openEuler RISC-V 开源操作系统进展·第016期\n").is_some());
        assert!(title("# Search Progress Report\n").is_some());
        assert!(title("+++\ntitle = \"X Progress Report\"\n+++\n\n## A\n").is_some());
    }

    #[test]
    fn other_titles_do_not() {
        assert_eq!(title("# Biweekly Report (Nov.24 - Dec.9)\n"), None);
        assert_eq!(title("# 阶段性总结报告\n"), None);
        assert_eq!(title("# Updated docs\n"), None, "whole words only");
        assert_eq!(
            title("Some text first.\n\n## Update 2022-10\n"),
            None,
            "a second-level heading is a title only when it opens the report"
        );
    }

    #[test]
    fn framing_is_not_work() {
        assert!(framing("卷首语"));
        assert!(framing("Introduction:"));
        assert!(!framing("包管理器"));
    }

    #[test]
    fn a_heading_names_progress_on_something() {
        assert!(on("适配进展"));
        assert!(on("OBS构建工程进展"));
        assert!(on("Progress on search"));
        assert!(!on("进展"), "the word alone is not in the vocabulary");
        assert!(
            !on("工作进展汇报"),
            "a report of progress is a meeting's topic"
        );
        assert!(!on("Progress report"));
    }
}
