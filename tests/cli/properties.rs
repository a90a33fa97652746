//! Property tests: generated weeks survive YAML, render, and come back through `import`; no input
//! makes the parser, the renderer or the importer panic. The case counts are small so that
//! `cargo test` stays fast.

use chrono::NaiveDate;
use proptest::prelude::*;

use weekly::dates::{Date, WeekNumbering};
use weekly::import::Importer;
use weekly::render::{Format, Renderer};
use weekly::templates::{self, Settings};
use weekly::view::Options;
use weekly::week::{
    Body, Fact, Incident, Item, MetricGroup, MetricLine, Metrics, Objective, Section, Status, Week,
};
use weekly::yaml::{At, DEFAULT_MAX_SIZE, Pos, Source};

/// Text as people write it: CJK, Latin, digits, punctuation YAML cares about, inner spaces.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[一-龥]{1,12}",
        "[a-zA-Z一-龥0-9，。：；、（）%/ ]{1,40}",
        "[a-z#*&!|>%@`'\"{}\\[\\],:?~ -]{1,20}",
        Just("yes".to_string()),
        Just("null".to_string()),
        Just("进度70%".to_string()),
        Just("预计11/10上线".to_string()),
        Just("- not a list".to_string()),
    ]
    .prop_map(|s| s.trim().to_string())
    .prop_filter("not empty", |s| !s.is_empty())
}

/// Markdown paragraphs, with inner newlines.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(text(), 1..4).prop_map(|ps| ps.join("\n\n"))
}

fn leaf() -> impl Strategy<Value = Item> {
    (
        prop::option::of(text()),
        text(),
        prop::option::of(text()),
        prop::option::of(0u8..=100),
        prop::option::of(prop::sample::select(vec![
            Status::Todo,
            Status::Doing,
            Status::Done,
            Status::Blocked,
            Status::Dropped,
        ])),
        prop::option::of(text()),
    )
        .prop_map(|(title, text, note, progress, status, owner)| Item {
            title,
            text: Some(text),
            note,
            progress: progress.map(Fact::given),
            status: status.map(Fact::given),
            owner: owner.map(Fact::given),
            ..Item::default()
        })
}

fn item() -> impl Strategy<Value = Item> {
    (leaf(), prop::collection::vec(leaf(), 0..3)).prop_map(|(mut i, points)| {
        i.points = points;
        i
    })
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec(item(), 1..4)
}

/// A metric line as text: `名称：99.110%`, two on a line, or a count.
fn metric_line() -> impl Strategy<Value = MetricLine> {
    (
        "[一-龥]{2,6}",
        0u32..100_000,
        0usize..4,
        prop::sample::select(vec!["%", "次", "ms", ""]),
    )
        .prop_map(|(name, n, decimals, unit)| {
            let value = if decimals == 0 {
                n.to_string()
            } else {
                format!("{}.{:0w$}", n / 1000, n % 1000, w = decimals.min(3))
            };
            MetricLine::from_text(format!("{name}：{value}{unit}"), Pos::default())
        })
}

fn incident() -> impl Strategy<Value = Incident> {
    (
        prop::option::of(Just("10/23 14:36".to_string())),
        "[一-龥a-z][一-龥a-z，。 ]{0,30}",
        prop::option::of(text()),
        prop::option::of("[A-D]{1,2}"),
    )
        .prop_map(|(time, text, impact, level)| Incident {
            time,
            text: text.trim().to_string(),
            impact,
            level,
            pos: Pos::default(),
        })
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        items().prop_map(Body::KeyWork),
        (
            prop::option::of("[一-龥]{2,5}"),
            prop::collection::vec(metric_line(), 1..4)
        )
            .prop_map(|(label, lines)| Body::Metrics(Metrics(vec![MetricGroup { label, lines }]))),
        (
            "O[1-9] ?[一-龥]{2,6}",
            items(),
            prop::collection::vec(incident(), 0..3)
        )
            .prop_map(|(name, items, incidents)| Body::Objective(Objective {
                name,
                items,
                incidents
            })),
        prop::collection::vec(incident(), 1..3).prop_map(Body::Incidents),
        items().prop_map(Body::Other),
        prose().prop_map(Body::Reflection),
        items().prop_map(Body::NextWeek),
        items().prop_map(Body::List),
        prose().prop_map(Body::Text),
        prose().prop_map(Body::Raw),
    ]
}

