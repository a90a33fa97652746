//! The YAML parser's syntax messages in the writer's words: the parser's wording (a prefix of
//! its message), the headline that says what is wrong, and a help line that says what to write.

use super::Words;
use crate::msg;

/// Our words for one of the parser's messages: the headline and a help line, from the
/// catalogue (`yaml-syntax-…`) in the language of the run.
type Reworded = fn() -> Words;

/// The YAML parser's wording (a prefix of its message) and ours.
const SYNTAX: &[(&str, Reworded)] = &[
    ("simple key expected ':'", || {
        Words::new(msg!("yaml-syntax-simple-key")).help(msg!("yaml-syntax-simple-key-help"))
    }),
    (
        "while parsing a block mapping, did not find expected key",
        || {
            Words::new(msg!("yaml-syntax-keys-misaligned"))
                .help(msg!("yaml-syntax-keys-misaligned-help"))
        },
    ),
    (
        "while parsing a block collection, did not find expected '-' indicator",
        || {
            Words::new(msg!("yaml-syntax-list-misaligned"))
                .help(msg!("yaml-syntax-list-misaligned-help"))
        },
    ),
    ("mapping values are not allowed in this context", || {
        Words::new(msg!("yaml-syntax-colon-in-value")).help(msg!("yaml-syntax-colon-in-value-help"))
    }),
    (
        "block sequence entries are not allowed in this context",
        || Words::new(msg!("yaml-syntax-dash-here")).help(msg!("yaml-syntax-dash-here-help")),
    ),
    ("unclosed quote", || {
        Words::new(msg!("yaml-syntax-unclosed-quote")).help(msg!("yaml-syntax-unclosed-quote-help"))
    }),
    ("unclosed bracket", || {
        Words::new(msg!("yaml-syntax-unclosed-bracket"))
            .help(msg!("yaml-syntax-unclosed-bracket-help"))
    }),
    ("mismatched bracket", || {
        Words::new(msg!("yaml-syntax-mismatched-bracket"))
            .help(msg!("yaml-syntax-mismatched-bracket-help"))
    }),
    ("misplaced bracket", || {
        Words::new(msg!("yaml-syntax-misplaced-bracket"))
            .help(msg!("yaml-syntax-misplaced-bracket-help"))
    }),
    // the parser's words for a tab, not "tab" alone: our own messages name the `table` kind
    ("tab cannot", tab),
    ("tabs disallowed", tab),
    ("found a tab", tab),
    ("with a tab", tab),
    ("invalid indentation", || {
        Words::new(msg!("yaml-syntax-bad-indent")).help(msg!("yaml-syntax-bad-indent-help"))
    }),
    ("wrongly indented line in block scalar", || {
        Words::new(msg!("yaml-syntax-block-indent")).help(msg!("yaml-syntax-block-indent-help"))
    }),
    (
        "while parsing a node, did not find expected node content",
        || {
            Words::new(msg!("yaml-syntax-value-missing"))
                .help(msg!("yaml-syntax-value-missing-help"))
        },
    ),
    ("unexpected EOF", || {
        Words::new(msg!("yaml-syntax-unexpected-end")).help(msg!("yaml-syntax-unexpected-end-help"))
    }),
    (
        "comments must be separated from other tokens by whitespace",
        || {
            Words::new(msg!("yaml-syntax-comment-space"))
                .help(msg!("yaml-syntax-comment-space-help"))
        },
    ),
    ("'-' must be followed by a valid YAML whitespace", || {
        Words::new(msg!("yaml-syntax-dash-space")).help(msg!("yaml-syntax-dash-space-help"))
    }),
    ("':' must be followed by a valid YAML whitespace", || {
        Words::new(msg!("yaml-syntax-colon-space")).help(msg!("yaml-syntax-colon-space-help"))
    }),
    ("invalid trailing content after", || {
        Words::new(msg!("yaml-syntax-after-quote")).help(msg!("yaml-syntax-after-quote-help"))
    }),
    ("unexpected character", || {
        Words::new(msg!("yaml-syntax-bad-start")).help(msg!("yaml-syntax-bad-start-help"))
    }),
    (
        "while parsing a quoted scalar, found unknown escape character",
        || {
            Words::new(msg!("yaml-syntax-unknown-escape"))
                .help(msg!("yaml-syntax-unknown-escape-help"))
        },
    ),
];

/// A tab before the content, in any of the parser's words for it.
fn tab() -> Words {
    Words::new(msg!("yaml-syntax-tab")).help(msg!("yaml-syntax-tab-help"))
}

/// The parser's message in plain words, when it is one people meet.
pub(super) fn syntax_words(text: &str) -> Option<Words> {
    let (_, words) = SYNTAX.iter().find(|(parser, _)| text.contains(parser))?;
    Some(words())
}
