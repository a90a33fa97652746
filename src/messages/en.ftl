# English messages. Each id has a twin in zh.ftl (a test checks both have the same ids).
# Arguments are written { $name }; a literal brace is {"{"} or {"}"}.

## Lints: the headline, the label under the caret and the help line of each warning

section-named = section `{ $name }`
objective-named = objective `{ $name }`
empty-section = { $what } is empty
empty-section-label = nothing under this
empty-section-help = fill it in, or remove the section
progress-regressed = progress fell from { $before }% last week to { $now }%
progress-regressed-label = was { $before }% last week
progress-regressed-help = if the scope grew, say so in a `note:`; otherwise correct `progress`
overdue = due { $due } is before the report date { $day } and the item is not done
overdue-label = due { $due }
overdue-help = mark it `status: done`, or give the new date in `due:`
item-without-outcome = `{ $item }` reports no progress, metric, due date or result
item-without-outcome-label = what changed?
item-without-outcome-help = add `progress:`, `due:` or `status: done`, or state the result or a measured effect
incident-no-impact-no-level = incident states no impact and no level
incident-no-impact = incident states no impact
incident-no-level = incident affected the business and has no level
incident-incomplete-label = incomplete
incident-incomplete-help = write it as a mapping with `time:`, `text:`, `impact:` (or 无) and `level:` (e.g. CD)
metric-below-target = { $metric } is { $value }, { $side ->
    [above] above
   *[below] below
} its target { $target }
metric-below-target-label = target { $target }
metric-below-target-help = explain the gap in the report, or correct `target:`
metric-worse-than-previous = { $metric } went from { $previous } last week to { $value } ({ $change })
metric-worse-than-previous-label = worse than last week
metric-worse-than-previous-help = the threshold is { $pp }pp for %, else { $relative }% of last week's value; explain the change in the report
metric-unit-changed = { $metric } is { $value }, but { $field ->
    [target] its target
   *[previous] last week's value
} is { $other }: the units do not compare
metric-unit-changed-label = { $field } { $other }
metric-unit-changed-help = no change or verdict is printed; write `{ $field }:` in a unit comparable with { $value }
incident-count-mismatch = { $metric } states { $stated }, but { $listed } listed { $listed ->
    [one] incident has
   *[other] incidents have
} level { $level }
incident-count-mismatch-label = { $listed } listed
incident-count-mismatch-unlevelled = { $count } listed { $count ->
    [one] incident has no level, so counts
   *[other] incidents have no level, so count
} toward none; give each graded incident its `level:`
incident-count-mismatch-help = correct the count, or list the missing incidents
metric-without-value = { $metric } has no value, and the report's date { $day } is reached
metric-without-value-label = no value
metric-without-value-help = give this week's `value:`, or remove the metric
placeholder-left = a `…` placeholder is left in, and the report's date { $day } is reached
placeholder-left-label = fill this in
placeholder-left-help = write what belongs here, or remove the line
item-unchanged-from-last-week = `{ $item }` is exactly as in last week's { $file }
item-unchanged-from-last-week-label = unchanged since last week
item-unchanged-from-last-week-help = say where the work stands this week (progress, status, result), or remove the item
metric-line-not-read = no metric could be read from `{ $text }`
metric-line-not-read-label = printed as written, but not read
metric-line-not-read-help = write each metric as `名称：99.9%` or `Name: 99.9%` (parts between commas), a target as （目标99.95%） or (target 99.95%), or as a mapping {"{"}name, value{"}"}
metric-change-disagrees = { $metric } states a change of { $stated }, but { $previous } last week to { $value } is { $computed }
metric-change-disagrees-label = computed { $computed }
metric-change-disagrees-help = correct the stated change, or this week's or last week's value
derived-fact-disagrees = `{ $field }` is { $written } in the file, but the week gives { $derived }
derived-fact-disagrees-label = not what the text gives
derived-fact-disagrees-help = a derived field is read again from the text, not taken as written: correct the text, or remove the field
week-date-mismatch = week { $given } does not match date { $date } (week { $number } under the `{ $rule }` rule)
week-date-mismatch-label = contradicts the date
week-date-mismatch-other-rule = it is the week number under `--week-numbering { $rule }`
week-date-mismatch-help = write `week: { $number }`, or leave `week` out to derive it

