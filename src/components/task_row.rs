//! One listed entry (a task or a livelihood project), as the lists show it.

use leptos::prelude::*;
use planboard_model::markup::{push_element, push_text};
use planboard_model::{
    mentions_any, search_terms, Dataset, Entry, Lang, SourceDocument, Status, UnitRef, View,
};

use crate::components::highlight::{marked_runs, Highlighted};
use crate::i18n::lang;
use crate::state::{href_view, use_data, AppData};

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
/// `Task::citation` for why the number alone is not enough. Document text: it uses the
/// document's own numbering.
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
///
/// The row's content is one string of markup (`planboard_model::markup`, which escapes
/// every text) set in one step, rebuilt only when the query changes: the 任务 list
/// builds and drops up to a hundred rows on a keystroke, and node by node each cost
/// about 0.3 ms in wasm (a crossing into JS per node and attribute, a render effect per
/// marked text). Nothing in a row holds state (focus stays in the search box while the
/// query changes), so replacing its content loses nothing.
#[component]
pub fn EntryRow(entry: usize, #[prop(into)] query: Signal<String>) -> impl IntoView {
    let data = use_data();
    let Some(id) = data
        .index
        .entries()
        .get(entry)
        .map(|found| found.id.clone())
    else {
        return ().into_any();
    };
    // Read here, where the language of this draw is known (a switch redraws the shell).
    let language = lang();
    let content = move || {
        query.with(|query| {
            data.index
                .entries()
                .get(entry)
                .map(|entry| row_markup(&data, entry, &search_terms(query), language))
                .unwrap_or_default()
        })
    };
    view! { <li class="entry" data-item-id=id inner_html=content></li> }.into_any()
}

