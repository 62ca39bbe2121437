//! Events: a sentence (or clause) that carries a date the timeline can place, with the
//! countries it involves.
//!
//! One sentence can hold several happenings ("Kim visited Russia from September 12 to 17
//! and met Putin on Wednesday"), so each date expression becomes its own event, scoped to
//! its clause for the countries. A sentence that names no country takes the countries of
//! the sentence it refers back to ("The ministry said on Thursday" after a paragraph about
//! Japan), and says so in its note.

use crate::gazetteer::{Mention, MentionKind};
use crate::model::{
    Article, ArticleId, Countries, CountryCode, CountrySpan, CountrySpans, DateSource, DateSpan,
    DatedEvidence, Event, Precision,
};
use crate::timex::{Resolution, Timex};
use std::ops::Range;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "dept", "fig", "vol",
    "pres", "rev",
];

/// Longest stretch of text treated as one sentence, in bytes. Text without sentence
/// punctuation (a table or keyword dump) would otherwise be one "sentence" hundreds of
/// kilobytes long, and each of its dates would search all of it for its clause, subject and
/// countries. News sentences stay far below this: in a real archive of 450,000 sentences, 1
/// in 17,000 is longer (the 99.9th percentile is about 500 bytes).
pub(crate) const MAX_SENTENCE_BYTES: usize = 1000;

/// Splits `text[range]` into sentence ranges. A sentence ends at `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by whitespace and an upper-case letter, digit or
/// opening quote, unless the word before is an abbreviation or a single initial. A stretch
/// longer than [`MAX_SENTENCE_BYTES`] is cut at its last clause break or space within
/// that length, so that no sentence costs more than many short ones.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // Closing quotes/brackets belong to the sentence: ." .” .) .’
            while j < range.end {
                let rest = &text[j..range.end];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let next_is_space = j < range.end && bytes[j].is_ascii_whitespace();
            let after = text[j..range.end].trim_start();
            let next_starts = after
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c));
            if next_is_space && next_starts && (b != b'.' || !is_abbreviation(text, start, i)) {
                out.push(trim_range(text, start..j));
                start = range.end - after.len();
                i = start;
                continue;
            }
        }
        i += 1;
    }
    if start < range.end {
        let r = trim_range(text, start..range.end);
        if r.start < r.end {
            out.push(r);
        }
    }
    let merged = merge_fragments(text, out);
    if merged.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES) {
        return merged;
    }
    let mut bounded = Vec::with_capacity(merged.len());
    for r in merged {
        cut_long(text, r, &mut bounded);
    }
    bounded
}

/// Cuts a stretch longer than [`MAX_SENTENCE_BYTES`] into pieces no longer than that: at
/// the last clause break (`;`, `|`, `,`) in the second half of each window, else at its
/// last space, else (one endless word) at a character boundary.
fn cut_long(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text.as_bytes()[start..limit];
        let half = window.len() / 2;
        let at = window[half..]
            .iter()
            .rposition(|&b| matches!(b, b';' | b'|' | b','))
            .map(|k| half + k + 1)
            .or_else(|| window.iter().rposition(|&b| b == b' ').filter(|&k| k > 0))
            .map_or(limit, |k| start + k);
        let piece = trim_range(text, start..at);
        if piece.start < piece.end {
            out.push(piece);
        }
        start = at;
    }
    let rest = trim_range(text, start..r.end);
    if rest.start < rest.end {
        out.push(rest);
    }
}

