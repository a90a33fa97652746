//! `weekly import`: the reference round trip, its parts as data, the corpus of other shapes,
//! batches, and inputs that must not crash it.

use std::process::Stdio;

use crate::common::{fixture, read, root, run, weekly};
use insta_cmd::assert_cmd_snapshot;
use weekly::dates::WeekNumbering;
use weekly::markdown::normalized;
use weekly::week::{Body, Item, Status, Week};
use weekly::yaml::Source;

/// The reference report as the project keeps it: the seed with trailing whitespace trimmed and
/// a final newline (the seed itself lives outside the repository, and imports the same).
const REFERENCE: &str = "tests/golden/week44.md";

/// Imports `path` and returns the YAML, failing the test on a non-zero exit.
pub(crate) fn import(path: &str) -> String {
    let (code, out, err) = run(weekly().args(["import", path]));
    assert_eq!(code, 0, "import {path} failed: {err}");
    assert!(
        !err.contains("kept whole"),
        "{path} fell back to raw: {err}"
    );
    out
}

/// Renders week YAML through stdin.
pub(crate) fn render(yaml: &str) -> String {
    let mut child = weekly()
        .args(["render", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("weekly runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(yaml.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("weekly ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "render failed: {err}\n{yaml}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Parses imported YAML as the model does.
pub(crate) fn week(yaml: &str) -> Week {
    let source = Source::new("imported.yaml", yaml.as_bytes().to_vec(), u64::MAX).unwrap();
    Week::from_source(&source, WeekNumbering::Jan1).unwrap()
}

/// Imports the fixture `rel` (under `tests/fixtures/`), checks that the YAML renders back to the
/// same document (CRLF read as LF) and returns the YAML and the week it reads as.
pub(crate) fn round_trip(rel: &str) -> (String, Week) {
    let yaml = import(&fixture(rel));
    let original = std::fs::read_to_string(fixture(rel)).unwrap();
    assert_eq!(
        normalized(&render(&yaml)),
        normalized(&original.replace("\r\n", "\n")),
        "{rel}:\n{yaml}"
    );
    let week = week(&yaml);
    (yaml, week)
}

/// The key-work items of section `i` of `week`.
pub(crate) fn work(week: &Week, i: usize) -> &[Item] {
    let Body::KeyWork(items) = &week.sections[i].body else {
        panic!("section {i} is not key work")
    };
    items
}

/// The kind of each section of `week`, in order.
pub(crate) fn kinds(week: &Week) -> Vec<&'static str> {
    week.sections.iter().map(|s| s.body.kind().key()).collect()
}

#[test]
fn reference_round_trip_is_byte_for_byte() {
    let yaml = import(REFERENCE);
    assert_eq!(render(&yaml), read("tests/golden/week44.md"));
}

#[test]
fn reference_parts_are_data() {
    let w = week(&import(REFERENCE));
    assert_eq!((w.number(), w.date.to_string()), (44, "2023-10-24".into()));
    assert_eq!(w.created.unwrap().to_string(), "2023-11-29 20:54");
    assert!(w.header && w.title.is_none());
    let kinds: Vec<&str> = w.sections.iter().map(|s| s.body.kind().key()).collect();
    assert_eq!(
        kinds,
        [
            "key_work",
            "metrics",
            "objective",
            "objective",
            "objective",
            "other",
            "reflection",
            "next_week",
            "daily"
        ]
    );
    // Key work: titles, lead sentences, points, the indented note.
    let Body::KeyWork(key) = &w.sections[0].body else {
        panic!("key work")
    };
    assert_eq!(key[0].title.as_deref(), Some("银行虚户建设"));
    assert_eq!(
        key[0].text.as_deref(),
        Some("调研情况总结，并输出下阶段工作安排。")
    );
    assert_eq!(key[0].points.len(), 3);
    assert_eq!(key[2].text, None);
    assert_eq!(
        key[3].note.as_deref(),
        Some("细化核对网络专线的情况，包括在建和维护、预算支付方式等")
    );
    // Metrics: two on one line, counts by level.
    let metrics: Vec<(String, String, String)> = w
        .metrics()
        .map(|m| {
            (
                m.name.clone(),
                m.value.clone().unwrap().text,
                m.unit().to_string(),
            )
        })
        .collect();
    let m = |n: &str, v: &str, u: &str| (n.to_string(), v.to_string(), u.to_string());
    assert_eq!(
        metrics,
        [
            m("入金有效成功率", "99.997", "%"),
            m("出金有效成功率", "99.961", "%"),
            m("一次支付成功率", "99.110", "%"),
            m("支付系统年度可用性", "99.998", "%"),
            m("事故数AB级", "0", "次"),
            m("事故数CD级", "1", "次"),
        ]
    );
    // Objectives: ids, titles before "：", progress and due dates as fields, incidents.
    let objectives: Vec<_> = w
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Objective(o) => Some(o),
            _ => None,
        })
        .collect();
    let ids: Vec<_> = objectives.iter().map(|o| o.id().unwrap()).collect();
    assert_eq!(ids, ["O1", "O2", "O3"]);
    assert_eq!(objectives[1].name, "O2系统升级");
    let o1 = &objectives[0].items;
    assert_eq!(o1.len(), 9);
    assert_eq!(o1[0].title.as_deref(), Some("物保"));
    assert_eq!(o1[1].due().unwrap().to_string(), "2023-11-09");
    let bill = &objectives[1].items[0];
    assert_eq!(bill.text.as_deref(), Some("账单数据质量治理"));
    assert_eq!(bill.points[0].progress(), Some(70));
    assert_eq!(bill.points[1].due().unwrap().to_string(), "2023-11-10");
    let incidents = &objectives[2].incidents;
    assert_eq!(incidents.len(), 3);
    assert_eq!(incidents[0].time.as_deref(), Some("10/23 14:36"));
    assert!(incidents[2].text.starts_with("客诉发现"));
    // Daily links, percent-decoded.
    let Body::Daily(links) = &w.sections[8].body else {
        panic!("daily")
    };
    assert_eq!(links[0].href, "2023-10-23 周一_qi3PsKJNVzsJ6iEsufSJWN.md");
    assert_eq!(links[0].title, None);
}

#[test]
fn reference_yaml_carries_progress_and_due_dates() {
    let yaml = import(REFERENCE);
    assert!(yaml.contains("progress: 70"), "{yaml}");
    assert!(yaml.contains("due: 2023-11-10"), "{yaml}");
    assert!(
        !yaml.contains("heading:") && !yaml.contains("level:"),
        "{yaml}"
    );
    assert!(
        yaml.starts_with("date: 2023-10-24\ncreated: 2023-11-29 20:54\nsections:\n"),
        "the week number is derived: {yaml}"
    );
}

/// Every report in the corpus renders back to the same document.
#[test]
fn corpus_round_trips() {
    let dir = root().join("tests/fixtures/import");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let path = format!("tests/fixtures/import/{name}");
        let original = std::fs::read_to_string(root().join(&path)).unwrap();
        let rendered = render(&import(&path));
        // CRLF line endings are read as LF (docs/import.md)
        assert_eq!(
            normalized(&original.replace("\r\n", "\n")),
            normalized(&rendered),
            "{name} does not round-trip; rendered:\n{rendered}"
        );
    }
}

