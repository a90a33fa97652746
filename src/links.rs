//! Relative links in a rendered report (daily notes such as `2023-10-23%20周一.md`): made
//! absolute against `[links] base`, or, without a base, shown as plain text so that nothing
//! outside the wiki they were written for (a mail, a page) carries a dead link.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
use url::Url;

use crate::markdown;

/// A report with its relative links handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The Markdown with every relative link absolute, or shown as text.
    pub markdown: String,
    /// Relative destinations shown as text because there was no base, as written.
    pub unresolved: Vec<String>,
}

/// Reads a `[links] base` value: an absolute URL, taken as a folder (a final `/` is added).
pub fn parse_base(text: &str) -> Result<Url, String> {
    let mut text = text.trim().to_string();
    if !text.ends_with('/') {
        text.push('/');
    }
    match Url::parse(&text) {
        Ok(url) if !url.cannot_be_a_base() => Ok(url),
        Ok(_) => Err(format!("`{text}` cannot hold relative links")),
        Err(e) => Err(format!(
            "`{}` is not an absolute URL ({e}); write e.g. https://wiki.example.com/daily/",
            text.trim_end_matches('/')
        )),
    }
}

/// Whether a link destination depends on where the document lives: no scheme, not a fragment
/// of the same document. `C:\x` counts as relative (a one-letter scheme is a drive).
pub fn is_relative(dest: &str) -> bool {
    if dest.is_empty() || dest.starts_with('#') {
        return false;
    }
    let scheme_len = dest
        .find(':')
        .filter(|&i| {
            let s = &dest[..i];
            s.len() > 1
                && s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
        .is_some();
    !scheme_len
}

/// Makes every relative link and image in `markdown` absolute against `base`; without a base,
/// each such link becomes its text followed by the destination in code, and is listed.
pub fn resolve(markdown_text: &str, base: Option<&Url>) -> Resolved {
    let (uses, defs) = relative_links(markdown_text);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let Some(base) = base else {
        for link in &uses {
            let text = &markdown_text[link.text.clone()];
            edits.push((link.whole.clone(), as_text(text, &link.dest)));
        }
        return Resolved {
            markdown: apply(markdown_text, edits),
            unresolved: uses.into_iter().map(|l| l.dest).collect(),
        };
    };
    for (dest, raw) in uses
        .into_iter()
        .filter_map(|l| Some((l.dest, l.raw_dest?)))
        .chain(defs)
    {
        edits.push((raw, absolute(base, &dest)));
    }
    Resolved {
        markdown: apply(markdown_text, edits),
        unresolved: Vec::new(),
    }
}

/// The absolute form of `dest`, written so it stays one Markdown destination.
fn absolute(base: &Url, dest: &str) -> String {
    let url = base
        .join(dest)
        .map_or_else(|_| format!("{base}{dest}"), String::from);
    if url.contains(['(', ')', ' ']) {
        format!("<{url}>")
    } else {
        url
    }
}

/// `text (`dest`)`: the link's text, then where it pointed, as code so it cannot be a link.
fn as_text(text: &str, dest: &str) -> String {
    let fence = if dest.contains('`') { "``" } else { "`" };
    let pad = if dest.contains('`') { " " } else { "" };
    format!("{text} ({fence}{pad}{dest}{pad}{fence})")
}

/// Applies non-overlapping edits; an edit inside an earlier one is dropped (a relative image
/// inside a relative link shown as text stays inside that text).
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, new) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A relative link or image found in the source.
struct Found {
    dest: String,
    /// The whole `[text](dest)`.
    whole: Range<usize>,
    /// The text between the brackets.
    text: Range<usize>,
    /// The destination as written, for inline links (reference links keep their definition).
    raw_dest: Option<Range<usize>>,
}

/// Every relative link or image in document order, and the relative reference definitions
/// (destination, where it is written).
fn relative_links(text: &str) -> (Vec<Found>, Vec<(String, Range<usize>)>) {
    let mut open: Vec<(String, LinkType, Range<usize>, usize)> = Vec::new();
    let mut found = Vec::new();
    let parser = Parser::new_ext(text, markdown::options());
    let defs = parser
        .reference_definitions()
        .iter()
        .filter(|(_, d)| is_relative(&d.dest))
        .filter_map(|(_, d)| Some((d.dest.to_string(), def_dest(text, &d.span)?)))
        .collect();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => open.push((dest_url.to_string(), link_type, range, 0)),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((dest, kind, whole, text_end)) = open.pop()
                    && is_relative(&dest)
                    && !matches!(kind, LinkType::Autolink | LinkType::Email)
                {
                    found.push(locate(text, dest, kind, whole, text_end));
                }
                extend_open(&mut open, range.end);
            }
            _ => extend_open(&mut open, range.end),
        }
    }
    found.sort_by_key(|f| f.whole.start);
    (found, defs)
}

