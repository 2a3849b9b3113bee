//! 年度对比: one leader's or department's commitments in two task documents side by
//! side — carried over, dropped, added — matched by the thread links.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::compare::{compare, Comparison, Scope};
use planboard_model::{DocumentKind, LinkIndex, Route, SourceDocument, View};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::data_gate::with_links;
use crate::components::task_row::{document_short_label, EntryRow};
use crate::i18n::{lang, tr};
use crate::state::{navigate, use_data, use_route, HistoryMode};

/// `#/compare?doc=<older>&doc=<newer>&leader=<name>` (or `unit=<department>`).
#[component]
pub fn ComparePage() -> impl IntoView {
    let route = use_route();
    let filter = Memo::new(move |_| route.with(|route| route.filter.clone()));
    move || {
        let filter = filter.get();
        view! {
            <CompareView docs=filter.doc leader=filter.leader.first().cloned()
                unit=filter.unit.first().cloned() />
        }
    }
}

/// Documents that hold commitments (not the plan), oldest first.
fn task_documents(documents: &[SourceDocument]) -> Vec<SourceDocument> {
    let mut found: Vec<SourceDocument> = documents
        .iter()
        .filter(|d| d.kind != DocumentKind::FiveYearPlan)
        .cloned()
        .collect();
    found.sort_by(|a, b| a.date.cmp(&b.date));
    found
}

