//! Deterministic generators for the corpus kinds real archives hold (issue 20), written from
//! templates of our own: no sentence here comes from any real article.
//!
//! * [`Kind::Story`]: one long-running story told by many articles as plain text with no
//!   date of their own, plus the same articles in JSON-lines exports with firm dates (what
//!   an analyst gets when pasted text sits next to a database export).
//! * [`Kind::Wire`]: wire stories republished by many outlets, each copy with its own header
//!   lines and title and small edits (a trimmed tail, a changed attribution).
//! * [`Kind::NoPunct`]: text without sentence punctuation: keyword dumps on one line, table
//!   dumps whose rows run together, word lists one per line; dates and countries included.
//! * [`Kind::Folders`]: articles filed in folders named by date (`2011-01-25/138.txt`,
//!   `2023/09/14/slug.txt`, `2023-09/slug.txt`) whose text states no date, only relative ones.
//!
//! Shared by `examples/gen_corpus.rs` (writes a corpus to disk) and `benches/scale.rs`
//! (generates each kind at 1x, 2x, 4x, 8x and times the pipeline on it).
#![allow(dead_code)] // each user takes its own subset

use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: small, fast, and the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi_inclusive: usize) -> usize {
        lo + self.below(hi_inclusive - lo + 1)
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Country, capital, adjective: all three are in the built-in gazetteer.
const NATIONS: &[(&str, &str, &str)] = &[
    ("Japan", "Tokyo", "Japanese"),
    ("South Korea", "Seoul", "South Korean"),
    ("China", "Beijing", "Chinese"),
    ("Russia", "Moscow", "Russian"),
    ("Ukraine", "Kyiv", "Ukrainian"),
    ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"),
    ("Brazil", "Brasilia", "Brazilian"),
    ("Kenya", "Nairobi", "Kenyan"),
    ("Vietnam", "Hanoi", "Vietnamese"),
    ("Thailand", "Bangkok", "Thai"),
    ("India", "New Delhi", "Indian"),
    ("Pakistan", "Islamabad", "Pakistani"),
    ("Greece", "Athens", "Greek"),
    ("Mexico", "Mexico City", "Mexican"),
    ("Canada", "Ottawa", "Canadian"),
    ("Australia", "Canberra", "Australian"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Nigeria", "Abuja", "Nigerian"),
    ("Egypt", "Cairo", "Egyptian"),
    ("Poland", "Warsaw", "Polish"),
    ("Spain", "Madrid", "Spanish"),
    ("Italy", "Rome", "Italian"),
    ("Chile", "Santiago", "Chilean"),
    ("Norway", "Oslo", "Norwegian"),
    ("Sweden", "Stockholm", "Swedish"),
    ("the Philippines", "Manila", "Filipino"),
    ("Argentina", "Buenos Aires", "Argentine"),
    ("Ghana", "Accra", "Ghanaian"),
    ("Morocco", "Rabat", "Moroccan"),
    ("Portugal", "Lisbon", "Portuguese"),
    ("Iceland", "Reykjavik", "Icelandic"),
    ("Malaysia", "Kuala Lumpur", "Malaysian"),
    ("Colombia", "Bogota", "Colombian"),
];

const TOPICS: &[&str] = &[
    "fisheries",
    "grain exports",
    "drought relief",
    "port access",
    "student visas",
    "rare earth mining",
    "undersea cables",
    "border patrols",
    "vaccine supply",
    "river water sharing",
    "airspace rights",
    "debt relief",
    "tuna quotas",
    "a cross-border rail link",
    "power grid links",
    "customs checks",
    "shipping lanes",
    "gas prices",
    "wildfire response",
    "refugee returns",
    "seed banks",
    "satellite launches",
];

const GOODS: &[&str] = &[
    "steel",
    "rice",
    "timber",
    "coffee",
    "fertiliser",
    "solar panels",
    "shrimp",
    "wine",
    "copper",
    "cotton",
];

/// What happened, with `{B}` (the other country), `{b}` (its adjective), `{c}` (its
/// capital), `{T}` (topic) and `{G}` (goods) to fill in.
const ACTIONS: &[&str] = &[
    "signed an agreement on {T} with {B}",
    "held talks with {B} on {T}",
    "expelled two {b} diplomats in a row over {T}",
    "sent emergency aid to {B}",
    "imposed new tariffs on {b} {G}",
    "lifted a ban on {b} {G}",
    "recalled its ambassador to {B} for consultations",
    "opened a new consulate in {c}",
    "agreed to resume direct flights to {B}",
    "held joint naval exercises with {B}",
    "summoned the {b} ambassador over {T}",
    "pledged new funding to {B} for {T}",
    "reopened its border crossings with {B}",
    "announced a joint review of {T} with {B}",
    "filed a complaint against {B} over {T}",
    "agreed to share data on {T} with {B}",
];

const ATTRIBUTIONS: &[&str] = &[
    ", officials said.",
    ", the foreign ministry said in a statement.",
    ", according to state media.",
    ", a government spokesman told reporters.",
    ", diplomats familiar with the talks said.",
    ", the ministry said on its website.",
    ".",
    ".",
];

const BACKGROUND: &[&str] = &[
    "The two countries have argued over {T} for years.",
    "Analysts said the move could test relations between the neighbours.",
    "Neither side gave details of a timetable.",
    "Trade between {A} and {B} has grown steadily, led by {G}.",
    "Opposition lawmakers in {A} criticised the plan as too cautious.",
    "Shipping firms said they would wait for the details before changing routes.",
    "The talks are the first at this level since the dispute began.",
    "Fishing crews in the region have called for clearer rules.",
    "Prices of {G} rose in local markets after the announcement.",
    "Both governments face pressure at home to show results.",
];

const QUOTES: &[&str] = &[
    "\u{201c}We expect real progress on {T},\u{201d} the minister said.",
    "\u{201c}This is a fair outcome for both sides,\u{201d} a negotiator told reporters.",
    "\u{201c}Our door remains open,\u{201d} the spokesman said.",
    "\u{201c}Nothing is agreed until everything is agreed,\u{201d} an official said.",
];

const TITLES: &[&str] = &[
    "{A} and {B} reach deal on {T}",
    "{A} presses {B} over {T}",
    "Talks on {T} resume in {c}",
    "{a} ministers head to {c}",
    "New row over {T} strains ties",
    "{A} weighs response to {B} on {T}",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const OUTLETS: &[&str] = &[
    "Harbour Ledger",
    "Valley Courier",
    "Northern Post",
    "Coastal Times",
    "Evening Tribune",
    "Daily Meridian",
    "Plains Gazette",
    "Capital Record",
    "Island Herald",
    "River City News",
    "Highland Observer",
    "Market Journal",
    "Frontier Press",
    "Lakeside Sentinel",
    "Morning Dispatch",
    "Union Chronicle",
    "Bay Reporter",
    "Summit Daily",
    "Metro Standard",
    "Eastern Echo",
    "Western Star",
    "Southern Beacon",
    "Delta Voice",
    "Crossroads Weekly",
];

const AGENCIES: &[&str] = &["Meridian Wire", "Continental Press", "Global Newswire"];

/// One happening of a story: who did what to whom, about what, on which day.
#[derive(Clone, Copy)]
struct Happening {
    day: NaiveDate,
    a: usize,
    b: usize,
    action: usize,
    topic: usize,
    goods: usize,
}

fn fill(template: &str, h: &Happening) -> String {
    let (a, a_cap, a_adj) = NATIONS[h.a];
    let (b, b_cap, b_adj) = NATIONS[h.b];
    let _ = a_cap;
    template
        .replace("{A}", &capitalise(a))
        .replace("{B}", b)
        .replace("{a}", a_adj)
        .replace("{b}", b_adj)
        .replace("{c}", b_cap)
        .replace("{T}", TOPICS[h.topic])
        .replace("{G}", GOODS[h.goods])
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The subject of a report sentence, in one of the ways news names a country.
fn subject(r: &mut Rng, nation: usize) -> String {
    let (name, capital, adj) = NATIONS[nation];
    match r.below(5) {
        0 => format!("{}'s foreign ministry", capitalise(name)),
        1 => format!("The {adj} government"),
        2 => format!("Officials in {capital}"),
        3 => capital.to_string(),
        _ => capitalise(name),
    }
}

/// How an article published on `published` names the day `day` (on or before it).
fn relative_phrase(r: &mut Rng, day: NaiveDate, published: NaiveDate) -> String {
    let back = (published - day).num_days();
    let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
    match back {
        0 if r.chance(40) => "today".into(),
        1 if r.chance(50) => "yesterday".into(),
        0..=6 => format!("on {weekday}"),
        _ if back <= 40 && r.chance(50) => {
            format!("on {} {}", MONTHS[day.month0() as usize], day.day())
        }
        _ => full_date(r, day),
    }
}

fn full_date(r: &mut Rng, day: NaiveDate) -> String {
    let month = MONTHS[day.month0() as usize];
    if r.chance(50) {
        format!("on {} {month} {}", day.day(), day.year())
    } else {
        format!("on {month} {}, {}", day.day(), day.year())
    }
}

/// A report of `h` as one sentence, with its date as an article published on `published`
/// (or `absolute` to state it in full) would write it.
fn report(r: &mut Rng, h: &Happening, published: NaiveDate, absolute: bool) -> String {
    let action = fill(ACTIONS[h.action], h);
    let date = if absolute {
        full_date(r, h.day)
    } else {
        relative_phrase(r, h.day, published)
    };
    let subj = subject(r, h.a);
    let tail = r.pick(ATTRIBUTIONS);
    if r.chance(30) {
        // Fronted date: "On Tuesday, Japan signed ..."
        let mut d = date.clone();
        if let Some(first) = d.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        let subj = match subj.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => match subj.strip_prefix("Officials ") {
                Some(rest) => format!("officials {rest}"),
                None => subj,
            },
        };
        format!("{d}, {subj} {action}{tail}")
    } else {
        format!("{subj} {action} {date}{tail}")
    }
}

fn background(r: &mut Rng, h: &Happening) -> String {
    let t = if r.chance(25) {
        r.pick(QUOTES)
    } else {
        r.pick(BACKGROUND)
    };
    fill(t, h)
}

fn title(r: &mut Rng, h: &Happening) -> String {
    fill(r.pick(TITLES), h)
}

fn random_happening(r: &mut Rng, day: NaiveDate) -> Happening {
    let a = r.below(NATIONS.len());
    let mut b = r.below(NATIONS.len() - 1);
    if b >= a {
        b += 1;
    }
    Happening {
        day,
        a,
        b,
        action: r.below(ACTIONS.len()),
        topic: r.below(TOPICS.len()),
        goods: r.below(GOODS.len()),
    }
}

/// An article's body: paragraphs of reports of `news` (relative to `published`) mixed with
/// background; the first report leads. `anchored` adds "two days later"-style follow-ups.
fn body(r: &mut Rng, news: &[Happening], published: NaiveDate) -> Vec<String> {
    let mut paras = Vec::new();
    let paragraphs = r.range(4, 8);
    for p in 0..paragraphs {
        let mut para = String::new();
        for s in 0..r.range(1, 3) {
            if !para.is_empty() {
                para.push(' ');
            }
            let h = &news[(p + s) % news.len()];
            if s == 0 || r.chance(50) {
                let absolute = r.chance(10);
                para.push_str(&report(r, h, published, absolute));
            } else {
                para.push_str(&background(r, h));
            }
        }
        paras.push(para);
    }
    paras
}

/// What a generator wrote.
#[derive(Default)]
pub struct Summary {
    pub files: usize,
    pub articles: usize,
    pub bytes: u64,
    /// (path relative to the corpus folder, publication date as precise as the folder says:
    /// `YYYY-MM-DD` or `YYYY-MM`) for kinds whose truth is known from where files live.
    pub truth: Vec<(String, String)>,
}

impl Summary {
    fn write(&mut self, dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create corpus folder");
        }
        std::fs::write(&path, text).expect("write corpus file");
        self.files += 1;
        self.bytes += text.len() as u64;
    }
}

/// The corpus kinds of issue 20.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Story,
    Wire,
    NoPunct,
    Folders,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Story, Kind::Wire, Kind::NoPunct, Kind::Folders];
    pub fn name(self) -> &'static str {
        match self {
            Kind::Story => "story",
            Kind::Wire => "wire",
            Kind::NoPunct => "nopunct",
            Kind::Folders => "folders",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// Writes a corpus of `kind` of about `bytes` bytes into `dir` (which should be empty).
/// The same (kind, bytes, seed) always gives the same files.
pub fn generate(kind: Kind, dir: &Path, bytes: u64, seed: u64) -> Summary {
    let mut r = Rng::new(seed ^ kind as u64);
    match kind {
        Kind::Story => story(&mut r, dir, bytes),
        Kind::Wire => wire(&mut r, dir, bytes),
        Kind::NoPunct => no_punct(&mut r, dir, bytes),
        Kind::Folders => folders(&mut r, dir, bytes),
    }
}

fn start_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 7).expect("valid date")
}

