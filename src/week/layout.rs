//! Layout: how a section's list was written when that differs from what its kind's template
//! writes by default (a bulleted 下周计划, a numbered objective, a list starting at 3, blank lines
//! between items). Import keeps it so the report comes back with the same structure; the
//! templates honour it; nothing else reads it.

use serde::{Deserialize, Serialize};

use super::Kind;

/// Bullets or numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListStyle {
    /// `- item`
    Bullet,
    /// `1. item`
    Numbered,
    /// Each item a paragraph of its own, no list.
    Paragraphs,
}

/// The built-in language whose labels a section's parts are written with (`Done:` or `已完成：`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Words {
    /// `已完成：`, `阻塞：`
    Zh,
    /// `Done:`, `Blocked:`
    En,
}

impl Words {
    /// The language's name, as the templates' `defaults` key it.
    pub fn lang(self) -> &'static str {
        match self {
            Words::Zh => "zh",
            Words::En => "en",
        }
    }
}

/// How a section's heading is written where it is not a `#` heading: a paragraph of bold
/// text (`**SOFA社区会议回顾**`, `**Layotto：**`), or bold text with its colon after it
/// (`**会议内容**：`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingStyle {
    /// `**heading**`
    Bold,
    /// `**heading**：`, the heading's last character (its colon) after the bold text.
    BoldColonAfter,
}

impl HeadingStyle {
    /// The line a heading is written as in this style.
    pub fn line(self, heading: &str) -> String {
        match self {
            HeadingStyle::Bold => format!("**{heading}**"),
            HeadingStyle::BoldColonAfter => {
                let cut = heading.char_indices().last().map_or(0, |(i, _)| i);
                format!("**{}**{}", &heading[..cut], &heading[cut..])
            }
        }
    }

    /// The name templates test (`s.heading_style == "bold"`).
    pub fn name(self) -> &'static str {
        match self {
            HeadingStyle::Bold => "bold",
            HeadingStyle::BoldColonAfter => "bold-colon-after",
        }
    }
}

/// How header fields' labels are written where not as `**Label:** value`, and items' titles
/// where written in bold before their text (`- **上线**：搜索页`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelStyle {
    /// `**Lead:** @alice`: the colon in the bold label, a space before the value (what the
    /// templates write for fields anyway).
    Bold,
    /// `会议时间：2022-09-22`, `Time: 19:00`: no bold.
    Plain,
    /// `**主题**：Layotto`, `**Time**: 19:00`: the colon after the bold label.
    BoldColonAfter,
    /// `**时间：**4 月 19 日`: the colon in the bold label, no space before the value.
    BoldTight,
}

impl LabelStyle {
    /// A field's line: its label and colon as this style writes them, then its value (after a
    /// space, except after a full-width colon in the plain and colon-after styles, and in the
    /// tight style).
    pub fn line(
        style: Option<LabelStyle>,
        label: &str,
        colon: &str,
        value: Option<&str>,
    ) -> String {
        let value = value.unwrap_or("");
        let space = match style {
            None | Some(LabelStyle::Bold) => !value.is_empty(),
            Some(LabelStyle::BoldTight) => false,
            Some(_) => colon == ":" && !value.is_empty(),
        };
        let gap = if space { " " } else { "" };
        match style {
            None | Some(LabelStyle::Bold | LabelStyle::BoldTight) => {
                format!("**{label}{colon}**{gap}{value}")
            }
            Some(LabelStyle::BoldColonAfter) => format!("**{label}**{colon}{gap}{value}"),
            Some(LabelStyle::Plain) => format!("{label}{colon}{gap}{value}"),
        }
    }
}

/// How a section's items are written where each is a heading over its text and points (a
/// progress section with a heading per group: `### wg-nll` then its bullets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemsAs {
    /// `### title`, at the layout's `level` (3 when absent).
    Headings,
    /// `**title**`
    Bold,
    /// `**title**：`, the title's last character (its colon) after the bold text.
    BoldColonAfter,
}