fn section() -> impl Strategy<Value = Section> {
    (prop::option::of(text()), prop::option::of(1u8..=6), body()).prop_map(
        |(heading, level, body)| Section {
            heading,
            level,
            body,
            layout: None,
            pos: Pos::default(),
        },
    )
}

fn week() -> impl Strategy<Value = Week> {
    (
        0i64..3650,
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(section(), 0..6),
        any::<bool>(),
    )
        .prop_map(|(days, title, author, sections, header)| {
            let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(days as u64);
            Week {
                week: None,
                date: At::new(Date(day)),
                period_end: None,
                created: None,
                title,
                author,
                header,
                sections,
            }
        })
}

/// What parsing adds to a week: the derived week number and the facts read from item texts.
fn completed(mut week: Week) -> Week {
    let day = week.day();
    week.week = Some(Fact::computed(At::new(WeekNumbering::Jan1.week_of(day).1)));
    for s in &mut week.sections {
        s.derive(day);
    }
    week
}

/// The week without source positions, which only a parsed week has.
fn unplaced(mut week: Week) -> Week {
    if let Some(w) = &mut week.week {
        w.value.pos = Pos::default();
    }
    week.date.pos = Pos::default();
    for s in &mut week.sections {
        s.pos = Pos::default();
        if let Some(items) = s.body.items_mut() {
            items.iter_mut().for_each(unplace_item);
        }
        match &mut s.body {
            Body::Metrics(m) => m.0.iter_mut().flat_map(|g| &mut g.lines).for_each(|l| {
                l.pos = Pos::default();
            }),
            Body::Objective(o) => o.incidents.iter_mut().for_each(|i| i.pos = Pos::default()),
            Body::Incidents(list) => list.iter_mut().for_each(|i| i.pos = Pos::default()),
            Body::Daily(links) => links.iter_mut().for_each(|l| l.pos = Pos::default()),
            _ => {}
        }
    }
    week
}

fn unplace_item(item: &mut Item) {
    item.pos = Pos::default();
    item.points.iter_mut().for_each(unplace_item);
}

fn parse(name: &str, text: &str) -> Result<Week, String> {
    let source =
        Source::new(name, text.as_bytes().to_vec(), DEFAULT_MAX_SIZE).map_err(|d| d.to_string())?;
    Week::from_source(&source, WeekNumbering::Jan1).map_err(|d| d.to_string())
}

fn renderer(template: &str) -> Renderer {
    let choice = templates::choose(template).unwrap();
    Renderer::new(
        Settings::default(),
        choice,
        WeekNumbering::Jan1,
        Options::default(),
    )
    .unwrap()
}

fn importer(day: NaiveDate) -> Importer {
    Importer::new(WeekNumbering::Jan1, Some(Date(day))).unwrap()
}

