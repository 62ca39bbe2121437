//! Unit tests: hand-written fixture pages (tests/fixtures/html), metadata kinds,
//! boilerplate kinds, encodings, malformed and hostile markup.

use super::*;
use crate::model::{PubDateSource, Severity};
use chrono::NaiveDate;
use std::time::{Duration, Instant};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(a: &HtmlArticle) -> String {
    a.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Runs `read_html` on a 2 MiB thread (the size of a small worker's stack) under the hang
/// detector.
fn run_small_stack(bytes: Vec<u8>, limit: Duration) -> HtmlArticle {
    let t0 = Instant::now();
    let h = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || read_html(&bytes))
        .expect("spawn");
    let a = h.join().expect("read_html must not panic");
    let el = t0.elapsed();
    eprintln!("read_html on a 2 MiB stack: {el:?}");
    assert!(el < limit, "took {el:?}, limit {limit:?}");
    a
}

/// Debug builds are ~20x slower; hostile sizes shrink there so tests stay under a second,
/// the release run (`cargo test --release`) uses the full sizes from the brief.
fn scale(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 10
    } else {
        full
    }
}

/// A hang detector, not a speed target: quadratic blow-ups on hostile markup take minutes,
/// so a generous bound catches them without flaking on a loaded CI machine. Speed figures
/// live in `benches/html.rs` and BENCHMARKS.md.
fn limit() -> Duration {
    Duration::from_secs(60)
}

const ARTICLE: &str = "<p>The council met on Tuesday, and after a long debate, it approved the new budget for the coming year.</p>";

#[test]
fn hostile_nested_divs() {
    let n = scale(100_000);
    let mut s = String::from("<html><body>");
    s.push_str(&"<div>".repeat(n));
    s.push_str(ARTICLE);
    s.push_str(&"</div>".repeat(n));
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(a
        .problems
        .iter()
        .any(|p| p.message.contains("nesting deeper")));
    assert!(text(&a).contains("approved the new budget"));
}

#[test]
fn hostile_teaser_headings_cards_and_hidden_boxes() {
    // Many teaser headings (each opens a skipped box), many look-alike sibling cards, and
    // nested hidden boxes with prose: all linear or n log n.
    let n = scale(60_000);
    let mut s = String::from("<html><body><div>");
    s.push_str(ARTICLE);
    for i in 0..n {
        s.push_str("<div><h3>Related stories</h3><p>x</p></div>");
        s.push_str(&format!(
            "<li class=\"c\"><img src=\"{i}.jpg\"><a href=\"/{i}\">A teaser headline number {i}</a> and more</li>"
        ));
    }
    s.push_str(&"<div style=\"display:none\">".repeat(n / 10));
    s.push_str(&"<p>Hidden paragraph text that is long enough to count as prose in a tab panel, with commas, and more.</p>".repeat(3));
    s.push_str("</div></body></html>");
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(text(&a).contains("approved the new budget"));
}

#[test]
fn hostile_nested_tables() {
    let n = scale(30_000);
    let mut s = String::from("<html><body>");
    s.push_str(&"<table><tr><td>".repeat(n));
    s.push_str(ARTICLE);
    s.push_str(&"</td></tr></table>".repeat(n));
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(a
        .problems
        .iter()
        .any(|p| p.message.contains("nesting deeper")));
}

#[test]
fn hostile_unclosed_tags() {
    let n = scale(100_000);
    let mut s = String::from("<html><body>");
    for i in 0..n {
        s.push_str(if i % 3 == 0 { "<span>" } else { "<b><i>" });
    }
    s.push_str(ARTICLE);
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(text(&a).contains("approved the new budget"));
}

#[test]
fn hostile_many_attributes() {
    let n = scale(200_000);
    let mut s = String::from("<html><body><div ");
    for i in 0..n {
        s.push_str(&format!("class=\"c{i}\" "));
    }
    s.push('>');
    s.push_str(ARTICLE);
    s.push_str("</div>");
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(a.problems.iter().any(|p| p.message.contains("attributes")));
    assert!(text(&a).contains("approved the new budget"));
}

#[test]
fn hostile_huge_file_is_cut() {
    // 50 MB of markup: only the first 16 MB are read (debug builds: 5 MB cut to 1 MB).
    let unit = "<div class=\"x\"><p>Some words in a paragraph, again and again.</p></div>\n";
    let (total, max) = if cfg!(debug_assertions) {
        (5 << 20, 1 << 20)
    } else {
        (50 << 20, MAX_BYTES)
    };
    let mut s = String::with_capacity(total + unit.len());
    while s.len() < total {
        s.push_str(unit);
    }
    let bytes = s.into_bytes();
    let t0 = Instant::now();
    let a = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || read_html_limited(&bytes, max))
        .expect("spawn")
        .join()
        .expect("no panic");
    assert!(t0.elapsed() < limit(), "took {:?}", t0.elapsed());
    let want = format!("only the first {} MB", max >> 20);
    assert!(a.problems.iter().any(|p| p.message.contains(&want)));
    assert!(!a.blocks.is_empty());
}

#[test]
fn hostile_binary_garbage() {
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..scale(2_000_000))
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xFF) as u8
        })
        .collect();
    let a = run_small_stack(bytes, limit());
    assert!(a.blocks.is_empty());
    assert!(a.published.is_empty());
    assert!(a.problems.iter().any(|p| p.severity == Severity::Error));
}

#[test]
fn hostile_unterminated_constructs() {
    for s in [
        "<html><body><p>Text<!-- never closed",
        "<script>var x = '<p>not text</p>';",
        "<div class=\"unterminated attribute value><p>Words",
        "<p>a &#99999999999; b &#x110000; c &amp d &",
        "<",
        "",
        "</div></div></p></body>",
        "<p>bad utf8 \u{FFFD} ok</p>",
    ] {
        let a = run_small_stack(s.as_bytes().to_vec(), limit());
        assert!(a.published.is_empty(), "{s}");
    }
}

#[test]
fn hostile_deep_json_ld() {
    let n = scale(100_000);
    let s = format!(
        "<script type=\"application/ld+json\">{}{}</script><p>x</p>",
        "[".repeat(n),
        "]".repeat(n)
    );
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(a.published.is_empty());
}

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../tests/fixtures/html/", $name)).as_slice()
    };
}

fn first(a: &HtmlArticle) -> (NaiveDate, PubDateSource) {
    let e = a.published.first().expect("a publication date");
    (e.date, e.source)
}

#[test]
fn json_ld_graph_date_authors_and_boilerplate() {
    let a = read_html(fixture!("jsonld_full.html"));
    // 23:30 at -05:00 stays on the 3rd (the page's own zone), not the 4th in UTC.
    assert_eq!(first(&a), (d(2021, 3, 3), PubDateSource::JsonLd));
    assert_eq!(a.modified.as_ref().map(|m| m.date), Some(d(2021, 3, 5)));
    assert_eq!(a.authors, vec!["Mara Lindqvist", "Tomas Okafor"]);
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Coastal Courier"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/news/harbour-bridge-reopens")
    );
    let t = text(&a);
    for keep in [
        "opened to traffic again on Wednesday",
        "Traffic expected to ease",
        "Heavy lorries remain banned",
        "heart of the harbour",
        "Cyclists crossed the bridge",
        "publish a full report",
    ] {
        assert!(t.contains(keep), "missing {keep:?} in\n{t}");
    }
    for drop in [
        "cookies",             // cookie banner
        "Weather forecast",    // nav
        "Share on Facebook",   // share bar
        "morning briefing",    // newsletter
        "covers transport",    // author bio
        "Ferry timetable",     // related list
        "taking the ferry",    // comments
        "All rights reserved", // footer
        "By Mara",             // byline
    ] {
        assert!(!t.contains(drop), "leaked {drop:?} in\n{t}");
    }
    let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&ParagraphKind::Heading));
    assert!(kinds.contains(&ParagraphKind::ListItem));
    assert!(kinds.contains(&ParagraphKind::Quote));
    assert!(kinds.contains(&ParagraphKind::Caption));
    // The headline is the title, not a body block.
    assert!(!a
        .blocks
        .iter()
        .any(|b| b.text.contains("reopens after repairs")));
}

#[test]
fn meta_tag_date_and_sidebar() {
    let a = read_html(fixture!("meta_tags.html"));
    assert_eq!(first(&a), (d(2019, 4, 17), PubDateSource::Meta));
    assert_eq!(a.modified.as_ref().map(|m| m.date), Some(d(2019, 4, 18)));
    assert_eq!(a.authors, vec!["Ana Ferreira"]);
    let t = text(&a);
    assert!(t.contains("third of the cherry crop"));
    assert!(!t.contains("Road closures"));
    assert!(!t.contains("Contact us"));
}

#[test]
fn time_element_date() {
    let a = read_html(fixture!("time_element.html"));
    assert_eq!(first(&a), (d(2022, 11, 8), PubDateSource::TimeElement));
    let t = text(&a);
    assert!(t.contains("nine in the evening"));
    assert!(!t.contains("Story time"));
    assert!(!t.contains("Tweet"));
}

#[test]
fn url_date() {
    let a = read_html(fixture!("url_date.html"));
    assert_eq!(first(&a), (d(2019, 7, 14), PubDateSource::Url));
    assert!(!text(&a).contains("inbox"));
}

#[test]
fn byline_date() {
    let a = read_html(fixture!("byline.html"));
    assert_eq!(first(&a), (d(2021, 3, 3), PubDateSource::Byline));
    let t = text(&a);
    assert!(t.contains("carved wooden doors"));
    assert!(!t.contains("Published 3 March"));
    assert!(!t.contains("heritage"));
}

#[test]
fn no_date_is_never_invented() {
    let a = read_html(fixture!("no_date.html"));
    assert!(a.published.is_empty(), "{:?}", a.published);
    assert!(a.modified.is_none());
    assert!(text(&a).contains("4 May 2019"));
}

#[test]
fn json_ld_article_body_fallback() {
    let a = read_html(fixture!("article_body_fallback.html"));
    assert_eq!(first(&a), (d(2020, 6, 30), PubDateSource::JsonLd));
    assert_eq!(a.blocks.len(), 3);
    assert!(a.blocks[1].text.starts_with("Residents of the three"));
    assert!(a.problems.iter().any(|p| p.message.contains("articleBody")));
}

#[test]
fn malformed_html_still_reads() {
    let a = read_html(fixture!("malformed.html"));
    let t = text(&a);
    assert!(t.contains("forty-one years on the rock"));
    assert!(t.contains("sound of the waves under the tower"));
    assert!(t.contains("summer & the keeper's cottage becomes a small museum about"));
    // <br><br> splits a paragraph.
    assert!(a
        .blocks
        .iter()
        .any(|b| b.text.starts_with("Trips leave twice a day")));
    assert!(a.blocks.iter().any(|b| b
        .text
        .ends_with("Visitors can book a boat trip from the harbour.")));
    assert!(!t.contains("Archive"));
    assert!(a.published.is_empty());
}

#[test]
fn encodings() {
    let ru = "Городской парк снова откроется";
    let fr = "la boulangerie de la place de l'église a rouvert";
    for (bytes, want, enc) in [
        (fixture!("windows1251.html"), ru, "windows-1251"),
        (fixture!("nocharset_1251.html"), ru, "windows-1251"),
        (fixture!("latin1.html"), fr, "windows-1252"),
        (fixture!("utf8_bom.html"), fr, "UTF-8"),
        (fixture!("utf16_bom.html"), ru, "UTF-16LE"),
    ] {
        let (_, used) = crate::ingest::decode::decode(bytes, true);
        assert_eq!(used, enc);
        let a = read_html(bytes);
        assert!(text(&a).contains(want), "{enc}: {}", text(&a));
        assert!(!a.published.is_empty(), "{enc}");
    }
}

