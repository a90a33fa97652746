//! Slips in the source that the parser reports somewhere else or in its own terms: a
//! full-width colon after a key, a key given `[]` with a list below it, and a line of text
//! with `: ` in it, which YAML reads as a one-key mapping.

use super::Pos;
use super::text;
use super::wording::Words;
use crate::msg;

/// A full-width colon after a key (`title：…`, an input-method slip) on the error's line, up
/// to `before` content lines above it or `after` lines below it.
pub(super) fn full_width_colon(
    source: &str,
    line: usize,
    before: usize,
    after: usize,
) -> Option<Words> {
    let mut lines = text::lines_up_to(source, line, before);
    lines.extend((1..=after).filter_map(|n| text::line(source, line + n)));
    let (number, found) = lines
        .iter()
        .find_map(|l| l.full_width_key().map(|k| (l.number, k)))?;
    let (key, col) = found;
    Some(Words {
        at: Some(Pos { line: number, col }),
        ..Words::new(msg!("yaml-full-width-colon", key = &key))
            .label(msg!("yaml-full-width-colon-label"))
            .help(msg!("yaml-full-width-colon-help", key = &key))
    })
}

/// `sections: [] # …` followed by `- …` lines: the key already had its (empty) value.
pub(super) fn flow_then_block(source: &str, line: usize) -> Option<Words> {
    let here = text::line(source, line)?;
    let above = text::lines_up_to(source, line, 1)
        .into_iter()
        .find(|l| l.number < line)?;
    let (key, col, value) = above.flow_value()?;
    let continues = here.content().starts_with("- ") || here.indent() > above.indent();
    if !continues {
        return None;
    }
    Some(Words {
        at: Some(Pos {
            line: above.number,
            col,
        }),
        ..Words::new(msg!("yaml-flow-then-block", key = &key, value = &value))
            .label(msg!("yaml-flow-then-block-label", key = &key))
            .help(msg!("yaml-flow-then-block-help", key = key, value = value))
    })
}

/// `- Shipped: the cache` (or `Lesson: keep it short` under a key that takes a text) where a
/// line of text was meant: YAML reads `word: ` as a key, so the line became a mapping with the
/// key `key`. Points at the colon.
pub(super) fn colon_in_line(source: &str, line: usize, key: &str) -> Option<Words> {
    let here = text::line(source, line)?;
    let (dash, body) = match here.content().strip_prefix("- ") {
        Some(body) => (2, body),
        None => (0, here.content()),
    };
    let value = body.strip_prefix(key)?.strip_prefix(": ")?.trim();
    if value.is_empty() || value.starts_with(['#', '[', '{', '|', '>', '&', '*', '"', '\'']) {
        return None;
    }
    let col = here.indent() + dash + key.chars().count() + 1;
    let written = format!("{key}: {value}");
    Some(Words {
        at: Some(Pos { line, col }),
        ..Words::new(msg!("yaml-colon-in-line", written = &written, key = key))
            .label(msg!("yaml-colon-in-line-label"))
            .help(msg!(
                "yaml-colon-in-line-help",
                written = &written,
                key = key,
                value = value
            ))
    })
}
