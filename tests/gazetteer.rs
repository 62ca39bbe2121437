//! Table-driven behaviour tests for the country gazetteer: each row is a text and the
//! mentions it must yield, written `surface=CODE`, in order.

use dateline::gazetteer::{Gazetteer, MentionKind};

fn found(text: &str) -> Vec<String> {
    Gazetteer::builtin()
        .find(text)
        .iter()
        .map(|m| format!("{}={}", &text[m.start..m.end], m.code))
        .collect()
}

/// Every row's mentions as `found` gives them; all failing rows in one message.
fn check_table(rows: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got = found(text);
        if got != *want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const CASES: &[(&str, &[&str])] = &[
    // Plain names, official names, short forms.
    ("Japan and China met.", &["Japan=JP", "China=CN"]),
    ("the Russian Federation said", &["Russian Federation=RU"]),
    (
        "Czechia, formerly the Czech Republic",
        &["Czechia=CZ", "Czech Republic=CZ"],
    ),
    (
        "Ivory Coast or Côte d'Ivoire or Côte d’Ivoire",
        &["Ivory Coast=CI", "Côte d'Ivoire=CI", "Côte d’Ivoire=CI"],
    ),
    ("Burma, now Myanmar", &["Burma=MM", "Myanmar=MM"]),
    ("Holland beat Germany", &["Holland=NL", "Germany=DE"]),
    (
        "the Republic of Korea and the Democratic People's Republic of Korea",
        &[
            "Republic of Korea=KR",
            "Democratic People's Republic of Korea=KP",
        ],
    ),
    (
        "Democratic People’s Republic of Korea",
        &["Democratic People’s Republic of Korea=KP"],
    ),
    (
        "N Korea, N. Korea and S. Korea",
        &["N Korea=KP", "N. Korea=KP", "S. Korea=KR"],
    ),
    ("DPRK and ROK delegates", &["DPRK=KP", "ROK=KR"]),
    (
        "the U.S. and the U.S.A. and the USA",
        &["U.S.=US", "U.S.A.=US", "USA=US"],
    ),
    ("America first", &["America=US"]),
    (
        "the UK, the U.K., Britain and Great Britain",
        &["UK=GB", "U.K.=GB", "Britain=GB", "Great Britain=GB"],
    ),
    ("United States of America", &["United States of America=US"]),
    (
        "Türkiye renamed itself from Turkey",
        &["Türkiye=TR", "Turkey=TR"],
    ),
    (
        "Timor-Leste (East Timor)",
        &["Timor-Leste=TL", "East Timor=TL"],
    ),
    (
        "Eswatini, formerly Swaziland",
        &["Eswatini=SZ", "Swaziland=SZ"],
    ),
    // Longest match wins.
    (
        "Papua New Guinea and Guinea",
        &["Papua New Guinea=PG", "Guinea=GN"],
    ),
    (
        "Equatorial Guinea and Guinea-Bissau",
        &["Equatorial Guinea=GQ", "Guinea-Bissau=GW"],
    ),
    (
        "South Sudan split from Sudan",
        &["South Sudan=SS", "Sudan=SD"],
    ),
    (
        "Democratic Republic of the Congo",
        &["Democratic Republic of the Congo=CD"],
    ),
    ("Republic of the Congo", &["Republic of the Congo=CG"]),
    (
        "DR Congo and Congo-Brazzaville",
        &["DR Congo=CD", "Congo-Brazzaville=CG"],
    ),
    (
        "Dominica and the Dominican Republic",
        &["Dominica=DM", "Dominican Republic=DO"],
    ),
    ("North Korean troops", &["North Korean=KP"]),
    ("South Korean officials", &["South Korean=KR"]),
    ("North Macedonia", &["North Macedonia=MK"]),
    (
        "American Samoa and Samoa",
        &["American Samoa=AS", "Samoa=WS"],
    ),
    (
        "the U.S. Virgin Islands and British Virgin Islands",
        &["U.S. Virgin Islands=VI", "British Virgin Islands=VG"],
    ),
    (
        "South Georgia is not Georgia",
        &["South Georgia=GS", "Georgia=GE"],
    ),
    ("Mexico City, Mexico", &["Mexico City=MX", "Mexico=MX"]),
    // Word boundaries.
    ("a woman from Oman", &["Oman=OM"]),
    ("Iranian and Iran", &["Iranian=IR", "Iran=IR"]),
    (
        "Niger and Nigeria and Nigerien and Nigerian",
        &["Niger=NE", "Nigeria=NG", "Nigerien=NE", "Nigerian=NG"],
    ),
    ("Indiana is not India", &["India=IN"]),
    ("Chinatown, Indochina, Omanis", &["Omanis=OM"]),
    ("anti-American protests", &["American=US"]),
    // Possessives.
    ("Japan's exports", &["Japan=JP"]),
    ("Russia’s army", &["Russia=RU"]),
    ("Kim Jong Un's sister", &["Kim Jong Un=KP"]),
    ("the Kremlin's line", &["Kremlin=RU"]),
    // Case.
    ("fine china and a roast turkey", &[]),
    ("TOKYO (Reuters) - Japan", &["TOKYO=JP", "Japan=JP"]),
    ("SEOUL, Sept 12 (Yonhap)", &["SEOUL=KR"]),
    ("RUSSIA AND CHINA SIGN PACT", &["RUSSIA=RU", "CHINA=CN"]),
    ("The Kremlin said", &["Kremlin=RU"]),
    ("let us go, said Us Weekly", &[]),
    ("US officials and U.S. troops", &["US=US", "U.S.=US"]),
    ("US WARNS CHINA", &["US=US", "CHINA=CN"]),
    ("LET US PRAY FOR PEACE", &[]),
    ("JOIN US IN KYIV", &["KYIV=UA"]),
    ("costs US$5 million", &[]),
    // Adjacency and lists.
    ("Russia-DPRK summit", &["Russia=RU", "DPRK=KP"]),
    (
        "Tokyo, Seoul, Washington",
        &["Tokyo=JP", "Seoul=KR", "Washington=US"],
    ),
    ("Japan/Korea/China", &["Japan=JP", "China=CN"]),
    ("US-China talks", &["US=US", "China=CN"]),
    (
        "Ukraine, Georgia and Moldova",
        &["Ukraine=UA", "Georgia=GE", "Moldova=MD"],
    ),
    // Capitals and seats of power.
    (
        "Pyongyang fired; Kyiv and Kiev responded",
        &["Pyongyang=KP", "Kyiv=UA", "Kiev=UA"],
    ),
    (
        "Downing Street and the White House and the Élysée",
        &["Downing Street=GB", "White House=US", "Élysée=FR"],
    ),
    ("Beijing and Moscow", &["Beijing=CN", "Moscow=RU"]),
    ("Washington, D.C. is hot", &["Washington, D.C.=US"]),
    // Leaders.
    (
        "Putin met Kim Jong-un and Xi Jinping",
        &["Putin=RU", "Kim Jong-un=KP", "Xi Jinping=CN"],
    ),
    (
        "Kishida, Biden and Yoon Suk Yeol",
        &["Kishida=JP", "Biden=US", "Yoon Suk Yeol=KR"],
    ),
    ("Zelensky or Zelenskyy", &["Zelensky=UA", "Zelenskyy=UA"]),
    (
        "Macron, Scholz, Sunak, Starmer, Modi, Erdogan, Netanyahu",
        &[
            "Macron=FR",
            "Scholz=DE",
            "Sunak=GB",
            "Starmer=GB",
            "Modi=IN",
            "Erdogan=TR",
            "Netanyahu=IL",
        ],
    ),
    ("Trump said", &["Trump=US"]),
    ("Kim said", &[]),
    ("Xi said; President Xi said", &["President Xi=CN"]),
    ("a trump card", &[]),
    // Georgia.
    (
        "Georgia's president in Tbilisi",
        &["Georgia=GE", "Tbilisi=GE"],
    ),
    ("voters in Atlanta, Georgia", &["Atlanta=US"]),
    ("the state of Georgia certified", &[]),
    ("Fulton County, Georgia, prosecutors", &[]),
    ("Georgia and Florida Republicans", &[]),
    (
        "Georgia, Armenia and Azerbaijan in the Caucasus",
        &["Georgia=GE", "Armenia=AM", "Azerbaijan=AZ"],
    ),
    ("Georgia Tech won", &[]),
    ("Athens, Ga., and Athens", &["Athens=GR"]),
    // Jordan.
    ("Michael Jordan scored", &[]),
    ("Jordan Peterson spoke", &[]),
    ("King Abdullah of Jordan", &["Jordan=JO"]),
    ("in Jordan, refugees", &["Jordan=JO"]),
    ("Jordan's king met Mr. Jordan", &["Jordan=JO"]),
    ("Syria and Jordan border", &["Syria=SY", "Jordan=JO"]),
    ("Jordan said on Monday", &["Jordan=JO"]),
    ("the Jordan River", &[]),
    // Turkey.
    ("roast the turkey for Thanksgiving", &[]),
    ("Turkey is best roasted slowly for Thanksgiving", &[]),
    (
        "Turkey and Syria talked in Ankara before Thanksgiving",
        &["Turkey=TR", "Syria=SY", "Ankara=TR"],
    ),
    // Chad.
    ("Chad Smith plays drums", &[]),
    ("troops from Chad and Niger", &["Chad=TD", "Niger=NE"]),
    ("Lake Chad shrinks", &["Chad=TD"]),
    // Washington.
    ("George Washington crossed", &[]),
    ("Denzel Washington stars", &[]),
    ("Booker T. Washington wrote", &[]),
    ("Washington state and Washington State University", &[]),
    (
        "Washington warned Beijing",
        &["Washington=US", "Beijing=CN"],
    ),
    ("the Washington Post reported", &[]),
    // Guinea, Congo, Korea.
    ("a guinea pig and a Guinea pig", &[]),
    ("Guinea's junta", &["Guinea=GN"]),
    ("fighting in eastern Congo near Goma", &["Congo=CD"]),
    (
        "Congo's capital Brazzaville",
        &["Congo=CG", "Brazzaville=CG"],
    ),
    (
        "Korea's exports rose, Seoul said",
        &["Korea=KR", "Seoul=KR"],
    ),
    (
        "Pyongyang said Korea would respond",
        &["Pyongyang=KP", "Korea=KP"],
    ),
    ("the Korean War and the Korean peninsula", &[]),
    ("Korea is a peninsula", &[]),
    // Title Case headlines: capitalised neighbours say nothing there.
    (
        "Jordan Closes Airspace After Iran Strikes",
        &["Jordan=JO", "Iran=IR"],
    ),
    (
        "Chad Suspends Military Pact With France",
        &["Chad=TD", "France=FR"],
    ),
    (
        "Jordan Peterson spoke at the event in London",
        &["London=GB"],
    ),
    // More name-like neighbours.
    (
        "crowds on the Jersey Shore and New Jersey beaches, not Jersey",
        &["Jersey=JE"],
    ),
    ("Cuba Gooding Jr. visited Cuba", &["Cuba=CU"]),
    (
        "Xi Jinping’s visit; President Xi Jinping",
        &["Xi Jinping=CN", "President Xi=CN"],
    ),
    (
        "Mr. Kishida and Ms. Takaichi",
        &["Kishida=JP", "Takaichi=JP"],
    ),
    // Blocks and other places.
    ("New Mexico and New Jersey and Mexico", &["Mexico=MX"]),
    ("Latin America and South American and African American", &[]),
    ("Paris, Texas and London, Ontario", &[]),
    (
        "Dutch ovens, German shepherds and a Mexican standoff in the Dutch parliament",
        &["Dutch=NL"],
    ),
    (
        "Panama City, Florida, Panama City, Fla., and Kuwait City, Kuwait",
        &["Kuwait City=KW", "Kuwait=KW"],
    ),
    ("Paris Hilton, Paris", &["Paris=FR"]),
    ("Paris Hilton arrived in Paris on Monday", &["Paris=FR"]),
    ("the Niger Delta", &["Niger Delta=NG"]),
    (
        "Inner Mongolia borders Mongolia",
        &["Inner Mongolia=CN", "Mongolia=MN"],
    ),
    ("Robert Jordan wrote; Jordan Greenway skated", &[]),
    ("KIM JONG UN MEETS PUTIN", &["KIM JONG UN=KP", "PUTIN=RU"]),
    ("Kim Yo Jong, Kim's sister", &[]),
    ("the South China Sea", &[]),
    ("Gaza and the West Bank", &["Gaza=PS", "West Bank=PS"]),
];

#[test]
fn table() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    check_table(CASES);
}

