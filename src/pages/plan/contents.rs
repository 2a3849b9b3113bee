//! The plan's table of contents: the fixed parts, then every chapter run with its
//! sections and boxes.

use leptos::prelude::*;
use planboard_model::{Plan, PlanSection};

use super::{group_anchor, group_title, plan_at_href, Group, Piece};
use crate::components::jump_link::JumpLink;
use crate::i18n::{lang, tr};

/// The table of contents: the fixed parts, then every chapter run with its sections
/// and boxes (collapsed: it is long).
#[component]
pub(super) fn Contents(groups: Vec<Group>, plan: Plan) -> impl IntoView {
    // A plain click scrolls within the page; opened elsewhere or copied, each link is
    // the plan page opened at that part.
    let part = |target: &str, label: String| {
        view! {
            <li>
                <JumpLink target=target.to_string() href=plan_at_href(target)>{label}</JumpLink>
            </li>
        }
    };
    let chapters = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let entries = group
                .pieces
                .iter()
                .map(|piece| {
                    let (id, label) = match piece {
                        Piece::Section(section) => (section.id.clone(), section_label(section)),
                        Piece::Box(plan_box) => (
                            plan_box.id.clone(),
                            format!("{} {}", plan_box.number, plan_box.title),
                        ),
                    };
                    let class = if matches!(piece, Piece::Box(_)) {
                        "toc-box"
                    } else {
                        "toc-section"
                    };
                    view! {
                        <li class=class>
                            <JumpLink target=id.clone() href=plan_at_href(&id)>
                                <span lang="zh-CN">{label}</span>
                            </JumpLink>
                        </li>
                    }
                })
                .collect_view();
            let title = group_title(group);
            view! {
                <li>
                    <JumpLink target=group_anchor(index) href=plan_at_href(&group_anchor(index))>
                        {title}
                    </JumpLink>
                    <ol class="toc-sub">{entries}</ol>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-label=tr("规划目录", "Plan contents")>
            <h2>{tr("目录", "Contents")}</h2>
            <ol class="toc-parts">
                {(!plan.indicators.is_empty())
                    .then(|| {
                        part(
                            "plan-indicators",
                            tr(
                                    "表2—1 “十四五”主要指标",
                                    "Table 2-1: key indicators of the 14th five-year plan",
                                )
                                .to_string(),
                        )
                    })}
                {(!plan.indicators.is_empty())
                    .then(|| {
                        part(
                            "plan-indicator-charts",
                            tr("主要指标图（按一级指标）", "Key indicators charted, by category")
                                .to_string(),
                        )
                    })}
                {(!groups.is_empty())
                    .then(|| {
                        part(
                            "plan-text",
                            lang()
                                .pick(
                                    format!(
                                        "正文与专栏（{} 段，{} 个专栏）",
                                        plan.sections.len(),
                                        plan.boxes.len(),
                                    ),
                                    format!(
                                        "Text and boxes ({} paragraphs, {} boxes)",
                                        plan.sections.len(),
                                        plan.boxes.len(),
                                    ),
                                ),
                        )
                    })}
                {(!plan.results.is_empty())
                    .then(|| {
                        part(
                            "plan-results",
                            tr(
                                    "表1—1 “十三五”规划主要指标完成情况",
                                    "Table 1-1: how the 13th five-year plan's key indicators turned out",
                                )
                                .to_string(),
                        )
                    })}
                {(!plan.reports.is_empty())
                    .then(|| {
                        part(
                            "plan-reports",
                            tr("政府工作报告的结构", "How the work reports are organised")
                                .to_string(),
                        )
                    })}
            </ol>
            {(!groups.is_empty())
                .then(|| {
                    view! {
                        <details class="toc-details">
                            <summary>{tr("正文各段目录", "Contents of the text, paragraph by paragraph")}</summary>
                            <ol class="toc-chapters">{chapters}</ol>
                        </details>
                    }
                })}
        </nav>
    }
}

/// What the table of contents calls a section: its lead sentence, or the opening of
/// its text when it has none.
fn section_label(section: &PlanSection) -> String {
    if !section.title.is_empty() {
        return section.title.clone();
    }
    let opening: String = section.text.chars().take(20).collect();
    if opening.chars().count() < section.text.chars().count() {
        format!("{opening}…")
    } else {
        opening
    }
}
