//! The notice that carries a breakdown: its title (when the text keeps one), issuer and
//! date. The addressee line, the cover letter's prose and its list of attachments go
//! to no field; the parser leaves them unmapped on purpose.

use crate::accounting::Accounting;
use crate::text::cn_date;

/// What the notice header says about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeHeader {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
}

/// Reads the header from `lines[..body_start]` (0-based indices, `lines[i]` is line
/// `i + 1`) and claims the lines it uses.
pub fn read_header(lines: &[&str], body_start: usize, accounting: &mut Accounting) -> NoticeHeader {
    let header = &lines[..body_start.min(lines.len())];
    let mut notice = NoticeHeader::default();
    if let Some((index, date)) = header
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, line)| cn_date(line).map(|d| (i, d)))
    {
        notice.date = Some(date);
        accounting.claim(index as u32 + 1, "document.date");
        let issuer = header[..index]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, line)| !line.trim().is_empty())
            .filter(|(_, line)| looks_like_issuer(line));
        if let Some((issuer_index, line)) = issuer {
            notice.issuer = Some(line.trim().to_string());
            accounting.claim(issuer_index as u32 + 1, "document.issuer");
        }
    }
    if let Some((index, line)) = header
        .iter()
        .enumerate()
        .find(|(_, line)| line.contains("关于") && line.trim_end().ends_with("通知"))
    {
        notice.title = Some(line.trim().to_string());
        accounting.claim(index as u32 + 1, "document.title");
    }
    notice
}

/// An issuer line names an organ: short, no sentence punctuation, ends like one.
fn looks_like_issuer(line: &str) -> bool {
    let line = line.trim();
    let short = (4..=30).contains(&line.chars().count());
    let plain = !line.contains([',', '，', '。', ':', '：', '；', ';']);
    let organ = ["政府", "办公室", "办公厅", "委员会", "管委会"]
        .iter()
        .any(|end| line.ends_with(end));
    short && plain && organ
}

/// The jurisdiction an issuer belongs to: `湖州市人民政府办公室` → `湖州市`.
pub fn jurisdiction_of(issuer: &str) -> Option<String> {
    let chars: Vec<char> = issuer.trim().chars().collect();
    let end = chars
        .iter()
        .position(|c| matches!(c, '市' | '县' | '区'))
        .filter(|i| (1..=5).contains(i))?;
    Some(chars[..=end].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jurisdictions_of_issuers() {
        assert_eq!(
            jurisdiction_of("湖州市人民政府办公室").as_deref(),
            Some("湖州市")
        );
        assert_eq!(jurisdiction_of("平湖市人民政府").as_deref(), Some("平湖市"));
        assert_eq!(jurisdiction_of("人民政府"), None);
    }

    #[test]
    fn header_fields() {
        let lines = [
            "各单位:",
            "正文,现印发。",
            "湖州市人民政府办公室",
            "2021年3月22日",
            "附件1",
        ];
        let mut accounting = Accounting::new(&lines.join("\n"));
        let header = read_header(&lines, 4, &mut accounting);
        assert_eq!(header.issuer.as_deref(), Some("湖州市人民政府办公室"));
        assert_eq!(header.date.as_deref(), Some("2021-03-22"));
        assert_eq!(header.title, None);
        assert_eq!(accounting.unmapped().len(), 3);
    }
}
