//! Per-group updates: under a heading that announces progress (本周进展, 各项目进展, Working
//! group sync, Team updates …) and nothing else but an introduction, a deeper heading per group, team or project
//! (`### wg-nll`, or a bold pseudo-heading), each over what it did: paragraphs, a list, or
//! both, and perhaps closing paragraphs. Read as one key-work section with an item per group
//! (`title` the heading as written), written back as the same headings
//! (`layout: {items: headings, level: 3}`); a group one level below another is its point
//! (`## ruyi` over `### 调研`), written back as a heading again (`nested: true`).

use super::agenda::Doc;
use super::kinds::{self, point};
use super::outline::{Segment, clean_gaps, heading_text};
use super::people;
use super::read::{Node, nodes, para_text, slice, trim_blank_lines};
use crate::week::{Body, HeadingStyle, Item, ItemsAs, Kind, Layout, ListStyle, Section};

/// The sections the first of `segs` may start, longest first, each with how many segments
/// they take: the groups are the run of deeper headings after it, and a shorter run is tried
/// when a longer one does not come back as written. Groups written otherwise than the ones
/// before them (a loose list after tight ones, a heading one level up) go on as key work
/// under no heading of their own (`heading: ""`), one section per stretch written alike;
/// that reading is tried first. A heading with an introduction of its own
/// (`In this section, we give an overview of …`) keeps it raw under the heading, and the groups
/// follow as key work with no heading of their own (`heading: ""`).
pub fn read<'a>(
    doc: &'a Doc<'_, '_>,
    segs: &'a [Segment],
) -> Box<dyn Iterator<Item = (Vec<Section>, usize)> + 'a> {
    let Some(p) = progress(doc, segs) else {
        return titled(doc, segs);
    };
    let run = run(doc, &segs[1..], p.level, false);
    let first = move |(items, layout): (Vec<Item>, Layout)| {
        let work = |heading, level, heading_style| Section {
            heading,
            level,
            body: Body::KeyWork(items.clone()),
            layout: Some(Layout {
                heading_style,
                ..layout
            }),
            pos: Default::default(),
        };
        match &p.intro {
            None => vec![work(
                p.announced.clone(),
                (p.level != kinds::default_level(Kind::KeyWork)).then_some(p.level),
                p.bold,
            )],
            Some(intro) => {
                let mut raw = Section::new(Body::Raw(intro.clone()));
                raw.heading = Some(p.heading.clone());
                raw.level = (p.level != 2).then_some(p.level);
                raw.layout = p.bold.map(|b| Layout {
                    heading_style: Some(b),
                    ..Layout::default()
                });
                vec![raw, work(Some(String::new()), None, None)]
            }
        }
    };
    let ends = stretch_ends(&run);
    // groups written differently (one loose list, the next tight) go on under no heading
    let mut all = None;
    if ends.len() > 1 && ends.last() == Some(&run.len()) {
        let mut chunks = cut(&run, &ends).into_iter();
        let mut sections = chunks.next().map(&first).unwrap_or_default();
        sections.extend(chunks.map(|(items, layout)| untitled(items, layout)));
        all = Some((sections, segments(&run) + 1));
    }
    // then the first stretch and the runs shorter than it, longest first
    let longest = ends.first().copied().unwrap_or(0);
    let shorter = (1..=longest)
        .rev()
        .filter_map(move |n| Some((first(layout(&run[..n])?), segments(&run[..n]) + 1)));
    Box::new(all.into_iter().chain(shorter))
}

/// Key work under no heading of its own (`heading: ""`): the groups after the first stretch.
fn untitled(items: Vec<Item>, layout: Layout) -> Section {
    Section {
        heading: Some(String::new()),
        level: None,
        body: Body::KeyWork(items),
        layout: Some(layout),
        pos: Default::default(),
    }
}

