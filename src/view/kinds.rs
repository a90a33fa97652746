//! The views of the risks, table, fields and people kinds: each risk with which of its facts
//! to print, a table with its delimiter row and escaped cells, each header field, and each
//! person's update part by part, and each topic of an agenda with its line as written.

use std::borrow::Cow;

use serde::Serialize;

use crate::week::{Align, Field, LabelStyle, PARTS, Person, Point, Risk, Said, Table, Topic};

use super::{ItemView, item};

/// A header field: its label, the colon it is written with, its value or list, and its line
/// as the section's layout writes it (`**Lead:** @alice`, `会议时间：19:00`).
#[derive(Serialize)]
pub struct FieldView<'a> {
    label: &'a str,
    colon: &'static str,
    value: Option<&'a str>,
    items: &'a [String],
    line: String,
}

/// A risk: its text, its facts, and which given facts the text does not say (printed after it).
#[derive(Serialize)]
pub struct RiskView<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: crate::week::RiskType,
    status: crate::week::RiskStatus,
    open: bool,
    owner: Option<&'a str>,
    mitigation: Option<&'a str>,
    due: Option<&'a str>,
    show_type: bool,
    show_status: bool,
    show_owner: bool,
    show_mitigation: bool,
}

/// A table: columns with the delimiter cell their alignment writes, and rows with a cell per
/// column.
#[derive(Serialize)]
pub struct TableView<'a> {
    columns: Vec<ColumnView<'a>>,
    rows: Vec<Vec<Cow<'a, str>>>,
}

/// A table column.
#[derive(Serialize)]
pub struct ColumnView<'a> {
    name: Cow<'a, str>,
    align: Option<Align>,
    /// `---`, `:---`, `:---:` or `---:`.
    rule: &'static str,
}

/// One person's update: the name and the parts given, in order.
#[derive(Serialize)]
pub struct PersonView<'a> {
    name: &'a str,
    /// The heading level the name is printed at, or none for a line of its own.
    level: Option<u8>,
    parts: Vec<PartView<'a>>,
    /// Whether something blocks them (`Blocked: none` does not).
    blocked: bool,
}

/// One part of a person's update.
#[derive(Serialize)]
pub struct PartView<'a> {
    /// `done`, `doing`, `blocked` or `next`.
    key: &'static str,
    /// The label to print, where not the template's own (`labels.<key>`).
    label: Option<&'a str>,
    /// The line after the label, when the part is one line.
    line: Option<&'a str>,
    items: Vec<ItemView<'a>>,
}

/// A header field in view form.
pub(super) fn field(f: &Field, style: Option<LabelStyle>) -> FieldView<'_> {
    FieldView {
        label: &f.label,
        colon: f.colon(),
        value: f.value.as_deref(),
        items: &f.items,
        line: LabelStyle::line(style, &f.label, f.colon(), f.value.as_deref()),
    }
}

pub(super) fn risk(r: &Risk) -> RiskView<'_> {
    RiskView {
        text: &r.text,
        kind: r.kind(),
        status: r.status(),
        open: r.is_open(),
        owner: r.owner(),
        mitigation: r.mitigation(),
        due: r.due.as_deref(),
        show_type: Risk::shows(&r.kind),
        show_status: Risk::shows(&r.status),
        show_owner: Risk::shows(&r.owner),
        show_mitigation: Risk::shows(&r.mitigation),
    }
}

/// A cell as a table row can hold it: a `|` not escaped (written in YAML) escaped as `\|`.
fn cell(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut prev = ' ';
    for c in text.chars() {
        if c == '|' && prev != '\\' {
            out.push('\\');
        }
        out.push(c);
        prev = c;
    }
    if out.len() == text.len() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

pub(super) fn table(t: &Table) -> TableView<'_> {
    let width = t.columns.len();
    TableView {
        columns: t
            .columns
            .iter()
            .map(|c| ColumnView {
                name: cell(c.name.trim()),
                align: c.align,
                rule: match c.align {
                    None => "---",
                    Some(Align::Left) => ":---",
                    Some(Align::Center) => ":---:",
                    Some(Align::Right) => "---:",
                },
            })
            .collect(),
        rows: t
            .rows
            .iter()
            .map(|r| {
                (0..width)
                    .map(|i| cell(r.get(i).map_or("", |c| c.trim())))
                    .collect()
            })
            .collect(),
    }
}

/// A person's update; `words`: the language of the default labels, where not the template's.
pub(super) fn person<'a>(p: &'a Person, words: Option<&'static str>) -> PersonView<'a> {
    let parts = p
        .parts()
        .into_iter()
        .enumerate()
        .filter_map(|(i, said)| {
            let said = said?;
            let (line, items) = match said {
                Said::Line(t) => (Some(t.as_str()), Vec::new()),
                Said::Items(v) => (None, v.iter().map(item).collect()),
            };
            Some(PartView {
                key: PARTS[i],
                label: p
                    .labels
                    .get(i)
                    .or_else(|| words.map(|w| crate::week::labels(w)[i])),
                line,
                items,
            })
        })
        .collect();
    PersonView {
        name: &p.name,
        level: p.level,
        parts,
        blocked: p.is_blocked(),
    }
}

/// A topic of an agenda: its line (title, owner, duration as written), the owner's own line
/// when written on one, its points and notes, and the texts of its decisions and actions.
#[derive(Serialize)]
pub struct TopicView<'a> {
    title: &'a str,
    owner: Option<&'a str>,
    duration: Option<&'a str>,
    line: String,
    owner_line: Option<String>,
    level: Option<u8>,
    points: Vec<ItemView<'a>>,
    notes: Option<&'a str>,
    decisions: Vec<String>,
    actions: Vec<String>,
}

/// The view of a topic.
pub fn topic(t: &Topic) -> TopicView<'_> {
    let texts = |what| t.marked(what).iter().map(|i| i.full_text()).collect();
    TopicView {
        title: &t.title,
        owner: t.owner.as_deref(),
        duration: t.duration.as_deref(),
        line: t.line(),
        owner_line: t.owner_line(),
        level: t.level,
        points: t.points.iter().map(item).collect(),
        notes: t.notes.as_deref().map(super::without_blank_end),
        decisions: texts(Point::Decision),
        actions: texts(Point::Action),
    }
}