/// A whole `EntryRow` as markup, `<li class="entry" data-item-id="…">…</li>`, for a list
/// that writes many rows in one step (`EntryList`); empty for a position the index
/// does not hold.
pub fn entry_row_markup(data: &AppData, entry: usize, terms: &[String], language: Lang) -> String {
    let Some(entry) = data.index.entries().get(entry) else {
        return String::new();
    };
    let mut html = String::from(r#"<li class="entry" data-item-id=""#);
    push_text(&mut html, &entry.id);
    html.push_str(r#"">"#);
    html.push_str(&row_markup(data, entry, terms, language));
    html.push_str("</li>");
    html
}

/// The inside of an `EntryRow`, for the search `terms` (none: nothing marked).
fn row_markup(data: &AppData, entry: &Entry, terms: &[String], language: Lang) -> String {
    let dataset = &data.dataset;
    let mut html = String::with_capacity(1024);
    html.push_str(r#"<div class="entry-meta"><span class="status status-"#);
    html.push_str(entry.status.code());
    html.push_str(r#"">"#);
    push_text(&mut html, entry.status.label(language));
    html.push_str(r#"</span><a class="entry-link" lang="zh-CN" href=""#);
    push_text(&mut html, &item_href(&entry.id));
    html.push_str(r#"">"#);
    let document = data.index.document(&entry.document);
    match (document, entry_citation(dataset, entry)) {
        (Some(document), Some(citation)) => {
            push_text(&mut html, &document_short_label(document));
            html.push(' ');
            push_text(&mut html, &citation);
        }
        (Some(document), None) => push_text(&mut html, &document_short_label(document)),
        (None, _) => push_text(&mut html, &entry.document),
    }
    html.push_str("</a>");
    push_element(
        &mut html,
        "span",
        r#"class="entry-kind""#,
        entry.kind.label(language),
        &[],
    );
    if let Some(leader) = &entry.leader {
        html.push_str(r#"<span class="entry-leader">"#);
        html.push_str(language.pick("领导 ", "Lead official: "));
        push_element(&mut html, "span", r#"lang="zh-CN""#, leader, terms);
        html.push_str("</span>");
    }
    html.push_str("</div>");
    push_commitment_note(&mut html, data, entry, language);
    push_element(
        &mut html,
        "p",
        r#"class="entry-text" lang="zh-CN""#,
        &entry.title,
        terms,
    );
    if !entry.units.is_empty() {
        html.push_str(r#"<p class="entry-units">"#);
        push_field_label(&mut html, language.pick("责任单位", "Responsible units"));
        push_units(&mut html, &entry.units, terms, language);
        html.push_str("</p>");
    }
    push_searched_tail(&mut html, data, entry, terms, language);
    html
}

/// For a commitment several documents list: when its status was reported and how many
/// documents list it, or, on an earlier record, what the latest one says.
fn push_commitment_note(html: &mut String, data: &AppData, entry: &Entry, language: Lang) {
    let Some(commitment) = entry
        .commitment
        .and_then(|at| data.dataset.commitments.get(at))
    else {
        return;
    };
    let Some(latest) = commitment.records.last() else {
        return;
    };
    let date_of = |document: &str| {
        data.index
            .document(document)
            .map_or(String::new(), |document| document.date.clone())
    };
    html.push_str(r#"<p class="commitment-note" data-testid="commitment-note">"#);
    if entry.superseded {
        push_text(
            html,
            language.pick("较早的记录；最新（", "An earlier record; the latest ("),
        );
        push_text(html, &date_of(&latest.document));
        push_text(html, language.pick("）：", "): "));
        html.push_str(r#"<span class="status status-"#);
        html.push_str(latest.status.code());
        html.push_str(r#"">"#);
        push_text(html, latest.status.label(language));
        html.push_str("</span>");
    } else {
        let count = commitment.records.len();
        let first = commitment
            .records
            .first()
            .map_or(String::new(), |record| date_of(&record.document));
        push_text(
            html,
            &language.pick(
                format!(
                    "状态日期 {} · 同一事项见 {count} 份文件（最早 {first}），详见时间线",
                    date_of(&entry.document)
                ),
                format!(
                    "Status as of {} · listed in {count} documents (first {first}); see the timeline",
                    date_of(&entry.document)
                ),
            ),
        );
    }
    html.push_str("</p>");
}

/// Under a search, the progress lines and sub-items that match (where the match is when
/// it is not in the text itself); and the remarks: always for a lagging task, else only
/// those the search matches.
fn push_searched_tail(
    html: &mut String,
    data: &AppData,
    entry: &Entry,
    terms: &[String],
    language: Lang,
) {
    let dataset = &data.dataset;
    let task = entry.task(dataset);
    let (progress, remarks): (&[String], &[String]) = match task {
        Some(task) => (&task.progress, &task.remarks),
        None => (&[], &[]),
    };
    let subitems: &[String] = entry
        .project(dataset)
        .map_or(&[], |project| &project.subitems);
    if !terms.is_empty() {
        let progress_label = language.pick("进展", "Progress");
        let subitem_label = language.pick("子项", "Sub-item");
        let searchable = progress
            .iter()
            .map(|line| (progress_label, line))
            .chain(subitems.iter().map(|line| (subitem_label, line)));
        for (label, line) in searchable
            .filter(|(_, line)| mentions_any(line, terms))
            .take(MATCHED_PROGRESS_SHOWN)
        {
            html.push_str(r#"<p class="entry-match">"#);
            push_field_label(html, label);
            push_element(html, "span", r#"lang="zh-CN""#, line, terms);
            html.push_str("</p>");
        }
    }
    let lagging = entry.status == Status::Lagging;
    for remark in remarks
        .iter()
        .filter(|remark| lagging || mentions_any(remark, terms))
    {
        html.push_str(r#"<p class="entry-remark">"#);
        push_field_label(html, language.pick("滞后说明", "Reason for delay"));
        push_element(html, "span", r#"lang="zh-CN""#, remark, terms);
        html.push_str("</p>");
    }
}

fn push_field_label(html: &mut String, label: &str) {
    push_element(html, "span", r#"class="field-label""#, label, &[]);
}

/// The units as `UnitList` draws them (unlinked), in markup.
fn push_units(html: &mut String, units: &[UnitRef], terms: &[String], language: Lang) {
    for (position, unit) in units.iter().enumerate() {
        if position > 0 {
            html.push_str(unit_separator(language));
        }
        html.push_str(if unit.lead {
            r#"<span class="unit unit-lead"><span aria-hidden="true">★</span>"#
        } else {
            r#"<span class="unit">"#
        });
        push_element(html, "span", r#"lang="zh-CN""#, &unit.name, terms);
        if unit.lead {
            push_element(html, "span", r#"class="lead-tag""#, lead_tag(language), &[]);
        }
        html.push_str("</span>");
    }
}

/// What marks a lead unit besides the ★ (never weight alone).
fn lead_tag(language: Lang) -> &'static str {
    language.pick("牵头", "lead")
}

/// Between two unit names: the enumeration comma in Chinese, a comma in English.
fn unit_separator(language: Lang) -> &'static str {
    language.pick("、", ", ")
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
                        let name =
                            view! { <span lang="zh-CN">{marked_runs(&unit.name, query)}</span> };
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
                <a href=target lang="zh-CN">
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
    let language = lang();
    view! {
        <span class=class>
            {lead.then_some(view! { <span aria-hidden="true">"★"</span> })} {name}
            {lead.then_some(view! { <span class="lead-tag">{lead_tag(language)}</span> })}
        </span>
        {separated.then_some(unit_separator(language))}
    }
}
