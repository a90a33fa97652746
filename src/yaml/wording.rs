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
            Words::new("a tag (`!!…`) stands before this value, where a plain text goes")
                .help("remove the tag, e.g. `date: 2023-10-24`")
        }
        E::NullIntoString { .. } => Words::new("a text is missing here")
            .help("write the text after the key, e.g. `title: 银行虚户建设`"),
        E::MultipleDocuments { .. } => {
            Words::new("a second YAML document starts here (`---`): a week file holds one document")
        }
        E::DuplicateMappingKey { key: Some(k), .. } => Words::new(format!("duplicate key `{k}`"))
            .help("a key appears once per mapping: join the two values or remove one"),
        E::DuplicateMappingKey { key: None, .. } => Words::new("duplicate key"),
        E::Unexpected { expected, .. } => key
            .as_deref()
            .filter(|_| *expected == "string scalar")
            .filter(|_| line.as_ref().is_some_and(|l| l.key_at(pos.col)))
            .and_then(|k| colon_in_line(source, pos.line, k))
            .unwrap_or_else(|| unexpected(expected, key.as_deref())),
        E::UnknownAnchor { .. } => Words::new(
            "`*` refers to an anchor (`&name`) that is not defined above it",
        )
        .help(
            "define `&name` on an earlier value, or quote the text if the `*` is meant literally",
        ),
        other => {
            let text = serde_saphyr::DefaultMessageFormatter.format_message(other);
            if text.contains("recursion limit exceeded") {
                return Words::new(too_deep());
            }
            if let Some(words) = flow_then_block(source, pos.line) {
                return words;
            }
            syntax_words(&text).unwrap_or_else(|| Words::new(text.into_owned()))
        }
    }
}

fn too_deep() -> String {
    format!("the YAML nests deeper than {MAX_DEPTH} levels")
}

fn aliases() -> String {
    format!("aliases (`*name`) expand to more than {MAX_ALIAS_EVENTS} YAML events (an alias bomb?)")
}

/// Budgets: the input is too large or too deep to be a week.
fn limits(inner: &E) -> Option<Words> {
    let message = match inner {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => too_deep(),
            B::Nodes { .. } | B::Events { .. } => {
                format!("the YAML has more than {MAX_NODES} nodes (values, lists and mappings)")
            }
            B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => aliases(),
            B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
                "the YAML uses too many aliases (`*name`) or anchors (`&name`)".into()
            }
            _ => "the YAML is too large or too complex".into(),
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
    let words = Words::new(format!(
        "unknown key `{}`; the keys here are {}",
        visible(field),
        expected.join(", ")
    ));
    match nearest(field, expected.iter().copied()) {
        Some(best) => words.help(format!("did you mean `{best}`?")),
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
    let what = key.map_or("value".to_string(), str::to_string);
    let words = Words::new(format!(
        "`{}` is not a {what}: write one of {}",
        visible(variant),
        expected.join(", ")
    ));
    let lower = variant.to_lowercase();
    let meant = SYNONYMS
        .iter()
        .find(|(_, words)| words.contains(&lower.as_str()))
        .map(|(choice, _)| *choice)
        .filter(|c| expected.contains(c))
        .or_else(|| nearest(&lower, expected.iter().copied()));
    match meant {
        Some(best) => words.help(format!("did you mean `{best}`?")),
        None => words,
    }
}

/// A key that must be there.
fn missing_key(field: &str) -> Words {
    let words = Words::new(format!("the key `{field}` is missing"));
    match field {
        "date" => words.help("a week starts with the date that names it, e.g. `date: 2023-10-24`"),
        _ => words,
    }
}

/// A value that does not read as the number its key wants.
fn not_a(ty: &str, value: &str, key: Option<&str>) -> Words {
    let number = ty.starts_with('u') || ty.starts_with('i');
    match key {
        Some(k @ ("progress" | "previous_progress")) => Words::new(format!(
            "`{value}` is not a progress: write a whole number from 0 to 100, without `%`"
        ))
        .label("a number 0-100")
        .help(format!("e.g. `{k}: 60`")),
        Some("week") => Words::new(format!("`{value}` is not a week number"))
            .help("write a whole number such as `week: 44`, or leave `week` out: it is derived from `date`"),
        Some("level") => Words::new(format!("`{value}` is not a heading level"))
            .help("write a whole number from 1 to 6"),
        _ if number => Words::new(format!("`{value}` is not a whole number")),
        _ if ty.starts_with('f') => Words::new(format!("`{value}` is not a number")),
        _ if ty == "bool" => Words::new(format!("`{value}` is not true or false")),
        _ => Words::new(format!("`{value}` cannot be read here")),
    }
}

/// A value of the wrong shape: a list where a text goes, and so on.
fn wrong_type(unexpected: &str, expected: &str, key: Option<&str>) -> Words {
    if expected.contains("span-aware") {
        // a `!!binary` or other tag that turned the value into something else
        return Words::new("a tag (`!!…`) stands before this value, where it cannot")
            .help("remove the tag and write the value itself");
    }
    let found = found_words(unexpected);
    let want = want_words(expected);
    let place = key.map_or(String::new(), |k| format!(" for `{k}`"));
    Words::new(format!("expected {want}{place}, found {found}"))
}

/// serde's name for what it found, as a writer would say it.
fn found_words(unexpected: &str) -> String {
    let (kind, rest) = unexpected.split_once(' ').unwrap_or((unexpected, ""));
    let rest = rest.trim_matches(['`', '"']);
    match kind {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit" | "null" => "nothing".into(),
        "string" => format!("the text `{rest}`"),
        "integer" | "floating" => format!(
            "the number {}",
            rest.trim_start_matches("point ").trim_matches('`')
        ),
        "boolean" => format!("`{rest}`"),
        _ => unexpected.into(),
    }
}

/// serde's name for what was wanted, as a writer would say it.
fn want_words(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("u8") || e.starts_with("u32") || e.starts_with("u64") || e.starts_with("i64") {
        return "a whole number".into();
    }
    match e {
        "a string" => "a text".into(),
        "a sequence" => "a list (`- item` lines)".into(),
        "a map" => "a mapping (`key: value` lines)".into(),
        "a boolean" => "true or false".into(),
        _ if e.starts_with("struct ") => "a mapping (`key: value` lines)".into(),
        _ => match e.split_once(": ") {
            Some((what, how)) => {
                let how = how
                    .replace("a string or a mapping", "a text, or a mapping of its keys")
                    .replace("a string", "a text");
                format!("{what} ({how})")
            }
            None => e.into(),
        },
    }
}

/// `expected mapping start` and its kin.
fn unexpected(expected: &str, key: Option<&str>) -> Words {
    let want = match expected {
        "mapping start" => "a mapping (`key: value` lines)",
        "sequence start" => "a list (`- item` lines)",
        "string scalar" => "a text (a string)",
        other => other,
    };
    match key {
        Some(key) => Words::new(format!("expected {want} for `{key}`")),
        None => Words::new(format!("expected {want}")),
    }
}
