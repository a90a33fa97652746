//! Recognising per-person updates (the stand-up shape): a line naming someone (`@alice`, or
//! `@bob (not attending)`) followed by a list of Done / In progress / Blocked / Next (in either
//! language: 已完成 / 进行中 / 阻塞 / 计划), each with a list under it or one line after it.
//! Whatever lies between people (a lead quote, a code block that broke a list) is kept as raw
//! Markdown sections between `people` sections.

use super::kinds::{point, points_style};
use super::read::{Block, List, Node, Spanned, nodes, para_text, slice, trim_blank_lines_at_end};
use crate::week::{Body, Kind, Labels, Layout, Person, Said, Section, Words, labels};

/// The section's heading, as written, and its level.
pub struct Heading {
    /// The heading's text.
    pub text: String,
    /// Its level.
    pub level: u8,
}

/// What people sections are read from: the source, its events, the body's blocks and where
/// the section's text ends (`open`: it ends the document inside a block that runs to its end).
pub struct Under<'a, 'e> {
    /// The whole (line-ending normalised) source.
    pub text: &'a str,
    /// The document's events.
    pub events: &'a [Spanned<'e>],
    /// The blocks under the heading.
    pub blocks: &'a [Block],
    /// Where the section ends.
    pub end: usize,
    /// Whether the section ends the document inside an open block.
    pub open: bool,
}

/// A run of blocks: people, or anything else.
enum Run {
    People(Vec<Person>),
    Raw(usize, usize),
}

/// The sections a body of per-person updates becomes, the heading on the first; `None` when no
/// person is found.
pub fn sections(heading: &Heading, body: &Under<'_, '_>) -> Option<Vec<Section>> {
    let blocks = body.blocks;
    let mut runs: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if let Some(p) = person(body, i) {
            match runs.last_mut() {
                Some(Run::People(v)) => v.push(p),
                _ => runs.push(Run::People(vec![p])),
            }
            i += 2;
            continue;
        }
        match runs.last_mut() {
            Some(Run::Raw(_, end)) => *end = i + 1,
            _ => runs.push(Run::Raw(i, i + 1)),
        }
        i += 1;
    }
    if !runs.iter().any(|r| matches!(r, Run::People(_))) {
        return None;
    }
    let last = runs.len() - 1;
    let mut out: Vec<Section> = runs
        .into_iter()
        .enumerate()
        .map(|(n, run)| match run {
            Run::People(people) => people_section(people),
            Run::Raw(a, b) => {
                let start = line_start(body.text, blocks[a].range.start);
                let end = if n == last {
                    body.end
                } else {
                    blocks[b].range.start
                };
                let open = n == last && body.open;
                let raw = trim_blank_lines_at_end(slice(body.text, start..end), open);
                Section::new(Body::Raw(raw.to_string()))
            }
        })
        .collect();
    let first = &mut out[0];
    first.heading = Some(heading.text.clone());
    let default = match first.body.kind() {
        Kind::Raw => 2,
        k => super::kinds::default_level(k),
    };
    first.level = (heading.level != default).then_some(heading.level);
    Some(out)
}

/// A `people` section, its labels' language and its points' style in its layout.
fn people_section(people: Vec<Person>) -> Section {
    let english = people
        .iter()
        .flat_map(|p| {
            [
                &p.labels.done,
                &p.labels.doing,
                &p.labels.blocked,
                &p.labels.next,
            ]
        })
        .flatten()
        .any(|l| l.is_ascii());
    let words = if english { Words::En } else { Words::Zh };
    let defaults = labels(words.lang());
    let people = people
        .into_iter()
        .map(|mut p| {
            let mut kept = Labels::default();
            for (i, default) in defaults.iter().enumerate() {
                if let Some(l) = p.labels.get(i).filter(|l| l != default) {
                    kept.set(i, l.to_string());
                }
            }
            p.labels = kept;
            p
        })
        .collect();
    let mut s = Section::new(Body::People(people));
    s.layout = Layout::and(
        None,
        Layout {
            words: english.then_some(Words::En),
            ..Layout::default()
        },
    );
    s
}

/// The person whose name is block `i` and whose parts are the list in block `i + 1`.
fn person(body: &Under<'_, '_>, i: usize) -> Option<Person> {
    let (name_block, list_block) = (body.blocks.get(i)?, body.blocks.get(i + 1)?);
    let name = match nodes(&body.events[name_block.events.clone()], 0)?.as_slice() {
        [Node::Para(r)] => para_text(body.text, r.clone()),
        _ => return None,
    };
    if !is_name(&name) {
        return None;
    }
    update(body, list_block, name)
}

