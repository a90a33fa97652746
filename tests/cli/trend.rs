//! `weekly trend`: ordering, formats, metric selection, targets, sparklines, bad inputs.

use crate::common::{fixture, run, weekly};
use insta_cmd::assert_cmd_snapshot;

/// The three fixture weeks: one.yaml is week 45, two.yaml week 43, three.yaml week 44.
fn weeks(order: [&str; 3]) -> Vec<String> {
    order
        .iter()
        .map(|f| fixture(&format!("trend/{f}.yaml")))
        .collect()
}

#[test]
fn weeks_sort_by_date_whatever_the_argument_order() {
    let dir = run(weekly().args(["trend", &fixture("trend")]));
    assert_eq!((dir.0, dir.2.as_str()), (0, ""));
    let w43 = dir.1.find("| 2023-W43 |").unwrap();
    let w44 = dir.1.find("| 2023-W44 |").unwrap();
    let w45 = dir.1.find("| 2023-W45 |").unwrap();
    assert!(w43 < w44 && w44 < w45, "{}", dir.1);
    for order in [["one", "two", "three"], ["three", "one", "two"]] {
        let files = run(weekly().arg("trend").args(weeks(order)));
        assert_eq!(files.1, dir.1, "order {order:?}");
    }
}

#[test]
fn markdown() {
    assert_cmd_snapshot!(weekly().args(["trend", &fixture("trend")]));
}

#[test]
fn csv() {
    assert_cmd_snapshot!(weekly().args(["trend", "--format", "csv", &fixture("trend")]));
}

#[test]
fn json() {
    assert_cmd_snapshot!(weekly().args(["trend", "--format", "json", &fixture("trend")]));
}

#[test]
fn mermaid() {
    assert_cmd_snapshot!(weekly().args([
        "trend",
        "--mermaid",
        "--metric",
        "入金有效成功率",
        &fixture("trend")
    ]));
}

#[test]
fn metric_filter_keeps_the_order_given() {
    assert_cmd_snapshot!(weekly().args([
        "trend",
        "-f",
        "csv",
        "-m",
        "事故数CD级",
        "-m",
        "入金有效成功率",
        &fixture("trend")
    ]));
}

#[test]
fn unknown_metric() {
    assert_cmd_snapshot!(weekly().args(["trend", "-m", "入金成功率", &fixture("trend")]));
}

#[test]
fn below_target_is_flagged_in_the_bad_direction() {
    let (code, out, _) = run(weekly().args(["trend", &fixture("trend")]));
    assert_eq!(code, 0);
    // Higher is better: 99.990% under a 99.995% target is flagged, 99.995% is not.
    assert!(out.contains("| 99.990% ⚠ |"), "{out}");
    assert!(out.contains("| 99.995% (-0.002) |"), "{out}");
    // An incident count is better lower: 2 against a target of 0 is flagged.
    assert!(out.contains("| 2次 (+1) ⚠ |"), "{out}");
    let (_, csv, _) = run(weekly().args(["trend", "-f", "csv", &fixture("trend")]));
    let flagged: Vec<&str> = csv.lines().filter(|l| l.ends_with(",true")).collect();
    assert_eq!(flagged.len(), 2, "{csv}");
}

#[test]
fn sparkline_and_changes_keep_the_written_decimals() {
    let (_, out, _) = run(weekly().args(["trend", &fixture("trend")]));
    assert!(
        out.contains("| 入金有效成功率 | 99.995% | 3 | 1 | 99.995% | 99.990% | 99.997% | ▁█▆ |"),
        "{out}"
    );
    // 99.100% to 99.110%: the zeros stay, the change has three decimals.
    assert!(out.contains("| 99.110% (+0.010) |"), "{out}");
    assert!(out.contains("| 99.998% (0.000) |"), "{out}");
}

#[test]
fn a_bad_file_is_named_and_nothing_is_printed() {
    assert_cmd_snapshot!(weekly().args([
        "trend",
        &fixture("trend"),
        &fixture("trend/bad/broken.yaml"),
        "tests/fixtures/trend/missing.yaml"
    ]));
}

#[test]
fn two_files_for_one_week_are_refused() {
    let (code, out, err) = run(weekly().args(["trend", &fixture("trend"), "examples/week44.yaml"]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("are both week 44 of 2023"), "{err}");
    assert!(
        err.contains("examples/week44.yaml") && err.contains("trend/three.yaml"),
        "{err}"
    );
}

#[test]
fn mermaid_needs_markdown() {
    let (code, _, err) =
        run(weekly().args(["trend", "-f", "json", "--mermaid", &fixture("trend")]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_folder_without_week_files_is_an_error() {
    let (code, _, err) = run(weekly().args(["trend", "templates"]));
    assert_eq!(code, 1);
    assert!(err.contains("templates holds no week files"), "{err}");
}

#[test]
fn ten_years_of_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2014, 1, 7).unwrap();
    for i in 0..520u32 {
        let date = start + chrono::Duration::weeks(i.into());
        let text = format!(
            "date: {date}\nsections:\n- metrics:\n  - 成功率：99.{:03}%，事故数CD级{}次\n",
            (i * 37) % 1000,
            i % 4
        );
        // Names that do not sort by date.
        let name = format!("w{:03}.yaml", (i * 7919) % 520);
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, err) = run(weekly().args(["trend", "-f", "csv", &path]));
    assert_eq!((code, err.as_str()), (0, ""));
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1040);
    assert!(rows[0].starts_with("2014-01-07,2014,2,"), "{}", rows[0]);
    assert!(rows[1039].starts_with("2023-12-19,"), "{}", rows[1039]);
    let (_, md, _) = run(weekly().args(["trend", &path]));
    let spark = md.lines().find(|l| l.starts_with("| 成功率 |")).unwrap();
    let bars = spark.chars().filter(|c| ('▁'..='█').contains(c)).count();
    assert_eq!(bars, 520);
}

/// `-o PATH`, as `render`, `merge`, `import` and `new` have it: written atomically, nothing on
/// stdout; a failed run leaves an existing file as it was.
#[test]
fn output_file_like_the_other_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trend.csv");
    let path_s = path.to_string_lossy().into_owned();
    let (code, out, err) =
        run(weekly().args(["trend", "-f", "csv", "-o", &path_s, &fixture("trend")]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (_, stdout, _) = run(weekly().args(["trend", "-f", "csv", &fixture("trend")]));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), stdout);
    let (code, out, _) = run(weekly().args([
        "trend",
        "-o",
        &path_s,
        "-m",
        "no-such-metric",
        &fixture("trend"),
    ]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), stdout);
}

/// `-m` matches a name whatever its letter case, and the same name written exactly.
#[test]
fn metric_filter_ignores_letter_case() {
    let exact = run(weekly().args(["trend", "-f", "csv", "-m", "事故数CD级", &fixture("trend")]));
    let folded = run(weekly().args(["trend", "-f", "csv", "-m", "事故数cd级", &fixture("trend")]));
    assert_eq!(exact.0, 0, "{}", exact.2);
    assert_eq!(folded, exact);
}
