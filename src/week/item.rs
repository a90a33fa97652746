//! Items: a line of work with optional title, numbered points, a note, and the facts `check`
//! and `new` compute with (progress, due date, status, owner).

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fact::{Fact, settle, written};
use super::terse::{FromText, string_or_map};
use crate::dates::{Date, month_day_near, parse_month_day};
use crate::extract;
use crate::yaml::{At, Pos};

/// Where a piece of work stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not started.
    Todo,
    /// In progress.
    Doing,
    /// Finished.
    Done,
    /// Waiting on something.
    Blocked,
    /// Given up.
    Dropped,
}

/// One item of a list: a key-work entry, an objective's project, a point, a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    /// A short name: shown as 【title】 in key work, `title：text` elsewhere.
    pub title: Option<String>,
    /// The line itself (for key work, the lead sentence under the title).
    pub text: Option<String>,
    /// Numbered sub-points.
    pub points: Vec<Item>,
    /// An indented paragraph under the item.
    pub note: Option<String>,
    /// Progress 0-100: given, or read from `进度70%` in the text by [`Item::derive`].
    pub progress: Option<Fact<u8>>,
    /// Last week's progress, filled in by `weekly new`.
    pub previous_progress: Option<u8>,
    /// Due date: given, or read from `预计11/10上线` in the text by [`Item::derive`].
    pub due: Option<Fact<Date>>,
    /// `due:` as written when it has no year (`12/20`, `12月20日`, `Dec 20`): written back as
    /// is; [`Item::derive`] reads it in the year nearest the report's date.
    pub due_as_written: Option<String>,
    /// Status: given, or read from `已完成`/`done` in the text by [`Item::derive`].
    pub status: Option<Fact<Status>>,
    /// Who owns it: given, or read from `负责人：张三`/`owner: Ann` in the text.
    pub owner: Option<Fact<String>>,
    /// The thread it continues across weeks (`weekly rollup`) when its title was renamed:
    /// the earlier title, as written.
    pub thread: Option<String>,
    /// Where the item stands in the YAML.
    pub pos: Pos,
}

/// The mapping form of an item, as written in YAML.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemRepr {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    points: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_progress: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<Due>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thread: Option<String>,
    /// The facts `render -f json` wrote as read from the text: not taken as given.
    #[serde(default)]
    derived: Vec<String>,
}

/// `due:` as written: a whole date, or a month and day without the year.
#[derive(Debug)]
enum Due {
    Date(Date),
    MonthDay(String),
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let b = text.trim().as_bytes();
        let year_first =
            b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && !b[4].is_ascii_digit();
        if year_first {
            return text
                .parse()
                .map(Due::Date)
                .map_err(serde::de::Error::custom);
        }
        match parse_month_day(&text) {
            Some(_) => Ok(Due::MonthDay(text.trim().to_string())),
            None => Err(serde::de::Error::custom(crate::msg!(
                "item-due-not-a-date",
                text = text
            ))),
        }
    }
}

impl FromText for ItemRepr {
    fn from_text(text: String) -> Self {
        ItemRepr {
            text: Some(text),
            ..ItemRepr::default()
        }
    }
}

/// A whole percentage, 0 to 100.
#[derive(Clone, Copy, Debug, Serialize)]
struct Percent(u8);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u8::deserialize(d)?;
        if v > 100 {
            return Err(serde::de::Error::custom(crate::msg!(
                "item-progress-over-100",
                value = v.to_string()
            )));
        }
        Ok(Percent(v))
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value, pos } = At::<Terse>::deserialize(d)?;
        let r = value.0;
        let given = |field: &str| !r.derived.iter().any(|d| d == field);
        Ok(Item {
            title: r.title,
            text: r.text,
            points: r.points,
            note: r.note,
            progress: r
                .progress
                .filter(|_| given("progress"))
                .map(|p| Fact::given(p.0)),
            previous_progress: r.previous_progress.map(|p| p.0),
            due: match &r.due {
                Some(Due::Date(d)) if given("due") => Some(Fact::given(*d)),
                _ => None,
            },
            due_as_written: match r.due {
                Some(Due::MonthDay(text)) if given("due") => Some(text),
                _ => None,
            },
            status: r.status.filter(|_| given("status")).map(Fact::given),
            owner: r.owner.filter(|_| given("owner")).map(Fact::given),
            thread: r.thread,
            pos,
        })
    }
}

