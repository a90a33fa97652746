//! Agenda: the topics of a meeting's minutes. Each topic has a title, who presents it, how long
//! it takes (both as written), its points (sub-bullets) and notes (the Markdown under a topic
//! written as a heading of its own). A point that starts `决议：` or `Decision:` is a decision,
//! one that starts `Action:`, `TODO:` or `待办：` an action; `check` wants an owner on each
//! action.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Item;
use super::terse::{FromText, string_or_map};
use crate::yaml::Pos;

/// The topics of a meeting, and the Markdown that leads into them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    /// Markdown written before the topics (`以下为主要内容：`).
    pub intro: Option<String>,
    /// The topics, in order.
    pub topics: Vec<Topic>,
}

/// One topic of a meeting; in YAML its title alone, or a mapping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Topic {
    /// The topic as written: `Release planning`, `1、新成员的自我介绍`.
    pub title: String,
    /// Who presents it, as written: `@alice`, `[Bob](https://github.com/bob)`.
    pub owner: Option<String>,
    /// How long it takes, as written: `（30 mins）`, `(10 min)`, `15分钟`.
    pub duration: Option<String>,
    /// The label the owner is written after on a line of its own (`分享者：`, `Presenter:`);
    /// absent: the owner follows the title.
    pub owner_label: Option<String>,
    /// What was said: the sub-bullets.
    pub points: Vec<Item>,
    /// Markdown under the topic.
    pub notes: Option<String>,
    /// The topic written as a heading of this level (`### 1、议题`), its notes under it;
    /// absent: an item of a list.
    pub level: Option<u8>,
    /// Where the topic stands in the YAML.
    pub pos: Pos,
}

/// The mapping form of a topic.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicMap {
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner_label: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    points: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
}

impl FromText for TopicMap {
    fn from_text(title: String) -> Self {
        TopicMap {
            title,
            ..TopicMap::default()
        }
    }
}

impl<'de> Deserialize<'de> for Topic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m: TopicMap = string_or_map(d, || crate::msg!("topic-want"))?;
        Ok(Topic {
            title: m.title,
            owner: m.owner,
            duration: m.duration,
            owner_label: m.owner_label,
            points: m.points,
            notes: m.notes,
            level: m.level,
            pos: Pos::default(),
        })
    }
}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = TopicMap {
            title: self.title.clone(),
            owner: self.owner.clone(),
            duration: self.duration.clone(),
            owner_label: self.owner_label.clone(),
            points: self.points.clone(),
            notes: self.notes.clone(),
            level: self.level,
        };
        let bare = m.owner.is_none()
            && m.duration.is_none()
            && m.owner_label.is_none()
            && m.notes.is_none()
            && m.level.is_none()
            && m.points.is_empty();
        match bare {
            true => s.serialize_str(&m.title),
            false => m.serialize(s),
        }
    }
}

/// What a point records, read from its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    /// `决议：…`, `Decision: …`.
    Decision,
    /// `Action: …`, `TODO: …`, `待办：…`.
    Action,
}

const DECISIONS: [&str; 6] = ["决议", "决定", "结论", "decision", "decided", "resolution"];
const ACTIONS: [&str; 7] = [
    "action",
    "action item",
    "todo",
    "待办",
    "行动项",
    "ai",
    "follow-up",
];

/// Headings under which every topic records one thing (lowercase, without a closing colon).
const DECISION_HEADINGS: [&str; 4] = ["decisions", "决议", "会议决议", "决定"];
const ACTION_HEADINGS: [&str; 7] = [
    "action items",
    "action item",
    "action points",
    "待办事项",
    "待办",
    "行动项",
    "actions",
];

impl Point {
    /// What every topic under `heading` records: `Decisions`, `决议` decisions; `Action items`,
    /// `Action points`, `待办事项` actions (emoji in the heading ignored).
    pub fn of_heading(heading: &str) -> Option<Point> {
        let h = super::kinds::comparable(heading.trim().trim_end_matches([':', '：']));
        if DECISION_HEADINGS.contains(&h.as_str()) {
            Some(Point::Decision)
        } else if ACTION_HEADINGS.contains(&h.as_str()) {
            Some(Point::Action)
        } else {
            None
        }
    }

    /// What a line records by its label (`决议：`, `**Decision:**`, `TODO:`), if anything.
    pub fn of(text: &str) -> Option<Point> {
        let t = text.trim_start().trim_start_matches(['*', '_']);
        let (label, _) = t.split_once([':', '：'])?;
        let label = label.trim().trim_end_matches(['*', '_']).to_lowercase();
        if DECISIONS.contains(&label.as_str()) {
            Some(Point::Decision)
        } else if ACTIONS.contains(&label.as_str()) {
            Some(Point::Action)
        } else {
            None
        }
    }
}

/// Whether a line names who does it: an `@handle`, a `[name](url)` link, or an owner read
/// from it (`负责人：张三`).
pub fn names_someone(item: &Item) -> bool {
    let text = item.full_text();
    item.owner().is_some()
        || text.split_whitespace().any(|w| {
            let w = w.trim_start_matches(['(', '（', '[']);
            w.len() > 1 && w.starts_with('@')
        })
        || text.contains("](")
}

