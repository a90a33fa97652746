//! The template context: the week as templates see it, with every derived value ready.
//!
//! Templates never compute week numbers, dates or counts; they get them here. Every field is
//! always present (`none` when empty), so templates can test any of them.

use std::borrow::Cow;

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::dates::WeekNumbering;
use crate::quantity::Quantity;
use crate::week::kinds::Defaults;
use crate::week::{
    Align, Better, Content, Directions, Incident, Item, Layout, Link, Metric, MetricGroup,
    MetricLine, PARTS, Person, Risk, Said, Section, Table, Week,
};

/// The whole context of a week template.
#[derive(Serialize)]
pub struct Context<'a> {
    /// Header facts.
    pub week: Header<'a>,
    /// Sections in order.
    pub sections: Vec<SectionView<'a>>,
    /// Render options templates may honour (`show_targets`).
    pub options: Options,
    /// The kinds table's default headings and levels per built-in language
    /// (`defaults.zh.headings.key_work`, `defaults.en.levels.next_week`).
    pub defaults: Defaults,
}

/// Switches a template may honour.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Options {
    /// Show targets and last week's values beside metrics.
    pub show_targets: bool,
}

/// The header.
#[derive(Serialize)]
pub struct Header<'a> {
    number: u32,
    year: i32,
    date: String,
    period_end: Option<String>,
    created: Option<String>,
    title: Option<&'a str>,
    author: Option<&'a str>,
    numbering: &'static str,
    header: bool,
}

/// One section: its kind, heading and level, and the fields of its content's shape (the others
/// are empty).
#[derive(Serialize)]
pub struct SectionView<'a> {
    kind: &'static str,
    heading: Option<&'a str>,
    level: Option<u8>,
    numbered: bool,
    /// Whether incidents show their given impact and level (`layout: {details: false}`: not).
    details: bool,
    start: u64,
    loose: bool,
    /// Whether the points under items are numbered (else bulleted).
    numbered_points: bool,
    /// Whether the items are paragraphs of their own rather than a list.
    paragraphs: bool,
    items: Vec<ItemView<'a>>,
    groups: Vec<GroupView<'a>>,
    id: Option<&'a str>,
    name: Option<&'a str>,
    title: Option<&'a str>,
    incidents: Vec<IncidentView<'a>>,
    text: Option<&'a str>,
    links: Vec<LinkView<'a>>,
    people: Vec<PersonView<'a>>,
    risks: Vec<RiskView<'a>>,
    table: Option<TableView<'a>>,
    fields: Vec<FieldView<'a>>,
    /// A field under a heading that is its label (`### 姓名`, then `张三`): its value alone.
    labelled: Option<&'a str>,
}

/// A header field: its label, the colon it is written with, its value or list.
#[derive(Serialize)]
pub struct FieldView<'a> {
    label: &'a str,
    colon: &'static str,
    value: Option<&'a str>,
    items: &'a [String],
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

/// One item.
#[derive(Serialize)]
pub struct ItemView<'a> {
    title: Option<&'a str>,
    text: Option<&'a str>,
    points: Vec<ItemView<'a>>,
    note: Option<&'a str>,
    progress: Option<u8>,
    previous_progress: Option<u8>,
    show_progress: bool,
    /// Whether the status is printed after the text: given, and not already said there.
    show_status: bool,
    due: Option<String>,
    status: Option<&'static str>,
    owner: Option<&'a str>,
}

/// A group of metric lines.
#[derive(Serialize)]
pub struct GroupView<'a> {
    label: Option<&'a str>,
    lines: Vec<LineView<'a>>,
}

/// A metric line.
#[derive(Serialize)]
pub struct LineView<'a> {
    text: Option<&'a str>,
    metrics: Vec<MetricView<'a>>,
}

