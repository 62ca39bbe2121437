//! Every file format end to end (issue 19): each fixture in `tests/fixtures/formats/` (see
//! its `make.sh`) yields its event with its date and countries, and a corrupt copy of each
//! (made here: cut short, bytes overwritten) gives a per-file problem and no panic.

mod common;
#[path = "support/pdf_builder.rs"]
mod pdf_builder;

use common::{d, load_paths};
use dateline::ingest::{read_file, read_file_with, walk, Budget, SourceFile};
use dateline::model::{Article, Corpus, Format, PubDateSource, Severity};
use pdf_builder::tiny_pdf;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn source(path: &Path) -> SourceFile {
    walk(&[path.to_path_buf()]).unwrap().files.remove(0)
}

fn read(name: &str) -> Vec<Article> {
    read_file(&source(&fixture(name)))
}

/// Loads one fixture through the whole pipeline.
fn load(name: &str) -> Corpus {
    load_paths(&[fixture(name)])
}

/// The corpus has an event on `date` whose countries include all of `countries`.
fn assert_event(c: &Corpus, date: &str, countries: &[&str]) {
    let found = c.events.iter().any(|e| {
        e.span.start == d(date)
            && countries
                .iter()
                .all(|k| e.countries.iter().any(|x| x.as_str() == *k))
    });
    assert!(
        found,
        "no event on {date} with {countries:?}; events: {:#?}\nproblems: {:?}",
        c.events
            .iter()
            .map(|e| (e.span.to_string(), &e.countries, &e.timex_value))
            .collect::<Vec<_>>(),
        c.articles.iter().map(|a| &a.problems).collect::<Vec<_>>()
    );
}

fn no_errors(a: &Article) {
    assert!(
        a.problems.iter().all(|p| p.severity != Severity::Error),
        "{}: {:?}",
        a.path,
        a.problems
    );
}

#[test]
fn pdf_with_a_text_layer() {
    // The same page set in a serif and in a sans-serif face.
    for name in ["mackerel.pdf", "mackerel-sans.pdf"] {
        let arts = read(name);
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        no_errors(a);
        assert_eq!(a.format, Some(Format::Pdf));
        assert!(
            a.title
                .starts_with("Norway and Iceland settle mackerel shares"),
            "{name}: {}",
            a.title
        );
        // The wrapped headline and each wrapped paragraph come back whole.
        assert!(
            a.paragraphs.iter().any(|p| a.text[p.range.clone()]
                .starts_with("Under the deal, Iceland")
                && a.text[p.range.clone()].ends_with("for the autumn.")),
            "{name}: {}",
            a.text
        );
        assert!(
            a.text.contains("on 12 March 2024 that fixes"),
            "{name}: {}",
            a.text
        );
        let ev = &a.pub_date_evidence[0];
        assert_eq!(ev.date, d("2024-03-13"));
        let c = load(name);
        assert_event(&c, "2024-03-12", &["NO", "IS"]);
    }
}

#[test]
fn pdf_words_stay_whole_and_the_headline_is_the_title() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/second-patrol-round.pdf");
    let a = &read_file(&source(&path))[0];
    no_errors(a);
    assert!(
        a.title.starts_with("Second joint patrol round"),
        "{}",
        a.title
    );
    let paras: Vec<&str> = (0..a.paragraphs.len())
        .map(|i| a.paragraph_text(i))
        .collect();
    assert!(
        paras.iter().any(
            |p| p.starts_with("The second round of joint fishing patrols")
                && p.contains("the Philippines, Vietnam, Indonesia and Malaysia")
                && p.ends_with("suspected of illegal fishing.")
        ),
        "{paras:#?}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("The third round is planned for May, and ministers")),
        "{paras:#?}"
    );
}

