//! The facts form of a week (`render -f json`): the week as written, with every fact the model
//! derived written beside its text, for scripts that should not re-read `入金有效成功率：99.997%`.
//!
//! Each metric carries its value as an exact JSON number (the digits written, `99.110` stays
//! `99.110`) beside `text`, the value as written; each item its progress, due date, status and
//! owner; each incident its time (and the moment it names), level and impact; each link its
//! date. A field that could have been written but was read from the text (or computed) is named
//! in the object's `derived` list. What this writes reads back as the same week: `derived` fields and the
//! output-only ones are not taken as written, and `check` compares them with the text
//! (`facts/claims.rs`).

mod claims;
mod kinds;

use chrono::NaiveDate;
use indexmap::IndexMap;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::dates::{Date, DateTime, WeekNumbering};
use crate::incident::Impact;
use crate::quantity::{Change, Quantity};
use crate::week::{
    Aggregate, Better, Body, Directions, Fact, Field, Incident, Item, Layout, Link, Metric,
    MetricLine, Metrics, Section, Status, Week,
};

use kinds::{PersonOut, RisksOut, TableOut};

pub use claims::{Disagreement, disagreements, lint};

/// The week in its facts form, as pretty JSON with a final newline.
pub fn to_json(
    week: &Week,
    rule: WeekNumbering,
    directions: &Directions,
) -> serde_json::Result<String> {
    let out = WeekOut::new(week, rule, directions);
    Ok(serde_json::to_string_pretty(&out)? + "\n")
}

/// The keys `render -f json` writes that are always derived: accepted on input (so its output
/// reads back), never kept, and compared with the text by `check`.
pub const OUTPUT_ONLY: [&str; 12] = [
    "at",
    "year",
    "numbering",
    "week_start",
    "week_end",
    "change",
    "change_unit",
    "change_text",
    "below_target",
    "worse_than_previous",
    "severity",
    "affects_business",
];

/// Whether `key` belongs to the facts form only, and so is left out of the keys an
/// unknown-key error lists: the output-only keys, `derived`, and a metric's target and previous
/// value as written and their units (read back, they win over the numbers beside them).
pub fn is_facts_form_key(key: &str) -> bool {
    const WRITTEN: [&str; 5] = [
        "derived",
        "target_unit",
        "previous_unit",
        "target_text",
        "previous_text",
    ];
    OUTPUT_ONLY.contains(&key) || WRITTEN.contains(&key)
}

/// An exact number: the decimal's digits, scale kept, as a JSON number.
fn number(d: Decimal) -> Option<Box<RawValue>> {
    RawValue::from_string(d.to_string()).ok()
}

/// The names of the facts in `fields` that were derived rather than written.
fn derived(fields: &[(&'static str, bool)]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|(_, derived)| *derived)
        .map(|(name, _)| *name)
        .collect()
}

fn is_derived<T>(fact: &Option<Fact<T>>) -> bool {
    fact.as_ref().is_some_and(|f| !f.is_given())
}

#[derive(Serialize)]
struct WeekOut<'a> {
    week: u32,
    year: i32,
    numbering: &'static str,
    /// The first and last day of the report's week under the rule.
    week_start: Date,
    week_end: Date,
    date: &'a Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_end: Option<&'a Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "is_true")]
    header: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived: Vec<&'static str>,
    sections: Vec<SectionOut<'a>>,
}

fn is_true(v: &bool) -> bool {
    *v
}

