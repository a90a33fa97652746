//! Recognising sections: what a heading announces, and the body shapes of each kind as the
//! reference writes them. A recogniser returns `None` when the body is not in its shape; the
//! importer then keeps the section as raw Markdown.

use super::read::{List, Node, Spanned, as_written, nodes, para_text};
use crate::extract;
use crate::week::{
    Body, Incident, Item, Kind, Layout, ListStyle, MetricGroup, MetricLine, Metrics, Objective,
};
use crate::yaml::Pos;

/// The paragraph that opens the incident list inside an objective: the zh template writes the
/// incidents heading without its 【】, then `：`.
fn incidents_label() -> String {
    format!("{}：", Kind::Incidents.heading("zh").bare())
}

/// The zh template's heading level for each kind.
pub fn default_level(kind: Kind) -> u8 {
    kind.heading("zh").level
}

/// The kind a heading text (without 【】 and a closing colon) names: the kinds table's
/// vocabulary, case, emoji and emoji shortcodes ignored.
fn named(bare: &str) -> Option<Kind> {
    crate::week::kinds::named(bare)
}

/// What a heading announces: a kind, an objective's name, and the heading to keep (when it is
/// not the template's default).
#[derive(Debug, PartialEq)]
pub struct Announced {
    /// The section kind.
    pub kind: Kind,
    /// The objective's name (`O1 服务业务`), for objectives.
    pub name: Option<String>,
    /// The heading text to keep in YAML, or `None` for the template's default.
    pub heading: Option<String>,
}

/// Reads a heading as the team's own `[import.headings]` say (`"Week Update" = "key_work"`),
/// else as [`announced`] does.
pub fn announced_with(heading: &str, own: &[(String, Kind)]) -> Option<Announced> {
    let text = heading.trim();
    match own_kind(text, own) {
        Some(kind) => Some(Announced {
            kind,
            name: (kind == Kind::Objective).then(|| text.to_string()),
            heading: Some(text.to_string()),
        }),
        None => announced(heading),
    }
}

/// Reads a heading as [`announced_with`] does, except that a word naming an agenda only in a
/// meeting's report (`Discussion`, `Topics`, `待办`: [`crate::week::kinds::meeting_only`])
/// names no kind when `meeting` is false: a newsletter's `## Discussion` over links to forum
/// threads is no meeting's agenda.
pub fn announced_in(heading: &str, own: &[(String, Kind)], meeting: bool) -> Option<Announced> {
    let found = announced_with(heading, own)?;
    let vague = found.kind == Kind::Agenda
        && own_kind(heading, own).is_none()
        && naming(bare(heading.trim())).is_some_and(|(_, t)| crate::week::kinds::meeting_only(t));
    (meeting || !vague).then_some(found)
}

/// The kind the team's own `[import.headings]` give a heading (【】, numbering, a closing
/// colon and case ignored), if they name it.
pub fn own_kind(heading: &str, own: &[(String, Kind)]) -> Option<Kind> {
    let bare = |h: &str| {
        let h = h.trim();
        let inner = h
            .strip_prefix('【')
            .and_then(|t| t.strip_suffix('】'))
            .unwrap_or(h);
        without_number(inner.trim())
            .trim_end_matches([':', '：'])
            .to_lowercase()
    };
    let mine = bare(heading);
    own.iter().find(|(h, _)| bare(h) == mine).map(|&(_, k)| k)
}

/// Reads a heading such as `【重点工作】`, `【O1 服务业务】`, `O2 系统升级` or `Next week`.
pub fn announced(heading: &str) -> Option<Announced> {
    let text = heading.trim();
    let inner = text.strip_prefix('【').and_then(|t| t.strip_suffix('】'));
    let id = objective_id(text);
    let letters = text[..id].trim_end_matches(|c: char| c.is_ascii_digit());
    if inner.is_some_and(|i| objective_id(i) > 0) || (id > 0 && ["O", "KR"].contains(&letters)) {
        let name = inner.unwrap_or(text).to_string();
        let heading = inner.is_none().then(|| text.to_string());
        return Some(Announced {
            kind: Kind::Objective,
            name: Some(name),
            heading,
        });
    }
    let (kind, _) = naming(bare(text))?;
    Some(Announced {
        kind,
        name: None,
        heading: (text != kind.heading("zh").text).then(|| text.to_string()),
    })
}

/// A heading without 【】, its number and a closing colon: `【1. 本周进展：】` is `本周进展`.
fn bare(text: &str) -> &str {
    let inner = text.strip_prefix('【').and_then(|t| t.strip_suffix('】'));
    without_number(inner.unwrap_or(text).trim()).trim_end_matches([':', '：'])
}

