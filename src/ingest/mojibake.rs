//! Text that was UTF-8, was decoded as Windows-1252 somewhere upstream (a scraper, a
//! database export, a mail gateway) and reached us as valid UTF-8 all the same: "’" written
//! "â€™", "é" written "Ã©", Russian written "Ð¿Ñ€". Every non-ASCII character of such text
//! became a run of two to four Windows-1252 characters whose bytes are the character's UTF-8
//! bytes, so the damage is undone run by run. Left as it is, the damage splits words
//! ("Bowieâ€™s" reads as "Bowieâ€" and "s"), hides quotation marks and dashes ("12â€“17
//! September" is no range) and breaks names ("CÃ´te d'Ivoire").
//!
//! Only an article that shows a signature no correctly decoded text writes is repaired:
//! "â€" (the first two bytes of every character from U+2000 to U+203F: quotation marks,
//! dashes, the ellipsis), or "Â", "Ã", "Ð" or "Ñ" directly before a character whose
//! Windows-1252 byte is 0x80–0xBF. A Portuguese "SÃO PAULO" or a French "é" before a
//! closing quote is left alone.
//!
//! Two further facts of such text:
//! - Pre-tokenised text (research archives split symbols from words) puts a space inside a
//!   run, before a symbol such as "™" or "©": "weâ€ ™ ll". One space before a continuation
//!   character is part of the run, and where the run was an apostrophe the space the tokeniser
//!   put after it goes too when an English clitic follows ("we’ll", "Bowie’s").
//! - Windows-1252 leaves five bytes undefined; a decoder writes them as U+FFFD or drops them.
//!   After "â€" the lost byte is 0x9D in all but exotic text (the closing double quotation
//!   mark U+201D; the others end a zero-width joiner, a left-to-right mark or an em quad), so
//!   "â€" followed by U+FFFD or by no continuation character is "”".

use std::borrow::Cow;

use crate::model::Article;

/// Undoes the damage in an article's title and paragraphs (the text between paragraphs is
/// kept). Returns whether the article showed it.
pub(crate) fn repair_in_place(a: &mut Article) -> bool {
    let paragraphs: Vec<&str> = a
        .paragraphs
        .iter()
        .map(|p| &a.text[p.range.clone()])
        .collect();
    let Some((title, fixed)) = repair_article(&a.title, &paragraphs) else {
        return false;
    };
    let mut text = String::with_capacity(a.text.len());
    let mut last = 0;
    for (p, new) in a.paragraphs.iter_mut().zip(&fixed) {
        text.push_str(&a.text[last..p.range.start]);
        last = p.range.end;
        let start = text.len();
        text.push_str(new);
        p.range = start..text.len();
    }
    text.push_str(&a.text[last..]);
    a.text = text;
    a.title = title;
    true
}

/// The article's title and paragraphs with the damage undone, or `None` when the article
/// shows no signature of it (the usual case, and then nothing is copied).
fn repair_article(title: &str, paragraphs: &[&str]) -> Option<(String, Vec<String>)> {
    if !damaged(title) && !paragraphs.iter().any(|p| damaged(p)) {
        return None;
    }
    Some((
        repair(title).into_owned(),
        paragraphs.iter().map(|p| repair(p).into_owned()).collect(),
    ))
}

/// Does the text show a signature of UTF-8 read as Windows-1252?
fn damaged(text: &str) -> bool {
    // Every signature starts with the byte 0xC3 (Â, Ã, Ð, Ñ and â are U+00C2, U+00C3,
    // U+00D0, U+00D1, U+00E2).
    memchr::memchr_iter(0xC3, text.as_bytes()).any(|i| {
        let rest = &text[i..];
        let mut chars = rest.chars();
        let (Some(lead), Some(next)) = (chars.next(), chars.next()) else {
            return false;
        };
        match (lead, next) {
            ('â', next) => next == '€',
            ('Â' | 'Ã' | 'Ð' | 'Ñ', ' ') => {
                // Pre-tokenised: a Latin-1 symbol split off ("DauphinÃ © Libéré"). Not a
                // dash or quotation mark, which may follow a word ending in "Ã" in a headline.
                chars
                    .next()
                    .and_then(continuation)
                    .is_some_and(|b| b >= 0xA0)
            }
            ('Â' | 'Ã' | 'Ð' | 'Ñ', next) => continuation(next).is_some(),
            _ => false,
        }
    })
}

