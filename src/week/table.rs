//! Tables: a GFM table as its columns (with their alignment) and rows of cells, each cell the
//! Markdown as written. What the cells say is read from them, never written back: numbers as
//! metrics (the row's first cell names them), a status column as each row's status, and a
//! risk table's columns as risks.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Metric, Status};
use crate::extract;
use crate::quantity::Quantity;

/// How a column's cells are aligned (`:--`, `:-:`, `--:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// A column: its header cell and alignment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    /// The header cell, as written.
    pub name: String,
    /// The alignment; none for `---`.
    pub align: Option<Align>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ColumnRepr {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    align: Option<Align>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TerseColumn {
    Name(String),
    Full(ColumnRepr),
}

impl<'de> Deserialize<'de> for Column {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match TerseColumn::deserialize(d)? {
            TerseColumn::Name(name) => Column { name, align: None },
            TerseColumn::Full(r) => Column {
                name: r.name,
                align: r.align,
            },
        })
    }
}

impl Serialize for Column {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.align {
            None => s.serialize_str(&self.name),
            Some(align) => ColumnRepr {
                name: self.name.clone(),
                align: Some(align),
            }
            .serialize(s),
        }
    }
}

/// A table, and what its cells say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows: a cell per column, each the Markdown as written (`\|` for a `|`).
    pub rows: Vec<Vec<String>>,
    /// Metrics read from the cells by [`Table::derive`]; never written.
    pub metrics: Vec<Metric>,
    /// Each row's status, read from a status column; never written.
    pub statuses: Vec<Option<Status>>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TableRepr {
    columns: Vec<Column>,
    #[serde(default)]
    rows: Vec<Vec<Cell>>,
    /// What `render -f json` writes beside them, read from the cells: not kept.
    #[serde(default, rename = "metrics", skip_serializing)]
    _metrics: Option<IgnoredAny>,
    #[serde(default, rename = "statuses", skip_serializing)]
    _statuses: Option<IgnoredAny>,
}

/// A cell: text, or a number written without quotes.
#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum Cell {
    Text(String),
    Int(i64),
    Float(f64),
}

impl Cell {
    fn text(self) -> String {
        match self {
            Cell::Text(t) => t,
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = TableRepr::deserialize(d)?;
        if r.columns.is_empty() {
            return Err(serde::de::Error::custom(crate::msg!("table-no-column")));
        }
        Ok(Table {
            columns: r.columns,
            rows: r
                .rows
                .into_iter()
                .map(|row| row.into_iter().map(Cell::text).collect())
                .collect(),
            ..Table::default()
        })
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TableRepr {
            columns: self.columns.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| r.iter().cloned().map(Cell::Text).collect())
                .collect(),
            _metrics: None,
            _statuses: None,
        }
        .serialize(s)
    }
}

/// Column headers naming this week's value, last week's and the target.
const VALUE: &[&str] = &[
    "this week",
    "value",
    "actual",
    "current",
    "本周",
    "本周数值",
    "当前",
    "实际",
];
const PREVIOUS: &[&str] = &["last week", "previous", "prev", "上周", "上期", "上周数值"];
const TARGET: &[&str] = &["target", "goal", "目标", "目标值"];
/// Column headers of a status column.
const STATUS: &[&str] = &[
    "status",
    "state",
    "health",
    "rag",
    "状态",
    "进展状态",
    "进度状态",
];

/// A header cell in lower case, without emphasis marks around it.
fn header_key(name: &str) -> String {
    name.trim()
        .trim_matches(['*', '_', '`'])
        .trim()
        .to_lowercase()
}

/// The status a cell states: RAG colours (with or without their emoji), or a status word.
pub fn cell_status(cell: &str) -> Option<Status> {
    let t = cell
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_lowercase();
    let rag = |c: &str| cell.contains(c);
    match t.as_str() {
        "green" | "on track" | "正常" => Some(Status::Doing),
        "amber" | "yellow" | "at risk" | "有风险" => Some(Status::Doing),
        "red" | "off track" => Some(Status::Blocked),
        _ if t.is_empty() && rag("🟢") => Some(Status::Doing),
        _ if t.is_empty() && rag("🔴") => Some(Status::Blocked),
        _ => extract::status(&format!("{t}:")),
    }
}

impl Table {
    /// The sample `new` writes.
    pub fn sample() -> Table {
        Table {
            columns: vec![Column {
                name: "…".into(),
                align: None,
            }],
            rows: vec![vec!["…".into()]],
            ..Table::default()
        }
    }

