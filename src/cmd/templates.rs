//! `weekly templates`: list, show and export the built-in templates.

use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::output::{write_atomic, write_stdout};
use crate::templates::{self, BUILTINS};

/// Runs `weekly templates`.
pub fn run(args: TemplatesArgs, _ctx: Ctx) -> Result<()> {
    let dirs: Vec<_> = args.templates.into_iter().collect();
    match args.action {
        TemplatesAction::List => {
            let mut out = String::new();
            for (name, origin) in templates::list(&dirs) {
                let about = templates::REPORTS
                    .iter()
                    .find(|(n, _)| format!("{n}.md.j2") == name)
                    .map_or(String::new(), |(_, a)| format!("  {a}"));
                out.push_str(&format!("{name:<16} {origin}{about}\n"));
            }
            write_stdout(out.as_bytes())
        }
        TemplatesAction::Show { name } => write_stdout(&templates::source(&dirs, &name)?),
        TemplatesAction::Export { dir, force } => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let existing: Vec<_> = BUILTINS
                .iter()
                .filter(|(n, _)| dir.join(n).exists())
                .map(|(n, _)| *n)
                .collect();
            if !force && !existing.is_empty() {
                bail!(
                    "{} already holds {}: pass --force to overwrite",
                    dir.display(),
                    existing.join(", ")
                );
            }
            for (name, src) in BUILTINS {
                write_atomic(&dir.join(name), src.as_bytes())?;
            }
            Ok(())
        }
    }
}
