//! Reading YAML: the one place that names the YAML crate, its options and budgets.
//!
//! Every input passes the same gate: a size limit, UTF-8, no NUL bytes, not empty. A UTF-8 BOM
//! and CRLF line endings are accepted. Parse errors become [`Diagnostic`]s with the file name,
//! line, column, the source line and a caret, and a suggestion for a misspelt key.

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diag::Diagnostic;
use crate::msg;

mod recover;
mod slips;
mod text;
mod wording;

pub use recover::MAX_ERRORS;

/// Inputs larger than this are refused before parsing, unless `--max-size` says otherwise.
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// Deepest nesting of YAML collections accepted.
pub const MAX_DEPTH: usize = 64;

/// Most YAML nodes (scalars, sequences, mappings) in one document.
pub const MAX_NODES: usize = 2_000_000;

/// Most events that aliases (`*name`) may replay or record in one document: a real week
/// rarely uses aliases at all, and an alias bomb is refused at this bound within milliseconds.
pub const MAX_ALIAS_EVENTS: usize = 100_000;

/// A source text that passed the gate, with the name the user gave it.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file as named on the command line (`-` reads as `<stdin>`).
    pub name: String,
    /// The text, without a BOM.
    pub text: Arc<str>,
}

impl Source {
    /// Checks size, encoding and emptiness of `bytes` read from `name`.
    pub fn new(name: &str, bytes: Vec<u8>, max_size: u64) -> Result<Source, Diagnostic> {
        Source::gate(name, bytes, max_size, |t| {
            t.lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        })
    }

    /// The same gate for a Markdown text, where `#` starts a heading, not a comment.
    pub fn markdown(name: &str, bytes: Vec<u8>, max_size: u64) -> Result<Source, Diagnostic> {
        Source::gate(name, bytes, max_size, |t| t.trim().is_empty())
    }

    fn gate(
        name: &str,
        bytes: Vec<u8>,
        max_size: u64,
        is_empty: fn(&str) -> bool,
    ) -> Result<Source, Diagnostic> {
        let empty: Arc<str> = Arc::from("");
        if bytes.len() as u64 > max_size {
            let msg = msg!("yaml-too-large", name = name, limit = max_size.to_string());
            return Err(Diagnostic::error(name, empty, 0, 0, msg));
        }
        // std's check walks CJK text byte by byte; simdutf8's takes 32 bytes a step.
        let Ok(text) = simdutf8::basic::from_utf8(&bytes) else {
            return Err(not_utf8(name, &bytes));
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(at) = text.find('\0') {
            let (line, col) = line_col(text, at);
            let src = Arc::from(text.replace('\0', " "));
            return Err(
                Diagnostic::error(name, src, line, col, msg!("yaml-nul", name = name))
                    .with_label(msg!("yaml-nul-label"))
                    .with_help(msg!("yaml-nul-help")),
            );
        }
        if is_empty(text) {
            let msg = msg!("yaml-empty", name = name);
            return Err(Diagnostic::error(name, empty, 0, 0, msg));
        }
        Ok(Source {
            name: name.to_string(),
            text: Arc::from(text),
        })
    }

    /// Deserialises the whole document into `T`. On failure the diagnostic is the first error,
    /// with the further independent errors of the file (up to [`recover::MAX_ERRORS`] in all)
    /// in its `also`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let err = match serde_saphyr::from_str_with_options(&self.text, options()) {
            Ok(value) => return self.no_nul_decoded().map(|()| value),
            Err(err) => err,
        };
        let mut diag = self.diagnose(&err);
        if wording::is_about_a_value(&err) {
            let first = recover::location(&err);
            let unknown_key = wording::is_unknown_key(&err);
            diag.also = recover::further::<T>(&self.text, first, unknown_key)
                .iter()
                .map(|(_, e)| self.diagnose(e))
                .collect();
        }
        Err(diag)
    }

    /// Refuses a `!!binary` value that decodes to a NUL: the gate refuses NUL in the text, and
    /// a tag must not carry one past it.
    fn no_nul_decoded(&self) -> Result<(), Diagnostic> {
        if !self.text.contains("binary") {
            return Ok(());
        }
        let value = serde_saphyr::from_str_with_options::<serde_json::Value>(&self.text, options());
        if !value.is_ok_and(|v| has_nul(&v)) {
            return Ok(());
        }
        let at = self.text.find("binary").unwrap_or(0);
        let (line, col) = line_col(&self.text, at);
        Err(self.error_at(Pos { line, col }, msg!("yaml-binary-nul")))
    }

    /// An error at a known position of this source.
    pub fn error_at(&self, pos: Pos, message: String) -> Diagnostic {
        Diagnostic::error(&self.name, self.text.clone(), pos.line, pos.col, message)
    }

    fn diagnose(&self, err: &serde_saphyr::Error) -> Diagnostic {
        let pos = recover::location(err);
        let words = wording::explain(err, &self.text, pos);
        let mut diag = self.error_at(words.at.unwrap_or(pos), words.message.clone());
        diag.label = words.label;
        diag.help = words.help;
        if words.mapping_wanted && (pos.line, pos.col) == (1, 1) {
            diag = diag.with_help(msg!("yaml-not-a-mapping-help"));
        }
        diag
    }
}

