//! The long list of the 任务 view: up to a few hundred `EntryRow`s that change together
//! with every keystroke in the search box.
//!
//! A keyed `<For>` of `EntryRow`s costs, per row that enters, a component, an owner, a
//! render effect, an `innerHTML` of its own and an insertion; a keystroke replaces most
//! of a hundred rows. Here the list is one effect: the rows it lacks are written as one
//! string of markup and parsed in one step, rows that stay and read the same (same
//! entry, same marks) keep their elements, and the children are put in order with one
//! `replaceChildren`.
//!
//! Parsing and inserting a hundred rows is most of a keystroke's time, so a change
//! draws only the rows that can be on screen in the keystroke's own frame, and the rest
//! when the browser is idle. While rows are still to come the list says
//! `aria-busy="true"` (assistive technology waits for it; the browser tests do too);
//! a newer change cancels what an older one left to do.

use std::collections::{HashMap, HashSet};

use leptos::html;
use leptos::prelude::*;
use planboard_model::{search_terms, Lang};

use crate::components::scheduling::when_idle;
use crate::components::task_row::entry_row_markup;
use crate::i18n::lang;
use crate::state::{use_data, use_route_state, AppData};

/// The shortest a row gets (status line and one line of text, padding and rule), in
/// CSS pixels: the window's height divided by it is more rows than can be on screen.
const SHORTEST_ROW_PX: f64 = 56.0;
/// Rows drawn at once when the window's height cannot be read.
const ROWS_WITHOUT_WINDOW: usize = 20;

/// A row as drawn: its element and the markup it was parsed from.
struct DrawnRow {
    element: web_sys::Element,
    markup: String,
}

/// The rows drawn now, by entry, and what is left to draw.
#[derive(Default)]
struct Drawn {
    rows: HashMap<usize, DrawnRow>,
    /// The query the marks of `rows` were made for.
    query: String,
    /// Rows whose markup was checked against `query` (after a new query, a kept row is
    /// compared with its new markup before it is reused).
    current: HashSet<usize>,
    /// Counts the list's changes: a pending draw of an older change does nothing.
    generation: u64,
    /// The entries still to append, in order, after the rows on screen.
    pending: Vec<usize>,
}

/// `<ol class="entry-list">` of the entries `rows` (positions in `Index::entries()`),
/// each drawn as `EntryRow` draws it, with the terms of `query` marked.
#[component]
pub fn EntryList(
    #[prop(into)] rows: Signal<Vec<usize>>,
    #[prop(into)] query: Signal<String>,
) -> impl IntoView {
    let data = use_data();
    let list_ref = NodeRef::<html::Ol>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    // Read here, where the language of this draw is known (a switch redraws the shell).
    let language = lang();

    let route_state = use_route_state();
    Effect::new(move |_| {
        let wanted = rows.get();
        let Some(list) = list_ref.get() else {
            return;
        };
        let list: web_sys::Element = list.into();
        // A list drawn for a step back or forward comes whole: the shell puts the
        // reader's scroll position back on the next frame, and a list shorter than it
        // was would leave them above the row they had reached. Any other arrival starts
        // at the top, where the first screen of rows is what the reader sees first.
        let whole = route_state.traversed();
        let generation = query.with(|query| {
            drawn
                .try_update_value(|drawn| {
                    draw_first(drawn, &data, &list, &wanted, query, language, whole)
                })
                .unwrap_or_default()
        });
        if let Some(generation) = generation {
            let data = data.clone();
            when_idle(move || {
                drawn.try_update_value(|drawn| {
                    draw_rest(drawn, generation, &data, &list, language);
                });
            });
        }
    });

    view! { <ol class="entry-list" node_ref=list_ref></ol> }
}