impl Topic {
    /// The points, at any depth, that record a decision or an action.
    pub fn marked(&self, what: Point) -> Vec<&Item> {
        let mut out = Vec::new();
        let mut todo: Vec<&Item> = self.points.iter().collect();
        while let Some(i) = todo.pop() {
            if Point::of(&i.full_text()) == Some(what) {
                out.push(i);
            }
            todo.extend(i.points.iter());
        }
        out.reverse();
        out
    }

    /// The title line as the templates write it: the title, then the owner after a space, then
    /// the duration (after a space unless it opens with a full-width parenthesis).
    pub fn line(&self) -> String {
        let mut line = self.title.clone();
        if let Some(o) = self.owner.as_ref().filter(|_| self.owner_label.is_none()) {
            line.push(' ');
            line.push_str(o);
        }
        if let Some(d) = &self.duration {
            if !d.starts_with('（') {
                line.push(' ');
            }
            line.push_str(d);
        }
        line
    }

    /// The owner's own line (`分享者：张三`, `Presenter: @alice`), when written on one.
    pub fn owner_line(&self) -> Option<String> {
        let (label, owner) = (self.owner_label.as_ref()?, self.owner.as_ref()?);
        let gap = if label.ends_with(':') { " " } else { "" };
        Some(format!("{label}{gap}{owner}"))
    }

    /// Reads progress, due dates, status and owners from the points' text.
    pub fn derive(&mut self, around: NaiveDate) {
        self.points.iter_mut().for_each(|i| i.derive(around));
    }

    /// The topic as written: facts read from the text left out.
    pub fn as_written(&self) -> Topic {
        let mut t = self.clone();
        t.points.iter_mut().for_each(|i| *i = i.as_written());
        t
    }
}

impl Agenda {
    /// Reads facts from the topics' points.
    pub fn derive(&mut self, around: NaiveDate) {
        self.topics.iter_mut().for_each(|t| t.derive(around));
    }

    /// The agenda as written.
    pub fn as_written(&self) -> Agenda {
        Agenda {
            intro: self.intro.clone(),
            topics: self.topics.iter().map(Topic::as_written).collect(),
        }
    }

    /// The sample `new` writes.
    pub fn sample() -> Agenda {
        Agenda {
            intro: None,
            topics: vec![Topic {
                title: "…".into(),
                owner: Some("@…".into()),
                points: vec![Item::text("…")],
                ..Topic::default()
            }],
        }
    }
}

/// The mapping form: `intro:` and `topics:`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaMap {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    intro: Option<String>,
    #[serde(default)]
    topics: Vec<Topic>,
}

impl Serialize for Agenda {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.intro {
            None => self.topics.serialize(s),
            Some(_) => AgendaMap {
                intro: self.intro.clone(),
                topics: self.topics.clone(),
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Agenda {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AgendaVisitor)
    }
}

struct AgendaVisitor;

impl<'de> Visitor<'de> for AgendaVisitor {
    type Value = Agenda;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::msg!("agenda-want"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Agenda, A::Error> {
        let mut topics = Vec::new();
        while let Some(t) = seq.next_element::<Topic>()? {
            topics.push(t);
        }
        Ok(Agenda {
            intro: None,
            topics,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Agenda, A::Error> {
        let m = AgendaMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Agenda {
            intro: m.intro,
            topics: m.topics,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_mark_decisions_and_actions() {
        assert_eq!(Point::of("决议：下周发布"), Some(Point::Decision));
        assert_eq!(Point::of("**Decision:** ship it"), Some(Point::Decision));
        assert_eq!(Point::of("TODO: @bob writes the doc"), Some(Point::Action));
        assert_eq!(Point::of("Action: update the RFC"), Some(Point::Action));
        assert_eq!(Point::of("待办：整理文档"), Some(Point::Action));
        assert_eq!(Point::of("sidenote: outdated"), None);
        assert_eq!(Point::of("no label here"), None);
    }

    #[test]
    fn headings_mark_every_topic() {
        assert_eq!(Point::of_heading("Action items"), Some(Point::Action));
        assert_eq!(Point::of_heading("待办事项："), Some(Point::Action));
        assert_eq!(Point::of_heading("Decisions"), Some(Point::Decision));
        assert_eq!(Point::of_heading("Agenda"), None);
    }

    #[test]
    fn lines_put_owner_and_duration_after_the_title() {
        let t = Topic {
            title: "Release".into(),
            owner: Some("@alice".into()),
            duration: Some("(10 min)".into()),
            ..Topic::default()
        };
        assert_eq!(t.line(), "Release @alice (10 min)");
        let t = Topic {
            title: "发布计划".into(),
            duration: Some("（30 mins）".into()),
            ..Topic::default()
        };
        assert_eq!(t.line(), "发布计划（30 mins）");
    }

    #[test]
    fn a_bare_topic_is_its_title() {
        let json = r#"["Opening",{"title":"Release","owner":"@alice"}]"#;
        let topics: Vec<Topic> = serde_json::from_str(json).unwrap();
        assert_eq!(topics[0].title, "Opening");
        assert_eq!(topics[1].owner.as_deref(), Some("@alice"));
        assert_eq!(serde_json::to_string(&topics).unwrap(), json);
    }

    #[test]
    fn an_action_names_someone_by_handle_or_link() {
        assert!(names_someone(&Item::text("TODO: @bob writes it")));
        assert!(names_someone(&Item::text(
            "TODO: 整理 [sun](https://github.com/sun)"
        )));
        assert!(!names_someone(&Item::text("TODO: write it")));
    }
}