/// Wrapper so `At` can drive the string-or-mapping visitor.
struct Terse(ItemRepr);

impl<'de> Deserialize<'de> for Terse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        string_or_map(d, || crate::msg!("item-want")).map(Terse)
    }
}

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(text) = self.text.as_deref().filter(|_| self.is_text_only()) {
            return s.serialize_str(text);
        }
        ItemOut {
            title: self.title.as_deref(),
            text: self.text.as_deref(),
            progress: self.progress(),
            previous_progress: self.previous_progress,
            due: self
                .due_as_written
                .clone()
                .or_else(|| self.due().map(|d| d.to_string())),
            status: self.status(),
            owner: self.owner(),
            thread: self.thread.as_deref(),
            note: self.note.as_deref(),
            points: &self.points,
        }
        .serialize(s)
    }
}

/// The mapping form as written out: the short facts first, the long note and points last, so
/// a reader sees an item's progress before its sub-points.
#[derive(Serialize)]
struct ItemOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_progress: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thread: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Item]>::is_empty")]
    points: &'a [Item],
}

impl Item {
    /// An item holding only text.
    pub fn text(text: impl Into<String>) -> Item {
        Item {
            text: Some(text.into()),
            ..Item::default()
        }
    }

    /// True when the item is nothing but its text, and so can be written as a plain string.
    pub fn is_text_only(&self) -> bool {
        self.text.is_some()
            && self.title.is_none()
            && self.points.is_empty()
            && self.note.is_none()
            && self.progress.is_none()
            && self.previous_progress.is_none()
            && self.due.is_none()
            && self.due_as_written.is_none()
            && self.status.is_none()
            && self.owner.is_none()
            && self.thread.is_none()
    }

    /// The item's name for matching across weeks and files: its title, else its text up to
    /// the first `：` or `，`. (A thread across weeks is keyed by [`Item::thread_key`].)
    pub fn key(&self) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        let text = self.text.as_deref().unwrap_or("");
        text.split(['：', ':', '，', ','])
            .next()
            .unwrap_or(text)
            .trim()
            .to_string()
    }

    /// The name that threads the item across weeks: its `thread:`, else its [`Item::key`].
    pub fn thread_key(&self) -> String {
        self.thread.clone().unwrap_or_else(|| self.key())
    }

    /// All the text of the item: title, text and note.
    pub fn full_text(&self) -> String {
        [&self.title, &self.text, &self.note]
            .iter()
            .filter_map(|s| s.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Progress, given or read from the text.
    pub fn progress(&self) -> Option<u8> {
        self.progress.map(|p| p.value)
    }

    /// Due date, given or read from the text.
    pub fn due(&self) -> Option<Date> {
        self.due.map(|d| d.value)
    }

    /// Status, given or read from the text.
    pub fn status(&self) -> Option<Status> {
        self.status.map(|s| s.value)
    }

    /// Owner, given or read from the text.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_ref().map(|o| o.value.as_str())
    }

    /// Reads progress, due date, status and owner from the text where not given, here and in
    /// every point; a given value the text states too is marked so.
    pub fn derive(&mut self, around: NaiveDate) {
        let text = self.full_text();
        self.progress = settle(self.progress, || extract::progress(&text));
        if self.due.is_none()
            && let Some((month, day)) = self.due_as_written.as_deref().and_then(parse_month_day)
        {
            self.due = month_day_near(month, day, around).map(|d| Fact::given(Date(d)));
        }
        self.due = settle(self.due, || extract::due(&text, around).map(Date));
        self.status = settle(self.status, || extract::status(&text));
        self.owner = settle(self.owner.take(), || extract::owner(&text));
        for point in &mut self.points {
            point.derive(around);
        }
    }

    /// The item as the author wrote it: facts read from the text left out.
    pub fn as_written(&self) -> Item {
        Item {
            progress: written(&self.progress),
            due: written(&self.due),
            status: written(&self.status),
            owner: written(&self.owner),
            points: self.points.iter().map(Item::as_written).collect(),
            ..self.clone()
        }
    }

    /// Whether the status must be printed after the text: given as `status:`, and not what
    /// the text says itself (`已完成`, `[x]`).
    pub fn shows_status(&self) -> bool {
        self.status.is_some_and(|s| !s.in_text())
    }

    /// Whether the progress must be printed after the text: known, but not written there.
    pub fn shows_progress(&self) -> bool {
        self.progress.is_some_and(|p| !p.in_text())
    }
}
