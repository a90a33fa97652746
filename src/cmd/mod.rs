//! One file per subcommand; each has `run(args, ctx)`.

pub mod check;
pub mod import;
pub mod merge;
pub mod render;
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
