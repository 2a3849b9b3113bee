//! 任务: every task and livelihood project across the documents, filtered by facets
//! and full-text search, all of it read from and written to the URL.

use leptos::html;
use leptos::prelude::*;
use planboard_model::route::{list_rows, LIST_MAX_ROWS, LIST_PAGE_SIZE};
use planboard_model::{Entry, Filter, QueryResult, Route, SortOrder, View};

use crate::components::entry_list::EntryList;
use crate::components::export_buttons::ExportButtons;
use crate::components::facets::{selected_values, toggled_href, toggled_route, FacetPanel};
use crate::components::list_route::ListRoute;
use crate::i18n::{counted, lang, tr};
use crate::notes::{note_filter, use_notes};
use crate::state::{href, href_view, use_data, HistoryMode};

/// Rows rendered at first and added by each “显示更多”; a full list of two thousand
/// rows with highlighting would make every keystroke in the search box sluggish.
const PAGE_SIZE: usize = LIST_PAGE_SIZE;

/// The 任务 view.
#[component]
pub fn TasksPage() -> impl IntoView {
    let data = use_data();
    // The page's controls show their route at once and write the URL after the frame.
    let list_route = ListRoute::new();
    let shown = list_route.shown();
    let filter = Memo::new(move |_| shown.with(|route| route.filter.clone()));
    let index = data.index.clone();
    let notes = use_notes();
    let result: Memo<QueryResult> = Memo::new_with_compare(
        move |_| {
            filter.with(|filter| {
                let wanted = note_filter(filter);
                if !wanted.is_active() {
                    return index.query(filter);
                }
                notes.book().with(|book| {
                    index.query_within(filter, Some(|entry: &Entry| wanted.keeps(book, &entry.id)))
                })
            })
        },
        |_, _| true,
    );
    let match_count = Memo::new(move |_| result.with(|result| result.matches.len()));

    // How many rows to show is the route's (`rows=300`), so back, reload and a copied
    // link show as many; it is not part of the filter, so showing more runs no query.
    // A new filter starts again at one page (`ListRoute::go`).
    let visible = Memo::new(move |_| shown.with(Route::shown_rows));
    let show_more = move |_| {
        let mut next = shown.get_untracked();
        next.rows = list_rows(next.shown_rows() + PAGE_SIZE);
        // The same list, longer: back leaves the list rather than folding it again.
        list_route.go(next, HistoryMode::Replace);
    };
    let at_most_rows = move || visible.get() >= LIST_MAX_ROWS;

    let query = Memo::new(move |_| filter.with(|filter| filter.q.clone()));
    // Equal lists wake nothing: a facet click that leaves the first page as it was
    // leaves the rows alone.
    let rows = Memo::new(move |_| {
        let shown = visible.get();
        result.with(|result| {
            result
                .matches
                .iter()
                .take(shown)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    let hidden_rows = move || match_count.get().saturating_sub(visible.get());
    let has_filter = move || filter.with(|filter| *filter != Filter::default());

    let language = lang();
    let count_text = move || {
        let count = match_count.get();
        language.pick(format!("共 {count} 条"), counted(count, "item", "items"))
    };
    let shown_text = move || {
        let (shown, count) = (visible.get().min(match_count.get()), match_count.get());
        language.pick(
            format!("已显示 {shown} / {count} 条"),
            format!("Showing {shown} of {count}"),
        )
    };
    let more_text = move || {
        let hidden = hidden_rows();
        language.pick(
            format!("显示更多（还有 {hidden} 条）"),
            format!("Show more ({hidden} left)"),
        )
    };

    view! {
        <div class="tasks-page">
            <div class="page-head">
                <h1>{tr("任务", "Tasks")}</h1>
                <p class="page-lede">
                    {tr(
                        "各文件中的全部任务与民生实事。按文件、领导、区县、部门、状态筛选，或搜索任务、进展、滞后说明和单位中的文字。",
                        "Every task and livelihood project in the documents. Filter by document, lead official, district, unit or status, or search the text of tasks, progress reports, reasons for delay and unit names (the documents are in Chinese: search in Chinese).",
                    )}
                </p>
            </div>
            <SearchBox list_route />
            <div class="result-bar">
                <p class="result-count" data-testid="result-count" role="status">
                    {count_text}
                </p>
                <ExportButtons result filter />
                <SortLinks list_route />
                <EachLinks list_route />
                <Show when=has_filter>
                    <a class="clear-filters" href=href_view(View::Tasks)>
                        {tr("清除全部筛选", "Clear all filters")}
                    </a>
                </Show>
            </div>
            <SelectedChips result list_route />
            <div class="tasks-layout">
                <aside class="tasks-facets" aria-label=tr("筛选", "Filters")>
                    <FacetPanel result list_route />
                </aside>
                <section class="tasks-results" aria-label=tr("结果", "Results")>
                    <Show
                        when=move || { match_count.get() > 0 }
                        fallback=move || {
                            view! {
                                <p class="empty-result">
                                    {tr("没有符合条件的条目。", "Nothing matches. ")}
                                    <a href=href_view(View::Tasks)>
                                        {tr("清除全部筛选", "Clear all filters")}
                                    </a>
                                </p>
                            }
                        }
                    >
                        <EntryList rows query />
                    </Show>
                    <Show when=move || { hidden_rows() > 0 }>
                        <p class="show-more">
                            <span>{shown_text}</span>
                            <Show
                                when=move || !at_most_rows()
                                fallback=move || {
                                    view! {
                                        <span>
                                            {language
                                                .pick(
                                                    format!(
                                                        "（最多显示 {LIST_MAX_ROWS} 条，请缩小筛选范围）",
                                                    ),
                                                    format!(
                                                        " (at most {LIST_MAX_ROWS} rows are shown: narrow the filter)",
                                                    ),
                                                )}
                                        </span>
                                    }
                                }
                            >
                                <button type="button" on:click=show_more>
                                    {more_text}
                                </button>
                            </Show>
                        </p>
                    </Show>
                </section>
            </div>
        </div>
    }
}

/// The search box. The list follows every key at once; the URL gets the text right
/// after the browser has drawn the result (see `ListRoute`), and at once on blur and
/// Enter. The first write of a visit to the box makes a history entry, later ones
/// replace it, so back returns to the list before the search instead of stepping
/// through every letter.
#[component]
fn SearchBox(list_route: ListRoute) -> impl IntoView {
    let route = list_route.url();
    let input_ref = NodeRef::<html::Input>::new();
    let history_entry_made = StoredValue::new(false);

    let take_text = move |text: String| {
        let mut next = list_route.shown().get_untracked();
        next.filter.q = query_as_routed(&next, &text);
        if next == list_route.shown().get_untracked() {
            return;
        }
        let mode = if history_entry_made.get_value() {
            HistoryMode::Replace
        } else {
            history_entry_made.set_value(true);
            HistoryMode::Push
        };
        list_route.go(next, mode);
    };
    let on_input = move |event: leptos::ev::Event| {
        // While an input method composes (pinyin → 汉字) the box holds Latin letters
        // that are not what the user means to search for; compositionend brings the text.
        if is_composing(&event) {
            return;
        }
        take_text(event_target_value(&event));
    };
    let on_composition_end =
        move |event: leptos::ev::CompositionEvent| take_text(event_target_value(&event));

    // When the URL changes from outside the box (back/forward, a chip, a link), show its
    // query — unless the box already says the same thing in a form the URL normalises
    // (trailing space while typing a second term), which must not be taken from the user.
    Effect::new(move |_| {
        let query = route.with(|route| route.filter.q.clone());
        if let Some(input) = input_ref.get() {
            if query_as_routed(&route.get_untracked(), &input.value()) != query {
                input.set_value(&query);
                // After back/forward the next keystroke starts a new history entry
                // rather than overwriting the one the user just returned to.
                history_entry_made.set_value(false);
            }
        }
    });

    view! {
        <form
            class="search"
            role="search"
            on:submit=move |event| {
                event.prevent_default();
                list_route.write_now();
            }
        >
            <label for="task-search">{tr("搜索", "Search")}</label>
            <input
                id="task-search"
                type="search"
                node_ref=input_ref
                value=route.with_untracked(|route| route.filter.q.clone())
                placeholder=tr(
                    "任务、进展、滞后说明、单位、领导…",
                    "Tasks, progress, reasons for delay, units, officials… (in Chinese)",
                )
                autocomplete="off"
                enterkeyhint="search"
                on:focus=move |_| history_entry_made.set_value(false)
                on:blur=move |_| list_route.write_now()
                on:input=on_input
                on:compositionend=on_composition_end
            />
        </form>
    }
}

/// The query the URL would hold if the box's text were written into it.
fn query_as_routed(route: &Route, text: &str) -> String {
    let mut next = route.clone();
    next.filter.q = text.to_string();
    Route::parse(&next.to_hash()).filter.q
}

fn is_composing(event: &leptos::ev::Event) -> bool {
    js_sys::Reflect::get(event, &wasm_bindgen::JsValue::from_str("isComposing"))
        .ok()
        .and_then(|flag| flag.as_bool())
        .unwrap_or(false)
}

/// Document order or status order, as two links.
#[component]
fn SortLinks(list_route: ListRoute) -> impl IntoView {
    let route = list_route.shown();
    let option = move |order: SortOrder, label: &'static str| {
        let next = move || {
            route.with_untracked(|route| {
                let mut next = route.clone();
                next.filter.sort = order;
                next
            })
        };
        let target = move || {
            route.with(|route| {
                let mut next = route.clone();
                next.filter.sort = order;
                next.rows = None;
                href(&next)
            })
        };
        let current = move || route.with(|route| route.filter.sort == order);
        view! {
            <a
                href=target
                on:click=move |event| list_route.follow(&event, next)
                class="sort-option"
                class:selected=current
                aria-current=move || current().then_some("true")
            >
                {label}
            </a>
        }
    };
    view! {
        <p class="sort-links">
            <span class="field-label">{tr("排序", "Order")}</span>
            {option(SortOrder::Document, tr("按文件顺序", "As in the documents"))}
            {option(SortOrder::Status, tr("按状态", "By status"))}
        </p>
    }
}

/// One row per commitment (its latest record) or every report's own row (`each=1`).
#[component]
fn EachLinks(list_route: ListRoute) -> impl IntoView {
    let route = list_route.shown();
    let option = move |each: bool, label: &'static str, testid: &'static str| {
        let next = move || {
            route.with_untracked(|route| {
                let mut next = route.clone();
                next.filter.each = each;
                next.rows = None;
                next
            })
        };
        let target = move || href(&next());
        let target = move || {
            route.track();
            target()
        };
        let current = move || route.with(|route| route.filter.each == each);
        view! {
            <a
                href=target
                on:click=move |event| list_route.follow(&event, next)
                class="sort-option"
                class:selected=current
                aria-current=move || current().then_some("true")
                data-testid=testid
            >
                {label}
            </a>
        }
    };
    view! {
        <p class="sort-links">
            <span class="field-label">{tr("多份报告中的同一事项", "A commitment in several reports")}</span>
            {option(false, tr("只列最新一行", "Latest row only"), "each-off")}
            {option(true, tr("每份报告各列一行", "One row per report"), "each-on")}
        </p>
    }
}

/// The selected filter values as removable chips, so a phone user whose facet panel is
/// folded still sees what narrows the list.
#[component]
fn SelectedChips(result: Memo<QueryResult>, list_route: ListRoute) -> impl IntoView {
    let route = list_route.shown();
    let language = lang();
    // Counts change with every keystroke; the selection rarely does.
    let selected = Memo::new(move |_| {
        result.with(|result| {
            selected_values(&result.facets, language)
                .into_iter()
                .map(|chip| (chip.facet, chip.value, chip.label, chip.from_documents))
                .collect::<Vec<_>>()
        })
    });
    let chips = move || {
        let current = route.get();
        selected
            .get()
            .into_iter()
            .map(|(facet, value, label, from_documents)| {
                let target = toggled_href(&current, facet, &value);
                let next = move || toggled_route(&route.get_untracked(), facet, &value);
                view! {
                    <li>
                        <a
                            class="chip"
                            href=target
                            on:click=move |event| list_route.follow(&event, next.clone())
                        >
                            <span class="chip-facet">{facet.label(language)}</span>
                            <span lang=from_documents.then_some("zh-CN")>{label}</span>
                            <span aria-hidden="true">" ×"</span>
                            <span class="visually-hidden">
                                {tr("（取消此条件）", " (remove this filter)")}
                            </span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul class="chips" aria-label=tr("已选条件", "Selected filters")>
            {chips}
        </ul>
    }
}
