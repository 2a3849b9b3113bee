//! The folded search text of every entry, in one buffer.
//!
//! Folding happens once, when the index is built; a query then scans the buffer once
//! per term with a precompiled substring finder instead of folding or allocating per
//! entry. Fields and entries are separated by `\n`, which never occurs inside a term
//! (terms are split on whitespace), so no match can straddle two fields.
//!
//! The entries of the last few terms are remembered ([`RECENT_TERMS`]): search as you
//! type asks for `高`, `高铁`, `高铁站` and back again, and an entry containing `高铁站`
//! contains `高铁`, so a longer term is looked for only among the entries of a shorter
//! one it contains, and a term asked for again is not looked for at all. At 50,000
//! entries a scan of the whole buffer takes ~7 ms in wasm; a frame has 16.

use std::sync::{Arc, Mutex};

use memchr::memmem::Finder;

use crate::search::fold_into;

/// How many terms' entries are remembered (each at most one `usize` per entry).
const RECENT_TERMS: usize = 8;

#[derive(Debug, Default)]
pub(crate) struct Corpus {
    text: String,
    /// Entry `i` occupies `text[starts[i]..starts[i + 1]]`; one more than entries.
    starts: Vec<usize>,
    /// Recently looked-for terms and their entries, the latest last. A `Mutex` because
    /// the index is shared (`Arc`) and queried through `&self`; never held while
    /// scanning.
    recent: Mutex<Vec<(String, Arc<Vec<usize>>)>>,
}

impl Corpus {
    pub(crate) fn new() -> Corpus {
        Corpus {
            text: String::new(),
            starts: vec![0],
            recent: Mutex::new(Vec::new()),
        }
    }

    /// Appends the next entry's texts.
    pub(crate) fn push<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        for text in texts {
            fold_into(text, &mut self.text);
            self.text.push('\n');
        }
        if self.text.len() == *self.starts.last().unwrap_or(&0) {
            // Keeps every entry non-empty so `entry_at` stays unambiguous.
            self.text.push('\n');
        }
        self.starts.push(self.text.len());
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn entry_text(&self, entry: usize) -> &[u8] {
        &self.text.as_bytes()[self.starts[entry]..self.starts[entry + 1]]
    }

    /// Entries containing every term (already folded), ascending. `None` when there
    /// are no terms, meaning "no constraint" without listing every entry.
    pub(crate) fn matching(&self, terms: &[String]) -> Option<Vec<usize>> {
        if terms.is_empty() {
            return None;
        }
        // Longer terms tend to be rarer: scanning with one first leaves fewer
        // candidates for the others to check one by one.
        let mut ordered: Vec<&String> = terms.iter().collect();
        ordered.sort_by_key(|term| std::cmp::Reverse(term.len()));

        let mut candidates: Option<Vec<usize>> = None;
        for term in ordered {
            candidates = Some(match candidates {
                None => self.entries_with(term).as_ref().clone(),
                Some(mut list) => {
                    let finder = Finder::new(term.as_bytes());
                    list.retain(|&entry| finder.find(self.entry_text(entry)).is_some());
                    list
                }
            });
        }
        candidates
    }

    /// Entries containing `term`, ascending: remembered, or looked for among the
    /// entries of the narrowest remembered term that `term` contains, or in the whole
    /// buffer.
    fn entries_with(&self, term: &str) -> Arc<Vec<usize>> {
        // A poisoned lock (a panic elsewhere mid-update) only costs the memory.
        let narrowest = self.recent.lock().ok().and_then(|recent| {
            if let Some((_, entries)) = recent.iter().find(|(known, _)| known == term) {
                return Some(Ok(Arc::clone(entries)));
            }
            recent
                .iter()
                .filter(|(known, _)| term.contains(known.as_str()))
                .min_by_key(|(_, entries)| entries.len())
                .map(|(_, entries)| Err(Arc::clone(entries)))
        });
        let finder = Finder::new(term.as_bytes());
        let entries = match narrowest {
            Some(Ok(known)) => return known,
            Some(Err(wider)) => Arc::new(
                wider
                    .iter()
                    .copied()
                    .filter(|&entry| finder.find(self.entry_text(entry)).is_some())
                    .collect(),
            ),
            None => Arc::new(self.scan(&finder)),
        };
        if let Ok(mut recent) = self.recent.lock() {
            if recent.len() == RECENT_TERMS {
                recent.remove(0);
            }
            recent.push((term.to_owned(), Arc::clone(&entries)));
        }
        entries
    }

    /// One pass over the whole buffer, skipping to the next entry after each hit.
    fn scan(&self, finder: &Finder) -> Vec<usize> {
        let bytes = self.text.as_bytes();
        let mut found = Vec::new();
        let mut entry = 0;
        let mut from = 0;
        while let Some(hit) = finder.find(&bytes[from..]) {
            // Hits only move forward, so walking the entry starts costs at most one
            // step per entry over the whole scan.
            while self.starts[entry + 1] <= from + hit {
                entry += 1;
            }
            found.push(entry);
            entry += 1;
            if entry >= self.len() {
                break;
            }
            from = self.starts[entry];
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(entries: &[&[&str]]) -> Corpus {
        let mut corpus = Corpus::new();
        for texts in entries {
            corpus.push(texts.iter().copied());
        }
        corpus
    }

    #[test]
    fn finds_each_entry_once_and_never_across_fields() {
        let corpus = corpus(&[&["高铁", "高铁站"], &[], &["高", "铁"], &["ＧＤＰ增长"]]);
        assert_eq!(corpus.matching(&["高铁".into()]), Some(vec![0]));
        assert_eq!(corpus.matching(&["gdp".into()]), Some(vec![3]));
        assert_eq!(
            corpus.matching(&["高".into(), "铁".into()]),
            Some(vec![0, 2])
        );
        assert_eq!(corpus.matching(&[]), None);
        assert_eq!(corpus.matching(&["轻轨".into()]), Some(vec![]));
    }

    /// What `matching` must return for one term, by brute force.
    fn containing(texts: &[&[&str]], term: &str) -> Vec<usize> {
        (0..texts.len())
            .filter(|&entry| {
                texts[entry]
                    .iter()
                    .any(|text| crate::search::fold(text).contains(term))
            })
            .collect()
    }

    #[test]
    fn remembered_terms_give_what_a_fresh_scan_gives() {
        let texts: &[&[&str]] = &[
            &["高铁站建设", "沪苏湖"],
            &["高速公路", "铁路"],
            &["高铁", ""],
            &["轻轨", "高铁新城"],
            &["无关"],
        ];
        let corpus = corpus(texts);
        // Typing forward, back, a term that contains none of the remembered ones,
        // one asked again, and more than RECENT_TERMS terms so that some are forgotten.
        let sequence = [
            "高",
            "高铁",
            "高铁站",
            "高铁",
            "高",
            "铁",
            "铁路",
            "高速",
            "轻轨",
            "沪",
            "苏",
            "湖",
            "高铁新城",
            "高铁",
            "站",
            "高",
        ];
        for term in sequence {
            assert_eq!(
                corpus.matching(&[term.into()]),
                Some(containing(texts, term)),
                "{term}"
            );
        }
        assert_eq!(
            corpus.matching(&["高".into(), "铁".into()]),
            Some(vec![0, 1, 2, 3])
        );
    }
}
