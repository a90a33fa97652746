//! Bad input, table-driven: every case is an input (a fixture under `tests/fixtures/bad/`, a
//! file generated in a temp folder, or none), a command line, and what must come out.
//!
//! Every case checks the same contract: the exit code (1 for bad input, 2 for usage), exactly
//! one `error:` on stderr naming the file (and `line:col` where there is one), nothing on
//! stdout, the pre-existing `-o` file untouched, and no file left behind in the temp folder.
//! Cases marked `snap` also snapshot their stderr (tests/cli/snapshots/cli__bad_input__*.snap).
//!
//! To add cases for another command (import, trend, merge), add rows: the command line is any
//! `weekly` command with the placeholders `{in}` (the input), `{out}` (an existing output file
//! holding `untouched`) and `{tmp}` (the temp folder).

use std::path::{Path, PathBuf};

use crate::common::{root, run, weekly};

/// Where a case's input comes from.
enum Input {
    /// A file under `tests/fixtures/bad/`, named as the user would type it.
    Fixture(&'static str),
    /// A file written into the temp folder before the run: name and content.
    Generated(&'static str, fn() -> Vec<u8>),
    /// No input file (the command line names what it needs).
    None,
}

/// One bad-input case.
struct Case {
    /// Snapshot name and test name.
    name: &'static str,
    /// The input.
    input: Input,
    /// The `weekly` arguments, split on spaces, with `{in}`, `{out}` and `{tmp}` filled in.
    cmd: &'static str,
    /// The exit code: 1 bad input, 2 usage.
    code: i32,
    /// Texts stderr must hold: the file name, `file:line:col`, the gist of the message.
    says: &'static [&'static str],
    /// Snapshot stderr.
    snap: bool,
}

const OUT: &str = "untouched\n";

/// The command every YAML case runs: render to an existing output file (`--force`: the bad
/// input, not the existing file, must be what stops it).
const RENDER: &str = "render {in} --force -o {out}";

impl Case {
    fn run(&self) {
        let tmp = tempfile::tempdir().expect("temp folder");
        let tmp_path = tmp.path().canonicalize().expect("temp path");
        let input = match &self.input {
            Input::Fixture(name) => format!("tests/fixtures/bad/{name}"),
            Input::Generated(name, make) => {
                let path = tmp_path.join(name);
                std::fs::write(&path, make()).expect("write generated input");
                path.display().to_string()
            }
            Input::None => String::new(),
        };
        let out = tmp_path.join("out.md");
        std::fs::write(&out, OUT).expect("write output");
        let before = files(&tmp_path);
        let fill = |cmd: &str| -> Vec<String> {
            cmd.split(' ')
                .map(|w| {
                    w.replace("{in}", &input)
                        .replace("{out}", &out.display().to_string())
                        .replace("{tmp}", &tmp_path.display().to_string())
                })
                .collect()
        };
        let (code, stdout, stderr) = run(weekly().args(fill(self.cmd)));
        let stderr = stderr.replace(&tmp_path.display().to_string(), "[TMP]");
        let name = self.name;
        assert_eq!(code, self.code, "{name}: exit code; stderr:\n{stderr}");
        assert_eq!(stdout, "", "{name}: stdout must be empty");
        // a batch (`--out-dir`) adds a summary line after the files' own messages
        let errors = stderr
            .lines()
            .filter(|l| is_error_line(l) && !l.ends_with("inputs failed"))
            .count();
        assert_eq!(errors, 1, "{name}: one error message:\n{stderr}");
        assert!(is_error_line(&stderr), "{name}:\n{stderr}");
        for text in self.says {
            assert!(stderr.contains(text), "{name}: want {text:?} in:\n{stderr}");
        }
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            OUT,
            "{name}: -o file"
        );
        assert_eq!(files(&tmp_path), before, "{name}: files left behind");
        if self.cmd == RENDER {
            // the same run to stdout: the same failure, and nothing printed
            let (code2, stdout2, _) = run(weekly().args(fill(&self.cmd.replace(" -o {out}", ""))));
            assert_eq!(
                (code2, stdout2.as_str()),
                (self.code, ""),
                "{name}: to stdout"
            );
        }
        if self.snap {
            insta::assert_snapshot!(name, stderr);
        }
    }
}

