//! Scaffolding: next week's file from last week's, its file name, and the daily notes it links.
//!
//! Last week's plans become this week's key work; objectives, lists and metrics carry over with
//! last week's progress and values kept as the previous ones; incidents, other matters,
//! reflection and plans start empty, as commented-out samples the author can fill in.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Part;
use crate::dates::{Date, DateTime, WeekNumbering};
use crate::extract;
use crate::week::kinds;
use crate::week::{
    Body, Fact, Item, Kind, Link, Metric, MetricGroup, MetricLine, Metrics, Objective, Section,
    Week,
};
use crate::yaml::{self, At, Source};

mod marks;

use marks::without_numbers;
pub use marks::{FROM_COMMENT, PLACEHOLDER, placeholder_at, recorded_from};

/// What a new week is made from besides last week.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The report's date.
    pub date: NaiveDate,
    /// The author, when configured.
    pub author: Option<String>,
    /// Daily-report links gathered for the week.
    pub daily: Vec<Link>,
}

/// A place in the new week: a section with content, or a commented-out sample of one.
#[derive(Clone, Debug)]
pub enum Slot {
    /// A section written as YAML.
    Section(Section),
    /// A section the author may fill in, written as a YAML comment.
    Sample(Section),
    /// Sample incidents under the objective before, written as a YAML comment.
    ObjectiveIncidents,
}

/// The new week: its header and its sections, some as samples.
#[derive(Clone, Debug)]
pub struct Scaffold {
    /// The week (its sections are the real ones, without samples).
    pub week: Week,
    /// Every slot in order.
    pub slots: Vec<Slot>,
}

/// Builds the new week from last week's (as parsed and derived), or from nothing. What is
/// carried over is what the author wrote; facts read from last week's text are not written
/// out as given, except progress, which becomes `previous_progress`.
pub fn build(last: Option<&Week>, plan: &Plan) -> Scaffold {
    let slots = match last {
        Some(last) => carry_over(last, plan),
        None => fresh(plan),
    };
    let week = Week {
        week: None,
        date: At::new(Date(plan.date)),
        period_end: None,
        created: None,
        title: None,
        header: true,
        author: plan
            .author
            .clone()
            .or_else(|| last.and_then(|l| l.author.clone())),
        sections: slots
            .iter()
            .filter_map(|s| match s {
                Slot::Section(s) => Some(s.clone()),
                Slot::Sample(_) | Slot::ObjectiveIncidents => None,
            })
            .collect(),
    };
    Scaffold { week, slots }
}

/// The slots of a first week: samples in the reference's order, then the daily links.
fn fresh(plan: &Plan) -> Vec<Slot> {
    let mut slots: Vec<Slot> = kinds::ROWS
        .iter()
        .filter(|row| row.fresh)
        .map(|row| Slot::Sample(sample(row.kind, None, None, "O1 …")))
        .collect();
    if !plan.daily.is_empty() {
        slots.push(Slot::Section(Section::new(Body::Daily(plan.daily.clone()))));
    }
    slots
}

/// The slots carried over from last week, in last week's order.
fn carry_over(last: &Week, plan: &Plan) -> Vec<Slot> {
    let plans: Vec<Item> = last
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::NextWeek(items) => Some(items.iter().map(plan_to_work)),
            _ => None,
        })
        .flatten()
        .collect();
    let mut plans = Some(plans).filter(|p| !p.is_empty());
    let mut daily_placed = false;
    let mut slots = Vec::new();
    for s in &last.sections {
        if !last.header && names_day(s.heading.as_deref(), last.day()) {
            continue;
        }
        let body = match &s.body {
            Body::KeyWork(_) => plans.take().map(Body::KeyWork),
            Body::Metrics(m) => Some(Body::Metrics(carry_metrics(m))),
            Body::Objective(o) => Some(Body::Objective(Objective {
                name: o.name.clone(),
                items: o.items.iter().map(carry_item).collect(),
                incidents: Vec::new(),
            })),
            Body::Risks(r) => Some(Body::Risks(r.carried())),
            Body::Table(t) => Some(Body::Table(t.without_numbers())),
            Body::People(people) => {
                Some(Body::People(people.iter().map(|p| p.carried()).collect()))
            }
            Body::Daily(_) if daily_placed => continue,
            Body::Daily(_) => {
                daily_placed = true;
                if plan.daily.is_empty() {
                    continue;
                }
                Some(Body::Daily(plan.daily.clone()))
            }
            body if body.kind().row().carries => Some(carry_body(body)),
            _ => None,
        };
        let name = match &s.body {
            Body::Objective(o) => o.name.as_str(),
            _ => "",
        };
        match body.filter(|b| !b.is_empty()) {
            Some(body) => {
                let with_incidents =
                    matches!(&s.body, Body::Objective(o) if !o.incidents.is_empty());
                slots.push(Slot::Section(Section {
                    heading: s.heading.clone(),
                    level: s.level,
                    body,
                    layout: s.layout,
                    pos: Default::default(),
                }));
                if with_incidents {
                    slots.push(Slot::ObjectiveIncidents);
                }
            }
            None => slots.push(Slot::Sample(sample(
                s.body.kind(),
                s.heading.clone(),
                s.level,
                name,
            ))),
        }
    }
    if let Some(plans) = plans {
        let work = Section::new(Body::KeyWork(plans));
        slots.insert(0, Slot::Section(work));
    }
    if !daily_placed && !plan.daily.is_empty() {
        slots.push(Slot::Section(Section::new(Body::Daily(plan.daily.clone()))));
    }
    slots
}

