//! A [`Scene`] as SVG. Text stays `<text>` so a slide author can edit a caption or the
//! title; the font the layout was measured with (egui's Ubuntu Light) is embedded, so the
//! text fits its boxes in every viewer, with common sans-serif fonts as fallbacks.

use super::scene::{Scene, Shape};
use egui::{Align, Color32, Pos2, Rect, Stroke};
use std::fmt::Write;

const FAMILY: &str = "dateline-ui";

/// The SVG document for `scene`. `font` is the TrueType font to embed (none: rely on the
/// viewer's fonts).
pub fn to_svg(scene: &Scene, font: Option<&[u8]>) -> String {
    let (w, h) = (scene.size.x, scene.size.y);
    let mut s = String::with_capacity(64 * 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}">"#,
        num(w),
        num(h),
        num(w),
        num(h)
    );
    s.push_str("<defs>\n");
    if let Some(f) = font {
        let _ = writeln!(
            s,
            "<style>@font-face {{ font-family: '{FAMILY}'; src: url(data:font/ttf;base64,{}); }}</style>",
            base64(f)
        );
    }
    for (i, l) in scene.layers.iter().enumerate() {
        if let Some(c) = l.clip {
            let c = c.intersect(Rect::from_min_size(egui::Pos2::ZERO, scene.size));
            let _ = writeln!(
                s,
                r#"<clipPath id="c{i}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                num(c.min.x),
                num(c.min.y),
                num(c.width().max(0.0)),
                num(c.height().max(0.0))
            );
        }
    }
    s.push_str("</defs>\n");
    let _ = writeln!(
        s,
        r#"<g font-family="'{FAMILY}', Ubuntu, 'Helvetica Neue', Arial, sans-serif">"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="{}" height="{}"{}/>"#,
        num(w),
        num(h),
        fill(scene.background)
    );
    for (i, l) in scene.layers.iter().enumerate() {
        if l.shapes.is_empty() {
            continue;
        }
        if l.clip.is_some() {
            let _ = writeln!(s, r#"<g clip-path="url(#c{i})">"#);
        } else {
            s.push_str("<g>\n");
        }
        for shape in &l.shapes {
            write_shape(&mut s, scene, shape);
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn write_shape(s: &mut String, scene: &Scene, shape: &Shape) {
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill: f,
            stroke,
        } => {
            // egui strokes rectangles inside their edge: inset the outline by half its width.
            let sw = stroke.map_or(0.0, |st| st.width);
            let r = rect.shrink(sw / 2.0);
            if r.width() <= 0.0 || r.height() <= 0.0 {
                return;
            }
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{}{}{}/>"#,
                num(r.min.x),
                num(r.min.y),
                num(r.width()),
                num(r.height()),
                if *radius > 0.0 {
                    format!(
                        r#" rx="{}""#,
                        num(radius.min(r.width() / 2.0).min(r.height() / 2.0))
                    )
                } else {
                    String::new()
                },
                fill(*f),
                stroke_attr(*stroke)
            );
        }
        Shape::Line { a, b, stroke } => line(s, *a, *b, *stroke),
        // Hatching stays a `<line>` per segment in SVG.
        Shape::Lines { segments, stroke } => {
            for &[a, b] in segments {
                line(s, a, b, *stroke);
            }
        }
        Shape::Polygon {
            points,
            fill: f,
            stroke,
        } => {
            let pts: Vec<String> = points
                .iter()
                .map(|p| format!("{},{}", num(p.x), num(p.y)))
                .collect();
            let _ = writeln!(
                s,
                r#"<polygon points="{}"{}{}/>"#,
                pts.join(" "),
                fill(*f),
                stroke_attr(*stroke)
            );
        }
        Shape::Circle {
            centre,
            radius,
            fill: f,
            stroke,
        } => {
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                num(centre.x),
                num(centre.y),
                num(*radius),
                fill(*f),
                stroke_attr(*stroke)
            );
        }
        Shape::Text {
            pos,
            anchor,
            text,
            size,
            colour,
        } => {
            let h = scene.line_height * size;
            let top = match anchor.y() {
                Align::Min => pos.y,
                Align::Center => pos.y - h / 2.0,
                Align::Max => pos.y - h,
            };
            let baseline = top + scene.ascent * size;
            let ta = match anchor.x() {
                Align::Min => "start",
                Align::Center => "middle",
                Align::Max => "end",
            };
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" font-size="{}"{}{}>{}</text>"#,
                num(pos.x),
                num(baseline),
                num(*size),
                if ta == "start" {
                    String::new()
                } else {
                    format!(r#" text-anchor="{ta}""#)
                },
                fill(*colour),
                escape(text)
            );
        }
    }
}

/// ` fill="#rrggbb"` (with `fill-opacity` when translucent; `none` when invisible).
fn line(s: &mut String, a: Pos2, b: Pos2, stroke: Stroke) {
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
        num(a.x),
        num(a.y),
        num(b.x),
        num(b.y),
        stroke_attr(Some(stroke))
    );
}

fn fill(c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    if a == 0 {
        return r#" fill="none""#.to_string();
    }
    let mut s = format!(r##" fill="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(s, r#" fill-opacity="{}""#, num(f32::from(a) / 255.0));
    }
    s
}

fn stroke_attr(st: Option<Stroke>) -> String {
    let Some(st) = st.filter(|st| st.width > 0.0 && st.color.a() > 0) else {
        return String::new();
    };
    let [r, g, b, a] = st.color.to_srgba_unmultiplied();
    let mut s = format!(
        r##" stroke="#{r:02x}{g:02x}{b:02x}" stroke-width="{}""##,
        num(st.width)
    );
    if a < 255 {
        let _ = write!(s, r#" stroke-opacity="{}""#, num(f32::from(a) / 255.0));
    }
    s
}

/// A number with at most two decimals and no trailing zeros.
fn num(x: f32) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn escape(t: &str) -> String {
    let mut o = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for ch in bytes.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= ch.len() {
                o.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                o.push('=');
            }
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2, Align2};

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn text_is_escaped_and_placed_on_its_baseline() {
        let mut sc = Scene {
            size: vec2(100.0, 50.0),
            background: Color32::WHITE,
            ascent: 0.8,
            line_height: 1.2,
            ..Default::default()
        };
        sc.layer(Some(Rect::from_min_max(pos2(0.0, 0.0), pos2(50.0, 50.0))));
        sc.text(
            pos2(10.0, 20.0),
            Align2::LEFT_CENTER,
            "Kim & <Putin>",
            10.0,
            Color32::BLACK,
        );
        sc.rect(
            Rect::from_min_max(pos2(1.0, 1.0), pos2(9.0, 9.0)),
            2.0,
            Color32::from_black_alpha(128),
            Some(Stroke::new(1.0, Color32::RED)),
        );
        let svg = to_svg(&sc, None);
        assert!(svg.contains("Kim &amp; &lt;Putin&gt;"));
        // Centre 20, box 12 high: top 14, baseline 14 + 8.
        assert!(
            svg.contains(r#"<text x="10" y="22" font-size="10""#),
            "{svg}"
        );
        assert!(svg.contains(r#"clip-path="url(#c0)""#));
        assert!(svg.contains(r#"fill-opacity="0.5""#));
        assert!(svg.contains(r#"x="1.5" y="1.5" width="7" height="7""#));
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.50), "2.5");
    }
}
