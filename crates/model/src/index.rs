//! The query index: entries with their folded search text and interned facet values,
//! built once per dataset; a query is one pass over the entries.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::entry::{build_entries, searchable_texts, Entry, EntryKind};
use crate::facets::{assemble, list_values, Facet, Facets, Selection, ValueTable};
use crate::filter::{Filter, Role, SortOrder};
use crate::search::search_terms;
use crate::types::{Dataset, SourceDocument, Status};

/// Value groups stored per entry: the eight facets (by `Facet::slot`), then the lead
/// units alone, which the unit facet uses under `Role::Lead`.
const GROUPS: usize = 9;
const LEAD_UNITS: usize = 8;

/// Entries of a dataset, ready to be filtered, counted and searched.
///
/// ```
/// use planboard_model::{Dataset, Filter, Index};
/// let dataset = Dataset::default(); // in the app: parse_dataset(…)
/// let index = Index::new(&dataset);
/// let mut filter = Filter::default();
/// filter.q = "高铁".into();
/// let result = index.query(&filter);
/// for &position in &result.matches {
///     println!("{}", index.entries()[position].title);
/// }
/// assert!(result.matches.is_empty());
/// ```
#[derive(Debug)]
pub struct Index {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    documents: Vec<SourceDocument>,
    corpus: Corpus,
    /// By `Facet::slot`.
    tables: [ValueTable; 8],
    /// Group `g` of entry `e` is `values[bounds[e * GROUPS + g]..bounds[e * GROUPS + g + 1]]`:
    /// flat arrays keep a query free of per-entry allocations and pointer chasing.
    bounds: Vec<u32>,
    values: Vec<u32>,
}

/// The entries a filter selects and the facet counts beside them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryResult {
    /// Indices into `Index::entries()`, in the requested order.
    pub matches: Vec<usize>,
    pub facets: Facets,
}

impl Index {
    /// Builds the index: entries in document order, each entry's searchable text
    /// folded once, facet values interned.
    pub fn new(dataset: &Dataset) -> Index {
        let entries = build_entries(dataset);
        let documents = dataset.catalog.documents.clone();
        let tables = build_tables(&entries, &documents);

        let mut corpus = Corpus::new();
        let mut bounds = Vec::with_capacity(entries.len() * GROUPS + 1);
        let mut values = Vec::new();
        bounds.push(0);
        for entry in &entries {
            corpus.push(searchable_texts(entry, dataset));
            for facet in Facet::ALL {
                let table = &tables[facet.slot()];
                push_group(&mut values, &mut bounds, facet_values(entry, facet), table);
            }
            let lead = entry.lead_units().map(str::to_owned).collect();
            push_group(&mut values, &mut bounds, lead, &tables[Facet::Unit.slot()]);
        }

        let mut by_id = HashMap::with_capacity(entries.len());
        for (position, entry) in entries.iter().enumerate() {
            by_id.entry(entry.id.clone()).or_insert(position);
        }
        Index {
            entries,
            by_id,
            documents,
            corpus,
            tables,
            bounds,
            values,
        }
    }

