//! The weekly ritual, end to end, as a payment-centre head runs it: Monday `weekly new` from
//! last week (by the config, no TTY, quiet), values filled in, `check` clean, `render` equal to
//! a golden file, `trend` over the weeks, a team lead's file merged in.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{fixture, read, root, run, weekly};

/// A team folder: weekly.toml, last week's report (the reference week) and daily notes.
fn team_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    for (from, to) in [
        (fixture("ritual/weekly.toml"), "weekly.toml"),
        (fixture("ritual/team-risk.yaml"), "team-risk.yaml"),
        ("examples/week44.yaml".into(), "reports/2023-W44.yaml"),
    ] {
        std::fs::create_dir_all(path.join(to).parent().unwrap()).unwrap();
        std::fs::copy(root().join(from), path.join(to)).unwrap();
    }
    std::fs::create_dir(path.join("daily")).unwrap();
    for note in [
        "2023-10-27 周五_old.md",
        "2023-10-30 周一_a1.md",
        "2023-10-31 周二_b2.md",
    ] {
        std::fs::write(path.join("daily").join(note), "- 值班\n").unwrap();
    }
    dir
}

/// `weekly` run in `dir`, as cron runs it: no terminal, no HOME.
fn weekly_in(dir: &Path) -> Command {
    let mut cmd = weekly();
    cmd.current_dir(dir).env_remove("HOME");
    cmd
}

/// This week's numbers, typed in where the scaffold left last week's as `previous:`.
fn fill_in(scaffold: &str) -> String {
    let mut values = ["99.998%", "99.962%", "99.120%", "99.999%", "0次", "0次"].into_iter();
    let mut out = String::new();
    for line in scaffold.lines() {
        if let Some(at) = line.find("previous: ") {
            let value = values.next().expect("six metrics");
            out.push_str(&format!("{}value: {value}\n", &line[..at]));
        }
        out.push_str(line);
        out.push('\n');
    }
    assert_eq!(values.next(), None, "every metric filled:\n{scaffold}");
    out.replace(
        "# - next_week:\n#   - …\n",
        "- next_week:\n  - 银行虚户联调\n  - 双活切换演练\n",
    )
}

#[test]
fn a_week_from_new_to_merge() {
    let team = team_folder();
    let dir = team.path();
    let this_week: PathBuf = dir.join("reports/2023-W45.yaml");

    // Monday: the scaffold, from last week's report found by the config; nothing printed
    // under `--quiet`, as from cron.
    let (code, out, err) = run(weekly_in(dir).args(["new", "--quiet", "--date", "2023-10-31"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let scaffold = std::fs::read_to_string(&this_week).unwrap();
    assert!(
        scaffold.starts_with("# from: 2023-W44.yaml\ndate: 2023-10-31\nauthor: 张三\nsections:\n")
    );
    assert!(scaffold.contains("  - title: 银行虚户的系统设计与账务设计沟通\n"));
    assert!(scaffold.contains("- name: 入金有效成功率\n      previous: 99.997%\n"));
    assert!(
        scaffold.contains("  - ../daily/2023-10-30 周一_a1.md\n")
            || scaffold.contains("href: ../daily/2023-10-30 周一_a1.md"),
        "{scaffold}"
    );
    assert!(
        !scaffold.contains("周五_old"),
        "last week's daily note is not linked"
    );
    // On Monday, before the report's date, the scaffold checks clean: `new` writes nothing
    // `check` then complains about.
    let monday = ["check", "--deny-warnings", "--today", "2023-10-30"];
    let (code, _, err) = run(weekly_in(dir).args(monday).arg("reports/2023-W45.yaml"));
    assert_eq!((code, err.as_str()), (0, ""));

    // A second run does not overwrite the week being written.
    let (code, _, err) = run(weekly_in(dir).args(["new", "--date", "2023-10-31"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: reports/2023-W45.yaml already exists: pass --force to overwrite it\n"
    );

    // Friday: the values are in, and no metric is without one; the items are still last week's
    // text, and `check` (past the report's date) says so, for each of them and nothing else.
    std::fs::write(&this_week, fill_in(&scaffold)).unwrap();
    let friday = ["check", "--today", "2023-11-03", "reports"];
    let (code, out, err) = run(weekly_in(dir).args(friday));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains(": warning[")).collect();
    assert_eq!(warnings.len(), 19, "{err}");
    assert!(
        warnings
            .iter()
            .all(|w| w.contains("warning[item-unchanged-from-last-week]")),
        "{err}"
    );

    // The report, as pasted into the wiki.
    let (code, report, err) = run(weekly_in(dir).args(["render", "reports/2023-W45.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(report, read("tests/golden/ritual-2023-W45.md"));

    // Two weeks of metrics, with the change from last week.
    let (code, trend, err) = run(weekly_in(dir).args([
        "trend",
        "reports",
        "-m",
        "入金有效成功率",
        "-m",
        "一次支付成功率",
    ]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        trend
            .starts_with("Metrics from 2023-W44 (2023-10-24) to 2023-W45 (2023-10-31), 2 weeks.\n"),
        "{trend}"
    );
    assert!(
        trend.contains("| 2023-W44 | 2023-10-24 | 99.997% | 99.110% |\n"),
        "{trend}"
    );
    assert!(
        trend.contains("| 2023-W45 | 2023-10-31 | 99.998% (+0.001) | 99.120% (+0.010) |\n"),
        "{trend}"
    );

    // A team lead's file folded in: their item under O2, their list before 下周工作及目标.
    let (code, out, err) = run(weekly_in(dir).args([
        "merge",
        "reports/2023-W45.yaml",
        "team-risk.yaml",
        "-o",
        "merged.yaml",
    ]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (code, merged, err) = run(weekly_in(dir).args(["render", "merged.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let at = |s: &str| {
        merged
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing:\n{merged}"))
    };
    assert!(at("## 【O2系统升级】") < at("- 事中风控超时分析，一期功能上线"));
    assert!(at("- 事中风控超时分析，一期功能上线") < at("## 【O3 安全稳定、降本提效】"));
    assert!(at("## 风险与求助") < at("# 下周工作及目标"));
    // Nothing else changed: the merged report is this week's with the team's lines added.
    let added: Vec<&str> = merged
        .lines()
        .filter(|l| !report.lines().any(|r| r == *l))
        .collect();
    assert_eq!(
        added,
        [
            "- 事中风控超时分析，一期功能上线，超时率下降至0.1%",
            "## 风险与求助",
            "- 风控数据平台扩容需要采购审批"
        ]
    );
}
