//! Any bytes as a week file: the gate, the parser, and every output format must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weekly::dates::WeekNumbering;
use weekly::render::{Format, Renderer};
use weekly::templates::{self, Settings};
use weekly::view::Options;
use weekly::week::Week;
use weekly::yaml::Source;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::new("fuzz.yaml", data.to_vec(), 1 << 20) else {
        return;
    };
    // --raw: any YAML as data
    let _ = source.parse::<serde_json::Value>();
    let Ok(week) = Week::from_source(&source, WeekNumbering::Jan1) else {
        return;
    };
    let settings = Settings {
        fuel: 2_000_000,
        ..Settings::default()
    };
    let choice = templates::choose("zh").expect("built-in template");
    let renderer = Renderer::new(settings, choice, WeekNumbering::Jan1, Options::default())
        .expect("built-in template compiles");
    for format in [Format::Md, Format::Html, Format::Json] {
        let _ = renderer.week(&week, format);
    }
});