## `weekly check --explain CODE` and the table in docs/check.md

lint-item-without-outcome-summary = an objective's item reports work but no progress, metric, due date or result
lint-item-without-outcome-explain = An item under an objective (a project serving O1, O2, ...) says what was worked on but not where it stands: it has no progress (`progress:` or 进度70% in the text), no due date (`due:` or 预计11/10上线), no result (`status: done`, or a clause stating 完成, 上线, 投产, 交付, 发布, 落地, 验收, 结项, 成功 or 打通 that is not a plan such as 计划/预计/待/下周), and no measured number (60%, 297台, 656分, 2笔, ...). A numbered point carrying any of these counts for its item. Reports that list work items without their effect on the objective's metrics are hard to judge; say what changed.

lint-progress-regressed-summary = progress is lower than last week's progress
lint-progress-regressed-explain = An item's `progress` is lower than its `previous_progress` (which `weekly new` carries over from last week). Progress going backwards usually means the scope grew or the number was wrong; say which in a `note:`, or correct the number.

lint-overdue-summary = a due date before the report date, and the item is not done
lint-overdue-explain = An item's due date is before the report's `date:` and its `status` is neither `done` nor `dropped`. A due date given as `due:` always counts; one read from the text (11/9上线) counts only when the text calls it a plan (预计, 计划) and does not say it already happened (已上线, 已完成, ...). Mark the item `status: done`, or give the new date.

lint-metric-below-target-summary = a metric is worse than its target
lint-metric-below-target-explain = A metric's value is worse than its `target:`: lower for a metric where higher is better, higher where lower is better. Which way is better comes from the metric's `better: higher` or `better: lower`, else the `[metrics]` table of weekly.toml (a name or a glob such as "*延迟*" = "lower"), else words in its name: failed, error, defect, bug, latency, lag, downtime, incident, cost, spend, churn, 失败, 错误, 缺陷, 故障, 事故, 延迟, 耗时, 超时, 成本, 投诉 ... mean lower; success, availability, uptime, coverage, 成功率, 可用性, 覆盖率 ... mean higher. When none says, no metric is called below its target. Values in units of one kind are converted (230ms and 0.25s); values that cannot be compared are not. Explain the gap in the report, or correct the target.

lint-metric-worse-than-previous-summary = a metric moved the wrong way since last week, beyond a threshold
lint-metric-worse-than-previous-explain = A metric's value is worse than its `previous:` value (last week's) by more than the threshold: 0.01 percentage points for a metric in %, otherwise 5% of last week's value (any worsening when last week's value was 0). Which way is better is decided as for `metric-below-target`; when nothing says, no change is called worse. Explain the change in the report.

lint-metric-unit-changed-summary = a metric's value, target or last week's value are in units that do not compare
lint-metric-unit-changed-explain = A metric's value and its `previous:` (or `target:`) are written in units that measure different things, so no change is computed and nothing is called better or worse: 230ms against 3次, 4次 against 3个, 100元 against 100$. Units of one kind compare after conversion: time (ms, s, 秒, min, 分钟, h, 小时, d, 天), percentages (%, ‰; a change is in percentage points), money within one currency (元, 万元, ¥; $, k$), and counts when the measure word is the same (次 with 次, 万笔 with 笔). Write both values in comparable units, or correct the one that is wrong.

lint-incident-incomplete-summary = an incident states no impact, or hurt the business and has no level
lint-incident-incomplete-explain = An incident says neither what it did to the business (`impact:`, or text stating an effect: 影响, 导致, 造成, 不可用, 中断, affected, impact, outage, unavailable, failed for, degraded ...) nor, when it did affect the business, its severity (`level:` such as CD, P2 or SEV1, or a level in the text: CD级, P0-P4, SEV-1, Sev 2, severity 3, or S1-S4 beside a word such as incident or 事故). An incident whose impact is none (`impact: 无` or `none`, or text such as 对业务无影响, 未对业务产生影响, no business impact, did not affect users) needs no level. Write the incident as a mapping with `time:`, `text:`, `impact:` and `level:`.

