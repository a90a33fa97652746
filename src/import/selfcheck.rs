//! The importer's self-check: a week, or some sections, rendered through the zh template and
//! compared with the Markdown they came from (normalised events); the candidates of a reading
//! of the report rendered together ([`Checks`]); the report kept whole as one raw section when
//! the week does not come back the same.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use pulldown_cmark::Event;

use super::{Header, Imported, Importer, Note, Unmapped, read};
use crate::dates::Date;
use crate::markdown;
use crate::week::{Body, Fact, Section, Week};
use crate::yaml::{self, At, Source};

impl Importer {
    /// The fallback: the report kept whole as one raw section (`open`: it ends inside a block
    /// that runs to its end).
    pub(super) fn whole(
        &self,
        text: &str,
        open: bool,
        parts: &Week,
        source: &Source,
    ) -> Result<Imported> {
        let week = Week {
            week: self.number(parts.date.value),
            date: parts.date.clone(),
            period_end: parts.period_end,
            created: None,
            title: None,
            author: None,
            header: false,
            sections: vec![Section::new(Body::Raw(
                read::trim_blank_lines_at_end(text, open).to_string(),
            ))],
        };
        let mut done = self.verify(&week, source, text).with_context(|| {
            format!(
                "{}: the imported week does not render back to the report",
                source.name
            )
        })?;
        done.notes.push(Note {
            line: 1,
            message: crate::msg!("import-kept-whole"),
        });
        Ok(done)
    }

    /// Writes the week as YAML, reads it back, renders it and compares with the source's text
    /// (`text`: its line endings made `\n`, as the sections were read; a raw HTML block keeps
    /// its line endings in the comparison, so the source's `\r\n` would never match).
    pub(super) fn verify(&self, week: &Week, source: &Source, text: &str) -> Result<Imported> {
        let yaml = yaml::to_string(week)?;
        let name = format!("{} (imported)", source.name);
        let back = Source::new(&name, yaml.clone().into_bytes(), u64::MAX)?;
        let week = Week::from_source(&back, self.rule)?;
        let md = self.renderer.markdown(&week)?;
        // the same bytes are the same document: parsing both would only say so again
        if md != text && markdown::normalized(&md) != markdown::normalized(text) {
            bail!("{}: the rendered week differs from the report", source.name);
        }
        Ok(Imported {
            yaml,
            week,
            notes: Vec::new(),
            warnings: Vec::new(),
            unmapped: Unmapped::default(),
        })
    }

    /// Whether `sections` (and the header, when given) render to the same Markdown as `want`.
    pub(super) fn renders_as(
        &self,
        date: Date,
        header: Option<&Header>,
        sections: Vec<Section>,
        want: &str,
    ) -> bool {
        let week = Week {
            week: Some(Fact::computed(At::new(self.rule.week_of(date.0).1))),
            date: At::new(date),
            period_end: None,
            created: header.and_then(|h| h.created),
            title: header.and_then(|h| h.title.clone()),
            author: None,
            header: header.is_some(),
            sections,
        };
        self.renderer
            .markdown(&week)
            .is_ok_and(|md| markdown::normalized(&md) == markdown::normalized(want))
    }
}

/// What one import has learnt of its candidates (sections read from a part of the report):
/// whether each renders back as the Markdown it was read from.
///
/// A reading of the report asks about its candidates as it goes; one it has no answer for yet
/// is taken to render back and noted, and the reading goes on. The noted candidates are then
/// rendered together, in a few template runs rather than one each ([`Importer::answer`]), and
/// the report is read again until a reading used only answers that hold. That reading is the
/// one the sequential check (render each candidate when it is asked) would make.
pub(super) struct Checks<'t> {
    date: Date,
    state: RefCell<State<'t>>,
    /// What a segment gave, spanning several (by the first one's index), when its reading
    /// rested only on known answers: the next reading takes it as it is.
    spans: Memo<Option<(Vec<Section>, usize)>>,
    /// The same for a segment read on its own, with the notes its reading made.
    parts: Memo<(Vec<Section>, Vec<Note>)>,
}

/// What the reading of a segment gave, by the segment's index.
type Memo<T> = RefCell<HashMap<usize, T>>;

#[derive(Default)]
struct State<'t> {
    /// The answers, by the Markdown the candidates were read from.
    known: HashMap<&'t str, Vec<(Vec<Section>, bool)>>,
    /// The candidates of this reading that have no answer yet, taken to render back.
    asked: Vec<(&'t str, Vec<Section>)>,
    /// The Markdown of each part asked about, normalised once.
    wants: HashMap<&'t str, Vec<Event<'static>>>,
    /// Answers taken to be yes, in all readings so far.
    assumed: usize,
    /// Readings made so far.
    readings: usize,
    /// Whether candidates are gathered (else each is rendered when asked).
    gather: bool,
}

/// Readings that may gather candidates; after them each candidate is rendered when asked, so a
/// report whose parts fail candidate after candidate is not read over and over.
const READINGS: usize = 4;

