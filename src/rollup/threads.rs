//! Key work threaded across weeks: items of the same title (brackets, spaces and letter case
//! aside) are one thread, with its first and last week and its points said once.

use std::collections::HashSet;

use indexmap::IndexMap;

use crate::week::{Body, Item, Week};

/// One piece of key work across the weeks of a period.
#[derive(Clone, Debug)]
pub struct Thread {
    /// The latest week's item (title, lead sentence, note) without its points.
    pub item: Item,
    /// The weeks it appears in, as indexes of the rollup's weeks.
    pub weeks: Vec<usize>,
    /// Its points across the weeks, each said once, in order of first mention.
    pub points: Vec<Item>,
    seen: HashSet<String>,
}

/// A title or text compared across weeks: NFKC, without brackets, spaces and punctuation at
/// the ends, lower-cased (`【银行虚户建设】` and `银行虚户 建设` are one).
pub fn normalised(text: &str) -> String {
    const BRACKETS: &str = "【】[]()（）「」『』《》<>〈〉";
    crate::key::key(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !BRACKETS.contains(*c))
        .collect::<String>()
        .trim_matches(|c: char| c.is_ascii_punctuation() || "。；，：".contains(c))
        .to_lowercase()
}

/// The key work of `weeks` (in date order) as threads, in order of first appearance.
pub fn threads<'a>(weeks: impl IntoIterator<Item = &'a Week>) -> Vec<Thread> {
    let mut threads: IndexMap<String, Thread> = IndexMap::new();
    for (i, week) in weeks.into_iter().enumerate() {
        for item in key_work(week) {
            let thread = threads
                .entry(normalised(&item.thread_key()))
                .or_insert_with(|| Thread {
                    item: Item::default(),
                    weeks: Vec::new(),
                    points: Vec::new(),
                    seen: HashSet::new(),
                });
            thread.add(i, item);
        }
    }
    threads.into_values().collect()
}

impl Thread {
    fn add(&mut self, week: usize, item: &Item) {
        if self.weeks.last() != Some(&week) {
            self.weeks.push(week);
        }
        self.item = Item {
            points: Vec::new(),
            ..item.clone()
        };
        // the template puts key work titles in brackets: `【银行虚户建设】` written so is not doubled
        if let Some(title) = &mut self.item.title {
            let bare = title.trim().trim_start_matches('【').trim_end_matches('】');
            *title = bare.to_string();
        }
        for point in &item.points {
            if self.seen.insert(normalised(&point.full_text())) {
                self.points.push(point.clone());
            }
        }
    }

    /// The first and last week it appears in.
    pub fn span(&self) -> (usize, usize) {
        let first = self.weeks.first().copied().unwrap_or(0);
        (first, self.weeks.last().copied().unwrap_or(first))
    }
}

/// The key work items of a week.
fn key_work(week: &Week) -> impl Iterator<Item = &Item> {
    week.sections.iter().flat_map(|s| match &s.body {
        Body::KeyWork(items) => items.as_slice(),
        _ => &[],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_without_brackets_spaces_or_case() {
        assert_eq!(normalised("【银行虚户建设】"), normalised("银行虚户 建设"));
        assert_eq!(normalised("Budget 2024"), normalised("budget 2024："));
        assert_ne!(normalised("预算"), normalised("评审"));
    }
}
