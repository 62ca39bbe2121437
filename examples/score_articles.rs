//! Scores `read_html` against the article-extraction benchmark folder (see its README):
//! `\w+` tokens, 4-gram shingle multisets, per-page normalised TP/FP/FN, mean precision and
//! recall, F1 = 2PR/(P+R), accuracy = share of pages whose token lists are equal.
//!
//! cargo run --release --example score_articles -- /work/shared/articles-bench [--errors N] [--dump ID] [--with-captions] [--half tune|check] [--dates]
//!
//! Figures are printed for all pages and for each half of the fixed split
//! (`common/split.rs`); `--half` limits the error list and dumps to one half.
//!
//! The prediction is what `dateline text` prints: the non-caption blocks joined by blank
//! lines (captions stay in the article for events, but the benchmark's truth, like other
//! extractors' "main text", has none). `--with-captions` scores all blocks instead.
//!
//! Speed is decode + extract + metadata on one core (gunzip excluded).

use dateline::ingest::decode::decode;
use dateline::ingest::html::read_html;
use std::io::Write;
use std::time::{Duration, Instant};

#[path = "common/shingle_score.rs"]
mod shingle_score;
use shingle_score::score;
#[path = "common/split.rs"]
mod split;
use split::Half;

/// `println!` that stops quietly when the reader goes away (`| head`).
macro_rules! say {
    ($($t:tt)*) => {
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    };
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .cloned()
        .unwrap_or_else(|| "/work/shared/articles-bench".into());
    let mut errors = 0usize;
    let mut dump: Option<String> = None;
    let mut with_captions = false;
    // One line per page with every publication-date candidate (there is no date truth here:
    // disagreement between candidates is what to look at).
    let dates = args.iter().any(|a| a == "--dates");
    // Which half the error list and dumps come from (the figures cover both halves).
    let only = split::half_arg(&args);
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--errors" => {
                errors = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(10);
                i += 1;
            }
            "--with-captions" => with_captions = true,
            // The old flag is now the default.
            "--no-captions" => with_captions = false,
            "--dump" => {
                dump = args.get(i + 1).cloned();
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    let (ids, gt) = shingle_score::ground_truth(&dir);
    let mut rows = Vec::new();
    let (mut sum_p, mut sum_r, mut exact) = (0.0, 0.0, 0usize);
    let mut t_all = Duration::ZERO;
    let mut t_decode = Duration::ZERO;
    let mut bytes_total = 0usize;
    let mut dated = 0usize;
    let mut hidden_used: Vec<String> = Vec::new();
    for id in ids {
        if let Some(d) = &dump {
            if !id.starts_with(d.as_str()) {
                continue;
            }
        }
        if dump.is_some() && only.is_some_and(|h| Half::of(&format!("{id}.html.gz")) != h) {
            continue;
        }
        let Some(raw) = shingle_score::page_html(&dir, &id) else {
            continue;
        };
        bytes_total += raw.len();
        let t0 = Instant::now();
        let _ = std::hint::black_box(decode(&raw, true));
        t_decode += t0.elapsed();
        let t0 = Instant::now();
        let art = read_html(&raw);
        t_all += t0.elapsed();
        if !art.published.is_empty() {
            dated += 1;
        }
        // Pages whose text came from a copy the page keeps for scripts (articleBody,
        // <noscript>, <template>) rather than its visible body.
        if let Some(pr) = art
            .problems
            .iter()
            .find(|p| p.message.contains("visible text too short"))
        {
            hidden_used.push(format!(
                "{} {}: {}",
                &id[..8.min(id.len())],
                Half::of(&format!("{id}.html.gz")).name(),
                pr.message
            ));
        }
        if dates && only.is_none_or(|h| Half::of(&format!("{id}.html.gz")) == h) {
            let ev: Vec<String> = art
                .published
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {:.2} [{}]",
                        e.date,
                        e.source.as_str(),
                        e.confidence,
                        e.note
                    )
                })
                .collect();
            let url = gt[id.as_str()]["url"].as_str().unwrap_or("");
            say!(
                "{} {url}\n    {}\n    modified {:?}",
                &id[..8],
                ev.join("\n    "),
                art.modified.as_ref().map(|m| (m.date, m.note.as_str()))
            );
        }
        let pred = art
            .blocks
            .iter()
            .filter(|b| with_captions || b.kind != dateline::model::ParagraphKind::Caption)
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let truth = gt[id.as_str()]["articleBody"].as_str().unwrap_or("");
        let (p, r, eq) = score(truth, &pred);
        if dump.is_some() {
            say!("{}", dateline::ingest::html::explain(&raw));
            say!(
                "== {id} P {p:.3} R {r:.3}\n-- title: {:?}\n-- dates: {:?}",
                art.title,
                art.published
            );
            for b in &art.blocks {
                say!("[{:?}] {}", b.kind, b.text);
            }
            say!("-- TRUTH --\n{truth}");
        }
        sum_p += p;
        sum_r += r;
        exact += eq as usize;
        let url = gt[id.as_str()]["url"].as_str().unwrap_or("").to_string();
        let half = Half::of(&format!("{id}.html.gz"));
        rows.push((id.clone(), url, p, r, half, eq));
    }
    let n = rows.len().max(1) as f64;
    let (p, r) = (sum_p / n, sum_r / n);
    let f1 = shingle_score::f1(p, r);
    say!(
        "pages {}  precision {p:.3}  recall {r:.3}  F1 {f1:.3}  accuracy {:.3}",
        rows.len(),
        exact as f64 / n
    );
    for half in [Half::Tune, Half::Check] {
        let part: Vec<_> = rows.iter().filter(|x| x.4 == half).collect();
        let k = part.len().max(1) as f64;
        let p = part.iter().map(|x| x.2).sum::<f64>() / k;
        let r = part.iter().map(|x| x.3).sum::<f64>() / k;
        say!(
            "  {} half: pages {}  precision {p:.3}  recall {r:.3}  F1 {:.3}  accuracy {:.3}",
            half.name(),
            part.len(),
            shingle_score::f1(p, r),
            part.iter().filter(|x| x.5).count() as f64 / k
        );
    }
    let secs = t_all.as_secs_f64();
    say!(
        "speed {:.0} pages/s, {:.1} MB/s (decode alone {:.0}% of time); pages with a date: {dated}",
        n / secs,
        bytes_total as f64 / 1e6 / secs,
        100.0 * t_decode.as_secs_f64() / secs
    );
    say!("pages read from a hidden copy: {}", hidden_used.len());
    for h in &hidden_used {
        say!("  {h}");
    }
    if errors > 0 {
        rows.sort_by(|a, b| {
            let fa = 2.0 * a.2 * a.3 / (a.2 + a.3).max(1e-9);
            let fb = 2.0 * b.2 * b.3 / (b.2 + b.3).max(1e-9);
            fa.total_cmp(&fb)
        });
        let listed = rows.iter().filter(|x| only.is_none_or(|h| x.4 == h));
        for (id, url, p, r, half, _) in listed.take(errors) {
            say!(
                "P {p:.3} R {r:.3}  {}  {:5}  {url}",
                &id[..8.min(id.len())],
                half.name()
            );
        }
    }
}
