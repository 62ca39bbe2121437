//! Measures two candidate crates for each solved part of reading file formats (issue 19)
//! on files of our own making (`tests/fixtures/formats/`, plus larger and hostile inputs
//! generated here), so that the choice in `Cargo.toml` rests on figures (BENCHMARKS.md,
//! "File formats").
//!
//! cargo run --release --features compare-formats --example compare_formats
//!
//! Each (candidate, input) pair runs in a child process (this binary with `--one`) under a
//! timeout, so a crash or a stack overflow inside a crate is recorded instead of ending the
//! harness. A child prints one line: `ok <fields>`, or `err <message>`. Speed is the median
//! of five runs inside the child, in microseconds per input (MB/s for the large ones).

#[path = "../tests/support/pdf_builder.rs"]
mod pdf_builder;
use pdf_builder::tiny_pdf;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

/// Median wall time of `f` over five runs, and its last result.
fn timed<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times[2], out.unwrap())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- PDF

/// The paragraphs of the source page, to count how many come back whole.
fn source_paragraphs(html: &str) -> Vec<String> {
    html.split("<p>")
        .skip(1)
        .filter_map(|p| p.split("</p>").next())
        .map(|p| {
            let mut out = String::new();
            let mut tag = false;
            for c in p.chars() {
                match c {
                    '<' => tag = true,
                    '>' => tag = false,
                    _ if !tag => out.push(c),
                    _ => {}
                }
            }
            squash(&out.replace("&amp;", "&"))
        })
        .collect()
}

fn pdf_text(candidate: &str, bytes: &[u8]) -> Result<String, String> {
    match candidate {
        "pdf-extract" => pdf_extract::extract_text_from_mem(bytes).map_err(|e| e.to_string()),
        "pdf_oxide" => pdf_oxide::PdfDocument::from_bytes(bytes.to_vec())
            .and_then(|d| d.extract_all_text())
            .map_err(|e| e.to_string()),
        // What dateline keeps: pdf-extract's glyphs through our layout.
        _ => {
            let arts = dateline::ingest::read_bytes(bytes, dateline::model::Format::Pdf);
            let a = &arts[0];
            if a.text.is_empty() {
                Err(a.problems.iter().map(|p| p.message.clone()).collect())
            } else {
                Ok(a.text.clone())
            }
        }
    }
}

/// Paragraphs that come back whole (a blank line or line break on each side), and whether
/// the two-column page's paragraphs come in reading order.
fn pdf_one(candidate: &str, input: &str) -> String {
    let bytes = pdf_input(input);
    let (t, r) = timed(|| pdf_text(candidate, &bytes));
    match r {
        Err(e) => format!("err {e}"),
        Ok(text) => {
            let lines: Vec<String> = text
                .split("\n\n")
                .flat_map(|p| {
                    if candidate == "dateline" {
                        vec![p]
                    } else {
                        p.split('\n').collect()
                    }
                })
                .map(squash)
                .collect();
            let joined = squash(&text);
            let src = match input {
                "mackerel.pdf" | "mackerel-sans.pdf" | "columns.pdf" => source_paragraphs(
                    &std::fs::read_to_string(fixture(&format!(
                        "src/{}.html",
                        input.trim_end_matches(".pdf").trim_end_matches("-sans")
                    )))
                    .unwrap(),
                ),
                _ => Vec::new(),
            };
            let whole = src.iter().filter(|p| lines.contains(p)).count();
            let in_text = src.iter().filter(|p| joined.contains(p.as_str())).count();
            let order = if input == "columns.pdf" {
                let pos: Vec<Option<usize>> = src
                    .iter()
                    .map(|p| joined.find(&p[..p.len().min(30)]))
                    .collect();
                let ok = pos.iter().all(Option::is_some) && pos.windows(2).all(|w| w[0] < w[1]);
                if ok {
                    "in order"
                } else {
                    "out of order"
                }
            } else {
                "-"
            };
            format!(
                "ok {} µs; {whole}/{} paragraphs whole, {in_text} with every word in sequence; {order}; {} chars",
                t.as_micros(),
                src.len(),
                text.len()
            )
        }
    }
}

