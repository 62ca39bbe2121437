//! Text on the chart: measuring it with egui's fonts (the same fonts draw the window, the
//! PNG and — embedded — the SVG), shortening it to a width, and the words of captions.

use crate::model::Corpus;
use crate::timeline::layout::Unit;
use std::borrow::Cow;

/// Measures one line of text in logical px.
pub trait Measure {
    fn width(&mut self, text: &str, size: f32) -> f32;
}

impl Measure for egui::Context {
    fn width(&mut self, text: &str, size: f32) -> f32 {
        self.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                egui::FontId::proportional(size),
                egui::Color32::WHITE,
            )
            .size()
            .x
        })
    }
}

/// A fixed-advance measure for tests: `advance` px per char at size 1.
#[derive(Clone, Copy, Debug)]
pub struct Monospace(pub f32);

impl Measure for Monospace {
    fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().count() as f32 * self.0 * size
    }
}

/// Baseline offset below the top of a text box and the box's height, per px of font
/// size, for egui's proportional font.
pub fn metrics(ctx: &egui::Context) -> (f32, f32) {
    const SIZE: f32 = 100.0;
    ctx.fonts_mut(|f| {
        let g = f.layout_no_wrap(
            "Hg".to_owned(),
            egui::FontId::proportional(SIZE),
            egui::Color32::WHITE,
        );
        let ascent = g
            .rows
            .first()
            .and_then(|r| r.glyphs.first())
            .map_or(0.8 * SIZE, |gl| gl.pos.y);
        (ascent / SIZE, g.size().y / SIZE)
    })
}

/// `text` cut to fit `max_w` px at `size`, ending in "…" (at a word boundary when one is
/// near); `suffix` (such as " +12 more") is always kept whole.
pub fn shorten(m: &mut dyn Measure, text: &str, suffix: &str, size: f32, max_w: f32) -> String {
    let whole = format!("{text}{suffix}");
    if m.width(&whole, size) <= max_w {
        return whole;
    }
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let fits = |m: &mut dyn Measure, i: usize| {
        let s = format!("{}…{suffix}", text[..i].trim_end());
        m.width(&s, size) <= max_w
    };
    // Longest prefix that fits (binary search over char boundaries).
    let (mut lo, mut hi) = (0usize, cuts.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(m, cuts[mid - 1]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return if m.width(suffix.trim_start(), size) <= max_w {
            format!("…{suffix}")
        } else {
            "…".to_string()
        };
    }
    let mut end = cuts[lo - 1];
    // Prefer ending on a whole word when it costs little.
    if let Some(space) = text[..end].rfind(' ') {
        if space * 10 >= end * 6 && !text[..space].trim_end().is_empty() {
            end = space;
        }
    }
    let head = text[..end]
        .trim_end()
        .trim_end_matches([',', ';', ':', '-', '–']);
    format!("{head}…{suffix}")
}

/// " +1,204 more" (empty for 0).
pub fn more_suffix(more: u32) -> String {
    if more == 0 {
        String::new()
    } else {
        format!(" +{} more", thousands(u64::from(more)))
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The caption of a happening: its cluster's caption.
///
/// FALLBACK until the caption stage (issue 17, "story") fills `Cluster::caption` on main:
/// the representative event's sentence, which the painter shortens to fit. Remove the
/// fallback branch once captions arrive.
pub fn caption_text<'a>(corpus: &'a Corpus, unit: &Unit) -> Cow<'a, str> {
    if let Some(c) = unit.cluster.and_then(|c| corpus.clusters.get(c as usize)) {
        if !c.caption.trim().is_empty() {
            return Cow::Borrowed(c.caption.trim());
        }
    }
    let Some(e) = corpus.events.get(unit.rep as usize) else {
        return Cow::Borrowed("");
    };
    let sentence = corpus
        .articles
        .get(e.article as usize)
        .and_then(|a| a.text.get(e.sentence.clone()))
        .unwrap_or("");
    let words: Vec<&str> = sentence.split_whitespace().collect();
    Cow::Owned(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortened_text_fits_and_keeps_the_suffix() {
        let mut m = Monospace(0.5);
        let t = "Putin and Kim sign a comprehensive strategic partnership treaty";
        assert_eq!(shorten(&mut m, t, "", 10.0, 1000.0), t);
        let s = shorten(&mut m, t, " +3 more", 10.0, 150.0);
        assert!(s.ends_with("… +3 more"), "{s}");
        assert!(m.width(&s, 10.0) <= 150.0);
        assert!(s.starts_with("Putin and Kim sign"), "{s}");
        // Cut at a word boundary: no half word before the ellipsis.
        let head = s.trim_end_matches("… +3 more");
        assert!(
            t.starts_with(head) && t[head.len()..].starts_with(' '),
            "{s}"
        );
        // Nothing fits but the ellipsis.
        assert_eq!(shorten(&mut m, t, "", 10.0, 6.0), "…");
        assert_eq!(
            shorten(&mut m, "ünïcödé wörds hère", "", 10.0, 50.0)
                .chars()
                .count(),
            8
        );
    }

    #[test]
    fn counts_read_well() {
        assert_eq!(more_suffix(0), "");
        assert_eq!(more_suffix(1204), " +1,204 more");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
