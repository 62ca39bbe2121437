//! Line-level boilerplate recognition for text-like articles (plain text, Markdown, JSON
//! bodies): navigation, "Read more" links, share/subscribe lines, copyright lines, comment
//! counts, reader-comment threads and their vote counts. Anything recognised here produces
//! no paragraph and so no event. HTML has its own, structure-aware reader.

/// Why a line was dropped (useful in tests and for debugging).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boilerplate {
    Navigation,
    ReadMore,
    Share,
    Copyright,
    CommentMarker,
    Votes,
    Advertisement,
}

/// "-3 ( +1 / -4 )", "12 (+14 / -2)", "+5", "Like (3)" style vote counters.
pub fn is_vote_count(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    // Only digits, signs, slashes, parentheses and spaces, with at least one digit and one
    // sign or parenthesis: "-3 ( +1 / -4 )".
    let mut digits = 0;
    let mut marks = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => digits += 1,
            '+' | '-' | '−' | '(' | ')' | '/' => marks += 1,
            ' ' => {}
            _ => return false,
        }
    }
    digits > 0 && marks >= 2
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// At most `n` words (counting stops after the n+1st: lines can be whole paragraphs).
fn words_at_most(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// Lines that open a reader-comment section; everything after them is comments.
pub fn is_comment_section_start(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':');
    // Asked of every line: one longer than every listed heading can only be a count
    // ("12 comments"), so most lines (paragraphs) are answered without a lowercase copy.
    let b = t.as_bytes();
    let count =
        b.len() >= COMMENTS.len() && b[b.len() - COMMENTS.len()..].eq_ignore_ascii_case(COMMENTS);
    if t.len() > LONGEST_HEADING && !count {
        return false;
    }
    comment_heading(&t.to_ascii_lowercase())
}

/// What a comment count ends with.
const COMMENTS: &[u8] = b" comments";

/// Bytes of the longest of [`HEADINGS`] (a test checks it).
const LONGEST_HEADING: usize = 21;

/// [`is_comment_section_start`] of a line already trimmed, its final colons dropped and
/// lowercased.
fn comment_heading(t: &str) -> bool {
    HEADINGS.contains(&t)
        || (t.ends_with(" comments")
            && t.split_whitespace().count() == 2
            && t.split_whitespace()
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok()))
}

/// Headings of a reader-comment section, lower case.
const HEADINGS: [&str; 13] = [
    "comments",
    "reader comments",
    "readers' comments",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "join the conversation",
    "join the discussion",
    "login to comment",
    "log in to comment",
    "sign in to comment",
    "what do you think?",
];

/// Classifies one line (already trimmed of surrounding whitespace by the caller or not).
pub fn classify(line: &str) -> Option<Boilerplate> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if is_vote_count(t) {
        return Some(Boilerplate::Votes);
    }
    // One lowercase copy serves every test below.
    let lower = t.to_ascii_lowercase();
    if comment_heading(lower.trim_end_matches(':'))
        || lower == "reply"
        || lower == "report"
        || lower.starts_with("login to ")
        || lower.starts_with("log in to ")
        || lower.starts_with("sign in to ")
    {
        return Some(Boilerplate::CommentMarker);
    }
    for p in [
        "read more",
        "read also",
        "also read",
        "see also",
        "related:",
        "related stories",
        "related articles",
        "recommended:",
        "more on this",
        "more from",
        "click here",
        "watch:",
        "listen:",
    ] {
        if starts_with_ci(t, p) {
            return Some(Boilerplate::ReadMore);
        }
    }
    for p in [
        "share",
        "tweet",
        "subscribe",
        "sign up",
        "follow us",
        "follow the",
        "newsletter",
        "download our app",
        "get the app",
        "email this",
        "print this",
    ] {
        if starts_with_ci(t, p) && words_at_most(t, 12) {
            return Some(Boilerplate::Share);
        }
    }
    if t.starts_with('©')
        || starts_with_ci(t, "copyright")
        || (lower.contains("all rights reserved") && words_at_most(t, 20))
    {
        return Some(Boilerplate::Copyright);
    }
    if lower == "advertisement" || lower == "ad" || lower == "sponsored" {
        return Some(Boilerplate::Advertisement);
    }
    if is_navigation(t, &lower) {
        return Some(Boilerplate::Navigation);
    }
    None
}

/// Navigation crumbs: "All news", "Home", "Home > World > Asia", "HomeWorldThe Japanese…"
/// (menu items run together when a page is saved as text), and one- or two-word lines
/// without sentence punctuation that are section labels ("politics", "World").
fn is_navigation(t: &str, lower: &str) -> bool {
    if matches!(
        lower,
        "home" | "all news" | "menu" | "search" | "skip to content" | "main menu" | "top stories"
    ) {
        return true;
    }
    if t.contains(" > ") || t.contains(" » ") || (t.contains(" / ") && words_at_most(t, 8)) {
        return t.split([' ']).filter(|w| w.len() > 1).count() <= 10;
    }
    // "HomeWorldThe Japanese Prime Minister…": a breadcrumb glued to a truncated title.
    if (t.starts_with("Home") && t[4..].starts_with(|c: char| c.is_ascii_uppercase()))
        || t.ends_with("...") && t.starts_with("Home")
    {
        return true;
    }
    // A bare section label: one or two lowercase-or-title words, no digits, no punctuation.
    words_at_most(t, 2)
        && t.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '&')
        && t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Given the lines of an article, returns the index where a trailing reader-comment
