//! The `[mail]`, `[mail.smtp]` and `[links]` tables of `weekly.toml`: who a report is mailed
//! to and how, and where relative links point. A password never comes from the file.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::Deserialize;
use url::Url;

use super::{Setting, fill};

/// `[mail]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct MailFile {
    from: Option<String>,
    to: Option<OneOrMany>,
    cc: Option<OneOrMany>,
    reply_to: Option<String>,
    subject: Option<String>,
    sendmail: Option<PathBuf>,
    smtp: Option<SmtpFile>,
}

/// `[links]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LinksFile {
    base: Option<String>,
}

/// One address or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// `[mail.smtp]` as written; `password` is read only to be refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SmtpFile {
    host: String,
    port: Option<u16>,
    #[serde(default)]
    tls: Tls,
    user: Option<String>,
    password_env: Option<String>,
    password_command: Option<String>,
    password: Option<toml::Value>,
}

/// How the SMTP connection is protected.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Tls {
    /// Plain connection upgraded with STARTTLS (port 587); the upgrade is required.
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption (a relay on the same machine).
    None,
}

impl Tls {
    /// The name as written in the config.
    pub fn name(self) -> &'static str {
        match self {
            Tls::Starttls => "starttls",
            Tls::Tls => "tls",
            Tls::None => "none",
        }
    }

    /// The usual port for this kind of connection.
    pub fn default_port(self) -> u16 {
        match self {
            Tls::Starttls => 587,
            Tls::Tls => 465,
            Tls::None => 25,
        }
    }
}

/// Where the SMTP password comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Password {
    /// No login.
    None,
    /// An environment variable, by name.
    Env(String),
    /// A command whose first line of output is the password (`pass show mail`).
    Command(String),
}

/// An SMTP server to send through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Smtp {
    /// Host name.
    pub host: String,
    /// Port (default by `tls`: 587, 465 or 25).
    pub port: u16,
    /// Connection security.
    pub tls: Tls,
    /// Login name, if the server wants one.
    pub user: Option<String>,
    /// Where the password comes from.
    pub password: Password,
}

/// The mail settings, each with the file it came from.
#[derive(Clone, Debug, Default)]
pub struct Mail {
    /// `From`.
    pub from: Option<Setting<String>>,
    /// `To`.
    pub to: Option<Setting<Vec<String>>>,
    /// `Cc`.
    pub cc: Option<Setting<Vec<String>>>,
    /// `Reply-To`.
    pub reply_to: Option<Setting<String>>,
    /// The subject template.
    pub subject: Option<Setting<String>>,
    /// The sendmail program.
    pub sendmail: Option<Setting<PathBuf>>,
    /// The SMTP server; when set, mail goes there instead of to sendmail.
    pub smtp: Option<Setting<Smtp>>,
}

impl Mail {
    /// Fills the settings still unset from one file's `[mail]`.
    pub(super) fn layer(&mut self, file: MailFile, path: &Path) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let sendmail = file.sendmail.map(|p| {
            if p.is_relative() && p.components().count() > 1 {
                super::normalize(&dir.join(p))
            } else {
                p
            }
        });
        let smtp = file.smtp.map(smtp).transpose()?;
        fill(&mut self.from, file.from, path);
        fill(&mut self.to, file.to.map(OneOrMany::into_vec), path);
        fill(&mut self.cc, file.cc.map(OneOrMany::into_vec), path);
        fill(&mut self.reply_to, file.reply_to, path);
        fill(&mut self.subject, file.subject, path);
        fill(&mut self.sendmail, sendmail, path);
        fill(&mut self.smtp, smtp, path);
        Ok(())
    }
}

/// Checks `[mail.smtp]`: no password in the file, one password source, a login to use it.
fn smtp(file: SmtpFile) -> Result<Smtp> {
    if file.password.is_some() {
        bail!(
            "[mail.smtp] password is refused: a config file is no place for a secret; \
             name an environment variable with password-env or a command with password-command"
        );
    }
    let password = match (file.password_env, file.password_command) {
        (Some(_), Some(_)) => {
            bail!("[mail.smtp] has both password-env and password-command: keep one")
        }
        (Some(var), None) => Password::Env(var),
        (None, Some(cmd)) => Password::Command(cmd),
        (None, None) => Password::None,
    };
    if file.user.is_none() && password != Password::None {
        bail!("[mail.smtp] has a password source but no user");
    }
    Ok(Smtp {
        host: file.host,
        port: file.port.unwrap_or(file.tls.default_port()),
        tls: file.tls,
        user: file.user,
        password,
    })
}

/// Reads `[links] base`, refusing anything but an absolute URL.
pub(super) fn links_base(file: LinksFile) -> Result<Option<Url>> {
    file.base
        .map(|b| crate::links::parse_base(&b).map_err(|e| anyhow::anyhow!("[links] base {e}")))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smtp_of(text: &str) -> Result<Smtp> {
        let file: SmtpFile = toml::from_str(text)?;
        smtp(file)
    }

    #[test]
    fn a_password_in_the_file_is_refused() {
        let err = smtp_of("host = \"h\"\nuser = \"u\"\npassword = \"hunter2\"\n").unwrap_err();
        assert!(err.to_string().contains("password-env"), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn ports_follow_the_tls_mode() {
        let s = smtp_of("host = \"h\"\ntls = \"tls\"\n").unwrap();
        assert_eq!((s.port, s.password), (465, Password::None));
        let s = smtp_of("host = \"h\"\nuser = \"u\"\npassword-command = \"pass x\"\n").unwrap();
        assert_eq!((s.port, s.tls), (587, Tls::Starttls));
        assert!(smtp_of("host = \"h\"\npassword-env = \"P\"\n").is_err());
        assert!(smtp_of("host = \"h\"\ntls = \"ssl\"\n").is_err());
    }
}
