//! The terse form: a YAML value that may be a plain string or a full mapping.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};

/// A type that can be written as a plain string when only text is known.
pub trait FromText: Sized {
    /// Builds the value from its short string form.
    fn from_text(text: String) -> Self;
}

/// Deserialises `T` from a string (its short form) or a mapping (its full form); `what` says
/// what was wanted, in the writer's words (`an item (a text, or a mapping of its keys)`).
pub fn string_or_map<'de, D, T>(d: D, what: fn() -> String) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromText + DeserializeOwned,
{
    d.deserialize_any(StringOrMap(what, PhantomData))
}

struct StringOrMap<T>(fn() -> String, PhantomData<T>);

impl<'de, T: FromText + DeserializeOwned> Visitor<'de> for StringOrMap<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(self.0)())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from_text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from_text(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok(T::from_text(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok(T::from_text(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Ok(T::from_text(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<T, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}
