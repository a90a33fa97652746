//! What an incident says about itself, in Chinese or English: whether it affected the business
//! (and when it says it did not) and its severity level (P0-P4, S1-S4, SEV1-4, A-D级).
//!
//! Given fields (`impact:`, `level:`) win over the text. Where the text does not say, the answer
//! is "unknown": the reader never guesses an impact or a level.

use crate::week::Incident;

/// What an incident states about its effect on the business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impact {
    /// It says it had none (`impact: 无`, `未对业务产生影响`, `No business impact`).
    None,
    /// It says what it affected (`impact: 支付失败`, `导致商户无法查询`, `customers affected`).
    Some,
    /// It says neither.
    Unknown,
}

impl Incident {
    /// The effect on the business this incident states, from `impact:` or else its text.
    pub fn impact(&self) -> Impact {
        match self.impact.as_deref().map(str::trim) {
            Some("") | None => impact_in_text(&self.text),
            Some(given) if says_none(given) => Impact::None,
            Some(_) => Impact::Some,
        }
    }

    /// The severity level, upper-cased without `级`: from `level:`, or else read from the text.
    pub fn severity(&self) -> Option<String> {
        if let Some(level) = &self.level {
            let l = level.trim().trim_end_matches('级').trim().to_uppercase();
            return (!l.is_empty()).then_some(l);
        }
        level_in_text(&self.text)
    }
}

/// A given `impact:` value that means "none".
fn says_none(given: &str) -> bool {
    const NONE: [&str; 14] = [
        "无",
        "没有",
        "无影响",
        "none",
        "no",
        "nil",
        "-",
        "n/a",
        "na",
        "no impact",
        "nothing",
        "0",
        "未影响业务",
        "对业务无影响",
    ];
    let t = given.trim_end_matches(['.', '。']).to_lowercase();
    NONE.contains(&t.as_str()) || clause_denies_impact(&t)
}

/// The impact the text states: a clause denying one wins, then a clause stating one.
fn impact_in_text(text: &str) -> Impact {
    let lower = text.to_lowercase();
    let clauses: Vec<&str> = lower
        .split(['。', '；', ';', '!', '！', '\n', '(', ')', '（', '）'])
        .flat_map(split_sentences)
        .collect();
    if clauses.iter().any(|c| clause_denies_impact(c)) {
        Impact::None
    } else if clauses.iter().any(|c| clause_states_impact(c)) {
        Impact::Some
    } else {
        Impact::Unknown
    }
}

/// Splits English sentences at `. ` (a full stop followed by a space), keeping `99.9%` whole.
fn split_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(". ").map(|s| s.trim_end_matches('.'))
}

/// Words that state an effect, each in Chinese and English.
const EFFECT_ZH: [&str; 9] = [
    "影响",
    "导致",
    "造成",
    "失败",
    "不可用",
    "无法",
    "中断",
    "受损",
    "客诉",
];
const EFFECT_EN: [&str; 16] = [
    "impact",
    "affected",
    "affecting",
    "affects",
    "unavailable",
    "outage",
    "down for",
    "failed for",
    "failing for",
    "errors for",
    "degraded",
    "could not",
    "couldn't",
    "unable to",
    "lost",
    "complaints",
];

/// A clause that says something was affected (and does not deny it).
fn clause_states_impact(clause: &str) -> bool {
    EFFECT_ZH.iter().any(|w| clause.contains(w)) || EFFECT_EN.iter().any(|w| has_word(clause, w))
}

/// A clause that says there was no effect: `未对业务产生影响`, `对业务无影响`, `影响：无`,
/// `no business impact`, `did not affect customers`, `without impact`, `zero impact`.
fn clause_denies_impact(clause: &str) -> bool {
    denies_zh(clause) || denies_en(clause)
}

fn denies_zh(clause: &str) -> bool {
    clause.match_indices("影响").any(|(at, _)| {
        let before: String = clause[..at].chars().rev().take(8).collect();
        let after = clause[at + "影响".len()..].trim_start_matches([':', '：', ' ']);
        before.contains(['无', '未', '没', '不']) || after.starts_with(['无', '0'])
    })
}

