//! What headings announce and how links are kept: the recognisers' unit tests.

use super::*;

fn kind(h: &str) -> Option<(Kind, Option<String>, Option<String>)> {
    announced(h).map(|a| (a.kind, a.name, a.heading))
}

#[test]
fn reads_the_reference_headings() {
    assert_eq!(kind("【重点工作】"), Some((Kind::KeyWork, None, None)));
    assert_eq!(
        kind("【O1 服务业务】"),
        Some((Kind::Objective, Some("O1 服务业务".into()), None))
    );
    assert_eq!(
        kind("【O2系统升级】"),
        Some((Kind::Objective, Some("O2系统升级".into()), None))
    );
    assert_eq!(kind("下周工作及目标"), Some((Kind::NextWeek, None, None)));
    assert_eq!(
        kind("Next week"),
        Some((Kind::NextWeek, None, Some("Next week".into())))
    );
    assert_eq!(
        kind("O1: Grow revenue"),
        Some((
            Kind::Objective,
            Some("O1: Grow revenue".into()),
            Some("O1: Grow revenue".into())
        ))
    );
    assert_eq!(kind("Q3 planning"), None);
    assert_eq!(kind("Office hours"), None);
}

/// Headings real reports use, in both languages, numbered or not.
#[test]
fn reads_the_headings_teams_write() {
    let of = |h: &str| announced(h).map(|a| a.kind);
    for h in [
        "What we did this week",
        "本周进展",
        "项目进展",
        "Accomplishments",
        "2. Progress",
    ] {
        assert_eq!(of(h), Some(Kind::KeyWork), "{h}");
    }
    for h in [
        "What we are planning for next week",
        "3、TODO：",
        "下次会议安排",
        "Next steps",
        "(1) 下周计划",
    ] {
        assert_eq!(of(h), Some(Kind::NextWeek), "{h}");
    }
    assert_eq!(of("Lessons learned"), Some(Kind::Reflection));
    assert_eq!(of("Outages"), Some(Kind::Incidents));
    assert_eq!(
        of("2023年计划"),
        None,
        "a year is not a number before a heading"
    );
    assert_eq!(of("1、新成员的自我介绍"), None);
    assert_eq!(of("SOFA 项目进展"), Some(Kind::KeyWork));
    assert_eq!(of("Search team: Next steps"), Some(Kind::NextWeek));
    assert_eq!(of("Week Update"), None);
    assert_eq!(of("Q3 planning"), None);
}