/// The kind a bare heading names and the words that name it: the whole heading, else a known
/// name at its end, after a project's or team's (`SOFA 项目进展`, `Search team: Next steps`),
/// the longest such ending of two or more characters; else progress on something (`适配进展`,
/// key work), else names of one kind joined (`Completed/Merged`).
fn naming(bare: &str) -> Option<(Kind, &str)> {
    let endings = bare
        .char_indices()
        .filter(|&(_, c)| matches!(c, ' ' | ':' | '：'))
        .map(|(i, c)| bare[i + c.len_utf8()..].trim())
        .filter(|t| t.chars().count() >= 2);
    std::iter::once(bare)
        .chain(endings)
        .find_map(|t| named(t).map(|k| (k, t)))
        .or_else(|| super::progress::on(bare).then_some((Kind::KeyWork, bare)))
        .or_else(|| crate::week::kinds::named_joined(bare).map(|k| (k, bare)))
}

/// A heading without the number people put before it: `3、TODO` is `TODO`, `2. Next steps` is
/// `Next steps`, `(1) 本周进展` is `本周进展`.
fn without_number(heading: &str) -> &str {
    let rest = heading.trim_start_matches(['(', '（']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return heading;
    }
    let after = &rest[digits..];
    match after.strip_prefix(['、', '.', ')', '）', '．']) {
        Some(title) if !title.trim().is_empty() => title.trim(),
        _ => heading,
    }
}

/// The byte length of an objective id (`O1`, `KR2`) at the start of `name`, followed by a space,
/// a colon or a non-ASCII character; 0 when there is none.
fn objective_id(name: &str) -> usize {
    let letters = name.chars().take_while(char::is_ascii_uppercase).count();
    let digits = name[letters..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    let end = letters + digits;
    let next = name[end..].chars().next();
    let ends = next.is_none_or(|c| c == ' ' || c == ':' || !c.is_ascii());
    if (1..=3).contains(&letters) && digits > 0 && ends {
        end
    } else {
        0
    }
}

/// What a recogniser reads: the source, the body's events, its text, and the report's date.
pub struct Input<'a, 'e> {
    /// The whole (line-ending normalised) source.
    pub text: &'a str,
    /// The events of the body blocks.
    pub events: &'a [Spanned<'e>],
    /// The body as written, trimmed.
    pub body: &'a str,
    /// Whether the team's own `[import.headings]` gave the heading its kind: the whole section
    /// is that kind, paragraphs around its list included.
    pub own: bool,
}

/// The body of a section of `kind`, when the blocks are in that kind's shape, and the layout
/// its list was written in where the template would write another.
pub fn body(
    kind: Kind,
    name: Option<&str>,
    input: &Input<'_, '_>,
) -> Option<(Body, Option<Layout>)> {
    if kind == Kind::Daily {
        return super::daily::links(input).map(|d| (Body::Daily(d), None));
    }
    if kind == Kind::Reflection {
        return (!input.body.is_empty()).then(|| (Body::Reflection(input.body.to_string()), None));
    }
    if matches!(kind, Kind::Table | Kind::Risks | Kind::Fields) {
        return super::risks::shaped(kind, name, input);
    }
    // a list of header fields (`- Date: …`, `- Facilitator: …`) under a progress heading is
    // the meeting's header, not its work
    if kind == Kind::KeyWork && super::header::body(input.text, input.events).is_some() {
        return None;
    }
    let nodes = nodes(input.events, 0)?;
    let text = input.text;
    let layout = only_list(&nodes).and_then(|l| layout(kind, l));
    // the incidents under an objective's label are a list of their own, not points
    let points = only_list(&nodes).and_then(|l| {
        let items = l.items.iter().filter(|n| !incidents_under(text, n));
        points_style_of(items).flatten()
    });
    if let Some(found) = paragraphs(kind, text, &nodes) {
        return Some(found);
    }
    if let Some(found) = super::prose::around_list(kind, text, &nodes).filter(|_| input.own) {
        return Some(found);
    }
    let body = match kind {
        Kind::KeyWork => Body::KeyWork(each(only_list(&nodes)?, |n| key_item(text, n))?),
        Kind::Metrics => Body::Metrics(metrics(text, &nodes)?),
        Kind::Objective => Body::Objective(objective(text, name?, &nodes)?),
        Kind::Incidents => Body::Incidents(each(list(&nodes, false)?, |n| incident(text, n))?),
        Kind::Other => Body::Other(each(only_list(&nodes)?, |n| point(text, n))?),
        Kind::NextWeek => Body::NextWeek(each(only_list(&nodes)?, |n| point(text, n))?),
        Kind::List => Body::List(each(only_list(&nodes)?, |n| point(text, n))?),
        _ => return None,
    };
    let honoured = matches!(
        kind,
        Kind::KeyWork | Kind::Objective | Kind::Other | Kind::NextWeek | Kind::List
    );
    // a key-work item's title line and lead sentence read as loose; blank lines between items
    let spaced = only_list(&nodes).is_some_and(|l| l.spaced(text));
    let layout = match kind {
        Kind::KeyWork => layout.and_then(|l| Layout::and(None, Layout { loose: spaced, ..l })),
        _ => layout,
    };
    let points = Layout {
        points: points.filter(|&p| p == ListStyle::Bullet),
        ..Layout::default()
    };
    Some((body, Layout::and(layout.filter(|_| honoured), points)))
}

