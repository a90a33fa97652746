//! Messages in the writer's language: one Fluent catalogue per language (`messages/en.ftl`,
//! `messages/zh.ftl`), compiled into the binary, and the rule that picks the language.
//!
//! A message is looked up by its id with [`msg!`](crate::msg): `msg!("empty-section", what = name)`.
//! The language is chosen once per run ([`set`]): the chosen template's language, else
//! `[ui] lang` in weekly.toml, else `LC_ALL`/`LC_MESSAGES`/`LANG`, else English.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language messages are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Chinese (简体中文).
    Zh,
    /// English.
    En,
}

/// The catalogues: (language, Fluent source).
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("messages/en.ftl")),
    (Lang::Zh, include_str!("messages/zh.ftl")),
];

impl Lang {
    /// The language of a tag such as `zh`, `zh-CN`, `zh_CN.UTF-8`, `en` or `en_US`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that
    /// is set and not empty decides (as for any POSIX program); `zh*` is Chinese, anything else
    /// English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or(Lang::En)
    }

    /// The language of a report template named `template` (a built-in name, a file name in
    /// the templates folder or a path): `zh…` or `en…` by its file name, else unknown.
    pub fn of_template(template: &str) -> Option<Lang> {
        let name = std::path::Path::new(template)
            .file_name()
            .map_or(template.into(), |n| n.to_string_lossy());
        Lang::from_tag(&name)
    }

    /// The language of a run: the template's, else `[ui] lang`, else the environment's.
    pub fn choose(template: Option<&str>, ui: Option<Lang>) -> Lang {
        template
            .and_then(Lang::of_template)
            .or(ui)
            .unwrap_or_else(Lang::from_env)
    }

    /// The tag written in weekly.toml and printed by `weekly config`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run's messages; the first call wins.
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run's messages (English until [`set`]).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

/// The catalogue of `lang`, parsed once.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static ZH: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    cell.get_or_init(|| {
        let source = CATALOGUES.iter().find(|(l, _)| *l == lang).map(|c| c.1);
        let resource = FluentResource::try_new(source.unwrap_or_default().to_string())
            .unwrap_or_else(|(resource, _)| resource);
        let tag = match lang {
            Lang::En => "en",
            Lang::Zh => "zh",
        };
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a valid tag")]);
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// A message's arguments.
pub type Args = FluentArgs<'static>;

/// Something a message can take as an argument: text, or a number (which can choose a
/// plural form).
pub trait Arg {
    /// The Fluent value.
    fn arg(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Arg for usize {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for u32 {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

/// The message `id` in this run's language with `args`; the id itself when no catalogue
/// has it (a test keeps every id used in the code in both catalogues).
pub fn text(id: &str, args: &Args) -> String {
    text_in(lang(), id, args)
}

/// The message `id` in `lang`.
pub fn text_in(lang: Lang, id: &str, args: &Args) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned()
}

/// A message of the catalogue in this run's language, by its id, with its arguments if any:
/// `msg!("overdue-help")`, `msg!("overdue-label", due = date.to_string())`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::messages::text($id, &$crate::messages::Args::new())
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::messages::Args::new();
        $( args.set(stringify!($key), $crate::messages::Arg::arg($value)); )+
        $crate::messages::text($id, &args)
    }};
}

#[cfg(test)]
mod tests;
