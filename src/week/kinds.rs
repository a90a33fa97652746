//! The kinds table: one row per section kind with everything the program knows about the kind
//! apart from its content type (in `section.rs`): its YAML key, its default heading and level in
//! each built-in language, where `merge` places it, whether `new` carries it into next week, the
//! sample `new` writes, the headings `import` reads as it, and its schema description.
//!
//! Templates receive the headings and levels (`defaults.zh`, `defaults.en`), so the built-in
//! templates, `import` (which checks its work against the zh template) and this table cannot
//! disagree.

use serde::Serialize;
use serde::ser::Serializer;

use super::layout::ListStyle;
use super::{
    Agenda, Body, Field, Incident, Item, Kind, Link, MetricGroup, MetricLine, Metrics, Objective,
    Person, Risks, Said, Table,
};

mod headings;

use headings::{AGENDA, KEY_WORK, NEXT_WEEK, NONE, OTHER, h};
pub use headings::{Defaults, Heading, LANGS, comparable, meeting_only, named, named_joined};

/// What a kind's content is made of; the schema describes the value under the key by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A list of items.
    Items,
    /// Groups of metric lines.
    Metrics,
    /// An objective: its name under the key, `items:` and `incidents:` beside it.
    Objective,
    /// A list of incidents.
    Incidents,
    /// Markdown text.
    Markdown,
    /// A list of links.
    Links,
    /// A list of risks, or a risk table.
    Risks,
    /// Columns and rows.
    Table,
    /// Labelled values.
    Fields,
    /// Per-person updates.
    People,
    /// A meeting's topics.
    Agenda,
}

/// One kind of section.
#[derive(Debug)]
pub struct Row {
    /// The kind.
    pub kind: Kind,
    /// The YAML key naming the kind in a section.
    pub key: &'static str,
    /// What the content is made of.
    pub shape: Shape,
    /// What the content is, for the JSON Schema.
    pub about: &'static str,
    /// The zh template's heading (the reference report's).
    pub zh: Heading,
    /// The en template's heading.
    pub en: Heading,
    /// Where `merge` places a section of this kind that only a later file has: after the
    /// sections of the same or a lower rank. The reference's order (重点工作, 系统运行数据,
    /// objectives, 生产稳定性事件, 其他), then the team's own sections, then 收获与反思,
    /// 下周工作及目标 and 日报合集, which close a report.
    pub order: u8,
    /// Bullets or numbers: how the templates write the kind's list when its layout does not say.
    pub list: ListStyle,
    /// Whether `new` carries the content into next week (values and progress becoming the
    /// previous ones); otherwise the kind starts as a commented sample.
    pub carries: bool,
    /// Whether a first week (no last week to carry over from) offers a sample of it.
    pub fresh: bool,
    /// The content of the commented sample `new` writes (the name is an objective's).
    pub sample: fn(&str) -> Body,
    /// Headings besides the two defaults that `import` reads as this kind, lowercase and
    /// without 【】 or a closing colon.
    pub names: &'static [&'static str],
}

fn dots() -> Vec<Item> {
    vec![Item::text("…")]
}

