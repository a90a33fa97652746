//! Lints: checks on a parsed week that point at its YAML lines, each with a kebab-case code.
//!
//! [`lint`] returns warnings. The one coded error, `week-date-mismatch`, is raised by the week
//! model while parsing (a report cannot be rendered with it); it is documented here with the
//! lints so that `weekly check --explain` knows every code.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Severity};
use crate::extract::{self, Number};
use crate::incident::{self, Impact};
use crate::view;
use crate::week::{
    Better, Body, Incident, Item, Metric, MetricLine, Section, Status, WEEK_DATE_MISMATCH, Week,
};
use crate::yaml::{Pos, Source};

/// A check: its code, how serious it is, a one-line summary and the `--explain` paragraph.
#[derive(Debug)]
pub struct Lint {
    /// The kebab-case code printed in brackets: `warning[overdue]`.
    pub code: &'static str,
    /// Warning for lints; error for what stops a report from rendering.
    pub severity: Severity,
    /// What the check finds, in one line (the README table).
    pub summary: &'static str,
    /// What `weekly check --explain CODE` prints.
    pub explanation: &'static str,
}

/// A metric in percent is worse than last week when it moved the wrong way by more than this
/// many percentage points.
pub const WORSE_PP: f64 = 0.01;

/// A metric in any other unit is worse than last week when it moved the wrong way by more than
/// this fraction of last week's value (any worsening when last week's value was 0).
pub const WORSE_RELATIVE: f64 = 0.05;

/// Every code `weekly check` can print, in the order of the README table.
pub const LINTS: &[Lint] = &[
    Lint {
        code: "item-without-outcome",
        severity: Severity::Warning,
        summary: "an objective's item reports work but no progress, metric, due date or result",
        explanation: "An item under an objective (a project serving O1, O2, ...) says what was \
worked on but not where it stands: it has no progress (`progress:` or 进度70% in the text), no due \
date (`due:` or 预计11/10上线), no result (`status: done`, or a clause stating 完成, 上线, 投产, \
交付, 发布, 落地, 验收, 结项, 成功 or 打通 that is not a plan such as 计划/预计/待/下周), and no \
measured number (60%, 297台, 656分, 2笔, ...). A numbered point carrying any of these counts for \
its item. Reports that list work items without their effect on the objective's metrics are hard \
to judge; say what changed.",
    },
    Lint {
        code: "progress-regressed",
        severity: Severity::Warning,
        summary: "progress is lower than last week's progress",
        explanation: "An item's `progress` is lower than its `previous_progress` (which `weekly \
new` carries over from last week). Progress going backwards usually means the scope grew or the \
number was wrong; say which in a `note:`, or correct the number.",
    },
    Lint {
        code: "overdue",
        severity: Severity::Warning,
        summary: "a due date before the report date, and the item is not done",
        explanation: "An item's due date is before the report's `date:` and its `status` is \
neither `done` nor `dropped`. A due date given as `due:` always counts; one read from the text \
(11/9上线) counts only when the text calls it a plan (预计, 计划) and does not say it already \
happened (已上线, 已完成, ...). Mark the item `status: done`, or give the new date.",
    },
    Lint {
        code: "metric-below-target",
        severity: Severity::Warning,
        summary: "a metric is worse than its target",
        explanation: "A metric's value is worse than its `target:`: lower for a metric where \
higher is better, higher where lower is better (`better: lower`, or by default a name \
mentioning 事故, 故障, 延迟, 耗时, 错误, incident, latency or error). Explain the gap in the \
report, or correct the target.",
    },
    Lint {
        code: "metric-worse-than-previous",
        severity: Severity::Warning,
        summary: "a metric moved the wrong way since last week, beyond a threshold",
        explanation: "A metric's value is worse than its `previous:` value (last week's) by more \
than the threshold: 0.01 percentage points for a metric in %, otherwise 5% of last week's \
value (any worsening when last week's value was 0). The direction that is good follows the \
metric's `better:`. Explain the change in the report.",
    },
    Lint {
        code: "incident-incomplete",
        severity: Severity::Warning,
        summary: "an incident states no impact, or hurt the business and has no level",
        explanation: "An incident says neither what it did to the business (`impact:`, or text \
stating an effect: 影响, 导致, 造成, 不可用, 中断, affected, impact, outage, unavailable, failed \
for, degraded ...) nor, when it did affect the business, its severity (`level:` such as CD, P2 \
or SEV1, or a level in the text: CD级, P0-P4, SEV-1, Sev 2, severity 3, or S1-S4 beside a word \
such as incident or 事故). An incident whose impact is none (`impact: 无` or `none`, or text such \
as 对业务无影响, 未对业务产生影响, no business impact, did not affect users) needs no level. \
Write the incident as a mapping with `time:`, `text:`, `impact:` and `level:`.",
    },
    Lint {
        code: "incident-count-mismatch",
        severity: Severity::Warning,
        summary: "a stated incident count by level differs from the incidents listed",
        explanation: "A metric counting incidents by level, such as the line 事故数AB级0次，CD级1次 \
(read as the metrics 事故数AB级 = 0 and 事故数CD级 = 1), does not match the number of incidents \
listed in the week with that level. A count is a metric whose name mentions 事故, 故障 or \
incident and ends in a level followed by 级. An incident's `level:` (or a level such as CD级 in \
its text) matches a count when it equals the count's level, or is one of its letters: `A` and \
`B` count toward AB级, `CD` and `C` toward CD级. Incidents without a level count toward none.",
    },
    Lint {
        code: WEEK_DATE_MISMATCH,
        severity: Severity::Error,
        summary: "`week:` contradicts `date:` (an error: the report does not render)",
        explanation: "The file gives a `week:` number that is not the week of its `date:` under \
the week-numbering rule in force (`jan1` by default: week 1 holds January 1 and weeks start on \
Monday; or `iso`). This is an error, not a warning: `render` refuses the file too. Correct the \
number, leave `week:` out to derive it, or choose the rule with `--week-numbering`.",
    },
    Lint {
        code: "empty-section",
        severity: Severity::Warning,
        summary: "a section has no content",
        explanation: "A section has nothing in it: no items, metric lines, incidents, links or \
text (an objective with neither items nor incidents). It renders as a bare heading. Fill it in \
or remove it.",
    },
];