/// One story (a fixed cast of three countries and a topic) over years: text files with
/// no date, and the same articles in JSON-lines exports with their publication dates.
fn story(r: &mut Rng, dir: &Path, bytes: u64) -> Summary {
    let lead = r.below(NATIONS.len());
    let cast = [
        lead,
        (lead + 1 + r.below(5)) % NATIONS.len(),
        (lead + 7 + r.below(5)) % NATIONS.len(),
    ];
    let topic = r.below(TOPICS.len());
    // About one happening every second day; each article reports the last week's.
    let start = start_date();
    let mut calendar: Vec<Happening> = Vec::new();
    let mut out = Summary::default();
    let mut exports: Vec<String> = vec![String::new()];
    let mut i = 0usize;
    while out.bytes < bytes {
        let published = start + Duration::days((i / 3) as i64);
        while calendar.last().is_none_or(|h| h.day < published) {
            let day = calendar
                .last()
                .map_or(start, |h| h.day + Duration::days(r.range(1, 3) as i64));
            let (a, b) = if r.chance(50) {
                (cast[0], cast[1 + r.below(2)])
            } else {
                (cast[1 + r.below(2)], cast[0])
            };
            calendar.push(Happening {
                day,
                a,
                b,
                action: r.below(ACTIONS.len()),
                topic: if r.chance(70) {
                    topic
                } else {
                    r.below(TOPICS.len())
                },
                goods: r.below(GOODS.len()),
            });
        }
        let recent: Vec<Happening> = calendar
            .iter()
            .rev()
            .filter(|h| h.day <= published && (published - h.day).num_days() <= 6)
            .take(3)
            .copied()
            .collect();
        let recent = if recent.is_empty() {
            vec![*calendar.first().expect("calendar has a happening")]
        } else {
            recent
        };
        let head = title(r, &recent[0]);
        let paras = body(r, &recent, published);
        let mut text = format!("{head}\n\n");
        for p in &paras {
            text.push_str(p);
            text.push_str("\n\n");
        }
        out.write(dir, &format!("text/{:02}/story-{i:06}.txt", i % 50), &text);
        let outlet = r.pick(OUTLETS);
        let record = serde_json::json!({
            "title": head,
            "date": published.format("%Y-%m-%d").to_string(),
            "source": outlet,
            "text": paras.join("\n\n"),
        });
        let line = record.to_string();
        // Exports of 1,000 articles each, as news databases hand them out.
        if i > 0 && i % 1000 == 0 {
            exports.push(String::new());
        }
        let last = exports.last_mut().expect("one export at least");
        last.push_str(&line);
        last.push('\n');
        out.bytes += line.len() as u64 + 1;
        out.articles += 2;
        i += 1;
    }
    for (k, e) in exports.iter().enumerate() {
        let path = dir.join(format!("export/part-{k:04}.jsonl"));
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("create folder");
        std::fs::write(path, e).expect("write export");
        out.files += 1;
    }
    out
}

