//! Summaries the charts draw: status counts, workloads per leader, district and unit,
//! progress reports, lagging entries and an entry's neighbours.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::facets::Facet;
use crate::filter::Role;
use crate::index::{status_rank, Index};
use crate::types::{Dataset, DocumentKind, SourceDocument, Status};

/// How many entries have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusCounts {
    /// In `Status::ALL` order.
    counts: [usize; Status::ALL.len()],
}

impl StatusCounts {
    /// Counts given as (status, count) pairs; statuses not named count 0.
    pub fn from_pairs(pairs: &[(Status, usize)]) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for &(status, count) in pairs {
            counts.counts[status.rank()] += count;
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn get(&self, status: Status) -> usize {
        self.counts.get(status.rank()).copied().unwrap_or(0)
    }

    pub fn add(&mut self, status: Status) {
        if let Some(count) = self.counts.get_mut(status.rank()) {
            *count += 1;
        }
    }

    /// Counts in `Status::ALL` order, for drawing stacked bars.
    pub fn iter(&self) -> impl Iterator<Item = (Status, usize)> + '_ {
        Status::ALL
            .into_iter()
            .map(|status| (status, self.get(status)))
    }
}

/// One bar of a chart, stacked by status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub counts: StatusCounts,
}

/// Status counts of the given entries.
///
/// ```
/// use planboard_model::{status_counts, Dataset, Filter, Index};
/// let index = Index::new(&Dataset::default());
/// let result = index.query(&Filter::default());
/// assert_eq!(status_counts(&index, &result.matches).total(), 0);
/// ```
pub fn status_counts(index: &Index, matches: &[usize]) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for &position in valid(index, matches) {
        counts.add(index.entries()[position].status);
    }
    counts
}

/// One bar per leader (entries without a leader left out), by total descending then
/// name.
pub fn per_leader(index: &Index, matches: &[usize]) -> Vec<Bar> {
    bars(index, matches, Facet::Leader)
}

/// One bar per district; an entry counts once in every district it lists (so a task
/// for all districts counts in each).
pub fn per_district(index: &Index, matches: &[usize]) -> Vec<Bar> {
    bars(index, matches, Facet::District)
}

fn bars(index: &Index, matches: &[usize], facet: Facet) -> Vec<Bar> {
    let mut by_value: HashMap<u32, StatusCounts> = HashMap::new();
    for &position in valid(index, matches) {
        let status = index.entries()[position].status;
        for &value in index.value_ids(position, facet, Role::Any) {
            by_value.entry(value).or_default().add(status);
        }
    }
    let mut bars: Vec<Bar> = by_value
        .into_iter()
        .map(|(value, counts)| Bar {
            label: index.value_name(facet, value).to_owned(),
            counts,
        })
        .collect();
    bars.sort_by(|a, b| {
        b.counts
            .total()
            .cmp(&a.counts.total())
            .then_with(|| a.label.cmp(&b.label))
    });
    bars
}

/// A unit's workload: entries it leads and entries it shares, by status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLoad {
    pub unit: String,
    pub lead: StatusCounts,
    pub co: StatusCounts,
}

/// Workload per unit, by lead + co descending, then lead descending, then name.
pub fn per_unit(index: &Index, matches: &[usize]) -> Vec<UnitLoad> {
    let mut by_unit: HashMap<u32, (StatusCounts, StatusCounts)> = HashMap::new();
    for &position in valid(index, matches) {
        let status = index.entries()[position].status;
        let leads = index.value_ids(position, Facet::Unit, Role::Lead);
        for &unit in index.value_ids(position, Facet::Unit, Role::Any) {
            let (lead, co) = by_unit.entry(unit).or_default();
            if leads.contains(&unit) {
                lead.add(status);
            } else {
                co.add(status);
            }
        }
    }
    let mut loads: Vec<UnitLoad> = by_unit
        .into_iter()
        .map(|(unit, (lead, co))| UnitLoad {
            unit: index.value_name(Facet::Unit, unit).to_owned(),
            lead,
            co,
        })
        .collect();
    loads.sort_by(|a, b| {
        (b.lead.total() + b.co.total())
            .cmp(&(a.lead.total() + a.co.total()))
            .then_with(|| b.lead.total().cmp(&a.lead.total()))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    loads
}

/// Progress reports, newest first (by date), with the status counts of their entries.
pub fn per_progress_document(
    dataset: &Dataset,
    index: &Index,
) -> Vec<(SourceDocument, StatusCounts)> {
    let mut reports: Vec<&SourceDocument> = dataset
        .catalog
        .documents
        .iter()
        .filter(|document| document.kind == DocumentKind::ProgressReport)
        .collect();
    reports.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.year.cmp(&a.year)));
    reports
        .into_iter()
        .map(|document| {
            let mut counts = StatusCounts::default();
            for entry in index.entries().iter().filter(|e| e.document == document.id) {
                counts.add(entry.status);
            }
            (document.clone(), counts)
        })
        .collect()
}

