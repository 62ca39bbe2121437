//! Text on the chart: measuring it with egui's fonts (the same fonts draw the window, the
//! PNG and — embedded — the SVG), shortening it to a width, and the words of captions.

use crate::model::Corpus;
use crate::timeline::layout::Unit;
use std::borrow::Cow;

/// Measures one line of text in logical px.
pub trait Measure {
    /// Width of each char of `text` at `size`, appended to `out` in order.
    fn advances(&mut self, text: &str, size: f32, out: &mut Vec<f32>);

    fn width(&mut self, text: &str, size: f32) -> f32 {
        let mut v = Vec::with_capacity(text.len());
        self.advances(text, size, &mut v);
        v.iter().sum()
    }
}

/// egui's fonts, by glyph advances: a frame measures hundreds of captions, and laying each
/// out (shaping, a galley) costs far more than summing cached advances. Kerning only ever
/// makes the real text a little narrower, so a measured caption always fits its box.
impl Measure for egui::Context {
    fn advances(&mut self, text: &str, size: f32, out: &mut Vec<f32>) {
        let font = egui::FontId::proportional(size);
        self.fonts_mut(|f| out.extend(text.chars().map(|c| f.glyph_width(&font, c))));
    }
}

/// egui's glyph advances behind a cache: looking a glyph up in egui's fonts takes a lock
/// and several table lookups, and a frame asks for the same few dozen chars thousands of
/// times. Keep one per window (or export) and clear it when the fonts change.
///
/// Captions, labels and counts are nearly all ASCII, so those advances sit in a plain table
/// per type size (a chart uses a handful of sizes): hashing each char cost a fifth of a
/// frame at a million events. Other chars go through a map.
pub struct GlyphCache {
    ctx: egui::Context,
    /// Per type size (its bits): the advance of each ASCII char, NaN until first asked.
    ascii: Vec<(u32, Box<[f32; 128]>)>,
    widths: std::collections::HashMap<(char, u32), f32>,
}

impl GlyphCache {
    pub fn new(ctx: egui::Context) -> Self {
        GlyphCache {
            ctx,
            ascii: Vec::new(),
            widths: std::collections::HashMap::new(),
        }
    }

    /// Forgets the cached advances (after a change of fonts or of pixels per point).
    pub fn clear(&mut self) {
        self.ascii.clear();
        self.widths.clear();
    }

    /// The ASCII table of type size `key`, made when first asked.
    fn table(&mut self, key: u32) -> usize {
        match self.ascii.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.ascii.push((key, Box::new([f32::NAN; 128])));
                self.ascii.len() - 1
            }
        }
    }
}

impl Measure for GlyphCache {
    fn advances(&mut self, text: &str, size: f32, out: &mut Vec<f32>) {
        let key = size.to_bits();
        let t = self.table(key);
        let start = out.len();
        let mut missing = false;
        {
            let table = &self.ascii[t].1;
            for c in text.chars() {
                let w = match table.get(c as usize) {
                    Some(&w) => w,
                    None => self.widths.get(&(c, key)).copied().unwrap_or(f32::NAN),
                };
                missing |= w.is_nan();
                out.push(w);
            }
        }
        if missing {
            let font = egui::FontId::proportional(size);
            let (table, widths) = (&mut self.ascii[t].1, &mut self.widths);
            self.ctx.fonts_mut(|f| {
                for (slot, c) in out[start..].iter_mut().zip(text.chars()) {
                    if slot.is_nan() {
                        let w = f.glyph_width(&font, c);
                        match table.get_mut(c as usize) {
                            Some(a) => *a = w,
                            None => {
                                widths.insert((c, key), w);
                            }
                        }
                        *slot = w;
                    }
                }
            });
        }
    }
}

/// A fixed-advance measure for tests: `advance` px per char at size 1.
#[derive(Clone, Copy, Debug)]
pub struct Monospace(pub f32);

impl Measure for Monospace {
    fn advances(&mut self, text: &str, size: f32, out: &mut Vec<f32>) {
        out.extend(text.chars().map(|_| self.0 * size));
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
    let mut adv = Vec::with_capacity(text.len());
    m.advances(text, size, &mut adv);
    let suffix_w = m.width(suffix, size);
    if adv.iter().sum::<f32>() + suffix_w <= max_w {
        return format!("{text}{suffix}");
    }
    let room = max_w - suffix_w - m.width("…", size);
    // Longest prefix (in chars) that fits before the ellipsis.
    let mut used = 0.0;
    let mut n = 0;
    for a in &adv {
        if used + a > room {
            break;
        }
        used += a;
        n += 1;
    }
    if n == 0 {
        return if m.width(suffix.trim_start(), size) + m.width("…", size) <= max_w {
            format!("…{suffix}")
        } else {
            "…".to_string()
        };
    }
    let mut end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    // Prefer ending on a whole word when it costs little.
    if let Some(space) = text[..end].rfind(' ') {
        if space * 10 >= end * 6 && !text[..space].trim_end().is_empty() {
            end = space;
        }
    }
    let mut head = text[..end]
        .trim_end()
        .trim_end_matches([',', ';', ':', '-', '–']);
    // "Dredgers from Netherlands, Germany to…": a word that needs what follows it is
    // dropped before the ellipsis, as long as a word is left.
    while let Some((rest, last)) = head.rsplit_once(' ') {
        if !needs_more(last) || rest.trim().is_empty() {
            break;
        }
        head = rest.trim_end().trim_end_matches([',', ';', ':', '-', '–']);
    }
    format!("{head}…{suffix}")
}

/// Prepositions, conjunctions and articles: a shortened text does not end on one.
fn needs_more(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "into"
            | "over"
            | "as"
    )
}

