//! Assembles cleaned paragraphs into an article's text with exact byte ranges.

use crate::model::{Article, Paragraph, ParagraphKind};

/// Paragraphs are joined with "\n\n" so that a sentence never spans two of them and the
/// text reads naturally when printed.
#[derive(Default)]
pub struct ArticleBuilder {
    text: String,
    paragraphs: Vec<Paragraph>,
}

/// Is `text` non-empty, its words (as `split_whitespace` cuts them) joined by single
/// spaces with none before or after? Then collapsing its whitespace gives it unchanged.
fn single_spaced(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first().is_none_or(|&c| c == b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    let mut space_before = false;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // `char::is_whitespace` of an ASCII char: space, tab, LF, VT, FF, CR.
            if c == b' ' {
                if space_before {
                    return false;
                }
                space_before = true;
            } else if matches!(c, b'\t'..=b'\r') {
                return false;
            } else {
                space_before = false;
            }
            i += 1;
        } else {
            let Some(ch) = text[i..].chars().next() else {
                return false;
            };
            if ch.is_whitespace() {
                return false;
            }
            space_before = false;
            i += ch.len_utf8();
        }
    }
    true
}

impl ArticleBuilder {
    /// Appends one paragraph; whitespace runs are collapsed to single spaces.
    pub fn push(&mut self, text: &str, kind: ParagraphKind) {
        if single_spaced(text) {
            // Already what collapsing gives (most paragraphs): copied whole.
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(text);
            self.paragraphs.push(Paragraph {
                range: start..self.text.len(),
                kind,
            });
            return;
        }
        let mut words = text.split_whitespace().peekable();
        if words.peek().is_none() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        for (i, w) in words.enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            self.text.push_str(w);
        }
        self.paragraphs.push(Paragraph {
            range: start..self.text.len(),
            kind,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    pub fn finish_into(self, article: &mut Article) {
        article.text = self.text;
        article.paragraphs = self.paragraphs;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_copied_whole_reads_as_one_collapsed() {
        let rows = [
            "The minister met the envoy on Monday.",
            "Two  spaces inside",
            " leading space",
            "trailing space ",
            "tab\tinside",
            "line\nbreak and\r\ncarriage return",
            "vertical\u{b}tab and form\u{c}feed",
            "no-break\u{a0}space stays a word break",
            "em\u{2003}space, ideographic\u{3000}space, line\u{2028}separator",
            "curly “quotes” – dashes — and élan",
            "\u{85}next line",
            "x",
            " ",
            "",
            "\u{1c}file separator is no whitespace",
        ];
        for row in rows {
            let mut fast = ArticleBuilder::default();
            fast.push("First paragraph.", ParagraphKind::Body);
            fast.push(row, ParagraphKind::Body);
            let words: Vec<&str> = row.split_whitespace().collect();
            let mut want = "First paragraph.".to_string();
            if !words.is_empty() {
                want.push_str("\n\n");
                want.push_str(&words.join(" "));
            }
            assert_eq!(fast.text, want, "{row:?}");
            assert_eq!(fast.paragraphs.len(), 1 + usize::from(!words.is_empty()));
            assert_eq!(fast.paragraphs.last().unwrap().range.end, want.len());
        }
    }
}