/// Every kind, in the order of [`Kind`] (the order of the reference report).
pub const ROWS: [Row; 16] = [
    Row {
        kind: Kind::KeyWork,
        key: "key_work",
        shape: Shape::Items,
        about: "Key work: titled items with numbered points",
        zh: h("【重点工作】", 2),
        en: h("Key work", 2),
        order: 0,
        list: ListStyle::Bullet,
        carries: false,
        fresh: true,
        sample: |_| {
            Body::KeyWork(vec![Item {
                title: Some("…".into()),
                text: Some("…".into()),
                ..Item::default()
            }])
        },
        names: KEY_WORK,
    },
    Row {
        kind: Kind::Metrics,
        key: "metrics",
        shape: Shape::Metrics,
        about: "Groups of metric lines",
        zh: h("【系统运行数据】", 2),
        en: h("System metrics", 2),
        order: 1,
        list: ListStyle::Bullet,
        carries: true,
        fresh: true,
        sample: |_| {
            Body::Metrics(Metrics(vec![MetricGroup {
                label: None,
                lines: vec![MetricLine::from_text("…：99.9%".into(), Default::default())],
            }]))
        },
        names: &["运行数据", "核心指标", "关键指标", "metrics", "key metrics"],
    },
    Row {
        kind: Kind::Objective,
        key: "objective",
        shape: Shape::Objective,
        about: "An objective's name, such as `O1 服务业务`",
        zh: NONE,
        en: NONE,
        order: 2,
        list: ListStyle::Bullet,
        carries: true,
        fresh: true,
        sample: |name| {
            Body::Objective(Objective {
                name: name.to_string(),
                items: dots(),
                incidents: Vec::new(),
            })
        },
        names: &[],
    },
    Row {
        kind: Kind::Incidents,
        key: "incidents",
        shape: Shape::Incidents,
        about: "Incidents",
        zh: h("【生产稳定性事件】", 2),
        en: h("Incidents", 2),
        order: 3,
        list: ListStyle::Bullet,
        carries: false,
        fresh: false,
        sample: |_| Body::Incidents(vec![incident_sample()]),
        names: &[
            "稳定性事件",
            "线上事故",
            "故障",
            "事故",
            "incidents",
            "outages",
        ],
    },
    Row {
        kind: Kind::Other,
        key: "other",
        shape: Shape::Items,
        about: "Other matters, numbered",
        zh: h("【其他】", 2),
        en: h("Other", 2),
        order: 4,
        list: ListStyle::Numbered,
        carries: false,
        fresh: true,
        sample: |_| Body::Other(dots()),
        names: OTHER,
    },
    Row {
        kind: Kind::Reflection,
        key: "reflection",
        shape: Shape::Markdown,
        about: "Reflection, Markdown",
        zh: h("收获与反思", 2),
        en: h("Reflection", 2),
        order: 6,
        list: ListStyle::Bullet,
        carries: false,
        fresh: true,
        sample: |_| Body::Reflection("…\n".into()),
        names: &[
            "反思",
            "总结与反思",
            "心得",
            "reflections",
            "learnings",
            "lessons learned",
        ],
    },
    Row {
        kind: Kind::NextWeek,
        key: "next_week",
        shape: Shape::Items,
        about: "Next week's plans",
        zh: h("下周工作及目标", 1),
        en: h("Next week", 2),
        order: 7,
        list: ListStyle::Numbered,
        carries: false,
        fresh: true,
        sample: |_| Body::NextWeek(dots()),
        names: NEXT_WEEK,
    },
    Row {
        kind: Kind::Daily,
        key: "daily",
        shape: Shape::Links,
        about: "Links to daily reports",
        zh: h("日报合集", 1),
        en: h("Daily reports", 2),
        order: 8,
        list: ListStyle::Bullet,
        carries: false,
        fresh: false,
        sample: |_| {
            Body::Daily(vec![Link {
                href: "….md".into(),
                ..Link::default()
            }])
        },
        names: &["日报"],
    },
    Row {
        kind: Kind::List,
        key: "list",
        shape: Shape::Items,
        about: "A bulleted list",
        zh: NONE,
        en: NONE,
        order: 5,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::List(dots()),
        names: &[],
    },
    Row {
        kind: Kind::People,
        key: "people",
        shape: Shape::People,
        about: "Per-person updates: name, done, doing, blocked, next",
        zh: NONE,
        en: NONE,
        order: 5,
        list: ListStyle::Bullet,
        carries: false,
        fresh: false,
        sample: |_| {
            Body::People(vec![Person {
                name: "@…".into(),
                done: Some(Said::Items(dots())),
                next: Some(Said::Items(dots())),
                ..Person::default()
            }])
        },
        names: &[],
    },
    Row {
        kind: Kind::Text,
        key: "text",
        shape: Shape::Markdown,
        about: "Prose, Markdown",
        zh: NONE,
        en: NONE,
        order: 5,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::Text("…\n".into()),
        names: &[],
    },
    Row {
        kind: Kind::Raw,
        key: "raw",
        shape: Shape::Markdown,
        about: "Markdown kept verbatim",
        zh: NONE,
        en: NONE,
        order: 5,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::Raw("…\n".into()),
        names: &[],
    },
    Row {
        kind: Kind::Risks,
        key: "risks",
        shape: Shape::Risks,
        about: "Risks, issues, blockers and dependencies: `[Risk] …` or `{text, type, status, owner, mitigation, due}`, or a risk table",
        zh: h("风险与问题", 2),
        en: h("Risks and issues", 2),
        order: 3,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::Risks(Risks::sample()),
        names: super::risk::HEADINGS,
    },
    Row {
        kind: Kind::Table,
        key: "table",
        shape: Shape::Table,
        about: "A table: `columns` (a name, or `{name, align}`) and `rows` of cells",
        zh: NONE,
        en: NONE,
        order: 5,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::Table(Table::sample()),
        names: &[],
    },
    Row {
        kind: Kind::Fields,
        key: "fields",
        shape: Shape::Fields,
        about: "Header fields: `- Lead: \"@alice\"`, `- Attendees: [...]`, `- 姓名: 张三`",
        zh: NONE,
        en: NONE,
        order: 0,
        list: ListStyle::Bullet,
        carries: true,
        fresh: false,
        sample: |_| Body::Fields(vec![Field::sample()]),
        names: &[],
    },
    Row {
        kind: Kind::Agenda,
        key: "agenda",
        shape: Shape::Agenda,
        about: "A meeting's topics: `{title, owner, duration, points, notes}` each, or `intro:` and `topics:`; a point starting `决议：`/`Decision:` is a decision, `Action:`/`TODO:`/`待办：` an action",
        zh: h("会议议程", 2),
        en: h("Agenda", 2),
        order: 5,
        list: ListStyle::Bullet,
        carries: false,
        fresh: false,
        sample: |_| Body::Agenda(Agenda::sample()),
        names: AGENDA,
    },
];

