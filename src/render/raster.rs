//! A CPU rasteriser for egui's tessellated meshes: the PNG export needs no window and no
//! GPU, and looks like the window because it draws the very triangles egui would.
//!
//! Each triangle is filled at pixel centres with edge functions and the *top-left rule*
//! (a pixel centre exactly on an edge shared by two triangles belongs to one of them), so
//! the thin anti-aliasing triangles egui adds along every edge ("feathering") are not
//! blended twice. Colours and texels are premultiplied sRGB, interpolated and blended in
//! gamma space as egui's own renderers do; the font atlas is sampled bilinearly.

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, ColorImage};

/// An RGBA8 picture being drawn into (premultiplied while drawing).
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<[u8; 4]>,
}

impl Canvas {
    pub fn new(width: usize, height: usize, background: Color32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![background.to_array(); width * height],
        }
    }

    /// Draws egui's primitives (positions in points) at `ppp` pixels per point, sampling
    /// `texture` (the font atlas) for textured vertices.
    pub fn draw(&mut self, prims: &[ClippedPrimitive], texture: &ColorImage, ppp: f32) {
        let tex = Texture::new(texture);
        for p in prims {
            let Primitive::Mesh(mesh) = &p.primitive else {
                continue;
            };
            let c = p.clip_rect;
            let clip = [
                ((c.min.x * ppp).round().max(0.0) as usize).min(self.width),
                ((c.min.y * ppp).round().max(0.0) as usize).min(self.height),
                ((c.max.x * ppp).round().max(0.0) as usize).min(self.width),
                ((c.max.y * ppp).round().max(0.0) as usize).min(self.height),
            ];
            if clip[0] >= clip[2] || clip[1] >= clip[3] {
                continue;
            }
            for t in mesh.indices.chunks_exact(3) {
                let v = |i: u32| mesh.vertices.get(i as usize).copied();
                if let (Some(a), Some(b), Some(c)) = (v(t[0]), v(t[1]), v(t[2])) {
                    self.triangle([a, b, c], ppp, clip, &tex);
                }
            }
        }
    }

    /// The picture as straight (unpremultiplied) RGBA bytes.
    pub fn into_rgba(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.pixels.len() * 4);
        for p in self.pixels {
            out.extend_from_slice(
                &Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3]).to_srgba_unmultiplied(),
            );
        }
        out
    }

    fn triangle(&mut self, v: [Vertex; 3], ppp: f32, clip: [usize; 4], tex: &Texture) {
        let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
        let edge = |a: (f32, f32), b: (f32, f32), x: f32, y: f32| {
            (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)
        };
        let mut v = v;
        let mut p = p;
        let mut area = edge(p[0], p[1], p[2].0, p[2].1);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        if area < 0.0 {
            v.swap(1, 2);
            p.swap(1, 2);
            area = -area;
        }
        let min_x = p.iter().map(|q| q.0).fold(f32::INFINITY, f32::min);
        let max_x = p.iter().map(|q| q.0).fold(f32::NEG_INFINITY, f32::max);
        let min_y = p.iter().map(|q| q.1).fold(f32::INFINITY, f32::min);
        let max_y = p.iter().map(|q| q.1).fold(f32::NEG_INFINITY, f32::max);
        let x0 = ((min_x - 0.5).floor().max(clip[0] as f32)) as usize;
        let y0 = ((min_y - 0.5).floor().max(clip[1] as f32)) as usize;
        let x1 = ((max_x + 0.5).ceil().min(clip[2] as f32)) as usize;
        let y1 = ((max_y + 0.5).ceil().min(clip[3] as f32)) as usize;
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        // Edge k is opposite vertex k; a centre exactly on it counts for top and left edges.
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        let top_left = edges.map(|(a, b)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            dy < 0.0 || (dy == 0.0 && dx > 0.0)
        });
        let col = v.map(|v| v.color.to_array().map(f32::from));
        let flat_colour = col[0] == col[1] && col[1] == col[2];
        let flat_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
        let flat_texel = flat_uv.then(|| tex.sample(v[0].uv.x, v[0].uv.y));
        let inv = 1.0 / area;
        for y in y0..y1 {
            let py = y as f32 + 0.5;
            let row = y * self.width;
            for x in x0..x1 {
                let px = x as f32 + 0.5;
                let mut w = [0.0f32; 3];
                let mut inside = true;
                for k in 0..3 {
                    let e = edge(edges[k].0, edges[k].1, px, py);
                    if e < 0.0 || (e == 0.0 && !top_left[k]) {
                        inside = false;
                        break;
                    }
                    w[k] = e * inv;
                }
                if !inside {
                    continue;
                }
                let c = if flat_colour {
                    col[0]
                } else {
                    let mut c = [0.0f32; 4];
                    for (i, ci) in c.iter_mut().enumerate() {
                        *ci = w[0] * col[0][i] + w[1] * col[1][i] + w[2] * col[2][i];
                    }
                    c
                };
                let t = match flat_texel {
                    Some(t) => t,
                    None => {
                        let u = w[0] * v[0].uv.x + w[1] * v[1].uv.x + w[2] * v[2].uv.x;
                        let s = w[0] * v[0].uv.y + w[1] * v[1].uv.y + w[2] * v[2].uv.y;
                        tex.sample(u, s)
                    }
                };
                let src = [
                    c[0] * t[0] / 255.0,
                    c[1] * t[1] / 255.0,
                    c[2] * t[2] / 255.0,
                    c[3] * t[3] / 255.0,
                ];
                if src[3] <= 0.0 && src[0] <= 0.0 && src[1] <= 0.0 && src[2] <= 0.0 {
                    continue;
                }
                let d = &mut self.pixels[row + x];
                let keep = 1.0 - src[3] / 255.0;
                for i in 0..4 {
                    d[i] = (src[i] + f32::from(d[i]) * keep).round().clamp(0.0, 255.0) as u8;
                }
            }
        }
    }
}

