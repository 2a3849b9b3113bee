//! 指标序时进度: each key indicator's even pace from 2020 to 2025, the value expected at
//! a chosen date, and the figures the documents state, judged ahead / on / behind.

use leptos::prelude::*;
use planboard_model::pace::{
    pace_table, Interpolation, PaceRow, Verdict, GROWTH_TOLERANCE, LEVEL_TOLERANCE,
    PRICE_BASIS_CAVEAT,
};
use planboard_model::{Basis, DocumentKind, Measure};

use crate::components::chart::{fmt, ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::task_row::{document_short_label, find_document, item_href};
use crate::state::use_data;

/// `#/pace`.
#[component]
pub fn PacePage() -> impl IntoView {
    let data = use_data();
    let dataset = data.dataset.clone();
    // The newest progress report's date is the natural "now" of the data.
    let newest = dataset
        .catalog
        .documents
        .iter()
        .filter(|d| d.kind == DocumentKind::ProgressReport && d.date.len() == 10)
        .map(|d| d.date.clone())
        .max()
        .unwrap_or_else(|| "2024-06-30".to_owned());
    let (date, set_date) = signal(newest);

    let rows = pace_table(&data.dataset);
    let verdict_chart = verdict_chart(&rows);
    let findings = findings_list(&rows);
    // Recomputed when the date changes: 38 indicators, cheaper than keeping borrows.
    let body = move || {
        let date = date.get();
        pace_table(&dataset)
            .into_iter()
            .map(|row| {
                let indicator = row.indicator;
                let unit = indicator.unit.clone();
                let method = match &row.pace {
                    Some(pace) => pace.interpolation.label_zh().to_owned(),
                    None => "按年增速目标".to_owned(),
                };
                let rate = match (&row.pace, row.growth_target) {
                    (Some(pace), _) if pace.interpolation == Interpolation::Compound => {
                        format!("年均增长 {:.2}%", pace.required_rate())
                    }
                    (Some(pace), _) if unit == "%" => {
                        format!("每年 {:+.2} 个百分点", pace.required_rate())
                    }
                    (Some(pace), _) => format!("每年 {:+.3} {unit}", pace.required_rate()),
                    (None, Some(target)) => {
                        format!("每年增长 {}%（{}）", fmt(target), indicator.growth)
                    }
                    (None, None) => "—".to_owned(),
                };
                let expected = row
                    .pace
                    .as_ref()
                    .and_then(|pace| pace.expected_at(&date))
                    .map_or_else(|| "—".to_owned(), |value| value.to_string());
                view! {
                    <tr>
                        <th scope="row"><a href=item_href(&indicator.id)>{indicator.name.clone()}</a></th>
                        <td>{unit}</td>
                        <td class="num">{indicator.baseline.clone()}</td>
                        <td class="num">{indicator.target.clone()}</td>
                        <td>{method}</td>
                        <td>{rate}</td>
                        <td class="num">{expected}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <div class="view pace-page">
            <div class="page-head">
                <h1>"指标序时进度"</h1>
                <p class="page-lede">
                    "按“十四五”规划主要指标（表2—1）2020年基数与2025年目标，算出均匀推进时每年应有的增速和任一日期应达到的数值，再与文件中写明的数字比较。"
                </p>
            </div>
            <details class="method-note">
                <summary>"算法说明"</summary>
                <p>"总量和数量类指标（亿元、万人、件……）按年均增速复合推算：规划以“年均增长”设定这类目标，匀速即增速不变。比重、比率和年限类指标（%、年、岁）按线性推算：规划按百分点或年数提高这类目标。基数取2020年末，目标取2025年末。"</p>
                <p>{format!("判断：增速类数字与所需年均增速相差不超过 {GROWTH_TOLERANCE} 个百分点为“符合序时”；数值类数字与该日应达值相差不超过 {} % 为“符合序时”。越低越好的指标（如 PM2.5）方向相反。年度目标按当年年末比较，实际数按报告日期比较；上半年增速按同比口径直接与年均增速比较。", LEVEL_TOLERANCE * 100.0)}</p>
                <p>{PRICE_BASIS_CAVEAT}</p>
            </details>
            <section aria-labelledby="pace-findings">
                <h2 id="pace-findings">"文件中的数字与序时进度"</h2>
                {verdict_chart}
                <ul class="finding-list" data-testid="pace-findings">{findings}</ul>
            </section>
            <section aria-labelledby="pace-table">
                <h2 id="pace-table">"各指标的序时进度"</h2>
                <label class="pace-date">
                    "计算日期 "
                    <input type="date" min="2021-01-01" max="2025-12-31" prop:value=move || date.get()
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            if !value.is_empty() {
                                set_date.set(value);
                            }
                        } />
                </label>
                <div class="table-scroll" role="region" aria-label="主要指标序时进度表（可横向滚动）" tabindex="0">
                    <table class="data" data-testid="pace-table">
                        <thead>
                            <tr>
                                <th scope="col">"指标"</th>
                                <th scope="col">"单位"</th>
                                <th scope="col">"2020年"</th>
                                <th scope="col">"2025年目标"</th>
                                <th scope="col">"推算方法"</th>
                                <th scope="col">"所需进度"</th>
                                <th scope="col">{move || format!("{} 应达", date.get())}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}

/// Ahead / on pace / behind counts per indicator that has figures.
fn verdict_chart(rows: &[PaceRow]) -> impl IntoView {
    let verdicts = [Verdict::Ahead, Verdict::OnPace, Verdict::Behind];
    let chart_rows = rows
        .iter()
        .filter(|row| !row.findings.is_empty())
        .map(|row| ChartRow {
            label: row.indicator.name.clone(),
            values: verdicts
                .iter()
                .map(|v| row.findings.iter().filter(|f| f.verdict == *v).count())
                .collect(),
            ..ChartRow::default()
        })
        .collect();
    let series = vec![
        Series {
            label: Verdict::Ahead.label_zh().to_owned(),
            style: SeriesStyle::Status(planboard_model::Status::Reported),
        },
        Series {
            label: Verdict::OnPace.label_zh().to_owned(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: Verdict::Behind.label_zh().to_owned(),
            style: SeriesStyle::Status(planboard_model::Status::Lagging),
        },
    ];
    view! {
        <StackedBarChart key="pace-verdicts".to_string()
            caption="各指标文件数字的判断".to_string() series=series rows=chart_rows
            axis_label="数字个数".to_string() label_header="指标".to_string() />
    }
}

/// Each stated figure with its verdict, comparison and source sentence.
fn findings_list(rows: &[PaceRow]) -> impl IntoView {
    let data = use_data();
    rows.iter()
        .flat_map(|row| row.findings.iter().map(move |finding| (row, finding)))
        .map(|(row, finding)| {
            let figure = finding.figure;
            let compared = match figure.measure {
                Measure::Growth => format!("所需年均增速 {}%", two_decimals(finding.expected)),
                Measure::Level => format!("该时点应达 {}", two_decimals(finding.expected)),
            };
            let source = find_document(&data.dataset, &figure.document)
                .map_or_else(|| figure.document.clone(), document_short_label);
            let basis = match figure.basis {
                Basis::Reported => "实际",
                Basis::Goal => "年度目标",
            };
            view! {
                <li class="finding">
                    <p class="finding-head">
                        <strong>{row.indicator.name.clone()}</strong>
                        {format!("　{basis} {}，{compared}　", figure.printed)}
                        <span class=format!("verdict verdict-{}", finding.verdict.code())>
                            {finding.verdict.label_zh()}
                        </span>
                    </p>
                    {finding.caveat.map(|caveat| view! { <p class="finding-caveat">{caveat}</p> })}
                    <blockquote class="finding-sentence">{figure.sentence.clone()}</blockquote>
                    <p class="finding-source">
                        "出处：" <a href=item_href(&figure.item)>{format!("{source}（{}）", figure.date)}</a>
                    </p>
                </li>
            }
        })
        .collect_view()
}

/// At most two decimals, without trailing zeros (`9.33`, `7`, `25.3`).
fn two_decimals(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
