//! Where an item stands and who owns it, as people write it: checkboxes (`[x]`), badges and
//! emphasis (`**Done**`, `_In progress_`, `[Blocked]`, `<span>Done</span>`), a leading
//! `Done:`, a status emoji at the start or end (`✅ shipped`, `1.4 🚧 migrating`);
//! progress as `=> 78%`, `… - 50%` or `(112/187)`; an owner as a leading `@alice`,
//! `Owner: Bob`, `负责人：张三` or a trailing `(@alice)`.

use crate::week::Status;

/// Words that say where work stands, lower case.
const WORDS: &[(Status, &[&str])] = &[
    (
        Status::Done,
        &[
            "done",
            "completed",
            "complete",
            "finished",
            "shipped",
            "merged",
            "released",
            "已完成",
            "完成",
            "已上线",
        ],
    ),
    (
        Status::Doing,
        &[
            "in progress",
            "in-progress",
            "wip",
            "ongoing",
            "doing",
            "进行中",
        ],
    ),
    (Status::Blocked, &["blocked", "阻塞", "受阻"]),
    (
        Status::Todo,
        &["todo", "to do", "not started", "未开始", "待开始"],
    ),
    (
        Status::Dropped,
        &["dropped", "cancelled", "canceled", "取消", "已取消", "放弃"],
    ),
];

/// Emoji people put before or after an item to say where it stands.
const MARKERS: &[(Status, &[char])] = &[
    (Status::Done, &['✅', '✔', '☑', '🆗']),
    (Status::Doing, &['🚧', '⏳', '⌛', '🔄', '🏗']),
    (Status::Blocked, &['⛔', '🛑', '🚫', '⏸']),
    (Status::Todo, &['⬜', '🔲', '🔜']),
    // ❌ ✖ ❎ say nothing: failed, not done, cancelled or "no" read the same, and a wrong
    // `dropped` would close an item that is still open
];

/// Pairs that mark a word out as a badge.
const MARKS: &[(&str, &str)] = &[
    ("**", "**"),
    ("__", "__"),
    ("*", "*"),
    ("_", "_"),
    ("`", "`"),
    ("[", "]"),
    ("【", "】"),
    ("(", ")"),
    ("（", "）"),
];

/// The status a text states: a checkbox, a marked-out status word, or a leading `Done:`.
pub fn status(text: &str) -> Option<Status> {
    let t = text.trim_start();
    if t.starts_with("[x]") || t.starts_with("[X]") {
        return Some(Status::Done);
    }
    if t.starts_with("[ ]") {
        return Some(Status::Todo);
    }
    if let Some(s) = marker(t) {
        return Some(s);
    }
    if let Some((head, rest)) = t.split_once([':', '：'])
        && let Some(s) = word(head)
    {
        // `Blocked: none` says nothing is blocked, not that this item is.
        let none = !rest.trim().is_empty() && nothing(rest);
        return (!none).then_some(s);
    }
    badge(text)
}

/// A status emoji opening the text (after an outline number such as `1.4` or `2)`) or closing
/// it: `✅ papaya 完成了…`, `1.4 🚧 正在筹备…`, `Rotate the keys ⏳`.
fn marker(text: &str) -> Option<Status> {
    let numbered = text.trim_start_matches(|c: char| c.is_ascii_digit() || ".)、".contains(c));
    let first = if numbered.len() < text.len() && numbered.starts_with(' ') {
        numbered.trim_start().chars().next()
    } else {
        text.chars().next()
    };
    let last = text
        .trim_end()
        .trim_end_matches('\u{fe0f}')
        .chars()
        .next_back();
    [first, last].into_iter().flatten().find_map(|c| {
        MARKERS
            .iter()
            .find(|(_, marks)| marks.contains(&c))
            .map(|(s, _)| *s)
    })
}

/// Words people write for "nothing": `none`, `` `null` ``, `Nope`, `N/A`, `无`, `没有`.
pub fn nothing(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '`' || c == '*' || c == '_' || c == '.' || c == '。')
        .to_lowercase();
    [
        "", "none", "null", "nope", "no", "n/a", "na", "nil", "nothing", "-", "无", "没有", "暂无",
    ]
    .contains(&t.as_str())
}

