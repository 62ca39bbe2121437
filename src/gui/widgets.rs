//! Small widgets the panels share. Drawn as shapes: egui's bundled font has no star or
//! arrow glyphs.

use egui::{pos2, vec2, Color32, Pos2, Response, Sense, Shape, Stroke, Ui, WidgetInfo};

/// The ten corners of a five-pointed star around `c`, outer radius `r`, point up.
fn star_points(c: Pos2, r: f32) -> Vec<Pos2> {
    (0..10)
        .map(|i| {
            let radius = if i % 2 == 0 { r } else { r * 0.45 };
            let a = std::f32::consts::PI * (i as f32 / 5.0) - std::f32::consts::FRAC_PI_2;
            pos2(c.x + radius * a.cos(), c.y + radius * a.sin())
        })
        .collect()
}

/// Paints a star: filled when `filled`, else an outline.
pub fn paint_star(painter: &egui::Painter, c: Pos2, r: f32, filled: bool, colour: Color32) {
    let pts = star_points(c, r);
    if filled {
        // Concave: fill the inner pentagon and the five points apart.
        let inner: Vec<Pos2> = pts.iter().skip(1).step_by(2).copied().collect();
        painter.add(Shape::convex_polygon(inner, colour, Stroke::NONE));
        for i in (0..10).step_by(2) {
            let tri = vec![pts[(i + 9) % 10], pts[i], pts[i + 1]];
            painter.add(Shape::convex_polygon(tri, colour, Stroke::NONE));
        }
    } else {
        painter.add(Shape::closed_line(pts, Stroke::new(1.2, colour)));
    }
}

/// A star that toggles a pin: filled when pinned. Its accessible name is "Pin" or "Unpin".
pub fn pin_toggle(ui: &mut Ui, pinned: bool) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::click());
    let label = if pinned { "Unpin" } else { "Pin" };
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, label));
    if ui.is_rect_visible(rect) {
        let colour = if pinned {
            Color32::from_rgb(0xE0, 0xA0, 0x10)
        } else if response.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        paint_star(ui.painter(), rect.center(), size * 0.45, pinned, colour);
    }
    response
}

/// A fixed-size dialog window centred in the app (help, the hand-off prompt): `open` is
/// cleared when the user closes it with its ×.
pub fn centred_dialog<'a>(
    title: &str,
    ctx: &egui::Context,
    open: &'a mut bool,
) -> egui::Window<'a> {
    egui::Window::new(title.to_string())
        .open(open)
        .resizable(false)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}