#[test]
fn kinds() {
    let g = Gazetteer::builtin();
    let text = "Japan, DPRK, Japanese, Tokyo, Kishida";
    let kinds: Vec<MentionKind> = g.find(text).iter().map(|m| m.kind).collect();
    use MentionKind::*;
    assert_eq!(kinds, [Name, ShortForm, Demonym, Capital, Leader]);
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let text = "TOKYO — North Korea's Kim Jong Un met Putin in Vladivostok; Seoul and Washington \
                watched as the Kremlin and Pyongyang signed. Japanese and South Korean officials \
                said the U.S.-ROK-Japan alliance would respond.";
    let ms = Gazetteer::builtin().find(text);
    assert!(ms.len() >= 12, "{ms:?}");
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn names_for_lanes() {
    let g = Gazetteer::builtin();
    let jp = dateline::model::CountryCode::parse("JP").unwrap();
    assert_eq!(g.name(jp), Some("Japan"));
    assert_eq!(
        g.name(dateline::model::CountryCode::parse("QQ").unwrap()),
        None
    );
    assert!(g.codes().any(|c| c == jp));
}

/// Place names that contain a country's name (issue 18): the larger place is not the country,
/// and the country named beside it still is. Sentences of our own.
const PLACES: &[(&str, &[&str])] = &[
    (
        "Oil from the well reached the Gulf of Mexico on Friday.",
        &[],
    ),
    (
        "Mexico's Gulf coast lies on the Gulf of Mexico.",
        &["Mexico=MX"],
    ),
    ("GULF OF MEXICO SPILL WIDENS", &[]),
    (
        "Trawlers left the Sea of Japan for Japan's ports.",
        &["Japan=JP"],
    ),
    (
        "The ferry crossed the Irish Sea to Ireland.",
        &["Ireland=IE"],
    ),
    ("Storms over the Indian Ocean reached India.", &["India=IN"]),
    ("Tankers in the Gulf of Oman waited off Oman.", &["Oman=OM"]),
    ("A typhoon crossed the Philippine Sea.", &[]),
    (
        "The governor of New Mexico met Mexican officials.",
        &["Mexican=MX"],
    ),
    (
        "Rabaul, on New Britain, is far from Britain.",
        &["Britain=GB"],
    ),
    (
        "Papua New Guinea shares the island of New Guinea; Guinea is in Africa.",
        &["Papua New Guinea=PG", "Guinea=GN"],
    ),
    (
        "Guinea-Bissau and Equatorial Guinea",
        &["Guinea-Bissau=GW", "Equatorial Guinea=GQ"],
    ),
    (
        "South Sudan split from Sudan.",
        &["South Sudan=SS", "Sudan=SD"],
    ),
    ("Niger borders Nigeria.", &["Niger=NE", "Nigeria=NG"]),
    (
        "Dominica and the Dominican Republic",
        &["Dominica=DM", "Dominican Republic=DO"],
    ),
    (
        "a Northern Irish politician and an Irish one",
        &["Northern Irish=GB", "Irish=IE"],
    ),
    (
        "The New German Chancellor Arrives In Paris",
        &["German=DE", "Paris=FR"],
    ),
    ("Tribal police on the Indian reservation", &[]),
    ("Indian and Chinese troops", &["Indian=IN", "Chinese=CN"]),
    ("a game of Russian roulette with Russia", &["Russia=RU"]),
    (
        "the Netherlands Antilles and the Netherlands",
        &["Netherlands=NL"],
    ),
    (
        "a Latin American summit with American officials",
        &["American=US"],
    ),
];

#[test]
fn places_that_contain_a_country_name() {
    check_table(PLACES);
}

/// Archives reach back decades: leaders of earlier years count in their years of office only.
#[test]
fn past_leaders_count_in_their_years_and_uk_nations_are_gb() {
    let g = Gazetteer::builtin();
    let text = "Mugabe met Blair in Harare.";
    let names = |year: i32| {
        g.find_in_year(text, Some(year))
            .iter()
            .map(|m| format!("{}={}", &text[m.start..m.end], m.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(2003), ["Mugabe=ZW", "Blair=GB", "Harare=ZW"]);
    assert_eq!(names(2021), ["Harare=ZW"]);
    assert_eq!(
        found("Scottish and Welsh voters"),
        ["Scottish=GB", "Welsh=GB"]
    );
}

/// Cities and ports name the country where something happened; a person, a newspaper or a
/// body that only carries a city's name does not (sentences of our own).
#[rustfmt::skip]
const CITIES: &[(&str, &[&str])] = &[
    ("Dockers in Rotterdam walked out on Monday.", &["Rotterdam=NL"]),
    ("Barges waited at Basel and Duisburg.", &["Basel=CH"]),
    ("A blast in Karachi killed four.", &["Karachi=PK"]),
    ("Flights from São Paulo and Rio de Janeiro resumed.", &["São Paulo=BR", "Rio de Janeiro=BR"]),
    ("Markets in New York and Frankfurt fell.", &["New York=US", "Frankfurt=DE"]),
    ("Fighting reached Kharkiv and Odesa.", &["Kharkiv=UA", "Odesa=UA"]),
    // A person's name.
    ("Whitney Houston sang.", &[]),
    ("The actor Sydney Carr spoke.", &[]),
    // A newspaper named for its home city reports the world.
    ("The New York Times reported the strike in Chile.", &["Chile=CL"]),
    ("According to the Sydney Morning Herald, Fiji voted.", &["Fiji=FJ"]),
    // A body named for a city meets elsewhere.
    ("The Shanghai Cooperation Organisation met in Astana.", &["Astana=KZ"]),
    // A document named for where it was agreed.
    ("The Kyoto Protocol and the Paris Agreement bind Chile.", &["Chile=CL"]),
    ("Nine nations signed the Da Nang Declaration in Da Nang.", &["Da Nang=VN"]),
    // A US town that shares a city's name.
    ("The mill in Naples, Florida closed.", &[]),
];

#[test]
fn cities_name_where_it_happened_and_names_that_carry_them_do_not() {
    check_table(CITIES);
}
