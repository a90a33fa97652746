//! `weekly schema`: the JSON Schema of the week format, for editors and validators; with
//! `--output`, of what `render -f json` writes.

use anyhow::Result;

use super::Ctx;
use crate::cli::SchemaArgs;
use crate::output::write_stdout;

/// Runs `weekly schema`.
pub fn run(args: SchemaArgs, _ctx: Ctx) -> Result<()> {
    let schema = if args.output {
        crate::schema::output_schema()
    } else {
        crate::schema::week_schema()
    };
    let text = serde_json::to_string_pretty(&schema)? + "\n";
    write_stdout(text.as_bytes())
}
