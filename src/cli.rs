//! The command line: flags and subcommands (clap derive). Nothing here does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::dates::{Date, WeekNumbering};
use crate::render::Format;

mod rollup;
mod trend;
mod values;
use rollup::ROLLUP_EXAMPLES;
pub use rollup::RollupArgs;
use trend::TREND_EXAMPLES;
pub use trend::TrendArgs;
pub use values::{Numbering, RenderFormat, RollupFormat, TrendFormat};
pub use values::{Offered, template_names};
use values::{lint_codes, values};

/// Write the weekly report as YAML; render it to Markdown, HTML or JSON.
#[derive(Debug, Parser)]
#[command(name = "weekly", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Examples:
  weekly new                                      # Monday: this week's file from last week's
  weekly check --deny-warnings reports/           # Friday: lints; exit 1 on any warning
  weekly render reports/2023-W45.yaml -o week45.md
  weekly merge head.yaml team-pay.yaml -o reports/2023-W45.yaml
  weekly trend reports/ -o trend.md               # metrics week by week
  weekly rollup reports/ --month 2023-10          # 10月月报 from the weeks of October
  weekly import notion-export/ --out-dir reports/ # old Markdown reports to YAML
  weekly mail --send                              # this week's report by mail
  weekly config                                   # the settings in force

Exit status: 0 success, 1 bad input or a failed check, 2 a usage mistake.")]
pub struct Cli {
    /// How dates become week numbers: jan1 (week 1 holds January 1) or iso
    #[arg(long, global = true, value_name = "RULE", value_parser = values::<Numbering, WeekNumbering>())]
    pub week_numbering: Option<WeekNumbering>,

    /// The command to run
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands. Each one's flags are built only when it runs (or for its help, the
/// completions and the man page): a run does not pay for the other eleven.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Render weeks to Markdown (default), HTML or JSON
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// Check weeks for errors and lints (rustc-style warnings with codes)
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List, show or export the built-in templates
    #[command(after_help = TEMPLATES_EXAMPLES)]
    Templates(TemplatesArgs),
    /// Metrics across weeks: values, changes, sparklines, targets
    #[command(after_help = TREND_EXAMPLES)]
    Trend(TrendArgs),
    /// The month, quarter, half or year drawn from the weeks (月报, 季报, 年终总结)
    #[command(after_help = ROLLUP_EXAMPLES)]
    Rollup(RollupArgs),
    /// Fold several files for the same week into one (a head's and team leads' files)
    #[command(after_help = MERGE_EXAMPLES)]
    Merge(MergeArgs),
    /// Turn Markdown weekly reports into week YAML
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// Mail a week's report: a draft (.eml), or sent through sendmail or SMTP
    #[command(after_help = MAIL_EXAMPLES)]
    Mail(MailArgs),
    /// Start this week's file from last week's
    #[command(after_help = NEW_EXAMPLES)]
    New(NewArgs),
    /// Open this week's file in $VISUAL or $EDITOR, starting it with `new` when missing
    #[command(after_help = EDIT_EXAMPLES)]
    Edit(EditArgs),
    /// Print the effective settings and where each came from
    #[command(after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
    /// Print the JSON Schema of the week format, for editors
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

const RENDER_EXAMPLES: &str = "Examples:
  weekly render examples/week44.yaml                 # the report on stdout
  weekly render week44.yaml -o report.md             # written atomically
  cat week44.yaml | weekly render - --format html > week44.html
  weekly render --template en week44.yaml            # English labels
  weekly render --templates ./my-templates week44.yaml
  weekly render --raw --template mine.md.j2 data.yaml
  weekly render --out-dir out/ reports/              # every week in the folder
  weekly render --watch week44.yaml -o report.md     # live preview until Ctrl-C";

const CHECK_EXAMPLES: &str = "Examples:
  weekly check reports/2023-W45.yaml            # errors and warnings; exit 0 with warnings
  weekly check --deny-warnings reports/         # every week in the folder; exit 1 on any warning
  cat week.yaml | weekly check -                # stdin
  weekly check --explain overdue                # what a code means

Exit status: 0 no errors (warnings allowed), 1 an error, or a warning under --deny-warnings,
2 a usage mistake.";

/// Check weeks for errors and lints (rustc-style warnings with codes)
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Week files (YAML or JSON), or folders of them; `-` reads stdin (default: this week's
    /// file in the configured reports folder)
    #[arg(value_name = "FILE|DIR")]
    pub inputs: Vec<String>,

    /// Exit 1 when there is any warning
    #[arg(short = 'D', long)]
    pub deny_warnings: bool,

    /// Print what a lint code means, and exit
    #[arg(long, value_name = "CODE", conflicts_with_all = ["inputs", "deny_warnings"],
          value_parser = Offered(lint_codes()), hide_possible_values = true)]
    pub explain: Option<String>,

    /// The date to check against (default: today): from a report's date on, metrics without
    /// value, `…` placeholders and items unchanged from last week are reported
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