#[test]
fn corpus_parts_are_recognised() {
    let w = week(&import(&fixture("import/team-okr-zh.md")));
    assert_eq!(w.date.to_string(), "2024-03-15");
    assert!(!w.header);
    assert_eq!(w.metrics().count(), 5);
    assert_eq!(w.incidents().count(), 2);
    let kr: Vec<_> = w
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Objective(o) => Some(o.id().unwrap_or("")),
            _ => None,
        })
        .collect();
    assert_eq!(kr, ["O1", "O2"]);
    let table = w
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("各组进展"));
    let Body::Table(t) = &table.unwrap().body else {
        panic!("各组进展 is not a table: {table:?}");
    };
    assert_eq!((t.columns.len(), t.rows[0][0].as_str()), (4, "收单"));
    assert_eq!(t.statuses, [Some(Status::Doing); 3], "🟢 正常, 🟡 有风险");

    let en = week(&import(&fixture("import/en-team-objectives.md")));
    let names: Vec<_> = en.metrics().map(|m| m.name.clone()).collect();
    assert_eq!(
        names,
        [
            "Authorization rate",
            "Refund success rate",
            "Chargeback ratio"
        ]
    );
    assert_eq!(en.incidents().count(), 2);
}

#[test]
fn yaml_of_an_english_report() {
    assert_cmd_snapshot!(weekly().args(["import", &fixture("import/en-team-objectives.md")]));
}

