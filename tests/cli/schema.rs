//! `weekly schema`, `completions`, `man` and `--help`: the tool's place in an editor and a shell.

use crate::common::{root, run, weekly};
use serde_json::{Value, json};

fn schema() -> jsonschema::Validator {
    let (code, out, err) = run(weekly().arg("schema"));
    assert_eq!((code, err.as_str()), (0, ""));
    let schema: Value = serde_json::from_str(&out).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// The JSON form of a week file, as `weekly render --format json` prints it.
fn json_of(file: &str) -> Value {
    let (code, out, err) = run(weekly().args(["render", "--format", "json", file]));
    assert_eq!((code, err.as_str()), (0, ""), "{file}");
    serde_json::from_str(&out).unwrap()
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| e.to_string()).collect()
}

#[test]
fn every_example_validates() {
    let v = schema();
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let rel = format!("examples/{}", path.file_name().unwrap().to_string_lossy());
            let json = json_of(&rel);
            assert_eq!(errors(&v, &json), Vec::<String>::new(), "{rel}");
            seen += 1;
        }
    }
    assert!(seen >= 1);
}

#[test]
fn scaffolds_and_fixtures_validate() {
    let v = schema();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new.yaml");
    let (code, _, err) = run(weekly().args([
        "new",
        "--from",
        "tests/fixtures/new/last.yaml",
        "--date",
        "2023-10-31",
        "-o",
        out.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    let files = [
        out.to_str().unwrap(),
        "tests/fixtures/new/last.yaml",
        "tests/fixtures/lines/w48.yaml",
        // `thread:` and `aggregate:`, and a rollup (a week-format document)
        "tests/fixtures/rollup/weeks/2023-12-26.yaml",
        "tests/golden/rollup/2023Q4.zh.yaml",
    ];
    for file in files {
        assert_eq!(errors(&v, &json_of(file)), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn unknown_keys_are_rejected_everywhere() {
    let v = schema();
    let week = json_of("examples/week44.yaml");
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut top = week.clone();
    top["titel"] = json!("x");
    cases.push(("top level", top));
    let mut section = week.clone();
    section["sections"][0]["heding"] = json!("x");
    cases.push(("section", section));
    let mut item = week.clone();
    item["sections"][0]["key_work"][0]["titel"] = json!("x");
    cases.push(("item", item));
    let mut point = week.clone();
    point["sections"][0]["key_work"][0]["points"][0] = json!({"text": "x", "progres": 5});
    cases.push(("point", point));
    let mut metric = week.clone();
    metric["sections"][1]["metrics"]["支付成功率"][0] = json!({"name": "a", "valeu": "1%"});
    cases.push(("metric", metric));
    let mut incident = week.clone();
    incident["sections"][4]["incidents"][0] = json!({"text": "x", "levle": "A"});
    cases.push(("incident", incident));
    let mut link = week.clone();
    link["sections"][8]["daily"][0] = json!({"href": "x.md", "tilte": "x"});
    cases.push(("link", link));
    for (what, instance) in cases {
        assert!(!v.is_valid(&instance), "an unknown key in a {what} passes");
    }
}

#[test]
fn sections_have_exactly_one_kind() {
    let v = schema();
    let with = |section: Value| json!({"date": "2023-10-31", "sections": [section]});
    assert!(v.is_valid(&with(json!({"other": ["a"]}))));
    assert!(v.is_valid(&with(
        json!({"objective": "O1", "items": ["a"], "incidents": ["b"]})
    )));
    assert!(v.is_valid(&with(
        json!({"incidents": ["b"], "heading": "事件", "level": 3})
    )));
    assert!(!v.is_valid(&with(json!({"other": ["a"], "list": ["b"]}))));
    assert!(!v.is_valid(&with(json!({"heading": "x"}))));
    assert!(!v.is_valid(&with(json!({"items": ["a"]}))));
    assert!(!v.is_valid(&with(json!({"other": ["a"], "level": 7}))));
    assert!(!v.is_valid(&json!({"sections": []})), "date is required");
    assert!(!v.is_valid(&json!({"date": "yesterday"})));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, err) = run(weekly().args(["completions", shell]));
        assert_eq!((code, err.as_str()), (0, ""), "{shell}");
        assert!(
            out.contains("weekly") && out.contains("daily-notes"),
            "{shell}: {out}"
        );
    }
    let (code, _, err) = run(weekly().args(["completions", "tcsh"]));
    assert_eq!(code, 2, "{err}");
}

/// `check --explain` completes the lint codes and `-t` the built-in templates, while any code
/// (answered with the nearest) and any template path are still accepted.
#[test]
fn completions_offer_lint_codes_and_templates() {
    let (_, fish, _) = run(weekly().args(["completions", "fish"]));
    // One `complete` command per flag; its values may run over several lines.
    let entry = |subcommand: &str, flag: &str| {
        fish.split("\ncomplete ")
            .find(|e| e.contains(&format!("using_subcommand {subcommand}\"")) && e.contains(flag))
            .unwrap_or_else(|| panic!("no {flag}:\n{fish}"))
            .to_string()
    };
    let explain = entry("check", "-l explain ");
    for code in [
        "item-without-outcome",
        "metric-unit-changed",
        "incident-incomplete",
    ] {
        assert!(explain.contains(code), "{explain}");
    }
    let template = entry("render", "-l template ");
    assert!(
        template.contains(r"zh\t") && template.contains(r"en\t"),
        "{template}"
    );
    let (code, _, err) = run(weekly().args(["check", "--explain", "metric-unit-change"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("metric-unit-changed"), "{err}");
}

#[test]
fn man_page_is_roff() {
    let (code, out, err) = run(weekly().arg("man"));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with(".ie \\n(.g .ds Aq \\(aq") || out.contains(".TH weekly"),
        "{out}"
    );
    assert!(out.contains(".TH weekly 1"));
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(weekly().args(["man", "--out-dir", dir.path().to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("weekly.1").is_file());
    assert!(dir.path().join("weekly-new.1").is_file());
}

#[test]
fn every_subcommand_help_shows_examples() {
    use clap::CommandFactory;
    let cli = weekly::cli::Cli::command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    for name in names {
        let (code, out, _) = run(weekly().args([name.as_str(), "--help"]));
        assert_eq!(code, 0, "{name}");
        assert!(
            out.contains("Examples:\n  weekly "),
            "weekly {name} --help:\n{out}"
        );
    }
}

#[test]
fn no_colour_unless_a_terminal() {
    // Not a terminal here: no escape codes even without NO_COLOR.
    let (code, _, err) = run(weekly()
        .env_remove("NO_COLOR")
        .args(["render", "tests/fixtures/errors/week-mismatch.yaml"]));
    assert_eq!(code, 1);
    assert!(!err.contains('\u{1b}'), "{err}");
    let (_, out, _) = run(weekly().env_remove("NO_COLOR").args(["new", "--help"]));
    assert!(!out.contains('\u{1b}'), "{out}");
}

fn output_schema() -> jsonschema::Validator {
    let (code, out, err) = run(weekly().args(["schema", "--output"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let schema: Value = serde_json::from_str(&out).expect("the output schema is JSON");
    jsonschema::validator_for(&schema).expect("the output schema is a valid JSON Schema")
}

/// `weekly schema --output` describes what `render -f json` writes, for every example and the
/// structured fixture; it requires every fact's key, so a script can rely on it.
#[test]
fn render_json_validates_against_the_output_schema() {
    let v = output_schema();
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("examples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.push("tests/fixtures/weeks/structured.yaml".into());
    files.push("tests/fixtures/rollup/weeks/2023-12-26.yaml".into());
    files.push("tests/golden/rollup/2023Q4.en.yaml".into());
    assert!(files.len() >= 4);
    for file in &files {
        assert_eq!(errors(&v, &json_of(file)), Vec::<String>::new(), "{file}");
    }
    let mut week = json_of("examples/week44.yaml");
    week["sections"][1]["metrics"]["支付成功率"][0]["metrics"][0]
        .as_object_mut()
        .unwrap()
        .remove("below_target");
    assert_eq!(errors(&v, &week).len(), 1, "a fact's key left out");
    let mut week = json_of("examples/week44.yaml");
    week["sections"][1]["metrics"]["支付成功率"][0]["metrics"][0]["value"] = json!("99.997");
    assert_eq!(errors(&v, &week).len(), 1, "a value as a string");
}

/// Each subcommand's help opens with what the command does, the line `weekly --help` lists.
#[test]
fn subcommand_help_opens_with_what_it_does() {
    let (_, top, _) = run(weekly().arg("--help"));
    for (name, summary) in [
        ("render", "Render weeks to Markdown (default), HTML or JSON"),
        ("templates", "List, show or export the built-in templates"),
        ("edit", "Open this week's file in $VISUAL or $EDITOR"),
        ("man", "Print the man page (roff)"),
    ] {
        let (code, help, _) = run(weekly().args([name, "--help"]));
        assert_eq!(code, 0);
        assert!(help.starts_with(summary), "{name}: {help}");
        assert!(top.contains(summary), "{name} in weekly --help");
    }
    let (_, fish, _) = run(weekly().args(["completions", "fish"]));
    assert!(!fish.contains("Flags of"), "{fish}");
}

/// `-t` also completes the report templates of the user's folder (`templates` in weekly.toml,
/// or `completions --templates DIR`), by the name `--template` takes; shared parts and HTML
/// pages are not offered.
#[test]
fn completions_offer_the_user_templates() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    let other = dir.path().join("other");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    for file in [
        "tpl/team-zh.md.j2",
        "tpl/blocks.md.j2",
        "tpl/page.html.j2",
        "other/mine.md.j2",
    ] {
        std::fs::write(dir.path().join(file), "{{ week.date }}\n").unwrap();
    }
    std::fs::write(dir.path().join("weekly.toml"), "templates = \"tpl\"\n").unwrap();
    let template = |extra: &[&str]| {
        let (code, fish, err) = run(weekly()
            .current_dir(dir.path())
            .args(["completions", "fish"])
            .args(extra));
        assert_eq!(code, 0, "{err}");
        fish.split("\ncomplete ")
            .find(|e| e.contains("using_subcommand render\"") && e.contains("-l template "))
            .unwrap_or_else(|| panic!("no -t:\n{fish}"))
            .to_string()
    };
    let from_config = template(&[]);
    for name in [r"zh\t", r"en\t", r"team-zh\t"] {
        assert!(from_config.contains(name), "{name}: {from_config}");
    }
    assert!(
        !from_config.contains("blocks") && !from_config.contains("page"),
        "{from_config}"
    );
    let from_flag = template(&["--templates", "other"]);
    assert!(
        from_flag.contains(r"mine\t") && !from_flag.contains("team-zh"),
        "{from_flag}"
    );
}
