//! Any bytes as a Markdown report: importing (which renders what it recognises back through the
//! zh template and reads its own YAML again) must not panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use weekly::dates::{Date, WeekNumbering};
use weekly::import::Importer;
use weekly::yaml::Source;

fn importer() -> &'static Importer {
    static IMPORTER: OnceLock<Importer> = OnceLock::new();
    IMPORTER.get_or_init(|| {
        let date: Date = "2023-10-24".parse().expect("a valid date");
        Importer::new(WeekNumbering::Jan1, Some(date)).expect("built-in template")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::markdown("fuzz.md", data.to_vec(), 1 << 20) else {
        return;
    };
    let _ = importer().import(&source);
});
