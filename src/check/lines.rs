//! Lints on how a metric line reads: `metric-line-not-read` and `metric-change-disagrees`.

use super::Cx;
use crate::diag::Code;
use crate::msg;
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
            msg!("metric-line-not-read", text = text),
        );
        d.label = msg!("metric-line-not-read-label");
        d.help.push(msg!("metric-line-not-read-help"));
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
            msg!(
                "metric-change-disagrees",
                metric = &m.name,
                stated = stated,
                previous = previous,
                value = value,
                computed = computed.to_string()
            ),
        );
        d.label = msg!(
            "metric-change-disagrees-label",
            computed = computed.to_string()
        );
        d.help.push(msg!("metric-change-disagrees-help"));
    }
}