/// In a report whose title names it a progress report (`# Update 2023-09`), the sections
/// the first of `segs` starts below the title whose headings name no kind and no framing
/// (`卷首语`, `Links`): the period's work, as key work under no heading of its own
/// (`heading: ""`), one section per stretch of groups written alike; the longest run first,
/// each made only when the one before it did not come back as written.
fn titled<'a>(
    doc: &'a Doc<'_, '_>,
    segs: &'a [Segment],
) -> Box<dyn Iterator<Item = (Vec<Section>, usize)> + 'a> {
    let Some(level) = doc.progress else {
        return Box::new(std::iter::empty());
    };
    let run = run(doc, segs, level, true);
    let ends = stretch_ends(&run);
    let reach = ends.last().copied().unwrap_or(0);
    // a run cut shorter is cut at the same places, its last stretch shortened
    Box::new((1..=reach).rev().map(move |n| {
        let mut at: Vec<usize> = ends.iter().copied().filter(|&e| e < n).collect();
        at.push(n);
        let sections = cut(&run[..n], &at)
            .into_iter()
            .map(|(items, layout)| untitled(items, layout))
            .collect();
        (sections, segments(&run[..n]))
    }))
}

/// `run` cut at `ends` (each stretch written alike), with each stretch's items and layout.
fn cut(run: &[Group], ends: &[usize]) -> Vec<(Vec<Item>, Layout)> {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts
        .zip(ends)
        .filter_map(|(a, &z)| layout(&run[a..z]))
        .collect()
}

/// Where the longest stretches written alike end, taken greedily from the start, up to the
/// first group that fits no stretch (the last end is then short of the run's length).
fn stretch_ends(run: &[Group]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = 0;
    while let Some(end) = longest_alike(run, at) {
        ends.push(end);
        at = end;
    }
    ends
}

/// The end of the longest stretch from `at` whose groups are written alike, if the group at
/// `at` is one. A stretch written alike stays so when cut shorter, so its end is found by
/// doubling a step while the stretch stays alike, then halving it: a few looks a stretch, not
/// one for every length (a run of short stretches took time as the cube of its length).
fn longest_alike(run: &[Group], at: usize) -> Option<usize> {
    let alike_to = |end: usize| written_alike(&run[at..end]).is_some();
    if at >= run.len() || !alike_to(at + 1) {
        return None;
    }
    let (mut good, mut step) = (at + 1, 1);
    let mut bad = run.len() + 1;
    while good < run.len() && good + 1 < bad {
        let probe = (good + step).min(run.len()).min(bad - 1);
        if alike_to(probe) {
            good = probe;
            step *= 2;
        } else {
            bad = probe;
            step = (step / 2).max(1);
        }
    }
    Some(good)
}

/// A heading announcing key work, over nothing of its own or an introduction in paragraphs.
struct Progress {
    /// The heading as written.
    heading: String,
    /// The heading to keep in the key-work section (none for the template's own).
    announced: Option<String>,
    level: u8,
    bold: Option<HeadingStyle>,
    /// The introduction as written (link reference definitions included).
    intro: Option<String>,
}

fn progress(doc: &Doc<'_, '_>, segs: &[Segment]) -> Option<Progress> {
    let first = segs.first()?;
    let h = &doc.blocks[first.heading?];
    let level = h.heading?;
    let heading = heading_text(doc.text, doc.events, h)?;
    let announced = kinds::announced_in(&heading, doc.own, doc.meeting)?;
    if announced.kind != Kind::KeyWork {
        return None;
    }
    let body = &doc.blocks[first.body.clone()];
    let intro = match (body.first(), body.last()) {
        (Some(a), Some(z)) => {
            let events = &doc.events[a.events.start..z.events.end];
            if !nodes(events, 0)?.iter().all(|n| matches!(n, Node::Para(_))) {
                return None;
            }
            let written = slice(doc.text, h.range.end..first.region.end);
            Some(trim_blank_lines(written).to_string())
        }
        _ => None,
    };
    Some(Progress {
        heading,
        announced: announced.heading,
        level,
        bold: h.bold,
        intro,
    })
}

/// One group: its item, its heading's level and how that heading is written, and the groups
/// under it (`## ruyi` over `### 调研`).
struct Group {
    item: Item,
    children: Vec<Group>,
    level: u8,
    bold: Option<HeadingStyle>,
    /// How its points are written (none when it has none).
    points: Option<ListStyle>,
    /// Whether a blank line stands between its points (none when that cannot be told: no list,
    /// or one tight point).
    loose: Option<bool>,
}

