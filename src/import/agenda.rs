//! Recognising a meeting's agenda under a heading that names one (会议议程, 议题, 会议分享与讨论,
//! Agenda, Action items …; Topics, Discussion, Decisions only in a meeting's report, as
//! `meeting.rs` tells): a bulleted or numbered list of topics with sub-bullets, or a heading
//! per topic (`### 1、议题`) with its notes under it, each after an optional lead. A topic's presenter (`@alice`, `[Bob](https://github.com/bob)`
//! after the title, or a `分享者：`/`Presenter:` line) and duration (`（30 mins）`, `(10 min)`,
//! `15分钟`) are read from it only when the line comes back the same.

use pulldown_cmark::{Event, Tag};

use super::kinds::{self, points_style};
use super::outline::{Segment, clean_gaps, heading_text};
use super::people;
use super::read::{self, Block, Node, Spanned, nodes, para_text, slice, trim_blank_lines};
use crate::week::{Agenda, Body, Kind, Layout, ListStyle, Section, Topic};

/// Labels before a presenter written on a line of their own.
const PRESENTER: [&str; 8] = [
    "分享者：",
    "分享人：",
    "主讲人：",
    "主讲：",
    "Presenter:",
    "Presented by:",
    "Speaker:",
    "Owner:",
];

/// Units a duration is written in, after its number.
const UNITS: [&str; 12] = [
    "minutes", "minute", "mins", "min", "m", "分钟", "分", "hours", "hour", "hrs", "hr", "小时",
];

/// What an agenda is read from: the source, its events and blocks, and the team's own headings.
pub struct Doc<'a, 'e> {
    /// The whole (line-ending normalised) source.
    pub text: &'a str,
    /// The document's events.
    pub events: &'a [Spanned<'e>],
    /// The document's top-level blocks.
    pub blocks: &'a [Block],
    /// The team's own headings (`[import.headings]`).
    pub own: &'a [(String, Kind)],
    /// Whether the report is a meeting's (`meeting.rs`): only then do `Discussion`, `Topics`
    /// and the like name an agenda.
    pub meeting: bool,
    /// The level of the title that names the report a progress report (`progress.rs`; 0 for
    /// one in the front matter): its deeper sections whose headings name no kind are the
    /// period's work.
    pub progress: Option<u8>,
}

/// The agenda section the first of `segs` starts, and how many segments it takes (its topic
/// headings are segments of their own); `None` when the heading names no agenda or the body
/// is in neither shape.
pub fn read(doc: &Doc<'_, '_>, segs: &[Segment]) -> Option<(Section, usize)> {
    let first = segs.first()?;
    let h = &doc.blocks[first.heading?];
    let level = h.heading?;
    let heading = heading_text(doc.text, doc.events, h)?;
    let announced = kinds::announced_in(&heading, doc.own, doc.meeting)?;
    if announced.kind != Kind::Agenda {
        return None;
    }
    // topics are listed or headed, not both: under a list, deeper headings are sections
    let listed_here = doc.blocks[first.body.clone()]
        .iter()
        .any(|b| matches!(doc.events[b.events.start].0, Event::Start(Tag::List(_))));
    let subs = segs[1..]
        .iter()
        .take_while(|s| !listed_here && topic_heading(doc, s, level).is_some())
        .count();
    let used = &segs[..=subs];
    let clean = used.iter().all(|s| {
        let h = &doc.blocks[s.heading.unwrap_or(0)];
        clean_gaps(doc.text, h, &doc.blocks[s.body.clone()], s.region.end)
    });
    if !clean {
        return None;
    }
    let (agenda, layout) = if subs == 0 {
        listed(doc, first)?
    } else {
        (headed(doc, first, &folded(doc, &segs[1..=subs]))?, None)
    };
    let section = Section {
        heading: announced.heading,
        level: (level != kinds::default_level(Kind::Agenda)).then_some(level),
        body: Body::Agenda(agenda),
        layout,
        pos: Default::default(),
    };
    Some((section, subs + 1))
}

