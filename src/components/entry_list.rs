//! The long list of the 任务 view: up to a few hundred `EntryRow`s that change together
//! with every keystroke in the search box.
//!
//! A keyed `<For>` of `EntryRow`s costs, per row that enters, a component, an owner, a
//! render effect, an `innerHTML` of its own and an insertion; a keystroke replaces most
//! of a hundred rows. Here the list is one effect: the rows it lacks are written as one
//! string of markup and parsed in one step, rows that stay (same entry, same query)
//! keep their elements, and the children are put in order with one `replaceChildren`.

use std::collections::{HashMap, HashSet};

use leptos::html;
use leptos::prelude::*;
use planboard_model::search_terms;

use crate::components::task_row::entry_row_markup;
use crate::i18n::lang;
use crate::state::use_data;

/// The rows drawn now, by entry, and the query their marks were made for.
#[derive(Default)]
struct Drawn {
    rows: HashMap<usize, web_sys::Element>,
    query: String,
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

    Effect::new(move |_| {
        let wanted = rows.get();
        let Some(list) = list_ref.get() else {
            return;
        };
        query.with(|query| {
            drawn.update_value(|drawn| {
                // Marks follow the query: under a new one, no row can be kept.
                if drawn.query != *query {
                    drawn.rows.clear();
                    drawn.query.clone_from(query);
                }
                let terms = search_terms(query);
                let missing: Vec<usize> = wanted
                    .iter()
                    .copied()
                    .filter(|entry| !drawn.rows.contains_key(entry))
                    .collect();
                if !missing.is_empty() {
                    let mut markup = String::with_capacity(missing.len() * 1024);
                    for &entry in &missing {
                        markup.push_str(&entry_row_markup(&data, entry, &terms, language));
                    }
                    for (entry, row) in missing.into_iter().zip(parse_rows(&markup)) {
                        drawn.rows.insert(entry, row);
                    }
                }
                let ordered = js_sys::Array::new();
                for entry in &wanted {
                    if let Some(row) = drawn.rows.get(entry) {
                        ordered.push(row);
                    }
                }
                list.replace_children_with_node(&ordered);
                // Rows that left are dropped; they are rebuilt if they come back.
                let kept: HashSet<usize> = wanted.iter().copied().collect();
                drawn.rows.retain(|entry, _| kept.contains(entry));
            })
        });
    });

    view! { <ol class="entry-list" node_ref=list_ref></ol> }
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
