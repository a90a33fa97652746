//! The HTML part of a mail: the report in a table layout with every CSS rule inlined into
//! `style` attributes (mail clients drop `<style>`), and nothing that runs or loads.

use anyhow::{Context, Result};
use minijinja::{Environment, Value, context};

use crate::markdown;

/// The layout, with its stylesheet (inlined when rendered).
pub const TEMPLATE: &str = include_str!("../../templates/mail.html.j2");

/// The mail HTML of a Markdown report.
pub fn part(markdown_text: &str, lang: &str) -> Result<String> {
    let title = markdown::first_heading(markdown_text).unwrap_or_else(|| "weekly".into());
    let body = Value::from_safe_string(markdown::to_html_inert(markdown_text));
    let mut env = Environment::new();
    env.add_template("mail.html.j2", TEMPLATE)
        .context("the built-in mail template does not parse (a bug in weekly)")?;
    let page = env
        .get_template("mail.html.j2")
        .and_then(|t| t.render(context! { title, lang, body }))
        .context("cannot render the mail template (a bug in weekly)")?;
    inline(&page)
}

/// Copies the `<style>` rules into `style` attributes and drops the `<style>` element.
fn inline(page: &str) -> Result<String> {
    css_inline::CSSInliner::options()
        .keep_style_tags(false)
        .keep_link_tags(false)
        .load_remote_stylesheets(false)
        .build()
        .inline(page)
        .context("cannot inline the mail's CSS")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_is_inlined_and_nothing_external_is_left() {
        let html = part(
            "# 第44周周报\n\n- 支付[链接](https://x.org)\n\n|a|b|\n|-|-|\n|1|2|\n",
            "zh-CN",
        )
        .unwrap();
        for banned in ["<style", "<script", "<link", "<img", "url("] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
        assert!(html.contains("<h1 style="), "{html}");
        assert!(html.contains("Noto Sans CJK SC"), "{html}");
        assert!(html.contains("max-width: 640px"), "{html}");
        assert!(html.contains("<title>第44周周报</title>"), "{html}");
    }
}
