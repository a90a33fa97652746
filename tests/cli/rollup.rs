//! `weekly rollup`: periods, the Thursday rule, fiscal quarters, golden months and quarters in
//! zh and en, rollups of rollups, what render/check/trend make of a rollup, and errors.

use crate::common::{fixture, read, root, run, weekly};
use insta_cmd::assert_cmd_snapshot;

/// `weekly rollup` run in the fixture folder (whose weekly.toml sums 事故数 and averages P95耗时).
fn rollup(args: &[&str]) -> (i32, String, String) {
    run(weekly()
        .current_dir(root().join(fixture("rollup")))
        .arg("rollup")
        .args(args))
}

/// Compares `got` with the golden file `tests/golden/rollup/<name>`; `WEEKLY_BLESS=1` writes it.
fn golden(name: &str, got: &str) {
    let rel = format!("tests/golden/rollup/{name}");
    if std::env::var_os("WEEKLY_BLESS").is_some() {
        std::fs::write(root().join(&rel), got).unwrap();
    }
    assert_eq!(
        got,
        read(&rel),
        "{rel} differs (WEEKLY_BLESS=1 rewrites it)"
    );
}

#[test]
fn golden_month_and_quarter_in_zh_and_en() {
    for (period, flag, name) in [
        ("2023-10", "--month", "2023-10"),
        ("2023Q4", "--quarter", "2023Q4"),
    ] {
        for lang in ["zh", "en"] {
            let (code, out, err) = rollup(&["weeks", flag, period, "-t", lang]);
            assert_eq!(code, 0, "{err}");
            golden(&format!("{name}.{lang}.yaml"), &out);
            let (code, md, _) = rollup(&["weeks", flag, period, "-t", lang, "-f", "md"]);
            assert_eq!(code, 0);
            golden(&format!("{name}.{lang}.md"), &md);
        }
    }
}

#[test]
fn month_run_warns_of_the_missing_week() {
    assert_cmd_snapshot!(
        weekly()
            .current_dir(root().join(fixture("rollup")))
            .args(["rollup", "weeks", "--month", "2023-10", "-f", "md"])
    );
}

#[test]
fn a_week_belongs_to_the_month_of_its_thursday_or_by_config_its_date() {
    // 2023-10-31 is a Tuesday: its Thursday (11-02) is in November.
    let (_, oct, _) = rollup(&["weeks", "--month", "2023-10"]);
    let (_, nov, _) = rollup(&["weeks", "--month", "2023-11"]);
    assert!(!oct.contains("2023-10-31.yaml") && nov.contains("2023-10-31.yaml"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[rollup]\nweek-to-month = \"date\"\n",
    )
    .unwrap();
    let weeks = root().join(fixture("rollup/weeks"));
    let (code, by_date, _) = run(weekly().current_dir(dir.path()).args([
        "rollup",
        &weeks.to_string_lossy(),
        "--month",
        "2023-10",
    ]));
    assert_eq!(code, 0);
    assert!(by_date.contains("2023-10-31.yaml"), "{by_date}");
}

#[test]
fn a_fiscal_quarter_follows_fiscal_year_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[rollup]\nfiscal-year-start = 10\n",
    )
    .unwrap();
    let weeks = root().join(fixture("rollup/weeks"));
    let w = weeks.to_string_lossy();
    let (code, fy, err) =
        run(weekly()
            .current_dir(dir.path())
            .args(["rollup", &w, "--quarter", "FY2023Q1"]));
    assert_eq!(code, 0, "{err}");
    assert!(fy.contains("title: 2023财年第一季度"), "{fy}");
    assert!(fy.contains("period_end: 2023-12-31"), "{fy}");
    let (_, cal, _) =
        run(weekly()
            .current_dir(dir.path())
            .args(["rollup", &w, "--quarter", "2023Q4"]));
    let body = |s: &str| s.split_once("- key_work:").unwrap().1.to_string();
    assert_eq!(body(&fy), body(&cal));
}

#[test]
fn a_quarter_from_its_three_months_is_the_quarter_from_its_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for month in ["2023-10", "2023-11", "2023-12"] {
        let file = out(&format!("{month}.yaml"));
        let (code, _, err) = rollup(&["weeks", "--month", month, "-o", &file]);
        assert_eq!(code, 0, "{err}");
    }
    let months = [
        out("2023-10.yaml"),
        out("2023-11.yaml"),
        out("2023-12.yaml"),
    ];
    let mut args = vec!["--quarter", "2023Q4", "-o"];
    let from_months = out("from-months.yaml");
    args.push(&from_months);
    args.extend(months.iter().map(String::as_str));
    let (code, _, err) = rollup(&args);
    assert_eq!(code, 0, "{err}");
    let from_weeks = out("from-weeks.yaml");
    let (code, _, _) = rollup(&["weeks", "--quarter", "2023Q4", "-o", &from_weeks]);
    assert_eq!(code, 0);
    let (a, b) = (
        std::fs::read_to_string(&from_months).unwrap(),
        std::fs::read_to_string(&from_weeks).unwrap(),
    );
    assert!(a.contains("汇总 11 份周报"), "{a}");
    assert_eq!(a, b);
}

