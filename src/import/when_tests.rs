//! The date forms `when` reads, one test per family.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn day(text: &str) -> Option<String> {
    first(text, None).map(|f| f.start.to_string())
}

fn span(text: &str, year: Option<i32>) -> Option<(String, String)> {
    first(text, year).and_then(|f| Some((f.start.to_string(), f.end?.to_string())))
}

#[test]
fn numeric_dates_in_every_separator() {
    assert_eq!(day("# 周报 2023-11-20"), Some("2023-11-20".into()));
    assert_eq!(day("2023/11/20 周一"), Some("2023-11-20".into()));
    assert_eq!(day("title: 2019.10.17"), Some("2019-10-17".into()));
    assert_eq!(
        day("date: 2023-04-21T15:00:00+08:00"),
        Some("2023-04-21".into())
    );
    assert_eq!(day("2023-13-01 and 2023-1-5"), Some("2023-01-05".into()));
    assert_eq!(day("# 第44周 2023/10/24"), Some("2023-10-24".into()));
    assert_eq!(day("周报（2024年3月8日）"), Some("2024-03-08".into()));
    assert_eq!(day("v12023-13-01 and 99999"), None);
}

#[test]
fn compact_dates_need_eight_digits_that_make_a_date() {
    assert_eq!(day("sofa-weekly-20191011"), Some("2019-10-11".into()));
    assert_eq!(day("ticket 12345678"), None);
    assert_eq!(day("id 202311201"), None);
}

#[test]
fn chinese_dates_with_and_without_spaces() {
    assert_eq!(day("2023年11月20日 周报"), Some("2023-11-20".into()));
    assert_eq!(day("时间：2025 年 10 月 19 日"), Some("2025-10-19".into()));
}

#[test]
fn english_dates_in_three_orders() {
    assert_eq!(day("Sync 🛰 June 22, 2020"), Some("2020-06-22".into()));
    assert_eq!(day("October 15, 2018"), Some("2018-10-15".into()));
    assert_eq!(day("Oct 15 2018"), Some("2018-10-15".into()));
    assert_eq!(day("Oct. 15th, 2018"), Some("2018-10-15".into()));
    assert_eq!(day("15 Oct 2018"), Some("2018-10-15".into()));
    assert_eq!(day("on 3rd September, 2021"), Some("2021-09-03".into()));
    assert_eq!(day("Monday the 30th"), None);
    assert_eq!(day("octopus 15 2018"), None);
}

#[test]
fn us_dates_are_marked_and_day_first_ones_are_not() {
    let us = first("For the week ending 4/27/2018 we", None).unwrap();
    assert_eq!((us.start, us.us), (d("2018-04-27"), true));
    let both = first("01/02/2020", None).unwrap();
    assert_eq!((both.start, both.us), (d("2020-01-02"), true));
    let dmy = first("31/01/2020", None).unwrap();
    assert_eq!((dmy.start, dmy.us), (d("2020-01-31"), false));
}

#[test]
fn ranges_give_their_last_day() {
    let r = |s| span(s, None);
    assert_eq!(
        r("[WeeklyReport]2023.11.22~2023.12.05"),
        Some(("2023-11-22".into(), "2023-12-05".into()))
    );
    assert_eq!(
        r("2023-11-20 to 11-24"),
        Some(("2023-11-20".into(), "2023-11-24".into()))
    );
    assert_eq!(
        r("2023-12-25 - 01-05"),
        Some(("2023-12-25".into(), "2024-01-05".into()))
    );
    assert_eq!(
        r("从 2023.6.06 - 2023.6.18，有"),
        Some(("2023-06-06".into(), "2023-06-18".into()))
    );
    // A time after a date is not a range; nor is a span longer than a quarter.
    assert_eq!(day("2022-09-22 19:00 - 20:00"), Some("2022-09-22".into()));
    assert_eq!(r("2022-09-22 19:00 - 20:00"), None);
    assert_eq!(r("2023-01-01 ~ 2023-12-31"), None);
}

#[test]
fn months_span_the_month() {
    let r = |s| span(s, None);
    assert_eq!(
        r("# 2021-Oct: Lang team update"),
        Some(("2021-10-01".into(), "2021-10-31".into()))
    );
    assert_eq!(
        r("October 2021 update"),
        Some(("2021-10-01".into(), "2021-10-31".into()))
    );
    assert_eq!(
        r("2024年2月 月报"),
        Some(("2024-02-01".into(), "2024-02-29".into()))
    );
    assert_eq!(
        r("2023-12.md"),
        Some(("2023-12-01".into(), "2023-12-31".into()))
    );
    assert_eq!(r("version 2023-12-x"), None);
}

#[test]
fn yearless_ranges_need_a_year() {
    assert_eq!(span("[10.21-11.4] 周报", None), None);
    assert_eq!(
        span("[10.21-11.4] 周报", Some(2023)),
        Some(("2023-10-21".into(), "2023-11-04".into()))
    );
    assert_eq!(
        span("每周精选【10/7 - 10/11】", Some(2019)),
        Some(("2019-10-07".into(), "2019-10-11".into()))
    );
    assert_eq!(
        span("社区双周报 (12.19 - 01.01)", Some(2022)),
        Some(("2022-12-19".into(), "2023-01-01".into()))
    );
    let f = first("(10.23 - 11.05)", Some(2023)).unwrap();
    assert!(f.yearless);
    // Version numbers are not dates.
    assert_eq!(span("Rust 1.71.0 - 1.72.0", Some(2023)), None);
}

#[test]
fn dates_inside_words_do_not_count() {
    assert_eq!(day("abc2023-11-20"), None);
    assert_eq!(day("v1.2023-11-20"), None);
}
