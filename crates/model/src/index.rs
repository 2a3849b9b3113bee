//! The query index: entries with their folded search text and interned facet values,
//! built once per dataset; a query is one pass over the entries.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::entry::{build_entries, searchable_texts, Entry, EntryKind};
use crate::facets::{assemble, list_values, Facet, Facets, Selection, ValueTable};
use crate::filter::{Filter, Role, SortOrder};
use crate::search::search_terms;
use crate::types::{Dataset, SourceDocument, Status};

/// Value groups stored per entry, unit groups last so that the groups a query counts
/// form at most two runs: `Role::Any` counts groups 0..=8, `Role::Lead` 0..=7 and 9.
const GROUPS: usize = 10;
const UNIT_ANY: usize = 8;
const UNIT_LEAD: usize = 9;

/// The group holding a facet's values (the unit facet's depends on the role).
fn group_of(facet: Facet, role: Role) -> usize {
    match facet {
        Facet::Doc => 0,
        Facet::Year => 1,
        Facet::Jurisdiction => 2,
        Facet::Leader => 3,
        Facet::District => 4,
        Facet::Status => 5,
        Facet::Kind => 6,
        Facet::Area => 7,
        Facet::Unit if role == Role::Lead => UNIT_LEAD,
        Facet::Unit => UNIT_ANY,
    }
}

/// How many facets there are (`Facet::ALL.len()`).
const FACETS: usize = Facet::ALL.len();