fn denies_en(clause: &str) -> bool {
    const NEGATIONS: [&str; 9] = [
        "no ", "not ", "n't ", "without ", "zero ", "never ", "none ", "nothing ", "nobody ",
    ];
    const OBJECTS: [&str; 6] = [
        "impact", "affect", "user", "customer", "business", "downtime",
    ];
    NEGATIONS.iter().any(|neg| {
        clause.match_indices(neg).any(|(at, _)| {
            let attached = neg.starts_with('n') && neg.contains('\'');
            if !attached && clause[..at].ends_with(|c: char| c.is_ascii_alphabetic()) {
                return false;
            }
            let after = &clause[at + neg.len()..];
            let window: String = after
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            OBJECTS.iter().any(|o| window.contains(o))
        })
    })
}

/// `word` in `text` at word boundaries (ASCII letters on neither side).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphabetic())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// A level written in the text: `CD级`, `P2`, `SEV-1`, `Sev 2`, `severity 3`, `S1 incident`.
fn level_in_text(text: &str) -> Option<String> {
    level_before_ji(text)
        .map(str::to_uppercase)
        .or_else(|| tokens(text).find_map(|(i, t)| level_token(text, i, t)))
}

/// The ASCII letters and digits right before the first `级` that has some: `CD` in `CD级事故`.
pub fn level_before_ji(text: &str) -> Option<&str> {
    text.match_indices('级').find_map(|(at, _)| {
        let head = &text[..at];
        let len = head
            .chars()
            .rev()
            .take_while(char::is_ascii_alphanumeric)
            .count();
        (len > 0).then(|| &head[at - len..])
    })
}

/// The ASCII alphanumeric runs of `text` (with `-` inside, for `SEV-1`), with byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_ascii_alphanumeric() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches('-')));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// A token that is a level: `P0`-`P4` alone; `SEV1`-`SEV4`, `SEV-1`, `Sev 2`, `severity 2`;
/// `S1`-`S4` only beside a word that says severity (`S3` is also a storage service).
fn level_token(text: &str, at: usize, token: &str) -> Option<String> {
    let upper = token.to_ascii_uppercase();
    let digit = |s: &str, max: u8| {
        (s.len() == 1 && s.as_bytes()[0].is_ascii_digit() && s.as_bytes()[0] - b'0' <= max)
            .then(|| s.to_string())
    };
    if let Some(n) = upper.strip_prefix('P').and_then(|d| digit(d, 4)) {
        return Some(format!("P{n}"));
    }
    if let Some(rest) = upper.strip_prefix("SEV") {
        let rest = rest.trim_start_matches('-');
        if let Some(n) = digit(rest, 4) {
            return Some(format!("SEV{n}"));
        }
        if rest.is_empty() || upper == "SEVERITY" {
            return next_digit(text, at + token.len()).map(|n| format!("SEV{n}"));
        }
    }
    if let Some(n) = upper.strip_prefix('S').and_then(|d| digit(d, 4))
        && beside_severity_word(text, at, token.len())
    {
        return Some(format!("S{n}"));
    }
    None
}

/// The single digit 0-4 that follows `at` after spaces or a colon: `Sev 2`, `severity: 3`.
fn next_digit(text: &str, at: usize) -> Option<char> {
    let rest = text[at..].trim_start_matches([' ', ':', '：', '-']);
    let mut chars = rest.chars();
    let d = chars.next().filter(|c| ('0'..='4').contains(c))?;
    (!chars.next().is_some_and(|c| c.is_ascii_alphanumeric())).then_some(d)
}

