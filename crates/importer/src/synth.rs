//! A larger dataset made only of the real documents' pieces, for benchmarks
//! (`planboard-ingest synth`).
//!
//! Every real record is kept as it is (so plan outlines and links still resolve), and new
//! tasks are added until there are as many as asked: each copies a real task's document,
//! kind, status, progress and remarks, and takes its text, units and leader from other
//! tasks of the same document, so the texts, units and leaders a filter or a search
//! meets are real ones in realistic combinations. The choice is a fixed hash of the
//! record's number: the same sources always give byte-identical files.

use std::collections::BTreeMap;

use planboard_model::{Dataset, Task};

/// `real` with tasks added until it holds `tasks` of them (never fewer than it has).
pub fn synthesize(real: &Dataset, tasks: usize) -> Dataset {
    let mut by_document: BTreeMap<&str, Vec<&Task>> = BTreeMap::new();
    for task in &real.tasks {
        by_document.entry(&task.document).or_default().push(task);
    }
    let mut dataset = real.clone();
    if real.tasks.is_empty() {
        return dataset;
    }
    dataset
        .tasks
        .reserve(tasks.saturating_sub(real.tasks.len()));
    for number in real.tasks.len()..tasks {
        let pick = |salt: u64, len: usize| (mix(number as u64, salt) % len as u64) as usize;
        let base = &real.tasks[pick(1, real.tasks.len())];
        let siblings = &by_document[base.document.as_str()];
        let mut task = base.clone();
        task.id = format!("{}-s{number}", base.id);
        task.text = siblings[pick(2, siblings.len())].text.clone();
        task.units = siblings[pick(3, siblings.len())].units.clone();
        if task.leader.is_some() {
            let donor = siblings[pick(4, siblings.len())];
            task.leader = donor.leader.clone().or(task.leader);
        }
        dataset.tasks.push(task);
    }
    dataset
}

/// SplitMix64 of a record number and a salt: a fixed, well-spread choice, no rand crate.
fn mix(number: u64, salt: u64) -> u64 {
    let mut z = number
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use planboard_model::{Status, TaskKind};

    fn task(id: &str, document: &str, text: &str, leader: Option<&str>) -> Task {
        Task {
            id: id.into(),
            kind: TaskKind::AnnualTask,
            document: document.into(),
            year: 2024,
            jurisdiction: "湖州市".into(),
            number: 1,
            number_inferred: false,
            text: text.into(),
            leader: leader.map(Into::into),
            units: Vec::new(),
            progress: Vec::new(),
            remarks: Vec::new(),
            status: Status::NotTracked,
            districts: Vec::new(),
            source: Default::default(),
            area: None,
            problems: Vec::new(),
            next_steps: Vec::new(),
            other_columns: Vec::new(),
        }
    }

    fn sample() -> Dataset {
        Dataset {
            tasks: vec![
                task("a/t1", "a", "甲一", Some("张三")),
                task("a/t2", "a", "甲二", Some("李四")),
                task("b/t1", "b", "乙一", None),
            ],
            ..Dataset::default()
        }
    }

    #[test]
    fn keeps_the_real_tasks_and_adds_unique_recombined_ones() {
        let real = sample();
        let grown = synthesize(&real, 1_000);
        assert_eq!(grown.tasks.len(), 1_000);
        assert_eq!(&grown.tasks[..3], &real.tasks[..]);
        let ids: std::collections::HashSet<&str> =
            grown.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), 1_000, "ids repeat");
        for task in &grown.tasks {
            // Pieces come from the same document: no 乙 text in a document-a task.
            let expected = if task.document == "a" { "甲" } else { "乙" };
            assert!(task.text.starts_with(expected), "{task:?}");
            assert_eq!(task.leader.is_some(), task.document == "a", "{task:?}");
        }
        let texts: std::collections::HashSet<&str> =
            grown.tasks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "every real text is reused");
    }

    #[test]
    fn the_same_input_gives_the_same_output_and_never_shrinks() {
        let real = sample();
        assert_eq!(synthesize(&real, 500), synthesize(&real, 500));
        assert_eq!(synthesize(&real, 2).tasks.len(), 3);
    }
}
