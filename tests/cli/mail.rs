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
    assert!(
        report.starts_with(
            "defects: 0\nsubject: 第44周周报 2023/10/24\n\
             types: multipart/alternative text/plain text/html\nx-unsent: 1\n\
             text has CJK: True\nhtml has CJK: True\nhtml has style element: False\n\
             from: 李雷 <lead@example.com>\nto: boss@example.com\ncc: None\n\
             message-id: <weekly.2023-W44."
        ),
        "{report}"
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

/// A real SMTP server on 127.0.0.1 (aiosmtpd), started on a free port; stopped when dropped.
struct Smtp {
    child: std::process::Child,
    out: tempfile::TempDir,
    port: u16,
}

impl Smtp {
    fn start() -> Smtp {
        use std::io::BufRead;
        let out = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("/usr/bin/python3")
            .arg(common::root().join(fixture("mail/smtp_server.py")))
            .arg(out.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().unwrap_or_else(|_| {
            panic!("the SMTP server did not start (is python3-aiosmtpd installed?): {line:?}")
        });
        Smtp { child, out, port }
    }

    /// A folder with a weekly.toml sending through this server.
    fn config(&self) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("weekly.toml"),
            format!(
                "[mail.smtp]\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\n",
                self.port
            ),
        )
        .unwrap();
        dir
    }

    fn received(&self, n: usize) -> std::path::PathBuf {
        self.out.path().join(format!("{n}.eml"))
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// `weekly mail` of the reference week from the lead, run in `dir` (where the config is).
fn mail_week44(dir: &Path) -> std::process::Command {
    let mut cmd = weekly();
    cmd.current_dir(dir)
        .arg("mail")
        .arg(common::root().join("examples/week44.yaml"))
        .arg(FROM);
    cmd
}

#[test]
fn smtp_delivers_the_same_message_as_the_draft() {
    let server = Smtp::start();
    let dir = server.config();
    let to = ["--to", "boss@example.com", "--cc", "team@example.com"];
    let (code, out, err) = run(mail_week44(dir.path()).args(to).args(["--send", "--quiet"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let envelope = std::fs::read_to_string(server.out.path().join("1.envelope")).unwrap();
    assert_eq!(
        envelope,
        "lead@example.com\nboss@example.com\nteam@example.com\n"
    );
    let received = python_reads(&server.received(1));
    assert!(
        received.starts_with("defects: 0\nsubject: 第44周周报 2023/10/24\n"),
        "{received}"
    );
    // The draft of the same week parses to the same message, less the draft's own header.
    let draft = dir.path().join("draft.eml");
    let (code, _, err) = run(mail_week44(dir.path()).args(to).arg("-o").arg(&draft));
    assert_eq!(code, 0, "{err}");
    let drafted = python_reads(&draft);
    assert_eq!(
        received.replace("x-unsent: None\n", ""),
        drafted.replace("x-unsent: 1\n", ""),
    );
    assert!(!server.received(2).exists(), "sent once");
}

#[test]
fn smtp_refusing_the_recipient_is_exit_1() {
    let server = Smtp::start();
    let dir = server.config();
    let (code, out, err) =
        run(mail_week44(dir.path()).args(["--to", "reject@example.com", "--send", "--quiet"]));
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.starts_with("error: ") && err.contains("550"), "{err}");
    assert!(!server.received(1).exists(), "nothing delivered");
}