#[test]
fn render_check_and_trend_read_a_rollup() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("2023Q4.yaml");
    let q = q.to_string_lossy();
    let (code, _, _) = rollup(&["weeks", "--quarter", "2023Q4", "-o", &q]);
    assert_eq!(code, 0);
    let (code, md, err) = run(weekly().args(["render", &q]));
    assert_eq!(code, 0, "{err}");
    assert!(md.starts_with("# 2023年第四季度 2023-10-01"), "{md}");
    let (code, _, err) = run(weekly().args(["check", &q]));
    assert_eq!(code, 0, "{err}");
    let (code, trend, err) = run(weekly().args(["trend", &q]));
    assert_eq!(code, 0, "{err}");
    assert!(trend.contains("| 事故数 |"), "{trend}");
    let (code, json, _) = rollup(&["weeks", "--quarter", "2023Q4", "-f", "json"]);
    assert_eq!(code, 0);
    assert!(json.contains("\"title\": \"2023年第四季度\""), "{json}");
    let (code, html, _) = rollup(&["weeks", "--quarter", "2023Q4", "-f", "html"]);
    assert_eq!(code, 0);
    assert!(
        html.contains("<h1>2023年第四季度 2023-10-01 至 2023-12-31</h1>"),
        "{html}"
    );
}

#[test]
fn a_user_rollup_template_overrides_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rollup-zh.md.j2"),
        "{{ week.title }}: {{ sections|length }} sections\n",
    )
    .unwrap();
    let t = dir.path().to_string_lossy();
    let (code, out, err) = rollup(&["weeks", "--month", "2023-10", "-f", "md", "--templates", &t]);
    assert_eq!((code, err.lines().count()), (0, 1), "{err}");
    assert_eq!(out, "10月月报: 12 sections\n");
}

#[test]
fn a_broken_week_is_named_and_the_others_still_read() {
    assert_cmd_snapshot!(weekly().args([
        "rollup",
        &fixture("rollup/broken"),
        "--month",
        "2023-10"
    ]));
}

