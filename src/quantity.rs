//! Quantities as written: the digits the author typed, their exact decimal value and the unit,
//! with the only arithmetic the program does on them (differences and comparisons).
//!
//! Every number a report computes with goes through here, so `99.110` keeps its last zero, a
//! change is exact to the digits written, and comparing values of two units is decided in one
//! place ([`Quantity::common`]).

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

pub mod units;

use units::{Dimension, Unit};

/// A number as written (`99.110` stays `99.110`), its exact value, and the unit after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// The digits as the author wrote them, sign included: `99.110`, `-3`, `+0.5`.
    pub text: String,
    /// The exact value; its scale is the number of decimals written.
    pub value: Decimal,
    /// The unit written after the number (`%`, `次`, `ms`), or empty.
    pub unit: String,
}

impl Quantity {
    /// Parses a plain decimal such as `99.997`, `-3` or `+0.5`, without unit. `None` for
    /// anything else, and for numbers with more digits than an exact decimal holds (28).
    pub fn number(text: &str) -> Option<Quantity> {
        let t = text.trim();
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        let ok = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.chars().filter(|&c| c == '.').count() <= 1
            && digits.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !ok {
            return None;
        }
        let value = Decimal::from_str_exact(t.strip_prefix('+').unwrap_or(t)).ok()?;
        Some(Quantity {
            text: t.to_string(),
            value,
            unit: String::new(),
        })
    }

    /// A value with its unit: `99.997%` is `99.997` and `%`; `1次` is `1` and `次`. A unit is
    /// at most four letters or signs (`%‰‱°/` and currency signs).
    pub fn parse(text: &str) -> Option<Quantity> {
        let t = text.trim();
        let end = t
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+'))))
            .map_or(t.len(), |(i, _)| i);
        let mut q = Quantity::number(&t[..end])?;
        let unit = t[end..].trim();
        let unit_char =
            |c: char| (c.is_alphabetic() && !c.is_ascii_digit()) || "%‰‱°/$¥￥€£".contains(c);
        if unit.chars().count() > 4 || !unit.chars().all(unit_char) {
            return None;
        }
        q.unit = unit.to_string();
        Some(q)
    }

    /// Digits after the decimal point, as written.
    pub fn decimals(&self) -> u32 {
        self.value.scale()
    }

    /// `99.997%`: the number as written, then its unit.
    pub fn shown(&self) -> String {
        format!("{}{}", self.text, self.unit)
    }

    /// The quantity with `unit` when it was written without one (a metric's `unit:`).
    pub fn or_unit(&self, unit: &str) -> Quantity {
        let mut q = self.clone();
        if q.unit.is_empty() {
            q.unit = unit.to_string();
        }
        q
    }

    /// The two values made comparable, or `None` when their units measure different things
    /// (ms and 次, 个 and 次, 元 and $). A quantity without a unit takes the other's. Every
    /// comparison and difference of two quantities goes through here.
    pub fn common<'a>(&'a self, other: &'a Quantity) -> Option<Common<'a>> {
        let (unit, this_unit, that_unit) = self.units_with(other)?;
        let percent = this_unit.dimension == Dimension::Percent;
        // A change of a percentage is in percentage points, whatever the values were written in.
        let (unit, factor) = if percent && unit != "%" {
            ("%", units::unit("%").factor)
        } else {
            (unit, this_unit.factor)
        };
        let decimals = units::decimals_in(self.decimals(), this_unit.factor, factor).max(
            units::decimals_in(other.decimals(), that_unit.factor, factor),
        );
        Some(Common {
            this: self.value.checked_mul(this_unit.factor)?,
            other: other.value.checked_mul(that_unit.factor)?,
            unit,
            factor,
            percent,
            decimals,
        })
    }