lint-incident-count-mismatch-summary = a stated incident count by level differs from the incidents listed
lint-incident-count-mismatch-explain = A metric counting incidents by level, such as the line 事故数AB级0次，CD级1次 (read as the metrics 事故数AB级 = 0 and 事故数CD级 = 1), does not match the number of incidents listed in the week with that level. A count is a metric whose name mentions 事故, 故障 or incident and ends in a level followed by 级. An incident's `level:` (or a level such as CD级 in its text) matches a count when it equals the count's level, or is one of its letters: `A` and `B` count toward AB级, `CD` and `C` toward CD级. Incidents without a level count toward none.

lint-week-date-mismatch-summary = `week:` contradicts `date:` (an error: the report does not render)
lint-week-date-mismatch-explain = The file gives a `week:` number that is not the week of its `date:` under the week-numbering rule in force (`jan1` by default: week 1 holds January 1 and weeks start on Monday; or `iso`). This is an error, not a warning: `render` refuses the file too. Correct the number, leave `week:` out to derive it, or choose the rule with `--week-numbering`.

lint-empty-section-summary = a section has no content
lint-empty-section-explain = A section has nothing in it: no items, metric lines, incidents, links or text (an objective with neither items nor incidents). It renders as a bare heading. Fill it in or remove it.

lint-metric-line-not-read-summary = a line of a metrics section from which no metric could be read
lint-metric-line-not-read-explain = Every line of a metrics section either gives metrics or is reported: a line such as 可用性：99.99%（含计划内维护） or `Pages down from 23 to 9` is printed as written but `trend`, `check` and `render --show-targets` know nothing of it. A line is read as metrics when each part between commas or semicolons is a name and a value: `名称：99.9%`, `Name: 99.9%`, `成功率C=99.9%`, `p95 latency 42 min` (no separator: the value is the first number that does not continue a word), `Spend: $48,200`, `金额：1,234万`, a count by level (事故数AB级0次，CD级1次), each optionally followed by a target or last week's value in parentheses (（目标99.95%）, (target 99.95%), （上周0.6%）, (last week 0.6%)), or a stated change of the metric before it (环比下降0.1%, 环比+0.1pp, down 0.1pp, -20ms WoW). Rewrite the line in one of these forms, or as a mapping {"{"}name, value{"}"}. A line holding a `…` placeholder is left to `placeholder-left`.

lint-metric-change-disagrees-summary = a stated change (环比下降0.1%) differs from the one computed from last week's value
lint-metric-change-disagrees-explain = A metric line states its change (环比下降0.1%, 环比+0.1pp, down 0.1pp, -20ms WoW) and last week's value is known (`previous:`, （上周0.6%） on the line, or the metric of the same name in the file `weekly new` carried the week from), and the two do not agree: the value minus last week's, rounded to the digits the stated change is written with, is not the stated change. For a metric in %, a change in % or pp is read as percentage points, and also accepted as a relative change; a change in % of a metric in any other unit is relative and not compared. Correct the stated change or the values.

