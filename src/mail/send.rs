//! Handing a message over: to a `sendmail` program (`sendmail -t -i`, the message on its
//! stdin) or to an SMTP server through lettre. One attempt per run, never a retry, so a
//! message is never sent twice; every failure says what happened.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls as LettreTls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport as _};

use crate::config::{Password, Smtp, Tls};

/// Where `sendmail` usually is.
pub const DEFAULT_SENDMAIL: &str = "/usr/sbin/sendmail";

/// The way out.
#[derive(Clone, Debug)]
pub enum Transport {
    /// A sendmail-compatible program (sendmail, msmtp, postfix), run as `PATH -t -i`.
    Sendmail(PathBuf),
    /// An SMTP server.
    Smtp(Smtp),
}

impl Transport {
    /// One line saying where mail goes: `sendmail /usr/sbin/sendmail -t -i`.
    pub fn describe(&self) -> String {
        match self {
            Transport::Sendmail(path) => format!("sendmail {} -t -i", path.display()),
            Transport::Smtp(s) => {
                let login = s
                    .user
                    .as_ref()
                    .map(|u| format!(", as {u}"))
                    .unwrap_or_default();
                format!("smtp {}:{} ({}{login})", s.host, s.port, s.tls.name())
            }
        }
    }

    /// Sends `message` once.
    pub fn send(&self, message: &Message) -> Result<()> {
        match self {
            Transport::Sendmail(path) => sendmail(path, &message.formatted()),
            Transport::Smtp(smtp) => send_smtp(smtp, message),
        }
    }
}

/// Runs `path -t -i` with the message on stdin; a missing program or a failure status is an
/// error with what the program said.
fn sendmail(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut child = Command::new(path)
        .args(["-t", "-i"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!(
                "cannot send: there is no sendmail at {} (set [mail] sendmail or [mail.smtp] in weekly.toml)",
                path.display()
            ),
            _ => anyhow::Error::new(e).context(format!("cannot run {}", path.display())),
        })?;
    let written = child.stdin.take().map(|mut stdin| stdin.write_all(bytes));
    let out = child
        .wait_with_output()
        .with_context(|| format!("cannot run {}", path.display()))?;
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if !out.status.success() {
        let said = if said.is_empty() { "nothing" } else { &said };
        bail!(
            "{} -t -i failed ({}); it said: {said}",
            path.display(),
            out.status
        );
    }
    if let Some(Err(e)) = written {
        return Err(e).with_context(|| format!("cannot write the message to {}", path.display()));
    }
    Ok(())
}

/// Sends through an SMTP server; the server's refusal is the error.
fn send_smtp(smtp: &Smtp, message: &Message) -> Result<()> {
    let mut builder = SmtpTransport::builder_dangerous(&smtp.host).port(smtp.port);
    let tls = || {
        TlsParameters::new(smtp.host.clone())
            .with_context(|| format!("cannot set up TLS for {}", smtp.host))
    };
    builder = builder.tls(match smtp.tls {
        Tls::Starttls => LettreTls::Required(tls()?),
        Tls::Tls => LettreTls::Wrapper(tls()?),
        Tls::None => LettreTls::None,
    });
    if let Some(user) = &smtp.user {
        builder = builder.credentials(Credentials::new(user.clone(), password(&smtp.password)?));
    }
    builder
        .build()
        .send(message)
        .map(|_| ())
        .map_err(|e| anyhow::anyhow!("{}", smtp_error(&e)))
        .with_context(|| format!("cannot send through {}:{}", smtp.host, smtp.port))
}

/// lettre's error with its causes on one line (the server's reply is in the message).
fn smtp_error(err: &lettre::transport::smtp::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// The SMTP password, from the environment or a command's first line of output.
fn password(source: &Password) -> Result<String> {
    match source {
        Password::None => Ok(String::new()),
        Password::Env(var) => std::env::var(var).with_context(|| {
            format!("the SMTP password: environment variable {var} (password-env) is not set")
        }),
        Password::Command(cmd) => {
            let out = Command::new("sh")
                .args(["-c", cmd])
                .stdin(Stdio::null())
                .stderr(Stdio::inherit())
                .output()
                .with_context(|| format!("the SMTP password: cannot run `{cmd}`"))?;
            if !out.status.success() {
                bail!("the SMTP password: `{cmd}` failed ({})", out.status);
            }
            let text = String::from_utf8(out.stdout)
                .with_context(|| format!("the SMTP password: `{cmd}` printed no UTF-8"))?;
            Ok(text.lines().next().unwrap_or_default().to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_come_from_commands_and_the_environment() {
        let cmd = Password::Command("printf 'pw\\nsecond line\\n'".into());
        assert_eq!(password(&cmd).unwrap(), "pw");
        let missing = Password::Env("WEEKLY_TEST_NO_SUCH_VARIABLE".into());
        assert!(
            password(&missing)
                .unwrap_err()
                .to_string()
                .contains("not set")
        );
        assert!(password(&Password::Command("exit 3".into())).is_err());
    }

    #[test]
    fn transports_describe_themselves() {
        let smtp = Smtp {
            host: "mail.example.com".into(),
            port: 587,
            tls: Tls::Starttls,
            user: Some("lead".into()),
            password: Password::None,
        };
        assert_eq!(
            Transport::Smtp(smtp).describe(),
            "smtp mail.example.com:587 (starttls, as lead)"
        );
    }
}
