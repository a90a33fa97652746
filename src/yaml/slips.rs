//! Slips in the source that the parser reports somewhere else or in its own terms: a
//! full-width colon after a key, and a key given `[]` with a list below it.

use super::Pos;
use super::text;
use super::wording::Words;

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
        ..Words::new(format!("full-width colon `：` after the key `{key}`"))
            .label("use `:` after a key")
            .help(format!(
                "a key ends with an ASCII colon and a space: `{key}: …`"
            ))
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
        ..Words::new(format!(
            "`{key}:` is given `{value}` here, so the lines below cannot belong to it"
        ))
        .label(format!("`{key}` ends here"))
        .help(format!(
            "drop the `{value}` to give `{key}` the `- …` lines below"
        ))
    })
}
