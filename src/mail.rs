//! `weekly mail`: a week's report as a real e-mail (lettre's message builder): a
//! `multipart/alternative` of the Markdown as `text/plain` and mail-ready HTML, a subject from
//! a template, addresses from flags then `[mail]`, a Message-ID stable for a week file, and
//! `X-Unsent: 1` on drafts.

pub mod html;
pub mod send;

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Mailboxes, MultiPart, SinglePart};

use crate::error::Error;

/// The default subject template for Chinese reports: `第44周周报 2023/10/24`.
pub const SUBJECT_ZH: &str = "第{{ week.number }}周周报 {{ week.date | date_slash }}";

/// The default subject template for English reports: `Week 44 report · 2023-10-24`.
pub const SUBJECT_EN: &str = "Week {{ week.number }} report · {{ week.date }}";

/// Largest attachment accepted: most mail servers refuse messages over 25 MB.
pub const MAX_ATTACHMENT: u64 = 20 * 1024 * 1024;

/// The default subject template for a report language (`en`, else Chinese).
pub fn default_subject(lang: &str) -> &'static str {
    if lang.starts_with("en") {
        SUBJECT_EN
    } else {
        SUBJECT_ZH
    }
}

/// Renders a subject template with the week's header (`week.number`, `week.date`,
/// `week.year`, `week.title`, `week.author`) and the report filters; line breaks become spaces.
pub fn subject(template: &str, header: &impl serde::Serialize) -> Result<String> {
    let env = crate::templates::environment(&crate::templates::Settings::default());
    let week = minijinja::Value::from(minijinja::value::Serde(header));
    let text = env
        .render_str(template, minijinja::context! { week })
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("the subject template `{template}` does not render"))?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        bail!("the subject template `{template}` gives an empty subject");
    }
    Ok(text)
}

/// Addresses as given by flags or `[mail]`, not yet checked.
#[derive(Clone, Debug, Default)]
pub struct Addresses {
    /// `From`.
    pub from: Option<String>,
    /// `To` (each may hold several, comma-separated).
    pub to: Vec<String>,
    /// `Cc`.
    pub cc: Vec<String>,
    /// `Reply-To`.
    pub reply_to: Option<String>,
}

/// Checked addresses.
#[derive(Clone, Debug)]
pub struct Parties {
    /// `From`.
    pub from: Mailbox,
    /// `To`.
    pub to: Vec<Mailbox>,
    /// `Cc`.
    pub cc: Vec<Mailbox>,
    /// `Reply-To`.
    pub reply_to: Option<Mailbox>,
}

impl Addresses {
    /// Parses every address; a missing sender or recipient is a usage mistake.
    pub fn check(&self) -> Result<Parties> {
        let Some(from) = &self.from else {
            return Err(Error::Usage(
                "no sender: give --from ADDRESS or set `from` under [mail] in weekly.toml".into(),
            )
            .into());
        };
        let to = mailboxes(&self.to)?;
        let cc = mailboxes(&self.cc)?;
        if to.is_empty() && cc.is_empty() {
            return Err(Error::Usage(
                "no recipient: give --to ADDRESS or set `to` under [mail] in weekly.toml".into(),
            )
            .into());
        }
        Ok(Parties {
            from: mailbox(from)?,
            to,
            cc,
            reply_to: self.reply_to.as_deref().map(mailbox).transpose()?,
        })
    }
}

fn mailbox(text: &str) -> Result<Mailbox> {
    text.trim()
        .parse()
        .map_err(|e| anyhow::anyhow!("`{text}` is not an e-mail address ({e})"))
}

fn mailboxes(texts: &[String]) -> Result<Vec<Mailbox>> {
    let mut out = Vec::new();
    for text in texts {
        let parsed: Mailboxes = text
            .parse()
            .map_err(|e| anyhow::anyhow!("`{text}` is not a list of e-mail addresses ({e})"))?;
        out.extend(parsed);
    }
    Ok(out)
}

