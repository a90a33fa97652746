//! Metric lines as people write them: `名称：99.997%`, `Spend: $48,200`, `成功率C=99.9%`,
//! `p95 latency 42 min`, counts by level (`事故数AB级0次，CD级1次`), a target or last week's value
//! in parentheses (`（目标99.95%）`, `(target 99.95%)`, `（上周0.6%）`) and a stated change
//! (`环比下降0.1%`, `down 0.1pp`), which belongs to the metric before it.

use crate::quantity::Quantity;

/// One metric recognised in a line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundMetric {
    /// The name, such as `入金有效成功率` or `事故数CD级`.
    pub name: String,
    /// The value with its unit (possibly empty).
    pub value: Quantity,
    /// A target in parentheses: `（目标99.95%）`.
    pub target: Option<Quantity>,
    /// Last week's value in parentheses: `（上周0.6%）`, `(last week 0.6%)`.
    pub previous: Option<Quantity>,
    /// The change the line states, signed: `环比下降0.1%` is `-0.1%`.
    pub change: Option<Quantity>,
}

/// What separates a name from its value.
const SEPARATORS: [char; 4] = ['：', ':', '=', '＝'];

/// Words that open a note in parentheses, and what the note gives.
const NOTES: &[(Note, &[&str])] = &[
    (
        Note::Target,
        &["目标值", "目标", "target", "Target", "goal", "Goal", "SLO"],
    ),
    (
        Note::Previous,
        &[
            "上周",
            "上期",
            "last week",
            "Last week",
            "previous",
            "prev",
            "was",
        ],
    ),
];

/// What a note in parentheses gives.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Note {
    Target,
    Previous,
}

/// Words before a stated change: the comparison, then the direction (sign).
const COMPARED: &[&str] = &[
    "环比",
    "较上周",
    "WoW",
    "wow",
    "vs last week",
    "week over week",
];
const UP: &[&str] = &["上升", "增加", "提升", "上涨", "增长", "升高", "up ", "Up "];
const DOWN: &[&str] = &["下降", "减少", "降低", "下跌", "回落", "down ", "Down "];
const FLAT: &[&str] = &["持平", "flat", "unchanged"];

/// The metrics of a line such as `出金有效成功率：99.961% ，一次支付成功率：99.110%` or a count by
/// level such as `事故数AB级0次，CD级1次`. Empty when any part of the line is not a metric (or
/// a stated change following one).
pub fn metric_line(line: &str) -> Vec<FoundMetric> {
    let mut found: Vec<FoundMetric> = Vec::new();
    for part in parts(line) {
        if let Some(change) = stated_change(part) {
            match found.last_mut() {
                Some(last) if last.change.is_none() => last.change = Some(change),
                _ => return Vec::new(),
            }
            continue;
        }
        let Some(mut metric) = metric_part(part) else {
            return Vec::new();
        };
        if !part.contains(SEPARATORS)
            && let Some(first) = found.first()
            && let Some(base) = level_base(&first.name)
            && level_base(&metric.name) == Some("")
        {
            metric.name = format!("{base}{}", metric.name);
        }
        found.push(metric);
    }
    found
}

