//! The heading vocabulary of the kinds table: a default heading and its level, the built-in
//! languages that have them, and the `defaults` templates read (`defaults.zh.headings.key_work`,
//! `defaults.en.levels.next_week`, `defaults.zh.people.done`).

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::ROWS;

/// A heading a template prints when a section does not give its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The text; empty for a kind printed without a heading unless it has `heading:`.
    pub text: &'static str,
    /// The level, 1-6.
    pub level: u8,
}

impl Heading {
    /// The text without the 【】 around it: `生产稳定性事件`.
    pub fn bare(&self) -> &'static str {
        self.text.trim_start_matches('【').trim_end_matches('】')
    }
}

/// The built-in languages whose templates read their headings from the table.
pub const LANGS: [&str; 2] = ["zh", "en"];

pub(super) const fn h(text: &'static str, level: u8) -> Heading {
    Heading { text, level }
}

/// No heading unless the section gives one.
pub(super) const NONE: Heading = h("", 2);

/// The defaults a template of one language reads: `headings` and `levels` by kind key.
#[derive(Clone, Copy, Debug)]
pub struct Defaults;

/// The kinds' headings (or levels) in one language, as a mapping by kind key.
struct ByKey<F>(&'static str, F);

impl<T: Serialize, F: Fn(Heading) -> T> Serialize for ByKey<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(ROWS.len()))?;
        for row in &ROWS {
            map.serialize_entry(row.key, &(self.1)(row.kind.heading(self.0)))?;
        }
        map.end()
    }
}

/// One language's defaults.
struct Lang(&'static str);

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("headings", &ByKey(self.0, |h: Heading| h.text))?;
        map.serialize_entry("levels", &ByKey(self.0, |h: Heading| h.level))?;
        let labels: std::collections::BTreeMap<&str, &str> = crate::week::PARTS
            .into_iter()
            .zip(crate::week::labels(self.0))
            .collect();
        map.serialize_entry("people", &labels)?;
        map.end()
    }
}

impl Serialize for Defaults {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(LANGS.len()))?;
        for lang in LANGS {
            map.serialize_entry(lang, &Lang(lang))?;
        }
        map.end()
    }
}