/// The lint with this code.
pub fn find(code: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.code == code)
}

/// Runs every lint on `week`, parsed from `source`, and returns the warnings in source order.
pub fn lint(week: &Week, source: &Source) -> Vec<Diagnostic> {
    let mut cx = Cx {
        source,
        day: week.day(),
        out: Vec::new(),
    };
    for section in &week.sections {
        cx.section(section);
    }
    cx.incident_counts(week);
    let mut out = cx.out;
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// What the lints share while walking one week.
struct Cx<'a> {
    source: &'a Source,
    day: NaiveDate,
    out: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn warn(&mut self, pos: Pos, code: &str, message: String) -> &mut Diagnostic {
        let mut diag = self.source.error_at(pos, message);
        diag.severity = Severity::Warning;
        diag.code = Some(code.to_string());
        self.out.push(diag);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn section(&mut self, section: &Section) {
        if is_empty(&section.body) {
            let d = self.warn(
                section.pos,
                "empty-section",
                format!("{} is empty", section_name(section)),
            );
            d.label = "nothing under this".into();
            d.help.push("fill it in, or remove the section".into());
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
            Body::Metrics(m) => {
                for line in m.0.iter().flat_map(|g| &g.lines) {
                    self.metric_line(line);
                }
            }
            _ => {}
        }
    }

    /// `progress-regressed` and `overdue`, on an item and its points.
    fn item(&mut self, item: &Item) {
        if let (Some(now), Some(before)) = (item.progress, item.previous_progress)
            && now < before
        {
            let d = self.warn(
                item.pos,
                "progress-regressed",
                format!("progress fell from {before}% last week to {now}%"),
            );
            d.label = format!("was {before}% last week");
            d.help.push(
                "if the scope grew, say so in a `note:`; otherwise correct `progress`".into(),
            );
        }
        if let Some(due) = item.due
            && due.0 < self.day
            && is_open(item)
            && (due_is_given(item, self.day) || plans_the_date(&item.full_text()))
        {
            let d = self.warn(
                item.pos,
                "overdue",
                format!(
                    "due {} is before the report date {} and the item is not done",
                    due, self.day
                ),
            );
            d.label = format!("due {due}");
            d.help
                .push("mark it `status: done`, or give the new date in `due:`".into());
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
            "item-without-outcome",
            format!(
                "`{}` reports no progress, metric, due date or result",
                item.key()
            ),
        );
        d.label = "what changed?".into();
        d.help.push(
            "add `progress:`, `due:` or `status: done`, or state the result or a measured effect"
                .into(),
        );
    }

    /// `incident-incomplete`.
    fn incident(&mut self, incident: &Incident) {
        let level = incident.severity().is_some();
        let message = match (incident.impact(), level) {
            (Impact::Unknown, false) => "incident states no impact and no level",
            (Impact::Unknown, true) => "incident states no impact",
            (Impact::Some, false) => "incident affected the business and has no level",
            _ => return,
        };
        let d = self.warn(incident.pos, "incident-incomplete", message.into());
        d.label = "incomplete".into();
        d.help.push(
            "write it as a mapping with `time:`, `text:`, `impact:` (or 无) and `level:` (e.g. CD)"
                .into(),
        );
    }

    /// `metric-below-target` and `metric-worse-than-previous`.
    fn metric_line(&mut self, line: &MetricLine) {
        let places = metric_positions(self.source, line);
        for (m, &pos) in line.metrics.iter().zip(&places) {
            let Some(value) = &m.value else { continue };
            if let Some(target) = &m.target
                && worse(m.better(), value.value, target.value) > 0.0
            {
                let side = match m.better() {
                    Better::Higher => "below",
                    Better::Lower => "above",
                };
                let d = self.warn(
                    pos,
                    "metric-below-target",
                    format!(
                        "{} is {}{}, {side} its target {}{}",
                        m.name, value.text, m.unit, target.text, m.unit
                    ),
                );
                d.label = format!("target {}{}", target.text, m.unit);
                d.help
                    .push("explain the gap in the report, or correct `target:`".into());
            }
            if let Some(previous) = &m.previous
                && worse_than_previous(m, value, previous)
            {
                let d = self.warn(
                    pos,
                    "metric-worse-than-previous",
                    format!(
                        "{} went from {}{} last week to {}{} ({})",
                        m.name,
                        previous.text,
                        m.unit,
                        value.text,
                        m.unit,
                        view::change(value, previous, &m.unit)
                    ),
                );
                d.label = "worse than last week".into();
                d.help.push(format!(
                    "the threshold is {WORSE_PP}pp for %, else {}% of last week's value; \
                     explain the change in the report",
                    WORSE_RELATIVE * 100.0
                ));
            }
        }
    }

    /// `incident-count-mismatch`: counts by level against the incidents listed.
    fn incident_counts(&mut self, week: &Week) {
        let incidents: Vec<&Incident> = week.incidents().collect();
        let unlevelled = incidents.iter().filter(|i| i.severity().is_none()).count();
        for line in metric_lines(week) {
            let places = metric_positions(self.source, line);
            for (m, &pos) in line.metrics.iter().zip(&places) {
                let (Some(level), Some(value)) = (count_level(m), &m.value) else {
                    continue;
                };
                let listed = incidents
                    .iter()
                    .filter(|i| i.severity().is_some_and(|l| level_matches(level, &l)))
                    .count();
                if value.value == listed as f64 {
                    continue;
                }
                let d = self.warn(
                    pos,
                    "incident-count-mismatch",
                    format!(
                        "{} states {}{}, but {listed} listed incident{} {} level {level}",
                        m.name,
                        value.text,
                        m.unit,
                        plural(listed),
                        if listed == 1 { "has" } else { "have" }
                    ),
                );
                d.label = format!("{listed} listed");
                d.help.push(if unlevelled > 0 {
                    format!(
                        "{unlevelled} listed incident{} no level, so count{} toward none; \
                         give each graded incident its `level:`",
                        if unlevelled == 1 { " has" } else { "s have" },
                        if unlevelled == 1 { "s" } else { "" }
                    )
                } else {
                    "correct the count, or list the missing incidents".into()
                });
            }
        }
    }
}

/// Every metric line of the week.
/// Where each metric of a line is written: the line's position for a line of one metric;
/// for several (`- - name: A` … `  - name: B`, a flow list, or a text line naming each), where
/// each name first appears after the previous one, within the next lines. A name not found
/// (`事故数AB级0次，CD级1次` never writes 事故数CD级) falls back to the line's position.
fn metric_positions(source: &Source, line: &MetricLine) -> Vec<Pos> {
    if line.metrics.len() < 2 {
        return vec![line.pos; line.metrics.len()];
    }
    let window = 8 * line.metrics.len();
    let lines: Vec<&str> = source
        .text
        .lines()
        .skip(line.pos.line.saturating_sub(1))
        .take(window)
        .collect();
    // (index into `lines`, char column from 0) just past the last name found
    let mut cursor = (0, line.pos.col.saturating_sub(1));
    line.metrics
        .iter()
        .map(|m| match find_after(&lines, cursor, &m.name) {
            Some((i, col)) => {
                cursor = (i, col + m.name.chars().count());
                Pos {
                    line: line.pos.line + i,
                    col: col + 1,
                }
            }
            None => line.pos,
        })
        .collect()
}

/// The first place of `needle` in `lines` at or after `(line, char column)`.
fn find_after(
    lines: &[&str],
    (from_line, from_col): (usize, usize),
    needle: &str,
) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(from_line)
        .find_map(|(i, text)| {
            let skip = if i == from_line { from_col } else { 0 };
            let start = text.char_indices().nth(skip).map_or(text.len(), |(b, _)| b);
            text[start..]
                .find(needle)
                .map(|b| (i, skip + text[start..start + b].chars().count()))
        })
}