/// The text with every run of Windows-1252 characters that spells a UTF-8 character
/// replaced by that character.
fn repair(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b >= 0xC2) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match undo_run(rest) {
            Some((fixed, used, spaced)) => {
                out.push(fixed);
                rest = &rest[used..];
                if spaced && fixed == '’' {
                    rest = without_space_before_clitic(rest);
                }
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Cow::Owned(out)
}

/// The character a run at the start of `s` spells, the bytes of `s` it takes, and whether a
/// tokeniser's space sat inside it.
fn undo_run(s: &str) -> Option<(char, usize, bool)> {
    let mut chars = s.char_indices();
    let (_, lead) = chars.next()?;
    let first = cp1252_byte(lead)?;
    let needed = match first {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [first, 0, 0, 0];
    let mut used = lead.len_utf8();
    let mut spaced = false;
    for slot in bytes.iter_mut().skip(1).take(needed) {
        let after = &s[used..];
        let (skip, c) = match after.strip_prefix(' ') {
            Some(t) => (1, t.chars().next()),
            None => (0, after.chars().next()),
        };
        let Some(b) = c.and_then(continuation) else {
            return lost_closing_quote(&bytes[..=1], used, after);
        };
        *slot = b;
        used += skip + c.map_or(0, char::len_utf8);
        spaced |= skip == 1;
    }
    let fixed = std::str::from_utf8(&bytes[..=needed])
        .ok()?
        .chars()
        .next()?;
    Some((fixed, used, spaced))
}

/// "â€" whose third byte was lost: "”" (see the module docs). `after` follows the bytes read.
fn lost_closing_quote(read: &[u8], used: usize, after: &str) -> Option<(char, usize, bool)> {
    if read != [0xE2, 0x80] {
        return None;
    }
    // The replacement character, if the decoder wrote one (a tokeniser's space may precede it).
    let spaced = after.strip_prefix(' ').unwrap_or(after);
    match spaced.strip_prefix('\u{FFFD}') {
        Some(left) => Some(('”', used + after.len() - left.len(), false)),
        None => Some(('”', used, false)),
    }
}

/// `s` without its opening space when an English clitic follows it ("’ s", "’ ll", "’ t").
fn without_space_before_clitic(s: &str) -> &str {
    let Some(t) = s.strip_prefix(' ') else {
        return s;
    };
    let word_len = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let word = t[..word_len].to_ascii_lowercase();
    if matches!(word.as_str(), "s" | "t" | "ll" | "re" | "ve" | "d" | "m") {
        t
    } else {
        s
    }
}

/// The byte 0x80–0xBF that a Windows-1252 decoder turned into `c`.
fn continuation(c: char) -> Option<u8> {
    cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))
}

