//! Lints: checks on a parsed week that point at its YAML lines, each with a kebab-case code.
//!
//! [`lint`] returns warnings. The one coded error, `week-date-mismatch`, is raised by the week
//! model while parsing (a report cannot be rendered with it); it is documented here with the
//! lints so that `weekly check --explain` knows every code.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic, Severity};

mod agenda;
mod lines;
mod lints;
mod positions;
mod unfilled;

use crate::incident::{self, Impact};
use crate::msg;
use crate::week::{
    Better, Body, Directions, Incident, Item, Lacks, Metric, MetricLine, Risk, Section, Status,
    WORSE_PP, WORSE_RELATIVE, Week,
};
use crate::yaml::{Pos, Source};
pub use lints::{LINTS, Lint, find};
use positions::metric_positions;

/// What the lints need besides the week.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    /// Which way a metric is better where it does not say (the config's `[metrics]` table).
    pub directions: &'a Directions,
    /// Today: from the report's date on, an unfilled week is reported (`metric-without-value`,
    /// `placeholder-left`, `item-unchanged-from-last-week`).
    pub today: NaiveDate,
    /// The week this one was carried over from, as `weekly new` recorded it, when it reads.
    pub last: Option<(&'a str, &'a Week)>,
}

/// Runs every lint on `week`, parsed from `source`, and returns the warnings in source order.
pub fn lint(week: &Week, source: &Source, settings: &Settings) -> Vec<Diagnostic> {
    let reached = settings.today >= week.day();
    let mut cx = Cx {
        source,
        directions: settings.directions,
        day: week.day(),
        reached,
        last: settings.last.map(|(_, w)| w),
        out: Vec::new(),
    };
    for section in &week.sections {
        cx.section(section);
    }
    cx.incident_counts(week);
    if reached {
        cx.placeholders();
        if let Some(last) = settings.last {
            cx.unchanged_items(week, last);
        }
    }
    let mut out = cx.out;
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// What the lints share while walking one week.
struct Cx<'a> {
    source: &'a Source,
    directions: &'a Directions,
    day: NaiveDate,
    /// Whether the report's date is reached (today is on or after it).
    reached: bool,
    /// The week this one was carried over from.
    last: Option<&'a Week>,
    out: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn warn(&mut self, pos: Pos, code: Code, message: String) -> &mut Diagnostic {
        let mut diag = self.source.error_at(pos, message);
        diag.severity = Severity::Warning;
        diag.code = Some(code);
        self.out.push(diag);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn section(&mut self, section: &Section) {
        if section.body.is_empty() {
            let d = self.warn(
                section.pos,
                Code::EmptySection,
                msg!("empty-section", what = section_name(section)),
            );
            d.label = msg!("empty-section-label");
            d.help.push(msg!("empty-section-help"));
        }
        for item in section.body.items().unwrap_or_default() {
            self.item(item);
        }
        match &section.body {
            Body::Objective(o) => {
                for item in &o.items {
                    self.outcome(item);
                }
                o.incidents.iter().for_each(|i| self.incident(i));
            }
            Body::Incidents(list) => list.iter().for_each(|i| self.incident(i)),
            Body::Risks(r) => r.open().for_each(|risk| self.risk(risk, section.pos)),
            Body::Table(t) => t.metrics.iter().for_each(|m| self.metric(m, section.pos)),
            Body::People(people) => people
                .iter()
                .flat_map(|p| p.items())
                .for_each(|i| self.item(i)),
            Body::Metrics(m) => {
                for line in m.0.iter().flat_map(|g| &g.lines) {
                    self.metric_line(line);
                }
            }
            Body::Agenda(a) => self.agenda(section, a),
            _ => {}
        }
    }

    /// `progress-regressed` and `overdue`, on an item and its points.
    fn item(&mut self, item: &Item) {
        if let (Some(now), Some(before)) = (item.progress(), item.previous_progress)
            && now < before
        {
            let d = self.warn(
                item.pos,
                Code::ProgressRegressed,
                msg!(
                    "progress-regressed",
                    before = before.to_string(),
                    now = now.to_string()
                ),
            );
            d.label = msg!("progress-regressed-label", before = before.to_string());
            d.help.push(msg!("progress-regressed-help"));
        }
        if let Some(due) = item.due
            && due.value.0 < self.day
            && is_open(item)
            && (!due.in_text() || plans_the_date(&item.full_text()))
        {
            let d = self.warn(
                item.pos,
                Code::Overdue,
                msg!(
                    "overdue",
                    due = due.value.to_string(),
                    day = self.day.to_string()
                ),
            );
            d.label = msg!("overdue-label", due = due.value.to_string());
            d.help.push(msg!("overdue-help"));
        }
        for point in &item.points {
            self.item(point);
        }
    }

    /// `item-without-outcome`, on an objective's item.
    fn outcome(&mut self, item: &Item) {
        if has_outcome(item) {
            return;
        }
        let d = self.warn(
            item.pos,
            Code::ItemWithoutOutcome,
            msg!("item-without-outcome", item = item.key()),
        );
        d.label = msg!("item-without-outcome-label");
        d.help.push(msg!("item-without-outcome-help"));
    }

    /// `risk-incomplete`: an open risk without owner or mitigation (located at its section when
    /// it is a row of a table).
    fn risk(&mut self, risk: &Risk, section: Pos) {
        let text = risk.text.clone();
        let (message, label) = match risk.lacks() {
            None => return,
            Some(Lacks::Both) => (
                msg!("risk-no-owner-no-mitigation", text = text),
                msg!("risk-no-owner-no-mitigation-label"),
            ),
            Some(Lacks::Owner) => (
                msg!("risk-no-owner", text = text),
                msg!("risk-no-owner-label"),
            ),
            Some(Lacks::Mitigation) => (
                msg!("risk-no-mitigation", text = text),
                msg!("risk-no-mitigation-label"),
            ),
        };
        let pos = if risk.pos == Pos::default() {
            section
        } else {
            risk.pos
        };
        let d = self.warn(pos, Code::RiskIncomplete, message);
        d.label = label;
        d.help.push(msg!("risk-incomplete-help"));
    }

    /// `incident-incomplete`.
    fn incident(&mut self, incident: &Incident) {
        let level = incident.severity().is_some();
        let message = match (incident.impact(), level) {
            (Impact::Unknown, false) => msg!("incident-no-impact-no-level"),
            (Impact::Unknown, true) => msg!("incident-no-impact"),
            (Impact::Some, false) => msg!("incident-no-level"),
            _ => return,
        };
        let d = self.warn(incident.pos, Code::IncidentIncomplete, message);
        d.label = msg!("incident-incomplete-label");
        d.help.push(msg!("incident-incomplete-help"));
    }

    /// `metric-line-not-read`, `metric-without-value`, `metric-change-disagrees`,
    /// `metric-below-target`, `metric-worse-than-previous` and `metric-unit-changed`.
    fn metric_line(&mut self, line: &MetricLine) {
        self.not_read(line);
        let places = metric_positions(self.source, line);
        for (m, &pos) in line.metrics.iter().zip(&places) {
            self.metric(m, pos);
        }
    }

    /// The lints of one metric, at `pos` (a table's are located at their section).
    fn metric(&mut self, m: &Metric, pos: Pos) {
        let Some(value) = m.shown() else {
            return self.without_value(m, pos);
        };
        self.unit_changed(m, &value, pos);
        self.change_disagrees(m, &value, pos);
        if m.misses_target(self.directions)
            && let (Some(target), Some(better)) = (m.target(), m.better(self.directions))
        {
            let side = match better {
                Better::Higher => "below",
                Better::Lower => "above",
            };
            let target = target.shown();
            let d = self.warn(
                pos,
                Code::MetricBelowTarget,
                msg!(
                    "metric-below-target",
                    metric = &m.name,
                    value = value.as_str(),
                    side = side,
                    target = target.as_str()
                ),
            );
            d.label = msg!("metric-below-target-label", target = target);
            d.help.push(msg!("metric-below-target-help"));
        }
        if m.worse_than_previous(self.directions)
            && let (Some(previous), Some(change)) = (m.previous(), m.change())
        {
            let d = self.warn(
                pos,
                Code::MetricWorseThanPrevious,
                msg!(
                    "metric-worse-than-previous",
                    metric = &m.name,
                    previous = previous.shown(),
                    value = value.as_str(),
                    change = change.to_string()
                ),
            );
            d.label = msg!("metric-worse-than-previous-label");
            d.help.push(msg!(
                "metric-worse-than-previous-help",
                pp = WORSE_PP.to_string(),
                relative = (WORSE_RELATIVE * Decimal::ONE_HUNDRED)
                    .normalize()
                    .to_string()
            ));
        }
    }

    /// `metric-unit-changed`: a target or last week's value that cannot be compared.
    fn unit_changed(&mut self, m: &Metric, value: &str, pos: Pos) {
        for (field, other) in m.incomparable() {
            let other = other.shown();
            let d = self.warn(
                pos,
                Code::MetricUnitChanged,
                msg!(
                    "metric-unit-changed",
                    metric = &m.name,
                    value = value,
                    field = field,
                    other = other.as_str()
                ),
            );
            d.label = msg!("metric-unit-changed-label", field = field, other = other);
            d.help.push(msg!(
                "metric-unit-changed-help",
                field = field,
                value = value
            ));
        }
    }

    /// `incident-count-mismatch`: counts by level against the incidents listed.
    fn incident_counts(&mut self, week: &Week) {
        let incidents: Vec<&Incident> = week.incidents().collect();
        let unlevelled = incidents.iter().filter(|i| i.severity().is_none()).count();
        for line in metric_lines(week) {
            let places = metric_positions(self.source, line);
            for (m, &pos) in line.metrics.iter().zip(&places) {
                let (Some(level), Some(value)) = (count_level(m), m.value()) else {
                    continue;
                };
                let listed = incidents
                    .iter()
                    .filter(|i| i.severity().is_some_and(|l| level_matches(level, &l)))
                    .count();
                if value.value == Decimal::from(listed) {
                    continue;
                }
                let d = self.warn(
                    pos,
                    Code::IncidentCountMismatch,
                    msg!(
                        "incident-count-mismatch",
                        metric = &m.name,
                        stated = value.shown(),
                        listed = listed,
                        level = level
                    ),
                );
                d.label = msg!("incident-count-mismatch-label", listed = listed);
                d.help.push(if unlevelled > 0 {
                    msg!("incident-count-mismatch-unlevelled", count = unlevelled)
                } else {
                    msg!("incident-count-mismatch-help")
                });
            }
        }
    }
}

/// Every metric line of the week.
fn metric_lines(week: &Week) -> impl Iterator<Item = &MetricLine> {
    week.sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Metrics(m) => Some(m),
            _ => None,
        })
        .flat_map(|m| m.0.iter().flat_map(|g| &g.lines))
}