/// Paragraphs under a heading that announced work, other matters or plans: one item each,
/// written as paragraphs (`layout: {list: paragraphs}`).
fn paragraphs(kind: Kind, text: &str, nodes: &[Node]) -> Option<(Body, Option<Layout>)> {
    let items = nodes
        .iter()
        .map(|n| match n {
            Node::Para(r) => Some(Item::text(para_text(text, r.clone()))),
            Node::List(_) | Node::Block(_) => None,
        })
        .collect::<Option<Vec<_>>>()
        .filter(|v| !v.is_empty())?;
    let body = match kind {
        Kind::KeyWork => Body::KeyWork(items),
        Kind::Other => Body::Other(items),
        Kind::NextWeek => Body::NextWeek(items),
        _ => return None,
    };
    let layout = Layout {
        list: Some(ListStyle::Paragraphs),
        ..Layout::default()
    };
    Some((body, Some(layout)))
}

/// How the points under a list's items are written, at any depth: `Some(None)` when there are
/// none, `None` when both bullets and numbers are used (the templates write one style).
pub fn points_style(l: &List) -> Option<Option<ListStyle>> {
    points_style_of(l.items.iter())
}

/// Whether an item is the `生产稳定性事件：` label with incidents under it.
fn incidents_under(text: &str, item: &[Node]) -> bool {
    matches!(item, [Node::Para(label), Node::List(_)] if para_text(text, label.clone()) == incidents_label())
}

/// [`points_style`] of some items.
fn points_style_of<'n>(items: impl Iterator<Item = &'n Vec<Node>>) -> Option<Option<ListStyle>> {
    let mut found: Option<ListStyle> = None;
    let mut lists: Vec<&List> = Vec::new();
    let mut nodes: Vec<&Node> = items.flatten().collect();
    loop {
        for node in nodes.drain(..) {
            let Node::List(sub) = node else { continue };
            let style = match sub.start {
                Some(_) => ListStyle::Numbered,
                None => ListStyle::Bullet,
            };
            if found.is_some_and(|f| f != style) {
                return None;
            }
            found = Some(style);
            lists.push(sub);
        }
        match lists.pop() {
            Some(list) => nodes.extend(list.items.iter().flatten()),
            None => return Some(found),
        }
    }
}

/// The one list a body consists of, in the style its kind's template writes (bulleted, or
/// numbered from 1).
fn list(nodes: &[Node], ordered: bool) -> Option<&List> {
    only_list(nodes).filter(|l| l.start.is_some() == ordered && l.start.is_none_or(|s| s == 1))
}

/// The one list a body consists of, in any style.
fn only_list(nodes: &[Node]) -> Option<&List> {
    match nodes {
        [Node::List(l)] => Some(l),
        _ => None,
    }
}

/// How `l` is written, where a template for `kind` would write it otherwise.
pub fn layout(kind: Kind, l: &List) -> Option<Layout> {
    let style = match l.start {
        Some(_) => ListStyle::Numbered,
        None => ListStyle::Bullet,
    };
    Layout::of(kind, style, l.start, l.loose)
}

fn each<T>(list: &List, f: impl Fn(&[Node]) -> Option<T>) -> Option<Vec<T>> {
    list.items.iter().map(|n| f(n)).collect()
}

/// An item's parts: its first paragraph, numbered points, and a closing note paragraph.
fn parts(text: &str, nodes: &[Node]) -> Option<(String, Vec<Item>, Option<String>)> {
    let (Node::Para(first), mut rest) = nodes.split_first()? else {
        return None;
    };
    let mut points = Vec::new();
    if let [Node::List(l), tail @ ..] = rest
        && l.start.is_none_or(|s| s == 1)
    {
        points = each(l, |n| point(text, n))?;
        rest = tail;
    }
    let note = match rest {
        [] => None,
        [Node::Para(r)] => Some(para_text(text, r.clone())),
        // a code block, a quote or HTML under the item: kept as written, with what is around it
        _ if rest.iter().any(|n| matches!(n, Node::Block(_))) => {
            let (Some(first), Some(last)) = (span(rest.first()), span(rest.last())) else {
                return None;
            };
            Some(as_written(text, first.start..last.end))
        }
        _ => return None,
    };
    Some((para_text(text, first.clone()), points, note))
}

