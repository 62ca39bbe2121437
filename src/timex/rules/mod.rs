//! The rule book: hand-written matchers that read a temporal phrase off the token array and
//! say what it means as an [`Expr`]. Nothing here knows the reference date; see `resolve`.
//!
//! One file per kind of phrase, each rule a named function whose name says what it
//! matches, with the table rows that show it at the bottom of the same file:
//!
//! | file | phrases |
//! |---|---|
//! | `month_day` | "September 12, 2023", "12 Sept.", "Wednesday, Sept. 13", "May" |
//! | `numeric` | "2023-09-12", "9/12/2023", "12.09.2023", "2023-09-12T15:30" |
//! | `years` | "2019", "'99", "1990-91", "the 1990s", "nineteen ninety-six", "FY2023" |
//! | `year_parts` | "the third quarter of 2022", "Q3", "H1 2024", "spring 2020", "year-end" |
//! | `reports` | what earnings reports say: "the year-ago quarter", "the comparable period" |
//! | `relative` | "last week", "next Monday", "yesterday", "the day before", "that year" |
//! | `amounts` | "three days", "two years ago", "a week later", "for years" |
//! | `clock` | "3 p.m.", "10:35 a.m. EST", "0600 GMT", "noon", "mid-afternoon" |
//! | `holidays` | "Christmas Eve", "Easter Monday", "Thanksgiving", "New Year's Day" |
//! | `vague` | "now", "recently", "the near future", "these days" |
//! | `sets` | "every Monday", "daily", "Fridays", "each year" |
//! | `spans` | "from March to May", "between 2019 and 2021", "early 2022", "end of June" |
//!
//! A match starts at a trigger token (a number, or a word the lexicon knows); [`Toks::match_at`]
//! hands it to the rules that can start there, in order, and the first that matches wins.

mod amounts;
mod clock;
mod holidays;
pub(super) mod month_day;
mod numeric;
mod relative;
mod reports;
mod sets;
mod spans;
mod vague;
pub(super) mod year_parts;
mod years;

/// Every file's table rows, by file name.
#[cfg(test)]
pub(super) const TABLES: &[(&str, &[crate::timex::tests::Row])] = &[
    ("month_day", month_day::ROWS),
    ("numeric", numeric::ROWS),
    ("years", years::ROWS),
    ("year_parts", year_parts::ROWS),
    ("reports", reports::ROWS),
    ("relative", relative::ROWS),
    ("amounts", amounts::ROWS),
    ("clock", clock::ROWS),
    ("holidays", holidays::ROWS),
    ("vague", vague::ROWS),
    ("sets", sets::ROWS),
    ("spans", spans::ROWS),
];

use super::lexicon::{Lex, Unit, W};
use super::resolve::Expr;
use super::scan::{Kind, Tok};

/// A match: tokens `s..e`, the expression, and for ranges the end point.
#[derive(Debug)]
pub(super) struct Match {
    pub s: usize,
    pub e: usize,
    pub x: Expr,
    pub end: Option<Expr>,
    /// A range written as two expressions ("from Aug. 26 to Oct. 20"): where the first
    /// ends and the second starts (tokens).
    pub mid: Option<(usize, usize)>,
    /// The rule that read the expression (for diagnostics and the scorer).
    pub rule: &'static str,
}

impl Match {
    /// The same reading, starting earlier (at a word the rule read before it: "the",
    /// "early", a weekday).
    fn from(self, s: usize) -> Match {
        Match {
            s: s.min(self.s),
            ..self
        }
    }
}

/// A match of tokens `s..e` reading `x`.
fn found(s: usize, e: usize, x: Expr) -> Option<Match> {
    Some(Match {
        s,
        e,
        x,
        end: None,
        mid: None,
        rule: "",
    })
}

/// A rule: reads a phrase starting at token `i`, or not.
type Rule = fn(&Toks, usize) -> Option<Match>;

