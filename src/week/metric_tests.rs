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
    }
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
    assert!(metric("成功率", "99.98", "99.99", "").misses_target());
    assert!(!metric("成功率", "99.990", "99.99", "").misses_target());
    assert!(metric("事故数", "2", "1", "").misses_target());
    assert!(!metric("事故数", "0", "1", "").misses_target());
    assert!(!metric("成功率", "99.98", "", "").misses_target());
    let mut lower = metric("Failed jobs", "7", "3", "");
    lower.better = Some(Better::Lower);
    assert!(lower.misses_target());
}

#[test]
fn worse_than_previous_beyond_the_threshold_only() {
    let worse = |name, v, p| metric(name, v, "", p).worse_than_previous();
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
