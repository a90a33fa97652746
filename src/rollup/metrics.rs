//! Metrics over a period: one value per metric by its declared aggregation (`last` unless its
//! `aggregate:` or `[rollup.aggregate]` says `mean`, `min`, `max` or `sum`), the change over the period, the
//! weeks below target and a sparkline, all from the trend's series (one place for each fact).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::key::same;
use crate::quantity::{Change, Quantity};
use crate::trend::{Series, Trend};
use crate::week::Aggregate;

/// A metric over the period.
#[derive(Clone, Debug)]
pub struct Rolled {
    /// The series it is drawn from (values, targets, below-target flags, sparkline).
    pub series: Series,
    /// The aggregation applied (a `sum` of a percentage becomes `last`).
    pub aggregate: Aggregate,
    /// Whether a `sum` was asked of a percentage and refused.
    pub sum_refused: bool,
    /// The period's value, in the latest week's unit.
    pub value: Option<Quantity>,
    /// The last value minus the first (in the last value's unit), when they compare.
    pub change: Option<Change>,
}

impl Rolled {
    /// Whether the value is a mean of percentages (said so in the output).
    pub fn mean_of_percentages(&self) -> bool {
        self.aggregate == Aggregate::Mean && self.value.as_ref().is_some_and(Quantity::is_ratio)
    }

    /// The weeks (indexes of the rollup's weeks) whose value missed its target.
    pub fn below_target(&self) -> Vec<usize> {
        let points = self.series.points.iter();
        points.filter(|p| p.below_target).map(|p| p.week).collect()
    }
}

/// Every metric of `trend` over the period, aggregated as `aggregates` (name, how) says.
pub fn rolled(trend: &Trend, aggregates: &[(String, Aggregate)]) -> Vec<Rolled> {
    trend
        .series
        .iter()
        .map(|s| {
            let asked = aggregates
                .iter()
                .find(|(name, _)| same(name, &s.name))
                .map_or(Aggregate::Last, |(_, a)| *a);
            roll(s.clone(), asked)
        })
        .collect()
}

/// One series aggregated.
pub fn roll(series: Series, asked: Aggregate) -> Rolled {
    let last = series.points.last().map(|p| p.value.clone());
    let first = series.points.first().map(|p| p.value.clone());
    let sum_refused = asked == Aggregate::Sum && last.as_ref().is_some_and(Quantity::is_ratio);
    let aggregate = if sum_refused { Aggregate::Last } else { asked };
    let change = match (&first, &last) {
        (Some(f), Some(l)) => l.change_from(f),
        _ => None,
    };
    let value = last
        .as_ref()
        .and_then(|l| value(&series, aggregate).map(|v| l.with_value(v)));
    Rolled {
        series,
        aggregate,
        sum_refused,
        value,
        change,
    }
}

/// The aggregate of a series' values (in its latest unit; values that do not compare with it
/// are left out), in as many decimals as the finest value has.
pub fn value(series: &Series, how: Aggregate) -> Option<Decimal> {
    let values: Vec<Decimal> = series.plotted().into_iter().flatten().collect();
    let decimals = values.iter().map(Decimal::scale).max()?;
    match how {
        Aggregate::Last => values.last().copied(),
        Aggregate::Min => values.iter().min().copied(),
        Aggregate::Max => values.iter().max().copied(),
        Aggregate::Sum => sum(&values),
        Aggregate::Mean => {
            let mean = sum(&values)?.checked_div(Decimal::from(values.len()))?;
            Some(mean.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero))
        }
    }
}

/// The exact sum; `None` when it does not fit.
pub fn sum(values: &[Decimal]) -> Option<Decimal> {
    values
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))
}
