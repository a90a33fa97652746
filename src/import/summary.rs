//! What an import recognised, counted: sections by kind, metrics, items, incidents, links.

use std::fmt;

use crate::week::{Body, Kind, Week};

/// What an import recognised: sections by kind, metrics, items, incidents, links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Reports counted.
    pub reports: usize,
    /// Sections of each kind, in the kinds table's order.
    pub sections: Vec<(Kind, usize)>,
    /// Metrics recognised in metric lines.
    pub metrics: usize,
    /// Items of list-like sections (key work, objectives, other, next week, lists).
    pub items: usize,
    /// Incidents.
    pub incidents: usize,
    /// Daily-report links.
    pub links: usize,
}

impl Summary {
    /// The summary of one week.
    pub fn of(week: &Week) -> Summary {
        let mut s = Summary {
            reports: 1,
            metrics: week.metrics().count(),
            incidents: week.incidents().count(),
            ..Summary::default()
        };
        for section in &week.sections {
            s.count(section.body.kind(), 1);
            s.items += section.body.items().map_or(0, <[_]>::len);
            if let Body::Daily(links) = &section.body {
                s.links += links.len();
            }
        }
        s
    }

    /// Adds another summary to this one.
    pub fn add(&mut self, other: &Summary) {
        self.reports += other.reports;
        for (kind, n) in &other.sections {
            self.count(*kind, *n);
        }
        self.metrics += other.metrics;
        self.items += other.items;
        self.incidents += other.incidents;
        self.links += other.links;
    }

    fn count(&mut self, kind: Kind, n: usize) {
        match self.sections.iter_mut().find(|(k, _)| *k == kind) {
            Some(entry) => entry.1 += n,
            None => {
                self.sections.push((kind, n));
                self.sections.sort_by_key(|(k, _)| *k as usize);
            }
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: usize = self.sections.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = self
            .sections
            .iter()
            .map(|(k, n)| format!("{} {n}", k.key()))
            .collect();
        let text = crate::msg!(
            "import-summary",
            sections = total,
            kinds = kinds.join(", "),
            metrics = self.metrics,
            items = self.items,
            incidents = self.incidents,
            links = self.links
        );
        f.write_str(&text)
    }
}
