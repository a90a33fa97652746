//! `render -f json`, the facts form: every derived fact beside its text (snapshots of the
//! reference and the English week), exact numbers, the round trip back to the same Markdown,
//! and `check` naming a derived field edited away from its text.

use crate::common::{read, root, run, weekly};
use insta_cmd::assert_cmd_snapshot;
use serde_json::Value;

#[test]
fn week44() {
    assert_cmd_snapshot!(weekly().args(["render", "-f", "json", "examples/week44.yaml"]));
}

#[test]
fn english_week() {
    assert_cmd_snapshot!(weekly().args(["render", "-f", "json", "examples/week-en.yaml"]));
}

/// The examples, each with the template its golden file is rendered with.
fn examples() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let first = read(format!("examples/{stem}.yaml"));
        let template = if first.lines().next().unwrap_or("").contains("-t en") {
            "en"
        } else {
            "zh"
        };
        out.push((stem, template));
    }
    assert!(
        out.len() >= 3,
        "the reference, the English week and the lint demo"
    );
    out
}

fn json_of(file: &str) -> String {
    let (code, out, err) = run(weekly().args(["render", "-f", "json", file]));
    assert_eq!((code, err.as_str()), (0, ""), "{file}");
    out
}

/// `render -f json | render` gives each example's golden Markdown, and the JSON written again
/// from the JSON is the same JSON.
#[test]
fn every_example_round_trips_to_its_golden() {
    let dir = tempfile::tempdir().unwrap();
    for (stem, template) in examples() {
        let json = json_of(&format!("examples/{stem}.yaml"));
        let back = dir.path().join(format!("{stem}.json"));
        std::fs::write(&back, &json).unwrap();
        let back = back.to_str().unwrap();
        let (code, md, err) = run(weekly().args(["render", "-t", template, back]));
        assert_eq!((code, err.as_str()), (0, ""), "{stem}");
        assert_eq!(md, read(format!("tests/golden/{stem}.md")), "{stem}");
        assert_eq!(json_of(back), json, "{stem}: the JSON is a fixed point");
        let (code, _, err) = run(weekly().args(["check", back]));
        assert!(
            !err.contains("derived-fact-disagrees"),
            "{stem}: {err} ({code})"
        );
    }
}

/// A script reads numbers: each metric's value is a JSON number with the digits written
/// (`99.110`, not `99.11`), beside its unit and its text.
#[test]
fn metric_values_are_exact_numbers() {
    let json = json_of("examples/week44.yaml");
    assert!(json.contains("\"value\": 99.110,"), "{json}");
    let week: Value = serde_json::from_str(&json).unwrap();
    let line = &week["sections"][1]["metrics"]["支付成功率"][1];
    assert_eq!(
        line["text"],
        "出金有效成功率：99.961% ，一次支付成功率：99.110%"
    );
    let m = &line["metrics"][1];
    assert_eq!(m["name"], "一次支付成功率");
    assert_eq!(m["value"].as_f64(), Some(99.11));
    assert_eq!(
        (m["unit"].as_str(), m["text"].as_str()),
        (Some("%"), Some("99.110%"))
    );
    assert_eq!(m["better"], "higher");
    assert_eq!(m["derived"], serde_json::json!(["better"]));
    assert_eq!(
        (week["week"].as_u64(), week["year"].as_u64()),
        (Some(44), Some(2023))
    );
    assert_eq!(week["numbering"], "jan1");
}

/// The week's number and year follow `--week-numbering`.
#[test]
fn week_number_follows_the_rule() {
    let (code, out, _) = run(weekly().args([
        "--week-numbering",
        "iso",
        "render",
        "-f",
        "json",
        "examples/week44.yaml",
    ]));
    assert_eq!(code, 0);
    let week: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (week["week"].as_u64(), week["numbering"].as_str()),
        (Some(43), Some("iso"))
    );
}

/// Items, incidents and links carry their facts: read from the text (and named in `derived`)
/// or given.
#[test]
fn items_incidents_and_links_carry_their_facts() {
    let week: Value = serde_json::from_str(&json_of("examples/week-en.yaml")).unwrap();
    let objective = &week["sections"][2];
    let item = &objective["items"][0];
    assert_eq!(
        (item["progress"].as_u64(), item["due"].as_str()),
        (Some(60), Some("2026-12-18"))
    );
    assert_eq!(item.get("derived"), None, "given, not derived: {item}");
    let incident = &objective["incidents"][0];
    assert_eq!(incident["time"], "2026-11-19 03:10");
    assert_eq!(
        (incident["level"].as_str(), incident["severity"].as_str()),
        (Some("P2"), Some("P2"))
    );
    assert_eq!(incident["affects_business"], true);
    let week44: Value = serde_json::from_str(&json_of("examples/week44.yaml")).unwrap();
    let point = &week44["sections"][3]["items"][0]["points"][0];
    assert_eq!(point["progress"], 70);
    assert_eq!(point["derived"], serde_json::json!(["progress"]));
}

/// A derived value edited in the JSON but not in the text is not taken: the week renders from
/// its text, and `check` names the field.
#[test]
fn an_edited_derived_value_is_a_check_warning() {
    let json =
        json_of("examples/week44.yaml").replacen("\"value\": 99.997,", "\"value\": 99.5,", 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("week44.json");
    std::fs::write(&file, &json).unwrap();
    let file = file.to_str().unwrap();
    let (_, md, _) = run(weekly().args(["render", file]));
    assert_eq!(md, read("tests/golden/week44.md"));
    let (code, _, err) = run(weekly().args(["check", "--deny-warnings", file]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("warning[derived-fact-disagrees]: `sections[1].metrics.支付成功率[0].metrics[0].value` is 99.5 in the file, but the week gives 99.997"),
        "{err}"
    );
}

/// JSON written under one week-numbering rule and checked under another: the week number and
/// the rule are derived fields, so the week is numbered again and `check` names both.
#[test]
fn another_numbering_rule_is_named() {
    let (code, json, _) = run(weekly().args([
        "--week-numbering",
        "iso",
        "render",
        "-f",
        "json",
        "examples/week44.yaml",
    ]));
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("week44.json");
    std::fs::write(&file, &json).unwrap();
    let file = file.to_str().unwrap();
    let (code, _, err) = run(weekly().args(["check", file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            ":2:3: warning[derived-fact-disagrees]: `week` is 43 in the file, but the week gives 44"
        ),
        "{err}"
    );
    assert!(
        err.contains("`numbering` is \"iso\" in the file, but the week gives \"jan1\""),
        "{err}"
    );
    let (code, md, _) = run(weekly().args(["render", file]));
    assert_eq!((code, md), (0, read("tests/golden/week44.md")));
}
