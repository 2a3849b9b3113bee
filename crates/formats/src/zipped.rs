//! The zip container of .docx and .xlsx, read with a budget: every inflated byte counts
//! against [`MAX_INFLATED_BYTES`] as it is produced, so a zip bomb is stopped while
//! inflating, whatever sizes its headers claim.

use crate::{human_size, FormatError, MAX_INFLATED_BYTES};
use std::io::{Cursor, Read};
use zip::ZipArchive;

pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    inflated: u64,
    file: String,
}

impl<'a> Archive<'a> {
    pub(crate) fn open(bytes: &'a [u8], file: &str) -> Result<Self, FormatError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
            FormatError::new(
                file,
                format!(
                    "文件以 zip 开头,但 zip 结构已损坏或不完整({error});请用 WPS 或 Office 重新打开并另存后再导入"
                ),
            )
        })?;
        let names = zip
            .file_names()
            .filter_map(|name| name.ok().map(|name| name.into_owned()))
            .collect();
        Ok(Archive {
            zip,
            names,
            inflated: 0,
            file: file.to_string(),
        })
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// The inflated bytes of `name`, `None` when the zip has no such part.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        if !self.has(name) {
            return Ok(None);
        }
        let file = self.file.clone();
        let budget = MAX_INFLATED_BYTES.saturating_sub(self.inflated);
        let entry = self
            .zip
            .by_name(name)
            .map_err(|error| damaged(&file, name, &error.to_string()))?;
        let mut out = Vec::new();
        entry
            .take(budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|error| damaged(&file, name, &error.to_string()))?;
        self.inflated += out.len() as u64;
        if self.inflated > MAX_INFLATED_BYTES {
            return Err(bomb(&file));
        }
        Ok(Some(out))
    }

    /// Inflates every part once, counting, without keeping them: the check before a
    /// reader that inflates parts on its own (calamine) is given the file.
    pub(crate) fn check_all_parts(&mut self) -> Result<(), FormatError> {
        let mut sink = [0u8; 16 * 1024];
        for index in 0..self.zip.len() {
            let file = self.file.clone();
            let mut entry = match self.zip.by_index(index) {
                Ok(entry) => entry,
                Err(error) => return Err(damaged(&file, &format!("#{index}"), &error.to_string())),
            };
            let name = entry
                .name()
                .map(|n| n.into_owned())
                .unwrap_or_else(|_| format!("#{index}"));
            loop {
                let read = entry
                    .read(&mut sink)
                    .map_err(|error| damaged(&file, &name, &error.to_string()))?;
                if read == 0 {
                    break;
                }
                self.inflated += read as u64;
                if self.inflated > MAX_INFLATED_BYTES {
                    return Err(bomb(&file));
                }
            }
        }
        Ok(())
    }
}

fn damaged(file: &str, part: &str, error: &str) -> FormatError {
    FormatError::at(
        file,
        part,
        format!("压缩内容已损坏,无法解压({error});请用 WPS 或 Office 重新打开并另存后再导入"),
    )
}

fn bomb(file: &str) -> FormatError {
    FormatError::new(
        file,
        format!(
            "解压后的内容超过 {},不像正常的 Word/Excel 文件(可能是\"压缩炸弹\"),已停止读取,没有导入任何内容",
            human_size(MAX_INFLATED_BYTES)
        ),
    )
}
