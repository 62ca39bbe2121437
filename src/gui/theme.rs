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

/// Lane colours: Paul Tol's "muted" scheme, which colour-blind readers can tell apart,
/// ordered so that neighbouring lanes differ in lightness by a fifth of the scale or more
/// (they stay apart in greyscale print).
const LANES: [[u8; 3]; 9] = [
    [0x33, 0x22, 0x88], // indigo
    [0x88, 0xCC, 0xEE], // cyan
    [0xAA, 0x44, 0x99], // purple
    [0xDD, 0xCC, 0x77], // sand
    [0x44, 0xAA, 0x99], // teal
    [0x11, 0x77, 0x33], // green
    [0x99, 0x99, 0x33], // olive
    [0x88, 0x22, 0x55], // wine
    [0xCC, 0x66, 0x77], // rose
];

/// The default colour of the `i`-th lane (in the timeline's natural order). After nine
/// lanes the scheme repeats, lighter then darker, so that repeated hues stay apart. On a
/// dark background the darkest colours are lifted so they do not sink into it.
pub fn lane_colour(i: usize, dark: bool) -> Color32 {
    let [r, g, b] = LANES[i % LANES.len()];
    let c = Color32::from_rgb(r, g, b);
    let c = match (i / LANES.len()) % 3 {
        1 => c.lerp_to_gamma(Color32::WHITE, 0.35),
        2 => c.lerp_to_gamma(Color32::BLACK, 0.3),
        _ => c,
    };
    let luma = 0.299 * f32::from(c.r()) + 0.587 * f32::from(c.g()) + 0.114 * f32::from(c.b());
    if dark && luma < 60.0 {
        c.lerp_to_gamma(Color32::WHITE, 0.4)
    } else {
        c
    }
}

/// A user-chosen lane colour.
pub fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(c: Color32) -> f32 {
        0.299 * f32::from(c.r()) + 0.587 * f32::from(c.g()) + 0.114 * f32::from(c.b())
    }

    #[test]
    fn neighbouring_lanes_differ_in_greyscale_and_colours_repeat_apart() {
        for dark in [false, true] {
            for i in 0..8 {
                let (a, b) = (lane_colour(i, dark), lane_colour(i + 1, dark));
                assert!(
                    (grey(a) - grey(b)).abs() > 50.0,
                    "lanes {i} and {} too close in grey ({dark})",
                    i + 1
                );
            }
            let distinct: std::collections::HashSet<Color32> =
                (0..27).map(|i| lane_colour(i, dark)).collect();
            assert_eq!(distinct.len(), 27);
        }
    }
}
