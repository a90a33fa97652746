//! Bold item titles: items written `- **上线**：搜索页` or `- **Upgrade:** the cache` keep the
//! bold label as their `title` and the rest as their text; the section's
//! `layout: {labels: …}` says how the title was written, so it renders back the same.

use super::header::labelled_line;
use crate::week::{Body, LabelStyle, Layout};

/// Splits the bold titles off the items of a work, other, plans or list section when every
/// item that has one writes it the same way; items without one keep their text.
pub fn split(body: &mut Body, layout: Option<Layout>) -> Option<Layout> {
    let (Body::KeyWork(items) | Body::Other(items) | Body::NextWeek(items) | Body::List(items)) =
        body
    else {
        return layout;
    };
    let found: Vec<_> = items
        .iter()
        .map(|i| match (&i.title, &i.text) {
            (None, Some(t)) if t.starts_with("**") => labelled_line(t),
            _ => None,
        })
        .collect();
    let mut styles = found.iter().flatten().map(|(_, s)| *s);
    let Some(style) = styles.next().flatten() else {
        return layout;
    };
    if style == LabelStyle::Plain || styles.any(|s| s != Some(style)) {
        return layout;
    }
    for (item, (field, _)) in items
        .iter_mut()
        .zip(found)
        .filter_map(|(i, f)| Some((i, f?)))
    {
        item.title = Some(field.label);
        item.text = field.value;
    }
    let more = Layout {
        labels: Some(style),
        ..Layout::default()
    };
    Layout::and(layout, more)
}