/// The most Markdown (of the parts they were read from) whose candidates are rendered in one
/// template run, so that a run takes about as long as a report's render and stays far within
/// the render deadline (a candidate over it is rendered on its own, as before).
const BATCH: usize = 64 * 1024;

/// The raw section put before each candidate of a gathered run, to cut its output apart: a
/// private-use character no template prints, and gathering is off for a report that holds it.
const CUT: &str = "\u{F8FF}weekly self-check\u{F8FF}";

impl<'t> Checks<'t> {
    /// The checks of one report of the given date (`text`: its Markdown).
    pub(super) fn new(date: Date, text: &str) -> Checks<'t> {
        let state = State {
            gather: !text.contains(CUT),
            ..State::default()
        };
        Checks {
            date,
            state: RefCell::new(state),
            spans: RefCell::default(),
            parts: RefCell::default(),
        }
    }

    /// The report's date.
    pub(super) fn date(&self) -> Date {
        self.date
    }

    /// What `read` gives for the section spanning segments from the `i`th, read once it rests
    /// only on known answers.
    pub(super) fn spanning(
        &self,
        i: usize,
        read: impl FnOnce() -> Option<(Vec<Section>, usize)>,
    ) -> Option<(Vec<Section>, usize)> {
        self.settled(&self.spans, i, read)
    }

    /// What `read` gives for the `i`th segment (its notes added to `notes`), read once it rests
    /// only on known answers.
    pub(super) fn section(
        &self,
        i: usize,
        notes: &mut Vec<Note>,
        read: impl FnOnce(&mut Vec<Note>) -> Vec<Section>,
    ) -> Vec<Section> {
        let (sections, made) = self.settled(&self.parts, i, || {
            let mut made = Vec::new();
            (read(&mut made), made)
        });
        notes.extend(made);
        sections
    }

    fn settled<T: Clone>(&self, memo: &Memo<T>, i: usize, read: impl FnOnce() -> T) -> T {
        if let Some(t) = memo.borrow().get(&i) {
            return t.clone();
        }
        let assumed = self.state.borrow().assumed;
        let t = read();
        if self.state.borrow().assumed == assumed {
            memo.borrow_mut().insert(i, t.clone());
        }
        t
    }

    /// Starts a reading of the report.
    pub(super) fn reading(&self) {
        let mut state = self.state.borrow_mut();
        state.readings += 1;
        state.gather &= state.readings <= READINGS;
    }
}

impl Importer {
    /// Whether `sections` render to the same Markdown as `want`, a part of the report: the
    /// answer known, or (while gathering) taken to be yes until [`Importer::answer`] renders it.
    pub(super) fn renders_back<'t>(
        &self,
        checks: &Checks<'t>,
        sections: Vec<Section>,
        want: &'t str,
    ) -> bool {
        let mut state = checks.state.borrow_mut();
        let known = state.known.get(want).into_iter().flatten();
        if let Some((_, same)) = known.into_iter().find(|(s, _)| *s == sections) {
            return *same;
        }
        if state.gather {
            // a candidate asked twice in a reading is only rendered twice
            state.assumed += 1;
            state.asked.push((want, sections));
            return true;
        }
        let md = self
            .renderer
            .markdown(&self.part(checks.date, sections.clone()));
        let same = md.is_ok_and(|md| alike(&mut state, &md, want));
        state.known.entry(want).or_default().push((sections, same));
        same
    }

    /// Renders the candidates the last reading asked about and records the answers: whether
    /// all rendered back, so that the reading stands as it is.
    pub(super) fn answer(&self, checks: &Checks<'_>) -> bool {
        let mut state = checks.state.borrow_mut();
        let asked = std::mem::take(&mut state.asked);
        let mut all = true;
        for chunk in batches(&asked) {
            let rendered = self.together(checks.date, chunk).unwrap_or_else(|| {
                let one = |(_, s): &(&str, Vec<Section>)| {
                    self.renderer
                        .markdown(&self.part(checks.date, s.clone()))
                        .ok()
                };
                chunk.iter().map(one).collect()
            });
            for ((want, sections), md) in chunk.iter().zip(rendered) {
                let same = md.is_some_and(|md| alike(&mut state, &md, want));
                all &= same;
                state
                    .known
                    .entry(want)
                    .or_default()
                    .push((sections.clone(), same));
            }
        }
        all
    }

    /// Each candidate's Markdown from one template run over all of them, a [`CUT`] section
    /// before each; none when the run fails or its output is not cut as expected. The report
    /// template prints a week's sections one after the other, a blank line between them, each
    /// from its own section alone, so a candidate's part of the run is what it renders alone
    /// (the test `together_is_each_alone` holds the template to that).
    fn together(&self, date: Date, chunk: &[(&str, Vec<Section>)]) -> Option<Vec<Option<String>>> {
        let cut = Section::new(Body::Raw(CUT.to_string()));
        let sections = chunk
            .iter()
            .flat_map(|(_, s)| std::iter::once(cut.clone()).chain(s.iter().cloned()))
            .collect();
        let md = self.renderer.markdown(&self.part(date, sections)).ok()?;
        let mut parts = md.split(CUT);
        if parts.next() != Some("") {
            return None;
        }
        let parts: Vec<&str> = parts.collect();
        if parts.len() != chunk.len() {
            return None;
        }
        let last = parts.len() - 1;
        let each = parts.iter().enumerate().map(|(i, p)| {
            let p = p.strip_prefix("\n\n")?;
            let p = if i < last { p.strip_suffix('\n')? } else { p };
            Some(Some(p.to_string()))
        });
        each.collect()
    }

    /// A week of the given date that holds only `sections`, without the header.
    fn part(&self, date: Date, sections: Vec<Section>) -> Week {
        Week {
            week: Some(Fact::computed(At::new(self.rule.week_of(date.0).1))),
            date: At::new(date),
            period_end: None,
            created: None,
            title: None,
            author: None,
            header: false,
            sections,
        }
    }
}