/// A status word marked out anywhere in `text`: `**Done**`, `[Blocked]`, `<span …>Done</span>`.
fn badge(text: &str) -> Option<Status> {
    for (open, close) in MARKS {
        // a one-character look first: most texts hold no mark, and a search for a string
        // costs far more to set up than one for a character
        if !open.chars().next().is_some_and(|c| text.contains(c)) {
            continue;
        }
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len()..];
            let Some(j) = after.find(close) else { break };
            if let Some(s) = word(&after[..j]) {
                return Some(s);
            }
            rest = after;
        }
    }
    if !text.contains('<') {
        return None;
    }
    let mut rest = text;
    while let Some(i) = rest.find("<span") {
        let after = &rest[i..];
        let inner = after.find('>').map(|g| &after[g + 1..])?;
        let end = inner.find("</span>")?;
        if let Some(s) = word(&inner[..end]) {
            return Some(s);
        }
        rest = &inner[end..];
    }
    None
}

/// The status a short text is, ignoring case, emoji and spaces around it.
fn word(s: &str) -> Option<Status> {
    let w = s
        .trim_matches(|c: char| c.is_whitespace() || !(c.is_alphanumeric() || c == '-' || c == ' '))
        .to_lowercase();
    if w.is_empty() || w.chars().count() > 12 {
        return None;
    }
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(s, _)| *s)
}

/// Progress written as `=> 78%`, `→ 78%`, a trailing ` - 50%` or a count `(112/187)`.
pub fn progress(text: &str) -> Option<u8> {
    arrow(text)
        .or_else(|| trailing(text))
        .or_else(|| count(text))
}

fn arrow(text: &str) -> Option<u8> {
    ["=>", "→"].iter().find_map(|arrow| {
        let i = text.find(arrow)?;
        percent_at(text[i + arrow.len()..].trim_start())
    })
}

fn trailing(text: &str) -> Option<u8> {
    let t = text.trim_end();
    let head = t.strip_suffix('%')?;
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = head[..head.len() - digits].trim_end();
    (digits > 0 && (before.ends_with(" -") || before.ends_with(" –") || before == "-"))
        .then(|| head[head.len() - digits..].parse().ok())
        .flatten()
        .filter(|p| *p <= 100)
}

/// `(112/187)`: done over total, when it cannot be a month/day.
fn count(text: &str) -> Option<u8> {
    let open = text.find('(')?;
    let inner = &text[open + 1..];
    let inner = &inner[..inner.find(')')?];
    let (a, b) = inner.split_once('/')?;
    let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    let date_like = (1..=12).contains(&a) && (1..=31).contains(&b);
    if b == 0 || a > b || date_like {
        return None;
    }
    u8::try_from((a * 100 + b / 2) / b).ok()
}

fn percent_at(s: &str) -> Option<u8> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0 && s[n..].starts_with('%'))
        .then(|| s[..n].parse().ok())
        .flatten()
        .filter(|p| *p <= 100)
}

/// Who owns the work: a leading `@alice`, `Owner: Bob`, `负责人：张三`, a trailing `(@alice)` or
/// `by @alice`.
pub fn owner(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('@') {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || "-_".contains(*c))
            .collect();
        let work = rest[name.len()..].trim_start_matches([':', '：', ' ', '-']);
        return (!name.is_empty() && !work.trim().is_empty()).then(|| format!("@{name}"));
    }
    for key in ["Owner:", "Owner：", "owner:", "负责人：", "负责人:"] {
        if let Some(i) = t.find(key) {
            let rest = t[i + key.len()..].trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| !",，;；)）\n".contains(*c))
                .collect();
            let name = name.trim();
            return (!name.is_empty() && name.chars().count() <= 30).then(|| name.to_string());
        }
    }
    if let Some(name) = by_handle(t) {
        return Some(name);
    }
    let inner = t.strip_suffix(')')?;
    let at = inner.rfind("(@")?;
    let name = &inner[at + 1..];
    (name.len() > 1 && !name.contains(char::is_whitespace)).then(|| name.to_string())
}

