//! How a metric's aggregate is said, in Chinese and English.

use super::{Aggregate, Rolled};

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
