//! Recognising header fields: a bulleted list of labels with their values
//! (`- **Lead:** @alanshaw`, `- **Attendees:**` over a list of names, `- 会议时间：19:00`) or
//! paragraphs of them (`**主题**：Layotto 社区会议`), at least one of them a label reports put
//! in their header (Lead, Attendees, 主持人, 参会人员, 会议时间, 主题, 姓名, Project …).

use chrono::NaiveDateTime;

use super::kinds::Input;
use super::people::{Heading, Under};
use super::read::{List, Node, Spanned, nodes, para_text};
use crate::dates::{Date, DateTime};
use crate::week::{Body, Field, Kind, LabelStyle, Layout, ListStyle, Section, fields};

/// Labels that mark a list as a report's header, lower case.
const LABELS: &[&str] = &[
    "lead",
    "notetaker",
    "note taker",
    "attendees",
    "participants",
    "facilitator",
    "recording",
    "date",
    "time",
    "location",
    "author",
    "name",
    "project",
    "team",
    "owner",
    "主持人",
    "参会人",
    "参会人员",
    "与会人员",
    "记录人",
    "会议时间",
    "本次会议时间",
    "会议地点",
    "会议主题",
    "主题",
    "日期",
    "时间",
    "地点",
    "姓名",
    "项目",
    "作者",
    "汇报人",
    "团队",
    "部门",
    "负责人",
];

/// Headings that label a list of names or links: the people at a meeting, its recording.
const LISTED: &[&str] = &[
    "attendees",
    "attending",
    "participants",
    "present",
    "recording",
    "参会人",
    "参会人员",
    "与会人员",
    "出席",
];

/// Labels (of a field or of a heading over names) that only a meeting's report writes: who
/// attended, chaired or took the notes, when and where it met.
const MEETING: &[&str] = &[
    "notetaker",
    "note taker",
    "attendees",
    "attending",
    "participants",
    "present",
    "facilitator",
    "主持人",
    "参会人",
    "参会人员",
    "与会人员",
    "出席",
    "记录人",
    "会议时间",
    "本次会议时间",
    "会议地点",
    "会议主题",
];

/// Whether a field's label or a heading (a closing colon ignored) is one only a meeting's
/// report writes: `Attendees`, `Notetaker`, `会议时间`, `参会人员`.
pub fn of_a_meeting(label: &str) -> bool {
    let label = label.trim().trim_end_matches([':', '：']).trim_end();
    MEETING.contains(&crate::week::kinds::comparable(label).as_str())
}

/// The fields a body holds, with how their labels are written: one list whose every item is a
/// field, or paragraphs that are each a field with a value.
pub fn body(text: &str, events: &[Spanned<'_>]) -> Option<(Body, Option<Layout>)> {
    let nodes = nodes(events, 0)?;
    let (found, paragraphs) = match nodes.as_slice() {
        [Node::List(list)] => (listed(text, list)?, false),
        paras => (written_as_paragraphs(text, paras)?, true),
    };
    let style = found.first()?.1;
    if found.iter().any(|(_, s)| *s != style) {
        return None;
    }
    let fields: Vec<Field> = found.into_iter().map(|(f, _)| f).collect();
    let known = fields
        .iter()
        .any(|f| LABELS.contains(&f.label.to_lowercase().as_str()));
    let layout = Layout {
        list: paragraphs.then_some(ListStyle::Paragraphs),
        labels: style.filter(|s| *s != LabelStyle::Bold),
        ..Layout::default()
    };
    known.then(|| (Body::Fields(fields), Layout::and(None, layout)))
}

/// The sections of a body that opens with a list of header fields (`* Owner: tmandry`,
/// `* Liaison/author: …`) and goes on with anything: the fields under the heading, the rest
/// kept raw after them.
pub fn leading(heading: &Heading, under: &Under<'_, '_>) -> Option<Vec<Section>> {
    let first = under.blocks.first()?;
    matches!(
        under.events.get(first.events.start),
        Some((
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::List(None)),
            _
        ))
    )
    .then_some(())?;
    let kept = Some(heading.text.as_str());
    super::around::around(
        heading,
        (kept, Kind::Fields),
        under,
        0..1,
        |input: &Input<'_, '_>| body(input.text, input.events),
    )
}

/// The fields of a tight bulleted list whose every item is one.
fn listed(text: &str, list: &List) -> Option<Vec<(Field, Option<LabelStyle>)>> {
    if list.start.is_some() || list.loose {
        return None;
    }
    list.items.iter().map(|item| field(text, item)).collect()
}

