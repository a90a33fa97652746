//! Markdown: the one set of pulldown-cmark options, HTML output, and meaning-level comparison.

use pulldown_cmark::{CowStr, Event, Options, Parser, html};

/// Every Markdown extension weekly reads and writes: tables, task lists, strikethrough.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// The HTML of a Markdown document (a fragment, without page chrome).
pub fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options()));
    out
}

/// The document's first heading text, for a page title.
pub fn first_heading(markdown: &str) -> Option<String> {
    let mut inside = false;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(pulldown_cmark::Tag::Heading { .. }) => inside = true,
            Event::End(pulldown_cmark::TagEnd::Heading(_)) if inside => return Some(text),
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            _ => {}
        }
    }
    None
}

/// The document as a normalised event stream: owned events, soft breaks as spaces, adjacent
/// text merged, whitespace collapsed. Two documents that mean the same compare equal.
pub fn normalized(markdown: &str) -> Vec<Event<'static>> {
    let mut out: Vec<Event<'static>> = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        let event = match event {
            Event::SoftBreak => Event::Text(" ".into()),
            e => e.into_static(),
        };
        if let (Event::Text(t), Some(Event::Text(prev))) = (&event, out.last_mut()) {
            *prev = CowStr::from(format!("{prev}{t}"));
            continue;
        }
        out.push(event);
    }
    for event in &mut out {
        if let Event::Text(t) = event {
            *t = CowStr::from(t.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    out.retain(|e| !matches!(e, Event::Text(t) if t.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_ignores_bullets_and_wrapping_but_not_words() {
        assert_eq!(normalized("- a\n  b\n"), normalized("* a b\n"));
        assert_ne!(normalized("- a b\n"), normalized("- a\n"));
    }

    #[test]
    fn html_has_tables() {
        assert!(to_html("|a|b|\n|-|-|\n|1|2|\n").contains("<table>"));
    }
}
