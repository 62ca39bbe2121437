//! Assembles cleaned paragraphs into an article's text with exact byte ranges.

use crate::model::{Article, Paragraph, ParagraphKind};

/// Paragraphs are joined with "\n\n" so that a sentence never spans two of them and the
/// text reads naturally when printed.
#[derive(Default)]
pub struct ArticleBuilder {
    text: String,
    paragraphs: Vec<Paragraph>,
}

impl ArticleBuilder {
    /// Appends one paragraph; whitespace runs are collapsed to single spaces.
    pub fn push(&mut self, text: &str, kind: ParagraphKind) {
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