#[test]
fn pdf_columns_are_read_in_order() {
    let a = &read("columns.pdf")[0];
    no_errors(a);
    let pos = |s: &str| {
        a.text
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} not in {:?}", a.text))
    };
    // Left column top to bottom, then the right column.
    assert!(pos("The ferry route between") < pos("Crossings had been cut"));
    assert!(pos("Crossings had been cut") < pos("Engineers from both countries"));
    assert!(pos("Engineers from both countries") < pos("Sweden, whose lorries"));
    assert!(pos("Sweden, whose lorries") < pos("Work on the fixed tunnel"));
    // A paragraph split across the column break stays one sentence.
    assert!(a.text.contains("would report in the spring."), "{}", a.text);
    // A compound that wrapped at its own hyphen keeps it.
    assert!(a.text.contains("add late-evening crossings"), "{}", a.text);
    let c = load("columns.pdf");
    assert_event(&c, "2023-11-02", &["DK", "DE"]);
}

#[test]
fn scanned_pdf_says_ocr_it() {
    let a = &read("scan.pdf")[0];
    assert!(a.text.is_empty());
    assert!(
        a.problems.iter().any(|p| p.severity == Severity::Error
            && p.message.contains("no text layer")
            && p.message.contains("OCR")),
        "{:?}",
        a.problems
    );
}

#[test]
fn docx_paragraphs_and_title() {
    let a = &read("anchovy.docx")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Docx));
    assert_eq!(
        a.title,
        "Chile and Peru open joint anchovy survey off the Humboldt coast"
    );
    assert!(a
        .paragraphs
        .iter()
        .any(|p| p.kind == dateline::model::ParagraphKind::Heading
            && &a.text[p.range.clone()] == "Warm water worries"));
    assert_eq!(a.pub_date_evidence[0].date, d("2023-06-05"));
    assert_event(&load("anchovy.docx"), "2023-06-04", &["CL", "PE"]);
}

#[test]
fn odt_paragraphs_and_title() {
    let a = &read("victoria.odt")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Odt));
    assert_eq!(
        a.title,
        "Kenya and Tanzania begin joint patrols on Lake Victoria"
    );
    assert_event(&load("victoria.odt"), "2022-08-09", &["KE", "TZ"]);
}

#[test]
fn rtf_text_and_paragraphs() {
    let a = &read("morocco.rtf")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Rtf));
    assert!(
        a.text.contains("Fishing associations in Cádiz"),
        "{}",
        a.text
    );
    assert!(a.paragraphs.len() >= 4);
    assert_event(&load("morocco.rtf"), "2022-09-21", &["MA", "ES"]);
}

#[test]
fn email_date_header_is_evidence_and_footers_go() {
    let a = &read("alert.eml")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Eml));
    assert_eq!(
        a.title,
        "Ghana and Togo agree joint patrols in the Gulf of Guinea"
    );
    assert_eq!(a.outlet.as_deref(), Some("Harbour Ledger Alerts"));
    assert!(
        a.text.contains("Côte d'Ivoire"),
        "quoted-printable decoded: {}",
        a.text
    );
    for gone in [
        "View this email",
        "receiving this email",
        "Unsubscribe",
        "Quay Street",
    ] {
        assert!(!a.text.contains(gone), "{gone:?} kept in {:?}", a.text);
    }
    let c = load("alert.eml");
    let p = c.articles[0].pub_date.as_ref().unwrap();
    assert_eq!(
        (p.date, p.source),
        (d("2024-03-13"), PubDateSource::MailHeader)
    );
    // "on Tuesday" against the Date: header (Wednesday 13 March).
    assert_event(&c, "2024-03-12", &["GH", "TG"]);
}

#[test]
fn mailbox_is_one_article_per_message() {
    let arts = read("alerts.mbox");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[1].title, "Cape Verde joins tuna tagging study");
    assert!(arts[1].text.contains("From the start"), "{}", arts[1].text);
    assert!(!arts[1].text.contains("send the Senegal item"));
    assert!(!arts[0].text.contains("Reply STOP"));
    let c = load("alerts.mbox");
    // "on Sunday" against Monday 10 June.
    assert_event(&c, "2024-06-09", &["SN", "MR"]);
    assert_event(&c, "2024-06-10", &["CV", "PT", "ES"]);
}

