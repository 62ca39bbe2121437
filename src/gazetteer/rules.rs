//! Context checks for candidates: word boundaries, US places that share a country's name
//! ("Paris, Texas"), and the per-phrase rules named in `ambiguous.tsv`. These only run on
//! candidates the automaton already found, so they may look around freely.

use super::data::Rules;
use super::MentionKind;
use crate::model::CountryCode;

/// How far (bytes) around a mention the topic rules look for evidence.
const RADIUS: usize = 300;

/// True when `text[s..e]` is a whole word: no letter or digit right before or after. An
/// apostrophe after it is fine, so possessives ("Japan's", "Russia’s") match. A phrase that
/// ends in punctuation ("US$", "U.S.") needs no boundary on that side.
pub fn word_bounded(text: &str, s: usize, e: usize) -> bool {
    let Some(found) = text.get(s..e) else {
        return false;
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let glued_before = word(found.chars().next()) && word(before);
    let glued_after = word(found.chars().next_back()) && word(after);
    !glued_before && !glued_after
}

/// Applies the global checks and `rules` to an accepted-so-far candidate; returns the
/// country it names (rules may change it, e.g. bare "Korea") or `None` to reject it.
pub fn apply(
    rules: Rules,
    code: CountryCode,
    kind: MentionKind,
    text: &str,
    s: usize,
    e: usize,
) -> Option<CountryCode> {
    if matches!(
        kind,
        MentionKind::Name | MentionKind::ShortForm | MentionKind::Capital | MentionKind::City
    ) && followed_by_us_place(text, s, e)
    {
        return None;
    }
    if rules.0 == 0 {
        return Some(code);
    }
    if (rules.has(Rules::PERSON) && looks_like_person(text, s, e))
        || (rules.has(Rules::US_STATE) && us_state_context(text, s, e))
        || (rules.has(Rules::BIRD) && bird_context(text, s, e))
        || (rules.has(Rules::PRONOUN) && pronoun_us(text, s, e))
    {
        return None;
    }
    let mut code = code;
    if rules.has(Rules::KOREA) {
        code = korea(text, s, e)?;
    }
    if rules.has(Rules::CONGO) {
        code = congo(text, s, e);
    }
    Some(code)
}

/// The word before byte `s`: `(word, separator, word_start)`. `None` at the start of text or
/// when more than three non-word characters separate them.
fn prev_word(text: &str, s: usize) -> Option<(&str, &str, usize)> {
    let before = text.get(..s)?;
    let mut it = before.char_indices().rev().peekable();
    let mut sep_start = s;
    let mut n = 0;
    while let Some(&(i, c)) = it.peek() {
        if c.is_alphanumeric() {
            break;
        }
        n += 1;
        if n > 3 {
            return None;
        }
        sep_start = i;
        it.next();
    }
    let mut word_start = sep_start;
    for (i, c) in it {
        if !c.is_alphanumeric() {
            break;
        }
        word_start = i;
    }
    (word_start < sep_start).then(|| {
        (
            &text[word_start..sep_start],
            &text[sep_start..s],
            word_start,
        )
    })
}

/// The word after byte `e`: `(word, separator)`, like [`prev_word`].
fn next_word(text: &str, e: usize) -> Option<(&str, &str)> {
    let after = text.get(e..)?;
    let mut sep_end = 0;
    let mut n = 0;
    for (i, c) in after.char_indices() {
        if c.is_alphanumeric() {
            break;
        }
        n += 1;
        if n > 3 {
            return None;
        }
        sep_end = i + c.len_utf8();
    }
    let word_len = after[sep_end..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(after.len() - sep_end, |(i, _)| i);
    (word_len > 0).then(|| (&after[sep_end..sep_end + word_len], &after[..sep_end]))
}

/// "Peterson", not "PETERSON" or "peterson".
fn is_title(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

fn is_caps(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Text within [`RADIUS`] bytes of the candidate, cut at char boundaries.
fn window(text: &str, s: usize, e: usize) -> &str {
    let (a, b) = window_bounds(text, s, e);
    text.get(a..b).unwrap_or("")
}

fn window_bounds(text: &str, s: usize, e: usize) -> (usize, usize) {
    let mut a = s.saturating_sub(RADIUS);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (e + RADIUS).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    (a, b)
}

/// True when the line around the candidate reads like a Title Case headline: at least four
/// words of four or more letters, all capitalised ("Jordan Closes Airspace After Iran
/// Strikes"). Running text nearly always has a lowercase long word (a verb, at least).
fn title_case_line(text: &str, s: usize, e: usize) -> bool {
    let (a, b) = window_bounds(text, s, e);
    let line_start = text[a..s].rfind('\n').map_or(a, |i| a + i + 1);
    let line_end = text[e..b].find('\n').map_or(b, |i| e + i);
    let (mut long, mut caps) = (0, 0);
    for word in text[line_start..line_end].split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() >= 4 {
            long += 1;
            caps += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 4 && caps == long
}

/// True when `needle` occurs in `hay` at the start of a word (its end may run on, so
/// "Atlanta" also finds "Atlanta's" and "cranberr" finds "cranberries").
fn has_word_start(hay: &str, needle: &str) -> bool {
    let hb = hay.as_bytes();
    memchr::memmem::find_iter(hb, needle.as_bytes()).any(|i| {
        hay.get(..i)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn any_word(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| has_word_start(hay, n))
}

#[rustfmt::skip]
const WEEKDAYS_MONTHS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// Capitalised words that commonly stand right before a country name in running text
/// (sentence-initial function words, titles of places, headline verbs).
#[rustfmt::skip]
const ALLOW_PREV: &[&str] = &[
    "A", "About", "Across", "After", "Against", "Along", "Also", "Although", "Amid", "Among", "An",
    "And", "Around", "As", "At", "Backs", "Because", "Before", "Between", "Beyond", "Blames",
    "Both", "But", "By", "Can", "Central", "Could", "Despite", "Did", "Do", "Does", "Eastern",
    "Even", "For", "From", "Has", "Had", "Have", "Hashemite", "Hits", "How", "If", "In",
    "Including", "Inside", "Into", "Is", "Joins", "King", "Kingdom", "Lake", "Like", "Meanwhile",
    "Might", "Must", "Near", "Neighbouring", "Neighboring", "Northern", "Now", "Of", "On", "Only",
    "Or", "Outside", "Over", "Per", "Queen", "Republic", "Said", "Says", "Should", "Since",
    "Slams", "Southern", "Than", "That", "The", "Then", "This", "Through", "To", "Today", "Told",
    "Toward", "Towards", "Under", "Unlike", "Until", "Urges", "Via", "Visit", "Visiting", "Visits",
    "Warns", "Was", "Welcomes", "Western", "What", "When", "Where", "Whether", "Which", "While",
    "Why", "Will", "With", "Within", "Without", "Would",
];

/// Capitalised words that commonly follow a country name without making it a person's.
#[rustfmt::skip]
const ALLOW_NEXT: &[&str] = &[
    "Agency", "Air", "Airlines", "Also", "And", "Are", "Armed", "Army", "As", "At", "Bank",
    "Basin", "Border", "But", "Cabinet", "Can", "Central", "Could", "Defence", "Defense", "Did",
    "Does", "Embassy", "For", "Foreign", "From", "Government", "Had", "Has", "In", "Is", "King",
    "Minister", "Ministry", "National", "News", "Officials", "On", "Or", "Parliament", "Police",
    "President", "Prime", "Queen", "Rift", "River", "Royal", "Said", "Says", "Sea", "Security",
    "Senate", "Should", "Summit", "The", "Times", "To", "Valley", "Was", "Were", "Will", "With",
    "Would",
];

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Coach", "Senator", "Sen", "Rep",
];

/// "Michael Jordan", "Mr. Jordan", "Booker T. Washington", "Jordan Peterson", "Chad Smith":
/// the word is part of a person's name. Only in mixed-case text (in all caps every word
/// looks capitalised).
fn looks_like_person(text: &str, s: usize, e: usize) -> bool {
    if !text[s..e].chars().any(char::is_lowercase) {
        return false;
    }
    // In a Title Case headline every word is capitalised: only titles and initials count.
    let headline = title_case_line(text, s, e);
    if let Some((w, sep, start)) = prev_word(text, s) {
        if HONORIFICS.contains(&w) && (sep == " " || sep == ". ") {
            return true;
        }
        let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        let lone = prev_word(text, start).is_none_or(|(_, sep, _)| !sep.ends_with('.'));
        if initial && sep == ". " && lone {
            return true;
        }
        if headline {
            return false;
        }
        if sep == " " && is_title(w) && !ALLOW_PREV.contains(&w) && !WEEKDAYS_MONTHS.contains(&w) {
            return true;
        }
    }
    if let Some((w, sep)) = next_word(text, e).filter(|_| !headline) {
        if sep == " " && is_title(w) && !ALLOW_NEXT.contains(&w) && !WEEKDAYS_MONTHS.contains(&w) {
            return true;
        }
    }
    false
}

/// Evidence for the US state of Georgia (no other US state name needs this rule).
#[rustfmt::skip]
const US_STATE_SIGNALS: &[&str] = &[
    "Atlanta", "Savannah", "Augusta", "Macon", "Fulton", "Gwinnett", "Cobb County", "DeKalb",
    "Kemp", "Raffensperger", "Warnock", "Ossoff", "Peach State", "Ga.", "Bulldogs", "Braves",
    "Falcons", "Alabama", "Florida", "Tennessee", "Carolina", "Texas", "Arizona", "Pennsylvania",
    "Michigan", "Wisconsin", "Nevada", "Ohio", "Virginia", "Kentucky", "Mississippi", "county",
    "counties", "Gov.", "GOP", "Republican", "Democrats", "U.S. state", "US state",
    "state of Georgia", "state legislature",
];
/// Evidence for the country, which wins over [`US_STATE_SIGNALS`].
#[rustfmt::skip]
const GEORGIA_COUNTRY_SIGNALS: &[&str] = &[
    "Tbilisi", "Caucasus", "Abkhaz", "Ossetia", "Kobakhidze", "Zourabichvili", "Zurabishvili",
    "Saakashvili", "Garibashvili", "Ivanishvili", "Georgian Dream", "Batumi", "Black Sea",
    "Armenia", "Azerbaijan", "Moldova", "Ukrain", "Russia", "Kremlin", "Moscow", "NATO", "EU",
    "European Union",
];

fn us_state_context(text: &str, s: usize, e: usize) -> bool {
    let w = window(text, s, e);
    any_word(w, US_STATE_SIGNALS) && !any_word(w, GEORGIA_COUNTRY_SIGNALS)
}

/// Lowercase evidence that "Turkey" is food.
#[rustfmt::skip]
const BIRD_SIGNALS: &[&str] = &[
    "thanksgiving", "roast", "stuffing", "gravy", "carve", "carving", "oven", "recipe",
    "drumstick", "giblet", "cranberr", "brine", "butterball", "turkey dinner", "turkey sandwich",
    "turkey day", "wild turkey", "christmas dinner",
];
#[rustfmt::skip]
const TURKEY_COUNTRY_SIGNALS: &[&str] = &[
    "Ankara", "Istanbul", "Erdogan", "Erdoğan", "Turkish", "Kurd", "Syria", "NATO", "lira",
    "Türkiye", "Turkiye", "Greece", "Iraq", "Armenia", "Cyprus",
];

fn bird_context(text: &str, s: usize, e: usize) -> bool {
    let w = window(text, s, e);
    let lower = w.to_lowercase();
    any_word(&lower, BIRD_SIGNALS) && !any_word(w, TURKEY_COUNTRY_SIGNALS)
}

#[rustfmt::skip]
const SOUTH_KOREA_SIGNALS: &[&str] = &[
    "Seoul", "South Kore", "S. Kore", "Yoon", "Lee Jae", "Moon Jae", "ROK", "Samsung", "Hyundai",
    "Blue House",
];
#[rustfmt::skip]
const NORTH_KOREA_SIGNALS: &[&str] = &[
    "Pyongyang", "North Kore", "N. Kore", "Kim Jong", "DPRK", "KCNA", "Workers' Party",
    "Workers’ Party",
];

/// Bare "Korea"/"Korean": South Korea if only South Korean context is near, North Korea if
/// only North Korean context is, otherwise nothing (a guess would put events in the wrong lane).
fn korea(text: &str, s: usize, e: usize) -> Option<CountryCode> {
    let w = window(text, s, e);
    match (
        any_word(w, SOUTH_KOREA_SIGNALS),
        any_word(w, NORTH_KOREA_SIGNALS),
    ) {
        (true, false) => Some(CountryCode(*b"KR")),
        (false, true) => Some(CountryCode(*b"KP")),
        _ => None,
    }
}

/// Bare "Congo": the Republic of the Congo only with Brazzaville-side context, else DR Congo
/// (by far the more frequent in news).
fn congo(text: &str, s: usize, e: usize) -> CountryCode {
    let w = window(text, s, e);
    let west = any_word(w, &["Brazzaville", "Sassou", "Pointe-Noire"]);
    let east = any_word(
        w,
        &[
            "Kinshasa",
            "Tshisekedi",
            "Goma",
            "M23",
            "Kivu",
            "Kabila",
            "DRC",
            "Lubumbashi",
        ],
    );
    if west && !east {
        CountryCode(*b"CG")
    } else {
        CountryCode(*b"CD")
    }
}

/// Words after which an all-caps "US" is the pronoun ("LET US", "JOIN US", "ONE OF US").
#[rustfmt::skip]
const PRONOUN_TAKERS: &[&str] = &[
    "LET", "TELL", "TELLS", "TOLD", "GIVE", "GIVES", "GAVE", "JOIN", "JOINS", "HELP", "HELPS",
    "SHOW", "SHOWS", "SEND", "SENDS", "ASK", "ASKS", "CALL", "CALLS", "CONTACT", "FOLLOW", "WITH",
    "ABOUT", "AMONG", "BETWEEN", "BEHIND", "LIKE", "OF", "FOR", "SAVE", "LEAVE", "KEEP", "TAKE",
    "BRING", "MAKE", "MAKES", "WANT", "WANTS", "NEED", "NEEDS", "HATE", "LOVE", "WATCH", "SEE",
    "HEAR", "TRUST", "UNITE", "UNITES", "BEFORE", "WITHOUT", "AGAINST", "BY", "TO",
];

/// All-caps "US" is the country except in a shouting line where a pronoun-taking word
/// precedes it or "ALL"/"BOTH" follows it. An all-caps line that *starts* with "US" ("US
/// WARNS CHINA") is read as the country.
fn pronoun_us(text: &str, s: usize, e: usize) -> bool {
    let prev = prev_word(text, s).filter(|(_, sep, _)| *sep == " ");
    let next = next_word(text, e).filter(|(_, sep)| *sep == " ");
    let shouting =
        prev.is_some_and(|(w, _, _)| is_caps(w)) || next.is_some_and(|(w, _)| is_caps(w));
    if !shouting {
        return false;
    }
    prev.is_some_and(|(w, _, _)| PRONOUN_TAKERS.contains(&w))
        || next.is_some_and(|(w, _)| ["ALL", "BOTH", "TOO", "AGAIN", "HERE"].contains(&w))
}

#[rustfmt::skip]
const US_STATES: &[&str] = &[
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Wisconsin", "Wyoming", "Ontario",
    "Quebec", "Manitoba", "Alberta",
];
#[rustfmt::skip]
const STATE_ABBREVS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo", "Ont",
];
#[rustfmt::skip]
const POSTAL: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY",
];

/// "Paris, Texas", "Athens, Ga.", "Moscow, ID", "London, Ontario", "Panama City, Fla.": a North American town that
/// shares the name. (Washington and Georgia are left out of the state list: "Tokyo, Seoul,
/// Washington" and "Ukraine, Georgia" are lists of countries.)
fn followed_by_us_place(text: &str, s: usize, e: usize) -> bool {
    // "Panama City, Florida", "Mexico City, Mo.": a town named for the country and "City".
    let e = if text.get(e..).is_some_and(|t| t.starts_with(" City, ")) {
        e + " City".len()
    } else {
        e
    };
    let Some(rest) = text.get(e..).and_then(|t| t.strip_prefix(", ")) else {
        return false;
    };
    let Some((w, _)) = next_word(text, e + 2) else {
        return false;
    };
    if !rest.starts_with(w) {
        return false;
    }
    let after = &rest[w.len()..];
    if US_STATES.contains(&w) {
        return true;
    }
    if STATE_ABBREVS.contains(&w) && after.starts_with('.') {
        return true;
    }
    let shouting = !text[s..e].chars().any(char::is_lowercase);
    !shouting && POSTAL.contains(&w) && !after.chars().next().is_some_and(char::is_alphanumeric)
}

/// Words that, right before or after a country's name, make it part of the name of another
/// place: a body of water ("Gulf of Mexico", "Irish Sea", "Indian Ocean") or a place named
/// after an older one ("New Mexico", "New Guinea"). From the `place-before` and
/// `place-after` rows of the `ambiguous` files.
#[derive(Default)]
pub struct PlaceWords {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

impl PlaceWords {
    /// True when `text[s..e]` is preceded by "<before> " or followed by " <after>" (a whole
    /// word). Capitals must match as written, except in all-caps text ("GULF OF MEXICO").
    /// A one-word `before` ("New") only counts in running text: in a headline every word is
    /// capitalised ("The New German Chancellor"); the common places of that kind are also
    /// blocked by name.
    pub fn inside(&self, text: &str, s: usize, e: usize) -> bool {
        let shouting = !text[s..e].chars().any(char::is_lowercase);
        let headline = shouting || title_case_line(text, s, e);
        let same = |a: &str, b: &str| {
            if shouting {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        let head = &text[..s];
        let before = self.before.iter().any(|w| {
            if headline && !w.contains(' ') {
                return false;
            }
            head.strip_suffix(' ')
                .filter(|h| h.len() >= w.len() && h.is_char_boundary(h.len() - w.len()))
                .is_some_and(|h| {
                    let (rest, tail) = h.split_at(h.len() - w.len());
                    same(tail, w) && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                })
        });
        if before {
            return true;
        }
        // A possessive ("Mexico's") ends the name: "Mexico's Gulf coast" is Mexico.
        let Some(tail) = text[e..].strip_prefix(' ') else {
            return false;
        };
        self.after.iter().any(|w| {
            tail.get(..w.len()).is_some_and(|t| same(t, w))
                && !tail[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
    }
}