fn pdf_input(name: &str) -> Vec<u8> {
    match name {
        "cut.pdf" => {
            let b = std::fs::read(fixture("mackerel.pdf")).unwrap();
            b[..b.len() / 2].to_vec()
        }
        "bomb.pdf" => tiny_pdf(&vec![b'q'; 512 << 20], ""),
        "self-drawing.pdf" => tiny_pdf(b"/X1 Do", "/XObject << /X1 6 0 R >>"),
        _ => std::fs::read(fixture(name)).unwrap(),
    }
}

// ---------------------------------------------------------------- ZIP

const CAP: u64 = 64 << 20;

fn zip_part(candidate: &str, bytes: &[u8], name: &str) -> Result<(usize, bool), String> {
    match candidate {
        "zip" => {
            let mut a =
                zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
            let e = a.by_name(name).map_err(|e| e.to_string())?;
            let mut out = Vec::new();
            e.take(CAP + 1)
                .read_to_end(&mut out)
                .map_err(|e| e.to_string())?;
            Ok((out.len().min(CAP as usize), out.len() as u64 > CAP))
        }
        _ => {
            let a = rawzip::ZipArchive::from_slice(bytes).map_err(|e| e.to_string())?;
            let mut found = None;
            for e in a.entries() {
                let e = e.map_err(|e| e.to_string())?;
                if e.file_path().as_ref() == name.as_bytes() {
                    found = Some(e.wayfinder());
                    break;
                }
            }
            let wf = found.ok_or("no such entry")?;
            let entry = a.get_entry(wf).map_err(|e| e.to_string())?;
            let dec = flate2::read::DeflateDecoder::new(entry.data());
            let mut out = Vec::new();
            entry
                .verifying_reader(dec)
                .take(CAP + 1)
                .read_to_end(&mut out)
                .map_err(|e| e.to_string())?;
            Ok((out.len().min(CAP as usize), out.len() as u64 > CAP))
        }
    }
}

fn zip_input(name: &str) -> Vec<u8> {
    match name {
        "cut.docx" => {
            let b = std::fs::read(fixture("anchovy.docx")).unwrap();
            b[..b.len() / 2].to_vec()
        }
        "bomb.docx" => {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            z.start_file("word/document.xml", opts).unwrap();
            let chunk = vec![b'a'; 1 << 20];
            for _ in 0..1024 {
                z.write_all(&chunk).unwrap();
            }
            z.finish().unwrap().into_inner()
        }
        _ => std::fs::read(fixture(name)).unwrap(),
    }
}

fn zip_one(candidate: &str, input: &str) -> String {
    let bytes = zip_input(input);
    let (t, r) = timed(|| zip_part(candidate, &bytes, "word/document.xml"));
    match r {
        Ok((n, cut)) => format!(
            "ok {} µs; {n} bytes{}",
            t.as_micros(),
            if cut {
                " (stopped at the 64 MB cap)"
            } else {
                ""
            }
        ),
        Err(e) => format!("err {e}"),
    }
}

// ---------------------------------------------------------------- MIME

fn mime_html(candidate: &str, bytes: &[u8]) -> Result<(String, String), String> {
    match candidate {
        "mail-parser" => {
            let m = mail_parser::MessageParser::default()
                .parse(bytes)
                .ok_or("no message")?;
            let html = m.body_html(0).ok_or("no html part")?.into_owned();
            let date = m.date().map(|d| d.to_rfc3339()).unwrap_or_default();
            Ok((html, date))
        }
        _ => {
            let m = mailparse::parse_mail(bytes).map_err(|e| e.to_string())?;
            fn find(p: &mailparse::ParsedMail) -> Option<String> {
                if p.ctype.mimetype == "text/html" {
                    return p.get_body().ok();
                }
                p.subparts.iter().find_map(find)
            }
            let html = find(&m).ok_or("no html part")?;
            let date = m
                .headers
                .iter()
                .find(|h| h.get_key_ref().eq_ignore_ascii_case("date"))
                .map(|h| h.get_value())
                .unwrap_or_default();
            Ok((html, date))
        }
    }
}

