//! Recognising risks: under a risks heading (风险, Risks, Blockers …) a bulleted list of
//! one-paragraph items, or a table; under any other heading a list whose every item starts
//! with a risk prefix (`[Risk]`, `[Issue]`, `风险：`, `问题：`). Each line is kept as written;
//! its type, owner and mitigation are read from it.

use super::kinds::Input;
use super::read::{Node, Spanned, nodes, para_text};
use crate::week::{Body, Kind, Layout, ListStyle, Risk, Risks, risk_type};

/// The kinds tried by their content's shape under any heading, before a plain list: a table
/// (or risk table), a list of prefixed risks, header fields.
pub const GUESSES: [Kind; 3] = [Kind::Fields, Kind::Risks, Kind::Table];

/// A table, risks or fields section read from `input`: `heading` is the section's heading when
/// the kind is tried by its shape, none when the heading announced it.
pub fn shaped(
    kind: Kind,
    heading: Option<&str>,
    input: &Input<'_, '_>,
) -> Option<(Body, Option<Layout>)> {
    let body = match kind {
        Kind::Table => super::table::body(input.text, input.events),
        Kind::Fields => {
            return super::header::body(input.text, input.events).or_else(|| {
                super::header::labelled(heading?, input.text, input.events).map(|b| (b, None))
            });
        }
        _ => return body(input.text, input.events, heading.is_none()),
    };
    body.map(|b| (b, None))
}

/// The risks of a section's body, and the layout of their list where not bulleted and tight;
/// `announced`: the heading names risks, so no prefix is needed.
pub fn body(text: &str, events: &[Spanned<'_>], announced: bool) -> Option<(Body, Option<Layout>)> {
    if announced && let Some(table) = super::table::read(text, events) {
        let risks = Risks {
            items: Vec::new(),
            table: Some(table),
        };
        return Some((Body::Risks(risks), None));
    }
    let nodes = nodes(events, 0)?;
    let [Node::List(list)] = nodes.as_slice() else {
        return None;
    };
    let style = match list.start {
        Some(_) => ListStyle::Numbered,
        None => ListStyle::Bullet,
    };
    let layout = Layout::of(Kind::Risks, style, list.start, list.loose);
    let items: Vec<Risk> = list
        .items
        .iter()
        .map(|item| match item.as_slice() {
            [Node::Para(r)] => Some(Risk::text(para_text(text, r.clone()))),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let prefixed = items.iter().all(|r| risk_type(&r.text).is_some());
    (announced || prefixed).then_some((Body::Risks(Risks { items, table: None }), layout))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    fn risks(md: &str, announced: bool) -> Option<Vec<String>> {
        match body(md, &read::events(md), announced)?.0 {
            Body::Risks(r) => Some(r.items.into_iter().map(|r| r.text).collect()),
            _ => None,
        }
    }

    #[test]
    fn prefixed_lists_are_risks_under_any_heading() {
        assert_eq!(
            risks("- [Risk] vendor slips\n- 问题：测试环境不稳定\n", false).unwrap(),
            ["[Risk] vendor slips", "问题：测试环境不稳定"]
        );
        assert!(risks("- [Risk] vendor slips\n- ship it\n", false).is_none());
        assert_eq!(risks("- vendor slips\n", true).unwrap(), ["vendor slips"]);
        assert_eq!(risks("1. vendor slips\n", true).unwrap(), ["vendor slips"]);
        let loose = body("- a\n\n- b\n", &read::events("- a\n\n- b\n"), true).unwrap();
        assert!(loose.1.unwrap().loose);
    }
}
