//! The HTML page's body made safe (ammonia): nothing in it runs, and nothing is fetched from
//! elsewhere, while what a report needs stays: headings, tables, links, local and `data:`
//! images, code, lists, task boxes, inline formatting. A remote image becomes a link to it (a
//! Markdown image) or is removed (raw HTML), with a warning naming it.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd, html};

use crate::markdown;

/// A sanitised HTML fragment and what was taken out of it.
#[derive(Debug, Default)]
pub struct SafeHtml {
    /// The HTML.
    pub html: String,
    /// One line per remote image turned into a link or removed.
    pub warnings: Vec<String>,
}

/// The HTML of a Markdown document, sanitised.
pub fn to_html(markdown_text: &str) -> SafeHtml {
    let mut warnings = Vec::new();
    let html = with_remote_images_as_links(markdown_text, &mut warnings);
    let removed = Arc::new(Mutex::new(Vec::new()));
    let html = cleaner(Arc::clone(&removed)).clean(&html).to_string();
    let removed = removed.lock().map(|r| r.clone()).unwrap_or_default();
    warnings.extend(
        removed.into_iter().map(|url| {
            format!("remote image {url} removed: the page fetches nothing from elsewhere")
        }),
    );
    SafeHtml { html, warnings }
}

/// Whether an image at `url` may stay: a path (relative or absolute, no host) or inline data.
fn is_local_image(url: &str) -> bool {
    let url = url.trim();
    if url.starts_with("//") || url.starts_with("\\\\") {
        return false;
    }
    match url::Url::parse(url) {
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Ok(u) => u.scheme() == "data" && u.path().starts_with("image/"),
        Err(_) => false,
    }
}

/// Markdown to HTML with each remote image written as a link to it.
fn with_remote_images_as_links(markdown_text: &str, warnings: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(markdown_text.len() * 3 / 2);
    // whether each open image became a link
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown_text, markdown::options()).map(|event| match event {
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) if !is_local_image(&dest_url) => {
            open.push(true);
            warnings.push(format!(
                "remote image {dest_url} is shown as a link: the page fetches nothing from \
                 elsewhere"
            ));
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                title,
                id: CowStr::Borrowed(""),
            })
        }
        Event::Start(tag @ Tag::Image { .. }) => {
            open.push(false);
            Event::Start(tag)
        }
        Event::End(TagEnd::Image) if open.pop() == Some(true) => Event::End(TagEnd::Link),
        e => e,
    });
    html::push_html(&mut out, events);
    out
}

/// The ammonia settings: its default safe set, plus task boxes and table alignment; `data:`
/// only for images; a remote image source is dropped and recorded in `removed`.
fn cleaner(removed: Arc<Mutex<Vec<String>>>) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .add_url_schemes(["data"])
        .link_rel(None)
        .attribute_filter(move |element, attribute, value| {
            match (element, attribute) {
                ("img", "src") if !is_local_image(value) => {
                    if let Ok(mut r) = removed.lock() {
                        r.push(value.to_string());
                    }
                    return None;
                }
                ("input", "type") if value != "checkbox" => return None,
                (_, "href" | "cite" | "src") if value.trim().starts_with("data:") => {
                    return (element == "img").then_some(Cow::Borrowed(value));
                }
                _ => {}
            }
            Some(Cow::Borrowed(value))
        });
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_data_images_stay_remote_ones_do_not() {
        assert!(is_local_image("img/a.png"));
        assert!(is_local_image("/srv/a.png"));
        assert!(is_local_image("data:image/png;base64,AAAA"));
        assert!(!is_local_image("https://x/a.png"));
        assert!(!is_local_image("//x/a.png"));
        assert!(!is_local_image("data:text/html,<script>"));
        assert!(!is_local_image("file:///etc/passwd"));
    }

    #[test]
    fn scripts_go_and_a_report_stays() {
        let safe = to_html("<script>x()</script>\n\n|a|\n|-|\n|1|\n\n![r](http://x/i.png)\n");
        assert!(!safe.html.contains("<script"), "{}", safe.html);
        assert!(safe.html.contains("<table>"), "{}", safe.html);
        assert!(
            safe.html.contains("<a href=\"http://x/i.png\">r</a>"),
            "{}",
            safe.html
        );
        assert_eq!(safe.warnings.len(), 1);
    }
}