/// `name`'s update read from the list in `block`.
fn update(body: &Under<'_, '_>, block: &Block, name: String) -> Option<Person> {
    let nodes = nodes(&body.events[block.events.clone()], 0)?;
    let [Node::List(list)] = nodes.as_slice() else {
        return None;
    };
    if list.start.is_some() || list.loose {
        return None;
    }
    let mut p = Person {
        name,
        ..Person::default()
    };
    let mut after = None;
    for item in &list.items {
        let (i, label, said) = part(body.text, item)?;
        if after.is_some_and(|a| i <= a) {
            return None;
        }
        after = Some(i);
        p.labels.set(i, label);
        *p.part_mut(i) = Some(said);
    }
    // the points under the items are bulleted, as the template writes them
    points_style(list)?;
    Some(p)
}

/// A person's update under an H3 or H4 of their name (`### @alice`, `#### 张三`), or an H2 of
/// their handle (`## @alice`: a report of nothing but people): a section with no heading of its
/// own whose one person prints the name as that heading.
pub fn headed(heading: &Heading, body: &Under<'_, '_>) -> Option<Section> {
    let [list] = body.blocks else {
        return None;
    };
    let named = (3..=4).contains(&heading.level) || heading.level == 2 && is_name(&heading.text);
    if !named || heading.text.chars().count() > 40 {
        return None;
    }
    let mut p = update(body, list, heading.text.clone())?;
    p.level = Some(heading.level);
    Some(people_section(vec![p]))
}

/// Neighbouring `people` sections with no heading between them made one (people under a
/// heading each come one section at a time).
pub fn join(sections: Vec<Section>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::with_capacity(sections.len());
    for s in sections {
        if let (Some(prev), Body::People(more)) = (out.last_mut(), &s.body)
            && s.heading.is_none()
            && prev.layout == s.layout
            && let Body::People(people) = &mut prev.body
        {
            people.extend(more.iter().cloned());
            continue;
        }
        out.push(s);
    }
    out
}

/// A line naming a person: `@alice`, `@bob (not attending)`.
fn is_name(line: &str) -> bool {
    let Some(handle) = line.strip_prefix('@') else {
        return false;
    };
    !line.contains('\n') && handle.starts_with(|c: char| c.is_alphanumeric())
}

/// One part of an update: which (in [`PARTS`] order), its label as written, and what it says.
fn part(text: &str, item: &[Node]) -> Option<(usize, String, Said)> {
    let (Node::Para(r), rest) = item.split_first()? else {
        return None;
    };
    let line = para_text(text, r.clone());
    if line.contains('\n') {
        return None;
    }
    let (label, after) = match line.find([':', '：']) {
        Some(at) => {
            let colon = line[at..].chars().next().map_or(1, char::len_utf8);
            (&line[..at + colon], line[at + colon..].trim())
        }
        None => (line.as_str(), ""),
    };
    let which = part_named(label)?;
    let said = match rest {
        [] if !after.is_empty() => Said::Line(after.to_string()),
        [] => Said::Items(Vec::new()),
        [Node::List(l)] if after.is_empty() => Said::Items(items(text, l)?),
        _ => return None,
    };
    Some((which, label.to_string(), said))
}

/// The items of a part's list: bulleted, tight.
fn items(text: &str, l: &List) -> Option<Vec<crate::week::Item>> {
    if l.start.is_some() || l.loose {
        return None;
    }
    l.items.iter().map(|n| point(text, n)).collect()
}

/// Which part a label names: `Done`, `Done/In Progress (…)`, `Blocked/Asked:`, `已完成：`.
fn part_named(label: &str) -> Option<usize> {
    const NAMES: [&[&str]; 4] = [
        &[
            "done",
            "completed",
            "accomplished",
            "已完成",
            "完成",
            "本周完成",
        ],
        &[
            "in progress",
            "doing",
            "wip",
            "working on",
            "进行中",
            "正在进行",
        ],
        &[
            "blocked", "blockers", "blocker", "block", "阻塞", "受阻", "卡点",
        ],
        &[
            "next",
            "todo",
            "to do",
            "planned",
            "plans",
            "计划",
            "下周计划",
            "接下来",
        ],
    ];
    let l = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    if l.chars().count() > 60 {
        return None;
    }
    NAMES.iter().position(|names| {
        names.iter().any(|n| {
            l.strip_prefix(n)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', ' ', '(', '（']))
        })
    })
}

/// The start of the line `at` is on.
pub fn line_start(text: &str, at: usize) -> usize {
    slice(text, 0..at).rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::PARTS;

    #[test]
    fn labels_name_their_part() {
        assert_eq!(part_named("Done:"), Some(0));
        assert_eq!(
            part_named("Done/In Progress (continuation from last week):"),
            Some(0)
        );
        assert_eq!(part_named("In Progress:"), Some(1));
        assert_eq!(part_named("Blocked/Asked:"), Some(2));
        assert_eq!(part_named("阻塞："), Some(2));
        assert_eq!(part_named("Next"), Some(3));
        assert_eq!(part_named("Donations"), None);
        assert_eq!(PARTS[part_named("计划：").unwrap()], "next");
    }

    #[test]
    fn names_are_handles() {
        assert!(is_name("@alanshaw"));
        assert!(is_name("@Magik6k (may not attend)"));
        assert!(!is_name("@ alice"));
        assert!(!is_name("alice"));
    }
}
