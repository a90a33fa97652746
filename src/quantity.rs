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

use crate::key::key;

/// A number as written (`99.110` stays `99.110`), its exact value, and the unit after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// The digits as the author wrote them, sign included: `99.110`, `-3`, `+0.5`.
    pub text: String,
    /// The exact value; its scale is the number of decimals written.
    pub value: Decimal,
    /// The unit written after the number (`%`, `次`, `ms`), or before it (`$48,200`), or empty.
    pub unit: String,
    /// Whether the unit is a currency sign written before the number: `$48,200`.
    pub prefix: bool,
    /// Whether a space stood between the number and its unit (`42 min`): kept when shown.
    pub spaced: bool,
}

impl Quantity {
    /// Parses a plain decimal such as `99.997`, `-3`, `+0.5` or `48,200` (commas between
    /// groups of three digits; full-width digits too, as written), without unit. `None` for
    /// anything else, and for numbers with more digits than an exact decimal holds (28).
    pub fn number(text: &str) -> Option<Quantity> {
        let written = text.trim();
        let normal = key(written);
        let t: &str = &normal;
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        let ok = !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && digits.chars().filter(|&c| c == '.').count() <= 1
            && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
            && grouped(digits.split('.').next().unwrap_or(""));
        if !ok {
            return None;
        }
        let plain: String = t.chars().filter(|&c| c != ',' && c != '+').collect();
        let value = Decimal::from_str_exact(&plain).ok()?;
        Some(Quantity {
            text: written.to_string(),
            value,
            unit: String::new(),
            prefix: false,
            spaced: false,
        })
    }

    /// A value with its unit: `99.997%` is `99.997` and `%`; `1次` is `1` and `次`. A unit is
    /// at most four letters or signs (`%‰‱°/` and currency signs). Full-width digits and signs
    /// (`９９.９％`) read as their ASCII forms and are kept as written.
    pub fn parse(text: &str) -> Option<Quantity> {
        let t = text.trim();
        if let Some(sign) = t.chars().next().filter(|c| CURRENCY.contains(*c)) {
            let mut q = Quantity::number(&t[sign.len_utf8()..])?;
            q.unit = sign.to_string();
            q.prefix = true;
            q.spaced = t[sign.len_utf8()..].starts_with(char::is_whitespace);
            return Some(q);
        }
        let numeric = |i: usize, c: char| {
            crate::key::ascii(c).is_some_and(|a| {
                a.is_ascii_digit() || a == '.' || a == ',' || (i == 0 && (a == '-' || a == '+'))
            })
        };
        let end = t
            .char_indices()
            .find(|&(i, c)| !numeric(i, c))
            .map_or(t.len(), |(i, _)| i);
        let mut q = Quantity::number(&t[..end])?;
        let unit = t[end..].trim();
        let unit_char =
            |c: char| (c.is_alphabetic() && !c.is_ascii_digit()) || "%‰‱°/$¥￥€£".contains(c);
        let normal = key(unit);
        if normal.chars().count() > 4 || !normal.chars().all(unit_char) {
            return None;
        }
        q.spaced = !unit.is_empty() && t[end..].starts_with(char::is_whitespace);
        q.unit = unit.to_string();
        Some(q)
    }

    /// Digits after the decimal point, as written.
    pub fn decimals(&self) -> u32 {
        self.value.scale()
    }

    /// `99.997%`: the number as written, then its unit (`$48,200`: a currency sign before it).
    pub fn shown(&self) -> String {
        let gap = if self.spaced { " " } else { "" };
        if self.prefix {
            format!("{}{gap}{}", self.unit, self.text)
        } else {
            format!("{}{gap}{}", self.text, self.unit)
        }
    }

    /// The same quantity with its value negated (a change stated as a fall: `下降0.1%`); the
    /// text gets the sign so that it still says the value.
    pub fn negated(&self) -> Quantity {
        let digits = self.text.trim_start_matches(['+', '-']);
        Quantity {
            text: format!("-{digits}"),
            value: -self.value.abs(),
            ..self.clone()
        }
    }

    /// Whether this is a ratio (a percentage or per mille): never summed.
    pub fn is_ratio(&self) -> bool {
        units::unit(&self.unit).dimension == Dimension::Percent
    }

    /// `value` in this quantity's unit and way of writing it (an aggregate of its values).
    pub fn with_value(&self, value: Decimal) -> Quantity {
        Quantity {
            text: value.to_string(),
            value,
            ..self.clone()
        }
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
        let shown = units::decimals_in(self.decimals(), this_unit.factor, factor);
        let decimals = shown.max(units::decimals_in(
            other.decimals(),
            that_unit.factor,
            factor,
        ));
        // Across units, a difference exact in fewer decimals is not padded past this value's.
        let trim_to = (this_unit.factor != that_unit.factor).then_some(shown);
        Some(Common {
            this: self.value.checked_mul(this_unit.factor)?,
            other: other.value.checked_mul(that_unit.factor)?,
            unit,
            factor,
            percent,
            decimals,
            trim_to,
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
        if crate::key::same(unit, other_unit) && this_unit.dimension != Dimension::Percent {
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

/// Currency signs that may be written before a number: `$48,200`.
const CURRENCY: &str = "$¥￥€£";

/// Whether the digits before the decimal point are plain (`48200`) or grouped by commas in
/// threes (`48,200`, `1,234,567`).
fn grouped(int: &str) -> bool {
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    if !int.contains(',') {
        return true;
    }
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
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
    /// When the units differ: the first value's decimals in `unit`, the fewest a difference
    /// exact in fewer decimals is shown with (`0.25s` after `230ms` changed by `+0.02s`).
    trim_to: Option<u32>,
}

impl Common<'_> {
    /// An amount of base units expressed in `unit`, rounded to `decimals` (exact when the two
    /// units are the same).
    fn in_unit(&self, base: Decimal) -> Option<Decimal> {
        let mut amount = base
            .checked_div(self.factor)?
            .round_dp_with_strategy(self.decimals, RoundingStrategy::MidpointAwayFromZero);
        amount.rescale(self.decimals);
        if let Some(fewest) = self.trim_to {
            amount.rescale(amount.normalize().scale().max(fewest).min(self.decimals));
        }
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
mod tests;
