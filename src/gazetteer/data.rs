//! Parsing the gazetteer's tab-separated files into phrase entries. The file formats are
//! documented in the header comment of each file under `assets/gazetteer/`.

use super::MentionKind;
use crate::model::CountryCode;
use std::collections::{BTreeMap, HashMap};

/// Context rules attached to a phrase by `ambiguous` files (a bit set).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules(pub u8);

impl Rules {
    pub const PERSON: Rules = Rules(1);
    pub const US_STATE: Rules = Rules(2);
    pub const BIRD: Rules = Rules(4);
    pub const KOREA: Rules = Rules(8);
    pub const CONGO: Rules = Rules(16);
    pub const PRONOUN: Rules = Rules(32);
    /// The rules that read the text 300 bytes around a name, across lines.
    pub const WIDE: Rules = Rules(2 | 4 | 8 | 16);

    pub fn has(self, r: Rules) -> bool {
        self.0 & r.0 != 0
    }

    fn parse(name: &str) -> Option<Rules> {
        Some(match name {
            "person" => Rules::PERSON,
            "us-state" => Rules::US_STATE,
            "bird" => Rules::BIRD,
            "korea" => Rules::KOREA,
            "congo" => Rules::CONGO,
            "pronoun" => Rules::PRONOUN,
            _ => return None,
        })
    }
}

/// One phrase as it must appear in text.
#[derive(Clone, Debug)]
pub struct Entry {
    /// As written in the file (its capitals are required in the text).
    pub text: String,
    /// `None` for a block phrase.
    pub code: Option<CountryCode>,
    pub kind: MentionKind,
    pub rules: Rules,
    /// Leaders' terms, inclusive years; empty = not limited.
    pub years: Vec<(i32, i32)>,
}

pub struct Parsed {
    pub entries: Vec<Entry>,
    pub names: BTreeMap<CountryCode, String>,
    /// Words that make a following country name part of a larger place's name.
    pub place_before: Vec<String>,
    /// Words that make a preceding country name part of a larger place's name.
    pub place_after: Vec<String>,
}

#[derive(Clone, Copy)]
enum FileKind {
    Countries,
    Demonyms,
    Capitals,
    Cities,
    Leaders,
    Ambiguous,
}

fn file_kind(name: &str) -> Option<FileKind> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.to_ascii_lowercase();
    [
        ("countries", FileKind::Countries),
        ("demonyms", FileKind::Demonyms),
        ("capitals", FileKind::Capitals),
        ("cities", FileKind::Cities),
        ("leaders", FileKind::Leaders),
        ("ambiguous", FileKind::Ambiguous),
    ]
    .into_iter()
    .find(|(p, _)| base.starts_with(p))
    .map(|(_, k)| k)
}

