//! `weekly mail`: a week's report as an e-mail draft on stdout or in a file, or sent.

use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::cli::MailArgs;
use crate::config::Config;
use crate::destination;
use crate::input;
use crate::links;
use crate::mail::{self, Addresses, Report, send::Transport};
use crate::msg;
use crate::output::{write_atomic, write_stdout};
use crate::render::Renderer;
use crate::templates::{self, Settings};
use crate::view::{self, Options};
use crate::week::Week;

/// Runs `weekly mail`.
pub fn run(args: MailArgs, ctx: Ctx, config: &Config) -> Result<()> {
    let name = match &args.input {
        Some(name) => name.clone(),
        None => destination::this_week(config, chrono::Local::now().date_naive(), ctx.rule)?,
    };
    let source = input::read(&name, args.max_size)?;
    let week = Week::from_source(&source, ctx.rule)?;
    let renderer = renderer(&args, ctx, config)?;
    let markdown = renderer
        .markdown(&week)
        .with_context(|| format!("while rendering {name}"))?;
    let resolved = links::resolve(&markdown, config.links_base.as_ref().map(|b| &b.value));
    if !args.quiet {
        warn_unresolved(&resolved.unresolved);
    }
    let header = view::context(&week, ctx.rule, Options::default(), &config.metrics).week;
    let template = match (&args.subject, &config.mail.subject) {
        (Some(flag), _) => flag.clone(),
        (None, Some(setting)) => setting.value.clone(),
        (None, None) => mail::default_subject(renderer.lang()).to_string(),
    };
    let subject = mail::subject(&template, &header)?;
    let parties = addresses(&args, config).check()?;
    let attachments = args
        .attach
        .iter()
        .map(|p| mail::attachment(p))
        .collect::<Result<Vec<_>>>()?;
    let file = Path::new(&name)
        .file_name()
        .map_or_else(|| "stdin".into(), |n| n.to_string_lossy().into_owned());
    let report = Report {
        markdown: &resolved.markdown,
        lang: renderer.lang(),
        subject: &subject,
        file: &file,
        year: ctx.rule.week_of(week.day()).0,
        week: week.number(),
        date: week.day(),
    };
    let draft = !args.send && !args.dry_run;
    let message = mail::build(&report, &parties, &attachments, draft)?;
    let transport = transport(config);
    if args.dry_run {
        let text = mail::envelope(&message, &transport, &attachments);
        let nothing = msg!("mail-dry-run");
        return write_stdout(format!("{text}{nothing}\n").as_bytes());
    }
    if args.send {
        transport.send(&message)?;
        if !args.quiet {
            let via = transport.describe();
            eprintln!("{}", msg!("mail-sent", subject = &subject, via = via));
        }
        return Ok(());
    }
    match &args.output {
        Some(path) => write_atomic(path, &message.formatted()),
        None => write_stdout(&message.formatted()),
    }
}

/// The template environment, as `render` builds it from flags and weekly.toml.
fn renderer(args: &MailArgs, ctx: Ctx, config: &Config) -> Result<Renderer> {
    let settings = Settings {
        dirs: config
            .templates(None)
            .into_iter()
            .map(|d| d.value)
            .collect(),
        timeout: config.render_timeout(None),
        ..Settings::default()
    };
    let choice = templates::choose(&config.template(args.template.as_deref()).value)?;
    Ok(
        Renderer::new(settings, choice, ctx.rule, Options::default())?
            .with_directions(config.metrics.clone()),
    )
}

/// Flags first, then `[mail]`.
fn addresses(args: &MailArgs, config: &Config) -> Addresses {
    let mail = &config.mail;
    let list = |flag: &Vec<String>, setting: &Option<crate::config::Setting<Vec<String>>>| {
        if flag.is_empty() {
            setting
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_default()
        } else {
            flag.clone()
        }
    };
    Addresses {
        from: args
            .from
            .clone()
            .or_else(|| mail.from.as_ref().map(|s| s.value.clone())),
        to: list(&args.to, &mail.to),
        cc: list(&args.cc, &mail.cc),
        reply_to: args
            .reply_to
            .clone()
            .or_else(|| mail.reply_to.as_ref().map(|s| s.value.clone())),
    }
}

/// `[mail.smtp]` when set, else sendmail (configured, or the usual path).
fn transport(config: &Config) -> Transport {
    match (&config.mail.smtp, &config.mail.sendmail) {
        (Some(smtp), _) => Transport::Smtp(smtp.value.clone()),
        (None, Some(path)) => Transport::Sendmail(path.value.clone()),
        (None, None) => Transport::Sendmail(mail::send::DEFAULT_SENDMAIL.into()),
    }
}

/// Says which relative links the mail shows as text, for want of `[links] base`.
fn warn_unresolved(unresolved: &[String]) {
    if unresolved.is_empty() {
        return;
    }
    let count = unresolved.len();
    eprintln!("warning: {}", msg!("mail-unresolved-links", count = count));
    for dest in unresolved {
        eprintln!("  {dest}");
    }
}
