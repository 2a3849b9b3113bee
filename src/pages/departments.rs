//! 部门: every responsible unit with its tasks as lead and as co-responsible; one
//! unit's page with both lists, its status chart and the leaders it works under.

use std::collections::HashSet;

use leptos::prelude::*;
use planboard_model::{
    per_leader, per_unit, status_counts, Dataset, Filter, Role, Unit, UnitKind, UnitLoad, View,
};

use crate::components::chart::{ChartRow, StackedBarChart};
use crate::components::empty_page::EmptyEntityPage;
use crate::components::status_chart::{status_row, status_series, tasks_href};
use crate::components::task_row::EntryRow;
use crate::pages::leaders::role_series;
use crate::state::{href_view, use_data};

/// How many units the overview chart draws; the tables list them all.
const UNITS_CHARTED: usize = 15;

/// The unit kind in words.
pub fn unit_kind_label(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Department => "部门",
        UnitKind::DistrictGovernment => "区县政府",
        UnitKind::TownGovernment => "镇街",
        UnitKind::StateEnterprise => "国有企业",
        UnitKind::PartyOrgan => "党委部门",
        UnitKind::Other => "其他",
    }
}

fn find_unit<'a>(dataset: &'a Dataset, name: &str) -> Option<&'a Unit> {
    dataset.catalog.units.iter().find(|unit| unit.name == name)
}

/// The departments view (`#/departments`): units sorted by how many tasks name them.
#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let index = &data.index;
    let everything: Vec<usize> = (0..index.entries().len()).collect();
    let loads = per_unit(index, &everything);

    // One section per jurisdiction (湖州市, 平湖市), in order of first appearance: unit
    // names only make sense within their own government.
    let mut jurisdictions: Vec<String> = Vec::new();
    for load in &loads {
        let jurisdiction = jurisdiction_of(dataset, &load.unit);
        if !jurisdictions.contains(&jurisdiction) {
            jurisdictions.push(jurisdiction);
        }
    }
    let sections = jurisdictions
        .into_iter()
        .enumerate()
        .map(|(position, jurisdiction)| {
            let units: Vec<&UnitLoad> = loads
                .iter()
                .filter(|load| jurisdiction_of(dataset, &load.unit) == jurisdiction)
                .collect();
            jurisdiction_section(dataset, position, &jurisdiction, &units)
        })
        .collect_view();

    let count = loads.len();
    view! {
        <div class="view departments-page">
            <div class="page-head">
                <h1>"部门"</h1>
                <p class="page-lede" data-testid="result-count">
                    {format!("共 {count} 个责任单位，按涉及任务总数排列")}
                </p>
            </div>
            {(count == 0).then(|| view! { <p class="empty">"当前数据中没有责任单位。"</p> })}
            {sections}
        </div>
    }
}

