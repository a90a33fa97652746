//! One file per subcommand; each has `run(args, ctx)`.

pub mod check;
pub mod completions;
pub mod config;
pub mod edit;
pub mod import;
pub mod mail;
pub mod man;
pub mod merge;
pub mod new;
pub mod render;
pub mod rollup;
pub mod schema;
pub mod templates;
pub mod trend;

use crate::dates::WeekNumbering;

/// Settings every command shares.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    /// Week numbering rule in force.
    pub rule: WeekNumbering,
    /// Whether stderr gets colours.
    pub color: bool,
}
