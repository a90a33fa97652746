//! Plans against results: of the items in `next_week` across the period, how many came back in
//! a later week's work, and which never did.

use super::threads::normalised;
use crate::week::{Body, Item, Week};

/// The plans of a period and what became of them.
#[derive(Clone, Debug, Default)]
pub struct Plans {
    /// Plans made in weeks that have a later week in the period.
    pub made: usize,
    /// Those that came back in a later week's work.
    pub kept: usize,
    /// Those that never came back, with the week that planned them.
    pub missed: Vec<(usize, Item)>,
}

impl Plans {
    /// The share of plans kept, in whole percent; `None` without plans.
    pub fn rate(&self) -> Option<u32> {
        let made = u32::try_from(self.made).ok().filter(|&m| m > 0)?;
        let kept = u32::try_from(self.kept).ok()?;
        Some((kept * 200 + made) / (made * 2))
    }
}

/// The plans of `weeks` (in date order): a plan is kept when a later week's key work,
/// objective items or other matters (or their points) name it, or it names one of them.
/// The last week's plans fall after the period and are not counted.
pub fn plans(weeks: &[&Week]) -> Plans {
    let work: Vec<Vec<String>> = weeks.iter().map(|w| done_keys(w)).collect();
    let mut out = Plans::default();
    for (i, week) in weeks.iter().enumerate().take(weeks.len().saturating_sub(1)) {
        for plan in next_week(week) {
            let key = normalised(&plan.key());
            if key.chars().count() < 2 {
                continue;
            }
            out.made += 1;
            let later = work[i + 1..].iter().flatten();
            if later
                .clone()
                .any(|k| k.contains(&key) || (k.chars().count() >= 2 && key.contains(k.as_str())))
            {
                out.kept += 1;
            } else {
                out.missed.push((i, plan.clone()));
            }
        }
    }
    out
}

fn next_week(week: &Week) -> impl Iterator<Item = &Item> {
    week.sections.iter().flat_map(|s| match &s.body {
        Body::NextWeek(items) => items.as_slice(),
        _ => &[],
    })
}

/// The keys of a week's work items and their points, normalised.
fn done_keys(week: &Week) -> Vec<String> {
    let mut keys = Vec::new();
    for s in &week.sections {
        if matches!(s.body, Body::NextWeek(_)) {
            continue;
        }
        for item in s.body.items().unwrap_or_default() {
            keys.push(normalised(&item.key()));
            keys.extend(item.points.iter().map(|p| normalised(&p.key())));
        }
    }
    keys
}