/// The first of `rules` that matches at `i`, labelled with its name unless a rule it
/// called named it already.
fn first_of(t: &Toks, i: usize, rules: &[(&'static str, Rule)]) -> Option<Match> {
    rules.iter().find_map(|&(name, rule)| {
        rule(t, i).map(|mut m| {
            if m.rule.is_empty() {
                // the function's name without its module path
                m.rule = name.rsplit(':').next().unwrap_or(name).trim();
            }
            m
        })
    })
}

/// `rules![a, b]`: the rules `a` and `b` with their names, for [`first_of`].
macro_rules! rules {
    ($($r:path),* $(,)?) => {
        &[$((stringify!($r), $r as crate::timex::rules::Rule)),*]
    };
}
use rules;

/// Labels a match made outside [`first_of`] with the rule's name.
fn named(name: &'static str, m: Option<Match>) -> Option<Match> {
    m.map(|mut m| {
        if m.rule.is_empty() {
            m.rule = name;
        }
        m
    })
}

/// Count in front of a unit: a number, or vague ("several") as `None`.
type Count = Option<u32>;

/// The tokens of one block of text, with the questions rules ask about them.
pub(super) struct Toks<'a> {
    pub t: &'a [Tok],
    pub text: &'a str,
    /// The reference year, for the century of a two-digit year ("'99", "FY23"); rules
    /// read it through [`Toks::year`].
    pub year: Option<i32>,
    /// A rule read `year` since this was last cleared: its match holds for that year only
    /// (a parse kept for many reference dates, `crate::timex::Parsed`, asks).
    pub year_read: std::cell::Cell<bool>,
    /// The holidays of the text's locale, longest name first.
    pub holidays: &'a [crate::timex::holidays::Name],
    /// How deep rules are nested in each other right now ("the" → "early" → "last week").
    pub depth: std::cell::Cell<u8>,
}

/// The deepest nesting of one phrase inside another that a reading may need ("from early
/// last week to ..." is four); a run of "the the the ..." stops there instead of
/// recursing once per word (which was quadratic and could overflow the stack).
const MAX_NESTING: u8 = 6;

impl Toks<'_> {
    /// The reference year, noting that the match being made depends on it.
    fn year(&self) -> Option<i32> {
        self.year_read.set(true);
        self.year
    }
    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i)?.lex
    }
    /// The function word at `i`, if it is one.
    fn word(&self, i: usize) -> Option<W> {
        match self.lex(i)? {
            Lex::Word(w) => Some(w),
            _ => None,
        }
    }
    /// Token `i` is the function word `w`.
    fn is(&self, i: usize, w: W) -> bool {
        self.word(i) == Some(w)
    }
    /// Token `i` is the punctuation `ch` (dashes read as '-', curly quotes as '\'').
    fn punct(&self, i: usize, ch: u8) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Punct && t.ch == ch)
    }
    /// Token `i` is glued to the one before it.
    fn glued(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.sp)
    }
    fn capital(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.cap)
    }
    /// A number token: (value, digit count).
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then_some((t.num, t.len()))
    }
    fn spelling(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }
    /// Token `i` is the word `w` (ASCII case ignored).
    fn spelled(&self, i: usize, w: &str) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Word)
            && self.spelling(i).eq_ignore_ascii_case(w)
    }
    /// A singular unit word ("day", "year").
    fn unit(&self, i: usize) -> Option<Unit> {
        match self.lex(i)? {
            Lex::Unit(u) => Some(u),
            _ => None,
        }
    }
    /// A plural unit word ("days", "years").
    fn units(&self, i: usize) -> Option<Unit> {
        match self.lex(i)? {
            Lex::Units(u) => Some(u),
            _ => None,
        }
    }
    /// A boundary after the phrase: punctuation, line break or end of block.
    fn ends_clause(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => t.nl || (t.kind == Kind::Punct && t.ch != b'-' && t.ch != b'\''),
        }
    }
    /// The number at `i` is a number of its own, not part of "1,990", "2019.5" or "10:30".
    fn lone_num(&self, i: usize) -> bool {
        let glued_after = self.glued(i + 1)
            && (self.punct(i + 1, b',') || self.punct(i + 1, b'.') || self.punct(i + 1, b':'))
            && self.glued(i + 2)
            && self.number(i + 2).is_some();
        let glued_before = i >= 2
            && self.glued(i)
            && (self.punct(i - 1, b',') || self.punct(i - 1, b'.') || self.punct(i - 1, b':'))
            && self.glued(i - 1)
            && self.number(i - 2).is_some();
        !glued_after && !glued_before
    }
    /// A possessive "'s" starting at token `k`, glued to the word before ("year's").
    fn apostrophe_s(&self, k: usize) -> bool {
        self.punct(k, b'\'') && self.glued(k) && self.spelled(k + 1, "s")
    }
    /// An ordinal suffix glued to a number at `k` ("12th", "3rd").
    fn ordinal_suffix(&self, k: usize) -> bool {
        self.glued(k) && matches!(self.spelling(k), "st" | "nd" | "rd" | "th")
    }
    /// A preposition or time word before token `i` ("in", "since", "early", ...): what
    /// follows is meant as a time.
    fn after_preposition(&self, i: usize) -> bool {
        matches!(
            self.word_before(i),
            Some(
                W::In
                    | W::Since
                    | W::Until
                    | W::By
                    | W::During
                    | W::Through
                    | W::From
                    | W::To
                    | W::Between
                    | W::Before
                    | W::After
                    | W::Early
                    | W::Late
                    | W::Mid
            )
        )
    }
    /// "latest" or "most recent" at `i` (the same word in reports: "the most recent
    /// quarter" is the latest one reported): the token after it.
    fn latest(&self, i: usize) -> Option<usize> {
        if self.is(i, W::Latest) {
            Some(i + 1)
        } else if self.is(i, W::Most) && self.spelled(i + 1, "recent") {
            Some(i + 2)
        } else {
            None
        }
    }
    /// The function word before token `i`.
    fn word_before(&self, i: usize) -> Option<W> {
        i.checked_sub(1).and_then(|j| self.word(j))
    }

    /// Tries every rule that can start at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Match> {
        let d = self.depth.get();
        if d >= MAX_NESTING {
            return None;
        }
        self.depth.set(d + 1);
        let m = self.rules_at(i);
        self.depth.set(d);
        m
    }

    fn rules_at(&self, i: usize) -> Option<Match> {
        let t = self.t.get(i)?;
        // The day inside a bracketed conversion ("(0100 GMT Wednesday)", "(0100 GMT Nov.
        // 6)") belongs to the time before the bracket (`clock::converted_day`).
        if clock::in_conversion(self, i) {
            return None;
        }
        match t.kind {
            Kind::Num => numbers(self, i),
            Kind::Punct if t.ch == b'\'' => years::apostrophe_year(self, i),
            Kind::Punct => None,
            Kind::Word => match t.lex {
                Some(Lex::Word(w)) => function_word(self, i, w),
                Some(l) => content_word(self, i, l),
                None => match (t.len(), self.spelling(i)) {
                    (1, "Q") => named("q_quarter", year_parts::q_quarter(self, i)),
                    (1, "H") => named("h_half", year_parts::h_half(self, i)),
                    (1, "S" | "F") => named(
                        "trade_season_slash",
                        year_parts::trade_season_slash(self, i),
                    ),
                    (2, "SS" | "AW" | "FW") => {
                        named("trade_season_code", year_parts::trade_season_code(self, i))
                    }
                    _ => None,
                },
            },
        }
    }
}