/// A plan of last week as a key-work item of this week: its text becomes the title.
/// Whether a heading holds `day` (`2023-10-24`, `2023/10/24`, `2023.10.24`, `2023年10月24日`):
/// in a week without the template's header (`header: false`, as `import` writes a report whose
/// header the template cannot print as written) such a section is last week's own title block,
/// which this week must not repeat.
fn names_day(heading: Option<&str>, day: NaiveDate) -> bool {
    let Some(heading) = heading else {
        return false;
    };
    let heading: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
    [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y.%m.%d",
        "%Y年%m月%d日",
        "%Y年%-m月%-d日",
    ]
    .iter()
    .any(|f| heading.contains(&day.format(f).to_string()))
}

fn plan_to_work(item: &Item) -> Item {
    let mut work = item.as_written();
    if work.title.is_none() {
        work.title = work.text.take();
    }
    work
}

/// An item carried over as written: text kept, progress (given or read from the text) moved
/// to previous.
fn carry_item(item: &Item) -> Item {
    Item {
        progress: None,
        previous_progress: item.progress(),
        points: item.points.iter().map(carry_item).collect(),
        pos: Default::default(),
        ..item.as_written()
    }
}

/// A body of a kind that carries over as it is, its items' progress becoming the previous one.
fn carry_body(body: &Body) -> Body {
    let mut body = body.clone();
    if let Some(items) = body.items_mut() {
        *items = items.iter().map(carry_item).collect();
    }
    body
}

/// Metrics carried over: names, units and targets kept, last week's value as the previous one.
fn carry_metrics(m: &Metrics) -> Metrics {
    let carry = |m: &Metric| {
        let mut next = Metric {
            value: None,
            previous: m.value.clone(),
            stated_change: None,
            ..m.clone()
        };
        // As written, unless its unit came from a value that is not carried over.
        if next.unit() != m.unit() {
            next.previous = m.value();
        }
        next
    };
    let groups = m.0.iter().map(|g| MetricGroup {
        label: g.label.clone(),
        lines: g
            .lines
            .iter()
            .map(|l| MetricLine {
                text: l
                    .text
                    .as_deref()
                    .filter(|_| l.metrics.is_empty())
                    .map(without_numbers),
                metrics: l.metrics.iter().map(carry).collect(),
                pos: Default::default(),
            })
            .collect(),
    });
    Metrics(groups.filter(|g| !g.lines.is_empty()).collect())
}

/// A sample section of a kind, shown commented out for the author to fill in.
fn sample(kind: Kind, heading: Option<String>, level: Option<u8>, name: &str) -> Section {
    Section {
        heading,
        level,
        body: (kind.row().sample)(name),
        layout: None,
        pos: Default::default(),
    }
}

/// The header fields of a new week, in the order a person writes them.
#[derive(Serialize)]
struct Header<'a> {
    date: &'a At<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
}

/// The YAML text of a scaffold, with a `yaml-language-server` line when `schema` is given and
/// a [`FROM_COMMENT`] when it was carried over `from` a file.
pub fn to_yaml(scaffold: &Scaffold, schema: Option<&str>, from: Option<&str>) -> Result<String> {
    let week = &scaffold.week;
    let mut out = String::new();
    if let Some(schema) = schema {
        out.push_str(&format!("# yaml-language-server: $schema={schema}\n"));
    }
    if let Some(from) = from {
        out.push_str(&format!("{FROM_COMMENT}{from}\n"));
    }
    out.push_str(&yaml::to_string(&Header {
        date: &week.date,
        created: week.created.as_ref(),
        title: week.title.as_deref(),
        author: week.author.as_deref(),
    })?);
    if week.sections.is_empty() {
        out.push_str("sections: # uncomment the sections you fill in (the lines starting `# -`)\n");
    } else {
        out.push_str("sections:\n");
    }
    for slot in &scaffold.slots {
        match slot {
            Slot::Section(s) => out.push_str(&yaml::to_string(&[s])?),
            Slot::Sample(s) => out.push_str(&commented(&yaml::to_string(&[s])?, "# ")),
            Slot::ObjectiveIncidents => {
                let sample = Section::new(Body::Incidents(vec![kinds::incident_sample()]));
                out.push_str(&commented(&yaml::to_string(&sample)?, "  # "));
            }
        }
    }
    Ok(out)
}

fn commented(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}").trim_end().to_string() + "\n")
        .collect()
}