/// section begins, if there is one. Reader comments are recognised by vote counters or an
/// explicit comment-section heading; the section starts at the last article-closing line
/// (copyright, comment heading) before the first counter, or just before that counter's
/// comment when there is no closing line.
pub fn comment_section_start(lines: &[&str]) -> Option<usize> {
    let first_vote = lines.iter().position(|l| is_vote_count(l));
    let heading = lines.iter().enumerate().position(|(i, l)| {
        // A "5 Comments" count near the top of a page is a header widget, not the thread.
        i * 3 >= lines.len() && is_comment_section_start(l)
    });
    match (first_vote, heading) {
        (None, h) => h,
        (Some(v), h) => {
            let closing = lines[..v].iter().rposition(|l| {
                let t = l.trim();
                is_comment_section_start(t) || matches!(classify(t), Some(Boilerplate::Copyright))
            });
            let start = match closing {
                Some(c) => c + 1,
                // No closing line: the comment is the non-empty line just before the counter.
                None => lines[..v]
                    .iter()
                    .rposition(|l| !l.trim().is_empty())
                    .unwrap_or(v),
            };
            Some(h.map_or(start, |h| h.min(start)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_counts() {
        assert!(is_vote_count("-3 ( +1 / -4 )"));
        assert!(is_vote_count("12 (+14 / -2)"));
        assert!(!is_vote_count("2023"));
        assert!(!is_vote_count("On 3 (three) days"));
        assert!(!is_vote_count(""));
    }

    #[test]
    fn comment_headings_are_found_without_a_copy_as_with_one() {
        assert_eq!(
            HEADINGS.iter().map(|h| h.len()).max(),
            Some(LONGEST_HEADING)
        );
        let slow = |l: &str| comment_heading(&l.trim().trim_end_matches(':').to_ascii_lowercase());
        let rows = [
            "Comments",
            "  JOIN THE CONVERSATION:  ",
            "Join the conversation::",
            "What do you think?",
            "12 Comments",
            "0000000000012     COMMENTS",
            "12 comments on this story",
            "Twelve comments",
            "The minister answered twelve comments from readers on Monday",
            "A long paragraph that ends with the words 12 comments",
            "résumé comments",
            "",
        ];
        for r in rows {
            assert_eq!(is_comment_section_start(r), slow(r), "{r:?}");
        }
        assert!(is_comment_section_start("0000000000012     COMMENTS"));
    }

    #[test]
    fn classifies_common_boilerplate() {
        let cases = [
            (
                "Read more: Minister resigns over budget",
                Some(Boilerplate::ReadMore),
            ),
            (
                "READ ALSO: Flooding in the north",
                Some(Boilerplate::ReadMore),
            ),
            ("Share this article", Some(Boilerplate::Share)),
            ("Subscribe to our newsletter", Some(Boilerplate::Share)),
            ("© Example Press 2024", Some(Boilerplate::Copyright)),
            (
                "Copyright 2021 The Daily Planet. All rights reserved.",
                Some(Boilerplate::Copyright),
            ),
            ("Login to comment", Some(Boilerplate::CommentMarker)),
            ("7 Comments", Some(Boilerplate::CommentMarker)),
            ("All news", Some(Boilerplate::Navigation)),
            ("Home > World > Asia", Some(Boilerplate::Navigation)),
            (
                "HomeWorldThe minister is ready to...",
                Some(Boilerplate::Navigation),
            ),
            ("politics", Some(Boilerplate::Navigation)),
            ("-1 ( +1 / -2 )", Some(Boilerplate::Votes)),
            ("Advertisement", Some(Boilerplate::Advertisement)),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), want, "{line}");
        }
    }

    #[test]
    fn keeps_real_sentences() {
        for line in [
            "The minister said on Tuesday that talks would resume.",
            "Share prices fell sharply in Tokyo on Monday after the announcement was made public.",
            "Japan",
            "Home ministers met in Paris on 3 May.",
            "Read the full statement below, the spokesman said.",
        ] {
            // "Read the full…" starts with "read" but not "read more".
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn finds_comment_thread_after_copyright() {
        let lines = [
            "Title",
            "5 Comments",
            "Body one.",
            "Body two.",
            "© Agency",
            "First comment text.",
            "-3 ( +1 / -4 )",
            "Second comment.",
            "1 ( +1 / -0 )",
        ];
        assert_eq!(comment_section_start(&lines), Some(5));
    }

    #[test]
    fn finds_comment_thread_without_closing_line() {
        let lines = ["Title", "Body.", "", "A comment.", "2 ( +2 / -0 )"];
        assert_eq!(comment_section_start(&lines), Some(3));
        assert_eq!(comment_section_start(&["Title", "Body."]), None);
    }
}