/// `asked` cut into runs of at most [`BATCH`] bytes of Markdown (or one candidate).
fn batches<'a, 't>(asked: &'a [(&'t str, Vec<Section>)]) -> Vec<&'a [(&'t str, Vec<Section>)]> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (want, _)) in asked.iter().enumerate() {
        if i > start && bytes + want.len() > BATCH {
            runs.push(&asked[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += want.len();
    }
    if start < asked.len() {
        runs.push(&asked[start..]);
    }
    runs
}

/// Whether `md` is the same Markdown as `want` (the same bytes, else the same normalised
/// events; `want` is normalised once per import).
fn alike<'t>(state: &mut State<'t>, md: &str, want: &'t str) -> bool {
    md == want
        || *state
            .wants
            .entry(want)
            .or_insert_with(|| markdown::normalized(want))
            == markdown::normalized(md)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::WeekNumbering;

    /// The sections of the examples and of every imported fixture (each alone, and each week's
    /// all together as one candidate) rendered one by one and in one run cut at the [`CUT`]
    /// sections: the same Markdown, to the byte.
    #[test]
    fn together_is_each_alone() {
        let importer = Importer::new(WeekNumbering::default(), None).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut weeks = Vec::new();
        for name in ["examples/week44.yaml", "examples/week-en.yaml"] {
            let source = Source::new(name, std::fs::read(root.join(name)).unwrap(), u64::MAX);
            weeks.push(Week::from_source(&source.unwrap(), WeekNumbering::default()).unwrap());
        }
        let dir = root.join("tests/fixtures/import");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                let bytes = std::fs::read(&path).unwrap();
                let source = Source::new(&path.to_string_lossy(), bytes, u64::MAX).unwrap();
                weeks.push(importer.import(&source).unwrap().week);
            }
        }
        let mut sections: Vec<&str> = Vec::new();
        for week in &weeks {
            let date = week.date.value;
            let mut chunk: Vec<(&str, Vec<Section>)> = week
                .sections
                .iter()
                .map(|s| ("", vec![s.clone()]))
                .collect();
            chunk.push(("", week.sections.clone()));
            let together = importer.together(date, &chunk).unwrap();
            for ((_, s), md) in chunk.iter().zip(together) {
                let alone = importer.renderer.markdown(&importer.part(date, s.clone()));
                assert_eq!(md.unwrap(), alone.unwrap(), "{s:?}");
                sections.extend(s.iter().map(|s| s.body.kind().key()));
            }
        }
        sections.sort_unstable();
        sections.dedup();
        assert!(sections.len() >= 10, "kinds covered: {sections:?}");
    }

    /// A report that holds the text cutting gathered runs apart is checked one candidate at a
    /// time, and what renders back is still data.
    #[test]
    fn a_report_holding_the_cut_is_checked_alone() {
        let date = Date(chrono::NaiveDate::from_ymd_opt(2023, 10, 24).unwrap());
        let importer = Importer::new(WeekNumbering::default(), Some(date)).unwrap();
        let md = format!("## 本周重点工作\n\n- 支付\n\n## 其他\n\n- {CUT}\n");
        let source = Source::new("cut.md", md.into_bytes(), u64::MAX).unwrap();
        assert!(!Checks::new(date, &source.text).state.borrow().gather);
        let week = importer.import(&source).unwrap().week;
        let kinds: Vec<_> = week.sections.iter().map(|s| s.body.kind().key()).collect();
        assert_eq!(kinds, ["key_work", "other"]);
    }

    /// Candidates go into runs of at most [`BATCH`] bytes of Markdown; a larger one alone.
    #[test]
    fn batches_hold_at_most_their_bytes() {
        let small = "x".repeat(BATCH / 2);
        let big = "x".repeat(BATCH + 1);
        let asked: Vec<(&str, Vec<Section>)> = [&small, &small, &small, &big, &small]
            .iter()
            .map(|w| (w.as_str(), Vec::new()))
            .collect();
        let lens: Vec<usize> = batches(&asked).iter().map(|b| b.len()).collect();
        assert_eq!(lens, [2, 1, 1, 1]);
    }
}
