//! 规划: the five-year plan outline — key indicators (表2—1) with a chart per
//! category, the prose sections headed by their lead sentences with the 专栏 boxes
//! where the text places them, and the 13th-plan results (表1—1).

mod contents;
mod target;

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{Plan, PlanBox, PlanSection};

use crate::components::data_gate::with_plan;
use crate::components::task_row::{document_short_label, find_document, item_href};
use crate::i18n::{lang, tr};
use crate::pages::plan_results::ResultsTable;
use crate::pages::plan_tables::{IndicatorCharts, IndicatorTable, ReportOutlines};
use crate::state::use_data;
use contents::Contents;
pub use target::plan_at_href;

/// Heading shown for a run of sections whose chapter heading the source text lost.
fn no_chapter() -> &'static str {
    tr(
        "（原文此处未保留章节标题）",
        "(The source lost the chapter heading here)",
    )
}

/// The plan view (`#/plan`; `#/plan?at=<id>` opens it at a section, box or indicator),
/// drawn once `plan.json` has loaded.
#[component]
pub fn PlanPage() -> impl IntoView {
    with_plan(|plan| view! { <PlanOutline plan /> })
}

#[component]
fn PlanOutline(plan: Arc<Plan>) -> impl IntoView {
    // Here, not in `PlanPage`: the target can only be found once the plan is drawn.
    target::follow_route_target();
    let data = use_data();
    let plan = &*plan;
    let document = find_document(&data.dataset, &plan.document);
    // The lede is the document's own description, so it is marked as Chinese whole.
    let lede = match document {
        Some(document) => view! {
            <p class="page-lede" lang="zh-CN">
                {format!(
                    "{} · {} · {} · {}（{}）",
                    document.title,
                    document.issuer,
                    document.date,
                    document.period,
                    document.source_file,
                )}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="page-lede">
                {tr("数据中没有五年规划纲要。", "The data holds no five-year plan outline.")}
            </p>
        }
        .into_any(),
    };
    let heading = document.map(|document| {
        view! { " · " <span lang="zh-CN">{document_short_label(document)}</span> }
    });
    let empty = plan.sections.is_empty()
        && plan.boxes.is_empty()
        && plan.indicators.is_empty()
        && plan.results.is_empty();
    let groups = text_groups(plan);

    view! {
        <div class="view plan-page">
            <div class="page-head">
                <h1>{tr("规划", "Plan")} {heading}</h1>
                {lede}
                <p class="page-counts">
                    {lang()
                        .pick(
                            format!(
                                "正文 {} 段 · 专栏 {} 个 · 主要指标 {} 项 · “十三五”完成情况 {} 行",
                                plan.sections.len(),
                                plan.boxes.len(),
                                plan.indicators.len(),
                                plan.results.len(),
                            ),
                            format!(
                                "{} paragraphs · {} boxes · {} key indicators · {} rows of 13th-plan results",
                                plan.sections.len(),
                                plan.boxes.len(),
                                plan.indicators.len(),
                                plan.results.len(),
                            ),
                        )}
                </p>
            </div>
            {empty
                .then(|| {
                    view! {
                        <p class="empty">
                            {tr("当前数据中没有规划内容。", "The data holds no plan text.")}
                        </p>
                    }
                })}
            <Contents groups=groups.clone() plan=plan.clone() />
            <IndicatorTable indicators=plan.indicators.clone() />
            <IndicatorCharts indicators=plan.indicators.clone() />
            <PlanText groups=groups />
            <ResultsTable results=plan.results.clone() />
            <ReportOutlines reports=plan.reports.clone() />
        </div>
    }
}

/// One piece of the prose in source order: a section or a box.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Section(PlanSection),
    Box(PlanBox),
}

impl Piece {
    fn first_line(&self) -> u32 {
        match self {
            Piece::Section(section) => section.source.first_line,
            Piece::Box(plan_box) => plan_box.source.first_line,
        }
    }
}

/// A run of consecutive pieces under one chapter heading (or none known).
#[derive(Clone, Debug, PartialEq)]
struct Group {
    chapter: Option<String>,
    pieces: Vec<Piece>,
}