#[test]
fn fixture_dates_right() {
    // Every fixture that states a date in markup gets it right; the one without gets none.
    let cases: &[(&[u8], Option<NaiveDate>)] = &[
        (fixture!("jsonld_full.html"), Some(d(2021, 3, 3))),
        (fixture!("meta_tags.html"), Some(d(2019, 4, 17))),
        (fixture!("time_element.html"), Some(d(2022, 11, 8))),
        (fixture!("url_date.html"), Some(d(2019, 7, 14))),
        (fixture!("byline.html"), Some(d(2021, 3, 3))),
        (fixture!("article_body_fallback.html"), Some(d(2020, 6, 30))),
        (fixture!("windows1251.html"), Some(d(2023, 5, 20))),
        (fixture!("latin1.html"), Some(d(2018, 9, 12))),
        (fixture!("utf16_bom.html"), Some(d(2023, 5, 20))),
        (fixture!("no_date.html"), None),
        (fixture!("malformed.html"), None),
    ];
    for (bytes, want) in cases {
        let a = read_html(bytes);
        assert_eq!(a.published.first().map(|e| e.date), *want);
    }
}

#[test]
fn date_parsing() {
    use super::dates::*;
    assert_eq!(
        parse_meta_date("2021-03-03T23:30:00-05:00"),
        Some(d(2021, 3, 3))
    );
    assert_eq!(parse_meta_date("20210303"), Some(d(2021, 3, 3)));
    assert_eq!(parse_meta_date("not a date"), None);
    // The clock glued on (12 or 14 digits); an impossible clock or another length is an id.
    assert_eq!(parse_meta_date("20210303154500"), Some(d(2021, 3, 3)));
    assert_eq!(parse_meta_date("202103031545"), Some(d(2021, 3, 3)));
    assert_eq!(parse_meta_date("20210303994500"), None);
    assert_eq!(parse_meta_date("2021030315450"), None);
    assert_eq!(parse_meta_date("20211303154500"), None);
    assert_eq!(
        parse_text_date("Updated: March 3rd, 2021 at 5pm"),
        Some(d(2021, 3, 3))
    );
    assert_eq!(parse_text_date("Tuesday 3 Mar. 2021"), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("03.03.2021 12:00"), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("31 February 2021"), None);
    assert_eq!(
        parse_url_date("https://x.example/2021/03/03/slug"),
        Some(d(2021, 3, 3))
    );
    assert_eq!(
        parse_url_date("https://x.example/news/2021-03-03-slug"),
        Some(d(2021, 3, 3))
    );
    assert_eq!(parse_url_date("https://x.example/article/12345678"), None);
    assert_eq!(parse_url_date("https://2021-03-03.example/a"), None);
}

#[test]
fn class_names_read_by_telling_word() {
    use super::extract::boiler_level;
    assert!(boiler_level("article-body__share-tools") > 0);
    assert!(boiler_level("comments-area") > 0);
    assert_eq!(boiler_level("tag-some-person"), 0);
    assert_eq!(boiler_level("has-sidebar"), 0);
    assert_eq!(boiler_level("entry-content"), 0);
    assert!(boiler_level("relatedStories") > 0);
}

