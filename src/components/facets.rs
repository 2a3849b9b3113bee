//! The facet filters of the 任务 view: one group per facet, each value a link that
//! toggles it in the URL, with the count it would give beside it.

use std::collections::HashMap;

use leptos::prelude::*;
use planboard_model::{Facet, FacetValue, Facets, Lang, QueryResult, Role, Route};

use crate::components::list_route::ListRoute;
use crate::components::scheduling::after_paint;
use crate::i18n::{lang, tr};
use crate::notes::{note_filter, use_notes, NoteFacets};
use crate::state::href;

/// Values shown before a group folds the rest away under “其余 N 项”.
const VALUES_SHOWN: usize = 12;

/// The facets in the order the panel shows them: where an entry comes from, what state
/// it is in, then who is responsible (the long lists last).
pub const PANEL_ORDER: [Facet; 9] = [
    Facet::Doc,
    Facet::Year,
    Facet::Jurisdiction,
    Facet::Status,
    Facet::Kind,
    Facet::Leader,
    Facet::District,
    Facet::Unit,
    Facet::Area,
];

/// The route with `value` of `facet` toggled.
pub fn toggled_route(route: &Route, facet: Facet, value: &str) -> Route {
    let mut next = route.clone();
    next.filter.toggle(facet, value);
    // Another filter starts again at one page, in a copied link too.
    next.rows = None;
    next
}

/// The route with `value` of `facet` toggled, as a link target.
pub fn toggled_href(route: &Route, facet: Facet, value: &str) -> String {
    href(&toggled_route(route, facet, value))
}

/// When the facet panel last caught up with the list. A keystroke or a click redraws
/// the rows on screen in its own frame; the counts and links of the panel (a hundred or
/// more) follow right after that frame is painted, so that they do not delay the first
/// result. Meanwhile the panel says `aria-busy="true"`.
#[derive(Clone, Copy)]
struct PanelSync {
    caught_up: Trigger,
    busy: RwSignal<bool>,
}

impl PanelSync {
    /// Follows `result`: every change is passed on after the next paint, the latest of
    /// several changes before it once.
    fn follow(result: Memo<QueryResult>) -> PanelSync {
        let sync = PanelSync {
            caught_up: Trigger::new(),
            busy: RwSignal::new(false),
        };
        let changes = StoredValue::new(0u64);
        Effect::new(move |first_run: Option<()>| {
            result.track();
            // The panel was drawn from the current result.
            if first_run.is_none() {
                return;
            }
            let change = changes.get_value() + 1;
            changes.set_value(change);
            sync.busy.set(true);
            after_paint(move || {
                if changes.try_get_value() == Some(change) {
                    sync.caught_up.notify();
                    sync.busy.try_set(false);
                }
            });
        });
        sync
    }
}

/// Every facet group in a `<details>` that starts open on wide screens and folded on
/// phones, where the list matters more than the controls.
#[component]
pub fn FacetPanel(result: Memo<QueryResult>, list_route: ListRoute) -> impl IntoView {
    let sync = PanelSync::follow(result);
    // Same breakpoint as the two-column layout in main.css (52em at 16px).
    let starts_open = window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= 832.0);
    let groups = PANEL_ORDER
        .into_iter()
        .map(|facet| view! { <FacetGroup facet result list_route sync /> })
        .collect_view();
    // The 我的笔记 group shows only for a reader with notes or a note filter on (it hides
    // itself otherwise); not building it at all spares its own count of the whole list
    // on every route change.
    let notes = use_notes();
    let shown = list_route.shown();
    let notes_group_shown = Memo::new(move |_| {
        notes.book().with(|book| book.written_count() > 0)
            || shown.with(|route| note_filter(&route.filter).is_active())
    });
    view! {
        <details
            class="facet-panel"
            open=starts_open
            aria-busy=move || sync.busy.get().then_some("true")
        >
            <summary>{tr("筛选条件", "Filters")}</summary>
            <div class="facet-groups">
                {groups} <Show when=move || notes_group_shown.get()>
                    <NoteFacets result route=shown />
                </Show>
            </div>
        </details>
    }
}

/// One facet's listed values, and where each value stands among them.
#[derive(Clone, Default, PartialEq)]
struct GroupValues {
    listed: Vec<FacetValue>,
    position: HashMap<String, usize>,
}