/// The groups under a heading of `level`: the segments after it with deeper headings that name
/// no kind and no person, each over a body in a group's shape, up to the first that is not;
/// `titled` (below a progress report's title): a heading that names any kind, key work
/// included, or the report's framing ends the run too.
/// Each group one level below the group before it (or before its parent, and so on up) is
/// that group's, after its list: the run's groups come back as trees.
fn run(doc: &Doc<'_, '_>, segs: &[Segment], level: u8, titled: bool) -> Vec<Group> {
    let mut trees: Vec<Group> = Vec::new();
    for g in segs.iter().map_while(|s| group(doc, s, level, titled)) {
        match trees.last_mut() {
            Some(last) if fits(last, &g) => adopt(last, g),
            _ => trees.push(g),
        }
    }
    trees
}

/// Whether `g` belongs under `tree`: some group on its last branch is one level above it,
/// takes groups (a `#` heading with no closing paragraphs, which would come after them) and
/// stays written alike with `g` under it.
fn fits(tree: &Group, g: &Group) -> bool {
    let Some(parent) = branch(tree).into_iter().find(|p| p.level + 1 == g.level) else {
        return false;
    };
    let takes = |p: &Group| p.bold.is_none() && p.item.note.is_none();
    takes(parent) && g.bold.is_none() && {
        let mut all = members(tree);
        all.push(g);
        alike(&all).is_some()
    }
}

/// `g` under the group one level above it on `tree`'s last branch (see [`fits`]).
fn adopt(tree: &mut Group, g: Group) {
    if tree.level + 1 == g.level {
        tree.children.push(g);
    } else if let Some(last) = tree.children.last_mut() {
        adopt(last, g);
    }
}

/// A tree's last branch: the group, its last child, that child's last child, and so on.
fn branch(tree: &Group) -> Vec<&Group> {
    let mut out = vec![tree];
    while let Some(last) = out.last().and_then(|g| g.children.last()) {
        out.push(last);
    }
    out
}

/// How many segments (one per group) the trees take.
fn segments(trees: &[Group]) -> usize {
    trees.iter().map(|t| members(t).len()).sum()
}

/// A tree's groups, the group first.
fn members(tree: &Group) -> Vec<&Group> {
    let mut out = vec![tree];
    for c in &tree.children {
        out.extend(members(c));
    }
    out
}

/// A tree's item: the group's, its list's points followed by the groups under it.
fn item(tree: &Group) -> Item {
    let mut out = tree.item.clone();
    out.points.extend(tree.children.iter().map(item));
    out
}

fn group(doc: &Doc<'_, '_>, seg: &Segment, level: u8, titled: bool) -> Option<Group> {
    let b = &doc.blocks[seg.heading?];
    let deeper = b.heading.filter(|&d| d > level)?;
    let title = heading_text(doc.text, doc.events, b)?;
    let named = kinds::announced_in(&title, doc.own, doc.meeting);
    if named.is_some_and(|a| a.kind != Kind::KeyWork || titled)
        || (titled && super::progress::framing(&title))
    {
        return None;
    }
    let blocks = &doc.blocks[seg.body.clone()];
    if !clean_gaps(doc.text, b, blocks, seg.region.end) {
        return None;
    }
    let under = people::Under {
        text: doc.text,
        events: doc.events,
        blocks,
        end: seg.region.end,
        open: false,
    };
    let titled = people::Heading {
        text: title.clone(),
        level: deeper,
    };
    if people::headed(&titled, &under).is_some() {
        return None;
    }
    let events = match (blocks.first(), blocks.last()) {
        (Some(a), Some(z)) => &doc.events[a.events.start..z.events.end],
        _ => &[],
    };
    let (item, points, loose) = body(doc.text, &nodes(events, 0)?)?;
    Some(Group {
        item: Item {
            title: Some(title),
            ..item
        },
        children: Vec::new(),
        level: deeper,
        bold: b.bold,
        points,
        loose,
    })
}

