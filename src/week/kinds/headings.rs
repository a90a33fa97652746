//! The heading vocabulary of the kinds table: a default heading and its level, the built-in
//! languages that have them, and the `defaults` templates read (`defaults.zh.headings.key_work`,
//! `defaults.en.levels.next_week`, `defaults.zh.people.done`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::ROWS;

/// A heading a template prints when a section does not give its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The text; empty for a kind printed without a heading unless it has `heading:`.
    pub text: &'static str,
    /// The level, 1-6.
    pub level: u8,
}

impl Heading {
    /// The text without the 【】 around it: `生产稳定性事件`.
    pub fn bare(&self) -> &'static str {
        self.text.trim_start_matches('【').trim_end_matches('】')
    }
}

/// The built-in languages whose templates read their headings from the table.
pub const LANGS: [&str; 2] = ["zh", "en"];

pub(super) const fn h(text: &'static str, level: u8) -> Heading {
    Heading { text, level }
}

/// No heading unless the section gives one.
pub(super) const NONE: Heading = h("", 2);

/// Headings read as key work: what was done (本周进展, Accomplishments, Status update, 本周总结).
pub(super) const KEY_WORK: &[&str] = &[
    "本周重点工作",
    "本周工作",
    "本周进展",
    "本周完成",
    "工作进展",
    "项目进展",
    "highlights",
    "亮点",
    "本期亮点",
    "what we did this week",
    "this week",
    "done this week",
    "accomplishments",
    "done",
    "completed",
    "已完成",
    "merged",
    "已合并",
    "progress",
    "shipped",
    "what we did",
    "各组进展",
    "各项目进展",
    "本期进展",
    "近期进展",
    "最新进展",
    "working group sync",
    "team updates",
    "project updates",
    "status update",
    "状态更新",
    "本周总结",
    "本周工作总结",
    "工作总结",
    "本月工作",
    "本月进展",
    "accomplished",
    "what i did",
    "what i did this week",
];

/// Headings read as next week: plans (下周计划, Plan, Next steps, TODO).
pub(super) const NEXT_WEEK: &[&str] = &[
    "下周计划",
    "下周工作",
    "下周安排",
    "下次会议安排",
    "后续计划",
    "todo",
    "plans for next week",
    "what we are planning for next week",
    "next week",
    "next steps",
    "upcoming",
    "plan",
    "plans",
    "planned",
    "next",
    "what's next",
    "计划",
    "下一步",
    "下一步计划",
    "下周目标",
    "下月计划",
    "下阶段计划",
];

/// Headings read as other matters: announcements and notes (公告, Announcement, Notes, 备注).
pub(super) const OTHER: &[&str] = &[
    "其它",
    "announcements",
    "announcement",
    "公告",
    "通知",
    "notes",
    "备注",
    "其他事项",
    "misc",
];

/// Headings read as a meeting's agenda: topics, minutes, decisions and action items (议程,
/// 会议纪要, 决议, 待办事项, Topics, Decisions, Action items, Action points).
pub(super) const AGENDA: &[&str] = &[
    "议程",
    "议题",
    "会议分享与讨论",
    "分享与讨论",
    "会议纪要",
    "会议内容",
    "决议",
    "会议决议",
    "待办事项",
    "topics",
    "discussion",
    "discussion topics",
    "decisions",
    "action items",
    "meeting notes",
    "action item",
    "action points",
    "actions",
    "待办",
    "行动项",
    "纪要",
    "会议记录",
    "meeting minutes",
    "minutes",
];

/// Agenda words that name a meeting's part only in a meeting's report: elsewhere `Discussion`
/// heads links to the forum threads about a newsletter, `Topics` a blog's subjects, `Actions`
/// CI runs, `Decisions` a design's choices, `待办` a person's to-do list. Import reads them as
/// an agenda only when the report is a meeting's (`import::meeting`).
pub(super) const MEETING_ONLY: &[&str] = &[
    "discussion",
    "discussion topics",
    "topics",
    "分享与讨论",
    "decisions",
    "actions",
    "待办",
    "待办事项",
];

