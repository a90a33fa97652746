//! The values of flags that name a choice (`--format`, `--week-numbering`): clap enums, each
//! mapped onto the library's own type, which knows nothing of clap.

use clap::ValueEnum;
use clap::builder::{EnumValueParser, TypedValueParser};

use crate::dates::WeekNumbering;
use crate::render::Format;

/// The parser of a flag whose values are the clap enum `A`, handing the library's `T` on:
/// the library's enums know nothing of clap.
pub(super) fn values<A, T>() -> impl TypedValueParser<Value = T>
where
    A: ValueEnum + Clone + Send + Sync + 'static,
    T: From<A> + Clone + Send + Sync + 'static,
{
    EnumValueParser::<A>::new().map(T::from)
}

/// `--week-numbering` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Numbering {
    /// Week 1 holds January 1; weeks start on Monday (spreadsheet `WEEKNUM(d, 2)`).
    Jan1,
    /// ISO 8601: week 1 holds the year's first Thursday; the year may differ from the date's.
    Iso,
}

impl From<Numbering> for WeekNumbering {
    fn from(n: Numbering) -> Self {
        match n {
            Numbering::Jan1 => WeekNumbering::Jan1,
            Numbering::Iso => WeekNumbering::Iso,
        }
    }
}

/// `weekly render --format` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RenderFormat {
    /// Markdown through the template.
    Md,
    /// A whole HTML5 page made from the Markdown.
    Html,
    /// The week as JSON, in the input schema (reads back as input).
    Json,
}

impl From<RenderFormat> for Format {
    fn from(f: RenderFormat) -> Self {
        match f {
            RenderFormat::Md => Format::Md,
            RenderFormat::Html => Format::Html,
            RenderFormat::Json => Format::Json,
        }
    }
}

/// `weekly trend --format` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TrendFormat {
    /// A Markdown table of weeks by metric, and a summary with sparklines.
    Md,
    /// One row per week and metric, for spreadsheets and scripts.
    Csv,
    /// Weeks and one series per metric.
    Json,
}

impl From<TrendFormat> for crate::trend::Format {
    fn from(f: TrendFormat) -> Self {
        match f {
            TrendFormat::Md => Self::Md,
            TrendFormat::Csv => Self::Csv,
            TrendFormat::Json => Self::Json,
        }
    }
}

/// `weekly rollup --format` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RollupFormat {
    /// The rollup as week-format YAML, a draft to edit and render.
    Yaml,
    /// Markdown through the rollup template.
    Md,
    /// A whole HTML5 page.
    Html,
    /// JSON in the facts form of `render -f json`.
    Json,
}

impl From<RollupFormat> for crate::rollup::Format {
    fn from(f: RollupFormat) -> Self {
        match f {
            RollupFormat::Yaml => Self::Yaml,
            RollupFormat::Md => Self::Md,
            RollupFormat::Html => Self::Html,
            RollupFormat::Json => Self::Json,
        }
    }
}

/// A parser that accepts any text but offers its values to shell completion and `--help`'s
/// possible values: the lint codes of `--explain` (an unknown code gets the nearest one from
/// `weekly check`, not a clap error), the template names of `-t` (a path is accepted; `weekly
/// completions` adds the names of the user's templates folder).
#[derive(Clone)]
pub struct Offered(pub Vec<&'static str>);

impl TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0
                .clone()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// The lint codes, for completing `check --explain`.
pub(super) fn lint_codes() -> Vec<&'static str> {
    crate::check::LINTS
        .iter()
        .map(|l| l.code.as_str())
        .collect()
}

/// The built-in template names, for completing `-t`.
pub fn template_names() -> Vec<&'static str> {
    crate::templates::REPORTS
        .iter()
        .map(|(name, _)| *name)
        .collect()
}
