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
use crate::error::Count;
use crate::key::{key, same};
use crate::quantity::{Change, Quantity};
use crate::week::{Better, Metric, Week};

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
    /// The unit of its first value.
    pub unit: String,
    /// Which direction is good (as of its latest week).
    pub better: Better,
    /// One point per week that has a value.
    pub points: Vec<Point>,
    /// The metric as of the latest point, to compute the next change from.
    last: Option<Metric>,
}

impl Series {
    fn new(m: &Metric) -> Series {
        Series {
            name: m.name.clone(),
            unit: m.unit().to_string(),
            better: m.better(),
            points: Vec::new(),
            last: None,
        }
    }

    fn push(&mut self, week: usize, m: &Metric, value: Quantity) {
        let change = self.last.as_ref().and_then(|last| m.change_since(last));
        self.better = m.better();
        self.points.push(Point {
            week,
            value,
            target: m.target(),
            change,
            below_target: m.misses_target(),
        });
        self.last = Some(m.clone());
    }

    /// The sparkline of the series, one character per point.
    pub fn sparkline(&self) -> String {
        let values: Vec<Decimal> = self.points.iter().map(|p| p.value.value).collect();
        sparkline(&values)
    }

    /// The latest target given.
    pub fn target(&self) -> Option<&Quantity> {
        self.points.iter().rev().find_map(|p| p.target.as_ref())
    }

    fn extreme(&self, max: bool) -> Option<&Point> {
        let cmp = |a: &&Point, b: &&Point| a.value.value.cmp(&b.value.value);
        if max {
            self.points.iter().max_by(cmp)
        } else {
            self.points.iter().min_by(cmp)
        }
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
}

impl Collector {
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
                    series
                        .entry(name)
                        .or_insert_with(|| Series::new(m))
                        .push(i, m, value);
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
            let Some(i) = self.series.iter().position(|s| same(&s.name, name)) else {
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

    fn unknown(&self, name: &str) -> String {
        let names: Vec<&str> = self.series.iter().map(|s| s.name.as_str()).collect();
        let mut msg = format!(
            "no metric named `{name}` in {} read",
            Count(self.weeks.len(), "week")
        );
        if let Some(near) = nearest(name, names.iter().copied()) {
            let _ = write!(msg, "\n  help: did you mean `{near}`?");
        }
        if names.is_empty() {
            msg.push_str("\n  note: the weeks hold no metric values");
        } else {
            let _ = write!(msg, "\n  note: the metrics are {}", names.join(", "));
        }
        msg
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

    /// A table with one row per week (by date) and one column per metric, each cell the value
    /// as written, its change and a ⚠ below target; then one summary row per metric.
    pub fn markdown(&self) -> String {
        let (Some(first), Some(last)) = (self.weeks.first(), self.weeks.last()) else {
            return "No weeks read.\n".into();
        };
        if self.series.is_empty() {
            return format!(
                "No metric values in {} read.\n",
                Count(self.weeks.len(), "week")
            );
        }
        let mut out = format!(
            "Metrics from {} ({}) to {} ({}), {}.\n\n",
            first.label(),
            first.date,
            last.label(),
            last.date,
            Count(self.weeks.len(), "week")
        );
        self.week_table(&mut out);
        out.push('\n');
        self.summary_table(&mut out);
        out.push_str(
            "\n(±x): change from the previous week with a value. \
             ⚠: below target (above it where lower is better).\n",
        );
        out
    }

    fn week_table(&self, out: &mut String) {
        out.push_str("| Week | Date |");
        for s in &self.series {
            let _ = write!(out, " {} |", cell(&s.name));
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---:|".repeat(self.series.len()));
        out.push('\n');
        for (w, row) in self.weeks.iter().zip(self.grid()) {
            if row.iter().all(Option::is_none) {
                continue;
            }
            let _ = write!(out, "| {} | {} |", w.label(), w.date);
            for p in row {
                let _ = write!(out, " {} |", p.map(value_cell).unwrap_or_default());
            }
            out.push('\n');
        }
    }

    fn summary_table(&self, out: &mut String) {
        out.push_str("| Metric | Target | Weeks | Below target | Latest | Min | Max | Trend |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for s in &self.series {
            let shown = |p: Option<&Point>| p.map(Point::shown).unwrap_or_default();
            let target = s.target().map(Quantity::shown).unwrap_or_default();
            let below = s.points.iter().filter(|p| p.below_target).count();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&s.name),
                target,
                s.points.len(),
                below,
                shown(s.points.last()),
                shown(s.extreme(false)),
                shown(s.extreme(true)),
                s.sparkline()
            );
        }
    }

    /// One row per week and metric, in date order:
    /// `date,year,week,file,metric,value,unit,change,target,below_target`.
    pub fn csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "date",
            "year",
            "week",
            "file",
            "metric",
            "value",
            "unit",
            "change",
            "target",
            "below_target",
        ])?;
        for (wref, row) in self.weeks.iter().zip(self.grid()) {
            for (s, p) in self.series.iter().zip(row) {
                let Some(p) = p else { continue };
                w.write_record([
                    wref.date.to_string().as_str(),
                    &wref.year.to_string(),
                    &wref.week.to_string(),
                    &wref.file,
                    &s.name,
                    &p.value.text,
                    &p.value.unit,
                    &p.change().unwrap_or_default(),
                    p.target.as_ref().map_or("", |t| t.text.as_str()),
                    if p.below_target { "true" } else { "false" },
                ])?;
            }
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }

    /// `{"weeks": [...], "metrics": [{name, unit, better, sparkline, values: [...]}]}`, with
    /// numbers as strings so that `99.110` keeps its digits.
    pub fn json(&self) -> Result<String> {
        let metrics: Vec<JsonSeries> = self
            .series
            .iter()
            .map(|s| JsonSeries {
                name: &s.name,
                unit: &s.unit,
                better: s.better,
                sparkline: s.sparkline(),
                values: s
                    .points
                    .iter()
                    .map(|p| JsonPoint {
                        date: self.weeks[p.week].date,
                        week: self.weeks[p.week].label(),
                        value: &p.value.text,
                        unit: &p.value.unit,
                        change: p.change(),
                        target: p.target.as_ref().map(|t| t.text.as_str()),
                        below_target: p.below_target,
                    })
                    .collect(),
            })
            .collect();
        let doc = JsonTrend {
            weeks: &self.weeks,
            metrics,
        };
        Ok(serde_json::to_string_pretty(&doc)? + "\n")
    }

    /// One Mermaid `xychart-beta` line chart per metric (metrics have different scales), over
    /// the weeks that have a value; a second, flat line shows the target when every week has one.
    pub fn mermaid(&self) -> String {
        let mut charts = Vec::new();
        for s in &self.series {
            let mut out = String::new();
            let labels: Vec<String> = s
                .points
                .iter()
                .map(|p| format!("\"{}\"", self.weeks[p.week].label()))
                .collect();
            let values: Vec<&str> = s.points.iter().map(|p| plain(&p.value)).collect();
            out.push_str("```mermaid\nxychart-beta\n");
            let _ = writeln!(out, "    title \"{}\"", quoted(&s.name));
            let _ = writeln!(out, "    x-axis [{}]", labels.join(", "));
            if !s.unit.is_empty() {
                let _ = writeln!(out, "    y-axis \"{}\"", quoted(&s.unit));
            }
            let _ = writeln!(out, "    line [{}]", values.join(", "));
            let targets: Option<Vec<&str>> = s
                .points
                .iter()
                .map(|p| p.target.as_ref().map(plain))
                .collect();
            if let Some(targets) = targets {
                let _ = writeln!(out, "    line [{}]", targets.join(", "));
            }
            out.push_str("```\n");
            charts.push(out);
        }
        charts.join("\n")
    }
}

#[derive(Serialize)]
struct JsonTrend<'a> {
    weeks: &'a [WeekRef],
    metrics: Vec<JsonSeries<'a>>,
}

#[derive(Serialize)]
struct JsonSeries<'a> {
    name: &'a str,
    unit: &'a str,
    better: Better,
    sparkline: String,
    values: Vec<JsonPoint<'a>>,
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    date: NaiveDate,
    week: String,
    value: &'a str,
    unit: &'a str,
    change: Option<String>,
    target: Option<&'a str>,
    below_target: bool,
}

/// A table cell: `99.961% (-0.010) ⚠`.
fn value_cell(p: &Point) -> String {
    let mut text = p.shown();
    if let Some(change) = p.change() {
        let _ = write!(text, " ({change})");
    }
    if p.below_target {
        text.push_str(" ⚠");
    }
    text
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Text safe inside a Mermaid double-quoted string.
fn quoted(text: &str) -> String {
    text.replace('"', "'")
}

/// A number without a leading `+`, for Mermaid.
fn plain(n: &Quantity) -> &str {
    n.text.trim().trim_start_matches('+')
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