/// Sections and boxes merged in source-line order, cut into runs whenever a section
/// names a different chapter. Boxes stay in the run the text places them in.
fn text_groups(plan: &Plan) -> Vec<Group> {
    let mut pieces: Vec<Piece> = plan
        .sections
        .iter()
        .cloned()
        .map(Piece::Section)
        .chain(plan.boxes.iter().cloned().map(Piece::Box))
        .collect();
    pieces.sort_by_key(Piece::first_line);
    let mut groups: Vec<Group> = Vec::new();
    for piece in pieces {
        let chapter = match &piece {
            Piece::Section(section) => Some(section.chapter.clone()),
            Piece::Box(_) => None,
        };
        match (groups.last_mut(), chapter) {
            (Some(group), Some(chapter)) if group.chapter == chapter => group.pieces.push(piece),
            (Some(group), None) => group.pieces.push(piece),
            (_, chapter) => groups.push(Group {
                chapter: chapter.flatten(),
                pieces: vec![piece],
            }),
        }
    }
    groups
}

fn group_anchor(index: usize) -> String {
    format!("plan-part-{}", index + 1)
}

/// The chapter heading (the document's, so marked Chinese), or our note that it is lost.
fn group_title(group: &Group) -> AnyView {
    match &group.chapter {
        Some(chapter) => view! { <span lang="zh-CN">{chapter.clone()}</span> }.into_any(),
        None => no_chapter().into_any(),
    }
}

/// The prose: one heading per chapter run, each section headed by its lead sentence,
/// the boxes in place.
#[component]
fn PlanText(groups: Vec<Group>) -> impl IntoView {
    if groups.is_empty() {
        return ().into_any();
    }
    let parts = groups
        .into_iter()
        .enumerate()
        .map(|(index, group)| {
            let title = group_title(&group);
            let pieces = group.pieces.into_iter().map(piece_view).collect_view();
            view! {
                <div class="plan-part">
                    <h3 id=group_anchor(index) tabindex="-1">{title}</h3>
                    {pieces}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="plan-text" aria-labelledby="plan-text">
            <h2 id="plan-text" tabindex="-1">{tr("正文与专栏", "Text and boxes")}</h2>
            <p class="section-note">
                {tr(
                    "每段以原文首句为标题；章节标题多数在原文中已丢失，仅保留下来的章节标题单独列出。",
                    "Each paragraph is headed by its first sentence. The source text lost most chapter headings; those it kept head their chapters.",
                )}
            </p>
            {parts}
        </section>
    }
    .into_any()
}

fn piece_view(piece: Piece) -> AnyView {
    match piece {
        Piece::Section(section) => {
            let lines = line_span(section.source.first_line, section.source.last_line);
            // Paragraphs without a lead sentence (the preamble, some transitions) get no
            // heading rather than an empty one.
            let heading = (!section.title.is_empty())
                .then(|| view! { <h4 lang="zh-CN">{section.title.clone()}</h4> });
            view! {
                <div class="plan-section" data-item-id=section.id.clone() id=section.id.clone()
                    tabindex="-1">
                    {heading}
                    <p>
                        <span lang="zh-CN">{section.text.clone()}</span>
                        " "
                        <a class="source-ref" href=item_href(&section.id)>{lines}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        Piece::Box(plan_box) => {
            let entries = plan_box
                .entries
                .iter()
                .map(|entry| view! { <li lang="zh-CN">{entry.clone()}</li> })
                .collect_view();
            let lines = line_span(plan_box.source.first_line, plan_box.source.last_line);
            view! {
                <div class="plan-box" data-item-id=plan_box.id.clone() id=plan_box.id.clone()
                    tabindex="-1">
                    <h4 lang="zh-CN">
                        <span class="box-number">{plan_box.number.clone()}</span>
                        " "
                        {plan_box.title.clone()}
                    </h4>
                    <ul class="box-entries">{entries}</ul>
                    <p>
                        <a class="source-ref" href=item_href(&plan_box.id)>{lines}</a>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

/// `原文第 12 行` or `原文第 12–14 行` (`source, line 12`, `source, lines 12–14`).
pub fn line_span(first: u32, last: u32) -> String {
    if last > first {
        lang().pick(
            format!("原文第 {first}–{last} 行"),
            format!("source, lines {first}–{last}"),
        )
    } else {
        lang().pick(
            format!("原文第 {first} 行"),
            format!("source, line {first}"),
        )
    }
}