/// " +1,204 more" (empty for 0).
pub fn more_suffix(more: u32) -> String {
    if more == 0 {
        String::new()
    } else {
        format!(" +{} more", thousands(u64::from(more)))
    }
}

/// "1 article", "12,774 articles": a count with its noun (plural by adding "s").
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", thousands(n as u64))
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

/// Caption text longer than this many bytes is surely wider than a caption may grow: it
/// is not measured whole (a frame measures hundreds of captions).
pub const LONG_CAPTION_BYTES: usize = 90;

/// A caption as a chart writes it: its words and their width, and the shorter form it may
/// write instead where the whole has no place (`None` when there is none, or it is what
/// is written already).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written<'a> {
    pub text: &'a str,
    /// Width at the size asked; text over [`LONG_CAPTION_BYTES`] is not measured and
    /// counts as infinitely wide.
    pub width: f32,
    pub short: Option<(&'a str, f32)>,
}

/// The caption a chart writes beside a happening's mark at `size`: the whole caption when
/// it fits a caption box `max_px` wide, else its shorter form (the same clause in fewer
/// words: "Putin and Kim sign agreement") when it has one, else the whole caption to be
/// cut with "…". Each text is measured once. Tooltips, the side panel and the list always
/// give the whole caption.
pub fn chart_caption<'a>(
    corpus: &'a Corpus,
    unit: &Unit,
    m: &mut dyn Measure,
    size: f32,
    max_px: f32,
) -> Written<'a> {
    let Some(c) = unit.cluster.and_then(|c| corpus.clusters.get(c as usize)) else {
        return Written {
            text: "",
            width: 0.0,
            short: None,
        };
    };
    let mut measure = |t: &str| {
        if t.len() > LONG_CAPTION_BYTES {
            f32::INFINITY
        } else {
            m.width(t, size)
        }
    };
    let full = c.caption.trim();
    let short = c.short_caption.trim();
    let full_w = measure(full);
    if short.is_empty() || short == full {
        return Written {
            text: full,
            width: full_w,
            short: None,
        };
    }
    let short_w = measure(short);
    if full_w <= max_px {
        Written {
            text: full,
            width: full_w,
            short: Some((short, short_w)),
        }
    } else {
        Written {
            text: short,
            width: short_w,
            short: None,
        }
    }
}

/// The caption of a happening: its cluster's caption, or empty (the mark stays unlabelled:
/// a sentence cut short is no caption, and the caption rules already said this one gives none).
pub fn caption_text<'a>(corpus: &'a Corpus, unit: &Unit) -> Cow<'a, str> {
    unit.cluster
        .and_then(|c| corpus.clusters.get(c as usize))
        .map_or(Cow::Borrowed(""), |c| Cow::Borrowed(c.caption.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_writes_the_shorter_form_only_for_a_caption_over_its_box() {
        use crate::model::{Cluster, Corpus};
        let cluster = |caption: &str, short: &str| Cluster {
            caption: caption.into(),
            short_caption: short.into(),
            ..Default::default()
        };
        let corpus = Corpus {
            clusters: vec![
                cluster(
                    "Putin and Kim Jong Un sign comprehensive strategic partnership treaty",
                    "Putin and Kim sign treaty",
                ),
                cluster("Kim visits Russia", ""),
                cluster("Ministers from nine countries agree on joint patrols", ""),
            ],
            ..Default::default()
        };
        let unit = |c: u32| Unit {
            rep: 0,
            cluster: Some(c),
            sources: 1,
            events: 1,
            flags: 0,
            salience: 0.0,
            rank: 0,
        };
        // 0.5 em per char at size 10: 5 px a char, a box of 200 px holds 40 chars.
        let mut m = Monospace(0.5);
        let written = |m: &mut Monospace, c: u32, max: f32| {
            chart_caption(&corpus, &unit(c), m, 10.0, max)
                .text
                .to_string()
        };
        assert_eq!(written(&mut m, 0, 200.0), "Putin and Kim sign treaty");
        assert_eq!(
            written(&mut m, 0, 1000.0),
            "Putin and Kim Jong Un sign comprehensive strategic partnership treaty"
        );
        assert_eq!(written(&mut m, 1, 200.0), "Kim visits Russia");
        // No shorter form: the whole caption, to be cut with "…".
        assert_eq!(
            written(&mut m, 2, 100.0),
            "Ministers from nine countries agree on joint patrols"
        );
        let none = Unit {
            cluster: None,
            ..unit(0)
        };
        assert_eq!(chart_caption(&corpus, &none, &mut m, 10.0, 200.0).text, "");
        // Each text measured once: the whole one that fits carries its shorter form and
        // that form's width, for a place where the whole has no room.
        let w = chart_caption(&corpus, &unit(0), &mut m, 10.0, 1000.0);
        assert_eq!(w.width, 5.0 * w.text.chars().count() as f32);
        assert_eq!(w.short, Some(("Putin and Kim sign treaty", 125.0)));
        assert_eq!(
            chart_caption(&corpus, &unit(0), &mut m, 10.0, 200.0).short,
            None
        );
        assert_eq!(
            chart_caption(&corpus, &unit(1), &mut m, 10.0, 200.0).short,
            None
        );
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(super::count(1, "problem"), "1 problem");
        assert_eq!(super::count(0, "event"), "0 events");
        assert_eq!(super::count(12774, "article"), "12,774 articles");
    }

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
        // Never "… to…": a word that needs more is dropped before the ellipsis.
        let s = shorten(
            &mut m,
            "Dredgers from Netherlands, Germany to deepen",
            "",
            10.0,
            195.0,
        );
        assert_eq!(s, "Dredgers from Netherlands, Germany…");
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