impl GroupValues {
    fn new(listed: &[FacetValue]) -> GroupValues {
        let position = listed
            .iter()
            .enumerate()
            .map(|(position, value)| (value.value.clone(), position))
            .collect();
        GroupValues {
            listed: listed.to_vec(),
            position,
        }
    }

    fn find(&self, value: &str) -> Option<&FacetValue> {
        self.position
            .get(value)
            .and_then(|&position| self.listed.get(position))
    }
}

/// One facet's values. Rows are keyed by value so a link keeps keyboard focus while the
/// counts around it change.
#[component]
fn FacetGroup(
    facet: Facet,
    result: Memo<QueryResult>,
    list_route: ListRoute,
    sync: PanelSync,
) -> impl IntoView {
    // This group's values alone, so a query that leaves them as they were (a click in
    // another facet often does) wakes nothing below; and a lookup by value, so each of
    // a few hundred unit links finds its count without a search through the others.
    // Read when the panel catches up with the list, not with each change of it.
    let values = Memo::new(move |_| {
        sync.caught_up.track();
        result.with_untracked(|result| GroupValues::new(result.facets.get(facet)))
    });
    let value_names = move |range: fn(usize) -> bool| {
        values.with(|values| {
            values
                .listed
                .iter()
                .enumerate()
                .filter(|(position, _)| range(*position))
                .map(|(_, value)| value.value.clone())
                .collect::<Vec<_>>()
        })
    };
    let total = Memo::new(move |_| values.with(|values| values.listed.len()));
    let rest = move || total.get().saturating_sub(VALUES_SHOWN);
    // A deep link may select a value from the folded part: show it unfolded then.
    let rest_selected = values.with_untracked(|values| {
        values
            .listed
            .iter()
            .skip(VALUES_SHOWN)
            .any(|value| value.selected)
    });
    // The folded values are drawn only once unfolded: the unit facet folds a few hundred
    // links whose counts would otherwise be rebuilt with every keystroke, unseen.
    let rest_open = RwSignal::new(rest_selected);
    let on_toggle = move |event: leptos::ev::Event| {
        let open = event
            .target()
            .and_then(|target| js_sys::Reflect::get(&target, &"open".into()).ok())
            .and_then(|open| open.as_bool())
            .unwrap_or(true);
        rest_open.set(open);
    };
    let heading_id = format!("facet-{}", facet.param());
    let labelled_by = heading_id.clone();
    let row = move |value: String| view! { <FacetLink facet value values list_route sync /> };
    let language = lang();
    view! {
        <section
            class="facet"
            data-facet=facet.param()
            aria-labelledby=labelled_by
            hidden=move || total.get() == 0
        >
            <h2 class="facet-title" id=heading_id>
                {facet.label(language)}
            </h2>
            {(facet == Facet::Unit).then(|| view! { <RoleToggle list_route /> })}
            <ul class="facet-values">
                <For
                    each=move || value_names(|position| position < VALUES_SHOWN)
                    key=|value| value.clone()
                    children=row
                />
            </ul>
            <details
                class="facet-more"
                open=rest_selected
                hidden=move || rest() == 0
                on:toggle=on_toggle
            >
                <summary>
                    {move || {
                        let rest = rest();
                        language.pick(format!("其余 {rest} 项"), format!("{rest} more"))
                    }}
                </summary>
                <Show when=move || rest_open.get()>
                    <ul class="facet-values">
                        <For
                            each=move || value_names(|position| position >= VALUES_SHOWN)
                            key=|value| value.clone()
                            children=row
                        />
                    </ul>
                </Show>
            </details>
        </section>
    }
}