const TEMPLATES_EXAMPLES: &str = "Examples:
  weekly templates list
  weekly templates show zh
  weekly templates export my-templates";

const NEW_EXAMPLES: &str = "Examples:
  weekly new --from reports/2023-W44.yaml --date 2023-10-31 -o reports/2023-W45.yaml
  weekly new                          # this week, from the newest report, per weekly.toml
  weekly new --date 2023-10-31 -o -   # print instead of writing the configured file
  weekly new --daily-notes notes/ --force -o week.yaml";

const CONFIG_EXAMPLES: &str = "Examples:
  weekly config
  weekly config --week-numbering iso
  WEEKLY_CONFIG=~/team.toml weekly config";

const SCHEMA_EXAMPLES: &str = "Examples:
  weekly schema > week.schema.json
  # then, first line of a week file:
  # yaml-language-server: $schema=week.schema.json";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  weekly completions bash > ~/.local/share/bash-completion/completions/weekly
  weekly completions zsh > ~/.zfunc/_weekly
  weekly completions fish > ~/.config/fish/completions/weekly.fish
  weekly completions powershell >> $PROFILE";

const MAN_EXAMPLES: &str = "Examples:
  weekly man | man -l -
  weekly man > ~/.local/share/man/man1/weekly.1
  weekly man --out-dir man/          # one page per subcommand";

/// Start this week's file from last week's
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The report's date (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// Last week's file to carry over (default: the newest in the configured report folder)
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    /// Write here (`-` for stdout); default: the configured report file, else stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,

    /// Folder of daily notes to link (files named `2023-10-23 ….md`)
    #[arg(long, value_name = "DIR")]
    pub daily_notes: Option<PathBuf>,

    /// Say nothing on success (by default one line on stderr names the file written)
    #[arg(short, long)]
    pub quiet: bool,
}

const EDIT_EXAMPLES: &str = "Examples:
  weekly edit                      # this week's file in $VISUAL or $EDITOR, started if missing
  weekly edit --date 2023-10-31    # the week holding that day";

/// Open this week's file in $VISUAL or $EDITOR, starting it with `new` when missing
#[derive(Debug, Args)]
pub struct EditArgs {
    /// A day of the week to edit (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
}

/// Print the effective settings and where each came from
#[derive(Debug, Args)]
pub struct ConfigArgs {}

/// Print the JSON Schema of the week format, for editors
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the schema of what `render -f json` writes (every derived fact), not of the input
    #[arg(long)]
    pub output: bool,
}

/// Print a shell completion script
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,

    /// Folder of user templates whose names `-t` completes (default: `templates` in weekly.toml)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Print the man page (roff)
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into this folder instead of printing the main page
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Render weeks to Markdown (default), HTML or JSON
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Week files (YAML or JSON), or with --out-dir folders of them; `-` reads stdin (default:
    /// this week's file in the configured reports folder)
    #[arg(value_name = "FILE")]
    pub inputs: Vec<String>,

    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one output per input into this folder (named after the input)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Overwrite output files that exist (never an input of the same run)
    #[arg(long)]
    pub force: bool,

    /// Output format
    #[arg(short, long, default_value = "md", value_parser = values::<RenderFormat, Format>())]
    pub format: Format,

    /// Template: a built-in name (zh, en), a name in --templates, or a file path
    #[arg(short, long, value_name = "NAME|PATH", value_parser = Offered(template_names()),
          hide_possible_values = true)]
    pub template: Option<String>,

    /// Folder of templates that override the built-ins by file name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Hand any YAML to the template as is, without the week schema (needs --template)
    #[arg(long, requires = "template")]
    pub raw: bool,

    /// Show targets and the change since last week beside structured metrics
    /// ("99.997%（目标 99.99%，环比 +0.002pp）"; changes of % metrics in percentage points)
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

    /// Seconds one render may take (default 5, or `render-timeout` in weekly.toml)
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: Option<f64>,
}

