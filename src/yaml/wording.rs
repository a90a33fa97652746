//! Parse errors in the writer's terms: every serde-saphyr and serde message a person can meet,
//! reworded to say what is wrong and what to write instead, with the place to point at.

mod syntax;

use serde_saphyr::Error as E;
use serde_saphyr::MessageFormatter as _;
use serde_saphyr::budget::BudgetBreach as B;

use super::slips::{colon_in_line, flow_then_block, full_width_colon};
use super::text;
use super::{MAX_ALIAS_EVENTS, MAX_DEPTH, MAX_NODES, Pos};
use crate::diag::{nearest, visible};
use crate::msg;
use syntax::syntax_words;

/// What to tell the writer about one parse error.
#[derive(Debug, Default)]
pub(super) struct Words {
    /// The headline.
    pub message: String,
    /// Under the caret.
    pub label: String,
    /// Help lines.
    pub help: Vec<String>,
    /// Where to point, when not where the parser stopped.
    pub at: Option<Pos>,
    /// Whether a mapping was wanted (at the top of a file: the file is not a week at all).
    pub mapping_wanted: bool,
}

impl Words {
    pub(super) fn new(message: impl Into<String>) -> Words {
        Words {
            message: message.into(),
            ..Words::default()
        }
    }

    pub(super) fn help(mut self, help: impl Into<String>) -> Words {
        self.help.push(help.into());
        self
    }

    pub(super) fn label(mut self, label: impl Into<String>) -> Words {
        self.label = label.into();
        self
    }
}

/// The innermost error (snippet and alias wrappers removed).
pub(super) fn inner(err: &E) -> &E {
    let mut inner = err;
    while let E::WithSnippet { error, .. } | E::AliasError { error, .. } = inner {
        inner = error;
    }
    inner
}

/// Whether the error is about a value or key the parser read whole (so parsing could go on
/// past it), rather than about the YAML's syntax or size.
pub(super) fn is_about_a_value(err: &E) -> bool {
    matches!(
        inner(err),
        E::SerdeUnknownField { .. }
            | E::SerdeUnknownVariant { .. }
            | E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::InvalidScalar { .. }
            | E::NullIntoString { .. }
            | E::Message { .. }
    )
}

/// Whether the error is an unknown key (pointed at the key itself).
pub(super) fn is_unknown_key(err: &E) -> bool {
    matches!(inner(err), E::SerdeUnknownField { .. })
}

/// Explains `err`, which stopped the parser at `pos` of `source`.
pub(super) fn explain(err: &E, source: &str, pos: Pos) -> Words {
    let inner = inner(err);
    if let Some(words) = limits(inner) {
        return words;
    }
    let line = text::line(source, pos.line);
    let key = line.as_ref().and_then(|l| l.key_before(pos.col));
    let value = line
        .as_ref()
        .map(|l| l.token_at(pos.col))
        .unwrap_or_default();
    let syntax = !is_about_a_value(err)
        && !matches!(
            inner,
            E::Unexpected { .. } | E::SerdeMissingField { .. } | E::DuplicateMappingKey { .. }
        );
    let (before, after) = if syntax { (1, 0) } else { (0, 1) };
    if let Some(words) = full_width_colon(source, pos.line, before, after) {
        return words;
    }
    match inner {
        E::SerdeUnknownField {
            field, expected, ..
        } => nearest(field, expected.iter().copied())
            .is_none()
            .then(|| colon_in_line(source, pos.line, field))
            .flatten()
            .unwrap_or_else(|| unknown_key(field, expected)),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => unknown_choice(variant, expected, key.as_deref()),
        E::SerdeMissingField { field, .. } => missing_key(field),
        E::InvalidScalar { ty, .. } => not_a(ty, &value, key.as_deref()),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => wrong_type(unexpected, expected, key.as_deref()),
        E::TaggedScalarCannotDeserializeIntoString { .. } => {
            Words::new(msg!("yaml-tag-before-text")).help(msg!("yaml-tag-before-text-help"))
        }
        E::NullIntoString { .. } => {
            Words::new(msg!("yaml-text-missing")).help(msg!("yaml-text-missing-help"))
        }
        E::MultipleDocuments { .. } => Words::new(msg!("yaml-second-document")),
        E::DuplicateMappingKey { key: Some(k), .. } => {
            Words::new(msg!("yaml-duplicate-key", key = k)).help(msg!("yaml-duplicate-key-help"))
        }
        E::DuplicateMappingKey { key: None, .. } => Words::new(msg!("yaml-duplicate-key-unnamed")),
        E::Unexpected { expected, .. } => key
            .as_deref()
            .filter(|_| *expected == "string scalar")
            .filter(|_| line.as_ref().is_some_and(|l| l.key_at(pos.col)))
            .and_then(|k| colon_in_line(source, pos.line, k))
            .unwrap_or_else(|| unexpected(expected, key.as_deref())),
        E::Message { msg, .. } if msg.starts_with(UNTAGGED) => not_any_form(&msg[UNTAGGED.len()..]),
        E::UnknownAnchor { .. } => {
            Words::new(msg!("yaml-unknown-anchor")).help(msg!("yaml-unknown-anchor-help"))
        }
        other => {
            let text = serde_saphyr::DefaultMessageFormatter.format_message(other);
            if text.contains("recursion limit exceeded") {
                return Words::new(too_deep());
            }
            if let Some(words) = flow_then_block(source, pos.line) {
                return words;
            }
            // the model's own messages are in the writer's words already; the parser's are not
            syntax_words(&text).unwrap_or_else(|| {
                let text = text.into_owned();
                if matches!(other, E::Message { .. }) {
                    Words::new(text)
                } else {
                    Words::new(msg!("yaml-parser-said", text = text))
                }
            })
        }
    }
}

