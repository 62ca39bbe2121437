//! Unit tests for the data files and internals; behaviour tables live in tests/gazetteer.rs.

use super::*;

/// Every ISO 3166-1 alpha-2 code (249).
const ISO: &str =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM \
BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK \
DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT \
GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW \
KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV \
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA \
RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ \
TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[test]
fn builtin_covers_every_iso_code_and_names_it_by_itself() {
    let g = Gazetteer::builtin();
    let codes: Vec<&str> = ISO.split_whitespace().collect();
    assert_eq!(codes.len(), 249);
    for c in codes {
        let code = CountryCode::parse(c).unwrap();
        let name = g.name(code).unwrap_or_else(|| panic!("no name for {c}"));
        let found = g.find(name);
        assert!(
            found
                .iter()
                .any(|m| m.code == code && m.start == 0 && m.end == name.len()),
            "{c}: its short name {name:?} is not found as itself: {found:?}"
        );
    }
    assert_eq!(g.codes().count(), 250, "249 ISO codes plus XK");
}

#[test]
fn each_builtin_file_parses_alone() {
    for (name, contents) in BUILTIN_SOURCES {
        if !name.starts_with("ambiguous") {
            Gazetteer::from_sources(&[(name, contents)]).unwrap();
        }
    }
}

#[test]
fn user_files_extend_override_and_block() {
    let g = Gazetteer::with_user_files(&[
        ("countries-extra.tsv", "# mine\nXX\tAtlantis\t\tAtlantica\n"),
        ("capitals-mine.tsv", "XX\tPoseidonia\n"),
        ("ambiguous-mine.tsv", "Holland\tblock\n"),
    ])
    .unwrap();
    let code = CountryCode::parse("XX").unwrap();
    let found = g.find("Atlantis and Poseidonia, not Holland.");
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|m| m.code == code));
    assert_eq!(found[1].kind, MentionKind::Capital);
    assert_eq!(g.name(code), Some("Atlantis"));
}

#[test]
fn bad_files_give_located_errors() {
    let e = Gazetteer::from_sources(&[("countries.tsv", "JP\tJapan\nJPN\tJapan\n")]).err();
    assert!(e.unwrap().starts_with("countries.tsv:2:"));
    let e = Gazetteer::from_sources(&[("places.tsv", "JP\tJapan\n")]).err();
    assert!(e.unwrap().contains("unknown gazetteer file"));
    let e = Gazetteer::from_sources(&[("ambiguous.tsv", "Japan\tpersn\n")]).err();
    assert!(e.unwrap().contains("unknown rule"));
    let e = Gazetteer::from_sources(&[("leaders.tsv", "JP\tAbe\t2020-2012\n")]).err();
    assert!(e.unwrap().starts_with("leaders.tsv:1:"));
    let e = Gazetteer::from_sources(&[("ambiguous.tsv", "Japan\tperson\n")]).err();
    assert!(e.unwrap().contains("no countries"));
}

#[test]
fn leader_terms_filter_by_year() {
    let g = Gazetteer::builtin();
    let text = "Abe met Biden.";
    assert_eq!(g.find(text).len(), 2);
    let in_2023: Vec<&str> = g
        .find_in_year(text, Some(2023))
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(in_2023, ["Biden"]);
}

