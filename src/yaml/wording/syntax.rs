//! The YAML parser's syntax messages in the writer's words: the parser's wording (a prefix of
//! its message), the headline that says what is wrong, and a help line that says what to write.

use super::Words;

/// The YAML parser's wording (prefix) and ours: the headline and a help line.
const SYNTAX: &[(&str, &str, &str)] = &[
    (
        "simple key expected ':'",
        "expected `:` after a key: a line in a mapping reads `key: value`",
        "to add a list item start the line with `- `; to continue the text above, indent it further than its key",
    ),
    (
        "while parsing a block mapping, did not find expected key",
        "this line does not line up with the keys above it",
        "keys of one mapping start in the same column: check the indentation of this line and the lines above",
    ),
    (
        "while parsing a block collection, did not find expected '-' indicator",
        "this line does not line up with the list above it",
        "the items of one list start with `- ` in the same column",
    ),
    (
        "mapping values are not allowed in this context",
        "a `: ` here would start a second value on one line",
        "put a text holding `: ` in quotes (`text: \"a: b\"`), or check the indentation",
    ),
    (
        "block sequence entries are not allowed in this context",
        "a list item (`- `) cannot start here",
        "start a list on the line after its key (`items:`, then `- …` lines), not after a value",
    ),
    (
        "unclosed quote",
        "this quote is never closed",
        "end the text with the same quote mark, or drop the quotes",
    ),
    (
        "unclosed bracket",
        "this bracket is never closed",
        "close it on the same line (`[a, b]`), or write the list as `- item` lines",
    ),
    (
        "mismatched bracket",
        "this bracket does not match the one that opened",
        "`[` closes with `]`, `{` with `}`",
    ),
    (
        "misplaced bracket",
        "this bracket closes nothing",
        "remove it, or put the text in quotes",
    ),
    // the parser's words for a tab, not "tab" alone: our own messages name the `table` kind
    (
        "tab cannot",
        "a tab indents this line; YAML indents with spaces",
        "replace the tab with spaces",
    ),
    (
        "tabs disallowed",
        "a tab indents this line; YAML indents with spaces",
        "replace the tab with spaces",
    ),
    (
        "found a tab",
        "a tab indents this line; YAML indents with spaces",
        "replace the tab with spaces",
    ),
    (
        "with a tab",
        "a tab indents this line; YAML indents with spaces",
        "replace the tab with spaces",
    ),
    (
        "invalid indentation",
        "this line is indented wrongly",
        "indent it like the lines it belongs with",
    ),
    (
        "wrongly indented line in block scalar",
        "this line of a `|` text is indented less than the text's first line",
        "indent every line of the text at least as far as its first line",
    ),
    (
        "while parsing a node, did not find expected node content",
        "a value is missing here",
        "write a value after the key, or quote a text that starts with a special character",
    ),
    (
        "unexpected EOF",
        "the file ends in the middle of a value",
        "close the last `[`, `{` or quote",
    ),
    (
        "comments must be separated from other tokens by whitespace",
        "a `#` starts a comment only after a space",
        "put a space before `#`, or quote the text",
    ),
    (
        "'-' must be followed by a valid YAML whitespace",
        "a list item needs a space after `-`",
        "write `- item`",
    ),
    (
        "':' must be followed by a valid YAML whitespace",
        "a key needs a space after `:`",
        "write `key: value`",
    ),
    (
        "invalid trailing content after",
        "text follows the closing quote",
        "put the whole text inside the quotes",
    ),
    (
        "unexpected character",
        "this character cannot start a value",
        "put the text in quotes",
    ),
    (
        "while parsing a quoted scalar, found unknown escape character",
        "unknown `\\` escape inside double quotes",
        "write `\\\\` for a backslash, or use single quotes",
    ),
];

/// The parser's message in plain words, when it is one people meet.
pub(super) fn syntax_words(text: &str) -> Option<Words> {
    let (_, message, help) = SYNTAX.iter().find(|(parser, _, _)| text.contains(parser))?;
    Some(Words::new(*message).help(*help))
}