/// Paragraphs around a section's one list that are items of their own (a newsletter's
/// `Vello is our GPU vector renderer.` before its list of changes): the first `before` items
/// and the last `after` are written as paragraphs, the others as the list between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Around {
    /// Items written as paragraphs before the list.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub before: u16,
    /// Items written as paragraphs after the list.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub after: u16,
}

fn is_zero(v: &u16) -> bool {
    *v == 0
}

/// A section's list layout; every field optional, the kind's default where absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Bullets or numbers for the top-level list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListStyle>,
    /// The first number of a numbered list (1 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// A blank line between items (a loose list); for items written as headings, between the
    /// points under each.
    #[serde(default, skip_serializing_if = "is_false")]
    pub loose: bool,
    /// `false`: the section's incidents are printed without their given impact and level (the
    /// reference lists its incidents bare and counts them by level in its metrics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<bool>,
    /// Bullets or numbers for the points under items (numbered when absent, bulleted in
    /// `people` and `agenda`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<ListStyle>,
    /// The language of the labels inside the section (`Done:`), where not the template's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
    /// How the heading is written, where not as a `#` heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_style: Option<HeadingStyle>,
    /// How header fields' labels are written, where not `**Label:** value`; how items' titles
    /// are, where in bold before the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<LabelStyle>,
    /// Each item written as a heading (its title) over its text, points and note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<ItemsAs>,
    /// The level of the items' headings (`items: headings`), 3 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Items written as paragraphs before and after the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Around>,
    /// With `items: headings`: an item's points that have a title are headings one level
    /// below the item's, each over its own text, points and note (a group's groups: `## ruyi`
    /// over `### 调研`), and so on down.
    #[serde(default, skip_serializing_if = "is_false")]
    pub nested: bool,
}

fn is_false(v: &bool) -> bool {
    !*v
}

impl Layout {
    /// The layout of a list written in `style` from `start`, `loose` or not, for `kind`:
    /// `None` when it is what the template writes anyway.
    pub fn of(kind: Kind, style: ListStyle, start: Option<u64>, loose: bool) -> Option<Layout> {
        let layout = Layout {
            list: (style != kind.row().list).then_some(style),
            start: start.filter(|s| *s != 1 && style == ListStyle::Numbered),
            loose,
            ..Layout::default()
        };
        (layout != Layout::default()).then_some(layout)
    }

    /// Whether incidents are printed with their given impact and level (unless `details: false`).
    pub fn details(layout: Option<&Layout>) -> bool {
        layout.and_then(|l| l.details).unwrap_or(true)
    }

    /// Whether the points under a section's items are numbered.
    pub fn numbered_points(layout: Option<&Layout>, kind: Kind) -> bool {
        let default = match kind {
            Kind::People | Kind::Agenda => ListStyle::Bullet,
            _ => ListStyle::Numbered,
        };
        layout.and_then(|l| l.points).unwrap_or(default) == ListStyle::Numbered
    }

    /// `layout` with `more`'s fields where `layout` has none; `None` when nothing is set.
    pub fn and(layout: Option<Layout>, more: Layout) -> Option<Layout> {
        let l = layout.unwrap_or_default();
        let joined = Layout {
            list: l.list.or(more.list),
            start: l.start.or(more.start),
            loose: l.loose || more.loose,
            details: l.details.or(more.details),
            points: l.points.or(more.points),
            words: l.words.or(more.words),
            heading_style: l.heading_style.or(more.heading_style),
            labels: l.labels.or(more.labels),
            items: l.items.or(more.items),
            level: l.level.or(more.level),
            paragraphs: l.paragraphs.or(more.paragraphs),
            nested: l.nested || more.nested,
        };
        (joined != Layout::default()).then_some(joined)
    }