fn mime_input(name: &str) -> Vec<u8> {
    match name {
        "cut.eml" => std::fs::read(fixture("alert.eml")).unwrap()[..900].to_vec(),
        "nested.eml" => {
            // 5,000 multipart levels, each with its own boundary.
            let mut s = String::from("From: a@b\nSubject: deep\nMIME-Version: 1.0\n");
            for i in 0..5000 {
                s.push_str(&format!(
                    "Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"
                ));
            }
            s.push_str("Content-Type: text/html\n\n<p>deep</p>\n");
            s.into_bytes()
        }
        _ => std::fs::read(fixture(name)).unwrap(),
    }
}

fn mime_one(candidate: &str, input: &str) -> String {
    let bytes = mime_input(input);
    let (t, r) = timed(|| mime_html(candidate, &bytes));
    match r {
        Ok((html, date)) => format!(
            "ok {} µs; html {} chars, accents decoded: {}, date {date:?}",
            t.as_micros(),
            html.len(),
            html.contains("Côte d'Ivoire") || !input.contains("alert")
        ),
        Err(e) => format!("err {e}"),
    }
}

// ---------------------------------------------------------------- feeds

fn feed_items(candidate: &str, bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    match candidate {
        "feed-rs" => {
            let f = feed_rs::parser::parse(bytes).map_err(|e| e.to_string())?;
            Ok(f.entries
                .iter()
                .map(|e| {
                    let t = e
                        .title
                        .as_ref()
                        .map(|t| t.content.clone())
                        .unwrap_or_default();
                    let d = e
                        .published
                        .or(e.updated)
                        .map(|d| d.date_naive().to_string())
                        .unwrap_or_default();
                    (t, d)
                })
                .collect())
        }
        _ => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_string();
            if head.contains("<feed") {
                let f = atom_syndication::Feed::read_from(bytes).map_err(|e| e.to_string())?;
                Ok(f.entries()
                    .iter()
                    .map(|e| {
                        let d = e.published().unwrap_or(e.updated());
                        (e.title().as_str().to_string(), d.date_naive().to_string())
                    })
                    .collect())
            } else {
                let c = rss::Channel::read_from(bytes).map_err(|e| e.to_string())?;
                Ok(c.items()
                    .iter()
                    .map(|i| {
                        let d = i
                            .pub_date()
                            .and_then(dateline::pubdate::parse_date_string)
                            .map(|(d, _)| d.to_string())
                            .unwrap_or_default();
                        (i.title().unwrap_or("").to_string(), d)
                    })
                    .collect())
            }
        }
    }
}

fn feed_input(name: &str) -> Vec<u8> {
    match name {
        "cut.rss" => std::fs::read(fixture("wire.rss")).unwrap()[..700].to_vec(),
        "deep.rss" => format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>{}</item></channel></rss>",
            "<x:a xmlns:x=\"urn:x\">".repeat(200_000)
        )
        .into_bytes(),
        _ => std::fs::read(fixture(name)).unwrap(),
    }
}

fn feed_one(candidate: &str, input: &str) -> String {
    let bytes = feed_input(input);
    let (t, r) = timed(|| feed_items(candidate, &bytes));
    match r {
        Ok(items) => format!(
            "ok {} µs; {} items, dates {:?}",
            t.as_micros(),
            items.len(),
            items.iter().map(|i| i.1.as_str()).collect::<Vec<_>>()
        ),
        Err(e) => format!("err {e}"),
    }
}

// ---------------------------------------------------------------- CSV

/// Rows and the text of the first row's last cell.
fn csv_rows(candidate: &str, bytes: &[u8]) -> Result<(usize, String), String> {
    match candidate {
        "csv" => {
            let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
            let mut n = 0;
            let mut first = String::new();
            for rec in r.byte_records() {
                let rec = rec.map_err(|e| e.to_string())?;
                if n == 0 {
                    first = String::from_utf8_lossy(rec.get(rec.len() - 1).unwrap_or(b"")).into();
                }
                n += 1;
            }
            Ok((n, first))
        }
        _ => {
            let mut r = simd_csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(bytes);
            let mut rec = simd_csv::ByteRecord::new();
            let mut n = 0;
            let mut first = String::new();
            while r.read_byte_record(&mut rec).map_err(|e| e.to_string())? {
                if n == 0 {
                    first = String::from_utf8_lossy(rec.get(rec.len() - 1).unwrap_or(b"")).into();
                }
                n += 1;
            }
            Ok((n, first))
        }
    }
}

