//! An item page for a piece of the plan: a section, a 专栏 box, a main indicator or a
//! row of the “十三五” results table; the plan's own words marked Chinese.

use leptos::prelude::*;
use planboard_model::{Plan, SourceSpan, View};

use super::{DocumentFacts, Permalink};
use crate::i18n::tr;
use crate::pages::plan::plan_at_href;
use crate::state::href_view;

/// A plan section, 专栏 box, indicator or results row, if `id` names one.
pub(super) fn plan_item(plan: &Plan, id: &str) -> Option<AnyView> {
    if let Some(section) = plan.sections.iter().find(|section| section.id == id) {
        let chapter = section.chapter.clone();
        return Some(plan_page(
            id,
            tr("规划段落", "Plan section"),
            section.title.clone(),
            &section.document,
            &section.source,
            view! {
                {chapter.map(|chapter| view! { <p class="muted" lang="zh-CN">{chapter}</p> })}
                <p class="item-text" lang="zh-CN">{section.text.clone()}</p>
            }
            .into_any(),
        ));
    }
    if let Some(plan_box) = plan.boxes.iter().find(|plan_box| plan_box.id == id) {
        return Some(plan_page(
            id,
            tr("专栏", "Feature box"),
            format!("{} {}", plan_box.number, plan_box.title),
            &plan_box.document,
            &plan_box.source,
            view! {
                <ul class="progress-list">
                    {plan_box
                        .entries
                        .iter()
                        .map(|entry| view! { <li lang="zh-CN">{entry.clone()}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        ));
    }
    if let Some(indicator) = plan.indicators.iter().find(|indicator| indicator.id == id) {
        let unit = if indicator.unit.is_empty() {
            String::new()
        } else {
            format!("（{}）", indicator.unit)
        };
        return Some(plan_page(
            id,
            tr("主要指标", "Main indicator"),
            format!("{}{}", indicator.name, unit),
            &indicator.document,
            &indicator.source,
            view! {
                <dl class="item-facts">
                    <dt>{tr("类别", "Category")}</dt>
                    <dd lang="zh-CN">{indicator.category.clone()}</dd>
                    <dt>{tr("2020年", "2020")}</dt>
                    <dd lang="zh-CN">{indicator.baseline.clone()}</dd>
                    <dt>{tr("2025年目标", "2025 target")}</dt>
                    <dd lang="zh-CN">{indicator.target.clone()}</dd>
                    <dt>{tr("年均/累计增长", "Growth (yearly average or total)")}</dt>
                    <dd lang="zh-CN">{indicator.growth.clone()}</dd>
                    <dt>{tr("属性", "Binding or expected")}</dt>
                    <dd lang="zh-CN">{indicator.attribute.clone()}</dd>
                </dl>
            }
            .into_any(),
        ));
    }
    let row = plan.results.iter().find(|row| row.id == id)?;
    Some(plan_page(
        id,
        tr(
            "“十三五”规划主要指标完成情况",
            "Main indicators of the 13th five-year plan: results",
        ),
        row.name.clone(),
        &row.document,
        &row.source,
        view! {
            <dl class="item-facts">
                <dt>{tr("类别", "Category")}</dt>
                <dd lang="zh-CN">{row.category.clone()}</dd>
                // The column headings are the document's own.
                {row
                    .cells
                    .iter()
                    .map(|(header, value)| {
                        view! {
                            <dt lang="zh-CN">{header.clone()}</dt>
                            <dd lang="zh-CN">{value.clone()}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        }
        .into_any(),
    ))
}

fn plan_page(
    id: &str,
    kind: &'static str,
    title: String,
    document: &str,
    source: &SourceSpan,
    body: AnyView,
) -> AnyView {
    view! {
        <article class="item-page" data-item-page=id.to_string()>
            <nav class="breadcrumb" aria-label=tr("位置", "Breadcrumb")>
                <a href=href_view(View::Plan)>{tr("规划", "Plan")}</a>
                " › "
                {kind}
            </nav>
            <h1 lang="zh-CN">{title}</h1>
            {body}
            <dl class="item-facts">
                <DocumentFacts document=document.to_string() source=source.clone() />
                <Permalink id=id.to_string() />
            </dl>
            <p>
                <a href=plan_at_href(id) data-testid="plan-at">
                    {tr("在规划页中查看（定位到此处）", "See it in the whole plan")}
                </a>
            </p>
        </article>
    }
    .into_any()
}
