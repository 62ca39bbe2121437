//! A display list: the chart as rectangles, lines, polygons, circles and text, in logical
//! px. One painting code fills it; it is then drawn by egui in the window, written as SVG
//! (text kept as `<text>`), or tessellated and rasterised on the CPU for PNG.

use egui::{pos2, Align2, Color32, Pos2, Rect, Stroke, Vec2};

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// Filled (and optionally outlined, inside its edge) rectangle.
    Rect {
        rect: Rect,
        radius: f32,
        fill: Color32,
        stroke: Option<Stroke>,
    },
    Line {
        a: Pos2,
        b: Pos2,
        stroke: Stroke,
    },
    /// Separate line segments sharing one stroke, drawn as one shape (a span's hatching:
    /// one egui mesh instead of a shape per segment).
    Lines {
        segments: Vec<[Pos2; 2]>,
        stroke: Stroke,
    },
    /// A convex polygon.
    Polygon {
        points: Vec<Pos2>,
        fill: Color32,
        stroke: Option<Stroke>,
    },
    Circle {
        centre: Pos2,
        radius: f32,
        fill: Color32,
        stroke: Option<Stroke>,
    },
    /// One line of text; `anchor` says which point of its box `pos` is.
    Text {
        pos: Pos2,
        anchor: Align2,
        text: String,
        size: f32,
        colour: Color32,
    },
}

/// Shapes sharing a clip rectangle.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layer {
    pub clip: Option<Rect>,
    pub shapes: Vec<Shape>,
}

/// A whole picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub size: Vec2,
    pub background: Color32,
    pub layers: Vec<Layer>,
    /// Baseline below a text box's top and the box's height, per px of font size (for
    /// writers that place text by its baseline, like SVG).
    pub ascent: f32,
    pub line_height: f32,
}

impl Scene {
    /// Starts a layer clipped to `clip` (or not clipped); shapes go to the last layer.
    pub fn layer(&mut self, clip: Option<Rect>) {
        self.layers.push(Layer {
            clip,
            shapes: Vec::new(),
        });
    }

    /// The clip rectangle of the layer shapes go to now.
    pub fn clip(&self) -> Option<Rect> {
        self.layers.last().and_then(|l| l.clip)
    }

    pub fn push(&mut self, s: Shape) {
        if self.layers.is_empty() {
            self.layer(None);
        }
        if let Some(l) = self.layers.last_mut() {
            l.shapes.push(s);
        }
    }

    pub fn rect(&mut self, rect: Rect, radius: f32, fill: Color32, stroke: Option<Stroke>) {
        self.push(Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        });
    }

    pub fn line(&mut self, a: Pos2, b: Pos2, stroke: Stroke) {
        self.push(Shape::Line { a, b, stroke });
    }

    pub fn text(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: impl Into<String>,
        size: f32,
        colour: Color32,
    ) {
        self.push(Shape::Text {
            pos,
            anchor,
            text: text.into(),
            size,
            colour,
        });
    }

    /// Number of shapes (for tests and budgets).
    pub fn len(&self) -> usize {
        self.layers.iter().map(|l| l.shapes.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every text of the scene, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.layers.iter().flat_map(|l| {
            l.shapes.iter().filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
        })
    }

    /// Draws the scene with egui, moved by `offset`.
    pub fn paint(&self, painter: &egui::Painter, offset: Vec2) {
        let base = painter.clip_rect();
        for layer in &self.layers {
            let p = match layer.clip {
                Some(c) => painter.with_clip_rect(c.translate(offset).intersect(base)),
                None => painter.clone(),
            };
            for s in &layer.shapes {
                paint_shape(&p, s, offset);
            }
        }
    }
}

fn paint_shape(p: &egui::Painter, s: &Shape, o: Vec2) {
    match s {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        } => {
            let r = rect.translate(o);
            let cr = egui::CornerRadius::same(radius.round().clamp(0.0, 255.0) as u8);
            p.rect(
                r,
                cr,
                *fill,
                stroke.unwrap_or(Stroke::NONE),
                egui::StrokeKind::Inside,
            );
        }
        Shape::Line { a, b, stroke } => {
            p.line_segment([*a + o, *b + o], *stroke);
        }
        Shape::Lines { segments, stroke } => paint_lines(p, segments, *stroke, o),
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => {
            p.add(egui::Shape::convex_polygon(
                points.iter().map(|q| *q + o).collect(),
                *fill,
                stroke.unwrap_or(Stroke::NONE),
            ));
        }
        Shape::Circle {
            centre,
            radius,
            fill,
            stroke,
        } => {
            p.circle(*centre + o, *radius, *fill, stroke.unwrap_or(Stroke::NONE));
        }
        Shape::Text {
            pos,
            anchor,
            text,
            size,
            colour,
        } => {
            p.text(
                *pos + o,
                *anchor,
                text,
                egui::FontId::proportional(*size),
                *colour,
            );
        }
    }
}

