//! The flags of `weekly rollup`.

use std::path::PathBuf;

use clap::Args;

use super::values::{RollupFormat, values};

pub(super) const ROLLUP_EXAMPLES: &str = "Examples:
  weekly rollup reports/ --month 2023-10            # 10月月报 from the weeks of October
  weekly rollup reports/ --quarter 2023Q4 -o 2023Q4.yaml && weekly render 2023Q4.yaml
  weekly rollup reports/ --year 2023 --format md    # 年终总结 draft
  weekly rollup reports/ --quarter FY2024Q1         # [rollup] fiscal-year-start in weekly.toml
  weekly rollup reports/ --from 2023-09-01 --to 2023-11-30
  weekly rollup 2023-10.yaml 2023-11.yaml 2023-12.yaml --quarter 2023Q4";

/// The month, quarter, half or year drawn from the weeks
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("period").required(true).args(["month", "quarter", "half", "year", "from"]))]
pub struct RollupArgs {
    /// Week files, folders of them, or rollups (a quarter from its months); `-` reads stdin
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<String>,

    /// A month: 2023-10
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,

    /// A quarter: 2023Q4, or FY2024Q1 (fiscal, see `[rollup] fiscal-year-start`)
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,

    /// A half year: 2023H1, or FY2024H2
    #[arg(long, value_name = "HALF")]
    pub half: Option<String>,

    /// A year: 2023, or FY2024
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// The first day of a range (with --to)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<chrono::NaiveDate>,

    /// The last day of a range (with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<chrono::NaiveDate>,

    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Output format: the YAML draft, or rendered through the `rollup` template
    #[arg(short, long, default_value = "yaml", value_parser = values::<RollupFormat, crate::rollup::Format>())]
    pub format: crate::rollup::Format,

    /// Template language or name: zh or en (the rollup-zh/rollup-en templates), or a file
    #[arg(short, long, value_name = "NAME|FILE")]
    pub template: Option<String>,

    /// Folder of templates overriding the built-in ones
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}