/// The error for bytes that are not UTF-8: where the first bad byte is, and a hint for UTF-16.
fn not_utf8(name: &str, bytes: &[u8]) -> Diagnostic {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    let (line, col) = line_col(&prefix, prefix.len());
    let src = Arc::from(String::from_utf8_lossy(bytes).into_owned());
    let msg = msg!("yaml-not-utf8", name = name, byte = valid.to_string());
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    let help = if utf16 {
        msg!("yaml-utf16-help")
    } else {
        msg!("yaml-not-utf8-help")
    };
    Diagnostic::error(name, src, line, col, msg)
        .with_label(msg!("yaml-not-utf8-label"))
        .with_help(help)
}

/// serde-saphyr's options: strict booleans, duplicate keys refused, budgets for depth, size
/// and aliases.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 2 * MAX_NODES;
    budget.max_recorded_anchor_events = MAX_ALIAS_EVENTS;
    let mut options = serde_saphyr::options! { strict_booleans: true, budget: Some(budget) };
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EVENTS;
    options
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A position in a YAML source: 1-based line and column; 0:0 when unknown (JSON, built values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// A value with the position it was read from. Serialises as the bare value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it stood.
    pub pos: Pos,
}

impl<T> At<T> {
    /// A value built in code, with no position.
    pub fn new(value: T) -> Self {
        At {
            value,
            pos: Pos::default(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let loc = s.referenced;
        let pos = Pos {
            line: loc.line() as usize,
            col: loc.column() as usize,
        };
        Ok(At {
            value: s.value,
            pos,
        })
    }
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: fmt::Display> fmt::Display for At<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// Serialises a value as YAML text, as a person would write it: YAML 1.2 plain scalars (dates
/// such as `2023-10-24` unquoted), long lines kept on one line, multi-line text as `|` blocks.
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let options = serde_saphyr::ser_options! {
        yaml_12: true,
        no_lang_directive: true,
        folded_wrap_chars: usize::MAX,
    };
    Ok(serde_saphyr::to_string_with_options(value, options)?)
}

/// Whether any string (or key) in `v` holds a NUL.
fn has_nul(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(a) => a.iter().any(has_nul),
        serde_json::Value::Object(m) => m.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Result<Source, Diagnostic> {
        Source::new("t.yaml", text.as_bytes().to_vec(), DEFAULT_MAX_SIZE)
    }

    #[test]
    fn refuses_empty_nul_and_oversize() {
        assert!(
            src("  \n# just a comment\n")
                .unwrap_err()
                .message
                .contains("is empty")
        );
        assert!(src("a: \0").unwrap_err().message.contains("NUL"));
        let big = Source::new("b.yaml", vec![b'a'; 11], 10).unwrap_err();
        assert!(
            big.message.contains("is over the 10-byte limit"),
            "{}",
            big.message
        );
    }

    #[test]
    fn strips_bom() {
        assert_eq!(&*src("\u{feff}a: 1\r\n").unwrap().text, "a: 1\r\n");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n你好x", "ab\n你好".len()), (2, 3));
    }
}