/// serde's words for a value that is none of the forms of a type that takes several.
const UNTAGGED: &str = "data did not match any variant of untagged enum ";

/// A value that is none of the forms its place takes, by the name of the type.
fn not_any_form(type_name: &str) -> Words {
    Words::new(match type_name {
        "Cell" => msg!("table-cell-not-read"),
        "TerseColumn" => msg!("table-column-not-read"),
        "Value" => msg!("field-value-not-read"),
        _ => msg!("yaml-value-not-read"),
    })
}

fn too_deep() -> String {
    msg!("yaml-too-deep", depth = MAX_DEPTH.to_string())
}

fn aliases() -> String {
    msg!("yaml-aliases", events = MAX_ALIAS_EVENTS.to_string())
}

/// Budgets: the input is too large or too deep to be a week.
fn limits(inner: &E) -> Option<Words> {
    let message = match inner {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => too_deep(),
            B::Nodes { .. } | B::Events { .. } => {
                msg!("yaml-too-many-nodes", nodes = MAX_NODES.to_string())
            }
            B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => aliases(),
            B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
                msg!("yaml-too-many-anchors")
            }
            _ => msg!("yaml-too-complex"),
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => aliases(),
        _ => return None,
    };
    Some(Words::new(message))
}

/// `unknown key `progres``, the keys that belong there, and the nearest of them.
fn unknown_key(field: &str, expected: &[&str]) -> Words {
    let expected: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|k| !crate::facts::is_facts_form_key(k))
        .collect();
    let words = Words::new(msg!(
        "yaml-unknown-key",
        key = visible(field),
        keys = expected.join(&msg!("list-separator"))
    ));
    match nearest(field, expected.iter().copied()) {
        Some(best) => words.help(msg!("did-you-mean", name = best)),
        None => words,
    }
}

/// Words people write for a status, and the status they mean.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "done",
        &[
            "finished",
            "complete",
            "completed",
            "closed",
            "shipped",
            "resolved",
            "完成",
            "已完成",
            "已上线",
        ],
    ),
    (
        "doing",
        &[
            "in-progress",
            "in progress",
            "wip",
            "ongoing",
            "started",
            "active",
            "进行中",
        ],
    ),
    (
        "todo",
        &[
            "planned",
            "open",
            "new",
            "pending",
            "not-started",
            "未开始",
            "待办",
        ],
    ),
    (
        "blocked",
        &["waiting", "stuck", "on-hold", "on hold", "阻塞", "卡住"],
    ),
    (
        "dropped",
        &[
            "cancelled",
            "canceled",
            "abandoned",
            "wontfix",
            "取消",
            "放弃",
        ],
    ),
];

/// An unknown choice (`status: finished`): the choices, and the one meant.
fn unknown_choice(variant: &str, expected: &[&str], key: Option<&str>) -> Words {
    let value = visible(variant);
    let choices = expected.join(&msg!("list-separator"));
    let words = Words::new(match key {
        Some(key) => msg!(
            "yaml-unknown-choice",
            value = value,
            key = key,
            choices = choices
        ),
        None => msg!(
            "yaml-unknown-choice-unnamed",
            value = value,
            choices = choices
        ),
    });
    let lower = variant.to_lowercase();
    let meant = SYNONYMS
        .iter()
        .find(|(_, words)| words.contains(&lower.as_str()))
        .map(|(choice, _)| *choice)
        .filter(|c| expected.contains(c))
        .or_else(|| nearest(&lower, expected.iter().copied()));
    match meant {
        Some(best) => words.help(msg!("did-you-mean", name = best)),
        None => words,
    }
}

