//! Which way a metric is better: the metric's own `better:`, else the `[metrics]` table of
//! `weekly.toml` (names and globs), else words in its name (failed, 延迟, 成功率 ...). When none
//! applies the direction is unknown, and nothing is called better or worse.

use serde::{Deserialize, Serialize};

/// Which direction of change is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    /// More is better (success rates, availability).
    Higher,
    /// Less is better (incidents, latency).
    Lower,
}

/// The `[metrics]` tables of the config files: metric names or globs (`*延迟*`) and their
/// direction, the nearest file's first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directions {
    rules: Vec<(String, Better)>,
}

impl Directions {
    /// Adds a file's table after those of nearer files.
    pub fn extend(&mut self, rules: impl IntoIterator<Item = (String, Better)>) {
        self.rules.extend(rules);
    }

    /// The rules, nearest file first, in the order written.
    pub fn rules(&self) -> &[(String, Better)] {
        &self.rules
    }

    /// The direction configured for `name`: a rule naming it exactly, else the first glob
    /// matching it.
    pub fn configured(&self, name: &str) -> Option<Better> {
        let exact = self.rules.iter().find(|(p, _)| p == name);
        exact
            .or_else(|| self.rules.iter().find(|(p, _)| glob(p, name)))
            .map(|&(_, b)| b)
    }
}

/// `*` matches any run of characters, `?` one character; anything else itself.
pub fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        match p.get(i) {
            Some('*') => {
                star = Some((i, j));
                i += 1;
            }
            Some(&c) if c == '?' || c == n[j] => {
                i += 1;
                j += 1;
            }
            _ => match star {
                Some((si, sj)) => {
                    star = Some((si, sj + 1));
                    i = si + 1;
                    j = sj + 1;
                }
                None => return false,
            },
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// Words naming something of which less is better. English words match at the start of a word
/// of the name (`errors`, `Failed`), Chinese ones anywhere.
const LOWER: &[&str] = &[
    "fail",
    "error",
    "defect",
    "bug",
    "latency",
    "lag",
    "downtime",
    "incident",
    "outage",
    "cost",
    "spend",
    "churn",
    "complaint",
    "timeout",
    "失败",
    "错误",
    "缺陷",
    "故障",
    "事故",
    "延迟",
    "耗时",
    "超时",
    "成本",
    "投诉",
    "告警",
    "宕机",
    "流失",
    "报错",
    "异常",
];

/// Words naming something of which more is better.
const HIGHER: &[&str] = &[
    "success",
    "availability",
    "uptime",
    "coverage",
    "satisfaction",
    "throughput",
    "revenue",
    "成功率",
    "可用性",
    "可用率",
    "覆盖率",
    "满意度",
    "通过率",
    "命中率",
    "修复率",
    "解决率",
    "达标率",
    "恢复率",
    "拦截率",
    "准确率",
    "召回率",
    "及时率",
    "收入",
];

/// The direction the words of `name` imply; `None` when no word applies, or words of both
/// directions do (`缺陷修复率`).
pub fn from_words(name: &str) -> Option<Better> {
    let lower = mentions(name, LOWER);
    let higher = mentions(name, HIGHER);
    match (lower, higher) {
        (true, false) => Some(Better::Lower),
        (false, true) => Some(Better::Higher),
        _ => None,
    }
}

fn mentions(name: &str, words: &[&str]) -> bool {
    let lowered = name.to_lowercase();
    let english: Vec<&str> = lowered
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| {
        if w.is_ascii() {
            english.iter().any(|e| e.starts_with(w))
        } else {
            name.contains(w)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        for name in [
            "Failed jobs",
            "failure count",
            "API errors",
            "Open defects",
            "bugs",
            "P99 latency",
            "Kafka lag",
            "Downtime",
            "Incidents",
            "Cloud cost",
            "Monthly compute spend",
            "Churn",
            "线上缺陷数",
            "支付失败数",
            "错误率",
            "故障时长",
            "事故数",
            "P99延迟",
            "平均耗时",
            "超时次数",
            "成本",
            "客户投诉",
        ] {
            assert_eq!(from_words(name), Some(Better::Lower), "{name}");
        }
        for name in [
            "Pipeline success rate",
            "Availability",
            "入金有效成功率",
            "可用性",
        ] {
            assert_eq!(from_words(name), Some(Better::Higher), "{name}");
        }
        for name in [
            "吞吐",
            "Queue depth",
            "flagged",
            "debug builds",
            "缺陷修复率",
            "延迟达标率",
            "异常交易拦截率",
            "DAU",
        ] {
            assert_eq!(from_words(name), None, "{name}");
        }
    }

    #[test]
    fn globs_match_whole_names() {
        assert!(glob("*延迟*", "P99延迟"));
        assert!(glob("*延迟*", "延迟"));
        assert!(glob("Failed ?obs", "Failed jobs"));
        assert!(glob("a*b*c", "axxbyyc"));
        assert!(!glob("*延迟", "延迟率"));
        assert!(!glob("Failed jobs", "Failed jobs today"));
        assert!(glob("*", ""));
    }

    #[test]
    fn an_exact_name_wins_over_an_earlier_glob() {
        let mut d = Directions::default();
        d.extend([
            ("*depth*".to_string(), Better::Lower),
            ("Queue depth".to_string(), Better::Higher),
        ]);
        assert_eq!(d.configured("Queue depth"), Some(Better::Higher));
        assert_eq!(d.configured("Stack depth"), Some(Better::Lower));
        assert_eq!(d.configured("吞吐"), None);
    }
}
