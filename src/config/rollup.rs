//! The `[rollup]` table: how weeks are placed in months, the month a fiscal year starts in, and
//! how named metrics aggregate over a period.

use std::path::Path;

use anyhow::{Result, bail};
use indexmap::IndexMap;
use serde::Deserialize;

use super::{Setting, fill};
use crate::rollup::Placing;
use crate::week::Aggregate;

/// `[rollup]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RollupFile {
    week_to_month: Option<WeekToMonth>,
    fiscal_year_start: Option<u32>,
    #[serde(default)]
    aggregate: IndexMap<String, Aggregate>,
}

/// `week-to-month` as written.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum WeekToMonth {
    Thursday,
    Date,
}

/// The `[rollup]` settings, the nearest file's first.
#[derive(Clone, Debug, Default)]
pub struct Rollup {
    /// `week-to-month`: a week belongs to the month of its Thursday, or of its report date.
    pub placing: Option<Setting<Placing>>,
    /// `fiscal-year-start`: the month (1-12) a fiscal year starts in.
    pub fiscal_year_start: Option<Setting<u32>>,
    /// `[rollup.aggregate]`: metric name and aggregation, nearest file first.
    pub aggregates: Vec<(String, Aggregate)>,
}

impl Rollup {
    /// Fills the settings still unset from one file's `[rollup]`.
    pub(super) fn layer(&mut self, file: RollupFile, path: &Path) -> Result<()> {
        if let Some(m) = file.fiscal_year_start
            && !(1..=12).contains(&m)
        {
            bail!(
                "{}: [rollup] fiscal-year-start = {m}: give a month from 1 to 12",
                path.display()
            );
        }
        let placing = file.week_to_month.map(|w| match w {
            WeekToMonth::Thursday => Placing::Thursday,
            WeekToMonth::Date => Placing::Date,
        });
        fill(&mut self.placing, placing, path);
        fill(&mut self.fiscal_year_start, file.fiscal_year_start, path);
        self.aggregates.extend(file.aggregate);
        Ok(())
    }

    /// The month fiscal years start in (January unless set).
    pub fn fiscal_start(&self) -> u32 {
        self.fiscal_year_start.as_ref().map_or(1, |s| s.value)
    }
}
