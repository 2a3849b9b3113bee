//! From bytes on disk to the data files: decode, detect, parse, assemble, serialise.
//! Every step reports unusable input as an [`ImportError`] naming file and line.

use crate::dataset::{assemble, data_files};
use crate::detect::{detect, DetectedKind};
use crate::error::ImportError;
use crate::parsed::ParsedDocument;
use planboard_model::Dataset;
use std::path::Path;

/// A source file as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// File name (no directory): what messages and `source_file` show.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// UTF-8 text of `bytes`, without a byte-order mark. Not UTF-8 → the line of the first
/// bad byte; nothing but whitespace → an error for the whole file (line 0).
pub fn decode(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let good = &bytes[..error.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let column = good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            return Err(ImportError::new(
                file,
                line,
                format!(
                    "不是 UTF-8 文本:第 {line} 行第 {} 个字节(文件偏移 {})无效;请先转换为 UTF-8",
                    column + 1,
                    error.valid_up_to()
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::new(file, 0, "文件为空(没有任何文字)"));
    }
    Ok(text.to_string())
}

/// Detects the kind of `text` and runs the parser for it.
pub fn parse_document(
    text: &str,
    file: &str,
) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    let kind = detect(text, file)?;
    let parsed = match kind {
        DetectedKind::TaskBreakdown => crate::breakdown::parse(text, file)?,
        DetectedKind::ProgressReport => crate::progress::parse(text, file)?,
        DetectedKind::ProgressTable => crate::pinghu::parse(text, file)?,
        DetectedKind::FiveYearPlan => crate::plan::parse(text, file)?,
        DetectedKind::WorkReport => crate::report::parse(text, file)?,
    };
    Ok((kind, parsed))
}

/// Decodes and parses one source file.
pub fn parse_source(source: &SourceFile) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    let text = decode(&source.bytes, &source.name)?;
    parse_document(&text, &source.name)
}

/// Every `*.txt` file of `dir`, sorted by name (README.md and other files are not
/// sources).
pub fn read_source_dir(dir: &Path) -> Result<Vec<SourceFile>, ImportError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ImportError::new(&shown, 0, format!("无法读取目录: {e}")))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| ImportError::new(&shown, 0, format!("无法读取目录: {e}")))?
            .path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(ImportError::new(&shown, 0, "目录中没有 .txt 源文件"));
    }
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let bytes = std::fs::read(&path)
                .map_err(|e| ImportError::new(&name, 0, format!("无法读取文件: {e}")))?;
            Ok(SourceFile { name, bytes })
        })
        .collect()
}

/// The result of a build: the dataset, the serialised files, and each document's
/// accounting for the summary.
#[derive(Debug, Clone)]
pub struct Build {
    pub dataset: Dataset,
    /// (file name, JSON) in `DATA_FILES` order.
    pub files: Vec<(&'static str, String)>,
    /// Per source: (file, document id, kind, unmapped line count).
    pub summary: Vec<BuildSummary>,
}

/// One line of the build's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    pub file: String,
    pub document: String,
    pub kind: DetectedKind,
    pub tasks: usize,
    pub projects: usize,
    pub unmapped: usize,
}

/// Parses every source and assembles the data files. Any unusable source fails the
/// whole build: a partial dataset would look complete to its readers.
pub fn build(sources: &[SourceFile]) -> Result<Build, ImportError> {
    let mut documents = Vec::with_capacity(sources.len());
    let mut summary = Vec::with_capacity(sources.len());
    for source in sources {
        let (kind, parsed) = parse_source(source)?;
        summary.push(BuildSummary {
            file: source.name.clone(),
            document: parsed.document.id.clone(),
            kind,
            tasks: parsed.tasks.len(),
            projects: parsed.projects.len(),
            unmapped: parsed.accounting.unmapped().len(),
        });
        documents.push(parsed);
    }
    let mut dataset = assemble(documents)?;
    dataset.links = crate::threads::compute(&dataset);
    dataset.links.figures = crate::figures::extract_figures(&dataset);
    let files = data_files(&dataset)
        .map_err(|e| ImportError::new("(dataset)", 0, format!("无法序列化为 JSON: {e}")))?;
    Ok(Build {
        dataset,
        files,
        summary,
    })
}