/// Main text as `dateline text` prints it: captions left out.
fn main_text(a: &HtmlArticle) -> String {
    a.blocks
        .iter()
        .filter(|b| b.kind != ParagraphKind::Caption)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn teaser_heading_cuts_following_cards_pt() {
    let a = read_html(fixture!("teasers_pt.html"));
    let t = text(&a);
    assert!(t.contains("voltou à praça central"), "{t}");
    assert!(t.contains("oficinas de leitura"), "{t}");
    for drop in [
        "Você pode gostar",        // teaser heading
        "Teatro municipal",        // card after it
        "ciclovia liga",           // card text
        "Leia também",             // "read also" line
        "Compartilhe",             // share
        "Por Ana Souza",           // Portuguese byline
        "Publicado em 3 de março", // visible date line
    ] {
        assert!(!t.contains(drop), "leaked {drop:?} in\n{t}");
    }
    assert_eq!(first(&a), (d(2021, 3, 3), PubDateSource::Byline));
}

#[test]
fn card_grid_is_not_the_article() {
    let a = read_html(fixture!("card_grid.html"));
    let t = text(&a);
    assert!(t.contains("mild spring"), "{t}");
    assert!(t.contains("roadside stalls"), "{t}");
    assert!(!t.contains("wild yeasts"), "{t}");
    assert!(!t.contains("Frost warning"), "{t}");
}

#[test]
fn hidden_tab_panel_tweet_gallery_caption_table_footer() {
    let a = read_html(fixture!("hidden_and_embeds.html"));
    let t = main_text(&a);
    // A collapsed tab panel full of prose is article text; a hidden menu is not.
    assert!(t.contains("Neap tides fall in between"), "{t}");
    assert!(t.contains("floating and grounding"), "{t}");
    assert!(!t.contains("favourite harbours"), "{t}");
    // An embedded post is quoted content.
    assert!(a
        .blocks
        .iter()
        .any(|b| b.kind == ParagraphKind::Quote && b.text.contains("lowest I have seen")));
    // A caption outside <figure>, named as one, is a caption.
    assert!(!t.contains("Boats resting"), "{t}");
    assert!(a
        .blocks
        .iter()
        .any(|b| b.kind == ParagraphKind::Caption && b.text.contains("Boats resting")));
    // The table's footer repeats its header: read once.
    assert_eq!(
        a.blocks
            .iter()
            .filter(|b| b.text == "Time | Height")
            .count(),
        1,
        "{t}"
    );
    assert!(t.contains("06:12"));
    // "Updated ..." dates the last edit, never the publication.
    assert!(a.published.is_empty(), "{:?}", a.published);
    assert_eq!(a.modified.as_ref().map(|m| m.date), Some(d(2022, 6, 14)));
}

#[test]
fn related_heading_and_boilerplate_ru() {
    let a = read_html(fixture!("related_ru.html"));
    let t = text(&a);
    assert!(t.contains("пешеходного моста"), "{t}");
    assert!(t.contains("к осени следующего года"), "{t}");
    for drop in [
        "Читайте также",
        "сто новых деревьев",
        "Автобус номер пять",
        "Поделиться",
    ] {
        assert!(!t.contains(drop), "leaked {drop:?} in\n{t}");
    }
    assert_eq!(first(&a), (d(2021, 3, 12), PubDateSource::Byline));
}

#[test]
fn multilingual_dates_and_lines() {
    use super::dates::parse_text_date;
    use super::extract::is_boilerplate_line;
    assert_eq!(parse_text_date("3 de março de 2021"), Some(d(2021, 3, 3)));
    assert_eq!(
        parse_text_date("Publicado el 3 de marzo de 2021"),
        Some(d(2021, 3, 3))
    );
    assert_eq!(parse_text_date("le 3 mars 2021 à 10h"), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("3. März 2021"), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("3 marzo 2021"), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("3 марта 2021 г."), Some(d(2021, 3, 3)));
    assert_eq!(parse_text_date("12 août 2020"), Some(d(2020, 8, 12)));
    assert_eq!(
        parse_text_date("2019年11月18日 10:00"),
        Some(d(2019, 11, 18))
    );
    assert_eq!(parse_text_date("2019년 11월 18일"), Some(d(2019, 11, 18)));
    // Date-only lines, numeric dates in either order among them.
    assert!(super::dates::is_date_line(
        "segunda-feira, 22 de janeiro de 2018 às 0:13"
    ));
    assert!(super::dates::is_date_line("05/10/2018"));
    assert!(!super::dates::is_date_line(
        "The bridge opened on 3 March 2021."
    ));
    // A month-like word without a day and a year is no date.
    assert_eq!(parse_text_date("Mai Tai recipes"), None);
    for line in [
        "Lee también: el puerto amplía su horario",
        "À lire aussi",
        "Lesen Sie auch: Die Brücke ist fertig",
        "Leggi anche",
        "Читайте также",
        "Publicidade",
        "Por Ana Souza",
        "Par Jean Dupont",
        "Von Max Müller",
        "Suscríbete a nuestro boletín",
        "Mis à jour le 3 mars 2021",
        "Photo: Jane Doe/Reuters",
        "Foto: Arquivo pessoal",
        "[button link=\"/submit\" type=\"big\"]Send us your story[/button]",
        "Get the magazine delivered every month. Click here for more information.",
    ] {
        assert!(is_boilerplate_line(line), "{line}");
    }
    for line in [
        "Por la mañana, el puerto abrió sus puertas a los visitantes.",
        "Von den zwölf Booten kehrten nur drei zurück.",
    ] {
        assert!(!is_boilerplate_line(line), "{line}");
    }
}

#[test]
fn class_names_in_other_languages() {
    use super::extract::boiler_level;
    assert_eq!(boiler_level("comentarios-area"), 3);
    assert_eq!(boiler_level("bloc-commentaires"), 3);
    assert!(boiler_level("noticias-relacionadas") >= 2);
    assert!(boiler_level("post-autor") >= 2);
    assert_eq!(boiler_level("articulo-cuerpo"), 0);
    assert_eq!(boiler_level("disqus_thread"), 3);
    assert!(boiler_level("addtoany_share_save_container") >= 2);
    assert!(boiler_level("jp-relatedposts") >= 2);
}

#[test]
fn caption_named_article_body_is_still_text() {
    let html = format!(
        "<html><body><div class=\"entry-content has-captions\">{}{}{}</div></body></html>",
        ARTICLE,
        "<p>Members also agreed to repair the old footbridge, which has been closed since the spring floods, before the end of the year.</p>",
        "<p>The mayor said the money would come from reserves, so that council tax would not rise, and thanked staff for their work on the plan.</p>"
    );
    let a = read_html(html.as_bytes());
    assert!(
        main_text(&a).contains("approved the new budget"),
        "{:?}",
        a.blocks
    );
}

#[test]
fn list_article_made_of_cards_is_kept() {
    // A listicle whose items look like cards (picture, linked name, text): when cards are
    // most of the page they are the article.
    let mut html = String::from("<html><body><div class=\"post\"><p>Five bakeries worth the queue this winter, chosen by our readers after a long vote.</p><ul>");
    for (name, line) in [
        ("North Loaf", "Sourdough baked in a wood oven every morning, with a crust that crackles, and rye on Fridays."),
        ("Crumb & Co", "Small shop near the station where the cinnamon buns sell out before nine on most days."),
        ("The Mill", "A former flour mill turned café, with long tables, a view of the river and honey cake."),
        ("Oven Door", "Family bakery open since 1962, famous for poppy seed rolls and strong coffee at the counter."),
        ("Rise", "Young bakers trying new grains, spelt and emmer, with a different loaf every week of the year."),
    ] {
        html.push_str(&format!(
            "<li class=\"item\"><img src=\"x.jpg\"><h3><a href=\"/b\">{name}</a></h3><p>{line}</p></li>"
        ));
    }
    html.push_str("</ul></div></body></html>");
    let a = read_html(html.as_bytes());
    let t = main_text(&a);
    assert!(t.contains("wood oven"), "{t}");
    assert!(t.contains("emmer"), "{t}");
}

#[test]
fn standfirst_above_the_body_box_is_kept() {
    let html = format!(
        "<html><body><article><h1>Budget approved</h1>\
         <div class=\"article__summary\">After a long night, councillors backed the plan for schools and roads.</div>\
         <div class=\"share\"><a href=\"/s\">Share</a></div>\
         <div class=\"article__text\">{ARTICLE}{ARTICLE}</div>\
         <div class=\"sidebar-teaser\">Elsewhere today: the weather turns cold again in the north.</div>\
         </article></body></html>"
    );
    let a = read_html(html.as_bytes());
    let t = main_text(&a);
    assert!(t.starts_with("After a long night"), "{t}");
    assert!(t.contains("approved the new budget"), "{t}");
    assert!(!t.contains("Elsewhere today"), "{t}");
}

#[test]
fn trailing_heading_is_dropped() {
    let html = format!(
        "<html><body><div class=\"post\">{ARTICLE}{ARTICLE}<h2>Reader reactions</h2>\
         <div class=\"comments\"><p>I was there and it was a long night, but worth it.</p></div>\
         </div></body></html>"
    );
    let a = read_html(html.as_bytes());
    assert!(a
        .blocks
        .last()
        .is_some_and(|b| b.kind != ParagraphKind::Heading));
    assert!(!text(&a).contains("Reader reactions"));
}

/// Furniture lines in scripts written without spaces (a paragraph is one "word", so length
/// is counted in characters) and in right-to-left pages; stamps with the publication word
/// after the date, as Chinese, Japanese and Korean pages write them.
#[test]
fn furniture_lines_in_cjk_and_arabic_and_stamps_with_the_word_last() {
    use super::extract::is_boilerplate_line;
    for line in [
        "12/3(火) 10:15配信",
        "2023年9月14日 10時30分 更新",
        "2023.09.14 10:00 입력",
        "최종수정 2023.09.15 오후 3:20",
        "发布时间：2023-09-14 10:30",
        "2024-03-02 08:30　来源：本地日报",
        "2024年3月2日 来源：新华社 编辑：李明",
        "（责任编辑：王芳）",
        "相关阅读：港口新码头开工",
        "【関連記事】港の防波堤が完成",
        "続きを読む",
        "分享到",
        "광고",
        "اقرأ أيضا: افتتاح حديقة على الضفة الشرقية",
        "إعلان",
        "Story continues below advertisement",
        "Pinned",
        // A reporter's signature or a contact line.
        "홍길동 기자 hong@example.kr",
        "Contact the writer at jane.doe@example.com.",
    ] {
        assert!(is_boilerplate_line(line), "{line}");
    }
    for line in [
        // A sentence with a date and a publication word is text.
        "新しい計画は2024年3月に公開される予定だ。",
        "수정안은 2024년 3월 국회에 제출된다.",
        "该报告于2023年9月发布，引起了广泛关注。",
        "2023年的来源：统计局",
        // A clock time alone is a live blog's entry heading.
        "10:15",
        // A paragraph that opens like furniture but runs long is a paragraph.
        "相关新闻报道指出，老城区的街道改造从去年三月开始，工程总投资约一亿二千万元，改造后的街道拓宽了人行道，增加了自行车道，并新建了二十多处停车位，居民出行更加方便，市里还计划明年对另外八条街道进行改造，预计工期为一年半左右，届时老城区的交通状况将得到进一步改善，居民和商户都对此表示欢迎。",
        "Pinned to the wall of the station was a notice from the rail company.",
        "Readers who saw the crash can write to the police at witness@example.org with photos.",
        "The band's new single, @home, comes out on Friday.",
    ] {
        assert!(!is_boilerplate_line(line), "{line}");
    }
}

/// A heading that is wholly a link is kept when it opens a box of prose below the
/// article's own box (a list article's items, a live blog's entries); a one-word link over
/// a box (a section name) and a linked heading between the article's own paragraphs are not.
#[test]
fn linked_headings_that_open_a_box_of_prose_are_kept() {
    let item = |title: &str, href: &str| {
        format!(
            "<div class=\"item\"><h2><a href=\"{href}\">{title}</a></h2><p>The path follows \
             the cliff edge for two miles before it drops to a sandy cove, where the cafe \
             stays open on winter weekends.</p></div>"
        )
    };
    let page = format!(
        "<html><body><article><h1>Walks</h1><div class=\"body\"><p>Winter is the best \
         season for the coast, when the car parks are empty and the paths are quiet, and \
         these routes are all short enough for an afternoon.</p>{}{}{}<h3><a \
         href=\"/other\">Council approves new car park charges</a></h3><p>Check the tide \
         times before you set out, and wear boots, because the headland paths stay muddy \
         until the spring.</p></div></article></body></html>",
        item("North Head loop", "/walks/north-head"),
        item("Sandbay to the fort", "/walks/sandbay"),
        item("Coast", "/topics/coast"),
    );
    let t = text(&read_html_str(&page));
    assert!(t.contains("North Head loop"), "{t}");
    assert!(t.contains("Sandbay to the fort"), "{t}");
    assert!(!t.contains("Council approves"), "{t}");
    assert_eq!(t.matches("sandy cove").count(), 3, "{t}");
    assert!(!t.contains("\n\nCoast\n\n"), "{t}");
}

#[test]
fn teaser_headings_match_whole_or_by_known_openings() {
    use super::phrases::is_teaser_heading;
    for h in [
        "Related stories",
        "Você pode gostar...",
        "More from Business",
        "Самые популярные диеты",
        "Leia também",
        "Vous aimerez aussi",
        "関連記事",
        "あわせて読みたい",
        "相关新闻",
        "相关推荐",
        "관련기사",
        "أخبار ذات صلة",
    ] {
        assert!(is_teaser_heading(h), "{h}");
    }
    for h in [
        "Recommended dosage",
        "Relatedness and kinship",
        "Latest news from the front line of the strike",
        "Trends in housing",
        "Popular uprising spreads to the capital",
        "関連法案の審議",
        "相关部门的回应",
    ] {
        assert!(!is_teaser_heading(h), "{h}");
    }
}

#[test]
fn inline_links_named_like_furniture_stay_in_the_sentence() {
    let html = format!(
        "<html><body><div class=\"story\">{ARTICLE}<p>Radiation is a hazard of deep \
         <a class=\"textTag\" href=\"/tags/space\">space travel</a>, the report said, and \
         <span class=\"share-word\">shielding</span> must be planned early.</p>{ARTICLE}</div></body></html>"
    );
    let a = read_html(html.as_bytes());
    let t = text(&a);
    assert!(
        t.contains("hazard of deep space travel, the report said"),
        "{t}"
    );
    assert!(t.contains("and shielding must"), "{t}");
}

#[test]
fn date_forms_in_many_languages_and_scripts() {
    use super::dates::{find_dates, normalize_digits, parse_text_date, parse_text_date_in, Order};
    let rows: &[(&str, Option<NaiveDate>)] = &[
        ("14. September 2023, 09:40 Uhr", Some(d(2023, 9, 14))),
        ("le 1er mars 2021 à 10h", Some(d(2021, 3, 1))),
        ("1º de março de 2021", Some(d(2021, 3, 1))),
        ("2023. szeptember 14. 10:02", Some(d(2023, 9, 14))),
        ("14 września 2023 r.", Some(d(2023, 9, 14))),
        ("14 Eylül 2023 Perşembe", Some(d(2023, 9, 14))),
        ("Kamis, 14 Agustus 2023", Some(d(2023, 8, 14))),
        ("14 вересня 2023", Some(d(2023, 9, 14))),
        ("14 сен 2023, 10:15", Some(d(2023, 9, 14))),
        ("입력 2023. 9. 14. 오전 8:15", Some(d(2023, 9, 14))),
        // ...a sentence's full stop after a year is not a Korean date.
        ("It closed in 2019. 3. The second", None),
        ("3 мар. 2021 г.", Some(d(2021, 3, 3))),
        ("Обновлено 1 нояб 2022", Some(d(2022, 11, 1))),
        ("14 Σεπτεμβρίου 2023", Some(d(2023, 9, 14))),
        ("१४ सितंबर २०२३", Some(d(2023, 9, 14))),
        ("١٤ سبتمبر ٢٠٢٣", Some(d(2023, 9, 14))),
        ("14 تشرين الأول 2023", Some(d(2023, 10, 14))),
        ("14 กันยายน 2566", Some(d(2023, 9, 14))),
        ("２０２３年９月１４日　１０時", Some(d(2023, 9, 14))),
        ("令和元年5月1日", Some(d(2019, 5, 1))),
        ("平成30年12月3日", Some(d(2018, 12, 3))),
        ("14/09/2023", Some(d(2023, 9, 14))),
        ("09/14/2023", Some(d(2023, 9, 14))),
        ("2023/09/14 10:00", Some(d(2023, 9, 14))),
        ("Nov. 19, 2019 5:50 PM", Some(d(2019, 11, 19))),
        // Either order possible and no page language: not guessed.
        ("05/10/2018", None),
        // Separators must match: no date in a score line or a range of numbers.
        ("2019-11/5", None),
        ("Revenue rose 12.5 percent in 2023", None),
    ];
    for (s, want) in rows {
        assert_eq!(parse_text_date(s), *want, "{s}");
    }
    assert_eq!(
        parse_text_date_in("05/10/2018", Order::DayFirst),
        Some(d(2018, 10, 5))
    );
    assert_eq!(
        parse_text_date_in("05/10/2018", Order::MonthFirst),
        Some(d(2018, 5, 10))
    );
    assert_eq!(Order::of_language(Some("en-US")), Order::MonthFirst);
    assert_eq!(Order::of_language(Some("pt_BR")), Order::DayFirst);
    assert_eq!(Order::of_language(Some("en")), Order::Unknown);
    // Several dates in one line, in order, with their places.
    let t = normalize_digits("Updated 18 Nov 2019 · Posted 17 Nov 2019");
    let f = find_dates(&t, Order::Unknown, 4);
    assert_eq!(f.len(), 2);
    assert_eq!(&t[f[1].start..f[1].end], "17 Nov 2019");
}

#[test]
fn stamps_urls_and_epochs() {
    use super::dates::{parse_epoch, parse_stamp, parse_url_date, parse_url_month};
    let s = parse_stamp("2021-03-04T02:30:00Z").unwrap();
    assert_eq!((s.date, s.utc), (d(2021, 3, 4), true));
    let s = parse_stamp("2021-03-03T21:30:00-05:00").unwrap();
    assert_eq!((s.date, s.utc), (d(2021, 3, 3), false));
    assert!(parse_stamp("2021-03-04T02:30:00+00:00").unwrap().utc);
    assert!(!parse_stamp("2021-03-04").unwrap().utc);
    assert!(parse_stamp("Thu, 04 Mar 2021 02:30:00 GMT").unwrap().utc);
    assert_eq!(
        parse_epoch("1574168580").map(|s| s.date),
        Some(d(2019, 11, 19))
    );
    assert_eq!(
        parse_epoch("1574168580123").map(|s| s.date),
        Some(d(2019, 11, 19))
    );
    assert_eq!(parse_epoch("12345"), None);
    assert_eq!(parse_epoch("9999999999"), None);
    assert_eq!(
        parse_url_date("https://x.example/world/2019/nov/18/slug"),
        Some(d(2019, 11, 18))
    );
    // Month words of other languages are words in their URLs ("set", "out").
    assert_eq!(parse_url_date("https://x.example/2019/set/18/slug"), None);
    assert_eq!(
        parse_url_month("https://x.example/2019/11/doobie-brothers.html"),
        Some((2019, 11))
    );
    assert_eq!(
        parse_url_month("https://x.example/2019/11/19/x"),
        Some((2019, 11))
    );
    assert_eq!(parse_url_month("https://x.example/item/2019/123456"), None);
    // More shapes of a date in an address: mixed separators, one-digit parts, month and day
    // glued, a compact date with a clock time or a one-letter prefix.
    for (url, want) in [
        (
            "https://x.example/world/2023-09/14/c_123.htm",
            Some(d(2023, 9, 14)),
        ),
        (
            "https://x.example/gn/2023/09-14/10077.shtml",
            Some(d(2023, 9, 14)),
        ),
        (
            "https://x.example/n1/2023/0914/c1002-4007.html",
            Some(d(2023, 9, 14)),
        ),
        (
            "https://x.example/2023/9/4/harbour-plan",
            Some(d(2023, 9, 4)),
        ),
        (
            "https://x.example/202309/t20230914_123.html",
            Some(d(2023, 9, 14)),
        ),
        (
            "https://x.example/news/202309141030-harbour",
            Some(d(2023, 9, 14)),
        ),
        // Not dates: an id after year and month, a year and a slug, a long number, a
        // clock time that is not one, letters glued to the date's end.
        ("https://x.example/2019/11/123-slug", None),
        ("https://x.example/2019-11-doobie", None),
        ("https://x.example/id/20230914999999", None),
        ("https://x.example/202309142599-x", None),
        ("https://x.example/ab20230914_1.html", None),
        ("https://x.example/2023/0914abc", None),
    ] {
        assert_eq!(parse_url_date(url), want, "{url}");
    }
}

#[test]
fn which_date_a_byline_line_means() {
    use super::dates::Order;
    use super::evidence::date_in_line;
    let rows: &[(&str, Option<(NaiveDate, bool)>)] = &[
        (
            "By Eric Song Updated: 18 Nov 2019 9:38 pm Posted: 17 Nov 2019 8:11 pm",
            Some((d(2019, 11, 17), false)),
        ),
        (
            "on December 27, 2014 at 12:06 PM, updated December 28, 2014 at 12:10 PM",
            Some((d(2014, 12, 27), false)),
        ),
        (
            "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
            Some((d(2019, 11, 19), false)),
        ),
        ("Last updated 3 May 2021", Some((d(2021, 5, 3), true))),
        ("Mis à jour le 4 mai 2021", Some((d(2021, 5, 4), true))),
        ("최종수정 2021.05.04 10:00", Some((d(2021, 5, 4), true))),
        ("发布时间：2023-11-17 20:52", Some((d(2023, 11, 17), false))),
        // Japanese, Chinese and Korean put the word after the date.
        (
            "2023年9月15日 8時05分 更新 / 2023年9月14日(木) 10時30分 公開",
            Some((d(2023, 9, 14), false)),
        ),
        ("2023年9月15日 更新", Some((d(2023, 9, 15), true))),
        (
            "2023年9月14日 10:30 / 2023年9月15日 更新",
            Some((d(2023, 9, 14), false)),
        ),
        ("2023.09.15 09:10 수정", Some((d(2023, 9, 15), true))),
        // ...unless the words lead their dates.
        (
            "公開日：2023年9月14日 更新日：2023年9月15日",
            Some((d(2023, 9, 14), false)),
        ),
        // Words that lead their dates in other languages and forms.
        (
            "Mis en ligne le 14 septembre 2023 à 8h15 · mis à jour le 15 septembre 2023",
            Some((d(2023, 9, 14), false)),
        ),
        (
            "更新時間：2023/09/15 10:30 發佈時間：2023/09/14 08:15",
            Some((d(2023, 9, 14), false)),
        ),
        (
            "2023.09.15 10:30 수정 2023.09.14 08:15 승인",
            Some((d(2023, 9, 14), false)),
        ),
        (
            "Erstellt am 14.09.2023, aktualisiert am 15.09.2023",
            Some((d(2023, 9, 14), false)),
        ),
        (
            "Atualização: 15/09/2023 10h · Publicado em 14/09/2023",
            Some((d(2023, 9, 14), false)),
        ),
        // German "Stand:" is the state as of the last update; "Erstveröffentlichung" the
        // first publication; Dutch "gewijzigd", Italian "modificato" are updates.
        (
            "Stand: 20.09.2023, 10:00 Uhr | Erstveröffentlichung: 14.09.2023",
            Some((d(2023, 9, 14), false)),
        ),
        ("Stand: 20.09.2023 10:00 Uhr", Some((d(2023, 9, 20), true))),
        (
            "Laatst gewijzigd 20-09-2023 · Gepubliceerd 14-09-2023",
            Some((d(2023, 9, 14), false)),
        ),
        (
            "Modificato il 20/09/2023 - Pubblicato il 14/09/2023",
            Some((d(2023, 9, 14), false)),
        ),
        // "Standard" and a stand of trees are not the word.
        (
            "Standard edition, 14.09.2023",
            Some((d(2023, 9, 14), false)),
        ),
        ("By Jane Doe", None),
    ];
    for (s, want) in rows {
        assert_eq!(date_in_line(s, Order::Unknown), *want, "{s}");
    }
}

#[test]
fn meta_keys_read_by_their_words() {
    use super::evidence::{meta_key, Kind};
    let get = |k: &str, v: &str| meta_key(k, v).map(|c| (c.date, c.kind, c.modified));
    let day = d(2021, 3, 3);
    assert_eq!(
        get("article:published_time", "2021-03-03T10:00:00+01:00"),
        Some((day, Kind::MetaKnown, false))
    );
    assert_eq!(
        get("og:updated_time", "2021-03-03"),
        Some((day, Kind::MetaKnown, true))
    );
    for key in [
        "weibo: article:create_at",
        "bt:pubdate",
        "publish-time",
        "release-date",
    ] {
        assert_eq!(
            get(key, "2021-03-03 10:00:00"),
            Some((day, Kind::MetaGuessed, false)),
            "{key}"
        );
    }
    assert_eq!(
        get("last_revised", "2021-03-03"),
        Some((day, Kind::MetaGuessed, true))
    );
    for key in [
        "article:expiration_time",
        "page-crawled-time",
        "event-start-date",
        "publisher",
        "viewport",
    ] {
        assert_eq!(get(key, "2021-03-03"), None, "{key}");
    }
    // A Unix time where the key says it is a time.
    assert_eq!(
        get("publish-timestamp", "1614765600").map(|x| x.0),
        Some(day)
    );
}

#[test]
fn meta_keys_of_other_vocabularies_and_glued_words() {
    use super::evidence::{meta_key, Kind};
    let get = |k: &str, v: &str| meta_key(k, v).map(|c| (c.date, c.kind, c.modified, c.confidence));
    let day = d(2021, 3, 3);
    // Dublin Core written with the RDFa prefix is the same key as with the HTML dot.
    for key in [
        "dc:date",
        "dcterms:issued",
        "dc:date.issued",
        "dcterms:created",
    ] {
        let got = get(key, "2021-03-03").unwrap();
        assert_eq!(
            (got.0, got.1, got.2),
            (day, Kind::MetaKnown, false),
            "{key}"
        );
    }
    assert_eq!(
        get("dcterms:modified", "2021-03-03").map(|x| (x.1, x.2)),
        Some((Kind::MetaKnown, true))
    );
    // Words glued into one: a word that names publication outright is firm on its own,
    // the others a guess below 0.8.
    for (key, firm) in [
        ("originalpublicationdate", true),
        ("prism.publicationdate", true),
        ("dcsext.articlefirstpublished", true),
        ("rbpubdate", false),
        ("dateposted", false),
        ("og:regdate", false),
        ("reg_date", false),
    ] {
        let got = get(key, "2021-03-03 10:00").unwrap_or_else(|| panic!("{key}"));
        assert_eq!(
            (got.0, got.1, got.2),
            (day, Kind::MetaGuessed, false),
            "{key}"
        );
        assert_eq!(got.3 >= 0.8, firm, "{key}: {got:?}");
    }
    // Still not a publication: who published it, a region, a date of something else.
    for key in ["publisher_date", "region", "registration-deadline"] {
        assert_eq!(get(key, "2021-03-03"), None, "{key}");
    }
    assert_eq!(
        get("reposted_updated", "2021-03-03").map(|x| x.2),
        Some(true)
    );
}

#[test]
fn short_broken_pages_keep_their_text() {
    let s = "On June 1, 2022, Kenya and Peru met";
    let pages = [
        format!("<p>{s}"),
        s.to_string(),
        format!("<html><body><div>{s}."),
        format!("<b>{s}</i></p></div>"),
        format!("<html><head><title>x</title></head><body><p>{s}.</p></body></html>"),
        format!("<<p>{s}."),
        format!("<p>{s}.<script>var x = 1;"),
        format!("<html><body><nav><p>{s}.</p></nav>"),
        format!("<p style=\"display:none\">{s}.</p>"),
        format!("<td>{s}."),
        format!("<li>{s}."),
        format!("<h2>{s}."),
        format!("<a href=x>{s}."),
        format!("<div class=\"comments\"><p>{s}.</p>"),
        format!("<body><p>{s}.</p><p>They agreed on a trade route.</p>"),
    ];
    for page in &pages {
        let a = read_html(page.as_bytes());
        assert!(
            text(&a).contains("Kenya and Peru met"),
            "{page:?} gave {:?}",
            a.blocks
        );
    }
    // Script text is never page text.
    let a = read_html(b"<script>var secret = 'Kenya';</script><p>Peru met Chile.</p>");
    assert!(!text(&a).contains("secret"), "{}", text(&a));
    assert!(text(&a).contains("Peru met Chile"));
}

/// Main text of a layout fixture, and the assertions every layout shares: the kept
/// sentences are there, the furniture is not.
fn layout(a: &HtmlArticle, keep: &[&str], drop: &[&str]) {
    let t = main_text(a);
    for k in keep {
        assert!(t.contains(k), "lost {k:?} in\n{t}");
    }
    for d in drop {
        assert!(!t.contains(d), "leaked {d:?} in\n{t}");
    }
}

#[test]
fn layout_live_blog_keeps_every_entry() {
    let a = read_html(fixture!("layout_liveblog.html"));
    layout(
        &a,
        &[
            "Police have closed the coast road",
            "two thousand homes in the valley",
            "cancelled every crossing",
            "Schools on the coast will open late",
            "issued a red warning",
            // An entry's heading is a link to the entry itself: text, not navigation.
            "All ferries cancelled for the day",
        ],
        &["Share", "Most read", "Village fete", "Home"],
    );
}

#[test]
fn layout_gallery_captions_are_captions() {
    let a = read_html(fixture!("layout_gallery.html"));
    layout(
        &a,
        &[
            "festival began in the nineteenth century",
            "second route through the new quarter",
        ],
        &[
            "paper lanterns shaped like fish",
            "Lena Ostrova",
            "Send us your pictures",
        ],
    );
    assert!(
        a.blocks
            .iter()
            .any(|b| b.kind == ParagraphKind::Caption
                && b.text.contains("dragon made of two hundred"))
    );
}

#[test]
fn layout_paywall_pitch_is_dropped() {
    let a = read_html(fixture!("layout_paywall.html"));
    layout(
        &a,
        &["second container terminal", "six hundred jobs"],
        &["subscribers", "Log in", "Continue reading"],
    );
}

#[test]
fn layout_related_links_inside_the_body_are_dropped() {
    let a = read_html(fixture!("layout_inline_related.html"));
    layout(
        &a,
        &[
            "ten thousand trees",
            "narrow streets",
            "ask for a tree",
            "first two thousand trees",
        ],
        &[
            "Parks budget cut",
            "More on this story",
            "Heatwave",
            "mowing the verges",
        ],
    );
}

#[test]
fn layout_comments_without_telling_class_names_are_dropped() {
    let a = read_html(fixture!("layout_comments.html"));
    layout(
        &a,
        &["old mill has stood", "one more year to raise the money"],
        &[
            "responses",
            "grandfather worked there",
            "who pays for it",
            "Leave a reply",
        ],
    );
    // A comment heading further down the article's own box ends the text before it.
    let page = "<html><body><div class=\"content\"><h2>Budget passed</h2>\
        <p>The council passed the budget on Tuesday after a long debate about the price of the new swimming pool.</p>\
        <p>Work on the pool starts in the spring and should be finished before the next summer holidays.</p>\
        <h3>Comments</h3><div class=\"c\">Great news, finally a pool for the town!</div></div></body></html>";
    let a = read_html(page.as_bytes());
    layout(&a, &["swimming pool", "summer holidays"], &["Great news"]);
    assert!(super::phrases::is_comment_heading("12 responses"));
    assert!(super::phrases::is_comment_heading("Comments (3)"));
    assert!(super::phrases::is_comment_heading(
        "4 thoughts on “Why the mill should stay”"
    ));
    assert!(super::phrases::is_comment_heading("3 Kommentare"));
    assert!(!super::phrases::is_comment_heading(
        "Responses to the flood"
    ));
    assert!(!super::phrases::is_comment_heading(
        "Comment: why the mill matters"
    ));
}

#[test]
fn layout_newsletter_box_inside_the_body_is_dropped() {
    let a = read_html(fixture!("layout_newsletter.html"));
    layout(
        &a,
        &[
            "drought-resistant wheat",
            "loses far less in a dry one",
            "demand to double",
        ],
        &["Morning Harvest", "inbox", "privacy policy"],
    );
}

#[test]
fn layout_table_rows_are_lines() {
    let a = read_html(fixture!("layout_table.html"));
    layout(
        &a,
        &[
            "Green Party | 31 | +12",
            "Labour | 19 | -5",
            "Turnout was sixty-one percent",
        ],
        &[],
    );
}

#[test]
fn layout_amp_furniture_is_dropped() {
    let a = read_html(fixture!("layout_amp.html"));
    layout(
        &a,
        &[
            "hundred and twelve steps",
            "handed the keys",
            "keeper's cottage",
        ],
        &[
            "Weather forecast",
            "cookies",
            "Advertisement",
            "Share on Twitter",
            "Menu",
        ],
    );
    assert_eq!(super::extract::boiler_level("amp-sidebar"), 1);
    assert_eq!(super::extract::boiler_level("amp-social-share"), 2);
}

#[test]
fn layout_article_split_into_several_boxes_is_whole() {
    let a = read_html(fixture!("layout_split.html"));
    layout(
        &a,
        &[
            "children who would be born",
            "first builder went bust",
            "Nurses who joined",
            "second wing",
        ],
        &["Advertisement", "Most popular", "Road works", "Sunny"],
    );
}

#[test]
fn layout_next_article_appended_to_the_page_is_left_out() {
    let a = read_html(fixture!("layout_next_article.html"));
    layout(
        &a,
        &["town hall tower struck noon", "wind the clock once a week"],
        &["bypass", "Next article", "lorries"],
    );
}

#[test]
fn layout_standfirst_named_teaser_is_the_articles() {
    let a = read_html(fixture!("layout_teaser_standfirst.html"));
    layout(
        &a,
        &[
            "zwölf Kilometer neue Radwege",
            "Stadtrat hat am Dienstag",
            "Uferweg für Fußgänger",
        ],
        &["Brücke gesperrt", "Neue Buslinie"],
    );
    let t = main_text(&a);
    assert!(t.find("zwölf Kilometer neue").unwrap() < t.find("Stadtrat").unwrap());
}

#[test]
fn dates_in_a_line_never_share_a_token() {
    use super::dates::{find_dates, Order};
    use super::evidence::date_in_line;
    // The year of "14.09.2023" is not also the year of "2023 September 12".
    let s = "Posted 14.09.2023 September 12 and 2023/09/14 12 September 2023";
    let f = find_dates(s, Order::Unknown, 8);
    for w in f.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{:?}",
            (w[0].start, w[0].end, w[1].start)
        );
    }
    assert_eq!(f.len(), 3);
    assert_eq!(
        date_in_line(s, Order::Unknown),
        Some((d(2023, 9, 14), false))
    );
}

