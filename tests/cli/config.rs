//! `weekly.toml`: discovery, precedence (flag > nearest file > user file > default), unknown
//! keys, paths relative to the file, and the config reaching `render`.

use std::path::Path;

use crate::common::{root, run, weekly};

/// A project folder with `weekly.toml` at its top and a nested `a/b` folder, plus a user
/// config folder, all in one temporary directory.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new(project: Option<&str>, user: Option<&str>) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("project/a/b")).unwrap();
        std::fs::create_dir_all(dir.path().join("xdg/weekly")).unwrap();
        if let Some(text) = project {
            std::fs::write(dir.path().join("project/weekly.toml"), text).unwrap();
        }
        if let Some(text) = user {
            std::fs::write(dir.path().join("xdg/weekly/weekly.toml"), text).unwrap();
        }
        Setup { dir }
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs weekly in `project/a/b` with this setup's user config folder.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in("project/a/b", args)
    }

    fn run_in(&self, cwd: &str, args: &[&str]) -> (i32, String, String) {
        let (code, out, err) = run(weekly()
            .current_dir(self.path(cwd))
            .env("XDG_CONFIG_HOME", self.path("xdg"))
            .args(args));
        let tmp = self.dir.path().to_str().unwrap();
        (code, out.replace(tmp, "$TMP"), err.replace(tmp, "$TMP"))
    }

    /// The `week-numbering = ...` line of `weekly config`.
    fn rule_line(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(&[&["config"], args].concat());
        assert_eq!(code, 0, "{err}");
        out.lines()
            .find(|l| l.starts_with("week-numbering"))
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[test]
fn default_when_no_file() {
    let s = Setup::new(None, None);
    let (code, out, err) = s.run(&["config"]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(out);
}

#[test]
fn precedence_flag_then_nearest_file_then_user_file_then_default() {
    let both = Setup::new(
        Some("week-numbering = \"iso\"\n"),
        Some("week-numbering = \"jan1\"\nauthor = \"张三\"\n"),
    );
    assert_eq!(
        both.rule_line(&[]),
        "week-numbering = \"iso\" # $TMP/project/weekly.toml"
    );
    assert_eq!(
        both.rule_line(&["--week-numbering", "jan1"]),
        "week-numbering = \"jan1\" # flag --week-numbering"
    );
    let (_, out, _) = both.run(&["config"]);
    assert!(
        out.contains("author = \"张三\""),
        "keys the project leaves out come from the user file:\n{out}"
    );
    let user = Setup::new(None, Some("week-numbering = \"iso\"\n"));
    assert_eq!(
        user.rule_line(&[]),
        "week-numbering = \"iso\" # $TMP/xdg/weekly/weekly.toml"
    );
    let none = Setup::new(None, None);
    assert_eq!(none.rule_line(&[]), "week-numbering = \"jan1\" # default");
}

#[test]
fn whole_output_with_both_files() {
    let s = Setup::new(
        Some(
            "reports = \"reports\"\ndaily-notes = \"../notes\"\nfile-name = \"week-{date}.yaml\"\nschema = \"https://example.org/week.json\"\n",
        ),
        Some("template = \"en\"\ntemplates = \"tpl\"\nauthor = \"张三\"\n"),
    );
    let (code, out, err) = s.run(&["config"]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(out);
}

#[test]
fn weekly_config_env_var_names_the_user_file() {
    let s = Setup::new(None, None);
    std::fs::write(s.path("team.toml"), "week-numbering = \"iso\"\n").unwrap();
    let (code, out, _) = run(weekly()
        .current_dir(s.path("project"))
        .env("WEEKLY_CONFIG", s.path("team.toml"))
        .arg("config"));
    assert_eq!(code, 0);
    assert!(out.contains("week-numbering = \"iso\""), "{out}");
    let (code, _, err) = run(weekly()
        .current_dir(s.path("project"))
        .env("WEEKLY_CONFIG", s.path("missing.toml"))
        .arg("config"));
    assert_eq!(code, 1);
    assert!(
        err.contains("WEEKLY_CONFIG names ") && err.contains("missing.toml, which does not exist"),
        "{err}"
    );
}

#[test]
fn unknown_key_is_an_error_with_a_suggestion() {
    let s = Setup::new(Some("reports = \"r\"\ndaily_notes = \"d\"\n"), None);
    let (code, out, err) = s.run(&[
        "render",
        &root().join("examples/week44.yaml").to_string_lossy(),
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
    insta::assert_snapshot!(err);
}

#[test]
fn bad_value_and_bad_pattern_are_errors() {
    let s = Setup::new(Some("week-numbering = \"isoo\"\n"), None);
    let (code, _, err) = s.run(&["config"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("`isoo` is not a value this key takes") && err.contains("did you mean `iso`?"),
        "{err}"
    );
    let s = Setup::new(Some("file-name = \"{year}-{month}.yaml\"\n"), None);
    let (code, _, err) = s.run(&["config"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown placeholder `{month}`"), "{err}");
}

#[test]
fn config_reaches_render_and_flags_override_it() {
    let s = Setup::new(Some("template = \"en\"\n"), None);
    let week = root().join("examples/week44.yaml");
    let week = week.to_str().unwrap();
    let (code, out, _) = s.run(&["render", week]);
    assert_eq!(code, 0);
    assert!(out.contains("Key work"), "the config's template: {out}");
    let (_, out, _) = s.run(&["render", "--template", "zh", week]);
    assert_eq!(out, crate::common::read("tests/golden/week44.md"));
    let s = Setup::new(Some("week-numbering = \"iso\"\n"), None);
    let (code, out, _) = s.run(&["render", week]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# 第43周 2023-10-24"), "{out}");
}

#[test]
fn template_paths_are_relative_to_the_config_file() {
    let s = Setup::new(
        Some("templates = \"tpl\"\ntemplate = \"mine.md.j2\"\n"),
        None,
    );
    std::fs::create_dir(s.path("project/tpl")).unwrap();
    std::fs::write(s.path("project/tpl/mine.md.j2"), "week {{ week.number }}\n").unwrap();
    let week = root().join("examples/week44.yaml");
    let (code, out, err) = s.run(&["render", week.to_str().unwrap()]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "week 44\n", ""));
    let (_, out, _) = s.run(&["templates", "list"]);
    assert!(out.contains("mine.md.j2"), "{out}");
    // A template given as a file path, relative to the config file.
    let s = Setup::new(Some("template = \"tpl/file.md.j2\"\n"), None);
    std::fs::create_dir(s.path("project/tpl")).unwrap();
    std::fs::write(s.path("project/tpl/file.md.j2"), "file {{ week.date }}\n").unwrap();
    let (_, out, _) = s.run(&["render", week.to_str().unwrap()]);
    assert_eq!(out, "file 2023-10-24\n");
}

#[test]
fn nearest_file_wins_over_a_farther_one() {
    let s = Setup::new(Some("author = \"far\"\n"), None);
    std::fs::write(s.path("project/a/weekly.toml"), "author = \"near\"\n").unwrap();
    let (_, out, _) = s.run(&["config"]);
    assert!(out.contains("author = \"near\""), "{out}");
    assert!(!Path::new(&s.path("project/a/b/weekly.toml")).exists());
}

/// `[links] base` makes the report's relative links absolute in Markdown and HTML, so a report
/// pasted into a wiki or opened outside its folder keeps working daily links.
#[test]
fn links_base_makes_render_links_absolute() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[links]\nbase = \"https://wiki.example.com/team/weekly/\"\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/week44.yaml"),
        dir.path().join("w.yaml"),
    )
    .unwrap();
    let absolute = "https://wiki.example.com/team/weekly/2023-10-23%20%E5%91%A8%E4%B8%80_qi3PsKJNVzsJ6iEsufSJWN.md";
    for format in ["md", "html"] {
        let (code, out, err) = run(weekly()
            .current_dir(dir.path())
            .args(["render", "-f", format, "w.yaml"]));
        assert_eq!((code, err.as_str()), (0, ""), "{format}");
        assert!(out.contains(absolute), "{format}:\n{out}");
    }
}

/// `weekly config` shows `[links]`, `[mail]` and `[mail.smtp]` as set, each key with its file,
/// naming the password's source and never a password; the output is TOML.
#[test]
fn config_lists_the_mail_tables() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[links]\nbase = \"https://wiki.example.com/\"\n[mail]\nfrom = \"a@example.com\"\n\
         to = [\"b@example.com\", \"c@example.com\"]\n[mail.smtp]\nhost = \"smtp.example.com\"\n\
         user = \"a\"\npassword-env = \"SMTP_PASSWORD\"\n",
    )
    .unwrap();
    let (code, out, err) = run(weekly().current_dir(dir.path()).arg("config"));
    assert_eq!((code, err.as_str()), (0, ""));
    let tail: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "[links]")
        .map(|l| l.split("  # ").next().unwrap())
        .collect();
    assert_eq!(
        tail.join("\n"),
        "[links]\nbase = \"https://wiki.example.com/\"\n\n[mail]\nfrom = \"a@example.com\"\n\
         to = [\"b@example.com\", \"c@example.com\"]\n\n[mail.smtp]\nhost = \"smtp.example.com\"\n\
         port = 587\ntls = \"starttls\"\nuser = \"a\"\npassword-env = \"SMTP_PASSWORD\""
    );
    assert!(out.parse::<toml::Table>().is_ok(), "{out}");
}
