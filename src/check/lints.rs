//! The table of lints: each code with its summary (the table in docs/check.md) and the paragraph
//! `weekly check --explain CODE` prints.

use crate::diag::{Code, Severity};

/// A check: its code, how serious it is, a one-line summary and the `--explain` paragraph.
#[derive(Debug)]
pub struct Lint {
    /// The code printed in brackets: `warning[overdue]`.
    pub code: Code,
    /// Warning for lints; error for what stops a report from rendering.
    pub severity: Severity,
    /// What the check finds, in one line (the table in docs/check.md).
    pub summary: &'static str,
    /// What `weekly check --explain CODE` prints.
    pub explanation: &'static str,
}

/// Every code `weekly check` can print, in the order of the table in docs/check.md.
pub const LINTS: &[Lint] = &[
    Lint {
        code: Code::ItemWithoutOutcome,
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
        code: Code::ProgressRegressed,
        severity: Severity::Warning,
        summary: "progress is lower than last week's progress",
        explanation: "An item's `progress` is lower than its `previous_progress` (which `weekly \
new` carries over from last week). Progress going backwards usually means the scope grew or the \
number was wrong; say which in a `note:`, or correct the number.",
    },
    Lint {
        code: Code::Overdue,
        severity: Severity::Warning,
        summary: "a due date before the report date, and the item is not done",
        explanation: "An item's due date is before the report's `date:` and its `status` is \
neither `done` nor `dropped`. A due date given as `due:` always counts; one read from the text \
(11/9上线) counts only when the text calls it a plan (预计, 计划) and does not say it already \
happened (已上线, 已完成, ...). Mark the item `status: done`, or give the new date.",
    },
    Lint {
        code: Code::MetricBelowTarget,
        severity: Severity::Warning,
        summary: "a metric is worse than its target",
        explanation: "A metric's value is worse than its `target:`: lower for a metric where \
higher is better, higher where lower is better. Which way is better comes from the metric's \
`better: higher` or `better: lower`, else the `[metrics]` table of weekly.toml (a name or a \
glob such as \"*延迟*\" = \"lower\"), else words in its name: failed, error, defect, bug, \
latency, lag, downtime, incident, cost, spend, churn, 失败, 错误, 缺陷, 故障, 事故, 延迟, 耗时, \
超时, 成本, 投诉 ... mean lower; success, availability, uptime, coverage, 成功率, 可用性, 覆盖率 \
... mean higher. When none says, no metric is called below its target. Values in units of one \
kind are converted (230ms and 0.25s); values that cannot be compared are not. Explain the gap \
in the report, or correct the target.",
    },
    Lint {
        code: Code::MetricWorseThanPrevious,
        severity: Severity::Warning,
        summary: "a metric moved the wrong way since last week, beyond a threshold",
        explanation: "A metric's value is worse than its `previous:` value (last week's) by more \
than the threshold: 0.01 percentage points for a metric in %, otherwise 5% of last week's \
value (any worsening when last week's value was 0). Which way is better is decided as for \
`metric-below-target`; when nothing says, no change is called worse. Explain the change in the \
report.",
    },
    Lint {
        code: Code::MetricUnitChanged,
        severity: Severity::Warning,
        summary: "a metric's value, target or last week's value are in units that do not compare",
        explanation: "A metric's value and its `previous:` (or `target:`) are written in units \
that measure different things, so no change is computed and nothing is called better or worse: \
230ms against 3次, 4次 against 3个, 100元 against 100$. Units of one kind compare after \
conversion: time (ms, s, 秒, min, 分钟, h, 小时, d, 天), percentages (%, ‰; a change is in \
percentage points), money within one currency (元, 万元, ¥; $, k$), and counts when the \
measure word is the same (次 with 次, 万笔 with 笔). Write both values in comparable units, \
or correct the one that is wrong.",
    },
    Lint {
        code: Code::IncidentIncomplete,
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
        code: Code::IncidentCountMismatch,
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
        code: Code::RiskIncomplete,
        severity: Severity::Warning,
        summary: "an open risk names no owner, or no mitigation",
        explanation: "A risk, issue, blocker or dependency that is still open (its `status` is \
`open` or `watching`, or not given and the text does not call it resolved, closed, 已解决 or \
已关闭) does not say who handles it or what is done about it. The owner is `owner:`, or in the \
text `Owner: Bob`, `负责人：张三`, a leading `@alice` or a trailing `(@alice)`; the mitigation is \
`mitigation:`, or in the text `Mitigation: …`, `应对：…`, `应对措施：…`, `措施：…`; in a risk table, \
columns headed Owner / 负责人 and Mitigation / 应对措施. Name both, or close the risk with \
`status: closed`.

一个仍未关闭的风险、问题、阻塞或依赖（`status` 为 `open` 或 `watching`，或未写且正文没有说已解决、\
已关闭），没有写明负责人或应对措施。负责人写在 `owner:`，或正文中的 `负责人：张三`、`Owner: Bob`、\
开头的 `@alice`；应对措施写在 `mitigation:`，或正文中的 `应对：…`、`应对措施：…`、`措施：…`；风险表\
中则是「负责人」「应对措施」两列。请补上两者，或以 `status: closed` 关闭该风险。",
    },
    Lint {
        code: Code::WeekDateMismatch,
        severity: Severity::Error,
        summary: "`week:` contradicts `date:` (an error: the report does not render)",
        explanation: "The file gives a `week:` number that is not the week of its `date:` under \
the week-numbering rule in force (`jan1` by default: week 1 holds January 1 and weeks start on \
Monday; or `iso`). This is an error, not a warning: `render` refuses the file too. Correct the \
number, leave `week:` out to derive it, or choose the rule with `--week-numbering`.",
    },
    Lint {
        code: Code::EmptySection,
        severity: Severity::Warning,
        summary: "a section has no content",
        explanation: "A section has nothing in it: no items, metric lines, incidents, links or \
text (an objective with neither items nor incidents). It renders as a bare heading. Fill it in \
or remove it.",
    },
    Lint {
        code: Code::MetricLineNotRead,
        severity: Severity::Warning,
        summary: "a line of a metrics section from which no metric could be read",
        explanation: "Every line of a metrics section either gives metrics or is reported: a \
line such as 可用性：99.99%（含计划内维护） or `Pages down from 23 to 9` is printed as written but \
`trend`, `check` and `render --show-targets` know nothing of it. A line is read as metrics when \
each part between commas or semicolons is a name and a value: `名称：99.9%`, `Name: 99.9%`, \
`成功率C=99.9%`, `p95 latency 42 min` (no separator: the value is the first number that does not \
continue a word), `Spend: $48,200`, `金额：1,234万`, a count by level (事故数AB级0次，CD级1次), each \
optionally followed by a target or last week's value in parentheses (（目标99.95%）, (target \
99.95%), （上周0.6%）, (last week 0.6%)), or a stated change of the metric before it (环比下降0.1%, \
环比+0.1pp, down 0.1pp, -20ms WoW). Rewrite the line in one of these forms, or as a mapping \
{name, value}. A line holding a `…` placeholder is left to `placeholder-left`.",
    },
    Lint {
        code: Code::MetricChangeDisagrees,
        severity: Severity::Warning,
        summary: "a stated change (环比下降0.1%) differs from the one computed from last week's value",
        explanation: "A metric line states its change (环比下降0.1%, 环比+0.1pp, down 0.1pp, -20ms \
WoW) and last week's value is known (`previous:`, （上周0.6%） on the line, or the metric of the \
same name in the file `weekly new` carried the week from), and the two do not agree: the value \
minus last week's, rounded to the digits the stated change is written with, is not the stated \
change. For a metric in %, a change in % or pp is read as percentage points, and \
also accepted as a relative change; a change in % of a metric in any other unit is relative and \
not compared. Correct the stated change or the values.",
    },
    Lint {
        code: Code::MetricWithoutValue,
        severity: Severity::Warning,
        summary: "a metric has no value, and the week's date is reached",
        explanation: "`weekly new` carries each metric over with last week's value as `previous:` \
and no value, for the author to fill in. Until the report's date (`date:`) this is expected and \
`check` is quiet, so the Monday scaffold passes `check --deny-warnings`; from that date on (today's \
date, or `check --today DATE`), a metric still without `value:` is reported. Give this week's \
value, or remove the metric.",
    },
    Lint {
        code: Code::PlaceholderLeft,
        severity: Severity::Warning,
        summary: "a `…` placeholder is left in, and the week's date is reached",
        explanation: "The samples `weekly new` writes hold `…` where the author writes (`- …`, \
`…：99.9%`, `….md`), and a metric line carried over that could not be read as metrics has its \
numbers replaced by `…` rather than last week's numbers. From the report's date on (today's date, \
or `check --today DATE`) a single `…` left on a line outside comments is reported; before it \
`check` is quiet. A Chinese ellipsis (……, two of them) is prose and not reported.",
    },
    Lint {
        code: Code::ItemUnchangedFromLastWeek,
        severity: Severity::Warning,
        summary: "an item is exactly as last week, and the week's date is reached",
        explanation: "`weekly new` records the file it carried over from in a comment at the top \
of the new file (`# from: 2023-W44.yaml`, relative to the new file's folder). From the report's \
date on (today's date, or `check --today DATE`), an item (not a point, and not a plan for next \
week) whose title, text, note and points are those of an item of that file, with no new progress \
or status, is reported: last week's line was carried over and not updated. Say where the work \
stands this week, or remove the item. Without the comment, or when that file cannot be read, \
this lint does not run.",
    },
    Lint {
        code: Code::DerivedFactDisagrees,
        severity: Severity::Warning,
        summary: "a derived field of `render -f json` output disagrees with the text",
        explanation: "`render -f json` writes every derived fact beside the text it was read \
from: a metric line's `metrics` (name, value, unit, text ...), the fields an object names in its \
`derived` list (an item's `progress`, `due`, `status` or `owner` read from its text, a link's \
`date`, the `week` number, a metric's `better`), and the fields that are always computed \
(`year`, `numbering`, `change`, `change_unit`, `change_text`, `below_target`, \
`worse_than_previous`, `at`, `severity`, `affects_business`). Read back, these are not taken as \
written: the week is derived again from its text, and this warning names each such field whose \
value in the file differs from what the text now gives (a number edited in the JSON but not in \
the line, a file written under another week-numbering rule). Correct the text, or remove the \
field.",
    },
];

/// The lint with this code.
pub fn find(code: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.code.as_str() == code)
}