/// The fields of paragraphs that are each a one-line field with a value.
fn written_as_paragraphs(text: &str, paras: &[Node]) -> Option<Vec<(Field, Option<LabelStyle>)>> {
    paras
        .iter()
        .map(|n| match n {
            Node::Para(r) => labelled_line(&para_text(text, r.clone())),
            Node::List(_) | Node::Block(_) => None,
        })
        .map(|f| f.filter(|(f, _)| f.value.is_some()))
        .collect::<Option<Vec<_>>>()
        .filter(|v| !v.is_empty())
}

/// A heading that is a field's label over its value (`### 姓名` then `张三`), or a header's
/// label over a tight bulleted list of one-line values (`## Attendees` then names): one field.
pub fn labelled(heading: &str, text: &str, events: &[Spanned<'_>]) -> Option<Body> {
    let label = heading.trim().trim_end_matches([':', '：']).trim_end();
    let nodes = nodes(events, 0)?;
    if let [Node::List(l)] = nodes.as_slice()
        && LISTED.contains(&crate::week::kinds::comparable(label).as_str())
        && l.start.is_none()
        && !l.loose
    {
        let items = l
            .items
            .iter()
            .map(|i| match i.as_slice() {
                [Node::Para(r)] => Some(para_text(text, r.clone())).filter(|t| !t.contains('\n')),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        return Some(Body::Fields(vec![Field {
            label: label.to_string(),
            value: None,
            items,
        }]));
    }
    if !fields::is_header_label(label) {
        return None;
    }
    let [Node::Para(r)] = nodes.as_slice() else {
        return None;
    };
    let value = para_text(text, r.clone());
    (!value.contains('\n')).then(|| {
        Body::Fields(vec![Field {
            label: label.to_string(),
            value: Some(value),
            items: Vec::new(),
        }])
    })
}

/// A list item that is a field: its line, with a list of one-line values under it or not.
fn field(text: &str, item: &[Node]) -> Option<(Field, Option<LabelStyle>)> {
    let (first, rest) = item.split_first()?;
    let Node::Para(r) = first else { return None };
    let (mut field, style) = labelled_line(&para_text(text, r.clone()))?;
    field.items = match rest {
        [] => Vec::new(),
        [Node::List(l)] if l.start.is_none() && !l.loose && field.value.is_none() => l
            .items
            .iter()
            .map(|i| match i.as_slice() {
                [Node::Para(r)] => Some(para_text(text, r.clone())).filter(|t| !t.contains('\n')),
                _ => None,
            })
            .collect::<Option<_>>()?,
        _ => return None,
    };
    Some((field, style))
}

/// A one-line label and value: `**Label:** value`, `**Label：**value`, `**Label**：value`
/// or `Label：value`.
pub fn labelled_line(line: &str) -> Option<(Field, Option<LabelStyle>)> {
    if line.contains('\n') {
        return None;
    }
    let (label, colon, after, style) = match line.strip_prefix("**") {
        Some(inner) => {
            let close = inner.find("**")?;
            let (bold, after) = (&inner[..close], &inner[close + 2..]);
            match bold.strip_suffix([':', '：']) {
                Some(label) if after.is_empty() || after.starts_with(' ') => (
                    label,
                    &bold[label.len()..],
                    after.trim_start(),
                    Some(LabelStyle::Bold),
                ),
                Some(label) => (
                    label,
                    &bold[label.len()..],
                    after,
                    Some(LabelStyle::BoldTight),
                ),
                None => {
                    let rest = after.strip_prefix([':', '：'])?;
                    let colon = &after[..after.len() - rest.len()];
                    (bold, colon, rest, Some(LabelStyle::BoldColonAfter))
                }
            }
        }
        None => {
            let at = line.find([':', '：'])?;
            let colon = if line[at..].starts_with(':') {
                ":"
            } else {
                "："
            };
            (
                &line[..at],
                colon,
                &line[at + colon.len()..],
                Some(LabelStyle::Plain),
            )
        }
    };
    let ascii = colon == ":";
    let spaced = match style {
        Some(LabelStyle::Bold | LabelStyle::BoldTight) => true,
        _ if ascii => after.is_empty() || after.starts_with(' ') && !after[1..].starts_with(' '),
        _ => !after.starts_with(char::is_whitespace),
    };
    let value = after.trim_ascii();
    // a plain label is short: a role of a few words (`Action item scribe`) or a few characters
    let short = match style {
        Some(LabelStyle::Plain) if ascii && label.split(' ').count() <= 3 => 20,
        Some(LabelStyle::Plain) => 12,
        _ => 30,
    };
    let ok = spaced
        && !label.is_empty()
        && label == label.trim()
        && label.chars().count() <= short
        && !label.contains(['*', '[', '`', '<', '，', '。'])
        && label.is_ascii() == ascii
        && (style != Some(LabelStyle::BoldTight) || !value.is_empty());
    ok.then(|| {
        let field = Field {
            label: label.to_string(),
            value: (!value.is_empty()).then(|| value.to_string()),
            items: Vec::new(),
        };
        (field, style)
    })
}

/// `第44周 2023-10-24` as its title and date.
pub(super) fn title_date(heading: &str) -> Option<(String, Date)> {
    let (title, date) = heading.trim().rsplit_once(' ')?;
    let date: Date = date.parse().ok()?;
    let title = title.trim();
    (!title.is_empty()).then(|| (title.to_string(), date))
}

/// `Created: 2023年11月29日 20:54` (or `2023-11-29 20:54`).
pub(super) fn created(paragraph: &str) -> Option<DateTime> {
    let value = paragraph.trim().strip_prefix("Created:")?.trim();
    NaiveDateTime::parse_from_str(value, "%Y年%m月%d日 %H:%M")
        .ok()
        .map(DateTime)
        .or_else(|| value.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn fields(md: &str) -> Option<Vec<Field>> {
        match body(md, &read::events(md))?.0 {
            Body::Fields(f) => Some(f),
            _ => None,
        }
    }

    fn style(md: &str) -> Option<Layout> {
        body(md, &read::events(md)).unwrap().1
    }

    #[test]
    fn bold_labels_with_values_and_lists() {
        let md =
            "- **Lead:** @alanshaw\n- **Notetaker:**\n- **Attendees:**\n  - @vmx\n  - _names..._\n";
        let f = fields(md).unwrap();
        assert_eq!(f[0].value.as_deref(), Some("@alanshaw"));
        assert_eq!((f[1].value.as_deref(), f[1].items.len()), (None, 0));
        assert_eq!(f[2].items, ["@vmx", "_names..._"]);
        assert_eq!(fields("- **负责人：** 张三\n").unwrap()[0].label, "负责人");
    }

    #[test]
    fn other_bold_lists_are_not_fields() {
        assert!(fields("- **Done:** the cache\n").is_none());
        assert!(fields("- **Lead:** a\n- plain\n").is_none());
        assert!(
            fields("- **Lead:** a\n- **Time**: b\n").is_none(),
            "two styles"
        );
        assert!(
            fields("- 会议时间：a\n- 重构了自定义序列化器的注册模式，使得主站版可以覆盖：b\n")
                .is_none()
        );
        assert!(
            fields("- 重构：a\n- 修复：b\n").is_none(),
            "no header label"
        );
        assert!(fields("- Time:b\n").is_none(), "no space after `:`");
        assert!(
            fields("- Owner: a\n- We decided this week: b\n").is_none(),
            "a plain label is a few words"
        );
        assert_eq!(
            fields("- Owner: a\n- Action item scribe: b\n").unwrap()[1].label,
            "Action item scribe"
        );
    }

    #[test]
    fn plain_and_paragraph_fields_keep_their_style() {
        let md = "- 会议时间：2022-09-22 19:00\n- 会议地点：线上会议\n";
        assert_eq!(fields(md).unwrap()[1].value.as_deref(), Some("线上会议"));
        assert_eq!(style(md).unwrap().labels, Some(LabelStyle::Plain));
        let md = "**主题**：Layotto 社区会议\n\n**时间**：4 月 19 日\n";
        let l = style(md).unwrap();
        assert_eq!(
            (l.list, l.labels),
            (
                Some(ListStyle::Paragraphs),
                Some(LabelStyle::BoldColonAfter)
            )
        );
        let md = "**主题：**Layotto\n\n**入会链接：**[x](y)\n";
        assert_eq!(style(md).unwrap().labels, Some(LabelStyle::BoldTight));
        assert_eq!(
            fields("- **Time**: 19:00\n").unwrap()[0].value.as_deref(),
            Some("19:00")
        );
        assert_eq!(
            LabelStyle::line(Some(LabelStyle::Plain), "Time", ":", Some("19:00")),
            "Time: 19:00"
        );
    }
}