/// A word meaning severity or incident within a few words of the token.
fn beside_severity_word(text: &str, at: usize, len: usize) -> bool {
    const WORDS: [&str; 7] = [
        "incident", "severity", "level", "outage", "事故", "故障", "事件",
    ];
    let mut lo = at.saturating_sub(16);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + len + 16).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let near = text[lo..hi].to_lowercase();
    WORDS.iter().any(|w| near.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Impact, Option<String>) {
        let i = Incident {
            text: text.into(),
            ..Incident::default()
        };
        (i.impact(), i.severity())
    }

    /// Sentences as people write them: what the reader must take from each.
    const TABLE: &[(&str, Impact, Option<&str>)] = &[
        // Chinese
        (
            "监控发现GC耗时较长，导致偶发出现分账调用商户中心出现超时，影响1个跑批，未对业务产生影响",
            Impact::None,
            None,
        ),
        (
            "数据库主从切换，导致服务异常触发告警，对业务无影响。",
            Impact::None,
            None,
        ),
        ("导致商户无法查询数据", Impact::Some, None),
        ("发生一起CD级事故，支付失败率上升", Impact::Some, Some("CD")),
        ("系统升级后异常", Impact::Unknown, None),
        ("P1故障：收银台不可用15分钟", Impact::Some, Some("P1")),
        ("影响：无", Impact::None, None),
        ("造成约200笔订单延迟入账，A级事故", Impact::Some, Some("A")),
        ("缓存集群抖动，业务无感知，没有影响", Impact::None, None),
        (
            "网关超时导致部分用户下单失败，定级P2",
            Impact::Some,
            Some("P2"),
        ),
        ("S2事故：对账文件延迟生成", Impact::Unknown, Some("S2")),
        ("短信通道中断30分钟，客诉12起", Impact::Some, None),
        ("磁盘告警，及时扩容，不影响业务", Impact::None, None),
        ("B级故障，风控服务不可用", Impact::Some, Some("B")),
        ("凌晨发布回滚，未造成影响", Impact::None, None),
        // English
        ("Kafka lag. No business impact.", Impact::None, None),
        (
            "customers affected for 10 min, P2",
            Impact::Some,
            Some("P2"),
        ),
        (
            "Airflow scheduler restarted; no customer impact",
            Impact::None,
            None,
        ),
        (
            "SEV-1: checkout API unavailable for 25 minutes",
            Impact::Some,
            Some("SEV1"),
        ),
        (
            "Sev 2 outage of the ingestion pipeline, dashboards stale for 3 hours",
            Impact::Some,
            Some("SEV2"),
        ),
        (
            "Severity 3: nightly job failed for 2 runs, retried manually",
            Impact::Some,
            Some("SEV3"),
        ),
        (
            "S3 bucket permissions changed by mistake",
            Impact::Unknown,
            None,
        ),
        (
            "S1 incident: payments degraded in EU region",
            Impact::Some,
            Some("S1"),
        ),
        (
            "Disk filled up on broker-3; did not affect users",
            Impact::None,
            None,
        ),
        ("Spark job OOM, rerun succeeded", Impact::Unknown, None),
        (
            "P0 - login failed for all users for 12 minutes",
            Impact::Some,
            Some("P0"),
        ),
        (
            "Certificate expired on the staging host, without impact on production",
            Impact::None,
            None,
        ),
        (
            "Latency spike at 99.9% percentile; zero user impact",
            Impact::None,
            None,
        ),
        (
            "Warehouse loads delayed 2h, finance reports late (P3)",
            Impact::Unknown,
            Some("P3"),
        ),
        (
            "DNS misconfiguration made the API unable to resolve the auth service",
            Impact::Some,
            None,
        ),
        ("Upgraded MP3 encoder on P2P nodes", Impact::Unknown, None),
        (
            "P99 latency regression, impact on search users",
            Impact::Some,
            None,
        ),
    ];

    #[test]
    fn reads_impact_and_level_in_both_languages() {
        let mut wrong = Vec::new();
        for (text, impact, level) in TABLE {
            let got = read(text);
            if got != (*impact, level.map(str::to_string)) {
                wrong.push(format!("{text}: got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let english = TABLE.iter().filter(|(t, ..)| t.is_ascii()).count();
        assert!(TABLE.len() >= 30 && english * 2 >= TABLE.len());
    }

    #[test]
    fn given_fields_win_over_the_text() {
        let i = Incident {
            text: "customers affected".into(),
            impact: Some("无".into()),
            level: Some("cd级".into()),
            ..Incident::default()
        };
        assert_eq!(
            (i.impact(), i.severity()),
            (Impact::None, Some("CD".into()))
        );
        let j = Incident {
            text: "no impact".into(),
            impact: Some("orders delayed".into()),
            ..Incident::default()
        };
        assert_eq!(j.impact(), Impact::Some);
    }
}