/// The Windows-1252 byte a decoder turned into `c`, if `c` is one of that table's.
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        // Latin-1 and the C1 controls a decoder writes for the five undefined bytes.
        '\u{80}'..='\u{FF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// What a scraper that decoded UTF-8 as Windows-1252 would have written.
    pub(in crate::ingest) fn damage(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn damaged_text_of_our_own_reads_as_written() {
        for text in [
            "The minister’s visit – planned since May – ended on “Friday”.",
            "Talks in Côte d’Ivoire and São Paulo, then Zürich…",
            "Переговоры в Москве 12–17 сентября",
            "Prices rose 5% to £40 • € 12",
        ] {
            let bad = damage(text);
            assert_ne!(bad, text);
            let (_, fixed) = repair_article("", &[bad.as_str()]).expect("damage seen");
            assert_eq!(fixed[0], text, "from {bad:?}");
        }
    }

    #[test]
    fn pre_tokenised_damage_loses_the_tokenisers_spaces_inside_a_character() {
        let cases = [
            // An apostrophe split as a symbol: the clitic joins its word again.
            ("So , weâ€ ™ ll have a vote", "So , we’ll have a vote"),
            ("Bowieâ€ ™ s career", "Bowie’s career"),
            ("donâ€ ™ t go", "don’t go"),
            // An apostrophe before a word that is no clitic keeps the space after it.
            ("the ministersâ€ ™ plan", "the ministers’ plan"),
            // A dash with spaces round it keeps them.
            ("12 â€ “ 17 September", "12 – 17 September"),
            ("BelvÃ © dÃ¨re", "Belvé dère"),
            // The only damage in the text is a split one.
            ("the DauphinÃ © on Monday", "the Dauphiné on Monday"),
        ];
        for (bad, good) in cases {
            let (_, fixed) = repair_article("", &[bad]).expect("damage seen");
            assert_eq!(fixed[0], good);
        }
    }

    #[test]
    fn a_lost_last_byte_after_the_punctuation_lead_is_a_closing_quote() {
        for (bad, good) in [
            ("â€œWe won.â€", "“We won.”"),
            ("â€œWe won.â€\u{FFFD} he said", "“We won.” he said"),
            ("â€œWe won,â€ \u{FFFD} he said", "“We won,” he said"),
        ] {
            let (_, fixed) = repair_article("", &[bad]).expect("damage seen");
            assert_eq!(fixed[0], good);
        }
    }

    #[test]
    fn correctly_decoded_text_is_left_alone() {
        for text in [
            "SÃO PAULO — Talks ended.",
            "IRMÃ — a headline",
            "The CAFÉ” sign",
            "Ñandú and Ðakovo",
            "A “quoted” word, 12–17 September, Zürich, résumé",
            "plain ASCII text",
        ] {
            assert!(repair_article(text, &[text]).is_none(), "{text}");
        }
    }

    #[test]
    fn the_title_is_repaired_with_the_body() {
        let title = damage("Côte d’Ivoire votes");
        let (t, body) = repair_article(&title, &["Nothing damaged here."]).expect("title");
        assert_eq!(t, "Côte d’Ivoire votes");
        assert_eq!(body[0], "Nothing damaged here.");
    }

    #[test]
    fn an_articles_paragraphs_keep_their_kinds_and_the_text_between_them() {
        let mut b = crate::ingest::builder::ArticleBuilder::default();
        b.push(
            &damage("Talks in Zürich"),
            crate::model::ParagraphKind::Title,
        );
        b.push("Nothing to mend.", crate::model::ParagraphKind::Body);
        b.push(
            &damage("They met on 12–17 May."),
            crate::model::ParagraphKind::Quote,
        );
        let mut a = Article {
            title: damage("Talks in Zürich"),
            ..Default::default()
        };
        b.finish_into(&mut a);
        assert!(repair_in_place(&mut a));
        assert_eq!(
            a.text,
            "Talks in Zürich\n\nNothing to mend.\n\nThey met on 12–17 May."
        );
        assert_eq!(a.title, "Talks in Zürich");
        let texts: Vec<_> = (0..3).map(|i| a.paragraph_text(i)).collect();
        assert_eq!(
            texts,
            [
                "Talks in Zürich",
                "Nothing to mend.",
                "They met on 12–17 May."
            ]
        );
        assert_eq!(a.paragraphs[2].kind, crate::model::ParagraphKind::Quote);
        // Undamaged: untouched.
        let before = a.clone();
        assert!(!repair_in_place(&mut a));
        assert_eq!(a.text, before.text);
    }

    #[test]
    fn no_input_panics_or_leaves_a_broken_string() {
        for s in [
            "â",
            "â€",
            "Ã",
            "Ã ",
            "â€ ",
            "ð\u{9f}",
            "ðŸ˜",
            "Ã\u{FFFD}",
            "â€\u{FFFD}",
        ] {
            let fixed = repair(s);
            assert!(fixed.len() <= s.len() + 3);
        }
        // An emoji, four bytes.
        let bad = damage("Fans 😀 cheered");
        assert_eq!(repair(&bad), "Fans 😀 cheered");
    }
}