/// Puts the first rows of `wanted` in `list` (as many as the window can show, and any
/// already-drawn rows right after them; all of them if `whole`) and notes the rest as
/// pending. Returns the change's generation if rows are left for later.
fn draw_first(
    drawn: &mut Drawn,
    data: &AppData,
    list: &web_sys::Element,
    wanted: &[usize],
    query: &str,
    language: Lang,
    whole: bool,
) -> Option<u64> {
    drawn.generation += 1;
    if drawn.query != query {
        drawn.query = query.to_owned();
        drawn.current.clear();
    }
    // Rows that left are dropped; they are rebuilt if they come back.
    let kept: HashSet<usize> = wanted.iter().copied().collect();
    drawn.rows.retain(|entry, _| kept.contains(entry));
    drawn.current.retain(|entry| kept.contains(entry));

    let terms = search_terms(query);
    let on_screen = if whole {
        wanted.len()
    } else {
        rows_on_screen().min(wanted.len())
    };
    // Rows already drawn right after the first ones cost no parsing: they come now too.
    let first_missing_after = wanted[on_screen..]
        .iter()
        .position(|entry| !drawn.current.contains(entry))
        .map_or(wanted.len(), |offset| on_screen + offset);
    let (now, later) = wanted.split_at(first_missing_after);
    make_rows(drawn, data, now, &terms, language);
    list.replace_children_with_node(&ordered_elements(drawn, now));
    drawn.pending = later.to_vec();
    if drawn.pending.is_empty() {
        let _ = list.remove_attribute("aria-busy");
        None
    } else {
        let _ = list.set_attribute("aria-busy", "true");
        Some(drawn.generation)
    }
}

/// Appends the rows `draw_first` left, unless a newer change came since.
fn draw_rest(
    drawn: &mut Drawn,
    generation: u64,
    data: &AppData,
    list: &web_sys::Element,
    language: Lang,
) {
    if drawn.generation != generation {
        return;
    }
    let later = std::mem::take(&mut drawn.pending);
    let terms = search_terms(&drawn.query);
    make_rows(drawn, data, &later, &terms, language);
    let _ = list.append_with_node(&ordered_elements(drawn, &later));
    let _ = list.remove_attribute("aria-busy");
}

/// Makes sure every entry of `entries` has a current row: a row kept from an earlier
/// query stays if its markup reads the same under this one; the others are parsed,
/// all in one step.
fn make_rows(
    drawn: &mut Drawn,
    data: &AppData,
    entries: &[usize],
    terms: &[String],
    language: Lang,
) {
    let mut missing = Vec::new();
    let mut markup = String::new();
    for &entry in entries {
        if drawn.current.contains(&entry) {
            continue;
        }
        let row = entry_row_markup(data, entry, terms, language);
        if row.is_empty() {
            // Not an entry of the index: nothing to draw (and nothing to parse, which
            // would put the next rows out of step with their entries).
            continue;
        }
        if drawn.rows.get(&entry).is_some_and(|old| old.markup == row) {
            drawn.current.insert(entry);
            continue;
        }
        markup.push_str(&row);
        missing.push((entry, row.len()));
    }
    if missing.is_empty() {
        return;
    }
    let mut offset = 0;
    for ((entry, length), element) in missing.into_iter().zip(parse_rows(&markup)) {
        let row = markup[offset..offset + length].to_owned();
        offset += length;
        drawn.rows.insert(
            entry,
            DrawnRow {
                element,
                markup: row,
            },
        );
        drawn.current.insert(entry);
    }
}

/// The elements of `entries`, in order, for one `replaceChildren` or `append`.
fn ordered_elements(drawn: &Drawn, entries: &[usize]) -> js_sys::Array {
    let ordered = js_sys::Array::new();
    for entry in entries {
        if let Some(row) = drawn.rows.get(entry) {
            ordered.push(&row.element);
        }
    }
    ordered
}

/// How many rows can be on screen: the window's height over the shortest row, so a
/// list at the top of a tall window is full in the first frame.
fn rows_on_screen() -> usize {
    window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .filter(|height| height.is_finite() && *height > 0.0)
        .map_or(ROWS_WITHOUT_WINDOW, |height| {
            (height / SHORTEST_ROW_PX).ceil() as usize + 1
        })
}

/// The elements of `markup`, in order. Parsed in a detached list: the markup is the
/// app's own (every text in it escaped by `planboard_model::markup`) and holds no
/// images or scripts, so parsing it outside the document has no effect of its own.
fn parse_rows(markup: &str) -> Vec<web_sys::Element> {
    let Ok(holder) = document().create_element("ol") else {
        return Vec::new();
    };
    holder.set_inner_html(markup);
    let mut rows = Vec::new();
    let mut next = holder.first_element_child();
    while let Some(row) = next {
        next = row.next_element_sibling();
        rows.push(row);
    }
    rows
}
