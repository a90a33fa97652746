//! Recognising a table: a section whose body is one GFM table becomes a `table` (or, when its
//! columns name risks and their owners or mitigations, a risk table); each cell is kept as the
//! Markdown written in it.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::read::{Spanned, inline_range, slice};
use crate::week::{Align, Body, Column, Risks, Table};

/// The table a body consists of, with each cell's Markdown as written.
pub fn read(text: &str, events: &[Spanned<'_>]) -> Option<Table> {
    let (Event::Start(Tag::Table(aligns)), rest) = (&events.first()?.0, &events[1..]) else {
        return None;
    };
    if !matches!(rest.last()?.0, Event::End(TagEnd::Table)) {
        return None;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<usize> = None;
    let mut last_cell_end = 0;
    for (i, (event, range)) in rest.iter().enumerate() {
        match event {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(i + 1),
            Event::End(TagEnd::TableCell) => {
                let inner = &rest[cell.take()?..i];
                let written = inline_range(inner).map_or("", |r| slice(text, r).trim());
                rows.last_mut()?.push(written.to_string());
                last_cell_end = range.end;
            }
            // cells beyond the header's are not in the table: a row with one keeps it raw
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                let after = slice(text, last_cell_end..range.end);
                if !after
                    .trim_matches(|c: char| c == '|' || c.is_whitespace())
                    .is_empty()
                {
                    return None;
                }
            }
            _ => {}
        }
    }
    let (head, rows) = rows.split_first()?;
    let columns = head
        .iter()
        .zip(aligns.iter().chain(std::iter::repeat(&Alignment::None)))
        .map(|(name, a)| Column {
            name: name.clone(),
            align: match a {
                Alignment::None => None,
                Alignment::Left => Some(Align::Left),
                Alignment::Center => Some(Align::Center),
                Alignment::Right => Some(Align::Right),
            },
        })
        .collect();
    Some(Table {
        columns,
        rows: rows.to_vec(),
        ..Table::default()
    })
}

/// A table section: a risk table when its columns say so, else a table.
pub fn body(text: &str, events: &[Spanned<'_>]) -> Option<Body> {
    let table = read(text, events)?;
    Some(if table.is_risk_table() {
        Body::Risks(Risks {
            items: Vec::new(),
            table: Some(table),
        })
    } else {
        Body::Table(table)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read;

    #[test]
    fn cells_and_alignment_are_kept_as_written() {
        let md = "| Metric | This week |\n|:--|--:|\n| `p99` \\| ms | 212 |\n| Pages |\n";
        let ev = read::events(md);
        let t = super::read(md, &ev).unwrap();
        assert_eq!(t.columns[0].align, Some(Align::Left));
        assert_eq!(t.columns[1].align, Some(Align::Right));
        assert_eq!(t.rows[0], ["`p99` \\| ms", "212"]);
        assert_eq!(t.rows.len(), 2);
    }

    #[test]
    fn a_row_with_more_cells_than_the_header_is_not_read() {
        let md = "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n";
        assert!(super::read(md, &read::events(md)).is_none());
        let md = "| a | b |\n|---|---|\n| 1 |\n";
        assert_eq!(
            super::read(md, &read::events(md)).unwrap().rows[0],
            ["1", ""]
        );
    }

    #[test]
    fn a_list_is_not_a_table() {
        let md = "- a\n";
        assert!(super::read(md, &read::events(md)).is_none());
    }
}