#[test]
fn rss_items_with_their_dates() {
    let arts = read("wire.rss");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].format, Some(Format::Feed));
    assert_eq!(arts[0].authors, vec!["Mele Taufa"]);
    let c = load("wire.rss");
    let p = c.articles[0].pub_date.as_ref().unwrap();
    // Written on the 9th in Fiji's time zone (the 9th at 09:30 UTC too, but not always).
    assert_eq!((p.date, p.source), (d("2024-02-09"), PubDateSource::Feed));
    assert_event(&c, "2024-02-08", &["FJ", "TO"]);
    assert_event(&c, "2024-01-15", &["WS"]);
}

#[test]
fn atom_entry_with_its_local_date() {
    let c = load("desk.atom");
    let p = c.articles[0].pub_date.as_ref().unwrap();
    assert_eq!(p.date, d("2024-04-30"), "the feed's own day, not UTC's");
    assert_event(&c, "2024-04-30", &["BO", "PE"]);
}

#[test]
fn mhtml_main_page_through_the_page_reader() {
    let a = &read("boundary.mhtml")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Mhtml));
    assert_eq!(a.outlet.as_deref(), Some("Straits Observer"));
    assert!(!a.text.contains("Privacy"));
    let c = load("boundary.mhtml");
    let p = c.articles[0].pub_date.as_ref().unwrap();
    assert_eq!(
        p.date,
        d("2024-03-14"),
        "the page's date, not the day it was saved"
    );
    assert_event(&c, "2024-03-13", &["VN", "ID"]);
}

#[test]
fn webarchive_main_resource() {
    let a = &read("talks.webarchive")[0];
    no_errors(a);
    assert_eq!(a.format, Some(Format::Webarchive));
    assert_eq!(a.pub_date_evidence[0].date, d("2024-01-26"));
    assert_event(&load("talks.webarchive"), "2024-01-25", &["JP", "KR"]);
}

#[test]
fn csv_and_tsv_rows_are_articles() {
    let arts = read("briefs.csv");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].outlet.as_deref(), Some("North Sea Monitor"));
    assert_eq!(arts[1].pub_date_evidence[0].source, PubDateSource::CsvField);
    let c = load("briefs.csv");
    assert_event(&c, "2023-11-20", &["NO"]);
    // "on Thursday" against the row's date (Friday 24 November).
    assert_event(&c, "2023-11-23", &["IE", "FR"]);
    let c = load("briefs.tsv");
    assert_eq!(c.articles[0].format, Some(Format::Tsv));
    assert_event(&c, "2024-02-01", &["IS"]);
}

#[test]
fn news_database_exports_are_split() {
    for name in ["export.txt", "export.docx"] {
        let arts = read(name);
        assert_eq!(
            arts.len(),
            2,
            "{name}: {:?}",
            arts.iter().map(|a| &a.title).collect::<Vec<_>>()
        );
        assert_eq!(
            arts[0].title,
            "Port workers end ten-day strike in Rotterdam"
        );
        assert_eq!(arts[0].outlet.as_deref(), Some("The Harbour Ledger"));
        assert_eq!(arts[1].outlet.as_deref(), Some("Coastal Times"));
        assert!(!arts[0].text.contains("Load-Date"));
        let ev = &arts[1].pub_date_evidence[0];
        assert_eq!(
            (ev.date, ev.source),
            (d("2022-03-06"), PubDateSource::ExportHeader)
        );
        let c = load(name);
        // "on Thursday" against 4 March 2022 (a Friday); "on Sunday" against the 6th.
        assert_event(&c, "2022-03-03", &["DE", "BE"]);
        assert_event(&c, "2022-03-06", &["DK", "SE"]);
    }
}

#[test]
fn a_mislabelled_file_reads_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to, format) in [
        ("mackerel.pdf", "mackerel.txt", Format::Pdf),
        ("alert.eml", "alert.html", Format::Eml),
        ("wire.rss", "wire.xml", Format::Feed),
        ("anchovy.docx", "anchovy.odt", Format::Docx),
    ] {
        let p = dir.path().join(to);
        std::fs::copy(fixture(from), &p).unwrap();
        let a = &read_file(&source(&p))[0];
        assert_eq!(a.format, Some(format), "{to}: {:?}", a.problems);
        no_errors(a);
    }
    // In a folder, `.xml` is read when it is a feed.
    let w = walk(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(w.files.len(), 4);
}

