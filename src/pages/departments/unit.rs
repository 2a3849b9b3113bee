//! One unit's page (`#/departments/<unit>`): its tasks as lead and as supporting unit,
//! their status and the leaders in charge of them.

use std::collections::HashSet;

use leptos::prelude::*;
use planboard_model::{per_leader, status_counts, Filter, Lang, Role, Unit, View};

use super::{find_unit, unit_kind_label};
use crate::components::chart::{ChartRow, StackedBarChart};
use crate::components::empty_page::EmptyEntityPage;
use crate::components::status_chart::{status_row, status_series, tasks_href};
use crate::components::task_row::EntryRow;
use crate::i18n::{counted, lang, tr};
use crate::state::{href_view, use_data};

/// One unit's page (`#/departments/<unit>`).
#[component]
pub fn DepartmentPage(name: String) -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let index = &data.index;
    let unit = find_unit(dataset, &name).cloned();
    let any_filter = Filter {
        unit: vec![name.clone()],
        ..Filter::default()
    };
    let lead_filter = Filter {
        role: Role::Lead,
        ..any_filter.clone()
    };
    let all = index.query(&any_filter).matches;
    let lead = index.query(&lead_filter).matches;
    let lead_set: HashSet<usize> = lead.iter().copied().collect();
    let co: Vec<usize> = all
        .iter()
        .copied()
        .filter(|e| !lead_set.contains(e))
        .collect();

    let subtitle = unit.as_ref().map(subtitle_parts).unwrap_or_default();
    let back = view! {
        <p class="back-link">
            <a href=href_view(View::Departments)>{tr("← 全部责任单位", "← All responsible units")}</a>
        </p>
    };
    if all.is_empty() {
        let message = match (&unit, lang()) {
            (Some(_), _) => tr(
                "该单位在当前数据中没有任务。",
                "This unit has no tasks in the data.",
            )
            .into_any(),
            (None, Lang::Zh) => format!("当前数据中没有名为“{name}”的责任单位。").into_any(),
            (None, Lang::En) => view! {
                "The data has no responsible unit named " <span lang="zh-CN">{name.clone()}</span> "."
            }
            .into_any(),
        };
        let subtitle = subtitle_view(subtitle);
        return view! {
            <EmptyEntityPage class="department-page" back=back.into_any() name=name subtitle=subtitle message=message />
        }
        .into_any();
    }

    // "Support", not "Supporting": the row label shares a phone's width with four
    // status columns in the chart's table.
    let status_rows = vec![
        status_row(
            tr("牵头", "Lead").to_string(),
            &status_counts(index, &lead),
            Some(&lead_filter),
        ),
        status_row(
            tr("配合", "Support").to_string(),
            &status_counts(index, &co),
            None,
        ),
    ];
    let leader_rows: Vec<ChartRow> = per_leader(index, &all)
        .into_iter()
        .map(|bar| {
            let filter = Filter {
                leader: vec![bar.label.clone()],
                ..any_filter.clone()
            };
            let mut row = status_row(bar.label.clone(), &bar.counts, Some(&filter));
            row.href = Some(href_view(View::Leader(bar.label)));
            row
        })
        .collect();
    let leader_chart = (!leader_rows.is_empty()).then(|| {
        view! {
            <StackedBarChart key="unit-leaders".to_string()
                caption=tr(
                        "{name}所涉任务的分管领导（按状态）",
                        "Leaders in charge of {name}'s tasks, by status",
                    )
                    .to_string()
                caption_name=name.clone()
                series=status_series() rows=leader_rows
                axis_label=tr("任务数（项）", "Tasks").to_string()
                label_header=tr("领导", "Leader").to_string() document_labels=true />
        }
    });
    let no_leader_note = leader_chart.is_none().then(|| {
        view! {
            <p class="section-note">
                {tr(
                    "该单位所涉任务的文件未写明分管领导。",
                    "The documents name no leader in charge of this unit's tasks.",
                )}
            </p>
        }
    });

    view! {
        <div class="view department-page">
            {back}
            <div class="page-head">
                <h1 lang="zh-CN">{name.clone()}</h1>
                <p class="page-lede">{subtitle_view(subtitle)}</p>
                <p class="page-counts" data-testid="result-count">
                    {lang()
                        .pick(
                            format!(
                                "共 {} 项任务：牵头 {} 项，配合 {} 项",
                                all.len(),
                                lead.len(),
                                co.len(),
                            ),
                            format!(
                                "{}: leads {}, supports {}",
                                counted(all.len(), "task", "tasks"),
                                lead.len(),
                                co.len(),
                            ),
                        )} " · "
                    <a href=tasks_href(any_filter.clone())>
                        {tr("在任务列表中筛选", "Show in the task list")}
                    </a>
                </p>
            </div>
            <div class="chart-grid">
                <StackedBarChart key="unit-status".to_string()
                    caption=tr(
                            "{name}牵头与配合的任务（按状态）",
                            "Tasks {name} leads and supports, by status",
                        )
                        .to_string()
                    caption_name=name.clone()
                    series=status_series() rows=status_rows
                    axis_label=tr("任务数（项）", "Tasks").to_string()
                    label_header=tr("角色", "Role").to_string() />
                {leader_chart}
            </div>
            {no_leader_note}
            <EntrySection id="unit-lead"
                title=lang()
                    .pick(
                        format!("牵头任务（{} 项）", lead.len()),
                        format!("Tasks it leads ({})", lead.len()),
                    )
                entries=lead
                empty=tr("该单位在当前数据中没有牵头任务。", "The unit leads no task in the data.") />
            <EntrySection id="unit-co"
                title=lang()
                    .pick(
                        format!("配合任务（{} 项）", co.len()),
                        format!("Tasks it supports ({})", co.len()),
                    )
                entries=co
                empty=tr(
                    "该单位在当前数据中没有配合任务。",
                    "The unit supports no task in the data.",
                ) />
        </div>
    }
    .into_any()
}

/// A headed list of entries, or an explicit sentence when there are none.
#[component]
fn EntrySection(
    id: &'static str,
    title: String,
    entries: Vec<usize>,
    empty: &'static str,
) -> impl IntoView {
    let body = if entries.is_empty() {
        view! { <p class="empty">{empty}</p> }.into_any()
    } else {
        let rows = entries
            .into_iter()
            .map(|entry| view! { <EntryRow entry=entry query="" /> })
            .collect_view();
        view! { <ol class="entry-list">{rows}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {body}
        </section>
    }
}

/// One part of a unit's subtitle: our words, then (if any) the documents' text they
/// introduce, kept apart so the view can mark the documents' text as Chinese.
type SubtitlePart = (&'static str, Option<String>);

/// `湖州市 · 部门 · 属吴兴区 · 原文又作：发改委`, as parts.
fn subtitle_parts(unit: &Unit) -> Vec<SubtitlePart> {
    let mut parts = vec![
        ("", Some(unit.jurisdiction.clone())),
        (unit_kind_label(unit.kind), None),
    ];
    if let Some(district) = &unit.district {
        parts.push((tr("属", "in "), Some(district.clone())));
    }
    if !unit.aliases.is_empty() {
        parts.push((
            tr("原文又作：", "also written as "),
            Some(unit.aliases.join("、")),
        ));
    }
    parts
}

fn subtitle_view(parts: Vec<SubtitlePart>) -> impl IntoView {
    parts
        .into_iter()
        .enumerate()
        .map(|(position, (words, text))| {
            view! {
                {(position > 0).then_some(" · ")}
                {words}
                {text.map(|text| view! { <span lang="zh-CN">{text}</span> })}
            }
        })
        .collect_view()
}
