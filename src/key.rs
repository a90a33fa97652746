//! Keys: names, ids and units compared in their NFKC form, so that what an input method types
//! in full width (`Ｏ1`, `％`, `９９`) matches the ASCII form. Only comparison uses the key; the
//! text as written is kept and printed.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::is_nfkc_quick;

/// The NFKC form of `text` (borrowed when it is already in that form, as ASCII always is).
pub fn key(text: &str) -> Cow<'_, str> {
    if text.is_ascii()
        || matches!(
            is_nfkc_quick(text.chars()),
            unicode_normalization::IsNormalized::Yes
        )
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.nfkc().collect())
}

/// Whether two names, ids or units are the same key.
pub fn same(a: &str, b: &str) -> bool {
    a == b || key(a) == key(b)
}

/// The ASCII character `c` stands for under NFKC (`Ｏ` is `O`, `１` is `1`, `％` is `%`), if
/// it stands for exactly one.
pub fn ascii(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let mut it = std::iter::once(c).nfkc();
    match (it.next(), it.next()) {
        (Some(a), None) if a.is_ascii() => Some(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_is_ascii_and_text_is_not_changed() {
        assert_eq!(key("Ｏ1 服务"), "O1 服务");
        assert_eq!(key("99.997％"), "99.997%");
        assert!(same("入金有效成功率", "入金有效成功率"));
        assert!(matches!(key("O1"), Cow::Borrowed(_)));
        assert_eq!(ascii('１'), Some('1'));
        assert_eq!(ascii('周'), None);
    }
}
