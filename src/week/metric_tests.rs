//! Tests of what a metric computes about itself: change, target, worse than last week.

use super::*;

fn q(text: &str) -> Option<Quantity> {
    Some(Quantity::parse(text).expect("a quantity"))
}

fn metric(name: &str, value: &str, target: &str, previous: &str) -> Metric {
    let opt = |t: &str| (!t.is_empty()).then(|| q(t)).flatten();
    Metric {
        name: name.into(),
        value: opt(value),
        unit: None,
        target: opt(target),
        previous: opt(previous),
        better: None,
        stated_change: None,
        aggregate: None,
    }
}

/// No `[metrics]` table.
fn none() -> Directions {
    Directions::default()
}

#[test]
fn change_is_in_the_digits_written_and_in_points_for_percentages() {
    let change = |v, p| metric("成功率", v, "", p).change().map(|c| c.to_string());
    assert_eq!(change("99.997%", "99.995%").as_deref(), Some("+0.002pp"));
    assert_eq!(change("99.110%", "99.11%").as_deref(), Some("0.000pp"));
    assert_eq!(change("1次", "0").as_deref(), Some("+1次"));
    assert_eq!(change("-3", "-1").as_deref(), Some("-2"));
    assert_eq!(change("1次", "").as_deref(), None);
}

#[test]
fn a_unit_given_once_applies_to_values_written_without_one() {
    let mut m = metric("P99", "120", "100", "140");
    m.unit = Some("ms".into());
    assert_eq!(m.shown().as_deref(), Some("120ms"));
    assert_eq!(m.change().map(|c| c.to_string()).as_deref(), Some("-20ms"));
    assert_eq!(m.target().map(|t| t.shown()).as_deref(), Some("100ms"));
}

#[test]
fn misses_target_honours_the_direction_exactly() {
    assert!(metric("成功率", "99.98", "99.99", "").misses_target(&none()));
    assert!(!metric("成功率", "99.990", "99.99", "").misses_target(&none()));
    assert!(metric("事故数", "2", "1", "").misses_target(&none()));
    assert!(!metric("事故数", "0", "1", "").misses_target(&none()));
    assert!(!metric("成功率", "99.98", "", "").misses_target(&none()));
    let mut lower = metric("Failed jobs", "7", "3", "");
    lower.better = Some(Better::Lower);
    assert!(lower.misses_target(&none()));
}

#[test]
fn worse_than_previous_beyond_the_threshold_only() {
    let worse = |name, v, p| metric(name, v, "", p).worse_than_previous(&none());
    // 0.01pp for %: exactly at the threshold is not worse, a hair beyond is.
    assert!(!worse("成功率", "99.98%", "99.99%"));
    assert!(worse("成功率", "99.979%", "99.99%"));
    assert!(!worse("成功率", "99.999%", "99.99%"));
    // 5% of last week's value otherwise.
    assert!(!worse("耗时", "105ms", "100ms"));
    assert!(worse("耗时", "105.1ms", "100ms"));
    assert!(worse("事故数", "1", "0"));
    assert!(!worse("事故数", "0", "0"));
    assert!(!worse("吞吐", "-2", "-2"));
}

#[test]
fn no_verdict_when_nothing_says_which_way_is_better() {
    let m = metric("吞吐", "80", "100", "120");
    assert_eq!(m.better(&none()), None);
    assert!(!m.misses_target(&none()));
    assert!(!m.worse_than_previous(&none()));
    assert_eq!(m.change().map(|c| c.to_string()).as_deref(), Some("-40"));
}

#[test]
fn better_comes_from_the_key_then_the_table_then_the_words() {
    let mut table = none();
    table.extend([
        ("吞吐".to_string(), Better::Higher),
        ("*延迟*".to_string(), Better::Higher),
    ]);
    let mut m = metric("P99延迟", "250ms", "", "230ms");
    assert_eq!(m.better(&none()), Some(Better::Lower), "the words");
    assert_eq!(
        m.better(&table),
        Some(Better::Higher),
        "the table over the words"
    );
    m.better = Some(Better::Lower);
    assert_eq!(
        m.better(&table),
        Some(Better::Lower),
        "the key over the table"
    );
    assert!(metric("吞吐", "80", "", "120").worse_than_previous(&table));
}

#[test]
fn fewer_failures_and_defects_are_better() {
    assert!(!metric("Failed jobs", "3", "", "7").worse_than_previous(&none()));
    assert!(metric("Failed jobs", "7", "", "3").worse_than_previous(&none()));
    assert!(!metric("线上缺陷数", "3个", "", "5个").worse_than_previous(&none()));
    assert!(metric("线上缺陷数", "5个", "", "3个").worse_than_previous(&none()));
}

#[test]
fn verdicts_convert_units_of_one_kind() {
    let m = metric("P99延迟", "0.25s", "200ms", "230ms");
    assert_eq!(m.change().map(|c| c.to_string()).as_deref(), Some("+0.02s"));
    assert!(m.misses_target(&none()));
    assert!(
        m.worse_than_previous(&none()),
        "+20ms is more than 5% of 230ms"
    );
    assert!(!metric("P99延迟", "0.24s", "", "230ms").worse_than_previous(&none()));
    assert!(metric("错误率", "0.7‰", "", "0.05%").worse_than_previous(&none()));
}

#[test]
fn incomparable_units_give_no_change_and_no_verdict() {
    let m = metric("线上缺陷数", "4次", "0个", "3个");
    assert_eq!(m.change(), None);
    assert!(!m.misses_target(&none()));
    assert!(!m.worse_than_previous(&none()));
    let fields: Vec<&str> = m.incomparable().into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["target", "previous"]);
    assert!(
        metric("P99延迟", "0.25s", "", "230ms")
            .incomparable()
            .is_empty()
    );
}

#[test]
fn values_are_written_back_as_written() {
    let mut m = metric("P99延迟", "0.25s", "", "230");
    m.unit = Some("ms".into());
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(
        json,
        r#"{"name":"P99延迟","value":"0.25s","unit":"ms","previous":"230"}"#
    );
}
