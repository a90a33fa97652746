//! The week: the data model every command stands on.
//!
//! A week is a header (date, week number, created time, title) and an ordered list of sections.
//! Each section has one kind (key work, metrics, objective, incidents, other, reflection, next
//! week, daily links, a plain list, prose, or raw Markdown), an optional heading and level, and
//! its content. Wherever an author has only text a plain string will do; structure (progress,
//! due dates, metric values, incident times) is read from the text when it is not given.

mod agenda;
mod aggregate;
mod colon_line;
mod direction;
mod entry;
mod fact;
pub mod fields;
mod item;
pub mod kinds;
mod layout;
mod metric;
mod people;
mod risk;
mod risk_table;
mod section;
mod table;
mod terse;

use chrono::NaiveDate;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

pub use agenda::{Agenda, Point, Topic, names_someone};
pub use aggregate::Aggregate;
pub use direction::{Better, Directions};
pub use entry::{Incident, Link};
pub use fact::{Fact, Origin};
pub use fields::Field;
pub use item::{Item, Status};
pub use layout::{Around, HeadingStyle, ItemsAs, LabelStyle, Layout, ListStyle, Words};
pub use metric::{Metric, MetricGroup, MetricLine, Metrics, WORSE_PP, WORSE_RELATIVE};
pub use people::{Labels, PARTS, Person, Said, labels};
pub use risk::{Lacks, Risk, RiskStatus, RiskType, Risks, type_of as risk_type};
pub use section::{Body, Content, Kind, Objective, Section};
pub use table::{Align, Column, Table};

use crate::dates::{Date, DateTime, WeekNumbering};
use crate::diag::{Code, Diagnostic};
use crate::yaml::{At, Source};

/// One week's report.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(from = "WeekRepr")]
pub struct Week {
    /// The week number: given (and checked against `date`), or computed from `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<Fact<At<u32>>>,
    /// The date that names the report.
    pub date: At<Date>,
    /// The last day of the period the report covers, when it covers more than its date's week
    /// (`2023.11.22~2023.12.05`, a month). Kept as written; templates may show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<Date>,
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

/// The input form of a week: its fields, and what `render -f json` writes beside them (the
/// week-year, the numbering rule, the names of derived fields), accepted and not kept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekRepr {
    #[serde(default)]
    week: Option<Fact<At<u32>>>,
    date: At<Date>,
    #[serde(default)]
    period_end: Option<Date>,
    #[serde(default)]
    created: Option<DateTime>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default = "yes")]
    header: bool,
    #[serde(default, deserialize_with = "null_as_empty")]
    sections: Vec<Section>,
    #[serde(default, rename = "year")]
    _year: Option<IgnoredAny>,
    #[serde(default, rename = "numbering")]
    _numbering: Option<IgnoredAny>,
    #[serde(default, rename = "week_start")]
    _week_start: Option<IgnoredAny>,
    #[serde(default, rename = "week_end")]
    _week_end: Option<IgnoredAny>,
    /// Fields written as derived: a `week` named here is computed again, not taken as given.
    #[serde(default)]
    derived: Vec<String>,
}

impl From<WeekRepr> for Week {
    fn from(r: WeekRepr) -> Week {
        let derived_week = r.derived.iter().any(|f| f == "week");
        Week {
            week: r.week.filter(|_| !derived_week),
            date: r.date,
            period_end: r.period_end,
            created: r.created,
            title: r.title,
            author: r.author,
            header: r.header,
            sections: r.sections,
        }
    }
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
    /// Parses a week from a YAML (or JSON) source, once, then derives what was not given.
    pub fn from_source(source: &Source, rule: WeekNumbering) -> Result<Week, Diagnostic> {
        let mut week: Week = source.parse()?;
        week.derive(source, rule)?;
        Ok(week)
    }

    /// Derives, once, what was not given: the week number from the date; progress, due dates,
    /// metrics and link dates from the text. A given week number is checked against the date.
    fn derive(&mut self, source: &Source, rule: WeekNumbering) -> Result<(), Diagnostic> {
        let (_, number) = rule.week_of(self.day());
        match self
            .week
            .as_ref()
            .filter(|w| w.is_given())
            .map(|w| &w.value)
        {
            Some(given) if given.value != number => {
                let message = crate::msg!(
                    "week-date-mismatch",
                    given = given.value,
                    date = self.date.value.to_string(),
                    number = number,
                    rule = rule.name()
                );
                let other = match rule {
                    WeekNumbering::Jan1 => WeekNumbering::Iso,
                    WeekNumbering::Iso => WeekNumbering::Jan1,
                };
                let hint = if other.week_of(self.day()).1 == given.value {
                    crate::msg!("week-date-mismatch-other-rule", rule = other.name())
                } else {
                    crate::msg!("week-date-mismatch-help", number = number)
                };
                let mut diag = source
                    .error_at(given.pos, message)
                    .with_label(crate::msg!("week-date-mismatch-label"))
                    .with_help(hint);
                diag.code = Some(Code::WeekDateMismatch);
                return Err(diag);
            }
            Some(_) => {}
            None => self.week = Some(Fact::computed(At::new(number))),
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
        self.week.as_ref().map_or(0, |w| w.value.value)
    }

    /// The week as the author wrote it: every derived fact left out. `new` and `merge` write
    /// this, so a value read from the text is not written back as if the author gave it.
    pub fn as_written(&self) -> Week {
        Week {
            week: fact::written(&self.week),
            sections: self.sections.iter().map(Section::as_written).collect(),
            ..self.clone()
        }
    }

    /// Every incident in the week, wherever it is listed.
    pub fn incidents(&self) -> impl Iterator<Item = &Incident> {
        self.sections.iter().flat_map(|s| match &s.body {
            Body::Objective(o) => o.incidents.as_slice(),
            Body::Incidents(list) => list.as_slice(),
            _ => &[],
        })
    }

    /// Every metric in the week, in order: those of metrics sections and those read from the
    /// numbers of tables.
    pub fn metrics(&self) -> impl Iterator<Item = &Metric> {
        self.sections
            .iter()
            .flat_map(|s| -> Box<dyn Iterator<Item = &Metric>> {
                match &s.body {
                    Body::Metrics(m) => Box::new(m.all()),
                    Body::Table(t) => Box::new(t.metrics.iter()),
                    _ => Box::new(std::iter::empty()),
                }
            })
    }

    /// The header fields of the week's fields sections, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| match &s.body {
            Body::Fields(f) => f.as_slice(),
            _ => &[],
        })
    }

    /// Who writes the report: `author:`, else a header field naming the author (姓名, Name).
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref().or_else(|| {
            self.sections.iter().find_map(|s| match &s.body {
                Body::Fields(f) => fields::author(f),
                _ => None,
            })
        })
    }

    /// What the report is about: `title:`, else a header field naming the project (项目).
    pub fn project(&self) -> Option<&str> {
        self.title.as_deref().or_else(|| {
            self.sections.iter().find_map(|s| match &s.body {
                Body::Fields(f) => fields::title(f),
                _ => None,
            })
        })
    }

    /// Every risk in the week, wherever it is listed.
    pub fn risks(&self) -> impl Iterator<Item = &Risk> {
        self.sections.iter().flat_map(|s| match &s.body {
            Body::Risks(r) => r.items.as_slice(),
            _ => &[],
        })
    }
}
