//! Objectives across weeks: per objective id (O1, O2 …), each item's progress at the start and
//! end of the period, the week it was completed, a due date passed undelivered, and items that
//! appeared or disappeared within the period.

use chrono::NaiveDate;
use indexmap::IndexMap;

use super::threads::normalised;
use crate::week::{Body, Item, Status, Week};

/// An objective across the weeks of a period.
#[derive(Clone, Debug)]
pub struct Goal {
    /// Its name as the latest week writes it (`O1 服务业务`).
    pub name: String,
    /// Its items, in order of first appearance.
    pub tracks: Vec<Track>,
}

/// One item of an objective across the weeks.
#[derive(Clone, Debug)]
pub struct Track {
    /// The item as the latest week writes it.
    pub item: Item,
    /// The first and last week it appears in (indexes of the rollup's weeks).
    pub first: usize,
    /// See `first`.
    pub last: usize,
    /// Progress in the first week that states one.
    pub start: Option<u8>,
    /// Progress in the last week that states one.
    pub end: Option<u8>,
    /// The first week it was done in (`已完成`, status done, or progress 100).
    pub done: Option<usize>,
    /// Its latest due date.
    pub due: Option<NaiveDate>,
}

impl Track {
    /// Whether its due date had passed by `by` (the last report's date) without it being done.
    pub fn overdue(&self, by: NaiveDate) -> bool {
        self.done.is_none() && self.due.is_some_and(|d| d < by)
    }

    /// Whether it was not there in the period's first week.
    pub fn appeared(&self) -> bool {
        self.first > 0
    }

    /// Whether it was gone before the period's last week (of `weeks`) without being done.
    pub fn disappeared(&self, weeks: usize) -> bool {
        self.done.is_none() && self.last + 1 < weeks
    }
}

/// Whether an item is done.
pub fn is_done(item: &Item) -> bool {
    item.status() == Some(Status::Done) || item.progress() == Some(100)
}

/// The objectives of `weeks` (in date order), matched by id, else by name.
pub fn goals<'a>(weeks: impl IntoIterator<Item = &'a Week>) -> Vec<Goal> {
    let mut goals: IndexMap<String, (String, IndexMap<String, Track>)> = IndexMap::new();
    for (i, week) in weeks.into_iter().enumerate() {
        for s in &week.sections {
            let Body::Objective(o) = &s.body else {
                continue;
            };
            let id = normalised(o.id().unwrap_or(&o.name));
            let goal = goals.entry(id).or_default();
            goal.0.clone_from(&o.name);
            for item in &o.items {
                track(&mut goal.1, i, item);
            }
        }
    }
    goals
        .into_values()
        .map(|(name, tracks)| Goal {
            name,
            tracks: tracks.into_values().collect(),
        })
        .collect()
}

fn track(tracks: &mut IndexMap<String, Track>, week: usize, item: &Item) {
    let t = tracks
        .entry(normalised(&item.thread_key()))
        .or_insert_with(|| Track {
            item: item.clone(),
            first: week,
            last: week,
            start: None,
            end: None,
            done: None,
            due: None,
        });
    t.item = item.clone();
    t.last = week;
    if let Some(p) = item.progress() {
        t.start.get_or_insert(p);
        t.end = Some(p);
    }
    if let Some(due) = item.due() {
        t.due = Some(due.0);
    }
    if is_done(item) {
        t.done.get_or_insert(week);
        // done without a progress stated is done all the way
        if item.progress().is_none() {
            t.start.get_or_insert(100);
            t.end = Some(100);
        }
    }
}
