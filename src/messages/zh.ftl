# 中文消息。每个 id 在 en.ftl 中都有对应（有测试检查两边 id 相同）。
# 参数写作 { $name }；字面的花括号写作 {"{"} 或 {"}"}。

## 检查：每条警告的标题、插入符下的标注和帮助行

section-named = 段落 `{ $name }`
objective-named = 目标 `{ $name }`
empty-section = { $what } 是空的
empty-section-label = 下面什么也没有
empty-section-help = 填写内容，或删除该段落
progress-regressed = 进度从上周的 { $before }% 降到了 { $now }%
progress-regressed-label = 上周为 { $before }%
progress-regressed-help = 若范围扩大了，请在 `note:` 中说明；否则请更正 `progress`
overdue = 截止日期 { $due } 早于周报日期 { $day }，且该项尚未完成
overdue-label = 截止 { $due }
overdue-help = 标记为 `status: done`，或在 `due:` 中写明新的日期
item-without-outcome = `{ $item }` 没有写进度、指标、截止日期或结果
item-without-outcome-label = 有什么变化？
item-without-outcome-help = 加上 `progress:`、`due:` 或 `status: done`，或写明结果或可度量的效果
incident-no-impact-no-level = 事件没有写影响，也没有写级别
incident-no-impact = 事件没有写影响
incident-no-level = 事件影响了业务，但没有写级别
incident-incomplete-label = 不完整
incident-incomplete-help = 写成带 `time:`、`text:`、`impact:`（或 无）和 `level:`（如 CD）的映射
metric-below-target = { $metric } 为 { $value }，{ $side ->
    [above] 高于
   *[below] 低于
}目标 { $target }
metric-below-target-label = 目标 { $target }
metric-below-target-help = 在周报中说明差距，或更正 `target:`
metric-worse-than-previous = { $metric } 从上周的 { $previous } 变为 { $value }（{ $change }）
metric-worse-than-previous-label = 比上周差
metric-worse-than-previous-help = 阈值：% 指标为 { $pp }pp，其他为上周值的 { $relative }%；请在周报中说明变化
metric-unit-changed = { $metric } 为 { $value }，但{ $field ->
    [target] 目标
   *[previous] 上周值
}为 { $other }：单位无法比较
metric-unit-changed-label = { $field } { $other }
metric-unit-changed-help = 不计算变化也不作判断；请用与 { $value } 可比的单位写 `{ $field }:`
incident-count-mismatch = { $metric } 写的是 { $stated }，但列出的 { $level } 级事件有 { $listed } 个
incident-count-mismatch-label = 列出 { $listed } 个
incident-count-mismatch-unlevelled = 列出的事件中有 { $count } 个没有级别，不计入任何级别；请给每个定级事件写上 `level:`
incident-count-mismatch-help = 更正数量，或列出缺少的事件
metric-without-value = { $metric } 没有值，而周报日期 { $day } 已到
metric-without-value-label = 没有值
metric-without-value-help = 填写本周的 `value:`，或删除该指标
placeholder-left = 留有占位符 `…`，而周报日期 { $day } 已到
placeholder-left-label = 请填写
placeholder-left-help = 写上应有的内容，或删除这一行
item-unchanged-from-last-week = `{ $item }` 与上周的 { $file } 完全相同
item-unchanged-from-last-week-label = 与上周相同
item-unchanged-from-last-week-help = 写明本周工作进展（进度、状态、结果），或删除该项
metric-line-not-read = 未能从 `{ $text }` 读出指标
metric-line-not-read-label = 按原样输出，但未读取
metric-line-not-read-help = 每个指标写作 `名称：99.9%` 或 `Name: 99.9%`（用逗号分隔），目标写作 （目标99.95%） 或 (target 99.95%)，或写成映射 {"{"}name, value{"}"}
metric-change-disagrees = { $metric } 写的变化是 { $stated }，但从上周 { $previous } 到 { $value } 是 { $computed }
metric-change-disagrees-label = 算得 { $computed }
metric-change-disagrees-help = 更正所写的变化，或本周、上周的值
derived-fact-disagrees = 文件中 `{ $field }` 为 { $written }，但从周报文本得出 { $derived }
derived-fact-disagrees-label = 与文本得出的不同
derived-fact-disagrees-help = 派生字段会从文本重新读出，不按所写采用：请更正文本，或删除该字段
week-date-mismatch = 第 { $given } 周与日期 { $date } 不符（按 `{ $rule }` 规则为第 { $number } 周）
week-date-mismatch-label = 与日期矛盾
week-date-mismatch-other-rule = 这是 `--week-numbering { $rule }` 规则下的周数
week-date-mismatch-help = 写 `week: { $number }`，或省略 `week` 由日期推出

