//! The template context: the week as templates see it, with every derived value ready.
//!
//! Templates never compute week numbers, dates or counts; they get them here. Every field is
//! always present (`none` when empty), so templates can test any of them.

mod kinds;

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::dates::WeekNumbering;
use crate::quantity::Quantity;
use crate::week::kinds::Defaults;
use crate::week::{
    Better, Content, Directions, Incident, Item, LabelStyle, Layout, Link, Metric, MetricGroup,
    MetricLine, Section, Week,
};

pub use kinds::{ColumnView, FieldView, PartView, PersonView, RiskView, TableView, TopicView};

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
    /// `bold` or `bold-colon-after` for a heading written as a bold paragraph, else none.
    heading_style: Option<&'static str>,
    numbered: bool,
    /// Whether incidents show their given impact and level (`layout: {details: false}`: not).
    details: bool,
    start: u64,
    loose: bool,
    /// Whether the points under items written as headings have a blank line between them.
    loose_points: bool,
    /// Whether the points under items are numbered (else bulleted).
    numbered_points: bool,
    /// Whether the items are paragraphs of their own rather than a list.
    paragraphs: bool,
    /// How many items are paragraphs before the list (`layout: {paragraphs: {before: 2}}`): the
    /// list's numbers start after them.
    before: usize,
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
    /// An agenda's topics (its intro is `text`).
    topics: Vec<TopicView<'a>>,
    /// A field under a heading that is its label (`### 姓名`, then `张三`): its value alone.
    labelled: Option<&'a str>,
    /// A field under a heading that is its label (`## Attendees`, then a list of names): its
    /// items alone.
    labelled_items: Vec<&'a str>,
}

/// One item.
#[derive(Serialize)]
pub struct ItemView<'a> {
    /// The title in bold and the text, as the section's `layout: {labels: …}` writes them.
    labelled: Option<String>,
    /// The title's heading line (`### wg-nll`), when the section writes items as headings.
    heading: Option<String>,
    /// Whether the item is a paragraph of its own, before or after the section's list.
    paragraph: bool,
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
        heading_style: s.layout.and_then(|l| l.heading_style).map(|h| h.name()),
        numbered: Layout::numbered(s.layout.as_ref(), s.body.kind()),
        details: Layout::details(s.layout.as_ref()),
        start: s.layout.and_then(|l| l.start).unwrap_or(1),
        loose: s.layout.is_some_and(|l| l.loose),
        loose_points: false,
        numbered_points: Layout::numbered_points(s.layout.as_ref(), s.body.kind()),
        paragraphs: Layout::paragraphs(s.layout.as_ref()),
        before: s
            .layout
            .and_then(|l| l.paragraphs)
            .map_or(0, |p| p.before.into()),
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
        topics: Vec::new(),
        labelled: None,
        labelled_items: Vec::new(),
    };
    match s.body.content() {
        Content::Items(items) => {
            v.items = items.iter().map(|i| titled(i, s.layout.as_ref())).collect();
            let count = v.items.len();
            for (index, i) in v.items.iter_mut().enumerate() {
                i.paragraph = Layout::paragraph(s.layout.as_ref(), index, count);
            }
            // items under headings of their own stand apart; `loose` then spaces their points
            let headed = v.items.iter().any(|i| i.heading.is_some());
            v.loose_points = headed && v.loose;
            v.loose |= headed;
        }
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
            Some(t) => v.table = Some(kinds::table(t)),
            None => v.risks = r.items.iter().map(kinds::risk).collect(),
        },
        Content::Table(t) => v.table = Some(kinds::table(t)),
        Content::Fields(f) => {
            let under_its_label = |one: &crate::week::Field| {
                s.heading
                    .as_deref()
                    .is_some_and(|h| h.trim().trim_end_matches([':', '：']).trim_end() == one.label)
            };
            v.labelled = match f {
                [one] if one.items.is_empty() && under_its_label(one) => one.value.as_deref(),
                _ => None,
            };
            if let [one] = f
                && one.value.is_none()
                && !one.items.is_empty()
                && under_its_label(one)
            {
                v.labelled_items = one.items.iter().map(String::as_str).collect();
            }
            let style = s.layout.and_then(|l| l.labels);
            v.fields = f.iter().map(|x| kinds::field(x, style)).collect()
        }
        Content::People(people) => {
            let words = s.layout.and_then(|l| l.words).map(|w| w.lang());
            v.people = people.iter().map(|p| kinds::person(p, words)).collect();
        }
        Content::Agenda(a) => {
            v.text = a.intro.as_deref().map(without_blank_end);
            v.topics = a.topics.iter().map(kinds::topic).collect();
        }
    }
    v
}

/// Markdown without its final line ending (a YAML `|` block's), which the template writes;
/// trailing spaces and blank lines before it are content (the end of a code block).
fn without_blank_end(t: &str) -> &str {
    if t.trim_ascii().is_empty() {
        return "";
    }
    t.strip_suffix('\n').unwrap_or(t)
}

/// An item of a section whose items' titles are written in bold before their text, or as
/// headings (its titled points too, a level deeper each, where the layout nests them).
fn titled<'a>(i: &'a Item, layout: Option<&Layout>) -> ItemView<'a> {
    let mut v = headed(i, layout, 0);
    if let (Some(style), Some(title)) = (layout.and_then(|l| l.labels), &i.title) {
        let colon = if title.is_ascii() { ":" } else { "：" };
        v.labelled = Some(LabelStyle::line(
            Some(style),
            title,
            colon,
            i.text.as_deref(),
        ));
    }
    v
}

/// An item at `depth` below the section's items with its heading line, when the layout writes
/// it as a heading; its titled points likewise one level deeper.
fn headed<'a>(i: &'a Item, layout: Option<&Layout>, depth: u8) -> ItemView<'a> {
    let mut v = item(i);
    v.heading = i
        .title
        .as_deref()
        .and_then(|t| Layout::item_heading(layout, t, depth));
    if v.heading.is_some() {
        v.points = i
            .points
            .iter()
            .map(|p| headed(p, layout, depth + 1))
            .collect();
    }
    v
}

fn item(i: &Item) -> ItemView<'_> {
    ItemView {
        labelled: None,
        heading: None,
        paragraph: false,
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
