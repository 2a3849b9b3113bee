//! The plan's tables: key indicators (表2—1) with their per-category charts, and the
//! work reports' structure.

use leptos::prelude::*;
use planboard_model::{Indicator, Lang, ReportOutline};

use crate::components::indicator_chart::IndicatorChart;
use crate::components::task_row::{document_short_label, find_document, item_href};
use crate::i18n::text_lang;
use crate::i18n::{lang, tr};
use crate::state::use_data;

/// Consecutive runs of items sharing a category, in table order.
pub fn by_category<T: Clone>(items: &[T], category: impl Fn(&T) -> &str) -> Vec<(String, Vec<T>)> {
    let mut runs: Vec<(String, Vec<T>)> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some((name, run)) if name == category(item) => run.push(item.clone()),
            _ => runs.push((category(item).to_string(), vec![item.clone()])),
        }
    }
    runs
}

/// 表2—1 as printed: category, number, name, unit, 2020, 2025 target, growth and
/// attribute (约束性 / 预期性), one `<tbody>` per category.
#[component]
pub fn IndicatorTable(indicators: Vec<Indicator>) -> impl IntoView {
    if indicators.is_empty() {
        return ().into_any();
    }
    let bodies = by_category(&indicators, |i| &i.category)
        .into_iter()
        .map(|(category, run)| {
            let span = run.len().to_string();
            let rows = run
                .into_iter()
                .enumerate()
                .map(|(position, indicator)| {
                    let category_cell = (position == 0).then(|| {
                        view! {
                            <th scope="rowgroup" rowspan=span.clone() class="category" lang="zh-CN">
                                {category.clone()}
                            </th>
                        }
                    });
                    let binding = indicator.attribute.contains("约束");
                    let attribute_class = if binding {
                        "attribute binding"
                    } else {
                        "attribute"
                    };
                    view! {
                        <tr data-item-id=indicator.id.clone() id=indicator.id.clone() tabindex="-1">
                            {category_cell}
                            <td class="num">{indicator.number.to_string()}</td>
                            <th scope="row" lang="zh-CN">
                                <a href=item_href(&indicator.id)>{indicator.name.clone()}</a>
                            </th>
                            <td lang=text_lang(&indicator.unit)>{indicator.unit.clone()}</td>
                            <td class="num" lang=text_lang(&indicator.baseline)>
                                {indicator.baseline.clone()}
                            </td>
                            <td class="num" lang=text_lang(&indicator.target)>
                                {indicator.target.clone()}
                            </td>
                            <td class="num" lang=text_lang(&indicator.growth)>
                                {indicator.growth.clone()}
                            </td>
                            {attribute_cell(&indicator.attribute, attribute_class)}
                        </tr>
                    }
                })
                .collect_view();
            view! { <tbody>{rows}</tbody> }
        })
        .collect_view();
    view! {
        <section class="plan-indicators" aria-labelledby="plan-indicators">
            <h2 id="plan-indicators" tabindex="-1">
                {tr(
                    "表2—1 “十四五”时期经济和社会发展主要指标",
                    "Table 2-1: key economic and social indicators of the 14th five-year plan (2021–2025)",
                )}
            </h2>
            <p class="scroll-hint" aria-hidden="true">
                {tr("表格较宽，可左右滑动 →", "The table is wide: scroll sideways →")}
            </p>
            <div class="table-scroll" role="region"
                aria-label=tr("表2—1 主要指标（可横向滚动）", "Table 2-1, key indicators (scrolls sideways)")
                tabindex="0">
                <table class="data indicator-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("一级指标", "Category")}</th>
                            <th scope="col" class="num">{tr("序号", "No.")}</th>
                            <th scope="col">{tr("二级指标", "Indicator")}</th>
                            <th scope="col">{tr("单位", "Unit")}</th>
                            <th scope="col" class="num">{tr("2020年", "2020")}</th>
                            <th scope="col" class="num">{tr("2025年目标", "2025 target")}</th>
                            <th scope="col" class="num">
                                {tr("年均/累计增长", "Annual / cumulative growth")}
                            </th>
                            <th scope="col">{tr("指标属性", "Type")}</th>
                        </tr>
                    </thead>
                    {bodies}
                </table>
            </div>
            <p class="section-note">
                {tr(
                    "数值照原表抄录；[ ] 为五年累计数。约束性指标以粗体标出。",
                    "Values as printed in the source table; [ ] marks a five-year total. Binding indicators are in bold.",
                )}
            </p>
        </section>
    }
    .into_any()
}

