//! The catalogues: both parse, hold the same ids, and hold every id the code asks for.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use super::*;

/// The message ids of a catalogue; panics on a syntax error.
fn ids(source: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("catalogue does not parse: {errors:?}"));
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_catalogue_has_the_same_ids() {
    let en = ids(CATALOGUES[0].1);
    for (lang, source) in CATALOGUES {
        let these = ids(source);
        let missing: Vec<_> = en.difference(&these).collect();
        let extra: Vec<_> = these.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang:?}: missing {missing:?}, not in en {extra:?}"
        );
    }
}

/// Every `msg!("id"` written in src/ is in the catalogues, and every lint has its summary and
/// explanation.
#[test]
fn every_id_used_is_in_the_catalogues() {
    let en = ids(CATALOGUES[0].1);
    let mut used = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("msg!(") {
                    let rest = text[at + 5..].trim_start();
                    if let Some(rest) = rest.strip_prefix('"') {
                        let id = &rest[..rest.find('"').unwrap()];
                        used.push((path.display().to_string(), id.to_string()));
                    }
                }
            }
        }
    }
    for lint in crate::check::LINTS {
        used.push(("lints".into(), format!("lint-{}-summary", lint.code)));
        used.push(("lints".into(), format!("lint-{}-explain", lint.code)));
    }
    let unknown: Vec<_> = used.iter().filter(|(_, id)| !en.contains(id)).collect();
    assert!(unknown.is_empty(), "not in the catalogues: {unknown:?}");
}

#[test]
fn arguments_and_plurals_are_filled_in() {
    let mut args = Args::new();
    args.set("count", Arg::arg(1usize));
    assert_eq!(
        text_in(Lang::En, "incident-count-mismatch-unlevelled", &args),
        "1 listed incident has no level, so counts toward none; give each graded incident its `level:`"
    );
    args.set("count", Arg::arg(2usize));
    assert!(
        text_in(Lang::En, "incident-count-mismatch-unlevelled", &args)
            .starts_with("2 listed incidents have")
    );
    assert!(
        text_in(Lang::Zh, "incident-count-mismatch-unlevelled", &args)
            .starts_with("列出的事件中有 2 个")
    );
}

#[test]
fn the_language_is_the_template_s_then_the_config_s_then_the_environment_s() {
    assert_eq!(Lang::of_template("en"), Some(Lang::En));
    assert_eq!(Lang::of_template("templates/zh.md.j2"), Some(Lang::Zh));
    assert_eq!(Lang::of_template("mine.md.j2"), None);
    assert_eq!(Lang::choose(Some("en"), Some(Lang::Zh)), Lang::En);
    assert_eq!(Lang::choose(Some("mine"), Some(Lang::Zh)), Lang::Zh);
    assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("C.UTF-8"), None);
}
