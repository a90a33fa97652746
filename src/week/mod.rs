//! The week: the data model every command stands on.
//!
//! A week is a header (date, week number, created time, title) and an ordered list of sections.
//! Each section has one kind (key work, metrics, objective, incidents, other, reflection, next
//! week, daily links, a plain list, prose, or raw Markdown), an optional heading and level, and
//! its content. Wherever an author has only text a plain string will do; structure (progress,
//! due dates, metric values, incident times) is read from the text when it is not given.

mod entry;
mod item;
mod metric;
mod section;
mod terse;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use entry::{Incident, Link};
pub use item::{Item, Status};
pub use metric::{Better, Metric, MetricGroup, MetricLine, Metrics};
pub use section::{Body, Kind, Objective, Section};

use crate::dates::{Date, DateTime, WeekNumbering};
use crate::diag::Diagnostic;
use crate::yaml::{At, Source};

/// The code of the error raised when `week:` contradicts `date:` (explained by `weekly check`).
pub const WEEK_DATE_MISMATCH: &str = "week-date-mismatch";

/// One week's report.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// The week number; derived from `date` when not given, checked against it when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<At<u32>>,
    /// The date that names the report.
    pub date: At<Date>,
    /// When the report was written (`Created:` in the Notion export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime>,
    /// A title replacing the template's default (`第44周`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who writes the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Whether the template prints its title block (title and date, `Created:`). `false` for
    /// imported reports whose opening is not in the template's form: they keep it as sections.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub header: bool,
    /// The sections, in order. `sections:` with nothing after it (every sample still commented
    /// out) is no sections.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub sections: Vec<Section>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Section>, D::Error> {
    Ok(Option::<Vec<Section>>::deserialize(d)?.unwrap_or_default())
}

fn yes() -> bool {
    true
}

fn is_yes(v: &bool) -> bool {
    *v
}

impl Week {
    /// Parses and completes a week from a YAML (or JSON) source.
    pub fn from_source(source: &Source, rule: WeekNumbering) -> Result<Week, Diagnostic> {
        let mut week: Week = source.parse()?;
        week.complete(source, rule)?;
        Ok(week)
    }

    /// Derives what was not given (week number, progress, due dates) and checks what was.
    fn complete(&mut self, source: &Source, rule: WeekNumbering) -> Result<(), Diagnostic> {
        let (_, number) = rule.week_of(self.day());
        match &self.week {
            Some(given) if given.value != number => {
                let msg = format!(
                    "week {} does not match date {} (week {number} under the `{}` rule)",
                    given.value,
                    self.date.value,
                    rule.name()
                );
                let other = match rule {
                    WeekNumbering::Jan1 => WeekNumbering::Iso,
                    WeekNumbering::Iso => WeekNumbering::Jan1,
                };
                let hint = if other.week_of(self.day()).1 == given.value {
                    format!(
                        "it is the week number under `--week-numbering {}`",
                        other.name()
                    )
                } else {
                    format!("write `week: {number}`, or leave `week` out to derive it")
                };
                let mut diag = source
                    .error_at(given.pos, msg)
                    .with_label("contradicts the date")
                    .with_help(hint);
                diag.code = Some(WEEK_DATE_MISMATCH.to_string());
                return Err(diag);
            }
            Some(_) => {}
            None => self.week = Some(At::new(number)),
        }
        let day = self.day();
        for section in &mut self.sections {
            section.derive(day);
        }
        Ok(())
    }

    /// The report's date.
    pub fn day(&self) -> NaiveDate {
        self.date.value.0
    }

    /// The week number (derived when the file did not give one).
    pub fn number(&self) -> u32 {
        self.week.as_ref().map_or(0, |w| w.value)
    }

    /// Every incident in the week, wherever it is listed.
    pub fn incidents(&self) -> impl Iterator<Item = &Incident> {
        self.sections.iter().flat_map(|s| match &s.body {
            Body::Objective(o) => o.incidents.as_slice(),
            Body::Incidents(list) => list.as_slice(),
            _ => &[],
        })
    }

    /// Every metric in the week, in order.
    pub fn metrics(&self) -> impl Iterator<Item = &Metric> {
        self.sections
            .iter()
            .filter_map(|s| match &s.body {
                Body::Metrics(m) => Some(m),
                _ => None,
            })
            .flat_map(Metrics::all)
    }
}
