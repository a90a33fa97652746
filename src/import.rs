//! Import: a Markdown weekly report becomes a week. The reference's parts (header, key work,
//! metrics, objectives with progress, due dates and incidents, other, reflection, next week,
//! daily links) become data; whatever is not recognised is kept verbatim, in order, as `raw`
//! sections, so that rendering the imported week gives back the same document.
//!
//! Every recognised section is checked by rendering it through the zh template and comparing
//! the normalised Markdown events with the source it came from; a section that does not come
//! back the same is kept raw instead. The whole week is checked the same way after a trip
//! through YAML; should that ever fail, the report is kept whole as one raw section.

mod agenda;
mod around;
mod bold;
mod daily;
mod dating;
mod groups;
mod header;
mod kinds;
mod meeting;
mod outline;
mod people;
mod progress;
mod prose;
mod read;
mod risks;
mod selfcheck;
mod summary;
mod table;
mod titles;
mod unknown;
mod when;

pub use summary::Summary;
pub use unknown::{HeadingTally, Unmapped};

use anyhow::Result;

use crate::dates::{Date, DateTime, WeekNumbering};
use crate::markdown;
use crate::render::Renderer;
use crate::templates::{self, Settings};
use crate::view;
use crate::week::{Body, Fact, HeadingStyle, Kind, Layout, Section, Week};
use crate::yaml::{self, At, Source};
use header::{created, title_date};
use outline::{
    Segment, clean_gaps, front_matter_end, heading_text, headings, segments, week_summary,
};
use read::{Block, Spanned};
use selfcheck::Checks;

/// Something the importer noticed about a report: a line of the Markdown and a message.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// 1-based line of the Markdown source.
    pub line: usize,
    /// What was noticed.
    pub message: String,
}

/// The result of importing one report.
#[derive(Debug)]
pub struct Imported {
    /// The week as YAML, ready to write.
    pub yaml: String,
    /// The week read back from that YAML (what `render` will see).
    pub week: Week,
    /// Remarks: sections that looked like a known kind but were kept raw, how a date was read.
    pub notes: Vec<Note>,
    /// What the user must check: a date guessed from folders or the file's modification time.
    pub warnings: Vec<String>,
    /// The headings that named no kind (their sections kept as written): said in a note of the
    /// report's own, or counted across a batch.
    pub unmapped: Unmapped,
}

/// Imports Markdown reports; holds the zh template used to check what it recognises.
pub struct Importer {
    renderer: Renderer,
    rule: WeekNumbering,
    date: Option<Date>,
    headings: Vec<(String, Kind)>,
}

/// The header found at the top of a report.
struct Header {
    date: Date,
    created: Option<DateTime>,
    title: Option<String>,
    blocks: usize,
    end: usize,
}

impl Importer {
    /// An importer for the given week numbering; `date` is used for reports that give none.
    pub fn new(rule: WeekNumbering, date: Option<Date>) -> Result<Importer> {
        let renderer = Renderer::new(
            Settings::default(),
            templates::choose("zh")?,
            rule,
            view::Options::default(),
        )?;
        Ok(Importer {
            renderer,
            rule,
            date,
            headings: Vec::new(),
        })
    }

    /// A team's own headings and the kinds they announce (`[import.headings]`), read before
    /// the built-in vocabulary.
    pub fn with_headings(mut self, headings: Vec<(String, Kind)>) -> Importer {
        self.headings = headings;
        self
    }

    /// Imports one Markdown report (its date from the report, its path, or `--date`).
    pub fn import(&self, source: &Source) -> Result<Imported> {
        self.import_modified(source, None)
    }

