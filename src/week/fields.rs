//! Header fields: the facts a report states about itself at its top, as labelled lines
//! (`- **Lead:** @alanshaw`, `- **Attendees:**` with a list under it, `- **负责人：** 张三`). Each
//! field is its label and a value or a list, as written; the ones that name the report's author
//! (姓名, Name, Author, 作者) or its title (项目, Project) are what the week reports as those when
//! it does not give them itself.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Labels that name who writes the report.
const AUTHOR: &[&str] = &["姓名", "name", "author", "作者", "汇报人", "reporter"];
/// Labels that name what the report is about.
const TITLE: &[&str] = &["项目", "project", "项目名称"];

/// One field: its label, and a value or a list of values, each as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Field {
    /// The label, without its colon: `Lead`, `负责人`.
    pub label: String,
    /// The value on the label's line, as written; none when the line ends at the label.
    pub value: Option<String>,
    /// The values listed under the label (`Attendees`), as written.
    pub items: Vec<String>,
}

impl Field {
    /// The sample `new` writes.
    pub fn sample() -> Field {
        Field {
            label: "…".into(),
            value: Some("…".into()),
            items: Vec::new(),
        }
    }

    /// The colon the label is written with: `:` after a label in ASCII, `：` after any other.
    pub fn colon(&self) -> &'static str {
        if self.label.is_ascii() { ":" } else { "：" }
    }

    /// Whether the label is one of `names` (case ignored).
    fn is(&self, names: &[&str]) -> bool {
        names.contains(&self.label.trim().to_lowercase().as_str())
    }
}

/// A value in YAML: a text, or a list of texts.
#[derive(Deserialize)]
#[serde(untagged)]
enum Value {
    Text(String),
    Int(i64),
    List(Vec<String>),
    None(()),
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match (&self.value, self.items.is_empty()) {
            (Some(v), _) => map.serialize_entry(&self.label, v)?,
            (None, false) => map.serialize_entry(&self.label, &self.items)?,
            (None, true) => map.serialize_entry(&self.label, &())?,
        }
        map.end()
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::msg!("field-want"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        let Some((label, value)) = map.next_entry::<String, Value>()? else {
            return Err(de::Error::custom(crate::msg!("field-needs-label")));
        };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::custom(crate::msg!("field-one-label")));
        }
        let mut field = Field {
            label,
            ..Field::default()
        };
        match value {
            Value::Text(t) => field.value = Some(t),
            Value::Int(i) => field.value = Some(i.to_string()),
            Value::List(items) => field.items = items,
            Value::None(()) => {}
        }
        Ok(field)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FieldVisitor)
    }
}

/// Whether a heading is a label that names the author or the project (`### 姓名`).
pub fn is_header_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    AUTHOR.contains(&l.as_str()) || TITLE.contains(&l.as_str())
}

/// The author a list of fields names (姓名, Name, Author, 作者).
pub fn author(fields: &[Field]) -> Option<&str> {
    fields.iter().find(|f| f.is(AUTHOR))?.value.as_deref()
}

/// The title a list of fields names (项目, Project).
pub fn title(fields: &[Field]) -> Option<&str> {
    fields.iter().find(|f| f.is(TITLE))?.value.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_one_key_mappings() {
        let yaml =
            "- Lead: \"@alanshaw\"\n- Attendees:\n  - \"@vmx\"\n- Notetaker:\n- 姓名: 张三\n";
        let source = crate::yaml::Source::new("f.yaml", yaml.as_bytes().to_vec(), 1 << 20).unwrap();
        let fields: Vec<Field> = source.parse().unwrap();
        assert_eq!(fields[0].value.as_deref(), Some("@alanshaw"));
        assert_eq!(fields[1].items, ["@vmx"]);
        assert_eq!(
            (fields[2].value.as_deref(), fields[2].items.len()),
            (None, 0)
        );
        assert_eq!(author(&fields), Some("张三"));
        assert_eq!((fields[0].colon(), fields[3].colon()), (":", "："));
        assert_eq!(
            crate::yaml::to_string(&fields).unwrap(),
            yaml.replace("Notetaker:", "Notetaker: null")
        );
    }
}
