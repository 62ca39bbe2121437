//! The closed vocabulary of temporal English: every word the matchers care about, looked
//! up once per word token. A word not in here can never start or continue an expression,
//! which is what keeps the scan fast: most tokens cost one hash probe.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Calendar/clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Parts of the day, as TIMEX3 writes them after `T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            self::Part::Morning => "MO",
            self::Part::Afternoon => "AF",
            self::Part::Evening => "EV",
            self::Part::Night => "NI",
        }
    }
}

/// Function and trigger words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum W {
    The,
    A,
    Last,
    Next,
    This,
    Past,
    Previous,
    Coming,
    Following,
    Current,
    Latest,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    These,
    Recently,
    Lately,
    Future,
    Nowadays,
    Early,
    Mid,
    Late,
    End,
    Beginning,
    Start,
    Middle,
    Overnight,
    Noon,
    Midnight,
    Midday,
    Am,
    Pm,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Every,
    Each,
    Fiscal,
    Of,
    In,
    On,
    At,
    From,
    To,
    Between,
    And,
    Through,
    Until,
    Half,
    Several,
    Few,
    Many,
    Couple,
    For,
    Same,
    That,
    /// The first word of a holiday's name in some locale ("Christmas", "New", "Labor"):
    /// see `holidays`.
    Holiday,
    Old,
    More,
    Than,
    Within,
    Oclock,
    Tz,
    Period,
    Ahead,
    // tense markers
    Will,
    Would,
    Shall,
    Ll,
    Going,
    Expected,
    Was,
    Said,
    Soon,
    Million,
    Since,
    By,
    During,
    Over,
    Percent,
    Most,
    Full,
    Ended,
    /// "comparable", "corresponding": "the comparable period last year".
    Comparable,
    /// "is", "are": future only in "is to resume".
    Is,
    /// Present-tense schedule verbs ("meets", "resumes", "begins"): in news a present
    /// tense event with a weekday is a scheduled one ("talks resume Monday").
    Sched,
    /// "due": "due Friday", "is due out on Friday" name when something is to happen ("due
    /// to" is a cause; "was due" a date that may have passed).
    Due,
    /// "planning", "preparing", "intends", "hopes", "wants": future only as "planning to"
    /// (not "strategy planning", "its aim").
    Planning,
    /// "should", "must", "might", "can": a modal that speaks of what is not yet past
    /// (lowercase "may" is one too; the lexicon knows it as the month).
    Modal,
    /// "have": after a modal it makes the clause past ("should have paid").
    Have,
    /// "final": "the final quarter" is the fourth.
    Final,
}

/// What a word means to the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
    /// Full month name, 1-based.
    Month(u8),
    /// Abbreviated month ("Sept", "Oct"): only a month next to a number or a period.
    MonthAbbr(u8),
    /// Full weekday name, 1 = Monday.
    Weekday(u8),
    /// Plural weekday ("Mondays"): a set.
    Weekdays(u8),
    /// Abbreviated weekday ("Wed"): only used before a date.
    WeekdayAbbr(u8),
    /// 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u8),
    Unit(Unit),
    Units(Unit),
    /// Cardinal number word.
    Num(u32),
    /// Ordinal word ("third").
    Ord(u32),
    Part(Part),
    Parts(Part),
    /// "nineties" = 9: a decade of the 1900s.
    DecadeW(u8),
    Word(W),
}

#[derive(Default)]
pub struct Fx(u64);
impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Map = HashMap<&'static [u8], Lex, BuildHasherDefault<Fx>>;

