//! Folding several files for the same week into one (a head's file and team leads' files):
//! the header from the first file, sections matched by kind, items appended in file order (a
//! later file's author becoming the owner of its items),
//! metrics merged by name with conflicting values refused. With `people`, a team member's key
//! work, next week and open risks become their update in one `people` section instead.

mod people;

use std::collections::HashMap;

use crate::dates::WeekNumbering;
use crate::diag::Diagnostic;
use crate::key;
use crate::quantity::Quantity;
use crate::week::{Body, Fact, Metric, MetricGroup, MetricLine, Metrics, Objective, Section, Week};
use crate::yaml::{Pos, Source};

/// One input file: its source (for error snippets) and its week, parsed once and derived. The
/// merged week is written with [`Week::as_written`], so derived facts stay out of it.
#[derive(Clone, Debug)]
pub struct Part {
    /// The file.
    pub source: Source,
    /// The week it holds.
    pub week: Week,
}

/// Reads one file to merge: checked as a week (the week number against the date, with a help
/// line when the date is missing: it is how files of other weeks are caught), kept as written.
pub fn read(name: &str, max_size: u64, rule: WeekNumbering) -> anyhow::Result<Part> {
    let source = crate::input::read(name, max_size)?;
    let week = Week::from_source(&source, rule).map_err(|d| {
        if d.message == "the key `date` is missing" {
            d.with_help(
                "every file needs the week's `date:`: it is how files of other weeks are caught",
            )
        } else {
            d
        }
    })?;
    Ok(Part { source, week })
}

/// Merges `parts` in order into one week, or returns every problem found: files for another
/// week than the first's, and metrics given two different values.
pub fn merge(parts: &[Part], rule: WeekNumbering) -> Result<Week, Vec<Diagnostic>> {
    merge_with(parts, rule, false)
}

/// As [`merge`]; with `as_people`, each file that names its `author` (the first too) gives its
/// key work, next week and open risks as that author's done, next and blocked in one `people`
/// section (see `merge/people.rs`).
pub fn merge_with(
    parts: &[Part],
    rule: WeekNumbering,
    as_people: bool,
) -> Result<Week, Vec<Diagnostic>> {
    let Some((first, rest)) = parts.split_first() else {
        return Err(Vec::new());
    };
    let errors = other_weeks(first, rest, rule);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut week = first.week.clone();
    if as_people && let Some(person) = people::split(&mut week) {
        people::place(&mut week, person);
    }
    let mut merger = Merger {
        week,
        seen: HashMap::new(),
        errors: Vec::new(),
        as_people,
    };
    merger.index(first);
    for part in rest {
        merger.add(part);
    }
    if merger.errors.is_empty() {
        Ok(merger.week)
    } else {
        Err(merger.errors)
    }
}

/// An error at the date of each part that is not for the first part's week.
fn other_weeks(first: &Part, rest: &[Part], rule: WeekNumbering) -> Vec<Diagnostic> {
    let (year, number) = rule.week_of(first.week.day());
    rest.iter()
        .filter_map(|part| {
            let (y, n) = rule.week_of(part.week.day());
            ((y, n) != (year, number)).then(|| {
                let msg = format!(
                    "{} is for week {n} of {y} ({}), but {} is for week {number} of {year} ({})",
                    part.source.name, part.week.date, first.source.name, first.week.date
                );
                part.source
                    .error_at(part.week.date.pos, msg)
                    .with_label("another week")
                    .with_help("merge only files of one week; the first file names the week")
            })
        })
        .collect()
}

/// Where a metric was first given, and its value there.
struct Seen {
    file: String,
    pos: Pos,
    value: Option<Quantity>,
    /// The source line, quoted in a conflict.
    line: String,
}

impl Seen {
    fn shown(&self) -> String {
        self.value
            .as_ref()
            .map_or_else(String::new, Quantity::shown)
    }
}

struct Merger {
    week: Week,
    seen: HashMap<String, Seen>,
    errors: Vec<Diagnostic>,
    as_people: bool,
}

impl Merger {
    /// Records the first file's metrics; two values for one name there are a conflict too.
    fn index(&mut self, part: &Part) {
        for section in &part.week.sections {
            let Body::Metrics(metrics) = &section.body else {
                continue;
            };
            for line in metrics.0.iter().flat_map(|g| &g.lines) {
                for m in &line.metrics {
                    self.check(m, line.pos, &part.source);
                }
            }
        }
    }

    /// Folds one more file in, section by section.
    fn add(&mut self, part: &Part) {
        let mut own = part.week.clone();
        if self.as_people
            && let Some(person) = people::split(&mut own)
        {
            people::place(&mut self.week, person);
        }
        let week = attributed(&own, self.week.author());
        for section in &week.sections {
            match self.find(section) {
                Some(at) => self.fold(at, section, &part.source),
                None => self.insert(section, &part.source),
            }
        }
    }

