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

/// Applies the app's look: follow the system's light or dark setting (light when the
/// system does not say: briefing slides are light), with slightly larger spacing than
/// egui's default.
pub fn apply(ctx: &egui::Context, preference: egui::ThemePreference) {
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    ctx.set_theme(preference);
    ctx.all_styles_mut(|s| {
        s.spacing.item_spacing = egui::vec2(8.0, 5.0);
        s.spacing.button_padding = egui::vec2(6.0, 3.0);
    });
}

/// The default colour of the `i`-th lane (in the timeline's natural order): the same
/// colour-blind-safe palette as rendered charts (`render::palette`), so the window, the
/// coverage chart and exports agree. Keyed by the natural order, not the position on screen,
/// so hiding or moving a lane does not recolour the others.
pub fn lane_colour(i: usize, dark: bool) -> Color32 {
    let theme = if dark {
        crate::render::palette::Theme::dark()
    } else {
        crate::render::palette::Theme::light()
    };
    theme.lane(i, true)
}

/// A user-chosen lane colour.
pub fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}