## `weekly check --explain CODE` 与 docs/check.md 中的表格

lint-item-without-outcome-summary = 目标下的某项只写了工作，没有进度、指标、截止日期或结果
lint-item-without-outcome-explain = 目标（服务于 O1、O2……的项目）下的某项写了做了什么，却没写进展到哪里：没有进度（`progress:` 或文本中的 进度70%），没有截止日期（`due:` 或 预计11/10上线），没有结果（`status: done`，或一句写明 完成、上线、投产、交付、发布、落地、验收、结项、成功 或 打通 且不是计划——如 计划/预计/待/下周——的话），也没有可度量的数字（60%、297台、656分、2笔……）。带有其中任何一种的编号要点也算作其所属项的结果。只列工作而不写对目标指标之影响的周报难以评判；请写明有什么变化。
lint-progress-regressed-summary = 进度低于上周的进度
lint-progress-regressed-explain = 某项的 `progress` 低于其 `previous_progress`（由 `weekly new` 从上周带过来）。进度倒退通常意味着范围扩大了或数字写错了；请在 `note:` 中说明是哪一种，或更正数字。
lint-overdue-summary = 截止日期早于周报日期，且该项尚未完成
lint-overdue-explain = 某项的截止日期早于周报的 `date:`，而其 `status` 既不是 `done` 也不是 `dropped`。用 `due:` 给出的截止日期总是计入；从文本读出的日期（11/9上线）只在文本把它说成计划（预计、计划）且没有说已经发生（已上线、已完成……）时计入。请把该项标记为 `status: done`，或写明新的日期。
lint-metric-below-target-summary = 指标比目标差
lint-metric-below-target-explain = 指标的值比其 `target:` 差：越高越好的指标低于目标，越低越好的指标高于目标。哪个方向更好取自指标的 `better: higher` 或 `better: lower`，其次是 weekly.toml 的 `[metrics]` 表（名称或通配符，如 "*延迟*" = "lower"），再次是名称中的词：failed、error、defect、bug、latency、lag、downtime、incident、cost、spend、churn、失败、错误、缺陷、故障、事故、延迟、耗时、超时、成本、投诉……表示越低越好；success、availability、uptime、coverage、成功率、可用性、覆盖率……表示越高越好。都没有说明时，不判断任何指标低于目标。同类单位的值会换算后比较（230ms 与 0.25s）；无法比较的值不比较。请在周报中说明差距，或更正目标。
lint-metric-worse-than-previous-summary = 指标比上周变差，且超过阈值
lint-metric-worse-than-previous-explain = 指标的值比其 `previous:`（上周的值）差，且超过阈值：% 指标为 0.01 个百分点，其他为上周值的 5%（上周值为 0 时任何变差都算）。哪个方向更好的判断与 `metric-below-target` 相同；都没有说明时，不判断任何变化为变差。请在周报中说明变化。
lint-metric-unit-changed-summary = 指标的值、目标或上周值的单位无法比较
lint-metric-unit-changed-explain = 指标的值与其 `previous:`（或 `target:`）所用单位度量的是不同的东西，因此不计算变化，也不判断好坏：230ms 对 3次，4次 对 3个，100元 对 100$。同类单位换算后可以比较：时间（ms、s、秒、min、分钟、h、小时、d、天），百分比（%、‰；变化以百分点计），同一币种的金额（元、万元、¥；$、k$），以及量词相同的计数（次 与 次，万笔 与 笔）。请用可比的单位写两个值，或更正写错的那个。
lint-incident-incomplete-summary = 事件没有写影响，或影响了业务却没有级别
lint-incident-incomplete-explain = 事件既没有写它对业务造成了什么（`impact:`，或写明影响的文字：影响、导致、造成、不可用、中断、affected、impact、outage、unavailable、failed for、degraded……），或者在影响了业务时没有写严重程度（`level:`，如 CD、P2 或 SEV1，或文本中的级别：CD级、P0-P4、SEV-1、Sev 2、severity 3，或与 incident、事故 等词并列的 S1-S4）。影响为无的事件（`impact: 无` 或 `none`，或 对业务无影响、未对业务产生影响、no business impact、did not affect users 之类的文字）不需要级别。请把事件写成带 `time:`、`text:`、`impact:` 和 `level:` 的映射。
lint-incident-count-mismatch-summary = 按级别写的事件数与列出的事件不符
lint-incident-count-mismatch-explain = 按级别统计事件的指标，如 事故数AB级0次，CD级1次（读作指标 事故数AB级 = 0 和 事故数CD级 = 1），与本周列出的该级别事件数不符。计数是名称中含 事故、故障 或 incident、并以级别加 级 结尾的指标。事件的 `level:`（或文本中如 CD级 的级别）等于计数的级别，或是其中一个字母时计入：`A` 和 `B` 计入 AB级，`CD` 和 `C` 计入 CD级。没有级别的事件不计入任何级别。
lint-week-date-mismatch-summary = `week:` 与 `date:` 矛盾（错误：周报不能渲染）
lint-week-date-mismatch-explain = 文件给出的 `week:` 周数不是其 `date:` 在当前周数规则下的周数（默认 `jan1`：第 1 周包含 1 月 1 日，每周从周一开始；或 `iso`）。这是错误而不是警告：`render` 同样拒绝该文件。请更正周数，省略 `week:` 由日期推出，或用 `--week-numbering` 选择规则。
lint-empty-section-summary = 段落没有内容
lint-empty-section-explain = 段落中什么也没有：没有条目、指标行、事件、链接或文字（目标下既无条目也无事件）。它会渲染成一个光秃秃的标题。请填写内容或删除它。
lint-metric-line-not-read-summary = 指标段落中有一行读不出任何指标
lint-metric-line-not-read-explain = 指标段落的每一行要么给出指标，要么被报告：像 可用性：99.99%（含计划内维护） 或 `Pages down from 23 to 9` 这样的行会按原样输出，但 `trend`、`check` 和 `render --show-targets` 对它一无所知。当逗号或分号之间的每一部分都是名称加值时，这一行才读作指标：`名称：99.9%`、`Name: 99.9%`、`成功率C=99.9%`、`p95 latency 42 min`（无分隔符：值是第一个不接续单词的数字）、`Spend: $48,200`、`金额：1,234万`、按级别的计数（事故数AB级0次，CD级1次），每个后面可以跟括号中的目标或上周值（（目标99.95%）、(target 99.95%)、（上周0.6%）、(last week 0.6%)），或前一个指标的变化（环比下降0.1%、环比+0.1pp、down 0.1pp、-20ms WoW）。请按其中一种形式改写这一行，或写成映射 {"{"}name, value{"}"}。含有占位符 `…` 的行交给 `placeholder-left`。
lint-metric-change-disagrees-summary = 所写的变化（环比下降0.1%）与按上周值算出的不同
lint-metric-change-disagrees-explain = 指标行写了变化（环比下降0.1%、环比+0.1pp、down 0.1pp、-20ms WoW），且上周的值已知（`previous:`、行中的 （上周0.6%），或 `weekly new` 带过来的那一周中同名的指标），而两者不一致：本周值减去上周值，按所写变化的位数取整后，不等于所写的变化。对 % 指标，以 % 或 pp 写的变化读作百分点，也接受作为相对变化；其他单位的指标以 % 写的变化是相对变化，不作比较。请更正所写的变化或数值。
lint-metric-without-value-summary = 指标没有值，而周报日期已到
lint-metric-without-value-explain = `weekly new` 把每个指标连同上周的值作为 `previous:` 带过来，不带值，留给作者填写。在周报日期（`date:`）之前这是预期的，`check` 不作声，因此周一生成的草稿能通过 `check --deny-warnings`；从该日期起（今天的日期，或 `check --today DATE`），仍没有 `value:` 的指标会被报告。请填写本周的值，或删除该指标。
lint-placeholder-left-summary = 留有占位符 `…`，而周报日期已到
lint-placeholder-left-explain = `weekly new` 写的样例在作者要填写的地方留有 `…`（`- …`、`…：99.9%`、`….md`），带过来却读不出指标的指标行，其中的数字也会换成 `…` 而不是上周的数字。从周报日期起（今天的日期，或 `check --today DATE`），注释之外某行中单独留下的 `…` 会被报告；在此之前 `check` 不作声。中文省略号（……，两个）是正文，不报告。
lint-item-unchanged-from-last-week-summary = 某项与上周完全相同，而周报日期已到
lint-item-unchanged-from-last-week-explain = `weekly new` 会在新文件开头的注释中记下它所依据的文件（`# from: 2023-W44.yaml`，相对于新文件所在的文件夹）。从周报日期起（今天的日期，或 `check --today DATE`），某项（不是要点，也不是下周计划）的标题、文字、备注和要点都与该文件中的某项相同，且没有新的进度或状态时，会被报告：上周的内容被带过来却没有更新。请写明本周工作进展，或删除该项。没有这条注释，或读不了该文件时，这项检查不运行。
lint-derived-fact-disagrees-summary = `render -f json` 输出中的派生字段与文本不符
lint-derived-fact-disagrees-explain = `render -f json` 把每个派生的事实写在它所出自的文本旁边：指标行的 `metrics`（name、value、unit、text……），对象在其 `derived` 列表中列出的字段（从文本读出的条目 `progress`、`due`、`status` 或 `owner`，链接的 `date`，`week` 周数，指标的 `better`），以及总是计算的字段（`year`、`numbering`、`change`、`change_unit`、`change_text`、`below_target`、`worse_than_previous`、`at`、`severity`、`affects_business`）。读回时这些字段不按所写采用：周报会从文本重新推出，此警告指出文件中的值与文本现在给出的不同的每个字段（在 JSON 中改了数字却没改那一行，或文件是在另一种周数规则下写的）。请更正文本，或删除该字段。

