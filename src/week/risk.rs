//! Risks: what may go wrong or already blocks the work, with its type (risk, issue, blocker,
//! dependency), status, owner, mitigation and due date. Each fact is given as its own field or
//! read from the text as people write it (`[Risk] …`, `风险：…`, `Owner: Bob`, `应对：…`), so an
//! imported line stays exactly as written.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Table;
use super::fact::{Fact, settle, written};
use super::terse::{FromText, string_or_map};
use crate::extract;
use crate::yaml::{At, Pos};

/// What kind of trouble a risk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskType {
    /// Something that may happen.
    Risk,
    /// Something that has happened and needs handling.
    Issue,
    /// Something that stops the work now.
    Blocker,
    /// Something the work waits on from others.
    Dependency,
}

/// Where a risk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskStatus {
    /// Still a risk (the default).
    Open,
    /// Watched, nothing to do yet.
    Watching,
    /// Reduced by what was done; may still happen.
    Mitigated,
    /// Gone, solved or accepted.
    Closed,
}

/// Headings `import` reads as a risks section, besides the templates' own.
pub const HEADINGS: &[&str] = &[
    "风险",
    "问题",
    "阻塞",
    "风险与问题",
    "风险和问题",
    "问题与风险",
    "风险与阻塞",
    "risks",
    "issues",
    "blockers",
    "blocked",
    "problems",
    "risks and issues",
    "risks & issues",
    "issues and risks",
    "risks and blockers",
];

/// The prefixes that say a line's type, lower case: `[Risk]`, `风险：`.
const PREFIXES: &[(RiskType, &[&str])] = &[
    (RiskType::Risk, &["risk", "风险"]),
    (RiskType::Issue, &["issue", "problem", "问题"]),
    (RiskType::Blocker, &["blocker", "blocked", "阻塞", "卡点"]),
    (RiskType::Dependency, &["dependency", "依赖"]),
];

/// The type a line states at its start: `[Risk] …`, `【风险】…`, `Issue: …`, `问题：…`.
pub fn type_of(text: &str) -> Option<RiskType> {
    let t = text.trim_start();
    let bracketed = [("[", "]"), ("【", "】")].iter().find_map(|(open, close)| {
        let rest = t.strip_prefix(open)?;
        rest.find(close).map(|i| &rest[..i])
    });
    let word = match bracketed {
        Some(w) => w,
        None => t.split_once([':', '：']).map(|(w, _)| w)?,
    };
    let word = word.trim().to_lowercase();
    PREFIXES
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(k, _)| *k)
}

/// The labels before a mitigation in a line: `Mitigation: …`, `应对：…`.
const MITIGATION: &[&str] = &[
    "mitigation:",
    "mitigation：",
    "plan:",
    "应对措施：",
    "应对：",
    "措施：",
    "解决方案：",
    "应对措施:",
    "应对:",
];

/// The mitigation a line states after a label, up to the end of its clause.
pub fn mitigation_of(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    MITIGATION.iter().find_map(|label| {
        let i = lower.find(label)?;
        let rest = text.get(i + label.len()..)?.trim_start();
        let end = rest
            .find(['；', ';', '）', ')', '\n'])
            .unwrap_or(rest.len());
        let m = rest[..end].trim().trim_end_matches(['。', '.']);
        (!m.is_empty()).then(|| m.to_string())
    })
}

/// A status a line states: `closed`, `resolved`, `已解决`, `mitigated` …
fn status_of(text: &str) -> Option<RiskStatus> {
    let lower = text.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if says(&[
        "[closed]",
        "(closed)",
        "resolved",
        "已解决",
        "已关闭",
        "（已关闭）",
    ]) {
        Some(RiskStatus::Closed)
    } else if says(&["[mitigated]", "(mitigated)", "已缓解"]) {
        Some(RiskStatus::Mitigated)
    } else {
        None
    }
}

/// One risk, issue, blocker or dependency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Risk {
    /// What it is, as written.
    pub text: String,
    /// Its type: given, or read from the text's prefix.
    pub kind: Option<Fact<RiskType>>,
    /// Where it stands: given, or read from the text; open when neither says.
    pub status: Option<Fact<RiskStatus>>,
    /// Who handles it: given, or read from the text (`Owner: Bob`, `负责人：张三`, `@alice`).
    pub owner: Option<Fact<String>>,
    /// What is done about it: given, or read from the text (`Mitigation: …`, `应对：…`).
    pub mitigation: Option<Fact<String>>,
    /// When it must be handled by, as written.
    pub due: Option<String>,
    /// Where it stands in the YAML.
    pub pos: Pos,
}