    /// Imports one Markdown report whose file was last modified on `modified`: the date of
    /// last resort, with a warning.
    pub fn import_modified(&self, source: &Source, modified: Option<Date>) -> Result<Imported> {
        let text = source.text.replace("\r\n", "\n").replace('\r', "\n");
        let events = read::events(&text);
        let mut blocks = read::blocks(&events, text.len());
        let front = front_matter_end(&text);
        bold::mark(&text, &events, &mut blocks[..], front);
        let header = self.header(&text, &events, &blocks).filter(|_| front == 0);
        let printed = header.as_ref().is_some_and(|h| self.prints(h, &text));
        let dated = match &header {
            Some(h) => dating::Dated {
                date: h.date.0,
                end: None,
                warning: None,
                note: None,
            },
            None => {
                let clues = dating::Clues {
                    text: &text,
                    front,
                    headings: headings(&text, &events, &blocks, front),
                    name: &source.name,
                    given: self.date.map(|d| d.0),
                    modified: modified.map(|d| d.0),
                };
                dating::find(&clues).map_err(anyhow::Error::msg)?
            }
        };
        let date = Date(dated.date);
        let (first, start) = match &header {
            Some(h) if printed => (h.blocks, h.end),
            _ => (0, 0),
        };
        let notes: Vec<Note> = dated
            .note
            .iter()
            .map(|(line, message)| Note {
                line: *line,
                message: message.clone(),
            })
            .collect();
        let segs = segments(&blocks, (first, start), front, text.len());
        let meeting =
            meeting::filed(&source.name) || meeting::held(&text, &events, &blocks, &self.headings);
        let titled = progress::titled(&text, &events, &blocks, front).filter(|_| !meeting);
        let doc = agenda::Doc {
            text: &text,
            events: &events,
            blocks: &blocks,
            own: &self.headings,
            meeting,
            progress: titled.as_ref().map(|t| t.level),
        };
        let notes: Vec<Note> = notes.into_iter().chain(titled.map(|t| t.note())).collect();
        let checks = Checks::new(date, &text);
        let (sections, notes) = loop {
            let mut these = notes.clone();
            let read = self.sections(&doc, &segs, &checks, &mut these);
            if self.answer(&checks) {
                break (read, these);
            }
        };
        let sections = people::join(sections);
        let (created, title) = match header {
            Some(h) if printed => (h.created, h.title),
            _ => (None, None),
        };
        let week = Week {
            week: self.number(date),
            date: At::new(date),
            period_end: dated.end.map(Date),
            created,
            title,
            author: None,
            header: printed,
            sections,
        };
        let unmapped = unknown::unmapped(&text, &week.sections, &self.headings, meeting);
        let done = match self.verify(&week, source, &text) {
            Ok(done) => Ok(Imported {
                notes,
                unmapped,
                ..done
            }),
            Err(_) => self.whole(&text, read::ends_open(&blocks, text.len()), &week, source),
        };
        done.map(|d| Imported {
            warnings: dated.warning.into_iter().collect(),
            ..d
        })
    }

    /// The week number the YAML keeps: none under the default rule (it is derived), the
    /// number under another, so that `render` without the flag prints it or refuses, naming
    /// the rule, rather than printing another number.
    fn number(&self, date: Date) -> Option<Fact<At<u32>>> {
        (self.rule != WeekNumbering::default())
            .then(|| Fact::given(At::new(self.rule.week_of(date.0).1)))
    }

    /// The reference header: `# 第44周 2023-10-24`, `Created: …`, `# 第44周 2023/10/24`.
    fn header(&self, text: &str, events: &[Spanned<'_>], blocks: &[Block]) -> Option<Header> {
        let first = blocks.first().filter(|b| b.heading == Some(1))?;
        let (title, date) = title_date(&heading_text(text, events, first)?)?;
        let mut header = Header {
            date,
            created: None,
            title: None,
            blocks: 1,
            end: first.range.end,
        };
        if let Some(b) = blocks.get(1)
            && let Some(created) = created(read::slice(text, b.range.clone()))
        {
            header.created = Some(created);
            header.blocks = 2;
            header.end = b.range.end;
        }
        if let Some(b) = blocks.get(header.blocks).filter(|b| b.heading == Some(1))
            && heading_text(text, events, b).and_then(|t| title_date(&t))
                == Some((title.clone(), date))
        {
            header.blocks += 1;
            header.end = b.range.end;
        }
        let derived = format!("第{}周", self.rule.week_of(date.0).1);
        header.title = (title != derived).then_some(title);
        Some(header)
    }

    /// Whether the template prints `header` as the report wrote it.
    fn prints(&self, header: &Header, text: &str) -> bool {
        self.renders_as(
            header.date,
            Some(header),
            Vec::new(),
            read::slice(text, 0..header.end),
        )
    }

    /// The sections of the segments, each read as data when it renders back as written (a
    /// reading of the report: see [`Checks`]).
    fn sections<'t>(
        &self,
        doc: &agenda::Doc<'t, '_>,
        segs: &[Segment],
        checks: &Checks<'t>,
        notes: &mut Vec<Note>,
    ) -> Vec<Section> {
        checks.reading();
        let mut sections = Vec::new();
        let mut i = 0;
        while i < segs.len() {
            let spanning = || self.spanning(doc, &segs[i..], checks);
            if let Some((found, used)) = checks.spanning(i, spanning) {
                sections.extend(found);
                i += used;
                continue;
            }
            let section = |notes: &mut _| self.section(doc, &segs[i], checks, notes);
            sections.extend(checks.section(i, notes, section));
            i += 1;
        }
        sections
    }

