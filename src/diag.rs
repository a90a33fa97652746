//! Diagnostics that point into a source file: rustc-style snippets with a caret.

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Element, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Stops the command: exit 1.
    Error,
    /// Reported; fails only under `--deny-warnings`.
    Warning,
}

/// The code of a lint or of a coded error, printed in brackets: `warning[overdue]`.
/// `Display` writes the kebab-case code, so a misspelt code does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// An objective's item with no progress, due date, result or measured number.
    ItemWithoutOutcome,
    /// Progress lower than last week's.
    ProgressRegressed,
    /// A due date passed and the item not done.
    Overdue,
    /// A metric worse than its target.
    MetricBelowTarget,
    /// A metric worse than last week's beyond a threshold.
    MetricWorseThanPrevious,
    /// A metric's value and its previous value or target in units that do not compare.
    MetricUnitChanged,
    /// An incident with no impact, or with impact and no level.
    IncidentIncomplete,
    /// A stated incident count by level that differs from the incidents listed.
    IncidentCountMismatch,
    /// An open risk with no owner or no mitigation.
    RiskIncomplete,
    /// `week:` contradicting `date:` (an error raised while parsing).
    WeekDateMismatch,
    /// A section with no content.
    EmptySection,
    /// A line of a metrics section from which no metric could be read.
    MetricLineNotRead,
    /// A stated change (`环比下降0.1%`) that differs from the one computed from last week's value.
    MetricChangeDisagrees,
    /// A metric with no value once the week's date is reached.
    MetricWithoutValue,
    /// A `…` placeholder left in once the week's date is reached.
    PlaceholderLeft,
    /// An item exactly as in last week's file (which `weekly new` recorded), once the week's
    /// date is reached.
    ItemUnchangedFromLastWeek,
    /// A derived field of `render -f json` output that the week's text no longer gives.
    DerivedFactDisagrees,
    /// An action of a meeting's agenda that names nobody to do it.
    ActionUnowned,
}

impl Code {
    /// The kebab-case code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ItemWithoutOutcome => "item-without-outcome",
            Code::ProgressRegressed => "progress-regressed",
            Code::Overdue => "overdue",
            Code::MetricBelowTarget => "metric-below-target",
            Code::MetricWorseThanPrevious => "metric-worse-than-previous",
            Code::MetricUnitChanged => "metric-unit-changed",
            Code::IncidentIncomplete => "incident-incomplete",
            Code::IncidentCountMismatch => "incident-count-mismatch",
            Code::RiskIncomplete => "risk-incomplete",
            Code::WeekDateMismatch => "week-date-mismatch",
            Code::EmptySection => "empty-section",
            Code::MetricLineNotRead => "metric-line-not-read",
            Code::MetricChangeDisagrees => "metric-change-disagrees",
            Code::MetricWithoutValue => "metric-without-value",
            Code::PlaceholderLeft => "placeholder-left",
            Code::ItemUnchangedFromLastWeek => "item-unchanged-from-last-week",
            Code::DerivedFactDisagrees => "derived-fact-disagrees",
            Code::ActionUnowned => "action-unowned",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A message about a place in a named source file (YAML, template or Markdown).
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The code, for lints and coded errors.
    pub code: Option<Code>,
    /// The headline.
    pub message: String,
    /// The file as the user named it.
    pub file: String,
    /// The whole source text, shared between diagnostics of one file.
    pub source: Arc<str>,
    /// 1-based line; 0 when the position is unknown.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    /// Label under the caret.
    pub label: String,
    /// Help lines printed after the snippet.
    pub help: Vec<String>,
    /// Further independent errors found in the same file, printed after this one.
    pub also: Vec<Diagnostic>,
}

