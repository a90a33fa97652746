//! The command line: flags and subcommands (clap derive). Nothing here does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::dates::WeekNumbering;
use crate::render::Format;

/// Write the weekly report as YAML; render it to Markdown, HTML or JSON.
#[derive(Debug, Parser)]
#[command(name = "weekly", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Examples:\n  weekly render week44.yaml\n  weekly render week44.yaml -o report.md\n  weekly templates export my-templates"
)]
pub struct Cli {
    /// How dates become week numbers: jan1 (week 1 holds January 1) or iso
    #[arg(long, global = true, value_enum, value_name = "RULE")]
    pub week_numbering: Option<WeekNumbering>,

    /// The command to run
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render weeks to Markdown (default), HTML or JSON
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// List, show or export the built-in templates
    #[command(after_help = TEMPLATES_EXAMPLES)]
    Templates(TemplatesArgs),
}

const RENDER_EXAMPLES: &str = "Examples:
  weekly render examples/week44.yaml                 # the report on stdout
  weekly render week44.yaml -o report.md             # written atomically
  cat week44.yaml | weekly render - --format html > week44.html
  weekly render --template en week44.yaml            # English labels
  weekly render --templates ./my-templates week44.yaml
  weekly render --raw --template mine.md.j2 data.yaml
  weekly render --out-dir out/ reports/*.yaml
  weekly render --watch week44.yaml -o report.md     # live preview until Ctrl-C";

const TEMPLATES_EXAMPLES: &str = "Examples:
  weekly templates list
  weekly templates show zh
  weekly templates export my-templates";

/// Flags of `weekly render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Week files (YAML or JSON); `-` reads stdin
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<String>,

    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one output per input into this folder (named after the input)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = Format::Md)]
    pub format: Format,

    /// Template: a built-in name (zh, en), a name in --templates, or a file path
    #[arg(short, long, value_name = "NAME|PATH")]
    pub template: Option<String>,

    /// Folder of templates that override the built-ins by file name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Hand any YAML to the template as is, without the week schema (needs --template)
    #[arg(long, requires = "template")]
    pub raw: bool,

    /// Show targets and last week's change beside metrics
    #[arg(long)]
    pub show_targets: bool,

    /// Render again whenever the input or a template changes, until Ctrl-C (one input file)
    #[arg(long, conflicts_with = "out_dir")]
    pub watch: bool,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,

    /// Template instruction budget; a template that runs longer fails
    #[arg(long, value_name = "N", default_value_t = crate::templates::DEFAULT_FUEL)]
    pub fuel: u64,
}

/// Flags of `weekly templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Folder of user templates to include in the listing
    #[arg(long, value_name = "DIR", global = true)]
    pub templates: Option<PathBuf>,

    /// What to do
    #[command(subcommand)]
    pub action: TemplatesAction,
}

/// `weekly templates` actions.
#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// List built-in templates (and user ones with --templates)
    List,
    /// Print a template's source
    Show {
        /// Template name: zh, en, or a file name such as page.html.j2
        name: String,
    },
    /// Copy the built-in templates into a folder, to start a custom set
    Export {
        /// Destination folder (created if missing)
        dir: PathBuf,
        /// Overwrite files that already exist
        #[arg(long)]
        force: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
