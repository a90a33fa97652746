//! Where a report's date comes from. In order: the front matter (`date`, then `title`), the
//! title, the first lines, the other headings, the file name, the parent folders (`2021/11/27/`),
//! then `--date`, a coarse date from the folders (`2018/Q4/`, `25-Jan/`, `fy20-q3/`), and last
//! the file's modification date. The last two, and a date read as US month/day/year, come with
//! a remark; a report without any (stdin) is refused with the advice to give `--date`.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::when::{self, Found};

/// How many lines at the top of a report are searched for its date.
const FIRST_LINES: usize = 10;

/// What the importer knows besides the text.
pub struct Clues<'a> {
    /// The report, newlines normalised.
    pub text: &'a str,
    /// Where the front matter ends (0: none).
    pub front: usize,
    /// The headings' texts, in order, with their 1-based lines.
    pub headings: Vec<(usize, String)>,
    /// The path as given, or `<stdin>`.
    pub name: &'a str,
    /// `--date`.
    pub given: Option<NaiveDate>,
    /// The file's modification date.
    pub modified: Option<NaiveDate>,
}

/// The date found, what it spans, and what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    /// The report's (first) day.
    pub date: NaiveDate,
    /// The last day of the span it names, when it names one.
    pub end: Option<NaiveDate>,
    /// Said on stderr as a warning: the date is a guess (folder, modification time).
    pub warning: Option<String>,
    /// Said as a note at a line: how a date was read (US order, a year taken from elsewhere).
    pub note: Option<(usize, String)>,
}

/// Finds the report's date, or says why there is none.
pub fn find(clues: &Clues<'_>) -> Result<Dated, String> {
    let hint = year_hint(clues);
    let year = hint.map(|(y, _)| y);
    let in_text = in_front(clues, year)
        .or_else(|| {
            clues
                .headings
                .first()
                .and_then(|(l, h)| at_line(*l, h, year))
        })
        .or_else(|| in_lines(clues, year))
        .or_else(|| {
            let rest = clues.headings.iter().skip(1);
            rest.map(|(l, h)| at_line(*l, h, year))
                .find(Option::is_some)?
        });
    if let Some((line, found)) = in_text {
        let (line, found) = within_month(clues, year, (line, found));
        return Ok(dated(found, line, hint));
    }
    let path = Path::new(clues.name);
    if let Some(found) = file_name(path) {
        return Ok(dated(found, 0, None));
    }
    if let Some(found) = folder_date(path) {
        return Ok(dated(found, 0, None));
    }
    if let Some(date) = clues.given {
        return Ok(plain(date, None));
    }
    if let Some((date, folder)) = coarse_folder(path) {
        let warning = crate::msg!(
            "import-date-from-folder",
            date = date.to_string(),
            folder = folder
        );
        return Ok(plain(date, Some(warning)));
    }
    if let Some(date) = clues.modified {
        let warning = crate::msg!("import-date-from-modified", date = date.to_string());
        return Ok(plain(date, Some(warning)));
    }
    Err(crate::msg!("import-no-date", name = clues.name))
}

fn plain(date: NaiveDate, warning: Option<String>) -> Dated {
    Dated {
        date,
        end: None,
        warning,
        note: None,
    }
}

/// A found date as the report's, with a note when it was read as US or took its year from
/// elsewhere.
fn dated(found: Found, line: usize, hint: Option<(i32, &'static str)>) -> Dated {
    let note = if found.us {
        Some(crate::msg!(
            "import-date-us",
            date = found.start.to_string()
        ))
    } else if found.yearless {
        let from = hint.map_or("elsewhere", |(_, from)| from);
        Some(crate::msg!(
            "import-date-yearless",
            year = found.start.year().to_string(),
            from = from
        ))
    } else {
        None
    };
    Dated {
        date: found.start,
        end: found.end,
        warning: None,
        note: note.filter(|_| line > 0).map(|n| (line, n)),
    }
}

/// `date:` then `title:` in the front matter.
fn in_front(clues: &Clues<'_>, year: Option<i32>) -> Option<(usize, Found)> {
    let front = &clues.text[..clues.front];
    ["date", "title"].iter().find_map(|key| {
        front.lines().enumerate().find_map(|(i, l)| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(key)
                .then(|| when::first(v, year))
                .flatten()
                .map(|f| (i + 1, f))
        })
    })
}