/// A file attached to the mail.
#[derive(Clone, Debug)]
pub struct Attachment {
    /// The file name shown to the reader.
    pub name: String,
    /// Its MIME type.
    pub content_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads a file to attach; its type follows the extension.
pub fn attachment(path: &Path) -> Result<Attachment> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot attach {}", path.display()))?
        .len();
    if size > MAX_ATTACHMENT {
        bail!(
            "cannot attach {}: {size} bytes is over the {MAX_ATTACHMENT}-byte limit mail servers accept",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot attach {}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(|| "attachment".into(), |n| n.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let content_type = match ext.as_str() {
        "md" | "markdown" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "yaml" | "yml" => "application/yaml",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
    .to_string();
    Ok(Attachment {
        name,
        content_type,
        bytes,
    })
}

/// The report to mail.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The Markdown, links already resolved: the text part.
    pub markdown: &'a str,
    /// `zh-CN` or `en`.
    pub lang: &'a str,
    /// The subject.
    pub subject: &'a str,
    /// The week file's name (`2023-W44.yaml`), which with the date and sender names the thread.
    pub file: &'a str,
    /// The week's year and number, for the Message-ID.
    pub year: i32,
    /// The week number.
    pub week: u32,
    /// The report date.
    pub date: NaiveDate,
}

/// Builds the message; a draft carries `X-Unsent: 1` so mail programs open it for sending.
pub fn build(
    report: &Report,
    parties: &Parties,
    attachments: &[Attachment],
    draft: bool,
) -> Result<Message> {
    let html = html::part(report.markdown, report.lang)?;
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(report.markdown.to_string()))
        .singlepart(SinglePart::html(html));
    let body = attachments.iter().fold(
        if attachments.is_empty() {
            alternative.clone()
        } else {
            MultiPart::mixed().multipart(alternative.clone())
        },
        |mixed, a| {
            let ct = ContentType::parse(&a.content_type).unwrap_or(ContentType::TEXT_PLAIN);
            mixed.singlepart(
                lettre::message::Attachment::new(a.name.clone()).body(a.bytes.clone(), ct),
            )
        },
    );
    let (id, thread) = message_ids(report, &parties.from, attachments);
    let mut builder = Message::builder()
        .from(parties.from.clone())
        .subject(report.subject)
        .message_id(Some(id))
        .references(thread)
        .user_agent(format!("weekly {}", env!("CARGO_PKG_VERSION")));
    for to in &parties.to {
        builder = builder.to(to.clone());
    }
    for cc in &parties.cc {
        builder = builder.cc(cc.clone());
    }
    if let Some(reply_to) = &parties.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    if draft {
        let name = HeaderName::new_from_ascii_str("X-Unsent");
        builder = builder.raw_header(HeaderValue::new(name, "1".into()));
    }
    builder.multipart(body).context("cannot build the message")
}

/// (Message-ID, thread id). The thread id names the week file (sender, file name, date), so
/// every version of a week's mail threads together; the Message-ID adds a hash of the content,
/// so sending the same report twice gives the same id (mail programs keep one copy) while a
/// corrected report is a new message in the same thread.
pub fn message_ids(
    report: &Report,
    from: &Mailbox,
    attachments: &[Attachment],
) -> (String, String) {
    let sender = from.email.to_string();
    let week = fnv(&[
        sender.as_bytes(),
        report.file.as_bytes(),
        report.date.to_string().as_bytes(),
    ]);
    let mut parts: Vec<&[u8]> = vec![report.subject.as_bytes(), report.markdown.as_bytes()];
    for a in attachments {
        parts.extend([a.name.as_bytes(), a.bytes.as_slice()]);
    }
    let content = fnv(&parts);
    let stem = format!("weekly.{}-W{:02}.{week:016x}", report.year, report.week);
    let domain = from.email.domain();
    (
        format!("<{stem}.{:08x}@{domain}>", content >> 32),
        format!("<{stem}@{domain}>"),
    )
}

/// FNV-1a over byte strings (each followed by a 0xff separator): stable across builds.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter().chain(&[0xff])) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// What `--dry-run` prints: the headers that matter, the envelope and the way out.
pub fn envelope(
    message: &Message,
    transport: &send::Transport,
    attachments: &[Attachment],
) -> String {
    let mut out = String::new();
    let headers = message.headers();
    for name in [
        "From",
        "To",
        "Cc",
        "Reply-To",
        "Subject",
        "Message-ID",
        "References",
    ] {
        if let Some(value) = headers.get_raw(name) {
            let _ = writeln!(out, "{name}: {value}");
        }
    }
    for a in attachments {
        let _ = writeln!(
            out,
            "Attachment: {} ({}, {} bytes)",
            a.name,
            a.content_type,
            a.bytes.len()
        );
    }
    let env = message.envelope();
    let sender = env.from().map(ToString::to_string).unwrap_or_default();
    let rcpt: Vec<String> = env.to().iter().map(ToString::to_string).collect();
    let _ = writeln!(
        out,
        "Envelope: from <{sender}> to {}",
        rcpt.iter()
            .map(|r| format!("<{r}>"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out, "Via: {}", transport.describe());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report<'a>(markdown: &'a str, subject: &'a str) -> Report<'a> {
        Report {
            markdown,
            lang: "zh-CN",
            subject,
            file: "2023-W44.yaml",
            year: 2023,
            week: 44,
            date: NaiveDate::from_ymd_opt(2023, 10, 24).unwrap(),
        }
    }

    #[test]
    fn message_ids_thread_a_week_and_follow_its_content() {
        let from: Mailbox = "李雷 <lead@example.com>".parse().unwrap();
        let (a, thread) = message_ids(&report("# x\n", "s"), &from, &[]);
        let (b, thread_b) = message_ids(&report("# x\n", "s"), &from, &[]);
        let (c, thread_c) = message_ids(&report("# y\n", "s"), &from, &[]);
        assert_eq!((&a, &thread), (&b, &thread_b));
        assert_ne!(a, c);
        assert_eq!(thread, thread_c);
        assert!(thread.starts_with("<weekly.2023-W44.") && thread.ends_with("@example.com>"));
    }

    #[test]
    fn default_subjects_in_both_languages() {
        let header = serde_json::json!({"number": 44, "date": "2023-10-24", "year": 2023});
        assert_eq!(
            subject(SUBJECT_ZH, &header).unwrap(),
            "第44周周报 2023/10/24"
        );
        assert_eq!(
            subject(SUBJECT_EN, &header).unwrap(),
            "Week 44 report · 2023-10-24"
        );
        assert_eq!(subject("a\n{{ week.year }}", &header).unwrap(), "a 2023");
        assert!(subject("{{ week.nope }}", &header).is_err());
        assert!(subject("{% if", &header).is_err());
    }

    #[test]
    fn a_missing_recipient_is_a_usage_mistake() {
        let addresses = Addresses {
            from: Some("a@example.com".into()),
            ..Addresses::default()
        };
        let err = addresses.check().unwrap_err();
        assert!(
            err.downcast_ref::<Error>()
                .is_some_and(|e| matches!(e, Error::Usage(_))),
            "{err}"
        );
        let addresses = Addresses {
            from: Some("a@example.com".into()),
            to: vec!["b@example.com, 张三 <c@example.com>".into()],
            ..Addresses::default()
        };
        assert_eq!(addresses.check().unwrap().to.len(), 2);
    }
}