/// How a section is named in messages: its heading, an objective's name, or its kind.
fn section_name(section: &Section) -> String {
    match (&section.heading, &section.body) {
        (Some(h), _) => msg!("section-named", name = h),
        (None, Body::Objective(o)) => msg!("objective-named", name = &o.name),
        (None, body) => msg!("section-named", name = body.kind().key()),
    }
}

/// Neither done nor dropped.
fn is_open(item: &Item) -> bool {
    !matches!(item.status(), Some(Status::Done | Status::Dropped))
}

/// True when the text presents its date as a plan, not as something that happened.
fn plans_the_date(text: &str) -> bool {
    const DONE: [&str; 6] = ["已上线", "已完成", "已投产", "已发布", "已交付", "已提测"];
    ["预计", "计划"].iter().any(|w| text.contains(w)) && !DONE.iter().any(|w| text.contains(w))
}

/// Progress, a due date, a result or a measured number, here or in a point.
fn has_outcome(item: &Item) -> bool {
    let text = item.full_text();
    item.progress.is_some()
        || item.due.is_some()
        || matches!(item.status(), Some(Status::Done | Status::Dropped))
        || states_result(&text)
        || states_measure(&text)
        || item.points.iter().any(has_outcome)
}

/// A clause stating that something was achieved, and not as a plan.
fn states_result(text: &str) -> bool {
    const RESULT: [&str; 16] = [
        "完成",
        "上线",
        "投产",
        "交付",
        "发布",
        "落地",
        "验收",
        "结项",
        "成功",
        "打通",
        "done",
        "shipped",
        "launched",
        "released",
        "completed",
        "finished",
    ];
    const PLAN: [&str; 13] = [
        "计划", "预计", "预期", "待", "下周", "下月", "近期", "即将", "争取", "将于", "plan",
        "will", "expected",
    ];
    text.split(['，', ',', '；', ';', '。', '\n'])
        .map(str::to_lowercase)
        .any(|c| RESULT.iter().any(|w| c.contains(w)) && !PLAN.iter().any(|w| c.contains(w)))
}

