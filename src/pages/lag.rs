//! 滞后分析: lagging tasks per leader and per lead department in one progress report,
//! and the leader × department matrix of lead and co-responsible assignments.

use leptos::prelude::*;
use planboard_model::lag::{
    lag_by_department, lag_by_earlier_leader, lag_by_leader, LagRow, Matrix,
};
use planboard_model::{DocumentKind, LinkIndex, Route, Status, View};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::task_row::{document_short_label, EntryRow};
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
        return view! { <p class="empty">"当前数据中没有进展报告。"</p> }.into_any();
    };
    let report_links = reports
        .iter()
        .map(|r| {
            let mut target = Route::new(View::Lag);
            target.filter.doc = vec![r.id.clone()];
            let current = (r.id == report.id).then_some("page");
            view! { <li><a href=href(&target) aria-current=current>{document_short_label(r)}</a></li> }
        })
        .collect_view();

    let mut bulletin_route = Route::new(View::Bulletin);
    bulletin_route.filter.doc = vec![report.id.clone()];
    let bulletin_href = href(&bulletin_route);
    let index = &data.index;
    let by_leader = lag_by_leader(index, &report.id);
    let by_department = lag_by_department(index, &report.id);
    let leader_section = if by_leader.is_empty() {
        let links = LinkIndex::new(&data.dataset.links);
        let earlier = lag_by_earlier_leader(index, &links, &report.id);
        view! {
            <p class="section-note">
                "该报告没有写明分管领导。下面按“主题脉络”的关联，把报告中的任务归到较早文件（如2021年责任分解）里同一事项的分管领导名下；分工可能已经调整，仅供参考。没有关联的任务不计入。"
            </p>
            {lag_chart("lag-earlier-leaders", "按以往分工推算：各领导同一事项的滞后情况", "以往分管领导", &earlier)}
        }
        .into_any()
    } else {
        lag_chart(
            "lag-leaders",
            "各领导分管任务的滞后情况",
            "领导",
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
                    <h3>{format!("{}（滞后 {} / 共 {} 项）", row.name, row.lagging.len(), row.tracked)}</h3>
                    <ol class="entry-list">{entries}</ol>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="view lag-page">
            <div class="page-head">
                <h1>"滞后分析"</h1>
                <p class="page-lede">"进展报告中带督查滞后说明的任务，按分管领导和牵头单位统计；以及各领导分管工作中各部门牵头、配合的次数。"</p>
            </div>
            <nav aria-label="选择进展报告"><ul class="choice-list">{report_links}</ul></nav>
            <p class="lag-bulletin-link">
                <a href=bulletin_href data-testid="bulletin-link">"打印督查通报"</a>
            </p>
            <section aria-labelledby="lag-leaders">
                <h2 id="lag-leaders">"按分管领导"</h2>
                {leader_section}
            </section>
            <section aria-labelledby="lag-departments">
                <h2 id="lag-departments">"按牵头单位"</h2>
                {lag_chart("lag-departments", "有滞后任务的牵头单位", "牵头单位", &lagging_departments)}
                <ul class="lag-unit-list">{department_lists}</ul>
            </section>
            <MatrixSection jurisdiction=report.jurisdiction.clone() />
        </div>
    }
    .into_any()
}

fn lag_chart(key: &str, caption: &str, header: &str, rows: &[LagRow]) -> impl IntoView {
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
            label: "滞后".to_owned(),
            style: SeriesStyle::Status(Status::Lagging),
        },
        Series {
            label: "未滞后".to_owned(),
            style: SeriesStyle::Status(Status::Reported),
        },
    ];
    view! {
        <StackedBarChart key=key.to_owned() caption=caption.to_owned() series=series rows=chart_rows
            axis_label="任务数（项）".to_string() label_header=header.to_owned() />
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
                <h2 id="lag-matrix">"领导 × 部门"</h2>
                <p class="empty">{format!("{jurisdiction}的文件没有按领导分工，无法列出矩阵。")}</p>
            </section>
        }
        .into_any();
    }
    let shown = matrix.units.len().min(MATRIX_UNITS);
    let head = matrix.units[..shown]
        .iter()
        .map(|column| {
            let flag = if column.overloaded {
                " （负荷重）"
            } else if column.never_leads {
                " （只配合）"
            } else {
                ""
            };
            view! { <th scope="col">{column.unit.clone()}<span class="matrix-flag">{flag}</span></th> }
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
                    <th scope="row">{leader.clone()}</th>
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
            label: "牵头".to_owned(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: "配合".to_owned(),
            style: SeriesStyle::Co,
        },
    ];
    let overloaded: Vec<String> = matrix
        .units
        .iter()
        .filter(|c| c.overloaded)
        .map(|c| format!("{}（{} 次）", c.unit, c.totals.total()))
        .collect();
    let never_lead: Vec<String> = matrix
        .units
        .iter()
        .filter(|c| c.never_leads)
        .map(|c| format!("{}（配合 {} 次）", c.unit, c.totals.co))
        .collect();
    view! {
        <section aria-labelledby="lag-matrix">
            <h2 id="lag-matrix">"领导 × 部门"</h2>
            <p class="section-note">"每格为“牵头 / 配合”次数，统计责任分解中写明分管领导的任务。列出任务最多的部门，其余合计在“其他”。"</p>
            <p><strong>"负荷重的部门："</strong>{if overloaded.is_empty() { "无".to_owned() } else { overloaded.join("、") }}</p>
            <p><strong>"只配合、从不牵头的单位："</strong>{if never_lead.is_empty() { "无".to_owned() } else { never_lead.join("、") }}</p>
            <div class="table-scroll" role="region" aria-label="领导 × 部门矩阵（可横向滚动）" tabindex="0">
                <table class="data matrix" data-testid="lag-matrix">
                    <thead><tr><th scope="col">"领导"</th>{head}<th scope="col">"其他"</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <StackedBarChart key="matrix-load".to_string() caption="各部门牵头与配合次数".to_string()
                series=series rows=load_rows axis_label="次数".to_string() label_header="部门".to_string() />
        </section>
    }
    .into_any()
}
