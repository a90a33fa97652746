//! Lints on how a metric line reads: `metric-line-not-read` and `metric-change-disagrees`.

use super::Cx;
use crate::diag::Code;
use crate::scaffold::placeholder_at;
use crate::week::{Metric, MetricLine};
use crate::yaml::Pos;

impl Cx<'_> {
    /// `metric-line-not-read`: a text line from which no metric was read (a line holding a
    /// placeholder is left to `placeholder-left`).
    pub(super) fn not_read(&mut self, line: &MetricLine) {
        let Some(text) = &line.text else { return };
        if !line.metrics.is_empty() || placeholder_at(text).is_some() {
            return;
        }
        let d = self.warn(
            line.pos,
            Code::MetricLineNotRead,
            format!("no metric could be read from `{text}`"),
        );
        d.label = "printed as written, but not read".into();
        d.help.push(
            "write each metric as `名称：99.9%` or `Name: 99.9%` (parts between commas), a target \
             as （目标99.95%） or (target 99.95%), or as a mapping {name, value}"
                .into(),
        );
    }

    /// `metric-change-disagrees`: a stated change that the values do not give. Last week's
    /// value is the metric's own, else that of the metric of the same name in the week this
    /// one was carried over from.
    pub(super) fn change_disagrees(&mut self, m: &Metric, value: &str, pos: Pos) {
        let mut m = m.clone();
        if m.previous.is_none() && m.stated_change.is_some() {
            m.previous = self
                .last
                .and_then(|last| last.metrics().find(|l| l.name == m.name))
                .and_then(Metric::value);
        }
        let Some((stated, computed)) = m.change_disagrees() else {
            return;
        };
        let previous = m.previous().map(|p| p.shown()).unwrap_or_default();
        let stated = stated.shown();
        let d = self.warn(
            pos,
            Code::MetricChangeDisagrees,
            format!(
                "{} states a change of {stated}, but {previous} last week to {value} is {computed}",
                m.name
            ),
        );
        d.label = format!("computed {computed}");
        d.help
            .push("correct the stated change, or this week's or last week's value".into());
    }
}
