//! 指标序时进度: each key indicator's even pace from 2020 to 2025, the value expected at
//! a chosen date, and the figures the documents state, judged ahead / on / behind.

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::pace::{
    pace_table, Caveat, Interpolation, PaceRow, Verdict, GROWTH_TOLERANCE, LEVEL_TOLERANCE,
};
use planboard_model::{DocumentKind, Links, Measure, Plan};

use crate::components::chart::{fmt, ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::data_gate::with_plan_and_links;
use crate::components::task_row::{document_short_label, find_document, item_href};
use crate::i18n::{lang, tr};
use crate::state::use_data;

/// `#/pace`, drawn once the plan (its indicators and targets) and the links (the
/// figures read for them) have loaded.
#[component]
pub fn PacePage() -> impl IntoView {
    with_plan_and_links(|plan, links| view! { <PaceTable plan links /> })
}

#[component]
fn PaceTable(plan: Arc<Plan>, links: Arc<Links>) -> impl IntoView {
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

    let rows = pace_table(&data.dataset, &plan, &links);
    let verdict_chart = verdict_chart(&rows);
    let findings = findings_list(&rows);
    // Recomputed when the date changes: 38 indicators, cheaper than keeping borrows.
    let body = move || {
        let date = date.get();
        pace_table(&dataset, &plan, &links)
            .into_iter()
            .map(|row| {
                let indicator = row.indicator;
                let unit = indicator.unit.clone();
                let method = match &row.pace {
                    Some(pace) => pace.interpolation.label(lang()),
                    None => tr("按年增速目标", "by the yearly growth target"),
                };
                let rate = required_pace(&row, &unit);
                let expected = row
                    .pace
                    .as_ref()
                    .and_then(|pace| pace.expected_at(&date))
                    .map_or_else(|| "—".to_owned(), |value| value.to_string());
                view! {
                    <tr>
                        <th scope="row">
                            <a href=item_href(&indicator.id) lang="zh-CN">{indicator.name.clone()}</a>
                        </th>
                        <td class="pace-unit" lang="zh-CN">{unit}</td>
                        <td class="num" lang="zh-CN">{indicator.baseline.clone()}</td>
                        <td class="num" lang="zh-CN">{indicator.target.clone()}</td>
                        <td class="pace-method">{method}</td>
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
                <h1>{tr("指标序时进度", "Indicator pace")}</h1>
                <p class="page-lede">
                    {tr(
                        "按“十四五”规划主要指标（表2—1）2020年基数与2025年目标，算出均匀推进时每年应有的增速和任一日期应达到的数值，再与文件中写明的数字比较。",
                        "From each key indicator of the 14th Five-Year Plan (table 2-1), its 2020 baseline and its 2025 target: the yearly growth an even pace requires and the value due at any date, compared with the figures the documents state.",
                    )}
                </p>
            </div>
            <details class="method-note">
                <summary>{tr("算法说明", "How it is computed")}</summary>
                <p>
                    {tr(
                        "总量和数量类指标（亿元、万人、件……）按年均增速复合推算：规划以“年均增长”设定这类目标，匀速即增速不变。比重、比率和年限类指标（%、年、岁）按线性推算：规划按百分点或年数提高这类目标。基数取2020年末，目标取2025年末。",
                        "Totals and counts (money, people, cases …) move at a constant average growth rate (compound): the plan sets such targets as average annual growth, so an even pace is a steady rate. Shares, rates and durations (%, years, life expectancy) move in equal steps (linear): the plan raises them by percentage points or years. The baseline is the end of 2020, the target the end of 2025.",
                    )}
                </p>
                <p>
                    {lang().pick(
                        format!("判断：增速类数字与所需年均增速相差不超过 {GROWTH_TOLERANCE} 个百分点为“符合序时”；数值类数字与该日应达值相差不超过 {} % 为“符合序时”。越低越好的指标（如 PM2.5）方向相反。年度目标按当年年末比较，实际数按报告日期比较；上半年增速按同比口径直接与年均增速比较。", LEVEL_TOLERANCE * 100.0),
                        format!("Verdicts: a growth figure within {GROWTH_TOLERANCE} percentage points of the required average rate is on pace; a level within {} % of the value due at its date is on pace. For indicators where lower is better (such as PM2.5) the direction is reversed. Annual goals are compared at the year's end, reported figures at the report's date; first-half growth (year on year) is compared directly with the average annual rate.", LEVEL_TOLERANCE * 100.0),
                    )}
                </p>
                <p>{Caveat::PriceBasis.text(lang())}</p>
            </details>
            <section aria-labelledby="pace-findings">
                <h2 id="pace-findings">{tr("文件中的数字与序时进度", "The documents' figures against the pace")}</h2>
                {verdict_chart}
                <ul class="finding-list" data-testid="pace-findings">{findings}</ul>
            </section>
            <section aria-labelledby="pace-table">
                <h2 id="pace-table">{tr("各指标的序时进度", "Each indicator's pace")}</h2>
                <label class="pace-date">
                    {tr("计算日期 ", "Value due on ")}
                    <input type="date" min="2021-01-01" max="2025-12-31" prop:value=move || date.get()
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            if !value.is_empty() {
                                set_date.set(value);
                            }
                        } />
                </label>
                <div class="table-scroll" role="region" tabindex="0"
                    aria-label=tr("主要指标序时进度表（可横向滚动）", "Pace of the key indicators (scrolls sideways)")>
                    <table class="data pace-table" data-testid="pace-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr("指标", "Indicator")}</th>
                                <th scope="col">{tr("单位", "Unit")}</th>
                                <th scope="col">{tr("2020年", "2020")}</th>
                                <th scope="col">{tr("2025年目标", "2025 target")}</th>
                                <th scope="col">{tr("推算方法", "Method")}</th>
                                <th scope="col">{tr("所需进度", "Required pace")}</th>
                                <th scope="col">
                                    {move || lang().pick(format!("{} 应达", date.get()), format!("Due by {}", date.get()))}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}

/// The yearly change an even pace requires, in the indicator's own unit (a Chinese
/// measure such as `亿元` stays marked as the plan's word).
fn required_pace(row: &PaceRow, unit: &str) -> AnyView {
    match (&row.pace, row.growth_target) {
        (Some(pace), _) if pace.interpolation == Interpolation::Compound => {
            let rate = pace.required_rate();
            lang()
                .pick(format!("年均增长 {rate:.2}%"), format!("{rate:.2}% a year"))
                .into_any()
        }
        (Some(pace), _) if unit == "%" => {
            let rate = pace.required_rate();
            lang()
                .pick(
                    format!("每年 {rate:+.2} 个百分点"),
                    format!("{rate:+.2} points a year"),
                )
                .into_any()
        }
        (Some(pace), _) => {
            let rate = format!("{:+.3}", pace.required_rate());
            view! {
                {tr("每年 ", "")} {rate} " " <span lang="zh-CN">{unit.to_owned()}</span>
                {tr("", " a year")}
            }
            .into_any()
        }
        (None, Some(target)) => view! {
            {lang().pick(format!("每年增长 {}%", fmt(target)), format!("{}% a year", fmt(target)))}
            {tr("（", " (")} <span lang="zh-CN">{row.indicator.growth.clone()}</span> {tr("）", ")")}
        }
        .into_any(),
        (None, None) => "—".into_any(),
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
            label: Verdict::Ahead.label(lang()).to_owned(),
            style: SeriesStyle::Status(planboard_model::Status::Reported),
        },
        Series {
            label: Verdict::OnPace.label(lang()).to_owned(),
            style: SeriesStyle::Lead,
        },
        Series {
            label: Verdict::Behind.label(lang()).to_owned(),
            style: SeriesStyle::Status(planboard_model::Status::Lagging),
        },
    ];
    view! {
        <StackedBarChart key="pace-verdicts".to_string()
            caption=tr("各指标文件数字的判断", "Verdicts on the documents' figures, by indicator").to_string()
            series=series rows=chart_rows axis_label=tr("数字个数", "Figures").to_string()
            label_header=tr("指标", "Indicator").to_string() document_labels=true />
    }
}

/// Each stated figure with its verdict, comparison and source sentence.
fn findings_list(rows: &[PaceRow]) -> impl IntoView {
    let data = use_data();
    rows.iter()
        .flat_map(|row| row.findings.iter().map(move |finding| (row, finding)))
        .map(|(row, finding)| {
            let figure = finding.figure;
            let expected = two_decimals(finding.expected);
            let compared = match figure.measure {
                Measure::Growth => lang().pick(
                    format!("所需年均增速 {expected}%"),
                    format!("required average growth {expected}%"),
                ),
                Measure::Level => lang().pick(
                    format!("该时点应达 {expected}"),
                    format!("due at that date {expected}"),
                ),
            };
            let source = find_document(&data.dataset, &figure.document)
                .map_or_else(|| figure.document.clone(), document_short_label);
            view! {
                <li class="finding">
                    <p class="finding-head">
                        <strong lang="zh-CN">{row.indicator.name.clone()}</strong>
                        {format!("{}{} ", tr("　", " "), figure.basis.label(lang()))}
                        <span lang="zh-CN">{figure.printed.clone()}</span>
                        {format!("{}{compared}{}", tr("，", "; "), tr("　", " "))}
                        <span class=format!("verdict verdict-{}", finding.verdict.code())>
                            {finding.verdict.label(lang())}
                        </span>
                    </p>
                    {finding.caveat.map(|caveat| view! { <p class="finding-caveat">{caveat.text(lang())}</p> })}
                    <blockquote class="finding-sentence" lang="zh-CN">{figure.sentence.clone()}</blockquote>
                    <p class="finding-source">
                        {tr("出处：", "Source: ")}
                        <a href=item_href(&figure.item)>
                            <span lang="zh-CN">{source}</span>
                            {lang().pick(format!("（{}）", figure.date), format!(" ({})", figure.date))}
                        </a>
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
