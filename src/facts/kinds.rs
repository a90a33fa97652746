//! The facts form of the risks, table and people kinds: each risk with its facts (or the table
//! it was read from), a table with the metrics and row statuses read from its cells, and each
//! person's update with whether anything blocks them, and an agenda's topics.

use serde::Serialize;

use crate::week::{
    Agenda, Column, Directions, Labels, Person, Risk, RiskStatus, RiskType, Risks, Said, Status,
    Table, Topic,
};

use super::{ItemOut, MetricOut, derived, is_derived, item, metric};

/// A table as written, with the metrics and row statuses read from its cells.
#[derive(Serialize)]
pub(super) struct TableOut<'a> {
    columns: &'a [Column],
    rows: &'a [Vec<String>],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    metrics: Vec<MetricOut<'a>>,
    #[serde(skip_serializing_if = "<[Option<Status>]>::is_empty")]
    statuses: &'a [Option<Status>],
}

/// A risks body: each risk with its facts, or the table they were read from.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum RisksOut<'a> {
    List(Vec<RiskOut<'a>>),
    Table(&'a Table),
}

#[derive(Serialize)]
pub(super) struct RiskOut<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: RiskType,
    status: RiskStatus,
    owner: Option<&'a str>,
    mitigation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived: Vec<&'static str>,
}

fn risk(r: &Risk) -> RiskOut<'_> {
    RiskOut {
        text: &r.text,
        kind: r.kind(),
        status: r.status(),
        owner: r.owner(),
        mitigation: r.mitigation(),
        due: r.due.as_deref(),
        derived: derived(&[
            ("type", r.kind.is_none_or(|k| !k.is_given())),
            ("status", r.status.is_none_or(|s| !s.is_given())),
            ("owner", is_derived(&r.owner)),
            ("mitigation", is_derived(&r.mitigation)),
        ]),
    }
}

/// A person's update: each part's items in facts form, and whether anything blocks them.
#[derive(Serialize)]
pub(super) struct PersonOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    done: Option<SaidOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doing: Option<SaidOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocked: Option<SaidOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<SaidOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<&'a Labels>,
    is_blocked: bool,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum SaidOut<'a> {
    Line(&'a str),
    Items(Vec<ItemOut<'a>>),
}

fn said(s: &Option<Said>) -> Option<SaidOut<'_>> {
    match s.as_ref()? {
        Said::Line(t) => Some(SaidOut::Line(t)),
        Said::Items(v) => Some(SaidOut::Items(v.iter().map(item).collect())),
    }
}

pub(super) fn person(p: &Person) -> PersonOut<'_> {
    PersonOut {
        name: &p.name,
        level: p.level,
        done: said(&p.done),
        doing: said(&p.doing),
        blocked: said(&p.blocked),
        next: said(&p.next),
        labels: (p.labels != Labels::default()).then_some(&p.labels),
        is_blocked: p.is_blocked(),
    }
}

/// A risks body in facts form: the table the risks were read from, else each risk.
pub(super) fn risks(r: &Risks) -> RisksOut<'_> {
    match &r.table {
        Some(t) => RisksOut::Table(t),
        None => RisksOut::List(r.items.iter().map(risk).collect()),
    }
}

/// A table in facts form: as written, with the metrics and statuses read from its cells.
pub(super) fn table<'a>(t: &'a Table, directions: &Directions) -> TableOut<'a> {
    TableOut {
        columns: &t.columns,
        rows: &t.rows,
        metrics: t.metrics.iter().map(|m| metric(m, directions)).collect(),
        statuses: &t.statuses,
    }
}

/// An agenda in facts form: its topics with their points' facts, in the form it was read from.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum AgendaOut<'a> {
    List(Vec<TopicOut<'a>>),
    Map {
        intro: &'a str,
        topics: Vec<TopicOut<'a>>,
    },
}

/// A topic, its points in facts form.
#[derive(Serialize)]
pub(super) struct TopicOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_label: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    points: Vec<ItemOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
}

fn topic(t: &Topic) -> TopicOut<'_> {
    TopicOut {
        title: &t.title,
        owner: t.owner.as_deref(),
        duration: t.duration.as_deref(),
        owner_label: t.owner_label.as_deref(),
        points: t.points.iter().map(item).collect(),
        notes: t.notes.as_deref(),
        level: t.level,
    }
}

/// An agenda in facts form.
pub(super) fn agenda(a: &Agenda) -> AgendaOut<'_> {
    let topics = a.topics.iter().map(topic).collect();
    match &a.intro {
        Some(intro) => AgendaOut::Map { intro, topics },
        None => AgendaOut::List(topics),
    }
}
