//! A real browser: the `--format html` page of examples/week44.yaml in headless Chromium.
//!
//! The screenshot must decode as a PNG of the window's size, not be blank, and show the CJK text
//! drawn. "Drawn" is checked by a difference, not by ink: the same page is shot a second time with
//! every Han ideograph replaced by 一, which has the same advance width, so the layout is
//! unchanged and only the glyphs differ. When the CJK fonts are missing, Chromium draws each
//! ideograph as the same empty box (tofu), both shots are identical and the check fails; counting
//! dark pixels would not notice, because tofu boxes are ink too. `missing_cjk_fonts_are_caught`
//! proves this by hiding the CJK fonts from Chromium (a fontconfig file without them).
//!
//! Chromium comes from Debian's `chromium` package (with `fonts-noto-cjk`), which `.ci/run`
//! installs. Without it the tests fail when `CI` is set and are skipped with a note otherwise.
//! `UPDATE_SCREENSHOT=1 cargo test --test cli browser::` also writes docs/screenshot.png.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::{root, run, weekly};

/// The window: a 700-pixel mail column, tall enough for the first sections.
const WIDTH: u32 = 700;
const HEIGHT: u32 = 1100;

/// A pixel darker than this (0-255 luma) is ink; lighter ones are background or anti-aliasing.
const INK: u8 = 160;

/// A decoded screenshot, as luma.
struct Shot {
    width: u32,
    height: u32,
    luma: Vec<u8>,
}

impl Shot {
    /// The share of pixels (0..1) in rows `rows` that are ink.
    fn ink(&self, rows: std::ops::Range<u32>) -> f64 {
        let w = self.width as usize;
        let px = &self.luma[rows.start as usize * w..rows.end.min(self.height) as usize * w];
        px.iter().filter(|&&l| l < INK).count() as f64 / px.len().max(1) as f64
    }

    /// The number of ink pixels in columns `cols`, over the whole height.
    fn ink_in_columns(&self, cols: std::ops::Range<u32>) -> usize {
        let w = self.width as usize;
        self.luma
            .chunks(w)
            .map(|row| {
                row[cols.start as usize..cols.end.min(self.width) as usize]
                    .iter()
                    .filter(|&&l| l < INK)
                    .count()
            })
            .sum()
    }

    /// The share of pixels (0..1) that differ clearly between two shots of the same size.
    fn difference(&self, other: &Shot) -> f64 {
        assert_eq!((self.width, self.height), (other.width, other.height));
        let differing = self
            .luma
            .iter()
            .zip(&other.luma)
            .filter(|(a, b)| a.abs_diff(**b) > 64)
            .count();
        differing as f64 / self.luma.len().max(1) as f64
    }
}

/// Decodes a PNG into luma, whatever its colour type.
fn decode(path: &Path) -> Shot {
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("PNG pixels decode");
    let channels = info.color_type.samples();
    let luma = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| match p {
            [g] | [g, _] => *g,
            [r, g, b, ..] => ((*r as u32 * 299 + *g as u32 * 587 + *b as u32 * 114) / 1000) as u8,
            _ => 255,
        })
        .collect();
    Shot {
        width: info.width,
        height: info.height,
        luma,
    }
}

/// The Chromium binary on PATH, if any.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Chromium, or `None` after a note when it may be missing (not in CI). Panics in CI.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
        assert!(
            !ci,
            "CI is set but chromium is not on PATH (.ci/run installs it)"
        );
        // Straight to stderr, not `eprintln!`: the test harness would swallow it.
        let _ = writeln!(
            std::io::stderr(),
            "note: {test} skipped: chromium is not installed (apt-get install chromium fonts-noto-cjk)"
        );
    }
    found
}

/// Shoots `html` at the window size; `fontconfig` replaces the system's font configuration.
fn screenshot(chromium: &Path, html: &Path, png: &Path, fontconfig: Option<&Path>) -> Shot {
    screenshot_at(chromium, html, png, fontconfig, WIDTH)
}

/// Shoots `html` in a window `width` pixels wide.
fn screenshot_at(
    chromium: &Path,
    html: &Path,
    png: &Path,
    fontconfig: Option<&Path>,
    width: u32,
) -> Shot {
    let work = png.with_extension("d");
    std::fs::create_dir_all(&work).expect("profile folder");
    let log = File::create(work.join("chromium.log")).expect("log file");
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!(
        "--user-data-dir={}",
        work.join("profile").display()
    ))
    .arg(format!("--window-size={width},{HEIGHT}"))
    .arg(format!("--screenshot={}", png.display()))
    .arg(format!("file://{}", html.display()))
    .env("HOME", &work)
    .stdin(Stdio::null())
    .stdout(log.try_clone().expect("log file"))
    .stderr(log);
    if let Some(conf) = fontconfig {
        cmd.env("FONTCONFIG_FILE", conf);
    }
    let mut child = cmd.spawn().expect("chromium starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium status") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over 60 s to shoot {}", html.display());
        }
        thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(work.join("chromium.log")).unwrap_or_default();
    assert!(
        status.success() && png.is_file(),
        "chromium failed ({status}):\n{log}"
    );
    decode(png)
}

/// The page with every Han ideograph replaced by 一: the same layout, other glyphs.
fn without_han(html: &str) -> String {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}');
    html.chars()
        .map(|c| if han(c) { '一' } else { c })
        .collect()
}