#[test]
fn yaml_of_a_report_with_front_matter_and_checkboxes() {
    assert_cmd_snapshot!(weekly().args(["import", &fixture("import/individual-en.md")]));
}

#[test]
fn yaml_of_a_notion_variant() {
    assert_cmd_snapshot!(weekly().args(["import", &fixture("import/notion-variant-zh.md")]));
}

#[test]
fn stdin_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("week.yaml");
    let report = std::fs::read(root().join(REFERENCE)).unwrap();
    let mut child = weekly()
        .args(["import", "-", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&report).unwrap();
    let result = child.wait_with_output().unwrap();
    assert!(result.status.success());
    assert!(result.stdout.is_empty());
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(
        err.starts_with("<stdin>: week 44 (2023-10-24): 9 sections"),
        "{err}"
    );
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert_eq!(render(&yaml), read("tests/golden/week44.md"));
}

#[test]
fn batch_with_one_bad_file_goes_on_and_fails_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for name in ["team-okr-zh.md", "individual-en.md"] {
        let from = root().join("tests/fixtures/import").join(name);
        std::fs::copy(from, reports.join(name)).unwrap();
    }
    std::fs::write(reports.join("broken.md"), b"# Week\n\n\x00\x01binary").unwrap();
    let out = dir.path().join("out");
    let (code, stdout, err) = run(weekly()
        .arg("import")
        .arg(&reports)
        .arg(root().join(REFERENCE))
        .arg("--out-dir")
        .arg(&out));
    assert_eq!(code, 1, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("broken.md holds a NUL byte"), "{err}");
    assert!(err.contains("imported 3 of 4 reports"), "{err}");
    assert!(err.contains("error: 1 of 4 reports failed"), "{err}");
    let mut written: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["individual-en.yaml", "team-okr-zh.yaml", "week44.yaml"]
    );
}

