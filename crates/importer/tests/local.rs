//! Importing a document in the browser (`local`): the shipped documents under new names
//! give the same records as the published copies, with ids of their own; what cannot
//! be imported is refused with `FILE:LINE:`; stored sources that stop parsing are
//! reported and the others kept.

mod common;

use common::{source_text, sources_dir, BREAKDOWN, PINGHU_2023, PLAN, PROGRESS_2024, REPORT_2020};
use planboard_importer::local::{merge, preview, LocalOutcome, LocalSource, LOCAL_ID_PREFIX};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir};
use planboard_model::{Dataset, Status, Task};
use std::collections::BTreeSet;

fn published() -> Dataset {
    let sources =
        read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("shipped sources");
    build(&sources).expect("shipped sources build").dataset
}

fn stored(file_name: &str, source: &str, imported_at: &str) -> LocalSource {
    LocalSource {
        file_name: file_name.to_string(),
        imported_at: imported_at.to_string(),
        text: source_text(source),
        places: Vec::new(),
        format: None,
        details: DocumentDetails::default(),
    }
}

fn tasks_of<'a>(dataset: &'a Dataset, document: &str) -> Vec<&'a Task> {
    dataset
        .tasks
        .iter()
        .filter(|task| task.document == document)
        .collect()
}

fn statuses(tasks: &[&Task]) -> Vec<(Status, usize)> {
    Status::ALL
        .into_iter()
        .map(|status| (status, tasks.iter().filter(|t| t.status == status).count()))
        .collect()
}

/// The published document a shipped source became.
fn published_id(dataset: &Dataset, source: &str) -> String {
    dataset
        .catalog
        .documents
        .iter()
        .find(|document| document.source_file == source)
        .map(|document| document.id.clone())
        .expect("the source is published")
}

#[test]
fn shipped_documents_under_new_names_give_the_published_counts() {
    let base = published();
    for source in [PROGRESS_2024, PINGHU_2023, BREAKDOWN] {
        let published_doc = published_id(&base, source);
        let published_tasks = tasks_of(&base, &published_doc);
        let published_projects = base
            .projects
            .iter()
            .filter(|p| p.document == published_doc)
            .count();

        let preview = preview(
            &base,
            "新文件.txt",
            source_text(source).as_bytes(),
            &DocumentDetails::default(),
        )
        .unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(
            preview.document.id,
            format!("{LOCAL_ID_PREFIX}{published_doc}")
        );
        assert_eq!(preview.document.source_file, "新文件.txt");
        assert_eq!(preview.counts.tasks, published_tasks.len(), "{source}");
        assert_eq!(preview.counts.projects, published_projects, "{source}");
        assert_eq!(
            preview.counts.by_status,
            statuses(&published_tasks),
            "{source}"
        );
        assert!(
            preview.counts.new_units.is_empty(),
            "{source}: units all known"
        );
        let lines = &preview.lines;
        assert_eq!(
            lines.recognised_total() + lines.blank + lines.unrecognised.len() as u32,
            lines.total,
            "{source}: every line accounted for"
        );

        let merged = merge(
            &base,
            &[stored("新文件.txt", source, "2026-11-23T04:00:00Z")],
        );
        assert_eq!(
            merged.outcomes,
            vec![LocalOutcome::Merged(preview.document.id.clone())]
        );
        let local_tasks = tasks_of(&merged.dataset, &preview.document.id);
        assert_eq!(local_tasks.len(), published_tasks.len(), "{source}");
        assert_eq!(
            statuses(&local_tasks),
            statuses(&published_tasks),
            "{source}"
        );
        assert!(local_tasks
            .iter()
            .all(|t| t.id.starts_with(&format!("{}/", preview.document.id))));
        // The published records are untouched and every id is still unique.
        assert_eq!(
            tasks_of(&merged.dataset, &published_doc).len(),
            published_tasks.len()
        );
        let ids: BTreeSet<&str> = merged.dataset.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            merged.dataset.tasks.len(),
            "{source}: ids unique"
        );
        let document = merged
            .dataset
            .catalog
            .documents
            .iter()
            .find(|d| d.id == preview.document.id)
            .expect("local document listed");
        assert_eq!(
            document.imported_locally.as_deref(),
            Some("2026-11-23T04:00:00Z")
        );
    }
}