/// Every file under `dir` (folders alone do not count), sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// One `#[test]` per row: `name: input, "command", exit code, [texts], snap?;`
macro_rules! cases {
    ($($name:ident: $input:expr, $cmd:expr, $code:expr, [$($says:expr),*], $snap:expr;)*) => {
        $(
            #[test]
            fn $name() {
                Case {
                    name: stringify!($name),
                    input: $input,
                    cmd: $cmd,
                    code: $code,
                    says: &[$($says),*],
                    snap: $snap,
                }
                .run();
            }
        )*
    };
}

use Input::{Fixture as F, Generated as G};

/// A `render` with a template from the bad-templates folder, over a good week.
macro_rules! tpl {
    ($name:literal) => {
        concat!(
            "render --templates tests/fixtures/bad/templates --template ",
            $name,
            " tests/fixtures/bad/ok.yaml --force -o {out}"
        )
    };
}

fn gen_deep_mapping() -> Vec<u8> {
    let n = 40_000;
    format!("x: {}1{}\n", "{a: ".repeat(n), "}".repeat(n)).into_bytes()
}

fn gen_deep_sequence() -> Vec<u8> {
    let n = 40_000;
    format!("x: {}{}\n", "[".repeat(n), "]".repeat(n)).into_bytes()
}

fn gen_deep_title() -> Vec<u8> {
    let n = 40_000;
    format!(
        "date: 2023-10-24\ntitle: {}1{}\n",
        "{a: ".repeat(n),
        "}".repeat(n)
    )
    .into_bytes()
}

/// Points nested 100 deep, in block style.
fn gen_deep_points() -> Vec<u8> {
    let mut s =
        String::from("date: 2023-10-24\nsections:\n- key_work:\n  - text: a\n    points:\n");
    let mut indent = "    ".to_string();
    for _ in 0..100 {
        s.push_str(&format!("{indent}- text: b\n{indent}  points:\n"));
        indent.push_str("  ");
    }
    s.push_str(&format!("{indent}- c\n"));
    s.into_bytes()
}

fn gen_invalid_utf8() -> Vec<u8> {
    b"date: 2023-10-24\ntitle: \xe7\xac\xac44\xff\xfe\n".to_vec()
}

fn gen_latin1() -> Vec<u8> {
    b"date: 2023-10-24\ntitle: r\xe9union\n".to_vec()
}

fn gen_utf16() -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for unit in "date: 2023-10-24\n".encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

fn gen_nul_byte() -> Vec<u8> {
    b"date: 2023-10-24\ntitle: a\0b\n".to_vec()
}

fn gen_binary() -> Vec<u8> {
    (0..=255u8).cycle().take(4096).collect()
}

/// A 30 MB scalar: refused by the size limit before any parsing.
fn gen_huge_scalar() -> Vec<u8> {
    let mut s = b"date: 2023-10-24\ntitle: ".to_vec();
    s.resize(30 * 1024 * 1024, b'x');
    s.push(b'\n');
    s
}

/// 1,000 bytes exactly (the `--max-size 999` case refuses it, `--max-size 1000` takes it).
fn gen_thousand_bytes() -> Vec<u8> {
    let mut s = b"date: 2023-10-24\ntitle: ".to_vec();
    s.resize(999, b'x');
    s.push(b'\n');
    s
}

