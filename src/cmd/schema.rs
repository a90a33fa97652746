//! `weekly schema`: the JSON Schema of the week format, for editors and validators.

use anyhow::Result;

use super::Ctx;
use crate::cli::SchemaArgs;
use crate::output::write_stdout;

/// Runs `weekly schema`.
pub fn run(_args: SchemaArgs, _ctx: Ctx) -> Result<()> {
    let text = serde_json::to_string_pretty(&crate::schema::week_schema())? + "\n";
    write_stdout(text.as_bytes())
}