    /// The merged section that `section` belongs to.
    fn find(&self, section: &Section) -> Option<usize> {
        self.week
            .sections
            .iter()
            .position(|s| same_slot(s, section))
    }

    /// Adds a section the merged week does not have yet, where the report's order puts it:
    /// after the last section of its kind or of a kind that comes before it (a new objective
    /// after the last objective, incidents after the objectives, a list before 收获与反思,
    /// 下周工作及目标 and 日报合集).
    fn insert(&mut self, section: &Section, source: &Source) {
        let rank = section.body.kind().row().order;
        let at = self
            .week
            .sections
            .iter()
            .rposition(|s| s.body.kind().row().order <= rank)
            .map_or(0, |i| i + 1);
        if let Body::Metrics(metrics) = &section.body {
            let empty = Section {
                body: Body::Metrics(Metrics::default()),
                ..section.clone()
            };
            self.week.sections.insert(at, empty);
            self.fold_metrics(at, metrics, source);
        } else {
            self.week.sections.insert(at, section.clone());
        }
    }

    /// Appends the content of `section` to the merged section at `at`.
    fn fold(&mut self, at: usize, section: &Section, source: &Source) {
        if let Body::Metrics(metrics) = &section.body {
            return self.fold_metrics(at, metrics, source);
        }
        let into = &mut self.week.sections[at].body;
        match (into, &section.body) {
            (Body::Objective(a), Body::Objective(b)) => {
                a.items.extend(b.items.iter().cloned());
                a.incidents.extend(b.incidents.iter().cloned());
            }
            (Body::Incidents(a), Body::Incidents(b)) => a.extend(b.iter().cloned()),
            (Body::Daily(a), Body::Daily(b)) => a.extend(b.iter().cloned()),
            (Body::Risks(a), Body::Risks(b)) => a.append(b),
            (Body::Table(a), Body::Table(b)) => {
                a.rows.extend(b.rows.iter().cloned());
                a.derive();
            }
            (Body::People(a), Body::People(b)) => a.extend(b.iter().cloned()),
            (Body::Agenda(a), Body::Agenda(b)) => {
                match (&mut a.intro, &b.intro) {
                    (Some(x), Some(y)) => join_text(x, y),
                    (x @ None, y) => *x = y.clone(),
                    _ => {}
                }
                a.topics.extend(b.topics.iter().cloned());
            }
            (Body::Reflection(a), Body::Reflection(b))
            | (Body::Text(a), Body::Text(b))
            | (Body::Raw(a), Body::Raw(b)) => join_text(a, b),
            (into, from) => {
                if let (Some(a), Some(b)) = (into.items_mut(), from.items()) {
                    a.extend(b.iter().cloned());
                }
            }
        }
    }

    /// Appends the metric lines that add something, group by group (matched by label).
    fn fold_metrics(&mut self, at: usize, from: &Metrics, source: &Source) {
        let mut groups = Vec::new();
        for group in &from.0 {
            let lines: Vec<MetricLine> = group
                .lines
                .iter()
                .filter_map(|l| self.new_part(l, source))
                .collect();
            if !lines.is_empty() {
                groups.push(MetricGroup {
                    label: group.label.clone(),
                    lines,
                });
            }
        }
        let Body::Metrics(into) = &mut self.week.sections[at].body else {
            return;
        };
        for group in groups {
            let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
                (Some(a), Some(b)) => key::same(a.trim(), b.trim()),
                (a, b) => a == b,
            };
            match into.0.iter_mut().find(|g| same(&g.label, &group.label)) {
                Some(g) => g.lines.extend(group.lines),
                None => into.0.push(group),
            }
        }
    }

    /// What a line adds: all of it, the metrics not known yet (as a structured line), or
    /// nothing. A line of text with no metric in it is kept as is.
    fn new_part(&mut self, line: &MetricLine, source: &Source) -> Option<MetricLine> {
        if line.metrics.is_empty() {
            return Some(line.clone());
        }
        let kept: Vec<Metric> = line
            .metrics
            .iter()
            .filter(|m| self.check(m, line.pos, source))
            .cloned()
            .collect();
        if kept.len() == line.metrics.len() {
            Some(line.clone())
        } else if kept.is_empty() {
            None
        } else {
            Some(MetricLine {
                text: None,
                metrics: kept,
                pos: line.pos,
            })
        }
    }

    /// Records a metric; true when it is new. The same value again adds nothing; a value for
    /// a metric known without one fills it in; another value is a conflict, recorded as an error.
    fn check(&mut self, m: &Metric, pos: Pos, source: &Source) -> bool {
        let Some(seen) = self.seen.get(key::key(&m.name).as_ref()) else {
            self.remember(m, pos, source);
            return true;
        };
        match (&seen.value, &m.value()) {
            (_, None) => false,
            (None, Some(_)) => {
                fill(&mut self.week, m);
                self.remember(m, pos, source);
                false
            }
            (Some(a), Some(b)) if a.same_as(b) => false,
            (Some(_), Some(b)) => {
                let msg = format!(
                    "metric `{}` is {} here, but {} in {}:{}",
                    m.name,
                    b.shown(),
                    seen.shown(),
                    seen.file,
                    seen.pos.line
                );
                let at = format!("{}:{}:{}", seen.file, seen.pos.line, seen.pos.col);
                let mut diag = source
                    .error_at(pos, msg)
                    .with_label(format!("conflicts with {at}"));
                if !seen.line.is_empty() {
                    diag = diag.with_help(format!("{at} reads `{}`", seen.line));
                }
                self.errors.push(
                    diag.with_help("a metric has one value a week: correct or remove one of them"),
                );
                false
            }
        }
    }

    fn remember(&mut self, m: &Metric, pos: Pos, source: &Source) {
        let seen = Seen {
            file: source.name.clone(),
            pos,
            value: m.value(),
            line: source_line(source, pos),
        };
        self.seen.insert(key::key(&m.name).into_owned(), seen);
    }
}

