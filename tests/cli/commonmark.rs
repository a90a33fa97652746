//! Wiki paste: every example's Markdown (and every import fixture) reads into the same document
//! structure under pulldown-cmark (what `weekly` itself uses) and under comrak, an independent
//! CommonMark + GFM implementation (a port of cmark-gfm, the parser behind GitHub and many wikis).
//!
//! How the two are compared: both parse results are flattened into one normalised outline, a
//! list of `(depth, node)` lines (`heading 2`, `list ordered start=1`, `item [x]`, `text "…"`,
//! `link <url> "title"`, …). Not HTML: the two HTML writers differ in ways that mean nothing
//! (attribute order, `<br />` against `<br/>`, which characters become entities, newlines between
//! tags), so comparing HTML needs an HTML normaliser that could itself hide differences. The
//! outline keeps everything a reader sees: block kinds and nesting, heading levels, list kind,
//! start number and tightness (a tight list has no paragraph nodes), task boxes, table alignment
//! and head rows, emphasis, link and image targets, code, raw HTML, hard and soft breaks, and the
//! exact text. The only normalisations are those where the two trees model the same thing
//! differently: adjacent text nodes merged (both parsers split text at arbitrary points), tight
//! lists' paragraphs unwrapped in comrak (pulldown-cmark never emits them), `mailto:` dropped from
//! e-mail autolinks, a task marker recorded on its list item, and CRLF or CR line endings inside
//! code and raw HTML read as LF.

use std::path::{Path, PathBuf};

use crate::common::{root, run, weekly};
use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Parser, Tag};

/// One line of the outline: its depth and what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    depth: usize,
    node: Node,
}

/// A node of the outline: a container (with its attributes) or a leaf with content.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Open(String),
    Text(String),
    Html(String),
    Code(String),
    SoftBreak,
    HardBreak,
    Rule,
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pad = "  ".repeat(self.depth);
        match &self.node {
            Node::Open(tag) => write!(f, "{pad}{tag}"),
            Node::Text(t) => write!(f, "{pad}text {t:?}"),
            Node::Html(t) => write!(f, "{pad}html {t:?}"),
            Node::Code(t) => write!(f, "{pad}code {t:?}"),
            Node::SoftBreak => write!(f, "{pad}softbreak"),
            Node::HardBreak => write!(f, "{pad}hardbreak"),
            Node::Rule => write!(f, "{pad}rule"),
        }
    }
}

/// Builds an outline, merging adjacent text (and adjacent raw HTML) at the same depth.
#[derive(Default)]
struct Outline {
    lines: Vec<Line>,
}

impl Outline {
    fn push(&mut self, depth: usize, node: Node) {
        let node = match node {
            Node::Text(t) => Node::Text(unix_lines(t)),
            Node::Html(t) => Node::Html(unix_lines(t)),
            other => other,
        };
        if let Some(last) = self.lines.last_mut()
            && last.depth == depth
        {
            match (&mut last.node, &node) {
                (Node::Text(a), Node::Text(b)) | (Node::Html(a), Node::Html(b)) => {
                    a.push_str(b);
                    return;
                }
                _ => {}
            }
        }
        self.lines.push(Line { depth, node });
    }

    /// Marks the innermost open list item above `depth` as a task.
    fn mark_task(&mut self, depth: usize, checked: bool) {
        let item = self
            .lines
            .iter_mut()
            .rev()
            .find(|l| l.depth < depth && matches!(&l.node, Node::Open(t) if t == "item"));
        if let Some(line) = item {
            line.node = Node::Open(task(checked));
        }
    }
}

/// CRLF and lone CR as LF: the spec's three line endings are one (comrak keeps `\r\n` inside
/// code blocks, pulldown-cmark does not; a browser shows both alike).
fn unix_lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn task(checked: bool) -> String {
    format!("item [{}]", if checked { "x" } else { " " })
}

fn link(kind: &str, url: &str, title: &str) -> String {
    let url = url.strip_prefix("mailto:").unwrap_or(url);
    format!("{kind} <{url}> {title:?}")
}

fn table(aligns: impl Iterator<Item = char>) -> String {
    format!("table {}", aligns.collect::<String>())
}

