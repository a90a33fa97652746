//! Paragraphs around the one list under a heading that names work, plans or other matters (a
//! newsletter's `Vello is our GPU vector renderer.`, then its list of changes): one item per
//! paragraph, text as written, and the list's items between them; `layout: {paragraphs:
//! {before, after}}` writes them back as paragraphs.

use super::kinds::{key_item, layout, point, points_style};
use super::read::{Node, para_text};
use crate::week::{Around, Body, Item, Kind, Layout, ListStyle};

/// The items of paragraphs, one list, paragraphs (at least one paragraph), and the layout that
/// writes them back so.
pub fn around_list(kind: Kind, text: &str, nodes: &[Node]) -> Option<(Body, Option<Layout>)> {
    let is_para = |n: &&Node| matches!(n, Node::Para(_));
    let before = nodes.iter().take_while(is_para).count();
    if before == nodes.len() {
        return None;
    }
    let after = nodes.iter().rev().take_while(is_para).count();
    let ([Node::List(list)], true) = (&nodes[before..nodes.len() - after], before + after > 0)
    else {
        return None;
    };
    let para = |n: &Node| match n {
        Node::Para(r) => Some(Item::text(para_text(text, r.clone()))),
        Node::List(_) | Node::Block(_) => None,
    };
    let read: fn(&str, &[Node]) -> Option<Item> = match kind {
        Kind::KeyWork => key_item,
        Kind::Other | Kind::NextWeek => point,
        _ => return None,
    };
    let listed = list.items.iter().map(|n| read(text, n));
    let items = (nodes[..before].iter().map(para))
        .chain(listed)
        .chain(nodes[nodes.len() - after..].iter().map(para))
        .collect::<Option<Vec<_>>>()?;
    let body = match kind {
        Kind::KeyWork => Body::KeyWork(items),
        Kind::Other => Body::Other(items),
        _ => Body::NextWeek(items),
    };
    let more = Layout {
        paragraphs: Some(Around {
            before: before.try_into().ok()?,
            after: after.try_into().ok()?,
        }),
        points: points_style(list)?.filter(|&p| p == ListStyle::Bullet),
        ..Layout::default()
    };
    Some((body, Layout::and(layout(kind, list), more)))
}