## `weekly check`：结尾一行、`--explain`

severity-error = 错误
severity-warning = 警告
warnings-count = { $count } 条警告
files-count = { $count } 个文件
files-some-of = { $count } 个文件中的 { $some } 个
check-had-errors = { $which }有错误
check-had-errors-and-warnings = { $which }有错误；{ $warnings }
check-denied = { $which }中有 { $warnings }，--deny-warnings 不允许警告
check-warned = { $which }中有 { $warnings }
check-unknown-code = 未知的检查代码 `{ $code }`；代码有：{ $codes }
check-unknown-code-near = 未知的检查代码 `{ $code }`（是不是 `{ $near }`？）；代码有：{ $codes }

## 共用的词

did-you-mean = 是不是 `{ $name }`？
list-and = 和

## `weekly trend`

trend-no-weeks = 没有读到任何一周。
trend-no-metrics = 读到的 { $weeks } 周中没有指标值。
trend-heading = 指标：从 { $first }（{ $first_date }）到 { $last }（{ $last_date }），共 { $weeks } 周。
trend-legend = (±x)：与上一个有值的周相比的变化。⚠：未达目标（越低越好的指标为高于目标）。
trend-column-week = 周
trend-column-date = 日期
trend-summary-header = | 指标 | 目标 | 周数 | 未达目标 | 最新 | 最小 | 最大 | 趋势 |
trend-no-unit = 无
trend-unit-note = { $metric }：{ $values } 与其最新单位（{ $unit }）无法比较：旁边不写变化，也不计入最小、最大、趋势和图表。
trend-ambiguous-name = `{ $name }` 只在大小写上与 { $names } 相同：请准确写出其中一个
trend-unknown-name = 读到的 { $weeks } 周中没有名为 `{ $name }` 的指标
trend-no-metric-values = 这些周中没有指标值
trend-metrics-are = 指标有：{ $names }

