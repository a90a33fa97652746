//! `check` on a week written by `render -f json`: the derived fields it carries (named in an
//! object's `derived` list, the output-only fields, the metrics beside a line's text) are not
//! taken as written; each is compared with what the model derives from the text now, and a
//! field that disagrees is a `derived-fact-disagrees` warning naming it.

use serde_json::Value;

use super::{OUTPUT_ONLY, to_json};
use crate::dates::WeekNumbering;
use crate::diag::{Code, Diagnostic, Severity};
use crate::msg;
use crate::week::{Directions, Week};
use crate::yaml::{Pos, Source};

/// A derived field whose value in the file is not what the week's text gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// Where, as a path into the file: `sections[1].metrics.支付成功率[0].metrics[0].value`.
    pub path: String,
    /// The value in the file.
    pub written: Value,
    /// The value derived from the text.
    pub derived: Value,
}

/// The derived fields of `source` that disagree with what `week` (parsed from it) derives.
pub fn disagreements(
    week: &Week,
    source: &Source,
    rule: WeekNumbering,
    directions: &Directions,
) -> Vec<Disagreement> {
    let Ok(given) = source.parse::<Value>() else {
        return Vec::new();
    };
    let Ok(derived) = to_json(week, rule, directions)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .ok_or(())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(&given, &derived, String::new(), false, &mut out);
    out
}

/// The `derived-fact-disagrees` warnings of `week`, each located at its section.
pub fn lint(
    week: &Week,
    source: &Source,
    rule: WeekNumbering,
    directions: &Directions,
) -> Vec<Diagnostic> {
    disagreements(week, source, rule, directions)
        .into_iter()
        .map(|d| {
            let section = section_index(&d.path)
                .and_then(|i| week.sections.get(i))
                .map_or(Pos::default(), |s| s.pos);
            let pos = locate(&source.text, section.line, &d).unwrap_or(section);
            let message = msg!(
                "derived-fact-disagrees",
                field = &d.path,
                written = d.written.to_string(),
                derived = d.derived.to_string()
            );
            let mut diag = source.error_at(pos, message);
            diag.severity = Severity::Warning;
            diag.code = Some(Code::DerivedFactDisagrees);
            diag.label = msg!("derived-fact-disagrees-label");
            diag.help.push(msg!("derived-fact-disagrees-help"));
            diag
        })
        .collect()
}

/// The line and column of the field in the file: the first place at or after line `from`
/// where its key stands with the value written (in JSON or YAML, block or flow).
fn locate(text: &str, from: usize, d: &Disagreement) -> Option<Pos> {
    let key = d.path.rsplit(['.', ']']).next()?;
    let key = key.split('[').next()?;
    for (n, line) in text.lines().enumerate().skip(from.saturating_sub(1)) {
        for (at, _) in line.match_indices(key) {
            let rest = line[at + key.len()..].trim_start_matches('"').trim_start();
            let Some(value) = rest.strip_prefix(':') else {
                continue;
            };
            let value = value.trim_start();
            let end = value.find([',', '}', ']', '#']).unwrap_or(value.len());
            let token = value[..end].trim().trim_matches('"');
            if written_as(token, &d.written) {
                let col = line[..at].chars().count() + 1;
                let col = if line[..at].ends_with('"') {
                    col - 1
                } else {
                    col
                };
                return Some(Pos { line: n + 1, col });
            }
        }
    }
    None
}

/// Whether `token`, a scalar as it stands in the file, is `value`.
fn written_as(token: &str, value: &Value) -> bool {
    match value {
        Value::Number(n) => token.parse::<f64>().ok() == n.as_f64(),
        Value::String(s) => token == s,
        Value::Bool(b) => token == b.to_string(),
        Value::Null => token.is_empty() || token == "null" || token == "~",
        _ => false,
    }
}

/// `sections[3]...` → 3.
fn section_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("sections[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// Compares `given` with `derived` below `path`; `claimed` when `given` is a derived value.
fn walk(given: &Value, derived: &Value, path: String, claimed: bool, out: &mut Vec<Disagreement>) {
    match (given, derived) {
        (Value::Object(g), Value::Object(d)) => {
            let named = |k: &str| {
                g.get("derived")
                    .and_then(Value::as_array)
                    .is_some_and(|list| list.iter().any(|v| v.as_str() == Some(k)))
            };
            let text_line = g.contains_key("text") && !g.contains_key("name");
            for (k, gv) in g.iter().filter(|(k, _)| k.as_str() != "derived") {
                let Some(dv) = d.get(k) else { continue };
                let claim = claimed
                    || OUTPUT_ONLY.contains(&k.as_str())
                    || named(k)
                    || (text_line && k == "metrics");
                let at = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(gv, dv, at, claim, out);
            }
        }
        (Value::Array(g), Value::Array(d)) if !claimed || g.len() == d.len() => {
            for (i, (gv, dv)) in g.iter().zip(d).enumerate() {
                walk(gv, dv, format!("{path}[{i}]"), claimed, out);
            }
        }
        _ if claimed && !same(given, derived) => out.push(Disagreement {
            path,
            written: given.clone(),
            derived: derived.clone(),
        }),
        _ => {}
    }
}

/// Equal values, numbers by value (`99.110` is `99.11`, `44` is `44.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}