#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RiskRepr {
    text: String,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<RiskType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<RiskStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mitigation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    /// The facts `render -f json` wrote as read from the text: not taken as given.
    #[serde(default, skip_serializing)]
    derived: Vec<String>,
}

impl FromText for RiskRepr {
    fn from_text(text: String) -> Self {
        RiskRepr {
            text,
            ..RiskRepr::default()
        }
    }
}

struct TerseRisk(RiskRepr);

impl<'de> Deserialize<'de> for TerseRisk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        string_or_map(d, || crate::msg!("risk-want")).map(TerseRisk)
    }
}

impl<'de> Deserialize<'de> for Risk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value, pos } = At::<TerseRisk>::deserialize(d)?;
        let r = value.0;
        let given = |field: &str| !r.derived.iter().any(|d| d == field);
        Ok(Risk {
            text: r.text,
            kind: r.kind.filter(|_| given("type")).map(Fact::given),
            status: r.status.filter(|_| given("status")).map(Fact::given),
            owner: r.owner.filter(|_| given("owner")).map(Fact::given),
            mitigation: r
                .mitigation
                .filter(|_| given("mitigation"))
                .map(Fact::given),
            due: r.due,
            pos,
        })
    }
}

impl Serialize for Risk {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let w = self.as_written();
        let repr = RiskRepr {
            text: w.text.clone(),
            kind: w.kind.map(|f| f.value),
            status: w.status.map(|f| f.value),
            owner: w.owner.map(|f| f.value),
            mitigation: w.mitigation.map(|f| f.value),
            due: w.due.clone(),
            derived: Vec::new(),
        };
        if repr.kind.is_none()
            && repr.status.is_none()
            && repr.owner.is_none()
            && repr.mitigation.is_none()
            && repr.due.is_none()
        {
            return s.serialize_str(&repr.text);
        }
        repr.serialize(s)
    }
}

impl Risk {
    /// A risk of only text.
    pub fn text(text: impl Into<String>) -> Risk {
        Risk {
            text: text.into(),
            ..Risk::default()
        }
    }

    /// Reads type, status, owner and mitigation from the text where not given.
    pub fn derive(&mut self) {
        let text = self.text.clone();
        self.kind = settle(self.kind, || type_of(&text));
        self.status = settle(self.status, || status_of(&text));
        self.owner = settle(self.owner.take(), || extract::owner(&text));
        self.mitigation = settle(self.mitigation.take(), || mitigation_of(&text));
    }

    /// The risk as the author wrote it: facts read from the text left out.
    pub fn as_written(&self) -> Risk {
        Risk {
            kind: written(&self.kind),
            status: written(&self.status),
            owner: written(&self.owner),
            mitigation: written(&self.mitigation),
            ..self.clone()
        }
    }

    /// Its type, given or read; a risk when nothing says.
    pub fn kind(&self) -> RiskType {
        self.kind.map_or(RiskType::Risk, |k| k.value)
    }

    /// Its status, given or read; open when nothing says.
    pub fn status(&self) -> RiskStatus {
        self.status.map_or(RiskStatus::Open, |s| s.value)
    }

    /// Whether it still needs handling: open or watched.
    pub fn is_open(&self) -> bool {
        matches!(self.status(), RiskStatus::Open | RiskStatus::Watching)
    }

    /// The owner, given or read.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_ref().map(|o| o.value.as_str())
    }

    /// The mitigation, given or read.
    pub fn mitigation(&self) -> Option<&str> {
        self.mitigation.as_ref().map(|m| m.value.as_str())
    }

    /// What an open risk lacks of owner and mitigation (`risk-incomplete`); `None` when it names
    /// both or is no longer open.
    pub fn lacks(&self) -> Option<Lacks> {
        match (self.is_open(), self.owner(), self.mitigation()) {
            (false, ..) | (_, Some(_), Some(_)) => None,
            (_, None, None) => Some(Lacks::Both),
            (_, None, Some(_)) => Some(Lacks::Owner),
            (_, Some(_), None) => Some(Lacks::Mitigation),
        }
    }

    /// Whether a given fact must be printed after the text (the text does not say it).
    pub fn shows<T>(fact: &Option<Fact<T>>) -> bool {
        fact.as_ref().is_some_and(|f| !f.in_text())
    }
}

/// What an open risk does not name: its owner, its mitigation, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lacks {
    /// No owner.
    Owner,
    /// No mitigation.
    Mitigation,
    /// Neither.
    Both,
}

/// A risks section's content: a list of risks, or a risk table they are read from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Risks {
    /// The risks: as listed, or read from the table.
    pub items: Vec<Risk>,
    /// The table the risks were written in, when they were.
    pub table: Option<Table>,
}

