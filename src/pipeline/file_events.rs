//! One file's events, held flat: every article's events in one vector, in article order,
//! with where each article's end. A file's events are then one allocation however many
//! articles it holds, a reader decodes them straight into it, and the join moves them into
//! the corpus's vector in one pass (with the article ids set on the way), rather than
//! copying a vector per article and freeing each.

use crate::model::{ArticleId, Event};

/// See the module note. `events_of(i)` belongs to the file's article `i`; the events'
/// `article` ids are the local index `i` until the join numbers them for the corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileEvents {
    all: Vec<Event>,
    /// `ends[i]`: one past article `i`'s last event in `all` (non-decreasing).
    ends: Vec<usize>,
}

impl FileEvents {
    /// Articles' events in article order (article `i` gets the `i`th list).
    pub fn from_articles(per_article: impl IntoIterator<Item = Vec<Event>>) -> FileEvents {
        let mut out = FileEvents::default();
        for events in per_article {
            out.push_article(events);
        }
        out
    }

    /// Adds the next article's events.
    pub fn push_article(&mut self, events: impl IntoIterator<Item = Event>) {
        self.all.extend(events);
        self.ends.push(self.all.len());
    }

    /// Adds the next article's events as `fill` pushes them onto the file's vector (a reader
    /// decoding in place). When `fill` gives `None`, whatever it pushed is taken off again
    /// and no article is added.
    pub(crate) fn push_article_with<T>(
        &mut self,
        fill: impl FnOnce(&mut Vec<Event>) -> Option<T>,
    ) -> Option<T> {
        let before = self.all.len();
        let got = fill(&mut self.all);
        if got.is_some() {
            self.ends.push(self.all.len());
        } else {
            self.all.truncate(before);
        }
        got
    }

    /// Articles whose events are held (empty lists count).
    pub fn articles(&self) -> usize {
        self.ends.len()
    }

    /// Events of all articles.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Article `i`'s events (none for an article beyond those held).
    pub fn events_of(&self, i: usize) -> &[Event] {
        match self.ends.get(i) {
            Some(&end) => &self.all[self.start_of(i)..end],
            None => &[],
        }
    }

    /// Every article's events, in order.
    pub fn per_article(&self) -> impl Iterator<Item = &[Event]> + '_ {
        (0..self.ends.len()).map(|i| self.events_of(i))
    }

    /// All events, in article order.
    pub fn all(&self) -> &[Event] {
        &self.all
    }

    /// Replaces article `i`'s events (an article dated again). Nothing for an article
    /// beyond those held.
    pub(crate) fn replace(&mut self, i: usize, events: Vec<Event>) {
        let Some(&end) = self.ends.get(i) else {
            return;
        };
        let start = self.start_of(i);
        let grown = events.len() as isize - (end - start) as isize;
        self.all.splice(start..end, events);
        for e in &mut self.ends[i..] {
            *e = (*e as isize + grown) as usize;
        }
    }

    /// How many events the first `articles` articles hold (articles beyond those held have
    /// none).
    pub(crate) fn kept(&self, articles: usize) -> usize {
        match articles.min(self.ends.len()) {
            0 => 0,
            n => self.ends[n - 1],
        }
    }

    /// The events of the first `articles` articles, in order, each with its article id:
    /// `first` plus its place in the file ([`FileEvents::kept`] of them; events of articles
    /// beyond `articles` are dropped).
    pub(crate) fn kept_with_ids(
        self,
        first: ArticleId,
        articles: usize,
    ) -> impl Iterator<Item = Event> {
        let kept = self.kept(articles);
        let ends = self.ends;
        let mut all = self.all;
        all.truncate(kept);
        let mut article = 0usize;
        all.into_iter().enumerate().map(move |(k, mut e)| {
            // `k` is below `kept`, the end of one of the first `articles` articles.
            while ends[article] <= k {
                article += 1;
            }
            e.article = first + article as ArticleId;
            e
        })
    }

    /// The events as one list per article, for the first `articles` articles (articles
    /// beyond those held get an empty list).
    pub(crate) fn into_per_article(self, articles: usize) -> Vec<Vec<Event>> {
        let mut out = Vec::with_capacity(articles);
        let mut events = self.all.into_iter();
        let mut start = 0;
        for &end in self.ends.iter().take(articles) {
            out.push(events.by_ref().take(end - start).collect());
            start = end;
        }
        out.resize_with(articles, Vec::new);
        out
    }

    fn start_of(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1]
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An event of `article` dated 2024 (a year), told in `paragraph`.
    pub(in crate::pipeline) fn event(article: u32, paragraph: usize) -> Event {
        Event {
            paragraph,
            sentence: 0..1,
            date_range: 0..1,
            timex_value: "2024".into(),
            confidence: 1.0,
            cluster: 0,
            ..Event::for_test(
                article,
                crate::model::DateSpan {
                    start: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                    end: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
                    precision: crate::model::Precision::Year,
                },
                &[],
            )
        }
    }

    fn paragraphs(events: &[Event]) -> Vec<(u32, usize)> {
        events.iter().map(|e| (e.article, e.paragraph)).collect()
    }

    #[test]
    fn each_article_keeps_its_own_events_through_replacing_and_moving() {
        let mut f =
            FileEvents::from_articles([vec![event(0, 1), event(0, 2)], vec![], vec![event(2, 3)]]);
        assert_eq!((f.articles(), f.len()), (3, 3));
        assert_eq!(paragraphs(f.events_of(0)), [(0, 1), (0, 2)]);
        assert!(f.events_of(1).is_empty());
        assert_eq!(paragraphs(f.events_of(2)), [(2, 3)]);
        assert!(f.events_of(3).is_empty());
        // An article dated again may have more or fewer events: the later ones stay theirs.
        f.replace(0, vec![event(0, 7)]);
        f.replace(1, vec![event(1, 8), event(1, 9)]);
        f.replace(5, vec![event(5, 0)]);
        let lists: Vec<Vec<(u32, usize)>> = f.per_article().map(paragraphs).collect();
        assert_eq!(lists, [vec![(0, 7)], vec![(1, 8), (1, 9)], vec![(2, 3)]]);
        assert_eq!(
            f.clone()
                .into_per_article(4)
                .iter()
                .map(Vec::len)
                .collect::<Vec<_>>(),
            [1, 2, 1, 0]
        );
        // Moved with ids from the first given; an article past the count given is left out.
        assert_eq!((f.kept(0), f.kept(2), f.kept(3), f.kept(9)), (0, 3, 4, 4));
        let moved: Vec<Event> = f.kept_with_ids(40, 2).collect();
        assert_eq!(paragraphs(&moved), [(40, 7), (41, 8), (41, 9)]);
    }

    #[test]
    fn an_article_whose_events_do_not_decode_leaves_nothing_behind() {
        let mut f = FileEvents::default();
        assert_eq!(
            f.push_article_with(|v| {
                v.push(event(0, 1));
                Some(())
            }),
            Some(())
        );
        let failed: Option<()> = f.push_article_with(|v| {
            v.push(event(1, 2));
            None
        });
        assert_eq!(failed, None);
        assert_eq!((f.articles(), f.len()), (1, 1));
        f.push_article([event(1, 3)]);
        assert_eq!(paragraphs(f.all()), [(0, 1), (1, 3)]);
        assert_eq!(paragraphs(f.events_of(1)), [(1, 3)]);
    }
}