#[test]
fn never_panics_on_odd_bytes_and_boundaries() {
    let g = Gazetteer::builtin();
    for t in [
        "",
        "é",
        "Japan",
        "’s Japan’",
        "🇯🇵Japan🇯🇵",
        "ÉlyséeÉlysée Élysée",
        "Jordan",
        "Georgia",
        ", Texas",
        "US",
        "Korea",
        "x\u{2019}Chad",
    ] {
        for m in g.find(t) {
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
    }
}

#[test]
fn place_words_are_data_a_user_can_extend() {
    let text = "Fishermen on Lake Chad met officials from Chad.";
    let codes = |g: &Gazetteer| {
        g.find(text)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(Gazetteer::builtin()), ["Chad", "Chad"]);
    let g = Gazetteer::with_user_files(&[("ambiguous-lakes.tsv", "Lake\tplace-before\n")]).unwrap();
    assert_eq!(codes(&g), ["Chad"]);
}

/// Paragraphs of a wire story of our own, each long enough to be remembered, with names
/// whose checks read past their line: a person's name split over a line break, a town
/// followed on the next line by its state, an initial ending the line before.
const STORY: &[&str] = &[
    "Officials from Japan and South Korea met in Geneva on Tuesday to discuss fishing quotas, the ministry said.",
    "The talks, the first since March, were attended by delegates of China and by observers from Canada and Brazil.",
    "Jordan Peterson was not there, but Mr. Jordan of the Chad delegation spoke for an hour about the quotas, the ministry said.",
    "A second round is planned in Paris, Texas, though French officials said Paris would host the final meeting instead.",
];

/// A copy as an outlet prints it: its own header lines, sometimes a dateline prefix on the
/// first paragraph, the last paragraph dropped or its attribution changed.
fn copy(outlet: usize) -> String {
    let mut t = format!("Quota Talks Resume\nBy Staff of Outlet {outlet}\n\n");
    let keep = if outlet % 3 == 0 {
        STORY.len() - 1
    } else {
        STORY.len()
    };
    for (i, p) in STORY[..keep].iter().enumerate() {
        if i == 0 && outlet % 2 == 0 {
            t.push_str("GENEVA (Wire) - ");
        }
        if i + 1 == keep && outlet % 4 == 1 {
            t.push_str(&p.replacen(" said", " told reporters", 1));
        } else {
            t.push_str(p);
        }
        t.push_str(if outlet % 5 == 0 { "\r\n\r\n" } else { "\n\n" });
    }
    t
}

#[test]
fn remembered_lines_give_what_a_scan_gives() {
    let g = Gazetteer::from_sources(BUILTIN_SOURCES).unwrap();
    let copies: Vec<String> = (0..12).map(copy).collect();
    for round in 0..2 {
        for (i, t) in copies.iter().enumerate() {
            assert_eq!(g.find(t), g.find_unmemoised(t), "copy {i}, round {round}");
        }
    }
    // The copies share their paragraphs: far fewer lines are held than were looked up.
    let (lines, mentions) = g.memo.as_ref().unwrap().held();
    assert!((1..=16).contains(&lines), "{lines} lines held");
    assert!(mentions > 0);
    // Names found at all (the comparison above is not between two empty lists).
    let found = g.find(&copies[1]);
    let names: Vec<&str> = found.iter().map(|m| &copies[1][m.start..m.end]).collect();
    assert!(
        names.contains(&"South Korea") && names.contains(&"Chad"),
        "{names:?}"
    );
}

#[test]
fn a_line_whose_name_reads_other_lines_is_not_remembered() {
    // "Georgia" is the US state only with state context within 300 bytes, which may be on
    // another line: the same line names the country under one neighbour and not under the
    // other (whichever was seen first).
    let g = Gazetteer::from_sources(BUILTIN_SOURCES).unwrap();
    let line = "Officials in Georgia said on Monday that the new rules would take effect within the month.";
    let state = format!("The governor spoke in Atlanta.\n{line}\n");
    let country = format!("{line}\n");
    for t in [&state, &country, &state, &country] {
        assert_eq!(g.find(t), g.find_unmemoised(t));
    }
    let codes = |t: &str| g.find(t).iter().map(|m| m.code).collect::<Vec<_>>();
    assert_eq!(codes(&country), [CountryCode(*b"GE")]);
    assert!(
        !codes(&state).contains(&CountryCode(*b"GE")),
        "{:?}",
        codes(&state)
    );
}

#[test]
fn names_split_or_joined_by_line_breaks_read_as_a_scan_reads_them() {
    let g = Gazetteer::from_sources(BUILTIN_SOURCES).unwrap();
    let long =
        "and the delegation then left for the airport after a long day of talks with officials";
    let texts = [
        format!("Mr.\nJordan met them, {long}."),
        format!("He flew to Paris,\nTexas, {long}."),
        format!("He flew to Paris, Texas\n{long}."),
        format!("LET\nUS PRAY {long}."),
        format!("Gulf of\nMexico waters {long}."),
        format!("{long} Mexico\nSea\n{long} Mexico"),
        format!("\n\n{long} Chad\n\n\nChad {long}\n"),
    ];
    for round in 0..2 {
        for t in &texts {
            assert_eq!(g.find(t), g.find_unmemoised(t), "{t:?}, round {round}");
        }
    }
}

#[test]
fn the_memo_is_bounded() {
    let g = Gazetteer::from_sources(BUILTIN_SOURCES).unwrap();
    let memo = g.memo.as_ref().unwrap();
    let mut text = String::new();
    for i in 0..(memo::MAX_LINES + 5_000) {
        text.push_str(&format!(
            "Line {i} names Japan and Peru and Chile, padded to a length worth remembering.\n"
        ));
    }
    // Every line distinct (no hits): the table steps aside, and never holds more than its bound.
    assert_eq!(g.find(&text), g.find_unmemoised(&text));
    let (lines, mentions) = memo.held();
    assert!(lines <= memo::MAX_LINES && mentions <= memo::MAX_MENTIONS);
    assert!(
        lines < memo::MAX_LINES / 2,
        "{lines}: the table did not step aside"
    );
}