/// Parses all files; later rows with the same phrase text replace earlier ones.
pub fn parse(files: &[(&str, &str)]) -> Result<Parsed, String> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut names = BTreeMap::new();
    let mut rules: Vec<(String, Rules, String)> = Vec::new();
    let (mut place_before, mut place_after) = (Vec::new(), Vec::new());
    let mut add = |e: Entry| match index.get(&e.text) {
        Some(&i) => entries[i] = e,
        None => {
            index.insert(e.text.clone(), entries.len());
            entries.push(e);
        }
    };
    for (file, contents) in files {
        let kind = file_kind(file).ok_or_else(|| {
            format!(
                "{file}: unknown gazetteer file; its name must start with countries, \
                 demonyms, capitals, cities, leaders or ambiguous"
            )
        })?;
        for (n, raw) in contents.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let at = |msg: &str| format!("{file}:{}: {msg}", n + 1);
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let FileKind::Ambiguous = kind {
                let phrase = cols[0];
                let spec = cols.get(1).copied().unwrap_or("");
                if phrase.is_empty() || spec.is_empty() {
                    return Err(at("expected: phrase<TAB>rules"));
                }
                let mut set = Rules::default();
                let mut block = false;
                for r in spec.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                    if r == "block" {
                        block = true;
                    } else if r == "place-before" {
                        place_before.push(phrase.to_string());
                    } else if r == "place-after" {
                        place_after.push(phrase.to_string());
                    } else {
                        let rule =
                            Rules::parse(r).ok_or_else(|| at(&format!("unknown rule {r:?}")))?;
                        set.0 |= rule.0;
                    }
                }
                if block {
                    for text in variants(phrase) {
                        add(Entry {
                            text,
                            code: None,
                            kind: MentionKind::Name,
                            rules: Rules::default(),
                            years: Vec::new(),
                        });
                    }
                }
                if set.0 != 0 {
                    rules.push((phrase.to_string(), set, at("")));
                }
                continue;
            }
            let code = CountryCode::parse(cols[0])
                .ok_or_else(|| at(&format!("{:?} is not a two-letter country code", cols[0])))?;
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let mut push = |list: &str, kind: MentionKind, years: &[(i32, i32)], plural: bool| {
                for name in list.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    let mut forms = vec![name.to_string()];
                    if plural {
                        forms.extend(plural_of(name));
                    }
                    for form in forms {
                        for text in variants(&form) {
                            add(Entry {
                                text,
                                code: Some(code),
                                kind,
                                rules: Rules::default(),
                                years: years.to_vec(),
                            });
                        }
                    }
                }
            };
            match kind {
                FileKind::Countries => {
                    if col(1).is_empty() {
                        return Err(at(
                            "expected: code<TAB>short name[<TAB>official<TAB>others]",
                        ));
                    }
                    names.insert(code, col(1).to_string());
                    push(col(1), MentionKind::Name, &[], false);
                    push(col(2), MentionKind::Name, &[], false);
                    push(col(3), MentionKind::ShortForm, &[], false);
                }
                FileKind::Demonyms => push(col(1), MentionKind::Demonym, &[], true),
                FileKind::Capitals => push(col(1), MentionKind::Capital, &[], false),
                FileKind::Cities => push(col(1), MentionKind::City, &[], false),
                FileKind::Leaders => {
                    let years = parse_years(col(2))
                        .ok_or_else(|| at("years must look like 2017-2021,2025- (or be empty)"))?;
                    push(col(1), MentionKind::Leader, &years, false);
                }
                FileKind::Ambiguous => {}
            }
            if col(1).is_empty() {
                return Err(at("expected: code<TAB>names"));
            }
        }
    }
    // Rules attach to a phrase and to its generated forms (plurals, curly apostrophes).
    for (phrase, set, at) in rules {
        let forms: Vec<String> = variants(&phrase)
            .into_iter()
            .chain(plural_of(&phrase))
            .collect();
        let mut found = false;
        for e in entries.iter_mut().filter(|e| e.code.is_some()) {
            if forms.contains(&e.text) {
                e.rules.0 |= set.0;
                found = true;
            }
        }
        if !found {
            return Err(format!(
                "{at}rule for {phrase:?}, which no countries/demonyms/capitals/leaders row lists"
            ));
        }
    }
    Ok(Parsed {
        entries,
        names,
        place_before,
        place_after,
    })
}

/// `"Afghan"` → `"Afghans"`, `"Dutchman"` → `"Dutchmen"`: the plurals worth matching.
fn plural_of(name: &str) -> Option<String> {
    if let Some(stem) = name.strip_suffix("man") {
        Some(format!("{stem}men"))
    } else if name.ends_with('n') || name.ends_with('i') {
        Some(format!("{name}s"))
    } else {
        None
    }
}

/// The phrase plus its curly-apostrophe spelling. The first letter is always matched as a
/// capital: names start with one, and scanning only capitalised words keeps `find` fast
/// ("mainland China" is stored as "Mainland China"; lowercase text still finds "China").
fn variants(phrase: &str) -> Vec<String> {
    let mut phrase = phrase.to_string();
    if let Some(first) = phrase.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let mut v = vec![phrase.clone()];
    if phrase.contains('\'') {
        v.push(phrase.replace('\'', "\u{2019}"));
    }
    v
}

/// `"2017-2021,2025-"` → `[(2017, 2021), (2025, 9999)]`; empty → no limit.
fn parse_years(s: &str) -> Option<Vec<(i32, i32)>> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let a: i32 = a.trim().parse().ok()?;
        let b: i32 = if b.trim().is_empty() {
            9999
        } else {
            b.trim().parse().ok()?
        };
        if b < a {
            return None;
        }
        out.push((a, b));
    }
    Some(out)
}
