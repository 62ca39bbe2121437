//! `cargo bench --bench html`: speed of `read_html` (decode + parse + metadata + main text)
//! on generated news-like pages (navigation, scripts, article, related list, comments,
//! footer), about 120 KB each like saved pages from real sites. Prints pages/s and MB/s,
//! the median of several runs, on one core.

use dateline::ingest::html::read_html;
use std::time::Instant;

/// A small deterministic generator so pages differ without any external data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "council",
    "minister",
    "river",
    "harbour",
    "agreement",
    "election",
    "village",
    "report",
    "market",
    "budget",
    "talks",
    "border",
    "summit",
    "farmers",
    "officials",
    "weather",
    "the",
    "a",
    "of",
    "and",
    "in",
    "on",
    "said",
    "would",
    "after",
    "before",
    "new",
    "old",
    "Tuesday",
    "March",
    "2021",
    "week",
    "school",
    "station",
    "plan",
    "mayor",
    "court",
];

fn sentence(r: &mut Rng) -> String {
    let n = 12 + (r.next() % 18) as usize;
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(r.pick(WORDS));
        if i == n / 2 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

fn page(seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut s = String::from("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    s.push_str("<title>Generated story</title>");
    s.push_str("<meta property=\"article:published_time\" content=\"2021-03-03T10:00:00Z\">");
    s.push_str("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-03-03\",\"headline\":\"Generated\"}</script>");
    for _ in 0..6 {
        s.push_str("<script>");
        for _ in 0..120 {
            s.push_str(
                "window.dataLayer=window.dataLayer||[];function g(){dataLayer.push(arguments)}\n",
            );
        }
        s.push_str("</script><style>.a{color:red}.b{margin:0 auto}</style>");
    }
    s.push_str("</head><body><header class=\"site-header\"><nav class=\"main-nav\"><ul>");
    for i in 0..80 {
        s.push_str(&format!(
            "<li class=\"nav-item\"><a href=\"/section/{i}\">{}</a></li>",
            r.pick(WORDS)
        ));
    }
    s.push_str("</ul></nav></header><main><article class=\"story\"><h1>Generated story</h1>");
    s.push_str("<div class=\"byline\">By A Writer</div><div class=\"story-body\">");
    for _ in 0..25 {
        s.push_str("<p>");
        for _ in 0..4 {
            s.push_str(&sentence(&mut r));
            s.push(' ');
        }
        s.push_str("</p>\n");
    }
    s.push_str("</div><div class=\"related-stories\"><ul>");
    for i in 0..30 {
        s.push_str(&format!(
            "<li><a href=\"/story/{i}\">{}</a></li>",
            sentence(&mut r)
        ));
    }
    s.push_str("</ul></div></article><section class=\"comments\">");
    for _ in 0..40 {
        s.push_str(&format!(
            "<div class=\"comment\"><p>{}</p></div>",
            sentence(&mut r)
        ));
    }
    s.push_str("</section></main><footer class=\"site-footer\">");
    for i in 0..60 {
        s.push_str(&format!("<a href=\"/f/{i}\">footer link {i}</a> "));
    }
    s.push_str("</footer></body></html>");
    s
}

fn main() {
    let pages: Vec<Vec<u8>> = (0..200u64)
        .map(|i| page(i * 7919 + 1).into_bytes())
        .collect();
    let bytes: usize = pages.iter().map(|p| p.len()).sum();
    let mut rates = Vec::new();
    // Baseline in the same run: decoding the same pages to text (what any reader must do).
    let mut baseline = Vec::new();
    for _ in 0..7 {
        let t0 = Instant::now();
        for p in &pages {
            std::hint::black_box(dateline::ingest::decode::decode(p, true));
        }
        baseline.push(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        let mut blocks = 0;
        for p in &pages {
            blocks += std::hint::black_box(read_html(p)).blocks.len();
        }
        let secs = t0.elapsed().as_secs_f64();
        assert!(
            blocks >= pages.len() * 20,
            "extraction broke: {blocks} blocks"
        );
        rates.push(secs);
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    let med = rates[rates.len() / 2];
    println!(
        "html: {} pages, {:.0} KB/page: {:.0} pages/s, {:.1} MB/s (median of {} runs, one core)",
        pages.len(),
        bytes as f64 / pages.len() as f64 / 1024.0,
        pages.len() as f64 / med,
        bytes as f64 / 1e6 / med,
        rates.len()
    );
    baseline.sort_by(|a, b| a.total_cmp(b));
    let base = baseline[baseline.len() / 2];
    println!(
        "  baseline (decode only, same run): {:.0} pages/s; extraction takes {:.1}x the decode time",
        pages.len() as f64 / base,
        med / base
    );
}