/// Wire stories, each republished by several outlets with their own headers and edits.
fn wire(r: &mut Rng, dir: &Path, bytes: u64) -> Summary {
    let mut out = Summary::default();
    let mut story_id = 0usize;
    while out.bytes < bytes {
        let published = start_date() + Duration::days(r.below(4 * 365) as i64);
        let back = r.below(3) as i64;
        let lead = random_happening(r, published - Duration::days(back));
        let mut news = vec![lead];
        for _ in 0..2 {
            let back = r.below(6) as i64;
            let mut h = random_happening(r, published - Duration::days(back));
            h.a = if r.chance(50) { lead.a } else { lead.b };
            news.push(h);
        }
        let head = title(r, &lead);
        let paras = body(r, &news, published);
        let agency = r.pick(AGENCIES);
        let copies = r.range(3, 30);
        let mut outlets: Vec<usize> = (0..OUTLETS.len()).collect();
        for k in 0..copies.min(OUTLETS.len()) {
            let j = k + r.below(outlets.len() - k);
            outlets.swap(k, j);
            let outlet = OUTLETS[outlets[k]];
            let day = published + Duration::days(r.below(2) as i64);
            let mut text = String::new();
            // The outlet's own title, header lines and edits.
            if r.chance(30) {
                let _ = writeln!(text, "World: {head}");
            } else {
                let _ = writeln!(text, "{head}");
            }
            match r.below(4) {
                0 => {
                    let _ = writeln!(text, "date {}  {outlet}", day.format("%Y-%m-%d"));
                }
                1 => {
                    let _ = writeln!(text, "Published: {}", day.format("%-d %B %Y"));
                    let _ = writeln!(text, "By {outlet} staff");
                }
                2 => {
                    let _ = writeln!(text, "By Staff Reporter | {}", day.format("%-d %B %Y"));
                }
                _ => {}
            }
            text.push('\n');
            let keep = paras.len() - r.below(3).min(paras.len() - 2);
            for (pi, p) in paras[..keep].iter().enumerate() {
                if pi == 0 && r.chance(40) {
                    let (_, cap, _) = NATIONS[lead.a];
                    let _ = write!(text, "{} ({agency}) - ", cap.to_uppercase());
                }
                if pi == keep - 1 && r.chance(20) {
                    text.push_str(&p.replacen(" said", " told reporters", 1));
                } else {
                    text.push_str(p);
                }
                text.push_str("\n\n");
            }
            if r.chance(15) {
                text.push_str("Additional reporting by staff in the region.\n");
            }
            let slug = slug(&head);
            out.write(
                dir,
                &format!("{}/{slug}-{story_id}.txt", slug_of_outlet(outlet)),
                &text,
            );
            out.articles += 1;
            if out.bytes >= bytes {
                break;
            }
        }
        story_id += 1;
    }
    out
}