/// A key that must be there.
fn missing_key(field: &str) -> Words {
    let words = Words::new(msg!("yaml-missing-key", key = field));
    match field {
        "date" => words.help(msg!("yaml-missing-date-help")),
        _ => words,
    }
}

/// A value that does not read as the number its key wants.
fn not_a(ty: &str, value: &str, key: Option<&str>) -> Words {
    let number = ty.starts_with('u') || ty.starts_with('i');
    match key {
        Some(k @ ("progress" | "previous_progress")) => {
            Words::new(msg!("yaml-not-a-progress", value = value))
                .label(msg!("yaml-not-a-progress-label"))
                .help(msg!("yaml-not-a-progress-help", key = k))
        }
        Some("week") => {
            Words::new(msg!("yaml-not-a-week", value = value)).help(msg!("yaml-not-a-week-help"))
        }
        Some("level") => {
            Words::new(msg!("yaml-not-a-level", value = value)).help(msg!("yaml-not-a-level-help"))
        }
        _ if number => Words::new(msg!("yaml-not-a-whole-number", value = value)),
        _ if ty.starts_with('f') => Words::new(msg!("yaml-not-a-number", value = value)),
        _ if ty == "bool" => Words::new(msg!("yaml-not-a-bool", value = value)),
        _ => Words::new(msg!("yaml-cannot-read", value = value)),
    }
}

/// A value of the wrong shape: a list where a text goes, and so on.
fn wrong_type(unexpected: &str, expected: &str, key: Option<&str>) -> Words {
    if expected.contains("span-aware") {
        // a `!!binary` or other tag that turned the value into something else
        return Words::new(msg!("yaml-tag-where-not")).help(msg!("yaml-tag-where-not-help"));
    }
    let found = found_words(unexpected);
    let (want, mapping_wanted) = want_words(expected);
    let message = match key {
        Some(key) => msg!("yaml-wrong-type", want = want, key = key, found = found),
        None => msg!("yaml-wrong-type-unnamed", want = want, found = found),
    };
    Words {
        mapping_wanted,
        ..Words::new(message)
    }
}

/// serde's name for what it found, as a writer would say it.
fn found_words(unexpected: &str) -> String {
    let (kind, rest) = unexpected.split_once(' ').unwrap_or((unexpected, ""));
    let rest = rest.trim_matches(['`', '"']);
    match kind {
        "sequence" => msg!("yaml-found-list"),
        "map" => msg!("yaml-found-mapping"),
        "unit" | "null" => msg!("yaml-found-nothing"),
        "string" => msg!("yaml-found-text", text = rest),
        "integer" | "floating" => msg!(
            "yaml-found-number",
            number = rest.trim_start_matches("point ").trim_matches('`')
        ),
        "boolean" => msg!("yaml-found-bool", value = rest),
        _ => unexpected.into(),
    }
}

/// serde's name for what was wanted, as a writer would say it, and whether it is a mapping.
/// The model's own visitors say what they want in the writer's words already.
fn want_words(expected: &str) -> (String, bool) {
    let e = expected.trim();
    if e.starts_with("u8") || e.starts_with("u32") || e.starts_with("u64") || e.starts_with("i64") {
        return (msg!("yaml-want-whole-number"), false);
    }
    let mapping = e == "a map" || e.starts_with("struct ");
    let words = match e {
        "a string" => msg!("yaml-want-text"),
        "a sequence" => msg!("yaml-want-list"),
        "a boolean" => msg!("yaml-want-bool"),
        _ if mapping => msg!("yaml-want-mapping"),
        _ => e.into(),
    };
    (words, mapping)
}

/// `expected mapping start` and its kin.
fn unexpected(expected: &str, key: Option<&str>) -> Words {
    let want = match expected {
        "mapping start" => msg!("yaml-want-mapping"),
        "sequence start" => msg!("yaml-want-list"),
        "string scalar" => msg!("yaml-want-text-string"),
        other => other.to_string(),
    };
    let message = match key {
        Some(key) => msg!("yaml-expected", want = want, key = key),
        None => msg!("yaml-expected-unnamed", want = want),
    };
    Words {
        mapping_wanted: expected == "mapping start",
        ..Words::new(message)
    }
}
