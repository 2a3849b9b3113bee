//! The import worker's jobs, as plain functions of the published dataset: everything
//! the worker decides is here and tested natively; `main.rs` only moves messages and
//! bytes between the page and these.

use planboard_formats::Format;
use planboard_importer::error::ImportError;
use planboard_importer::local::{self, LocalSource, ReadText};
use planboard_importer::period::DocumentDetails;
use planboard_importer::protocol::{compact_data_files, Job, Outcome};
use planboard_importer::{figures, publish, threads};
use planboard_model::Dataset;

/// What a job gives back: the reply, and the bytes that ride along with it (the zip).
pub struct Done {
    pub outcome: Outcome,
    pub bytes: Option<Vec<u8>>,
}

impl From<Outcome> for Done {
    fn from(outcome: Outcome) -> Self {
        Done {
            outcome,
            bytes: None,
        }
    }
}

/// Runs `job` against `published` (the data files as served); `bytes` is the chosen
/// file for a preview.
pub fn run(job: Job, bytes: Option<&[u8]>, published: &Dataset) -> Done {
    match job {
        Job::Preview {
            file_name,
            details,
            sources,
        } => {
            let base = local::merge(published, &sources).dataset;
            preview(&base, &file_name, bytes.unwrap_or_default(), &details).into()
        }
        Job::Lines {
            file_name,
            format,
            lines,
            details,
            sources,
        } => {
            let base = local::merge(published, &sources).dataset;
            preview_lines(&base, &file_name, &format, lines, &details).into()
        }
        Job::Merge { sources } => merged(published, &sources).into(),
        Job::Publish { sources } => match publish::bundle(published, &sources) {
            Ok(bundle) => Done {
                outcome: Outcome::Published {
                    file_name: bundle.file_name,
                    summary: bundle.summary,
                },
                bytes: Some(bundle.zip),
            },
            Err(error) => Outcome::Refused {
                error,
                stated: DocumentDetails::default(),
            }
            .into(),
        },
    }
}

/// Reads the file (its format judged from the content) and previews it.
fn preview(base: &Dataset, file_name: &str, bytes: &[u8], details: &DocumentDetails) -> Outcome {
    let read =
        local::check_size(file_name, bytes.len()).and_then(|()| ReadText::read(bytes, file_name));
    match read {
        Ok(read) => preview_read(base, file_name, &read, details),
        Err(error) => refused(error, "", details),
    }
}

fn preview_read(
    base: &Dataset,
    file_name: &str,
    read: &ReadText,
    details: &DocumentDetails,
) -> Outcome {
    match local::preview_extracted(base, file_name, read, details) {
        Ok(preview) => Outcome::Preview {
            preview: Box::new(preview),
        },
        Err(error) => refused(error, &read.text, details),
    }
}

/// Lines extracted on the page (a PDF, by pdf.js), with their places.
fn preview_lines(
    base: &Dataset,
    file_name: &str,
    format: &str,
    lines: Vec<(String, String)>,
    details: &DocumentDetails,
) -> Outcome {
    if format != "pdf" {
        return Outcome::Failed {
            message: format!("{file_name}: 页面送来的行来自未知的格式“{format}”"),
        };
    }
    let read = ReadText::from(planboard_formats::from_lines(Format::Pdf, lines));
    preview_read(base, file_name, &read, details)
}

fn refused(error: ImportError, text: &str, details: &DocumentDetails) -> Outcome {
    let stated = if error.missing.is_empty() {
        DocumentDetails::default()
    } else {
        local::stated_details(text).overridden_by(details)
    };
    Outcome::Refused { error, stated }
}

/// The published data with `sources` merged in, links and threads computed again over
/// all documents together.
pub fn merged(published: &Dataset, sources: &[LocalSource]) -> Outcome {
    let merge = local::merge(published, sources);
    let mut dataset = merge.dataset;
    if !sources.is_empty() {
        relink(&mut dataset);
    }
    match compact_data_files(&dataset) {
        Ok(data_files) => Outcome::Merged {
            data_files,
            outcomes: merge.outcomes,
        },
        Err(error) => Outcome::Failed {
            message: format!("无法序列化合并后的数据：{error}"),
        },
    }
}

/// Links, threads and pace figures over every document of `dataset`, as the build
/// computes them.
pub fn relink(dataset: &mut Dataset) {
    dataset.links = threads::compute(dataset);
    dataset.links.figures = figures::extract_figures(dataset);
}
