//! A metric line written `- Pipeline success rate: 99.2%`: YAML reads the ASCII colon as a
//! one-key mapping. In a metrics list such a mapping whose key and value read as a metric line
//! (a number with a unit, and perhaps a target in parentheses) is that line, as written; any
//! other mapping is a metric's mapping form.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::metric::forms::{LineForm, MapForm};
use crate::extract;

/// The keys of a metric's mapping form (and of a line in the form `render -f json` writes).
const FIELDS: &[&str] = &[
    "name",
    "value",
    "unit",
    "target",
    "previous",
    "better",
    "text",
    "target_text",
    "previous_text",
    "metrics",
    "derived",
    "target_unit",
    "previous_unit",
    "change",
    "change_unit",
    "change_text",
    "below_target",
    "worse_than_previous",
];

/// A mapping in a metrics list: a metric's mapping form, or `Pipeline success rate: 99.2%`, a
/// line written with an ASCII colon that YAML reads as a one-key mapping; when the two read as
/// metrics, it is the line `Pipeline success rate: 99.2%`.
pub(super) fn one_key_line<'de, A: MapAccess<'de>>(mut map: A) -> Result<LineForm, A::Error> {
    let first = map.next_key::<String>()?;
    let Some(key) = first.clone().filter(|k| !FIELDS.contains(&k.as_str())) else {
        let map = Prepended { first, map };
        return MapForm::deserialize(de::value::MapAccessDeserializer::new(map))?.line();
    };
    let Scalar(value) = map.next_value()?;
    let alone = map.next_key::<de::IgnoredAny>()?.is_none();
    let line = value
        .map(|v| format!("{key}: {v}"))
        .filter(|line| alone && !extract::metric_line(line).is_empty());
    match line {
        Some(line) => Ok(LineForm::Text(line)),
        None => Err(de::Error::unknown_field(&key, FIELDS)),
    }
}

/// A mapping whose first key was already read.
struct Prepended<A> {
    first: Option<String>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Prepended<A> {
    type Error = A::Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed
                .deserialize(de::value::StringDeserializer::new(key))
                .map(Some),
            None => self.map.next_key_seed(seed),
        }
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A value's text when it is a scalar (as written: `99.110` keeps its zero); `None` for a
/// list or a mapping, which is read and dropped.
struct Scalar(Option<String>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::msg!("metric-want-value"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Scalar(None))
            }
        }
        d.deserialize_string(V)
    }
}