/// One baseline-versus-target chart per indicator category.
#[component]
pub fn IndicatorCharts(indicators: Vec<Indicator>) -> impl IntoView {
    if indicators.is_empty() {
        return ().into_any();
    }
    let charts = by_category(&indicators, |i| &i.category)
        .into_iter()
        .enumerate()
        .map(|(index, (category, run))| {
            view! {
                <IndicatorChart key=format!("indicators-{}", index + 1) category=category
                    indicators=run />
            }
        })
        .collect_view();
    view! {
        <section class="plan-indicator-charts" aria-labelledby="plan-indicator-charts">
            <h2 id="plan-indicator-charts" tabindex="-1">
                {tr("主要指标图：2020 年与 2025 年目标", "Key indicators: 2020 and the 2025 target")}
            </h2>
            <p class="section-note">
                {tr(
                    "同一类别的指标单位各不相同（亿元、%、万人……），不能共用一根数轴：每项指标单独成行、各用自身刻度从 0 画起，条长只在同一指标的 2020 年值与 2025 年目标之间可比；条旁数字照原表抄录。原表只有文字（如“高于全省平均”）的，照录文字，不画条。",
                    "The indicators of one category come in different units (100 million yuan, %, 10,000 people…), so they cannot share one axis: each indicator has its own row and its own scale from 0, and bar lengths compare only an indicator's 2020 value with its 2025 target. The numbers beside the bars are as printed. Where the table gives only words (such as \"above the provincial average\"), the words are copied and no bar is drawn.",
                )}
            </p>
            <div class="chart-grid">{charts}</div>
        </section>
    }
    .into_any()
}

/// Each imported work report's areas of work, with its paragraphs linked, so the
/// speech can be read in its own order.
#[component]
pub fn ReportOutlines(reports: Vec<ReportOutline>) -> impl IntoView {
    if reports.is_empty() {
        return ().into_any();
    }
    let data = use_data();
    let index = data.index.clone();
    let outlines = reports
        .into_iter()
        .map(|report| {
            let name = find_document(&data.dataset, &report.document)
                .map(document_short_label)
                .unwrap_or_else(|| report.document.clone());
            let paragraph = |id: &String| {
                let title = index
                    .entry(id)
                    .map(|entry| lead_sentence(&entry.title))
                    .unwrap_or_else(|| id.clone());
                view! {
                    <li data-item-id=id.clone()>
                        <a href=item_href(id) lang="zh-CN">{title}</a>
                    </li>
                }
            };
            let targets = (!report.targets.is_empty()).then(|| {
                let items = report.targets.iter().map(&paragraph).collect_view();
                view! {
                    <h4>{tr("预期目标", "Expected targets")}</h4>
                    <ul class="report-targets">{items}</ul>
                }
            });
            let areas = report
                .areas
                .iter()
                .map(|area| {
                    let items = area.tasks.iter().map(&paragraph).collect_view();
                    view! {
                        <li>
                            <span class="area-title" lang="zh-CN">
                                {format!("{}{}", area.number, area.title)}
                            </span>
                            <ol class="report-paragraphs">{items}</ol>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="report-outline">
                    <h3 lang="zh-CN">{name}</h3>
                    {targets}
                    <h4>{tr("工作部署", "Areas of work")}</h4>
                    <ol class="report-areas">{areas}</ol>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="plan-reports" aria-labelledby="plan-reports">
            <h2 id="plan-reports" tabindex="-1">
                {tr("政府工作报告的结构", "How the work reports are organised")}
            </h2>
            {outlines}
        </section>
    }
    .into_any()
}

/// The 指标属性 cell. In English the two kinds the plan uses are named in English (a
/// reader needs to know what 约束性 means more than how it is written); in Chinese, and
/// for anything else, the cell is the table's own text.
fn attribute_cell(attribute: &str, class: &'static str) -> AnyView {
    let english = if attribute.contains("约束") {
        Some("Binding")
    } else if attribute.contains("预期") {
        Some("Expected")
    } else {
        None
    };
    match (lang(), english) {
        (Lang::En, Some(word)) => view! { <td class=class>{word}</td> }.into_any(),
        _ => view! { <td class=class lang="zh-CN">{attribute.to_string()}</td> }.into_any(),
    }
}

/// A paragraph's lead sentence (up to the first 。), the heading it reads under.
fn lead_sentence(text: &str) -> String {
    match text.find('。') {
        Some(end) => text[..end].to_string(),
        None => text.to_string(),
    }
}
