//! Any text as Markdown: normalising (used to compare reports) and HTML must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = weekly::markdown::normalized(text);
    let _ = weekly::markdown::to_html(text);
    let _ = weekly::markdown::first_heading(text);
});
