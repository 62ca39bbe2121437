//! The chart's colours: a lane palette that stays apart for colour-blind readers and in
//! greyscale print, and the neutral colours around it, for a light and a dark theme.
//!
//! Lanes sit on separate rows with their names beside them, so a lane's colour is a second
//! cue, never the only one; what matters is that *neighbouring* lanes look different to
//! everyone. Each palette therefore alternates darker and lighter colours (adjacent lanes
//! differ by at least 25 L* in greyscale) drawn from Paul Tol's and Okabe & Ito's
//! colour-blind-safe sets, and neighbours stay apart under simulated protanopia,
//! deuteranopia and tritanopia (Machado et al. 2009). Mark *kinds* are told apart by shape
//! and hatching, not colour. The tests check all of this.

use egui::Color32;

const fn hex(v: u32) -> Color32 {
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Light theme lanes: dark/light alternation, all dark enough to read on white.
const LIGHT_LANES: [Color32; 8] = [
    hex(0x004488), // blue
    hex(0xE69F00), // orange
    hex(0x882255), // wine
    hex(0x44BB99), // mint
    hex(0x332288), // indigo
    hex(0xBBBB33), // olive
    hex(0x117733), // green
    hex(0xEE99AA), // pink
];

/// Dark theme lanes: light/lighter alternation, all bright enough on near-black.
const DARK_LANES: [Color32; 8] = [
    hex(0x99DDFF), // pale blue
    hex(0xDD5566), // rose
    hex(0xEEDD88), // sand
    hex(0x4488DD), // blue
    hex(0xAADD99), // pale green
    hex(0xBB55AA), // purple
    hex(0xFFBB66), // apricot
    hex(0x1F8877), // teal
];

/// Every colour the chart uses besides the lanes'.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    /// Behind everything (title, legend, notes).
    pub bg: Color32,
    /// Behind the lanes' plot area.
    pub plot_bg: Color32,
    /// The lane-label column and the axis strip.
    pub panel: Color32,
    /// Every other lane is shaded with this.
    pub stripe: Color32,
    pub grid: Color32,
    pub grid_minor: Color32,
    pub grid_major: Color32,
    pub text: Color32,
    pub weak: Color32,
    /// Behind caption text, so it reads over grid lines and density cells.
    pub caption_bg: Color32,
    /// Around marks, to separate them from what is behind.
    pub outline: Color32,
    pub selected: Color32,
    /// Sources disagree on the date.
    pub conflict: Color32,
    /// The "No country" lane.
    pub no_country: Color32,
}

impl Theme {
    pub fn light() -> Theme {
        Theme::from_visuals(&egui::Visuals::light())
    }

    pub fn dark() -> Theme {
        Theme::from_visuals(&egui::Visuals::dark())
    }

    /// The chart's colours inside a window with these visuals.
    pub fn from_visuals(v: &egui::Visuals) -> Theme {
        let dark = v.dark_mode;
        let text = v.text_color();
        let plot_bg = v.extreme_bg_color;
        Theme {
            dark,
            bg: plot_bg,
            plot_bg,
            panel: v.panel_fill,
            stripe: if dark {
                Color32::from_white_alpha(6)
            } else {
                Color32::from_black_alpha(7)
            },
            grid: text.gamma_multiply(0.12),
            grid_minor: text.gamma_multiply(0.05),
            grid_major: text.gamma_multiply(0.3),
            text,
            weak: v.weak_text_color(),
            caption_bg: plot_bg.gamma_multiply(0.82),
            outline: plot_bg,
            selected: v.selection.stroke.color,
            conflict: Color32::from_rgb(0xd9, 0x7a, 0x1c),
            no_country: Color32::from_gray(if dark { 150 } else { 110 }),
        }
    }

    /// The colour of the lane shown at position `i` (0 = top); `None` is the lane of
    /// events that name no country.
    pub fn lane(&self, i: usize, has_country: bool) -> Color32 {
        if !has_country {
            return self.no_country;
        }
        let p = if self.dark { &DARK_LANES } else { &LIGHT_LANES };
        p[i % p.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linear(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn rgb(c: Color32) -> [f64; 3] {
        [linear(c.r()), linear(c.g()), linear(c.b())]
    }

    /// Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB.
    const CVD: [[[f64; 3]; 3]; 3] = [
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ];

    fn simulate(m: &[[f64; 3]; 3], c: [f64; 3]) -> [f64; 3] {
        let mut o = [0.0; 3];
        for (i, row) in m.iter().enumerate() {
            o[i] = (row[0] * c[0] + row[1] * c[1] + row[2] * c[2]).clamp(0.0, 1.0);
        }
        o
    }

    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (p, q) = (lab(a), lab(b));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    fn check(theme: Theme, l_range: (f64, f64)) {
        let lanes: Vec<Color32> = (0..8).map(|i| theme.lane(i, true)).collect();
        for i in 0..lanes.len() {
            let (a, b) = (rgb(lanes[i]), rgb(lanes[(i + 1) % lanes.len()]));
            let dl = (lab(a)[0] - lab(b)[0]).abs();
            assert!(
                dl >= 25.0,
                "lanes {i} and {} too close in greyscale: {dl:.0}",
                i + 1
            );
            for (k, m) in CVD.iter().enumerate() {
                let d = delta_e(simulate(m, a), simulate(m, b));
                assert!(
                    d >= 25.0,
                    "lanes {i}/{}: only {d:.0} apart in deficiency {k}",
                    i + 1
                );
            }
            let l = lab(a)[0];
            assert!(
                (l_range.0..=l_range.1).contains(&l),
                "lane {i}: L* {l:.0} does not stand out from the background"
            );
        }
        // The "No country" lane is neutral.
        let g = theme.lane(0, false);
        assert!(g.r() == g.g() && g.g() == g.b());
    }

    #[test]
    fn neighbouring_lanes_stay_apart_for_everyone_and_in_print() {
        check(Theme::light(), (20.0, 75.0));
        check(Theme::dark(), (45.0, 90.0));
    }
}