    /// The line an item titled `title` is written as, when the layout writes items as headings;
    /// at `depth` 1 and below, a point's (a group's group's) when the layout nests them.
    pub fn item_heading(layout: Option<&Layout>, title: &str, depth: u8) -> Option<String> {
        let l = layout?;
        let items = l.items?;
        if depth > 0 && !(l.nested && items == ItemsAs::Headings) {
            return None;
        }
        Some(match items {
            ItemsAs::Headings => {
                let level = l.level.unwrap_or(3).saturating_add(depth);
                format!("{} {title}", "#".repeat(level.into()))
            }
            ItemsAs::Bold => HeadingStyle::Bold.line(title),
            ItemsAs::BoldColonAfter => HeadingStyle::BoldColonAfter.line(title),
        })
    }

    /// Whether a section's items are written as paragraphs rather than a list.
    pub fn paragraphs(layout: Option<&Layout>) -> bool {
        layout.and_then(|l| l.list) == Some(ListStyle::Paragraphs)
    }

    /// Whether the item at `index` of `count` is written as a paragraph: all of them under
    /// `list: paragraphs`, those before and after the list under `paragraphs:`.
    pub fn paragraph(layout: Option<&Layout>, index: usize, count: usize) -> bool {
        let around = layout.and_then(|l| l.paragraphs).unwrap_or_default();
        Layout::paragraphs(layout)
            || index < usize::from(around.before)
            || count - index <= usize::from(around.after)
    }

    /// Whether a section of `kind` with this layout is numbered.
    pub fn numbered(layout: Option<&Layout>, kind: Kind) -> bool {
        layout.and_then(|l| l.list).unwrap_or(kind.row().list) == ListStyle::Numbered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_layout_is_left_out() {
        assert_eq!(
            Layout::of(Kind::NextWeek, ListStyle::Numbered, Some(1), false),
            None
        );
        assert_eq!(Layout::of(Kind::List, ListStyle::Bullet, None, false), None);
        let bulleted = Layout::of(Kind::NextWeek, ListStyle::Bullet, None, false).unwrap();
        assert_eq!(bulleted.list, Some(ListStyle::Bullet));
        let from3 = Layout::of(Kind::Other, ListStyle::Numbered, Some(3), true).unwrap();
        assert_eq!(
            (from3.list, from3.start, from3.loose),
            (None, Some(3), true)
        );
        assert!(Layout::numbered(Some(&from3), Kind::Other));
        assert!(!Layout::numbered(Some(&bulleted), Kind::NextWeek));
    }

    #[test]
    fn paragraphs_around_the_list_are_the_first_and_last_items() {
        let around = Layout {
            paragraphs: Some(Around {
                before: 2,
                after: 1,
            }),
            ..Layout::default()
        };
        let paras: Vec<bool> = (0..6)
            .map(|i| Layout::paragraph(Some(&around), i, 6))
            .collect();
        assert_eq!(paras, [true, true, false, false, false, true]);
        assert!(!Layout::paragraph(None, 0, 1));
        let all = Layout::of(Kind::KeyWork, ListStyle::Paragraphs, None, false);
        assert!(Layout::paragraph(all.as_ref(), 1, 3));
    }

    #[test]
    fn items_as_headings_give_their_title_line() {
        let at = |items, level| Layout {
            items: Some(items),
            level,
            ..Layout::default()
        };
        let line = |l: Layout| Layout::item_heading(Some(&l), "Layotto：", 0);
        assert_eq!(line(at(ItemsAs::Headings, None)).unwrap(), "### Layotto：");
        assert_eq!(
            line(at(ItemsAs::Headings, Some(4))).unwrap(),
            "#### Layotto："
        );
        assert_eq!(line(at(ItemsAs::Bold, None)).unwrap(), "**Layotto：**");
        assert_eq!(
            line(at(ItemsAs::BoldColonAfter, None)).unwrap(),
            "**Layotto**："
        );
        assert_eq!(Layout::item_heading(Some(&Layout::default()), "x", 0), None);
        let nested = Layout {
            nested: true,
            ..at(ItemsAs::Headings, Some(2))
        };
        assert_eq!(
            Layout::item_heading(Some(&nested), "调研", 1).unwrap(),
            "### 调研"
        );
        assert_eq!(
            Layout::item_heading(Some(&at(ItemsAs::Headings, None)), "x", 1),
            None,
            "points are headings only where the layout nests them"
        );
    }
}