/// One value: a link toggling it, its label and its count. The link element stays (it
/// may hold focus) and so do its parts: a keystroke changes most counts, and a count is
/// one text node's data, where markup would be parsed again.
#[component]
fn FacetLink(
    facet: Facet,
    value: String,
    values: Memo<GroupValues>,
    list_route: ListRoute,
    sync: PanelSync,
) -> impl IntoView {
    let route = list_route.shown();
    let language = lang();
    let lookup = value.clone();
    let state = Memo::new(move |_| {
        values.with(|values| {
            values
                .find(&lookup)
                .map(|found| (found.count, found.selected))
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| state.with(|state| state.0));
    let selected = Memo::new(move |_| state.with(|state| state.1));
    // A value's label never changes.
    let label = values.with_untracked(|values| {
        let shown = values
            .find(&value)
            .map_or(value.as_str(), |found| found.label.as_str());
        value_label(facet, &value, shown, language)
    });
    let target = value.clone();
    // Where the link leads changes with every route; it is written with the counts.
    let link = move || {
        sync.caught_up.track();
        route.with_untracked(|route| toggled_href(route, facet, &target))
    };
    let toggled = value.clone();
    let next = move || route.with_untracked(|route| toggled_route(route, facet, &toggled));
    let class = move || match (selected.get(), count.get() == 0) {
        (true, true) => "facet-value selected no-results",
        (true, false) => "facet-value selected",
        (false, true) => "facet-value no-results",
        (false, false) => "facet-value",
    };
    let check = move || if selected.get() { "☑" } else { "☐" };
    let spoken = move || spoken_words(count.get(), selected.get(), language);
    view! {
        <li>
            <a
                class=class
                href=link
                on:click=move |event| list_route.follow(&event, next.clone())
                data-facet-value=value
                aria-current=move || selected.get().then_some("true")
            >
                <span class="facet-check" aria-hidden="true">{check}</span>
                {label}
                <span class="facet-count">{move || count.get()}</span>
                <span class="visually-hidden">{spoken}</span>
            </a>
        </li>
    }
}

/// A value's label: the interface's own words translated, the documents' names kept and
/// marked as Chinese.
fn value_label(facet: Facet, value: &str, label: &str, language: Lang) -> AnyView {
    match facet.translated_value(value, language) {
        Some(translated) => view! { <span class="facet-label">{translated}</span> }.into_any(),
        None => {
            view! { <span class="facet-label" lang="zh-CN">{label.to_owned()}</span> }.into_any()
        }
    }
}

/// For screen readers, what a count counts and what a click does.
fn spoken_words(count: usize, selected: bool, language: Lang) -> &'static str {
    match (language, selected, count == 1) {
        (Lang::Zh, false, _) => " 条",
        (Lang::Zh, true, _) => " 条，已选中，点击取消",
        (Lang::En, false, true) => " item",
        (Lang::En, false, false) => " items",
        (Lang::En, true, true) => " item, selected, select to remove",
        (Lang::En, true, false) => " items, selected, select to remove",
    }
}

/// 全部 / 牵头: whether the unit filter counts a unit in any role or only as lead.
#[component]
fn RoleToggle(list_route: ListRoute) -> impl IntoView {
    let route = list_route.shown();
    let option = move |role: Role, label: &'static str| {
        let next = move || {
            route.with_untracked(|route| {
                let mut next = route.clone();
                next.filter.role = role;
                next
            })
        };
        let target = move || {
            route.with(|route| {
                let mut next = route.clone();
                next.filter.role = role;
                href(&next)
            })
        };
        let current = move || route.with(|route| route.filter.role == role);
        view! {
            <a
                href=target
                on:click=move |event| list_route.follow(&event, next)
                class="role-option"
                class:selected=current
                aria-current=move || current().then_some("true")
            >
                {label}
            </a>
        }
    };
    view! {
        <p class="role-toggle" role="group" aria-label=tr("单位的角色", "Role of the unit")>
            {option(Role::Any, tr("全部角色", "Any role"))}
            {option(Role::Lead, tr("仅牵头", "Lead only"))}
        </p>
    }
}

/// One selected filter value, for the “已选” chips that remove it.
pub struct SelectedValue {
    pub facet: Facet,
    /// As in the URL.
    pub value: String,
    /// As shown, in the interface language where the value is the app's own word.
    pub label: String,
    /// Whether the label is a name from the documents (then shown as Chinese).
    pub from_documents: bool,
}

/// The selected values across all facets, in panel order.
pub fn selected_values(facets: &Facets, language: Lang) -> Vec<SelectedValue> {
    PANEL_ORDER
        .into_iter()
        .flat_map(|facet| {
            facets
                .get(facet)
                .iter()
                .filter(|value| value.selected)
                .map(move |value| {
                    let translated = facet.translated_value(&value.value, language);
                    SelectedValue {
                        facet,
                        value: value.value.clone(),
                        from_documents: translated.is_none(),
                        label: translated.unwrap_or_else(|| value.label.clone()),
                    }
                })
        })
        .collect()
}
