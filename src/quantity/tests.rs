//! Tests of quantities: digits kept, exact changes, units of one kind converted, and laws.

use super::*;

fn q(text: &str) -> Quantity {
    Quantity::parse(text).expect("a quantity")
}

#[test]
fn full_width_reads_as_ascii_and_is_kept_as_written() {
    let fw = q("９９.９１０％");
    assert_eq!((fw.text.as_str(), fw.unit.as_str()), ("９９.９１０", "％"));
    assert_eq!(fw.decimals(), 3);
    assert!(fw.same_as(&q("99.91%")));
    assert_eq!(fw.shown(), "９９.９１０％");
}

fn change(now: &str, before: &str) -> String {
    q(now)
        .change_from(&q(before))
        .expect("comparable")
        .to_string()
}

#[test]
fn keeps_the_digits_as_written() {
    let v = q("99.110%");
    assert_eq!((v.text.as_str(), v.unit.as_str()), ("99.110", "%"));
    assert_eq!(v.decimals(), 3);
    assert_eq!(v.shown(), "99.110%");
    assert_eq!(q("+0.5").text, "+0.5");
    assert_eq!(q("1次").unit, "次");
    assert!(Quantity::parse("12abcde").is_none());
    assert!(Quantity::parse("1.2.3").is_none());
    assert!(Quantity::parse("-").is_none());
}

#[test]
fn change_is_exact_and_in_points_for_percentages() {
    assert_eq!(change("99.997%", "99.995%"), "+0.002pp");
    assert_eq!(change("99.9%", "99.961%"), "-0.061pp");
    assert_eq!(change("1次", "0次"), "+1次");
    assert_eq!(change("120ms", "140ms"), "-20ms");
    assert_eq!(change("0.3", "0.1"), "+0.2");
    assert_eq!(change("-1.5", "2"), "-3.5");
    assert_eq!(change("-2", "-5"), "+3");
}

#[test]
fn a_change_across_units_is_in_the_current_unit_and_the_finer_precision() {
    assert_eq!(change("0.25s", "230ms"), "+0.02s");
    assert_eq!(change("0.25s", "231ms"), "+0.019s");
    assert_eq!(change("210ms", "0.25s"), "-40ms");
    assert_eq!(change("1.5分钟", "80秒"), "+0.17分钟");
    assert_eq!(change("75秒", "1.5分钟"), "-15秒");
    assert_eq!(change("2h", "90min"), "+0.5h");
    assert_eq!(change("99.95%", "999.0‰"), "+0.05pp");
    assert_eq!(change("0.7‰", "0.05%"), "+0.02pp");
    assert_eq!(change("0.7‰", "0.5‰"), "+0.02pp");
    let latest = q("210ms");
    assert_eq!(
        latest
            .converted(&q("0.25s"))
            .map(|d| d.to_string())
            .as_deref(),
        Some("250")
    );
    assert_eq!(
        q("1.5分钟")
            .converted(&q("80秒"))
            .map(|d| d.to_string())
            .as_deref(),
        Some("1.33")
    );
    assert_eq!(latest.converted(&q("3次")), None);
    assert_eq!(change("1.2万元", "11000元"), "+0.1万元");
    assert_eq!(change("1.5万笔", "12000笔"), "+0.3万笔");
    assert_eq!(change("1.2M", "950k"), "+0.25M");
}

#[test]
fn incomparable_units_give_no_change_and_no_order() {
    for (a, b) in [
        ("4次", "3个"),
        ("230ms", "3次"),
        ("100元", "100$"),
        ("99%", "0.5s"),
        ("3pp", "3%"),
    ] {
        assert_eq!(q(a).change_from(&q(b)), None, "{a} vs {b}");
        assert_eq!(q(a).compare(&q(b)), None, "{a} vs {b}");
    }
    assert!(q("0.25s").same_as(&q("250ms")));
    assert!(!q("4次").comparable(&q("3个")));
    let huge = q("79228162514264337593543950335天");
    assert!(
        huge.comparable(&q("1ms")),
        "too big to convert is still the same kind"
    );
    assert_eq!(huge.change_from(&q("1ms")), None);
    assert!(!q("4次").same_as(&q("4个")));
}

#[test]
fn zero_change_has_no_sign_and_keeps_the_digits() {
    assert_eq!(change("99.110%", "99.11%"), "0.000pp");
    assert_eq!(change("1", "1"), "0");
    assert_eq!(change("-0.0", "0"), "0.0");
    assert!(q("99.110").same_as(&q("99.11")));
    assert!(!q("99.110%").same_as(&q("99.110")));
}

