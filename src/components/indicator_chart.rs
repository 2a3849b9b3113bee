//! Baseline-versus-target chart for the plan's key indicators (表2—1), one category
//! per chart.
//!
//! The indicators of one category come in different units (亿元, %, 万人…), so one
//! shared axis would compare the incomparable. Each indicator is therefore its own
//! small-multiple row with its own scale starting at zero: the two bars of a row
//! compare 2020 with 2025, and the printed values stand beside the bars. Values the
//! table gives only in words (`高于全省平均`, `完成省下达目标`) are written, not drawn.

use leptos::prelude::*;
use planboard_model::{Indicator, Lang};

use super::chart::{fmt, text_width};
use crate::i18n::{counted, lang, text_lang, tr};

/// Same narrow coordinate system as the stacked charts (see `chart.rs`).
const VIEW_WIDTH: f64 = 320.0;
const FONT: f64 = 12.0;
const BAR_LABEL_WIDTH: f64 = 76.0;
/// Room right of the longest bar for its printed value.
const VALUE_ROOM: f64 = 60.0;
const BAR_HEIGHT: f64 = 12.0;
const TITLE_HEIGHT: f64 = 16.0;
const BAR_GAP: f64 = 4.0;
const ROW_GAP: f64 = 12.0;

/// One category's indicators drawn as rows of 2020 and 2025 bars, with a table.
#[component]
pub fn IndicatorChart(
    /// The `data-chart` value, unique on the page.
    key: String,
    category: String,
    indicators: Vec<Indicator>,
) -> impl IntoView {
    let caption_words = tr(
        "：2020 年值与 2025 年目标（每项指标各用自身刻度）",
        ": 2020 value and 2025 target (each indicator on its own scale)",
    );
    let mut y = 4.0;
    let rows = indicators
        .iter()
        .map(|indicator| {
            let row = indicator_row(indicator, y);
            y += row_height(indicator);
            row
        })
        .collect_view();
    let height = y;
    // An attribute cannot mark part of itself as Chinese, so the English summary names
    // no indicator and points to the table, which holds every name and value.
    let summary = match lang() {
        Lang::Zh => format!(
            "{category}指标图：{}。数据见下表。",
            indicators
                .iter()
                .map(|i| format!(
                    "{}，2020 年 {}，2025 年目标 {}",
                    title(i),
                    i.baseline,
                    i.target
                ))
                .collect::<Vec<_>>()
                .join("；")
        ),
        Lang::En => format!(
            "Chart of {}: 2020 values beside 2025 targets. The table below gives every name and value.",
            counted(indicators.len(), "indicator", "indicators"),
        ),
    };
    let table_rows = indicators
        .iter()
        .map(|i| {
            view! {
                <tr>
                    <th scope="row" lang="zh-CN">{i.name.clone()}</th>
                    <td lang=text_lang(&i.unit)>{i.unit.clone()}</td>
                    <td class="num" lang=text_lang(&i.baseline)>{i.baseline.clone()}</td>
                    <td class="num" lang=text_lang(&i.target)>{i.target.clone()}</td>
                    <td class="num" lang=text_lang(&i.growth)>{i.growth.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart indicator-chart" data-chart=key>
            <figcaption><span lang="zh-CN">{category.clone()}</span> {caption_words}</figcaption>
            <div class="chart-body">
                <div class="chart-graphic">
                    <ul class="chart-legend" aria-label=tr("图例", "Legend")>
                        <li>
                            <span class="swatch swatch-baseline" aria-hidden="true"></span>
                            {baseline_label()}
                        </li>
                        <li>
                            <span class="swatch swatch-target" aria-hidden="true"></span>
                            {target_label()}
                        </li>
                    </ul>
                    <svg class="chart-svg" viewBox=format!("0 0 {} {}", fmt(VIEW_WIDTH), fmt(height))
                        role="img" aria-label=summary xmlns="http://www.w3.org/2000/svg">
                        {rows}
                    </svg>
                </div>
                <table class="data chart-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("指标", "Indicator")}</th>
                            <th scope="col">{tr("单位", "Unit")}</th>
                            <th scope="col" class="num">{baseline_label()}</th>
                            <th scope="col" class="num">{target_label()}</th>
                            <th scope="col" class="num">
                                // Short in English: five columns share a phone's width here
                                // (表2—1 above has room for the full heading).
                                {tr("年均/累计增长", "Growth")}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

/// The legend's, the table's and the bars' word for the 2020 value.
fn baseline_label() -> &'static str {
    tr("2020年", "2020")
}

/// The legend's, the table's and the bars' word for the 2025 target.
fn target_label() -> &'static str {
    tr("2025年目标", "2025 target")
}

fn title(indicator: &Indicator) -> String {
    if indicator.unit.is_empty() || indicator.unit == "—" {
        indicator.name.clone()
    } else {
        format!("{}（{}）", indicator.name, indicator.unit)
    }
}

/// True when neither year has a number to draw; the row then states the growth target.
fn text_only(indicator: &Indicator) -> bool {
    indicator.baseline_value.is_none() && indicator.target_value.is_none()
}

fn row_height(indicator: &Indicator) -> f64 {
    if text_only(indicator) {
        TITLE_HEIGHT + BAR_HEIGHT + ROW_GAP
    } else {
        TITLE_HEIGHT + 2.0 * BAR_HEIGHT + BAR_GAP + ROW_GAP
    }
}

fn indicator_row(indicator: &Indicator, top: f64) -> AnyView {
    let heading = format!("{}. {}", indicator.number, title(indicator));
    let title_y = fmt(top + FONT);
    if text_only(indicator) {
        let growth = if indicator.growth.trim().is_empty() {
            "—"
        } else {
            indicator.growth.as_str()
        };
        let (before, after) = (
            // Short in English too: the line starts right of the bar labels.
            tr("增长目标：", "Growth: "),
            tr("（表中无绝对值）", " (no values)"),
        );
        return view! {
            <g class="indicator-row">
                <text class="indicator-title" x="0" y=title_y lang="zh-CN">{heading}</text>
                <text class="indicator-note" x=fmt(BAR_LABEL_WIDTH)
                    y=fmt(top + TITLE_HEIGHT + BAR_HEIGHT - 2.0)>
                    {before}
                    <tspan lang=text_lang(growth)>{growth.to_string()}</tspan>
                    {after}
                </text>
            </g>
        }
        .into_any();
    }
    let plot_width = VIEW_WIDTH - BAR_LABEL_WIDTH - VALUE_ROOM;
    let values = [indicator.baseline_value, indicator.target_value];
    let low = values.iter().flatten().fold(0.0_f64, |a, &b| a.min(b));
    let mut high = values.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
    if high == low {
        high = low + 1.0;
    }
    let x_of = move |v: f64| BAR_LABEL_WIDTH + (v - low) / (high - low) * plot_width;
    let zero = x_of(0.0);
    let bars = [
        (baseline_label(), indicator.baseline_value, indicator.baseline.as_str(), "baseline"),
        (target_label(), indicator.target_value, indicator.target.as_str(), "target"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (year, value, printed, class))| {
        let y = top + TITLE_HEIGHT + i as f64 * (BAR_HEIGHT + BAR_GAP);
        let text_y = fmt(y + BAR_HEIGHT - 2.0);
        let label = view! {
            <text class="bar-label" x=fmt(BAR_LABEL_WIDTH - 6.0) y=text_y.clone() text-anchor="end">
                {year}
            </text>
        };
        let body = match value {
            Some(v) => {
                let (x0, x1) = (zero.min(x_of(v)), zero.max(x_of(v)));
                // The printed value follows a positive bar; a negative bar ends at the
                // label column, so its value (minus sign and all) sits right of zero.
                let value_x = if v < 0.0 { zero + 4.0 } else { x1 + 4.0 };
                view! {
                    <rect class=format!("ind-{class}") x=fmt(x0) y=fmt(y) width=fmt((x1 - x0).max(1.0))
                        height=fmt(BAR_HEIGHT)></rect>
                    <text class="bar-total" x=fmt(value_x) y=text_y text-anchor="start"
                        lang=text_lang(printed)>
                        {printed.to_string()}
                    </text>
                }
                .into_any()
            }
            None => {
                let (printed, why) = if printed.trim().is_empty() || printed == "—" {
                    ("—", tr("（表中无数值）", " (no value in the table)"))
                } else {
                    (printed, tr("（无数值，不画条）", " (words only, no bar)"))
                };
                view! {
                    <text class="indicator-note" x=fmt(BAR_LABEL_WIDTH) y=text_y>
                        <tspan lang=text_lang(printed)>{printed.to_string()}</tspan>
                        {why}
                    </text>
                }
                .into_any()
            }
        };
        view! { <g>{label} {body}</g> }
    })
    .collect_view();
    let zero_line = (low < 0.0).then(|| {
        let x = fmt(zero);
        view! {
            <line class="zero-line" x1=x.clone() x2=x y1=fmt(top + TITLE_HEIGHT - 2.0)
                y2=fmt(top + TITLE_HEIGHT + 2.0 * BAR_HEIGHT + BAR_GAP + 2.0)></line>
        }
    });
    view! {
        <g class="indicator-row">
            <text class="indicator-title" x="0" y=title_y lang="zh-CN">{fit(&heading)}</text>
            {bars}
            {zero_line}
        </g>
    }
    .into_any()
}

fn fit(text: &str) -> String {
    super::chart::fit_label(text, VIEW_WIDTH - text_width("…", FONT))
}
