//! The facet filters of the 任务 view: one group per facet, each value a link that
//! toggles it in the URL, with the count it would give beside it.

use leptos::prelude::*;
use planboard_model::{Facet, Facets, QueryResult, Role, Route};

use crate::state::{href, use_route};

/// Values shown before a group folds the rest away under “其余 N 项”.
const VALUES_SHOWN: usize = 12;

/// The facets in the order the panel shows them: where an entry comes from, what state
/// it is in, then who is responsible (the long lists last).
pub const PANEL_ORDER: [Facet; 8] = [
    Facet::Doc,
    Facet::Year,
    Facet::Jurisdiction,
    Facet::Status,
    Facet::Kind,
    Facet::Leader,
    Facet::District,
    Facet::Unit,
];

/// The route with `value` of `facet` toggled, as a link target.
pub fn toggled_href(route: &Route, facet: Facet, value: &str) -> String {
    let mut next = route.clone();
    next.filter.toggle(facet, value);
    href(&next)
}

/// Every facet group in a `<details>` that starts open on wide screens and folded on
/// phones, where the list matters more than the controls.
#[component]
pub fn FacetPanel(result: Memo<QueryResult>) -> impl IntoView {
    // Same breakpoint as the two-column layout in main.css (52em at 16px).
    let starts_open = window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= 832.0);
    let groups = PANEL_ORDER
        .into_iter()
        .map(|facet| view! { <FacetGroup facet result /> })
        .collect_view();
    view! {
        <details class="facet-panel" open=starts_open>
            <summary>"筛选条件"</summary>
            <div class="facet-groups">{groups} <crate::notes::NoteFacets /></div>
        </details>
    }
}

/// One facet's values. Rows are keyed by value so a link keeps keyboard focus while the
/// counts around it change.
#[component]
fn FacetGroup(facet: Facet, result: Memo<QueryResult>) -> impl IntoView {
    let value_names = move |range: fn(usize) -> bool| {
        result.with(|result| {
            result
                .facets
                .get(facet)
                .iter()
                .enumerate()
                .filter(|(position, _)| range(*position))
                .map(|(_, value)| value.value.clone())
                .collect::<Vec<_>>()
        })
    };
    let total = Memo::new(move |_| result.with(|result| result.facets.get(facet).len()));
    let rest = move || total.get().saturating_sub(VALUES_SHOWN);
    // A deep link may select a value from the folded part: show it unfolded then.
    let rest_selected = result.with_untracked(|result| {
        result
            .facets
            .get(facet)
            .iter()
            .skip(VALUES_SHOWN)
            .any(|value| value.selected)
    });
    let heading_id = format!("facet-{}", facet.param());
    let labelled_by = heading_id.clone();
    let row = move |value: String| view! { <FacetLink facet value result /> };
    view! {
        <section
            class="facet"
            data-facet=facet.param()
            aria-labelledby=labelled_by
            hidden=move || total.get() == 0
        >
            <h2 class="facet-title" id=heading_id>
                {facet.label_zh()}
            </h2>
            {(facet == Facet::Unit).then(|| view! { <RoleToggle /> })}
            <ul class="facet-values">
                <For
                    each=move || value_names(|position| position < VALUES_SHOWN)
                    key=|value| value.clone()
                    children=row
                />
            </ul>
            <details class="facet-more" open=rest_selected hidden=move || rest() == 0>
                <summary>"其余 " {rest} " 项"</summary>
                <ul class="facet-values">
                    <For
                        each=move || value_names(|position| position >= VALUES_SHOWN)
                        key=|value| value.clone()
                        children=row
                    />
                </ul>
            </details>
        </section>
    }
}

/// One value: a link toggling it, its label and its count.
#[component]
fn FacetLink(facet: Facet, value: String, result: Memo<QueryResult>) -> impl IntoView {
    let route = use_route();
    let lookup = value.clone();
    let state = Memo::new(move |_| {
        result.with(|result| {
            result
                .facets
                .get(facet)
                .iter()
                .find(|candidate| candidate.value == lookup)
                .map(|found| (found.label.clone(), found.count, found.selected))
                .unwrap_or_default()
        })
    });
    let target = value.clone();
    let link = move || route.with(|route| toggled_href(route, facet, &target));
    let selected = move || state.with(|state| state.2);
    view! {
        <li>
            <a
                class="facet-value"
                class:selected=selected
                class:empty=move || state.with(|state| state.1 == 0)
                href=link
                data-facet-value=value
                aria-current=move || selected().then_some("true")
            >
                <span class="facet-check" aria-hidden="true">
                    {move || if selected() { "☑" } else { "☐" }}
                </span>
                <span class="facet-label">{move || state.with(|state| state.0.clone())}</span>
                <span class="facet-count">{move || state.with(|state| state.1)}</span>
                <span class="visually-hidden">
                    {move || if selected() { " 条，已选中，点击取消" } else { " 条" }}
                </span>
            </a>
        </li>
    }
}

/// 全部 / 牵头: whether the unit filter counts a unit in any role or only as lead.
#[component]
fn RoleToggle() -> impl IntoView {
    let route = use_route();
    let option = move |role: Role, label: &'static str| {
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
                class="role-option"
                class:selected=current
                aria-current=move || current().then_some("true")
            >
                {label}
            </a>
        }
    };
    view! {
        <p class="role-toggle" role="group" aria-label="单位的角色">
            {option(Role::Any, "全部角色")}
            {option(Role::Lead, "仅牵头")}
        </p>
    }
}

/// The selected values across all facets, as (facet, value, label) for the
/// “已选” chips that remove them.
pub fn selected_values(facets: &Facets) -> Vec<(Facet, String, String)> {
    PANEL_ORDER
        .into_iter()
        .flat_map(|facet| {
            facets
                .get(facet)
                .iter()
                .filter(|value| value.selected)
                .map(move |value| (facet, value.value.clone(), value.label.clone()))
        })
        .collect()
}
