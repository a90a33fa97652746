//! The unit table: what a unit measures (time, a percentage, money in one currency, a count of
//! one measure word) and how many of that dimension's base unit it is. Two values compare only
//! when their units measure the same thing.

use rust_decimal::Decimal;

use crate::key::same;

/// What a unit measures. Two units compare only when they measure the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension<'a> {
    /// A duration; the base unit is the second.
    Time,
    /// A percentage; the base unit is the percent (a per mille is a tenth of one).
    Percent,
    /// Money in one currency (`CNY`, `USD`); the base unit is one unit of it.
    Money(&'static str),
    /// Anything else: a count of one measure word (`次`, `个`), or a unit not in the table,
    /// compared only with itself; `万次` is ten thousand of `次`. The empty word is a plain
    /// number, which `k`, `M`, `万` and `亿` scale.
    Count(&'a str),
}

/// A unit read through the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    /// What it measures.
    pub dimension: Dimension<'a>,
    /// How many base units one of it is.
    pub factor: Decimal,
}

/// `n / 10^scale`, exact.
const fn dec(n: i64, scale: u32) -> Decimal {
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, scale)
}

/// Units of time, in seconds.
const TIME: &[(&str, Decimal)] = &[
    ("ms", dec(1, 3)),
    ("毫秒", dec(1, 3)),
    ("s", dec(1, 0)),
    ("sec", dec(1, 0)),
    ("秒", dec(1, 0)),
    ("秒钟", dec(1, 0)),
    ("min", dec(60, 0)),
    ("mins", dec(60, 0)),
    ("分钟", dec(60, 0)),
    ("h", dec(3600, 0)),
    ("hr", dec(3600, 0)),
    ("小时", dec(3600, 0)),
    ("d", dec(86400, 0)),
    ("天", dec(86400, 0)),
];

/// Percentages, in percent.
const PERCENT: &[(&str, Decimal)] = &[("%", dec(1, 0)), ("‰", dec(1, 1)), ("‱", dec(1, 2))];

/// Money: the unit, its currency, and how many of the currency's unit it is.
const MONEY: &[(&str, &str, Decimal)] = &[
    ("元", "CNY", dec(1, 0)),
    ("¥", "CNY", dec(1, 0)),
    ("￥", "CNY", dec(1, 0)),
    ("CNY", "CNY", dec(1, 0)),
    ("RMB", "CNY", dec(1, 0)),
    ("$", "USD", dec(1, 0)),
    ("USD", "USD", dec(1, 0)),
    ("k$", "USD", dec(1000, 0)),
    ("$k", "USD", dec(1000, 0)),
    ("M$", "USD", dec(1_000_000, 0)),
    ("$M", "USD", dec(1_000_000, 0)),
    ("€", "EUR", dec(1, 0)),
    ("EUR", "EUR", dec(1, 0)),
];

/// Magnitudes: alone they scale a plain number (`48k`, `1.2M`, `3万`); before a measure word or
/// a currency they scale it (`万元`, `千次`, `亿笔`).
const MAGNITUDE: &[(&str, Decimal)] = &[
    ("k", dec(1000, 0)),
    ("K", dec(1000, 0)),
    ("M", dec(1_000_000, 0)),
    ("千", dec(1000, 0)),
    ("万", dec(10_000, 0)),
    ("亿", dec(100_000_000, 0)),
];

/// The unit as the table reads it; a unit it does not know measures only itself.
pub fn unit(text: &str) -> Unit<'_> {
    let base = |dimension| Unit {
        dimension,
        factor: Decimal::ONE,
    };
    if let Some(u) = known(text) {
        return u;
    }
    if let Some(&(_, factor)) = MAGNITUDE.iter().find(|(m, _)| same(m, text)) {
        return Unit {
            dimension: Dimension::Count(""),
            factor,
        };
    }
    let scaled = MAGNITUDE
        .iter()
        .filter(|(m, _)| m.len() > 1)
        .find_map(|&(m, f)| {
            let rest = text.strip_prefix(m).filter(|r| !r.is_empty())?;
            let u = known(rest).unwrap_or(base(Dimension::Count(rest)));
            Some(Unit {
                factor: u.factor.checked_mul(f)?,
                ..u
            })
        });
    scaled.unwrap_or(base(Dimension::Count(text)))
}

