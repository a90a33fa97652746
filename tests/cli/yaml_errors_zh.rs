//! The errors of reading a week file in Chinese: under `LANG=zh_CN.UTF-8` (or a `zh`
//! template, or `[ui] lang = "zh"`) every YAML error, its label and help line are in Chinese,
//! the key names, kinds and forms such as YYYY-MM-DD as written; the English runs are the
//! snapshots of `yaml_errors.rs` and `bad_input.rs`, unchanged.

use std::process::Command;

use crate::common::{fixture, run, weekly};
use insta_cmd::assert_cmd_snapshot;

/// `weekly` with the environment saying Chinese.
fn weekly_zh() -> Command {
    let mut cmd = weekly();
    cmd.env("LANG", "zh_CN.UTF-8");
    cmd
}

/// One whole-run snapshot per case: `weekly COMMAND tests/fixtures/FILE` in Chinese.
macro_rules! cases {
    ($($name:ident: $command:literal $file:literal;)*) => {$(
        #[test]
        fn $name() {
            assert_cmd_snapshot!(weekly_zh().args([$command, &fixture($file)]));
        }
    )*};
}

cases! {
    // an unknown key, the keys that belong there and the one meant
    unknown_key_with_suggestion: "render" "bad/unknown-top-key.yaml";
    unknown_item_key: "check" "bad/unknown-item-key.yaml";
    // a choice that is not one: `status: finished`
    unknown_status: "check" "yaml-errors/status-finished.yaml";
    // the wrong shape: a list where an item goes, a list where a text goes
    wrong_type_found: "check" "yaml-errors/item-is-a-list.yaml";
    wrong_type_for_key: "check" "yaml-errors/title-is-a-list.yaml";
    // dates: a month or a day that does not exist, a form that is not YYYY-MM-DD
    bad_date_month: "check" "bad/created-bad-month.yaml";
    bad_date_day: "check" "yaml-errors/november-31.yaml";
    bad_date_form: "check" "bad/date-us-form.yaml";
    // syntax, with the caret where the parser stopped
    syntax_unclosed_quote: "check" "yaml-errors/unclosed-quote.yaml";
    syntax_simple_key: "check" "yaml-errors/simple-key.yaml";
    syntax_tab: "check" "yaml-errors/tab.yaml";
    full_width_colon: "check" "yaml-errors/full-width-colon-item.yaml";
    // a parser message `weekly` has no words for: said to be the parser's, in its words
    parser_message_kept: "check" "yaml-errors/hex-escape.yaml";
    colon_in_item: "check" "yaml-errors/colon-in-item.yaml";
    duplicate_key: "check" "bad/duplicate-key.yaml";
    // values out of range
    progress_over_100: "check" "bad/progress-over-100.yaml";
    progress_with_percent: "check" "yaml-errors/progress-percent.yaml";
    level_out_of_range: "check" "bad/level-out-of-range.yaml";
    // the model's own checks of a section
    section_without_kind: "check" "yaml-errors/empty-key.yaml";
    section_two_kinds: "check" "bad/section-two-kinds.yaml";
    missing_date: "check" "bad/date-missing.yaml";
    not_a_mapping: "check" "bad/not-a-mapping.yaml";
    // the gate before parsing, where no line is shown: the file is named in a note
    empty_file: "render" "bad/comments-only.yaml";
    // several independent errors of one file in one run, as `render` prints them
    several_errors: "render" "yaml-errors/several.yaml";
}

/// Every bad week among the fixtures gets a Chinese headline under `LANG=zh_CN.UTF-8`: a
/// message left in English fails here, naming its fixture (what it quotes in backticks, such
/// as a Chinese key, does not count).
#[test]
fn every_fixture_s_error_is_in_chinese() {
    let mut english = Vec::new();
    for folder in ["bad", "yaml-errors"] {
        let mut files: Vec<_> = std::fs::read_dir(crate::common::root().join(fixture(folder)))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "ok.yaml" {
                continue;
            }
            let file = fixture(&format!("{folder}/{name}"));
            let (code, _, err) = run(weekly_zh().args(["check", &file]));
            assert_eq!(code, 1, "{file}: {err}");
            let headline = err.lines().next().unwrap_or_default();
            let message = headline.split_once(": error").map_or(headline, |(_, m)| m);
            // the words around what is quoted: a quoted Chinese key is not a Chinese message
            let words: String = message.split('`').step_by(2).collect();
            if !words
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                english.push(format!("{file}: {headline}"));
            }
        }
    }
    assert!(
        english.is_empty(),
        "not in Chinese:\n{}",
        english.join("\n")
    );
}

/// The language rule holds for YAML errors as for lints: an `en` template wins over `LANG`,
/// and `[ui] lang = "zh"` gives Chinese when the environment says English.
#[test]
fn the_template_and_the_config_choose_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = crate::common::root().join(fixture("bad/unknown-top-key.yaml"));
    let file = file.to_str().unwrap();
    let config = dir.path().join("weekly.toml");

    std::fs::write(&config, "template = \"en\"\n").unwrap();
    let (code, _, err) = run(weekly_zh()
        .env("WEEKLY_CONFIG", &config)
        .args(["check", file]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("unknown key `sectoins`; the keys here are week, date,")
            && err.contains("help: did you mean `sections`?"),
        "{err}"
    );

    std::fs::write(&config, "[ui]\nlang = \"zh\"\n").unwrap();
    let (code, _, err) = run(weekly()
        .env("LANG", "en_US.UTF-8")
        .env("WEEKLY_CONFIG", &config)
        .args(["check", file]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("未知的键 `sectoins`；这里可用的键有：week、date、")
            && err.contains("help: 是不是 `sections`？"),
        "{err}"
    );
}