/// A metric.
#[derive(Serialize)]
pub struct MetricView<'a> {
    name: &'a str,
    value: Option<String>,
    /// The value as a float, for templates that compare it (the text is `value`).
    number: Option<f64>,
    unit: &'a str,
    target: Option<String>,
    previous: Option<String>,
    change: Option<String>,
    /// `higher` or `lower`; none when nothing says which way is better.
    better: Option<Better>,
    below_target: bool,
}

/// An incident.
#[derive(Serialize)]
pub struct IncidentView<'a> {
    time: Option<&'a str>,
    text: &'a str,
    impact: Option<&'a str>,
    level: Option<&'a str>,
    /// The given impact and level where the text does not already say them: what the
    /// templates print after the text.
    impact_to_say: Option<&'a str>,
    level_to_say: Option<&'a str>,
    /// Whether the text ends a sentence (`。`, `.`, `!`): the given impact and level follow it
    /// without a comma.
    ends_sentence: bool,
}

/// A link.
#[derive(Serialize)]
pub struct LinkView<'a> {
    href: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
}

/// Builds the context of `week`.
/// Which way a metric is better follows `directions` where the metric does not say.
pub fn context<'a>(
    week: &'a Week,
    rule: WeekNumbering,
    options: Options,
    directions: &Directions,
) -> Context<'a> {
    let (year, _) = rule.week_of(week.day());
    let header = Header {
        number: week.number(),
        year,
        date: week.date.value.to_string(),
        period_end: week.period_end.map(|d| d.to_string()),
        created: week.created.map(|c| c.to_string()),
        title: week.title.as_deref(),
        author: week.author.as_deref(),
        numbering: rule.name(),
        header: week.header,
    };
    Context {
        week: header,
        sections: week
            .sections
            .iter()
            .map(|s| section(s, directions))
            .collect(),
        options,
        defaults: Defaults,
    }
}

fn section<'a>(s: &'a Section, directions: &Directions) -> SectionView<'a> {
    let mut v = SectionView {
        kind: s.body.kind().key(),
        heading: s.heading.as_deref(),
        level: s.level,
        numbered: Layout::numbered(s.layout.as_ref(), s.body.kind()),
        details: Layout::details(s.layout.as_ref()),
        start: s.layout.and_then(|l| l.start).unwrap_or(1),
        loose: s.layout.is_some_and(|l| l.loose),
        numbered_points: Layout::numbered_points(s.layout.as_ref(), s.body.kind()),
        paragraphs: Layout::paragraphs(s.layout.as_ref()),
        items: Vec::new(),
        groups: Vec::new(),
        id: None,
        name: None,
        title: None,
        incidents: Vec::new(),
        text: None,
        links: Vec::new(),
        risks: Vec::new(),
        table: None,
        fields: Vec::new(),
        people: Vec::new(),
        labelled: None,
    };
    match s.body.content() {
        Content::Items(items) => v.items = items.iter().map(item).collect(),
        Content::Metrics(m) => v.groups = m.0.iter().map(|g| group(g, directions)).collect(),
        Content::Objective(o) => {
            v.items = o.items.iter().map(item).collect();
            v.id = o.id();
            v.name = Some(&o.name);
            v.title = Some(o.title());
            v.incidents = o.incidents.iter().map(incident).collect();
        }
        Content::Incidents(list) => v.incidents = list.iter().map(incident).collect(),
        Content::Markdown(t) => v.text = Some(without_blank_end(t)),
        Content::Links(links) => v.links = links.iter().map(link).collect(),
        Content::Risks(r) => match &r.table {
            Some(t) => v.table = Some(table(t)),
            None => v.risks = r.items.iter().map(risk).collect(),
        },
        Content::Table(t) => v.table = Some(table(t)),
        Content::Fields(f) => {
            v.labelled = match f {
                [one]
                    if one.items.is_empty()
                        && s.heading.as_deref().is_some_and(|h| {
                            h.trim().trim_end_matches([':', '：']).trim_end() == one.label
                        }) =>
                {
                    one.value.as_deref()
                }
                _ => None,
            };
            v.fields = f
                .iter()
                .map(|f| FieldView {
                    label: &f.label,
                    colon: f.colon(),
                    value: f.value.as_deref(),
                    items: &f.items,
                })
                .collect()
        }
        Content::People(people) => {
            let words = s.layout.and_then(|l| l.words).map(|w| w.lang());
            v.people = people.iter().map(|p| person(p, words)).collect();
        }
    }
    v
}