impl Risks {
    /// The sample `new` writes: a risk with its owner and mitigation to fill in.
    pub fn sample() -> Risks {
        Risks {
            items: vec![Risk {
                owner: Some(Fact::given("…".into())),
                mitigation: Some(Fact::given("…".into())),
                ..Risk::text("…")
            }],
            table: None,
        }
    }

    /// Reads each risk's facts from its text, or the risks from the table.
    pub fn derive(&mut self) {
        match &mut self.table {
            Some(t) => {
                t.derive();
                self.items = t.risks();
            }
            None => self.items.iter_mut().for_each(Risk::derive),
        }
    }

    /// The risks as the author wrote them.
    pub fn as_written(&self) -> Risks {
        Risks {
            items: match &self.table {
                Some(_) => Vec::new(),
                None => self.items.iter().map(Risk::as_written).collect(),
            },
            table: self.table.as_ref().map(|t| Table {
                columns: t.columns.clone(),
                rows: t.rows.clone(),
                ..Table::default()
            }),
        }
    }

    /// The risks still open.
    pub fn open(&self) -> impl Iterator<Item = &Risk> {
        self.items.iter().filter(|r| r.is_open())
    }

    /// Appends `other`'s risks (a team file's, in `merge`): its rows when both are tables.
    pub fn append(&mut self, other: &Risks) {
        match (&mut self.table, &other.table) {
            (Some(a), Some(b)) => {
                a.rows.extend(b.rows.iter().cloned());
                self.derive();
            }
            _ => self.items.extend(other.items.iter().cloned()),
        }
    }

    /// Whether `other` can be appended to these: both lists, or tables of the same columns.
    pub fn same_form(&self, other: &Risks) -> bool {
        match (&self.table, &other.table) {
            (None, None) => true,
            (Some(a), Some(b)) => a.columns == b.columns,
            _ => false,
        }
    }

    /// What `new` carries into next week: the open risks as written (the rows of open risks,
    /// for a table); closed and mitigated ones stay behind.
    pub fn carried(&self) -> Risks {
        match &self.table {
            Some(t) => Risks {
                items: Vec::new(),
                table: Some(Table {
                    columns: t.columns.clone(),
                    rows: t
                        .rows
                        .iter()
                        .zip(&self.items)
                        .filter(|(_, r)| r.is_open())
                        .map(|(row, _)| row.clone())
                        .collect(),
                    ..Table::default()
                }),
            },
            None => Risks {
                items: self.open().map(Risk::as_written).collect(),
                table: None,
            },
        }
    }
}

impl Serialize for Risks {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.table {
            Some(t) => t.serialize(s),
            None => self.items.serialize(s),
        }
    }
}

struct RisksVisitor;

impl<'de> Visitor<'de> for RisksVisitor {
    type Value = Risks;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::msg!("risks-want"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Risks, A::Error> {
        let items = Vec::<Risk>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(Risks { items, table: None })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Risks, A::Error> {
        let table = Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Risks {
            items: Vec::new(),
            table: Some(table),
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Risks, E> {
        Ok(Risks::default())
    }
}

impl<'de> Deserialize<'de> for Risks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RisksVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_say_the_type_in_both_languages() {
        assert_eq!(type_of("[Risk] the vendor may slip"), Some(RiskType::Risk));
        assert_eq!(type_of("[Issue] login fails"), Some(RiskType::Issue));
        assert_eq!(type_of("风险：供应商延期"), Some(RiskType::Risk));
        assert_eq!(type_of("问题：测试环境不稳定"), Some(RiskType::Issue));
        assert_eq!(type_of("【阻塞】等待法务"), Some(RiskType::Blocker));
        assert_eq!(
            type_of("Dependency: the SDK release"),
            Some(RiskType::Dependency)
        );
        assert_eq!(type_of("[x] done"), None);
        assert_eq!(type_of("Note: nothing"), None);
    }

    #[test]
    fn facts_are_read_from_the_text_and_not_written_back() {
        let mut r = Risk::text("风险：短信通道限流（负责人：张三；应对：切换备用通道）");
        r.derive();
        assert_eq!(r.kind(), RiskType::Risk);
        assert_eq!(r.owner(), Some("张三"));
        assert_eq!(r.mitigation(), Some("切换备用通道"));
        assert!(r.is_open());
        let yaml = crate::yaml::to_string(&r).unwrap();
        assert_eq!(
            yaml.trim(),
            "风险：短信通道限流（负责人：张三；应对：切换备用通道）"
        );
        let mut closed = Risk::text("[Issue] flaky CI (resolved)");
        closed.derive();
        assert!(!closed.is_open());
    }
}
