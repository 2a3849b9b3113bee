//! 滞后分析: lagging tasks per leader and per lead department in one progress report,
//! and the leader × department matrix of lead and co-responsible assignments.

use leptos::prelude::*;
use planboard_model::lag::{
    lag_by_department, lag_by_earlier_leader, lag_by_leader, LagRow, Matrix,
};
use planboard_model::{DocumentKind, Lang, LinkIndex, Route, Status, View};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::data_gate::with_links;
use crate::components::task_row::{document_short_label, EntryRow};
use crate::i18n::{lang, tr};
use crate::state::{href, use_data, use_route};

/// Departments shown as matrix columns; the rest are summed under 其他.
const MATRIX_UNITS: usize = 14;

/// `#/lag?doc=<progress report>`.
#[component]
pub fn LagPage() -> impl IntoView {
    let route = use_route();
    let chosen = Memo::new(move |_| route.with(|route| route.filter.doc.first().cloned()));
    move || view! { <LagReport chosen=chosen.get() /> }
}

/// The page for one report (`chosen`, or the newest).
#[component]
fn LagReport(chosen: Option<String>) -> impl IntoView {
    let data = use_data();
    let mut reports: Vec<_> = data
        .dataset
        .catalog
        .documents
        .iter()
        .filter(|d| d.kind == DocumentKind::ProgressReport)
        .cloned()
        .collect();
    reports.sort_by(|a, b| b.date.cmp(&a.date));
    let Some(report) = chosen
        .and_then(|id| reports.iter().find(|r| r.id == id).cloned())
        .or_else(|| reports.first().cloned())
    else {
        return view! {
            <p class="empty">{tr("当前数据中没有进展报告。", "The data hold no progress report.")}</p>
        }
        .into_any();
    };
    let report_links = reports
        .iter()
        .map(|r| {
            let mut target = Route::new(View::Lag);
            target.filter.doc = vec![r.id.clone()];
            let current = (r.id == report.id).then_some("page");
            view! {
                <li><a href=href(&target) aria-current=current lang="zh-CN">{document_short_label(r)}</a></li>
            }
        })
        .collect_view();

    let mut bulletin_route = Route::new(View::Bulletin);
    bulletin_route.filter.doc = vec![report.id.clone()];
    let bulletin_href = href(&bulletin_route);
    let index = &data.index;
    let word = planboard_model::lag::follow_up_word(index, &report.id, lang());
    let by_leader = lag_by_leader(index, &report.id);
    let by_department = lag_by_department(index, &report.id);
    let leader_section = if by_leader.is_empty() {
        let index = std::sync::Arc::clone(index);
        let report_id = report.id.clone();
        view! {
            <p class="section-note">
                {tr(
                    "该报告没有写明分管领导。下面按“主题脉络”的关联，把报告中的任务归到较早文件（如2021年责任分解）里同一事项的分管领导名下；分工可能已经调整，仅供参考。没有关联的任务不计入。",
                    "This report names no leader in charge. Below, following the links of the Threads view, each of its tasks is counted under the leader in charge of the same matter in an earlier document (such as the 2021 breakdown). Responsibilities may have changed since: read it as a guide. Tasks without a link are not counted.",
                )}
            </p>
            {with_links(move |links| {
                let earlier = lag_by_earlier_leader(&index, &LinkIndex::new(&links), &report_id);
                lag_chart(
                    "lag-earlier-leaders",
                    tr(
                        "按以往分工推算：各领导同一事项的滞后情况",
                        "By earlier assignment: lagging tasks per leader of the same matters",
                    ),
                    tr("以往分管领导", "Earlier leader in charge"),
                    word,
                    &earlier,
                )
            })}
        }
        .into_any()
    } else {
        lag_chart(
            "lag-leaders",
            tr(
                "各领导分管任务的滞后情况",
                "Lagging tasks per leader in charge",
            ),
            tr("领导", "Leader"),
            word,
            &by_leader,
        )
        .into_any()
    };
    let lagging_departments: Vec<LagRow> = by_department
        .iter()
        .filter(|row| !row.lagging.is_empty())
        .cloned()
        .collect();
    let department_lists = lagging_departments
        .iter()
        .map(|row| {
            let entries = row
                .lagging
                .iter()
                .map(|&entry| view! { <EntryRow entry query="" /> })
                .collect_view();
            view! {
                <li class="lag-unit">
                    <h3>
                        <span lang="zh-CN">{row.name.clone()}</span>
                        {lang().pick(
                            format!("（{word} {} / 共 {} 项）", row.lagging.len(), row.tracked),
                            format!(" ({} of {} {word})", row.lagging.len(), row.tracked),
                        )}
                    </h3>
                    <ol class="entry-list">{entries}</ol>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="view lag-page">
            <div class="page-head">
                <h1>{tr("滞后分析", "Lagging tasks")}</h1>
                <p class="page-lede">
                    {tr(
                        "进展报告中带督查滞后说明的任务，按分管领导和牵头单位统计；以及各领导分管工作中各部门牵头、配合的次数。",
                        "Tasks a progress report marks as lagging in the supervisors' remarks, counted by leader in charge and by lead unit; and how often each department leads or assists in each leader's work.",
                    )}
                </p>
            </div>
            <nav aria-label=tr("选择进展报告", "Choose a progress report")>
                <ul class="choice-list">{report_links}</ul>
            </nav>
            <p class="source-report" data-testid="source-report">
                {tr("本页依据：", "Based on: ")}
                <span lang="zh-CN">{format!("{}（{}，截至 {}）", document_short_label(&report), report.period, report.date)}</span>
                {tr(
                    "。年中报告按督查“滞后”说明，年终报告按写明的“未完成”统计。",
                    ". A mid-year report counts its supervisors' lagging remarks; a year-end report the tasks it states as not completed.",
                )}
            </p>
            <p class="lag-bulletin-link">
                <a href=bulletin_href data-testid="bulletin-link">
                    {match lang() {
                        Lang::Zh => "打印督查通报".into_any(),
                        Lang::En => view! {
                            "Print the supervision bulletin (" <span lang="zh-CN">"督查通报"</span> ")"
                        }
                        .into_any(),
                    }}
                </a>
            </p>
            <section aria-labelledby="lag-leaders">
                <h2 id="lag-leaders">{tr("按分管领导", "By leader in charge")}</h2>
                {leader_section}
            </section>
            <section aria-labelledby="lag-departments">
                <h2 id="lag-departments">{tr("按牵头单位", "By lead unit")}</h2>
                {lag_chart(
                    "lag-departments",
                    tr("有滞后任务的牵头单位", "Lead units with lagging tasks"),
                    tr("牵头单位", "Lead unit"),
                    word,
                &lagging_departments,
                )}
                <ul class="lag-unit-list">{department_lists}</ul>
            </section>
            <MatrixSection jurisdiction=report.jurisdiction.clone() />
        </div>
    }
    .into_any()
}

fn lag_chart(key: &str, caption: &str, header: &str, word: &str, rows: &[LagRow]) -> impl IntoView {
    let chart_rows = rows
        .iter()
        .map(|row| ChartRow {
            label: row.name.clone(),
            values: vec![row.lagging.len(), row.tracked - row.lagging.len()],
            ..ChartRow::default()
        })
        .collect();
    let series = vec![
        Series {
            label: word.to_owned(),
            style: SeriesStyle::Status(Status::Lagging),
        },
        Series {
            label: tr("其余", "The rest").to_owned(),
            style: SeriesStyle::Status(Status::Reported),
        },
    ];
    view! {
        <StackedBarChart key=key.to_owned() caption=caption.to_owned() series=series rows=chart_rows
            axis_label=tr("任务数（项）", "Tasks").to_string() label_header=header.to_owned()
            document_labels=true />
    }
}

/// Leaders × departments: how often each department leads and co-works under each
/// leader, with the overloaded and the never-leading departments named in words.
#[component]
fn MatrixSection(jurisdiction: String) -> impl IntoView {
    let data = use_data();
    let matrix = Matrix::new(&data.index, &jurisdiction);
    if matrix.leaders.is_empty() {
        return view! {
            <section aria-labelledby="lag-matrix">
                <h2 id="lag-matrix">{tr("领导 × 部门", "Leaders × departments")}</h2>
                <p class="empty">
                    {tr("", "The documents of ")} <span lang="zh-CN">{jurisdiction}</span>
                    {tr(
                        "的文件没有按领导分工，无法列出矩阵。",
                        " do not divide the work by leader: there is no matrix to draw.",
                    )}
                </p>
            </section>
        }
        .into_any();
    }
    let shown = matrix.units.len().min(MATRIX_UNITS);
    let head = matrix.units[..shown]
        .iter()
        .map(|column| {
            let flag = if column.overloaded {
                tr(" （负荷重）", " (heavy load)")
            } else if column.never_leads {
                tr(" （只配合）", " (assists only)")
            } else {
                ""
            };
            view! {
                <th scope="col">
                    <span lang="zh-CN">{column.unit.clone()}</span>
                    <span class="matrix-flag">{flag}</span>
                </th>
            }
        })
        .collect_view();
    let body = matrix
        .leaders
        .iter()
        .zip(&matrix.cells)
        .map(|(leader, cells)| {
            let rest = cells[shown..]
                .iter()
                .fold((0, 0), |(l, c), cell| (l + cell.lead, c + cell.co));
            let cells = cells[..shown]
                .iter()
                .map(|cell| {
                    let text = if cell.total() == 0 {
                        "·".to_owned()
                    } else {
                        format!("{} / {}", cell.lead, cell.co)
                    };
                    view! { <td class="num">{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" lang="zh-CN">{leader.clone()}</th>
                    {cells}
                    <td class="num">{format!("{} / {}", rest.0, rest.1)}</td>
                </tr>
            }
        })
        .collect_view();
    let load_rows = matrix.units[..shown]
        .iter()
        .map(|column| ChartRow {
            label: column.unit.clone(),
            values: vec![column.totals.lead, column.totals.co],
            ..ChartRow::default()
        })
        .collect();
    let series = vec![
        Series {
            label: tr("牵头", "Leads").to_owned(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: tr("配合", "Assists").to_owned(),
            style: SeriesStyle::Co,
        },
    ];
    let overloaded = named_counts(matrix.units.iter().filter(|c| c.overloaded).map(|c| {
        let times = c.totals.total();
        (
            c.unit.clone(),
            lang().pick(format!("（{times} 次）"), format!(" ({times} times)")),
        )
    }));
    let never_lead = named_counts(matrix.units.iter().filter(|c| c.never_leads).map(|c| {
        let times = c.totals.co;
        (
            c.unit.clone(),
            lang().pick(
                format!("（配合 {times} 次）"),
                format!(" (assists {times} times)"),
            ),
        )
    }));
    view! {
        <section aria-labelledby="lag-matrix">
            <h2 id="lag-matrix">{tr("领导 × 部门", "Leaders × departments")}</h2>
            <p class="section-note">
                {tr(
                    "每格为“牵头 / 配合”次数，统计责任分解中写明分管领导的任务。列出任务最多的部门，其余合计在“其他”。",
                    "Each cell counts \"leads / assists\" over the breakdown's tasks that name a leader in charge. The departments with the most tasks have a column each; the rest are summed under \"Other\".",
                )}
            </p>
            <p><strong>{tr("负荷重的部门：", "Departments with a heavy load: ")}</strong>{overloaded}</p>
            <p><strong>{tr("只配合、从不牵头的单位：", "Units that only assist, never lead: ")}</strong>{never_lead}</p>
            <div class="table-scroll" role="region" tabindex="0"
                aria-label=tr("领导 × 部门矩阵（可横向滚动）", "Leaders × departments matrix (scrolls sideways)")>
                <table class="data matrix" data-testid="lag-matrix">
                    <thead>
                        <tr>
                            <th scope="col">{tr("领导", "Leader")}</th>
                            {head}
                            <th scope="col">{tr("其他", "Other")}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <StackedBarChart key="matrix-load".to_string()
                caption=tr("各部门牵头与配合次数", "How often each department leads and assists").to_string()
                series=series rows=load_rows axis_label=tr("次数", "Times").to_string()
                label_header=tr("部门", "Department").to_string() document_labels=true />
        </section>
    }
    .into_any()
}

/// Unit names (the documents' words, marked Chinese) each with its count in the
/// reader's language, or `无` / `none`.
fn named_counts(items: impl Iterator<Item = (String, String)>) -> AnyView {
    let items: Vec<(String, String)> = items.collect();
    if items.is_empty() {
        return tr("无", "none").into_any();
    }
    let last = items.len() - 1;
    items
        .into_iter()
        .enumerate()
        .map(|(i, (name, count))| {
            let separator = (i < last).then(|| tr("、", ", "));
            view! { <span lang="zh-CN">{name}</span> {count} {separator} }
        })
        .collect_view()
        .into_any()
}
