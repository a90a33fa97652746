//! The JSON Schema of what `render -f json` writes (`weekly schema --output`): the facts form,
//! every fact's key always present (null when unknown), numbers exact, for scripts to rely on.

use serde_json::{Map, Value, json};

use crate::week::Kind;
use crate::week::kinds::Shape;

/// A type, or null.
fn nullable(t: &str) -> Value {
    json!({ "type": [t, "null"] })
}

/// An object with exactly these properties, all required but those in `optional`.
fn object(description: &str, props: Value, optional: &[&str]) -> Value {
    let required: Vec<&String> = props
        .as_object()
        .map(|m| {
            m.keys()
                .filter(|k| !optional.contains(&k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "type": "object",
        "description": description,
        "additionalProperties": false,
        "required": required,
        "properties": props
    })
}

fn date() -> Value {
    json!({ "type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$" })
}

fn derived() -> Value {
    json!({
        "type": "array",
        "items": {"type": "string"},
        "description": "The fields of this object read from the text or computed, not written"
    })
}

fn item() -> Value {
    object(
        "An item: its text and the facts read from it or given",
        json!({
            "title": {"type": "string"},
            "text": {"type": "string"},
            "progress": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "previous_progress": {"type": "integer", "minimum": 0, "maximum": 100},
            "due": {"anyOf": [date(), {"type": "null"}]},
            "status": {"enum": ["todo", "doing", "done", "blocked", "dropped", null]},
            "owner": nullable("string"),
            "thread": {"type": "string"},
            "note": {"type": "string"},
            "points": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
            "derived": derived()
        }),
        &[
            "title",
            "text",
            "previous_progress",
            "thread",
            "note",
            "points",
            "derived",
        ],
    )
}

fn metric() -> Value {
    object(
        "A metric: each value as an exact number beside its unit and its text as written",
        json!({
            "name": {"type": "string"},
            "value": nullable("number"),
            "unit": {"type": "string"},
            "text": nullable("string"),
            "target": nullable("number"),
            "target_unit": nullable("string"),
            "target_text": nullable("string"),
            "previous": nullable("number"),
            "previous_unit": nullable("string"),
            "previous_text": nullable("string"),
            "change": nullable("number"),
            "change_unit": nullable("string"),
            "change_text": nullable("string"),
            "better": {"enum": ["higher", "lower", null]},
            "aggregate": {"enum": ["last", "mean", "min", "max", "sum"]},
            "below_target": {"type": "boolean"},
            "worse_than_previous": {"type": "boolean"},
            "derived": derived()
        }),
        &["aggregate", "derived"],
    )
}

fn line() -> Value {
    object(
        "A metric line: its text as written (when written as text) and its metrics",
        json!({
            "text": {"type": "string"},
            "metrics": {"type": "array", "items": {"$ref": "#/$defs/Metric"}}
        }),
        &["text"],
    )
}

fn incident() -> Value {
    object(
        "An incident: time as written and the moment it names, text, the impact and level given, and the severity and effect read",
        json!({
            "time": nullable("string"),
            "at": {"anyOf": [{"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"}, {"type": "null"}]},
            "text": {"type": "string"},
            "impact": nullable("string"),
            "level": nullable("string"),
            "severity": nullable("string"),
            "affects_business": nullable("boolean")
        }),
        &[],
    )
}

fn link() -> Value {
    object(
        "A link and its date",
        json!({
            "href": {"type": "string"},
            "title": {"type": "string"},
            "date": {"anyOf": [date(), {"type": "null"}]},
            "derived": derived()
        }),
        &["title", "derived"],
    )
}

fn section() -> Value {
    let lines = json!({"type": "array", "items": {"$ref": "#/$defs/MetricLine"}});
    let table = json!({"type": "object", "required": ["columns"]});
    let mut props = Map::new();
    props.insert("heading".into(), json!({"type": "string"}));
    props.insert(
        "level".into(),
        json!({"type": "integer", "minimum": 1, "maximum": 6}),
    );
    props.insert("layout".into(), json!({"type": "object"}));
    let mut kinds = Vec::new();
    for kind in Kind::all() {
        let schema = match kind.row().shape {
            Shape::Items => json!({"type": "array", "items": {"$ref": "#/$defs/Item"}}),
            Shape::Metrics => {
                json!({"anyOf": [lines, {"type": "object", "additionalProperties": lines}]})
            }
            Shape::Objective | Shape::Markdown => json!({"type": "string"}),
            Shape::Incidents => json!({"type": "array", "items": {"$ref": "#/$defs/Incident"}}),
            Shape::Links => json!({"type": "array", "items": {"$ref": "#/$defs/Link"}}),
            Shape::Risks => json!({"anyOf": [{"type": "array"}, table.clone()]}),
            Shape::Table => table.clone(),
            Shape::Fields => {
                json!({"type": "array", "items": {"type": "object", "minProperties": 1, "maxProperties": 1}})
            }
            Shape::Agenda => {
                let topic = json!({"type": "object", "required": ["title"]});
                let topics = json!({"type": "array", "items": topic});
                json!({"anyOf": [topics.clone(), {"type": "object", "properties": {"intro": {"type": "string"}, "topics": topics}}]})
            }
            Shape::People => {
                let said = json!({"anyOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"$ref": "#/$defs/Item"}}
                ]});
                json!({"type": "array", "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "is_blocked"],
                    "properties": {
                        "name": {"type": "string"},
                        "level": {"type": "integer"},
                        "done": said, "doing": said, "blocked": said, "next": said,
                        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                        "is_blocked": {"type": "boolean"}
                    }
                }})
            }
        };
        let key = kind.key();
        props.insert(key.into(), schema);
        kinds.push(match kind {
            Kind::Incidents => json!({"required": [key], "not": {"required": ["objective"]}}),
            _ => json!({"required": [key]}),
        });
    }
    props.insert(
        "items".into(),
        json!({"type": "array", "items": {"$ref": "#/$defs/Item"}}),
    );
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": props,
        "oneOf": kinds
    })
}

/// The whole schema of `render -f json`.
pub fn output_schema() -> Value {
    let mut week = object(
        "weekly: one week's report with every derived fact (`render -f json`)",
        json!({
            "week": {"type": "integer", "minimum": 1, "maximum": 54},
            "year": {"type": "integer"},
            "numbering": {"enum": ["jan1", "iso"]},
            "week_start": date(),
            "week_end": date(),
            "date": date(),
            "period_end": date(),
            "created": {"type": "string"},
            "title": {"type": "string"},
            "author": {"type": "string"},
            "header": {"type": "boolean"},
            "derived": derived(),
            "sections": {"type": "array", "items": {"$ref": "#/$defs/Section"}}
        }),
        &[
            "period_end",
            "created",
            "title",
            "author",
            "header",
            "derived",
        ],
    );
    week["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    week["title"] = json!("weekly: render -f json");
    week["$defs"] = json!({
        "Section": section(),
        "Item": item(),
        "MetricLine": line(),
        "Metric": metric(),
        "Incident": incident(),
        "Link": link()
    });
    week
}