// ---------------------------------------------------------------- pulldown-cmark

/// The outline of `markdown` as `weekly` reads it (its own pulldown-cmark options).
fn pulldown(markdown: &str) -> Vec<Line> {
    let mut out = Outline::default();
    let mut depth = 0;
    for event in Parser::new_ext(markdown, weekly::markdown::options()) {
        match event {
            Event::Start(tag) => {
                out.push(depth, Node::Open(pulldown_tag(&tag)));
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => out.push(depth, Node::Text(t.to_string())),
            Event::Code(t) => out.push(depth, Node::Code(t.to_string())),
            Event::Html(t) | Event::InlineHtml(t) => out.push(depth, Node::Html(t.to_string())),
            Event::SoftBreak => out.push(depth, Node::SoftBreak),
            Event::HardBreak => out.push(depth, Node::HardBreak),
            Event::Rule => out.push(depth, Node::Rule),
            Event::TaskListMarker(checked) => out.mark_task(depth, checked),
            other => out.push(depth, Node::Open(format!("unsupported {other:?}"))),
        }
    }
    out.lines
}

fn pulldown_tag(tag: &Tag) -> String {
    match tag {
        Tag::Paragraph => "paragraph".into(),
        Tag::Heading { level, .. } => format!("heading {}", *level as u8),
        Tag::BlockQuote(_) => "blockquote".into(),
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => format!("codeblock {:?}", info.as_ref()),
        Tag::CodeBlock(CodeBlockKind::Indented) => "codeblock \"\"".into(),
        Tag::HtmlBlock => "htmlblock".into(),
        Tag::List(Some(start)) => format!("list ordered start={start}"),
        Tag::List(None) => "list bullet".into(),
        Tag::Item => "item".into(),
        Tag::Table(aligns) => table(aligns.iter().map(|a| match a {
            Alignment::None => '-',
            Alignment::Left => 'L',
            Alignment::Center => 'C',
            Alignment::Right => 'R',
        })),
        Tag::TableHead => "row head".into(),
        Tag::TableRow => "row".into(),
        Tag::TableCell => "cell".into(),
        Tag::Emphasis => "emph".into(),
        Tag::Strong => "strong".into(),
        Tag::Strikethrough => "strike".into(),
        Tag::Link {
            dest_url, title, ..
        } => link("link", dest_url, title),
        Tag::Image {
            dest_url, title, ..
        } => link("image", dest_url, title),
        other => format!("unsupported {other:?}"),
    }
}

// ---------------------------------------------------------------- comrak

/// comrak options matching `weekly::markdown::options()`: tables, task lists, strikethrough.
fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.strikethrough = true;
    options
}

/// The outline of `markdown` as comrak reads it with `options`.
fn comrak_with(markdown: &str, options: &comrak::Options) -> Vec<Line> {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, options);
    let mut out = Outline::default();
    for child in root.children() {
        comrak_node(child, 0, false, &mut out);
    }
    out.lines
}

fn comrak(markdown: &str) -> Vec<Line> {
    comrak_with(markdown, &comrak_options())
}

