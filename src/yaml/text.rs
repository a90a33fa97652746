//! Reading YAML source lines around an error: keys, values, indentation, comments.

/// One line of a YAML source.
#[derive(Clone, Debug)]
pub(super) struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The text, without the line break.
    pub text: &'a str,
}

/// Line `number` (1-based) of `source`.
pub(super) fn line(source: &str, number: usize) -> Option<Line<'_>> {
    let text = source.lines().nth(number.checked_sub(1)?)?;
    Some(Line {
        number,
        text: text.trim_end_matches('\r'),
    })
}

/// Line `number` and up to `before` content lines above it (blank and comment lines skipped),
/// nearest first.
pub(super) fn lines_up_to(source: &str, number: usize, before: usize) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = line(source, number).into_iter().collect();
    let mut n = number;
    while out.len() <= before && n > 1 {
        n -= 1;
        if let Some(l) = line(source, n)
            && !l.uncommented().trim().is_empty()
        {
            out.push(l);
        }
    }
    out
}

impl<'a> Line<'a> {
    /// Spaces before the content.
    pub fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// The line after its indentation.
    pub fn content(&self) -> &'a str {
        self.text.trim_start_matches(' ')
    }

    /// The line without a trailing ` # comment` (quotes are not looked into).
    pub fn uncommented(&self) -> &'a str {
        if self.content().starts_with('#') {
            return "";
        }
        self.text
            .find(" #")
            .map_or(self.text, |at| &self.text[..at])
            .trim_end()
    }

    /// Byte offset of 1-based character column `col`.
    fn byte_at(&self, col: usize) -> usize {
        self.text
            .chars()
            .take(col.saturating_sub(1))
            .map(char::len_utf8)
            .sum()
    }

    /// Whether a `key:` starts at `col`.
    pub fn key_at(&self, col: usize) -> bool {
        let after = &self.text[self.byte_at(col)..];
        after.split_once(':').is_some_and(|(k, rest)| {
            is_key(k) && (rest.is_empty() || rest.starts_with([' ', '\t']))
        })
    }

    /// The key whose value starts at `col` (`progress` in `  progress: "60%"`), or the key
    /// that starts at `col` itself.
    pub fn key_before(&self, col: usize) -> Option<String> {
        let at = self.byte_at(col);
        let after = &self.text[at..];
        if let Some(key) = after.split_once(':').map(|(k, _)| k)
            && is_key(key)
            && (after[key.len()..].starts_with(": ") || after[key.len()..].trim() == ":")
        {
            return Some(key.to_string());
        }
        let before = self.text[..at].trim_end().strip_suffix(':')?;
        let key = before
            .rsplit([' ', '{', ',', '-'])
            .next()
            .filter(|k| is_key(k))?;
        Some(key.to_string())
    }

    /// The value written at `col`, up to the end of the line or a comment.
    pub fn token_at(&self, col: usize) -> String {
        let rest = &self.text[self.byte_at(col)..];
        let rest = rest.find(" #").map_or(rest, |at| &rest[..at]);
        let rest = rest.split([',', '}']).next().unwrap_or(rest);
        rest.trim().trim_matches(['"', '\'']).to_string()
    }

    /// A key ended by a full-width colon: `title：…` (an ASCII key) or `支付成功率：` (any
    /// key, nothing after it). Gives the key and the colon's column.
    pub fn full_width_key(&self) -> Option<(String, usize)> {
        let content = self.content();
        let (dash, body) = match content.strip_prefix("- ") {
            Some(body) => (2, body),
            None => (0, content),
        };
        let (key, rest) = body.split_once('：')?;
        if key.is_empty() || key.contains(':') || key.contains(char::is_whitespace) {
            return None;
        }
        let rest = rest.trim();
        let ascii = key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !(ascii || rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        let col = self.indent() + dash + key.chars().count() + 1;
        Some((key.to_string(), col))
    }

    /// `key: []` or `key: {}` (an empty flow collection as the whole value): the key, the
    /// column of the bracket and the value.
    pub fn flow_value(&self) -> Option<(String, usize, String)> {
        let text = self.uncommented();
        let (key, value) = text
            .trim_start()
            .trim_start_matches("- ")
            .split_once(": ")?;
        let value = value.trim();
        if !is_key(key) || !matches!(value, "[]" | "{}") {
            return None;
        }
        let col = text[..text.len() - value.len()].chars().count() + 1;
        Some((key.to_string(), col, value.to_string()))
    }
}

/// A plausible mapping key: no spaces or YAML indicators.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && !key
            .chars()
            .any(|c| c.is_whitespace() || "[]{}#&*!|>'\"%@`,".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(text: &str) -> Line<'_> {
        Line { number: 1, text }
    }

    #[test]
    fn keys_before_values_and_at_keys() {
        assert_eq!(
            l("    progress: \"60%\"").key_before(15).as_deref(),
            Some("progress")
        );
        assert_eq!(
            l("    progres: 5").key_before(5).as_deref(),
            Some("progres")
        );
        assert_eq!(
            l("- {name: a, valu: 9}").key_before(13).as_deref(),
            Some("valu")
        );
        assert_eq!(l("  - 平安存管接入").key_before(5), None);
    }

    #[test]
    fn full_width_colons() {
        assert_eq!(
            l("title：订单中心重构").full_width_key(),
            Some(("title".into(), 6))
        );
        assert_eq!(
            l("    支付成功率：").full_width_key(),
            Some(("支付成功率".into(), 10))
        );
        assert_eq!(l("  - 物保：光大存管").full_width_key(), None);
    }

    #[test]
    fn flow_values() {
        let line = l("sections: [] # uncomment below");
        assert_eq!(
            line.flow_value(),
            Some(("sections".into(), 11, "[]".into()))
        );
        assert_eq!(l("title: [a]").flow_value(), None);
    }
}