/// The text of a segment's heading when it is a topic under an agenda of `level`: deeper,
/// naming no other kind (`### 下次会议安排` ends the agenda) and no person over their update
/// (`### @alice` then Done / Next: a stand-up, not a topic).
fn topic_heading(doc: &Doc<'_, '_>, seg: &Segment, level: u8) -> Option<String> {
    let b = &doc.blocks[seg.heading?];
    let deeper = b.heading?;
    if deeper <= level {
        return None;
    }
    let text = heading_text(doc.text, doc.events, b)?;
    if kinds::announced_in(&text, doc.own, doc.meeting).is_some_and(|a| a.kind != Kind::Agenda) {
        return None;
    }
    let titled = people::Heading {
        text: text.clone(),
        level: deeper,
    };
    let under = people::Under {
        text: doc.text,
        events: doc.events,
        blocks: &doc.blocks[seg.body.clone()],
        end: seg.region.end,
        open: false,
    };
    people::headed(&titled, &under).is_none().then_some(text)
}

/// The topics' segments with each bold pseudo-heading (`**问题如下**：` inside a topic's notes)
/// folded into the topic before it: a topic is a `#` heading, what a bold line cuts within it is
/// part of its notes.
fn folded(doc: &Doc<'_, '_>, subs: &[Segment]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for s in subs {
        let bold = s.heading.is_some_and(|h| doc.blocks[h].bold.is_some());
        match out.last_mut() {
            Some(topic) if bold => {
                topic.body.end = s.body.end;
                topic.region.end = s.region.end;
            }
            _ => out.push(s.clone()),
        }
    }
    out
}

