//! Tests of config discovery, layering and validation.

use super::*;

#[test]
fn unknown_key_suggests_the_nearest() {
    let err = parse(Path::new("weekly.toml"), "templat = \"en\"\n").unwrap_err();
    let diag = err.downcast_ref::<Diagnostic>().unwrap();
    assert_eq!((diag.line, diag.col), (1, 1));
    assert!(
        diag.message
            .starts_with("unknown key `templat`; the keys here are "),
        "{}",
        diag.message
    );
    assert!(!diag.message.contains("field"), "{}", diag.message);
    assert_eq!(diag.help, vec!["did you mean `template`?".to_string()]);
}

#[test]
fn metrics_tables_layer_nearest_first_and_reject_unknown_directions() {
    let dir = tempfile::tempdir().unwrap();
    let near = dir.path().join("near.toml");
    let far = dir.path().join("far.toml");
    std::fs::write(&near, "[metrics]\n\"Failed jobs\" = \"lower\"\n").unwrap();
    let far_text = "[metrics]\n\"Failed jobs\" = \"higher\"\n\"*延迟*\" = \"lower\"\n";
    std::fs::write(&far, far_text).unwrap();
    let mut config = Config::default();
    config.layer(&near).unwrap();
    config.layer(&far).unwrap();
    assert_eq!(
        config.metrics.configured("Failed jobs"),
        Some(Better::Lower)
    );
    assert_eq!(config.metrics.configured("P99延迟"), Some(Better::Lower));
    let err = parse(Path::new("weekly.toml"), "[metrics]\nx = \"lowr\"\n").unwrap_err();
    let diag = err.downcast_ref::<Diagnostic>().unwrap();
    assert_eq!((diag.line, diag.col), (2, 5));
    assert_eq!(
        diag.message,
        "`lowr` is not a value this key takes; it takes `higher` or `lower`"
    );
    assert_eq!(diag.help, vec!["did you mean `lower`?".to_string()]);
}

#[test]
fn every_listed_key_is_accepted() {
    let text: String = KEYS
        .iter()
        .map(|k| match *k {
            "week-numbering" => format!("{k} = \"iso\"\n"),
            "file-name" => format!("{k} = \"{{date}}.yaml\"\n"),
            "render-timeout" => format!("{k} = 2.5\n"),
            "links.base" => format!("{k} = \"https://wiki.example.com/\"\n"),
            "mail.smtp.port" => format!("{k} = 2525\n"),
            "mail.smtp.tls" => format!("{k} = \"none\"\n"),
            "ui.lang" => format!("{k} = \"zh\"\n"),
            _ => format!("{k} = \"x\"\n"),
        })
        .collect();
    let file = parse(Path::new("weekly.toml"), &text).unwrap();
    assert_eq!(file.week_numbering, Some(WeekNumbering::Iso));
    assert_eq!(file.schema.as_deref(), Some("x"));
    let mut config = Config::default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    std::fs::write(&path, &text).unwrap();
    config.layer(&path).unwrap();
    let smtp = config.mail.smtp.unwrap().value;
    assert_eq!((smtp.port, smtp.tls), (2525, Tls::None));
    assert_eq!(smtp.password, Password::Env("x".into()));
    assert_eq!(config.ui_lang.map(|l| l.value), Some(Lang::Zh));
}

#[test]
fn parent_folders_are_folded_into_the_path() {
    assert_eq!(
        normalize(Path::new("/a/b/../c/./d")),
        PathBuf::from("/a/c/d")
    );
    assert_eq!(normalize(Path::new("../x")), PathBuf::from("../x"));
}

#[test]
fn patterns_split_and_refuse_unknown_placeholders() {
    assert_eq!(
        pattern_parts("{year}-W{week}.yaml").unwrap(),
        vec![
            Part::Year,
            Part::Literal("-W".into()),
            Part::Week,
            Part::Literal(".yaml".into())
        ]
    );
    assert!(pattern_parts("{month}.yaml").is_err());
    assert!(check_pattern("{year}.yaml").is_err());
    assert!(check_pattern("a/{date}.yaml").is_err());
}
