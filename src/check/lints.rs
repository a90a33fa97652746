//! The table of lints: each code with its severity; the summary (the table in docs/check.md) and
//! the paragraph `weekly check --explain CODE` prints are in the message catalogues.

use crate::diag::{Code, Severity};
use crate::messages;

/// A check: its code and how serious it is; its one-line summary and `--explain` paragraph are
/// in the message catalogues (`lint-CODE-summary`, `lint-CODE-explain`).
#[derive(Debug)]
pub struct Lint {
    /// The code printed in brackets: `warning[overdue]`.
    pub code: Code,
    /// Warning for lints; error for what stops a report from rendering.
    pub severity: Severity,
}

impl Lint {
    /// What the check finds, in one line (the table in docs/check.md), in this run's language.
    pub fn summary(&self) -> String {
        messages::text(
            &format!("lint-{}-summary", self.code),
            &messages::Args::new(),
        )
    }

    /// What `weekly check --explain CODE` prints, in this run's language.
    pub fn explanation(&self) -> String {
        messages::text(
            &format!("lint-{}-explain", self.code),
            &messages::Args::new(),
        )
    }
}

/// Every code `weekly check` can print, in the order of the table in docs/check.md.
pub const LINTS: &[Lint] = &[
    Lint {
        code: Code::ItemWithoutOutcome,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::ProgressRegressed,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::Overdue,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricBelowTarget,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricWorseThanPrevious,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricUnitChanged,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::IncidentIncomplete,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::IncidentCountMismatch,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::RiskIncomplete,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::WeekDateMismatch,
        severity: Severity::Error,
    },
    Lint {
        code: Code::EmptySection,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricLineNotRead,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricChangeDisagrees,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::MetricWithoutValue,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::PlaceholderLeft,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::ItemUnchangedFromLastWeek,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::DerivedFactDisagrees,
        severity: Severity::Warning,
    },
    Lint {
        code: Code::ActionUnowned,
        severity: Severity::Warning,
    },
];

/// The lint with this code.
pub fn find(code: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.code.as_str() == code)
}
