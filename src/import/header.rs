//! Recognising header fields: a bulleted list of bold labels with their values
//! (`- **Lead:** @alanshaw`, `- **Attendees:**` over a list of names), at least one of them a
//! label reports put in their header (Lead, Attendees, 主持人, 参会人员, 姓名, Project …).

use super::read::{Node, Spanned, nodes, para_text};
use crate::week::{Body, Field, fields};

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

/// The fields a body's one list holds, when every item is a bold label.
pub fn body(text: &str, events: &[Spanned<'_>]) -> Option<Body> {
    let nodes = nodes(events, 0)?;
    let [Node::List(list)] = nodes.as_slice() else {
        return None;
    };
    if list.start.is_some() || list.loose {
        return None;
    }
    let fields: Vec<Field> = list
        .items
        .iter()
        .map(|item| field(text, item))
        .collect::<Option<_>>()?;
    let known = fields
        .iter()
        .any(|f| LABELS.contains(&f.label.to_lowercase().as_str()));
    known.then_some(Body::Fields(fields))
}

/// A heading that is a field's label over its value (`### 姓名` then `张三`): one field.
pub fn labelled(heading: &str, text: &str, events: &[Spanned<'_>]) -> Option<Body> {
    let label = heading.trim().trim_end_matches([':', '：']).trim_end();
    if !fields::is_header_label(label) {
        return None;
    }
    let nodes = nodes(events, 0)?;
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

/// `**Label:** value`, with a list of one-line values under it or not.
fn field(text: &str, item: &[Node]) -> Option<Field> {
    let (first, rest) = item.split_first()?;
    let Node::Para(r) = first else { return None };
    let line = para_text(text, r.clone());
    let inner = line.strip_prefix("**")?;
    let close = inner.find("**")?;
    let label = inner[..close].strip_suffix([':', '：'])?.trim_end();
    let value = inner[close + 2..].trim();
    let ok = !label.is_empty()
        && label.chars().count() <= 30
        && !label.contains(['*', '\n'])
        && !value.contains('\n')
        && (value.is_empty() || inner[close + 2..].starts_with(' '));
    if !ok {
        return None;
    }
    let items = match rest {
        [] => Vec::new(),
        [Node::List(l)] if l.start.is_none() && !l.loose && value.is_empty() => l
            .items
            .iter()
            .map(|i| match i.as_slice() {
                [Node::Para(r)] => Some(para_text(text, r.clone())).filter(|t| !t.contains('\n')),
                _ => None,
            })
            .collect::<Option<_>>()?,
        _ => return None,
    };
    Some(Field {
        label: label.to_string(),
        value: (!value.is_empty()).then(|| value.to_string()),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn fields(md: &str) -> Option<Vec<Field>> {
        match body(md, &read::events(md))? {
            Body::Fields(f) => Some(f),
            _ => None,
        }
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
        assert!(fields("- **Lead**: a\n").is_none());
    }
}
