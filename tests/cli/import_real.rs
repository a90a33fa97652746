//! Real reports other people published (`tests/fixtures/import/real/`, sources and licences in
//! its `SOURCES.md`): kept byte for byte, each imported with no flags, rendered back to the same
//! document, its YAML under a snapshot, and the share of its text that became data measured.

use std::path::Path;

use insta_cmd::assert_cmd_snapshot;
use pulldown_cmark::Event;
use sha2::{Digest, Sha256};
use weekly::dates::WeekNumbering;
use weekly::markdown::normalized;
use weekly::render::Renderer;
use weekly::templates::{self, Settings};
use weekly::view;
use weekly::week::{Agenda, Body, Kind, Section, Topic, Week};

use crate::common::{root, run, weekly};
use crate::import::{render, week};

const DIR: &str = "tests/fixtures/import/real";

/// Real reports the importer was not tuned on (`held-out/SOURCES.md`): their share is reported
/// apart.
const HELD_OUT: &str = "tests/fixtures/import/held-out";

/// A report of the corpus: its path under `DIR` and the SHA-256 its source has.
struct Report {
    file: String,
    sha256: String,
}

/// The reports of the corpus listed in its `SOURCES.md`, in its order.
fn reports() -> Vec<Report> {
    let reports = reports_in(DIR);
    assert!(reports.len() >= 12, "SOURCES.md lists {}", reports.len());
    reports
}

/// The reports listed in `dir`'s `SOURCES.md`, in its order.
fn reports_in(dir: &str) -> Vec<Report> {
    let sources = std::fs::read_to_string(root().join(dir).join("SOURCES.md")).unwrap();
    let reports: Vec<Report> = sources
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            Report {
                file: cells[1].to_string(),
                sha256: cells[6].to_string(),
            }
        })
        .collect();
    assert!(!reports.is_empty(), "{dir}/SOURCES.md lists none");
    reports
}

#[test]
fn real_reports_are_kept_byte_for_byte() {
    for (dir, r) in every_report() {
        let bytes = std::fs::read(root().join(dir).join(&r.file)).unwrap();
        let sum: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sum, r.sha256, "{} differs from its source", r.file);
    }
}

/// The reports of the corpus and the held-out ones, each with its folder.
fn every_report() -> Vec<(&'static str, Report)> {
    let corpus = reports().into_iter().map(|r| (DIR, r));
    corpus
        .chain(reports_in(HELD_OUT).into_iter().map(|r| (HELD_OUT, r)))
        .collect()
}

#[test]
fn every_real_report_is_listed_in_sources() {
    for dir in [DIR, HELD_OUT] {
        listed_in_sources(dir);
    }
}

fn listed_in_sources(dir: &str) {
    let listed: Vec<String> = reports_in(dir).into_iter().map(|r| r.file).collect();
    let mut found = Vec::new();
    collect_md(&root().join(dir), &mut found);
    for file in found {
        let rel = file
            .strip_prefix(root().join(dir))
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "SOURCES.md" || rel.starts_with("LICENSES") {
            continue;
        }
        assert!(listed.contains(&rel), "{rel} is not in SOURCES.md");
    }
}

