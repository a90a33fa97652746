//! `weekly mail`: messages read by Python's stdlib `email` parser (a real client, offline),
//! a stand-in `sendmail` that records its arguments and input, and whole-run errors.

use std::path::Path;

use crate::common::{self, fixture, run, weekly};

/// Python's parser on a message file: its report, one fact a line.
fn python_reads(eml: &Path) -> String {
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(common::root().join(fixture("mail/check_eml.py")))
        .arg(eml)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const FROM: &str = "--from=李雷 <lead@example.com>";

#[test]
fn a_draft_parses_with_no_defects_and_both_parts() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("week44.eml");
    let (code, out, err) = run(weekly()
        .args([
            "mail",
            "examples/week44.yaml",
            FROM,
            "--to",
            "boss@example.com",
            "-o",
        ])
        .arg(&eml));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let report = python_reads(&eml);
    assert_eq!(
        report,
        "defects: 0\nsubject: 第44周周报 2023/10/24\n\
         types: multipart/alternative text/plain text/html\nx-unsent: 1\n\
         text has CJK: True\nhtml has CJK: True\nhtml has style element: False\n"
    );
}

#[test]
fn sendmail_gets_the_message_with_t_and_i() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("sendmail");
    let log = dir.path().join("args");
    let input = dir.path().join("input.eml");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\ncat > '{}'\n",
            log.display(),
            input.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::write(
        dir.path().join("weekly.toml"),
        format!(
            "[mail]\nsendmail = '{}'\nsubject = 'Week {{{{ week.number }}}}'\n",
            script.display()
        ),
    )
    .unwrap();
    let week = common::root().join("examples/week44.yaml");
    let (code, out, err) = run(weekly()
        .current_dir(dir.path())
        .arg("mail")
        .arg(&week)
        .args([FROM, "--to", "boss@example.com", "--send", "--quiet"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "-t -i\n");
    let report = python_reads(&input);
    assert!(
        report.starts_with("defects: 0\nsubject: Week 44\n"),
        "{report}"
    );
    assert!(report.contains("x-unsent: None"), "{report}");
}

#[test]
fn errors_are_whole_runs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[mail]\nsendmail = '/nonexistent/sendmail'\n",
    )
    .unwrap();
    let week = common::root().join("examples/week44.yaml");
    let mut cases = Vec::new();
    for (name, args) in [
        (
            "missing sendmail",
            vec![FROM, "--to", "boss@example.com", "--send", "--quiet"],
        ),
        ("no recipient", vec![FROM, "--send"]),
        ("no sender", vec!["--to", "boss@example.com"]),
        (
            "bad address",
            vec![FROM, "--to", "not an address", "--send"],
        ),
    ] {
        let (code, out, err) = run(weekly()
            .current_dir(dir.path())
            .arg("mail")
            .arg(&week)
            .args(&args));
        cases.push(format!(
            "== {name}\nexit {code}\n--- stdout\n{out}--- stderr\n{err}"
        ));
    }
    insta::assert_snapshot!(cases.join("\n"));
}