    /// The section spanning several segments the first of `segs` starts (an agenda with a
    /// heading per topic, per-group updates), checked, and how many segments it takes.
    fn spanning<'t>(
        &self,
        doc: &agenda::Doc<'t, '_>,
        segs: &[Segment],
        checks: &Checks<'t>,
    ) -> Option<(Vec<Section>, usize)> {
        let date = checks.date();
        let text = doc.text;
        let checked = |(mut v, used): (Vec<Section>, usize)| {
            v.iter_mut().for_each(|s| s.derive(date.0));
            let region = segs[0].region.start..segs[used - 1].region.end;
            self.renders_back(checks, v.clone(), read::slice(text, region))
                .then_some((v, used))
        };
        agenda::read(doc, segs)
            .map(|(s, used)| (vec![s], used))
            .and_then(checked)
            .or_else(|| groups::read(doc, segs).find_map(checked))
    }

    /// One section: recognised and checked, else raw with its heading, else raw as written.
    fn section<'t>(
        &self,
        doc: &agenda::Doc<'t, '_>,
        seg: &Segment,
        checks: &Checks<'t>,
        notes: &mut Vec<Note>,
    ) -> Vec<Section> {
        let date = checks.date();
        let (text, events, blocks) = (doc.text, doc.events, doc.blocks);
        let region = read::slice(text, seg.region.clone());
        let open = seg.region.end >= text.len() && read::ends_open(blocks, text.len());
        let Some(h) = seg.heading.map(|i| &blocks[i]) else {
            let raw = read::trim_blank_lines_at_end(region, open);
            return (!raw.is_empty())
                .then(|| Section::new(Body::Raw(raw.to_string())))
                .into_iter()
                .collect();
        };
        let level = h.heading.unwrap_or(2);
        let style = |v: Vec<Section>| styled(v, h.bold);
        // the sections, styled and derived, when they render back as the region
        let checked = |v: Vec<Section>| {
            let mut v = style(v);
            v.iter_mut().for_each(|s| s.derive(date.0));
            self.renders_back(checks, v.clone(), region).then_some(v)
        };
        let body_text =
            read::trim_blank_lines_at_end(read::slice(text, h.range.end..seg.region.end), open);
        if let Some(heading) = heading_text(text, events, h) {
            let body_blocks = &blocks[seg.body.clone()];
            let body_events = match (body_blocks.first(), body_blocks.last()) {
                (Some(a), Some(b)) => &events[a.events.start..b.events.end],
                _ => &[],
            };
            let input = kinds::Input {
                text,
                events: body_events,
                body: body_text,
                own: kinds::own_kind(&heading, &self.headings).is_some(),
            };
            let clean = clean_gaps(text, h, body_blocks, seg.region.end);
            let under = people::Under {
                text,
                events,
                blocks: body_blocks,
                end: seg.region.end,
                open,
            };
            let titled = people::Heading {
                text: heading.clone(),
                level,
            };
            let found = people::headed(&titled, &under)
                .map(|s| vec![s])
                .or_else(|| people::sections(&titled, &under));
            if clean
                && let Some(found) = found
                && let Some(found) = checked(found)
            {
                return found;
            }
            let announced = kinds::announced_in(&heading, doc.own, doc.meeting).or_else(|| {
                let at = seg.heading?;
                week_summary(text, events, blocks, at).then(|| kinds::Announced {
                    kind: Kind::KeyWork,
                    name: None,
                    heading: Some(heading.clone()),
                })
            });
            let mut tries = vec![(Kind::List, None, Some(heading.clone()))];
            for guess in risks::GUESSES {
                tries.insert(0, (guess, Some(heading.as_str()), Some(heading.clone())));
            }
            // a heading as vague as `Notes` or `备注` yields to a shape that says more (a
            // list of `[Risk]` lines, header fields)
            if let Some(a) = &announced {
                let at = if a.kind == Kind::Other {
                    risks::GUESSES.len()
                } else {
                    0
                };
                tries.insert(at, (a.kind, a.name.as_deref(), a.heading.clone()));
            }
            for &(kind, name, ref kept) in tries.iter().filter(|_| clean) {
                let Some((mut body, layout)) = kinds::body(kind, name, &input) else {
                    continue;
                };
                let layout = titles::split(&mut body, layout);
                let s = Section {
                    heading: kept.clone(),
                    level: (level != kinds::default_level(kind)).then_some(level),
                    body,
                    layout,
                    pos: Default::default(),
                };
                if let Some(found) = checked(vec![s]) {
                    return found;
                }
            }
            if let Some(a) = announced.as_ref().filter(|_| clean)
                && let Some(found) = around::sections(
                    &titled,
                    a.heading.as_deref(),
                    a.kind,
                    a.name.as_deref(),
                    &under,
                )
                && let Some(found) = checked(found)
            {
                return found;
            }
            for (kind, name, kept) in tries.iter().filter(|_| clean) {
                if let Some(found) = around::ruled(&titled, kept.as_deref(), *kind, *name, &under)
                    && let Some(found) = checked(found)
                {
                    return found;
                }
            }
            if clean
                && let Some(found) = around::table(&titled, &under)
                && let Some(found) = checked(found)
            {
                return found;
            }
            if clean
                && let Some(found) = around::fields(&titled, &under)
                && let Some(found) = checked(found)
            {
                return found;
            }
            // what follows the fields is kept as written: only the list need be clean
            let lead_clean = body_blocks
                .first()
                .is_some_and(|b| clean_gaps(text, h, std::slice::from_ref(b), b.range.end));
            if lead_clean
                && let Some(found) = header::leading(&titled, &under)
                && let Some(found) = checked(found)
            {
                return found;
            }
            if let Some(a) = &announced {
                notes.push(Note {
                    line: yaml::line_col(text, h.range.start).0,
                    message: crate::msg!(
                        "import-kept-raw",
                        heading = heading.as_str(),
                        kind = a.kind.key()
                    ),
                });
            }
            // What the template prints for a raw section, checked without rendering it.
            let shown = body_text.strip_suffix('\n').unwrap_or(body_text);
            let line = match h.bold {
                Some(b) => b.line(&heading),
                None => format!("{} {heading}", "#".repeat(level.into())),
            };
            let printed = format!("{line}\n\n{shown}\n");
            if markdown::normalized(&printed) == markdown::normalized(region) {
                return style(vec![Section {
                    heading: Some(heading),
                    level: (level != 2).then_some(level),
                    body: Body::Raw(body_text.to_string()),
                    layout: None,
                    pos: Default::default(),
                }]);
            }
        }
        vec![Section::new(Body::Raw(
            read::trim_blank_lines_at_end(region, open).to_string(),
        ))]
    }
}

/// `sections` with the first one's heading written as a bold paragraph, when `bold` says so.
fn styled(mut sections: Vec<Section>, bold: Option<HeadingStyle>) -> Vec<Section> {
    if let (Some(style), Some(first)) = (bold, sections.first_mut()) {
        let more = Layout {
            heading_style: Some(style),
            ..Layout::default()
        };
        first.layout = Layout::and(first.layout, more);
    }
    sections
}