/// Walks one node; `tight` says the node is a block directly inside an item of a tight list.
fn comrak_node<'a>(node: &'a AstNode<'a>, depth: usize, tight: bool, out: &mut Outline) {
    let value = node.data.borrow().value.clone();
    let mut children_tight = false;
    let open = match value {
        NodeValue::Paragraph if tight => {
            for child in node.children() {
                comrak_node(child, depth, false, out);
            }
            return;
        }
        NodeValue::Paragraph => "paragraph".to_string(),
        NodeValue::Heading(h) => format!("heading {}", h.level),
        NodeValue::BlockQuote => "blockquote".into(),
        NodeValue::CodeBlock(c) => {
            out.push(depth, Node::Open(format!("codeblock {:?}", c.info)));
            if !c.literal.is_empty() {
                out.push(depth + 1, Node::Text(c.literal.clone()));
            }
            return;
        }
        NodeValue::HtmlBlock(h) => {
            out.push(depth, Node::Open("htmlblock".into()));
            out.push(depth + 1, Node::Html(h.literal.clone()));
            return;
        }
        NodeValue::List(l) => match l.list_type {
            ListType::Ordered => format!("list ordered start={}", l.start),
            ListType::Bullet => "list bullet".into(),
        },
        NodeValue::Item(_) | NodeValue::TaskItem(_) => {
            children_tight = parent_list_is_tight(node);
            match value {
                NodeValue::TaskItem(t) => task(t.symbol.is_some()),
                _ => "item".into(),
            }
        }
        NodeValue::Table(t) => table(t.alignments.iter().map(|a| match a {
            TableAlignment::None => '-',
            TableAlignment::Left => 'L',
            TableAlignment::Center => 'C',
            TableAlignment::Right => 'R',
        })),
        NodeValue::TableRow(true) => "row head".into(),
        NodeValue::TableRow(false) => "row".into(),
        NodeValue::TableCell => "cell".into(),
        NodeValue::Emph => "emph".into(),
        NodeValue::Strong => "strong".into(),
        NodeValue::Strikethrough => "strike".into(),
        NodeValue::Link(l) => link("link", &l.url, &l.title),
        NodeValue::Image(l) => link("image", &l.url, &l.title),
        NodeValue::Text(t) => return out.push(depth, Node::Text(t.to_string())),
        NodeValue::Code(c) => return out.push(depth, Node::Code(c.literal)),
        NodeValue::HtmlInline(h) => return out.push(depth, Node::Html(h)),
        NodeValue::SoftBreak => return out.push(depth, Node::SoftBreak),
        NodeValue::LineBreak => return out.push(depth, Node::HardBreak),
        NodeValue::ThematicBreak => return out.push(depth, Node::Rule),
        other => format!("unsupported {other:?}"),
    };
    out.push(depth, Node::Open(open));
    for child in node.children() {
        comrak_node(child, depth + 1, children_tight, out);
    }
}

fn parent_list_is_tight<'a>(item: &'a AstNode<'a>) -> bool {
    item.parent()
        .is_some_and(|p| matches!(&p.data.borrow().value, NodeValue::List(l) if l.tight))
}

// ---------------------------------------------------------------- comparing