#[component]
fn CompareView(docs: Vec<String>, leader: Option<String>, unit: Option<String>) -> impl IntoView {
    let data = use_data();
    let index = &data.index;
    let documents = task_documents(&data.dataset.catalog.documents);
    let names_leaders = |doc: &str| {
        index
            .entries()
            .iter()
            .any(|e| e.document == doc && e.leader.is_some())
    };
    let find = |id: Option<&String>| id.and_then(|id| documents.iter().find(|d| &d.id == id));
    let Some(before) = find(docs.first())
        .or_else(|| documents.iter().find(|d| names_leaders(&d.id)))
        .or_else(|| documents.first())
        .cloned()
    else {
        return view! {
            <p class="empty">{tr("当前数据中没有可对比的文件。", "The data hold no documents to compare.")}</p>
        }
        .into_any();
    };
    let after = find(docs.get(1))
        .or_else(|| {
            documents
                .iter()
                .rev()
                .find(|d| d.id != before.id && d.jurisdiction == before.jurisdiction)
        })
        .cloned()
        .unwrap_or_else(|| before.clone());
    let leaders: BTreeSet<String> = index
        .entries()
        .iter()
        .filter(|e| e.document == before.id)
        .filter_map(|e| e.leader.clone())
        .collect();
    let units: BTreeSet<String> = index
        .entries()
        .iter()
        .filter(|e| e.document == before.id || e.document == after.id)
        .flat_map(|e| e.units.iter().map(|u| u.name.clone()))
        .collect();
    let scope = match (leader, unit) {
        (Some(leader), _) => Some(Scope::Leader(leader)),
        (None, Some(unit)) => Some(Scope::Unit(unit)),
        (None, None) => leaders.iter().next().cloned().map(Scope::Leader),
    };

    let go = {
        let (before, after, scope) = (before.id.clone(), after.id.clone(), scope.clone());
        move |change: Change| {
            let mut target = Route::new(View::Compare);
            let (mut a, mut b, mut scope) = (before.clone(), after.clone(), scope.clone());
            match change {
                Change::Before(id) => a = id,
                Change::After(id) => b = id,
                Change::Leader(name) => scope = Some(Scope::Leader(name)),
                Change::Unit(name) => scope = Some(Scope::Unit(name)),
            }
            target.filter.doc = vec![a, b];
            match scope {
                Some(Scope::Leader(name)) => target.filter.leader = vec![name],
                Some(Scope::Unit(name)) => target.filter.unit = vec![name],
                None => {}
            }
            navigate(&target, HistoryMode::Push);
        }
    };
    let document_options = |selected: &str| {
        documents
            .iter()
            .map(|d| {
                view! {
                    <option value=d.id.clone() selected=d.id == selected lang="zh-CN">
                        {document_short_label(d)}
                    </option>
                }
            })
            .collect_view()
    };
    let name_options = |names: &BTreeSet<String>, selected: Option<&str>| {
        let none = view! { <option value="" selected=selected.is_none()>{tr("（未选）", "(none)")}</option> };
        let options = names
            .iter()
            .map(|name| {
                view! {
                    <option value=name.clone() selected=Some(name.as_str()) == selected lang="zh-CN">
                        {name.clone()}
                    </option>
                }
            })
            .collect_view();
        view! { {none} {options} }
    };
    let (selected_leader, selected_unit) = match &scope {
        Some(Scope::Leader(name)) => (Some(name.as_str()), None),
        Some(Scope::Unit(name)) => (None, Some(name.as_str())),
        None => (None, None),
    };
    let controls = {
        let (go_a, go_b, go_l, go_u) = (go.clone(), go.clone(), go.clone(), go);
        view! {
            <form class="compare-controls" on:submit=|event| event.prevent_default()>
                <label>{tr("较早的文件 ", "Earlier document ")}
                    <select on:change=move |e| go_a(Change::Before(event_target_value(&e)))>{document_options(&before.id)}</select>
                </label>
                <label>{tr("较晚的文件 ", "Later document ")}
                    <select on:change=move |e| go_b(Change::After(event_target_value(&e)))>{document_options(&after.id)}</select>
                </label>
                <label>{tr("领导 ", "Leader ")}
                    <select on:change=move |e| { let v = event_target_value(&e); if !v.is_empty() { go_l(Change::Leader(v)) } }>
                        {name_options(&leaders, selected_leader)}
                    </select>
                </label>
                <label>{tr("或部门 ", "or department ")}
                    <select on:change=move |e| { let v = event_target_value(&e); if !v.is_empty() { go_u(Change::Unit(v)) } }>
                        {name_options(&units, selected_unit)}
                    </select>
                </label>
            </form>
        }
    };

    let result = match &scope {
        Some(scope) => {
            let (index, before, after, scope) =
                (Arc::clone(index), before.clone(), after.clone(), scope.clone());
            with_links(move |links| {
                let comparison =
                    compare(&index, &LinkIndex::new(&links), &before.id, &after.id, &scope);
                comparison_view(&comparison, &before, &after, &scope)
            })
        }
        None => view! {
            <p class="empty">{tr("请选择一位领导或一个部门。", "Choose a leader or a department.")}</p>
        }
        .into_any(),
    };
    view! {
        <div class="view compare-page">
            <div class="page-head">
                <h1>{tr("年度对比", "Year on year")}</h1>
                <p class="page-lede">
                    {tr(
                        "同一位领导或同一个部门在两份任务文件中的工作：哪些延续、哪些不再出现、哪些是新增。配对依据与“主题脉络”的关联相同。",
                        "One leader's or one department's work in two task documents: what carries over, what is no longer there, what is new. Tasks are paired by the same links as in the Threads view.",
                    )}
                </p>
            </div>
            {controls}
            {result}
        </div>
    }
    .into_any()
}

#[derive(Clone)]
enum Change {
    Before(String),
    After(String),
    Leader(String),
    Unit(String),
}