/// A unit of time, percentage or money.
fn known(text: &str) -> Option<Unit<'static>> {
    let find = |table: &[(&str, Decimal)]| table.iter().find(|(u, _)| same(u, text)).map(|e| e.1);
    if let Some(factor) = find(TIME) {
        return Some(Unit {
            dimension: Dimension::Time,
            factor,
        });
    }
    if let Some(factor) = find(PERCENT) {
        return Some(Unit {
            dimension: Dimension::Percent,
            factor,
        });
    }
    MONEY
        .iter()
        .find(|(u, _, _)| same(u, text))
        .map(|&(_, currency, factor)| Unit {
            dimension: Dimension::Money(currency),
            factor,
        })
}

/// How many decimals a value written with `decimals` decimals in a unit of `from` base units
/// needs in a unit of `to` base units to keep its precision: `230ms` (precision 1ms) needs 3
/// in seconds, `80秒` needs 2 in minutes (1/60 ≈ 0.017). At most 28.
pub fn decimals_in(decimals: u32, from: Decimal, to: Decimal) -> u32 {
    let step = Decimal::new(1, decimals.min(28))
        .checked_mul(from)
        .and_then(|s| s.checked_div(to));
    let Some(step) = step.filter(|s| *s > Decimal::ZERO) else {
        return decimals;
    };
    (0..28).find(|&d| Decimal::new(1, d) <= step).unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn factor(text: &str) -> String {
        unit(text).factor.normalize().to_string()
    }

    #[test]
    fn time_units_are_in_seconds() {
        for (u, f) in [
            ("ms", "0.001"),
            ("毫秒", "0.001"),
            ("s", "1"),
            ("秒", "1"),
            ("min", "60"),
            ("分钟", "60"),
            ("h", "3600"),
            ("小时", "3600"),
            ("d", "86400"),
            ("天", "86400"),
        ] {
            assert_eq!(unit(u).dimension, Dimension::Time, "{u}");
            assert_eq!(factor(u), f, "{u}");
        }
    }

    #[test]
    fn percent_and_per_mille_are_one_dimension() {
        assert_eq!(unit("%").dimension, Dimension::Percent);
        assert_eq!(unit("‰").dimension, Dimension::Percent);
        assert_eq!(factor("‰"), "0.1");
        assert_eq!(unit("pp").dimension, Dimension::Count("pp"));
    }

    #[test]
    fn money_converts_within_one_currency_only() {
        assert_eq!(unit("元").dimension, Dimension::Money("CNY"));
        assert_eq!(unit("万元"), unit("¥").dimension_scaled(10_000));
        assert_eq!(factor("亿元"), "100000000");
        assert_eq!(unit("$").dimension, Dimension::Money("USD"));
        assert_eq!(factor("$k"), "1000");
        assert_ne!(unit("元").dimension, unit("$").dimension);
    }

    #[test]
    fn measure_words_compare_only_with_themselves() {
        assert_eq!(unit("个").dimension, Dimension::Count("个"));
        assert_ne!(unit("个").dimension, unit("次").dimension);
        assert_eq!(unit("万笔"), unit("笔").dimension_scaled(10_000));
        assert_eq!(unit("千次"), unit("次").dimension_scaled(1000));
        assert_eq!(
            unit("分").dimension,
            Dimension::Count("分"),
            "a score, not minutes"
        );
    }

    #[test]
    fn magnitudes_scale_a_plain_number() {
        assert_eq!(unit("k"), unit("").dimension_scaled(1000));
        assert_eq!(unit("M"), unit("").dimension_scaled(1_000_000));
        assert_eq!(unit("万"), unit("").dimension_scaled(10_000));
    }

    #[test]
    fn precision_is_kept_across_units() {
        let d = |dec, from: &str, to: &str| decimals_in(dec, unit(from).factor, unit(to).factor);
        assert_eq!(d(0, "ms", "s"), 3);
        assert_eq!(d(2, "s", "ms"), 0);
        assert_eq!(d(0, "秒", "分钟"), 2);
        assert_eq!(d(1, "分钟", "秒"), 0);
        assert_eq!(d(3, "%", "%"), 3);
        assert_eq!(d(0, "ms", "ms"), 0);
    }

    impl Unit<'_> {
        fn dimension_scaled(self, by: i64) -> Self {
            Unit {
                factor: self.factor * Decimal::from(by),
                ..self
            }
        }
    }
}