/// The facets in the order their groups are stored (the lead-unit group follows).
const IN_GROUP_ORDER: [Facet; 9] = [
    Facet::Doc,
    Facet::Year,
    Facet::Jurisdiction,
    Facet::Leader,
    Facet::District,
    Facet::Status,
    Facet::Kind,
    Facet::Area,
    Facet::Unit,
];

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
    tables: [ValueTable; FACETS],
    /// Value ids are global: facet slot `f`'s table id `i` is `offsets[f] + i`, so one
    /// flat count array serves every facet.
    offsets: [u32; FACETS + 1],
    /// Group `g` of entry `e` is `values[bounds[e * GROUPS + g]..bounds[e * GROUPS + g + 1]]`:
    /// flat arrays keep a query free of per-entry allocations and pointer chasing.
    bounds: Vec<u32>,
    values: Vec<u32>,
    /// The statuses some entry has, in `Status::ALL` order: what charts and legends
    /// show (a dataset without year-end reports has no 已完成 column).
    statuses: Vec<Status>,
    /// Counts with nothing selected (by role), the first view's query.
    totals_any: Vec<u32>,
    totals_lead: Vec<u32>,
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

        let mut offsets = [0u32; FACETS + 1];
        for slot in 0..FACETS {
            offsets[slot + 1] = offsets[slot] + tables[slot].len() as u32;
        }

        let mut corpus = Corpus::new();
        let mut bounds = Vec::with_capacity(entries.len() * GROUPS + 1);
        let mut values = Vec::new();
        bounds.push(0);
        for entry in &entries {
            corpus.push(searchable_texts(entry, dataset));
            for facet in IN_GROUP_ORDER {
                let slot = facet.slot();
                let names = |visit: &mut dyn FnMut(&str)| for_each_value(entry, facet, visit);
                push_group(
                    &mut values,
                    &mut bounds,
                    names,
                    &tables[slot],
                    offsets[slot],
                );
            }
            let slot = Facet::Unit.slot();
            let lead = |visit: &mut dyn FnMut(&str)| entry.lead_units().for_each(visit);
            push_group(&mut values, &mut bounds, lead, &tables[slot], offsets[slot]);
        }

        let mut by_id = HashMap::with_capacity(entries.len());
        for (position, entry) in entries.iter().enumerate() {
            by_id.entry(entry.id.clone()).or_insert(position);
        }
        let statuses = Status::ALL
            .into_iter()
            .filter(|status| entries.iter().any(|entry| entry.status == *status))
            .collect();
        let mut index = Index {
            statuses,
            entries,
            by_id,
            documents,
            corpus,
            tables,
            offsets,
            bounds,
            values,
            totals_any: Vec::new(),
            totals_lead: Vec::new(),
        };
        for role in [Role::Any, Role::Lead] {
            let mut totals = vec![0; offsets[FACETS] as usize];
            for entry in 0..index.entries.len() {
                if index.entries[entry].superseded {
                    // Counted only under its document, as the query does.
                    for &value in index.group(entry, group_of(Facet::Doc, role)) {
                        totals[value as usize] += 1;
                    }
                } else {
                    index.count_all(entry, role, &mut totals);
                }
            }
            match role {
                Role::Any => index.totals_any = totals,
                Role::Lead => index.totals_lead = totals,
            }
        }
        index
    }

    /// The statuses some entry has, in `Status::ALL` order.
    pub fn statuses(&self) -> &[Status] {
        &self.statuses
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
        self.query_within(filter, None::<fn(&Entry) -> bool>)
    }

    /// [`Index::query`] restricted to the entries `keep` accepts (the app's note
    /// filters); facet counts are taken within them too.
    pub fn query_within(
        &self,
        filter: &Filter,
        keep: Option<impl Fn(&Entry) -> bool>,
    ) -> QueryResult {
        let kept = |entry: usize| keep.as_ref().is_none_or(|keep| keep(&self.entries[entry]));
        let role = filter.role;
        let terms = search_terms(&filter.q);
        let text_matches = self.corpus.matching(&terms);
        let selections: Vec<Option<Selection>> = Facet::ALL
            .iter()
            .map(|&facet| Selection::resolve(&self.tables[facet.slot()], &filter.values(facet)))
            .collect();

        let mut matches = Vec::new();
        let per_commitment = filter.per_commitment();
        let unrestricted = per_commitment
            && keep.is_none()
            && text_matches.is_none()
            && selections.iter().all(Option::is_none);
        let counts = if unrestricted {
            matches.extend((0..self.entries.len()).filter(|&e| !self.entries[e].superseded));
            match role {
                Role::Any => self.totals_any.clone(),
                Role::Lead => self.totals_lead.clone(),
            }
        } else {
            let mut chosen = vec![false; self.offsets[FACETS] as usize];
            let mut active: Vec<usize> = Vec::new();
            for facet in Facet::ALL {
                if let Some(selection) = &selections[facet.slot()] {
                    active.push(group_of(facet, role));
                    let offset = self.offsets[facet.slot()] as usize;
                    for (id, &is_chosen) in selection.chosen.iter().enumerate() {
                        chosen[offset + id] = is_chosen;
                    }
                }
            }
            let mut counts = vec![0; self.offsets[FACETS] as usize];
            let doc_group = group_of(Facet::Doc, role);
            let mut visit = |entry: usize| {
                if !kept(entry) {
                    return;
                }
                // One row per commitment: an earlier record acts as if it failed the
                // document facet, so it counts under its own document (choosing that
                // document lists that document's rows) and nowhere else.
                let hidden = per_commitment && self.entries[entry].superseded;
                let mut failed = hidden.then_some(doc_group);
                for &group in active
                    .iter()
                    .filter(|&&group| !(hidden && group == doc_group))
                {
                    let passes = self.group(entry, group).iter().any(|&v| chosen[v as usize]);
                    if !passes {
                        if failed.is_some() {
                            return;
                        }
                        failed = Some(group);
                    }
                }
                match failed {
                    None => {
                        matches.push(entry);
                        self.count_all(entry, role, &mut counts);
                    }
                    Some(group) => {
                        for &value in self.group(entry, group) {
                            counts[value as usize] += 1;
                        }
                    }
                }
            };
            match &text_matches {
                Some(hits) => hits.iter().for_each(|&entry| visit(entry)),
                None => (0..self.entries.len()).for_each(visit),
            }
            counts
        };

        if filter.sort == SortOrder::Status {
            // Stable, so document order holds within a status.
            matches.sort_by_key(|&entry| status_rank(self.entries[entry].status));
        }
        let facets = assemble(|facet| {
            let slot = facet.slot();
            let range = self.offsets[slot] as usize..self.offsets[slot + 1] as usize;
            list_values(
                facet,
                &self.tables[slot],
                &counts[range],
                selections[slot].as_ref(),
            )
        });
        QueryResult { matches, facets }
    }

    /// Adds one to every value of `entry` in every facet (the unit facet per `role`).
    fn count_all(&self, entry: usize, role: Role, counts: &mut [u32]) {
        let at = entry * GROUPS;
        let bounds = &self.bounds[at..=at + GROUPS];
        let runs = match role {
            Role::Any => [bounds[0]..bounds[UNIT_ANY + 1], 0..0],
            Role::Lead => [
                bounds[0]..bounds[UNIT_ANY],
                bounds[UNIT_LEAD]..bounds[UNIT_LEAD + 1],
            ],
        };
        for run in runs {
            for &value in &self.values[run.start as usize..run.end as usize] {
                counts[value as usize] += 1;
            }
        }
    }

    fn group(&self, entry: usize, group: usize) -> &[u32] {
        let at = entry * GROUPS + group;
        &self.values[self.bounds[at] as usize..self.bounds[at + 1] as usize]
    }

    /// The values of `entry` in `facet` (units under `role`), as global ids.
    pub(crate) fn value_ids(&self, entry: usize, facet: Facet, role: Role) -> &[u32] {
        self.group(entry, group_of(facet, role))
    }

    /// The value a global id of `facet` stands for.
    pub(crate) fn value_name(&self, facet: Facet, id: u32) -> &str {
        self.tables[facet.slot()].value(id - self.offsets[facet.slot()])
    }
}

