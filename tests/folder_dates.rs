//! Publication dates from where files live, end to end: archives filed under folders named
//! by date (`2011-01-26/138.txt`, `2023/09/14/`, `2023-09/`) whose text states no date.

mod common;

use common::{d, load_paths};
use dateline::model::{Corpus, Event, PubDateSource};

const TEXT: &str = "Ministers meet on fisheries\n\n\
    Norway and Iceland signed a fisheries agreement on Tuesday, officials said.\n";

fn article_id(c: &Corpus, suffix: &str) -> usize {
    c.articles
        .iter()
        .position(|a| a.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("no article {suffix}"))
}

fn event_of(c: &Corpus, article: usize) -> &Event {
    c.events
        .iter()
        .find(|e| e.article as usize == article)
        .unwrap()
}

#[test]
fn day_and_month_folders_date_the_articles_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "2011-01-26/138.txt",
        "2023/09/14/talks.txt",
        "2023-09/talks.txt",
    ] {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, TEXT).unwrap();
    }
    let c = load_paths(&[dir.path().to_path_buf()]);

    let a = article_id(&c, "2011-01-26/138.txt");
    let p = c.articles[a].pub_date.clone().unwrap();
    assert_eq!((p.source, p.date), (PubDateSource::Folder, d("2011-01-26")));
    assert!(p.note.contains("2011-01-26/"), "{p:?}");
    // Published on a Wednesday: its Tuesday is the day before.
    assert_eq!(event_of(&c, a).span.start, d("2011-01-25"));

    let b = article_id(&c, "2023/09/14/talks.txt");
    let p = c.articles[b].pub_date.clone().unwrap();
    assert_eq!((p.source, p.date), (PubDateSource::Folder, d("2023-09-14")));
    assert!(p.note.contains("2023/09/14/"), "{p:?}");

    // A month folder names no day: the date is labelled a guess, its events uncertain.
    let m = article_id(&c, "2023-09/talks.txt");
    let p = c.articles[m].pub_date.clone().unwrap();
    assert_eq!(p.source, PubDateSource::Folder);
    assert_eq!(p.date.format("%Y-%m").to_string(), "2023-09");
    assert!(p.confidence < 0.5 && p.note.contains("month only"), "{p:?}");
    assert!(event_of(&c, m).is_uncertain());
}