/// `None` when equal; otherwise a report around the first difference.
fn difference(left: &[Line], right: &[Line]) -> Option<String> {
    let at = left
        .iter()
        .zip(right)
        .position(|(a, b)| a != b)
        .or_else(|| (left.len() != right.len()).then(|| left.len().min(right.len())))?;
    let window = |lines: &[Line]| {
        let from = at.saturating_sub(4);
        let to = (at + 4).min(lines.len());
        (from..to)
            .map(|i| format!("{} {}", if i == at { ">" } else { " " }, lines[i]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(format!(
        "first difference at outline line {at}\n--- pulldown-cmark\n{}\n--- comrak\n{}",
        window(left),
        window(right)
    ))
}

/// `None` when pulldown-cmark and comrak read `markdown` the same.
fn disagreement(markdown: &str) -> Option<String> {
    difference(&pulldown(markdown), &comrak(markdown))
}

// ---------------------------------------------------------------- the documents

/// Every example rendered with each built-in Markdown template, and every import fixture.
fn documents() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for example in files_under(&root().join("examples"), "yaml") {
        let rel = example
            .strip_prefix(root())
            .unwrap_or(&example)
            .display()
            .to_string();
        for template in ["zh", "en"] {
            let (code, out, err) = run(weekly().args(["render", "--template", template, &rel]));
            assert_eq!(code, 0, "weekly render {rel} failed:\n{err}");
            docs.push((format!("{rel} (template {template})"), out));
        }
    }
    for md in files_under(&root().join("tests/fixtures/import"), "md") {
        let text = std::fs::read_to_string(&md).unwrap_or_else(|e| panic!("{}: {e}", md.display()));
        docs.push((md.display().to_string(), text));
    }
    docs
}

/// Files with extension `ext` under `dir`, recursively, sorted; none if `dir` does not exist.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_example_and_import_fixture_reads_the_same_in_comrak() {
    let docs = documents();
    assert!(!docs.is_empty(), "no documents found");
    let failures: Vec<String> = docs
        .iter()
        .filter_map(|(name, md)| disagreement(md).map(|d| format!("{name}:\n{d}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} documents read differently:\n\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_reference_outline_has_the_reports_structure() {
    let md = crate::common::read("tests/golden/week44.md");
    let outline: Vec<String> = pulldown(&md).iter().map(ToString::to_string).collect();
    let has = |s: &str| outline.iter().any(|l| l.trim_start() == s);
    for expected in [
        "heading 1",
        "heading 2",
        "list bullet",
        "list ordered start=1",
        "paragraph",
        "softbreak",
        "link <2023-10-23%20周一_qi3PsKJNVzsJ6iEsufSJWN.md> \"\"",
        "text \"出金有效成功率：99.961% ，一次支付成功率：99.110%\"",
    ] {
        assert!(
            has(expected),
            "outline lacks `{expected}`:\n{}",
            outline.join("\n")
        );
    }
    // The numbered steps under 【银行虚户建设】 nest inside the bullet item, not beside it.
    let nested = outline
        .iter()
        .any(|l| l.starts_with("    list ordered start=1"));
    assert!(
        nested,
        "nested ordered list missing:\n{}",
        outline.join("\n")
    );
}

#[test]
fn syntax_variants_of_one_structure_compare_equal() {
    let a = "Title\n=====\n\n* one\n* two\n\n1) x\n";
    let b = "# Title\n\n- one\n- two\n\n1. x\n";
    assert_eq!(difference(&pulldown(a), &comrak(b)), None);
    let tables =
        "| a | b |\n|:--|--:|\n| 1 | **2** |\n\n- [x] done\n- [ ] open\n\n~~gone~~ <b>x</b>\n";
    assert_eq!(disagreement(tables), None);
    let mixed = "> quote\n\n```sh\nls\n```\n\n    indented\n\n<div>\nblock\n</div>\n\n\
                 a  \nb <me@example.com> ![alt *x*](i.png \"t\")\n\n---\n";
    assert_eq!(disagreement(mixed), None);
    let crlf =
        "# a\r\n\r\n    code\r\n    more\r\n\r\n```\r\nx\r\n```\r\n\r\n<div>\r\nb\r\n</div>\r\n";
    assert_eq!(disagreement(crlf), None);
}

// ---------------------------------------------------------------- the test can fail

#[test]
fn a_wiki_without_tables_is_caught() {
    // A wiki whose Markdown has no GFM tables shows a table as a paragraph of pipes.
    let md = "| 指标 | 本周 |\n|---|---|\n| 可用性 | 99.998% |\n";
    let mut no_tables = comrak_options();
    no_tables.extension.table = false;
    let diff = difference(&pulldown(md), &comrak_with(md, &no_tables));
    let diff = diff.expect("a table against a paragraph must differ");
    assert!(
        diff.contains("table --") && diff.contains("paragraph"),
        "{diff}"
    );
}

#[test]
fn a_wiki_without_task_lists_is_caught() {
    let md = "- [x] 上线\n- [ ] 评审\n";
    let mut no_tasks = comrak_options();
    no_tasks.extension.tasklist = false;
    let diff = difference(&pulldown(md), &comrak_with(md, &no_tasks));
    assert!(diff.is_some_and(|d| d.contains("item [x]")));
}

#[test]
fn a_changed_nesting_or_a_dropped_word_is_caught() {
    // Two spaces nest the steps inside the item; none makes them a separate list.
    let nested = "- 重点\n  1. 调研\n  2. 对接\n";
    let flat = "- 重点\n\n1. 调研\n2. 对接\n";
    assert!(difference(&pulldown(nested), &comrak(flat)).is_some());
    // A tight list against a loose one: paragraphs appear.
    assert!(difference(&pulldown("- a\n- b\n"), &comrak("- a\n\n- b\n")).is_some());
    // One word dropped, one link target changed, one heading level changed.
    assert!(difference(&pulldown("进度70%，预计下周\n"), &comrak("进度70%\n")).is_some());
    assert!(difference(&pulldown("[a](x.md)\n"), &comrak("[a](y.md)\n")).is_some());
    assert!(difference(&pulldown("# a\n"), &comrak("## a\n")).is_some());
}