/// Position of a status in `Status::ALL` (lagging first).
pub(crate) fn status_rank(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|&known| known == status)
        .unwrap_or(Status::ALL.len())
}

/// Calls `visit` with each of an entry's values in one facet, as URL strings (empty
/// ones skipped; duplicates are left to the callers, which dedupe by id).
fn for_each_value(entry: &Entry, facet: Facet, mut visit: impl FnMut(&str)) {
    let mut visit = |value: &str| {
        if !value.is_empty() {
            visit(value);
        }
    };
    match facet {
        Facet::Doc => visit(&entry.document),
        Facet::Year => visit(&entry.year.to_string()),
        Facet::Jurisdiction => visit(&entry.jurisdiction),
        Facet::Leader => entry.leader.iter().for_each(|leader| visit(leader)),
        Facet::District => entry.districts.iter().for_each(|district| visit(district)),
        Facet::Unit => entry.units.iter().for_each(|unit| visit(&unit.name)),
        Facet::Status => visit(entry.status.label_zh()),
        Facet::Kind => visit(entry.kind.label_zh()),
        Facet::Area => entry.area.iter().for_each(|area| visit(area)),
    }
}

/// Appends one group: the ids of `names` (known to `table`), each once.
fn push_group(
    values: &mut Vec<u32>,
    bounds: &mut Vec<u32>,
    names: impl FnOnce(&mut dyn FnMut(&str)),
    table: &ValueTable,
    offset: u32,
) {
    let group_start = values.len();
    names(&mut |name| {
        if let Some(id) = table.id(name).map(|id| offset + id) {
            if !values[group_start..].contains(&id) {
                values.push(id);
            }
        }
    });
    bounds.push(values.len() as u32);
}

/// The value tables, fixed-order facets already in display order.
fn build_tables(entries: &[Entry], documents: &[SourceDocument]) -> [ValueTable; FACETS] {
    let mut tables: [ValueTable; FACETS] = Default::default();

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
            Facet::Area,
        ] {
            let table = &mut tables[facet.slot()];
            for_each_value(entry, facet, |value| {
                table.insert(value, || value.to_owned());
            });
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_stored_where_group_of_looks() {
        for (group, facet) in IN_GROUP_ORDER.into_iter().enumerate() {
            assert_eq!(group_of(facet, Role::Any), group);
        }
        assert_eq!(group_of(Facet::Unit, Role::Lead), IN_GROUP_ORDER.len());
        assert_eq!(GROUPS, IN_GROUP_ORDER.len() + 1);
    }
}
