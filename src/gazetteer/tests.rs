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