/// A trailing `by @alice` (a change list's `- Added a pwd command (#612) by @ch`).
fn by_handle(t: &str) -> Option<String> {
    let at = t.rfind(" by @")?;
    let name = t[at + 4..].trim_end_matches(['.', '。']);
    let handle = name[1..]
        .chars()
        .all(|c| c.is_alphanumeric() || "-_".contains(c));
    (name.len() > 1 && handle).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_word_followed_by_nothing_states_no_status() {
        for t in [
            "Blocked: none",
            "Blocked: Nope",
            "阻塞：无",
            "Blocked: `null`",
            "Done: -",
        ] {
            assert_eq!(status(t), None, "{t}");
        }
        assert_eq!(status("Blocked: waiting on legal"), Some(Status::Blocked));
        assert_eq!(status("阻塞：等待法务"), Some(Status::Blocked));
    }

    #[test]
    fn checkboxes_badges_and_leading_words() {
        assert_eq!(status("[x] Shipped the rate limiter"), Some(Status::Done));
        assert_eq!(status("[ ] Write the guide"), Some(Status::Todo));
        assert_eq!(
            status("Search rewrite **In progress**"),
            Some(Status::Doing)
        );
        assert_eq!(status("Billing _blocked_ on legal"), Some(Status::Blocked));
        assert_eq!(status("迁移 【已完成】"), Some(Status::Done));
        assert_eq!(status("Done: the cache"), Some(Status::Done));
        assert_eq!(
            status("API <span class=\"badge\">Done</span>"),
            Some(Status::Done)
        );
        assert_eq!(status("We finished the cache and started on search"), None);
        assert_eq!(status("see [the draft](x)"), None);
    }

    #[test]
    fn status_emoji_at_either_end() {
        assert_eq!(status("✅ papaya 完成了仓库管理页面；"), Some(Status::Done));
        assert_eq!(
            status("1.4 🚧 正在筹备下一步的管理工作"),
            Some(Status::Doing)
        );
        assert_eq!(status("2.10 ✅ 修复了状态更新"), Some(Status::Done));
        assert_eq!(status("⏳ Waiting for the review"), Some(Status::Doing));
        assert_eq!(status("Migrate the wiki ❌"), None);
        assert_eq!(status("✔️ Rotated the keys"), Some(Status::Done));
        assert_eq!(
            status("⛔ needs the vendor's answer"),
            Some(Status::Blocked)
        );
        assert_eq!(
            status("Ship 🚧 then test"),
            None,
            "a marker in the middle says nothing"
        );
        assert_eq!(status("🎉 released the selector"), None);
    }

    #[test]
    fn progress_as_arrows_dashes_and_counts() {
        assert_eq!(progress("Search indexing => 78%"), Some(78));
        assert_eq!(progress("Search indexing - 50%"), Some(50));
        assert_eq!(progress("Tests migrated (112/187)"), Some(60));
        assert_eq!(progress("Release (10/23)"), None);
        assert_eq!(progress("50% of the budget spent"), None);
    }

    #[test]
    fn owners_from_prefixes_and_labels() {
        assert_eq!(owner("@alice: ship the limiter"), Some("@alice".into()));
        assert_eq!(
            owner("Rate limiter, Owner: Bob Li, due Friday"),
            Some("Bob Li".into())
        );
        assert_eq!(owner("短信通道切换（负责人：张三）"), Some("张三".into()));
        assert_eq!(owner("Ship the limiter (@alice)"), Some("@alice".into()));
        assert_eq!(
            owner("Added a `pwd` command ([#612](https://x.org/pull/612)) by @ch"),
            Some("@ch".into())
        );
        assert_eq!(owner("Lots of bugfixes by est31 and @ann, thanks"), None);
        assert_eq!(owner("email me at a@b.c"), None);
        assert_eq!(
            owner("@lidel"),
            None,
            "a name alone is a person, not an owned item"
        );
    }
}
