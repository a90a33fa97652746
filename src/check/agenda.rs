//! `action-unowned`: an agenda's action (a point labelled `Action:`, `TODO:`, `待办：`, or any
//! topic under an `Action items` / `待办事项` heading) that names nobody to do it.

use super::Cx;
use crate::diag::Code;
use crate::msg;
use crate::week::{Agenda, Item, Point, Section, names_someone};
use crate::yaml::Pos;

impl Cx<'_> {
    /// The lints of an agenda: its points' (as any item's) and its actions'.
    pub(super) fn agenda(&mut self, section: &Section, a: &Agenda) {
        let actions = section.heading.as_deref().and_then(Point::of_heading) == Some(Point::Action);
        for t in &a.topics {
            let line = Item::text(t.line());
            if actions && t.owner.is_none() && !names_someone(&line) {
                self.action(&line, section.pos);
            }
            t.points.iter().for_each(|i| self.item(i));
            t.marked(Point::Action)
                .into_iter()
                .filter(|i| !names_someone(i))
                .for_each(|i| self.action(i, section.pos));
        }
    }

    /// `action-unowned` on one action, at its line (else at its section).
    fn action(&mut self, item: &Item, section: Pos) {
        let pos = if item.pos == Pos::default() {
            section
        } else {
            item.pos
        };
        let d = self.warn(
            pos,
            Code::ActionUnowned,
            msg!("action-unowned", text = item.full_text()),
        );
        d.label = msg!("action-unowned-label");
        d.help.push(msg!("action-unowned-help"));
    }
}