/// Whether a heading (without 【】, its number and a closing colon) is one of the agenda words
/// that name an agenda only in a meeting's report ([`MEETING_ONLY`]).
pub fn meeting_only(bare: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| MEETING_ONLY.iter().map(|n| comparable(n)).collect());
    words.contains(&comparable(bare))
}

/// The defaults a template of one language reads: `headings` and `levels` by kind key.
#[derive(Clone, Copy, Debug)]
pub struct Defaults;

/// The kinds' headings (or levels) in one language, as a mapping by kind key.
struct ByKey<F>(&'static str, F);

impl<T: Serialize, F: Fn(Heading) -> T> Serialize for ByKey<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(ROWS.len()))?;
        for row in &ROWS {
            map.serialize_entry(row.key, &(self.1)(row.kind.heading(self.0)))?;
        }
        map.end()
    }
}

/// One language's defaults.
struct Lang(&'static str);

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("headings", &ByKey(self.0, |h: Heading| h.text))?;
        map.serialize_entry("levels", &ByKey(self.0, |h: Heading| h.level))?;
        let labels: std::collections::BTreeMap<&str, &str> = crate::week::PARTS
            .into_iter()
            .zip(crate::week::labels(self.0))
            .collect();
        map.serialize_entry("people", &labels)?;
        map.end()
    }
}

impl Serialize for Defaults {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(LANGS.len()))?;
        for lang in LANGS {
            map.serialize_entry(lang, &Lang(lang))?;
        }
        map.end()
    }
}

/// The kind a heading (without 【】, its number and a closing colon) names: the kinds table's
/// default headings in both languages and the other names it lists, compared as [`comparable`].
pub fn named(bare: &str) -> Option<super::Kind> {
    vocabulary().get(&comparable(bare)).copied()
}

/// The kind a heading of two or more names of the vocabulary joined by `/` or `、` (or one
/// name with its translation in brackets: `议程(Agenda)`) names when they all name the same one
/// (`Completed/Merged`, `已完成、已合并`); none when they differ, when
/// one names none (`Closed/Merged`: a closed ticket may not have landed), or when one names an
/// agenda only in a meeting's report.
pub fn named_joined(bare: &str) -> Option<super::Kind> {
    let parts: Vec<&str> = match translated(bare) {
        Some((name, other)) => vec![name, other],
        None => bare.split(['/', '、', '／']).map(str::trim).collect(),
    };
    if parts.len() < 2 || parts.iter().any(|p| meeting_only(p)) {
        return None;
    }
    let mut kinds = parts.iter().map(|p| named(p));
    let first = kinds.next()??;
    kinds.all(|k| k == Some(first)).then_some(first)
}

/// A heading written in two languages, the second in brackets at its end (`议题(Agenda)`,
/// `风险（Risks）`): the two names.
fn translated(bare: &str) -> Option<(&str, &str)> {
    let inner = bare.strip_suffix([')', '）'])?;
    let (name, other) = inner.rsplit_once(['(', '（'])?;
    Some((name.trim(), other.trim()))
}

/// Every name of the kinds table, compared as [`comparable`], with the kind it names: built
/// once (comparing each name afresh for every heading was a quarter of an import's work). A
/// name two rows list names the first row's kind, as the table is read in order.
fn vocabulary() -> &'static HashMap<String, super::Kind> {
    static VOCABULARY: OnceLock<HashMap<String, super::Kind>> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut names = HashMap::new();
        for row in &ROWS {
            let all = [row.zh.bare(), row.en.bare()]
                .into_iter()
                .chain(row.names.iter().copied());
            for name in all.map(comparable).filter(|n| !n.is_empty()) {
                names.entry(name).or_insert(row.kind);
            }
        }
        names
    })
}

