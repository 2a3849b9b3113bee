//! 领导: every leader with title, jurisdiction and task counts; one leader's page with
//! their tasks by document, workload and status charts, and the units they work with.

use leptos::prelude::*;
use planboard_model::{
    per_leader, per_unit, status_counts, EntryKind, Filter, Index, Lang, Role, TaskKind, View,
};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::empty_page::EmptyEntityPage;
use crate::components::status_chart::{status_row, status_series, tasks_href};
use crate::components::task_row::{document_short_label, EntryRow};
use crate::i18n::{counted, lang, tr};
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
                    <th scope="row" lang="zh-CN">
                        <a href=href_view(View::Leader(leader.name.clone()))>{leader.name.clone()}</a>
                    </th>
                    <td lang="zh-CN">{leader.title.clone()}</td>
                    <td lang="zh-CN">{leader.jurisdiction.clone()}</td>
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
                <h1>{tr("领导", "Leaders")}</h1>
                <p class="page-lede" data-testid="result-count">
                    {lang()
                        .pick(
                            format!("共 {} 位领导", leaders.len()),
                            counted(leaders.len(), "leader", "leaders"),
                        )}
                </p>
            </div>
            {if leaders.is_empty() {
                view! {
                    <p class="empty">
                        {tr(
                            "当前数据中没有领导分工信息。",
                            "The data says nothing about the leaders' division of work.",
                        )}
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <section aria-labelledby="leaders-directory">
                        <h2 id="leaders-directory">
                            {tr("分工与工作量", "Division of work and workload")}
                        </h2>
                        <div class="table-scroll" role="region"
                            aria-label=tr(
                                "领导分工表（可横向滚动）",
                                "Leaders' division of work (scrolls sideways)",
                            )
                            tabindex="0">
                            <table class="data leaders-table">
                                <thead>
                                    // Short English headers: the table must fit a phone.
                                    // Both jurisdictions (湖州市, 平湖市) are cities.
                                    <tr>
                                        <th scope="col">{tr("姓名", "Name")}</th>
                                        <th scope="col">{tr("职务", "Post")}</th>
                                        <th scope="col">{tr("辖区", "City")}</th>
                                        <th scope="col" class="num">
                                            {tr("年度重点工作", "Annual tasks")}
                                        </th>
                                        <th scope="col" class="num">
                                            {tr("五年重点工作", "Five-year tasks")}
                                        </th>
                                        {any_other
                                            .then(|| {
                                                view! {
                                                    <th scope="col" class="num">{tr("其他", "Other")}</th>
                                                }
                                            })}
                                        <th scope="col" class="num">{tr("合计", "Total")}</th>
                                    </tr>
                                </thead>
                                <tbody>{directory}</tbody>
                            </table>
                        </div>
                    </section>
                    <section aria-labelledby="leaders-status">
                        <h2 id="leaders-status">{tr("任务状态", "Task status")}</h2>
                        <StackedBarChart key="leaders".to_string()
                            caption=tr(
                                    "各领导牵头的任务数（按状态）",
                                    "Tasks each leader is in charge of, by status",
                                )
                                .to_string()
                            series=status_series() rows=rows
                            axis_label=tr("任务数（项）", "Tasks").to_string()
                            label_header=tr("领导", "Leader").to_string() document_labels=true />
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
        <p class="back-link">
            <a href=href_view(View::Leaders)>{tr("← 全部领导", "← All leaders")}</a>
        </p>
    };
    let subtitle = leader
        .as_ref()
        .map(|leader| format!("{} · {}", leader.title, leader.jurisdiction))
        .unwrap_or_default();
    if matches.is_empty() {
        let message = match (&leader, lang()) {
            (Some(_), _) => tr(
                "该领导在当前数据中没有任务。",
                "This leader has no tasks in the data.",
            )
            .into_any(),
            (None, Lang::Zh) => format!("当前数据中没有名为“{name}”的领导。").into_any(),
            (None, Lang::En) => view! {
                "The data has no leader named " <span lang="zh-CN">{name.clone()}</span> "."
            }
            .into_any(),
        };
        let subtitle = view! { <span lang="zh-CN">{subtitle}</span> };
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
            let label = lang().pick(
                format!("{year}年{}", kind.label_zh()),
                format!("{year} {}", kind.label(Lang::En).to_lowercase()),
            );
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
            let count = entries.len();
            let heading = view! {
                <span lang="zh-CN">{document_label(index, &document)}</span>
                {lang()
                    .pick(
                        format!(" · {}（{count} 项）", kind.label_zh()),
                        format!(" · {} ({count})", kind.label(Lang::En)),
                    )}
            };
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
                <h1 lang="zh-CN">{name.clone()}</h1>
                <p class="page-lede" lang="zh-CN">{subtitle}</p>
                <p class="page-counts" data-testid="result-count">
                    {lang()
                        .pick(
                            format!("共 {} 项任务", counts.total()),
                            counted(counts.total(), "task", "tasks"),
                        )} " · "
                    <a href=tasks_href(filter.clone())>
                        {tr("在任务列表中筛选", "Show in the task list")}
                    </a>
                </p>
            </div>
            <div class="chart-grid">
                <StackedBarChart key="leader-workload".to_string()
                    caption=tr(
                            "{name}的任务：按年份和类别，分状态",
                            "{name}'s tasks by year and kind, split by status",
                        )
                        .to_string()
                    caption_name=name.clone()
                    series=status_series() rows=workload_rows
                    axis_label=tr("任务数（项）", "Tasks").to_string()
                    label_header=tr("年份 · 类别", "Year · kind").to_string() />
                <StackedBarChart key="leader-units".to_string()
                    caption=lang()
                        .pick(
                            format!("{{name}}分管任务中最常见的责任单位（前 {UNITS_CHARTED} 个）"),
                            format!("Units most often named on {{name}}'s tasks (top {UNITS_CHARTED})"),
                        )
                    caption_name=name.clone()
                    series=role_series() rows=unit_rows
                    axis_label=tr("任务数（项）", "Tasks").to_string()
                    label_header=tr("责任单位", "Unit").to_string() document_labels=true />
            </div>
            <section aria-labelledby="leader-tasks">
                <h2 id="leader-tasks">{tr("任务清单", "Tasks")}</h2>
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

/// 牵头 and 配合 (lead and supporting unit) as chart series.
pub fn role_series() -> Vec<Series> {
    vec![
        Series {
            label: tr("牵头", "Lead").to_string(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: tr("配合", "Supporting").to_string(),
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