    /// The index of the column whose header is one of `names` (lower case).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| names.contains(&header_key(&c.name).as_str()))
    }

    /// The cell of `row` in column `col`, or empty.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", |c| c.trim())
    }

    /// Whether most cells after the first column are numbers or percentages.
    pub fn is_numeric(&self) -> bool {
        let cells: Vec<&str> = self
            .rows
            .iter()
            .flat_map(|r| r.iter().skip(1))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let numbers = cells
            .iter()
            .filter(|c| Quantity::parse(c).is_some())
            .count();
        !cells.is_empty() && numbers * 2 > cells.len()
    }

    /// The columns after the first whose cells are mostly numbers.
    fn numeric_columns(&self) -> Vec<usize> {
        (1..self.columns.len())
            .filter(|&c| {
                let cells: Vec<&str> = (0..self.rows.len())
                    .map(|r| self.cell(r, c))
                    .filter(|t| !t.is_empty())
                    .collect();
                let n = cells
                    .iter()
                    .filter(|t| Quantity::parse(t).is_some())
                    .count();
                !cells.is_empty() && n * 2 > cells.len()
            })
            .collect()
    }

    /// Reads the metrics and the rows' statuses from the cells.
    pub fn derive(&mut self) {
        self.metrics = if self.is_numeric() {
            self.read_metrics()
        } else {
            Vec::new()
        };
        self.statuses = match self.column(STATUS) {
            Some(c) => (0..self.rows.len())
                .map(|r| cell_status(self.cell(r, c)))
                .collect(),
            None => Vec::new(),
        };
    }

    /// One metric per row and numeric column, named by the row's first cell (and the column's
    /// header when there are several); columns headed this week / last week / target give one
    /// metric per row with its previous value and target.
    fn read_metrics(&self) -> Vec<Metric> {
        let value = |r: usize, c: Option<usize>| c.and_then(|c| Quantity::parse(self.cell(r, c)));
        let mut out = Vec::new();
        let mut roles = (
            self.column(VALUE),
            self.column(PREVIOUS),
            self.column(TARGET),
        );
        let mut plain: Vec<usize> = self
            .numeric_columns()
            .into_iter()
            .filter(|c| ![roles.0, roles.1, roles.2].contains(&Some(*c)))
            .collect();
        // `| 服务 | 可用率 | 目标 |`: the one other numeric column is the value
        if roles.0.is_none() && plain.len() == 1 && (roles.1.is_some() || roles.2.is_some()) {
            roles.0 = plain.pop();
        }
        for r in 0..self.rows.len() {
            let name = self.cell(r, 0);
            if name.is_empty() {
                continue;
            }
            if roles.0.is_some() && value(r, roles.0).is_some() {
                out.push(Metric {
                    name: name.to_string(),
                    value: value(r, roles.0),
                    unit: None,
                    target: value(r, roles.2),
                    previous: value(r, roles.1),
                    better: None,
                    stated_change: None,
                    aggregate: None,
                });
            }
            for &c in &plain {
                let Some(v) = value(r, Some(c)) else { continue };
                let name = if plain.len() > 1 || roles.0.is_some() {
                    format!("{name} {}", self.columns[c].name.trim())
                } else {
                    name.to_string()
                };
                out.push(Metric {
                    name,
                    value: Some(v),
                    unit: None,
                    target: None,
                    previous: None,
                    better: None,
                    stated_change: None,
                    aggregate: None,
                });
            }
        }
        out
    }

    /// The table `new` carries into next week: its numbers (this week's values) emptied for
    /// the author to fill in, every other cell kept.
    pub fn without_numbers(&self) -> Table {
        let target = self.column(TARGET);
        let keep = |c: usize, cell: &String| {
            let number = c > 0 && Some(c) != target && Quantity::parse(cell).is_some();
            if number { String::new() } else { cell.clone() }
        };
        Table {
            columns: self.columns.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .enumerate()
                        .map(|(c, cell)| keep(c, cell))
                        .collect()
                })
                .collect(),
            ..Table::default()
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn table(columns: &[&str], rows: &[&[&str]]) -> Table {
        let mut t = Table {
            columns: columns
                .iter()
                .map(|c| Column {
                    name: c.to_string(),
                    align: None,
                })
                .collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            ..Table::default()
        };
        t.derive();
        t
    }

    #[test]
    fn a_numeric_table_reads_as_metrics_by_row() {
        let t = table(
            &["Metric", "This week", "Last week", "Target"],
            &[
                &["API availability", "99.982%", "99.995%", "99.95%"],
                &["Pages", "9", "4", "—"],
            ],
        );
        assert_eq!(t.metrics.len(), 2);
        let m = &t.metrics[0];
        assert_eq!(m.name, "API availability");
        assert_eq!(m.shown().as_deref(), Some("99.982%"));
        assert_eq!(m.previous().map(|p| p.shown()).as_deref(), Some("99.995%"));
        assert_eq!(m.target().map(|p| p.shown()).as_deref(), Some("99.95%"));
        assert!(t.metrics[1].target.is_none());
    }

    #[test]
    fn several_numeric_columns_name_their_metrics() {
        let t = table(&["服务", "可用率", "P99"], &[&["支付", "99.9%", "120ms"]]);
        let names: Vec<&str> = t.metrics.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["支付 可用率", "支付 P99"]);
        let with_target = table(
            &["服务", "可用率", "目标"],
            &[&["网关", "99.90%", "99.95%"]],
        );
        let m = &with_target.metrics[0];
        assert_eq!((m.name.as_str(), m.target.is_some()), ("网关", true));
        let words = table(&["时间", "主题"], &[&["5/6", "陌陌的实践"]]);
        assert!(words.metrics.is_empty());
    }

    #[test]
    fn a_status_column_gives_each_row_a_status() {
        let t = table(
            &["小组", "状态"],
            &[
                &["收单", "🟢 Green"],
                &["账务", "Red"],
                &["风控", "完成"],
                &["x", "?"],
            ],
        );
        assert_eq!(
            t.statuses,
            [
                Some(Status::Doing),
                Some(Status::Blocked),
                Some(Status::Done),
                None
            ]
        );
    }
}