/// The source a node covers (a list: from its first item's start to its last item's end).
fn span(node: Option<&Node>) -> Option<std::ops::Range<usize>> {
    match node? {
        Node::Para(r) | Node::Block(r) => Some(r.clone()),
        Node::List(l) => {
            let first = span(l.items.first()?.first())?;
            let last = span(l.items.last()?.last())?;
            Some(first.start..last.end)
        }
    }
}

/// A numbered point (or a plain list item): text, points, note.
pub fn point(text: &str, nodes: &[Node]) -> Option<Item> {
    let (line, points, note) = parts(text, nodes)?;
    Some(Item {
        text: Some(line),
        points,
        note,
        ..Item::default()
    })
}

/// A key-work item: `【title】`, a lead sentence on the next line, points, a note.
pub fn key_item(text: &str, nodes: &[Node]) -> Option<Item> {
    let (para, points, note) = parts(text, nodes)?;
    let (first, rest) = para.split_once('\n').unwrap_or((&para, ""));
    let title = first
        .strip_prefix('【')
        .and_then(|t| t.strip_suffix('】'))
        .filter(|t| !t.is_empty() && !t.contains(['【', '】']));
    let (title, lead) = match title {
        Some(t) => (
            Some(t.to_string()),
            Some(rest.trim_ascii()).filter(|r| !r.is_empty()),
        ),
        None => (None, Some(para.as_str())),
    };
    Some(Item {
        title,
        text: lead.map(str::to_string),
        points,
        note,
        ..Item::default()
    })
}

/// An objective: its items, the last of which may be `生产稳定性事件：` with incidents under it.
fn objective(text: &str, name: &str, nodes: &[Node]) -> Option<Objective> {
    let mut objective = Objective {
        name: name.to_string(),
        ..Objective::default()
    };
    if nodes.is_empty() {
        return Some(objective);
    }
    let list = only_list(nodes)?;
    let mut items: &[Vec<Node>] = &list.items;
    if let Some((last, init)) = list.items.split_last()
        && let [Node::Para(label), Node::List(events)] = last.as_slice()
        && para_text(text, label.clone()) == incidents_label()
        && events.start.is_none()
    {
        objective.incidents = each(events, |n| incident(text, n))?;
        items = init;
    }
    objective.items = items
        .iter()
        .map(|n| objective_item(text, n))
        .collect::<Option<_>>()?;
    Some(objective)
}

/// An objective's item: `项目：进展` splits into title and text at the first `：`.
fn objective_item(text: &str, nodes: &[Node]) -> Option<Item> {
    let mut item = point(text, nodes)?;
    let line = item.text.as_deref().unwrap_or("");
    if let Some((title, rest)) = line.split_once('：')
        && !title.is_empty()
        && title.chars().count() <= 16
        && !title.contains(['\n', '，', '。', '；', ' ', '【'])
        && !rest.is_empty()
        && !rest.starts_with(char::is_whitespace)
    {
        let (title, rest) = (title.to_string(), rest.to_string());
        item.title = Some(title);
        item.text = Some(rest);
    }
    Some(item)
}

/// An incident: a one-paragraph item, `10/23 14:36 what happened`.
fn incident(text: &str, nodes: &[Node]) -> Option<Incident> {
    let [Node::Para(r)] = nodes else {
        return None;
    };
    let line = para_text(text, r.clone());
    Some(match extract::incident_time(&line) {
        Some((time, rest)) => Incident {
            time: Some(time.to_string()),
            text: rest.to_string(),
            ..Incident::default()
        },
        None => Incident {
            text: line,
            ..Incident::default()
        },
    })
}

/// Metric groups: an optional `label：` paragraph, then a list of one-line items.
fn metrics(text: &str, nodes: &[Node]) -> Option<Metrics> {
    let mut groups: Vec<MetricGroup> = Vec::new();
    let mut label: Option<String> = None;
    for node in nodes {
        match node {
            Node::Para(r) if label.is_none() => {
                let t = para_text(text, r.clone());
                let l = t
                    .strip_suffix('：')
                    .filter(|l| !l.is_empty() && !l.contains('\n'))?;
                label = Some(l.to_string());
            }
            Node::List(l) if l.start.is_none() && (label.is_some() || groups.is_empty()) => {
                let lines = each(l, |n| match n {
                    [Node::Para(r)] => {
                        let line = para_text(text, r.clone());
                        (!line.contains('\n')).then(|| MetricLine::from_text(line, Pos::default()))
                    }
                    _ => None,
                })?;
                groups.push(MetricGroup {
                    label: label.take(),
                    lines,
                });
            }
            _ => return None,
        }
    }
    (label.is_none() && !groups.is_empty()).then_some(Metrics(groups))
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