/// A month named alone (`# 2023 年 10 月 第二周`) narrowed to the first range in the first
/// lines that lies inside it (`2023.10.16 ~ 2023.10.20`): the range says which part of the
/// month the report covers. A single day inside the month is not taken (it may be the day the
/// report was written, and a monthly report covers its month).
fn within_month(
    clues: &Clues<'_>,
    year: Option<i32>,
    (line, found): (usize, Found),
) -> (usize, Found) {
    let Some(last) = found.end.filter(|_| found.month) else {
        return (line, found);
    };
    dates_in_lines(clues, year)
        .find(|(_, f)| !f.month && f.end.is_some_and(|e| e <= last) && f.start >= found.start)
        .unwrap_or((line, found))
}

/// The first date in the first lines after the front matter.
fn in_lines(clues: &Clues<'_>, year: Option<i32>) -> Option<(usize, Found)> {
    dates_in_lines(clues, year).next()
}

/// The first date of each of the first lines after the front matter that holds one, with its
/// 1-based line, links and web addresses left out.
fn dates_in_lines<'a>(
    clues: &'a Clues<'_>,
    year: Option<i32>,
) -> impl Iterator<Item = (usize, Found)> + 'a {
    let skip = clues.text[..clues.front].lines().count();
    clues
        .text
        .lines()
        .enumerate()
        .skip(skip)
        .take(FIRST_LINES)
        .filter_map(move |(i, l)| at_line(i + 1, l, year))
}

fn at_line(line: usize, text: &str, year: Option<i32>) -> Option<(usize, Found)> {
    when::first(&without_addresses(text), year).map(|f| (line, f))
}

/// `text` without web addresses and link destinations, whose dates are other pages'.
pub fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let cut = ["](", "http://", "https://", "www."]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min();
        let Some((i, mark)) = cut else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..i]);
        out.push(' ');
        let tail = &rest[i + mark.len()..];
        let end = match mark {
            "](" => tail.find(')').map_or(tail.len(), |e| e + 1),
            _ => tail
                .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                .unwrap_or(tail.len()),
        };
        rest = &tail[end..];
    }
    out
}

/// A date or a month in the file name: `2018-10-22--js-core.md`, `20231120.md`, `2021-oct.md`.
fn file_name(path: &Path) -> Option<Found> {
    let stem = path.file_stem()?.to_string_lossy();
    when::first(&stem, None)
}

/// A full date in the parent folders: `2021/11/27/`, `sofa-weekly-20191011/`.
fn folder_date(path: &Path) -> Option<Found> {
    let parts = folders(path);
    (0..parts.len()).rev().find_map(|i| {
        let joined = parts[i..].join("/");
        when::first(&joined, None).filter(|f| f.end.is_none())
    })
}

