//! How a metric's aggregate and what became of a risk are said, in Chinese and English.

use super::risks::{Change, RiskLog};
use super::{Aggregate, Lang, Rolled};
use crate::messages::{self, Args};
use crate::week::Lacks;

/// `期末 99.997%`, `合计 3次`, and a refused sum of a ratio said so.
pub fn aggregate_zh(m: &Rolled) -> String {
    let v = m.value.as_ref().map(|v| v.shown()).unwrap_or_default();
    let how = match m.aggregate {
        Aggregate::Last => "期末",
        Aggregate::Mean if m.mean_of_percentages() => "各周百分比的平均（未加权）",
        Aggregate::Mean => "周均",
        Aggregate::Min => "最低",
        Aggregate::Max => "最高",
        Aggregate::Sum => "合计",
    };
    let refused = if m.sum_refused {
        "（比率不求和，取期末值）"
    } else {
        ""
    };
    format!("{how} {v}{refused}")
}

/// `latest 99.997%`, `total 3`, and a refused sum of a ratio said so.
pub fn aggregate_en(m: &Rolled) -> String {
    let v = m.value.as_ref().map(|v| v.shown()).unwrap_or_default();
    let how = match m.aggregate {
        Aggregate::Last => "latest",
        Aggregate::Mean if m.mean_of_percentages() => "mean of weekly percentages (unweighted)",
        Aggregate::Mean => "weekly mean",
        Aggregate::Min => "lowest",
        Aggregate::Max => "highest",
        Aggregate::Sum => "total",
    };
    let refused = if m.sum_refused {
        " (a ratio is not summed: latest value)"
    } else {
        ""
    };
    format!("{how} {v}{refused}")
}

/// A message of the catalogue in the rollup's language (`-t`), not the run's.
fn say(lang: Lang, id: &str, args: &[(&'static str, String)]) -> String {
    let mut fluent = Args::new();
    for (key, value) in args {
        fluent.set(*key, messages::Arg::arg(value.as_str()));
    }
    let lang = match lang {
        Lang::Zh => messages::Lang::Zh,
        Lang::En => messages::Lang::En,
    };
    messages::text_in(lang, id, &fluent)
}

/// The headings of the rollup's two risk sections: what changed, and what is still open.
pub fn risk_headings(lang: Lang) -> (String, String) {
    (
        say(lang, "rollup-risks-heading", &[]),
        say(lang, "rollup-risks-open-heading", &[]),
    )
}

/// `期初 2 项，新增 3 项，…`: the counts of a period's risks.
pub fn risk_summary(lang: Lang, log: &RiskLog) -> String {
    let n = |v: usize| v.to_string();
    let args = [
        ("start", n(log.at_start)),
        ("opened", n(log.opened.len())),
        ("closed", n(log.closed.len())),
        ("gone", n(log.vanished.len())),
        ("open", n(log.open_at_end.len())),
    ];
    say(lang, "rollup-risk-summary", &args)
}

/// `关闭：…（2023-W44，标记为已关闭）`: a risk opened, closed or gone in `week`.
pub fn risk_change(lang: Lang, change: Change, text: &str, week: &str) -> String {
    let id = match change {
        Change::Opened => "rollup-risk-opened",
        Change::Closed => "rollup-risk-closed",
        Change::Vanished => "rollup-risk-gone",
    };
    say(lang, id, &[("text", text.into()), ("week", week.into())])
}

/// `待补充：…（缺负责人）`: an open risk at the end that `check` flags as `risk-incomplete`, in
/// the lint's own words.
pub fn risk_lacks(lang: Lang, text: &str, lacks: Lacks) -> String {
    let label = match lacks {
        Lacks::Owner => "risk-no-owner-label",
        Lacks::Mitigation => "risk-no-mitigation-label",
        Lacks::Both => "risk-no-owner-no-mitigation-label",
    };
    let args = [("text", text.into()), ("lacks", say(lang, label, &[]))];
    say(lang, "rollup-risk-incomplete", &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_words_are_in_both_catalogues() {
        for lang in [Lang::Zh, Lang::En] {
            let (changed, open) = risk_headings(lang);
            assert!(!changed.starts_with("rollup-") && !open.starts_with("rollup-"));
            for change in [Change::Opened, Change::Closed, Change::Vanished] {
                let line = risk_change(lang, change, "R", "2023-W44");
                assert!(line.contains('R') && line.contains("2023-W44"), "{line}");
            }
            let flag = risk_lacks(lang, "R", Lacks::Both);
            assert!(
                !flag.contains("rollup-") && !flag.contains("risk-no"),
                "{flag}"
            );
        }
        let log = RiskLog::default();
        assert!(risk_summary(Lang::En, &log).starts_with("0 open at the start"));
    }
}
