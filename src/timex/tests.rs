//! Table-driven tests: each row is (reference date or "", text, expected tags written as
//! "phrase=VALUE" joined by " | "; ranges as "phrase=START..END"; "" = nothing tagged).

use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn render(text: &str, r: Option<NaiveDate>) -> String {
    tag(text, r)
        .iter()
        .map(|t| match (&t.end_value, &t.point) {
            (Some(e), _) => format!("{}={}..{}", &text[t.start..t.end], t.value, e),
            // a counted amount: "two days later=P2D->2021-05-05"
            (None, Some(p)) => format!("{}={}->{}", &text[t.start..t.end], t.value, p),
            (None, None) => format!("{}={}", &text[t.start..t.end], t.value),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A table row: (reference date or "", text, expected tags written as "phrase=VALUE" joined
/// by " | "; ranges as "phrase=START..END"; counted amounts as "phrase=DURATION->DATE"; "" =
/// nothing tagged). The rows sit beside the rules they show, at the bottom of each file of
/// the rule book (2023-09-14 is a Thursday; 2024-01-01 a Monday; 2024-12-30 a Monday).
pub(crate) type Row = (&'static str, &'static str, &'static str);

#[test]
fn table() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (file, rows) in super::rules::TABLES.iter().chain([
        &("tense", super::tense::ROWS),
        &("placed", super::placed::ROWS),
    ]) {
        for (r, text, want) in *rows {
            n += 1;
            let got = render(text, d(r));
            if got != *want {
                failures.push(format!(
                    "{file}: [{r}] {text:?}\n   want: {want}\n    got: {got}"
                ));
            }
        }
    }
    assert!(n >= 336, "only {n} rows");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn holidays_by_locale() {
    let r = d("2023-09-14");
    let value = |text: &str, l: Locale| {
        tag_in(text, r, l)
            .iter()
            .map(|t| t.value.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = "They meet at Thanksgiving and again on Boxing Day.";
    assert_eq!(value(text, Locale::Us), "2023-11-23");
    assert_eq!(value(text, Locale::Canada), "2023-10-09 2023-12-26");
    assert_eq!(value(text, Locale::Uk), "2023-12-26");
    assert_eq!(
        value("Labour Day and Labor Day", Locale::Canada),
        "2023-09-04"
    );
    assert_eq!(
        value("They will march on Anzac Day", Locale::Australia),
        "2024-04-25"
    );
    assert_eq!(tag(text, r), tag_in(text, r, Locale::Us));
}

#[test]
fn resolution_kinds() {
    let r = d("2023-09-14");
    let t = tag(
        "On 12 September 2023 and on Wednesday; two days later; recently.",
        r,
    );
    let res: Vec<Resolution> = t.iter().map(|t| t.resolution).collect();
    assert_eq!(
        res,
        vec![
            Resolution::Absolute,
            Resolution::Reference,
            Resolution::Anchored,
            Resolution::Unresolved
        ]
    );
    let t = tag("on Wednesday", None);
    assert_eq!(t[0].resolution, Resolution::Unresolved);
    assert_eq!(t[0].kind, TimexType::Date);
    assert_eq!(tag("three days", r)[0].kind, TimexType::Duration);
    assert_eq!(tag("every Monday", r)[0].kind, TimexType::Set);
    assert_eq!(tag("at 3 p.m.", r)[0].kind, TimexType::Time);
}

#[test]
fn spans_of_values() {
    use crate::model::Precision;
    let s = span_of("2023-09-12").unwrap();
    assert_eq!(
        (s.start, s.end, s.precision),
        (
            d("2023-09-12").unwrap(),
            d("2023-09-12").unwrap(),
            Precision::Day
        )
    );
    let s = span_of("2020-W53").unwrap();
    assert_eq!(
        (s.start, s.end),
        (d("2020-12-28").unwrap(), d("2021-01-03").unwrap())
    );
    let s = span_of("2023-Q3").unwrap();
    assert_eq!(
        (s.start, s.end, s.precision),
        (
            d("2023-07-01").unwrap(),
            d("2023-09-30").unwrap(),
            Precision::Month
        )
    );
    let s = span_of("2024-02").unwrap();
    assert_eq!(s.end, d("2024-02-29").unwrap());
    let s = span_of("199").unwrap();
    assert_eq!(
        (s.start, s.end, s.precision),
        (
            d("1990-01-01").unwrap(),
            d("1999-12-31").unwrap(),
            Precision::Year
        )
    );
    let s = span_of("19").unwrap();
    assert_eq!(
        (s.start, s.end),
        (d("1900-01-01").unwrap(), d("1999-12-31").unwrap())
    );
    assert_eq!(span_of("2023-SU").unwrap().start, d("2023-06-01").unwrap());
    assert_eq!(
        span_of("2023-09-12TMO").unwrap(),
        span_of("2023-09-12").unwrap()
    );
    assert_eq!(
        span_of("2023-W37-WE").unwrap().start,
        d("2023-09-16").unwrap()
    );
    // partly unknown values place at their known prefix
    for (v, a, b) in [
        ("198X", "1980-01-01", "1989-12-31"),
        ("19XX", "1900-01-01", "1999-12-31"),
        ("1949-XX", "1949-01-01", "1949-12-31"),
        ("1998-10-XX", "1998-10-01", "1998-10-31"),
        ("1989-WXX", "1989-01-01", "1989-12-31"),
        ("1988-QX", "1988-01-01", "1988-12-31"),
        ("199X-XX-XX", "1990-01-01", "1999-12-31"),
        ("1998-12-XXTNI", "1998-12-01", "1998-12-31"),
    ] {
        let s = span_of(v).unwrap_or_else(|| panic!("{v}"));
        assert_eq!((Some(s.start), Some(s.end)), (d(a), d(b)), "{v}");
    }
    assert_eq!(span_of("198X").unwrap().precision, Precision::Year);
    assert_eq!(span_of("1998-10-XX").unwrap().precision, Precision::Month);
    for v in [
        "P3D",
        "XXXX-09-12",
        "XXXX",
        "1XXX",
        "X98X",
        "XXXX-WXX-1",
        "19X8",
        "PRESENT_REF",
        "XXXX-WXX-1",
        "2023-13",
        "2023-02-30",
        "",
        "20x3",
        "é",
    ] {
        assert_eq!(span_of(v), None, "{v}");
    }
}

#[test]
fn runs_of_trigger_words_nest_only_so_deep() {
    // "the the the ...": each word starts a rule that asks what follows; nesting is
    // capped, so a long run neither overflows a small stack nor costs more than a fixed
    // amount per word.
    let out = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let r = d("2023-09-14");
            ["the ", "early ", "from ", "the end of ", "between ", "mid-"]
                .iter()
                .map(|p| tag(&p.repeat(20_000), r).len())
                .sum::<usize>()
        })
        .unwrap()
        .join();
    assert_eq!(out.ok(), Some(0));
    // nesting deep enough for real phrases
    assert_eq!(
        render(
            "from early last week to the end of next month",
            d("2023-09-14")
        ),
        "early last week to the end of next month=2023-W36..2023-10"
    );
}

#[test]
fn sorted_non_overlapping_and_no_panics() {
    // A small xorshift fuzzer over bytes drawn from digits, punctuation, month words and
    // multi-byte characters; every result must be sorted, disjoint and on char boundaries.
    let pieces = [
        "Sept",
        ".",
        " ",
        "12",
        "-",
        "2023",
        "/",
        "May",
        "’",
        "'",
        "90s",
        "Monday",
        "last",
        "the",
        "ago",
        "a",
        "é",
        "—",
        "–",
        "p.m.",
        ":",
        "30",
        "Q",
        "3",
        "\n\n",
        "of",
        "and",
        "year",
        "s",
        "from",
        "to",
        "between",
        "9999",
        "0",
        "mid",
        "fiscal",
        "Christmas",
        "New",
        "Year",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(x % 24) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        for r in [None, d("2023-09-14"), d("0001-01-01"), d("9999-12-31")] {
            let t = tag(&s, r);
            for w in t.windows(2) {
                assert!(w[0].end <= w[1].start, "{s:?}");
            }
            for m in &t {
                assert!(
                    m.start < m.end && s.is_char_boundary(m.start) && s.is_char_boundary(m.end)
                );
                let _ = span_of(&m.value);
            }
        }
    }
    // raw random bytes made valid UTF-8
    for _ in 0..2000 {
        let mut b = Vec::new();
        for _ in 0..(x % 64) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b.push((x >> 24) as u8);
        }
        let s = String::from_utf8_lossy(&b);
        let _ = tag(&s, d("2023-09-14"));
    }
}

/// Reference dates a publication date search might try, in an order that revisits years:
/// none, the same day in several centuries (two-digit years), and days a few apart.
fn references() -> Vec<Option<NaiveDate>> {
    let mut out = vec![None];
    for s in [
        "2023-09-14",
        "1999-12-31",
        "2023-09-21",
        "1995-03-02",
        "2000-01-01",
        "2024-01-01",
        "1889-06-30",
        "2023-09-07",
        "2068-02-29",
        "2069-01-01",
    ] {
        out.push(d(s));
    }
    out.push(None);
    out.push(d("1999-12-25"));
    out
}

/// [`Parsed::tag`] gives exactly what [`tag_in`] gives, for every table row and a long
/// text, under many reference dates tried one after another on one parse (the readings
/// kept for one year must not leak into another: "'99", "FY23", "9/12/23").
#[test]
fn parsed_tags_as_tag_does() {
    let mut texts: Vec<&str> = super::rules::TABLES
        .iter()
        .chain([&("tense", super::tense::ROWS)])
        .flat_map(|(_, rows)| rows.iter().map(|r| r.1))
        .collect();
    let long = "WASHINGTON (Sept. 12) - The deal was signed on Wednesday, two days after \
        talks in '99-style format ended. Sales in FY23 rose; on 9/12/23 the board met, and \
        it will meet again next Monday. The 1990s were different. The year-ago quarter fell.\n\
        In the third quarter, net rose. A week later, on Friday, they left. Christmas Eve \
        and Boxing Day were quiet; from March to May 2021 prices fell, then the following \
        day they rose.\n";
    let repeated = long.repeat(2_000); // more than one block of tokens
    texts.push(long);
    texts.push(&repeated);
    let mut compared = 0;
    for text in texts {
        for locale in [Locale::default(), Locale::Uk] {
            let mut parsed = reparse::parse_in(text, locale);
            for r in references() {
                assert_eq!(
                    parsed.tag(r),
                    tag_in(text, r, locale),
                    "{text:?} with reference {r:?}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 8_000, "{compared}");
    // Two-digit years did take their century from the reference year.
    let mut parsed = parse("Sales in FY23 rose.");
    assert_ne!(parsed.tag(d("2023-01-01")), parsed.tag(d("1925-01-01")));
}

/// [`Parsed::tag_to`] gives the tags of a whole pass that start at or before the byte asked
/// (a tag's own start, the byte before it, a byte inside it, the start of the text and
/// past its end), under several reference dates tried in turn on one parse.
#[test]
fn tags_to_a_byte_are_the_whole_pass_cut_there() {
    let long = "WASHINGTON (Sept. 12) - The deal was signed on Wednesday, two days after \
        talks ended. On 9/12/23 the board met, and it will meet again next Monday. A week \
        later, on Friday, they left; the following day they rose. In 2009 the firm cut jobs \
        in March.\n";
    let repeated = long.repeat(400); // more than one block of tokens
    let mut texts: Vec<&str> = super::rules::TABLES
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.1))
        .take(300)
        .collect();
    texts.push(long);
    texts.push(&repeated);
    let mut compared = 0;
    for text in texts {
        let mut parsed = parse(text);
        for r in [None, d("2023-09-14"), d("1999-12-25")] {
            let whole = parsed.tag(r);
            let mut lasts = vec![0, text.len(), usize::MAX];
            for t in whole.iter().step_by(37) {
                lasts.extend([t.start, t.start.saturating_sub(1), (t.start + t.end) / 2]);
            }
            for last in lasts {
                let want: Vec<Timex> = whole.iter().filter(|t| t.start <= last).cloned().collect();
                assert_eq!(
                    parsed.tag_to(r, last),
                    want,
                    "{text:?} to {last} under {r:?}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 1_000, "{compared}");
}
