//! Which reports of a happening speak for it: the members whose sentences share the most
//! words with the other members' sentences come first when a cluster's caption is chosen.
//!
//! A happening many articles report is told in many ways, and the first report found is
//! often a side of it ("Rafsanjani voted for him on Friday", of an election day). What most
//! reports have in common is what happened ("Rouhani won the presidential election by a
//! landslide"): the sentence nearest the members' shared words (their centroid, as in
//! multi-document summarisation) is the one to caption from. Words are
//! [`crate::crossdate::content_words`] (four letters or more, no stopwords or date words),
//! each counted once per distinct sentence, so one article repeating itself does not make its
//! own words common. Linear in the members looked at (at most [`MAX_MEMBERS`]).
//!
//! Centrality decides only between captions equally good by their own reading
//! (`Candidate::score`), and brings a few central reports into the tried ones; the order of
//! the rest is the cluster's.

use crate::fxmap::FxMap;
use crate::model::{Article, Cluster, Event, EventId};

/// Members whose words are counted: enough to see what most reports say, bounded so a
/// happening with thousands of copies costs no more than this.
const MAX_MEMBERS: usize = 64;

/// How much more central a caption must be to replace an equally good one found first.
const CLEARLY_MORE: f64 = 1.5;

/// Whether a caption (its reading's score, its centrality [`Shared::of_text`]) replaces the
/// best found so far: a better reading, or an equally good one that says clearly more of
/// what the other reports say (a small difference in shared words decides nothing).
pub(super) fn beats((score, central): (i32, f64), (best, best_central): (i32, f64)) -> bool {
    score > best || (score == best && central > CLEARLY_MORE * best_central)
}

/// How often each content word occurs among a cluster's distinct member sentences.
pub(super) struct Shared {
    df: FxMap<u64, u32>,
    /// Per looked-at member (in the cluster's order): its sentence's words' centrality.
    member: Vec<f64>,
}

impl Shared {
    /// The words of the first [`MAX_MEMBERS`] members of `c`; `None` when they have fewer
    /// than three distinct sentences (two sentences share their words both ways: nothing
    /// to choose by).
    pub(super) fn of(c: &Cluster, events: &[Event], articles: &[Article]) -> Option<Shared> {
        if c.events.len() < 3 {
            return None;
        }
        let sentence = |id: EventId| -> Option<&str> {
            let e = events.get(id as usize)?;
            articles
                .get(e.article as usize)?
                .text
                .get(e.sentence.clone())
        };
        let mut sets: FxMap<&str, usize> = FxMap::default();
        let mut words: Vec<Vec<u64>> = Vec::new();
        let member_set: Vec<Option<usize>> = c.events[..c.events.len().min(MAX_MEMBERS)]
            .iter()
            .map(|&id| {
                let s = sentence(id)?;
                Some(*sets.entry(s).or_insert_with(|| {
                    words.push(crate::crossdate::content_words(s));
                    words.len() - 1
                }))
            })
            .collect();
        if words.len() < 3 {
            return None;
        }
        let mut df: FxMap<u64, u32> = FxMap::default();
        for w in words.iter().flatten() {
            *df.entry(*w).or_default() += 1;
        }
        let mut shared = Shared {
            df,
            member: Vec::new(),
        };
        let of_set: Vec<f64> = words.iter().map(|ws| shared.of_words(ws)).collect();
        shared.member = member_set
            .iter()
            .map(|s| s.map_or(-1.0, |s| of_set[s]))
            .collect();
        Some(shared)
    }

    /// How central `text` is: how many of its content words the other distinct sentences
    /// share (a word counts once per sentence it is in, less its own), over the square root
    /// of its word count, so that length alone does not win.
    pub(super) fn of_text(&self, text: &str) -> f64 {
        self.of_words(&crate::crossdate::content_words(text))
    }

    fn of_words(&self, ws: &[u64]) -> f64 {
        if ws.is_empty() {
            return 0.0;
        }
        let shared: u32 = ws
            .iter()
            .map(|w| self.df.get(w).map_or(0, |n| n.saturating_sub(1)))
            .sum();
        f64::from(shared) / (ws.len() as f64).sqrt()
    }
}

