//! Facts with their origin: a value the author wrote as its own field, or one the model read
//! from the text beside it (or computed from other fields) after parsing.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where a fact's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Written as its own field (`progress: 70`), and the text does not say the same.
    Given,
    /// Written as its own field, and the text says the same (`progress: 70` beside `进度70%`).
    GivenAndText,
    /// Read from the text (`进度70%`, `预计11/10上线`, a file name's date).
    Text,
    /// Computed from other fields (the week number from the date).
    Computed,
}

/// A value and where it came from. Deserialised, it is [`Origin::Given`]; serialised, it is
/// its value alone. Two facts are equal when their values are: where a value came from is not
/// part of it (a week written out as JSON and read back is the same week).
#[derive(Clone, Copy, Debug)]
pub struct Fact<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

impl<T> Fact<T> {
    /// A value the author wrote.
    pub fn given(value: T) -> Fact<T> {
        Fact {
            value,
            origin: Origin::Given,
        }
    }

    /// A value read from the text.
    pub fn read(value: T) -> Fact<T> {
        Fact {
            value,
            origin: Origin::Text,
        }
    }

    /// A value computed from other fields.
    pub fn computed(value: T) -> Fact<T> {
        Fact {
            value,
            origin: Origin::Computed,
        }
    }

    /// True when the author wrote it as its own field.
    pub fn is_given(&self) -> bool {
        matches!(self.origin, Origin::Given | Origin::GivenAndText)
    }

    /// True when the text says it (read from it, or given and the same as the text's).
    pub fn in_text(&self) -> bool {
        matches!(self.origin, Origin::Text | Origin::GivenAndText)
    }
}

/// The fact as written: `given` when the author wrote it (marked as also in the text when the
/// text says the same), else what `read` finds in the text. Facts derived before are dropped
/// first, so deriving twice gives the same result.
pub fn settle<T: PartialEq>(
    current: Option<Fact<T>>,
    read: impl FnOnce() -> Option<T>,
) -> Option<Fact<T>> {
    match current.filter(Fact::is_given) {
        Some(given) => {
            let same = read().is_some_and(|r| r == given.value);
            let origin = if same {
                Origin::GivenAndText
            } else {
                Origin::Given
            };
            Some(Fact { origin, ..given })
        }
        None => read().map(Fact::read),
    }
}

/// Only what the author wrote.
pub fn written<T: Clone>(fact: &Option<Fact<T>>) -> Option<Fact<T>> {
    fact.clone().filter(Fact::is_given)
}

impl<T: PartialEq> PartialEq for Fact<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Serialize> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Fact::given)
    }
}