/// Phrases that start with a digit run.
fn numbers(t: &Toks, i: usize) -> Option<Match> {
    let (_, nd) = t.number(i)?;
    // "$12", "#3": money and numbers, never dates
    if i > 0 && t.glued(i) && (t.punct(i - 1, b'$') || t.punct(i - 1, b'#')) {
        return None;
    }
    if let Some(m) = first_of(t, i, rules![numeric::numeric_date, clock::wire_time]) {
        return Some(m);
    }
    if nd <= 2 {
        if let Some(m) = first_of(
            t,
            i,
            rules![
                clock::clock_time,
                month_day::day_month,
                year_parts::numbered_ordinal
            ],
        ) {
            return Some(m);
        }
    }
    if let Some(m) = first_of(
        t,
        i,
        rules![years::decade_in_digits, years::year_pair_with_slash],
    ) {
        return Some(m);
    }
    // "(1900 GMT)" converts the clock time before it
    if clock::converted_wire_time(t, i) {
        return None;
    }
    // A number that reads as a year is a year or nothing ("1990 years" is no amount).
    if years::year4(t, i).is_some() {
        return named("year_in_digits", years::year_in_digits(t, i));
    }
    first_of(t, i, rules![amounts::counted_amount])
}

/// Phrases that start with a word the lexicon knows that is not a function word.
fn content_word(t: &Toks, i: usize, l: Lex) -> Option<Match> {
    match l {
        Lex::Month(_) | Lex::MonthAbbr(_) => named("month_first", month_day::month_first(t, i)),
        Lex::Weekday(_) => named("weekday_first", month_day::weekday_first(t, i)),
        Lex::WeekdayAbbr(_) => first_of(t, i, rules![month_day::weekday_abbreviation_date]),
        Lex::Weekdays(_) => first_of(t, i, rules![sets::plural_weekday]),
        Lex::Season(_) => named("season", year_parts::season(t, i)),
        Lex::Unit(Unit::Second) => named("ordinal_part", year_parts::ordinal_part(t, i, 2)),
        Lex::Unit(Unit::Year) => first_of(
            t,
            i,
            rules![
                year_parts::year_end,
                reports::year_earlier_adjective,
                amounts::unit_long
            ],
        ),
        Lex::Units(_) => first_of(t, i, rules![amounts::vague_amount]),
        Lex::Unit(_) => first_of(t, i, rules![amounts::unit_long]),
        Lex::Num(_) => first_of(
            t,
            i,
            rules![
                year_parts::compound_ordinal,
                years::spelled_year_alone,
                amounts::counted_amount
            ],
        ),
        Lex::DecadeW(_) => first_of(t, i, rules![years::decade_word]),
        // "the Fourth of July"
        Lex::Ord(n) => first_of(t, i, rules![holidays::holiday])
            .or_else(|| named("ordinal_part", year_parts::ordinal_part(t, i, n))),
        _ => None,
    }
}

