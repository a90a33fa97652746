//! Quantities as written: the digits the author typed, their exact decimal value and the unit,
//! with the only arithmetic the program does on them (differences and comparisons).
//!
//! Every number a report computes with goes through here, so `99.110` keeps its last zero, a
//! change is exact to the digits written, and comparing values of two units is decided in one
//! place ([`Quantity::common`]).

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::key::key;

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
    /// Parses a plain decimal such as `99.997`, `-3` or `+0.5` (full-width digits too, as
    /// written), without unit. `None` for anything else, and for numbers with more digits than
    /// an exact decimal holds (28).
    pub fn number(text: &str) -> Option<Quantity> {
        let written = text.trim();
        let normal = key(written);
        let t: &str = &normal;
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
            text: written.to_string(),
            value,
            unit: String::new(),
        })
    }

    /// A value with its unit: `99.997%` is `99.997` and `%`; `1次` is `1` and `次`. A unit is
    /// at most four letters or signs (`%‰‱°/`). Full-width digits and signs (`９９.９％`) read
    /// as their ASCII forms and are kept as written.
    pub fn parse(text: &str) -> Option<Quantity> {
        let t = text.trim();
        let numeric = |i: usize, c: char| {
            crate::key::ascii(c).is_some_and(|a| {
                a.is_ascii_digit() || a == '.' || (i == 0 && (a == '-' || a == '+'))
            })
        };
        let end = t
            .char_indices()
            .find(|&(i, c)| !numeric(i, c))
            .map_or(t.len(), |(i, _)| i);
        let mut q = Quantity::number(&t[..end])?;
        let unit = t[end..].trim();
        let unit_char = |c: char| (c.is_alphabetic() && !c.is_ascii_digit()) || "%‰‱°/".contains(c);
        let normal = key(unit);
        if normal.chars().count() > 4 || !normal.chars().all(unit_char) {
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

    /// Both values in one unit, with that unit, or `None` when the units cannot be compared.
    /// A quantity without a unit takes the other's. Every comparison and difference of two
    /// quantities goes through here.
    pub fn common<'a>(&'a self, other: &'a Quantity) -> Option<(Decimal, Decimal, &'a str)> {
        let unit = if self.unit.is_empty() {
            &other.unit
        } else {
            &self.unit
        };
        Some((self.value, other.value, unit))
    }

    /// How this value compares with `other`, or `None` when their units cannot be compared.
    pub fn compare(&self, other: &Quantity) -> Option<Ordering> {
        self.common(other).map(|(a, b, _)| a.cmp(&b))
    }

    /// The same value in the same unit: `99.11%` and `99.110%` (and `99.110％`).
    pub fn same_as(&self, other: &Quantity) -> bool {
        self.value == other.value && crate::key::same(&self.unit, &other.unit)
    }

    /// This value minus `earlier`, exact, with as many decimals as the more precise of the two,
    /// in this value's unit. `None` when the units cannot be compared or the difference does
    /// not fit.
    pub fn change_from(&self, earlier: &Quantity) -> Option<Change> {
        let (now, before, unit) = self.common(earlier)?;
        let mut amount = now.checked_sub(before)?;
        amount.rescale(self.decimals().max(earlier.decimals()));
        Some(Change {
            amount,
            unit: unit.to_string(),
        })
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

        /// The number keeps its text byte for byte and its value compares equal to the text's.
        #[test]
        fn text_is_kept_as_written(text in written()) {
            let q = Quantity::number(&text).unwrap();
            prop_assert_eq!(&q.text, &text);
            prop_assert_eq!(q.value.to_string(), text.trim_start_matches('+'));
        }
    }
}