/// A "sentence" of a few words none of which is lower-case ("TOKYO, September 19. /TASS/.")
/// is a dateline or a label, not a sentence: it belongs to the sentence after it.
fn merge_fragments(text: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut pending: Option<usize> = None;
    let n = sentences.len();
    for (i, r) in sentences.into_iter().enumerate() {
        let s = &text[r.clone()];
        // Six words at most: counting stops at the seventh (sentences run long).
        let fragment = i + 1 < n
            && s.split_whitespace().nth(6).is_none()
            && !s
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(|c| c.is_lowercase()));
        if fragment {
            pending.get_or_insert(r.start);
            continue;
        }
        out.push(pending.take().unwrap_or(r.start)..r.end);
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

/// Is the word ending at `dot` (exclusive) an abbreviation or an initial ("J. Smith")?
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    // The word before the dot is all that counts: look back a few bytes, not to the
    // sentence start (which may be far away in text without sentence ends).
    let mut from = dot.saturating_sub(32).max(sentence_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Clause boundaries used to split a sentence between two date expressions.
/// Strongest first; a bare " and " comes last because it also joins nouns ("a month and a
/// half", "Laos and Thailand").
const CLAUSE_BREAKS: &[&str] = &[
    "; ",
    ", and ",
    " and then ",
    ", while ",
    ", after ",
    ", before ",
    ", but ",
    " but ",
    ", when ",
    ", then ",
    ", which ",
    ", where ",
    ", ",
    " and ",
];

/// Relative clauses whose date belongs to the noun phrase just before them ("the war in
/// Ukraine, which began in February 2022").
const RELATIVE: &[&str] = &[
    ", which ",
    ", when ",
    ", where ",
    " which ",
    " that began ",
    " that started ",
];

/// Narrows a date's scope for country lookup when the date sits in a relative clause: the
/// clause plus its antecedent, taken as the few words right before the relative pronoun
/// ("the war in Ukraine, which began in February 2022"). `None` when there is no relative
/// clause; the caller falls back to the whole clause when the antecedent names no country
/// ("… and the United States at the close of the summit, which opened on Monday").
fn relative_scope(text: &str, scope: &Range<usize>, date: &Range<usize>) -> Option<Range<usize>> {
    const ANTECEDENT_WORDS: usize = 6;
    let before = &text[scope.start..date.start];
    let at = last_of_any(before, RELATIVE)?;
    let rel_start = scope.start + at;
    // The comma that opens the relative clause is not part of its antecedent.
    let lead = text[scope.start..rel_start].trim_end_matches([',', ' ']);
    // Stay within the comma-delimited phrase, and take at most a few words of it.
    let phrase_start = lead.rfind([',', ';']).map_or(0, |i| i + 1);
    let gaps: Vec<usize> = lead[phrase_start..]
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && *i > 0)
        .map(|(i, _)| phrase_start + i)
        .collect();
    let head = gaps
        .len()
        .checked_sub(ANTECEDENT_WORDS - 1)
        .map_or(phrase_start, |k| gaps[k]);
    Some(scope.start + head..scope.end)
}

/// The sentence's subject country: a mention among its first five words ("Kim Jong Un has
/// been visiting Russia ..., after meeting Putin on Wednesday": North Korea takes part in
/// every clause of the sentence).
fn subject(text: &str, sentence: &Range<usize>, spans: &[CountrySpan]) -> Option<CountryCode> {
    let first = spans.first()?;
    let words_before = text[sentence.start..first.start].split_whitespace().count();
    (words_before <= 4).then_some(first.code)
}

/// Splits a sentence into one clause per date expression: between consecutive dates, at the
/// rightmost strongest clause break. Returns a range per date (same order).
fn clauses(text: &str, sentence: Range<usize>, dates: &[Range<usize>]) -> Vec<Range<usize>> {
    if dates.len() < 2 {
        return vec![sentence; dates.len()];
    }
    let mut cuts = Vec::with_capacity(dates.len() - 1);
    for w in dates.windows(2) {
        let gap = w[0].end..w[1].start;
        let between = &text[gap.clone()];
        cuts.push(strongest_break(between).map(|i| gap.start + i));
    }
    let mut out = Vec::with_capacity(dates.len());
    let mut start = sentence.start;
    for (k, _) in dates.iter().enumerate() {
        let end = match cuts.get(k) {
            Some(Some(c)) => *c,
            Some(None) => {
                // No break between these two dates: they share the sentence.
                out.push(sentence.clone());
                continue;
            }
            None => sentence.end,
        };
        out.push(start..end.max(start));
        start = end;
    }
    // A date whose successor had no break keeps the full sentence; fix the one after it too.
    for k in 1..dates.len() {
        if cuts[k - 1].is_none() {
            out[k] = sentence.clone();
        }
    }
    out
}

/// Where the last of `marks` in `hay` starts: the largest of `hay.rfind(m)` over `marks`,
/// found in one pass from the end without building a searcher per mark (asked for every
/// date). Every mark is at least two bytes and starts with `,`, `;` or a space.
fn last_of_any(hay: &str, marks: &[&str]) -> Option<usize> {
    let b = hay.as_bytes();
    let mut end = b.len();
    while let Some(i) = memchr::memrchr3(b',', b';', b' ', &b[..end]) {
        if marks.iter().any(|m| mark_at(b, i, m.as_bytes())) {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Where the strongest of [`CLAUSE_BREAKS`] in `hay` last occurs: the first break in their
/// order that occurs at all, at its last place (as `rfind` of each in turn gives it), in one
/// pass from the end.
fn strongest_break(hay: &str) -> Option<usize> {
    let b = hay.as_bytes();
    let mut last = [None; CLAUSE_BREAKS.len()];
    let mut end = b.len();
    while let Some(i) = memchr::memrchr3(b',', b';', b' ', &b[..end]) {
        for (k, m) in CLAUSE_BREAKS.iter().enumerate() {
            if last[k].is_none() && mark_at(b, i, m.as_bytes()) {
                last[k] = Some(i);
            }
        }
        if last[0].is_some() {
            break; // the strongest is found at its last place
        }
        end = i;
    }
    last.into_iter().flatten().next()
}

/// Does `mark` (two bytes or more) occur in `b` at `i`? The second byte is compared first:
/// most places a mark could start (every space) fail there.
fn mark_at(b: &[u8], i: usize, mark: &[u8]) -> bool {
    b.len() - i >= mark.len() && b[i + 1] == mark[1] && b[i..i + mark.len()] == *mark
}

/// The calendar span of a date expression, ranges included; `None` if it cannot be placed.
pub fn span_of_timex(t: &Timex) -> Option<DateSpan> {
    let start = crate::timex::span_of(t.date_value()?)?;
    let Some(end_value) = &t.end_value else {
        return Some(start);
    };
    let end = crate::timex::span_of(end_value)?;
    if end.end < start.start {
        return None;
    }
    Some(DateSpan {
        start: start.start,
        end: end.end,
        precision: start.precision.max(end.precision),
    })
}

/// How an event's date came about, and how far to trust it: one entry per kind of
/// resolution, computed once per article (the notes are the same for all its events).
struct Provenance {
    explicit: (DateSource, f32, String),
    relative: (DateSource, f32, String),
    anchored: (DateSource, f32, String),
}

impl Provenance {
    fn new(pub_date: Option<&DatedEvidence>) -> Self {
        let firm = pub_date.is_some_and(|p| p.confidence >= crate::pubdate::FIRM);
        let pub_desc = pub_date
            .map(|p| format!("publication date {} ({})", p.date, p.source.as_str()))
            .unwrap_or_default();
        let explicit = (
            DateSource::Explicit,
            0.95,
            "date stated in full".to_string(),
        );
        if firm {
            return Provenance {
                explicit,
                relative: (
                    DateSource::RelativeToPublication,
                    0.85,
                    format!("resolved against the {pub_desc}"),
                ),
                anchored: (
                    DateSource::Anchored,
                    0.75,
                    "counted from another date in the text".into(),
                ),
            };
        }
        let p = pub_date.map_or(0.0, |p| p.confidence);
        let why = pub_date.map_or(String::new(), |p| p.note.clone());
        let note = format!("resolved against an uncertain {pub_desc}: {why}");
        let conf = (p * 0.9).min(0.65);
        Provenance {
            explicit,
            relative: (DateSource::PublicationDateInferred, conf, note.clone()),
            anchored: (DateSource::Anchored, conf, note),
        }
    }

    fn of(&self, t: &Timex) -> &(DateSource, f32, String) {
        match t.resolution {
            Resolution::Absolute => &self.explicit,
            Resolution::Anchored => &self.anchored,
            Resolution::Reference | Resolution::Unresolved => &self.relative,
        }
    }
}

/// Whether a place in a paragraph is inside a quotation that opened in the same paragraph
/// (curly quotes balanced, or an odd number of straight double quotes before it). Asked at
/// places in increasing order, it reads each byte of the paragraph once.
struct Quotes {
    pos: usize,
    depth: i32,
    straight: u32,
}

impl Quotes {
    fn new(para_start: usize) -> Self {
        Quotes {
            pos: para_start,
            depth: 0,
            straight: 0,
        }
    }

    fn inside(&mut self, text: &str, at: usize) -> bool {
        if let Some(between) = text.get(self.pos..at) {
            for c in between.chars() {
                match c {
                    '“' | '«' => self.depth += 1,
                    '”' | '»' => self.depth = (self.depth - 1).max(0),
                    '"' => self.straight += 1,
                    _ => {}
                }
            }
            self.pos = at;
        }
        self.depth > 0 || self.straight % 2 == 1
    }
}

/// Mentions inside `r` (mentions are sorted by start) that `keep` accepts, as spans.
fn mentions_where(
    mentions: &[Mention],
    r: &Range<usize>,
    keep: impl Fn(&Mention) -> bool,
) -> Vec<CountrySpan> {
    let from = mentions.partition_point(|m| m.start < r.start);
    mentions[from..]
        .iter()
        .take_while(|m| m.end <= r.end)
        .filter(|m| keep(m))
        .map(|m| CountrySpan {
            start: m.start,
            end: m.end,
            code: m.code,
        })
        .collect()
}

/// Mentions inside `r`.
fn mentions_in(mentions: &[Mention], r: &Range<usize>) -> Vec<CountrySpan> {
    mentions_where(mentions, r, |_| true)
}

fn codes(spans: &[CountrySpan]) -> Vec<CountryCode> {
    let mut c: Vec<CountryCode> = spans.iter().map(|s| s.code).collect();
    c.sort_unstable();
    c.dedup();
    c
}

/// Builds the events of one article from its date and country mentions (both over
/// `article.text`, sorted by start). `article.pub_date` must already be decided.
pub fn extract(
    id: ArticleId,
    article: &Article,
    timexes: &[Timex],
    mentions: &[Mention],
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut context: Vec<CountryCode> = Vec::new();
    let text = &article.text;
    let provenance = Provenance::new(article.pub_date.as_ref());
    for (pi, para) in article.paragraphs.iter().enumerate() {
        let mut quotes = Quotes::new(para.range.start);
        for sentence in sentences(text, para.range.clone()) {
            let sentence_spans = mentions_in(mentions, &sentence);
            let sentence_subject = subject(text, &sentence, &sentence_spans);
            let from = timexes.partition_point(|t| t.start < sentence.start);
            let dated: Vec<(&Timex, DateSpan)> = timexes[from..]
                .iter()
                .take_while(|t| t.end <= sentence.end)
                .filter_map(|t| span_of_timex(t).map(|s| (t, s)))
                .collect();
            let ranges: Vec<Range<usize>> = dated.iter().map(|(t, _)| t.start..t.end).collect();
            let scopes = clauses(text, sentence.clone(), &ranges);
            for ((t, span), scope) in dated.iter().zip(scopes) {
                let (date_source, confidence, note) = provenance.of(t);
                let (date_source, mut confidence, mut note) =
                    (*date_source, *confidence, note.clone());
                let date = t.start..t.end;
                let mut spans = relative_scope(text, &scope, &date)
                    .map(|r| mentions_in(mentions, &r))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| mentions_in(mentions, &scope));
                if spans.is_empty() {
                    spans = sentence_spans.clone();
                }
                let mut countries = codes(&spans);
                if let Some(c) = sentence_subject {
                    if scope != sentence && !countries.contains(&c) {
                        countries.push(c);
                        countries.sort_unstable();
                    }
                }
                if t.resolution == Resolution::Reference && quotes.inside(text, t.start) {
                    // "“The treaty we signed today …,” Putin said": the speaker's today,
                    // which is the publication day only if the words were said that day.
                    note.push_str(
                        "; inside a quotation: relative to when it was said, which may be before publication",
                    );
                    confidence *= 0.6;
                }
                if countries.is_empty() && !context.is_empty() {
                    countries = context.clone();
                    note.push_str("; countries from an earlier sentence (this one names none)");
                    confidence *= 0.95;
                }
                // "on Oct. 12, the day before the crash", "arrested last March and removed
                // that same day": a date that restates one earlier in the sentence is the
                // same mark, with the countries of both clauses.
                if t.resolution == Resolution::Anchored {
                    if let Some(e) = events
                        .iter_mut()
                        .rev()
                        .take_while(|e| e.sentence == sentence)
                        .find(|e| e.span == *span)
                    {
                        e.countries.extend(countries);
                        e.countries.sort_unstable();
                        e.countries.dedup();
                        continue;
                    }
                }
                events.push(Event {
                    article: id,
                    paragraph: pi,
                    sentence: sentence.clone(),
                    date_range: t.start..t.end,
                    // placed dates only, so `date_value` is there
                    timex_value: match &t.end_value {
                        Some(e) => format!("{}/{}", t.value, e).into(),
                        None => t.date_value().unwrap_or(&t.value).into(),
                    },
                    span: *span,
                    countries: Countries::from_slice(&countries),
                    country_spans: CountrySpans::from_slice(&sentence_spans),
                    date_source,
                    confidence,
                    note: note.into(),
                    cluster: 0,
                    hidden: false,
                    salience: 0.0,
                });
            }
            // What a later sentence without countries refers back to: this sentence's
            // subject when it opens with one ("Japan's coast guard said …, with officers
            // from four other countries" → Japan), else every country it names.
            // A city places this sentence's happening without making the story about its
            // country ("he moved to New York in 1974"; the next sentence, about his album, is
            // not American news): only countries, demonyms, capitals and leaders carry over.
            let lasting = mentions_where(mentions, &sentence, |m| m.kind != MentionKind::City);
            if !lasting.is_empty() {
                context = match subject(text, &sentence, &lasting) {
                    Some(c) => vec![c],
                    None => codes(&lasting),
                };
            } else if !sentence_spans.is_empty() {
                // Only cities: the story has moved somewhere a later sentence must name.
                context.clear();
            }
        }
    }
    events
}

/// Relative dates that could not be placed because the article has no publication date.
pub fn unplaced_count(timexes: &[Timex]) -> usize {
    timexes
        .iter()
        .filter(|t| t.resolution != Resolution::Absolute && span_of_timex(t).is_none())
        .filter(|t| t.date_value().is_some_and(|v| v.contains('X')))
        .count()
}

/// Precision names for tables.
pub fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stretches between two dates and before a date, of our own making: marks at either
    /// end, repeated, overlapping, cut short, beside non-ASCII text, and none at all.
    const GAPS: &[&str] = &[
        "",
        " ",
        ",",
        ", and",
        ", and ",
        " and ",
        "; ",
        " visited Laos and Thailand, which ",
        "; then, and then, but ",
        " met the envoys, while ministers, when asked, said; ",
        " and then and then ",
        " that began  that started ",
        ", which , when , where ",
        "the war in Ukraine, which began in ",
        " talks that began in Geneva, where the envoys – “who had met” – ",
        "and and , , ;; ;",
        " but, but ",
        "élection à Paris, après ",
        ", wher",
    ];

    #[test]
    fn one_pass_finds_the_marks_rfind_finds() {
        for g in GAPS {
            let want = RELATIVE.iter().filter_map(|m| g.rfind(m)).max();
            assert_eq!(last_of_any(g, RELATIVE), want, "{g:?}");
            let want = CLAUSE_BREAKS.iter().find_map(|m| g.rfind(m));
            assert_eq!(strongest_break(g), want, "{g:?}");
        }
        for m in RELATIVE.iter().chain(CLAUSE_BREAKS) {
            assert!(
                m.len() >= 2 && matches!(m.as_bytes()[0], b',' | b';' | b' '),
                "{m:?}"
            );
        }
    }

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            split("Mr. Kim met U.S. officials on Sept. 12. They talked. \"It went well,\" he said. Then J. Smith left!"),
            vec![
                "Mr. Kim met U.S. officials on Sept. 12.",
                "They talked.",
                "\"It went well,\" he said.",
                "Then J. Smith left!"
            ]
        );
        assert_eq!(split("No final stop"), vec!["No final stop"]);
        assert_eq!(
            split("Ends with quote.” Next one."),
            vec!["Ends with quote.”", "Next one."]
        );
    }

    #[test]
    fn dateline_fragment_joins_the_next_sentence() {
        assert_eq!(
            split("OSLO, May 3. /NTB/. Norway and Sweden agreed a plan. It works."),
            vec![
                "OSLO, May 3. /NTB/. Norway and Sweden agreed a plan.",
                "It works."
            ]
        );
    }

    #[test]
    fn relative_clause_scope_is_its_noun_phrase() {
        let s =
            "Japan is worried, especially amid the war in Ukraine, which began in February 2022.";
        let d = s.find("February").unwrap()..s.len() - 1;
        let r = relative_scope(s, &(0..s.len()), &d).unwrap();
        assert_eq!(
            &s[r],
            " amid the war in Ukraine, which began in February 2022."
        );
        // A long list before the antecedent is not part of it.
        let s =
            "It was signed by Chile and Peru at the close of the summit, which opened on Monday.";
        let d = s.find("Monday").unwrap()..s.len() - 1;
        let r = relative_scope(s, &(0..s.len()), &d).unwrap();
        assert_eq!(&s[r], " the close of the summit, which opened on Monday.");
        assert!(relative_scope("They met on 3 May.", &(0..18), &(11..17)).is_none());
    }

    #[test]
    fn sentence_split_handles_multibyte_text() {
        let s = "Élysée said — on Monday. Kyiv’s reply came. Ёлка.";
        let parts = split(s);
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn clauses_split_between_dates() {
        let s = "Kim visited Russia from September 12 to 17 and met Putin on Wednesday";
        let d1 = s.find("from").unwrap()..s.find(" and").unwrap();
        let d2 = s.find("on Wed").unwrap()..s.len();
        let c = clauses(s, 0..s.len(), &[d1, d2]);
        assert_eq!(
            &s[c[0].clone()],
            "Kim visited Russia from September 12 to 17"
        );
        assert!(s[c[1].clone()].contains("met Putin"));
    }

    #[test]
    fn clauses_without_break_share_the_sentence() {
        let s = "From May 1 until June 3 nothing happened";
        let d1 = 5..10;
        let d2 = 17..23;
        let c = clauses(s, 0..s.len(), &[d1, d2]);
        assert_eq!(c, vec![0..s.len(), 0..s.len()]);
    }
}
