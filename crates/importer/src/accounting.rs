//! Line accounting: every line of a document is claimed by exactly one field, or listed
//! as unmapped. This is how we know the importer did not silently drop text.

use std::collections::BTreeMap;

/// Which field each line of one document went to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accounting {
    /// Index = line number − 1. `None` = not (yet) claimed.
    fields: Vec<Option<&'static str>>,
    lines: Vec<String>,
    /// Table columns the importer has no field for, kept on each record as printed
    /// (`Task::other_columns`), in column order.
    kept_columns: Vec<String>,
    /// Where each line came from in an office file or web page (`表格 1 第 4 行`);
    /// empty for plain text.
    places: Vec<String>,
}

/// A line that went nowhere.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnmappedLine {
    pub line: u32,
    pub text: String,
    /// Where the line came from in an office file or web page; `None` for plain text.
    pub place: Option<String>,
}

impl Accounting {
    pub fn new(text: &str) -> Self {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        Accounting {
            fields: vec![None; lines.len()],
            lines,
            kept_columns: Vec::new(),
            places: Vec::new(),
        }
    }

    /// Records where each line came from (`places[i]` for line `i + 1`).
    pub fn set_places(&mut self, places: Vec<String>) {
        self.places = places;
    }

    /// Claims 1-based `line` for `field`. A later claim replaces an earlier one, so a
    /// parser may first mark a block coarsely and then refine single lines.
    pub fn claim(&mut self, line: u32, field: &'static str) {
        if let Some(slot) = line
            .checked_sub(1)
            .and_then(|i| self.fields.get_mut(i as usize))
        {
            *slot = Some(field);
        }
    }

    /// Claims every line in `first..=last`.
    pub fn claim_range(&mut self, first: u32, last: u32, field: &'static str) {
        for line in first..=last {
            self.claim(line, field);
        }
    }

    /// Notes a table column kept on the records under its own name.
    pub fn keep_column(&mut self, name: &str) {
        if !self.kept_columns.iter().any(|kept| kept == name) {
            self.kept_columns.push(name.to_string());
        }
    }

    /// Columns kept under their own names, in column order.
    pub fn kept_columns(&self) -> &[String] {
        &self.kept_columns
    }

    pub fn line_count(&self) -> u32 {
        self.lines.len() as u32
    }

    /// Lines per field, blank lines counted under `blank` (they carry no text to lose).
    pub fn summary(&self) -> BTreeMap<&'static str, u32> {
        let mut counts = BTreeMap::new();
        for (field, text) in self.fields.iter().zip(&self.lines) {
            let key = match field {
                Some(f) => *f,
                None if text.trim().is_empty() => "blank",
                None => "unmapped",
            };
            *counts.entry(key).or_insert(0) += 1;
        }
        counts
    }

    /// Non-blank lines no field claimed, in line order.
    pub fn unmapped(&self) -> Vec<UnmappedLine> {
        self.fields
            .iter()
            .zip(&self.lines)
            .enumerate()
            .filter(|(_, (field, text))| field.is_none() && !text.trim().is_empty())
            .map(|(i, (_, text))| UnmappedLine {
                line: i as u32 + 1,
                text: text.clone(),
                place: self.places.get(i).cloned(),
            })
            .collect()
    }
}