/// Every `.md` file under `dir`.
fn collect_md(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_md(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The modification time every copied report gets (2001-02-03 12:00 UTC), so that a report
/// dated by it is plain to see and its snapshot does not depend on the checkout.
const MODIFIED_SECS: u64 = 981_201_600;

/// Copies `file` (relative to `dir`) into `tmp` at the same relative path with the fixed
/// modification time, and returns that relative path.
fn copy_in(tmp: &Path, dir: &str, file: &str) -> String {
    let to = tmp.join(file);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(root().join(dir).join(file), &to).unwrap();
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(MODIFIED_SECS);
    let f = std::fs::File::options().write(true).open(&to).unwrap();
    f.set_modified(when).unwrap();
    file.to_string()
}

/// A snapshot name for a report: its path with `/` as `__`.
fn snapshot_name(file: &str) -> String {
    file.trim_end_matches(".md").replace('/', "__")
}

#[test]
fn real_reports_import_with_no_flags_and_render_back() {
    for (dir, r) in every_report() {
        let tmp = tempfile::tempdir().unwrap();
        let rel = copy_in(tmp.path(), dir, &r.file);
        let (code, yaml, err) = run(weekly().current_dir(tmp.path()).args(["import", &rel]));
        assert_eq!(code, 0, "{}: {err}", r.file);
        assert!(!err.contains("kept whole"), "{}: {err}", r.file);
        let original = std::fs::read_to_string(root().join(dir).join(&r.file)).unwrap();
        let rendered = render(&yaml);
        // CRLF line endings are read as LF (docs/import.md)
        assert_eq!(
            normalized(&original.replace("\r\n", "\n")),
            normalized(&rendered),
            "{} does not render back; rendered:\n{rendered}",
            r.file
        );
    }
}

#[test]
fn real_reports_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    for r in reports() {
        let rel = copy_in(tmp.path(), DIR, &r.file);
        assert_cmd_snapshot!(
            snapshot_name(&r.file),
            weekly().current_dir(tmp.path()).args(["import", &rel])
        );
    }
}

/// Characters of text in `markdown` (text and inline code, whitespace collapsed).
fn text_chars(markdown: &str) -> usize {
    normalized(markdown)
        .iter()
        .map(|e| match e {
            Event::Text(t) | Event::Code(t) => t.chars().count(),
            _ => 0,
        })
        .sum()
}

/// Per section of `week`: the characters of text it renders to, whether its kind is data
/// (anything but `raw`, `text` and the generic `list`), and how many of them are Markdown a data
/// kind keeps as written rather than reads (an agenda's `intro` and its topics' `notes`).
fn section_texts(renderer: &Renderer, week: &Week) -> Vec<(usize, bool, usize)> {
    let chars = |s: &Section| {
        let one = Week {
            header: false,
            sections: vec![s.clone()],
            ..week.clone()
        };
        text_chars(&renderer.markdown(&one).unwrap())
    };
    week.sections
        .iter()
        .map(|s| {
            let all = chars(s);
            let kind = s.body.kind();
            let data = !matches!(kind, Kind::Raw | Kind::Text | Kind::List);
            let kept = match &s.body {
                Body::Agenda(a) => {
                    let mut read = s.clone();
                    read.body = Body::Agenda(Agenda {
                        intro: None,
                        topics: a
                            .topics
                            .iter()
                            .map(|t| Topic {
                                notes: None,
                                ..t.clone()
                            })
                            .collect(),
                    });
                    all - chars(&read)
                }
                _ => 0,
            };
            (all, data, kept)
        })
        .collect()
}

/// The share table of the reports in `dir`: per report the text that landed in data kinds,
/// then the median, as `docs/import.md` keeps it.
fn share_table(dir: &str) -> String {
    let renderer = Renderer::new(
        Settings::default(),
        templates::choose("zh").unwrap(),
        WeekNumbering::Jan1,
        view::Options::default(),
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    let mut shares = Vec::new();
    let mut read_shares = Vec::new();
    for r in reports_in(dir) {
        let rel = copy_in(tmp.path(), dir, &r.file);
        let (_, yaml, _) = run(weekly().current_dir(tmp.path()).args(["import", &rel]));
        let week = week(&yaml);
        let texts = section_texts(&renderer, &week);
        let total: usize = texts.iter().map(|(n, _, _)| n).sum();
        let data: usize = texts.iter().filter(|(_, d, _)| *d).map(|(n, _, _)| n).sum();
        let kept: usize = texts.iter().map(|(_, _, k)| k).sum();
        let percent = |n: usize| {
            if total == 0 {
                0.0
            } else {
                n as f64 * 100.0 / total as f64
            }
        };
        let share = percent(data);
        shares.push(share);
        read_shares.push(percent(data - kept));
        rows.push(format!(
            "| `{}` | {data} | {kept} | {total} | {share:.0} % |",
            r.file
        ));
    }
    let n = shares.len();
    let with_some = shares.iter().filter(|s| **s > 0.0).count();
    let (median, read) = (median(shares), median(read_shares));
    format!(
        "| report | data characters | of which Markdown kept as written | all characters | share |\n\
         |---|---:|---:|---:|---:|\n{}\n\n\
         Median share: {median:.0} %. Reports with some data: {with_some} of {n}. Median share \
         without the Markdown data kinds keep as written: {read:.0} %.\n",
        rows.join("\n")
    )
}

/// The median of `values`.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The share of each real report's text that became data, printed and kept in docs/import.md
/// (between the `share-table` markers): a change in what import recognises must update it.
#[test]
fn share_of_text_that_became_data_is_recorded() {
    let tables: Vec<(&str, String)> = [(DIR, "share-table"), (HELD_OUT, "held-out-table")]
        .into_iter()
        .map(|(dir, marker)| (marker, share_table(dir)))
        .collect();
    // both printed before either is compared, so one run gives every figure to copy
    for (marker, table) in &tables {
        println!("{marker}:\n{table}");
    }
    let doc = std::fs::read_to_string(root().join("docs/import.md")).unwrap();
    for (marker, table) in &tables {
        let open = format!("<!-- {marker} -->\n");
        let start = doc.find(&open).expect("start marker") + open.len();
        let end = doc
            .find(&format!("<!-- /{marker} -->"))
            .expect("end marker");
        assert_eq!(
            &doc[start..end],
            table,
            "docs/import.md is out of date; the figures now are:\n{table}"
        );
    }
}
