//! How model values are written in the window, shared by the panels that show them.

use crate::model::{Article, DatedEvidence, Event};

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