fn metric_lines(week: &Week) -> impl Iterator<Item = &MetricLine> {
    week.sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Metrics(m) => Some(m),
            _ => None,
        })
        .flat_map(|m| m.0.iter().flat_map(|g| &g.lines))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// How a section is named in messages: its heading, an objective's name, or its kind.
fn section_name(section: &Section) -> String {
    match (&section.heading, &section.body) {
        (Some(h), _) => format!("section `{h}`"),
        (None, Body::Objective(o)) => format!("objective `{}`", o.name),
        (None, body) => format!("section `{}`", body.kind().key()),
    }
}

/// True when a section holds nothing to render.
fn is_empty(body: &Body) -> bool {
    match body {
        Body::KeyWork(v) | Body::Other(v) | Body::NextWeek(v) | Body::List(v) => v.is_empty(),
        Body::Metrics(m) => m.0.iter().all(|g| g.lines.is_empty()),
        Body::Objective(o) => o.items.is_empty() && o.incidents.is_empty(),
        Body::Incidents(v) => v.is_empty(),
        Body::Daily(v) => v.is_empty(),
        Body::Reflection(t) | Body::Text(t) | Body::Raw(t) => t.trim().is_empty(),
    }
}

/// Neither done nor dropped.
fn is_open(item: &Item) -> bool {
    !matches!(item.status, Some(Status::Done | Status::Dropped))
}

/// True when the due date was given as `due:` rather than read from the text.
fn due_is_given(item: &Item, day: NaiveDate) -> bool {
    item.due.map(|d| d.0) != extract::due(&item.full_text(), day)
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
        || matches!(item.status, Some(Status::Done | Status::Dropped))
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

/// How much worse `value` is than `reference` (negative when better).
fn worse(better: Better, value: f64, reference: f64) -> f64 {
    match better {
        Better::Higher => reference - value,
        Better::Lower => value - reference,
    }
}

/// Worse than last week by more than the threshold for its unit.
fn worse_than_previous(m: &Metric, value: &Number, previous: &Number) -> bool {
    let by = worse(m.better(), value.value, previous.value);
    let threshold = if m.unit == "%" {
        WORSE_PP
    } else {
        WORSE_RELATIVE * previous.value.abs()
    };
    by > threshold + 1e-9
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
                l.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
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