#[test]
fn images_and_archives_are_reported_not_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("photo.jpg"),
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10],
    )
    .unwrap();
    std::fs::write(dir.path().join("bundle.zip"), b"PK\x03\x04rest").unwrap();
    // An image saved with a text extension is caught by its bytes.
    let png = dir.path().join("chart.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x08").unwrap();
    let a = &read_file(&source(&png))[0];
    assert!(a.text.is_empty());
    assert!(a.problems[0].message.contains("image"), "{:?}", a.problems);
    let w = walk(&[dir.path().to_path_buf()]).unwrap();
    let all = w.problems.join("\n");
    assert!(
        all.contains("1 image(s)") && all.contains("photo.jpg"),
        "{all}"
    );
    assert!(all.contains("1 archive(s)"), "{all}");
}

#[test]
fn invalid_utf8_is_a_warning_and_the_text_stays() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("note.txt");
    let mut bytes = "Kenya and Peru met on 1 June 2022 in Lima.\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28, b'\n']);
    bytes.extend_from_slice("They agreed a plan.".as_bytes());
    std::fs::write(&p, bytes).unwrap();
    let a = &read_file(&source(&p))[0];
    assert!(a.text.contains("Kenya and Peru met"));
    assert!(
        a.problems
            .iter()
            .any(|p| p.severity == Severity::Warning && p.message.contains("UTF-8")),
        "{:?}",
        a.problems
    );
}

/// Every fixture, cut short and with bytes overwritten in its middle: a problem for that
/// file, never a panic, and the load of the folder goes on.
#[test]
fn corrupt_copies_are_per_file_problems() {
    let names = [
        "mackerel.pdf",
        "anchovy.docx",
        "victoria.odt",
        "morocco.rtf",
        "alert.eml",
        "alerts.mbox",
        "wire.rss",
        "desk.atom",
        "boundary.mhtml",
        "talks.webarchive",
        "briefs.csv",
        "briefs.tsv",
        "export.txt",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut corrupt = Vec::new();
    for name in names {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let cut = dir.path().join(format!("cut-{name}"));
        std::fs::write(&cut, corrupt_cut(name, &bytes)).unwrap();
        let mangled = dir.path().join(format!("mangled-{name}"));
        std::fs::write(&mangled, corrupt_mangle(name, &bytes)).unwrap();
        corrupt.push(cut);
        corrupt.push(mangled);
    }
    for p in &corrupt {
        let arts = read_file(&source(p));
        assert!(!arts.is_empty());
        // Overwritten bytes inside a container may land in an image or a font and leave
        // the text whole: those copies must only not crash.
        let name = p.file_name().unwrap().to_string_lossy();
        let container = [".pdf", ".docx", ".odt", ".webarchive"]
            .iter()
            .any(|e| name.ends_with(e));
        if name.starts_with("mangled-") && container {
            continue;
        }
        assert!(
            arts.iter().any(|a| !a.problems.is_empty()),
            "{}: no problem reported; text {:?}",
            p.display(),
            arts.iter().map(|a| &a.text).collect::<Vec<_>>()
        );
    }
    // The whole folder loads, with one good article beside the corrupt ones.
    std::fs::copy(fixture("export.txt"), dir.path().join("good.txt")).unwrap();
    let c = load_paths(&[dir.path().to_path_buf()]);
    assert!(c.articles.iter().any(|a| a.path.ends_with("good.txt#1")));
}

/// A copy that ends early in a way that damages the format: half the file, or for the
/// formats whose readers take any prefix, the part that says what the file is or how its
/// records are laid out.
fn corrupt_cut(name: &str, bytes: &[u8]) -> Vec<u8> {
    match name.rsplit('.').next().unwrap() {
        // Without its header row a table has no text column.
        "csv" | "tsv" => bytes[bytes.iter().position(|&b| b == b'\n').unwrap() + 1..].to_vec(),
        // A text export cut inside its first header: the rest is not an export.
        "txt" => bytes[..bytes.len() / 3]
            .iter()
            .copied()
            .chain(*b"\0\0")
            .collect(),
        // Headers without the blank line that ends them, then the body cut off.
        "eml" | "mbox" => bytes[..200].to_vec(),
        _ => bytes[..bytes.len() / 2].to_vec(),
    }
}

/// A copy with 64 bytes overwritten in the middle (and for text formats, control bytes
/// that make it binary).
fn corrupt_mangle(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut v = bytes.to_vec();
    let mid = v.len() / 2;
    let fill = if name.ends_with(".pdf")
        || name.ends_with(".docx")
        || name.ends_with(".odt")
        || name.ends_with(".webarchive")
    {
        0xA5
    } else {
        0x01
    };
    for b in &mut v[mid.saturating_sub(32)..(mid + 32).min(bytes.len())] {
        *b = fill;
    }
    v
}

#[test]
fn a_huge_mailbox_is_cut_at_the_budget_with_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.mbox");
    let msg = std::fs::read_to_string(fixture("alerts.mbox")).unwrap();
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
        // About 12 MB of mail.
        for _ in 0..10_000 {
            f.write_all(msg.as_bytes()).unwrap();
            f.write_all(b"\n").unwrap();
        }
    }
    let budget = Budget {
        time: std::time::Duration::from_secs(30),
        memory: 1 << 20,
    };
    let arts = read_file_with(&source(&p), &budget);
    assert!(arts.len() > 10, "{} articles", arts.len());
    assert!(arts.len() < 20_000);
    let last = arts.last().unwrap();
    assert!(
        last.problems
            .iter()
            .any(|p| p.message.contains("mailbox cut after")),
        "{:?}",
        last.problems
    );
}