/// A positive number of seconds, at most a day.
fn seconds(s: &str) -> Result<f64, String> {
    let t = s
        .parse::<f64>()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    crate::deadline::seconds(t)
}

const MERGE_EXAMPLES: &str = "Examples:
  weekly merge head.yaml team-pay.yaml team-risk.yaml -o week45.yaml
  weekly merge head.yaml team-pay.yaml | weekly render -";

/// Fold several files for the same week into one (a head's and team leads' files)
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Week files, merged in this order; the first gives the header; `-` reads stdin
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<String>,

    /// Write to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,

    /// Each file that names its `author` becomes that person's update in one `people`
    /// section: key work as done, next week as next, open risks as blocked
    #[arg(long)]
    pub people: bool,
}

const IMPORT_EXAMPLES: &str = "Examples:
  weekly import 第44周.md                           # the week's YAML on stdout
  weekly import 第44周.md | weekly render -         # the same report back
  weekly import week44.md -o week44.yaml           # written atomically
  weekly import ~/notion-export/*.md --out-dir reports/
  weekly import ~/notion-export --out-dir reports/  # every .md below the folder";

/// Turn Markdown weekly reports into week YAML
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Markdown reports, or folders of them (their .md files at any depth, hidden folders
    /// skipped); `-` reads stdin
    #[arg(required = true, value_name = "REPORT")]
    pub inputs: Vec<String>,

    /// Write the YAML to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one YAML file per report into this folder (named after the report; one found
    /// below a folder after its path there, folders joined by `__`)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Overwrite output files that exist (never an input of the same run)
    #[arg(long)]
    pub force: bool,

    /// The date of reports that give none in their headings, first lines or file name
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<crate::dates::Date>,

    /// Print no summary or notes, only errors
    #[arg(short, long)]
    pub quiet: bool,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

const MAIL_EXAMPLES: &str = "Examples:
  weekly mail reports/2023-W44.yaml -o week44.eml     # a draft to open in Thunderbird or Outlook
  weekly mail reports/2023-W44.yaml --send            # through sendmail, or [mail.smtp]
  weekly mail --to boss@example.com --cc team@example.com --send   # this week's file
  weekly mail --send --dry-run                        # who would get it, and how
  0 17 * * 5 weekly mail --send --quiet               # crontab: Fridays at 17:00

Addresses come from the flags, then [mail] in weekly.toml; the server from [mail.smtp],
else sendmail. Exit status: 0 sent or written, 1 bad input or refused, 2 a usage mistake.";

/// Mail a week's report: a draft (.eml), or sent through sendmail or SMTP
#[derive(Debug, Args)]
pub struct MailArgs {
    /// The week file (default: this week's, from `reports` in weekly.toml); `-` reads stdin
    #[arg(value_name = "FILE")]
    pub input: Option<String>,

    /// Sender (`Name <address>`); default: `from` under [mail]
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,

    /// Recipient (repeat, or separate with commas); default: `to` under [mail]
    #[arg(long, value_name = "ADDRESS")]
    pub to: Vec<String>,

    /// Copy to (repeat, or separate with commas); default: `cc` under [mail]
    #[arg(long, value_name = "ADDRESS")]
    pub cc: Vec<String>,

    /// Where replies go; default: `reply-to` under [mail]
    #[arg(long, value_name = "ADDRESS")]
    pub reply_to: Option<String>,

    /// Subject template (`第{{ week.number }}周周报`); default: `subject` under [mail], else by language
    #[arg(long, value_name = "TEMPLATE")]
    pub subject: Option<String>,

    /// Attach a file (repeat): the Markdown, a trend CSV, a rollup
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,

    /// Write the draft to this file (atomically) instead of stdout
    #[arg(short, long, value_name = "PATH", conflicts_with_all = ["send", "dry_run"])]
    pub output: Option<PathBuf>,

    /// Send it (sendmail, or the server in [mail.smtp])
    #[arg(long)]
    pub send: bool,

    /// Print the envelope and the way out, and send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print nothing but errors (for cron)
    #[arg(short, long)]
    pub quiet: bool,

    /// Template: a built-in name (zh, en), a name in the templates folder, or a file path
    #[arg(short, long, value_name = "NAME|PATH", value_parser = Offered(template_names()),
          hide_possible_values = true)]
    pub template: Option<String>,

    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = crate::yaml::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

/// List, show or export the built-in templates
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