#[test]
fn hostile_date_markup_everywhere() {
    // Deeply nested related boxes full of item metadata, dated boxes, times and headlines:
    // every date pass stays linear.
    let n = scale(50_000);
    let mut s = String::from("<html><body><h1>Title</h1>");
    for i in 0..n {
        s.push_str(&format!(
            "<div class=\"related date\" itemscope itemtype=\"x\"><meta itemprop=\"datePublished\" content=\"2020-01-{:02}\"><time datetime=\"2020-02-01\">1 Feb 2020</time><h1>Other {i}</h1>",
            i % 28 + 1
        ));
    }
    s.push_str(ARTICLE);
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(text(&a).contains("approved the new budget") || !a.blocks.is_empty());
}

#[test]
fn publication_keys_in_script_data() {
    use super::meta::script_state_date;
    let got = |s: &str| script_state_date(s).map(|c| c.date);
    // JSON, JSON escaped inside a string, an object literal, a Unix time.
    assert_eq!(
        got(r#"{"a":{"publishedAt":"2023-09-14T07:45:00Z"}}"#),
        Some(d(2023, 9, 14))
    );
    assert_eq!(
        got(r#"var s = "{\"pubDate\":\"2023-09-14\"}";"#),
        Some(d(2023, 9, 14))
    );
    assert_eq!(
        got("window.__S = {date_published: '14 September 2023'}"),
        Some(d(2023, 9, 14))
    );
    assert_eq!(got(r#"{"publishTime":1694655000}"#), Some(d(2023, 9, 14)));
    // Who published, whether, and when it was updated are not publication dates.
    assert_eq!(
        got(r#"{"publisher":"2023-09-14","isPublished":true}"#),
        None
    );
    assert_eq!(got(r#"{"publishUpdatedAt":"2023-09-14"}"#), None);
    assert_eq!(got("function publish(e){return e.date}"), None);
    // Many near misses in a large script: linear time (a hostile page).
    let big = "\"publishing\":1,".repeat(60_000);
    assert_eq!(got(&big), None);
}

#[test]
fn layout_list_article_keeps_its_list_and_drops_the_author_box() {
    let a = read_html(fixture!("layout_listicle.html"));
    layout(
        &a,
        &[
            "What the plan says",
            "A congestion charge for vehicles",
            "bike racks at railway stations",
            "Opposition councillors said",
        ],
        &["transport correspondent", "Bus fares frozen", "Sport"],
    );
}

#[test]
fn layout_text_split_by_line_breaks_is_paragraphs() {
    let a = read_html(fixture!("layout_br_paragraphs.html"));
    layout(
        &a,
        &[
            "closed to all shipping",
            "towed to safety",
            "wind to ease by Monday",
        ],
        &["All rights reserved", "Weather"],
    );
    assert_eq!(a.blocks.len(), 4, "{:?}", a.blocks);
}

#[test]
fn layout_interview_keeps_questions_and_the_editors_note() {
    let a = read_html(fixture!("layout_interview.html"));
    layout(
        &a,
        &[
            "reopened her bakery in six weeks",
            "When did you know the shop could be saved?",
            "Who helped?",
            "until it floods",
            "edited for length and clarity",
        ],
        &["Share on Facebook", "Sign up"],
    );
}

#[test]
fn hostile_page_for_the_last_resort_search() {
    // No usual date statement, so the whole-page search runs: many distinct dates in text,
    // elements whose date attributes are not dates, a long script of creation keys without
    // dates. Every pass stays linear.
    let n = scale(50_000);
    let mut s = String::from("<html><head><script>var x = [");
    for _ in 0..n {
        s.push_str("{\"dateCreated\":\"soon\",\"created_at\":null},");
    }
    s.push_str("];</script></head><body><h1>Title</h1>");
    for i in 0..n {
        s.push_str(&format!(
            "<div data-time=\"later\" title=\"1 {i}\"><span>{} March {}</span></div>",
            i % 28 + 1,
            1990 + i % 30
        ));
    }
    s.push_str("</body></html>");
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(a.published.iter().all(|e| e.confidence < 0.8));
}

/// The block holding `needle`.
fn block_with<'a>(a: &'a HtmlArticle, needle: &str) -> &'a Block {
    a.blocks
        .iter()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?} in {:?}", a.blocks))
}

#[test]
fn layout_paragraphs_as_sibling_divs_without_p() {
    let a = read_html(fixture!("layout_div_paragraphs.html"));
    layout(
        &a,
        &[
            "voted to strike for two days",
            "refused to discuss a limit",
            "forty ships waiting at anchor",
            "“We are asking to be awake when we bring a ship in.”",
            "mediator from the labour ministry",
        ],
        &[
            "Most read",
            "Council approves",
            "Home",
            "All rights reserved",
        ],
    );
    // Each <div> is a paragraph of its own.
    assert!(!block_with(&a, "voted to strike")
        .text
        .contains("Their union"));
}

#[test]
fn layout_paragraphs_as_spans_in_a_table_cell() {
    let a = read_html(fixture!("layout_span_lines.html"));
    layout(
        &a,
        &[
            "will stay open for at least three more years",
            "an hour away by bus",
            "teach two classes herself",
            "leaked into the classrooms",
        ],
        // The headline, set as the first line of the cell, is not a sentence of the text.
        &["Front page", "Letters", "late grant The village"],
    );
    assert!(!block_with(&a, "three more years")
        .text
        .contains("thirty-one"));
}

#[test]
fn layout_headings_inside_the_body_are_headings() {
    let a = read_html(fixture!("layout_body_headings.html"));
    layout(
        &a,
        &[
            "pay for water by the cubic metre",
            "rather than the number of people",
            "cap on their bill",
            "until a meter is fitted",
        ],
        &["Regional Post", "Money"],
    );
    for h in [
        "Who will pay more?",
        "Who will pay less?",
        "Help for large families",
        "When will meters be fitted?",
    ] {
        assert_eq!(block_with(&a, h).kind, ParagraphKind::Heading, "{h}");
    }
}

#[test]
fn layout_one_paragraph_article_beside_a_longer_sidebar() {
    let a = read_html(fixture!("layout_short_article.html"));
    layout(
        &a,
        &["The old river bridge was closed on Thursday morning"],
        &[
            "charitable trust",
            "About City Daily",
            "Market Square",
            "Culture",
        ],
    );
}

#[test]
fn layout_article_element_with_only_the_teaser() {
    let a = read_html(fixture!("layout_article_teaser_only.html"));
    layout(
        &a,
        // (The summary under the headline is left to the standfirst rule: a box named as
        // one just above the body. Read inside the headline's box as well it added such
        // lines on 4 of 181 articles-bench pages whose truth leaves them out, both halves.)
        &[
            "cutting open blossoms",
            "lowest reading for the middle of May",
            "ran sprinklers all night",
            "when the fruit sets in June",
        ],
        &["Valley Farmer Weekly", "Farming"],
    );
}

#[test]
fn layout_content_lists_kept_link_lists_dropped() {
    let a = read_html(fixture!("layout_lists_and_links.html"));
    layout(
        &a,
        &[
            "every ten minutes during the day",
            "use the ring road instead",
            "extended to the new hospital, as promised last year",
            "Night buses will run on Sunday nights",
            "served by routes 20 and 22",
            "fewer than fifty passengers a day",
            "new timetables at stops",
        ],
        &[
            "Tram extension delayed",
            "Fares to rise",
            "New cycle lanes",
            "About us",
        ],
    );
}

#[test]
fn layout_article_only_in_noscript() {
    let a = read_html(fixture!("layout_noscript_body.html"));
    layout(
        &a,
        &[
            "ordered two battery-powered ships",
            "charge its batteries at both ports",
            "cut its fuel bill by more than half",
        ],
        &["Loading", "Ferry operator orders two electric ships"],
    );
}

#[test]
fn layout_article_only_in_a_template() {
    let a = read_html(fixture!("layout_template_body.html"));
    layout(
        &a,
        &[
            "returned a pair of carved wooden doors",
            "bought them from the chapel's keeper",
            "service of thanks",
        ],
        &["Please wait"],
    );
}

#[test]
fn layout_article_only_in_next_js_state() {
    let a = read_html(fixture!("layout_next_data.html"));
    layout(
        &a,
        &[
            "three weeks after a landslide",
            "four thousand tonnes of earth",
            "while the ground settles",
        ],
        &["Bus fares frozen", "Coast News"],
    );
    assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
}

#[test]
fn thin_noscript_and_script_bodies_never_replace_the_article() {
    // A page whose visible article is long: a <noscript> copy of part of it and a state
    // blob with another story's body are ignored.
    let para = "<p>The council met on Monday to discuss the budget for the coming year, and \
                agreed after a long debate to keep the libraries open on Saturdays.</p>";
    let page = format!(
        "<html><body><article><h1>Budget agreed</h1>{}</article>\
         <noscript><p>The council met on Monday to discuss the budget for the coming year, \
         and the libraries will open on Saturdays; please enable scripts.</p></noscript>\
         <script>window.S={{\"articleBody\":\"Another story entirely, with a body of its own that \
         runs for a few sentences but is shorter than the article on the page.\"}}</script>\
         </body></html>",
        para.repeat(4)
    );
    let a = read_html(page.as_bytes());
    let t = main_text(&a);
    assert!(t.contains("keep the libraries open"), "{t}");
    assert!(!t.contains("please enable scripts"), "{t}");
    assert!(!t.contains("Another story"), "{t}");
}

#[test]
fn hidden_markup_nested_in_hidden_markup_is_read_once() {
    // <template> inside <noscript> inside <template> ...: only the outermost level is read as
    // a page, so alternating nesting cannot recurse.
    let n = scale(20_000);
    let mut s = String::from("<html><body><p>Short.</p>");
    for i in 0..n {
        s.push_str(if i % 2 == 0 {
            "<template><p>"
        } else {
            "<noscript><p>"
        });
        s.push_str("Text of a hidden block, long enough to be read as a page of its own. ");
    }
    s.push_str("</body></html>");
    let a = run_small_stack(s.into_bytes(), limit());
    assert!(!a.blocks.is_empty());
}

#[test]
fn headline_as_the_first_line_of_the_text_is_not_a_sentence() {
    let body = |t: &str| Block {
        kind: ParagraphKind::Body,
        text: t.to_string(),
    };
    let rows = [
        // Headline then a new sentence: stripped.
        (
            "Bridge reopens after the flood",
            "Bridge reopens after the flood The bridge reopened on Monday.",
            "The bridge reopened on Monday.",
        ),
        (
            "Bridge reopens after the flood",
            "Bridge reopens after the flood “It is safe,” the mayor said.",
            "“It is safe,” the mayor said.",
        ),
        // A sentence that goes on from the same words, a short headline, a longer word.
        (
            "Bridge reopens after the flood",
            "Bridge reopens after the flood waters fell on Monday.",
            "Bridge reopens after the flood waters fell on Monday.",
        ),
        (
            "Bridge reopens",
            "Bridge reopens The bridge reopened on Monday.",
            "Bridge reopens The bridge reopened on Monday.",
        ),
        (
            "Bridge reopens after the flood",
            "Bridge reopens after the floodgates Opened.",
            "Bridge reopens after the floodgates Opened.",
        ),
    ];
    for (headline, text, want) in rows {
        let mut b = vec![body(text)];
        strip_headline_line(&mut b, headline);
        assert_eq!(b[0].text, want, "{headline:?} / {text:?}");
    }
}

#[test]
fn a_pitch_in_a_template_never_replaces_a_teaser() {
    // A paywalled page: the visible teaser is short, a <template> holds the sign-up box and
    // a <noscript> a long note about scripts. Neither is the article.
    let page = "<html><body><article><h1>Port strike ends</h1><p>The strike at the port \
        ended on Friday after nine days, the union said.</p></article>\
        <template><div class=\"modal\"><h2>Keep reading</h2><p>Subscribe today for unlimited \
        access to every story, our daily briefing and the archive going back to 1921, all \
        for less than the price of a coffee a week. Cancel at any time.</p></div></template>\
        <noscript><p>This site needs JavaScript to show you stories, weather and the puzzles; \
        please turn it on in your browser settings, or use a browser that supports it, and \
        then reload this page to carry on reading.</p></noscript></body></html>";
    let a = read_html(page.as_bytes());
    let t = main_text(&a);
    assert!(t.contains("ended on Friday after nine days"), "{t}");
    assert!(!t.contains("Subscribe"), "{t}");
    assert!(!t.contains("JavaScript"), "{t}");
}

/// A line that is wholly a machine-readable timestamp naming a day is the page's own date,
/// not a paragraph (it used to become a "Thursday" event); a clock time alone stays (a live
/// blog's entry heading), and a `<time>` inside a sentence stays part of it.
#[test]
fn timestamp_lines_are_not_paragraphs() {
    let prose = "<p>The ferry company said the new route across the bay would open to passengers \
                 after the spring storms, once the harbour wall has been repaired.</p>\
                 <p>Fishermen in the village welcomed the plan but asked for longer notice before \
                 the works begin.</p>";
    for stamp in [
        r#"<time datetime="2031-04-10">Thursday</time>"#,
        r#"<p><time datetime="2031-04-10T09:30">Apr. 10, 2031</time></p>"#,
        r#"<div class="when"><span itemprop="datePublished" content="2031-04-10">10 April</span></div>"#,
        r#"<p><time pubdate>jeudi 10 avril</time></p>"#,
    ] {
        let page = format!(
            "<html><body><article><h1>Ferry route to open</h1>{stamp}{prose}</article></body></html>"
        );
        let a = read_html_str(&page);
        let t = text(&a);
        assert!(t.starts_with("The ferry company"), "{stamp}: {t}");
        assert!(!t.contains("Thursday") && !t.contains("April") && !t.contains("Apr."));
        assert!(!t.contains("avril"), "{stamp}: {t}");
        assert!(t.contains("Fishermen in the village"), "{stamp}: {t}");
    }
    // A live blog's entry times and a date inside a sentence stay.
    let page = format!(
        "<html><body><article><h1>Storm live</h1><p><time datetime=\"2031-04-10T09:30\">09:30 \
         BST</time></p>{prose}<p>The port closed on <time datetime=\"2031-04-09\">Wednesday\
         </time> and reopened at dawn.</p></article></body></html>"
    );
    let t = text(&read_html_str(&page));
    assert!(t.contains("09:30 BST"), "{t}");
    assert!(
        t.contains("The port closed on Wednesday and reopened at dawn."),
        "{t}"
    );
}

#[test]
fn two_digit_years_read_by_the_pages_way_of_writing_dates() {
    use super::dates::{short_year_date, Order, ShortYear};
    use ShortYear::*;
    type Row<'a> = (&'a str, Order, ShortYear, Option<(NaiveDate, bool)>);
    let rows: &[Row] = &[
        (
            "14.09.23",
            Order::DayFirst,
            YearLast,
            Some((d(2023, 9, 14), true)),
        ),
        (
            "14.09.23, 08:15 Uhr",
            Order::DayFirst,
            YearLast,
            Some((d(2023, 9, 14), true)),
        ),
        (
            "입력 23.09.14 08:15",
            Order::DayFirst,
            YearFirst,
            Some((d(2023, 9, 14), true)),
        ),
        (
            "Posted 9/14/23",
            Order::MonthFirst,
            YearLast,
            Some((d(2023, 9, 14), true)),
        ),
        (
            "14/9/23",
            Order::Unknown,
            YearLast,
            Some((d(2023, 9, 14), true)),
        ),
        // Slashes, both numbers 12 or under, and nothing says which comes first.
        ("9/10/23", Order::Unknown, YearLast, None),
        (
            "14-09-98",
            Order::DayFirst,
            YearLast,
            Some((d(1998, 9, 14), true)),
        ),
        // Neither language nor script says: a guess when both readings are dates, sure
        // when only one is.
        (
            "14.09.23",
            Order::Unknown,
            Unknown,
            Some((d(2023, 9, 14), false)),
        ),
        (
            "31.12.23",
            Order::Unknown,
            Unknown,
            Some((d(2023, 12, 31), true)),
        ),
        (
            "23.12.31",
            Order::Unknown,
            Unknown,
            Some((d(2023, 12, 31), true)),
        ),
        // Not dates: a version number, a four-digit year (other readers' job), a longer
        // run, a clock time, a score.
        ("v1.2.3.4", Order::DayFirst, YearLast, None),
        ("14.09.2023", Order::DayFirst, YearLast, None),
        ("10:30", Order::DayFirst, YearLast, None),
        ("2-1", Order::DayFirst, YearLast, None),
        ("14.9.3", Order::DayFirst, YearLast, None),
        ("32.13.23", Order::DayFirst, YearLast, None),
    ];
    for (s, order, short, want) in rows {
        assert_eq!(short_year_date(s, *order, *short), *want, "{s}");
    }
    assert_eq!(ShortYear::of_page(Some("ko-KR"), ""), YearFirst);
    assert_eq!(ShortYear::of_page(Some("zh"), ""), YearFirst);
    assert_eq!(ShortYear::of_page(Some("ko_KR"), ""), YearFirst);
    assert_eq!(ShortYear::of_page(Some("de"), "새 소식"), YearLast);
    assert_eq!(ShortYear::of_page(None, "새 여객선 터미널"), YearFirst);
    assert_eq!(ShortYear::of_page(None, "Ferry terminal to open"), YearLast);
    assert_eq!(ShortYear::of_page(None, "123"), Unknown);
}

#[test]
fn json_ld_nodes_of_the_site_state_no_date_of_the_article() {
    let page = r#"<html><head><script type="application/ld+json">{"@graph":[
        {"@type":"WebSite","datePublished":"2009-05-01"},
        {"@type":["Organization","Brand"],"dateCreated":"2001-01-01"},
        {"@type":"Person","dateModified":"2020-01-01"},
        {"@type":"NewsArticle","datePublished":"2023-09-14T08:00:00+01:00"}]}</script>
        </head><body><h1>Ferry terminal opens</h1><p>Text of the story.</p></body></html>"#;
    let a = read_html(page.as_bytes());
    let dates: Vec<NaiveDate> = a.published.iter().map(|e| e.date).collect();
    assert_eq!(dates.first(), Some(&d(2023, 9, 14)), "{:?}", a.published);
    assert!(a.published[0].confidence >= 0.9, "{:?}", a.published);
    assert!(!dates.contains(&d(2009, 5, 1)), "{dates:?}");
    assert_eq!(a.modified, None);
    // A node of a type that is a page stays the page's.
    let page = page.replace("\"WebSite\"", "\"WebPage\"");
    let a = read_html(page.as_bytes());
    assert!(
        a.published.iter().any(|e| e.date == d(2009, 5, 1)),
        "{:?}",
        a.published
    );
}

/// The moment an archiver states it saved a page, in each archiver's own words; comments
/// and `<meta>` keys that state no such moment give none.
#[test]
fn archivers_state_when_they_saved_a_page() {
    use super::saved::{from_comment, from_meta};
    let at = |y, mo, day, h, mi, s| d(y, mo, day).and_hms_opt(h, mi, s);
    let rows = [
        (
            "\n Page saved with SingleFile \n url: https://example.org/a \n saved date: Sat Sep \
             16 2023 10:22:31 GMT+0200 (Central European Summer Time)\n",
            at(2023, 9, 16, 10, 22, 31),
        ),
        (
            "\n     FILE ARCHIVED ON 01:40:12 Sep 15, 2023 AND RETRIEVED FROM THE\n     INTERNET \
             ARCHIVE ON 09:12:03 Oct 02, 2023.\n",
            at(2023, 9, 15, 1, 40, 12),
        ),
        (
            " Mirrored from www.example.org/news/a.html by HTTrack Website Copier/3.x \
             [XR&CO'2014], Fri, 15 Sep 2023 09:30:00 GMT ",
            at(2023, 9, 15, 9, 30, 0),
        ),
        // A browser's "saved from" comment states no time; other comments, broken dates.
        (" saved from url=(0023)https://example.org/ ", None),
        (
            " Page saved with SingleFile \n url: https://example.org/a ",
            None,
        ),
        (" saved date: yesterday ", None),
        (" FILE ARCHIVED ON 25:99:00 Sep 45, 2023 AND ", None),
        (" Updated Sep 15, 2023 by the web team ", None),
        // Letters of several bytes where a cut could fall inside one.
        (
            " FILE ARCHIVED ON ééééééééééééééééééééééééééééééééééééééééé ",
            None,
        ),
    ];
    for (comment, want) in rows {
        assert_eq!(from_comment(comment), want, "{comment:?}");
    }
    assert_eq!(
        from_meta(
            "savepage-date",
            "Sun Sep 17 2023 18:05:44 GMT+0100 (British Summer Time)"
        ),
        at(2023, 9, 17, 18, 5, 44)
    );
    assert_eq!(from_meta("date", "Sun Sep 17 2023 18:05:44 GMT+0100"), None);
    assert_eq!(from_meta("savepage-date", "17.09.2023"), None);
}

/// Relative times as pages print them, counted back from an archiver's moment; weeks,
/// months and sentences that merely hold a count name no day.
#[test]
fn relative_times_count_back_from_when_the_page_was_saved() {
    use super::saved::counted_back;
    let saved = d(2023, 9, 16).and_hms_opt(10, 22, 31).unwrap();
    let rows = [
        ("2 days ago", Some(d(2023, 9, 14))),
        ("Posted 3 days ago by Sam Hill", Some(d(2023, 9, 13))),
        ("an hour ago", Some(d(2023, 9, 16))),
        ("11 hours ago", Some(d(2023, 9, 15))),
        ("3h ago", Some(d(2023, 9, 16))),
        ("45 mins ago", Some(d(2023, 9, 16))),
        ("Yesterday", Some(d(2023, 9, 15))),
        ("vor 2 Tagen", Some(d(2023, 9, 14))),
        ("hace 3 días", Some(d(2023, 9, 13))),
        ("il y a 2 jours", Some(d(2023, 9, 14))),
        ("2 giorni fa", Some(d(2023, 9, 14))),
        ("12 uur geleden", Some(d(2023, 9, 15))),
        ("3時間前", Some(d(2023, 9, 16))),
        ("2天前", Some(d(2023, 9, 14))),
        ("5분 전", Some(d(2023, 9, 16))),
        ("2 weeks ago", None),
        ("3 months ago", None),
        ("2 days", None),
        ("Sep 14, 2023", None),
        (
            "The bridge closed 2 days ago after a storm hit the coast road",
            None,
        ),
    ];
    for (text, want) in rows {
        assert_eq!(counted_back(saved, text), want, "{text:?}");
    }
    // Across midnight: "3 hours ago" at 01:40 is the day before.
    let early = d(2023, 9, 15).and_hms_opt(1, 40, 12).unwrap();
    assert_eq!(counted_back(early, "3 hours ago"), Some(d(2023, 9, 14)));
}

/// A relative time in a date box counts back from the archiver's moment where the page
/// states one (comment, `<meta>`, or the container's time), never from nothing; it states
/// a date where nothing else does and disputes no date written in full.
#[test]
fn a_relative_byline_dates_a_saved_page_and_never_outranks_a_stated_date() {
    let body = "<p>The island ferry will run two fewer crossings a day from November, the \
                operator said, as one of its boats goes to the yard.</p><p>Residents who work \
                on the mainland said the later start would make them late for their shifts.</p>";
    let page = |head: &str, meta: &str| {
        format!(
            "{head}<html><head><title>Ferry timetable changes</title>{meta}</head><body>\
             <article><h1>Ferry timetable changes</h1><span class=\"publish-date\">2 days \
             ago</span>{body}</article></body></html>"
        )
    };
    let single = "<!-- Page saved with SingleFile \n saved date: Sat Sep 16 2023 10:22:31 \
                  GMT+0200 (CEST) -->";
    let a = read_html_str(&page(single, ""));
    let p = &a.published[0];
    assert_eq!(
        (p.date, p.source),
        (d(2023, 9, 16 - 2), PubDateSource::Byline)
    );
    assert!(p.confidence < 0.8 && p.note.contains("saved"), "{p:?}");
    assert!(!text(&a).contains("ago"), "{}", text(&a));
    // No moment stated: nothing from the relative time.
    let a = read_html_str(&page(
        "<!-- saved from url=(0023)https://example.org/ -->",
        "",
    ));
    assert!(a.published.is_empty(), "{:?}", a.published);
    // The container's time (an MHTML file's Date: header).
    let saved = d(2023, 9, 16).and_hms_opt(8, 22, 31);
    let a = read_saved_html_str(&page("", ""), saved);
    assert_eq!(a.published[0].date, d(2023, 9, 14));
    // A stated date wins, undisputed, even where the counted day differs.
    let meta = "<meta property=\"article:published_time\" content=\"2023-09-10T08:00:00Z\">";
    let a = read_html_str(&page(single, meta));
    let p = &a.published[0];
    assert_eq!(p.date, d(2023, 9, 10));
    assert!(!p.note.contains("disagree"), "{p:?}");
    // So does a later date box that states its date: the relative one does not take its
    // place as the byline.
    let later = page(single, "").replace(
        "<p>Residents",
        "<div class=\"post-date\">Sept. 10, 2023</div><p>Residents",
    );
    let a = read_html_str(&later);
    assert_eq!(
        first(&a),
        (d(2023, 9, 10), PubDateSource::Byline),
        "{:?}",
        a.published
    );
}

/// Lines that are a stamp, not prose: a relative time with at most a publication word and
/// a byline, and a byline with a numeric stamp after a separator. Sentences that hold a
/// count or a name stay.
#[test]
fn relative_stamps_and_bylines_with_short_dates_are_furniture() {
    use super::extract::is_boilerplate_line as furniture;
    for line in [
        "Yesterday",
        "3 hours ago",
        "Updated 2 hours ago",
        "Posted 3 days ago by Sam Hill",
        "vor 2 Tagen",
        "By Maria Lopez and Tom Reed | 9/14/23 8:15 AM",
        "Von Anna Maria Schmidt | 14.09.23, 08:15 Uhr",
        "By Jane Roe · 14.09.23",
    ] {
        assert!(furniture(line), "{line:?}");
    }
    for line in [
        "He left 3 days ago.",
        "The storm hit 3 hours ago",
        "Posted 3 days ago by the harbour board to every boat owner on the list",
        "By the end of the year | 2023",
        "By Maria Lopez | the ferry will run 3 days a week",
        "Two days ago the council voted to keep the night ferry running.",
    ] {
        assert!(!furniture(line), "{line:?}");
    }
    // Lowercasing changes the length of some letters ("İ"): offsets must stay in the line,
    // and a word that is no stamp word keeps the line.
    assert!(!furniture("İİ 2 days ago by Sam Hill"));
}

/// A `<title>` holds the headline with the site's name beside it: the headline set as the
/// first line of the text is found through either side of the separator.
#[test]
fn a_titles_headline_beside_the_site_name_is_not_a_sentence() {
    let body = |t: &str| Block {
        kind: ParagraphKind::Body,
        text: t.to_string(),
    };
    let rows = [
        (
            "Council votes to keep the night ferry - The Island Post",
            "Council votes to keep the night ferry The island council voted on Tuesday.",
            "The island council voted on Tuesday.",
        ),
        (
            "The Island Post | Council votes to keep the night ferry",
            "Council votes to keep the night ferry The island council voted on Tuesday.",
            "The island council voted on Tuesday.",
        ),
        // The site's name alone opens no sentence here; a sentence that goes on stays.
        (
            "Council votes to keep the night ferry - The Island Post",
            "The Island Post The island council voted on Tuesday.",
            "The Island Post The island council voted on Tuesday.",
        ),
        (
            "Council votes to keep the night ferry - The Island Post",
            "Council votes to keep the night ferry running for a year.",
            "Council votes to keep the night ferry running for a year.",
        ),
    ];
    for (title, text, want) in rows {
        let mut b = vec![body(text)];
        for h in headline_forms(title) {
            strip_headline_line(&mut b, h);
        }
        assert_eq!(b[0].text, want, "{title:?} / {text:?}");
    }
}

/// An old page's headline in `<font size=5><b>`, joined by one `<br>` to the first
/// paragraph, with the site's name after it in the `<title>`: not the paragraph's first
/// sentence.
#[test]
fn an_old_pages_headline_joined_to_its_first_paragraph_is_not_a_sentence() {
    let a = read_html(fixture!("layout_table_columns.html"));
    let t = main_text(&a);
    assert!(t.starts_with("The island council voted"), "{t}");
    assert!(!t.contains("Council votes to keep"), "{t}");
}

/// An archive's address holds the captured page's own address after the moment of
/// capture: the date is read from the page's own address, and the capture is when the
/// page was saved (a relative time counts back from it).
#[test]
fn an_archives_address_is_read_as_the_page_it_holds() {
    use super::saved::{captured_at, original_address};
    let rows = [
        (
            "https://web.archive.org/web/20230915014012/https://example.org/news/storm",
            "https://example.org/news/storm",
            d(2023, 9, 15).and_hms_opt(1, 40, 12),
        ),
        (
            "http://web.archive.org/web/20230915014012id_/https://example.org/a",
            "https://example.org/a",
            d(2023, 9, 15).and_hms_opt(1, 40, 12),
        ),
        (
            "https://archive.ph/2023.09.15-014012/https://example.org/a",
            "https://example.org/a",
            d(2023, 9, 15).and_hms_opt(1, 40, 12),
        ),
        // Not an archive, or no moment in it: the address as it is.
        (
            "https://example.org/web/20230915014012/a",
            "https://example.org/web/20230915014012/a",
            None,
        ),
        (
            "https://archive.ph/news/2023/09/14/a",
            "https://archive.ph/news/2023/09/14/a",
            None,
        ),
        (
            "https://web.archive.org/web/",
            "https://web.archive.org/web/",
            None,
        ),
    ];
    for (u, own, at) in rows {
        assert_eq!(original_address(u), own, "{u}");
        assert_eq!(captured_at(u), at, "{u}");
    }
    // A page from the Wayback Machine with its canonical address rewritten: the capture
    // is not the page's date; "3 hours ago" counts back from it.
    let page = "<html><head><title>Storm closes the coast road</title><link rel=canonical \
        href=\"https://web.archive.org/web/20230915014012/https://example.org/news/storm\">\
        </head><body><article><h1>Storm closes the coast road</h1><p class=byline>By Tom \
        Reed <span class=timestamp>3 hours ago</span></p><p>The coast road was closed \
        overnight after waves threw stones across both lanes, police said.</p><p>Crews \
        began clearing the road at first light and expected to reopen one lane by \
        midday.</p></article></body></html>";
    let a = read_html_str(page);
    assert_eq!(
        first(&a),
        (d(2023, 9, 14), PubDateSource::Byline),
        "{:?}",
        a.published
    );
    assert!(a.published.iter().all(|e| e.source != PubDateSource::Url));
}

/// Dates as pages of more countries write them: Hebrew months with the preposition glued
/// on, Persian, Bengali and Thai digits, the Gregorian months in Persian and Bengali, the
/// Solar Hijri calendar, and Taiwan's Republic of China years (year 1 = 1912).
#[test]
fn date_forms_in_more_scripts_and_eras() {
    use super::dates::parse_text_date;
    let rows: &[(&str, Option<NaiveDate>)] = &[
        ("14 בספטמבר 2023", Some(d(2023, 9, 14))),
        ("3 במרץ 2021, 10:15", Some(d(2021, 3, 3))),
        ("14 ספטמבר 2023", Some(d(2023, 9, 14))),
        ("۱۴ سپتامبر ۲۰۲۳", Some(d(2023, 9, 14))),
        ("۳ ژانویه ۲۰۲۱", Some(d(2021, 1, 3))),
        ("১৪ সেপ্টেম্বর ২০২৩", Some(d(2023, 9, 14))),
        ("৩ জানুয়ারি ২০২১", Some(d(2021, 1, 3))),
        ("৩ জানু\u{9DF}ারি ২০২১", Some(d(2021, 1, 3))),
        ("๑๔ กันยายน ๒๕๖๖", Some(d(2023, 9, 14))),
        ("中華民國112年9月14日", Some(d(2023, 9, 14))),
        ("民國112年09月14日 上午10:30", Some(d(2023, 9, 14))),
        ("民国110年1月5日", Some(d(2021, 1, 5))),
        ("令和5年9月14日", Some(d(2023, 9, 14))),
        // Solar Hijri (Iran, Afghanistan): the year begins at the March equinox.
        ("۲۳ شهریور ۱۴۰۲", Some(d(2023, 9, 14))),
        ("چهارشنبه ۱ فروردین ۱۴۰۳", Some(d(2024, 3, 20))),
        ("1 فروردین 1402", Some(d(2023, 3, 21))),
        ("30 اسفند 1399", Some(d(2021, 3, 20))),
        ("22 بهمن 1357", Some(d(1979, 2, 11))),
        ("23 سنبله 1402", Some(d(2023, 9, 14))),
        // Near misses: a year alone, an impossible month, a month without a day, the
        // 30th of the last month of a common year, a Solar Hijri year in digits alone.
        ("30 اسفند 1402", None),
        ("23 شهریور", None),
        ("1402/06/23", None),
        ("民國112年", None),
        ("中華民國112年13月1日", None),
        ("בספטמבר 2023", None),
        ("সেপ্টেম্বর ২০২৩", None),
    ];
    for (s, want) in rows {
        assert_eq!(parse_text_date(s), *want, "{s}");
    }
}

/// Russian, Ukrainian, Polish and Lithuanian dates close with an abbreviated "year" or
/// "day"; that dot ends no sentence, so such a byline line is read as one.
#[test]
fn a_dates_closing_year_word_is_no_sentences_full_stop() {
    use super::evidence::ends_a_sentence;
    let rows = [
        ("Иван Петров, 14 сентября 2023 г.", false),
        ("14 вересня 2023 р.", false),
        ("Anna Nowak, 14 września 2023 r.", false),
        ("2023 m. rugsėjo 14 d.", false),
        ("Jane Doe · 14 September 2023", false),
        // Sentences: their last word is no date word, or no number stands before it.
        ("The ferry began sailing on 14 September 2023.", true),
        ("Цены выросли на 3 %.", true),
        ("Он приехал в г.", true),
        ("Who met them?", true),
    ];
    for (s, want) in rows {
        assert_eq!(ends_a_sentence(s), want, "{s}");
    }
    let html = "<html lang=ru><head><title>Совет утвердил расписание</title></head><body>\
        <article><h1>Совет утвердил расписание</h1><p>Иван Петров, 14 сентября 2023 г.</p>\
        <p>Портовый совет в среду утвердил новое расписание паромов после многомесячных \
        жалоб жителей острова на опоздания и отмены рейсов.</p></article></body></html>";
    let a = read_html_str(html);
    assert!(
        a.published.iter().any(|e| e.date == d(2023, 9, 14)),
        "{:?}",
        a.published
    );
}

/// An old page without an `<h1>` sets its headline in bold, alone before the text, worded
/// apart from its `<title>`: not a line of the text. A bold line that ends as a sentence, a
/// short one, one on a page with an `<h1>`, and a bold opening of a sentence stay.
#[test]
fn a_bold_headline_alone_before_the_text_is_not_a_line_of_it() {
    let body = "The village hall committee reports that the roof over the main hall was \
        repaired last week, after a storm lifted a dozen slates and let rain in.<br><br>\
        The work was paid for from the hall's own savings and a grant from the parish \
        council, so hiring charges will not go up next year.";
    let page = |h1: &str, lead: &str| {
        format!(
            "<html><head><title>Village news</title></head><body>{h1}\
             <font size=4>{lead}</font><br><br><font size=2>{body}</font></body></html>"
        )
    };
    let first = |html: String| {
        let a = read_html_str(&html);
        a.blocks.first().map(|b| b.text.clone()).unwrap_or_default()
    };
    let starts_body = |s: &str| s.starts_with("The village hall committee");
    // A headline by its markup: removed.
    assert!(starts_body(&first(page(
        "",
        "<b>Hall roof mended in time for winter</b>"
    ))));
    assert!(starts_body(&first(page(
        "",
        "<strong>Hall roof mended in time for winter</strong>"
    ))));
    // Kept: a sentence, three words, a page with its own <h1>.
    let kept = [
        page("", "<b>The hall will stay open all winter.</b>"),
        page("", "<b>Hall roof mended</b>"),
        page(
            "<h1>Village news</h1>",
            "<b>Hall roof mended in time for winter</b>",
        ),
    ];
    for html in kept {
        let f = first(html.clone());
        assert!(!starts_body(&f), "{html}\n{f}");
    }
    // Joined to the first paragraph by one line break: cut from it when a new sentence
    // follows, kept when the bold words open the sentence.
    let joined = |lead: &str| {
        format!(
            "<html><head><title>Village news</title></head><body>{lead}<br>{body}</body></html>"
        )
    };
    assert!(starts_body(&first(joined(
        "<b>Hall roof mended in time for winter</b>"
    ))));
    let opens = "The village hall committee reports";
    let f = first(format!(
        "<html><head><title>Village news</title></head><body><b>{opens}</b>{}</body></html>",
        &body[opens.len()..]
    ));
    assert!(
        f.starts_with("The village hall committee reports that"),
        "{f}"
    );
}

/// A page of our own with `head` in its `<head>` and `extra` before the story's text.
fn story_page(lang: &str, head: &str, extra: &str) -> HtmlArticle {
    read_html(
        format!(
            "<html lang=\"{lang}\"><head><title>Ferry timetable approved</title>{head}</head>\
             <body><article><h1>Ferry timetable approved</h1>{extra}<p>The harbour board \
             approved a new ferry timetable on Wednesday after months of complaints from \
             island commuters about late sailings.</p><p>Two extra sailings will be added on \
             summer weekends, the operators said.</p></article></body></html>"
        )
        .as_bytes(),
    )
}

/// A Twitter card's free label and data fields: the label says whether the data is a
/// publication, an update, or no date at all.
#[test]
fn twitter_card_label_and_data_pairs() {
    let card = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (l, v))| {
                format!(
                    "<meta name=\"twitter:label{n}\" content=\"{l}\">\
                     <meta name=\"twitter:data{n}\" content=\"{v}\">",
                    n = i + 1
                )
            })
            .collect::<String>()
    };
    let a = story_page("en", &card(&[("Published", "14 September 2023")]), "");
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::Meta));
    assert!(
        a.published[0].note.contains("twitter card"),
        "{:?}",
        a.published
    );
    // The date in the second pair, after an author's name in the first.
    let a = story_page(
        "en",
        &card(&[
            ("Written by", "Jane Roe"),
            ("Published on", "September 14, 2023"),
        ]),
        "",
    );
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::Meta));
    // A numeric date by the page's order; a "Date" label reads below a "Published" one.
    let a = story_page("en-GB", &card(&[("Date", "05/09/2023")]), "");
    assert_eq!(first(&a), (d(2023, 9, 5), PubDateSource::Meta));
    assert!(a.published[0].confidence < 0.8);
    // An update is the modification, not the publication.
    let a = story_page("en", &card(&[("Updated", "2023-09-15")]), "");
    assert!(a.published.is_empty(), "{:?}", a.published);
    assert_eq!(a.modified.map(|m| m.date), Some(d(2023, 9, 15)));
    // Not dates: an author, a reading time (whose number is no day), a label without data.
    let a = story_page(
        "en",
        &card(&[
            ("Written by", "Jane Roe"),
            ("Est. reading time", "3 minutes"),
        ]),
        "<meta name=\"twitter:label3\" content=\"Published\">",
    );
    assert!(a.published.is_empty(), "{:?}", a.published);
    // A byline's date the card repeats: two statements of the page agree.
    let a = story_page(
        "en",
        &card(&[("Published", "14 September 2023")]),
        "<div class=\"byline\">Published 14 September 2023</div>",
    );
    assert_eq!(first(&a).0, d(2023, 9, 14));
}

