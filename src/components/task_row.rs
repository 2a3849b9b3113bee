//! One listed entry (a task or a livelihood project), as the lists show it.

use leptos::prelude::*;
use planboard_model::{Dataset, Entry, SourceDocument, Status, UnitRef, View};

use crate::components::highlight::{has_match, marked_runs, Highlighted};
use crate::components::status::StatusBadge;
use crate::state::{href_view, use_data};

/// How many matching progress lines a row shows under a search; the item page has all.
const MATCHED_PROGRESS_SHOWN: usize = 2;

/// The link target of an item page.
pub fn item_href(id: &str) -> String {
    href_view(View::Item(id.to_string()))
}

/// The document with this id, if the catalog lists it.
pub fn find_document<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a SourceDocument> {
    dataset
        .catalog
        .documents
        .iter()
        .find(|document| document.id == id)
}

/// A short name for a document that tells them apart (`湖州市2024年上半年进展报告`), the
/// same words the 文件 facet shows.
pub fn document_short_label(document: &SourceDocument) -> String {
    document.short_label()
}

/// How a reader cites an entry within its document (`附件2 项乐民 第3项`); see
/// `Task::citation` for why the number alone is not enough.
fn entry_citation(dataset: &Dataset, entry: &Entry) -> Option<String> {
    entry.task(dataset).map(|task| task.citation()).or_else(|| {
        entry
            .project(dataset)
            .map(|project| format!("民生实事 第{}项", project.number))
    })
}

/// One entry of `Index::entries()` as a list row, carrying `data-item-id`: status,
/// kind, document, number, leader, units with the lead marked, the text with search
/// matches marked, the progress lines and sub-items the search matched, and the lagging
/// remarks. `query` may be a plain string (`query=""`) or a signal, so a list can keep
/// its rows while the user types.
#[component]
pub fn EntryRow(entry: usize, #[prop(into)] query: Signal<String>) -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let Some(entry) = data.index.entries().get(entry) else {
        return ().into_any();
    };
    let document = data.index.document(&entry.document);
    let source_label = match (document, entry_citation(dataset, entry)) {
        (Some(document), Some(citation)) => {
            format!("{} {}", document_short_label(document), citation)
        }
        (Some(document), None) => document_short_label(document),
        (None, _) => entry.document.clone(),
    };
    let (progress, remarks, subitems) = match (entry.task(dataset), entry.project(dataset)) {
        (Some(task), _) => (task.progress.clone(), task.remarks.clone(), Vec::new()),
        (None, Some(project)) => (Vec::new(), Vec::new(), project.subitems.clone()),
        (None, None) => Default::default(),
    };
    // Under a search, show where the match is when it is not in the text itself.
    let searchable_lines: Vec<(&'static str, String)> = progress
        .into_iter()
        .map(|line| ("进展", line))
        .chain(subitems.into_iter().map(|line| ("子项", line)))
        .collect();
    // Remarks belong to lagging tasks; a remark left on another one shows when searched.
    let lagging = entry.status == Status::Lagging;
    // The matched lines and the remarks in one reactive closure, and none for a row that
    // has neither: rows are built and dropped by the hundred while the user types, and
    // each closure is a render effect to set up and tear down. The closure re-renders on
    // every query, so the texts inside need no reactive highlighting of their own.
    let has_tail = !searchable_lines.is_empty() || !remarks.is_empty();
    let searched_tail = has_tail.then_some({
        move || {
            query.with(|current| {
                let matched_lines = searchable_lines
                    .iter()
                    .filter(|(_, line)| has_match(line, current))
                    .take(MATCHED_PROGRESS_SHOWN)
                    .map(|(label, line)| {
                        view! {
                            <p class="entry-match">
                                <span class="field-label">{*label}</span>
                                {marked_runs(line, current)}
                            </p>
                        }
                    })
                    .collect_view();
                let shown_remarks = remarks
                    .iter()
                    .filter(|remark| lagging || has_match(remark, current))
                    .map(|remark| {
                        view! {
                            <p class="entry-remark">
                                <span class="field-label">"滞后说明"</span>
                                {marked_runs(remark, current)}
                            </p>
                        }
                    })
                    .collect_view();
                (matched_lines, shown_remarks)
            })
        }
    });

    view! {
        <li class="entry" data-item-id=entry.id.clone()>
            <div class="entry-meta">
                <StatusBadge status=entry.status />
                <a class="entry-link" href=item_href(&entry.id)>
                    {source_label}
                </a>
                <span class="entry-kind">{entry.kind.label_zh()}</span>
                {entry
                    .leader
                    .clone()
                    .map(|leader| {
                        view! {
                            <span class="entry-leader">
                                "领导 " <Highlighted text=leader query />
                            </span>
                        }
                    })}
            </div>
            <p class="entry-text">
                <Highlighted text=entry.title.clone() query />
            </p>
            {(!entry.units.is_empty())
                .then(|| {
                    view! {
                        <p class="entry-units">
                            <span class="field-label">"责任单位"</span>
                            <UnitList units=entry.units.clone() query />
                        </p>
                    }
                })}
            {searched_tail}
        </li>
    }
    .into_any()
}

/// Units in document order, the lead ones marked with ★ and the word 牵头 (never by
/// weight alone).
#[component]
pub fn UnitList(
    units: Vec<UnitRef>,
    #[prop(into, optional)] query: Signal<String>,
    /// Link each unit to its department page.
    #[prop(optional)]
    linked: bool,
) -> impl IntoView {
    let count = units.len();
    if !linked {
        // One reactive closure for the whole list rather than one per unit: a list of
        // search results builds and drops these with every keystroke.
        return (move || {
            query.with(|query| {
                units
                    .iter()
                    .enumerate()
                    .map(|(position, unit)| {
                        let name = marked_runs(&unit.name, query);
                        unit_view(unit.lead, name, position + 1 < count)
                    })
                    .collect_view()
            })
        })
        .into_any();
    }
    units
        .into_iter()
        .enumerate()
        .map(|(position, unit)| {
            let target = href_view(View::Department(unit.name.clone()));
            let name = view! {
                <a href=target>
                    <Highlighted text=unit.name.clone() query />
                </a>
            };
            unit_view(unit.lead, name, position + 1 < count)
        })
        .collect_view()
        .into_any()
}

/// One unit of a `UnitList`: its name, the lead ones marked with ★ and 牵头, and the
/// separator before the next.
fn unit_view(lead: bool, name: impl IntoView, separated: bool) -> impl IntoView {
    let class = if lead { "unit unit-lead" } else { "unit" };
    view! {
        <span class=class>
            {lead.then_some(view! { <span aria-hidden="true">"★"</span> })} {name}
            {lead.then_some(view! { <span class="lead-tag">"牵头"</span> })}
        </span>
        {separated.then_some("、")}
    }
}
