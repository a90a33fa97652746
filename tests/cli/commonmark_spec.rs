//! The CommonMark corpus: every example of the CommonMark spec (`tests/fixtures/commonmark/`),
//! placed under a plain heading and under a reference-style one (`## 【其他】`), is imported and
//! rendered back, and the HTML of the round trip must be the HTML of the original. Driven
//! through the library (the importer and renderer `weekly import` and `weekly render` use), so
//! that 1,304 documents take seconds.

use chrono::NaiveDate;
use weekly::dates::{Date, WeekNumbering};
use weekly::import::Importer;
use weekly::markdown::to_html;
use weekly::render::Renderer;
use weekly::templates::{self, Settings};
use weekly::week::Week;
use weekly::yaml::Source;

use crate::common::read;

/// The headings each example is placed under: a plain one and the reference's 【其他】.
const HEADINGS: [&str; 2] = ["## Notes", "## 【其他】"];

/// One example of the spec.
#[derive(serde::Deserialize)]
struct Example {
    markdown: String,
    example: u32,
    section: String,
}

/// Imports `doc`, renders the week back through the zh template (what `render` does by default)
/// and returns the Markdown, or why it failed.
fn round_trip(importer: &Importer, renderer: &Renderer, doc: &str) -> Result<String, String> {
    let source = Source::markdown("example.md", doc.as_bytes().to_vec(), u64::MAX)
        .map_err(|e| e.to_string())?;
    let imported = importer.import(&source).map_err(|e| format!("{e:#}"))?;
    let back = Source::new("example.yaml", imported.yaml.into_bytes(), u64::MAX)
        .map_err(|e| e.to_string())?;
    let week = Week::from_source(&back, WeekNumbering::Jan1).map_err(|e| e.to_string())?;
    renderer.markdown(&week).map_err(|e| format!("{e:#}"))
}

#[test]
fn every_spec_example_imports_and_renders_to_the_same_html() {
    let examples: Vec<Example> =
        serde_json::from_str(&read("tests/fixtures/commonmark/spec.json")).expect("spec.json");
    assert_eq!(examples.len(), 652, "CommonMark 0.31.2 has 652 examples");
    let date = Date(NaiveDate::from_ymd_opt(2023, 10, 30).unwrap());
    let importer = Importer::new(WeekNumbering::Jan1, Some(date)).unwrap();
    let renderer = Renderer::new(
        Settings::default(),
        templates::choose("zh").unwrap(),
        WeekNumbering::Jan1,
        Default::default(),
    )
    .unwrap();
    let mut failed = Vec::new();
    for ex in &examples {
        for heading in HEADINGS {
            let doc = format!("{heading}\n\n{}", ex.markdown);
            let verdict = match round_trip(&importer, &renderer, &doc) {
                Err(e) => Some(format!("import or render failed: {e}")),
                Ok(md) if to_html(&md) != to_html(&doc) => Some(format!(
                    "HTML differs\n--- original\n{}--- round trip\n{}--- Markdown back\n{md}",
                    to_html(&doc),
                    to_html(&md)
                )),
                Ok(_) => None,
            };
            if let Some(v) = verdict {
                failed.push(format!(
                    "example {} ({}) under `{heading}`:\n{:?}\n{v}",
                    ex.example, ex.section, ex.markdown
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} documents differ:\n\n{}",
        failed.len(),
        examples.len() * HEADINGS.len(),
        failed.join("\n\n")
    );
}