## `new`、`render`、`import` 与配置的提示

new-wrote = 已写入 { $file }
new-wrote-from = 已写入 { $file }（承接自 { $from }）
new-no-daily-folder = 日报文件夹 { $dir } 不存在：本周没有日报链接
render-failed = { $read } 个输入中有 { $failed } 个失败
trend-failed = { $read } 个文件中有 { $failed } 个失败；未输出趋势
config-ignored = 忽略了一个配置文件（此命令不需要它）：
import-several-need-out-dir = 多份周报需要 --out-dir DIR（每份一个 YAML 文件）
import-folder-needs-out-dir = { $dir } 是文件夹：请用 --out-dir DIR 导入其中的周报
import-folder-empty = { $dir }：文件夹里（含各级子文件夹）没有 .md 文件（隐藏文件夹不读）
import-folder-unreadable = 无法读取文件夹 { $dir }：{ $reason }
import-stdin-with-out-dir = 标准输入（`-`）不能与 --out-dir 一起使用
import-cannot = 无法导入 { $name }
import-done = 已导入 { $read } 份周报中的 { $imported } 份到 { $dir }：{ $summary }
import-failed = { $read } 份周报中有 { $failed } 份失败
import-unknown-headings = { $count ->
    [one] 标题 { $headings } 没有对应的类型，这一节按原文保留
   *[other] { $count } 个标题没有对应的类型，这些节按原文保留：{ $headings }{ $more ->
        [0] {""}
       *[other] {" "}等另外 { $more } 个
    }
  }；如果每周的周报都有这样的一节，可在 weekly.toml 里为它指定一次类型后重新导入，例如 `[import.headings]` `"{ $example }" = "key_work"`（或 next_week、risks、metrics、other、agenda、text 等）
