//! Sections: one kind of content each, with an optional heading and heading level.
//!
//! In YAML a section is a mapping with exactly one kind key (`key_work:`, `metrics:`,
//! `objective:`, ...) plus optional `heading:` and `level:`; an objective adds `items:` and
//! `incidents:`.

use chrono::NaiveDate;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::kinds::Shape;
use super::{Agenda, Person};
use super::{Field, Incident, Item, Layout, Link, Metrics, Risks, Table};
use crate::yaml::{At, Pos};

/// The kinds of section, by their YAML key.
/// Everything else about a kind (its key, headings, order, sample) is its row in `kinds.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 【重点工作】: titled items with numbered points.
    KeyWork,
    /// 【系统运行数据】: groups of metric lines.
    Metrics,
    /// 【O1 …】: an objective's items and incidents.
    Objective,
    /// A list of incidents on its own.
    Incidents,
    /// 【其他】: a numbered list.
    Other,
    /// 收获与反思: Markdown paragraphs.
    Reflection,
    /// 下周工作及目标: a numbered list of plans.
    NextWeek,
    /// 日报合集: links to daily reports.
    Daily,
    /// Any bulleted list under a heading.
    List,
    /// Per-person updates: done, doing, blocked, next.
    People,
    /// Any prose under a heading.
    Text,
    /// Markdown kept verbatim.
    Raw,
    /// Risks, issues, blockers and dependencies.
    Risks,
    /// A table of columns and rows.
    Table,
    /// Header fields: `- **Lead:** @alice`.
    Fields,
    /// A meeting's topics: title, presenter, duration, points, notes.
    Agenda,
}

/// An objective (O1, O2, …): its name as written, the id read from it, items and incidents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Objective {
    /// The name as written: `O1 服务业务`, `O2系统升级`.
    pub name: String,
    /// Items (projects) under the objective.
    pub items: Vec<Item>,
    /// Incidents listed under the objective (the reference lists them under O3).
    pub incidents: Vec<Incident>,
}

impl Objective {
    /// The id at the start of the name (`O1`, `KR2`, or typed in full width `Ｏ１`) as
    /// written, used to merge team files (compare ids with [`crate::key::same`]).
    pub fn id(&self) -> Option<&str> {
        let (mut letters, mut digits, mut end) = (0, 0, 0);
        for (i, c) in self.name.char_indices() {
            match crate::key::ascii(c) {
                Some(a) if a.is_ascii_alphabetic() && digits == 0 => letters += 1,
                Some(a) if a.is_ascii_digit() && letters > 0 => digits += 1,
                _ => break,
            }
            end = i + c.len_utf8();
        }
        (letters > 0 && letters <= 3 && digits > 0).then(|| &self.name[..end])
    }

    /// The name without its id: `服务业务`.
    pub fn title(&self) -> &str {
        let id = self.id().map_or(0, str::len);
        self.name[id..].trim_start()
    }
}

/// A section's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Key work items.
    KeyWork(Vec<Item>),
    /// Metric groups.
    Metrics(Metrics),
    /// An objective.
    Objective(Objective),
    /// Incidents.
    Incidents(Vec<Incident>),
    /// Other matters.
    Other(Vec<Item>),
    /// Reflection, Markdown.
    Reflection(String),
    /// Next week's plans.
    NextWeek(Vec<Item>),
    /// Daily-report links.
    Daily(Vec<Link>),
    /// A bulleted list.
    List(Vec<Item>),
    /// Per-person updates.
    People(Vec<Person>),
    /// Prose, Markdown.
    Text(String),
    /// Markdown kept verbatim.
    Raw(String),
    /// Risks.
    Risks(Risks),
    /// A table.
    Table(Table),
    /// Header fields.
    Fields(Vec<Field>),
    /// A meeting's topics.
    Agenda(Agenda),
}

impl Body {
    /// The kind of this body.
    pub fn kind(&self) -> Kind {
        match self {
            Body::KeyWork(_) => Kind::KeyWork,
            Body::Metrics(_) => Kind::Metrics,
            Body::Objective(_) => Kind::Objective,
            Body::Incidents(_) => Kind::Incidents,
            Body::Other(_) => Kind::Other,
            Body::Reflection(_) => Kind::Reflection,
            Body::NextWeek(_) => Kind::NextWeek,
            Body::Daily(_) => Kind::Daily,
            Body::List(_) => Kind::List,
            Body::People(_) => Kind::People,
            Body::Text(_) => Kind::Text,
            Body::Raw(_) => Kind::Raw,
            Body::Risks(_) => Kind::Risks,
            Body::Table(_) => Kind::Table,
            Body::Fields(_) => Kind::Fields,
            Body::Agenda(_) => Kind::Agenda,
        }
    }

    /// The item list of list-like bodies (key work, objective, other, next week, list).
    pub fn items_mut(&mut self) -> Option<&mut Vec<Item>> {
        match self {
            Body::KeyWork(v) | Body::Other(v) | Body::NextWeek(v) | Body::List(v) => Some(v),
            Body::Objective(o) => Some(&mut o.items),
            _ => None,
        }
    }