fn slug(s: &str) -> String {
    s.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-")
}

fn slug_of_outlet(s: &str) -> String {
    slug(s)
}

/// Text without sentence punctuation: a keyword dump on one line, a table dump whose rows
/// start in lower case (so a reader joins them into one paragraph), a word list one per line.
fn no_punct(r: &mut Rng, dir: &Path, bytes: u64) -> Summary {
    let mut out = Summary::default();
    let mut i = 0usize;
    while out.bytes < bytes {
        let target = r.range(60_000, 400_000);
        let mut text = String::with_capacity(target + 200);
        let shape = i % 3;
        let day0 = start_date() + Duration::days(r.below(2000) as i64);
        while text.len() < target {
            let ahead = r.below(400) as i64;
            let h = random_happening(r, day0 + Duration::days(ahead));
            let (name, capital, adj) = NATIONS[h.a];
            let (other, _, _) = NATIONS[h.b];
            let month = MONTHS[h.day.month0() as usize];
            let weekday = WEEKDAYS[h.day.weekday().num_days_from_monday() as usize];
            match shape {
                0 => {
                    // keyword dump: one endless line
                    let _ = write!(
                        text,
                        "{} {} {name} {} {} {month} {} {adj} {weekday} {capital} {other} ",
                        r.pick(GOODS),
                        TOPICS[h.topic],
                        r.pick(&["trade", "talks", "border", "aid", "ban", "tariff", "visit"]),
                        r.range(1, 9999),
                        h.day.year(),
                    );
                }
                1 => {
                    // table dump: rows that start in lower case run together
                    let _ = writeln!(
                        text,
                        "{} | {name} | {other} | {} | {} {month} {} | {} | {} tonnes",
                        r.pick(GOODS),
                        TOPICS[h.topic],
                        h.day.day(),
                        h.day.year(),
                        r.pick(&["open", "closed", "pending", "revised"]),
                        r.range(10, 99_999),
                    );
                }
                _ => {
                    // word list, one entry per line
                    for w in [
                        name,
                        r.pick(GOODS),
                        month,
                        weekday,
                        capital,
                        TOPICS[h.topic],
                        adj,
                    ] {
                        text.push_str(w);
                        text.push('\n');
                    }
                    let _ = writeln!(text, "{}", h.day.year());
                }
            }
        }
        let ext = if i % 5 == 4 { "md" } else { "txt" };
        out.write(dir, &format!("dump-{i:05}.{ext}"), &text);
        out.articles += 1;
        i += 1;
    }
    out
}