lint-metric-without-value-summary = a metric has no value, and the week's date is reached
lint-metric-without-value-explain = `weekly new` carries each metric over with last week's value as `previous:` and no value, for the author to fill in. Until the report's date (`date:`) this is expected and `check` is quiet, so the Monday scaffold passes `check --deny-warnings`; from that date on (today's date, or `check --today DATE`), a metric still without `value:` is reported. Give this week's value, or remove the metric.

lint-placeholder-left-summary = a `…` placeholder is left in, and the week's date is reached
lint-placeholder-left-explain = The samples `weekly new` writes hold `…` where the author writes (`- …`, `…：99.9%`, `….md`), and a metric line carried over that could not be read as metrics has its numbers replaced by `…` rather than last week's numbers. From the report's date on (today's date, or `check --today DATE`) a single `…` left on a line outside comments is reported; before it `check` is quiet. A Chinese ellipsis (……, two of them) is prose and not reported.

lint-item-unchanged-from-last-week-summary = an item is exactly as last week, and the week's date is reached
lint-item-unchanged-from-last-week-explain = `weekly new` records the file it carried over from in a comment at the top of the new file (`# from: 2023-W44.yaml`, relative to the new file's folder). From the report's date on (today's date, or `check --today DATE`), an item (not a point, and not a plan for next week) whose title, text, note and points are those of an item of that file, with no new progress or status, is reported: last week's line was carried over and not updated. Say where the work stands this week, or remove the item. Without the comment, or when that file cannot be read, this lint does not run.

lint-derived-fact-disagrees-summary = a derived field of `render -f json` output disagrees with the text
lint-derived-fact-disagrees-explain = `render -f json` writes every derived fact beside the text it was read from: a metric line's `metrics` (name, value, unit, text ...), the fields an object names in its `derived` list (an item's `progress`, `due`, `status` or `owner` read from its text, a link's `date`, the `week` number, a metric's `better`), and the fields that are always computed (`year`, `numbering`, `change`, `change_unit`, `change_text`, `below_target`, `worse_than_previous`, `at`, `severity`, `affects_business`). Read back, these are not taken as written: the week is derived again from its text, and this warning names each such field whose value in the file differs from what the text now gives (a number edited in the JSON but not in the line, a file written under another week-numbering rule). Correct the text, or remove the field.

## `weekly check`: the closing line, `--explain`

severity-error = error
severity-warning = warning
warnings-count = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
files-count = { $count ->
    [one] 1 file
   *[other] { $count } files
}
files-some-of = { $some } of { $count ->
    [one] 1 file
   *[other] { $count } files
}
check-had-errors = { $which } had errors
check-had-errors-and-warnings = { $which } had errors; { $warnings }
check-denied = { $warnings } in { $which }, denied by --deny-warnings
check-warned = { $warnings } in { $which }
check-unknown-code = unknown lint code `{ $code }`; the codes are: { $codes }
check-unknown-code-near = unknown lint code `{ $code }` (did you mean `{ $near }`?); the codes are: { $codes }

## Shared words

did-you-mean = did you mean `{ $name }`?
list-and = {" and "}

## `weekly trend`

trend-no-weeks = No weeks read.
trend-no-metrics = No metric values in { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} read.
trend-heading = Metrics from { $first } ({ $first_date }) to { $last } ({ $last_date }), { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
}.
trend-legend = (±x): change from the previous week with a value. ⚠: below target (above it where lower is better).
trend-column-week = Week
trend-column-date = Date
trend-summary-header = | Metric | Target | Weeks | Below target | Latest | Min | Max | Trend |
trend-no-unit = none
trend-unit-note = { $metric }: { $values } not comparable with its latest unit ({ $unit }): no change beside it, left out of min, max, trend and chart.
trend-ambiguous-name = `{ $name }` matches { $names } but for letter case: give one exactly
trend-unknown-name = no metric named `{ $name }` in { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} read
trend-no-metric-values = the weeks hold no metric values
trend-metrics-are = the metrics are { $names }

## Notices of `new`, `render`, `import` and the config

new-wrote = wrote { $file }
new-wrote-from = wrote { $file } (carried over from { $from })
new-no-daily-folder = the daily notes folder { $dir } does not exist: no daily links this week
render-failed = { $failed } of { $read } inputs failed
trend-failed = { $failed } of { $read } files failed; no trend printed
config-ignored = a config file is ignored (this command does not need it):
import-several-need-out-dir = several reports need --out-dir DIR (one YAML file each)
import-folder-needs-out-dir = { $dir } is a folder: import its reports with --out-dir DIR
import-folder-empty = { $dir }: the folder holds no .md files, at any depth (hidden folders are skipped)
import-folder-unreadable = cannot read folder { $dir }: { $reason }
import-stdin-with-out-dir = stdin (`-`) cannot be used with --out-dir
import-cannot = cannot import { $name }
import-done = imported { $imported } of { $read } reports into { $dir }: { $summary }
import-failed = { $failed } of { $read } reports failed
import-unknown-headings = { $count ->
    [one] the heading { $headings } names no kind, so its section was kept as written
   *[other] { $count } headings name no kind, so their sections were kept as written: { $headings }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
  }; if your reports write such a section every week, give its kind once in weekly.toml and import again, e.g. `[import.headings]` `"{ $example }" = "key_work"` (or next_week, risks, metrics, other, agenda, text …)
import-unknown-headings-batch = { $count ->
    [one] the heading `{ $example }` names no kind in { $reports } of { $imported } reports, so its sections were kept as written
   *[other] { $count } headings name no kind in { $reports } of { $imported } reports, so their sections were kept as written; most written first: { $headings }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
  }; if your reports write such a section every week, give its kind once in weekly.toml and import again with --force, e.g. `[import.headings]` `"{ $example }" = "key_work"` (or next_week, risks, metrics, other, agenda, text …)
import-unknown-heading-count = `{ $heading }` ({ $reports ->
    [one] 1 report
   *[other] { $reports } reports
  })
import-progress-title = the title `{ $title }` names the report a progress report, so its sections whose headings name no kind (but a foreword, an introduction or links), each over paragraphs or a list, are read as the period's work (key_work); where that is wrong, give those headings their kind in weekly.toml `[import.headings]`
import-kept-raw = `{ $heading }` is kept as raw Markdown: its content is not in the { $kind } form the template writes
import-kept-whole = kept whole as raw Markdown: its parts did not render back the same
import-date-from-folder = no date in the report or its file name: using { $date }, the first day of the folder `{ $folder }`; give the report's date with --date
import-date-from-modified = no date in the report, its file name or folders: using the file's modification date { $date }; give the report's date with --date
import-no-date = { $name }: no date found in the report's front matter, title, first lines or headings (forms: 2023-10-24, 2023/10/24, 2023年10月24日, October 24, 2023); give one with --date
import-date-us = read the date as US month/day/year: { $date }
import-date-yearless = the range has no year: took { $year } from the { $from ->
    [name] file name
    [folders] folders
    [given] --date
    [modified] file's modification date
   *[other] context
  }
import-one = { $file }: week { $week } ({ $date }): { $summary }
import-summary = { $sections ->
    [0] 0 sections
    [one] 1 section ({ $kinds })
   *[other] { $sections } sections ({ $kinds })
}, { $metrics ->
    [one] 1 metric
   *[other] { $metrics } metrics
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}, { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
}, { $links ->
    [one] 1 link
   *[other] { $links } links
}
merge-failed = { $failed } of { $read } files failed; nothing merged
merge-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}; nothing merged
mail-dry-run = Nothing sent (--dry-run).
mail-sent = sent “{ $subject }” via { $via }
mail-unresolved-links = { $count ->
    [one] 1 relative link
   *[other] { $count } relative links
} and no [links] base in weekly.toml to make them absolute; the mail shows them as text:

risk-no-owner-no-mitigation = open risk `{ $text }` names no owner and no mitigation
risk-no-owner = open risk `{ $text }` names no owner
risk-no-mitigation = open risk `{ $text }` names no mitigation
risk-no-owner-no-mitigation-label = no owner and no mitigation
risk-no-owner-label = no owner
risk-no-mitigation-label = no mitigation
risk-incomplete-help = give it `owner:` (负责人) and `mitigation:` (应对措施), or `status: closed`
lint-risk-incomplete-summary = an open risk names no owner, or no mitigation
lint-risk-incomplete-explain = A risk, issue, blocker or dependency that is still open (its `status` is `open` or `watching`, or not given and the text does not call it resolved, closed, 已解决 or 已关闭) does not say who handles it or what is done about it. The owner is `owner:`, or in the text `Owner: Bob`, `负责人：张三`, a leading `@alice` or a trailing `(@alice)`; the mitigation is `mitigation:`, or in the text `Mitigation: …`, `应对：…`, `应对措施：…`, `措施：…`; in a risk table, columns headed Owner / 负责人 and Mitigation / 应对措施. Name both, or close the risk with `status: closed`.

rollup-no-week = no week of { $period } ({ $start } to { $end }) among the { $read } weeks read
rollup-missing-week = { $period }: no report for { $week } (the week of { $monday })
rollup-no-period = give a period: --month, --quarter, --half, --year, or --from and --to
rollup-failed = { $failed } of { $read } files failed; no rollup written

## `weekly rollup`: the period's risks (in the language of -t)
rollup-risks-heading = Risks over the period
rollup-risks-open-heading = Risks still open at the end
rollup-risk-summary = { $start } open at the start, { $opened } opened, { $closed } closed, { $gone } no longer reported, { $open } still open at the end
rollup-risk-opened = opened: { $text } ({ $week })
rollup-risk-closed = closed: { $text } ({ $week }, marked closed)
rollup-risk-gone = no longer reported: { $text } (last listed in { $week }, never marked closed)
rollup-risk-incomplete = incomplete: { $text } ({ $lacks })

action-unowned = action `{ $text }` names nobody to do it
action-unowned-label = no owner
action-unowned-help = name who does it in the line: `TODO: @alice …`, `待办：… @张三`, `负责人：张三`, or a link to their profile
lint-action-unowned-summary = an agenda's action (`Action:`, `TODO:`, `待办：`) names nobody to do it
lint-action-unowned-explain = A point of an `agenda` topic that starts `Action:`, `Action item:`, `TODO:`, `待办：` or `行动项：` records something to be done after the meeting, but names nobody to do it; under an `Action items` / `待办事项` heading every topic is such an action, and its presenter (`owner:`) counts as its owner. Name them in the line: an `@handle`, a `[name](https://github.com/name)` link, or `负责人：张三` / `owner: Ann`.

## Reading a week file (YAML): the gate, parse errors in the writer's words, and the checks the
## model makes as it reads (sections, items, metrics, fields, tables, dates)

yaml-too-large = { $name } is over the { $limit }-byte limit (raise it with --max-size)
yaml-not-utf8 = { $name } is not valid UTF-8 (byte { $byte })
yaml-not-utf8-label = invalid UTF-8 here
yaml-not-utf8-help = save the file as UTF-8
yaml-utf16-help = it looks like UTF-16: save the file as UTF-8
yaml-nul = { $name } holds a NUL byte
yaml-nul-label = NUL byte
yaml-nul-help = is this a binary file?
yaml-empty = { $name } is empty
yaml-binary-nul = a `!!binary` value decodes to a NUL character (U+0000), which a report cannot hold: write the text itself
yaml-not-a-mapping-help = a week file is a YAML mapping, starting e.g. with `date: 2023-10-24`
yaml-too-deep = the YAML nests deeper than { $depth } levels
yaml-aliases = aliases (`*name`) expand to more than { $events } YAML events (an alias bomb?)
yaml-too-many-nodes = the YAML has more than { $nodes } nodes (values, lists and mappings)
yaml-too-many-anchors = the YAML uses too many aliases (`*name`) or anchors (`&name`)
yaml-too-complex = the YAML is too large or too complex
yaml-tag-before-text = a tag (`!!…`) stands before this value, where a plain text goes
yaml-tag-before-text-help = remove the tag, e.g. `date: 2023-10-24`
yaml-tag-where-not = a tag (`!!…`) stands before this value, where it cannot
yaml-tag-where-not-help = remove the tag and write the value itself
yaml-text-missing = a text is missing here
yaml-text-missing-help = write the text after the key, e.g. `title: 银行虚户建设`
yaml-second-document = a second YAML document starts here (`---`): a week file holds one document
yaml-duplicate-key = duplicate key `{ $key }`
yaml-duplicate-key-unnamed = duplicate key
yaml-duplicate-key-help = a key appears once per mapping: join the two values or remove one
yaml-unknown-anchor = `*` refers to an anchor (`&name`) that is not defined above it
yaml-unknown-anchor-help = define `&name` on an earlier value, or quote the text if the `*` is meant literally
list-separator = {", "}
yaml-unknown-key = unknown key `{ $key }`; the keys here are { $keys }
yaml-unknown-choice = `{ $value }` is not { $key ->
    [better] a value of `better`
    [aggregate] a value of `aggregate`
    [align] a value of `align`
   *[other] a { $key }
  }: write one of { $choices }
yaml-unknown-choice-unnamed = `{ $value }` is not a value: write one of { $choices }
yaml-missing-key = the key `{ $key }` is missing
yaml-missing-date-help = a week starts with the date that names it, e.g. `date: 2023-10-24`
yaml-not-a-progress = `{ $value }` is not a progress: write a whole number from 0 to 100, without `%`
yaml-not-a-progress-label = a number 0-100
yaml-not-a-progress-help = e.g. `{ $key }: 60`
yaml-not-a-week = `{ $value }` is not a week number
yaml-not-a-week-help = write a whole number such as `week: 44`, or leave `week` out: it is derived from `date`
yaml-not-a-level = `{ $value }` is not a heading level
yaml-not-a-level-help = write a whole number from 1 to 6
yaml-not-a-whole-number = `{ $value }` is not a whole number
yaml-not-a-number = `{ $value }` is not a number
yaml-not-a-bool = `{ $value }` is not true or false
yaml-cannot-read = `{ $value }` cannot be read here
yaml-value-not-read = this value has none of the forms this place takes
yaml-wrong-type = expected { $want } for `{ $key }`, found { $found }
yaml-wrong-type-unnamed = expected { $want }, found { $found }
yaml-expected = expected { $want } for `{ $key }`
yaml-expected-unnamed = expected { $want }
yaml-want-whole-number = a whole number
yaml-want-text = a text
yaml-want-text-string = a text (a string)
yaml-want-list = a list (`- item` lines)
yaml-want-mapping = a mapping (`key: value` lines)
yaml-want-bool = true or false
yaml-found-list = a list
yaml-found-mapping = a mapping
yaml-found-nothing = nothing
yaml-found-text = the text `{ $text }`
yaml-found-number = the number { $number }
yaml-found-bool = `{ $value }`
yaml-full-width-colon = full-width colon `：` after the key `{ $key }`
yaml-full-width-colon-label = use `:` after a key
yaml-full-width-colon-help = a key ends with an ASCII colon and a space: `{ $key }: …`
yaml-flow-then-block = `{ $key }:` is given `{ $value }` here, so the lines below cannot belong to it
yaml-flow-then-block-label = `{ $key }` ends here
yaml-flow-then-block-help = drop the `{ $value }` to give `{ $key }` the `- …` lines below
yaml-colon-in-line = `{ $written }` reads as the key `{ $key }` with a value, not as a line of text
yaml-colon-in-line-label = quote the line or use ：
yaml-colon-in-line-help = YAML takes a word followed by `: ` as a key: write "{ $written }" in quotes, or { $key }：{ $value } with a full-width colon
yaml-syntax-simple-key = expected `:` after a key: a line in a mapping reads `key: value`
yaml-syntax-simple-key-help = to add a list item start the line with `- `; to continue the text above, indent it further than its key
yaml-syntax-keys-misaligned = this line does not line up with the keys above it
yaml-syntax-keys-misaligned-help = keys of one mapping start in the same column: check the indentation of this line and the lines above
yaml-syntax-list-misaligned = this line does not line up with the list above it
yaml-syntax-list-misaligned-help = the items of one list start with `- ` in the same column
yaml-syntax-colon-in-value = a `: ` here would start a second value on one line
yaml-syntax-colon-in-value-help = put a text holding `: ` in quotes (`text: "a: b"`), or check the indentation
yaml-syntax-dash-here = a list item (`- `) cannot start here
yaml-syntax-dash-here-help = start a list on the line after its key (`items:`, then `- …` lines), not after a value
yaml-syntax-unclosed-quote = this quote is never closed
yaml-syntax-unclosed-quote-help = end the text with the same quote mark, or drop the quotes
yaml-syntax-unclosed-bracket = this bracket is never closed
yaml-syntax-unclosed-bracket-help = close it on the same line (`[a, b]`), or write the list as `- item` lines
yaml-syntax-mismatched-bracket = this bracket does not match the one that opened
yaml-syntax-mismatched-bracket-help = `[` closes with `]`, `{"{"}` with `{"}"}`
yaml-syntax-misplaced-bracket = this bracket closes nothing
yaml-syntax-misplaced-bracket-help = remove it, or put the text in quotes
yaml-syntax-tab = a tab indents this line; YAML indents with spaces
yaml-syntax-tab-help = replace the tab with spaces
yaml-syntax-bad-indent = this line is indented wrongly
yaml-syntax-bad-indent-help = indent it like the lines it belongs with
yaml-syntax-block-indent = this line of a `|` text is indented less than the text's first line
yaml-syntax-block-indent-help = indent every line of the text at least as far as its first line
yaml-syntax-value-missing = a value is missing here
yaml-syntax-value-missing-help = write a value after the key, or quote a text that starts with a special character
yaml-syntax-unexpected-end = the file ends in the middle of a value
yaml-syntax-unexpected-end-help = close the last `[`, `{"{"}` or quote
yaml-syntax-comment-space = a `#` starts a comment only after a space
yaml-syntax-comment-space-help = put a space before `#`, or quote the text
yaml-syntax-dash-space = a list item needs a space after `-`
yaml-syntax-dash-space-help = write `- item`
yaml-syntax-colon-space = a key needs a space after `:`
yaml-syntax-colon-space-help = write `key: value`
yaml-syntax-after-quote = text follows the closing quote
yaml-syntax-after-quote-help = put the whole text inside the quotes
yaml-syntax-bad-start = this character cannot start a value
yaml-syntax-bad-start-help = put the text in quotes
yaml-syntax-unknown-escape = unknown `\` escape inside double quotes
yaml-syntax-unknown-escape-help = write `\\` for a backslash, or use single quotes
date-year-digits = `{ $date }` is not a date: the year must have four digits, 0001 to 9999 (YYYY-MM-DD)
date-no-such-month = `{ $date }` is not a date: there is no month { $month } (YYYY-MM-DD)
date-no-such-day = `{ $date }` is not a date: { $month_name } { $year } has { $days } days
date-not-in-form = `{ $date }` is not a date in the form YYYY-MM-DD (e.g. 2023-10-24)
date-time-not-in-form = `{ $date }` is not a date and time in the form YYYY-MM-DD HH:MM (e.g. 2023-11-29 20:54)
section-items-without-objective = `items` belongs to an `objective`; for a plain list use `list`
section-no-kind = a section needs one of the keys { $keys }, with something under it (a key with nothing after its colon holds nothing: write the items under it, or `[]` for an empty list)
section-two-kinds = a section has exactly one kind, this one has { $kinds }: split it in two
section-kind-and = {" and "}
section-level-out-of-range = heading level { $level } is not between 1 and 6
metric-needs-name = a metric needs a `name`
metric-with-metrics = `metrics` belongs to a metric line, not to a metric: take out `name`
metric-needs-name-or-text = a metric needs a `name` (a line in the JSON form: `text` or `metrics`)
metric-not-a-quantity = `{ $text }` is not a number with an optional unit (e.g. 99.9%)
metric-field-not-a-quantity = { $field } `{ $text }` is not a number with an optional unit (e.g. 99.9%)
metric-want-line = a metric line (text, a metric {"{"}name, value{"}"}, or a list of metrics)
metric-want-metrics = metrics (a mapping of group label to lines, or a list of lines)
metric-want-value = a value
field-want = a field (`Label: value` or `Label: [values]`)
field-needs-label = a field needs a label: `Lead: @alice`
field-one-label = a field is one `Label: value`; write each field as its own `- Label: value`
field-value-not-read = a field's value is a text, a number, or a list of texts
item-due-not-a-date = `{ $text }` is not a date: write 2023-12-20, or without the year 12/20, 12月20日 or Dec 20
item-progress-over-100 = progress { $value } is over 100
item-want = an item (a text, or a mapping of its keys)
incident-want = an incident (a text, or a mapping of its keys)
link-want = a link (a text, or a mapping of its keys)
topic-want = a topic (a text, or a mapping of its keys)
risk-want = a risk (a text, or a mapping of its keys)
agenda-want = a list of topics, or `intro:` and `topics:`
risks-want = a list of risks, or a table (`columns:` and `rows:`)
person-said-want = a line of text, or a list of items
table-no-column = a table needs at least one column
table-cell-not-read = a table cell is a text or a number
table-column-not-read = a column is a name, or a mapping with `name:` and `align:` (left, center or right)
diag-in-file = in { $file }
yaml-parser-said = { $text }
