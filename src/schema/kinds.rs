//! The schema of the risks, table and fields kinds: a risk is a string or a mapping, a table its
//! columns (a name, or a name and alignment) and rows of cells, a field one `Label: value`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::json;

use super::{derived_list, or_null, output_only, text_or_number};
use crate::week::{Field, Risk, Risks, Table};

impl JsonSchema for Risk {
    fn schema_name() -> Cow<'static, str> {
        "Risk".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A risk: its text (`[Risk] …`, `风险：…`), or a mapping",
            "anyOf": [
                text_or_number("The risk as written; its type, owner and mitigation are read from it"),
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "type": or_null(json!({"enum": ["risk", "issue", "blocker", "dependency"]})),
                        "status": or_null(json!({"enum": ["open", "watching", "mitigated", "closed"], "description": "open when left out"})),
                        "owner": or_null(json!({"type": "string", "description": "Who handles it"})),
                        "mitigation": or_null(json!({"type": "string", "description": "What is done about it"})),
                        "due": or_null(json!({"type": "string", "description": "When it must be handled by"})),
                        "derived": derived_list()
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Risks {
    fn schema_name() -> Cow<'static, str> {
        "Risks".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let risk = g.subschema_for::<Risk>();
        let table = g.subschema_for::<Table>();
        json_schema!({
            "description": "Risks, issues, blockers and dependencies: a list, or a risk table (columns such as Risk, Owner, Mitigation, Status)",
            "anyOf": [{"type": "array", "items": risk}, table]
        })
    }
}

impl JsonSchema for Table {
    fn schema_name() -> Cow<'static, str> {
        "Table".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let align = json!({"enum": ["left", "center", "right"]});
        json_schema!({
            "type": "object",
            "description": "A table; numbers in it are read as metrics, a status column as each row's status",
            "additionalProperties": false,
            "required": ["columns"],
            "properties": {
                "columns": {
                    "type": "array",
                    "minItems": 1,
                    "items": {"anyOf": [
                        {"type": "string", "description": "The header cell"},
                        {
                            "type": "object",
                            "additionalProperties": false,
                            "required": ["name"],
                            "properties": {"name": {"type": "string"}, "align": align}
                        }
                    ]}
                },
                "rows": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": ["string", "number"]}},
                    "description": "A cell per column, the Markdown as written"
                },
                "metrics": output_only(json!({"type": "array"})),
                "statuses": output_only(json!({"type": "array"}))
            }
        })
    }
}

impl JsonSchema for Field {
    fn schema_name() -> Cow<'static, str> {
        "Field".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "A header field: `Lead: \"@alice\"`, or a list (`Attendees: [...]`), or nothing after the label",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": {"anyOf": [
                {"type": ["string", "number", "null"]},
                {"type": "array", "items": {"type": "string"}}
            ]}
        })
    }
}
