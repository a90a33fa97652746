//! The law of import on real reports edited at random: a real report with lines deleted,
//! repeated, moved, indented or re-bulleted still imports with no flags but a date, and its YAML
//! renders back to the same document (normalised CommonMark events). Nothing is refused and
//! nothing is lost, whatever shape the edit leaves.

use proptest::prelude::*;

use weekly::dates::{Date, WeekNumbering};
use weekly::import::Importer;
use weekly::markdown::normalized;
use weekly::yaml::{DEFAULT_MAX_SIZE, Source};

use crate::common::root;
use crate::import::render;

/// The corpus of real reports (not the held-out ones, which nothing may be tuned on).
const DIR: &str = "tests/fixtures/import/real";

/// Every report of the corpus, as text, in a fixed order.
fn corpus() -> Vec<(String, String)> {
    let mut found: Vec<_> = walkdir::WalkDir::new(root().join(DIR))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| e.file_name() != "SOURCES.md")
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().display().to_string(), text)
        })
        .collect();
    found.sort();
    assert!(found.len() >= 40, "the corpus has {} reports", found.len());
    found
}

/// One edit of a report's lines, at a position taken modulo the line count.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize),
    Repeat(usize),
    SwapWithNext(usize),
    Indent(usize, usize),
    Dedent(usize),
    BlankAfter(usize),
    Rebullet(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0usize..10_000;
    prop_oneof![
        at.clone().prop_map(Edit::Delete),
        at.clone().prop_map(Edit::Repeat),
        at.clone().prop_map(Edit::SwapWithNext),
        (at.clone(), 1usize..5).prop_map(|(a, n)| Edit::Indent(a, n)),
        at.clone().prop_map(Edit::Dedent),
        at.clone().prop_map(Edit::BlankAfter),
        (at, prop::sample::select(vec!['-', '*', '+'])).prop_map(|(a, c)| Edit::Rebullet(a, c)),
    ]
}

/// `lines` with `edit` applied.
fn apply(lines: &mut Vec<String>, edit: &Edit) {
    if lines.len() < 2 {
        return;
    }
    let n = lines.len();
    match *edit {
        Edit::Delete(a) => {
            lines.remove(a % n);
        }
        Edit::Repeat(a) => lines.insert(a % n, lines[a % n].clone()),
        Edit::SwapWithNext(a) => lines.swap(a % (n - 1), a % (n - 1) + 1),
        Edit::Indent(a, k) => lines[a % n].insert_str(0, &" ".repeat(k)),
        Edit::Dedent(a) => {
            let line = &mut lines[a % n];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            line.drain(..spaces.min(2));
        }
        Edit::BlankAfter(a) => lines.insert(a % n + 1, String::new()),
        Edit::Rebullet(a, c) => {
            let line = &mut lines[a % n];
            let body = line.trim_start();
            if let Some(rest) = body.strip_prefix(['-', '*', '+']) {
                let indent = line.len() - body.len();
                *line = format!("{}{c}{rest}", &line[..indent]);
            }
        }
    }
}

proptest! {
    #![proptest_config(crate::common::cases(24, "proptest-regressions"))]

    /// An edited real report imports (with `--date`, so dating is not what is tested) and its
    /// YAML renders back to the same document.
    #[test]
    fn an_edited_real_report_imports_and_renders_back(
        pick in 0usize..10_000,
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let reports = corpus();
        let (name, text) = &reports[pick % reports.len()];
        let mut lines: Vec<String> = text.replace("\r\n", "\n").lines().map(String::from).collect();
        for e in &edits {
            apply(&mut lines, e);
        }
        let edited = lines.join("\n") + "\n";
        prop_assume!(!edited.trim().is_empty());
        let source = Source::markdown("edited.md", edited.clone().into_bytes(), DEFAULT_MAX_SIZE)
            .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2023, 10, 24).unwrap();
        let importer = Importer::new(WeekNumbering::Jan1, Some(Date(day))).unwrap();
        let imported = importer
            .import(&source)
            .map_err(|e| TestCaseError::fail(format!("{name} {edits:?}: {e:#}")))?;
        let again = render(&imported.yaml);
        prop_assert!(
            normalized(&edited) == normalized(&again),
            "{} {:?} does not render back\n--- edited:\n{}\n--- rendered:\n{}",
            name, edits, edited, again
        );
    }
}
