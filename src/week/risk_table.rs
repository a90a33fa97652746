//! Risk tables: a table whose columns name risks (Risk, Issue, 风险, 问题) and who handles them or
//! how (Owner, 负责人, Mitigation, 应对措施) lists risks, a row each, read by those columns.

use super::risk::{Risk, RiskStatus};
use super::{Fact, Table};

impl Table {
    /// The risks a risk table lists: a row each, the text from its first column (or a column
    /// headed risk, issue, 风险, 问题 …), the owner, mitigation, due date and status from
    /// columns so headed.
    pub fn risks(&self) -> Vec<Risk> {
        let text = self
            .column(&[
                "risk",
                "risks",
                "issue",
                "description",
                "风险",
                "问题",
                "风险描述",
                "描述",
            ])
            .unwrap_or(0);
        let owner = self.column(&["owner", "负责人", "责任人"]);
        let mitigation =
            self.column(&["mitigation", "plan", "应对", "应对措施", "措施", "解决方案"]);
        let due = self.column(&["due", "deadline", "截止", "截止日期", "期限"]);
        let status = self.column(&["status", "state", "状态"]);
        let read = |r: usize, c: Option<usize>| {
            c.map(|c| self.cell(r, c))
                .filter(|t| !t.is_empty() && !matches!(*t, "-" | "—" | "无" | "n/a" | "N/A"))
                .map(str::to_string)
        };
        (0..self.rows.len())
            .map(|r| {
                let closed = read(r, status).is_some_and(|s| {
                    let s = s.to_lowercase();
                    ["closed", "resolved", "done", "已解决", "已关闭", "关闭"]
                        .iter()
                        .any(|w| s.contains(w))
                });
                Risk {
                    text: self.cell(r, text).to_string(),
                    status: closed.then(|| Fact::read(RiskStatus::Closed)),
                    owner: read(r, owner).map(Fact::read),
                    mitigation: read(r, mitigation).map(Fact::read),
                    due: read(r, due),
                    ..Risk::default()
                }
            })
            .collect()
    }

    /// Whether the headers name a risk table: a risk or issue column and an owner, mitigation
    /// or status column.
    pub fn is_risk_table(&self) -> bool {
        self.column(&[
            "risk",
            "risks",
            "issue",
            "issues",
            "风险",
            "问题",
            "风险描述",
        ])
        .is_some()
            && (self.column(&["owner", "负责人", "责任人"]).is_some()
                || self
                    .column(&["mitigation", "应对", "应对措施", "措施"])
                    .is_some())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_risk_table_lists_risks() {
        let t = crate::week::table::tests::table(
            &["风险", "负责人", "应对措施", "状态"],
            &[
                &["短信通道限流", "张三", "切换备用通道", "进行中"],
                &["旧接口下线", "李四", "-", "已关闭"],
            ],
        );
        assert!(t.is_risk_table());
        let risks = t.risks();
        assert_eq!(risks[0].owner(), Some("张三"));
        assert_eq!(risks[0].mitigation(), Some("切换备用通道"));
        assert!(risks[0].is_open());
        assert!(!risks[1].is_open());
        assert_eq!(risks[1].mitigation(), None);
    }
}
