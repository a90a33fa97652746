//! Diagnostics that point into a source file: rustc-style snippets with a caret.

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Stops the command: exit 1.
    Error,
    /// Reported; fails only under `--deny-warnings`.
    Warning,
}

/// A message about a place in a named source file (YAML, template or Markdown).
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short kebab-case code such as `metric-below-target`, for lints.
    pub code: Option<String>,
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

    /// Renders with or without terminal colours.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut title = level.primary_title(self.message.as_str());
        if let Some(code) = &self.code {
            title = title.id(code.as_str());
        }
        let mut group = Group::with_title(title);
        if let Some((start, span)) = self.span() {
            let line_text = &self.source[start..];
            let line_text = line_text.split_inclusive('\n').next().unwrap_or("");
            let line_text = line_text.trim_end_matches(['\n', '\r']);
            group = group.element(
                Snippet::source(line_text)
                    .line_start(self.line)
                    .path(self.file.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(span)
                            .label(self.label.as_str()),
                    ),
            );
        } else {
            group = group.element(Level::NOTE.message(format!("in {}", self.file)));
        }
        for help in &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostic {}

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
    fn nearest_suggests_only_close_words() {
        assert_eq!(nearest("progres", ["text", "progress"]), Some("progress"));
        assert_eq!(nearest("zzz", ["text", "progress"]), None);
    }
}