#[test]
fn the_same_content_twice_gets_distinct_ids_stable_across_merges() {
    let base = published();
    let locals = [
        stored("a.txt", PROGRESS_2024, "2026-11-23T04:00:00Z"),
        stored("b.txt", PROGRESS_2024, "2026-11-23T04:05:00Z"),
    ];
    let first = merge(&base, &locals);
    let second = merge(&base, &locals);
    assert_eq!(first, second);
    assert_eq!(
        first.outcomes,
        vec![
            LocalOutcome::Merged("local-huzhou-2024-h1-progress".into()),
            LocalOutcome::Merged("local-huzhou-2024-h1-progress-2".into()),
        ]
    );
    assert_eq!(
        tasks_of(&first.dataset, "local-huzhou-2024-h1-progress-2").len(),
        76
    );
    // A preview against the merged data names the id the next import would get.
    let next = preview(
        &first.dataset,
        "c.txt",
        source_text(PROGRESS_2024).as_bytes(),
        &DocumentDetails::default(),
    )
    .expect("previews");
    assert_eq!(next.document.id, "local-huzhou-2024-h1-progress-3");
    // The published files are unaffected by the new field.
    assert!(!serde_json::to_string(&base.catalog)
        .expect("serialises")
        .contains("imported_locally"));
}

#[test]
fn plans_and_work_reports_import_and_merge_with_their_items() {
    let base = published();
    for (source, kind) in [(PLAN, "五年规划纲要"), (REPORT_2020, "政府工作报告")] {
        let preview = preview(
            &base,
            "另一份.txt",
            source_text(source).as_bytes(),
            &DocumentDetails::default(),
        )
        .unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(preview.document.kind.label_zh(), kind);
        let published_doc = published_id(&base, source);
        assert_eq!(
            preview.document.id,
            format!("{LOCAL_ID_PREFIX}{published_doc}")
        );
    }
    let merged = merge(
        &base,
        &[
            stored("规划.txt", PLAN, "2026-12-07T09:00:00Z"),
            stored("报告.txt", REPORT_2020, "2026-12-07T09:01:00Z"),
        ],
    );
    assert_eq!(merged.problems().count(), 0);
    let ids: Vec<String> = merged
        .outcomes
        .iter()
        .map(|outcome| match outcome {
            LocalOutcome::Merged(id) => id.clone(),
            LocalOutcome::Unreadable(error) => panic!("{error}"),
        })
        .collect();
    let plan_id = format!("{LOCAL_ID_PREFIX}{}", published_id(&base, PLAN));
    let report_id = format!("{LOCAL_ID_PREFIX}{}", published_id(&base, REPORT_2020));
    assert_eq!(ids, vec![plan_id.clone(), report_id.clone()]);
    let dataset = &merged.dataset;
    // The plan's sections, boxes and indicators, under the local id, beside the
    // published plan's, which are kept.
    let plan = &dataset.plan;
    let local_sections: Vec<_> = plan
        .sections
        .iter()
        .filter(|s| s.document == plan_id)
        .collect();
    let published_sections = base.plan.sections.len();
    assert_eq!(local_sections.len(), published_sections);
    assert_eq!(plan.sections.len(), 2 * published_sections);
    assert!(local_sections
        .iter()
        .all(|s| s.id.starts_with(&format!("{plan_id}/"))));
    assert_eq!(
        plan.boxes.iter().filter(|b| b.document == plan_id).count(),
        base.plan.boxes.len()
    );
    assert_eq!(
        plan.indicators
            .iter()
            .filter(|i| i.document == plan_id)
            .count(),
        base.plan.indicators.len()
    );
    assert_eq!(plan.document, base.plan.document);
    // The work report's outline and its targets, found like the published ones.
    let published_report = published_id(&base, REPORT_2020);
    let outline = plan
        .reports
        .iter()
        .find(|r| r.document == report_id)
        .expect("the local report's outline is in the dataset");
    let published_outline = base
        .plan
        .reports
        .iter()
        .find(|r| r.document == published_report)
        .expect("published outline");
    assert_eq!(outline.areas.len(), published_outline.areas.len());
    assert_eq!(outline.targets.len(), published_outline.targets.len());
    for target in &outline.targets {
        assert!(
            dataset.tasks.iter().any(|t| &t.id == target),
            "{target} not found"
        );
    }
    assert_eq!(
        tasks_of(dataset, &report_id).len(),
        tasks_of(&base, &published_report).len()
    );
    assert!(dataset
        .catalog
        .documents
        .iter()
        .any(|d| d.id == plan_id && d.imported_locally.is_some()));
}