/// Reads the scaffold's text back as a week, proving it parses (a failure is a bug here).
pub fn read_back(name: &str, text: &str, rule: WeekNumbering) -> Result<Week> {
    let source = Source::new(name, text.as_bytes().to_vec(), yaml::DEFAULT_MAX_SIZE)?;
    Week::from_source(&source, rule)
        .map_err(anyhow::Error::new)
        .context("the new week does not read back (a bug in weekly: please report it)")
}

/// The file name of the week of `date` under a pattern.
pub fn file_name(parts: &[Part], date: NaiveDate, rule: WeekNumbering) -> String {
    let (year, week) = rule.week_of(date);
    parts
        .iter()
        .map(|p| match p {
            Part::Literal(t) => t.clone(),
            Part::Year => year.to_string(),
            Part::Week => format!("{week:02}"),
            Part::Date => Date(date).to_string(),
        })
        .collect()
}

/// The (year, week) a file name names under a pattern, if it matches.
fn week_of_name(parts: &[Part], name: &str, rule: WeekNumbering) -> Option<(i32, u32)> {
    let (mut year, mut week, mut rest) = (None, None, name);
    for part in parts {
        match part {
            Part::Literal(t) => rest = rest.strip_prefix(t.as_str())?,
            Part::Year | Part::Week => {
                let n = rest.chars().take_while(char::is_ascii_digit).count();
                let digits = &rest[..n];
                rest = &rest[n..];
                if *part == Part::Year {
                    year = Some(digits.parse().ok()?);
                } else {
                    week = Some(digits.parse().ok()?);
                }
            }
            Part::Date => {
                let date = extract::leading_date(rest)?;
                rest = &rest[10..];
                let (y, w) = rule.week_of(date);
                year = year.or(Some(y));
                week = week.or(Some(w));
            }
        }
    }
    if !rest.is_empty() {
        return None;
    }
    Some((year.unwrap_or(0), week?))
}

/// The newest report in `dir` named by the pattern whose week is before the week of `date`.
pub fn newest_before(
    dir: &Path,
    parts: &[Part],
    date: NaiveDate,
    rule: WeekNumbering,
) -> Result<Option<PathBuf>> {
    let this = rule.week_of(date);
    if !dir.is_dir() {
        return Ok(None);
    }
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let mut best: Option<((i32, u32), PathBuf)> = None;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(key) = week_of_name(parts, &name, rule) else {
            continue;
        };
        if key < this && best.as_ref().is_none_or(|(b, _)| key > *b) && entry.path().is_file() {
            best = Some((key, entry.path()));
        }
    }
    Ok(best.map(|(_, p)| p))
}

/// Links to the daily notes in `dir` whose names start with a date in the week of `date`,
/// in name order, each relative to `base` (the new file's folder).
pub fn daily_links(
    dir: &Path,
    date: NaiveDate,
    rule: WeekNumbering,
    base: &Path,
) -> Result<Vec<Link>> {
    let this = rule.week_of(date);
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the daily notes folder {}", dir.display()))?;
    let mut found: Vec<(String, NaiveDate, PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let day = extract::leading_date(&name)?;
            (rule.week_of(day) == this && !name.starts_with('.')).then(|| (name, day, e.path()))
        })
        .collect();
    found.sort();
    Ok(found
        .into_iter()
        .map(|(name, day, path)| {
            let href = pathdiff::diff_paths(&path, base)
                .map_or(name, |p| p.to_string_lossy().replace('\\', "/"));
            let date = (extract::leading_date(&href) != Some(day)).then_some(Date(day));
            Link {
                href,
                title: None,
                date: date.map(Fact::given),
                pos: Default::default(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::pattern_parts;

    fn d(s: &str) -> NaiveDate {
        s.parse::<Date>().unwrap().0
    }

    #[test]
    fn file_names_round_trip_through_the_pattern() {
        let parts = pattern_parts("{year}-W{week}.yaml").unwrap();
        let rule = WeekNumbering::Jan1;
        assert_eq!(file_name(&parts, d("2023-10-31"), rule), "2023-W45.yaml");
        assert_eq!(file_name(&parts, d("2023-01-03"), rule), "2023-W02.yaml");
        assert_eq!(
            week_of_name(&parts, "2023-W45.yaml", rule),
            Some((2023, 45))
        );
        assert_eq!(week_of_name(&parts, "2023-W45.yaml~", rule), None);
        let dated = pattern_parts("week-{date}.yaml").unwrap();
        assert_eq!(
            week_of_name(&dated, "week-2023-10-24.yaml", rule),
            Some((2023, 44))
        );
    }

    #[test]
    fn progress_read_from_text_becomes_previous() {
        let mut item = Item::text("联调测试进行中，进度75%，预计11/10上线");
        item.derive(d("2023-10-24"));
        let carried = carry_item(&item);
        assert_eq!(
            (carried.progress, carried.previous_progress, carried.due),
            (None, Some(75), None)
        );
        assert_eq!(carried.text, item.text);
    }
}
