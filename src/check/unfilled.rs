//! Lints on a week left unfilled once its date is reached: `metric-without-value`,
//! `placeholder-left` and `item-unchanged-from-last-week`. Before the report's date they are
//! quiet, so the scaffold `weekly new` writes on Monday passes `check --deny-warnings`.

use super::Cx;
use crate::diag::Code;
use crate::msg;
use crate::scaffold::placeholder_at;
use crate::week::{Body, Item, Metric, Week};
use crate::yaml::Pos;

impl Cx<'_> {
    /// `metric-without-value`, once the date is reached.
    pub(super) fn without_value(&mut self, m: &Metric, pos: Pos) {
        if !self.reached {
            return;
        }
        let day = self.day;
        let d = self.warn(
            pos,
            Code::MetricWithoutValue,
            msg!(
                "metric-without-value",
                metric = &m.name,
                day = day.to_string()
            ),
        );
        d.label = msg!("metric-without-value-label");
        d.help.push(msg!("metric-without-value-help"));
    }

    /// `placeholder-left`: a lone `…` on a line outside comments.
    pub(super) fn placeholders(&mut self) {
        let text = self.source.text.clone();
        for (i, line) in text.lines().enumerate() {
            let code = match line.find(" #") {
                Some(at) => &line[..at],
                None => line,
            };
            if code.trim_start().starts_with('#') {
                continue;
            }
            let Some(col) = placeholder_at(code) else {
                continue;
            };
            let pos = Pos {
                line: i + 1,
                col: col + 1,
            };
            let day = self.day;
            let d = self.warn(
                pos,
                Code::PlaceholderLeft,
                msg!("placeholder-left", day = day.to_string()),
            );
            d.label = msg!("placeholder-left-label");
            d.help.push(msg!("placeholder-left-help"));
        }
    }

    /// `item-unchanged-from-last-week`: an item as in the file it was carried from.
    pub(super) fn unchanged_items(&mut self, week: &Week, (name, last): (&str, &Week)) {
        let before: Vec<&Item> = last
            .sections
            .iter()
            .flat_map(|s| s.body.items().unwrap_or_default())
            .collect();
        for section in &week.sections {
            if matches!(section.body, Body::NextWeek(_)) {
                continue;
            }
            for item in section.body.items().unwrap_or_default() {
                if before.iter().any(|b| unchanged(item, b)) {
                    let d = self.warn(
                        item.pos,
                        Code::ItemUnchangedFromLastWeek,
                        msg!(
                            "item-unchanged-from-last-week",
                            item = item.key(),
                            file = name
                        ),
                    );
                    d.label = msg!("item-unchanged-from-last-week-label");
                    d.help.push(msg!("item-unchanged-from-last-week-help"));
                }
            }
        }
    }
}

/// Whether `item` is `before` carried over and not updated: the same words, and no progress
/// or status of its own.
fn unchanged(item: &Item, before: &Item) -> bool {
    words(item) == words(before)
        && item.progress().is_none_or(|p| before.progress() == Some(p))
        && item.status() == before.status()
}

/// Title, text, note and points of an item.
fn words(item: &Item) -> String {
    let mut all = item.full_text();
    for point in &item.points {
        all.push('\n');
        all.push_str(&words(point));
    }
    all
}
