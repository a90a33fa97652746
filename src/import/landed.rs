//! What landed: a list most of whose items link to a pull or merge request
//! (`- [Fix the parser](https://github.com/o/r/pull/632) by @ann`,
//! `1. Improve the stub, https://github.com/o/r/pull/585`) is the work a report says was done,
//! whatever its heading: read as key work where the heading names no kind. Not under a heading
//! that nominates them (`Backport nominations`, `提名`): those are proposals a meeting decides
//! on, not work done.

use super::kinds::{Announced, Input};
use super::read::{List, Node, nodes, slice};
use crate::week::Kind;

/// Key work under `heading`, when the section's list (after any lead) is one of what landed.
pub fn announced(heading: &str, input: &Input<'_, '_>) -> Option<Announced> {
    if ["nominat", "提名"]
        .iter()
        .any(|w| heading.to_lowercase().contains(w))
    {
        return None;
    }
    let nodes = nodes(input.events, 0)?;
    let list = nodes.iter().find_map(|n| match n {
        Node::List(l) => Some(l),
        Node::Para(_) => None,
    })?;
    landed(input.text, list).then(|| Announced {
        kind: Kind::KeyWork,
        name: None,
        heading: Some(heading.to_string()),
    })
}

/// Whether two or more items, and at least half of them, link to a pull or merge request.
fn landed(text: &str, list: &List) -> bool {
    let linked = list
        .items
        .iter()
        .filter(|item| match item.first() {
            Some(Node::Para(r)) => requests(slice(text, r.clone())),
            _ => false,
        })
        .count();
    linked >= 2 && linked * 2 >= list.items.len()
}

/// Whether `s` holds the address of a pull or merge request (`/pull/632`, `/merge_requests/7`).
fn requests(s: &str) -> bool {
    ["/pull/", "/pulls/", "/merge_requests/"].iter().any(|m| {
        s.match_indices(m)
            .any(|(i, _)| s[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::requests;

    #[test]
    fn pull_and_merge_requests_are_found() {
        assert!(requests("[#663](https://github.com/o/r/pull/663)"));
        assert!(requests(
            "Fix it, https://gitlab.com/o/r/-/merge_requests/7"
        ));
        assert!(!requests("see https://github.com/o/r/pulls"));
        assert!(!requests("the pull/push model"));
    }
}