/// A group's body: paragraphs (its `text`, blank lines between them), an optional list
/// (bulleted, or numbered from 1; tight or loose), closing paragraphs after a list (its `note`); and how the
/// list is written. A project's update is often a paragraph saying what it is, another saying
/// what changed, the list of changes and a word of thanks.
fn body(text: &str, nodes: &[Node]) -> Option<(Item, Option<ListStyle>, Option<bool>)> {
    let (lead, rest) = paragraphs(text, nodes);
    let mut item = Item {
        text: lead,
        ..Item::default()
    };
    let mut style = None;
    let mut loose = None;
    let mut rest = rest;
    if let [Node::List(l), tail @ ..] = rest {
        if l.start.is_some_and(|s| s != 1) {
            return None;
        }
        loose = (l.loose || l.items.len() > 1).then_some(l.loose);
        item.points = l
            .items
            .iter()
            .map(|n| point(text, n))
            .collect::<Option<_>>()?;
        let numbered = l.start.is_some();
        // the points' own points are written in the same style as they are
        if kinds::points_style(l)?.is_some_and(|s| (s == ListStyle::Numbered) != numbered) {
            return None;
        }
        style = Some(if numbered {
            ListStyle::Numbered
        } else {
            ListStyle::Bullet
        });
        let (note, tail) = paragraphs(text, tail);
        item.note = note;
        rest = tail;
    }
    rest.is_empty().then_some((item, style, loose))
}

/// The paragraphs at the start of `nodes`, as one text with a blank line between them, and
/// what follows them.
fn paragraphs<'n>(text: &str, nodes: &'n [Node]) -> (Option<String>, &'n [Node]) {
    let n = nodes
        .iter()
        .take_while(|n| matches!(n, Node::Para(_)))
        .count();
    let joined = nodes[..n]
        .iter()
        .filter_map(|n| match n {
            Node::Para(r) => Some(para_text(text, r.clone())),
            Node::List(_) | Node::Block(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    ((n > 0).then_some(joined), &nodes[n..])
}

/// The groups' items and the layout writing them back, when all their headings are written
/// alike and all their lists (the groups' under them too) in one style, tight or loose alike
/// (`loose` then puts a blank line between each group's points); `nested` when groups have
/// groups under them.
fn layout(trees: &[Group]) -> Option<(Vec<Item>, Layout)> {
    let first = trees.first()?;
    let (points, loose) = written_alike(trees)?;
    let items = match first.bold {
        None => ItemsAs::Headings,
        Some(HeadingStyle::Bold) => ItemsAs::Bold,
        Some(HeadingStyle::BoldColonAfter) => ItemsAs::BoldColonAfter,
    };
    let layout = Layout {
        items: Some(items),
        level: (first.bold.is_none() && first.level != 3).then_some(first.level),
        points: points.filter(|&p| p == ListStyle::Bullet),
        loose: loose == Some(true),
        nested: trees.iter().any(|t| !t.children.is_empty()),
        ..Layout::default()
    };
    Some((trees.iter().map(item).collect(), layout))
}

/// The style and spacing of the trees' lists when the trees are written alike: headings of
/// one level and style, and lists that agree (see [`alike`]).
fn written_alike(trees: &[Group]) -> Option<(Option<ListStyle>, Option<bool>)> {
    let first = trees.first()?;
    if !trees
        .iter()
        .all(|g| g.level == first.level && g.bold == first.bold)
    {
        return None;
    }
    let all: Vec<&Group> = trees.iter().flat_map(members).collect();
    alike(&all)
}

/// The one style and spacing of the groups' lists, when they agree (none where no group has
/// a list, or none a list whose spacing can be told).
fn alike(groups: &[&Group]) -> Option<(Option<ListStyle>, Option<bool>)> {
    let mut styles = groups.iter().filter_map(|g| g.points);
    let points = styles.next();
    let mut spacing = groups.iter().filter_map(|g| g.loose);
    let loose = spacing.next();
    (styles.all(|s| Some(s) == points) && spacing.all(|l| Some(l) == loose))
        .then_some((points, loose))
}