    /// All entries in document order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.position(id).map(|position| &self.entries[position])
    }

    /// The entry's index in `entries()`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The catalog's documents, in catalog order.
    pub fn documents(&self) -> &[SourceDocument] {
        &self.documents
    }

    pub fn document(&self, id: &str) -> Option<&SourceDocument> {
        self.documents.iter().find(|document| document.id == id)
    }

    /// Applies `filter`: the matching entries in the requested order and every facet's
    /// disjunctive counts, in a single pass over the entries (or over the search hits).
    ///
    /// An entry that fails no facet is a match and counts in every facet; one that
    /// fails exactly one facet counts only in that facet's values (choosing one of them
    /// would make it a match); one that fails two or more counts nowhere.
    pub fn query(&self, filter: &Filter) -> QueryResult {
        let terms = search_terms(&filter.q);
        let text_matches = self.corpus.matching(&terms);
        let selections: Vec<Option<Selection>> = Facet::ALL
            .iter()
            .map(|&facet| Selection::resolve(&self.tables[facet.slot()], &filter.values(facet)))
            .collect();
        let active: Vec<(usize, &Selection)> = selections
            .iter()
            .enumerate()
            .filter_map(|(slot, selection)| selection.as_ref().map(|s| (slot, s)))
            .collect();
        let mut counts: Vec<Vec<usize>> = self
            .tables
            .iter()
            .map(|table| vec![0; table.len()])
            .collect();
        let mut matches = Vec::new();

        let mut visit = |entry: usize| {
            let mut failed = None;
            for &(slot, selection) in &active {
                let passes = self
                    .group(entry, slot, filter.role)
                    .iter()
                    .any(|&value| selection.chosen[value as usize]);
                if !passes {
                    if failed.is_some() {
                        return;
                    }
                    failed = Some(slot);
                }
            }
            match failed {
                None => {
                    matches.push(entry);
                    for (slot, slot_counts) in counts.iter_mut().enumerate() {
                        for &value in self.group(entry, slot, filter.role) {
                            slot_counts[value as usize] += 1;
                        }
                    }
                }
                Some(slot) => {
                    for &value in self.group(entry, slot, filter.role) {
                        counts[slot][value as usize] += 1;
                    }
                }
            }
        };
        match &text_matches {
            Some(hits) => hits.iter().for_each(|&entry| visit(entry)),
            None => (0..self.entries.len()).for_each(visit),
        }

        if filter.sort == SortOrder::Status {
            // Stable, so document order holds within a status.
            matches.sort_by_key(|&entry| status_rank(self.entries[entry].status));
        }
        let facets = assemble(|facet| {
            let slot = facet.slot();
            list_values(
                facet,
                &self.tables[slot],
                &counts[slot],
                selections[slot].as_ref(),
            )
        });
        QueryResult { matches, facets }
    }

    /// An entry's value ids in one facet slot; the unit slot honours `role`.
    fn group(&self, entry: usize, slot: usize, role: Role) -> &[u32] {
        let group = if slot == Facet::Unit.slot() && role == Role::Lead {
            LEAD_UNITS
        } else {
            slot
        };
        let at = entry * GROUPS + group;
        &self.values[self.bounds[at] as usize..self.bounds[at + 1] as usize]
    }

    /// The values of `entry` in `facet` (units under `role`), as ids.
    pub(crate) fn value_ids(&self, entry: usize, facet: Facet, role: Role) -> &[u32] {
        self.group(entry, facet.slot(), role)
    }

    /// The value an id stands for.
    pub(crate) fn value_name(&self, facet: Facet, id: u32) -> &str {
        self.tables[facet.slot()].value(id)
    }
}

/// Position of a status in `Status::ALL` (lagging first).
pub(crate) fn status_rank(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|&known| known == status)
        .unwrap_or(Status::ALL.len())
}

/// An entry's values in one facet, as URL strings, without duplicates.
fn facet_values(entry: &Entry, facet: Facet) -> Vec<String> {
    let mut values: Vec<String> = match facet {
        Facet::Doc => vec![entry.document.clone()],
        Facet::Year => vec![entry.year.to_string()],
        Facet::Jurisdiction => vec![entry.jurisdiction.clone()],
        Facet::Leader => entry.leader.iter().cloned().collect(),
        Facet::District => entry.districts.clone(),
        Facet::Unit => entry.units.iter().map(|unit| unit.name.clone()).collect(),
        Facet::Status => vec![entry.status.label_zh().to_owned()],
        Facet::Kind => vec![entry.kind.label_zh().to_owned()],
    };
    let mut seen = Vec::with_capacity(values.len());
    values.retain(|value| {
        let first = !value.is_empty() && !seen.contains(value);
        if first {
            seen.push(value.clone());
        }
        first
    });
    values
}

fn push_group(
    values: &mut Vec<u32>,
    bounds: &mut Vec<u32>,
    names: Vec<String>,
    table: &ValueTable,
) {
    let mut seen: Vec<u32> = Vec::new();
    for name in names {
        if let Some(id) = table.id(&name) {
            if !seen.contains(&id) {
                seen.push(id);
                values.push(id);
            }
        }
    }
    bounds.push(values.len() as u32);
}

/// The value tables, fixed-order facets already in display order.
fn build_tables(entries: &[Entry], documents: &[SourceDocument]) -> [ValueTable; 8] {
    let mut tables: [ValueTable; 8] = Default::default();

    let doc_table = &mut tables[Facet::Doc.slot()];
    for document in documents {
        if entries.iter().any(|entry| entry.document == document.id) {
            doc_table.insert(&document.id, || document.short_label());
        }
    }

    let mut years: Vec<u16> = entries.iter().map(|entry| entry.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    for year in years {
        tables[Facet::Year.slot()].insert(&year.to_string(), || format!("{year}年"));
    }

    for status in Status::ALL {
        if entries.iter().any(|entry| entry.status == status) {
            tables[Facet::Status.slot()].insert(status.label_zh(), || status.label_zh().into());
        }
    }
    for kind in EntryKind::ALL {
        if entries.iter().any(|entry| entry.kind == kind) {
            tables[Facet::Kind.slot()].insert(kind.label_zh(), || kind.label_zh().into());
        }
    }

    // The rest in order of appearance; documents the catalog lacks come last.
    for entry in entries {
        for facet in [
            Facet::Doc,
            Facet::Jurisdiction,
            Facet::Leader,
            Facet::District,
            Facet::Unit,
        ] {
            for value in facet_values(entry, facet) {
                tables[facet.slot()].insert(&value, || value.clone());
            }
        }
    }
    tables
}
