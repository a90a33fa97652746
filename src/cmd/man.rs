//! `weekly man`: the roff man page, or one page per command into a folder.

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, ManArgs};
use crate::output::write_stdout;

/// Runs `weekly man`.
pub fn run(args: ManArgs, _ctx: Ctx) -> Result<()> {
    let cmd = Cli::command();
    if let Some(dir) = args.out_dir {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        return clap_mangen::generate_to(cmd, &dir)
            .with_context(|| format!("cannot write man pages into {}", dir.display()));
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .context("cannot render the man page")?;
    write_stdout(&page)
}