impl<'a> WeekOut<'a> {
    fn new(w: &'a Week, rule: WeekNumbering, directions: &Directions) -> WeekOut<'a> {
        let (year, number) = rule.week_of(w.day());
        let given = w
            .week
            .as_ref()
            .filter(|f| f.is_given())
            .map(|f| f.value.value);
        WeekOut {
            week: given.unwrap_or(number),
            year,
            numbering: rule.name(),
            week_start: Date(rule.week_span(w.day()).0),
            week_end: Date(rule.week_span(w.day()).1),
            date: &w.date.value,
            period_end: w.period_end.as_ref(),
            created: w.created.as_ref(),
            title: w.title.as_deref(),
            author: w.author.as_deref(),
            header: w.header,
            derived: derived(&[("week", given.is_none())]),
            sections: w
                .sections
                .iter()
                .map(|s| section(s, w.day(), directions))
                .collect(),
        }
    }
}

/// A section: the keys of the input form, the content in facts form.
#[derive(Default, Serialize)]
struct SectionOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layout: Option<Layout>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_work: Option<Vec<ItemOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<MetricsOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    objective: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Vec<ItemOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incidents: Option<Vec<IncidentOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    other: Option<Vec<ItemOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reflection: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_week: Option<Vec<ItemOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    daily: Option<Vec<LinkOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    list: Option<Vec<ItemOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<Vec<PersonOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    risks: Option<RisksOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<TableOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a [Field]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agenda: Option<kinds::AgendaOut<'a>>,
}

fn section<'a>(s: &'a Section, day: NaiveDate, directions: &Directions) -> SectionOut<'a> {
    let mut out = SectionOut {
        heading: s.heading.as_deref(),
        level: s.level,
        layout: s.layout,
        ..SectionOut::default()
    };
    let items = |v: &'a [Item]| Some(v.iter().map(item).collect());
    match &s.body {
        Body::KeyWork(v) => out.key_work = items(v),
        Body::Metrics(m) => out.metrics = Some(metrics(m, directions)),
        Body::Objective(o) => {
            out.objective = Some(&o.name);
            out.items = (!o.items.is_empty()).then(|| o.items.iter().map(item).collect());
            out.incidents = (!o.incidents.is_empty())
                .then(|| o.incidents.iter().map(|i| incident(i, day)).collect());
        }
        Body::Incidents(v) => out.incidents = Some(v.iter().map(|i| incident(i, day)).collect()),
        Body::Other(v) => out.other = items(v),
        Body::Reflection(t) => out.reflection = Some(t),
        Body::NextWeek(v) => out.next_week = items(v),
        Body::Daily(v) => out.daily = Some(v.iter().map(link).collect()),
        Body::List(v) => out.list = items(v),
        Body::People(v) => out.people = Some(v.iter().map(kinds::person).collect()),
        Body::Text(t) => out.text = Some(t),
        Body::Raw(t) => out.raw = Some(t),
        Body::Risks(r) => out.risks = Some(kinds::risks(r)),
        Body::Table(t) => out.table = Some(kinds::table(t, directions)),
        Body::Fields(f) => out.fields = Some(f),
        Body::Agenda(a) => out.agenda = Some(kinds::agenda(a)),
    }
    out
}

#[derive(Serialize)]
struct ItemOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_progress: Option<u8>,
    due: Option<Date>,
    status: Option<Status>,
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thread: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    points: Vec<ItemOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived: Vec<&'static str>,
}

fn item(i: &Item) -> ItemOut<'_> {
    ItemOut {
        title: i.title.as_deref(),
        text: i.text.as_deref(),
        progress: i.progress(),
        previous_progress: i.previous_progress,
        due: i.due(),
        status: i.status(),
        owner: i.owner(),
        thread: i.thread.as_deref(),
        note: i.note.as_deref(),
        points: i.points.iter().map(item).collect(),
        derived: derived(&[
            ("progress", is_derived(&i.progress)),
            ("due", is_derived(&i.due)),
            ("status", is_derived(&i.status)),
            ("owner", is_derived(&i.owner)),
        ]),
    }
}

/// A metrics body: a mapping of label to lines, or a list when there is no label.
#[derive(Serialize)]
#[serde(untagged)]
enum MetricsOut<'a> {
    Lines(Vec<LineOut<'a>>),
    Groups(IndexMap<&'a str, Vec<LineOut<'a>>>),
}

fn metrics<'a>(m: &'a Metrics, directions: &Directions) -> MetricsOut<'a> {
    let lines = |g: &'a [MetricLine]| g.iter().map(|l| line(l, directions)).collect();
    if let [g] = m.0.as_slice()
        && g.label.is_none()
    {
        return MetricsOut::Lines(lines(&g.lines));
    }
    MetricsOut::Groups(
        m.0.iter()
            .map(|g| (g.label.as_deref().unwrap_or(""), lines(&g.lines)))
            .collect(),
    )
}