/// Dates an address states with the day before the year, or in its query: read where
/// nothing else gives a date; a day-month order the address cannot settle is read in the
/// page's order or not at all, never confidently.
#[test]
fn addresses_with_the_day_first_or_a_query_date() {
    use super::dates::{parse_url_date_weak, Order, UrlReading};
    let (c, g) = (Some(UrlReading::Certain), Some(UrlReading::Guessed));
    type Row<'a> = (&'a str, Order, Option<(NaiveDate, UrlReading)>);
    let rows: &[Row] = &[
        (
            "https://x.example/news/14/09/2023/slug",
            Order::Unknown,
            Some((d(2023, 9, 14), c.unwrap())),
        ),
        (
            "https://x.example/news/14-09-2023/slug",
            Order::Unknown,
            Some((d(2023, 9, 14), c.unwrap())),
        ),
        (
            "https://x.example/news/harbour-14-09-2023",
            Order::Unknown,
            Some((d(2023, 9, 14), c.unwrap())),
        ),
        (
            "https://x.example/news/09/14/2023/slug",
            Order::Unknown,
            Some((d(2023, 9, 14), c.unwrap())),
        ),
        (
            "https://x.example/news/05/09/2023/slug",
            Order::DayFirst,
            Some((d(2023, 9, 5), g.unwrap())),
        ),
        (
            "https://x.example/news/05/09/2023/slug",
            Order::MonthFirst,
            Some((d(2023, 5, 9), g.unwrap())),
        ),
        (
            "https://x.example/news/05/09/2023/slug",
            Order::Unknown,
            None,
        ),
        (
            "https://x.example/a.php?id=12&date=2023-09-14",
            Order::Unknown,
            Some((d(2023, 9, 14), g.unwrap())),
        ),
        (
            "https://x.example/story?id=12&d=20230914",
            Order::Unknown,
            Some((d(2023, 9, 14), g.unwrap())),
        ),
        (
            "https://x.example/story?pubdate=2023-09-14T08:15",
            Order::Unknown,
            Some((d(2023, 9, 14), g.unwrap())),
        ),
        // Near misses: an update's or a range's date, ids, an impossible day, a year
        // glued to more digits, a version number, a query without a date's name.
        (
            "https://x.example/story?id=1&updatedate=2023-09-15",
            Order::Unknown,
            None,
        ),
        (
            "https://x.example/search?enddate=2023-09-15",
            Order::Unknown,
            None,
        ),
        ("https://x.example/story?id=20230914", Order::Unknown, None),
        (
            "https://x.example/news/31/02/2023/slug",
            Order::DayFirst,
            None,
        ),
        (
            "https://x.example/news/14/09/20231/slug",
            Order::Unknown,
            None,
        ),
        ("https://x.example/item/a14/09/2023", Order::Unknown, None),
        ("https://x.example/story?d=2023091", Order::Unknown, None),
    ];
    for (u, order, want) in rows {
        assert_eq!(parse_url_date_weak(u, *order), *want, "{u}");
    }
    let canonical = |u: &str| format!("<link rel=\"canonical\" href=\"{u}\">");
    // Alone: a date below firm.
    let a = story_page(
        "en",
        &canonical("https://x.example/news/14-09-2023/ferry"),
        "",
    );
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::Url));
    assert!(a.published[0].confidence < 0.8);
    let a = story_page(
        "en",
        &canonical("https://x.example/a.php?date=2023-09-14"),
        "",
    );
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::Url));
    assert!(a.published[0].confidence <= 0.6);
    // A guessed reading never disputes the byline, and a byline dated otherwise wins with
    // its own confidence.
    let byline = "<div class=\"byline\">Published 3 October 2023</div>";
    let plain = story_page("en-GB", "", byline);
    let a = story_page(
        "en-GB",
        &canonical("https://x.example/news/05/09/2023/ferry"),
        byline,
    );
    assert_eq!(first(&a), (d(2023, 10, 3), PubDateSource::Byline));
    assert_eq!(a.published[0].confidence, plain.published[0].confidence);
    // A path's year-first date stays the address's reading.
    let a = story_page(
        "en",
        &canonical("https://x.example/2023/09/14/ferry?date=2023-01-01"),
        "",
    );
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::Url));
}