    /// The item list of list-like bodies.
    pub fn items(&self) -> Option<&[Item]> {
        match self.content() {
            Content::Items(v) => Some(v),
            Content::Objective(o) => Some(&o.items),
            _ => None,
        }
    }

    /// The content by its shape.
    pub fn content(&self) -> Content<'_> {
        match self {
            Body::KeyWork(v) | Body::Other(v) | Body::NextWeek(v) | Body::List(v) => {
                Content::Items(v)
            }
            Body::Metrics(m) => Content::Metrics(m),
            Body::Objective(o) => Content::Objective(o),
            Body::Incidents(v) => Content::Incidents(v),
            Body::Reflection(t) | Body::Text(t) | Body::Raw(t) => Content::Markdown(t),
            Body::Daily(v) => Content::Links(v),
            Body::Risks(r) => Content::Risks(r),
            Body::Table(t) => Content::Table(t),
            Body::Fields(f) => Content::Fields(f),
            Body::People(v) => Content::People(v),
            Body::Agenda(a) => Content::Agenda(a),
        }
    }

    /// Whether the body holds nothing to show (`check` warns, `new` writes a sample instead).
    pub fn is_empty(&self) -> bool {
        match self.content() {
            Content::Items(v) => v.is_empty(),
            Content::Metrics(m) => m.0.iter().all(|g| g.lines.is_empty()),
            Content::Objective(o) => o.items.is_empty() && o.incidents.is_empty(),
            Content::Incidents(v) => v.is_empty(),
            Content::Markdown(t) => t.trim().is_empty(),
            Content::Links(v) => v.is_empty(),
            Content::Risks(r) => {
                r.items.is_empty() && r.table.as_ref().is_none_or(|t| t.rows.is_empty())
            }
            Content::Table(t) => t.rows.is_empty(),
            Content::Fields(f) => f.is_empty(),
            Content::People(v) => v.is_empty(),
            Content::Agenda(a) => a.topics.is_empty() && a.intro.is_none(),
        }
    }
}