/// A metric line: its text when written as text (then its metrics are read from it), and its
/// metrics.
#[derive(Serialize)]
struct LineOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    metrics: Vec<MetricOut<'a>>,
}

fn line<'a>(l: &'a MetricLine, directions: &Directions) -> LineOut<'a> {
    LineOut {
        text: l.text.as_deref(),
        metrics: l.metrics.iter().map(|m| metric(m, directions)).collect(),
    }
}

#[derive(Serialize)]
struct MetricOut<'a> {
    name: &'a str,
    value: Option<Box<RawValue>>,
    unit: String,
    text: Option<String>,
    target: Option<Box<RawValue>>,
    target_unit: Option<String>,
    target_text: Option<String>,
    previous: Option<Box<RawValue>>,
    previous_unit: Option<String>,
    previous_text: Option<String>,
    change: Option<Box<RawValue>>,
    change_unit: Option<String>,
    change_text: Option<String>,
    better: Option<Better>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aggregate: Option<Aggregate>,
    below_target: bool,
    worse_than_previous: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived: Vec<&'static str>,
}

/// A quantity's three faces: its exact number, its unit (its own, else the metric's) and its
/// text as written (with its own unit only).
pub fn faces(
    written: Option<&Quantity>,
    full: Option<Quantity>,
) -> (Option<Box<RawValue>>, Option<String>, Option<String>) {
    match (written, full) {
        (Some(w), Some(q)) => (number(q.value), Some(q.unit), Some(w.shown())),
        _ => (None, None, None),
    }
}

/// A change's three faces: its exact signed number, its unit (`pp` for a percentage) and its
/// text (`+0.002pp`).
pub fn change_faces(c: Option<&Change>) -> (Option<Box<RawValue>>, Option<String>, Option<String>) {
    match c {
        Some(c) => (
            number(c.amount),
            Some(c.unit().to_string()),
            Some(c.to_string()),
        ),
        None => (None, None, None),
    }
}

fn metric<'a>(m: &'a Metric, directions: &Directions) -> MetricOut<'a> {
    let (value, unit, text) = faces(m.value.as_ref(), m.value());
    let (target, target_unit, target_text) = faces(m.target.as_ref(), m.target());
    let (previous, previous_unit, previous_text) = faces(m.previous.as_ref(), m.previous());
    let (change, change_unit, change_text) = change_faces(m.change().as_ref());
    let better = m.better(directions);
    MetricOut {
        name: &m.name,
        value,
        unit: unit.unwrap_or_else(|| m.unit().to_string()),
        text,
        target,
        target_unit,
        target_text,
        previous,
        previous_unit,
        previous_text,
        change,
        change_unit,
        change_text,
        better,
        aggregate: m.aggregate,
        below_target: m.misses_target(directions),
        worse_than_previous: m.worse_than_previous(directions),
        derived: derived(&[("better", m.better.is_none() && better.is_some())]),
    }
}

#[derive(Serialize)]
struct IncidentOut<'a> {
    time: Option<&'a str>,
    at: Option<String>,
    text: &'a str,
    impact: Option<&'a str>,
    level: Option<&'a str>,
    severity: Option<String>,
    affects_business: Option<bool>,
}

fn incident(i: &Incident, day: NaiveDate) -> IncidentOut<'_> {
    IncidentOut {
        time: i.time.as_deref(),
        at: i.at(day).map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        text: &i.text,
        impact: i.impact.as_deref(),
        level: i.level.as_deref(),
        severity: i.severity(),
        affects_business: match i.impact() {
            Impact::None => Some(false),
            Impact::Some => Some(true),
            Impact::Unknown => None,
        },
    }
}

#[derive(Serialize)]
struct LinkOut<'a> {
    href: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    date: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived: Vec<&'static str>,
}

fn link(l: &Link) -> LinkOut<'_> {
    LinkOut {
        href: &l.href,
        title: l.title.as_deref(),
        date: l.date(),
        derived: derived(&[("date", is_derived(&l.date))]),
    }
}
