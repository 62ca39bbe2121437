//! Colours and spacing shared by the panels, so a briefing screenshot looks the same
//! whichever panel drew what.

use egui::Color32;

/// Background of the date phrase in a source paragraph.
pub fn date_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(122, 92, 20)
    } else {
        Color32::from_rgb(255, 221, 128)
    }
}

/// Background of a country mention in a source paragraph.
pub fn country_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(30, 70, 120)
    } else {
        Color32::from_rgb(190, 222, 255)
    }
}

/// Text colour for warnings (low confidence, conflicting dates, per-file problems).
pub fn warning(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(240, 180, 80)
    } else {
        Color32::from_rgb(170, 95, 0)
    }
}

/// Text colour for errors.
pub fn error(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 120, 110)
    } else {
        Color32::from_rgb(190, 30, 30)
    }
}

/// Applies the app's look: a light theme (briefing slides are light) with slightly larger
/// spacing than egui's default.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|s| {
        s.spacing.item_spacing = egui::vec2(8.0, 5.0);
        s.spacing.button_padding = egui::vec2(6.0, 3.0);
    });
}