fn risk(r: &Risk) -> RiskView<'_> {
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

fn table(t: &Table) -> TableView<'_> {
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
fn person<'a>(p: &'a Person, words: Option<&'static str>) -> PersonView<'a> {
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

/// Markdown without its final line ending (a YAML `|` block's), which the template writes;
/// trailing spaces and blank lines before it are content (the end of a code block).
fn without_blank_end(t: &str) -> &str {
    if t.trim_ascii().is_empty() {
        return "";
    }
    t.strip_suffix('\n').unwrap_or(t)
}

fn item(i: &Item) -> ItemView<'_> {
    ItemView {
        title: i.title.as_deref(),
        text: i.text.as_deref(),
        points: i.points.iter().map(item).collect(),
        note: i.note.as_deref().map(without_blank_end),
        progress: i.progress(),
        previous_progress: i.previous_progress,
        show_progress: i.shows_progress(),
        show_status: i.shows_status(),
        due: i.due().map(|d| d.to_string()),
        status: i.status().map(|s| match s {
            crate::week::Status::Todo => "todo",
            crate::week::Status::Doing => "doing",
            crate::week::Status::Done => "done",
            crate::week::Status::Blocked => "blocked",
            crate::week::Status::Dropped => "dropped",
        }),
        owner: i.owner(),
    }
}

fn group<'a>(g: &'a MetricGroup, directions: &Directions) -> GroupView<'a> {
    GroupView {
        label: g.label.as_deref(),
        lines: g.lines.iter().map(|l| line(l, directions)).collect(),
    }
}

fn line<'a>(l: &'a MetricLine, directions: &Directions) -> LineView<'a> {
    LineView {
        text: l.text.as_deref(),
        metrics: l.metrics.iter().map(|m| metric(m, directions)).collect(),
    }
}

fn metric<'a>(m: &'a Metric, directions: &Directions) -> MetricView<'a> {
    let value = m.value();
    MetricView {
        name: &m.name,
        value: value.as_ref().map(Quantity::shown),
        number: value.and_then(|v| v.value.to_f64()),
        unit: m.unit(),
        target: m.target().map(|t| t.shown()),
        previous: m.previous().map(|p| p.shown()),
        change: m.change().map(|c| c.to_string()),
        better: m.better(directions),
        below_target: m.misses_target(directions),
    }
}

fn incident(i: &Incident) -> IncidentView<'_> {
    IncidentView {
        time: i.time.as_deref(),
        text: &i.text,
        impact: i.impact.as_deref(),
        level: i.level.as_deref(),
        impact_to_say: unsaid(i.impact.as_deref(), &i.text),
        level_to_say: unsaid(i.level.as_deref(), &i.text),
        ends_sentence: i
            .text
            .trim_end()
            .ends_with(['。', '.', '!', '！', '?', '？', '；', ';']),
    }
}

/// A given value the text does not already hold (`level: P2` beside `P2故障：…` is not
/// printed twice).
fn unsaid<'a>(given: Option<&'a str>, text: &str) -> Option<&'a str> {
    given.filter(|g| {
        let g = g.trim();
        !g.is_empty() && !text.to_lowercase().contains(&g.to_lowercase())
    })
}

fn link(l: &Link) -> LinkView<'_> {
    LinkView {
        href: &l.href,
        title: l.title.as_deref(),
        date: l.date().map(|d| d.to_string()),
    }
}
