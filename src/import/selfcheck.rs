//! The importer's self-check: a week, or some sections, rendered through the zh template and
//! compared with the Markdown they came from (normalised events); the report kept whole as one
//! raw section when the week does not come back the same.

use anyhow::{Context, Result, bail};

use super::{Header, Imported, Importer, Note, Unmapped, read};
use crate::dates::Date;
use crate::markdown;
use crate::week::{Body, Fact, Section, Week};
use crate::yaml::{self, At, Source};

impl Importer {
    /// The fallback: the report kept whole as one raw section (`open`: it ends inside a block
    /// that runs to its end).
    pub(super) fn whole(
        &self,
        text: &str,
        open: bool,
        parts: &Week,
        source: &Source,
    ) -> Result<Imported> {
        let week = Week {
            week: self.number(parts.date.value),
            date: parts.date.clone(),
            period_end: parts.period_end,
            created: None,
            title: None,
            author: None,
            header: false,
            sections: vec![Section::new(Body::Raw(
                read::trim_blank_lines_at_end(text, open).to_string(),
            ))],
        };
        let mut done = self.verify(&week, source, text).with_context(|| {
            format!(
                "{}: the imported week does not render back to the report",
                source.name
            )
        })?;
        done.notes.push(Note {
            line: 1,
            message: crate::msg!("import-kept-whole"),
        });
        Ok(done)
    }

    /// Writes the week as YAML, reads it back, renders it and compares with the source's text
    /// (`text`: its line endings made `\n`, as the sections were read; a raw HTML block keeps
    /// its line endings in the comparison, so the source's `\r\n` would never match).
    pub(super) fn verify(&self, week: &Week, source: &Source, text: &str) -> Result<Imported> {
        let yaml = yaml::to_string(week)?;
        let name = format!("{} (imported)", source.name);
        let back = Source::new(&name, yaml.clone().into_bytes(), u64::MAX)?;
        let week = Week::from_source(&back, self.rule)?;
        let md = self.renderer.markdown(&week)?;
        if markdown::normalized(&md) != markdown::normalized(text) {
            bail!("{}: the rendered week differs from the report", source.name);
        }
        Ok(Imported {
            yaml,
            week,
            notes: Vec::new(),
            warnings: Vec::new(),
            unmapped: Unmapped::default(),
        })
    }

    /// Whether `sections` (and the header, when given) render to the same Markdown as `want`.
    pub(super) fn renders_as(
        &self,
        date: Date,
        header: Option<&Header>,
        sections: Vec<Section>,
        want: &str,
    ) -> bool {
        let week = Week {
            week: Some(Fact::computed(At::new(self.rule.week_of(date.0).1))),
            date: At::new(date),
            period_end: None,
            created: header.and_then(|h| h.created),
            title: header.and_then(|h| h.title.clone()),
            author: None,
            header: header.is_some(),
            sections,
        };
        self.renderer
            .markdown(&week)
            .is_ok_and(|md| markdown::normalized(&md) == markdown::normalized(want))
    }
}