/// A heading as the vocabulary compares it: lower case, without emoji (`🚀`, `✅`) or emoji
/// shortcodes (`:loudspeaker:`, also a last `:muscle` whose closing colon was trimmed), spaces
/// collapsed.
pub fn comparable(heading: &str) -> String {
    let words: Vec<&str> = heading
        .split_whitespace()
        .filter(|w| !is_shortcode(w))
        .collect();
    let text: String = words.join(" ").chars().filter(|&c| !is_emoji(c)).collect();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `:loudspeaker:` or `:muscle` (a heading's closing colon trimmed off).
fn is_shortcode(word: &str) -> bool {
    let Some(inner) = word.strip_prefix(':') else {
        return false;
    };
    let inner = inner.strip_suffix(':').unwrap_or(inner);
    !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_+-".contains(c))
}

/// Pictographs, dingbats and the joiners and selectors that build emoji sequences.
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF // pictographs, emoticons, transport, flags, supplemental symbols
        | 0x2600..=0x27BF // miscellaneous symbols and dingbats (☀, ✅, ❌)
        | 0x2300..=0x23FF // technical (⏳, ⌛)
        | 0x2B00..=0x2BFF // arrows and stars (⭐)
        | 0xFE00..=0xFE0F // variation selectors
        | 0x200D          // zero-width joiner
        | 0x20E3          // keycap
        | 0xE0020..=0xE007F // tags
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::Kind;

    #[test]
    fn emoji_and_shortcodes_are_ignored() {
        assert_eq!(comparable("Announcement :loudspeaker:"), "announcement");
        assert_eq!(comparable("Action Points :muscle"), "action points");
        assert_eq!(comparable("🚀 Status  Update ✅"), "status update");
        assert_eq!(comparable("🗓️ 计划"), "计划");
        assert_eq!(comparable("Search: next steps"), "search: next steps");
        assert_eq!(named("Notes :book"), Some(Kind::Other));
        assert_eq!(named("📌 本周总结"), Some(Kind::KeyWork));
        assert_eq!(named("Plan"), Some(Kind::NextWeek));
        assert_eq!(named("行动项"), Some(Kind::Agenda));
        assert_eq!(named("近期进展"), Some(Kind::KeyWork));
        assert_eq!(named("最新进展"), Some(Kind::KeyWork));
        assert_eq!(named("🚀"), None);
        assert_eq!(named("Merged"), Some(Kind::KeyWork));
    }

    #[test]
    fn names_joined_of_one_kind_name_it() {
        assert_eq!(named_joined("Completed/Merged"), Some(Kind::KeyWork));
        assert_eq!(named_joined("议程(Agenda)"), Some(Kind::Agenda));
        assert_eq!(named_joined("风险（Risks）"), Some(Kind::Risks));
        assert_eq!(named_joined("Closed (Not Merged)"), None);
        assert_eq!(named_joined("会议纪要(Minute of Meeting)"), None);
        assert_eq!(named_joined("已完成、已合并"), Some(Kind::KeyWork));
        assert_eq!(named_joined("Risks / Blockers"), Some(Kind::Risks));
        assert_eq!(named_joined("Closed/Merged"), None, "closed names no kind");
        assert_eq!(named_joined("Done/Next"), None, "two kinds");
        assert_eq!(named_joined("Topics/Decisions"), None, "a meeting's words");
        assert_eq!(named_joined("Merged"), None, "one name is not joined");
    }

    #[test]
    fn meeting_only_words_are_agenda_words() {
        for word in MEETING_ONLY {
            assert_eq!(named(word), Some(Kind::Agenda), "{word}");
            assert!(meeting_only(word), "{word}");
        }
        assert!(meeting_only("💬 Discussion"));
        for specific in [
            "agenda",
            "议程",
            "会议纪要",
            "action items",
            "minutes",
            "决议",
        ] {
            assert_eq!(named(specific), Some(Kind::Agenda), "{specific}");
            assert!(!meeting_only(specific), "{specific}");
        }
    }
}