/// A jurisdiction's units: a chart of the busiest, then the table of all.
fn jurisdiction_section(
    dataset: &Dataset,
    position: usize,
    jurisdiction: &str,
    units: &[&UnitLoad],
) -> impl IntoView {
    let heading = format!("{jurisdiction}（{} 个单位）", units.len());
    let heading_id = format!("units-{}", position + 1);
    let labelled_by = heading_id.clone();
    let kinds = kind_summary(dataset, units);
    let chart_rows = units
        .iter()
        .take(UNITS_CHARTED)
        .map(|load| ChartRow {
            label: load.unit.clone(),
            values: vec![load.lead.total(), load.co.total()],
            href: Some(href_view(View::Department(load.unit.clone()))),
            value_hrefs: vec![
                Some(tasks_href(Filter {
                    unit: vec![load.unit.clone()],
                    role: Role::Lead,
                    ..Filter::default()
                })),
                None,
            ],
        })
        .collect::<Vec<_>>();
    let caption = format!(
        "{jurisdiction}涉及任务最多的 {} 个责任单位：牵头与配合",
        UNITS_CHARTED.min(units.len())
    );
    let rows = units
        .iter()
        .map(|load| unit_row(dataset, load))
        .collect_view();
    view! {
        <section class="unit-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="section-note">{kinds}</p>
            <StackedBarChart key=format!("units-{}", position + 1) caption=caption
                series=role_series() rows=chart_rows axis_label="任务数（项）".to_string()
                label_header="责任单位".to_string() />
            <div class="table-scroll" role="region" aria-label=format!("{jurisdiction}责任单位表")
                tabindex="0">
                <table class="data units-table">
                    <thead>
                        <tr>
                            <th scope="col">"责任单位"</th>
                            <th scope="col">"类型"</th>
                            <th scope="col" class="num">"牵头"</th>
                            <th scope="col" class="num">"配合"</th>
                            <th scope="col" class="num">"合计"</th>
                            <th scope="col" class="num">"牵头且滞后"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// `部门 60 个 · 区县政府 8 个 · …`, in the kinds' fixed order.
fn kind_summary(dataset: &Dataset, units: &[&UnitLoad]) -> String {
    let kinds = [
        UnitKind::Department,
        UnitKind::DistrictGovernment,
        UnitKind::TownGovernment,
        UnitKind::StateEnterprise,
        UnitKind::PartyOrgan,
        UnitKind::Other,
    ];
    let parts: Vec<String> = kinds
        .into_iter()
        .filter_map(|kind| {
            let count = units
                .iter()
                .filter(|load| find_unit(dataset, &load.unit).map(|unit| unit.kind) == Some(kind))
                .count();
            (count > 0).then(|| format!("{} {count} 个", unit_kind_label(kind)))
        })
        .collect();
    parts.join(" · ")
}

fn jurisdiction_of(dataset: &Dataset, unit: &str) -> String {
    find_unit(dataset, unit)
        .map(|unit| unit.jurisdiction.clone())
        .unwrap_or_else(|| "未归类".to_string())
}

fn unit_row(dataset: &Dataset, load: &UnitLoad) -> impl IntoView {
    let kind = find_unit(dataset, &load.unit)
        .map(|unit| unit_kind_label(unit.kind))
        .unwrap_or("—");
    let lead = load.lead.total();
    let lagging = load.lead.get(planboard_model::Status::Lagging);
    view! {
        <tr data-unit=load.unit.clone()>
            <th scope="row">
                <a href=href_view(View::Department(load.unit.clone()))>{load.unit.clone()}</a>
            </th>
            <td>{kind}</td>
            <td class="num">{lead.to_string()}</td>
            <td class="num">{load.co.total().to_string()}</td>
            <td class="num total">{(lead + load.co.total()).to_string()}</td>
            <td class="num">{if lagging == 0 { "—".to_string() } else { lagging.to_string() }}</td>
        </tr>
    }
}

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

    let subtitle = unit
        .as_ref()
        .map(|unit| {
            let mut parts = vec![
                unit.jurisdiction.clone(),
                unit_kind_label(unit.kind).to_string(),
            ];
            if let Some(district) = &unit.district {
                parts.push(format!("属{district}"));
            }
            if !unit.aliases.is_empty() {
                parts.push(format!("原文又作：{}", unit.aliases.join("、")));
            }
            parts.join(" · ")
        })
        .unwrap_or_default();
    let back = view! {
        <p class="back-link"><a href=href_view(View::Departments)>"← 全部责任单位"</a></p>
    };
    if all.is_empty() {
        let message = if unit.is_some() {
            "该单位在当前数据中没有任务。".to_string()
        } else {
            format!("当前数据中没有名为“{name}”的责任单位。")
        };
        return view! {
            <EmptyEntityPage class="department-page" back=back.into_any() name=name subtitle=subtitle message=message />
        }
        .into_any();
    }

    let status_rows = vec![
        status_row(
            "牵头".to_string(),
            &status_counts(index, &lead),
            Some(&lead_filter),
        ),
        status_row("配合".to_string(), &status_counts(index, &co), None),
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
                caption=format!("{name}所涉任务的分管领导（按状态）")
                series=status_series() rows=leader_rows
                axis_label="任务数（项）".to_string() label_header="领导".to_string() />
        }
    });
    let no_leader_note = leader_chart
        .is_none()
        .then(|| view! { <p class="section-note">"该单位所涉任务的文件未写明分管领导。"</p> });

    view! {
        <div class="view department-page">
            {back}
            <div class="page-head">
                <h1>{name.clone()}</h1>
                <p class="page-lede">{subtitle}</p>
                <p class="page-counts" data-testid="result-count">
                    {format!("共 {} 项任务：牵头 {} 项，配合 {} 项", all.len(), lead.len(), co.len())}
                    " · "
                    <a href=tasks_href(any_filter.clone())>"在任务列表中筛选"</a>
                </p>
            </div>
            <div class="chart-grid">
                <StackedBarChart key="unit-status".to_string()
                    caption=format!("{name}牵头与配合的任务（按状态）")
                    series=status_series() rows=status_rows
                    axis_label="任务数（项）".to_string() label_header="角色".to_string() />
                {leader_chart}
            </div>
            {no_leader_note}
            <EntrySection id="unit-lead" title=format!("牵头任务（{} 项）", lead.len())
                entries=lead empty="该单位在当前数据中没有牵头任务。" />
            <EntrySection id="unit-co" title=format!("配合任务（{} 项）", co.len())
                entries=co empty="该单位在当前数据中没有配合任务。" />
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
