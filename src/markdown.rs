//! Markdown: the one set of pulldown-cmark options, HTML output, and meaning-level comparison.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

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

/// The HTML of a Markdown document for places that must not run or fetch anything (a mail):
/// raw HTML is shown as text, and an image becomes a link to it (its alternative text).
pub fn to_html_inert(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url,
            title,
            id: CowStr::Borrowed(""),
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        e => e,
    });
    html::push_html(&mut out, events);
    out
}

/// The document's first heading text, for a page title; what raw HTML holds (a script, a
/// style sheet) is not text.
pub fn first_heading(markdown: &str) -> Option<String> {
    let mut inside = false;
    let mut hidden = false;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(pulldown_cmark::Tag::Heading { .. }) => inside = true,
            Event::End(pulldown_cmark::TagEnd::Heading(_)) if inside => return Some(text),
            Event::InlineHtml(t) if inside => {
                let tag = t.to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    hidden = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    hidden = false;
                }
            }
            Event::Text(t) | Event::Code(t) if inside && !hidden => text.push_str(&t),
            _ => {}
        }
    }
    None
}

/// The document as a normalised event stream: owned events, soft breaks as spaces, adjacent
/// text merged, runs of what CommonMark itself treats as whitespace (ASCII space, tab, line
/// endings) collapsed to one space. Two documents that mean the same compare equal; any other
/// character (a full-width space U+3000, a no-break space U+00A0) counts, and the text of a code
/// block is compared exactly.
pub fn normalized(markdown: &str) -> Vec<Event<'static>> {
    let mut out: Vec<Event<'static>> = Vec::new();
    // whether each merged text is code (kept exactly)
    let mut code: Vec<bool> = Vec::new();
    let mut in_code = false;
    for event in Parser::new_ext(markdown, options()) {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        let event = match event {
            Event::SoftBreak => Event::Text(" ".into()),
            e => e.into_static(),
        };
        if let (Event::Text(t), Some(Event::Text(prev))) = (&event, out.last_mut()) {
            // one growing String: linear in the text, however many pieces
            let mut joined = std::mem::replace(prev, CowStr::Borrowed("")).into_string();
            joined.push_str(t);
            *prev = CowStr::from(joined);
            continue;
        }
        code.push(in_code && matches!(event, Event::Text(_)));
        out.push(event);
    }
    for (event, exact) in out.iter_mut().zip(&code) {
        if let Event::Text(t) = event
            && !exact
        {
            *t = CowStr::from(t.split_ascii_whitespace().collect::<Vec<_>>().join(" "));
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
    fn normalized_keeps_unicode_spaces_and_code_exactly() {
        assert_ne!(normalized("- \u{3000}a\n"), normalized("- a\n"));
        assert_ne!(normalized("a\u{a0}\n"), normalized("a\n"));
        assert_ne!(normalized("```\nx  \n```\n"), normalized("```\nx\n```\n"));
        assert_eq!(normalized("a\t b \n"), normalized("a b\n"));
    }

    /// A pasted log: one paragraph of 80,000 lines. Joining its pieces by copying the text so
    /// far took minutes; one growing string takes well under a second even in a debug build.
    #[test]
    fn long_paragraph_normalizes_in_linear_time() {
        let text = "2023-10-24 12:00:00 INFO worker processed a batch\n".repeat(80_000);
        let events = normalized(&text);
        assert_eq!(events.len(), 3, "start, one text, end");
    }

    #[test]
    fn inert_html_shows_raw_html_and_links_images() {
        let html = to_html_inert("<script>x()</script>\n\n![a](http://x/i.png) <b>y</b>\n");
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<a href=\"http://x/i.png\">a</a>"), "{html}");
    }

    #[test]
    fn html_has_tables() {
        assert!(to_html("|a|b|\n|-|-|\n|1|2|\n").contains("<table>"));
    }
}