import-unknown-headings-batch = { $imported } 份周报中，有 { $reports } 份的{ $count ->
    [one] 标题 `{ $example }` 没有对应的类型
   *[other] { " " }{ $count } 个标题没有对应的类型
  }，这些节按原文保留{ $count ->
    [one] {""}
   *[other] ；按出现的周报数排列：{ $headings }{ $more ->
        [0] {""}
       *[other] {" "}等另外 { $more } 个
    }
  }；如果每周的周报都有这样的一节，可在 weekly.toml 里为它指定一次类型后用 --force 重新导入，例如 `[import.headings]` `"{ $example }" = "key_work"`（或 next_week、risks、metrics、other、agenda、text 等）
import-unknown-heading-count = `{ $heading }`（{ $reports } 份）
import-progress-title = 标题 `{ $title }` 表明这是一份进展报告，因此没有对应类型、内容为段落或列表的各节（卷首语、前言、链接等除外）按本期的工作（key_work）读取；如有不对，可在 weekly.toml 的 `[import.headings]` 里为这些标题指定类型
import-kept-raw = `{ $heading }` 按原文（Markdown）保留：其内容不是模板所写的 { $kind } 格式
import-kept-whole = 整份按原文（Markdown）保留：拆开的各部分渲染回来与原文不同
import-date-from-folder = 周报及其文件名里没有日期：使用文件夹 `{ $folder }` 的第一天 { $date }；请用 --date 给出周报的日期
import-date-from-modified = 周报、文件名和文件夹里都没有日期：使用文件的修改日期 { $date }；请用 --date 给出周报的日期
import-no-date = { $name }：在周报的 front matter、标题、开头几行和各级标题里都没有找到日期（格式如 2023-10-24、2023/10/24、2023年10月24日、October 24, 2023）；请用 --date 给出
import-date-us = 日期按美式 月/日/年 读取：{ $date }
import-date-yearless = 日期范围没有写年份：年份 { $year } 取自{ $from ->
    [name] 文件名
    [folders] 文件夹
    [given] --date
    [modified] 文件的修改日期
   *[other] 上下文
  }
import-one = { $file }：第 { $week } 周（{ $date }）：{ $summary }
import-summary = { $sections ->
    [0] 0 个段落
   *[other] { $sections } 个段落（{ $kinds }）
}，{ $metrics } 个指标，{ $items } 个条目，{ $incidents } 个事件，{ $links } 个链接
merge-failed = { $read } 个文件中有 { $failed } 个失败；未合并
merge-problems = { $count } 个问题；未合并
mail-dry-run = 未发送（--dry-run）。
mail-sent = 已通过 { $via } 发送“{ $subject }”
mail-unresolved-links = { $count } 个相对链接，而 weekly.toml 中没有 [links] base 把它们变为绝对链接；邮件中显示为文字：

risk-no-owner-no-mitigation = 未关闭的风险「{ $text }」没有写负责人和应对措施
risk-no-owner = 未关闭的风险「{ $text }」没有写负责人
risk-no-mitigation = 未关闭的风险「{ $text }」没有写应对措施
risk-no-owner-no-mitigation-label = 缺负责人和应对措施
risk-no-owner-label = 缺负责人
risk-no-mitigation-label = 缺应对措施
risk-incomplete-help = 补上 `owner:`（负责人）和 `mitigation:`（应对措施），或以 `status: closed` 关闭
lint-risk-incomplete-summary = 未关闭的风险没有写负责人或应对措施
lint-risk-incomplete-explain = 一个仍未关闭的风险、问题、阻塞或依赖（`status` 为 `open` 或 `watching`，或未写且正文没有说已解决、已关闭），没有写明负责人或应对措施。负责人写在 `owner:`，或正文中的 `负责人：张三`、`Owner: Bob`、开头的 `@alice`；应对措施写在 `mitigation:`，或正文中的 `应对：…`、`应对措施：…`、`措施：…`；风险表中则是「负责人」「应对措施」两列。请补上两者，或以 `status: closed` 关闭该风险。

rollup-no-week = 读到的 { $read } 份周报中没有 { $period }（{ $start } 至 { $end }）的周报
rollup-missing-week = { $period }：缺少 { $week } 的周报（{ $monday } 那一周）
rollup-no-period = 请给出周期：--month、--quarter、--half、--year，或 --from 与 --to
rollup-failed = { $read } 个文件中有 { $failed } 个失败；未写出汇总

