//! Metrics across weeks: one series per metric name with each week's value as written, the
//! change from the week before (exact decimals), a sparkline and target flags; printed as a
//! Markdown table, CSV, JSON or Mermaid `xychart-beta` charts.

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use indexmap::IndexMap;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::dates::WeekNumbering;
use crate::diag::nearest;
use crate::key::{key, same};
use crate::msg;
use crate::quantity::{Change, Quantity};
use crate::week::{Better, Directions, Metric, Week};

mod print;

/// Output formats of `weekly trend`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A Markdown table of weeks by metric, and a summary with sparklines.
    #[default]
    Md,
    /// One row per week and metric, for spreadsheets and scripts.
    Csv,
    /// Weeks and one series per metric.
    Json,
}

/// One week read for the trend.
#[derive(Clone, Debug, Serialize)]
pub struct WeekRef {
    /// The file it was read from, as named.
    pub file: String,
    /// The report's date.
    pub date: NaiveDate,
    /// The year the week number counts in.
    pub year: i32,
    /// The week number under the numbering rule in force.
    pub week: u32,
}

impl WeekRef {
    /// `2023-W44`.
    pub fn label(&self) -> String {
        format!("{}-W{:02}", self.year, self.week)
    }
}

/// One week's value of a metric.
#[derive(Clone, Debug)]
pub struct Point {
    /// Index of the week in [`Trend::weeks`].
    pub week: usize,
    /// The value as written, with its unit.
    pub value: Quantity,
    /// The target given that week.
    pub target: Option<Quantity>,
    /// The change from the previous value in the series, in the inputs' decimals.
    pub change: Option<Change>,
    /// Below target (above it, for a metric where lower is better).
    pub below_target: bool,
}

impl Point {
    /// `99.997%`.
    pub fn shown(&self) -> String {
        self.value.shown()
    }

    /// The change alone, signed: `-0.007`, `+1`, `0.000`.
    pub fn change(&self) -> Option<String> {
        self.change.as_ref().map(Change::number)
    }
}

/// A metric's values across the weeks, in date order.
#[derive(Clone, Debug)]
pub struct Series {
    /// The name the metric is matched by.
    pub name: String,
    /// The unit of its latest value: values in other units of the same kind are converted to
    /// it for the sparkline, minimum, maximum and chart.
    pub unit: String,
    /// Which direction is good (as of its latest week); `None` when nothing says.
    pub better: Option<Better>,
    /// One point per week that has a value.
    pub points: Vec<Point>,
    /// The metric as of the latest point, to compute the next change from.
    last: Option<Metric>,
}

impl Series {
    fn new(m: &Metric) -> Series {
        Series {
            name: m.name.clone(),
            unit: String::new(),
            better: None,
            points: Vec::new(),
            last: None,
        }
    }

    fn push(&mut self, week: usize, m: &Metric, value: Quantity, directions: &Directions) {
        let change = self.last.as_ref().and_then(|last| m.change_since(last));
        self.better = m.better(directions);
        self.unit = value.unit.clone();
        self.points.push(Point {
            week,
            value,
            target: m.target(),
            change,
            below_target: m.misses_target(directions),
        });
        self.last = Some(m.clone());
    }

    /// Each point's value in the series' unit (the latest one's); `None` for a value whose
    /// unit does not compare with it.
    pub fn plotted(&self) -> Vec<Option<Decimal>> {
        self.points.iter().map(|p| self.in_unit(&p.value)).collect()
    }

    /// A value of this series in its latest unit, in the finer of the two precisions.
    fn in_unit(&self, q: &Quantity) -> Option<Decimal> {
        self.points.last()?.value.converted(q)
    }

    /// The points whose units do not compare with the latest one's.
    pub fn incomparable(&self) -> impl Iterator<Item = &Point> {
        self.points
            .iter()
            .zip(self.plotted())
            .filter(|(_, v)| v.is_none())
            .map(|(p, _)| p)
    }

