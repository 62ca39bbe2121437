//! Whether each event's date sits in an aside of its sentence
//! ([`crate::clause::Sentence::is_aside_at`]), for the ranking, remembered between rankings.
//!
//! The answer is a pure function of the sentence's text and where the date sits in it, so it
//! is remembered under a 128-bit hash of that text and the date's place in it: a ranking
//! after a correction or a watched change (which leaves almost every sentence as it was)
//! tokenises only the sentences it has not seen, where tokenising every sentence was the
//! largest part of ranking again. Sentences not seen before are read as before: each
//! distinct one once, on all cores, tokenised once for all its dates.

use crate::fxmap::FxMap;
use crate::model::{Article, Event};
use rayon::prelude::*;
use std::sync::Mutex;

/// A date's place in a sentence: the sentence text's hash, the date's byte range in it.
type Key = (u128, u32, u32);

/// A sentence not seen before and the byte ranges of its dates to answer.
type Unseen<'a> = (&'a str, Vec<(u32, u32)>);

/// Answers remembered, at most [`MEMO_MAX`] (about 40 bytes each): a process ranks one or
/// two corpora at a time, and a corpus of a million events has about as many dates.
static MEMO: Mutex<Option<FxMap<Key, bool>>> = Mutex::new(None);
const MEMO_MAX: usize = 1 << 21;

fn text_hash(s: &str) -> u128 {
    crate::memo_key::of(s.as_bytes())
}

/// The sentence text and the date's range in it, if the event's ranges fit its article.
fn place<'a>(e: &Event, articles: &'a [Article]) -> Option<(&'a str, usize, usize)> {
    let s = articles
        .get(e.article as usize)?
        .text
        .get(e.sentence.clone())?;
    let start = e.date_range.start.checked_sub(e.sentence.start)?;
    let end = e.date_range.end.checked_sub(e.sentence.start)?;
    Some((s, start, end))
}

/// Whether each event's date is an aside in its sentence, in event order (`false` for an
/// event whose ranges do not fit its article's text).
pub(super) fn asides(events: &[Event], articles: &[Article]) -> Vec<bool> {
    // Keys on all cores; events of one sentence are next to each other, so each chunk
    // hashes a sentence once for the run of its events.
    let keys: Vec<Option<(Key, &str)>> = events
        .par_chunks(1024)
        .flat_map_iter(|chunk| {
            let mut last: Option<(&str, u128)> = None;
            chunk
                .iter()
                .map(|e| {
                    let (s, start, end) = place(e, articles)?;
                    let h = match last {
                        Some((t, h)) if std::ptr::eq(t, s) => h,
                        _ => text_hash(s),
                    };
                    last = Some((s, h));
                    Some(((h, start as u32, end as u32), s))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut memo = MEMO.lock().unwrap_or_else(|p| p.into_inner());
    let known = memo.get_or_insert_with(FxMap::default);
    let mut answers: Vec<Option<bool>> = keys
        .iter()
        .map(|k| k.and_then(|(k, _)| known.get(&k).copied()))
        .collect();
    // The dates not seen before, by sentence (each tokenised once for all its dates).
    let mut by_sentence: FxMap<u128, Unseen> = FxMap::default();
    for (k, a) in keys.iter().zip(&answers) {
        if let (Some(((h, start, end), s)), None) = (k, a) {
            let dates = &mut by_sentence.entry(*h).or_insert((s, Vec::new())).1;
            if !dates.contains(&(*start, *end)) {
                dates.push((*start, *end));
            }
        }
    }
    if by_sentence.is_empty() {
        return answers.into_iter().map(|a| a.unwrap_or(false)).collect();
    }
    drop(memo);
    let found: Vec<(Key, bool)> = by_sentence
        .into_par_iter()
        .flat_map_iter(|(h, (s, dates))| {
            let sentence = crate::clause::Sentence::new(s);
            dates
                .into_iter()
                .map(|(start, end)| {
                    let aside = sentence.is_aside_at(start as usize..end as usize);
                    ((h, start, end), aside)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut memo = MEMO.lock().unwrap_or_else(|p| p.into_inner());
    let known = memo.get_or_insert_with(FxMap::default);
    if known.len() + found.len() > MEMO_MAX {
        known.clear();
    }
    known.extend(found.iter().copied());
    let found: FxMap<Key, bool> = found.into_iter().collect();
    for (k, a) in keys.iter().zip(answers.iter_mut()) {
        if let (Some((k, _)), true) = (k, a.is_none()) {
            *a = found.get(k).copied();
        }
    }
    answers.into_iter().map(|a| a.unwrap_or(false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Paragraph, ParagraphKind};
    use chrono::NaiveDate;

    fn article(text: &str) -> Article {
        Article {
            text: text.to_string(),
            paragraphs: vec![Paragraph {
                range: 0..text.len(),
                kind: ParagraphKind::Body,
            }],
            ..Default::default()
        }
    }

    /// An event of article `a` whose sentence is `sentence` in `text` and whose date is
    /// `date` (both found by their text).
    fn event(a: u32, text: &str, sentence: &str, date: &str) -> Event {
        let s = text.find(sentence).expect("the sentence");
        let d = s + sentence.find(date).expect("the date");
        let day = NaiveDate::from_ymd_opt(2024, 5, 14).expect("a day");
        Event {
            sentence: s..s + sentence.len(),
            date_range: d..d + date.len(),
            confidence: 1.0,
            cluster: 0,
            ..Event::for_test(a, DateSpan::day(day), &[])
        }
    }

    /// Each date's answer is the sentence's own, whether read now or remembered (the same
    /// sentence in another article, a second ranking), and a date in the same text at
    /// another place, or the same place in another text, gets its own answer.
    #[test]
    fn remembered_answers_equal_the_sentence_read_anew() {
        let main = "Officials met in Paris on 14 May to sign the pact.";
        let aside = "Kim, who was arrested on 14 May, was freed on Friday.";
        let t1 = format!("{main} {aside}");
        let t2 = format!("{aside} Then nothing.");
        let articles = vec![article(&t1), article(&t2)];
        let events = vec![
            event(0, &t1, main, "14 May"),
            event(0, &t1, aside, "14 May"),
            event(0, &t1, aside, "Friday"),
            event(1, &t2, aside, "14 May"),
            event(1, &t2, aside, "Friday"),
        ];
        let want: Vec<bool> = events
            .iter()
            .map(|e| {
                let s = &articles[e.article as usize].text[e.sentence.clone()];
                crate::clause::Sentence::new(s).is_aside_at(
                    e.date_range.start - e.sentence.start..e.date_range.end - e.sentence.start,
                )
            })
            .collect();
        assert_eq!(want, vec![false, true, false, true, false]);
        assert_eq!(asides(&events, &articles), want, "read anew");
        assert_eq!(asides(&events, &articles), want, "remembered");
        // An event whose ranges do not fit its article is no aside (and no panic).
        let mut bad = events[1].clone();
        bad.date_range = 10_000..10_006;
        assert_eq!(asides(&[bad], &articles), vec![false]);
    }
}