cases! {
    // YAML syntax
    syntax_unclosed_bracket: F("syntax-unclosed-bracket.yaml"), RENDER, 1, ["syntax-unclosed-bracket.yaml:2:11"], true;
    syntax_tab_indent: F("syntax-tab.yaml"), RENDER, 1, ["syntax-tab.yaml:", "tab"], false;
    syntax_bad_indent: F("syntax-indent.yaml"), RENDER, 1, ["syntax-indent.yaml:"], true;
    syntax_unclosed_quote: F("syntax-unclosed-quote.yaml"), RENDER, 1, ["syntax-unclosed-quote.yaml:2:8", "quote"], false;
    duplicate_key: F("duplicate-key.yaml"), RENDER, 1, ["duplicate-key.yaml:3:1", "duplicate key `date`"], true;
    two_documents: F("two-documents.yaml"), RENDER, 1, ["two-documents.yaml:3:1", "one document"], true;
    not_a_mapping: F("not-a-mapping.yaml"), RENDER, 1, ["not-a-mapping.yaml:1:1", "expected a mapping"], true;
    scalar_document: F("scalar-document.yaml"), RENDER, 1, ["scalar-document.yaml:1:1", "expected a mapping"], false;
    empty_file: F("empty.yaml"), RENDER, 1, ["empty.yaml is empty"], true;
    comments_only: F("comments-only.yaml"), RENDER, 1, ["comments-only.yaml is empty"], false;

    // wrong types
    sections_not_a_list: F("sections-not-a-list.yaml"), RENDER, 1, ["sections-not-a-list.yaml:2:11", "expected a list"], true;
    week_not_a_number: F("week-not-a-number.yaml"), RENDER, 1, ["week-not-a-number.yaml:2:7"], false;
    week_negative: F("week-negative.yaml"), RENDER, 1, ["week-negative.yaml:2:7"], false;
    title_is_a_mapping: F("title-is-a-mapping.yaml"), RENDER, 1, ["title-is-a-mapping.yaml:2:8", "expected a text"], false;
    level_out_of_range: F("level-out-of-range.yaml"), RENDER, 1, ["level-out-of-range.yaml:3:", "between 1 and 6"], false;
    progress_over_100: F("progress-over-100.yaml"), RENDER, 1, ["progress-over-100.yaml:5:15", "over 100"], false;
    status_misspelt: F("status-misspelt.yaml"), RENDER, 1, ["status-misspelt.yaml:5:13", "did you mean `done`?"], true;
    item_is_a_list: F("item-is-a-list.yaml"), RENDER, 1, ["item-is-a-list.yaml:4:5", "a text, or a mapping of its keys"], false;
    section_two_kinds: F("section-two-kinds.yaml"), RENDER, 1, ["section-two-kinds.yaml:3:", "exactly one kind"], false;
    section_no_kind: F("section-no-kind.yaml"), RENDER, 1, ["section-no-kind.yaml:3:", "needs one of the keys"], false;
    items_without_objective: F("items-without-objective.yaml"), RENDER, 1, ["items-without-objective.yaml:3:", "objective"], false;

    // unknown keys, with a suggestion
    unknown_top_key: F("unknown-top-key.yaml"), RENDER, 1, ["unknown-top-key.yaml:2:1", "did you mean `sections`?"], true;
    unknown_item_key: F("unknown-item-key.yaml"), RENDER, 1, ["unknown-item-key.yaml:5:5", "did you mean `progress`?"], true;
    unknown_section_kind: F("unknown-section-kind.yaml"), RENDER, 1, ["unknown-section-kind.yaml:3:3", "did you mean `key_work`?"], false;
    unknown_metric_key: F("unknown-metric-key.yaml"), RENDER, 1, ["unknown-metric-key.yaml:5:", "did you mean `value`?"], false;

    // aliases
    billion_laughs_raw: F("billion-laughs.yaml"), "render --raw --templates tests/fixtures/bad/templates --template raw.md.j2 {in} --force -o {out}", 1, ["billion-laughs.yaml:", "alias bomb"], true;
    billion_laughs_items: F("billion-laughs-items.yaml"), RENDER, 1, ["billion-laughs-items.yaml:", "alias bomb"], false;
    unknown_alias: F("unknown-alias.yaml"), RENDER, 1, ["unknown-alias.yaml:2:"], false;

    // nesting depth, generated 40,000 deep
    deep_mapping_raw: G("deep-mapping.yaml", gen_deep_mapping), "render --raw --templates tests/fixtures/bad/templates --template raw.md.j2 {in} --force -o {out}", 1, ["[TMP]/deep-mapping.yaml:1:", "deeper than 64 levels"], false;
    deep_sequence_raw: G("deep-sequence.yaml", gen_deep_sequence), "render --raw --templates tests/fixtures/bad/templates --template raw.md.j2 {in} --force -o {out}", 1, ["[TMP]/deep-sequence.yaml:1:", "deeper than 64 levels"], false;
    deep_mapping_in_a_week: G("deep-title.yaml", gen_deep_title), RENDER, 1, ["[TMP]/deep-title.yaml:2:8"], false;
    deep_points: G("deep-points.yaml", gen_deep_points), RENDER, 1, ["[TMP]/deep-points.yaml:", "deeper than 64 levels"], true;

    // encodings
    invalid_utf8: G("invalid-utf8.yaml", gen_invalid_utf8), RENDER, 1, ["[TMP]/invalid-utf8.yaml:2:", "not valid UTF-8"], true;
    latin1: G("latin1.yaml", gen_latin1), RENDER, 1, ["[TMP]/latin1.yaml:2:9", "not valid UTF-8"], false;
    utf16: G("utf16.yaml", gen_utf16), RENDER, 1, ["[TMP]/utf16.yaml:1:1", "UTF-16"], false;
    nul_byte: G("nul.yaml", gen_nul_byte), RENDER, 1, ["[TMP]/nul.yaml:2:9", "NUL byte"], true;
    binary_file: G("binary.yaml", gen_binary), RENDER, 1, ["[TMP]/binary.yaml:2:", "not valid UTF-8"], false;

    // sizes
    huge_scalar_refused_before_parsing: G("huge.yaml", gen_huge_scalar), RENDER, 1, ["[TMP]/huge.yaml is over the 16777216-byte limit", "--max-size"], true;
    just_over_max_size: G("thousand.yaml", gen_thousand_bytes), "render --max-size 999 {in} --force -o {out}", 1, ["[TMP]/thousand.yaml is over the 999-byte limit"], false;

    // dates
    date_feb_30: F("date-feb-30.yaml"), RENDER, 1, ["date-feb-30.yaml:1:7", "is not a date"], true;
    date_us_form: F("date-us-form.yaml"), RENDER, 1, ["date-us-form.yaml:1:7", "YYYY-MM-DD"], false;
    date_missing: F("date-missing.yaml"), RENDER, 1, ["date-missing.yaml:1:1", "the key `date` is missing"], false;
    created_bad_month: F("created-bad-month.yaml"), RENDER, 1, ["created-bad-month.yaml:2:10"], false;
    due_impossible: F("due-impossible.yaml"), RENDER, 1, ["due-impossible.yaml:5:10", "is not a date"], false;
    week_date_mismatch: F("week-date-mismatch.yaml"), RENDER, 1, ["week-date-mismatch.yaml:2:7", "does not match date"], false;
    week_year_boundary: F("week-year-boundary.yaml"), RENDER, 1, ["week-year-boundary.yaml:2:7", "--week-numbering iso"], true;

    // templates
    template_syntax_error: F("ok.yaml"), tpl!("syntax.md.j2"), 1, ["syntax.md.j2:3:", "syntax error"], true;
    template_undefined_variable: F("ok.yaml"), tpl!("undefined.md.j2"), 1, ["undefined.md.j2:2:4", "`weekk` is undefined"], true;
    template_undefined_attribute: F("ok.yaml"), tpl!("undefined-attr.md.j2"), 1, ["undefined-attr.md.j2:2:4", "undefined"], false;
    // a debug build under a loaded machine may need more than the default 5 s to burn the fuel
    template_runaway_loop: F("ok.yaml"), concat!(tpl!("runaway-loop.md.j2"), " --timeout 120"), 1, ["runaway-loop.md.j2:1:", "out of fuel", "--fuel"], true;
    template_recursion: F("ok.yaml"), tpl!("recursion.md.j2"), 1, ["recursion.md.j2:1:", "recursion limit"], true;
    template_include_self: F("ok.yaml"), tpl!("include-self.md.j2"), 1, ["include-self.md.j2:1:", "recursion limit"], false;
    template_include_dotdot: F("ok.yaml"), tpl!("include-dotdot.md.j2"), 1, ["include-dotdot.md.j2:1:", "`../ok.yaml` is refused"], true;
    template_include_absolute: F("ok.yaml"), tpl!("include-absolute.md.j2"), 1, ["include-absolute.md.j2:1:", "`/etc/passwd` is refused"], false;
    template_extends_dotdot: F("ok.yaml"), tpl!("extends-dotdot.md.j2"), 1, ["extends-dotdot.md.j2:1:", "is refused"], false;
    template_import_absolute: F("ok.yaml"), tpl!("import-absolute.md.j2"), 1, ["import-absolute.md.j2:1:", "is refused"], false;
    template_include_missing: F("ok.yaml"), tpl!("include-missing.md.j2"), 1, ["include-missing.md.j2:1:", "nowhere.md.j2"], false;
    template_string_bomb: F("ok.yaml"), concat!(tpl!("string-bomb.md.j2"), " --fuel 2000000"), 1, ["string-bomb.md.j2:2:", "out of fuel", "64 bytes of text"], true;
    template_filter_bad_date: F("ok.yaml"), tpl!("filter-bad-date.md.j2"), 1, ["filter-bad-date.md.j2:1:", "is not a date"], false;
    template_not_found: F("ok.yaml"), "render --template nosuch {in} --force -o {out}", 1, ["`nosuch.md.j2` not found"], false;
    template_file_missing: F("ok.yaml"), "render --template tests/fixtures/bad/nosuch.md.j2 {in} --force -o {out}", 1, ["tests/fixtures/bad/nosuch.md.j2 does not exist"], false;
    template_folder_missing: F("ok.yaml"), "render --templates tests/fixtures/bad/no-such-folder {in} --force -o {out}", 1, ["template folder tests/fixtures/bad/no-such-folder does not exist"], true;

    // files
    input_missing: Input::None, "render tests/fixtures/bad/no-such-week.yaml --force -o {out}", 1, ["cannot read tests/fixtures/bad/no-such-week.yaml"], true;
    input_is_a_directory: Input::None, "render tests/fixtures/bad --force -o {out}", 1, ["cannot read tests/fixtures/bad: it is a directory"], false;
    output_folder_missing: F("ok.yaml"), "render {in} -o {tmp}/no/such/folder/out.md", 1, ["cannot write [TMP]/no/such/folder/out.md", "does not exist"], true;
    output_is_a_directory: F("ok.yaml"), "render {in} -o {tmp}", 1, ["cannot write [TMP]: it is a directory"], false;
    output_parent_is_a_file: F("ok.yaml"), "render {in} --force -o {out}/x.md", 1, ["cannot write [TMP]/out.md/x.md", "is not a folder"], false;
    output_unwritable: F("ok.yaml"), "render {in} -o /proc/weekly-out.md", 1, ["cannot write /proc/weekly-out.md"], false;
    out_dir_is_a_file: F("ok.yaml"), "render {in} --out-dir {out}", 1, ["--out-dir [TMP]/out.md is a file"], false;
    out_dir_with_a_bad_week: F("duplicate-key.yaml"), "render {in} --out-dir {tmp}/reports", 1, ["duplicate-key.yaml:3:1", "1 of 1 inputs failed"], false;

    // usage: exit 2
    usage_no_input: Input::None, "render --force -o {out}", 2, ["no week file given"], false;
    usage_two_inputs_without_out_dir: F("ok.yaml"), "render {in} {in} --force -o {out}", 2, ["--out-dir"], true;
    usage_unknown_format: F("ok.yaml"), "render {in} --format pdf --force -o {out}", 2, ["'pdf'"], false;
    usage_max_size_not_a_number: F("ok.yaml"), "render {in} --max-size 1MB --force -o {out}", 2, ["--max-size"], false;
    usage_raw_without_template: F("ok.yaml"), "render --raw {in} --force -o {out}", 2, ["--template"], false;
    usage_stdin_with_out_dir: Input::None, "render - --out-dir {tmp}/reports", 2, ["stdin"], false;
    usage_unknown_flag: F("ok.yaml"), "render {in} --colour --force -o {out}", 2, ["--colour"], false;
    usage_unknown_command: Input::None, "rendr x", 2, ["rendr"], false;
}