/// Articles filed under folders named by their publication date, with no date in the text.
fn folders(r: &mut Rng, dir: &Path, bytes: u64) -> Summary {
    let mut out = Summary::default();
    let mut i = 0usize;
    while out.bytes < bytes {
        let published = start_date() + Duration::days(r.below(5 * 365) as i64);
        let news: Vec<Happening> = (0..3)
            .map(|_| {
                let back = r.below(7) as i64;
                random_happening(r, published - Duration::days(back))
            })
            .collect();
        let head = title(r, &news[0]);
        let mut text = format!("{head}\n\n");
        let mut paras = Vec::new();
        for p in 0..r.range(4, 8) {
            let h = &news[p % news.len()];
            let mut para = String::new();
            for s in 0..r.range(1, 3) {
                if s > 0 {
                    para.push(' ');
                }
                if s == 0 {
                    // Only relative dates: the folder is the one place the day is written.
                    let action = fill(ACTIONS[h.action], h);
                    let date = match (published - h.day).num_days() {
                        0 => "today".to_string(),
                        1 => "yesterday".to_string(),
                        _ => format!(
                            "on {}",
                            WEEKDAYS[h.day.weekday().num_days_from_monday() as usize]
                        ),
                    };
                    let _ = write!(
                        para,
                        "{} {action} {date}{}",
                        subject(r, h.a),
                        r.pick(ATTRIBUTIONS)
                    );
                } else {
                    para.push_str(&background(r, h));
                }
            }
            paras.push(para);
        }
        for p in &paras {
            text.push_str(p);
            text.push_str("\n\n");
        }
        let (rel, truth) = match i % 3 {
            0 => (
                format!("by-day/{}/{}.txt", published.format("%Y-%m-%d"), 100 + i),
                published.format("%Y-%m-%d").to_string(),
            ),
            1 => (
                format!(
                    "by-path/{}/{}-{i}.txt",
                    published.format("%Y/%m/%d"),
                    slug(&head)
                ),
                published.format("%Y-%m-%d").to_string(),
            ),
            _ => (
                format!(
                    "by-month/{}/{}-{i}.txt",
                    published.format("%Y-%m"),
                    slug(&head)
                ),
                published.format("%Y-%m").to_string(),
            ),
        };
        out.write(dir, &rel, &text);
        out.truth.push((rel, truth));
        out.articles += 1;
        i += 1;
    }
    out
}
