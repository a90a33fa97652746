//! The trend printed: a Markdown table with a summary, CSV, JSON, and Mermaid charts.

use std::fmt::Write as _;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::value::RawValue;

use super::{Point, Series, Trend, WeekRef};
use crate::facts;
use crate::msg;
use crate::quantity::Quantity;
use crate::week::Better;

impl Series {
    /// Whether `q` can be drawn on this series' axis.
    fn plots(&self, q: &Quantity) -> bool {
        self.in_unit(q).is_some()
    }

    /// `q` as a number on this series' axis: as written when in the series' unit, else
    /// converted to it; `None` when its unit does not compare.
    fn plot(&self, q: &Quantity) -> Option<String> {
        if q.unit == self.unit || q.unit.is_empty() {
            return Some(plain(q));
        }
        self.in_unit(q).map(|v| v.to_string())
    }
}

impl Trend {
    /// A table with one row per week (by date) and one column per metric, each cell the value
    /// as written, its change and a ⚠ below target; then one summary row per metric.
    pub fn markdown(&self) -> String {
        let (Some(first), Some(last)) = (self.weeks.first(), self.weeks.last()) else {
            return msg!("trend-no-weeks") + "\n";
        };
        if self.series.is_empty() {
            return msg!("trend-no-metrics", weeks = self.weeks.len()) + "\n";
        }
        let mut out = msg!(
            "trend-heading",
            first = first.label(),
            first_date = first.date.to_string(),
            last = last.label(),
            last_date = last.date.to_string(),
            weeks = self.weeks.len()
        ) + "\n\n";
        self.week_table(&mut out);
        out.push('\n');
        self.summary_table(&mut out);
        out.push('\n');
        out.push_str(&msg!("trend-legend"));
        out.push('\n');
        self.unit_notes(&mut out);
        out
    }

    fn week_table(&self, out: &mut String) {
        let _ = write!(
            out,
            "| {} | {} |",
            msg!("trend-column-week"),
            msg!("trend-column-date")
        );
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

    /// A note per metric with values in units that do not compare with its latest one.
    fn unit_notes(&self, out: &mut String) {
        for s in &self.series {
            let odd: Vec<String> = s
                .incomparable()
                .map(|p| format!("{} ({})", self.weeks[p.week].label(), p.shown()))
                .collect();
            if !odd.is_empty() {
                let unit = if s.unit.is_empty() {
                    msg!("trend-no-unit")
                } else {
                    s.unit.clone()
                };
                let _ = writeln!(
                    out,
                    "{}",
                    msg!(
                        "trend-unit-note",
                        metric = cell(&s.name),
                        values = odd.join(", "),
                        unit = unit
                    )
                );
            }
        }
    }

    fn summary_table(&self, out: &mut String) {
        let _ = writeln!(out, "{}", msg!("trend-summary-header"));
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
    /// `date,year,week,file,metric,value,unit,change,target,target_unit,below_target`.
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
            "target_unit",
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
                    p.target.as_ref().map_or("", |t| t.unit.as_str()),
                    if p.below_target { "true" } else { "false" },
                ])?;
            }
        }
        Ok(String::from_utf8(w.into_inner()?)?)
    }

    /// `{"weeks": [...], "metrics": [{name, unit, better, sparkline, values: [...]}]}`, each
    /// value as an exact number (`99.110` keeps its digits) beside its unit and text, with the
    /// field names of `render -f json`.
    pub fn json(&self) -> Result<String> {
        let metrics: Vec<JsonSeries> = self
            .series
            .iter()
            .map(|s| JsonSeries {
                name: &s.name,
                unit: &s.unit,
                better: s.better,
                sparkline: s.sparkline(),
                values: s.points.iter().map(|p| self.json_point(p)).collect(),
            })
            .collect();
        let doc = JsonTrend {
            weeks: &self.weeks,
            metrics,
        };
        Ok(serde_json::to_string_pretty(&doc)? + "\n")
    }

    fn json_point<'a>(&self, p: &'a Point) -> JsonPoint<'a> {
        let (value, _, text) = facts::faces(Some(&p.value), Some(p.value.clone()));
        let (target, target_unit, target_text) = facts::faces(p.target.as_ref(), p.target.clone());
        let (change, change_unit, change_text) = facts::change_faces(p.change.as_ref());
        JsonPoint {
            date: self.weeks[p.week].date,
            week: self.weeks[p.week].label(),
            value,
            unit: &p.value.unit,
            text,
            change,
            change_unit,
            change_text,
            target,
            target_unit,
            target_text,
            below_target: p.below_target,
        }
    }

    /// One Mermaid `xychart-beta` line chart per metric (metrics have different scales), over
    /// the weeks that have a value in a unit comparable with the latest one's, converted to it;
    /// a second, flat line shows the target when every one of those weeks has one.
    pub fn mermaid(&self) -> String {
        let mut charts = Vec::new();
        for s in &self.series {
            let mut out = String::new();
            let points: Vec<&Point> = s.points.iter().filter(|p| s.plots(&p.value)).collect();
            let labels: Vec<String> = points
                .iter()
                .map(|p| format!("\"{}\"", self.weeks[p.week].label()))
                .collect();
            let values: Vec<String> = points.iter().filter_map(|p| s.plot(&p.value)).collect();
            out.push_str("```mermaid\nxychart-beta\n");
            let _ = writeln!(out, "    title \"{}\"", quoted(&s.name));
            let _ = writeln!(out, "    x-axis [{}]", labels.join(", "));
            if !s.unit.is_empty() {
                let _ = writeln!(out, "    y-axis \"{}\"", quoted(&s.unit));
            }
            let _ = writeln!(out, "    line [{}]", values.join(", "));
            let targets: Option<Vec<String>> = points
                .iter()
                .map(|p| p.target.as_ref().and_then(|t| s.plot(t)))
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
    better: Option<Better>,
    sparkline: String,
    values: Vec<JsonPoint<'a>>,
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    date: NaiveDate,
    week: String,
    value: Option<Box<RawValue>>,
    unit: &'a str,
    text: Option<String>,
    change: Option<Box<RawValue>>,
    change_unit: Option<String>,
    change_text: Option<String>,
    target: Option<Box<RawValue>>,
    target_unit: Option<String>,
    target_text: Option<String>,
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
fn plain(n: &Quantity) -> String {
    n.text.trim().trim_start_matches('+').to_string()
}