/// A UTF-8 BOM (as Windows editors write) and CRLF line endings are accepted: same report.
#[test]
fn bom_and_crlf_are_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = std::fs::read_to_string(root().join("examples/week44.yaml")).unwrap();
    let variants = [
        ("bom.yaml", format!("\u{feff}{plain}")),
        ("crlf.yaml", plain.replace('\n', "\r\n")),
        (
            "bom-crlf.yaml",
            format!("\u{feff}{}", plain.replace('\n', "\r\n")),
        ),
    ];
    let (_, want, _) = run(weekly().args(["render", "examples/week44.yaml"]));
    for (name, text) in variants {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, out, err) = run(weekly().arg("render").arg(&path));
        assert_eq!((code, err.as_str()), (0, ""), "{name}");
        assert_eq!(out, want, "{name}");
    }
}

/// A file exactly at `--max-size` is read; one byte more is refused (the other half is a case).
#[test]
fn file_at_the_size_limit_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("thousand.yaml");
    std::fs::write(&path, gen_thousand_bytes()).unwrap();
    let (code, _, err) = run(weekly().args(["render", "--max-size", "1000"]).arg(&path));
    assert_eq!((code, err.as_str()), (0, ""));
}

/// Stdin is bounded by the same limit.
#[test]
fn stdin_over_the_size_limit() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = weekly()
        .args(["render", "-", "--max-size", "100"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // the writer may see a closed pipe once weekly has read enough: that is fine
    let _ = stdin.write_all(&gen_thousand_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("<stdin> is over the 100-byte limit"), "{err}");
}

/// A new `-o` file is an ordinary file (0666 less the umask), not a private temp file.
#[cfg(unix)]
#[test]
fn new_output_file_has_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("report.md");
    let (code, _, err) = run(weekly()
        .args(["render", "tests/fixtures/bad/ok.yaml", "-o"])
        .arg(&out));
    assert_eq!((code, err.as_str()), (0, ""));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_ne!(mode & 0o044, 0, "mode {mode:o}");
}