fn csv_input(name: &str) -> Vec<u8> {
    match name {
        "large.csv" => {
            let mut s = String::from("title,date,url,source,text\n");
            let row = std::fs::read_to_string(fixture("briefs.csv")).unwrap();
            let body: String = row.lines().skip(1).collect::<Vec<_>>().join("\n") + "\n";
            while s.len() < 64 << 20 {
                s.push_str(&body);
            }
            s.into_bytes()
        }
        "unclosed.csv" => b"title,text\nA,\"never closed\nB,second\n".to_vec(),
        _ => std::fs::read(fixture(name)).unwrap(),
    }
}

fn csv_one(candidate: &str, input: &str) -> String {
    let bytes = csv_input(input);
    let (t, r) = timed(|| csv_rows(candidate, &bytes));
    match r {
        Ok((n, first)) => {
            let speed = if bytes.len() > 1 << 20 {
                format!("{:.0} MB/s", bytes.len() as f64 / 1e6 / t.as_secs_f64())
            } else {
                format!("{} µs", t.as_micros())
            };
            format!(
                "ok {speed}; {n} rows, first text cell keeps its line break: {}",
                first.contains("the fisheries directorate said.\n\nThe vessel")
            )
        }
        Err(e) => format!("err {e}"),
    }
}

// ---------------------------------------------------------------- harness

const PLAN: &[(&str, &[&str], &[&str])] = &[
    (
        "pdf",
        &["pdf-extract", "pdf_oxide", "dateline"],
        &[
            "mackerel.pdf",
            "mackerel-sans.pdf",
            "columns.pdf",
            "scan.pdf",
            "cut.pdf",
            "bomb.pdf",
            "self-drawing.pdf",
        ],
    ),
    (
        "zip",
        &["zip", "rawzip"],
        &["anchovy.docx", "cut.docx", "bomb.docx"],
    ),
    (
        "mime",
        &["mail-parser", "mailparse"],
        &["alert.eml", "boundary.mhtml", "cut.eml", "nested.eml"],
    ),
    (
        "feed",
        &["rss+atom_syndication", "feed-rs"],
        &["wire.rss", "desk.atom", "cut.rss", "deep.rss"],
    ),
    (
        "csv",
        &["csv", "simd-csv"],
        &["briefs.csv", "large.csv", "unclosed.csv"],
    ),
];

fn one(part: &str, candidate: &str, input: &str) -> String {
    match part {
        "pdf" => pdf_one(candidate, input),
        "zip" => zip_one(candidate, input),
        "mime" => mime_one(candidate, input),
        "feed" => feed_one(candidate, input),
        _ => csv_one(candidate, input),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 5 && args[1] == "--one" {
        // Default 2 MiB thread stack, as a rayon worker has.
        let (p, c, i) = (args[2].clone(), args[3].clone(), args[4].clone());
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || one(&p, &c, &i))
            .unwrap();
        match h.join() {
            Ok(s) => println!("{s}"),
            Err(_) => println!("err panicked"),
        }
        return;
    }
    let exe = std::env::current_exe().unwrap();
    println!("| part | candidate | input | result |\n|---|---|---|---|");
    for (part, candidates, inputs) in PLAN {
        for input in *inputs {
            for cand in *candidates {
                let mut child = Command::new(&exe)
                    .args(["--one", part, cand, input])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                let start = Instant::now();
                let status = loop {
                    if let Some(s) = child.try_wait().unwrap() {
                        break Some(s);
                    }
                    if start.elapsed() > Duration::from_secs(60) {
                        child.kill().ok();
                        child.wait().ok();
                        break None;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                };
                let mut out = String::new();
                child.stdout.take().unwrap().read_to_string(&mut out).ok();
                let result = match status {
                    None => "hung: killed after 60 s".to_string(),
                    Some(s) if !s.success() => format!("crashed ({s})"),
                    Some(_) => out.trim().to_string(),
                };
                println!("| {part} | {cand} | {input} | {result} |");
            }
        }
    }
}
