//! Rendering: a week (or any YAML, with `--raw`) through a template to Markdown, HTML or JSON.
//!
//! A [`Renderer`] builds its template environment once; `--out-dir` renders many weeks with it.

use anyhow::Result;
use std::sync::Arc;

use minijinja::{Environment, Value};

use crate::dates::WeekNumbering;
use crate::facts;
use crate::markdown;
use crate::sanitize::{self, SafeHtml};
use crate::templates::{self, Choice, Settings};
use crate::view::{self, Options};
use crate::week::{Directions, Week};

/// Output formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown through the template.
    #[default]
    Md,
    /// A whole HTML5 page made from the Markdown.
    Html,
    /// The week as JSON with every derived fact beside its text (reads back as input).
    Json,
}

impl Format {
    /// The file extension of this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// What a render made: the text, and warnings about what it left out (remote images in HTML).
#[derive(Debug, Default)]
pub struct Rendered {
    /// The output.
    pub text: String,
    /// One line each, for the user.
    pub warnings: Vec<String>,
}

impl From<String> for Rendered {
    fn from(text: String) -> Rendered {
        Rendered {
            text,
            warnings: Vec::new(),
        }
    }
}

/// A template environment ready to render weeks with one chosen template.
pub struct Renderer {
    /// Shared with each render's thread, so a template imported at render time (`blocks.md.j2`)
    /// is compiled once and kept, not once per week.
    env: Arc<Environment<'static>>,
    dirs: Vec<std::path::PathBuf>,
    timeout: std::time::Duration,
    template: String,
    rule: WeekNumbering,
    options: Options,
    directions: Directions,
    links_base: Option<url::Url>,
    overran: Option<fn(anyhow::Error) -> !>,
}

impl Renderer {
    /// Builds the environment and checks that the chosen template loads and compiles.
    pub fn new(
        mut settings: Settings,
        choice: Choice,
        rule: WeekNumbering,
        options: Options,
    ) -> Result<Renderer> {
        if let Some(dir) = choice.dir {
            settings.dirs.insert(0, dir);
        }
        let mut env = templates::environment(&settings);
        templates::add_builtin(&mut env, &choice.name, &settings.dirs);
        let timeout = settings.timeout;
        match env.get_template(&choice.name) {
            Ok(_) => {}
            Err(e) if e.kind() == minijinja::ErrorKind::TemplateNotFound => {
                anyhow::bail!(
                    "template `{}` not found (built-in: zh, en; see `weekly templates list`)",
                    choice.name
                )
            }
            Err(e) => return Err(templates::diagnose(&e, &settings.dirs)),
        }
        Ok(Renderer {
            env: Arc::new(env),
            dirs: settings.dirs,
            timeout,
            template: choice.name,
            rule,
            options,
            directions: Directions::default(),
            links_base: None,
            overran: None,
        })
    }

    /// Which way metrics are better where they do not say (the config's `[metrics]` table).
    pub fn with_directions(mut self, directions: Directions) -> Renderer {
        self.directions = directions;
        self
    }

    /// The address relative links are made absolute against (`[links] base`), so a report
    /// pasted into a wiki or opened outside its folder keeps working links.
    pub fn with_links_base(mut self, base: Option<url::Url>) -> Renderer {
        self.links_base = base;
        self
    }

    /// For a run that renders once and ends: each render runs on the calling thread, and a
    /// render that runs past its deadline (a second after, when the checks inside the
    /// template could not stop it) is handed to `overran`, which reports it and ends the
    /// process. Without it each render runs on a worker thread and such a render is an error
    /// the caller gets back (a batch goes on, a watch waits for the next change).
    ///
    /// The templates the chosen one imports on every render are compiled now, before a week is
    /// read, so that the memory of their parse is reused by the week instead of adding to it
    /// (a batch's worker compiles them once either way).
    pub fn once(mut self, overran: fn(anyhow::Error) -> !) -> Renderer {
        self.overran = Some(overran);
        for imported in templates::imported_at_once(&self.template, &self.dirs) {
            if let Some(env) = Arc::get_mut(&mut self.env) {
                templates::add_builtin(env, imported, &self.dirs);
            }
            // an error here is the render's to report, where it reports it now
            let _ = self.env.get_template(imported);
        }
        self
    }

    /// Renders a week in `format`.
    pub fn week(&self, week: &Week, format: Format) -> Result<Rendered> {
        match format {
            Format::Md => Ok(self.linked(self.markdown(week)?).into()),
            Format::Html => {
                let md = self.linked(self.markdown(week)?);
                self.page(&md, self.lang())
            }
            Format::Json => Ok(facts::to_json(week, self.rule, &self.directions)?.into()),
        }
    }

    /// `markdown` with its relative links made absolute when a base is configured.
    fn linked(&self, markdown: String) -> String {
        match &self.links_base {
            Some(base) => crate::links::resolve(&markdown, Some(base)).markdown,
            None => markdown,
        }
    }

    /// The report's language, from the template's name: `en` or `zh-CN`.
    pub fn lang(&self) -> &'static str {
        if self.template.starts_with("en") {
            "en"
        } else {
            "zh-CN"
        }
    }

    /// The week's Markdown through the chosen template.
    pub fn markdown(&self, week: &Week) -> Result<String> {
        let ctx = view::context(week, self.rule, self.options, &self.directions);
        self.render(Value::from(minijinja::value::Serde(&ctx)))
    }

    /// Any data through the chosen template: top-level keys become variables (`--raw`).
    pub fn raw(&self, data: &serde_json::Value) -> Result<String> {
        self.render(Value::from(minijinja::value::Serde(data)))
    }

    /// A whole HTML page around rendered Markdown, its body sanitised (no scripts, nothing
    /// fetched from elsewhere).
    pub fn page(&self, markdown_text: &str, lang: &str) -> Result<Rendered> {
        let title = markdown::first_heading(markdown_text).unwrap_or_else(|| "weekly".into());
        let SafeHtml { html, warnings } = sanitize::to_html(markdown_text);
        let body = templates::safe(html);
        let ctx = minijinja::context! { title, lang, body };
        let text = self.run("page.html.j2", ctx)?;
        Ok(Rendered { text, warnings })
    }

    /// Renders the chosen template on its own thread, under the render deadline.
    fn render(&self, ctx: Value) -> Result<String> {
        self.run(&self.template, ctx)
    }

    /// Renders template `name` under the render deadline and text cap: on the calling thread
    /// after [`once`](Renderer::once), else on a worker thread.
    fn run(&self, name: &str, ctx: Value) -> Result<String> {
        let shown = templates::shown(name, &self.dirs);
        if let Some(overran) = self.overran {
            return crate::deadline::run_here(self.timeout, &shown, overran, || {
                run_template(&self.env, name, ctx, &self.dirs)
            });
        }
        let env = Arc::clone(&self.env);
        let dirs = self.dirs.clone();
        let name = name.to_string();
        crate::deadline::run(self.timeout, &shown, move || {
            run_template(&env, &name, ctx, &dirs)
        })
    }
}

/// Template `name` of `env` rendered with `ctx`; an error says where, among `dirs`.
fn run_template(
    env: &Environment<'static>,
    name: &str,
    ctx: Value,
    dirs: &[std::path::PathBuf],
) -> Result<String> {
    let tpl = env
        .get_template(name)
        .map_err(|e| templates::diagnose(&e, dirs))?;
    tpl.render(ctx).map_err(|e| templates::diagnose(&e, dirs))
}