proptest! {
    #![proptest_config(crate::common::cases(64, "proptest-regressions"))]

    /// A week written as YAML reads back as the same week, and renders in every format.
    #[test]
    fn week_survives_yaml_and_renders(week in week()) {
        let yaml = weekly::yaml::to_string(&week).unwrap();
        let parsed = parse("gen.yaml", &yaml)
            .map_err(|e| TestCaseError::fail(format!("{e}\n--- yaml:\n{yaml}")))?;
        prop_assert_eq!(unplaced(parsed.clone()), completed(week), "yaml:\n{}", yaml);
        for template in ["zh", "en"] {
            let r = renderer(template);
            for format in [Format::Md, Format::Html, Format::Json] {
                r.week(&parsed, format)
                    .map_err(|e| TestCaseError::fail(format!("{template} {format:?}: {e:#}\n{yaml}")))?;
            }
        }
        // the JSON output reads back as the same week (JSON is YAML)
        let json = renderer("zh").week(&parsed, Format::Json).unwrap().text;
        let again = parse("gen.json", &json).map_err(TestCaseError::fail)?;
        prop_assert_eq!(unplaced(again), unplaced(parsed));
    }

    /// `render -f json` of any week renders the same report in both templates, is written again
    /// unchanged from itself, and every derived field in it agrees with the text.
    #[test]
    fn json_round_trips_to_the_same_report(week in week()) {
        let yaml = weekly::yaml::to_string(&week).unwrap();
        let parsed = parse("gen.yaml", &yaml).map_err(TestCaseError::fail)?;
        let zh = renderer("zh");
        let json = zh.week(&parsed, Format::Json).unwrap().text;
        let source = Source::new("gen.json", json.as_bytes().to_vec(), DEFAULT_MAX_SIZE).unwrap();
        let again = Week::from_source(&source, WeekNumbering::Jan1)
            .map_err(|d| TestCaseError::fail(format!("{d}
{json}")))?;
        for template in ["zh", "en"] {
            let r = renderer(template);
            prop_assert_eq!(r.markdown(&again).unwrap(), r.markdown(&parsed).unwrap(), "{}", json);
        }
        prop_assert_eq!(zh.week(&again, Format::Json).unwrap().text, json.clone());
        let directions = weekly::week::Directions::default();
        let found = weekly::facts::disagreements(&again, &source, WeekNumbering::Jan1, &directions);
        prop_assert!(found.is_empty(), "{:?}\n{}", found, json);
    }

    /// No YAML-ish text makes parsing or rendering panic (errors are fine).
    #[test]
    fn yaml_ish_text_never_panics(text in "(date: 2023-10-24\n)?[a-z_:{}\\[\\]&*!|>'\"#%@ ,?~\n\t0-9.-]{0,200}") {
        if let Ok(week) = parse("any.yaml", &text) {
            renderer("zh").week(&week, Format::Md).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
        }
        if let Ok(source) = Source::new("any.yaml", text.into_bytes(), DEFAULT_MAX_SIZE)
            && let Ok(value) = source.parse::<serde_json::Value>()
        {
            let _ = weekly::yaml::to_string(&value);
        }
    }

    /// Week-shaped YAML with arbitrary section content never panics either.
    #[test]
    fn week_shaped_yaml_never_panics(
        kind in prop::sample::select(vec!["key_work", "metrics", "objective", "other", "reflection", "next_week", "daily", "list", "text", "raw", "incidents"]),
        body in "[a-z一-龥0-9:{}\\[\\]&*!|>'\"#%@ ,?~\n.-]{0,120}",
    ) {
        let text = format!("date: 2023-10-24\nsections:\n- {kind}: {body}\n");
        if let Ok(week) = parse("any.yaml", &text) {
            for format in [Format::Md, Format::Html, Format::Json] {
                renderer("zh").week(&week, format).map_err(|e| TestCaseError::fail(format!("{e:#}\n{text}")))?;
            }
        }
    }

    /// A generated week rendered to Markdown, imported and rendered again reads as the same
    /// document (normalised pulldown-cmark events), in the zh template `import` reads.
    #[test]
    fn rendered_week_comes_back_through_import(week in week()) {
        let yaml = weekly::yaml::to_string(&week).unwrap();
        let parsed = parse("gen.yaml", &yaml).map_err(TestCaseError::fail)?;
        let zh = renderer("zh");
        let markdown = zh.week(&parsed, Format::Md).unwrap().text;
        prop_assume!(!markdown.trim().is_empty(), "an empty report is refused by import");
        let source = Source::markdown("gen.md", markdown.clone().into_bytes(), DEFAULT_MAX_SIZE).unwrap();
        let imported = importer(parsed.day())
            .import(&source)
            .map_err(|e| TestCaseError::fail(format!("{e:#}\n--- markdown:\n{markdown}")))?;
        let again = zh.week(&imported.week, Format::Md).unwrap().text;
        prop_assert!(
            weekly::markdown::normalized(&markdown) == weekly::markdown::normalized(&again),
            "--- markdown:\n{}\n--- imported yaml:\n{}\n--- rendered again:\n{}",
            markdown, imported.yaml, again
        );
    }

    /// No Markdown-ish text makes the importer panic (errors are fine).
    #[test]
    fn markdown_ish_text_never_panics_the_importer(
        text in "(# 第1周 2023-10-24\n\n)?([#*_`>|\\-+=\\[\\]()!:：a-z【】一-龥0-9%/ \n]|\n- |\n    1\\. |## 【O1 ){0,200}"
    ) {
        let Ok(source) = Source::markdown("any.md", text.into_bytes(), DEFAULT_MAX_SIZE) else {
            return Ok(()); // empty, or over the size limit: refused before import, as designed
        };
        let day = NaiveDate::from_ymd_opt(2023, 10, 24).unwrap();
        let _ = importer(day).import(&source);
    }

    /// Markdown comparison never panics on any text.
    #[test]
    fn markdown_normalized_never_panics(text in "[#*_`>|\\-+=\\[\\]()!a-z一-龥0-9 \n]{0,200}") {
        let _ = weekly::markdown::normalized(&text);
        let _ = weekly::markdown::to_html(&text);
    }
}
