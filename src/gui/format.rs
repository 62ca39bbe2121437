//! How model values are written in the window, shared by the panels that show them.

use crate::model::{Article, DatedEvidence, Event};
use crate::render::text::thousands;

/// "1 article", "12,774 articles": a count with its noun (plural by adding "s").
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n as u64))
    }
}

/// The title to show for an article: its title, else its path.
pub fn article_title(a: &Article) -> &str {
    if a.title.trim().is_empty() {
        &a.path
    } else {
        &a.title
    }
}

/// "2023-09-14 · dateline · low confidence: year inferred from weekday"; the flag is
/// false when the date should be shown as doubtful.
pub fn pub_date_line(d: Option<&DatedEvidence>) -> (String, bool) {
    let Some(d) = d else {
        return ("unknown".to_string(), false);
    };
    let firm = d.confidence >= Event::FIRM;
    let mut s = format!("{} · {}", d.date, d.source.as_str());
    if firm {
        s.push_str(&format!(" · confidence {:.2}", d.confidence));
        if !d.note.is_empty() {
            s.push_str(&format!(" ({})", d.note));
        }
    } else {
        s.push_str(" · low confidence");
        if !d.note.is_empty() {
            s.push_str(": ");
            s.push_str(&d.note);
        }
    }
    (s, firm)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(super::count(1, "problem"), "1 problem");
        assert_eq!(super::count(0, "event"), "0 events");
        assert_eq!(super::count(12774, "article"), "12,774 articles");
    }
}
