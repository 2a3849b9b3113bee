//! From bytes on disk to the data files: decode, detect, parse, assemble, serialise.
//! Every step reports unusable input as an [`ImportError`] naming file and line.

use crate::dataset::{assemble, data_files};
use crate::detect::{detect, DetectedKind};
use crate::error::ImportError;
use crate::parsed::ParsedDocument;
use crate::period::DocumentDetails;
use crate::read_text::ReadText;
use planboard_model::Dataset;
use std::path::Path;

/// A source file as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// File name (no directory): what messages and `source_file` show.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Details the text may not state: from the command line, overridden by the
    /// file's sidecar `<name>.meta.json` (see [`read_source_dir`]).
    pub details: DocumentDetails,
}

/// The sidecar of `source.txt`: `source.meta.json`.
pub fn sidecar_path(source: &Path) -> std::path::PathBuf {
    source.with_extension("meta.json")
}

/// Reads a sidecar: `{"jurisdiction": "平湖市", "year": 2023, "period": "前三季度",
/// "date": "2023-10-10"}`, every field optional. No sidecar → no details.
pub fn read_sidecar(source: &Path) -> Result<DocumentDetails, ImportError> {
    let path = sidecar_path(source);
    let shown = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(DocumentDetails::default())
        }
        Err(error) => return Err(ImportError::new(&shown, 0, format!("无法读取: {error}"))),
    };
    let details: DocumentDetails = serde_json::from_str(&text).map_err(|error| {
        ImportError::new(
            &shown,
            u32::try_from(error.line()).unwrap_or(0),
            format!("不是可用的补充信息(JSON,字段 jurisdiction、year、period、date): {error}"),
        )
    })?;
    let problems = details.problems();
    if problems.is_empty() {
        Ok(details)
    } else {
        Err(ImportError::new(&shown, 0, problems.join(";")))
    }
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

/// Detects the kind of `text` and runs the parser for it; `given` are the details the
/// reader supplied (they win over what the text states).
pub fn parse_document(
    text: &str,
    file: &str,
    given: &DocumentDetails,
) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    let kind = detect(text, file)?;
    let mut parsed = match kind {
        DetectedKind::TaskBreakdown => crate::breakdown::parse(text, file)?,
        DetectedKind::ProgressReport => crate::progress::parse(text, file, given)?,
        DetectedKind::ProgressTable | DetectedKind::BreakdownTable => {
            crate::pinghu::parse(text, file, given)?
        }
        DetectedKind::FiveYearPlan => crate::plan::parse(text, file)?,
        DetectedKind::WorkReport => crate::report::parse(text, file)?,
    };
    if kind == DetectedKind::TaskBreakdown {
        apply_given(&mut parsed, given, file)?;
    }
    Ok((kind, parsed))
}

/// What a report's text states of its details (city, year, period), `None` where it is
/// silent: for `inspect` and the browser's form, which show them beside what is missing.
/// The title is the text above the first table row or task number.
pub fn stated_details(text: &str) -> DocumentDetails {
    let titles: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take_while(|line| {
            !line.contains(['|', '｜']) && crate::progress::lines::bare_number(line).is_none()
        })
        .take(5)
        .map(str::to_string)
        .collect();
    crate::progress::metadata::ReportFacts::stated(text, &titles)
}

/// Given details for a parser that reads its own (the running-text breakdown): they
/// replace what it read, and its id follows.
pub(crate) fn apply_given(
    parsed: &mut ParsedDocument,
    given: &DocumentDetails,
    file: &str,
) -> Result<(), ImportError> {
    if given.is_empty() {
        return Ok(());
    }
    let problems = given.problems();
    if !problems.is_empty() {
        return Err(ImportError::new(file, 0, problems.join(";")));
    }
    let document = &mut parsed.document;
    if let Some(jurisdiction) = &given.jurisdiction {
        document.jurisdiction = jurisdiction.trim().to_string();
        document.issuer = format!("{}人民政府", document.jurisdiction);
    }
    if let Some(year) = given.year {
        document.year = year;
        document.period = format!("{year}年");
    }
    if let Some(date) = &given.date {
        document.date = date.clone();
    }
    document.id = format!(
        "{}-{}-breakdown",
        crate::reference::jurisdiction_slug(&document.jurisdiction),
        document.year
    );
    Ok(())
}

/// Reads one source file into lines: any supported format with the `formats` feature,
/// UTF-8 text without it.
pub fn read_source(source: &SourceFile) -> Result<ReadText, ImportError> {
    #[cfg(feature = "formats")]
    {
        ReadText::read(&source.bytes, &source.name)
    }
    #[cfg(not(feature = "formats"))]
    {
        ReadText::from_utf8(&source.bytes, &source.name)
    }
}

/// Parses lines read from `file`: errors and unrecognised lines name the place in the
/// file each line came from.
pub fn parse_read(
    read: &ReadText,
    file: &str,
    given: &DocumentDetails,
) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    let (kind, mut parsed) = parse_document(&read.text, file, given)
        .map_err(|error| explain_unread(error.placed(&read.places), read))?;
    parsed.accounting.set_places(read.places.clone());
    Ok((kind, parsed))
}

/// A page that had no table and whose paragraphs are no document the importer knows:
/// say that the page had no table, the likelier reason.
fn explain_unread(mut error: ImportError, read: &ReadText) -> ImportError {
    let tableless = read.not_read.iter().any(|n| n.what.contains("没有表格"));
    if tableless && error.missing.is_empty() {
        error.message = format!(
            "网页中没有表格,只有正文段落,而这些段落不是可导入的责任分解或进展报告({})",
            error.message
        );
    }
    error
}

/// Reads and parses one source file with the details given for it.
pub fn parse_source(source: &SourceFile) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    let read = read_source(source)?;
    parse_read(&read, &source.name, &source.details)
}

/// The extensions of source files: what `read_source` can read, and formats it names
/// and refuses (a `.doc` in the folder fails the build with how to save it as `.docx`,
/// rather than being left out unnoticed).
#[cfg(feature = "formats")]
pub const SOURCE_EXTENSIONS: &[&str] = &[
    "txt", "docx", "xlsx", "xls", "et", "htm", "html", "doc", "wps", "pdf", "rtf",
];
#[cfg(not(feature = "formats"))]
pub const SOURCE_EXTENSIONS: &[&str] = &["txt"];

/// Every source file of `dir` (see [`SOURCE_EXTENSIONS`]), sorted by name (README.md,
/// sidecars and other files are not sources), each with `given` overridden by its
/// sidecar.
pub fn read_source_dir(
    dir: &Path,
    given: &DocumentDetails,
) -> Result<Vec<SourceFile>, ImportError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ImportError::new(&shown, 0, format!("无法读取目录: {e}")))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| ImportError::new(&shown, 0, format!("无法读取目录: {e}")))?
            .path();
        let is_source = path.extension().is_some_and(|extension| {
            let extension = extension.to_string_lossy().to_ascii_lowercase();
            SOURCE_EXTENSIONS.contains(&extension.as_str())
        });
        if path.is_file() && is_source {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(ImportError::new(
            &shown,
            0,
            format!("目录中没有源文件(.{})", SOURCE_EXTENSIONS.join(" .")),
        ));
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
            let details = given.overridden_by(&read_sidecar(&path)?);
            Ok(SourceFile {
                name,
                bytes,
                details,
            })
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
