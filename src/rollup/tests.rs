//! Properties of rollups: a sum over the period is the sum of its weeks; every week lands in
//! exactly one month; a quarter's weeks are its three months' weeks.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::yaml::Source;

fn week(day: NaiveDate, count: u32) -> Week {
    let text = format!("date: {day}\nsections:\n- metrics:\n  - 事故数：{count}次\n");
    let source = Source::new("w.yaml", text.into_bytes(), u64::MAX).unwrap();
    Week::from_source(&source, WeekNumbering::Jan1).unwrap()
}

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(n)
}

fn placing() -> impl Strategy<Value = Placing> {
    prop_oneof![Just(Placing::Thursday), Just(Placing::Date)]
}

proptest! {
    #[test]
    fn a_sum_over_the_period_is_the_sum_of_its_weeks(
        counts in proptest::collection::vec(proptest::option::of(0u32..10_000), 1..30),
        start in 0u64..3000,
        weekday in 0u64..7,
        by in placing(),
    ) {
        let first = period::monday(day(start)) + Days::new(weekday);
        let weeks: Vec<(String, Week)> = counts
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i, (*c)?)))
            .map(|(i, c)| (format!("w{i}.yaml"), week(first + Days::new(7 * i as u64), c)))
            .collect();
        let Some((_, w)) = weeks.first() else { return Ok(()) };
        let month = Period::month(&format!("{}-{:02}", w.day().year(), w.day().month())).unwrap();
        let expected: u32 = weeks
            .iter()
            .filter(|(_, w)| month.holds(w.day(), by))
            .map(|(_, w)| w.metrics().next().unwrap().value.as_ref().unwrap().value)
            .map(|v| u32::try_from(v.mantissa()).unwrap())
            .sum();
        let settings = Settings {
            placing: by,
            aggregates: vec![("事故数".into(), Aggregate::Sum)],
            ..Settings::default()
        };
        let rolled = roll(month, weeks, &settings).unwrap();
        let got = rolled.metrics.first().and_then(|m| m.value.as_ref()).map(|q| q.value);
        if rolled.weeks.is_empty() {
            prop_assert_eq!(got, None);
        } else {
            prop_assert_eq!(got, Some(Decimal::from(expected)));
        }
    }

    #[test]
    fn every_week_lands_in_exactly_one_month(n in 0u64..40_000, by in placing()) {
        let d = day(n);
        let mut holding = 0;
        for year in d.year() - 1..=d.year() + 1 {
            for month in 1..=12 {
                let p = Period::month(&format!("{year}-{month:02}")).unwrap();
                holding += usize::from(p.holds(d, by));
            }
        }
        prop_assert_eq!(holding, 1);
    }

    #[test]
    fn a_quarters_weeks_are_its_months_weeks(
        year in 2000i32..2100,
        q in 1u32..=4,
        fy in 1u32..=12,
        n in 0u64..400,
        by in placing(),
    ) {
        let quarter = Period::quarter(&format!("FY{year}Q{q}"), fy).unwrap();
        let d = quarter.start - Days::new(20) + Days::new(n % 140);
        let months = (0..3).map(|i| {
            let first = quarter.start + chrono::Months::new(i);
            Period::month(&format!("{}-{:02}", first.year(), first.month())).unwrap()
        });
        let in_months = months.filter(|m| m.holds(d, by)).count();
        prop_assert_eq!(in_months, usize::from(quarter.holds(d, by)));
        let expected = quarter.expected(Placing::Thursday).len();
        prop_assert!((12..=14).contains(&expected));
    }
}

#[test]
fn a_sum_of_a_percentage_is_refused_and_a_mean_of_one_says_so() {
    let text = |d: &str, v: &str| format!("date: {d}\nsections:\n- metrics:\n  - 成功率：{v}%\n");
    let weeks: Vec<(String, Week)> = [("2023-10-03", "99.990"), ("2023-10-10", "99.995")]
        .iter()
        .map(|(d, v)| {
            let s = Source::new("w", text(d, v).into_bytes(), u64::MAX).unwrap();
            (
                format!("{d}.yaml"),
                Week::from_source(&s, WeekNumbering::Jan1).unwrap(),
            )
        })
        .collect();
    let oct = Period::month("2023-10").unwrap();
    for (how, shown, refused, mean) in [
        (Aggregate::Sum, "99.995%", true, false),
        (Aggregate::Mean, "99.993%", false, true),
    ] {
        let settings = Settings {
            aggregates: vec![("成功率".into(), how)],
            ..Settings::default()
        };
        let r = roll(oct, weeks.clone(), &settings).unwrap();
        let m = &r.metrics[0];
        assert_eq!(m.value.as_ref().unwrap().shown(), shown);
        assert_eq!((m.sum_refused, m.mean_of_percentages()), (refused, mean));
    }
}

#[test]
fn titles_name_the_period_in_both_languages() {
    let weeks = vec![("w.yaml".to_string(), week(day(1400), 1))];
    let title = |p: Period, lang| {
        roll(p, weeks.clone(), &Settings::default())
            .unwrap()
            .title(lang)
    };
    let cases = [
        (
            Period::month("2023-10").unwrap(),
            "10月月报",
            "October 2023",
        ),
        (
            Period::quarter("2023Q4", 1).unwrap(),
            "2023年第四季度",
            "Q4 2023",
        ),
        (
            Period::quarter("FY2024Q1", 4).unwrap(),
            "2024财年第一季度",
            "Q1 FY2024",
        ),
        (
            Period::half("2023H1", 1).unwrap(),
            "2023年上半年总结",
            "H1 2023 review",
        ),
        (
            Period::year("2023", 1).unwrap(),
            "2023年度总结",
            "2023 annual review",
        ),
        (
            Period::year("FY2024", 4).unwrap(),
            "2024财年总结",
            "FY2024 annual review",
        ),
    ];
    for (p, zh, en) in cases {
        assert_eq!(
            (title(p, Lang::Zh), title(p, Lang::En)),
            (zh.into(), en.into())
        );
    }
}
