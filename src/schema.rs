//! The JSON Schema of the week format, written by hand beside the model's custom serde forms:
//! every terse type is a string or a mapping (`anyOf`), and every mapping refuses unknown keys.
//!
//! The schema describes what the YAML (and `render --format json`) may hold; `weekly schema`
//! prints it for editors (`# yaml-language-server: $schema=...`); `output.rs` the stricter schema
//! of what `render -f json` writes (`weekly schema --output`).

mod kinds;
mod output;

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value, json};

use crate::week::kinds::Shape;
use crate::week::{
    Field, Incident, Item, Kind, Link, Metric, MetricLine, Metrics, Risks, Section, Table, Week,
};

pub use output::output_schema;

/// The whole schema of a week file.
pub fn week_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Week>();
    let mut out = Map::new();
    out.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    out.insert("title".into(), json!("weekly: one week's report"));
    if let Value::Object(map) = schema.to_value() {
        out.extend(map.into_iter().filter(|(k, _)| k != "$schema"));
    }
    Value::Object(out)
}

/// A date as the model reads it: `2023-10-24` or `2023/10/24`.
fn date() -> Value {
    json!({
        "type": "string",
        "pattern": r"^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$",
        "description": "A date, YYYY-MM-DD"
    })
}

/// A scalar read as text: strings, and numbers for convenience.
fn text_or_number(description: &str) -> Value {
    json!({ "type": ["string", "number"], "description": description })
}

/// `schema`, or null (the facts form writes every fact's key, null when unknown).
fn or_null(schema: Value) -> Value {
    json!({ "anyOf": [schema, {"type": "null"}] })
}

/// The `derived` list of the facts form: the fields read from the text, not written.
fn derived_list() -> Value {
    json!({
        "type": "array",
        "items": {"type": "string"},
        "description": "Written by `render -f json`: the fields here were read from the text (or computed), so reading back derives them again and `check` compares"
    })
}

/// A field `render -f json` writes that is always derived: accepted, never taken as written.
fn output_only(schema: Value) -> Value {
    let mut s = or_null(schema);
    s["description"] =
        json!("Written by `render -f json` (derived); accepted on input and not kept");
    s
}

fn array_of<T: JsonSchema>(g: &mut SchemaGenerator, description: &str) -> Value {
    json!({ "type": "array", "items": g.subschema_for::<T>(), "description": description })
}

impl JsonSchema for Week {
    fn schema_name() -> Cow<'static, str> {
        "Week".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": false,
            "required": ["date"],
            "properties": {
                "week": {
                    "type": "integer", "minimum": 1, "maximum": 54,
                    "description": "The week number; derived from `date` when left out"
                },
                "date": date(),
                "period_end": {
                    "type": "string",
                    "pattern": r"^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$",
                    "description": "The last day of the period the report covers (a range or a month), YYYY-MM-DD"
                },
                "created": {
                    "type": "string",
                    "pattern": r"^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*$",
                    "description": "When the report was written, YYYY-MM-DD HH:MM"
                },
                "title": { "type": "string", "description": "A title replacing the template's (第44周)" },
                "author": { "type": "string", "description": "Who writes the report" },
                "header": {
                    "type": "boolean",
                    "description": "Whether the template prints its title block (false for imported reports that keep their own opening)"
                },
                "sections": array_of::<Section>(g, "The sections, in order"),
                "year": output_only(json!({"type": "integer"})),
                "numbering": output_only(json!({"enum": ["jan1", "iso"]})),
                "week_start": output_only(date()),
                "week_end": output_only(date()),
                "derived": derived_list(),
            }
        })
    }
}