/// The sample incident `new` writes.
pub fn incident_sample() -> Incident {
    Incident {
        time: Some("MM/DD HH:MM".into()),
        text: "…".into(),
        ..Incident::default()
    }
}

impl Kind {
    /// This kind's row of the table.
    pub fn row(self) -> &'static Row {
        &ROWS[self as usize]
    }

    /// Every kind, in table order.
    pub fn all() -> impl Iterator<Item = Kind> {
        ROWS.iter().map(|r| r.kind)
    }

    /// The YAML key.
    pub fn key(self) -> &'static str {
        self.row().key
    }

    /// The default heading in a built-in language (`zh` or `en`; anything else reads as `en`).
    pub fn heading(self, lang: &str) -> Heading {
        match lang {
            "zh" => self.row().zh,
            _ => self.row().en,
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::Section;

    #[test]
    fn rows_follow_the_enum() {
        for (i, row) in ROWS.iter().enumerate() {
            assert_eq!(row.kind as usize, i, "{}", row.key);
        }
    }

    #[test]
    fn every_sample_is_of_its_kind_and_shape_and_writes_its_key() {
        for row in &ROWS {
            let body = (row.sample)("O1 …");
            assert_eq!(body.kind(), row.kind);
            assert_eq!(body.content().shape(), row.shape, "{}", row.key);
            assert!(!body.is_empty(), "{}", row.key);
            let yaml = crate::yaml::to_string(&Section::new(body)).unwrap();
            assert!(yaml.starts_with(&format!("{}:", row.key)), "{yaml}");
        }
    }

    #[test]
    fn headings_are_levels_one_to_six() {
        for row in &ROWS {
            for lang in LANGS {
                assert!((1..=6).contains(&row.kind.heading(lang).level));
            }
        }
        assert_eq!(Kind::Incidents.heading("zh").bare(), "生产稳定性事件");
    }
}
