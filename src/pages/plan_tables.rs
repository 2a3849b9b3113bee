//! The plan's tables: key indicators (表2—1) with their per-category charts, and the
//! work reports' structure.

use leptos::prelude::*;
use planboard_model::{Indicator, ReportOutline};

use crate::components::indicator_chart::IndicatorChart;
use crate::components::task_row::{document_short_label, find_document, item_href};
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
                            <th scope="rowgroup" rowspan=span.clone() class="category">
                                {category.clone()}
                            </th>
                        }
                    });
                    let attribute_class = if indicator.attribute.contains("约束") {
                        "attribute binding"
                    } else {
                        "attribute"
                    };
                    view! {
                        <tr data-item-id=indicator.id.clone() id=indicator.id.clone() tabindex="-1">
                            {category_cell}
                            <td class="num">{indicator.number.to_string()}</td>
                            <th scope="row">
                                <a href=item_href(&indicator.id)>{indicator.name.clone()}</a>
                            </th>
                            <td>{indicator.unit.clone()}</td>
                            <td class="num">{indicator.baseline.clone()}</td>
                            <td class="num">{indicator.target.clone()}</td>
                            <td class="num">{indicator.growth.clone()}</td>
                            <td class=attribute_class>{indicator.attribute.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! { <tbody>{rows}</tbody> }
        })
        .collect_view();
    view! {
        <section class="plan-indicators" aria-labelledby="plan-indicators">
            <h2 id="plan-indicators" tabindex="-1">"表2—1 “十四五”时期经济和社会发展主要指标"</h2>
            <p class="scroll-hint" aria-hidden="true">"表格较宽，可左右滑动 →"</p>
            <div class="table-scroll" role="region" aria-label="表2—1 主要指标（可横向滚动）" tabindex="0">
                <table class="data indicator-table">
                    <thead>
                        <tr>
                            <th scope="col">"一级指标"</th>
                            <th scope="col" class="num">"序号"</th>
                            <th scope="col">"二级指标"</th>
                            <th scope="col">"单位"</th>
                            <th scope="col" class="num">"2020年"</th>
                            <th scope="col" class="num">"2025年目标"</th>
                            <th scope="col" class="num">"年均/累计增长"</th>
                            <th scope="col">"指标属性"</th>
                        </tr>
                    </thead>
                    {bodies}
                </table>
            </div>
            <p class="section-note">"数值照原表抄录；[ ] 为五年累计数。约束性指标以粗体标出。"</p>
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
            <h2 id="plan-indicator-charts" tabindex="-1">"主要指标图：2020 年与 2025 年目标"</h2>
            <p class="section-note">
                "同一类别的指标单位各不相同（亿元、%、万人……），不能共用一根数轴：每项指标单独成行、各用自身刻度从 0 画起，条长只在同一指标的 2020 年值与 2025 年目标之间可比；条旁数字照原表抄录。原表只有文字（如“高于全省平均”）的，照录文字，不画条。"
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
                        <a href=item_href(id)>{title}</a>
                    </li>
                }
            };
            let targets = (!report.targets.is_empty()).then(|| {
                let items = report.targets.iter().map(&paragraph).collect_view();
                view! {
                    <h4>"预期目标"</h4>
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
                            <span class="area-title">{format!("{}{}", area.number, area.title)}</span>
                            <ol class="report-paragraphs">{items}</ol>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="report-outline">
                    <h3>{name}</h3>
                    {targets}
                    <h4>"工作部署"</h4>
                    <ol class="report-areas">{areas}</ol>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="plan-reports" aria-labelledby="plan-reports">
            <h2 id="plan-reports" tabindex="-1">"政府工作报告的结构"</h2>
            {outlines}
        </section>
    }
    .into_any()
}

/// A paragraph's lead sentence (up to the first 。), the heading it reads under.
fn lead_sentence(text: &str) -> String {
    match text.find('。') {
        Some(end) => text[..end].to_string(),
        None => text.to_string(),
    }
}