impl JsonSchema for Section {
    fn schema_name() -> Cow<'static, str> {
        "Section".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let mut props = Map::new();
        props.insert(
            "heading".into(),
            json!({"type": "string", "description": "A heading replacing the template's"}),
        );
        props.insert(
            "level".into(),
            json!({"type": "integer", "minimum": 1, "maximum": 6, "description": "Heading level"}),
        );
        props.insert(
            "layout".into(),
            json!({
                "type": "object",
                "additionalProperties": false,
                "description": "How the section's list was written where that differs from the template's default",
                "properties": {
                    "list": {"enum": ["bullet", "numbered", "paragraphs"], "description": "Bullets, numbers, or each item a paragraph of its own"},
                    "start": {"type": "integer", "minimum": 0, "description": "The first number of a numbered list"},
                    "loose": {"type": "boolean", "description": "A blank line between items"},
                    "details": {"type": "boolean", "description": "false: incidents are printed without their given impact and level"},
                    "points": {"enum": ["bullet", "numbered"], "description": "Bullets or numbers for the points under items"},
                    "words": {"enum": ["zh", "en"], "description": "The language of the labels inside the section (`Done:`, `已完成：`)"},
                    "heading_style": {"enum": ["bold", "bold-colon-after"], "description": "The heading written as a bold paragraph (`**Layotto：**`), or bold with its colon after it (`**会议内容**：`)"},
                    "labels": {"enum": ["bold", "plain", "bold-colon-after", "bold-tight"], "description": "Header fields' labels or items' titles in bold (`**Lead:** …`), without bold (`会议时间：…`), bold with the colon after (`**主题**：…`), or bold with no space before the value (`**时间：**…`)"},
                    "items": {"enum": ["headings", "bold", "bold-colon-after"], "description": "Each item written as a heading of its title (`### wg-nll`), a bold line (`**Layotto**`) or a bold line with its colon after (`**Layotto**：`), over its text, points and note"},
                    "level": {"type": "integer", "minimum": 1, "maximum": 6, "description": "The level of the items' headings (`items: headings`), 3 when absent"},
                    "nested": {"type": "boolean", "description": "With `items: headings`: an item's points that have a title are headings one level below its own (`## ruyi` over `### 调研`), each over its own text, points and note, and so on down"},
                    "paragraphs": {
                        "type": "object",
                        "additionalProperties": false,
                        "description": "Items written as paragraphs around the list: the first `before` and the last `after`",
                        "properties": {
                            "before": {"type": "integer", "minimum": 0, "description": "Items written as paragraphs before the list"},
                            "after": {"type": "integer", "minimum": 0, "description": "Items written as paragraphs after the list"}
                        }
                    }
                }
            }),
        );
        let mut kinds = Vec::new();
        for kind in Kind::all() {
            let key = kind.key();
            props.insert(key.into(), kind_schema(kind, g));
            kinds.push(match kind {
                Kind::Incidents => json!({"required": [key], "not": {"required": ["objective"]}}),
                _ => json!({"required": [key]}),
            });
        }
        props.insert(
            "items".into(),
            array_of::<Item>(g, "The objective's items (projects)"),
        );
        json_schema!({
            "type": "object",
            "description": "A section: exactly one kind key, with optional heading and level",
            "additionalProperties": false,
            "properties": props,
            "oneOf": kinds,
            "dependentRequired": { "items": ["objective"] }
        })
    }
}

