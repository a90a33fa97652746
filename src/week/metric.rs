//! Metrics: groups of lines, each line one or more named values with units, targets and last
//! week's values.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::extract::{self, Number};
use crate::yaml::{At, Pos};

/// Which direction of change is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    /// More is better (success rates, availability).
    Higher,
    /// Less is better (incidents, latency).
    Lower,
}

/// A named measurement.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// The name, matched across weeks by `trend` and `merge`.
    pub name: String,
    /// This week's value; `None` in a fresh scaffold.
    pub value: Option<Number>,
    /// The unit: `%`, `次`, `ms`, or empty.
    pub unit: String,
    /// The target.
    pub target: Option<Number>,
    /// Last week's value.
    pub previous: Option<Number>,
    /// Which direction is good; by default higher, except for counts of incidents.
    pub better: Option<Better>,
}

/// A metric's mapping form.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
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
}

/// A scalar read as its exact text, so `99.110` keeps its last zero.
#[derive(Clone, Serialize)]
#[serde(transparent)]
struct RawValue(String);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if extract::split_value(&text).is_none() {
            let msg = format!("`{text}` is not a number with an optional unit (e.g. 99.9%)");
            return Err(de::Error::custom(msg));
        }
        Ok(RawValue(text))
    }
}

/// Splits `99.997%` into number and unit, for the named field.
fn value_of<E: de::Error>(
    raw: Option<RawValue>,
    field: &str,
) -> Result<Option<(Number, String)>, E> {
    let Some(RawValue(text)) = raw else {
        return Ok(None);
    };
    extract::split_value(&text).map(Some).ok_or_else(|| {
        E::custom(format!(
            "{field} `{text}` is not a number with an optional unit (e.g. 99.9%)"
        ))
    })
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = MetricRepr::deserialize(d)?;
        let value = value_of::<D::Error>(r.value, "value")?;
        let target = value_of::<D::Error>(r.target, "target")?;
        let previous = value_of::<D::Error>(r.previous, "previous")?;
        let unit = r
            .unit
            .or_else(|| {
                [&value, &target, &previous]
                    .into_iter()
                    .flatten()
                    .map(|v| v.1.clone())
                    .find(|u| !u.is_empty())
            })
            .unwrap_or_default();
        Ok(Metric {
            name: r.name,
            value: value.map(|v| v.0),
            unit,
            target: target.map(|v| v.0),
            previous: previous.map(|v| v.0),
            better: r.better,
        })
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let with_unit = |n: &Option<Number>| {
            n.as_ref()
                .map(|n| RawValue(format!("{}{}", n.text, self.unit)))
        };
        MetricRepr {
            name: self.name.clone(),
            value: with_unit(&self.value),
            unit: (self.value.is_none()
                && self.target.is_none()
                && self.previous.is_none()
                && !self.unit.is_empty())
            .then(|| self.unit.clone()),
            target: with_unit(&self.target),
            previous: with_unit(&self.previous),
            better: self.better,
        }
        .serialize(s)
    }
}

impl Metric {
    /// The direction that is good for this metric.
    pub fn better(&self) -> Better {
        self.better.unwrap_or_else(|| {
            let lower = [
                "事故", "故障", "incident", "Incident", "延迟", "耗时", "latency", "error", "错误",
            ];
            if lower.iter().any(|w| self.name.contains(w)) {
                Better::Lower
            } else {
                Better::Higher
            }
        })
    }

    /// `99.997%`: the value as written, with its unit.
    pub fn shown(&self) -> Option<String> {
        self.value
            .as_ref()
            .map(|v| format!("{}{}", v.text, self.unit))
    }
}

/// One line of a metrics section: as written (parsed for its metrics), or built from metrics.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricLine {
    /// The line as written; printed verbatim.
    pub text: Option<String>,
    /// The metrics of the line: given, or recognised in the text.
    pub metrics: Vec<Metric>,
    /// Where the line stands in the YAML.
    pub pos: Pos,
}

impl MetricLine {
    /// A line written as text, with the metrics recognised in it.
    pub fn from_text(text: String, pos: Pos) -> MetricLine {
        let metrics = extract::metric_line(&text)
            .into_iter()
            .map(|m| Metric {
                name: m.name,
                value: Some(m.value),
                unit: m.unit,
                target: None,
                previous: None,
                better: None,
            })
            .collect();
        MetricLine {
            text: Some(text),
            metrics,
            pos,
        }
    }
}

/// The forms a line may take: text, one metric, or several metrics.
enum LineForm {
    Text(String),
    One(Metric),
    Many(Vec<Metric>),
}

impl<'de> Deserialize<'de> for LineForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LineForm;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a metric line: text, a metric {name, value}, or a list of metrics")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LineForm, E> {
                Ok(LineForm::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LineForm, A::Error> {
                Metric::deserialize(de::value::MapAccessDeserializer::new(map)).map(LineForm::One)
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
            LineForm::Text(text) => MetricLine::from_text(text, pos),
            LineForm::One(m) => MetricLine {
                text: None,
                metrics: vec![m],
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

/// A labelled group of metric lines (`支付成功率：`), or the unlabelled lines of a section.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricGroup {
    /// The label printed above the lines, without its colon.
    pub label: Option<String>,
    /// The lines.
    pub lines: Vec<MetricLine>,
}

/// A metrics section body: a mapping of label to lines, or a plain list of lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics(pub Vec<MetricGroup>);

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Metrics;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("metrics: a mapping of group label to lines, or a list of lines")
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

impl Metrics {
    /// Every metric of every line, in order.
    pub fn all(&self) -> impl Iterator<Item = &Metric> {
        self.0
            .iter()
            .flat_map(|g| &g.lines)
            .flat_map(|l| &l.metrics)
    }
}