/// Clips segment `a`–`b` to `r` (Liang–Barsky); `None` when nothing of it is inside.
/// Line segments as one mesh, vertex for vertex what egui's tessellator makes of each
/// segment alone (a feathered stroke with feathered caps), so the pixels are the same; the
/// saving is one shape, one normal per run of parallel segments and no path scratchpad per
/// segment. Where egui would take another path (no anti-aliasing, a stroke thinner than a
/// pixel, a segment it snaps to pixels), each segment goes to egui as before.
fn paint_lines(p: &egui::Painter, segments: &[[Pos2; 2]], stroke: Stroke, o: Vec2) {
    if segments.is_empty() || stroke.is_empty() {
        return;
    }
    let (aa, feather_px) = p
        .ctx()
        .tessellation_options(|t| (t.feathering, t.feathering_size_in_pixels));
    let feathering = feather_px / p.ctx().pixels_per_point();
    let own_mesh = aa && feathering > 0.0 && stroke.width > 0.9 * feathering;
    let mut mesh = egui::Mesh::default();
    if own_mesh {
        // Eight vertices and ten triangles a segment, allocated once.
        mesh.reserve_vertices(8 * segments.len());
        mesh.reserve_triangles(10 * segments.len());
    }
    let outer = Color32::TRANSPARENT;
    let inner_rad = 0.5 * (stroke.width - feathering);
    let outer_rad = 0.5 * (stroke.width + feathering);
    let mut last_dir = Vec2::ZERO;
    let mut normal = Vec2::ZERO;
    for &[a, b] in segments {
        let (a, b) = (a + o, b + o);
        if !own_mesh || a.x == b.x || a.y == b.y {
            p.line_segment([a, b], stroke);
            continue;
        }
        let d = b - a;
        if d != last_dir {
            last_dir = d;
            normal = d.normalized().rot90();
        }
        let idx = mesh.vertices.len() as u32;
        let n = normal;
        let back = n.rot90() * feathering;
        for (q, ext) in [(a, back), (b, -back)] {
            mesh.colored_vertex(q + n * outer_rad + ext, outer);
            mesh.colored_vertex(q + n * inner_rad, stroke.color);
            mesh.colored_vertex(q - n * inner_rad, stroke.color);
            mesh.colored_vertex(q - n * outer_rad + ext, outer);
        }
        let (i0, i1) = (idx, idx + 4);
        for t in [
            [i0, i0 + 1, i0 + 2],
            [i0, i0 + 2, i0 + 3],
            [i0, i0 + 1, i1],
            [i0 + 1, i1, i1 + 1],
            [i0 + 1, i0 + 2, i1 + 1],
            [i0 + 2, i1 + 1, i1 + 2],
            [i0 + 2, i0 + 3, i1 + 2],
            [i0 + 3, i1 + 2, i1 + 3],
            [i1, i1 + 1, i1 + 2],
            [i1, i1 + 2, i1 + 3],
        ] {
            mesh.add_triangle(t[0], t[1], t[2]);
        }
    }
    if !mesh.is_empty() {
        p.add(egui::Shape::mesh(mesh));
    }
}

pub fn clip_segment(a: Pos2, b: Pos2, r: Rect) -> Option<(Pos2, Pos2)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-dx, a.x - r.min.x),
        (dx, r.max.x - a.x),
        (-dy, a.y - r.min.y),
        (dy, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| {
        (
            pos2(a.x + t0 * dx, a.y + t0 * dy),
            pos2(a.x + t1 * dx, a.y + t1 * dy),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_clipped_to_the_rectangle() {
        let r = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
        let (a, b) = clip_segment(pos2(-5.0, 5.0), pos2(15.0, 5.0), r).unwrap();
        assert_eq!((a, b), (pos2(0.0, 5.0), pos2(10.0, 5.0)));
        assert!(clip_segment(pos2(-5.0, -5.0), pos2(-1.0, 20.0), r).is_none());
        let (a, b) = clip_segment(pos2(-2.0, 12.0), pos2(12.0, -2.0), r).unwrap();
        assert!((a.x - 0.0).abs() < 1e-5 && (a.y - 10.0).abs() < 1e-5);
        assert!((b.x - 10.0).abs() < 1e-5 && (b.y - 0.0).abs() < 1e-5);
    }

    #[test]
    fn shapes_go_to_the_last_layer() {
        let mut s = Scene::default();
        s.text(Pos2::ZERO, Align2::LEFT_TOP, "a", 12.0, Color32::BLACK);
        s.layer(Some(Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0))));
        s.text(Pos2::ZERO, Align2::LEFT_TOP, "b", 12.0, Color32::BLACK);
        assert_eq!(s.layers.len(), 2);
        assert_eq!(s.layers[1].shapes.len(), 1);
        assert_eq!(s.texts().collect::<Vec<_>>(), vec!["a", "b"]);
    }
}