    /// The sparkline of the series, one character per point; a space for a value whose unit
    /// does not compare with the latest one's.
    pub fn sparkline(&self) -> String {
        let plotted = self.plotted();
        let values: Vec<Decimal> = plotted.iter().flatten().copied().collect();
        let line = sparkline(&values);
        let mut bars = line.chars();
        plotted
            .iter()
            .map(|v| match v {
                Some(_) => bars.next().unwrap_or(' '),
                None => ' ',
            })
            .collect()
    }

    /// The latest target given.
    pub fn target(&self) -> Option<&Quantity> {
        self.points.iter().rev().find_map(|p| p.target.as_ref())
    }

    /// The lowest or highest value, compared in the latest unit.
    fn extreme(&self, max: bool) -> Option<&Point> {
        let values = self.points.iter().zip(self.plotted());
        let known = values.filter_map(|(p, v)| Some((p, v?)));
        let cmp = |a: &(&Point, Decimal), b: &(&Point, Decimal)| a.1.cmp(&b.1);
        let found = if max {
            known.max_by(cmp)
        } else {
            known.min_by(cmp)
        };
        found.map(|(p, _)| p)
    }
}

/// A Unicode sparkline: the lowest value is `▁`, the highest `█`; all equal gives `▄`s.
pub fn sparkline(values: &[Decimal]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
        return String::new();
    };
    let span = max.checked_sub(*min).filter(|s| !s.is_zero());
    values
        .iter()
        .map(|v| {
            let step = span
                .and_then(|span| (v - min).checked_mul(Decimal::from(7))?.checked_div(span))
                .and_then(|i| {
                    i.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                        .to_usize()
                });
            step.map_or(BARS[3], |i| BARS[i.min(7)])
        })
        .collect()
}

/// Gathers weeks one at a time (each parsed once, then dropped) and builds the [`Trend`].
#[derive(Debug, Default)]
pub struct Collector {
    weeks: Vec<(WeekRef, Vec<Metric>)>,
    directions: Directions,
}

impl Collector {
    /// A collector judging metrics by `directions` (the config's `[metrics]` table) where they
    /// do not say which way is better.
    pub fn new(directions: Directions) -> Collector {
        Collector {
            weeks: Vec::new(),
            directions,
        }
    }

    /// Keeps what the trend needs of `week`, read from `file`: its date and valued metrics.
    pub fn add(&mut self, file: &str, week: &Week, rule: WeekNumbering) {
        let (year, number) = rule.week_of(week.day());
        let wref = WeekRef {
            file: file.to_string(),
            date: week.day(),
            year,
            week: number,
        };
        let metrics = week.metrics().filter(|m| m.value.is_some()).cloned();
        self.weeks.push((wref, metrics.collect()));
    }

    /// Sorts the weeks by date and builds one series per metric name, in order of first use.
    /// Two files for the same week are an error naming both.
    pub fn finish(mut self) -> Result<Trend> {
        self.weeks
            .sort_by(|a, b| (a.0.date, &a.0.file).cmp(&(b.0.date, &b.0.file)));
        for pair in self.weeks.windows(2) {
            let (a, b) = (&pair[0].0, &pair[1].0);
            if same_file(&a.file, &b.file) {
                bail!(
                    "{} is {} again: each file counts once (remove one of them)",
                    b.file,
                    a.file
                );
            }
            if (a.year, a.week) == (b.year, b.week) {
                bail!(
                    "{} ({}) and {} ({}) are both week {} of {}: fold them into one first \
                     (`weekly merge {} {}`)",
                    a.file,
                    a.date,
                    b.file,
                    b.date,
                    a.week,
                    a.year,
                    a.file,
                    b.file
                );
            }
        }
        let mut series: IndexMap<String, Series> = IndexMap::new();
        let mut weeks = Vec::with_capacity(self.weeks.len());
        for (i, (wref, metrics)) in self.weeks.into_iter().enumerate() {
            let mut seen = HashSet::new();
            for m in &metrics {
                let Some(value) = m.value() else { continue };
                let name = key(&m.name).into_owned();
                if seen.insert(name.clone()) {
                    series.entry(name).or_insert_with(|| Series::new(m)).push(
                        i,
                        m,
                        value,
                        &self.directions,
                    );
                }
            }
            weeks.push(wref);
        }
        Ok(Trend {
            weeks,
            series: series.into_values().collect(),
        })
    }
}

