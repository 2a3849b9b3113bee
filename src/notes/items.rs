//! What a note's item is called in the current dataset — for the notes list and the CSV
//! export. Covers every kind of record a note can sit on, plan records included.

use std::collections::HashMap;

use planboard_model::{Dataset, Plan};
use planboard_notes::ItemLabel;

/// Item id → title and document title, for every record in `dataset` and `plan`. An id missing
/// here is an orphaned note's.
pub fn item_labels(dataset: &Dataset, plan: &Plan) -> HashMap<String, ItemLabel> {
    let document_titles: HashMap<&str, &str> = dataset
        .catalog
        .documents
        .iter()
        .map(|document| (document.id.as_str(), document.title.as_str()))
        .collect();
    let label = |title: String, document: &str| ItemLabel {
        title,
        document: document_titles
            .get(document)
            .map_or_else(|| document.to_owned(), |title| (*title).to_owned()),
    };
    let mut labels = HashMap::new();
    for task in &dataset.tasks {
        labels.insert(task.id.clone(), label(task.text.clone(), &task.document));
    }
    for project in &dataset.projects {
        labels.insert(
            project.id.clone(),
            label(project.title.clone(), &project.document),
        );
    }
    for section in &plan.sections {
        labels.insert(
            section.id.clone(),
            label(section.title.clone(), &section.document),
        );
    }
    for plan_box in &plan.boxes {
        let title = format!("{} {}", plan_box.number, plan_box.title);
        labels.insert(plan_box.id.clone(), label(title, &plan_box.document));
    }
    for indicator in &plan.indicators {
        labels.insert(
            indicator.id.clone(),
            label(indicator.name.clone(), &indicator.document),
        );
    }
    for row in &plan.results {
        labels.insert(row.id.clone(), label(row.name.clone(), &row.document));
    }
    labels
}

/// At most `limit` characters of `text`, with an ellipsis when cut.
pub fn excerpt(text: &str, limit: usize) -> String {
    let mut chars = text.chars();
    let mut short: String = chars.by_ref().take(limit).collect();
    if chars.next().is_some() {
        short.push('…');
    }
    short
}