#[test]
fn large_values_are_exact_or_refused() {
    let big = "1234567890123456789012345.678";
    assert_eq!(q(big).text, big);
    assert_eq!(
        change("1234567890123456789012345.679", big),
        "+0.001",
        "no float rounding"
    );
    assert_eq!(
        change("0.30000000000000000001", "0.1"),
        "+0.20000000000000000001"
    );
    assert!(
        Quantity::parse(&"9".repeat(40)).is_none(),
        "too long to be exact"
    );
    let max = q("79228162514264337593543950335");
    assert_eq!(max.change_from(&q("-1")), None, "overflow is no change");
}

#[test]
fn comparisons_are_exact() {
    assert_eq!(q("99.110").compare(&q("99.11")), Some(Ordering::Equal));
    assert_eq!(q("99.98").compare(&q("99.99")), Some(Ordering::Less));
    assert_eq!(q("0.1").compare(&q("-0.1")), Some(Ordering::Greater));
}

mod laws {
    use proptest::prelude::*;

    use super::*;

    /// Units of every kind in the table, and none.
    const UNITS: &[&str] = &[
        "", "%", "‰", "ms", "s", "分钟", "天", "个", "次", "万次", "元", "万元", "$", "k$", "k",
        "M", "亿",
    ];

    /// A decimal as people write it: up to 12 integer digits, up to 6 decimals, maybe signed.
    fn written() -> impl Strategy<Value = String> {
        (
            "[-+]?",
            0u64..1_000_000_000_000,
            prop::option::of("[0-9]{1,6}"),
        )
            .prop_map(|(sign, int, frac)| match frac {
                Some(f) => format!("{sign}{int}.{f}"),
                None => format!("{sign}{int}"),
            })
    }

    proptest! {
        /// previous + change == value, in the digits of the more precise of the two, and the
        /// change keeps exactly that many decimals.
        #[test]
        fn previous_plus_change_is_the_value(now in written(), before in written()) {
            let (now, before) = (Quantity::number(&now).unwrap(), Quantity::number(&before).unwrap());
            let change = now.change_from(&before).unwrap();
            prop_assert_eq!(before.value + change.amount, now.value);
            prop_assert_eq!(change.amount.scale(), now.decimals().max(before.decimals()));
            let printed = Quantity::number(&change.number()).unwrap();
            prop_assert_eq!(printed.value, change.amount);
        }

        /// Across units: no panic whatever the size; a change, when there is one, is in the
        /// first value's unit (pp for a percentage) and brings the earlier value to this one
        /// within the rounding of the decimals given; comparing both ways agrees.
        #[test]
        fn changes_across_units_are_consistent(
            now in written(), before in written(),
            a in prop::sample::select(UNITS), b in prop::sample::select(UNITS),
        ) {
            let now = Quantity::parse(&format!("{now}{a}")).unwrap();
            let before = Quantity::parse(&format!("{before}{b}")).unwrap();
            let order = now.compare(&before);
            prop_assert_eq!(order.map(Ordering::reverse), before.compare(&now));
            if let Some(change) = now.change_from(&before) {
                let own = if a.is_empty() { b } else { a };
                let unit = if units::unit(own).dimension == Dimension::Percent { "%" } else { own };
                prop_assert_eq!(change.unit.as_str(), unit);
                let sign = change.amount.cmp(&Decimal::ZERO);
                prop_assert!(sign == Ordering::Equal || Some(sign) == order);
            }
            let _ = now.converted(&before);
        }

        /// The number keeps its text byte for byte and its value compares equal to the text's.
        #[test]
        fn text_is_kept_as_written(text in written()) {
            let q = Quantity::number(&text).unwrap();
            prop_assert_eq!(&q.text, &text);
            prop_assert_eq!(q.value.to_string(), text.trim_start_matches('+'));
        }
    }
}

#[test]
fn reads_thousands_separators_and_currency_signs_before_the_number() {
    let spend = q("$48,200");
    assert_eq!(
        (spend.text.as_str(), spend.unit.as_str(), spend.prefix),
        ("48,200", "$", true)
    );
    assert_eq!(spend.value, Decimal::from(48_200));
    assert_eq!(spend.shown(), "$48,200");
    let wan = q("1,234万");
    assert_eq!(
        (wan.value, wan.shown()),
        (Decimal::from(1234), "1,234万".into())
    );
    assert_eq!(change("$48,200", "$45,000"), "+3200$");
    assert!(Quantity::parse("1,23").is_none());
    assert!(Quantity::parse("12,3456").is_none());
    assert!(Quantity::parse(",123").is_none());
    assert_eq!(q("0.1%").negated().shown(), "-0.1%");
}

#[test]
fn a_space_before_the_unit_is_kept() {
    assert_eq!(q("42 min").shown(), "42 min");
    assert_eq!(q("42min").shown(), "42min");
    assert_eq!(q("$ 48,200").shown(), "$ 48,200");
    assert!(q("42 min").same_as(&q("42min")));
}