/// The parent folders' names, outermost first.
fn folders(path: &Path) -> Vec<String> {
    let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parent
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// A coarse date from the folders, innermost first: `2018/Q4` (the quarter's first day),
/// `fy20-q3`, `25-Jan` (year 2025, January), `2023/11`, `2018`.
fn coarse_folder(path: &Path) -> Option<(NaiveDate, String)> {
    let parts = folders(path);
    for i in (0..parts.len()).rev() {
        let part = parts[i].to_ascii_lowercase();
        let outer = i.checked_sub(1).and_then(|o| year_of(&parts[o]));
        if let Some(date) = coarse(&part, outer) {
            let shown = match outer {
                Some(_) => format!("{}/{}/", parts[i - 1], parts[i]),
                None => format!("{}/", parts[i]),
            };
            return Some((date, shown));
        }
    }
    None
}

/// One folder name as a coarse date, given the year of the folder around it.
fn coarse(part: &str, outer: Option<i32>) -> Option<NaiveDate> {
    let quarter = |year: i32, q: u32| NaiveDate::from_ymd_opt(year, q * 3 - 2, 1);
    if let Some(q) = part.strip_prefix('q').and_then(|q| q.parse::<u32>().ok()) {
        return (1..=4).contains(&q).then(|| quarter(outer?, q))?;
    }
    if let Some((fy, q)) = part.strip_prefix("fy").and_then(|r| r.split_once("-q")) {
        let (fy, q): (i32, u32) = (fy.parse().ok()?, q.parse().ok()?);
        return (1..=4).contains(&q).then(|| quarter(2000 + fy % 100, q))?;
    }
    if let Some((yy, mon)) = part.split_once('-')
        && yy.len() == 2
        && let (Ok(yy), Some(found)) =
            (yy.parse::<i32>(), when::first(&format!("{mon} 2000"), None))
    {
        return NaiveDate::from_ymd_opt(2000 + yy, found.start.month(), 1);
    }
    if let (Some(year), Ok(month)) = (outer, part.parse::<u32>()) {
        return NaiveDate::from_ymd_opt(year, month, 1);
    }
    year_of(part).and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
}

/// A folder or file name that is a year, 1970 to 2100.
fn year_of(name: &str) -> Option<i32> {
    let year: i32 = name.parse().ok()?;
    (name.len() == 4 && (1970..=2100).contains(&year)).then_some(year)
}

/// The year for a range written without one: from the file name, the folders, the
/// modification date.
fn year_hint(clues: &Clues<'_>) -> Option<(i32, &'static str)> {
    let path = Path::new(clues.name);
    file_name(path)
        .map(|f| (f.start.year(), "name"))
        .or_else(|| folder_date(path).map(|f| (f.start.year(), "folders")))
        .or_else(|| coarse_folder(path).map(|(d, _)| (d.year(), "folders")))
        .or_else(|| clues.given.map(|d| (d.year(), "given")))
        .or_else(|| clues.modified.map(|d| (d.year(), "modified")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clues<'a>(text: &'a str, name: &'a str) -> Clues<'a> {
        let headings = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with('#'))
            .map(|(i, l)| (i + 1, l.trim_start_matches('#').trim().to_string()))
            .collect();
        Clues {
            text,
            front: 0,
            headings,
            name,
            given: None,
            modified: None,
        }
    }

    fn date(c: &Clues<'_>) -> String {
        find(c).unwrap().date.to_string()
    }

    #[test]
    fn front_matter_date_then_title() {
        let text = "---\ntitle: 2019.10.17\ntype: docs\n---\n# 2017-10-17\n";
        let mut c = clues(text, "minutes.md");
        c.front = text.find("# ").unwrap();
        assert_eq!(date(&c), "2019-10-17");
        let text = "---\ntitle: x\ndate: 2023-04-21T15:00:00+08:00\n---\n";
        let mut c = clues(text, "a.md");
        c.front = text.len();
        assert_eq!(date(&c), "2023-04-21");
    }

    #[test]
    fn title_then_first_lines_then_other_headings() {
        assert_eq!(
            date(&clues("# Sync October 22, 2018\n", "x.md")),
            "2018-10-22"
        );
        let c = clues("# 会议纪要\n\n- 会议时间：2023-08-03 19:00\n", "x.md");
        assert_eq!(date(&c), "2023-08-03");
        let mut long = "# Notes\n".to_string() + &"line\n".repeat(40);
        long.push_str("## 2020-01-02\n");
        assert_eq!(date(&clues(&long, "x.md")), "2020-01-02");
    }

    #[test]
    fn a_month_is_narrowed_by_a_range_inside_it_not_by_a_day() {
        let week = clues(
            "# 2023 年 10 月 第二周\n\n2023.10.16 ~ 2023.10.20\n",
            "x.md",
        );
        let found = find(&week).unwrap();
        assert_eq!(found.date.to_string(), "2023-10-16");
        assert_eq!(found.end.unwrap().to_string(), "2023-10-20");
        // a day inside the month may be the day it was written: the month stays
        let month = find(&clues("# October 2023\n\nWritten 2023-10-30\n", "x.md")).unwrap();
        assert_eq!(month.date.to_string(), "2023-10-01");
        assert_eq!(month.end.unwrap().to_string(), "2023-10-31");
        // a range outside the month is another period: the title's month stays
        let other = clues("# 2023 年 11 月\n\n上期 2023.10.16 ~ 2023.10.20\n", "x.md");
        assert_eq!(date(&other), "2023-11-01");
    }

    #[test]
    fn addresses_do_not_date_a_report() {
        let c = clues(
            "# News\n[BDD](https://cucumber.io/blog/2017/05/15/intro) and www.x.org/2016/01/02\n",
            "week3.md",
        );
        assert!(find(&c).is_err());
        assert_eq!(
            without_addresses("see [a](http://x/2017/05/15) now"),
            "see [a  now"
        );
    }

    #[test]
    fn us_dates_carry_a_note() {
        let d = find(&clues("# News\n\nweek ending 4/27/2018\n", "x.md")).unwrap();
        assert_eq!(d.date.to_string(), "2018-04-27");
        assert_eq!(
            d.note,
            Some((3, "read the date as US month/day/year: 2018-04-27".into()))
        );
    }

    #[test]
    fn ranges_give_a_period_end() {
        let d = find(&clues("# [WeeklyReport]2023.11.22~2023.12.05\n", "x.md")).unwrap();
        assert_eq!(
            (d.date.to_string(), d.end.unwrap().to_string()),
            ("2023-11-22".into(), "2023-12-05".into())
        );
    }

    #[test]
    fn yearless_ranges_take_the_year_from_the_path() {
        let d = find(&clues(
            "# 社区双周报 (10.23 - 11.05)\n",
            "blog/2023/report.md",
        ))
        .unwrap();
        assert_eq!(
            (d.date.to_string(), d.end.unwrap().to_string()),
            ("2023-10-23".into(), "2023-11-05".into())
        );
        assert_eq!(
            d.note,
            Some((
                1,
                "the range has no year: took 2023 from the folders".into()
            ))
        );
    }

    #[test]
    fn file_name_then_folders() {
        let c = clues("# Notes\n", "notes/2018/Q4/2018-10-22--js-core.md");
        assert_eq!(date(&c), "2018-10-22");
        assert_eq!(date(&clues("# x\n", "reports/20231120.md")), "2023-11-20");
        let month = find(&clues("# x\n", "updates/2021-oct.md")).unwrap();
        assert_eq!(month.end.unwrap().to_string(), "2021-10-31");
        assert_eq!(
            date(&clues("# x\n", "weekly/2021/11/27/luqing.md")),
            "2021-11-27"
        );
        assert_eq!(
            date(&clues("# x\n", "blog/sofa-weekly-20191011/index.md")),
            "2019-10-11"
        );
    }

    #[test]
    fn coarse_folders_come_after_date_and_warn() {
        let d = find(&clues("# x\n", "meeting-notes/2018/Q4/sync.md")).unwrap();
        assert_eq!(d.date.to_string(), "2018-10-01");
        assert!(d.warning.unwrap().contains("`2018/Q4/`"));
        assert_eq!(
            date(&clues("# x\n", "reports/fy20-q3/status.md")),
            "2020-07-01"
        );
        assert_eq!(
            date(&clues("# x\n", "reports/25-Jan/status.md")),
            "2025-01-01"
        );
        let mut c = clues("# x\n", "meeting-notes/2018/Q4/sync.md");
        c.given = Some("2018-11-05".parse().unwrap());
        assert_eq!(date(&c), "2018-11-05");
        assert_eq!(find(&c).unwrap().warning, None);
    }

    #[test]
    fn modification_date_last_with_a_warning_naming_the_flag() {
        let mut c = clues(
            "# Shipping News for Monday the 30th\n",
            "shipping-news/week3.md",
        );
        c.modified = Some("2018-05-01".parse().unwrap());
        let d = find(&c).unwrap();
        assert_eq!(d.date.to_string(), "2018-05-01");
        assert!(d.warning.unwrap().contains("--date"));
    }

    #[test]
    fn stdin_without_a_date_is_refused_with_advice() {
        let err = find(&clues("# Notes\n", "<stdin>")).unwrap_err();
        assert!(err.starts_with("<stdin>: no date found"), "{err}");
        assert!(err.ends_with("give one with --date"), "{err}");
    }
}
