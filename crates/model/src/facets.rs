//! Facets: the filterable dimensions, their values and disjunctive counts.

use crate::entry::EntryKind;
use crate::lang::Lang;
use crate::types::Status;
use std::collections::HashMap;

/// A filterable dimension of the entries; its `param` is the URL parameter name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Doc,
    Year,
    Jurisdiction,
    Leader,
    District,
    Unit,
    Status,
    Kind,
    /// The area-of-work heading a task is listed under (`一、主要预期目标`).
    Area,
}

impl Facet {
    /// In URL parameter order.
    pub const ALL: [Facet; 9] = [
        Facet::Doc,
        Facet::Year,
        Facet::Jurisdiction,
        Facet::Leader,
        Facet::District,
        Facet::Unit,
        Facet::Status,
        Facet::Kind,
        Facet::Area,
    ];

    /// URL query parameter name.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Doc => "doc",
            Facet::Year => "year",
            Facet::Jurisdiction => "jurisdiction",
            Facet::Leader => "leader",
            Facet::District => "district",
            Facet::Unit => "unit",
            Facet::Status => "status",
            Facet::Kind => "kind",
            Facet::Area => "area",
        }
    }

    pub fn from_param(param: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.param() == param)
    }

    /// Heading for the facet's filter group.
    pub fn label_zh(self) -> &'static str {
        match self {
            Facet::Doc => "文件",
            Facet::Year => "年度",
            Facet::Jurisdiction => "地区",
            Facet::Leader => "牵头领导",
            Facet::District => "区县",
            Facet::Unit => "责任单位",
            Facet::Status => "进展状态",
            Facet::Kind => "类型",
            Facet::Area => "工作板块",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                Facet::Doc => "Document",
                Facet::Year => "Year",
                Facet::Jurisdiction => "Area",
                Facet::Leader => "Lead official",
                Facet::District => "District / county",
                Facet::Unit => "Responsible unit",
                Facet::Status => "Status",
                Facet::Kind => "Type",
                Facet::Area => "Area of work",
            },
        }
    }

    /// Whether the facet lists its values in a fixed order (every value the data holds,
    /// even at count 0, so the list does not jump while filtering) rather than by count
    /// (only values with results, plus selected ones).
    pub fn fixed_order(self) -> bool {
        !matches!(
            self,
            Facet::Leader | Facet::District | Facet::Unit | Facet::Area
        )
    }

    /// How a value of this facet reads in the interface language, where the value is
    /// the app's own word (a status, a kind, a year); `None` for the names the documents
    /// print (documents, areas, leaders, districts, units), which stay as they are.
    ///
    /// ```
    /// use planboard_model::{Facet, Lang};
    /// assert_eq!(Facet::Status.translated_value("滞后", Lang::En).as_deref(), Some("Lagging"));
    /// assert_eq!(Facet::Year.translated_value("2024", Lang::Zh).as_deref(), Some("2024年"));
    /// assert_eq!(Facet::Leader.translated_value("项乐民", Lang::En), None);
    /// ```
    pub fn translated_value(self, value: &str, lang: Lang) -> Option<String> {
        match self {
            Facet::Status => Status::from_label_zh(value).map(|status| status.label(lang).into()),
            Facet::Kind => EntryKind::from_label_zh(value).map(|kind| kind.label(lang).into()),
            Facet::Year => value
                .parse::<u16>()
                .ok()
                .map(|year| lang.pick(format!("{year}年"), year.to_string())),
            Facet::Doc
            | Facet::Jurisdiction
            | Facet::Leader
            | Facet::District
            | Facet::Unit
            | Facet::Area => None,
        }
    }

    pub(crate) fn slot(self) -> usize {
        self as usize
    }
}

/// One value of a facet with the number of results choosing it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// As in the URL (`Filter::push_value` accepts it).
    pub value: String,
    /// As shown (a document's short title, `2024年`, or the value itself).
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// Every facet's values for one query.
///
/// Counts are disjunctive: a facet's counts apply every OTHER facet's selection (and
/// `q`), so each count says how many results there would be with that value chosen
/// (or added to the facet's chosen values). Selected values are listed even at count 0,
/// so they can be unselected.
///
/// Order: `doc` in catalog order, `year` newest first, `jurisdiction` as the documents
/// first name them, `status` in `Status::ALL` order, `kind` in `EntryKind::ALL` order
/// (these five list every value the data holds); `leader`, `district` and `unit` by
/// count descending then name, values at 0 left out unless selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub doc: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub jurisdiction: Vec<FacetValue>,
    pub leader: Vec<FacetValue>,
    pub district: Vec<FacetValue>,
    pub unit: Vec<FacetValue>,
    pub status: Vec<FacetValue>,
    pub kind: Vec<FacetValue>,
    pub area: Vec<FacetValue>,
}