/// The Markdown of some blocks of a segment, from the first's line to where the segment ends.
fn markdown(doc: &Doc<'_, '_>, seg: &Segment, from: usize) -> Option<String> {
    let body = seg.body.clone();
    if from >= body.end {
        return None;
    }
    let start = line_start(doc.text, doc.blocks[from].range.start);
    let open = seg.region.end >= doc.text.len() && read::ends_open(doc.blocks, doc.text.len());
    let t = read::trim_blank_lines_at_end(slice(doc.text, start..seg.region.end), open);
    (!t.is_empty()).then(|| match t.ends_with('\n') {
        true => t.to_string(),
        false => format!("{t}\n"),
    })
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The heading-per-topic shape: the lead under the agenda's heading, then each topic heading
/// with its notes.
fn headed(doc: &Doc<'_, '_>, first: &Segment, subs: &[Segment]) -> Option<Agenda> {
    let intro = markdown(doc, first, first.body.start);
    let topics = subs
        .iter()
        .map(|s| {
            let b = &doc.blocks[s.heading?];
            let mut t = titled(&heading_text(doc.text, doc.events, b)?);
            t.level = b.heading;
            let mut from = s.body.start;
            if t.owner.is_none()
                && let Some(p) = doc.blocks.get(from).filter(|_| from < s.body.end)
                && let Some((label, owner)) = presenter_para(doc, p)
            {
                t.owner_label = Some(label);
                t.owner = Some(owner);
                from += 1;
            }
            match bulleted(doc, s, from) {
                Some(points) => t.points = points,
                None => t.notes = markdown(doc, s, from),
            }
            Some(t)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Agenda { intro, topics })
}

/// The points of a topic whose body from block `from` is one tight bulleted list (bulleted
/// points under it too).
fn bulleted(doc: &Doc<'_, '_>, seg: &Segment, from: usize) -> Option<Vec<crate::week::Item>> {
    (from + 1 == seg.body.end).then_some(())?;
    let b = &doc.blocks[from];
    let found = nodes(&doc.events[b.events.clone()], 0)?;
    let [Node::List(list)] = found.as_slice() else {
        return None;
    };
    let plain = list.start.is_none() && !list.loose;
    (plain && points_style(list)? != Some(ListStyle::Numbered)).then_some(())?;
    list.items
        .iter()
        .map(|n| kinds::point(doc.text, n))
        .collect()
}

/// A paragraph that is only a presenter line: its label and the presenter.
fn presenter_para(doc: &Doc<'_, '_>, b: &Block) -> Option<(String, String)> {
    let events = &doc.events[b.events.clone()];
    let found = nodes(events, 0)?;
    let [Node::Para(r)] = found.as_slice() else {
        return None;
    };
    let line = para_text(doc.text, r.clone());
    (!line.contains('\n')).then_some(())?;
    presenter(&line)
}

/// `分享者：张三` or `Presenter: @alice` as its label and the presenter.
fn presenter(line: &str) -> Option<(String, String)> {
    let label = PRESENTER.iter().find(|l| line.starts_with(**l))?;
    let owner = line[label.len()..].trim();
    let t = Topic {
        owner_label: Some(label.to_string()),
        owner: Some(owner.to_string()),
        ..Topic::default()
    };
    (!owner.is_empty() && t.owner_line().as_deref() == Some(line))
        .then(|| (label.to_string(), owner.to_string()))
}

/// The list shape: a lead (any Markdown), then one list whose items are the topics.
fn listed(doc: &Doc<'_, '_>, seg: &Segment) -> Option<(Agenda, Option<Layout>)> {
    let last = seg
        .body
        .end
        .checked_sub(1)
        .filter(|&l| l >= seg.body.start)?;
    let b = &doc.blocks[last];
    let found = nodes(&doc.events[b.events.clone()], 0)?;
    let [Node::List(list)] = found.as_slice() else {
        return None;
    };
    let intro = (last > seg.body.start)
        .then(|| {
            let start = line_start(doc.text, doc.blocks[seg.body.start].range.start);
            let t = trim_blank_lines(slice(doc.text, start..b.range.start));
            (!t.is_empty()).then(|| format!("{t}\n"))
        })
        .flatten();
    let bullets = points_style(list) != Some(Some(ListStyle::Numbered));
    let topics = list
        .items
        .iter()
        .map(|n| listed_topic(doc.text, n, bullets))
        .collect::<Option<Vec<_>>>()?;
    let style = match list.start {
        Some(_) => ListStyle::Numbered,
        None => ListStyle::Bullet,
    };
    let points = match points_style(list)? {
        Some(ListStyle::Numbered) => Layout {
            points: Some(ListStyle::Numbered),
            ..Layout::default()
        },
        _ => Layout::default(),
    };
    let layout = Layout::and(
        Layout::of(Kind::Agenda, style, list.start, list.loose),
        points,
    );
    Some((Agenda { intro, topics }, layout))
}

/// A topic written as a list item: its line, then sub-bullets (the first may name the
/// presenter when they are bullets), then a note.
fn listed_topic(text: &str, nodes: &[Node], bullets: bool) -> Option<Topic> {
    let item = kinds::point(text, nodes)?;
    let mut t = titled(item.text.as_deref()?);
    let mut points = item.points;
    if bullets
        && t.owner.is_none()
        && let Some((label, owner)) = points
            .first()
            .filter(|p| p.points.is_empty() && p.note.is_none())
            .and_then(|p| presenter(p.text.as_deref()?))
    {
        t.owner_label = Some(label);
        t.owner = Some(owner);
        points.remove(0);
    }
    t.points = points;
    t.notes = item.note.map(|n| format!("{n}\n"));
    Some(t)
}

/// A topic's line as its title, presenter and duration, when it comes back the same; else
/// all of it as the title.
pub fn titled(line: &str) -> Topic {
    let whole = Topic {
        title: line.to_string(),
        ..Topic::default()
    };
    let (rest, duration) = match duration_at_end(line) {
        Some(at) => (&line[..at], Some(line[at..].trim_start().to_string())),
        None => (line, None),
    };
    let (title, owner) = match owner_at_end(rest.trim_end()) {
        Some(at) => (&rest[..at], Some(rest[at..].trim().to_string())),
        None => (rest, None),
    };
    let t = Topic {
        title: title.trim_end().to_string(),
        owner,
        duration,
        ..Topic::default()
    };
    if t.title.is_empty() || t.line() != line {
        return whole;
    }
    t
}

/// Where a duration at the end of a line starts: `（30 mins）`, `(10 min)`, `15分钟`.
fn duration_at_end(line: &str) -> Option<usize> {
    let (inner, open) = if let Some(r) = line.strip_suffix('）') {
        let at = r.rfind('（')?;
        (&r[at + '（'.len_utf8()..], at)
    } else if let Some(r) = line.strip_suffix(')') {
        let at = r.rfind('(')?;
        (&r[at + 1..], at)
    } else {
        let at = line.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        (&line[at..], at)
    };
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let unit = inner[digits..].trim_start().to_lowercase();
    (digits > 0 && UNITS.contains(&unit.as_str()) && open > 0).then_some(open)
}

/// Where the presenters at the end of a line start: `@alice`, `@[Bob](url)`, `[Bob](url)`
/// (a link to a profile: one path segment), after a space.
fn owner_at_end(line: &str) -> Option<usize> {
    let mut at = line.len();
    loop {
        let rest = line[..at].trim_end();
        match one_owner_at_end(rest) {
            Some(start) if start > 0 => at = start,
            _ => break,
        }
    }
    (at < line.len()).then_some(at)
}

fn one_owner_at_end(line: &str) -> Option<usize> {
    let start = if line.ends_with(')') {
        let open = line.rfind("](")?;
        let url = &line[open + 2..line.len() - 1];
        let text_start = line[..open].rfind('[')?;
        let name = &line[text_start + 1..open];
        let segments: Vec<&str> = url
            .split_once("://")?
            .1
            .split('/')
            .skip(1)
            .filter(|s| !s.is_empty())
            .collect();
        let profile = segments.len() == 1
            && (segments[0].eq_ignore_ascii_case(name.trim_start_matches('@'))
                || name.starts_with('@'));
        if !profile {
            return None;
        }
        match line[..text_start].strip_suffix('@') {
            Some(r) => r.len(),
            None => text_start,
        }
    } else {
        let at = line.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &line[at..];
        let handle = word.strip_prefix('@')?;
        let ok = !handle.is_empty()
            && handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then_some(at)?
    };
    let before = line[..start].chars().next_back();
    before.is_some_and(char::is_whitespace).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_keep_presenter_and_duration_apart() {
        let t = titled("Release planning @alice (10 min)");
        assert_eq!(t.title, "Release planning");
        assert_eq!(t.owner.as_deref(), Some("@alice"));
        assert_eq!(t.duration.as_deref(), Some("(10 min)"));
        let t = titled("发布计划（30 mins）");
        assert_eq!(t.title, "发布计划");
        assert_eq!(t.duration.as_deref(), Some("（30 mins）"));
        let t =
            titled("文档优化 [sun](https://github.com/sun) [Sigure](https://github.com/Sigure)");
        assert_eq!(t.title, "文档优化");
        assert_eq!(
            t.owner.as_deref(),
            Some("[sun](https://github.com/sun) [Sigure](https://github.com/Sigure)")
        );
        let t = titled("代码评审 15分钟");
        assert_eq!(t.duration.as_deref(), Some("15分钟"));
    }

    #[test]
    fn links_that_are_not_people_stay_in_the_title() {
        let line = "pinning services - quick update on the [API](https://ipfs.github.io/pinning-services-api-spec/)";
        assert_eq!(titled(line).title, line);
        assert_eq!(titled("[@bob](https://github.com/bob)").owner, None);
        assert_eq!(titled("(10 min)").duration, None);
    }

    #[test]
    fn presenter_lines_have_a_label() {
        assert_eq!(
            presenter("Presenter: @alice"),
            Some(("Presenter:".into(), "@alice".into()))
        );
        assert_eq!(
            presenter("分享者：张三"),
            Some(("分享者：".into(), "张三".into()))
        );
        assert_eq!(presenter("Presenter:@alice"), None);
    }
}