/// Records that the text of every open link reaches at least `end`.
fn extend_open(open: &mut [(String, LinkType, Range<usize>, usize)], end: usize) {
    for (_, _, _, text_end) in open {
        *text_end = (*text_end).max(end);
    }
}

/// Where the parts of a link are in the source.
fn locate(
    text: &str,
    dest: String,
    kind: LinkType,
    whole: Range<usize>,
    inner_end: usize,
) -> Found {
    let open = text[whole.clone()]
        .find('[')
        .map_or(whole.start, |i| whole.start + i + 1);
    let close = if inner_end > open { inner_end } else { open };
    let raw_dest = match kind {
        LinkType::Inline => inline_dest(text, close, whole.end),
        _ => None,
    };
    Found {
        dest,
        whole,
        text: open..close.max(open),
        raw_dest,
    }
}

/// The destination of `[text](dest "title")`, searching from the end of the text.
fn inline_dest(text: &str, from: usize, end: usize) -> Option<Range<usize>> {
    let rest = &text[from..end];
    let start = from + rest.find("](")? + 2;
    destination(text, start, end)
}

/// The destination of a definition `[label]: dest "title"`.
fn def_dest(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let start = span.start + text[span.clone()].find("]:")? + 2;
    destination(text, start, span.end)
}

/// A link destination starting at `start` (after blanks): `<...>` or a run without spaces
/// with balanced parentheses.
fn destination(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let skipped = text[start..end].len() - text[start..end].trim_start().len();
    let start = start + skipped;
    let rest = &text[start..end];
    if rest.starts_with('<') {
        let close = rest.find('>')?;
        return Some(start..start + close + 1);
    }
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(start..start + i),
            ')' => depth -= 1,
            c if c.is_whitespace() => return Some(start..start + i),
            _ => {}
        }
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        parse_base("https://wiki.example.com/team/daily").unwrap()
    }

    #[test]
    fn relative_means_no_scheme_and_not_a_fragment() {
        for dest in ["a.md", "2023-10-23%20周一.md", "../x", "/abs", "C:\\x.md"] {
            assert!(is_relative(dest), "{dest}");
        }
        for dest in ["https://x", "mailto:a@b", "#top", "", "obsidian://open"] {
            assert!(!is_relative(dest), "{dest}");
        }
    }

    #[test]
    fn inline_links_become_absolute_and_keep_their_text() {
        let md = "- [周一](2023-10-23%20周一_日报.md) and [web](https://x.org)\n";
        let out = resolve(md, Some(&base()));
        assert_eq!(
            out.markdown,
            "- [周一](https://wiki.example.com/team/daily/2023-10-23%20%E5%91%A8%E4%B8%80_%E6%97%A5%E6%8A%A5.md) and [web](https://x.org)\n"
        );
        assert!(out.unresolved.is_empty());
    }

    #[test]
    fn without_a_base_links_are_listed_as_text() {
        let md = "see [周一 *notes*](a%20b.md \"t\"), ![pic](p.png) and [x](https://x.org)\n";
        let out = resolve(md, None);
        assert_eq!(
            out.markdown,
            "see 周一 *notes* (`a%20b.md`), pic (`p.png`) and [x](https://x.org)\n"
        );
        assert_eq!(out.unresolved, ["a%20b.md", "p.png"]);
    }

    #[test]
    fn reference_definitions_and_nested_images() {
        let md = "[a][r] [![i](i.png)](p.md)\n\n[r]: ../r.md\n";
        let out = resolve(md, Some(&base()));
        assert_eq!(
            out.markdown,
            "[a][r] [![i](https://wiki.example.com/team/daily/i.png)](https://wiki.example.com/team/daily/p.md)\n\n[r]: https://wiki.example.com/team/r.md\n"
        );
        let plain = resolve(md, None);
        assert_eq!(plain.unresolved.len(), 3, "{plain:?}");
        assert!(!plain.markdown.contains("](p.md)"), "{}", plain.markdown);
    }

    #[test]
    fn bases_must_be_absolute() {
        assert!(parse_base("wiki/daily").is_err());
        assert_eq!(base().as_str(), "https://wiki.example.com/team/daily/");
    }
}