/// Taiwanese pages write the Republic of China's year without its era's name; elsewhere a
/// three-digit year is no date, and after 西元 (the common era) it is the Gregorian year.
#[test]
fn a_bare_roc_year_on_a_taiwanese_page() {
    use super::dates::{find_dates, Order};
    let rows: &[(&str, Order, Option<NaiveDate>)] = &[
        ("112年9月14日", Order::Taiwan, Some(d(2023, 9, 14))),
        (
            "發佈時間：112年09月14日 上午10:30",
            Order::Taiwan,
            Some(d(2023, 9, 14)),
        ),
        ("100年1月1日", Order::Taiwan, Some(d(2011, 1, 1))),
        ("中華民國112年9月14日", Order::Taiwan, Some(d(2023, 9, 14))),
        ("2023年9月14日", Order::Taiwan, Some(d(2023, 9, 14))),
        ("112年9月14日", Order::DayFirst, None),
        ("112年9月14日", Order::Unknown, None),
        ("西元112年9月14日", Order::Taiwan, None),
        ("112年9月", Order::Taiwan, None),
        ("112年9月14", Order::Taiwan, None),
        ("99年9月14日", Order::Taiwan, None),
        ("212年9月14日", Order::Taiwan, None),
    ];
    for (s, order, want) in rows {
        assert_eq!(
            find_dates(s, *order, 1).first().map(|f| f.date),
            *want,
            "{s}"
        );
    }
    assert_eq!(Order::of_language(Some("zh-TW")), Order::Taiwan);
    assert_eq!(Order::of_language(Some("zh-Hant-TW")), Order::Taiwan);
    assert_eq!(Order::of_language(Some("zh-Hant")), Order::Taiwan);
    assert_eq!(Order::of_language(Some("zh-Hant-HK")), Order::DayFirst);
    assert_eq!(Order::of_language(Some("zh-CN")), Order::DayFirst);
}