## `weekly rollup`：期间的风险（-t 决定语言）
rollup-risks-heading = 风险变化
rollup-risks-open-heading = 期末仍未关闭的风险
rollup-risk-summary = 期初 { $start } 项，新增 { $opened } 项，关闭 { $closed } 项，不再报告 { $gone } 项，期末仍未关闭 { $open } 项
rollup-risk-opened = 新增：{ $text }（{ $week }）
rollup-risk-closed = 关闭：{ $text }（{ $week }，标记为已关闭）
rollup-risk-gone = 不再报告：{ $text }（最后见于 { $week }，未标记关闭）
rollup-risk-incomplete = 待补充：{ $text }（{ $lacks }）

action-unowned = 待办「{ $text }」没有写由谁来做
action-unowned-label = 缺负责人
action-unowned-help = 在这一行写明由谁来做：`TODO: @alice …`、`待办：… @张三`、`负责人：张三`，或指向其主页的链接
lint-action-unowned-summary = 会议议程中的待办（`Action:`、`TODO:`、`待办：`）没有写由谁来做
lint-action-unowned-explain = `agenda` 议题下以 `Action:`、`Action item:`、`TODO:`、`待办：` 或 `行动项：` 开头的要点记下了会后要做的事，却没有写由谁来做；在 `Action items` / `待办事项` 标题下，每个议题都是这样的待办，其 `owner:` 即负责人。请在这一行写明：`@用户名`、`[姓名](https://github.com/姓名)` 链接，或 `负责人：张三` / `owner: Ann`。

## 读取周报文件（YAML）：入口检查、用作者的话说明的解析错误，以及读取时模型所做的检查（段落、条目、指标、字段、表格、日期）