/// A body's content by its shape, for code that treats the kinds of one shape alike.
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    /// Items (key work, other, next week, list).
    Items(&'a [Item]),
    /// Metric groups.
    Metrics(&'a Metrics),
    /// An objective.
    Objective(&'a Objective),
    /// Incidents.
    Incidents(&'a [Incident]),
    /// Markdown text (reflection, text, raw).
    Markdown(&'a str),
    /// Links.
    Links(&'a [Link]),
    /// Risks.
    Risks(&'a Risks),
    /// A table.
    Table(&'a Table),
    /// Header fields.
    Fields(&'a [Field]),
    /// Per-person updates.
    People(&'a [Person]),
    /// A meeting's topics.
    Agenda(&'a Agenda),
}

impl Content<'_> {
    /// The shape, as the kinds table names it.
    pub fn shape(&self) -> Shape {
        match self {
            Content::Items(_) => Shape::Items,
            Content::Metrics(_) => Shape::Metrics,
            Content::Objective(_) => Shape::Objective,
            Content::Incidents(_) => Shape::Incidents,
            Content::Markdown(_) => Shape::Markdown,
            Content::Links(_) => Shape::Links,
            Content::Risks(_) => Shape::Risks,
            Content::Table(_) => Shape::Table,
            Content::Fields(_) => Shape::Fields,
            Content::People(_) => Shape::People,
            Content::Agenda(_) => Shape::Agenda,
        }
    }
}

/// One section of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// A heading replacing the template's default for the kind.
    pub heading: Option<String>,
    /// A heading level (1-6) replacing the template's default.
    pub level: Option<u8>,
    /// The content.
    pub body: Body,
    /// How its list was written, where that differs from the template's default.
    pub layout: Option<Layout>,
    /// Where the section stands in the YAML.
    pub pos: Pos,
}

impl Section {
    /// A section of the given body with the template's heading and level.
    pub fn new(body: Body) -> Section {
        Section {
            heading: None,
            level: None,
            body,
            layout: None,
            pos: Pos::default(),
        }
    }

    /// Derives the facts written in this section's text: items' progress and due dates,
    /// metrics of lines written as text, dates of links.
    pub fn derive(&mut self, around: NaiveDate) {
        if let Some(items) = self.body.items_mut() {
            for item in items {
                item.derive(around);
            }
        }
        match &mut self.body {
            Body::Metrics(m) => m.derive(),
            Body::Daily(links) => links.iter_mut().for_each(Link::derive),
            Body::Risks(r) => r.derive(),
            Body::Table(t) => t.derive(),
            Body::People(people) => people.iter_mut().for_each(|p| p.derive(around)),
            Body::Agenda(a) => a.derive(around),
            _ => {}
        }
    }

    /// The section as the author wrote it: derived facts left out.
    pub fn as_written(&self) -> Section {
        let mut s = self.clone();
        if let Some(items) = s.body.items_mut() {
            for item in items {
                *item = item.as_written();
            }
        }
        match &mut s.body {
            Body::Metrics(m) => *m = m.as_written(),
            Body::Daily(links) => links.iter_mut().for_each(|l| *l = l.as_written()),
            Body::Risks(r) => *r = r.as_written(),
            Body::Table(t) => {
                t.metrics.clear();
                t.statuses.clear();
            }
            Body::People(people) => people.iter_mut().for_each(|p| *p = p.as_written()),
            Body::Agenda(a) => *a = a.as_written(),
            _ => {}
        }
        s
    }
}

/// The YAML form: one mapping with optional keys, exactly one of which names the kind.
#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct SectionRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    layout: Option<Layout>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_work: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metrics: Option<Metrics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    objective: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    items: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    incidents: Option<Vec<Incident>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    other: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reflection: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next_week: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    daily: Option<Vec<Link>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    list: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    people: Option<Vec<Person>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    risks: Option<Risks>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    table: Option<Table>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<Field>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agenda: Option<Agenda>,
}

impl SectionRepr {
    /// The body, or why the keys do not make one.
    fn into_body<E: serde::de::Error>(self) -> Result<Body, E> {
        let r = self;
        let mut found: Vec<Body> = Vec::new();
        if let Some(name) = r.objective {
            let incidents = r.incidents.unwrap_or_default();
            found.push(Body::Objective(Objective {
                name,
                items: r.items.unwrap_or_default(),
                incidents,
            }));
        } else {
            if r.items.is_some() {
                return Err(E::custom(crate::msg!("section-items-without-objective")));
            }
            found.extend(r.incidents.map(Body::Incidents));
        }
        found.extend(r.key_work.map(Body::KeyWork));
        found.extend(r.metrics.map(Body::Metrics));
        found.extend(r.other.map(Body::Other));
        found.extend(r.reflection.map(Body::Reflection));
        found.extend(r.next_week.map(Body::NextWeek));
        found.extend(r.daily.map(Body::Daily));
        found.extend(r.list.map(Body::List));
        found.extend(r.people.map(Body::People));
        found.extend(r.text.map(Body::Text));
        found.extend(r.raw.map(Body::Raw));
        found.extend(r.risks.map(Body::Risks));
        found.extend(r.table.map(Body::Table));
        found.extend(r.fields.map(Body::Fields));
        found.extend(r.agenda.map(Body::Agenda));
        if found.len() == 1 {
            return Ok(found.remove(0));
        }
        let keys: Vec<&str> = Kind::all().map(Kind::key).collect();
        if found.is_empty() {
            let keys = keys.join(&crate::msg!("list-separator"));
            return Err(E::custom(crate::msg!("section-no-kind", keys = keys)));
        }
        let names: Vec<&str> = found.iter().map(|b| b.kind().key()).collect();
        let kinds = names.join(&crate::msg!("section-kind-and"));
        Err(E::custom(crate::msg!("section-two-kinds", kinds = kinds)))
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value: r, pos } = At::<SectionRepr>::deserialize(d)?;
        let (heading, level, layout) = (r.heading.clone(), r.level, r.layout);
        if let Some(l) = level
            && !(1..=6).contains(&l)
        {
            return Err(D::Error::custom(crate::msg!(
                "section-level-out-of-range",
                level = l.to_string()
            )));
        }
        let body = r.into_body()?;
        Ok(Section {
            heading,
            level,
            body,
            layout,
            pos,
        })
    }
}

impl Serialize for Section {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut r = SectionRepr {
            heading: self.heading.clone(),
            level: self.level,
            layout: self.layout,
            ..Default::default()
        };
        match &self.body {
            Body::KeyWork(v) => r.key_work = Some(v.clone()),
            Body::Metrics(m) => r.metrics = Some(m.clone()),
            Body::Objective(o) => {
                r.objective = Some(o.name.clone());
                r.items = (!o.items.is_empty()).then(|| o.items.clone());
                r.incidents = (!o.incidents.is_empty()).then(|| o.incidents.clone());
            }
            Body::Incidents(v) => r.incidents = Some(v.clone()),
            Body::Other(v) => r.other = Some(v.clone()),
            Body::Reflection(t) => r.reflection = Some(t.clone()),
            Body::NextWeek(v) => r.next_week = Some(v.clone()),
            Body::Daily(v) => r.daily = Some(v.clone()),
            Body::List(v) => r.list = Some(v.clone()),
            Body::People(v) => r.people = Some(v.clone()),
            Body::Text(t) => r.text = Some(t.clone()),
            Body::Raw(t) => r.raw = Some(t.clone()),
            Body::Risks(v) => r.risks = Some(v.clone()),
            Body::Table(t) => r.table = Some(t.clone()),
            Body::Fields(f) => r.fields = Some(f.clone()),
            Body::Agenda(a) => r.agenda = Some(a.clone()),
        }
        r.serialize(s)
    }
}