/// The parts of a line between `，`, `,`, `；` and `;`, except a comma between digits that
/// groups thousands (`48,200`) and anything in parentheses; trimmed.
fn parts(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '，' | '；' | ';' if depth == 0 => {
                out.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            ',' if depth == 0 && !groups_thousands(bytes, i) => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out.into_iter().map(str::trim).collect()
}

/// Whether the comma at byte `i` stands between a digit and exactly three digits.
fn groups_thousands(bytes: &[u8], i: usize) -> bool {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

/// `名称：99.997%`, `名称=99%`, `名称99%`, `AB级0次`, `latency 42 min`, each optionally followed
/// by notes in parentheses.
fn metric_part(part: &str) -> Option<FoundMetric> {
    let (head, notes) = split_notes(part)?;
    let (name, value) = match head.split_once(SEPARATORS) {
        Some((name, value)) => (name.trim(), Quantity::parse(value)?),
        None => {
            let start = number_start(head)?;
            (head[..start].trim(), Quantity::parse(&head[start..])?)
        }
    };
    if name.is_empty() {
        return None;
    }
    let mut found = FoundMetric {
        name: name.to_string(),
        value,
        target: None,
        previous: None,
        change: None,
    };
    for note in notes {
        read_note(note, &mut found)?;
    }
    Some(found)
}

/// The text before the first parenthesis, and the text inside each parenthesis after it;
/// `None` when anything but parentheses follows them.
fn split_notes(part: &str) -> Option<(&str, Vec<&str>)> {
    let Some(open) = part.find(['(', '（']) else {
        return Some((part, Vec::new()));
    };
    let (head, mut rest) = part.split_at(open);
    let mut notes = Vec::new();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
        let close = inner.find([')', '）'])?;
        notes.push(inner[..close].trim());
        let after = &inner[close..];
        let width = after.chars().next().map_or(0, char::len_utf8);
        rest = after[width..].trim_start();
    }
    Some((head.trim_end(), notes))
}

/// A note in parentheses: a target, last week's value or a stated change.
fn read_note(note: &str, found: &mut FoundMetric) -> Option<()> {
    if let Some(change) = stated_change(note) {
        found.change.is_none().then_some(())?;
        found.change = Some(change);
        return Some(());
    }
    let (kind, rest) = NOTES.iter().find_map(|(kind, words)| {
        words
            .iter()
            .find_map(|w| note.strip_prefix(w))
            .map(|rest| (*kind, rest))
    })?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || SEPARATORS.contains(&c) || "≥≤>=<".contains(c)
    });
    let q = Quantity::parse(rest)?;
    let slot = match kind {
        Note::Target => &mut found.target,
        Note::Previous => &mut found.previous,
    };
    slot.is_none().then_some(())?;
    *slot = Some(q);
    Some(())
}

/// A change the text states: `环比下降0.1%`, `环比+0.1pp`, `down 0.1pp`, `WoW -20ms`, `持平`
/// (zero is not read: it has no unit). Signed: a fall is negative.
pub fn stated_change(text: &str) -> Option<Quantity> {
    let mut rest = text.trim();
    let mut keyed = false;
    if let Some(r) = strip_any(rest, COMPARED) {
        rest = r.trim_start_matches([' ', ':', '：']);
        keyed = true;
    }
    if let Some(r) = strip_any(rest, DOWN) {
        return Some(Quantity::parse(r)?.negated());
    }
    if let Some(r) = strip_any(rest, UP) {
        let mut q = Quantity::parse(r)?;
        if !q.text.starts_with(['+', '-']) {
            q.text.insert(0, '+');
        }
        return Some(q);
    }
    if FLAT.contains(&rest) {
        return None;
    }
    // `WoW -0.1pp`, or `-0.1pp WoW`
    if keyed {
        return Quantity::parse(rest).filter(|q| q.text.starts_with(['+', '-']));
    }
    let head = COMPARED
        .iter()
        .find_map(|w| rest.strip_suffix(w))?
        .trim_end();
    Quantity::parse(head).filter(|q| q.text.starts_with(['+', '-']))
}

fn strip_any<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| text.strip_prefix(w))
}

/// Where the value starts in a part written without a separator: the first number that
/// does not continue a word (`p95` does not start one), or a currency sign before it.
fn number_start(head: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut chars = head.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let starts = c.is_ascii_digit() || ("$¥￥€£+-".contains(c) && next_digit);
        let boundary =
            !prev.is_some_and(|p| p.is_ascii_alphanumeric() || ".,_$¥￥€£+-".contains(p));
        if starts && boundary {
            return Some(i);
        }
        prev = Some(c);
    }
    None
}