/// The schema of the value under a section's kind key.
fn kind_schema(kind: Kind, g: &mut SchemaGenerator) -> Value {
    let about = kind.row().about;
    match kind.row().shape {
        Shape::Items => array_of::<Item>(g, about),
        Shape::Metrics => g.subschema_for::<Metrics>().to_value(),
        Shape::Objective | Shape::Markdown => json!({"type": "string", "description": about}),
        Shape::Incidents => array_of::<Incident>(g, about),
        Shape::Links => array_of::<Link>(g, about),
        Shape::Risks => g.subschema_for::<Risks>().to_value(),
        Shape::Table => g.subschema_for::<Table>().to_value(),
        Shape::Fields => array_of::<Field>(g, about),
        Shape::Agenda => agenda_schema(g, about),
        Shape::People => {
            let said = json!({"anyOf": [
                {"type": "string", "description": "One line after the label (`Blocked: none`)"},
                {"type": "null"},
                array_of::<Item>(g, "The items under the label"),
            ]});
            let label = json!({"type": "string"});
            json!({
                "type": "array",
                "description": about,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "description": "Who, as written (`@alice`)"},
                        "level": {"type": "integer", "minimum": 1, "maximum": 6, "description": "The name printed as a heading of this level"},
                        "done": said, "doing": said, "blocked": said, "next": said,
                        "labels": {
                            "type": "object",
                            "additionalProperties": false,
                            "description": "Labels written otherwise than the template's (`Done`, `Blocked/Asked:`)",
                            "properties": {"done": label, "doing": label, "blocked": label, "next": label}
                        },
                        "is_blocked": {"type": ["boolean", "null"], "description": "Written by `render -f json` (derived); accepted on input and not kept"}
                    }
                }
            })
        }
    }
}

/// The schema of an agenda: a list of topics, or `intro:` and `topics:`.
fn agenda_schema(g: &mut SchemaGenerator, about: &str) -> Value {
    let text = |d: &str| json!({"type": "string", "description": d});
    let topics = json!({
        "type": "array",
        "items": {"anyOf": [text("The topic's title alone"), {
            "type": "object",
            "additionalProperties": false,
            "required": ["title"],
            "properties": {
                "title": text("The topic as written"),
                "owner": text("Who presents it, as written (`@alice`, `[Bob](https://github.com/bob)`)"),
                "duration": text("How long it takes, as written (`（30 mins）`, `(10 min)`, `15分钟`)"),
                "owner_label": text("The label the owner is written after on a line of its own (`分享者：`, `Presenter:`)"),
                "points": array_of::<Item>(g, "What was said: sub-bullets; `决议：`/`Decision:` marks a decision, `Action:`/`TODO:`/`待办：` an action"),
                "notes": text("Markdown under the topic"),
                "level": {"type": "integer", "minimum": 1, "maximum": 6, "description": "The topic written as a heading of this level, its notes under it"}
            }
        }]}
    });
    json!({
        "description": about,
        "anyOf": [
            topics.clone(),
            {
                "type": "object",
                "additionalProperties": false,
                "properties": {"intro": text("Markdown before the topics"), "topics": topics}
            }
        ]
    })
}