impl Diagnostic {
    /// An error at `line:col` of `file`.
    pub fn error(file: &str, source: Arc<str>, line: usize, col: usize, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message,
            file: file.to_string(),
            source,
            line,
            col,
            label: String::new(),
            help: Vec::new(),
            also: Vec::new(),
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Sets the label under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Renders with or without terminal colours, rustc style: `warning[code]: message`, then
    /// ` --> file:line:col`, the source line with a caret, and `= help:` lines.
    pub fn render(&self, color: bool) -> String {
        let mut title = self.level().primary_title(self.message.as_str());
        if let Some(code) = &self.code {
            title = title.id(code.as_str());
        }
        let group = Group::with_title(title).elements(self.elements(true));
        let mut out = renderer(color).render(&[group]);
        for more in &self.also {
            out.push_str("\n\n");
            out.push_str(&more.render(color));
        }
        out
    }

    /// Renders with a located first line, as compilers print for editors and `grep`:
    /// `file:line:col: warning[code]: message` (`file: ...` when the position is unknown),
    /// then the source line with a caret and the `= help:` lines.
    pub fn render_located(&self, color: bool) -> String {
        let place = if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.col)
        };
        let (name, style) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red),
            Severity::Warning => ("warning", AnsiColor::Yellow),
        };
        let code = self
            .code
            .as_ref()
            .map_or(String::new(), |c| format!("[{c}]"));
        let mut out = if color {
            let level = Style::new().bold().fg_color(Some(style.into()));
            let bold = Style::new().bold();
            format!(
                "{bold}{place}:{bold:#} {level}{name}{code}{level:#}{bold}: {}{bold:#}\n",
                self.message
            )
        } else {
            format!("{place}: {name}{code}: {}\n", self.message)
        };
        let elements = self.elements(false);
        if !elements.is_empty() {
            let group = Group::with_level(self.level()).elements(elements);
            out.push_str(&renderer(color).render(&[group]));
            out.push('\n');
        }
        for more in &self.also {
            out.push_str(&more.render_located(color));
        }
        out
    }

    fn level(&self) -> Level<'static> {
        match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
    }

    /// The snippet (with the file path in it when `with_path`) and the help lines.
    fn elements(&self, with_path: bool) -> Vec<Element<'_>> {
        let mut elements: Vec<Element<'_>> = Vec::new();
        if let Some((start, span)) = self.span() {
            let line_text = &self.source[start..];
            let line_text = line_text.split_inclusive('\n').next().unwrap_or("");
            let line_text = line_text.trim_end_matches(['\n', '\r']);
            let mut snippet = Snippet::source(line_text).line_start(self.line).annotation(
                AnnotationKind::Primary
                    .span(span)
                    .label(self.label.as_str()),
            );
            if with_path {
                snippet = snippet.path(self.file.as_str());
            }
            elements.push(snippet.into());
        } else if with_path {
            let place = crate::msg!("diag-in-file", file = self.file.as_str());
            elements.push(Level::NOTE.message(place).into());
        }
        for help in &self.help {
            elements.push(Level::HELP.message(help.as_str()).into());
        }
        elements
    }

    /// The byte offset of the line start and the byte span of the token under the caret,
    /// relative to that line.
    fn span(&self) -> Option<(usize, std::ops::Range<usize>)> {
        if self.line == 0 {
            return None;
        }
        let start = line_start(&self.source, self.line)?;
        let line = self.source[start..].split('\n').next().unwrap_or("");
        let line = line.trim_end_matches('\r');
        let from: usize = line
            .chars()
            .take(self.col.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        let rest = &line[from..];
        let len = token_len(rest);
        Some((start, from..from + len))
    }
}

/// The byte offset where 1-based `line` starts.
fn line_start(source: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    source.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The length of the token at the start of `rest`: up to a space or a YAML key colon.
fn token_len(rest: &str) -> usize {
    if rest.starts_with('：') {
        return '：'.len_utf8();
    }
    let end = rest
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || (c == ':' && i > 0))
        .map_or(rest.len(), |(i, _)| i);
    if end == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        end
    }
}

/// annotate-snippets' renderer, styled or plain.
fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostic {}

/// `s` with the characters a terminal does not show, or shows reordered (zero-width, joiners,
/// direction marks and overrides, controls, the BOM), written as `\u{200b}`, so that a key
/// that looks right but is not can be seen for what it is.
pub fn visible(s: &str) -> String {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{feff}')
            || ('\u{200b}'..='\u{200f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2060}'..='\u{206f}').contains(&c)
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if hidden(c) && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|&(score, _)| score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_col_and_caret_under_cjk() {
        let src: Arc<str> = Arc::from("date: 2023-10-24\n标题: 你好\n  progres: 70\n");
        let d = Diagnostic::error("w.yaml", src, 3, 3, "unknown field `progres`".into())
            .with_help("did you mean `progress`?");
        let out = d.render(false);
        assert!(out.contains("w.yaml:3:3"), "{out}");
        assert!(out.contains("3 |   progres: 70"), "{out}");
        assert!(out.contains("^^^^^^^"), "{out}");
        assert!(out.contains("help: did you mean `progress`?"), "{out}");
    }

    #[test]
    fn located_form_starts_with_file_line_col() {
        let src: Arc<str> = Arc::from("date: 2023-10-24\nweek: 43\n");
        let mut d = Diagnostic::error("w.yaml", src, 2, 7, "week 43 is wrong".into())
            .with_label("here")
            .with_help("write `week: 44`");
        d.severity = Severity::Warning;
        d.code = Some(Code::WeekDateMismatch);
        let out = d.render_located(false);
        assert!(
            out.starts_with("w.yaml:2:7: warning[week-date-mismatch]: week 43 is wrong\n"),
            "{out}"
        );
        assert!(!out.contains("-->"), "{out}");
        assert!(out.contains("2 | week: 43"), "{out}");
        assert!(out.contains("= help: write `week: 44`"), "{out}");
    }

    #[test]
    fn nearest_suggests_only_close_words() {
        assert_eq!(nearest("progres", ["text", "progress"]), Some("progress"));
        assert_eq!(nearest("zzz", ["text", "progress"]), None);
    }
}