/// Entries to follow up — lagging, or not completed at the year's end — by each
/// commitment's latest record (an earlier record a later report supersedes is left
/// out), newest document first, document order within a document.
pub fn lagging(index: &Index) -> Vec<usize> {
    let mut found: Vec<usize> = (0..index.entries().len())
        .filter(|&position| {
            let entry = &index.entries()[position];
            entry.status.needs_follow_up() && !entry.superseded
        })
        .collect();
    found.sort_by_cached_key(|&position| Reverse(document_date(index, position)));
    found
}

fn document_date(index: &Index, position: usize) -> (String, u16) {
    let entry = &index.entries()[position];
    match index.document(&entry.document) {
        Some(document) => (document.date.clone(), document.year),
        None => (String::new(), entry.year),
    }
}

/// Entries related to one entry, for its item page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neighbours {
    /// Same leader; the same document first.
    pub same_leader: Vec<usize>,
    /// Sharing a lead unit; the same document first.
    pub same_lead_unit: Vec<usize>,
    /// Sharing a district; the same document first, then those concerning fewer
    /// districts (a task for one district says more than one for all of them).
    pub same_district: Vec<usize>,
}

/// Up to `limit` neighbours of each sort for the entry at `entry` (an index into
/// `Index::entries`), never the entry itself; in document order within a rank.
pub fn neighbours(index: &Index, entry: usize, limit: usize) -> Neighbours {
    let Some(this) = index.entries().get(entry) else {
        return Neighbours::default();
    };
    let shares = |other: usize, facet: Facet, role: Role| {
        let own = index.value_ids(entry, facet, role);
        index
            .value_ids(other, facet, role)
            .iter()
            .any(|value| own.contains(value))
    };
    let others = || (0..index.entries().len()).filter(move |&other| other != entry);
    let other_document = |other: usize| index.entries()[other].document != this.document;

    let pick = |mut found: Vec<usize>, key: &dyn Fn(usize) -> (bool, usize)| {
        found.sort_by_key(|&other| (key(other), other));
        found.truncate(limit);
        found
    };
    Neighbours {
        same_leader: pick(
            others()
                .filter(|&o| shares(o, Facet::Leader, Role::Any))
                .collect(),
            &|o| (other_document(o), 0),
        ),
        same_lead_unit: pick(
            others()
                .filter(|&o| shares(o, Facet::Unit, Role::Lead))
                .collect(),
            &|o| (other_document(o), 0),
        ),
        same_district: pick(
            others()
                .filter(|&o| shares(o, Facet::District, Role::Any))
                .collect(),
            &|o| (other_document(o), index.entries()[o].districts.len()),
        ),
    }
}

fn valid<'m>(index: &Index, matches: &'m [usize]) -> impl Iterator<Item = &'m usize> {
    let len = index.entries().len();
    matches.iter().filter(move |&&position| position < len)
}

/// Sorts entry positions by status (lagging first), keeping their order within.
pub fn sort_by_status(index: &Index, positions: &mut [usize]) {
    positions.sort_by_key(|&position| {
        index
            .entries()
            .get(position)
            .map_or(usize::MAX, |entry| status_rank(entry.status))
    });
}
