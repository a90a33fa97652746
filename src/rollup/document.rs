//! The rollup written as a document in the week format (so `render`, `check` and `trend` read
//! it): the title and dates of the period, key work threads, objectives, metrics, incidents,
//! risks, plans against results, reflections under their weeks, and links to the weeks drawn from.

use std::path::Path;

use super::words::{aggregate_en, aggregate_zh};
use super::{Rollup, Span};
use crate::dates::Date;
use crate::error::Count;
use crate::week::{Body, Fact, Item, Link, Metric, MetricGroup, MetricLine, Metrics};
use crate::week::{Objective, Section, Status, Week};
use crate::yaml::At;

/// The language the document is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Chinese: 10月月报, 2023年第四季度.
    #[default]
    Zh,
    /// English: October 2023, Q4 2023.
    En,
}

impl Lang {
    /// The language of a template name: `en…` is English, anything else Chinese.
    pub fn of_template(name: &str) -> Lang {
        if name.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub(super) fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ZH_NUM: [&str; 4] = ["一", "二", "三", "四"];

impl Rollup {
    /// The title: `10月月报`, `2023年第四季度`, `2023年度总结`; `October 2023`, `Q4 2023`.
    pub fn title(&self, lang: Lang) -> String {
        let (s, e) = (self.period.start, self.period.end);
        let fy = |fiscal: bool| {
            lang.pick(
                if fiscal { "财年" } else { "年" },
                if fiscal { "FY" } else { "" },
            )
        };
        match (self.period.span, lang) {
            (Span::Month { month, .. }, Lang::Zh) => format!("{month}月月报"),
            (Span::Month { year, month }, Lang::En) => {
                format!("{} {year}", MONTHS[month as usize - 1])
            }
            (
                Span::Quarter {
                    year,
                    quarter,
                    fiscal,
                },
                Lang::Zh,
            ) => {
                format!("{year}{}第{}季度", fy(fiscal), ZH_NUM[quarter as usize - 1])
            }
            (
                Span::Quarter {
                    year,
                    quarter,
                    fiscal,
                },
                Lang::En,
            ) => {
                format!("Q{quarter} {}{year}", fy(fiscal))
            }
            (Span::Half { year, half, fiscal }, Lang::Zh) => {
                format!(
                    "{year}{}{}半年总结",
                    fy(fiscal),
                    ["上", "下"][half as usize - 1]
                )
            }
            (Span::Half { year, half, fiscal }, Lang::En) => {
                format!("H{half} {}{year} review", fy(fiscal))
            }
            (Span::Year { year, fiscal }, Lang::Zh) => {
                format!("{year}{}总结", if fiscal { "财年" } else { "年度" })
            }
            (Span::Year { year, fiscal }, Lang::En) => {
                format!("{}{year} annual review", fy(fiscal))
            }
            (Span::Range, Lang::Zh) => format!("{s}至{e}总结"),
            (Span::Range, Lang::En) => format!("Review {s} to {e}"),
        }
    }

    /// The rollup as a week-format document, its links to the weeks relative to `dir` (the
    /// folder the document is written into).
    pub fn document(&self, lang: Lang, dir: &Path) -> Week {
        let mut sections = vec![text(lang.pick("本期概况", "Overview"), self.overview(lang))];
        if !self.threads.is_empty() {
            sections.push(Section::new(Body::KeyWork(self.key_work(lang, dir))));
        }
        sections.extend(self.objectives(lang));
        if !self.metrics.is_empty() {
            sections.push(Section::new(Body::Metrics(self.metric_lines())));
            sections.push(list(
                lang.pick("指标走势", "Metrics over the period"),
                self.metric_notes(lang),
            ));
        }
        sections.extend(self.incident_sections(lang));
        sections.extend(self.risk_sections(lang));
        if self.plans.made > 0 {
            sections.push(list(
                lang.pick("计划兑现", "Plans against results"),
                self.plan_lines(lang),
            ));
        }
        if !self.reflections.is_empty() {
            sections.push(Section::new(Body::Reflection(self.reflection_text())));
        }
        let mut weeks = Section::new(Body::Daily(self.links(dir)));
        weeks.heading = Some(lang.pick("本期周报", "Weeks drawn from").into());
        weeks.level = Some(2);
        sections.push(weeks);
        Week {
            week: None,
            date: At::new(Date(self.period.start)),
            period_end: Some(Date(self.period.end)),
            created: None,
            title: Some(self.title(lang)),
            author: None,
            header: true,
            sections,
        }
    }

    pub(super) fn label(&self, week: usize) -> String {
        self.weeks[week].label()
    }

    fn overview(&self, lang: Lang) -> String {
        let (s, e, n) = (self.period.start, self.period.end, self.weeks.len());
        let mut out = match lang {
            Lang::Zh => format!("周期 {}：{s} 至 {e}，汇总 {n} 份周报", self.period.label()),
            Lang::En => format!(
                "Period {}: {s} to {e}, drawn from {}",
                self.period.label(),
                Count(n, "weekly report")
            ),
        };
        if let (Some(first), Some(last)) = (self.weeks.first(), self.weeks.last()) {
            let (a, b) = (first.label(), last.label());
            out.push_str(&match lang {
                Lang::Zh => format!("（{a} 至 {b}）"),
                Lang::En => format!(" ({a} to {b})"),
            });
        }
        out.push_str(lang.pick("。", "."));
        if !self.missing.is_empty() {
            let names: Vec<String> = self
                .missing
                .iter()
                .map(|m| format!("{} ({})", m.label, m.monday.format("%m/%d")))
                .collect();
            let sep = lang.pick("、", ", ");
            out.push_str(&match lang {
                Lang::Zh => format!("\n\n**缺少 {} 周周报**：{}。", names.len(), names.join(sep)),
                Lang::En => format!(
                    "\n\n**Missing {}**: {}.",
                    Count(names.len(), "weekly report"),
                    names.join(sep)
                ),
            });
        }
        out
    }

    fn key_work(&self, lang: Lang, dir: &Path) -> Vec<Item> {
        self.threads
            .iter()
            .map(|t| {
                let (first, last) = t.span();
                let span = if first == last {
                    self.label(first)
                } else {
                    format!("{} – {}", self.label(first), self.label(last))
                };
                let links: Vec<String> = t
                    .weeks
                    .iter()
                    .map(|&w| format!("[{}]({})", self.label(w), self.href(w, dir)))
                    .collect();
                let count = match lang {
                    Lang::Zh => format!("{span}，共 {} 周：", t.weeks.len()),
                    Lang::En => format!("{span}, {}: ", Count(t.weeks.len(), "week")),
                };
                let mut item = t.item.clone();
                let note = item
                    .note
                    .take()
                    .map(|n| format!("{n}\n\n"))
                    .unwrap_or_default();
                item.note = Some(format!("{note}{count}{}", links.join(" · ")));
                item.points = t.points.clone();
                item
            })
            .collect()
    }

    fn objectives(&self, lang: Lang) -> Vec<Section> {
        let weeks = self.weeks.len();
        let by = self.weeks.last().map_or(self.period.end, |w| w.date);
        self.goals
            .iter()
            .map(|g| {
                let items = g
                    .tracks
                    .iter()
                    .map(|t| {
                        let mut item = t.item.clone();
                        item.progress = t.end.map(Fact::given);
                        item.previous_progress = t.start.filter(|s| Some(*s) != t.end);
                        if t.done.is_some() {
                            item.status = Some(Fact::given(Status::Done));
                        }
                        let facts = self.track_facts(t, lang, weeks, by);
                        if !facts.is_empty() {
                            let note = item
                                .note
                                .take()
                                .map(|n| format!("{n}\n\n"))
                                .unwrap_or_default();
                            item.note =
                                Some(format!("{note}{}", facts.join(lang.pick("；", "; "))));
                        }
                        item
                    })
                    .collect();
                Section::new(Body::Objective(Objective {
                    name: g.name.clone(),
                    items,
                    incidents: Vec::new(),
                }))
            })
            .collect()
    }

    fn track_facts(
        &self,
        t: &super::Track,
        lang: Lang,
        weeks: usize,
        by: chrono::NaiveDate,
    ) -> Vec<String> {
        let mut facts = Vec::new();
        if let (Some(s), Some(e)) = (t.start, t.end)
            && s != e
        {
            facts.push(format!("{}{s}% → {e}%", lang.pick("进度", "progress ")));
        }
        if let Some(w) = t.done {
            facts.push(format!(
                "{}{}",
                lang.pick("完成于 ", "done in "),
                self.label(w)
            ));
        }
        if t.overdue(by) {
            let due = t.due.map(|d| d.to_string()).unwrap_or_default();
            facts.push(format!(
                "{}{due}{}",
                lang.pick("预计 ", "due "),
                lang.pick(" 已逾期未交付", ", overdue")
            ));
        }
        if t.appeared() {
            facts.push(format!(
                "{}{}",
                lang.pick("新增于 ", "new in "),
                self.label(t.first)
            ));
        }
        if t.disappeared(weeks) {
            facts.push(format!(
                "{}{}{}",
                lang.pick("", "last seen in "),
                self.label(t.last),
                lang.pick(" 后不再出现", "")
            ));
        }
        facts
    }

    fn metric_lines(&self) -> Metrics {
        let lines = self
            .metrics
            .iter()
            .filter_map(|m| {
                let value = m.value.clone()?;
                let metric = Metric {
                    name: m.series.name.clone(),
                    value: Some(value),
                    unit: None,
                    target: m.series.target().cloned(),
                    previous: None,
                    better: None,
                    stated_change: None,
                    aggregate: None,
                };
                Some(MetricLine {
                    text: None,
                    metrics: vec![metric],
                    pos: Default::default(),
                })
            })
            .collect();
        Metrics(vec![MetricGroup { label: None, lines }])
    }

    fn metric_notes(&self, lang: Lang) -> Vec<Item> {
        self.metrics
            .iter()
            .map(|m| {
                let s = &m.series;
                let mut parts = vec![match lang {
                    Lang::Zh => format!("{}：{}", s.name, aggregate_zh(m)),
                    Lang::En => format!("{}: {}", s.name, aggregate_en(m)),
                }];
                if let Some(c) = &m.change {
                    parts.push(format!("{}{}", lang.pick("较期初 ", "change "), c));
                }
                let below = m.below_target();
                if !below.is_empty() {
                    let names: Vec<String> = below.iter().map(|&w| self.label(w)).collect();
                    parts.push(match lang {
                        Lang::Zh => format!("未达标 {} 周（{}）", below.len(), names.join("、")),
                        Lang::En => {
                            format!(
                                "below target {} ({})",
                                Count(below.len(), "week"),
                                names.join(", ")
                            )
                        }
                    });
                }
                parts.push(format!("{}{}", lang.pick("走势 ", "trend "), s.sparkline()));
                Item::text(parts.join(lang.pick("，", ", ")))
            })
            .collect()
    }

    fn incident_sections(&self, lang: Lang) -> Vec<Section> {
        let inc = &self.incidents;
        let mut summary = match lang {
            Lang::Zh => format!("共 {} 起", inc.list.len()),
            Lang::En => Count(inc.list.len(), "incident").to_string(),
        };
        let levels: Vec<String> = inc
            .by_level
            .iter()
            .map(|(level, n)| match (level, lang) {
                (Some(l), Lang::Zh) => format!("{l}级 {n} 起"),
                (None, Lang::Zh) => format!("未定级 {n} 起"),
                (Some(l), Lang::En) => format!("{l}: {n}"),
                (None, Lang::En) => format!("no level: {n}"),
            })
            .collect();
        if !levels.is_empty() {
            summary.push_str(&format!(
                "{}{}",
                lang.pick("：", " ("),
                levels.join(lang.pick("，", ", "))
            ));
            summary.push_str(lang.pick("", ")"));
        }
        let streak = match lang {
            Lang::Zh => format!(
                "最长连续 {} 天无事故，期末已连续 {} 天无事故",
                inc.longest_free, inc.free_at_end
            ),
            Lang::En => format!(
                "longest incident-free run {}; {} incident-free at the end",
                Count(
                    usize::try_from(inc.longest_free).unwrap_or(usize::MAX),
                    "day"
                ),
                Count(
                    usize::try_from(inc.free_at_end).unwrap_or(usize::MAX),
                    "day"
                )
            ),
        };
        let mut out = vec![list(
            lang.pick("稳定性概况", "Stability"),
            vec![Item::text(summary), Item::text(streak)],
        )];
        if !inc.list.is_empty() {
            let list = inc
                .list
                .iter()
                .map(|d| {
                    let mut i = d.incident.clone();
                    if d.timed {
                        i.time = Some(d.at.format("%Y-%m-%d %H:%M").to_string());
                    }
                    i
                })
                .collect();
            out.push(Section::new(Body::Incidents(list)));
        }
        out
    }

    fn plan_lines(&self, lang: Lang) -> Vec<Item> {
        let p = &self.plans;
        let rate = p.rate().unwrap_or(0);
        let mut out = vec![Item::text(match lang {
            Lang::Zh => format!(
                "计划 {} 项，后续周报中出现 {} 项，兑现率 {rate}%",
                p.made, p.kept
            ),
            Lang::En => format!(
                "{}, {} came back in a later week: {rate}%",
                Count(p.made, "plan"),
                p.kept
            ),
        })];
        for (w, plan) in &p.missed {
            let text = plan.title.as_deref().or(plan.text.as_deref()).unwrap_or("");
            out.push(Item::text(match lang {
                Lang::Zh => format!("未再出现：{text}（{}）", self.label(*w)),
                Lang::En => format!("never came back: {text} ({})", self.label(*w)),
            }));
        }
        out
    }

    fn reflection_text(&self) -> String {
        let parts: Vec<String> = self
            .reflections
            .iter()
            .map(|(w, text)| format!("**{}**\n\n{text}", self.label(*w)))
            .collect();
        parts.join("\n\n") + "\n"
    }

    fn links(&self, dir: &Path) -> Vec<Link> {
        (0..self.weeks.len())
            .filter(|&w| self.weeks[w].file != "-")
            .map(|w| Link {
                href: self.href(w, dir),
                title: Some(format!("{} ({})", self.label(w), self.weeks[w].date)),
                date: None,
                pos: Default::default(),
            })
            .collect()
    }

    /// Week `w`'s file relative to `dir`.
    fn href(&self, w: usize, dir: &Path) -> String {
        let file = Path::new(&self.weeks[w].file);
        let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        pathdiff::diff_paths(abs(file), abs(dir))
            .unwrap_or_else(|| file.to_path_buf())
            .to_string_lossy()
            .replace('\\', "/")
    }
}

fn text(heading: &str, body: String) -> Section {
    let mut s = Section::new(Body::Text(body));
    s.heading = Some(heading.into());
    s
}

fn list(heading: &str, items: Vec<Item>) -> Section {
    let mut s = Section::new(Body::List(items));
    s.heading = Some(heading.into());
    s
}
