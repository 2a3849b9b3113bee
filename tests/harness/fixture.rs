//! Where the built app is, and modified copies of it for the tests that break things.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The workspace root (the folder with the top-level Cargo.toml).
pub fn workspace_root() -> PathBuf {
    let tests_crate = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests_crate.parent().unwrap_or(tests_crate).to_path_buf()
}

/// Cargo's target folder, where screenshots and browser logs are written.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => workspace_root().join("target"),
    }
}

/// The built app: `$PLANBOARD_DIST`, or `dist/` at the workspace root.
///
/// # Panics
/// When it has not been built: the browser tests must fail, never skip, without it.
pub fn built_dist() -> PathBuf {
    let dist = match std::env::var_os("PLANBOARD_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => workspace_root().join("dist"),
    };
    let has_wasm = fs::read_dir(&dist)
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.path().extension().is_some_and(|ext| ext == "wasm"))
        })
        .unwrap_or(false);
    if !dist.join("index.html").is_file() || !has_wasm {
        panic!(
            "the built app is missing: {} has no index.html and .wasm file.\n\
             Build it first with `trunk build --release --skip-version-check` \
             (bash scripts/check.sh builds it before running these tests).",
            dist.display()
        );
    }
    dist
}

/// A throw-away copy of the built app that a test may damage (truncate a data file,
/// delete one…); it is deleted when dropped.
pub struct DistCopy {
    dir: TempDir,
}

impl DistCopy {
    /// Copies the built app (see [`built_dist`]) into a new temporary folder.
    pub fn new() -> DistCopy {
        let dir = tempfile::Builder::new()
            .prefix("planboard-dist-")
            .tempdir()
            .expect("create a temporary folder for a copy of dist/");
        copy_tree(&built_dist(), dir.path()).expect("copy dist/ into the temporary folder");
        DistCopy { dir }
    }

    /// The copy's root folder (what index.html sits in).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The path of `relative` (e.g. `data/tasks.json`) inside the copy.
    pub fn file(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Keeps only the first `keep` bytes of a file, as an interrupted upload would.
    pub fn truncate(&self, relative: &str, keep: usize) -> &DistCopy {
        let path = self.file(relative);
        let contents = fs::read(&path).unwrap_or_else(|error| panic!("read {relative}: {error}"));
        assert!(
            keep < contents.len(),
            "{relative} has only {} bytes, cannot keep {keep}",
            contents.len()
        );
        self.write(relative, &contents[..keep])
    }

    /// Replaces a file's contents.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> &DistCopy {
        fs::write(self.file(relative), contents)
            .unwrap_or_else(|error| panic!("write {relative}: {error}"));
        self
    }

    /// Deletes a file, so the server answers 404 for it.
    pub fn remove(&self, relative: &str) -> &DistCopy {
        fs::remove_file(self.file(relative))
            .unwrap_or_else(|error| panic!("remove {relative}: {error}"));
        self
    }
}

impl Default for DistCopy {
    fn default() -> Self {
        DistCopy::new()
    }
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&target)?;
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
