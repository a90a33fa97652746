//! `merge --people`: a team member's file as one person's update. Its key work becomes what
//! they did, its next week what they do next, and its open risks what blocks them, in one
//! `people` section of the merged week; the file's other sections (and its settled risks)
//! merge as usual.

use crate::week::{Body, Item, Person, Risks, Said, Section, Week};

/// Takes out of `week` the sections that become its author's update, and the update; `None`
/// (the week untouched) when the file names no author or has none of those sections.
pub fn split(week: &mut Week) -> Option<Person> {
    let name = week.author().map(str::to_string)?;
    if !week.sections.iter().any(|s| part_of(s).is_some()) {
        return None;
    }
    let mut person = Person {
        name,
        ..Person::default()
    };
    let mut kept = Vec::new();
    for section in week.sections.drain(..) {
        match part_of(&section) {
            Some((i, items)) => {
                if !items.is_empty() {
                    add(person.part_mut(i), items);
                }
                kept.extend(settled(&section));
            }
            None => kept.push(section),
        }
    }
    week.sections = kept;
    Some(person)
}

/// The part of an update a section gives (by its index in `PARTS`: done 0, blocked 2, next 3)
/// and its items: key work is done, next week next, the open risks of a risk list blocked.
fn part_of(section: &Section) -> Option<(usize, Vec<Item>)> {
    match &section.body {
        Body::KeyWork(v) => Some((0, v.clone())),
        Body::NextWeek(v) => Some((3, v.clone())),
        Body::Risks(r) if r.table.is_none() => {
            let open = r.items.iter().filter(|r| r.is_open());
            Some((2, open.map(|r| Item::text(&r.text)).collect()))
        }
        _ => None,
    }
}

/// What stays of a risks list once its open risks are a person's blockers: the settled ones
/// (closed, mitigated), which block nobody and merge as usual.
fn settled(section: &Section) -> Option<Section> {
    let Body::Risks(r) = &section.body else {
        return None;
    };
    let items: Vec<_> = r.items.iter().filter(|r| !r.is_open()).cloned().collect();
    (!items.is_empty()).then(|| Section {
        body: Body::Risks(Risks { items, table: None }),
        ..section.clone()
    })
}

/// Appends items to a part.
fn add(part: &mut Option<Said>, items: Vec<Item>) {
    match part {
        Some(Said::Items(v)) => v.extend(items),
        Some(Said::Line(line)) => {
            let mut all = vec![Item::text(line.clone())];
            all.extend(items);
            *part = Some(Said::Items(all));
        }
        None => *part = Some(Said::Items(items)),
    }
}

/// Puts `person` into the merged week's `people` section: beside a person of the same name
/// (their parts appended), else after the others; a week without one gets one where the
/// report's order puts it.
pub fn place(week: &mut Week, person: Person) {
    let at = week
        .sections
        .iter()
        .position(|s| s.heading.is_none() && matches!(s.body, Body::People(_)));
    let Some(at) = at else {
        let section = Section::new(Body::People(vec![person]));
        let rank = section.body.kind().row().order;
        let at = week
            .sections
            .iter()
            .rposition(|s| s.body.kind().row().order <= rank)
            .map_or(0, |i| i + 1);
        week.sections.insert(at, section);
        return;
    };
    let Body::People(people) = &mut week.sections[at].body else {
        return;
    };
    match people.iter_mut().find(|p| p.name == person.name) {
        Some(p) => {
            for (i, said) in person.parts().into_iter().enumerate() {
                if let Some(said) = said {
                    add(p.part_mut(i), said.items());
                }
            }
        }
        None => people.push(person),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::Risk;

    fn week(author: Option<&str>, sections: Vec<Body>) -> Week {
        let text = "date: 2023-11-06\n";
        let source = crate::yaml::Source::new("w.yaml", text.into(), u64::MAX).unwrap();
        let mut w = Week::from_source(&source, Default::default()).unwrap();
        w.author = author.map(str::to_string);
        w.sections = sections.into_iter().map(Section::new).collect();
        w
    }

    #[test]
    fn key_work_next_week_and_open_risks_become_the_authors_update() {
        let mut closed = Risk::text("vendor slipped");
        closed.status = Some(crate::week::Fact::given(crate::week::RiskStatus::Closed));
        let risks = Risks {
            items: vec![Risk::text("waiting on the DBA"), closed],
            table: None,
        };
        let mut w = week(
            Some("@alice"),
            vec![
                Body::KeyWork(vec![Item::text("shipped search")]),
                Body::NextWeek(vec![Item::text("tune ranking")]),
                Body::Risks(risks),
                Body::Reflection("fine\n".into()),
            ],
        );
        let p = split(&mut w).unwrap();
        assert_eq!(p.name, "@alice");
        assert_eq!(
            p.done,
            Some(Said::Items(vec![Item::text("shipped search")]))
        );
        assert_eq!(p.next, Some(Said::Items(vec![Item::text("tune ranking")])));
        assert_eq!(
            p.blocked,
            Some(Said::Items(vec![Item::text("waiting on the DBA")]))
        );
        assert_eq!(
            w.sections.len(),
            2,
            "the closed risk and the reflection merge as usual"
        );
        assert!(matches!(&w.sections[0].body, Body::Risks(r) if r.items.len() == 1));
    }

    #[test]
    fn files_without_an_author_or_without_work_are_no_person() {
        let body = || vec![Body::KeyWork(vec![Item::text("x")])];
        assert!(split(&mut week(None, body())).is_none());
        let mut w = week(Some("@bob"), vec![Body::Reflection("fine\n".into())]);
        assert!(split(&mut w).is_none());
        assert_eq!(w.sections.len(), 1);
    }
}