/// Renders the example's page into `dir`: (page, the same page without Han ideographs).
fn pages(dir: &Path) -> (PathBuf, PathBuf) {
    let (code, html, err) =
        run(weekly().args(["render", "--format", "html", "examples/week44.yaml"]));
    assert_eq!(code, 0, "{err}");
    for external in [
        "<script",
        "<link",
        "<iframe",
        "@import",
        "url(",
        "src=\"http",
    ] {
        assert!(
            !html.contains(external),
            "the page has `{external}`: no scripts or external resources"
        );
    }
    let page = dir.join("week44.html");
    let plain = dir.join("week44-plain.html");
    std::fs::write(&page, &html).expect("write page");
    std::fs::write(&plain, without_han(&html)).expect("write page");
    (page, plain)
}

/// `Ok` when the CJK text is drawn: the two shots differ in a visible share of pixels.
fn cjk_drawn(page: &Shot, plain: &Shot) -> Result<f64, String> {
    let share = page.difference(plain);
    if share > 0.01 {
        Ok(share)
    } else {
        Err(format!(
            "CJK text not drawn: only {:.3}% of pixels change when every ideograph is replaced \
             (missing fonts draw every ideograph as the same box)",
            share * 100.0
        ))
    }
}

#[test]
fn the_html_page_shows_in_chromium_with_cjk_drawn() {
    let Some(chromium) = chromium_or_skip("the_html_page_shows_in_chromium_with_cjk_drawn") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let (page, plain) = pages(dir.path());
    let png = dir.path().join("week44.png");
    let shot = screenshot(&chromium, &page, &png, None);

    assert_eq!(
        (shot.width, shot.height),
        (WIDTH, HEIGHT),
        "the window's size"
    );
    let ink = shot.ink(0..HEIGHT);
    assert!(ink > 0.02, "blank page: {:.2}% ink", ink * 100.0);
    let heading = shot.ink(0..80);
    assert!(
        heading > 0.01,
        "no heading at the top: {:.2}% ink",
        heading * 100.0
    );

    let plain_shot = screenshot(&chromium, &plain, &dir.path().join("plain.png"), None);
    let share = cjk_drawn(&shot, &plain_shot).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "ink {:.1}%, CJK glyph difference {:.1}%",
        ink * 100.0,
        share * 100.0
    );

    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::copy(&png, root().join("docs/screenshot.png")).expect("write docs/screenshot.png");
    }
}

#[test]
fn missing_cjk_fonts_are_caught() {
    let Some(chromium) = chromium_or_skip("missing_cjk_fonts_are_caught") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let (page, plain) = pages(dir.path());
    // Debian keeps Noto CJK under /usr/share/fonts/opentype; the TrueType folder has Latin only.
    let conf = dir.path().join("fonts.conf");
    let cache = dir.path().join("fontcache");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n\
             <fontconfig><dir>/usr/share/fonts/truetype</dir><cachedir>{}</cachedir></fontconfig>\n",
            cache.display()
        ),
    )
    .expect("write fonts.conf");
    let a = screenshot(&chromium, &page, &dir.path().join("a.png"), Some(&conf));
    let b = screenshot(&chromium, &plain, &dir.path().join("b.png"), Some(&conf));
    let verdict = cjk_drawn(&a, &b);
    eprintln!("without CJK fonts: {verdict:?}");
    assert!(verdict.is_err(), "tofu passed the CJK check: {verdict:?}");
}

/// The mail's HTML part, as a client shows it in a 600-pixel column: the window's size, not
/// blank, CJK drawn, and nothing cut off at the right edge. `UPDATE_SCREENSHOT=1` also writes
/// docs/mail-screenshot.png.
#[test]
fn the_mail_shows_in_a_600_pixel_column_with_cjk_drawn() {
    let Some(chromium) = chromium_or_skip("the_mail_shows_in_a_600_pixel_column_with_cjk_drawn")
    else {
        return;
    };
    const MAIL: u32 = 600;
    let dir = tempfile::tempdir().expect("temp dir");
    let eml = dir.path().join("week44.eml");
    let (code, _, err) = run(weekly()
        .args([
            "mail",
            "examples/week44.yaml",
            "--from",
            "lead@example.com",
            "--to",
            "boss@example.com",
            "-o",
        ])
        .arg(&eml));
    assert_eq!(code, 0, "{err}");
    let html = dir.path().join("mail.html");
    let out = Command::new("/usr/bin/python3")
        .arg(root().join("tests/fixtures/mail/html_part.py"))
        .arg(&eml)
        .arg(&html)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plain = dir.path().join("mail-plain.html");
    std::fs::write(
        &plain,
        without_han(&std::fs::read_to_string(&html).unwrap()),
    )
    .unwrap();

    let png = dir.path().join("mail.png");
    let shot = screenshot_at(&chromium, &html, &png, None, MAIL);
    assert_eq!(
        (shot.width, shot.height),
        (MAIL, HEIGHT),
        "the window's size"
    );
    let ink = shot.ink(0..HEIGHT);
    assert!(ink > 0.02, "blank mail: {:.2}% ink", ink * 100.0);
    let edge = shot.ink_in_columns(MAIL - 4..MAIL);
    assert_eq!(
        edge, 0,
        "ink at the right edge: the mail is wider than {MAIL} px"
    );
    let plain_shot = screenshot_at(&chromium, &plain, &dir.path().join("plain.png"), None, MAIL);
    cjk_drawn(&shot, &plain_shot).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::copy(&png, root().join("docs/mail-screenshot.png"))
            .expect("write docs/mail-screenshot.png");
    }
}
