//! People: per-person updates, the stand-up shape (`@alice` with Done / Doing / Blocked / Next
//! under it). Each part is a list of items, or one line written after its label
//! (`Blocked: none`); `Blocked: none`, `null`, `Nope` or an empty list mean nothing is blocked.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Item;
use crate::extract::nothing;
use crate::yaml::Pos;

/// One part of a person's update: the items under its label, or one line after it.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// `Done: OOO all week`: one line after the label.
    Line(String),
    /// `Done:` with a list under it.
    Items(Vec<Item>),
}

impl Said {
    /// The items said, a line as one item.
    pub fn items(&self) -> Vec<Item> {
        match self {
            Said::Line(t) => vec![Item::text(t.clone())],
            Said::Items(v) => v.clone(),
        }
    }

    /// Whether it says nothing: no items, or only words for nothing (`none`, `null`, `Nope`,
    /// `N/A`, `无`).
    pub fn is_nothing(&self) -> bool {
        match self {
            Said::Line(t) => nothing(t),
            Said::Items(v) => v
                .iter()
                .all(|i| i.points.is_empty() && nothing(&i.full_text())),
        }
    }
}

impl Serialize for Said {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Said::Line(t) => s.serialize_str(t),
            Said::Items(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Said {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SaidVisitor)
    }
}

struct SaidVisitor;

impl<'de> Visitor<'de> for SaidVisitor {
    type Value = Said;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::msg!("person-said-want"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Said, E> {
        Ok(Said::Line(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Said, E> {
        Ok(Said::Items(Vec::new()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Said, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Item>()? {
            items.push(item);
        }
        Ok(Said::Items(items))
    }
}

/// The four parts of an update, in the order the templates write them.
pub const PARTS: [&str; 4] = ["done", "doing", "blocked", "next"];

/// The labels the templates write before each part, by language (`zh`, else `en`).
pub fn labels(lang: &str) -> [&'static str; 4] {
    match lang {
        "zh" => ["已完成：", "进行中：", "阻塞：", "计划："],
        _ => ["Done:", "Doing:", "Blocked:", "Next:"],
    }
}

/// Labels written otherwise than the template's (`Done`, `Blocked/Asked:`), by part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The label of what is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<String>,
    /// The label of what is in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doing: Option<String>,
    /// The label of what is blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<String>,
    /// The label of what is next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl Labels {
    fn is_empty(&self) -> bool {
        *self == Labels::default()
    }

    /// The label of part `i` (in [`PARTS`] order), when written otherwise.
    pub fn get(&self, i: usize) -> Option<&str> {
        [&self.done, &self.doing, &self.blocked, &self.next][i].as_deref()
    }

    /// Sets the label of part `i`.
    pub fn set(&mut self, i: usize, label: String) {
        let slot = match i {
            0 => &mut self.done,
            1 => &mut self.doing,
            2 => &mut self.blocked,
            _ => &mut self.next,
        };
        *slot = Some(label);
    }
}

/// One person's update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Who, as written: `@alice`, `@bob (not attending)`, `张三`.
    pub name: String,
    /// The name printed as a heading of this level (`### @alice`) rather than on a line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// What they finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Said>,
    /// What they are working on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doing: Option<Said>,
    /// What blocks them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<Said>,
    /// What they will do next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Said>,
    /// Labels written otherwise than the template's.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    /// Where the person stands in the YAML.
    #[serde(skip)]
    pub pos: Pos,
    /// What `render -f json` writes beside them: not kept.
    #[serde(default, rename = "is_blocked", skip_serializing)]
    pub _is_blocked: Option<IgnoredAny>,
}

impl Person {
    /// The parts in [`PARTS`] order.
    pub fn parts(&self) -> [Option<&Said>; 4] {
        [
            self.done.as_ref(),
            self.doing.as_ref(),
            self.blocked.as_ref(),
            self.next.as_ref(),
        ]
    }

    /// Part `i` (in [`PARTS`] order), to fill in.
    pub fn part_mut(&mut self, i: usize) -> &mut Option<Said> {
        match i {
            0 => &mut self.done,
            1 => &mut self.doing,
            2 => &mut self.blocked,
            _ => &mut self.next,
        }
    }

    /// Whether something blocks them (`Blocked: none` and its kin do not).
    pub fn is_blocked(&self) -> bool {
        self.blocked.as_ref().is_some_and(|b| !b.is_nothing())
    }

    /// Their update for the week after: last week's plans become what they are doing, what
    /// still blocks them stays, and what they finish and plan next is left to fill in (`…`).
    pub fn carried(&self) -> Person {
        let fill = || Some(Said::Items(vec![Item::text("…")]));
        let written = |s: &Said| match s {
            Said::Line(t) => Said::Line(t.clone()),
            Said::Items(v) => Said::Items(v.iter().map(Item::as_written).collect()),
        };
        Person {
            name: self.name.clone(),
            level: self.level,
            done: fill(),
            doing: self.next.as_ref().filter(|n| !n.is_nothing()).map(written),
            blocked: self
                .blocked
                .as_ref()
                .filter(|_| self.is_blocked())
                .map(written),
            next: fill(),
            labels: self.labels.clone(),
            ..Person::default()
        }
    }

    /// The items of every part written as a list, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.parts().into_iter().flat_map(|p| match p {
            Some(Said::Items(v)) => v.as_slice(),
            _ => &[],
        })
    }

    /// The items of every part, to derive facts on.
    fn items_mut(&mut self) -> impl Iterator<Item = &mut Item> {
        [
            &mut self.done,
            &mut self.doing,
            &mut self.blocked,
            &mut self.next,
        ]
        .into_iter()
        .flat_map(|p| match p {
            Some(Said::Items(v)) => v.as_mut_slice(),
            _ => &mut [],
        })
    }

    /// Reads progress, due dates, status and owners from the items' text.
    pub fn derive(&mut self, around: NaiveDate) {
        self.items_mut().for_each(|i| i.derive(around));
    }

    /// The person as written: facts read from the text left out.
    pub fn as_written(&self) -> Person {
        let mut p = self.clone();
        p.items_mut().for_each(|i| *i = i.as_written());
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_nothing_block_nothing() {
        for t in ["none", "`null`", "Nope", "", "无", "N/A"] {
            assert!(Said::Line(t.into()).is_nothing(), "{t}");
        }
        assert!(Said::Items(vec![Item::text("`null`")]).is_nothing());
        assert!(Said::Items(Vec::new()).is_nothing());
        assert!(!Said::Line("waiting on review".into()).is_nothing());
        let p = Person {
            blocked: Some(Said::Line("Nope".into())),
            ..Person::default()
        };
        assert!(!p.is_blocked());
    }

    #[test]
    fn a_part_is_a_line_or_a_list() {
        let p: Person = serde_saphyr::from_str(
            "name: '@vmx'\ndone: [a, b]\nblocked: Nope\nnext: []\nlabels: {done: Done}\n",
        )
        .unwrap();
        let texts: Vec<String> = p
            .done
            .unwrap()
            .items()
            .iter()
            .map(Item::full_text)
            .collect();
        assert_eq!(texts, ["a", "b"]);
        assert_eq!(p.blocked, Some(Said::Line("Nope".into())));
        assert_eq!(p.next, Some(Said::Items(Vec::new())));
        assert_eq!(p.labels.get(0), Some("Done"));
    }
}