    /// Whether the two units measure the same thing (a value without unit takes the other's).
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.units_with(other).is_some()
    }

    /// This value's unit (the other's when it has none) and both units read through the table;
    /// `None` when they measure different things. The same unit twice is read as a plain
    /// factor of one (exact whatever the size), except a percentage, which changes in points.
    fn units_with<'a>(&'a self, other: &'a Quantity) -> Option<(&'a str, Unit<'a>, Unit<'a>)> {
        let unit = if self.unit.is_empty() {
            &other.unit
        } else {
            &self.unit
        };
        let other_unit = if other.unit.is_empty() {
            unit
        } else {
            &other.unit
        };
        let (this_unit, that_unit) = (units::unit(unit), units::unit(other_unit));
        if this_unit.dimension != that_unit.dimension {
            return None;
        }
        if unit == other_unit && this_unit.dimension != Dimension::Percent {
            let same = units::unit("");
            return Some((unit, same, same));
        }
        Some((unit, this_unit, that_unit))
    }

    /// `other` in this value's unit, with the finer of the two precisions (`0.25s` beside
    /// `210ms` is `250`); `None` when the units cannot be compared.
    pub fn converted(&self, other: &Quantity) -> Option<Decimal> {
        self.common(other)?;
        if self.unit == other.unit || self.unit.is_empty() || other.unit.is_empty() {
            return Some(other.value);
        }
        let (from, to) = (units::unit(&other.unit), units::unit(&self.unit));
        let decimals = units::decimals_in(other.decimals(), from.factor, to.factor);
        let value = other
            .value
            .checked_mul(from.factor)?
            .checked_div(to.factor)?;
        Some(value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero))
    }

    /// How this value compares with `other`, or `None` when their units cannot be compared.
    pub fn compare(&self, other: &Quantity) -> Option<Ordering> {
        self.common(other).map(|c| c.this.cmp(&c.other))
    }

    /// The same value in the same unit: `99.11%` and `99.110%`, `0.25s` and `250ms`; a value
    /// without unit is not the same as one with a unit.
    pub fn same_as(&self, other: &Quantity) -> bool {
        self.unit.is_empty() == other.unit.is_empty()
            && self.compare(other) == Some(Ordering::Equal)
    }

    /// This value minus `earlier`, exact, in this value's unit, with as many decimals as the
    /// finer of the two precisions written (`0.25s` after `230ms` is `+0.020s`). `None` when
    /// the units cannot be compared or the difference does not fit.
    pub fn change_from(&self, earlier: &Quantity) -> Option<Change> {
        let common = self.common(earlier)?;
        Some(Change {
            amount: common.difference()?,
            unit: common.unit.to_string(),
        })
    }
}

/// Two values in one dimension: both in one unit they share (the dimension's base unit, or
/// their own when it is the same), exact; and the unit and decimals a difference between them
/// is given in (the first value's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Common<'a> {
    /// The first value, in the shared unit.
    pub this: Decimal,
    /// The other value, in the shared unit.
    pub other: Decimal,
    /// The unit a difference is given in: the first value's (`%` for any percentage).
    pub unit: &'a str,
    /// How many shared units one `unit` is.
    factor: Decimal,
    /// Whether the values are percentages (a change of them is in percentage points).
    pub percent: bool,
    /// Decimals of a difference: the finer of the two precisions written, in `unit`.
    pub decimals: u32,
}

impl Common<'_> {
    /// An amount of base units expressed in `unit`, rounded to `decimals` (exact when the two
    /// units are the same).
    fn in_unit(&self, base: Decimal) -> Option<Decimal> {
        let mut amount = base
            .checked_div(self.factor)?
            .round_dp_with_strategy(self.decimals, RoundingStrategy::MidpointAwayFromZero);
        amount.rescale(self.decimals);
        Some(amount)
    }

    /// The first value minus the other, in `unit`.
    pub fn difference(&self) -> Option<Decimal> {
        self.in_unit(self.this.checked_sub(self.other)?)
    }
}

/// The difference between two values: exact, in the digits written, in a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The signed difference.
    pub amount: Decimal,
    /// The unit of the values compared (`%` for percentages).
    pub unit: String,
}

impl Change {
    /// The difference alone, signed: `+0.002`, `-20`, and `0.000` when unchanged (zero has
    /// no sign, so scripts read it as a number).
    pub fn number(&self) -> String {
        let abs = self.amount.abs();
        if self.amount.is_zero() {
            abs.to_string()
        } else if self.amount.is_sign_negative() {
            format!("-{abs}")
        } else {
            format!("+{abs}")
        }
    }

    /// The unit a change is printed in: percentage points for a percentage.
    pub fn unit(&self) -> &str {
        if self.unit == "%" { "pp" } else { &self.unit }
    }
}

impl fmt::Display for Change {
    /// `+0.002pp`, `-20ms`, `+1次`, `0.000pp`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.number(), self.unit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).expect("a quantity")
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
        assert_eq!(change("0.25s", "230ms"), "+0.020s");
        assert_eq!(change("210ms", "0.25s"), "-40ms");
        assert_eq!(change("1.5分钟", "80秒"), "+0.17分钟");
        assert_eq!(change("75秒", "1.5分钟"), "-15秒");
        assert_eq!(change("2h", "90min"), "+0.50h");
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
        assert_eq!(change("1.2万元", "11000元"), "+0.1000万元");
        assert_eq!(change("1.5万笔", "12000笔"), "+0.3000万笔");
        assert_eq!(change("1.2M", "950k"), "+0.250M");
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
}

#[cfg(test)]
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
