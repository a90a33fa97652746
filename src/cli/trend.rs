//! The flags of `weekly trend`.

use std::path::PathBuf;

use clap::Args;

use super::values::{TrendFormat, values};

pub(super) const TREND_EXAMPLES: &str = "Examples:
  weekly trend reports/                              # every *.yaml, *.yml, *.json in it
  weekly trend week43.yaml week44.yaml week45.yaml   # any order: weeks sort by date
  weekly trend --format csv --metric 入金有效成功率 reports/
  weekly trend --mermaid reports/ -o trend.md";

/// Metrics across weeks: values, changes, sparklines, targets
#[derive(Debug, Args)]
pub struct TrendArgs {
    /// Week files, or folders of them (`*.yaml`, `*.yml`, `*.json`); `-` reads stdin
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<String>,

    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Output format
    #[arg(short, long, default_value = "md", value_parser = values::<TrendFormat, crate::trend::Format>())]
    pub format: crate::trend::Format,

    /// Only this metric (repeat for several; columns follow this order)
    #[arg(short, long, value_name = "NAME")]
    pub metric: Vec<String>,

    /// Add a Mermaid `xychart-beta` chart per metric after the Markdown
    #[arg(long)]
    pub mermaid: bool,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}