/// The members of `c` whose captions are tried: the first `first` in the cluster's order
/// (date confidence, best first), then up to `extra` more of the looked-at members whose
/// sentences are the most central ([`Shared::of_text`]), so that the report most others
/// agree with is tried even when many reports came before it.
pub(super) fn tried(
    c: &Cluster,
    shared: Option<&Shared>,
    first: usize,
    extra: usize,
) -> Vec<EventId> {
    let mut out: Vec<EventId> = c.events.iter().take(first).copied().collect();
    let Some(shared) = shared else {
        return out;
    };
    let mut rest: Vec<(usize, f64)> = shared
        .member
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, &v)| (i, v))
        .collect();
    // Stable: equal centrality keeps the cluster's order.
    rest.sort_by(|a, b| b.1.total_cmp(&a.1));
    out.extend(rest.iter().take(extra).map(|&(i, _)| c.events[i]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Cluster, Event};

    /// One article per sentence, one event per article spanning its sentence, dated by the
    /// phrase `date` where the sentence has it (else the date range is empty).
    fn cluster_of<S: AsRef<str>>(
        sentences: &[S],
        date: &str,
    ) -> (Cluster, Vec<Event>, Vec<Article>) {
        let articles: Vec<Article> = sentences
            .iter()
            .map(|s| Article {
                text: s.as_ref().to_string(),
                ..Article::default()
            })
            .collect();
        let events: Vec<Event> = sentences
            .iter()
            .map(AsRef::as_ref)
            .enumerate()
            .map(|(i, s)| {
                let at = s.find(date).filter(|_| !date.is_empty());
                Event {
                    sentence: 0..s.len(),
                    date_range: at.map_or(0..0, |at| at..at + date.len()),
                    ..Event::for_test(
                        i as u32,
                        crate::model::DateSpan::day(
                            chrono::NaiveDate::from_ymd_opt(2024, 5, 4).unwrap(),
                        ),
                        &[],
                    )
                }
            })
            .collect();
        let c = Cluster {
            events: (0..sentences.len() as u32).collect(),
            sources: sentences.len(),
            ..Cluster::default()
        };
        (c, events, articles)
    }

    #[test]
    fn the_report_most_others_agree_with_comes_first() {
        let (c, e, a) = cluster_of(&[
            "Mr Okoro's predecessor voted for him on Saturday morning in his home village.",
            "Voters queued for hours on Saturday, observers said.",
            "Okoro won the presidential election by a landslide on Saturday.",
            "The landslide victory in Saturday's presidential election surprised Okoro's rivals.",
            "Okoro's election victory on Saturday was celebrated in the capital.",
        ], "");
        let shared = Shared::of(&c, &e, &a).unwrap();
        let side = shared.of_text("Predecessor votes for him");
        let main = shared.of_text("Okoro wins presidential election by landslide");
        assert!(main > side, "{main} {side}");
        // Two tried in order, then the most central of the rest.
        let tried = tried(&c, Some(&shared), 2, 1);
        assert_eq!(tried[..2], [0, 1]);
        assert!(tried[2] == 2 || tried[2] == 3, "{tried:?}");
    }

    #[test]
    fn a_repeated_sentence_does_not_make_its_words_common() {
        let side = "Mr Lindqvist's neighbours gathered outside his house on Monday.";
        let (c, e, a) = cluster_of(
            &[
                side,
                side,
                side,
                "Lindqvist resigned as finance minister on Monday.",
                "The finance minister resigned on Monday after the audit.",
                "Lindqvist's resignation as minister on Monday followed the audit.",
            ],
            "",
        );
        let shared = Shared::of(&c, &e, &a).unwrap();
        let tried = tried(&c, Some(&shared), 1, 1);
        assert!(tried[1] >= 3, "a resignation report next, got {tried:?}");
        assert!(
            shared.of_text("Lindqvist resigns as minister")
                > shared.of_text("Neighbours gather outside house")
        );
    }

    #[test]
    fn a_clusters_caption_says_what_most_of_its_reports_say() {
        // Ten reports of one polling day: the first eight (all a caption tries in the
        // cluster's order) tell sides of it; the last two say who won, the words most of
        // the others share.
        let (c, events, articles) = cluster_of(
            &[
                "Mr Adeyemi's predecessor voted for him on Saturday.",
                "Queues formed early at polling stations in Lagos on Saturday.",
                "The electoral commission extended voting hours on Saturday.",
                "Observers from the region arrived in the capital on Saturday.",
                "Turnout in the presidential election on Saturday was high.",
                "Rivals of Adeyemi complained about the presidential election on Saturday.",
                "Adeyemi's supporters danced in the streets after the election on Saturday.",
                "A storm delayed the count in two provinces on Saturday.",
                "Adeyemi won the presidential election by a landslide on Saturday.",
                "Adeyemi won Saturday's presidential election by a landslide, officials said.",
            ],
            "on Saturday",
        );
        let caption = super::super::for_cluster(&c, &events, &articles, 48);
        assert!(
            caption.contains("Adeyemi win"),
            "the election's result, got {caption:?}"
        );
    }

    #[test]
    fn two_sentences_keep_the_clusters_order() {
        let (c, e, a) = cluster_of(
            &[
                "Ships docked in Rotterdam on Tuesday.",
                "Tuesday's docking of the ships in Rotterdam was delayed by fog in the harbour.",
            ],
            "",
        );
        assert!(Shared::of(&c, &e, &a).is_none());
        assert_eq!(tried(&c, None, 8, 4), vec![0, 1]);
    }
}