fn build() -> Map {
    use Lex::*;
    let mut m: Map = HashMap::default();
    for (i, n) in crate::calendar::MONTH_NAMES.iter().enumerate() {
        m.insert(n.as_bytes(), Month(i as u8 + 1));
    }
    for (n, i) in crate::calendar::MONTH_ABBREVIATIONS {
        m.insert(n.as_bytes(), MonthAbbr(i as u8));
    }
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    for (i, n) in days.iter().enumerate() {
        m.insert(n.as_bytes(), Weekday(i as u8 + 1));
    }
    for (n, i) in [
        ("mondays", 1),
        ("tuesdays", 2),
        ("wednesdays", 3),
        ("thursdays", 4),
        ("fridays", 5),
        ("saturdays", 6),
        ("sundays", 7),
    ] {
        m.insert(n.as_bytes(), Weekdays(i));
    }
    for (n, i) in [
        ("mon", 1),
        ("tue", 2),
        ("tues", 2),
        ("wed", 3),
        ("thu", 4),
        ("thur", 4),
        ("thurs", 4),
        ("fri", 5),
        ("sat", 6),
        ("sun", 7),
    ] {
        m.insert(n.as_bytes(), WeekdayAbbr(i));
    }
    for (n, i) in [
        ("spring", 0),
        ("summer", 1),
        ("fall", 2),
        ("autumn", 2),
        ("winter", 3),
    ] {
        m.insert(n.as_bytes(), Season(i));
    }
    for (s, p, u) in [
        ("second", "seconds", self::Unit::Second),
        ("minute", "minutes", self::Unit::Minute),
        ("hour", "hours", self::Unit::Hour),
        ("day", "days", self::Unit::Day),
        ("week", "weeks", self::Unit::Week),
        ("weekend", "weekends", self::Unit::Weekend),
        ("fortnight", "fortnights", self::Unit::Fortnight),
        ("month", "months", self::Unit::Month),
        ("quarter", "quarters", self::Unit::Quarter),
        ("year", "years", self::Unit::Year),
        ("decade", "decades", self::Unit::Decade),
        ("century", "centuries", self::Unit::Century),
    ] {
        m.insert(s.as_bytes(), Unit(u));
        m.insert(p.as_bytes(), Units(u));
    }
    m.insert(b"yr", Unit(self::Unit::Year));
    m.insert(b"yrs", Units(self::Unit::Year));
    m.insert(b"hrs", Units(self::Unit::Hour));
    m.insert(b"mins", Units(self::Unit::Minute));
    let nums = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("dozen", 12),
    ];
    for (n, v) in nums {
        m.insert(n.as_bytes(), Num(v));
    }
    let ords = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    for (n, v) in ords {
        // "second" stays a unit; the ordinal reading is handled by the quarter matcher.
        m.entry(n.as_bytes()).or_insert(Ord(v));
    }
    for (n, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(n.as_bytes(), DecadeW(d));
    }
    for (s, p, v) in [
        ("morning", "mornings", self::Part::Morning),
        ("afternoon", "afternoons", self::Part::Afternoon),
        ("evening", "evenings", self::Part::Evening),
        ("night", "nights", self::Part::Night),
    ] {
        m.insert(s.as_bytes(), Part(v));
        m.insert(p.as_bytes(), Parts(v));
    }
    use W::*;
    let words: &[(&str, W)] = &[
        ("the", The),
        ("a", A),
        ("an", A),
        ("last", Last),
        ("next", Next),
        ("this", This),
        ("past", Past),
        ("previous", Previous),
        ("prior", Previous),
        ("coming", Coming),
        ("following", Following),
        ("current", Current),
        ("latest", Latest),
        ("ago", Ago),
        ("later", Later),
        ("these", These),
        ("earlier", Earlier),
        ("before", Before),
        ("after", After),
        ("today", Today),
        ("yesterday", Yesterday),
        ("tomorrow", Tomorrow),
        ("tonight", Tonight),
        ("now", Now),
        ("currently", Currently),
        ("presently", Currently),
        ("nowadays", Nowadays),
        ("recently", Recently),
        ("lately", Lately),
        ("future", Future),
        ("early", Early),
        ("mid", Mid),
        ("late", Late),
        ("end", End),
        ("beginning", Beginning),
        ("start", Start),
        ("middle", Middle),
        ("overnight", Overnight),
        ("noon", Noon),
        ("midnight", Midnight),
        ("midday", Midday),
        ("am", Am),
        ("pm", Pm),
        ("daily", Daily),
        ("weekly", Weekly),
        ("monthly", Monthly),
        ("annually", Annually),
        ("yearly", Annually),
        ("hourly", Hourly),
        ("every", Every),
        ("each", Each),
        ("fiscal", Fiscal),
        ("fy", Fiscal),
        ("of", Of),
        ("in", In),
        ("on", On),
        ("at", At),
        ("from", From),
        ("to", To),
        ("between", Between),
        ("and", And),
        ("through", Through),
        ("until", Until),
        ("till", Until),
        ("half", Half),
        ("several", Several),
        ("few", Few),
        ("many", Many),
        ("couple", Couple),
        ("for", For),
        ("same", Same),
        ("that", That),
        ("old", Old),
        ("more", More),
        ("than", Than),
        ("within", Within),
        ("o'clock", Oclock),
        ("est", Tz),
        ("edt", Tz),
        ("gmt", Tz),
        ("utc", Tz),
        ("pst", Tz),
        ("pdt", Tz),
        ("cst", Tz),
        ("cdt", Tz),
        ("et", Tz),
        ("bst", Tz),
        ("cet", Tz),
        ("mst", Tz),
        ("mdt", Tz),
        ("akst", Tz),
        ("akdt", Tz),
        ("hst", Tz),
        ("ct", Tz),
        ("pt", Tz),
        ("cest", Tz),
        ("eet", Tz),
        ("eest", Tz),
        ("sast", Tz),
        ("msk", Tz),
        ("pkt", Tz),
        ("hkt", Tz),
        ("sgt", Tz),
        ("awst", Tz),
        ("jst", Tz),
        ("kst", Tz),
        ("acst", Tz),
        ("aest", Tz),
        ("aedt", Tz),
        ("nzst", Tz),
        ("nzdt", Tz),
        ("period", Period),
        ("ahead", Ahead),
        ("will", Will),
        ("would", Would),
        ("shall", Shall),
        ("ll", Ll),
        ("going", Going),
        ("expected", Expected),
        ("expects", Expected),
        ("expect", Expected),
        ("scheduled", Expected),
        ("planned", Expected),
        ("plans", Expected),
        ("planning", Planning),
        ("preparing", Planning),
        ("plan", Expected),
        ("slated", Expected),
        ("upcoming", Expected),
        ("was", Was),
        ("were", Was),
        ("had", Was),
        ("did", Was),
        ("said", Said),
        ("told", Said),
        ("announced", Said),
        ("soon", Soon),
        ("brought", Was),
        ("took", Was),
        ("made", Was),
        ("came", Was),
        ("went", Was),
        ("began", Was),
        ("became", Was),
        ("fell", Was),
        ("rose", Was),
        ("gave", Was),
        ("got", Was),
        ("held", Was),
        ("left", Was),
        ("lost", Was),
        ("met", Was),
        ("paid", Was),
        ("sold", Was),
        ("spent", Was),
        ("won", Was),
        ("wrote", Was),
        ("saw", Was),
        ("killed", Was),
        ("died", Was),
        ("ran", Was),
        ("fled", Was),
        ("shot", Was),
        ("struck", Was),
        ("fought", Was),
        ("sent", Was),
        ("stood", Was),
        ("spoke", Was),
        ("broke", Was),
        ("million", Million),
        ("billion", Million),
        ("trillion", Million),
        ("thousand", Million),
        ("since", Since),
        ("by", By),
        ("during", During),
        ("over", Over),
        ("percent", Percent),
        ("most", Most),
        ("full", Full),
        ("ended", Ended),
        ("ending", Ended),
        ("comparable", Comparable),
        ("is", Is),
        ("are", Is),
        ("set", Expected),
        ("supposed", Expected),
        ("effective", Expected),
        ("due", Due),
        ("meet", Sched),
        ("meets", Sched),
        ("resume", Sched),
        ("resumes", Sched),
        ("begins", Sched),
        ("opens", Sched),
        ("arrives", Sched),
        ("visits", Sched),
        ("leaves", Sched),
        ("returns", Sched),
        ("corresponding", Comparable),
        ("should", Modal),
        ("must", Modal),
        ("might", Modal),
        ("can", Modal),
        ("cannot", Modal),
        ("have", Have),
        ("final", Final),
    ];
    for &(n, w) in words {
        m.insert(n.as_bytes(), Word(w));
    }
    // Verbs of intention in the present: "intends to", "aims to", "hopes to", "seeks to",
    // "wants to" look ahead like "plans to" (only with "to", as `Planning`).
    for n in [
        "intends",
        "intend",
        "intending",
        "aims",
        "aim",
        "aiming",
        "hopes",
        "hoping",
        "seeks",
        "seeking",
        "wants",
        "want",
    ] {
        m.insert(n.as_bytes(), Word(Planning));
    }
    // Holiday names start with these; a word that means something else already keeps
    // its meaning ("Fourth of July" starts with an ordinal).
    for w in super::holidays::first_words() {
        let w: &'static [u8] = Box::leak(w.into_boxed_str()).as_bytes();
        m.entry(w).or_insert(Word(Holiday));
    }
    m
}

fn map() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(build)
}

/// Looks up an ASCII word case-insensitively. Words longer than any entry return `None`
/// without hashing.
pub fn lookup(word: &[u8]) -> Option<Lex> {
    if word.is_empty() || word.len() > 13 {
        return None;
    }
    let mut buf = [0u8; 13];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    map().get(&buf[..word.len()]).copied()
}
