//! The template context: the week as templates see it, with every derived value ready.
//!
//! Templates never compute week numbers, dates or counts; they get them here. Every field is
//! always present (`none` when empty), so templates can test any of them.

use serde::Serialize;

use crate::dates::WeekNumbering;
use crate::extract::Number;
use crate::week::{
    Body, Incident, Item, Layout, Link, Metric, MetricGroup, MetricLine, Section, Week,
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

/// One section.
#[derive(Serialize)]
pub struct SectionView<'a> {
    kind: &'static str,
    heading: Option<&'a str>,
    level: Option<u8>,
    numbered: bool,
    start: u64,
    loose: bool,
    items: Vec<ItemView<'a>>,
    groups: Vec<GroupView<'a>>,
    id: Option<&'a str>,
    name: Option<&'a str>,
    title: Option<&'a str>,
    incidents: Vec<IncidentView<'a>>,
    text: Option<&'a str>,
    links: Vec<LinkView<'a>>,
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
    number: Option<f64>,
    unit: &'a str,
    target: Option<String>,
    previous: Option<String>,
    change: Option<String>,
    below_target: bool,
}

/// An incident.
#[derive(Serialize)]
pub struct IncidentView<'a> {
    time: Option<&'a str>,
    text: &'a str,
    impact: Option<&'a str>,
    level: Option<&'a str>,
}

/// A link.
#[derive(Serialize)]
pub struct LinkView<'a> {
    href: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
}

/// Builds the context of `week`.
pub fn context(week: &Week, rule: WeekNumbering, options: Options) -> Context<'_> {
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
        sections: week.sections.iter().map(section).collect(),
        options,
    }
}

fn section(s: &Section) -> SectionView<'_> {
    let mut v = SectionView {
        kind: s.body.kind().key(),
        heading: s.heading.as_deref(),
        level: s.level,
        numbered: Layout::numbered(s.layout.as_ref(), s.body.kind()),
        start: s.layout.and_then(|l| l.start).unwrap_or(1),
        loose: s.layout.is_some_and(|l| l.loose),
        items: s
            .body
            .items()
            .unwrap_or_default()
            .iter()
            .map(item)
            .collect(),
        groups: Vec::new(),
        id: None,
        name: None,
        title: None,
        incidents: Vec::new(),
        text: None,
        links: Vec::new(),
    };
    match &s.body {
        Body::Metrics(m) => v.groups = m.0.iter().map(group).collect(),
        Body::Objective(o) => {
            v.id = o.id();
            v.name = Some(&o.name);
            v.title = Some(o.title());
            v.incidents = o.incidents.iter().map(incident).collect();
        }
        Body::Incidents(list) => v.incidents = list.iter().map(incident).collect(),
        Body::Reflection(t) | Body::Text(t) | Body::Raw(t) => v.text = Some(t.trim_end()),
        Body::Daily(links) => v.links = links.iter().map(link).collect(),
        _ => {}
    }
    v
}

fn item(i: &Item) -> ItemView<'_> {
    ItemView {
        title: i.title.as_deref(),
        text: i.text.as_deref(),
        points: i.points.iter().map(item).collect(),
        note: i.note.as_deref().map(str::trim_end),
        progress: i.progress,
        previous_progress: i.previous_progress,
        show_progress: i.shows_progress(),
        due: i.due.map(|d| d.to_string()),
        status: i.status.map(|s| match s {
            crate::week::Status::Todo => "todo",
            crate::week::Status::Doing => "doing",
            crate::week::Status::Done => "done",
            crate::week::Status::Blocked => "blocked",
            crate::week::Status::Dropped => "dropped",
        }),
        owner: i.owner.as_deref(),
    }
}

fn group(g: &MetricGroup) -> GroupView<'_> {
    GroupView {
        label: g.label.as_deref(),
        lines: g.lines.iter().map(line).collect(),
    }
}

fn line(l: &MetricLine) -> LineView<'_> {
    LineView {
        text: l.text.as_deref(),
        metrics: l.metrics.iter().map(metric).collect(),
    }
}

fn metric(m: &Metric) -> MetricView<'_> {
    let with_unit = |n: &Option<Number>| n.as_ref().map(|n| format!("{}{}", n.text, m.unit));
    let change = match (&m.value, &m.previous) {
        (Some(v), Some(p)) => Some(change(v, p, &m.unit)),
        _ => None,
    };
    let below_target = match (&m.value, &m.target) {
        (Some(v), Some(t)) => match m.better() {
            crate::week::Better::Higher => v.value < t.value,
            crate::week::Better::Lower => v.value > t.value,
        },
        _ => false,
    };
    MetricView {
        name: &m.name,
        value: m.shown(),
        number: m.value.as_ref().map(|v| v.value),
        unit: &m.unit,
        target: with_unit(&m.target),
        previous: with_unit(&m.previous),
        change,
        below_target,
    }
}

/// The change from last week's value to this week's, exact to the digits written: `+0.002pp`
/// for a metric in % (percentage points), `+1次`, `-20ms`, and `±0` (with the digits and
/// unit) when unchanged.
pub fn change(value: &Number, previous: &Number, unit: &str) -> String {
    let digits = value.decimals().max(previous.decimals()).min(9);
    let scale = 10f64.powi(digits as i32);
    let scaled = |n: &Number| (n.value * scale).round() as i128;
    let diff = scaled(value).saturating_sub(scaled(previous));
    let sign = match diff.signum() {
        1 => "+",
        -1 => "-",
        _ => "±",
    };
    let abs = diff.unsigned_abs();
    let unit = if unit == "%" { "pp" } else { unit };
    if digits == 0 {
        return format!("{sign}{abs}{unit}");
    }
    let ten = 10u128.pow(digits as u32);
    format!("{sign}{}.{:0digits$}{unit}", abs / ten, abs % ten)
}

fn incident(i: &Incident) -> IncidentView<'_> {
    IncidentView {
        time: i.time.as_deref(),
        text: &i.text,
        impact: i.impact.as_deref(),
        level: i.level.as_deref(),
    }
}

fn link(l: &Link) -> LinkView<'_> {
    LinkView {
        href: &l.href,
        title: l.title.as_deref(),
        date: l.date.map(|d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::parse(text).expect("a number")
    }

    #[test]
    fn change_is_exact_and_in_points_for_percentages() {
        assert_eq!(change(&n("99.997"), &n("99.995"), "%"), "+0.002pp");
        assert_eq!(change(&n("99.9"), &n("99.961"), "%"), "-0.061pp");
        assert_eq!(change(&n("1"), &n("0"), "次"), "+1次");
        assert_eq!(change(&n("120"), &n("140"), "ms"), "-20ms");
        assert_eq!(change(&n("99.110"), &n("99.11"), "%"), "±0.000pp");
        assert_eq!(change(&n("0.3"), &n("0.1"), ""), "+0.2");
    }
}
