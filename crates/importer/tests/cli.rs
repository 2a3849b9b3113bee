//! The `planboard-ingest` command line: its outputs and its refusals.

mod common;

use common::{sources_dir, BREAKDOWN};
use planboard_importer::cli::run;
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh directory under the system's temp dir, for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("planboard-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the CLI in-process: (exit code, stdout, stderr).
fn ingest(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("UTF-8 stdout"),
        String::from_utf8(err).expect("UTF-8 stderr"),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn inspect_prints_the_document_and_its_line_accounting() {
    let file = sources_dir().join(BREAKDOWN);
    let (code, stdout, stderr) = ingest(&["inspect", path(&file)]);
    assert_eq!(code, 0, "{stderr}");
    let dataset: planboard_model::Dataset = serde_json::from_str(&stdout).expect("JSON dataset");
    assert_eq!(dataset.tasks.len(), 122);
    assert!(stderr.contains("task.text: 122"), "{stderr}");
    assert!(stderr.contains("未归属的行: 6"), "{stderr}");
    assert!(
        stderr.contains(&format!("{BREAKDOWN}:4: 附件:1.")),
        "{stderr}"
    );
}

#[test]
fn build_writes_the_four_files_and_ignores_the_readme() {
    let out = scratch("build");
    let (code, _, stderr) = ingest(&["build", path(&sources_dir()), "--out", path(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let expected =
        build(&read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("sources"))
            .expect("builds");
    for (name, json) in &expected.files {
        let written = std::fs::read_to_string(out.join(name)).expect("written");
        assert!(written == *json, "{name}");
    }
    assert!(stderr.contains("huzhou-2021-breakdown"));
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn unusable_input_exits_non_zero_with_file_and_line() {
    let dir = scratch("bad");
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "binary.txt",
            b"\xe4\xb8\x80\n\x00\x01\x02\xb5\xda\xff\n",
            "binary.txt:2: 不是文本",
        ),
        ("empty.txt", b"", "empty.txt: 文件为空"),
        (
            "note.txt",
            "随手记下的一句话。\n".as_bytes(),
            "note.txt:1: 无法识别文档类型",
        ),
    ];
    for (name, bytes, message) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).expect("write");
        let (code, stdout, stderr) = ingest(&["inspect", path(&file)]);
        assert_eq!(code, 1, "{name}");
        assert!(stdout.is_empty());
        // After the format line inspect prints for what it could read.
        let shown = stderr.lines().last().unwrap_or_default();
        assert!(shown.starts_with(message), "{stderr}");
    }
    // One bad source fails the whole build, and nothing is written.
    let out = dir.join("out");
    let (code, _, stderr) = ingest(&["build", path(&dir), "--out", path(&out)]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("binary.txt:2: "), "{stderr}");
    assert!(!out.exists());
    let (code, _, stderr) = ingest(&["inspect", path(&dir.join("missing.txt"))]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("missing.txt: 无法读取文件"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_usage_exits_two_with_the_usage() {
    for args in [
        &["build", "x"][..],
        &["frobnicate"][..],
        &[][..],
        &["bench", "x", "--runs", "none"][..],
    ] {
        let (code, _, stderr) = ingest(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains("用法"));
    }
}

#[test]
fn bench_reports_min_and_median() {
    let (code, stdout, stderr) = ingest(&["bench", path(&sources_dir()), "--runs", "2"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("最短") && stdout.contains("中位"),
        "{stdout}"
    );
}

/// The real binary: random bytes make it exit 1 with a message, never panic (101).
#[test]
fn the_binary_refuses_binary_input_without_panicking() {
    let dir = scratch("binary");
    let file = dir.join("random.txt");
    let bytes: Vec<u8> = (0u32..512)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&file, bytes).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_planboard-ingest"))
        .args(["inspect", path(&file)])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("random.txt:"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}
