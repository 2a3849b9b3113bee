//! What the page and the import worker (crates/import-worker) say to each other, as
//! JSON strings in `postMessage`. A file's bytes and a bundle's zip never go through
//! JSON: they travel beside the message as a transferred `ArrayBuffer`.
//!
//! Every request names the stored local documents, so the worker holds no state the
//! page could disagree with; it fetches the published data files itself.

use planboard_model::Dataset;
use serde::{Deserialize, Serialize};

use crate::error::ImportError;
use crate::local::{LocalOutcome, LocalPreview, LocalSource};
use crate::period::DocumentDetails;

/// One request; `id` comes back on its reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    #[serde(flatten)]
    pub job: Job,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Job {
    /// Read the file that rides along, and say what importing it would add.
    Preview {
        file_name: String,
        details: DocumentDetails,
        sources: Vec<LocalSource>,
    },
    /// The same for lines already extracted on the page (PDF, read by pdf.js there):
    /// `(place, text)` per line, `place` as a reader finds it again (`第 2 页`).
    Lines {
        file_name: String,
        /// The format the lines came from (`pdf`).
        format: String,
        lines: Vec<(String, String)>,
        details: DocumentDetails,
        sources: Vec<LocalSource>,
    },
    /// The published data with the stored documents merged in and the links and
    /// threads computed again over all of them.
    Merge { sources: Vec<LocalSource> },
    /// The data files with the stored documents as published ones, zipped.
    Publish { sources: Vec<LocalSource> },
}

/// The answer to the request with the same `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Outcome {
    Preview {
        preview: Box<LocalPreview>,
    },
    /// The file cannot be imported as it is; `stated` is what its text says of its
    /// details, to pre-fill the form when `error.missing` is not empty.
    Refused {
        error: ImportError,
        stated: DocumentDetails,
    },
    /// The five data files (`planboard_model::DATA_FILES` order) of the merged data,
    /// as compact JSON, and what became of each stored document.
    Merged {
        data_files: Vec<String>,
        outcomes: Vec<LocalOutcome>,
    },
    /// The zip rides along; `file_name` is the name to save it under.
    Published {
        file_name: String,
        summary: String,
    },
    /// The worker could not do the job at all (published data unreachable …).
    Failed {
        message: String,
    },
}

/// The five data files of `dataset` as compact JSON, in `DATA_FILES` order: what the
/// worker sends back after a merge (the page parses them as it parses the published
/// ones).
pub fn compact_data_files(dataset: &Dataset) -> Result<Vec<String>, serde_json::Error> {
    crate::dataset::data_files_in(dataset, false)
        .map(|files| files.into_iter().map(|(_, json)| json).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_request_reads_as_the_page_writes_it() {
        let json = r#"{"id":7,"kind":"lines","file_name":"a.pdf","format":"pdf",
            "lines":[["第 1 页","一、标题"]],"details":{},"sources":[]}"#;
        let request: Request = serde_json::from_str(json).expect("valid request");
        assert_eq!(request.id, 7);
        match request.job {
            Job::Lines { lines, format, .. } => {
                assert_eq!(format, "pdf");
                assert_eq!(lines, vec![("第 1 页".to_owned(), "一、标题".to_owned())]);
            }
            other => panic!("read as {other:?}"),
        }
    }

    #[test]
    fn replies_round_trip() {
        let reply = Reply {
            id: 3,
            outcome: Outcome::Refused {
                error: ImportError::new("a.txt", 4, "坏行"),
                stated: DocumentDetails::default(),
            },
        };
        let json = serde_json::to_string(&reply).expect("serialises");
        assert_eq!(serde_json::from_str::<Reply>(&json).expect("reads"), reply);
    }
}