/// Phrases that start with a function or trigger word ("the", "last", "today", ...).
fn function_word(t: &Toks, i: usize, w: W) -> Option<Match> {
    use W::*;
    match w {
        The => relative::after_the(t, i),
        Last | Next | This | Past | Previous | Coming | Following | Latest => {
            relative::relative(t, i, false)
        }
        Most if t.latest(i).is_some() => relative::relative(t, i, false),
        Current => first_of(t, i, rules![vague::current]),
        Today | Yesterday | Tomorrow => first_of(t, i, rules![relative::named_day]),
        Tonight => first_of(t, i, rules![relative::tonight]),
        Now | Currently | Nowadays => first_of(t, i, rules![vague::now]),
        Recently | Lately => first_of(t, i, rules![vague::recently]),
        These => first_of(t, i, rules![vague::these_days]),
        Early | Mid | Late => first_of(t, i, rules![spans::early_mid_late]),
        End | Beginning | Start | Middle => first_of(t, i, rules![spans::end_or_start_of]),
        Later | Earlier => first_of(t, i, rules![relative::later_or_earlier_in]),
        That => first_of(t, i, rules![relative::that_unit]),
        Daily | Weekly | Monthly | Annually | Hourly => first_of(t, i, rules![sets::adverb]),
        Every | Each => first_of(t, i, rules![sets::every]),
        Fiscal => first_of(t, i, rules![years::fiscal_year]),
        Noon | Midnight | Midday => first_of(t, i, rules![clock::noon_or_midnight]),
        Holiday => first_of(t, i, rules![holidays::holiday]),
        From | Between => first_of(t, i, rules![spans::range]),
        A => first_of(
            t,
            i,
            rules![
                year_parts::trade_season_slash,
                vague::a_later_date,
                amounts::counted_amount
            ],
        ),
        Several | Few | Many | Couple => first_of(t, i, rules![amounts::counted_amount]),
        _ => None,
    }
}

/// Can this expression be placed on a calendar (modifiers and ranges accept only these)?
fn date_ish(x: &Expr) -> bool {
    matches!(
        x,
        Expr::Date { .. }
            | Expr::DateRelYear { .. }
            | Expr::Year(_)
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::YearPart { .. }
            | Expr::Weekday { .. }
            | Expr::AnchorWeekday { .. }
            | Expr::MonthRel { .. }
            | Expr::SeasonRel { .. }
            | Expr::AnchorSeason { .. }
            | Expr::RefShift { .. }
            | Expr::AnchorShift { .. }
            | Expr::QuarterOfYear(_)
            | Expr::RelYearPart { .. }
    )
}

/// Does this expression name one whole month ("June", "March 2014", "June last year",
/// "next month")?
fn month_ish(x: &Expr) -> bool {
    matches!(
        x,
        Expr::Date { d: None, .. }
            | Expr::DateRelYear { d: None, .. }
            | Expr::MonthRel { .. }
            | Expr::RefShift {
                gran: Unit::Month,
                ..
            }
    )
}

/// The reference day shifted by `n` days.
fn days_from_reference(n: i32) -> Expr {
    Expr::RefShift {
        n,
        unit: Unit::Day,
        gran: Unit::Day,
    }
}
