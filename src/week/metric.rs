//! Metrics: groups of lines, each line one or more named values with units, targets and last
//! week's values.

use rust_decimal::Decimal;
use rust_decimal::RoundingStrategy::MidpointAwayFromZero;

use super::Aggregate;
use super::direction::{self, Better, Directions};
use crate::extract::{self, FoundMetric};
use crate::quantity::{Change, Common, Quantity};
use crate::yaml::Pos;

/// A metric in percent is worse than last week when it moved the wrong way by more than this
/// many percentage points (0.01).
pub const WORSE_PP: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// A metric in any other unit is worse than last week when it moved the wrong way by more than
/// this fraction of last week's value (0.05; any worsening when last week's value was 0).
pub const WORSE_RELATIVE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// A named measurement. Each value keeps the unit written with it; `unit` is the `unit:` key.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// The name, matched across weeks by `trend` and `merge`.
    pub name: String,
    /// This week's value; `None` in a fresh scaffold.
    pub value: Option<Quantity>,
    /// The unit given as `unit:`, for values written without one.
    pub unit: Option<String>,
    /// The target.
    pub target: Option<Quantity>,
    /// Last week's value.
    pub previous: Option<Quantity>,
    /// Which direction is good, as written (`better:`); see [`Metric::better`].
    pub better: Option<Better>,
    /// The change since last week as the line states it (`环比下降0.1%`), signed.
    pub stated_change: Option<Quantity>,
    /// How `weekly rollup` makes one value of the weeks' (`aggregate:`); `last` when not given.
    pub aggregate: Option<Aggregate>,
}

impl Metric {
    /// A metric read from text: a name and a value, and what the line says beside it.
    pub fn read(found: FoundMetric) -> Metric {
        Metric {
            name: found.name,
            value: Some(found.value),
            unit: None,
            target: found.target,
            previous: found.previous,
            better: None,
            stated_change: found.change,
            aggregate: None,
        }
    }

    /// The value, target and previous value that are there.
    fn quantities(&self) -> impl Iterator<Item = &Quantity> {
        [&self.value, &self.target, &self.previous]
            .into_iter()
            .flatten()
    }

    /// The metric's unit: `unit:`, else the first unit written with a value, target or
    /// previous value; empty for a count without unit.
    pub fn unit(&self) -> &str {
        match &self.unit {
            Some(u) => u,
            None => self
                .quantities()
                .map(|q| q.unit.as_str())
                .find(|u| !u.is_empty())
                .unwrap_or(""),
        }
    }

    /// A value of this metric with its unit: its own, else the metric's.
    fn full(&self, q: &Option<Quantity>) -> Option<Quantity> {
        q.as_ref().map(|q| q.or_unit(self.unit()))
    }

    /// This week's value with its unit.
    pub fn value(&self) -> Option<Quantity> {
        self.full(&self.value)
    }

    /// The target with its unit.
    pub fn target(&self) -> Option<Quantity> {
        self.full(&self.target)
    }

    /// Last week's value with its unit.
    pub fn previous(&self) -> Option<Quantity> {
        self.full(&self.previous)
    }

    /// The direction that is good for this metric: its `better:`, else the config's
    /// `[metrics]` table, else the words of its name; `None` when nothing says.
    pub fn better(&self, table: &Directions) -> Option<Better> {
        self.better
            .or_else(|| table.configured(&self.name))
            .or_else(|| direction::from_words(&self.name))
    }

    /// `99.997%`: the value as written, with its unit.
    pub fn shown(&self) -> Option<String> {
        self.value().map(|v| v.shown())
    }

    /// The change since last week's value (`previous:`): `+0.002pp`, `-20ms`, `0.000pp`.
    /// `None` without both values, or when their units cannot be compared.
    pub fn change(&self) -> Option<Change> {
        self.value()?.change_from(&self.previous()?)
    }

    /// The stated change and the computed one, when both are known and disagree: the value
    /// minus last week's, rounded to the digits of the stated change, is not the stated change.
    /// For a metric in %, a stated % or pp is points, also accepted as a relative change; a
    /// stated % of a metric in another unit is relative and not compared.
    pub fn change_disagrees(&self) -> Option<(Quantity, Change)> {
        let stated = self.stated_change.as_ref()?;
        let computed = self.change()?;
        let (value, previous) = (self.value()?, self.previous()?);
        let points = stated.unit == "pp";
        let mut as_read = stated.clone();
        if points {
            as_read.unit = "%".into();
        }
        if !value.comparable(&as_read) {
            return None;
        }
        let decimals = as_read.decimals();
        let round = |d: Decimal| d.round_dp_with_strategy(decimals, MidpointAwayFromZero);
        let computed_q = Quantity::parse(&format!("{}{}", computed.number(), computed.unit))?;
        if round(as_read.converted(&computed_q)?) == as_read.value {
            return None;
        }
        let common = value.common(&previous)?;
        let relative = common
            .this
            .checked_sub(common.other)?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(common.other);
        let agrees_relative =
            common.percent && !points && relative.is_some_and(|r| round(r) == as_read.value);
        (!agrees_relative).then(|| (stated.clone(), computed))
    }

