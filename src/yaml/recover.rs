//! Going on past an error: the key that failed is blanked out (its characters become spaces,
//! so every other line and column stays where it was) and the text is parsed again, so one run
//! reports every independent error of a file, up to [`MAX_ERRORS`].
//!
//! Only errors about a key or a value the parser read whole are gone past; a syntax error, a
//! missing key, or an error inside the mapping that lost a key (it may be caused by the
//! blanking) ends the search. The first error is always the parser's own.

use serde::de::DeserializeOwned;

use super::text::{self, Line};
use super::{Pos, options, wording};

/// Most errors reported for one file.
pub const MAX_ERRORS: usize = 20;

/// The positions of further independent errors after the first one, at `first` (which must be
/// about a value, else there are none).
pub(super) fn further<T: DeserializeOwned>(
    source: &str,
    first: Pos,
    first_is_unknown_key: bool,
) -> Vec<(Pos, serde_saphyr::Error)> {
    let mut text = source.to_string();
    let mut blanked: Vec<Blanked> = Vec::new();
    let mut found = Vec::new();
    let mut pos = first;
    let mut stop = about_a_mapping(source, first, first_is_unknown_key);
    while found.len() + 1 < MAX_ERRORS && !stop {
        let Some(b) = blank(&mut text, pos) else {
            break;
        };
        blanked.push(b);
        let Err(err) = serde_saphyr::from_str_with_options::<T>(&text, options()) else {
            break;
        };
        let next = location(&err);
        let caused = blanked.iter().any(|b| b.may_cause(source, next));
        if !wording::is_about_a_value(&err) || caused || next.line == 0 {
            break;
        }
        stop = about_a_mapping(source, next, wording::is_unknown_key(&err));
        found.push((next, err));
        pos = next;
    }
    found
}

/// Whether an error at `at` is about a whole mapping (pointed at its first key, as a section
/// without a kind is): blanking that key would not take the error away.
fn about_a_mapping(source: &str, at: Pos, unknown_key: bool) -> bool {
    !unknown_key && text::line(source, at.line).is_some_and(|l| l.key_at(at.col))
}

/// Where the parser stopped.
pub(super) fn location(err: &serde_saphyr::Error) -> Pos {
    err.location().map_or(Pos::default(), |l| Pos {
        line: l.line() as usize,
        col: l.column() as usize,
    })
}

/// The lines a blanked key and its value spanned, and the key's column.
struct Blanked {
    first: usize,
    last: usize,
    col: usize,
}

impl Blanked {
    /// Whether an error at `at` may come from this blanking: on a blanked line, or at a
    /// mapping that held the blanked key.
    fn may_cause(&self, source: &str, at: Pos) -> bool {
        if (self.first..=self.last).contains(&at.line) {
            return true;
        }
        if at.line > self.first || at.col > self.col {
            return false;
        }
        // The mapping starting at `at` holds the key if no line between them leaves it.
        let indent = at.col.saturating_sub(1);
        (at.line + 1..self.first).all(|n| {
            text::line(source, n)
                .is_none_or(|l| l.uncommented().trim().is_empty() || l.indent() >= indent)
        })
    }
}

/// Blanks the key at or before `pos` on its line, with its value; `None` when there is no key
/// there to blank.
fn blank(text: &mut String, pos: Pos) -> Option<Blanked> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let line = Line {
        number: pos.line,
        text: lines
            .get(pos.line.checked_sub(1)?)?
            .trim_end_matches(['\n', '\r']),
    };
    let key = line.key_before(pos.col)?;
    let chars: Vec<char> = line.text.chars().collect();
    let col = key_column(&chars, &key, pos.col)?;
    let depth = flow_depth(&chars[..col - 1]);
    let end = if depth > 0 {
        flow_end(&chars, col - 1)?
    } else {
        chars.len()
    };
    let indent = col - 1;
    let mut last = pos.line;
    if depth == 0 {
        for (i, next) in lines.iter().enumerate().skip(pos.line) {
            let l = Line {
                number: i + 1,
                text: next.trim_end_matches(['\n', '\r']),
            };
            if !l.uncommented().trim().is_empty() && l.indent() <= indent {
                break;
            }
            last = i + 1;
        }
    }
    let blanked: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if (col - 1..end).contains(&i) { ' ' } else { c })
        .collect();
    let ending = &lines[pos.line - 1][line.text.len()..].to_string();
    lines[pos.line - 1] = format!("{blanked}{ending}");
    for l in lines.iter_mut().take(last).skip(pos.line) {
        let ending = if l.ends_with('\n') { "\n" } else { "" };
        *l = ending.to_string();
    }
    *text = lines.concat();
    Some(Blanked {
        first: pos.line,
        last,
        col,
    })
}

/// The 1-based column where `key:` starts, at `col` or before it.
fn key_column(chars: &[char], key: &str, col: usize) -> Option<usize> {
    let key: Vec<char> = key.chars().chain([':']).collect();
    let from = col.saturating_sub(1).min(chars.len());
    let fits = |i: usize| chars.get(i..i + key.len()) == Some(&key[..]);
    if fits(from) {
        return Some(from + 1);
    }
    (0..from).rev().find(|&i| fits(i)).map(|i| i + 1)
}

/// How many flow collections (`{`, `[`) are open in `chars`.
fn flow_depth(chars: &[char]) -> i32 {
    chars.iter().fold(0, |d, c| match c {
        '{' | '[' => d + 1,
        '}' | ']' => d - 1,
        _ => d,
    })
}

/// The end (exclusive, after a `,`) of the flow entry starting at index `from`.
fn flow_end(chars: &[char], from: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in chars.iter().enumerate().skip(from) {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' if depth == 0 => return Some(i),
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_a_key_and_its_nested_lines() {
        let mut text = "a:\n  progres: 5\n  b:\n    - x\n  c: 1\n".to_string();
        blank(&mut text, Pos { line: 2, col: 3 }).unwrap();
        assert_eq!(
            text,
            format!("a:\n{}\n  b:\n    - x\n  c: 1\n", " ".repeat(12))
        );
        let mut text = "a:\n  b:\n    - x\n  c: 1\n".to_string();
        blank(&mut text, Pos { line: 2, col: 3 }).unwrap();
        assert_eq!(text, "a:\n    \n\n  c: 1\n");
    }

    #[test]
    fn blanks_a_flow_entry() {
        let mut text = "- {name: a, valu: 9}\n".to_string();
        blank(&mut text, Pos { line: 1, col: 13 }).unwrap();
        assert_eq!(text, "- {name: a,        }\n");
    }
}