#[test]
fn hostile_zip_and_pdf_inputs_cost_one_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A DOCX whose body inflates to 200 MB from a few hundred KB.
    let bomb = dir.path().join("bomb.docx");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>")
            .unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..200 {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    let budget = Budget {
        time: std::time::Duration::from_secs(20),
        memory: 32 << 20,
    };
    let a = &read_file_with(&source(&bomb), &budget)[0];
    assert!(
        a.problems
            .iter()
            .any(|p| p.message.contains("expands past")),
        "{:?}",
        a.problems
    );
    assert!(a.text.len() <= 32 << 20);

    // A PDF whose content stream is a flate bomb, and one whose page tree loops.
    let pdf_bomb = dir.path().join("bomb.pdf");
    std::fs::write(&pdf_bomb, tiny_pdf(&[b'q'; 64 << 20], "")).unwrap();
    let a = &read_file_with(&source(&pdf_bomb), &budget)[0];
    assert!(
        a.problems.iter().any(|p| p.message.contains("expand past")),
        "{:?}",
        a.problems
    );
    let looped = dir.path().join("loop.pdf");
    let pdf = tiny_pdf(b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET", "");
    let at = pdf.windows(13).position(|w| w == b"/Parent 2 0 R").unwrap();
    let mut pdf = pdf;
    pdf[at + 8] = b'3'; // the page is its own parent (same length: the xref stays right)
    std::fs::write(&looped, &pdf).unwrap();
    let a = &read_file(&source(&looped))[0];
    assert!(
        a.problems.iter().any(|p| p.message.contains("loops back")),
        "{:?} {:?}",
        a.problems,
        a.text
    );
    // A form XObject that draws itself.
    let selfdraw = dir.path().join("self.pdf");
    std::fs::write(&selfdraw, tiny_pdf(b"/X1 Do", "/XObject << /X1 6 0 R >>")).unwrap();
    let a = &read_file(&source(&selfdraw))[0];
    assert!(
        a.problems
            .iter()
            .any(|p| p.message.contains("contains itself")),
        "{:?}",
        a.problems
    );
    // The same file without the loop reads.
    let ok = dir.path().join("ok.pdf");
    std::fs::write(
        &ok,
        tiny_pdf(b"BT /F1 12 Tf 72 700 Td (Ghana and Togo) Tj ET", ""),
    )
    .unwrap();
    let a = &read_file(&source(&ok))[0];
    assert!(a.text.contains("Ghana and Togo"), "{:?}", a.problems);
}