    /// The change since `earlier`, the same metric in an earlier week (for `trend`).
    pub fn change_since(&self, earlier: &Metric) -> Option<Change> {
        self.value()?.change_from(&earlier.value()?)
    }

    /// The values of this metric whose units cannot be compared with the value's: `target`
    /// and `previous`, each with the value it should be compared with.
    pub fn incomparable(&self) -> Vec<(&'static str, Quantity)> {
        let Some(value) = self.value() else {
            return Vec::new();
        };
        [("target", self.target()), ("previous", self.previous())]
            .into_iter()
            .filter_map(|(field, q)| q.map(|q| (field, q)))
            .filter(|(_, q)| !value.comparable(q))
            .collect()
    }

    /// How much worse the value is than `reference`, in their shared unit and in the direction that
    /// is bad (negative when better), with the two values made comparable; `None` when the
    /// direction is unknown or the two cannot be compared.
    fn worse_by<'a>(
        &self,
        table: &Directions,
        value: &'a Quantity,
        reference: &'a Quantity,
    ) -> Option<(Decimal, Common<'a>)> {
        let common = value.common(reference)?;
        let by = match self.better(table)? {
            Better::Higher => common.other.checked_sub(common.this),
            Better::Lower => common.this.checked_sub(common.other),
        };
        Some((by?, common))
    }

    /// Whether the value misses its target: below it, or above it where lower is better.
    /// False when the direction is unknown or the units cannot be compared.
    pub fn misses_target(&self, table: &Directions) -> bool {
        let (Some(value), Some(target)) = (self.value(), self.target()) else {
            return false;
        };
        self.worse_by(table, &value, &target)
            .is_some_and(|(by, _)| by > Decimal::ZERO)
    }

    /// Whether the value moved the wrong way since last week by more than the threshold:
    /// [`WORSE_PP`] percentage points for a percentage, else [`WORSE_RELATIVE`] of last week's
    /// value. False when the direction is unknown or the units cannot be compared.
    pub fn worse_than_previous(&self, table: &Directions) -> bool {
        let (Some(value), Some(previous)) = (self.value(), self.previous()) else {
            return false;
        };
        let Some((by, common)) = self.worse_by(table, &value, &previous) else {
            return false;
        };
        let threshold = if common.percent {
            WORSE_PP
        } else {
            common
                .other
                .abs()
                .checked_mul(WORSE_RELATIVE)
                .unwrap_or(Decimal::MAX)
        };
        by > threshold
    }
}

/// One line of a metrics section: as written (its metrics read from the text by
/// [`MetricLine::derive`]), or built from metrics.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricLine {
    /// The line as written; printed verbatim.
    pub text: Option<String>,
    /// The metrics of the line: given, or (for a line written as text) read from the text.
    pub metrics: Vec<Metric>,
    /// Where the line stands in the YAML.
    pub pos: Pos,
}

impl MetricLine {
    /// A line written as text, with the metrics read from it.
    pub fn from_text(text: String, pos: Pos) -> MetricLine {
        let mut line = MetricLine {
            text: Some(text),
            metrics: Vec::new(),
            pos,
        };
        line.derive();
        line
    }

    /// Reads the metrics of a line written as text.
    pub fn derive(&mut self) {
        if let Some(text) = &self.text {
            self.metrics = extract::metric_line(text)
                .into_iter()
                .map(Metric::read)
                .collect();
        }
    }

    /// The line as the author wrote it: a text line without the metrics read from it.
    pub fn as_written(&self) -> MetricLine {
        MetricLine {
            metrics: if self.text.is_some() {
                Vec::new()
            } else {
                self.metrics.clone()
            },
            ..self.clone()
        }
    }
}

/// A labelled group of metric lines (`支付成功率：`), or the unlabelled lines of a section.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricGroup {
    /// The label printed above the lines, without its colon.
    pub label: Option<String>,
    /// The lines.
    pub lines: Vec<MetricLine>,
}

/// A metrics section body: a mapping of label to lines, or a plain list of lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics(pub Vec<MetricGroup>);

impl Metrics {
    /// Every metric of every line, in order.
    pub fn all(&self) -> impl Iterator<Item = &Metric> {
        self.0
            .iter()
            .flat_map(|g| &g.lines)
            .flat_map(|l| &l.metrics)
    }

    /// Reads the metrics of every line written as text.
    pub fn derive(&mut self) {
        self.0
            .iter_mut()
            .flat_map(|g| &mut g.lines)
            .for_each(MetricLine::derive);
    }

    /// The metrics as the author wrote them.
    pub fn as_written(&self) -> Metrics {
        let groups = self.0.iter().map(|g| MetricGroup {
            label: g.label.clone(),
            lines: g.lines.iter().map(MetricLine::as_written).collect(),
        });
        Metrics(groups.collect())
    }
}

#[path = "metric_forms.rs"]
pub(super) mod forms;

#[cfg(test)]
#[path = "metric_tests.rs"]
mod tests;