/// For a name ending in a level such as `AB级`, the part before the level.
fn level_base(name: &str) -> Option<&str> {
    let stem = name.strip_suffix('级')?;
    let letters = stem
        .chars()
        .rev()
        .take_while(char::is_ascii_uppercase)
        .count();
    (letters > 0).then(|| &stem[..stem.len() - letters])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, value, target, previous, change) as shown.
    fn read(line: &str) -> Vec<[String; 5]> {
        let shown = |q: &Option<Quantity>| q.as_ref().map_or(String::new(), Quantity::shown);
        metric_line(line)
            .into_iter()
            .map(|m| {
                [
                    m.name,
                    m.value.shown(),
                    shown(&m.target),
                    shown(&m.previous),
                    shown(&m.change),
                ]
            })
            .collect()
    }

    fn one(line: &str) -> [String; 5] {
        let mut all = read(line);
        assert_eq!(all.len(), 1, "{line}: {all:?}");
        all.remove(0)
    }

    fn row(name: &str, value: &str, target: &str, previous: &str, change: &str) -> [String; 5] {
        [name, value, target, previous, change].map(String::from)
    }

    #[test]
    fn reads_the_seed_metric_lines() {
        assert_eq!(
            one("入金有效成功率：99.997%"),
            row("入金有效成功率", "99.997%", "", "", "")
        );
        let two = read("出金有效成功率：99.961% ，一次支付成功率：99.110%");
        assert_eq!(two[1], row("一次支付成功率", "99.110%", "", "", ""));
        let counts = read("事故数AB级0次，CD级1次");
        assert_eq!(counts[0], row("事故数AB级", "0次", "", "", ""));
        assert_eq!(counts[1], row("事故数CD级", "1次", "", "", ""));
    }

    #[test]
    fn reads_the_lines_of_issue_ten() {
        assert_eq!(
            one("p95 freshness latency 42 min"),
            row("p95 freshness latency", "42 min", "", "", "")
        );
        assert_eq!(
            one("Monthly compute spend: $48,200"),
            row("Monthly compute spend", "$48,200", "", "", "")
        );
        assert_eq!(one("金额：1,234万"), row("金额", "1,234万", "", "", ""));
        assert_eq!(
            one("可用性：99.99%（目标99.95%）"),
            row("可用性", "99.99%", "99.95%", "", "")
        );
        assert_eq!(
            one("Availability: 99.99% (target 99.95%)"),
            row("Availability", "99.99%", "99.95%", "", "")
        );
        assert_eq!(
            one("失败率：0.5%，环比下降0.1%"),
            row("失败率", "0.5%", "", "", "-0.1%")
        );
        assert_eq!(one("成功率C=99.9%"), row("成功率C", "99.9%", "", "", ""));
        assert_eq!(
            one("失败率：0.5%（上周0.6%），环比下降0.1%"),
            row("失败率", "0.5%", "", "0.6%", "-0.1%")
        );
    }

    #[test]
    fn reads_stated_changes_in_both_languages() {
        let shown = |t: &str| stated_change(t).map(|q| q.shown());
        assert_eq!(shown("环比上升0.2%"), Some("+0.2%".into()));
        assert_eq!(shown("环比-0.2pp"), Some("-0.2pp".into()));
        assert_eq!(shown("down 0.1pp"), Some("-0.1pp".into()));
        assert_eq!(shown("+20ms WoW"), Some("+20ms".into()));
        assert_eq!(shown("downtime 5 min"), None);
        assert_eq!(shown("增加用户数：5个"), None);
        assert_eq!(
            one("Error rate: 0.4% (down 0.1pp)"),
            row("Error rate", "0.4%", "", "", "-0.1pp")
        );
    }

    #[test]
    fn prose_is_not_a_metric() {
        assert!(metric_line("本周无异常，一切正常").is_empty());
        assert!(metric_line("健康分整体656分，中心排名第5。").is_empty());
        assert!(metric_line("Pages down from 23 to 9").is_empty());
        assert!(metric_line("环比下降0.1%").is_empty());
        assert!(metric_line("可用性：99.99%（含计划内维护）").is_empty());
    }
}
