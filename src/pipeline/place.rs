//! The join's move of every file's articles and events into the corpus's two vectors,
//! shared by the cores: each file's share of each vector is known before anything moves
//! (its article count, and its kept events), so each file writes its own slices of the two
//! vectors' spare room at once, in parallel, and the vectors take their full length once
//! every slice is written. At 100,000 files and a million events the move is a few hundred
//! megabytes of fresh pages faulted in and written, on the path to everything shown; one
//! thread did it all before.

use super::FileResult;
use crate::model::{Article, ArticleId, Event};
use rayon::prelude::*;
use std::mem::MaybeUninit;

/// Every file's articles and events in file order, one vector each; the events carry their
/// corpus article ids (a file's first article is numbered after the articles of the files
/// before it). Events of articles a file does not hold are left out
/// ([`super::FileEvents::kept_with_ids`]).
pub(crate) fn place(parts: Vec<FileResult>) -> (Vec<Article>, Vec<Event>) {
    let shares: Vec<(usize, usize)> = parts
        .iter()
        .map(|p| (p.articles.len(), p.events.kept(p.articles.len())))
        .collect();
    let articles_n: usize = shares.iter().map(|s| s.0).sum();
    let events_n: usize = shares.iter().map(|s| s.1).sum();
    let mut articles: Vec<Article> = Vec::with_capacity(articles_n);
    let mut events: Vec<Event> = Vec::with_capacity(events_n);
    let complete = {
        let mut article_room = &mut articles.spare_capacity_mut()[..articles_n];
        let mut event_room = &mut events.spare_capacity_mut()[..events_n];
        let mut jobs = Vec::with_capacity(parts.len());
        let mut first: ArticleId = 0;
        for (part, &(a, e)) in parts.into_iter().zip(&shares) {
            let (a_here, a_rest) = std::mem::take(&mut article_room).split_at_mut(a);
            let (e_here, e_rest) = std::mem::take(&mut event_room).split_at_mut(e);
            article_room = a_rest;
            event_room = e_rest;
            jobs.push((part, first, a_here, e_here));
            first += a as ArticleId;
        }
        jobs.into_par_iter()
            .map(|(part, first, a_room, e_room)| {
                let count = a_room.len();
                let wrote_articles = fill(a_room, part.articles);
                let wrote_events = fill(e_room, part.events.kept_with_ids(first, count));
                wrote_articles && wrote_events
            })
            .reduce(|| true, |x, y| x && y)
    };
    // Every slot of both vectors' first `*_n` was written exactly once (each file's room
    // is its own, and `fill` says whether it filled all of it). Not reachable otherwise
    // (shares are counted from the same values that fill them); if it were, what was
    // written is leaked, never read.
    assert!(
        complete,
        "a file's results did not fill its share of the corpus"
    );
    // SAFETY: the first `articles_n` / `events_n` elements are initialised (above), and
    // both are within the capacity reserved.
    unsafe {
        articles.set_len(articles_n);
        events.set_len(events_n);
    }
    (articles, events)
}

/// Writes `items` into `room` in order; whether there were exactly as many items as slots
/// (items beyond the room are dropped).
fn fill<T>(room: &mut [MaybeUninit<T>], items: impl IntoIterator<Item = T>) -> bool {
    let mut items = items.into_iter();
    for slot in room.iter_mut() {
        match items.next() {
            Some(x) => {
                slot.write(x);
            }
            None => return false,
        }
    }
    items.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::FileEvents;

    fn article(name: &str) -> Article {
        Article {
            path: name.to_string(),
            text: format!("The text of {name}."),
            ..Default::default()
        }
    }

    /// A year's event told in `paragraph`, with a note too long to be held in the event.
    fn event(paragraph: usize) -> Event {
        Event {
            note: "a note long enough not to be held inline in the event".into(),
            ..crate::pipeline::file_events::tests::event(0, paragraph)
        }
    }

    /// The same files moved one after another, each article's list numbered on its own
    /// (the watcher's join, `into_per_article`).
    fn one_by_one(parts: Vec<FileResult>) -> (Vec<Article>, Vec<Event>) {
        let (mut articles, mut events) = (Vec::new(), Vec::new());
        for part in parts {
            let count = part.articles.len();
            for (i, list) in part.events.into_per_article(count).into_iter().enumerate() {
                let id = (articles.len() + i) as ArticleId;
                events.extend(list.into_iter().map(|mut e| {
                    e.article = id;
                    e
                }));
            }
            articles.extend(part.articles);
        }
        (articles, events)
    }

    /// Files of our own: several articles each, some without events, a file without
    /// articles, a file holding events of an article it does not hold (left out).
    fn files(n: usize) -> Vec<FileResult> {
        (0..n)
            .map(|f| {
                let articles: Vec<Article> =
                    (0..f % 4).map(|i| article(&format!("f{f}a{i}"))).collect();
                let per_article = (0..articles.len() + usize::from(f % 7 == 3)).map(|i| {
                    (0..(f + i) % 5)
                        .map(|k| event(f * 100 + i * 10 + k))
                        .collect()
                });
                FileResult {
                    articles,
                    events: FileEvents::from_articles(per_article),
                }
            })
            .collect()
    }

    #[test]
    fn files_placed_in_parallel_give_the_corpus_moved_one_by_one() {
        // Enough files for the work to be split between threads.
        for n in [0, 1, 2, 9, 5_000] {
            let (articles, events) = place(files(n));
            let (want_articles, want_events) = one_by_one(files(n));
            // (`Article` has no `PartialEq`: its debug form shows every field.)
            assert_eq!(
                format!("{articles:?}"),
                format!("{want_articles:?}"),
                "{n} files"
            );
            assert_eq!(events, want_events, "{n} files");
        }
        let (articles, events) = place(files(9));
        // Articles of files 1, 2, 3 (none in 0 and 4), then 5, 6, 7: ids follow them.
        assert_eq!(articles.len(), 1 + 2 + 3 + 1 + 2 + 3);
        assert_eq!(articles[3].path, "f3a0");
        let of_file_3: Vec<(u32, usize)> = events
            .iter()
            .filter(|e| e.paragraph / 100 == 3)
            .map(|e| (e.article, e.paragraph))
            .collect();
        // File 3's articles are 3, 4, 5 of the corpus (5 without events); its fourth list
        // has no article and is left out.
        assert_eq!(
            of_file_3,
            [
                (3, 300),
                (3, 301),
                (3, 302),
                (4, 310),
                (4, 311),
                (4, 312),
                (4, 313)
            ]
        );
    }

    #[test]
    fn a_room_is_filled_only_by_as_many_items_as_it_has_slots() {
        let mut room = [MaybeUninit::<u8>::uninit(); 2];
        assert!(!fill(&mut room[..], [1]));
        assert!(!fill(&mut room[..], [1, 2, 3]));
        assert!(fill(&mut room[..], [1, 2]));
        assert!(fill(&mut [][..], std::iter::empty::<u8>()));
    }
}