/// Metrics across weeks.
#[derive(Clone, Debug, Default)]
pub struct Trend {
    /// The weeks read, by date.
    pub weeks: Vec<WeekRef>,
    /// One series per metric name, in order of first appearance.
    pub series: Vec<Series>,
}

impl Trend {
    /// Keeps only the named metrics, in the order given; an unknown name is an error that
    /// suggests the nearest known one.
    pub fn select(&mut self, names: &[String]) -> Result<()> {
        if names.is_empty() {
            return Ok(());
        }
        let mut picked = Vec::new();
        for name in names {
            let Some(i) = self.find(name)? else {
                bail!(self.unknown(name));
            };
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let mut all: Vec<Option<Series>> = std::mem::take(&mut self.series)
            .into_iter()
            .map(Some)
            .collect();
        self.series = picked.into_iter().filter_map(|i| all[i].take()).collect();
        Ok(())
    }

    /// The series named `name`: the same name, else the one name equal but for letter case
    /// (`p95 latency` for `P95 latency`); several of those is an error listing them.
    fn find(&self, name: &str) -> Result<Option<usize>> {
        if let Some(i) = self.series.iter().position(|s| same(&s.name, name)) {
            return Ok(Some(i));
        }
        let folded = |t: &str| crate::key::key(t).to_lowercase();
        let wanted = folded(name);
        let hits: Vec<usize> = (0..self.series.len())
            .filter(|&i| folded(&self.series[i].name) == wanted)
            .collect();
        if hits.len() > 1 {
            let names: Vec<String> = hits
                .iter()
                .map(|&i| format!("`{}`", self.series[i].name))
                .collect();
            bail!(msg!(
                "trend-ambiguous-name",
                name = name,
                names = names.join(&msg!("list-and"))
            ));
        }
        Ok(hits.first().copied())
    }

    fn unknown(&self, name: &str) -> String {
        let names: Vec<&str> = self.series.iter().map(|s| s.name.as_str()).collect();
        let mut text = msg!("trend-unknown-name", name = name, weeks = self.weeks.len());
        if let Some(near) = nearest(name, names.iter().copied()) {
            let _ = write!(text, "\n  help: {}", msg!("did-you-mean", name = near));
        }
        if names.is_empty() {
            let _ = write!(text, "\n  note: {}", msg!("trend-no-metric-values"));
        } else {
            let _ = write!(
                text,
                "\n  note: {}",
                msg!("trend-metrics-are", names = names.join(", "))
            );
        }
        text
    }

    /// For each week, the point of each series in that week (`None` where it has no value).
    pub fn grid(&self) -> Vec<Vec<Option<&Point>>> {
        let mut grid = vec![vec![None; self.series.len()]; self.weeks.len()];
        for (j, s) in self.series.iter().enumerate() {
            for p in &s.points {
                grid[p.week][j] = Some(p);
            }
        }
        grid
    }

    /// Prints in the chosen format; Mermaid charts follow the Markdown when asked for.
    pub fn print(&self, format: Format, mermaid: bool) -> Result<String> {
        Ok(match format {
            Format::Md if mermaid => format!("{}\n{}", self.markdown(), self.mermaid()),
            Format::Md => self.markdown(),
            Format::Csv => self.csv()?,
            Format::Json => self.json()?,
        })
    }
}

/// Whether two names on the command line are one file (`f` and `./f`, a link to it).
fn same_file(a: &str, b: &str) -> bool {
    a != "-"
        && b != "-"
        && matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_lowest_to_highest() {
        let d = |v: &[i64]| v.iter().map(|&i| Decimal::new(i, 1)).collect::<Vec<_>>();
        assert_eq!(sparkline(&d(&[10, 80, 45])), "▁█▅");
        assert_eq!(sparkline(&d(&[20, 20])), "▄▄");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[Decimal::MAX, Decimal::MIN]), "▄▄");
    }
}