/// Whether two sections are one slot of the report: objectives by id (else by name), lists,
/// prose and raw Markdown by heading, every other kind by kind alone.
/// `week` with its author as the owner of each item that has none, given or read from the
/// text, when that author is not the merged week's own: who contributed what survives a merge.
fn attributed(week: &Week, merged_author: Option<&str>) -> Week {
    let mut week = week.clone();
    let Some(author) = week
        .author()
        .map(str::to_string)
        .filter(|a| Some(a.as_str()) != merged_author)
    else {
        return week;
    };
    for section in &mut week.sections {
        for item in section.body.items_mut().into_iter().flatten() {
            if item.owner().is_none() {
                item.owner = Some(Fact::given(author.clone()));
            }
        }
        if let Body::Risks(r) = &mut section.body
            && r.table.is_none()
        {
            for risk in r.items.iter_mut().filter(|r| r.owner().is_none()) {
                risk.owner = Some(Fact::given(author.clone()));
            }
        }
    }
    week
}

fn same_slot(a: &Section, b: &Section) -> bool {
    let heading = |s: &Section| {
        s.heading
            .as_deref()
            .map(|h| key::key(h.trim()).into_owned())
    };
    match (&a.body, &b.body) {
        (Body::Objective(x), Body::Objective(y)) => same_objective(x, y),
        (Body::List(_), Body::List(_))
        | (Body::Text(_), Body::Text(_))
        | (Body::Raw(_), Body::Raw(_)) => heading(a).is_some() && heading(a) == heading(b),
        (Body::Agenda(_), Body::Agenda(_)) => heading(a) == heading(b),
        (Body::Table(x), Body::Table(y)) => x.columns == y.columns && heading(a) == heading(b),
        (Body::Risks(x), Body::Risks(y)) => x.same_form(y),
        (x, y) => x.kind() == y.kind(),
    }
}

fn same_objective(a: &Objective, b: &Objective) -> bool {
    match (a.id(), b.id()) {
        (Some(x), Some(y)) => key::key(x).eq_ignore_ascii_case(&key::key(y)),
        _ => key::same(a.name.trim(), b.name.trim()),
    }
}

/// Gives the metrics named like `m` that have no value yet the value of `m` (and its unit and
/// target where they have none).
fn fill(week: &mut Week, m: &Metric) {
    for section in &mut week.sections {
        let Body::Metrics(metrics) = &mut section.body else {
            continue;
        };
        let lines = metrics.0.iter_mut().flat_map(|g| &mut g.lines);
        for known in lines.flat_map(|l| &mut l.metrics) {
            if key::same(&known.name, &m.name) && known.value.is_none() {
                known.value = m.value();
                if known.target.is_none() {
                    known.target = m.target();
                }
            }
        }
    }
}

/// The text of the line at `pos`, trimmed; empty when the position is unknown.
fn source_line(source: &Source, pos: Pos) -> String {
    let line = pos
        .line
        .checked_sub(1)
        .and_then(|i| source.text.lines().nth(i));
    line.map_or_else(String::new, |l| l.trim().to_string())
}

/// Two pieces of Markdown, separated by a blank line.
fn join_text(into: &mut String, more: &str) {
    let kept = into.trim_end().len();
    into.truncate(kept);
    into.push_str("\n\n");
    into.push_str(more);
}