/// An unwritable folder (skipped when running as root, who may write anywhere).
#[cfg(unix)]
#[test]
fn output_in_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join("probe"), "").is_ok() {
        eprintln!("skipped: running as root");
        return;
    }
    let (code, out, err) = run(weekly()
        .args(["render", "tests/fixtures/bad/ok.yaml", "-o"])
        .arg(dir.join("out.md")));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("cannot write") && err.contains("out.md"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// `error: ...` or, for a coded error, `error[code]: ...`.
fn is_error_line(line: &str) -> bool {
    line.starts_with("error:") || (line.starts_with("error[") && line.contains("]: "))
}

/// `-o link.md` writes through the symlink: the link stays, its target gets the report.
#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_its_target() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real.md");
    let link = tmp.path().join("link.md");
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    let (code, out, err) = run(weekly()
        .args(["render", "tests/fixtures/bad/ok.yaml", "--force", "-o"])
        .arg(&link));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let (_, want, _) = run(weekly().args(["render", "tests/fixtures/bad/ok.yaml"]));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), want);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);
}

/// A named pipe at the `-o` path is refused, not replaced by a file.
#[cfg(unix)]
#[test]
fn output_onto_a_pipe_is_refused() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.md");
    let (code, _, err) = run(std::process::Command::new("mkfifo").arg(&fifo));
    assert_eq!(code, 0, "mkfifo: {err}");
    let (code, out, err) = run(weekly()
        .args(["render", "tests/fixtures/bad/ok.yaml", "-o"])
        .arg(&fifo));
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

/// `-o -` writes to stdout (`/dev/stdout` is the same path to `output::is_stdout`, tested there:
/// no test points a command at a system path).
#[test]
fn output_dash_is_stdout() {
    let (_, want, _) = run(weekly().args(["render", "tests/fixtures/bad/ok.yaml"]));
    let (code, out, err) = run(weekly().args(["render", "tests/fixtures/bad/ok.yaml", "-o", "-"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, want);
}