#[test]
fn batch_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = weekly();
    cmd.args([
        "import",
        &fixture("import/team-okr-zh.md"),
        REFERENCE,
        "--out-dir",
    ])
    .arg(dir.path());
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let last = err.lines().last().unwrap();
    let last = last.replace(&dir.path().display().to_string(), "OUT");
    assert_eq!(
        last,
        "imported 2 of 2 reports into OUT: 17 sections (key_work 2, metrics 2, objective 5, \
         other 2, reflection 1, next_week 2, daily 1, raw 1, table 1), 11 metrics, 35 items, \
         5 incidents, 1 link"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(weekly().args(["import", "a.md", "b.md"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("several reports need --out-dir"), "{err}");
    let (code, _, err) = run(weekly().args(["import", "tests/fixtures/import"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a folder"), "{err}");
}

/// Writes `content` to a file named `name` in a fresh folder and imports it.
fn import_bytes(name: &str, content: &[u8], extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let mut cmd = weekly();
    cmd.arg("import").arg(&path).args(extra);
    let (code, out, err) = run(&mut cmd);
    (
        code,
        out,
        err.replace(&dir.path().display().to_string(), "DIR"),
    )
}

#[test]
fn a_report_without_a_date_takes_its_files_modification_date_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.md");
    std::fs::write(&path, b"# Notes\n\n- one\n").unwrap();
    let noon = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_623_758_400);
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(noon).unwrap();
    drop(file);
    let day = chrono::DateTime::<chrono::Local>::from(noon).date_naive();
    let (code, out, err) = run(weekly().arg("import").arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&format!("date: {day}\n")), "{out}");
    assert!(
        err.contains(&format!(
            "warning: {}: no date in the report, its file name or folders: using the file's \
             modification date {day}; give the report's date with --date",
            path.display()
        )),
        "{err}"
    );
    let (code, out, err) =
        import_bytes("notes.md", b"# Notes\n\n- one\n", &["--date", "2024-01-05"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(
        out.starts_with("date: 2024-01-05\nheader: false\n"),
        "{out}"
    );
    let (code, out, _) = import_bytes("2024-02-09.md", b"# Notes\n", &[]);
    assert_eq!(code, 0);
    assert!(out.starts_with("date: 2024-02-09\n"), "{out}");
}

#[test]
fn stdin_without_a_date_needs_one() {
    let mut child = weekly()
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"# Notes\n\n- one\n")
        .unwrap();
    let result = child.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(result.stdout.is_empty());
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("<stdin>: no date found"), "{err}");
    assert!(err.contains("give one with --date"), "{err}");
}

#[test]
fn binary_junk_and_bad_encoding_fail_naming_the_file() {
    let (code, _, err) = import_bytes("junk.md", &[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("junk.md holds a NUL byte"), "{err}");
    let (code, _, err) = import_bytes("latin1.md", b"# Woche 2024-01-05\n\nGr\xfc\xdfe\n", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("latin1.md is not valid UTF-8"), "{err}");
    let (code, _, err) = import_bytes("blank.md", b"  \n\n", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("blank.md is empty"), "{err}");
}

/// Imports `content`, then checks that it renders back to the same document.
fn round_trips(name: &str, content: &str) {
    let (code, yaml, err) = import_bytes(name, content.as_bytes(), &["--date", "2024-01-05"]);
    assert_eq!(code, 0, "{name}: {err}");
    assert!(
        !err.contains("kept whole"),
        "{name} fell back to raw: {err}"
    );
    let rendered = render(&yaml);
    assert!(
        normalized(content) == normalized(&rendered),
        "{name} differs"
    );
}

#[test]
fn deep_nesting_imports_without_overflowing_the_stack() {
    let lists = "- ".repeat(10_000) + "deep\n";
    round_trips(
        "lists.md",
        &format!("# Deep 2024-01-05\n\n## 【重点工作】\n\n{lists}"),
    );
    let quotes = ">".repeat(10_000) + " deep\n";
    round_trips("quotes.md", &quotes);
    let indented: String = (0..200)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    round_trips("indented.md", &format!("## 【O1 深】\n\n{indented}"));
}

#[test]
fn huge_lines_and_odd_text_import_cleanly() {
    let line = "数据".repeat(500_000);
    round_trips(
        "huge.md",
        &format!("# Big 2024-01-05\n\n{line}\n\n## Next\n\n- {line}\n"),
    );
    round_trips(
        "controls.md",
        "# T\n\n\u{1b}[31mred\u{7} \u{200b}zero width\u{feff}\n",
    );
    round_trips(
        "unclosed.md",
        "## 【其他】\n\n```\nunclosed fence\n\n## not a heading\n",
    );
    round_trips(
        "html.md",
        "<div>\n\n## 【其他】\n\n1. a\n\n</div>\n<!-- open comment\n",
    );
    round_trips(
        "refs.md",
        "## 【其他】\n\n1. [a][x]\n\n[x]: /url\n\n## b\n\n[y]: /y\n",
    );
    round_trips("setext-multi.md", "Title on\ntwo lines\n===\n\n##\n\n#\n");
}

#[test]
fn generated_reports_round_trip() {
    // A small deterministic generator mixing the shapes the importer treats specially.
    let parts = [
        "## 【重点工作】\n\n- 【甲】\n说明\n    1. 点\n",
        "## 【系统运行数据】\n\n成功率：\n\n- 成功率：99.9%\n",
        "## 【O1 目标】\n\n- 项目：进度10%\n- 生产稳定性事件：\n    - 01/02 10:00 事件\n",
        "## 【其他】\n\n1. 事\n",
        "### 【其他】\n\n* not numbered\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "- [ ] task\n- [x] done\n",
        "> quote\n",
        "**粗体标题**\n\n正文\n",
        "# 日报合集\n\n[x](a%20b.md)\n",
        "Setext\n------\n\ntext\n",
        "1) paren list\n2) two\n",
        "    code\n",
        "<!-- c -->\n",
        "---\n",
    ];
    let mut seed = 7u64;
    for n in 0..40 {
        let mut doc = String::new();
        for _ in 0..6 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            doc.push_str(parts[(seed >> 33) as usize % parts.len()]);
            doc.push('\n');
        }
        round_trips(&format!("gen{n}.md"), &doc);
    }
}

/// A bulleted 下周计划, a numbered objective and a loose list from 3 become data with a
/// `layout`, and render back to the same document.
#[test]
fn lists_in_another_layout_become_data() {
    let report = "# 周报 2024-05-10\n\n## 下周计划\n\n- 推进短信通道切换\n- 灰度发布\n\n\
                  ## O1 降本\n\n1. 缓存改造\n2. 冷数据归档\n\n## Other\n\n3. one\n\n4. two\n";
    let (code, yaml, err) = import_bytes("layout.md", report.as_bytes(), &[]);
    assert_eq!(code, 0, "{err}");
    let w = week(&yaml);
    let kinds: Vec<&str> = w.sections.iter().map(|s| s.body.kind().key()).collect();
    assert_eq!(kinds, ["raw", "next_week", "objective", "other"], "{yaml}");
    assert!(
        yaml.contains("layout:\n    list: bullet\n  next_week:"),
        "{yaml}"
    );
    assert!(
        yaml.contains("layout:\n    list: numbered\n  objective:"),
        "{yaml}"
    );
    assert!(
        yaml.contains("layout:\n    start: 3\n    loose: true\n"),
        "{yaml}"
    );
    assert_eq!(normalized(&render(&yaml)), normalized(report));
}

/// A team's own headings, named in `[import.headings]`, import as the kind they announce; an
/// unknown kind in the table names the nearest.
#[test]
fn a_teams_own_headings_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let report = "# Team sync 2024-03-04\n\n## Wins of the week\n\n- Billing export shipped\n- Search latency halved\n\n## 风险与求助\n\n- 需要一台测试机\n";
    std::fs::write(dir.path().join("sync.md"), report).unwrap();
    let (code, out, err) = run(crate::common::weekly()
        .current_dir(dir.path())
        .args(["import", "sync.md"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("- heading: Wins of the week\n  list:\n"),
        "without the table: a list\n{out}"
    );
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[import.headings]\n\"Wins of the week\" = \"key_work\"\n\"风险与求助\" = \"next_week\"\n",
    )
    .unwrap();
    let (code, out, err) = run(crate::common::weekly()
        .current_dir(dir.path())
        .args(["import", "sync.md"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("- heading: Wins of the week\n  key_work:\n  - Billing export shipped"),
        "{out}"
    );
    assert!(out.contains("  next_week:\n  - 需要一台测试机"), "{out}");
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[import.headings]\n\"Wins\" = \"key-work\"\n",
    )
    .unwrap();
    let (code, _, err) = run(crate::common::weekly()
        .current_dir(dir.path())
        .args(["import", "sync.md"]));
    assert_eq!(code, 1);
    assert!(
        err.contains("no section kind `key-work`; did you mean `key_work`?"),
        "{err}"
    );
}

/// Headings that name no kind are listed once, with how to give them one in weekly.toml, in the
/// reader's language; a heading that names a kind is not listed.
#[test]
fn headings_that_name_no_kind_are_listed_with_how_to_name_them() {
    let file = fixture("import/unknown-headings-en.md");
    let (code, _, err) = run(weekly().args(["import", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "unknown-headings-en.md:7: 2 headings name no kind, so their sections were kept as \
             written: `Infrastructure`, `Hiring`; if your reports write such a section every \
             week, give its kind once in weekly.toml and import again, e.g. `[import.headings]` \
             `\"Infrastructure\" = \"key_work\"`"
        ),
        "{err}"
    );
    assert!(!err.contains("`Done`"), "{err}");
    let (code, _, err) = run(weekly().env("LANG", "zh_CN.UTF-8").args(["import", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("2 个标题没有对应的类型，这些节按原文保留：`Infrastructure`、`Hiring`"),
        "{err}"
    );
}
