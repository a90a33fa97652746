//! Incidents and dated links: the two kinds of entry that carry a time.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fact::{Fact, Origin, settle, written};
use super::terse::{FromText, string_or_map};
use crate::dates::{Date, month_day_near};
use crate::extract;
use crate::yaml::{At, Pos};

/// A production incident or stability event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incident {
    /// When, as written: `10/23 14:36` or `2023-10-23 14:36`.
    pub time: Option<String>,
    /// What happened.
    pub text: String,
    /// Effect on the business, e.g. `无` (none).
    pub impact: Option<String>,
    /// Severity level, e.g. `A`, `CD`, `P2`.
    pub level: Option<String>,
    /// Where the incident stands in the YAML.
    pub pos: Pos,
}

#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct IncidentRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    impact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<String>,
    /// What `render -f json` writes beside them, read from the fields and text: not kept.
    #[serde(default, rename = "at", skip_serializing)]
    _at: Option<IgnoredAny>,
    #[serde(default, rename = "severity", skip_serializing)]
    _severity: Option<IgnoredAny>,
    #[serde(default, rename = "affects_business", skip_serializing)]
    _affects_business: Option<IgnoredAny>,
}

impl FromText for IncidentRepr {
    fn from_text(text: String) -> Self {
        match extract::incident_time(&text) {
            Some((time, rest)) => IncidentRepr {
                time: Some(time.into()),
                text: rest.into(),
                ..Default::default()
            },
            None => IncidentRepr {
                text,
                ..Default::default()
            },
        }
    }
}

struct TerseIncident(IncidentRepr);

impl<'de> Deserialize<'de> for TerseIncident {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        string_or_map(d, || crate::msg!("incident-want")).map(TerseIncident)
    }
}

impl<'de> Deserialize<'de> for Incident {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value, pos } = At::<TerseIncident>::deserialize(d)?;
        let r = value.0;
        Ok(Incident {
            time: r.time,
            text: r.text,
            impact: r.impact,
            level: r.level,
            pos,
        })
    }
}

impl Serialize for Incident {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.impact.is_none() && self.level.is_none() {
            return match &self.time {
                Some(time) => s.collect_str(&format_args!("{time} {}", self.text)),
                None => s.serialize_str(&self.text),
            };
        }
        IncidentRepr {
            time: self.time.clone(),
            text: self.text.clone(),
            impact: self.impact.clone(),
            level: self.level.clone(),
            ..IncidentRepr::default()
        }
        .serialize(s)
    }
}

impl Incident {
    /// The moment of the incident, reading a month/day near the report date.
    pub fn at(&self, around: NaiveDate) -> Option<NaiveDateTime> {
        let time = self.time.as_deref()?;
        let (day, hm) = time.rsplit_once(' ')?;
        let hm = NaiveTime::parse_from_str(hm, "%H:%M").ok()?;
        let date = match day.parse::<Date>() {
            Ok(d) => d.0,
            Err(_) => {
                let (m, d) = day.split_once('/')?;
                month_day_near(m.parse().ok()?, d.parse().ok()?, around)?
            }
        };
        Some(date.and_time(hm))
    }
}

/// A link, typically to a daily report: `2023-10-23 周一_xxx.md`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    /// Where it points, unencoded (spaces and CJK as they are).
    pub href: String,
    /// The link text; by default the date and weekday (`2023/10/23 周一`).
    pub title: Option<String>,
    /// The day it covers: given, or read from the start of `href` by [`Link::derive`].
    pub date: Option<Fact<Date>>,
    /// Where the link stands in the YAML.
    pub pos: Pos,
}

#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct LinkRepr {
    href: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    /// The facts `render -f json` wrote as read from `href`: not taken as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    derived: Vec<String>,
}

impl FromText for LinkRepr {
    fn from_text(href: String) -> Self {
        LinkRepr {
            href,
            ..Default::default()
        }
    }
}

struct TerseLink(LinkRepr);

impl<'de> Deserialize<'de> for TerseLink {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        string_or_map(d, || crate::msg!("link-want")).map(TerseLink)
    }
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At { value, pos } = At::<TerseLink>::deserialize(d)?;
        let r = value.0;
        Ok(Link {
            href: r.href,
            title: r.title,
            date: r
                .date
                .filter(|_| !r.derived.iter().any(|d| d == "date"))
                .map(Fact::given),
            pos,
        })
    }
}

impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Without a title, a date the file name states is written by the file name alone.
        let given = self.date.is_some_and(|d| d.origin == Origin::Given);
        if self.title.is_none() && !given {
            return s.serialize_str(&self.href);
        }
        LinkRepr {
            href: self.href.clone(),
            title: self.title.clone(),
            date: self.date(),
            derived: Vec::new(),
        }
        .serialize(s)
    }
}

impl Link {
    /// The day the link covers, given or read from `href`.
    pub fn date(&self) -> Option<Date> {
        self.date.map(|d| d.value)
    }

    /// Reads the date from the start of `href` when not given.
    pub fn derive(&mut self) {
        let href = &self.href;
        self.date = settle(self.date, || extract::leading_date(href).map(Date));
    }

    /// The link as the author wrote it.
    pub fn as_written(&self) -> Link {
        Link {
            date: written(&self.date),
            ..self.clone()
        }
    }
}
