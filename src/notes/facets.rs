//! The 任务 view's filters on the reader's own notes: "有我的笔记", "已加星标" and one
//! link per tag, toggling `note=1`, `watched=1` and `tag=…` in the URL like the facets.

use leptos::prelude::*;
use planboard_model::{Filter, Index, QueryResult, Route};
use planboard_notes::{NoteBook, NoteFilter};

use super::state::{use_notes, NotesState};
use crate::i18n::text_lang;
use crate::i18n::tr;
use crate::state::{href, use_data};

/// The note filters a route asks for.
pub fn note_filter(filter: &Filter) -> NoteFilter {
    NoteFilter {
        has_note: filter.note,
        watched: filter.watched,
        tags: filter.tag.clone(),
    }
}

/// The filter without its note filters: what the counts beside the links start from.
fn without_note_filters(filter: &Filter) -> Filter {
    Filter {
        note: false,
        watched: false,
        tag: Vec::new(),
        ..filter.clone()
    }
}

/// One link of the group: what it toggles and how many listed entries it would give.
#[derive(Clone, PartialEq, Eq, Hash)]
struct NoteLink {
    value: String,
    label: String,
    /// `zh-CN` for a tag in Chinese (the reader's words), else none.
    label_lang: Option<&'static str>,
    count: usize,
    selected: bool,
    target: String,
}

/// The group, for the facet panel: `route` is the route the list shows and `result`
/// the list's own query. Counts are taken within the other (non-note) filters; hidden
/// while the reader has no notes.
#[component]
pub fn NoteFacets(result: Memo<QueryResult>, route: Memo<Route>) -> impl IntoView {
    let notes = use_notes();
    let data = use_data();
    let links = Memo::new(move |_| {
        let route = route.get();
        // With no note filter on, the list's own result is exactly what the counts start
        // from; only a note filter needs a second query without it.
        if note_filter(&route.filter).is_active() {
            let base = data.index.query(&without_note_filters(&route.filter));
            note_links(&data.index, &base, &route, notes)
        } else {
            result.with(|base| note_links(&data.index, base, &route, notes))
        }
    });
    let has_notes = Memo::new(move |_| notes.book().with(|book| book.written_count() > 0));
    let active = move || route.with(|route| note_filter(&route.filter).is_active());
    view! {
        <section
            class="facet"
            data-facet="mynotes"
            aria-labelledby="facet-mynotes"
            hidden=move || !has_notes.get() && !active()
        >
            <h2 class="facet-title" id="facet-mynotes">{tr("我的笔记", "My notes")}</h2>
            <ul class="facet-values">
                <For each=move || links.get() key=|link| link.clone() let:link>
                    <li>
                        <a
                            class="facet-value"
                            class:selected=link.selected
                            class:no-results=link.count == 0
                            href=link.target
                            data-facet-value=link.value
                            aria-current=link.selected.then_some("true")
                        >
                            <span class="facet-check" aria-hidden="true">
                                {if link.selected { "☑" } else { "☐" }}
                            </span>
                            <span class="facet-label" lang=link.label_lang>{link.label}</span>
                            <span class="facet-count">{link.count}</span>
                            <span class="visually-hidden">
                                {if link.selected {
                                    tr(" 条，已选中，点击取消", " entries, selected, click to clear")
                                } else {
                                    tr(" 条", " entries")
                                }}
                            </span>
                        </a>
                    </li>
                </For>
            </ul>
        </section>
    }
}

/// The group's links, counted among `base`'s matches.
fn note_links(
    index: &Index,
    base: &QueryResult,
    route: &Route,
    notes: NotesState,
) -> Vec<NoteLink> {
    let entries = index.entries();
    notes.book().with(|book| {
        let count = |keep: &dyn Fn(&NoteBook, &str) -> bool| {
            base.matches
                .iter()
                .filter(|&&position| keep(book, &entries[position].id))
                .count()
        };
        let toggle = |change: &dyn Fn(&mut Filter)| {
            let mut next: Route = route.clone();
            change(&mut next.filter);
            href(&next)
        };
        let mut links = vec![
            NoteLink {
                value: "note".to_owned(),
                label: tr("有我的笔记", "With my notes").to_owned(),
                label_lang: None,
                count: count(&|book, id| book.has_note(id)),
                selected: route.filter.note,
                target: toggle(&|filter| filter.note = !filter.note),
            },
            NoteLink {
                value: "watched".to_owned(),
                label: tr("★ 已加星标", "★ Starred").to_owned(),
                label_lang: None,
                count: count(&|book, id| book.is_watched(id)),
                selected: route.filter.watched,
                target: toggle(&|filter| filter.watched = !filter.watched),
            },
        ];
        let mut tags: Vec<String> = book.tag_counts().into_iter().map(|(tag, _)| tag).collect();
        // A tag in the URL that no note carries any more stays listed to be removed.
        for tag in &route.filter.tag {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        for tag in tags {
            let selected = route.filter.tag.contains(&tag);
            links.push(NoteLink {
                value: format!("tag:{tag}"),
                label: format!("#{tag}"),
                label_lang: text_lang(&tag),
                count: count(&|book, id| book.has_tag(id, &tag)),
                selected,
                target: toggle(&|filter| {
                    if selected {
                        filter.tag.retain(|known| *known != tag);
                    } else {
                        filter.tag.push(tag.clone());
                    }
                }),
            });
        }
        links
    })
}