/// The font atlas, sampled bilinearly in texel space.
struct Texture<'a> {
    img: &'a ColorImage,
}

impl<'a> Texture<'a> {
    fn new(img: &'a ColorImage) -> Self {
        Texture { img }
    }

    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let [w, h] = self.img.size;
        if w == 0 || h == 0 {
            return [255.0; 4];
        }
        let x = x.clamp(0, w as i64 - 1) as usize;
        let y = y.clamp(0, h as i64 - 1) as usize;
        self.img.pixels[y * w + x].to_array().map(f32::from)
    }

    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let [w, h] = self.img.size;
        let (fx, fy) = (u * w as f32 - 0.5, v * h as f32 - 0.5);
        let (x0, y0) = (fx.floor(), fy.floor());
        let (tx, ty) = (fx - x0, fy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let (a, b) = (self.texel(x0, y0), self.texel(x0 + 1, y0));
        let (c, d) = (self.texel(x0, y0 + 1), self.texel(x0 + 1, y0 + 1));
        let mut out = [0.0; 4];
        for i in 0..4 {
            let top = a[i] + (b[i] - a[i]) * tx;
            let bottom = c[i] + (d[i] - c[i]) * tx;
            out[i] = top + (bottom - top) * ty;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Vertex};
    use egui::{pos2, Pos2, Rect};

    fn white() -> ColorImage {
        ColorImage::new([1, 1], vec![Color32::WHITE])
    }

    fn quad(mesh: &mut Mesh, r: Rect, c: Color32) {
        let i = mesh.vertices.len() as u32;
        for p in [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ] {
            mesh.vertices.push(Vertex {
                pos: p,
                uv: Pos2::ZERO,
                color: c,
            });
        }
        mesh.indices.extend([i, i + 1, i + 2, i, i + 2, i + 3]);
    }

    fn prim(mesh: Mesh) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }
    }

    #[test]
    fn shared_edges_are_filled_once() {
        // A half-transparent square made of two triangles: the diagonal must not be darker.
        let mut mesh = Mesh::default();
        quad(
            &mut mesh,
            Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 8.0)),
            Color32::from_black_alpha(128),
        );
        let mut c = Canvas::new(8, 8, Color32::WHITE);
        c.draw(&[prim(mesh)], &white(), 1.0);
        let first = c.pixels[0];
        assert!(c.pixels.iter().all(|p| *p == first), "{:?}", c.pixels);
        assert!(first[0] > 100 && first[0] < 140);
        // Two squares sharing an edge at x = 4: no seam either.
        let mut mesh = Mesh::default();
        let half = Color32::from_black_alpha(128);
        quad(
            &mut mesh,
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 8.0)),
            half,
        );
        quad(
            &mut mesh,
            Rect::from_min_max(pos2(4.0, 0.0), pos2(8.0, 8.0)),
            half,
        );
        let mut c = Canvas::new(8, 8, Color32::WHITE);
        c.draw(&[prim(mesh)], &white(), 1.0);
        assert!(c.pixels.iter().all(|p| *p == first));
    }

    #[test]
    fn scale_and_clip_are_applied() {
        let mut mesh = Mesh::default();
        quad(
            &mut mesh,
            Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 3.0)),
            Color32::RED,
        );
        let mut c = Canvas::new(8, 8, Color32::WHITE);
        c.draw(&[prim(mesh.clone())], &white(), 2.0);
        let red = |c: &Canvas, x: usize, y: usize| c.pixels[y * 8 + x] == Color32::RED.to_array();
        assert!(red(&c, 2, 2) && red(&c, 5, 5));
        assert!(!red(&c, 1, 1) && !red(&c, 6, 6));
        let mut c = Canvas::new(8, 8, Color32::WHITE);
        let clipped = ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 8.0)),
            primitive: Primitive::Mesh(mesh),
        };
        c.draw(&[clipped], &white(), 2.0);
        assert!(red(&c, 3, 3) && !red(&c, 4, 3));
        let rgba = c.into_rgba();
        assert_eq!(rgba.len(), 8 * 8 * 4);
    }
}