#[test]
fn output_is_written_atomically_and_not_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("oct.yaml");
    let (code, stdout, _) = rollup(&["weeks", "--month", "2023-10", "-o", &out.to_string_lossy()]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (_, direct, _) = rollup(&["weeks", "--month", "2023-10"]);
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), direct.lines().count());
    let input = root().join(fixture("rollup/weeks/2023-10-03.yaml"));
    let before = std::fs::read_to_string(&input).unwrap();
    let (code, _, err) = rollup(&["weeks", "--month", "2023-10", "-o", "weeks/2023-10-03.yaml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), before);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "only oct.yaml, no temporary file: {left:?}");
}

#[test]
fn usage_errors() {
    assert_cmd_snapshot!(
        "bad_month",
        weekly().args(["rollup", "reports", "--month", "2023-13"])
    );
    assert_cmd_snapshot!("no_period", weekly().args(["rollup", "reports"]));
    assert_cmd_snapshot!(
        "from_without_to",
        weekly().args(["rollup", "reports", "--from", "2023-09-01"])
    );
    assert_cmd_snapshot!(
        "two_periods",
        weekly().args(["rollup", "reports", "--month", "2023-10", "--year", "2023"])
    );
}

#[test]
fn no_week_in_the_period_is_an_error() {
    assert_cmd_snapshot!(
        weekly()
            .current_dir(root().join(fixture("rollup")))
            .args(["rollup", "weeks", "--year", "2021"])
    );
}

#[test]
fn a_range_takes_the_weeks_between_its_days() {
    let (code, out, err) = rollup(&["weeks", "--from", "2023-11-01", "--to", "2023-11-30"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("title: 2023-11-01至2023-11-30总结"), "{out}");
    assert!(out.contains("汇总 5 份周报"), "{out}");
}

#[test]
fn weekly_config_shows_the_rollup_settings() {
    let dir = tempfile::tempdir().unwrap();
    let toml = "[rollup]\nweek-to-month = \"date\"\nfiscal-year-start = 4\n\n[rollup.aggregate]\n\"事故数\" = \"sum\"\n";
    std::fs::write(dir.path().join("weekly.toml"), toml).unwrap();
    let (code, out, err) = run(weekly().current_dir(dir.path()).arg("config"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[rollup]\nweek-to-month = \"date\"  # "),
        "{out}"
    );
    assert!(out.contains("fiscal-year-start = 4  # "), "{out}");
    assert!(
        out.contains("[rollup.aggregate]\n\"事故数\" = \"sum\"\n"),
        "{out}"
    );
    std::fs::write(
        dir.path().join("weekly.toml"),
        "[rollup]\nfiscal-year-start = 13\n",
    )
    .unwrap();
    let (code, _, err) = run(weekly().current_dir(dir.path()).arg("config"));
    assert_eq!(code, 1);
    assert!(
        err.contains("fiscal-year-start = 13: give a month from 1 to 12"),
        "{err}"
    );
}

/// Weeks of 2023Q4 (reported on Wednesdays): which are present, their counts, progress and
/// key work titles drawn at random.
fn random_quarter() -> impl proptest::strategy::Strategy<Value = Vec<Option<(u32, u8, usize)>>> {
    proptest::collection::vec(
        proptest::option::weighted(0.8, (0u32..50, 0u8..=100, 0usize..3)),
        13,
    )
}

proptest::proptest! {
    // few cases: each runs the binary five times; failures are kept beside this file
    #![proptest_config(crate::common::cases(6, "proptest-regressions"))]

    /// Month-then-quarter equals quarter-from-weeks, whatever weeks there are.
    #[test]
    fn month_then_quarter_equals_quarter_from_weeks(weeks in random_quarter()) {
        let dir = tempfile::tempdir().unwrap();
        let start = chrono::NaiveDate::from_ymd_opt(2023, 10, 4).unwrap();
        let titles = ["银行虚户建设", "【年度预算】", "述职 准备"];
        for (i, w) in weeks.iter().enumerate() {
            let Some((count, progress, title)) = w else { continue };
            let day = start + chrono::Days::new(7 * i as u64);
            let text = format!(
                "date: {day}\nsections:\n- key_work:\n  - title: {}\n    points:\n    - 第{i}周\n\
                 - objective: O1 服务\n  items:\n  - 存管接入，进度{progress}%\n- metrics:\n  \
                 - name: 事故数\n    value: {count}次\n    aggregate: sum\n- next_week:\n  - 存管接入\n",
                titles[*title]
            );
            std::fs::write(dir.path().join(format!("{day}.yaml")), text).unwrap();
        }
        let months = dir.path().join("months");
        std::fs::create_dir(&months).unwrap();
        let d = dir.path().to_string_lossy().into_owned();
        let mut files = Vec::new();
        for month in ["2023-10", "2023-11", "2023-12"] {
            let out = months.join(format!("{month}.yaml")).to_string_lossy().into_owned();
            let (code, _, err) = run(weekly().args(["rollup", &d, "--month", month, "-o", &out]));
            if code != 0 {
                // a month without weeks has no rollup: the quarter is drawn from the others
                proptest::prop_assert!(err.contains("no week of"), "{}", err);
                continue;
            }
            files.push(out);
        }
        let a = dir.path().join("from-months.yaml").to_string_lossy().into_owned();
        let b = dir.path().join("from-weeks.yaml").to_string_lossy().into_owned();
        let (code_b, _, _) = run(weekly().args(["rollup", &d, "--quarter", "2023Q4", "-o", &b]));
        if files.is_empty() {
            proptest::prop_assert_eq!(code_b, 1);
            return Ok(());
        }
        let (code_a, _, err) = run(weekly()
            .args(["rollup", "--quarter", "2023Q4", "-o", &a])
            .args(&files));
        proptest::prop_assert_eq!((code_a, code_b), (0, 0), "{}", err);
        proptest::prop_assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            std::fs::read_to_string(&b).unwrap()
        );
    }
}

#[test]
fn risks_are_opened_closed_no_longer_reported_or_open_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir
        .path()
        .join("2023Q4.yaml")
        .to_string_lossy()
        .into_owned();
    let (code, _, err) = rollup(&["weeks", "--quarter", "2023Q4", "-t", "en", "-o", &q]);
    assert_eq!(code, 0, "{err}");
    let (code, md, err) = run(weekly().args(["render", &q, "-t", "en"]));
    assert_eq!(code, 0, "{err}");
    // gone without a closed status: no longer reported, never closed; a rename is gone + opened
    assert!(md.contains("- closed: 风险：存管银行联调环境不稳定 (2023-W44, marked closed)"));
    assert!(md.contains(
        "- no longer reported: 短信通道限流 (last listed in 2023-W48, never marked closed)"
    ));
    assert!(!md.contains("- closed: 短信通道限流"), "{md}");
    assert!(md.contains("- opened: 短信通道扩容 (2023-W49)"), "{md}");
    assert!(md.contains(
        "2 open at the start, 4 opened, 1 closed, 2 no longer reported, 3 still open at the end"
    ));
    assert!(
        md.contains("- incomplete: 短信通道扩容 (no mitigation)"),
        "{md}"
    );
    // the open risks are a risks section: check flags the incomplete ones as in a week
    let (code, _, err) = run(weekly().args(["check", &q]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("open risk `短信通道扩容` names no mitigation"),
        "{err}"
    );
    assert!(!err.contains("测试数据脱敏"), "{err}");
}
