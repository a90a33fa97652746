//! `weekly rollup`: the month, quarter, half or year drawn from the weeks: key work threaded
//! across weeks, objectives' progress from start to end, metrics by their aggregation,
//! incidents, plans against results, risks and reflections, written as a document in the week format.

mod document;
mod incidents;
mod metrics;
mod objectives;
pub mod period;
mod plans;
mod risks;
mod threads;
mod words;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

pub use crate::week::Aggregate;
pub use document::Lang;
pub use incidents::{Dated, Incidents, streaks};
pub use metrics::{Rolled, sum};
pub use objectives::{Goal, Track};
pub use period::{Period, Placing, Span};
pub use plans::Plans;
pub use risks::{Change, RiskLog};
pub use threads::{Thread, normalised};

use crate::dates::WeekNumbering;
use crate::trend::{Collector, WeekRef};
use crate::week::{Body, Directions, Week};

/// Output formats of `weekly rollup`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The rollup as a week-format YAML document, to edit and render.
    #[default]
    Yaml,
    /// Markdown through the `rollup-zh`/`rollup-en` template.
    Md,
    /// An HTML page.
    Html,
    /// The facts form of `render -f json`.
    Json,
}

/// What a rollup needs besides its weeks.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// How a week is placed in a period.
    pub placing: Placing,
    /// Which way metrics are better where they do not say (`[metrics]`).
    pub directions: Directions,
    /// `[rollup.aggregate]`: how named metrics aggregate (`last` otherwise).
    pub aggregates: Vec<(String, Aggregate)>,
    /// The week numbering rule.
    pub rule: WeekNumbering,
}

/// A week missing from the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// Its Monday.
    pub monday: NaiveDate,
    /// `2023-W42`.
    pub label: String,
}

/// A period drawn from its weeks.
#[derive(Clone, Debug)]
pub struct Rollup {
    /// The period.
    pub period: Period,
    /// The weeks drawn from, by date.
    pub weeks: Vec<WeekRef>,
    /// The weeks of the period with no report.
    pub missing: Vec<Missing>,
    /// Key work threads.
    pub threads: Vec<Thread>,
    /// Objectives and their items.
    pub goals: Vec<Goal>,
    /// Metrics.
    pub metrics: Vec<Rolled>,
    /// Incidents.
    pub incidents: Incidents,
    /// Plans against results.
    pub plans: Plans,
    /// Risks opened, closed, gone and still open.
    pub risks: RiskLog,
    /// Each week's reflection, as written (index of the week, text).
    pub reflections: Vec<(usize, String)>,
}

/// Rolls up the weeks of `period` among `weeks` (file, week; any order, other weeks ignored).
/// Two files for the same week are an error naming both.
pub fn roll(period: Period, mut weeks: Vec<(String, Week)>, settings: &Settings) -> Result<Rollup> {
    weeks.retain(|(_, w)| period.holds(w.day(), settings.placing));
    weeks.sort_by(|a, b| (a.1.day(), &a.0).cmp(&(b.1.day(), &b.0)));
    let mut collector = Collector::new(settings.directions.clone());
    for (file, week) in &weeks {
        collector.add(file, week, settings.rule);
    }
    let trend = collector.finish()?;
    let list: Vec<&Week> = weeks.iter().map(|(_, w)| w).collect();
    let last_day = list.last().map_or(period.end, |w| {
        period
            .end
            .min(period::monday(w.day()) + chrono::Days::new(6))
    });
    Ok(Rollup {
        missing: missing(&period, &list, settings),
        threads: threads::threads(list.iter().copied()),
        goals: objectives::goals(list.iter().copied()),
        metrics: metrics::rolled(&trend, &aggregates(&list, settings)),
        incidents: incidents::incidents(list.iter().copied(), period.start, last_day),
        plans: plans::plans(&list),
        risks: risks::risks(list.iter().copied()),
        reflections: reflections(&list),
        weeks: trend.weeks,
        period,
    })
}

/// How each metric aggregates: its own `aggregate:` (the latest week's that gives one) before
/// the config's `[rollup.aggregate]`.
fn aggregates(weeks: &[&Week], settings: &Settings) -> Vec<(String, Aggregate)> {
    let given = weeks.iter().rev().flat_map(|w| w.metrics());
    let own = given.filter_map(|m| Some((m.name.clone(), m.aggregate?)));
    own.chain(settings.aggregates.iter().cloned()).collect()
}

/// The weeks the period expects that no report covers.
fn missing(period: &Period, weeks: &[&Week], settings: &Settings) -> Vec<Missing> {
    let have: BTreeSet<NaiveDate> = weeks.iter().map(|w| period::monday(w.day())).collect();
    period
        .expected(settings.placing)
        .into_iter()
        .filter(|m| !have.contains(m))
        .map(|monday| {
            let (year, week) = settings.rule.week_of(period::thursday(monday));
            Missing {
                monday,
                label: format!("{year}-W{week:02}"),
            }
        })
        .collect()
}

fn reflections(weeks: &[&Week]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, week) in weeks.iter().enumerate() {
        for s in &week.sections {
            if let Body::Reflection(text) = &s.body
                && !text.trim().is_empty()
            {
                out.push((i, text.trim_end().to_string()));
            }
        }
    }
    out
}

/// The week files a rollup document was drawn from (its links to `.yaml`, `.yml` or `.json`
/// files, relative to its folder), so that a quarter from three months is the quarter from
/// their weeks; `None` for a week.
pub fn drawn_from(file: &str, doc: &Week) -> Option<Vec<PathBuf>> {
    doc.period_end?;
    let links: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Daily(links) => Some(links),
            _ => None,
        })
        .flatten()
        .map(|l| l.href.as_str())
        .collect();
    let weekly = |h: &&str| {
        let ext = Path::new(h).extension().and_then(|e| e.to_str());
        matches!(ext, Some("yaml" | "yml" | "json"))
    };
    if links.is_empty() || !links.iter().all(weekly) {
        return None;
    }
    let dir = Path::new(file).parent().unwrap_or(Path::new(""));
    Some(
        links
            .iter()
            .map(|h| crate::config::normalize(&dir.join(h)))
            .collect(),
    )
}

#[cfg(test)]
mod tests;