/// A live blog with no publication stated opens on the day its coverage starts; that day
/// is read below firm, and a stated publication is read before it.
#[test]
fn a_live_blog_dated_by_its_coverage_start() {
    let ld = |body: &str| {
        format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
             \"@type\":\"LiveBlogPosting\",\"headline\":\"Ferry vote live\",{body}}}</script>"
        )
    };
    let a = story_page(
        "en",
        &ld("\"coverageStartTime\":\"2023-09-14T08:00:00+01:00\""),
        "",
    );
    assert_eq!(first(&a), (d(2023, 9, 14), PubDateSource::JsonLd));
    assert!(a.published[0].confidence < 0.8, "{:?}", a.published);
    let a = story_page(
        "en",
        &ld("\"coverageStartTime\":\"2023-09-14T08:00:00+01:00\",\
             \"datePublished\":\"2023-09-13T18:00:00+01:00\""),
        "",
    );
    assert_eq!(first(&a).0, d(2023, 9, 13));
    assert!(a.published[0].confidence >= 0.9);
    // Another type's coverage start is no page's publication.
    let a = read_html(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"Event\",\
         \"coverageStartTime\":\"2023-09-14T08:00:00Z\"}</script></head><body><p>x</p></body></html>"
            .as_bytes(),
    );
    assert!(a.published.is_empty(), "{:?}", a.published);
}