yaml-too-large = { $name } 超过了 { $limit } 字节的上限（可用 --max-size 调高）
yaml-not-utf8 = { $name } 不是有效的 UTF-8（字节位置 { $byte }）
yaml-not-utf8-label = 此处不是有效的 UTF-8
yaml-not-utf8-help = 请把文件另存为 UTF-8 编码
yaml-utf16-help = 这看起来是 UTF-16 编码：请把文件另存为 UTF-8
yaml-nul = { $name } 含有 NUL 字节
yaml-nul-label = NUL 字节
yaml-nul-help = 这是不是二进制文件？
yaml-empty = { $name } 是空的
yaml-binary-nul = `!!binary` 值解码后含有 NUL 字符（U+0000），周报中不能有这个字符：请直接写出文字
yaml-not-a-mapping-help = 周报文件是一个 YAML 映射，例如以 `date: 2023-10-24` 开头
yaml-too-deep = YAML 的嵌套超过了 { $depth } 层
yaml-aliases = 别名（`*name`）展开后超过 { $events } 个 YAML 事件（是别名炸弹吗？）
yaml-too-many-nodes = YAML 的节点（值、列表和映射）超过了 { $nodes } 个
yaml-too-many-anchors = YAML 用了过多的别名（`*name`）或锚点（`&name`）
yaml-too-complex = YAML 过大或过于复杂
yaml-tag-before-text = 这个值前面有标签（`!!…`），而这里应写普通文字
yaml-tag-before-text-help = 去掉标签，例如 `date: 2023-10-24`
yaml-tag-where-not = 这个值前面有标签（`!!…`），这里不能用标签
yaml-tag-where-not-help = 去掉标签，直接写出值
yaml-text-missing = 这里缺少文字
yaml-text-missing-help = 在键后面写上文字，例如 `title: 银行虚户建设`
yaml-second-document = 这里开始了第二个 YAML 文档（`---`）：一个周报文件只能有一个文档
yaml-duplicate-key = 键 `{ $key }` 重复了
yaml-duplicate-key-unnamed = 键重复了
yaml-duplicate-key-help = 同一个映射中每个键只能出现一次：请把两处的值合并，或删掉其中一个
yaml-unknown-anchor = `*` 引用的锚点（`&name`）在前面没有定义
yaml-unknown-anchor-help = 在前面的某个值上定义 `&name`；如果 `*` 就是文字本身，请给文字加上引号
list-separator = 、
yaml-unknown-key = 未知的键 `{ $key }`；这里可用的键有：{ $keys }
yaml-unknown-choice = `{ $value }` 不是 `{ $key }` 的有效取值：请写 { $choices } 之一
yaml-unknown-choice-unnamed = `{ $value }` 不是有效的取值：请写 { $choices } 之一
yaml-missing-key = 缺少键 `{ $key }`
yaml-missing-date-help = 周报以标明这一周的日期开头，例如 `date: 2023-10-24`
yaml-not-a-progress = `{ $value }` 不是进度：请写 0 到 100 的整数，不带 `%`
yaml-not-a-progress-label = 0 到 100 的整数
yaml-not-a-progress-help = 例如 `{ $key }: 60`
yaml-not-a-week = `{ $value }` 不是周数
yaml-not-a-week-help = 请写整数，如 `week: 44`；或省略 `week`，由 `date` 推出
yaml-not-a-level = `{ $value }` 不是标题级别
yaml-not-a-level-help = 请写 1 到 6 的整数
yaml-not-a-whole-number = `{ $value }` 不是整数
yaml-not-a-number = `{ $value }` 不是数字
yaml-not-a-bool = `{ $value }` 不是 true 或 false
yaml-cannot-read = 这里无法读取 `{ $value }`
yaml-value-not-read = 这个值不是此处可以接受的任何一种形式
yaml-wrong-type = `{ $key }` 应为{ $want }，却是{ $found }
yaml-wrong-type-unnamed = 这里应为{ $want }，却是{ $found }
yaml-expected = `{ $key }` 应为{ $want }
yaml-expected-unnamed = 这里应为{ $want }
yaml-want-whole-number = 整数
yaml-want-text = 文字
yaml-want-text-string = 文字（字符串）
yaml-want-list = 列表（若干 `- item` 行）
yaml-want-mapping = 映射（若干 `key: value` 行）
yaml-want-bool = {" "}true 或 false
yaml-found-list = 列表
yaml-found-mapping = 映射
yaml-found-nothing = 空值
yaml-found-text = 文字 `{ $text }`
yaml-found-number = 数字 { $number }
yaml-found-bool = {" "}`{ $value }`
yaml-full-width-colon = 键 `{ $key }` 后面用了全角冒号 `：`
yaml-full-width-colon-label = 键后面要用 `:`
yaml-full-width-colon-help = 键以半角冒号加一个空格结尾：`{ $key }: …`
yaml-flow-then-block = `{ $key }:` 在这里已经给了 `{ $value }`，下面的行不能再属于它
yaml-flow-then-block-label = `{ $key }` 到此为止
yaml-flow-then-block-help = 删掉 `{ $value }`，下面的 `- …` 行就归 `{ $key }` 了
yaml-colon-in-line = `{ $written }` 被读成了键 `{ $key }` 及其值，而不是一行文字
yaml-colon-in-line-label = 给这一行加引号，或改用 ：
yaml-colon-in-line-help = YAML 把后面跟着 `: ` 的词当作键：请加引号写成 "{ $written }"，或用全角冒号写成 { $key }：{ $value }
yaml-syntax-simple-key = 键后面缺少 `:`；映射中的每一行都写作 `key: value`
yaml-syntax-simple-key-help = 要添加列表项，请以 `- ` 开头；要接续上面的文字，请让它比所属的键缩进得更深
yaml-syntax-keys-misaligned = 这一行与上面的键没有对齐
yaml-syntax-keys-misaligned-help = 同一映射的键从同一列开始：请检查这一行及上面几行的缩进
yaml-syntax-list-misaligned = 这一行与上面的列表没有对齐
yaml-syntax-list-misaligned-help = 同一列表的各项都以 `- ` 开头，且在同一列
yaml-syntax-colon-in-value = 这里的 `: ` 会在一行中开始第二个值
yaml-syntax-colon-in-value-help = 含有 `: ` 的文字请加引号（`text: "a: b"`），或检查缩进
yaml-syntax-dash-here = 列表项（`- `）不能从这里开始
yaml-syntax-dash-here-help = 列表从键的下一行开始（先写 `items:`，再写 `- …` 行），不能接在值的后面
yaml-syntax-unclosed-quote = 这个引号没有闭合
yaml-syntax-unclosed-quote-help = 用同样的引号结束文字，或去掉引号
yaml-syntax-unclosed-bracket = 这个括号没有闭合
yaml-syntax-unclosed-bracket-help = 在同一行内闭合它（`[a, b]`），或把列表写成若干 `- item` 行
yaml-syntax-mismatched-bracket = 这个括号与开头的括号不匹配
yaml-syntax-mismatched-bracket-help = `[` 用 `]` 闭合，`{"{"}` 用 `{"}"}` 闭合
yaml-syntax-misplaced-bracket = 这个右括号前面没有对应的左括号
yaml-syntax-misplaced-bracket-help = 删掉它，或给文字加引号
yaml-syntax-tab = 这一行用制表符缩进；YAML 只能用空格缩进
yaml-syntax-tab-help = 把制表符换成空格
yaml-syntax-bad-indent = 这一行的缩进不对
yaml-syntax-bad-indent-help = 按它所属的那几行缩进
yaml-syntax-block-indent = `|` 文字的这一行比第一行缩进得少
yaml-syntax-block-indent-help = 文字的每一行都至少要缩进到与第一行相同
yaml-syntax-value-missing = 这里缺少值
yaml-syntax-value-missing-help = 在键后面写上值；以特殊字符开头的文字请加引号
yaml-syntax-unexpected-end = 文件在一个值的中间结束了
yaml-syntax-unexpected-end-help = 闭合最后的 `[`、`{"{"}` 或引号
yaml-syntax-comment-space = `#` 前面有空格才开始注释
yaml-syntax-comment-space-help = 在 `#` 前面加一个空格，或给文字加引号
yaml-syntax-dash-space = 列表项的 `-` 后面要有空格
yaml-syntax-dash-space-help = 写作 `- item`
yaml-syntax-colon-space = 键的 `:` 后面要有空格
yaml-syntax-colon-space-help = 写作 `key: value`
yaml-syntax-after-quote = 闭合的引号后面还有文字
yaml-syntax-after-quote-help = 把整段文字都放进引号里
yaml-syntax-bad-start = 值不能以这个字符开头
yaml-syntax-bad-start-help = 给文字加引号
yaml-syntax-unknown-escape = 双引号中有未知的 `\` 转义
yaml-syntax-unknown-escape-help = 反斜杠写作 `\\`，或改用单引号
date-year-digits = `{ $date }` 不是日期：年份须为四位数字，0001 到 9999（YYYY-MM-DD）
date-no-such-month = `{ $date }` 不是日期：没有 { $month } 月（YYYY-MM-DD）
date-no-such-day = `{ $date }` 不是日期：{ $year } 年 { $month } 月只有 { $days } 天
date-not-in-form = `{ $date }` 不是 YYYY-MM-DD 格式的日期（例如 2023-10-24）
date-time-not-in-form = `{ $date }` 不是 YYYY-MM-DD HH:MM 格式的日期和时间（例如 2023-11-29 20:54）
section-items-without-objective = `items` 属于 `objective`；普通列表请用 `list`
section-no-kind = 段落需要以下键之一，且其下要有内容：{ $keys }（冒号后面什么也没写的键不含任何内容：请在它下面写上条目，空列表写作 `[]`）
section-two-kinds = 一个段落只能有一种类型，这一段有 { $kinds }：请拆成两段
section-kind-and = {" 和 "}
section-level-out-of-range = 标题级别 { $level } 不在 1 到 6 之间
metric-needs-name = 指标需要 `name`
metric-with-metrics = `metrics` 属于指标行，不属于单个指标：请去掉 `name`
metric-needs-name-or-text = 指标需要 `name`（JSON 形式中的指标行需要 `text` 或 `metrics`）
metric-not-a-quantity = `{ $text }` 不是数字（可以带单位，例如 99.9%）
metric-field-not-a-quantity = `{ $field }` 的值 `{ $text }` 不是数字（可以带单位，例如 99.9%）
metric-want-line = 指标行（文字、指标 {"{"}name, value{"}"}，或指标列表）
metric-want-metrics = 指标（分组标签到指标行的映射，或指标行的列表）
metric-want-value = 值
field-want = 字段（`Label: value` 或 `Label: [values]`）
field-needs-label = 字段需要标签：`Lead: @alice`
field-one-label = 一个字段只有一个 `Label: value`；每个字段请各写一行 `- Label: value`
field-value-not-read = 字段的值应为文字、数字或文字列表
item-due-not-a-date = `{ $text }` 不是日期：请写 2023-12-20，或不带年份写 12/20、12月20日 或 Dec 20
item-progress-over-100 = 进度 { $value } 超过了 100
item-want = 条目（文字，或由其各键组成的映射）
incident-want = 事件（文字，或由其各键组成的映射）
link-want = 链接（文字，或由其各键组成的映射）
topic-want = 议题（文字，或由其各键组成的映射）
risk-want = 风险（文字，或由其各键组成的映射）
agenda-want = 议题列表，或 `intro:` 加 `topics:`
risks-want = 风险列表，或表格（`columns:` 和 `rows:`）
person-said-want = 一行文字，或条目列表
table-no-column = 表格至少需要一列
table-cell-not-read = 表格的单元格应为文字或数字
table-column-not-read = 列应为列名，或带 `name:` 和 `align:`（left、center 或 right）的映射
diag-in-file = 位于 { $file }
yaml-parser-said = 无法解析这里的 YAML（解析器原文）：{ $text }