impl Facets {
    pub fn get(&self, facet: Facet) -> &[FacetValue] {
        match facet {
            Facet::Doc => &self.doc,
            Facet::Year => &self.year,
            Facet::Jurisdiction => &self.jurisdiction,
            Facet::Leader => &self.leader,
            Facet::District => &self.district,
            Facet::Unit => &self.unit,
            Facet::Status => &self.status,
            Facet::Kind => &self.kind,
            Facet::Area => &self.area,
        }
    }

    fn get_mut(&mut self, facet: Facet) -> &mut Vec<FacetValue> {
        match facet {
            Facet::Doc => &mut self.doc,
            Facet::Year => &mut self.year,
            Facet::Jurisdiction => &mut self.jurisdiction,
            Facet::Leader => &mut self.leader,
            Facet::District => &mut self.district,
            Facet::Unit => &mut self.unit,
            Facet::Status => &mut self.status,
            Facet::Kind => &mut self.kind,
            Facet::Area => &mut self.area,
        }
    }

    /// The count shown beside `value` in `facet`, 0 if it is not listed.
    pub fn count(&self, facet: Facet, value: &str) -> usize {
        self.get(facet)
            .iter()
            .find(|listed| listed.value == value)
            .map_or(0, |listed| listed.count)
    }
}

/// The distinct values of one facet; ids are positions, in display order for
/// fixed-order facets.
#[derive(Debug, Default)]
pub(crate) struct ValueTable {
    values: Vec<String>,
    labels: Vec<String>,
    lookup: HashMap<String, u32>,
}

impl ValueTable {
    pub(crate) fn insert(&mut self, value: &str, label: impl FnOnce() -> String) -> u32 {
        if let Some(&id) = self.lookup.get(value) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.to_owned());
        self.labels.push(label());
        self.lookup.insert(value.to_owned(), id);
        id
    }

    pub(crate) fn id(&self, value: &str) -> Option<u32> {
        self.lookup.get(value).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    pub(crate) fn value(&self, id: u32) -> &str {
        &self.values[id as usize]
    }
}

/// One active facet's selection resolved against its table.
#[derive(Debug)]
pub(crate) struct Selection {
    /// Indexed by value id.
    pub(crate) chosen: Vec<bool>,
    /// Selected values the data does not hold (from an old link): they match nothing
    /// but stay listed so the user can unselect them.
    unknown: Vec<String>,
}

impl Selection {
    /// `None` when nothing is selected (the facet does not constrain).
    pub(crate) fn resolve(table: &ValueTable, selected: &[String]) -> Option<Selection> {
        if selected.is_empty() {
            return None;
        }
        let mut chosen = vec![false; table.len()];
        let mut unknown: Vec<String> = Vec::new();
        for value in selected {
            match table.id(value) {
                Some(id) => chosen[id as usize] = true,
                None if !unknown.contains(value) => unknown.push(value.clone()),
                None => {}
            }
        }
        Some(Selection { chosen, unknown })
    }
}

/// Turns one facet's counts into its listed values.
pub(crate) fn list_values(
    facet: Facet,
    table: &ValueTable,
    counts: &[u32],
    selection: Option<&Selection>,
) -> Vec<FacetValue> {
    let is_chosen = |id: usize| selection.is_some_and(|s| s.chosen[id]);
    let mut listed: Vec<FacetValue> = (0..table.len())
        .filter(|&id| facet.fixed_order() || counts[id] > 0 || is_chosen(id))
        .map(|id| FacetValue {
            value: table.values[id].clone(),
            label: table.labels[id].clone(),
            count: counts[id] as usize,
            selected: is_chosen(id),
        })
        .collect();
    if let Some(selection) = selection {
        listed.extend(selection.unknown.iter().map(|value| FacetValue {
            value: value.clone(),
            label: value.clone(),
            count: 0,
            selected: true,
        }));
    }
    if !facet.fixed_order() {
        listed.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    listed
}

/// Assembles `Facets` from the per-facet lists.
pub(crate) fn assemble(mut list: impl FnMut(Facet) -> Vec<FacetValue>) -> Facets {
    let mut facets = Facets::default();
    for facet in Facet::ALL {
        *facets.get_mut(facet) = list(facet);
    }
    facets
}