impl JsonSchema for Item {
    fn schema_name() -> Cow<'static, str> {
        "Item".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let percent =
            |d: &str| json!({"type": "integer", "minimum": 0, "maximum": 100, "description": d});
        json_schema!({
            "description": "An item: its text, or a mapping",
            "anyOf": [
                text_or_number("The item's text"),
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "title": {"type": "string", "description": "A short name (【title】 in key work)"},
                        "text": {"type": "string", "description": "The line itself"},
                        "points": array_of::<Item>(g, "Numbered sub-points"),
                        "note": {"type": "string", "description": "An indented paragraph under the item"},
                        "progress": or_null(percent("Progress 0-100; read from `进度70%` in the text when left out")),
                        "previous_progress": percent("Last week's progress"),
                        "due": or_null(json!({
                            "type": "string",
                            "description": "Due date: YYYY-MM-DD, or without the year (12/20, 12月20日, Dec 20), read in the year nearest the report's date"
                        })),
                        "status": or_null(json!({"enum": ["todo", "doing", "done", "blocked", "dropped"]})),
                        "owner": or_null(json!({"type": "string", "description": "Who owns it"})),
                        "thread": {"type": "string", "description": "The title this item continued under in earlier weeks, so `weekly rollup` threads a renamed item as one"},
                        "derived": derived_list()
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Metrics {
    fn schema_name() -> Cow<'static, str> {
        "Metrics".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let lines = array_of::<MetricLine>(g, "Metric lines");
        json_schema!({
            "description": "Metric lines, or a mapping of group label to lines",
            "anyOf": [
                lines,
                { "type": "object", "additionalProperties": lines }
            ]
        })
    }
}

impl JsonSchema for MetricLine {
    fn schema_name() -> Cow<'static, str> {
        "MetricLine".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let metric = g.subschema_for::<Metric>();
        json_schema!({
            "description": "A line: text such as `入金有效成功率：99.997%`, a metric, or several",
            "anyOf": [
                {"type": "string"},
                metric,
                {"type": "array", "items": metric},
                {
                    "description": "`- Pipeline success rate: 99.2%`: the line, as YAML reads it",
                    "type": "object",
                    "minProperties": 1,
                    "maxProperties": 1,
                    "propertyNames": {
                        "not": {"enum": ["name", "value", "unit", "target", "previous", "better", "aggregate"]}
                    },
                    "additionalProperties": text_or_number("The value, e.g. 99.2%")
                },
                {
                    "type": "object",
                    "description": "The facts form of `render -f json`: the line as written and the metrics read from it (read again on input), or its metrics",
                    "additionalProperties": false,
                    "properties": {
                        "text": {"type": "string"},
                        "metrics": {"type": "array", "items": metric}
                    },
                    "anyOf": [{"required": ["text"]}, {"required": ["metrics"]}]
                }
            ]
        })
    }
}

impl JsonSchema for Metric {
    fn schema_name() -> Cow<'static, str> {
        "Metric".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "value": or_null(text_or_number("This week's value with its unit, e.g. 99.997%")),
                "unit": {"type": "string", "description": "%, 次, ms; read from the values when left out"},
                "target": or_null(text_or_number("The target, e.g. 99.99%")),
                "previous": or_null(text_or_number("Last week's value")),
                "better": or_null(json!({"enum": ["higher", "lower"], "description": "Which direction is good"})),
                "aggregate": or_null(json!({"enum": ["last", "mean", "min", "max", "sum"], "description": "How `weekly rollup` makes one value of the weeks' (default last; a percentage is never summed)"})),
                "text": or_null(json!({"type": "string", "description": "The value as written (the facts form); wins over `value`"})),
                "target_text": or_null(json!({"type": "string", "description": "The target as written; wins over `target`"})),
                "previous_text": or_null(json!({"type": "string", "description": "Last week's value as written; wins over `previous`"})),
                "target_unit": or_null(json!({"type": "string", "description": "The target's unit"})),
                "previous_unit": or_null(json!({"type": "string", "description": "Last week's value's unit"})),
                "change": output_only(json!({"type": "number"})),
                "change_unit": output_only(json!({"type": "string"})),
                "change_text": output_only(json!({"type": "string"})),
                "below_target": output_only(json!({"type": "boolean"})),
                "worse_than_previous": output_only(json!({"type": "boolean"})),
                "derived": derived_list()
            }
        })
    }
}

impl JsonSchema for Incident {
    fn schema_name() -> Cow<'static, str> {
        "Incident".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An incident: `10/23 14:36 what happened`, or a mapping",
            "anyOf": [
                text_or_number("The time, then what happened"),
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["text"],
                    "properties": {
                        "time": or_null(json!({"type": "string", "description": "10/23 14:36 (quote it in YAML)"})),
                        "text": {"type": "string"},
                        "impact": or_null(json!({"type": "string", "description": "Effect on the business"})),
                        "level": or_null(json!({"type": "string", "description": "Severity: A, CD, P2, ..."})),
                        "at": output_only(json!({"type": "string"})),
                        "severity": output_only(json!({"type": "string"})),
                        "affects_business": output_only(json!({"type": "boolean"}))
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Link {
    fn schema_name() -> Cow<'static, str> {
        "Link".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A link: its target (`2023-10-23 周一_x.md`), or a mapping",
            "anyOf": [
                text_or_number("The link target, unencoded"),
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["href"],
                    "properties": {
                        "href": {"type": "string"},
                        "title": {"type": "string"},
                        "date": or_null(date()),
                        "derived": derived_list()
                    }
                }
            ]
        })
    }
}