fn comparison_view(
    comparison: &Comparison,
    before: &SourceDocument,
    after: &SourceDocument,
    scope: &Scope,
) -> impl IntoView {
    let (name, role) = match scope {
        Scope::Leader(name) => (name, tr("（领导）", " (leader)")),
        Scope::Unit(name) => (name, tr("（部门）", " (department)")),
    };
    // The chart puts the name, marked Chinese, where `{name}` stands.
    let caption = lang().pick(
        format!("{{name}}{role}的工作变化"),
        format!("How the work of {{name}}{role} changed"),
    );
    let (before_label, after_label) = (document_short_label(before), document_short_label(after));
    let note = comparison.attributed_by_units.then(|| {
        view! {
            <p class="section-note">
                <span lang="zh-CN">{after_label.clone()}</span>
                {tr(
                    "没有写明分管领导：这里按该领导在",
                    " names no leader in charge: its tasks are attributed by the lead units of the leader's tasks in ",
                )}
                <span lang="zh-CN">{before_label.clone()}</span>
                {tr("中分管任务的牵头单位归属。", ".")}
            </p>
        }
    });
    let (carried_word, dropped_word, added_word) = (
        tr("延续", "Carried over"),
        tr("不再出现", "No longer listed"),
        tr("新增", "New"),
    );
    let rows = vec![
        ChartRow {
            label: carried_word.to_owned(),
            values: vec![comparison.carried.len(), 0, 0],
            ..ChartRow::default()
        },
        ChartRow {
            label: dropped_word.to_owned(),
            values: vec![0, comparison.dropped.len(), 0],
            ..ChartRow::default()
        },
        ChartRow {
            label: added_word.to_owned(),
            values: vec![0, 0, comparison.added.len()],
            ..ChartRow::default()
        },
    ];
    let series = vec![
        Series {
            label: carried_word.to_owned(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: dropped_word.to_owned(),
            style: SeriesStyle::Co,
        },
        Series {
            label: added_word.to_owned(),
            style: SeriesStyle::Status(planboard_model::Status::Reported),
        },
    ];
    let carried = comparison
        .carried
        .iter()
        .map(|carried| {
            let after_rows = carried
                .after
                .iter()
                .map(|&entry| view! { <EntryRow entry query="" /> })
                .collect_view();
            view! {
                <li class="carried">
                    <ol class="entry-list"><EntryRow entry=carried.before query="" /></ol>
                    <p class="carried-arrow">
                        {tr("↓ 依据：", "↓ because both say: ")}
                        <span lang="zh-CN">{carried.reasons.join("、")}</span>
                    </p>
                    <ol class="entry-list">{after_rows}</ol>
                </li>
            }
        })
        .collect_view();
    let list = |entries: &[usize]| {
        entries
            .iter()
            .map(|&entry| view! { <EntryRow entry query="" /> })
            .collect_view()
    };
    view! {
        <h2>
            <span lang="zh-CN">{name.clone()}</span> {role} {tr("：", ": ")}
            <span lang="zh-CN">{before_label}</span> " → " <span lang="zh-CN">{after_label}</span>
        </h2>
        {note}
        <StackedBarChart key="compare-summary".to_string() caption=caption caption_name=name.clone()
            series=series rows=rows axis_label=tr("项数", "Items").to_string()
            label_header=tr("变化", "Change").to_string() composition=true />
        <div class="compare-columns">
            <section aria-labelledby="compare-carried" data-testid="compare-carried">
                <h3 id="compare-carried">{counted_heading(carried_word, comparison.carried.len())}</h3>
                <ul class="carried-list">{carried}</ul>
            </section>
            <section aria-labelledby="compare-dropped" data-testid="compare-dropped">
                <h3 id="compare-dropped">{counted_heading(dropped_word, comparison.dropped.len())}</h3>
                <ol class="entry-list">{list(&comparison.dropped)}</ol>
            </section>
            <section aria-labelledby="compare-added" data-testid="compare-added">
                <h3 id="compare-added">{counted_heading(added_word, comparison.added.len())}</h3>
                <ol class="entry-list">{list(&comparison.added)}</ol>
            </section>
        </div>
    }
}

/// `延续（2 项）` / `Carried over (2)`.
fn counted_heading(word: &str, count: usize) -> String {
    lang().pick(format!("{word}（{count} 项）"), format!("{word} ({count})"))
}