/// A number with a unit of measure: 60%, 297台, 656分, 2笔.
fn states_measure(text: &str) -> bool {
    const UNITS: [&str; 22] = [
        "%", "pp", "个", "台", "笔", "次", "分", "家", "项", "人", "条", "万", "亿", "元", "倍",
        "ms", "秒", "天", "户", "单", "套", "件",
    ];
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let after = &rest[start..];
        let len = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        let tail = &after[len..];
        if UNITS.iter().any(|u| tail.starts_with(u)) {
            return true;
        }
        rest = tail;
    }
    false
}

/// The level a metric counts incidents of: `CD` for `事故数CD级`.
fn count_level(m: &Metric) -> Option<&str> {
    let counts_incidents = ["事故", "故障", "incident", "Incident"]
        .iter()
        .any(|w| m.name.contains(w));
    if !counts_incidents || !m.name.ends_with('级') {
        return None;
    }
    incident::level_before_ji(&m.name)
}

/// An incident level counts toward a stated level when equal, or one of its letters.
fn level_matches(stated: &str, incident: &str) -> bool {
    stated.eq_ignore_ascii_case(incident)
        || (incident.len() == 1
            && stated.chars().all(|c| c.is_ascii_alphabetic())
            && stated.to_uppercase().contains(incident))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for l in LINTS {
            assert!(seen.insert(l.code), "{} twice", l.code);
            assert!(
                l.code
                    .as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                l.code
            );
        }
    }

    #[test]
    fn results_and_measures_in_text() {
        assert!(states_result("方案研发完成；数据打通方面存在卡点"));
        assert!(!states_result("近期启动研发，计划下月上线"));
        assert!(!states_result("研发进行中"));
        assert!(states_measure("健康分整体656分，中心排名第5。"));
        assert!(states_measure("完成297台服务器初始化"));
        assert!(!states_measure("D+1出表，2024年度预算，11月份"));
    }

    #[test]
    fn levels_match_counts() {
        assert!(level_matches("AB", "A"));
        assert!(level_matches("CD", "cd"));
        assert!(!level_matches("AB", "CD"));
        assert!(!level_matches("P0", "P"));
    }
}
