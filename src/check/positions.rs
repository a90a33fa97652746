//! Where each metric of a line is written, for pointing a warning at it.

use crate::week::MetricLine;
use crate::yaml::{Pos, Source};

/// Where each metric of a line is written: the line's position for a line of one metric;
/// for several (`- - name: A` … `  - name: B`, a flow list, or a text line naming each), where
/// each name first appears after the previous one, within the next lines. A name not found
/// (`事故数AB级0次，CD级1次` never writes 事故数CD级) falls back to the line's position.
pub(super) fn metric_positions(source: &Source, line: &MetricLine) -> Vec<Pos> {
    if line.metrics.len() < 2 {
        return vec![line.pos; line.metrics.len()];
    }
    let window = 8 * line.metrics.len();
    let lines: Vec<&str> = source
        .text
        .lines()
        .skip(line.pos.line.saturating_sub(1))
        .take(window)
        .collect();
    // (index into `lines`, char column from 0) just past the last name found
    let mut cursor = (0, line.pos.col.saturating_sub(1));
    line.metrics
        .iter()
        .map(|m| match find_after(&lines, cursor, &m.name) {
            Some((i, col)) => {
                cursor = (i, col + m.name.chars().count());
                Pos {
                    line: line.pos.line + i,
                    col: col + 1,
                }
            }
            None => line.pos,
        })
        .collect()
}

/// The first place of `needle` in `lines` at or after `(line, char column)`.
fn find_after(
    lines: &[&str],
    (from_line, from_col): (usize, usize),
    needle: &str,
) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(from_line)
        .find_map(|(i, text)| {
            let skip = if i == from_line { from_col } else { 0 };
            let start = text.char_indices().nth(skip).map_or(text.len(), |(b, _)| b);
            text[start..]
                .find(needle)
                .map(|b| (i, skip + text[start..start + b].chars().count()))
        })
}
