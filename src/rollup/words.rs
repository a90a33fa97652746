//! How a metric's aggregate and what became of a risk are said, in Chinese and English.

use super::risks::{Change, RiskLog};
use super::{Aggregate, Lang, Rolled};
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

/// `期初 2 项，新增 3 项，…`: the counts of a period's risks.
pub fn risk_summary(lang: Lang, log: &RiskLog) -> String {
    let (a, o, c) = (log.at_start, log.opened.len(), log.closed.len());
    let (v, e) = (log.vanished.len(), log.open_at_end.len());
    match lang {
        Lang::Zh => {
            format!("期初 {a} 项，新增 {o} 项，关闭 {c} 项，不再报告 {v} 项，期末仍未关闭 {e} 项")
        }
        Lang::En => format!(
            "{a} open at the start, {o} opened, {c} closed, {v} no longer reported, \
             {e} still open at the end"
        ),
    }
}

/// `关闭：… （第43周，标记为已关闭）`: a risk opened, closed or gone in `week`.
pub fn risk_change(lang: Lang, change: Change, text: &str, week: &str) -> String {
    match (lang, change) {
        (Lang::Zh, Change::Opened) => format!("新增：{text}（{week}）"),
        (Lang::Zh, Change::Closed) => format!("关闭：{text}（{week}，标记为已关闭）"),
        (Lang::Zh, Change::Vanished) => {
            format!("不再报告：{text}（最后见于 {week}，未标记关闭）")
        }
        (Lang::En, Change::Opened) => format!("opened: {text} ({week})"),
        (Lang::En, Change::Closed) => format!("closed: {text} ({week}, marked closed)"),
        (Lang::En, Change::Vanished) => {
            format!("no longer reported: {text} (last listed in {week}, never marked closed)")
        }
    }
}

/// `待补充：…（未指定负责人）`: an open risk at the end that `check` flags as `risk-incomplete`.
pub fn risk_lacks(lang: Lang, text: &str, lacks: Lacks) -> String {
    match (lang, lacks) {
        (Lang::Zh, Lacks::Owner) => format!("待补充：{text}（未指定负责人）"),
        (Lang::Zh, Lacks::Mitigation) => format!("待补充：{text}（未写应对措施）"),
        (Lang::Zh, Lacks::Both) => format!("待补充：{text}（未指定负责人和应对措施）"),
        (Lang::En, Lacks::Owner) => format!("incomplete: {text} (no owner)"),
        (Lang::En, Lacks::Mitigation) => format!("incomplete: {text} (no mitigation)"),
        (Lang::En, Lacks::Both) => {
            format!("incomplete: {text} (no owner and no mitigation)")
        }
    }
}
