//! What a scaffold marks for the author and for `check`: the placeholder `…` where the author is
//! to write (in samples, and for the numbers of a carried line that could not be read), and
//! the `# from:` comment naming the file it was carried over from.

/// Where the author is to write: `…` in samples, and in place of the numbers of a carried
/// metric line that could not be read.
pub const PLACEHOLDER: char = '…';

/// The character column (from 0) of the first placeholder in `text`: a lone `…` that does not
/// end a clause of prose. A Chinese ellipsis (`……`) and a `…` after punctuation (`提升，…”`)
/// are prose.
pub fn placeholder_at(text: &str) -> Option<usize> {
    const PROSE_BEFORE: &str = "…，。、；！？“”「」,;!?";
    const PROSE_AFTER: &str = "…”」』";
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find(|&i| {
        chars[i] == PLACEHOLDER
            && (i == 0 || !PROSE_BEFORE.contains(chars[i - 1]))
            && !chars.get(i + 1).is_some_and(|c| PROSE_AFTER.contains(*c))
    })
}

/// A line carried over without last week's numbers: each number becomes a placeholder, so
/// that last week's value is never this week's text (`p95 latency 42 min` → `p95 latency … min`).
pub(super) fn without_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for (i, &c) in chars.iter().enumerate() {
        let digit_next = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if in_number && (c.is_ascii_digit() || (".,".contains(c) && digit_next)) {
            continue;
        }
        let word_before = i > 0 && chars[i - 1].is_ascii_alphanumeric();
        in_number = c.is_ascii_digit() && !word_before;
        out.push(if in_number { PLACEHOLDER } else { c });
    }
    out
}

/// The comment `weekly new` writes atop a new week: the file it carried over from, relative to
/// the new file's folder, which `check` reads for `item-unchanged-from-last-week`.
pub const FROM_COMMENT: &str = "# from: ";

/// The file recorded by [`FROM_COMMENT`] among the comment lines atop `text`.
pub fn recorded_from(text: &str) -> Option<&str> {
    text.lines()
        .take_while(|l| l.trim().is_empty() || l.starts_with('#'))
        .find_map(|l| l.strip_prefix(FROM_COMMENT))
        .map(str::trim)
        .filter(|f| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_lines_lose_their_numbers_and_the_source_is_read_back() {
        assert_eq!(
            without_numbers("p95 freshness latency 42 min, up 1.5, 1,234万"),
            "p95 freshness latency … min, up …, …万"
        );
        assert_eq!(placeholder_at("a … b"), Some(2));
        assert_eq!(placeholder_at("等等……"), None);
        assert_eq!(placeholder_at("向上提升，…”。"), None);
        assert_eq!(placeholder_at("金额：…万"), Some(3));
        let text =
            "# yaml-language-server: $schema=s.json\n# from: 2023-W44.yaml\ndate: 2023-10-31\n";
        assert_eq!(recorded_from(text), Some("2023-W44.yaml"));
        assert_eq!(recorded_from("date: 2023-10-31\n# from: x.yaml\n"), None);
    }
}