#[test]
fn garbage_is_refused_with_file_and_line() {
    let base = published();
    let refused = |bytes: &[u8]| {
        preview(&base, "坏文件.txt", bytes, &DocumentDetails::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let binary = refused(b"first line\nsecond\n\xff\xfe\x00garbage");
    assert!(
        binary.starts_with("坏文件.txt:3: 不是 UTF-8 文本"),
        "{binary}"
    );
    assert!(refused(b"").starts_with("坏文件.txt: 文件为空"));
    assert!(refused("  \n\t\n".as_bytes()).starts_with("坏文件.txt: 文件为空"));
    let prose = "春天来了，湖州的山水格外秀丽。\n我们沿着太湖边散步，看见许多游客。\n";
    assert!(refused(prose.as_bytes()).starts_with("坏文件.txt:1: 无法识别文档类型"));
    let huge = vec![b'a'; planboard_importer::local::MAX_LOCAL_FILE_BYTES + 1];
    assert!(refused(&huge).starts_with("坏文件.txt: 文件过大"));
}

#[test]
fn a_stale_source_is_reported_and_the_others_kept() {
    let base = published();
    let locals = [
        LocalSource {
            file_name: "旧.txt".into(),
            imported_at: "2026-11-01T00:00:00Z".into(),
            text: "不再能读的内容".into(),
            places: Vec::new(),
            format: None,
            details: DocumentDetails::default(),
        },
        stored("新.txt", PINGHU_2023, "2026-11-23T04:00:00Z"),
    ];
    let merged = merge(&base, &locals);
    let problems: Vec<(usize, String)> = merged
        .problems()
        .map(|(index, error)| (index, error.to_string()))
        .collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, 0);
    assert!(problems[0].1.starts_with("旧.txt:1: "), "{}", problems[0].1);
    assert_eq!(
        merged.outcomes[1],
        LocalOutcome::Merged("local-pinghu-2023-h1-progress".into())
    );
    assert_eq!(
        merged.dataset.tasks.len(),
        base.tasks.len() + tasks_of(&base, "pinghu-2023-h1-progress").len()
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// Built once: the published dataset every case previews against.
    fn base() -> &'static Dataset {
        static BASE: OnceLock<Dataset> = OnceLock::new();
        BASE.get_or_init(published)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// In the browser a panic aborts the app: any chosen file gives a preview or an
        /// error naming the file.
        #[test]
        fn any_bytes_give_a_preview_or_a_located_error(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            if let Err(error) = preview(base(), "fuzz.txt", &bytes, &DocumentDetails::default()) {
                prop_assert!(error.to_string().starts_with("fuzz.txt:"));
            }
        }

        /// A shipped progress report cut anywhere still previews or is refused.
        #[test]
        fn a_cut_report_gives_a_preview_or_a_located_error(cut in 0usize..40_000) {
            let text = source_text(PROGRESS_2024);
            let end = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= cut).last().unwrap_or(0);
            let merged = merge(base(), &[LocalSource {
                file_name: "cut.txt".into(),
                imported_at: String::new(),
                text: text[..end].to_string(),
                places: Vec::new(),
                format: None,
                details: DocumentDetails::default(),
            }]);
            prop_assert_eq!(merged.outcomes.len(), 1);
            if let Err(error) = preview(base(), "cut.txt", &text.as_bytes()[..end], &DocumentDetails::default()) {
                prop_assert!(error.to_string().starts_with("cut.txt:"));
            }
        }
    }
}
