//! Recognisers for the facts people write inside report text: progress, due dates, metric
//! lines (their numbers are [`Quantity`](crate::quantity::Quantity)s), incident times and dated links. Shared by the week
//! model and by `import`.

mod metric;
mod standing;

use chrono::NaiveDate;

use crate::dates::month_day_near;
pub use metric::{FoundMetric, metric_line, stated_change};
pub use standing::{nothing, owner, status};

/// Progress written as `进度70%`, `进度：70%`, `progress 70%`, `=> 78%`, `… - 50%` or
/// `(112/187)`.
pub fn progress(text: &str) -> Option<u8> {
    if !text.contains(['%', '/']) {
        return None;
    }
    keyed_progress(text).or_else(|| standing::progress(text))
}

/// Progress after a key: `进度70%`, `progress 70%`.
fn keyed_progress(text: &str) -> Option<u8> {
    if !text.contains('%') {
        return None;
    }
    for key in ["进度", "progress", "Progress"] {
        let mut rest = text;
        while let Some(i) = rest.find(key) {
            rest = &rest[i + key.len()..];
            let tail = rest.trim_start_matches([' ', '：', ':']);
            let digits = leading_digits(tail);
            if !digits.is_empty() && tail[digits.len()..].starts_with('%') {
                return digits.parse().ok().filter(|p| *p <= 100);
            }
        }
    }
    None
}

/// A due date such as `预计11/10上线`, `计划11/9上线` or `10/31上线`, read near `around`.
pub fn due(text: &str, around: NaiveDate) -> Option<NaiveDate> {
    const AFTER: [&str; 6] = ["上线", "投产", "完成", "发布", "交付", "提测"];
    const BEFORE: [&str; 2] = ["预计", "计划"];
    if !text.contains('/') {
        return None;
    }
    for (start, md) in month_days(text) {
        let end = start + md.2;
        let after = AFTER.iter().any(|w| text[end..].starts_with(w));
        let before = BEFORE.iter().any(|w| text[..start].ends_with(w));
        if after || before {
            return month_day_near(md.0, md.1, around);
        }
    }
    None
}

/// Every `M/D` in `text` with its byte offset: (offset, (month, day, byte length)).
fn month_days(text: &str) -> Vec<(usize, (u32, u32, usize))> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = !prev.is_some_and(|p| p.is_ascii_digit() || p == '/');
        prev = Some(c);
        if i < skip_to || !boundary || !c.is_ascii_digit() {
            continue;
        }
        if let Some(found) = month_day_at(&text[i..]) {
            out.push((i, found));
            skip_to = i + found.2;
        }
    }
    out
}

/// `M/D` at the start of `s` when both parts are plausible.
fn month_day_at(s: &str) -> Option<(u32, u32, usize)> {
    let m = leading_digits(s);
    if m.is_empty() || m.len() > 2 {
        return None;
    }
    let rest = s[m.len()..].strip_prefix('/')?;
    let d = leading_digits(rest);
    if d.is_empty() || d.len() > 2 || rest[d.len()..].starts_with('/') {
        return None;
    }
    let (month, day) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((
        month,
        day,
        m.len() + 1 + d.len(),
    ))
}

/// The ASCII digits `s` starts with.
fn leading_digits(s: &str) -> &str {
    &s[..s.bytes().take_while(u8::is_ascii_digit).count()]
}

/// Splits `10/23 14:36 监控发现…` into the time and the rest.
pub fn incident_time(text: &str) -> Option<(&str, &str)> {
    let (md, rest) = text.split_once(' ')?;
    let date_ok = month_day_at(md).is_some_and(|f| f.2 == md.len())
        || md.parse::<crate::dates::Date>().is_ok();
    if !date_ok {
        return None;
    }
    let (hm, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let time_ok = chrono::NaiveTime::parse_from_str(hm, "%H:%M").is_ok();
    time_ok.then(|| (&text[..md.len() + 1 + hm.len()], rest.trim_start()))
}

/// The date a daily-note file name starts with: `2023-10-23 周一_x.md`.
pub fn leading_date(name: &str) -> Option<NaiveDate> {
    let head = name.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_progress_and_due_dates() {
        assert_eq!(progress("测试回归方案开发中，进度70%"), Some(70));
        assert_eq!(progress("整体联调测试进行中，进度75%。"), Some(75));
        assert_eq!(progress("覆盖率15%"), None);
        let around = NaiveDate::from_ymd_opt(2023, 10, 24).unwrap();
        let nov = |d| NaiveDate::from_ymd_opt(2023, 11, d);
        assert_eq!(
            due("完成电话报警功能开发中，预计11/10上线", around),
            nov(10)
        );
        assert_eq!(
            due("与存管银行账户能力系统整合60%，计划11/9上线", around),
            nov(9)
        );
        assert_eq!(due("截止10/27，有两笔", around), None);
    }

    #[test]
    fn reads_incident_times_and_link_dates() {
        assert_eq!(
            incident_time("10/23 14:36 监控发现GC"),
            Some(("10/23 14:36", "监控发现GC"))
        );
        assert_eq!(incident_time("监控发现 GC"), None);
        assert_eq!(
            leading_date("2023-10-23 周一_x.md"),
            NaiveDate::from_ymd_opt(2023, 10, 23)
        );
    }
}
