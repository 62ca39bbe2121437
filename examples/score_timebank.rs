//! TempEval-3 style scorer for the date engine on TimeML (`.tml`) files.
//!
//! Usage: `cargo run --release --example score_timebank -- <dir> [--errors] [--ok] [--dt] [--json]`
//! (`--dt`: list the errors of the DATE+TIME scoring instead of the all-types one)
//!
//! For each file: plain text = content of `<TEXT>` with tags removed and entities decoded;
//! gold = its TIMEX3s; the reference date = the DCT. Scores per top-level corpus folder and
//! in total: strict (same span) and relaxed (overlap) precision/recall/F1, type and value
//! accuracy over relaxed matches, and value F1 = relaxed F1 × value accuracy; for all types
//! and for DATE+TIME alone.
//!
//! Ranges: the engine emits one expression for "from March to May 2021" where gold has two.
//! A system range may therefore match up to two gold expressions: the first overlapping one
//! is compared with `value`, the second with `end_value`, and the range then counts as two
//! system expressions (so precision is not flattered).

use dateline::timex::{tag, timeml, Timex, TimexType};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    corpus: String,
    name: String,
    text: String,
    dct: Option<chrono::NaiveDate>,
    gold: Vec<Gold>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    sys: usize,
    strict: usize,
    relaxed_g: usize,
    relaxed_s: usize,
    type_ok: usize,
    value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.sys += o.sys;
        self.strict += o.strict;
        self.relaxed_g += o.relaxed_g;
        self.relaxed_s += o.relaxed_s;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
    fn prf(tp_s: usize, tp_g: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
        let p = if sys == 0 {
            0.0
        } else {
            tp_s as f64 / sys as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp_g as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn metrics(&self) -> BTreeMap<&'static str, f64> {
        let (sp, sr, sf) = Self::prf(self.strict, self.strict, self.sys, self.gold);
        let (rp, rr, rf) = Self::prf(self.relaxed_s, self.relaxed_g, self.sys, self.gold);
        let m = self.relaxed_g.max(1) as f64;
        let ta = self.type_ok as f64 / m;
        let va = self.value_ok as f64 / m;
        BTreeMap::from([
            ("strict_p", sp),
            ("strict_r", sr),
            ("strict_f1", sf),
            ("relaxed_p", rp),
            ("relaxed_r", rr),
            ("relaxed_f1", rf),
            ("type_acc", ta),
            ("value_acc", va),
            ("type_f1", rf * ta),
            ("value_f1", rf * va),
        ])
    }
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let ents = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ];
        match ents.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, ch)) => {
                out.push(*ch);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let i = tag.find(&pat)? + pat.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn parse(path: &Path, corpus: String) -> Option<Doc> {
    let raw = std::fs::read_to_string(path).ok()?;
    let dct = raw.find("<DCT>").and_then(|i| {
        let v = attr(&raw[i..], "value")?;
        chrono::NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let a = raw.find("<TEXT>")? + "<TEXT>".len();
    let b = raw[a..].find("</TEXT>")? + a;
    let body = &raw[a..b];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<Gold> = None;
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&decode(&rest[..i]));
        let j = match rest[i..].find('>') {
            Some(j) => i + j,
            None => break,
        };
        let tag = &rest[i + 1..j];
        if tag.starts_with("TIMEX3") {
            open = Some(Gold {
                start: text.len(),
                end: 0,
                kind: attr(tag, "type").unwrap_or_default(),
                value: attr(tag, "value").unwrap_or_default(),
            });
        } else if tag.starts_with("/TIMEX3") {
            if let Some(mut g) = open.take() {
                g.end = text.len();
                if g.end > g.start {
                    gold.push(g);
                }
            }
        }
        rest = &rest[j + 1..];
    }
    text.push_str(&decode(rest));
    Some(Doc {
        corpus,
        name: path.file_name()?.to_string_lossy().into_owned(),
        text,
        dct,
        gold,
    })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
}

fn kind_str(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn ctx(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

/// `--ok`: also list correct matches (to measure the precision of one rule).
static SHOW_OK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Scores one document on gold/system lists already filtered to the types of interest.
fn score(doc: &Doc, gold: &[&Gold], sys: &[&Timex], errors: &mut Vec<String>, log: bool) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        ..Default::default()
    };
    let mut gold_used = vec![false; gold.len()];
    let mut sys_units = 0;
    for s in sys {
        let overl: Vec<usize> = (0..gold.len())
            .filter(|&g| !gold_used[g] && gold[g].start < s.end && s.start < gold[g].end)
            .collect();
        let take = if s.end_value.is_some() { 2 } else { 1 };
        let matched: Vec<usize> = overl.into_iter().take(take).collect();
        sys_units += matched.len().max(1);
        if matched.is_empty() {
            if log {
                errors.push(format!(
                    "FP   {} {:<8} {:<14} {}",
                    doc.name,
                    kind_str(s.kind),
                    s.value,
                    ctx(&doc.text, s.start, s.end)
                ));
            }
            continue;
        }
        for (n, &g) in matched.iter().enumerate() {
            gold_used[g] = true;
            let gd = gold[g];
            c.relaxed_g += 1;
            c.relaxed_s += 1;
            if gd.start == s.start && gd.end == s.end {
                c.strict += 1;
            }
            if gd.kind == kind_str(s.kind) {
                c.type_ok += 1;
            }
            let v = if n == 0 {
                s.value.as_str()
            } else {
                s.end_value.as_deref().unwrap_or("")
            };
            if gd.value == v {
                c.value_ok += 1;
                if log && SHOW_OK.load(std::sync::atomic::Ordering::Relaxed) {
                    errors.push(format!(
                        "OK   {} {:<8} {:<14} {}",
                        doc.name,
                        gd.kind,
                        v,
                        ctx(&doc.text, s.start, s.end)
                    ));
                }
            } else if log {
                errors.push(format!(
                    "VAL  {} {:<8} gold={:<14} sys={:<14} {}",
                    doc.name,
                    gd.kind,
                    gd.value,
                    v,
                    ctx(&doc.text, gd.start, gd.end)
                ));
            }
            if log && (gd.start != s.start || gd.end != s.end) {
                errors.push(format!(
                    "SPAN {} gold={:?} sys={:?}",
                    doc.name,
                    &doc.text[gd.start..gd.end],
                    &doc.text[s.start..s.end]
                ));
            }
        }
    }
    c.sys = sys_units;
    if log {
        for (g, used) in gold.iter().zip(&gold_used) {
            if !used {
                errors.push(format!(
                    "MISS {} {:<8} {:<14} {}",
                    doc.name,
                    g.kind,
                    g.value,
                    ctx(&doc.text, g.start, g.end)
                ));
            }
        }
    }
    c
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/timebank".into());
    let show_ok = args.iter().any(|a| a == "--ok");
    SHOW_OK.store(show_ok, std::sync::atomic::Ordering::Relaxed);
    let show_errors = show_ok || args.iter().any(|a| a == "--errors");
    let json = args.iter().any(|a| a == "--json");
    let dt_only = args.iter().any(|a| a == "--dt");
    let root = PathBuf::from(&dir);
    let mut files = Vec::new();
    walk(&root, &mut files);
    if files.is_empty() {
        eprintln!("no .tml files under {dir}");
        std::process::exit(2);
    }
    // corpus -> (all types, DATE+TIME)
    let mut per: BTreeMap<String, (Counts, Counts)> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut bytes = 0usize;
    let t0 = std::time::Instant::now();
    for f in &files {
        let corpus = f
            .strip_prefix(&root)
            .ok()
            .and_then(|r| r.components().next())
            .filter(|_| f.parent() != Some(root.as_path()))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_else(|| "(root)".into());
        let Some(doc) = parse(f, corpus) else {
            eprintln!("skipping unreadable {}", f.display());
            continue;
        };
        bytes += doc.text.len();
        let sys = timeml(tag(&doc.text, doc.dct));
        let g_all: Vec<&Gold> = doc.gold.iter().collect();
        let s_all: Vec<&Timex> = sys.iter().collect();
        let all = score(&doc, &g_all, &s_all, &mut errors, show_errors && !dt_only);
        let g_dt: Vec<&Gold> = doc
            .gold
            .iter()
            .filter(|g| g.kind == "DATE" || g.kind == "TIME")
            .collect();
        let s_dt: Vec<&Timex> = sys
            .iter()
            .filter(|s| matches!(s.kind, TimexType::Date | TimexType::Time))
            .collect();
        let dt = score(&doc, &g_dt, &s_dt, &mut errors, show_errors && dt_only);
        let e = per.entry(doc.corpus.clone()).or_default();
        e.0.add(&all);
        e.1.add(&dt);
    }
    let elapsed = t0.elapsed().as_secs_f64();
    let mut total = (Counts::default(), Counts::default());
    for (a, d) in per.values() {
        total.0.add(a);
        total.1.add(d);
    }
    let mut rows: Vec<(String, &'static str, Counts)> = Vec::new();
    for (name, (a, d)) in &per {
        rows.push((name.clone(), "all", *a));
        rows.push((name.clone(), "date+time", *d));
    }
    rows.push(("TOTAL".into(), "all", total.0));
    rows.push(("TOTAL".into(), "date+time", total.1));
    if show_errors {
        for e in &errors {
            println!("{e}");
        }
        println!();
    }
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|(c, t, k)| {
                serde_json::json!({
                    "corpus": c, "types": t, "gold": k.gold, "system": k.sys,
                    "metrics": k.metrics(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return;
    }
    println!(
        "{:<10} {:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>7}",
        "corpus",
        "types",
        "gold",
        "sys",
        "strP",
        "strR",
        "strF1",
        "relP",
        "relR",
        "relF1",
        "typeA",
        "valA",
        "valF1"
    );
    for (c, t, k) in &rows {
        let m = k.metrics();
        println!(
            "{:<10} {:<10} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>7.3}",
            c, t, k.gold, k.sys, m["strict_p"], m["strict_r"], m["strict_f1"], m["relaxed_p"],
            m["relaxed_r"], m["relaxed_f1"], m["type_acc"], m["value_acc"], m["value_f1"]
        );
    }
    println!(
        "{} files, {:.1} KB of text, tagging+scoring {:.3}s",
        files.len(),
        bytes as f64 / 1024.0,
        elapsed
    );
}
