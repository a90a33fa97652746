//! How a metric's weekly values make one value over a month, quarter or year (`aggregate:`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How a metric's weekly values become the period's one value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregate {
    /// The last week's value (a rate, a level, a balance).
    #[default]
    Last,
    /// The mean of the weekly values (of a percentage: the weeks weigh the same).
    Mean,
    /// The lowest weekly value.
    Min,
    /// The highest weekly value.
    Max,
    /// The sum of the weekly values (counts: incidents, releases). Never of a percentage.
    Sum,
}

impl fmt::Display for Aggregate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Aggregate::Last => "last",
            Aggregate::Mean => "mean",
            Aggregate::Min => "min",
            Aggregate::Max => "max",
            Aggregate::Sum => "sum",
        })
    }
}
