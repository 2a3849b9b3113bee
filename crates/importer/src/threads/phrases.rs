//! Phrases: how a record's text is cut into candidate phrases. Chunks end at
//! punctuation, digits and boilerplate words; every run of `MIN_PHRASE..=MAX_PHRASE`
//! characters of a chunk is a candidate; quoted terms (“…”, 《…》) are kept whole.

use std::collections::HashMap;
use std::sync::OnceLock;

pub(super) const MIN_PHRASE: usize = 3;
pub(super) const MAX_PHRASE: usize = 12;

/// Words that every kind of task uses; they cut chunks and never belong to a phrase.
const BOILERPLATE: &[&str] = &[
    "进一步",
    "高质量",
    "高水平",
    "高标准",
    "全方位",
    "加快",
    "推进",
    "推动",
    "建设",
    "全面",
    "深化",
    "实施",
    "打造",
    "提升",
    "加强",
    "完善",
    "开展",
    "积极",
    "持续",
    "大力",
    "着力",
    "全力",
    "努力",
    "力争",
    "确保",
    "坚持",
    "强化",
    "优化",
    "支持",
    "促进",
    "围绕",
    "聚焦",
    "发展",
    "工作",
    "全市",
    "我市",
    "一批",
    "以上",
    "左右",
    "达到",
    "完成",
    "新增",
    "开工",
    "建成",
    "项目",
    "体系",
    "机制",
    "有效",
    "不断",
    "重点",
    "重大",
    "各类",
    "相关",
    "水平",
    "能力",
    "进行",
    "做好",
    "抓好",
    "落实",
    "健全",
    "扎实",
    "切实",
    "深入",
    "争创",
    "创建",
    "培育",
    "构建",
    "形成",
    "实现",
    "提高",
    "增长",
    "取得",
    "继续",
    "更加",
    "进行",
    "坚决",
    "统筹",
    "谋划",
    "启动",
    "全省",
    "全国",
    "一体",
    "我们",
    "今年",
    "明年",
    "年度",
    "计划",
    "累计",
    "同比",
    "以来",
    "目前",
    "上半年",
    "截至",
    "其中",
    "以及",
    "及其",
    "和",
    "与",
    "及",
    "的",
    "在",
    "为",
    "是",
    "了",
    "个",
    "年",
    "月",
    "日",
    "家",
    "项",
    "万",
    "亿",
    "元",
    "将",
    "把",
    "对",
    "以",
    "从",
    "到",
    "向",
    "由",
    "并",
    "或",
    "于",
];

/// Cuts `text` at punctuation, digits and boilerplate words; also returns the quoted
/// terms (“…”, 《…》) whole.
pub(super) fn chunk(text: &str) -> (Vec<Vec<char>>, Vec<Vec<char>>) {
    let chars: Vec<char> = text.chars().collect();
    let mut chunks = Vec::new();
    let mut quoted = Vec::new();
    let mut current: Vec<char> = Vec::new();
    let mut quote: Option<Vec<char>> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '“' | '《' => quote = Some(Vec::new()),
            '”' | '》' => {
                if let Some(term) = quote.take().filter(|t| t.len() >= 2 && t.len() <= 16) {
                    quoted.push(term);
                }
            }
            _ => {
                if let Some(term) = quote.as_mut() {
                    term.push(c);
                }
            }
        }
        let letter = is_word_char(c);
        let stop = if letter {
            boilerplate_at(&chars[i..])
        } else {
            0
        };
        if !letter || stop > 0 {
            if current.len() >= MIN_PHRASE {
                chunks.push(std::mem::take(&mut current));
            } else {
                current.clear();
            }
            i += stop.max(1);
            continue;
        }
        current.push(c);
        i += 1;
    }
    if current.len() >= MIN_PHRASE {
        chunks.push(current);
    }
    (chunks, quoted)
}

/// CJK ideographs and ASCII letters make words; digits and punctuation cut them.
fn is_word_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphabetic()
}

/// Length of the longest boilerplate word starting at `chars[0]`, 0 if none.
fn boilerplate_at(chars: &[char]) -> usize {
    let Some(words) = chars
        .first()
        .and_then(|c| boilerplate_by_first_char().get(c))
    else {
        return 0;
    };
    words
        .iter()
        .filter(|word| chars.starts_with(word))
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// `BOILERPLATE` by first character: the chunker asks once per character of every text.
fn boilerplate_by_first_char() -> &'static HashMap<char, Vec<Vec<char>>> {
    static TABLE: OnceLock<HashMap<char, Vec<Vec<char>>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<char, Vec<Vec<char>>> = HashMap::new();
        for word in BOILERPLATE {
            let chars: Vec<char> = word.chars().collect();
            if let Some(&first) = chars.first() {
                table.entry(first).or_default().push(chars);
            }
        }
        table
    })
}

/// Every run of `MIN_PHRASE..=MAX_PHRASE` characters of a chunk.
pub(super) fn grams(chunk: &[char]) -> impl Iterator<Item = &[char]> {
    (0..chunk.len()).flat_map(move |start| {
        (MIN_PHRASE..=MAX_PHRASE)
            .filter(move |len| start + len <= chunk.len())
            .map(move |len| &chunk[start..start + len])
    })
}

/// Whether `shorter` occurs inside `longer`.
pub(super) fn contains(longer: &[char], shorter: &[char]) -> bool {
    longer
        .windows(shorter.len())
        .any(|window| window == shorter)
}
