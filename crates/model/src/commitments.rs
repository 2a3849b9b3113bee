//! One commitment through its year, as the views ask for it: the timeline of its
//! records (each report's date, period, status and words, oldest first) and its latest
//! status. The join itself is the importer's (`Dataset::commitments`).

use crate::types::{Commitment, Dataset, JoinMatch, SourceDocument, Status, Task};

/// One report's record of a commitment.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelinePoint<'d> {
    pub task: &'d Task,
    /// `None` only when the data name a document the catalog lacks.
    pub document: Option<&'d SourceDocument>,
    /// When this status was reported: the document's date.
    pub date: &'d str,
    pub status: Status,
    pub matched: JoinMatch,
    /// Why a close match was made.
    pub reason: Option<&'d str>,
}

/// The commitment `task_id` is a record of, if it was found in several documents.
pub fn commitment_of<'d>(dataset: &'d Dataset, task_id: &str) -> Option<&'d Commitment> {
    dataset
        .commitments
        .iter()
        .find(|commitment| commitment.records.iter().any(|r| r.task == task_id))
}

/// The records of `task_id`'s commitment, oldest first; empty when the task is in one
/// document only.
pub fn timeline<'d>(dataset: &'d Dataset, task_id: &str) -> Vec<TimelinePoint<'d>> {
    let Some(commitment) = commitment_of(dataset, task_id) else {
        return Vec::new();
    };
    commitment
        .records
        .iter()
        .filter_map(|record| {
            let task = dataset.tasks.iter().find(|task| task.id == record.task)?;
            let document = dataset
                .catalog
                .documents
                .iter()
                .find(|document| document.id == record.document);
            Some(TimelinePoint {
                task,
                document,
                date: document.map_or(record.date.as_str(), |d| d.date.as_str()),
                status: task.status,
                matched: record.matched,
                reason: record.reason.as_deref(),
            })
        })
        .collect()
}

/// The latest record of `task_id`'s commitment (the task itself when it stands alone):
/// the status to show for the commitment, and when it was reported.
pub fn latest_record<'d>(dataset: &'d Dataset, task_id: &str) -> Option<TimelinePoint<'d>> {
    let mut points = timeline(dataset, task_id);
    if let Some(latest) = points.pop() {
        return Some(latest);
    }
    let task = dataset.tasks.iter().find(|task| task.id == task_id)?;
    let document = dataset
        .catalog
        .documents
        .iter()
        .find(|document| document.id == task.document);
    Some(TimelinePoint {
        task,
        document,
        date: document.map_or("", |d| d.date.as_str()),
        status: task.status,
        matched: JoinMatch::First,
        reason: None,
    })
}
