//! The YAML and JSON forms of metrics: a value read as its exact text, a metric's mapping, a
//! line as text, one metric or several, and a section's groups. A metric or line in the facts
//! form `render -f json` writes reads back: the value's `text` wins over its number, and the
//! metrics of a line written as text are read from the text again.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Aggregate, Better, Metric, MetricGroup, MetricLine, Metrics};
use crate::quantity::Quantity;
use crate::week::colon_line::one_key_line;
use crate::yaml::At;

/// A metric's mapping form, as written out.
#[derive(Serialize)]
struct MetricRepr {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<RawValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<RawValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<RawValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    better: Option<Better>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aggregate: Option<Aggregate>,
}

/// A mapping in a metrics section: a metric (it has a `name`), or a line in the facts form
/// (`text` and the `metrics` read from it, or `metrics` alone). In a metric, `text`,
/// `target_text` and `previous_text` are the values as written and win over the numbers beside
/// them; the other keys `render -f json` writes are accepted and not kept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::week) struct MapForm {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    value: Option<RawValue>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    target: Option<RawValue>,
    #[serde(default)]
    previous: Option<RawValue>,
    #[serde(default)]
    better: Option<Better>,
    #[serde(default)]
    aggregate: Option<Aggregate>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    target_text: Option<String>,
    #[serde(default)]
    previous_text: Option<String>,
    #[serde(default)]
    metrics: Option<Vec<Metric>>,
    #[serde(default)]
    derived: Vec<String>,
    #[serde(default)]
    target_unit: Option<String>,
    #[serde(default)]
    previous_unit: Option<String>,
    #[serde(default, rename = "change")]
    _change: Option<IgnoredAny>,
    #[serde(default, rename = "change_unit")]
    _change_unit: Option<IgnoredAny>,
    #[serde(default, rename = "change_text")]
    _change_text: Option<IgnoredAny>,
    #[serde(default, rename = "below_target")]
    _below_target: Option<IgnoredAny>,
    #[serde(default, rename = "worse_than_previous")]
    _worse_than_previous: Option<IgnoredAny>,
}

impl MapForm {
    /// The metric this mapping is; an error naming what is wrong when it is not one.
    fn metric<E: de::Error>(self) -> Result<Metric, E> {
        let Some(name) = self.name else {
            return Err(E::custom(crate::msg!("metric-needs-name")));
        };
        if self.metrics.is_some() {
            return Err(E::custom(crate::msg!("metric-with-metrics")));
        }
        let derived_better = self.derived.iter().any(|d| d == "better");
        let value = value_of::<E>(self.text.map(RawValue).or(self.value), "value")?;
        let target = value_of::<E>(self.target_text.map(RawValue).or(self.target), "target")?;
        let previous = value_of::<E>(
            self.previous_text.map(RawValue).or(self.previous),
            "previous",
        )?;
        // The facts form gives each value's unit; `unit:` is what a value written without one
        // takes, so it is the unit of the first such value (or, without any, as given).
        let units = [
            (&value, self.unit.clone()),
            (&target, self.target_unit),
            (&previous, self.previous_unit),
        ];
        let bare = units
            .into_iter()
            .find(|(q, unit)| q.as_ref().is_some_and(|q| q.unit.is_empty()) && unit.is_some())
            .and_then(|(_, unit)| unit);
        Ok(Metric {
            name,
            value,
            unit: bare.or(self.unit).filter(|u| !u.is_empty()),
            target,
            previous,
            better: self.better.filter(|_| !derived_better),
            stated_change: None,
            aggregate: self.aggregate,
        })
    }

    /// The line this mapping is: a metric, a line written as text (the metrics beside it are
    /// read from the text again), or a line of metrics.
    pub(in crate::week) fn line<E: de::Error>(self) -> Result<LineForm, E> {
        if self.name.is_some() {
            return self.metric().map(|m| LineForm::One(Box::new(m)));
        }
        match (self.text, self.metrics) {
            (Some(text), _) => Ok(LineForm::Text(text)),
            (None, Some(metrics)) => Ok(LineForm::Many(metrics)),
            (None, None) => Err(E::custom(crate::msg!("metric-needs-name-or-text"))),
        }
    }
}

/// A scalar read as its exact text, so `99.110` keeps its last zero.
#[derive(Clone, Serialize)]
#[serde(transparent)]
struct RawValue(String);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if Quantity::parse(&text).is_none() {
            return Err(de::Error::custom(crate::msg!(
                "metric-not-a-quantity",
                text = text
            )));
        }
        Ok(RawValue(text))
    }
}

/// The quantity written in the named field.
fn value_of<E: de::Error>(raw: Option<RawValue>, field: &str) -> Result<Option<Quantity>, E> {
    let Some(RawValue(text)) = raw else {
        return Ok(None);
    };
    Quantity::parse(&text).map(Some).ok_or_else(|| {
        E::custom(crate::msg!(
            "metric-field-not-a-quantity",
            field = field,
            text = &text
        ))
    })
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        MapForm::deserialize(d)?.metric()
    }
}

impl Serialize for Metric {
    /// Each value exactly as written, with the unit written after it (none added), and `unit:`
    /// as given: what is read back is what was read.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let written = |q: &Option<Quantity>| q.as_ref().map(|q| RawValue(q.shown()));
        MetricRepr {
            name: self.name.clone(),
            value: written(&self.value),
            unit: self.unit.clone(),
            target: written(&self.target),
            previous: written(&self.previous),
            better: self.better,
            aggregate: self.aggregate,
        }
        .serialize(s)
    }
}

/// The forms a line may take: text, one metric, or several metrics.
pub(in crate::week) enum LineForm {
    Text(String),
    One(Box<Metric>),
    Many(Vec<Metric>),
}

impl<'de> Deserialize<'de> for LineForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LineForm;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::msg!("metric-want-line"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LineForm, E> {
                Ok(LineForm::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LineForm, A::Error> {
                one_key_line(map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<LineForm, A::Error> {
                Vec::<Metric>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(LineForm::Many)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for MetricLine {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value, pos } = At::<LineForm>::deserialize(d)?;
        Ok(match value {
            LineForm::Text(text) => MetricLine {
                text: Some(text),
                metrics: Vec::new(),
                pos,
            },
            LineForm::One(m) => MetricLine {
                text: None,
                metrics: vec![*m],
                pos,
            },
            LineForm::Many(metrics) => MetricLine {
                text: None,
                metrics,
                pos,
            },
        })
    }
}

impl Serialize for MetricLine {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (&self.text, self.metrics.as_slice()) {
            (Some(text), _) => s.serialize_str(text),
            (None, [one]) => one.serialize(s),
            (None, many) => many.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Metrics;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::msg!("metric-want-metrics"))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Metrics, A::Error> {
                let groups: IndexMap<String, Vec<MetricLine>> =
                    Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Metrics(
                    groups
                        .into_iter()
                        .map(|(l, lines)| MetricGroup {
                            label: (!l.is_empty()).then_some(l),
                            lines,
                        })
                        .collect(),
                ))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Metrics, A::Error> {
                let lines: Vec<MetricLine> =
                    Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Metrics(vec![MetricGroup { label: None, lines }]))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let [MetricGroup { label: None, lines }] = self.0.as_slice() {
            return lines.serialize(s);
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for g in &self.0 {
            map.serialize_entry(g.label.as_deref().unwrap_or(""), &g.lines)?;
        }
        map.end()
    }
}
