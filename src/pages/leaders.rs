//! 领导: every leader with title, jurisdiction and task counts; one leader's page with
//! their tasks by document, workload and status charts, and the units they work with.

use leptos::prelude::*;
use planboard_model::{
    per_leader, per_unit, status_counts, EntryKind, Filter, Index, Role, TaskKind, View,
};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::empty_page::EmptyEntityPage;
use crate::components::status_chart::{status_row, status_series, tasks_href};
use crate::components::task_row::{document_short_label, EntryRow};
use crate::state::{href_view, use_data};

/// How many units a leader's page charts; the table below the chart has the same rows.
const UNITS_CHARTED: usize = 12;

/// The leaders view (`#/leaders`).
#[component]
pub fn LeadersPage() -> impl IntoView {
    let data = use_data();
    let index = &data.index;
    let everything: Vec<usize> = (0..index.entries().len()).collect();
    let bars = per_leader(index, &everything);
    let leaders = &data.dataset.catalog.leaders;

    let counts: Vec<(usize, usize, usize)> = leaders
        .iter()
        .map(|leader| kind_counts(index, &leader.name))
        .collect();
    // The column for other kinds only appears when some leader has such tasks.
    let any_other = counts.iter().any(|&(_, _, other)| other > 0);
    let directory = leaders
        .iter()
        .zip(counts)
        .map(|(leader, (annual, period, other))| {
            view! {
                <tr data-leader=leader.name.clone()>
                    <th scope="row">
                        <a href=href_view(View::Leader(leader.name.clone()))>{leader.name.clone()}</a>
                    </th>
                    <td>{leader.title.clone()}</td>
                    <td>{leader.jurisdiction.clone()}</td>
                    <td class="num">{annual.to_string()}</td>
                    <td class="num">{period.to_string()}</td>
                    {any_other.then(|| view! { <td class="num">{other.to_string()}</td> })}
                    <td class="num total">{(annual + period + other).to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|bar| {
            let filter = Filter {
                leader: vec![bar.label.clone()],
                ..Filter::default()
            };
            status_row(bar.label, &bar.counts, Some(&filter))
        })
        .collect::<Vec<_>>();

    view! {
        <div class="view leaders-page">
            <div class="page-head">
                <h1>"领导"</h1>
                <p class="page-lede" data-testid="result-count">
                    {format!("共 {} 位领导", leaders.len())}
                </p>
            </div>
            {if leaders.is_empty() {
                view! { <p class="empty">"当前数据中没有领导分工信息。"</p> }.into_any()
            } else {
                view! {
                    <section aria-labelledby="leaders-directory">
                        <h2 id="leaders-directory">"分工与工作量"</h2>
                        <div class="table-scroll" role="region" aria-label="领导分工表（可横向滚动）"
                            tabindex="0">
                            <table class="data leaders-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"姓名"</th>
                                        <th scope="col">"职务"</th>
                                        <th scope="col">"辖区"</th>
                                        <th scope="col" class="num">"年度重点工作"</th>
                                        <th scope="col" class="num">"五年重点工作"</th>
                                        {any_other
                                            .then(|| view! { <th scope="col" class="num">"其他"</th> })}
                                        <th scope="col" class="num">"合计"</th>
                                    </tr>
                                </thead>
                                <tbody>{directory}</tbody>
                            </table>
                        </div>
                    </section>
                    <section aria-labelledby="leaders-status">
                        <h2 id="leaders-status">"任务状态"</h2>
                        <StackedBarChart key="leaders".to_string()
                            caption="各领导牵头的任务数（按状态）".to_string() series=status_series()
                            rows=rows axis_label="任务数（项）".to_string()
                            label_header="领导".to_string() />
                    </section>
                }
                .into_any()
            }}
        </div>
    }
}

/// A leader's tasks counted as (annual key work, five-year key work, anything else).
fn kind_counts(index: &Index, leader: &str) -> (usize, usize, usize) {
    index
        .entries()
        .iter()
        .filter(|entry| entry.leader.as_deref() == Some(leader))
        .fold((0, 0, 0), |(annual, period, other), entry| {
            match entry.kind {
                EntryKind::Task(TaskKind::AnnualTask) => (annual + 1, period, other),
                EntryKind::Task(TaskKind::PeriodTask) => (annual, period + 1, other),
                _ => (annual, period, other + 1),
            }
        })
}

/// One leader's page (`#/leaders/<name>`).
#[component]
pub fn LeaderPage(name: String) -> impl IntoView {
    let data = use_data();
    let index = &data.index;
    let leader = data
        .dataset
        .catalog
        .leaders
        .iter()
        .find(|leader| leader.name == name)
        .cloned();
    let filter = Filter {
        leader: vec![name.clone()],
        ..Filter::default()
    };
    let matches = index.query(&filter).matches;
    let back = view! {
        <p class="back-link"><a href=href_view(View::Leaders)>"← 全部领导"</a></p>
    };
    let subtitle = leader
        .as_ref()
        .map(|leader| format!("{} · {}", leader.title, leader.jurisdiction))
        .unwrap_or_default();
    if matches.is_empty() {
        let message = if leader.is_some() {
            "该领导在当前数据中没有任务。".to_string()
        } else {
            format!("当前数据中没有名为“{name}”的领导。")
        };
        return view! {
            <EmptyEntityPage class="leader-page" back=back.into_any() name=name subtitle=subtitle message=message />
        }
        .into_any();
    }

    let counts = status_counts(index, &matches);
    let groups = by_document(index, &matches);
    let workload_rows = groups
        .iter()
        .map(|(document, kind, entries)| {
            // Short enough for the chart's label column; the list below names the file.
            let year = index.document(document).map(|d| d.year).unwrap_or_default();
            let label = format!("{year}年{}", kind.label_zh());
            let narrowed = Filter {
                doc: vec![document.clone()],
                kind: vec![*kind],
                ..filter.clone()
            };
            status_row(label, &status_counts(index, entries), Some(&narrowed))
        })
        .collect::<Vec<_>>();
    let unit_rows = unit_rows(index, &name, &matches);
    let lists = groups
        .into_iter()
        .map(|(document, kind, entries)| {
            let heading = format!(
                "{} · {}（{} 项）",
                document_label(index, &document),
                kind.label_zh(),
                entries.len()
            );
            let rows = entries
                .into_iter()
                .map(|entry| view! { <EntryRow entry=entry query="" /> })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <ol class="entry-list">{rows}</ol>
            }
        })
        .collect_view();

    view! {
        <div class="view leader-page">
            {back}
            <div class="page-head">
                <h1>{name.clone()}</h1>
                <p class="page-lede">{subtitle}</p>
                <p class="page-counts" data-testid="result-count">
                    {format!("共 {} 项任务", counts.total())} " · "
                    <a href=tasks_href(filter.clone())>"在任务列表中筛选"</a>
                </p>
            </div>
            <div class="chart-grid">
                <StackedBarChart key="leader-workload".to_string()
                    caption=format!("{name}的任务：按年份和类别，分状态")
                    series=status_series() rows=workload_rows
                    axis_label="任务数（项）".to_string() label_header="年份 · 类别".to_string() />
                <StackedBarChart key="leader-units".to_string()
                    caption=format!("{name}分管任务中最常见的责任单位（前 {UNITS_CHARTED} 个）")
                    series=role_series() rows=unit_rows
                    axis_label="任务数（项）".to_string() label_header="责任单位".to_string() />
            </div>
            <section aria-labelledby="leader-tasks">
                <h2 id="leader-tasks">"任务清单"</h2>
                {lists}
            </section>
        </div>
    }
    .into_any()
}

/// Matches grouped by (document, kind), in the order they come (document order).
fn by_document(index: &Index, matches: &[usize]) -> Vec<(String, EntryKind, Vec<usize>)> {
    let mut groups: Vec<(String, EntryKind, Vec<usize>)> = Vec::new();
    for &position in matches {
        let Some(entry) = index.entries().get(position) else {
            continue;
        };
        match groups
            .iter_mut()
            .find(|(document, kind, _)| *document == entry.document && *kind == entry.kind)
        {
            Some((_, _, entries)) => entries.push(position),
            None => groups.push((entry.document.clone(), entry.kind, vec![position])),
        }
    }
    groups
}

fn document_label(index: &Index, id: &str) -> String {
    index
        .document(id)
        .map(document_short_label)
        .unwrap_or_else(|| id.to_string())
}

/// 牵头 and 配合 as chart series.
pub fn role_series() -> Vec<Series> {
    vec![
        Series {
            label: "牵头".to_string(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: "配合".to_string(),
            style: SeriesStyle::Co,
        },
    ]
}

/// The units most often named on a leader's tasks, as lead and as co-responsible; each
/// row links to the unit's page, its lead count to the tasks it leads for this leader.
fn unit_rows(index: &Index, leader: &str, matches: &[usize]) -> Vec<ChartRow> {
    per_unit(index, matches)
        .into_iter()
        .take(UNITS_CHARTED)
        .map(|load| {
            let lead_href = tasks_href(Filter {
                leader: vec![leader.to_string()],
                unit: vec![load.unit.clone()],
                role: Role::Lead,
                ..Filter::default()
            });
            ChartRow {
                href: Some(href_view(View::Department(load.unit.clone()))),
                values: vec![load.lead.total(), load.co.total()],
                value_hrefs: vec![Some(lead_href), None],
                label: load.unit,
            }
        })
        .collect()
}
