//! YAML errors a person can act on: every reworded parser and serde message, each a whole run
//! of `weekly check` on a fixture under `tests/fixtures/yaml-errors/`, and several independent
//! errors of one file reported in one run (at most 20).

use crate::common::{fixture, run, weekly};
use insta_cmd::assert_cmd_snapshot;

/// One snapshot per fixture: `weekly check tests/fixtures/yaml-errors/NAME.yaml`.
macro_rules! cases {
    ($($name:ident: $file:literal;)*) => {$(
        #[test]
        fn $name() {
            let file = fixture(concat!("yaml-errors/", $file, ".yaml"));
            assert_cmd_snapshot!(weekly().args(["check", &file]));
        }
    )*};
}

cases! {
    full_width_colon_top: "full-width-colon-top";
    full_width_colon_item: "full-width-colon-item";
    full_width_colon_group: "full-width-colon-group";
    flow_then_block: "flow-then-block";
    simple_key: "simple-key";
    bad_indent: "bad-indent";
    colon_in_value: "colon-in-value";
    colon_in_item: "colon-in-item";
    colon_in_text: "colon-in-text";
    progress_percent: "progress-percent";
    status_finished: "status-finished";
    november_31: "november-31";
    week_not_a_number: "week-not-a-number";
    unclosed_quote: "unclosed-quote";
    tab: "tab";
    item_is_a_list: "item-is-a-list";
    title_is_a_list: "title-is-a-list";
    date_missing: "date-missing";
    several_errors: "several";
    unknown_keys_of_one_section: "section-keys";
    key_with_nothing_under_it: "empty-key";
}

/// 25 misspelt keys: the first 20 are reported, each once.
#[test]
fn at_most_twenty_errors() {
    let (code, out, err) = run(weekly().args(["check", &fixture("yaml-errors/many.yaml")]));
    assert_eq!((code, out.as_str()), (1, ""));
    let firsts: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(firsts.len(), weekly::yaml::MAX_ERRORS, "{err}");
    assert!(firsts[0].contains("many.yaml:5:5:"), "{err}");
    assert!(firsts[19].contains("many.yaml:43:5:"), "{err}");
}

/// `render` reports the same errors, all of them, and writes nothing.
#[test]
fn render_reports_every_error_too() {
    let (code, out, err) = run(weekly().args(["render", &fixture("yaml-errors/several.yaml")]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err.matches("error: ").count(), 5, "{err}");
}

#[test]
fn a_choice_of_a_key_named_by_an_adjective_reads_as_english() {
    let tmp = tempfile::tempdir().unwrap();
    let week = "date: 2023-10-24\nsections:\n  - metrics:\n      - name: a\n        value: 1\n        better: up\n";
    std::fs::write(tmp.path().join("w.yaml"), week).unwrap();
    let (code, _, err) = run(weekly().current_dir(tmp.path()).args(["check", "w.yaml"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`up` is not a value of `better`: write one of higher, lower"),
        "{err}"
    );
}
