//! Small hand-written matchers, each started at a trigger token (a number, or a word the
//! lexicon knows), that read a temporal phrase off the token array and say what it means
//! as an [`Expr`]. Nothing here knows the reference date; see `resolve`.

use super::lexicon::{Lex, Part, Unit, W};
use super::resolve::{Expr, Rel, Tod, YP};
use super::scan::{Kind, Tok};

/// A match: tokens `s..e`, the expression, and for ranges the end point.
#[derive(Debug)]
pub struct Cand {
    pub s: usize,
    pub e: usize,
    pub x: Expr,
    pub end: Option<Expr>,
    /// A range written as two expressions ("from Aug. 26 to Oct. 20"): where the first
    /// ends and the second starts (tokens).
    pub mid: Option<(usize, usize)>,
}

fn c(s: usize, e: usize, x: Expr) -> Option<Cand> {
    Some(Cand {
        s,
        e,
        x,
        end: None,
        mid: None,
    })
}

/// Count in front of a unit: a number, or vague ("several") as `None`.
type Count = Option<u32>;

pub struct P<'a> {
    pub t: &'a [Tok],
    pub text: &'a str,
}

impl<'a> P<'a> {
    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i)?.lex
    }
    fn w(&self, i: usize) -> Option<W> {
        match self.lex(i)? {
            Lex::Word(w) => Some(w),
            _ => None,
        }
    }
    fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }
    fn p(&self, i: usize, ch: u8) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Punct && t.ch == ch)
    }
    /// Token `i` is glued to the one before it.
    fn adj(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.sp)
    }
    fn cap(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.cap)
    }
    /// A number token: (value, digit count).
    fn n(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then_some((t.num, t.len()))
    }
    fn s(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Word)
            && self.s(i).eq_ignore_ascii_case(w)
    }
    fn unit(&self, i: usize) -> Option<Unit> {
        match self.lex(i)? {
            Lex::Unit(u) => Some(u),
            _ => None,
        }
    }
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
        let glued_after = self.adj(i + 1)
            && (self.p(i + 1, b',') || self.p(i + 1, b'.') || self.p(i + 1, b':'))
            && self.adj(i + 2)
            && self.n(i + 2).is_some();
        let glued_before = i >= 2
            && self.adj(i)
            && (self.p(i - 1, b',') || self.p(i - 1, b'.') || self.p(i - 1, b':'))
            && self.adj(i - 1)
            && self.n(i - 2).is_some();
        !glued_after && !glued_before
    }

    /// Tries every matcher that can start at token `i`.
    pub fn parse_at(&self, i: usize) -> Option<Cand> {
        let t = self.t.get(i)?;
        match t.kind {
            Kind::Num => self.num_led(i),
            Kind::Punct => {
                if t.ch == b'\'' {
                    self.apos_year(i)
                } else {
                    None
                }
            }
            Kind::Word => match t.lex {
                Some(l) => self.word_led(i, l),
                None => match (t.len(), self.s(i)) {
                    (1, "Q") => self.q_quarter(i),
                    (1, "H") => self.h_half(i),
                    _ => None,
                },
            },
        }
    }

    fn word_led(&self, i: usize, l: Lex) -> Option<Cand> {
        match l {
            Lex::Month(_) | Lex::MonthAbbr(_) => self.month_led(i),
            Lex::Weekday(_) => self.weekday_led(i),
            Lex::WeekdayAbbr(_) => {
                if !self.cap(i) {
                    return None;
                }
                let mut k = i + 1;
                if self.p(k, b'.') {
                    k += 1;
                }
                if self.p(k, b',') {
                    k += 1;
                }
                let m = self.month_led(k).or_else(|| self.num_led(k))?;
                matches!(m.x, Expr::Date { d: Some(_), .. }).then_some(Cand { s: i, ..m })
            }
            Lex::Weekdays(w) => {
                if !self.cap(i) {
                    return None;
                }
                if let Some(Lex::Parts(p) | Lex::Part(p)) = self.lex(i + 1) {
                    return c(i, i + 2, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())));
                }
                c(i, i + 1, Expr::Set(format!("XXXX-WXX-{w}")))
            }
            Lex::Season(_) => self.season_led(i),
            Lex::Unit(Unit::Second) => self.ord_led(i, 2),
            Lex::Unit(Unit::Year) => {
                // "year-end", "year end", "year's end": the end of the current year
                let mut k = i + 1;
                if self.p(k, b'-') && self.adj(k) {
                    k += 1;
                } else if self.p(k, b'\'') && self.word_is(k + 1, "s") {
                    k += 2;
                }
                if self.is(k, W::End) && !self.is(k + 1, W::Of) && k == i + 2 && self.p(i + 1, b'-')
                {
                    // "by year-end" is the last day of the year (TimeBank: 2 of 2); "since
                    // year-end" the one before.
                    let since = i > 0 && self.is(i - 1, W::Since);
                    return c(
                        i,
                        k + 1,
                        Expr::DateRelYear {
                            m: 12,
                            d: Some(31),
                            n: if since { -1 } else { 0 },
                        },
                    );
                }
                if self.is(k, W::End) && !self.is(k + 1, W::Of) {
                    return c(
                        i,
                        k + 1,
                        Expr::RefShift {
                            n: 0,
                            unit: Unit::Year,
                            gran: Unit::Year,
                        },
                    );
                }
                // "year-earlier", "year-ago" (adjectives in earnings reports)
                if self.p(i + 1, b'-') && self.adj(i + 1) && self.adj(i + 2) {
                    let n = match self.w(i + 2) {
                        Some(W::Earlier) => -1,
                        Some(W::Ago) => -1,
                        _ => return None,
                    };
                    let mut e = i + 3;
                    // "the year-earlier nine months": the count is the expression
                    if self.units(e + 1) == Some(Unit::Month)
                        && matches!(self.lex(e), Some(Lex::Num(_)))
                    {
                        return None;
                    }
                    // "year-ago third quarter"
                    if matches!(self.lex(e), Some(Lex::Ord(1..=4) | Lex::Unit(Unit::Second)))
                        && self.unit(e + 1) == Some(Unit::Quarter)
                    {
                        e += 1;
                    }
                    let q = self.unit(e) == Some(Unit::Quarter) || self.is(e, W::Period);
                    if q {
                        e += 1;
                    }
                    // The adjective compares with the period being reported, not with the
                    // last year named ("Last year losses were $5 million ... The
                    // year-earlier results have been restated").
                    let x = Expr::YearAgo {
                        n,
                        anchored: false,
                        q,
                    };
                    return c(i, e, x);
                }
                None
            }
            Lex::Units(u) => {
                // "for years", "in weeks": a vague duration
                let prev = i.checked_sub(1).and_then(|j| self.w(j));
                if matches!(prev, Some(W::For | W::Over | W::Within | W::In))
                    && !self.is(i + 1, W::Of)
                    && !self.is(i + 1, W::Old)
                    && !matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter)
                {
                    return c(i, i + 1, Expr::Duration(dur(None, u, false)));
                }
                None
            }
            Lex::Num(v) if (20..=90).contains(&v) && self.p(i + 1, b'-') && self.adj(i + 2) => {
                match self.lex(i + 2) {
                    Some(Lex::Ord(o)) if o < 10 => {
                        let m = self.ord_led(i + 2, v + o)?;
                        Some(Cand { s: i, ..m })
                    }
                    _ => self.count_led(i),
                }
            }
            Lex::Num(_) => match self.spelled_year(i) {
                Some((e, y)) => c(i, e, Expr::Year(y)),
                None => self.count_led(i),
            },
            Lex::DecadeW(d) => {
                let prev = i.checked_sub(1).and_then(|j| self.w(j));
                if matches!(prev, Some(W::Early | W::Late | W::Mid | W::The)) {
                    return c(i, i + 1, Expr::Decade(190 + d as i32));
                }
                None
            }
            Lex::Ord(n) => self.ord_led(i, n),
            Lex::Word(w) => self.w_led(i, w),
            _ => None,
        }
    }

    fn w_led(&self, i: usize, w: W) -> Option<Cand> {
        use W::*;
        match w {
            The => {
                let j = i + 1;
                // "the year ended Sept. 30" is a fiscal period; "the full year" this year.
                let mut y = j;
                if self.is(y, Full) || self.is(y, Latest) || self.is(y, Current) {
                    y += 1;
                }
                if self.is(y, Fiscal) {
                    y += 1;
                }
                // (not "the last half of the '80s", a half of something else)
                if let Some((e, h)) = self.half_in_other_words(j) {
                    let (e, y) = self.maybe_year_after(e);
                    if y.is_some() || !self.is(e, Of) {
                        return c(i, e, Expr::YearPart { y, p: YP::H(h) });
                    }
                }
                if self.unit(y) == Some(Unit::Year) {
                    if self.is(y + 1, Ended) {
                        return c(i, y + 1, Expr::Duration("P1Y".into()));
                    }
                    if let Some((e, yr)) = self.spelled_year(y + 1) {
                        return c(i, e, Expr::Year(yr));
                    }
                    // "for the year, volume was flat", "a high for the year": the current
                    // year, when nothing after it makes it a different one.
                    let bare = y == j
                        && (self.ends_clause(y + 1) || self.is(y + 1, Of))
                        && !self.p(y + 1, b'-')
                        && !self.p(y + 1, b'\'');
                    if y > j || bare {
                        let n = if self.is(j, Latest) { -1 } else { 0 };
                        return c(
                            i,
                            y + 1,
                            Expr::RefShift {
                                n,
                                unit: Unit::Year,
                                gran: Unit::Year,
                            },
                        );
                    }
                }
                // "in the near future", "the near term", "the short term" (but not the
                // adjectives "near-term", "short-term", nor "the long run")
                let near = self.word_is(j, "near")
                    && (self.is(j + 1, Future) || self.word_is(j + 1, "term"));
                let short = self.word_is(j, "short") && self.word_is(j + 1, "term");
                if (near || short) && !self.p(j + 2, b'-') {
                    return c(i, j + 2, Expr::Ref("FUTURE_REF"));
                }
                // "Oct. 12, the day before the crash": a second name for the date just
                // given
                if self.unit(j) == Some(Unit::Day)
                    && matches!(self.w(j + 1), Some(Before | After))
                    && i >= 2
                    && self.p(i - 1, b',')
                    && (self
                        .n(i - 2)
                        .is_some_and(|(d, nd)| nd <= 2 && (1..=31).contains(&d))
                        || matches!(self.lex(i - 2), Some(Lex::Weekday(_))))
                    && !matches!(self.w(j + 2), Some(Tomorrow | Yesterday))
                {
                    return c(
                        i,
                        j + 1,
                        Expr::AnchorShift {
                            n: 0,
                            unit: Unit::Day,
                            gran: Unit::Day,
                        },
                    );
                }
                // "the year before, sales had dropped", "the day after.": a step from the
                // date last named (not "the day before the vote", counted from an event)
                if let (Some(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)), Some(w)) =
                    (self.unit(j), self.w(j + 1))
                {
                    let bare = self.t.get(j + 2).is_none_or(|t| {
                        t.kind == Kind::Punct && matches!(t.ch, b',' | b'.' | b';')
                    });
                    // "the year before last"
                    if w == Before && self.is(j + 2, Last) && self.parse_at(j + 2).is_none() {
                        return c(
                            i,
                            j + 3,
                            Expr::RefShift {
                                n: -2,
                                unit: u,
                                gran: u,
                            },
                        );
                    }
                    if matches!(w, Before | After) && bare {
                        let n = if w == Before { -1 } else { 1 };
                        return c(
                            i,
                            j + 2,
                            Expr::AnchorShift {
                                n,
                                unit: u,
                                gran: u,
                            },
                        );
                    }
                }
                // "the day after tomorrow", "the day before yesterday"
                if self.unit(j) == Some(Unit::Day) {
                    let n = match (self.w(j + 1), self.w(j + 2)) {
                        (Some(After), Some(Tomorrow)) => 2,
                        (Some(Before), Some(Yesterday)) => -2,
                        _ => 0,
                    };
                    if n != 0 {
                        return c(
                            i,
                            j + 3,
                            Expr::RefShift {
                                n,
                                unit: Unit::Day,
                                gran: Unit::Day,
                            },
                        );
                    }
                    // "the day before last Tuesday's hearing", "the day after Sept. 12"
                    if let (Some(w @ (After | Before)), Some(b)) =
                        (self.w(j + 1), self.day_base(j + 2))
                    {
                        let n = if w == After { 1 } else { -1 };
                        return c(
                            i,
                            b.e,
                            Expr::Shifted {
                                base: Box::new(b.x),
                                n,
                                unit: Unit::Day,
                            },
                        );
                    }
                }
                if let Some(Lex::DecadeW(d)) = self.lex(j) {
                    return c(i, j + 1, Expr::Decade(190 + d as i32));
                }
                if let Some(m) = self.year_ago_period(i, j) {
                    return Some(m);
                }
                if self.unit(j) == Some(Unit::Quarter) && !self.is(j + 1, Of) {
                    return c(i, j + 1, Expr::ReportQuarter);
                }
                if self.unit(j) == Some(Unit::Weekend) {
                    return c(i, j + 1, Expr::TheWeekend);
                }
                // "the week of March 6"
                if self.unit(j) == Some(Unit::Week) && self.is(j + 1, Of) {
                    if let Some(m) = self.parse_at(j + 2) {
                        if m.end.is_none() && matches!(m.x, Expr::Date { d: Some(_), .. }) {
                            return c(i, m.e, Expr::WeekOf(Box::new(m.x)));
                        }
                    }
                }
                let m = match self.w(j) {
                    Some(
                        Last | Next | This | Past | Previous | Coming | Following | Current
                        | Latest,
                    ) => self.rel_led(j, true),
                    Some(Same) if self.unit(j + 1) == Some(Unit::Day) => c(
                        j,
                        j + 2,
                        Expr::AnchorShift {
                            n: 0,
                            unit: Unit::Day,
                            gran: Unit::Day,
                        },
                    ),
                    Some(Future) => c(j, j + 1, Expr::Ref("FUTURE_REF")),
                    _ => self.parse_at(j),
                }?;
                let keep_the = !matches!(
                    m.x,
                    Expr::Date { .. }
                        | Expr::Year(_)
                        | Expr::Weekday { .. }
                        | Expr::MonthRel { .. }
                        | Expr::Set(_)
                        | Expr::Thanksgiving(_)
                        | Expr::ElectionDay
                        | Expr::Time { .. }
                ) && m.end.is_none();
                Some(if keep_the { Cand { s: i, ..m } } else { m })
            }
            Last | Next | This | Past | Previous | Coming | Following | Latest => {
                self.rel_led(i, false)
            }
            // "the then current price": current at a past time.
            Current => self.rel_led(i, false).or_else(|| {
                let then = i > 0 && self.word_is(i - 1, "then");
                c(
                    i,
                    i + 1,
                    Expr::Ref(if then { "PAST_REF" } else { "PRESENT_REF" }),
                )
            }),
            Today | Yesterday | Tomorrow => {
                // "the people of tomorrow", "many of today's computers", "in today's
                // world": the present or future age in general, not a day ("for today's
                // quiz" is a day).
                const AGE: [&str; 12] = [
                    "world",
                    "society",
                    "youth",
                    "young",
                    "children",
                    "generation",
                    "economy",
                    "standards",
                    "culture",
                    "technology",
                    "era",
                    "times",
                ];
                let after_of_for = i > 0 && matches!(self.w(i - 1), Some(Of | For));
                let possessive = self.p(i + 1, b'\'') && self.word_is(i + 2, "s");
                let after_of = i > 0 && self.is(i - 1, Of);
                let age = possessive && (after_of || AGE.iter().any(|n| self.word_is(i + 3, n)));
                if age || (after_of_for && w == Tomorrow && self.ends_clause(i + 1)) {
                    return None;
                }
                // "USA Today", "This is VOA Today": a capitalised "Today" right after a
                // capitalised name is a title.
                let title = w == Today
                    && self.cap(i)
                    && i > 0
                    && !self.t[i].nl
                    && self.t[i - 1].kind == Kind::Word
                    && self.cap(i - 1)
                    && self.lex(i - 1).is_none();
                if title {
                    return None;
                }
                let n = match w {
                    Yesterday => -1,
                    Tomorrow => 1,
                    _ => 0,
                };
                let day = Expr::RefShift {
                    n,
                    unit: Unit::Day,
                    gran: Unit::Day,
                };
                if let Some(Lex::Part(p)) = self.lex(i + 1) {
                    return c(
                        i,
                        i + 2,
                        Expr::Time {
                            day: Some(Box::new(day)),
                            tod: Tod::Part(p),
                        },
                    );
                }
                c(i, i + 1, day)
            }
            Tonight => c(
                i,
                i + 1,
                Expr::Time {
                    day: Some(Box::new(Expr::RefShift {
                        n: 0,
                        unit: Unit::Day,
                        gran: Unit::Day,
                    })),
                    tod: Tod::Part(Part::Night),
                },
            ),
            Now | Currently | Nowadays => {
                if self.p(i + 1, b'-') && self.adj(i + 1) {
                    return None; // "now-defunct"
                }
                c(i, i + 1, Expr::Ref("PRESENT_REF"))
            }
            // "previously", "soon" and bare "future" are tagged far less often than they
            // occur (measured on TimeBank), so only the reliable vague words are kept.
            Recently | Lately => c(i, i + 1, Expr::Ref("PAST_REF")),
            // "these days": the present
            These if self.units(i + 1) == Some(Unit::Day) => c(i, i + 2, Expr::Ref("PRESENT_REF")),
            // "it soon will begin", "may soon seek": an event ahead; not "as soon as",
            // "soon after", nor a narrated past ("was soon released", "soon became").
            Soon => {
                let past = |k: usize| {
                    self.t.get(k).is_some_and(|t| {
                        t.ed || matches!(t.lex, Some(Lex::Word(Was | Said | Ended)))
                    })
                };
                let linked = (i > 0 && (self.is(i - 1, W::Than) || self.word_is(i - 1, "as")))
                    || matches!(self.w(i + 1), Some(After | Than))
                    || self.word_is(i + 1, "as")
                    || self.word_is(i + 1, "afterward");
                if linked || (i > 0 && past(i - 1)) || past(i + 1) || self.cap(i) {
                    return None;
                }
                c(i, i + 1, Expr::Ref("FUTURE_REF"))
            }
            Recent => {
                if i > 0 && matches!(self.w(i - 1), Some(The | Most)) {
                    return None; // "the recent talks": an adjective
                }
                match self.units(i + 1) {
                    // "in recent months", "recent quarters": annotated as a vague
                    // duration (TimeBank: 3 of 3); "recent years/days" as the past.
                    Some(u @ (Unit::Month | Unit::Quarter)) => {
                        return c(i, i + 2, Expr::Duration(dur(None, u, false)));
                    }
                    Some(_) => return c(i, i + 2, Expr::Ref("PAST_REF")),
                    None => {}
                }
                c(i, i + 1, Expr::Ref("PAST_REF"))
            }
            Early | Mid | Late => {
                let mut k = i + 1;
                if self.p(k, b'-') && self.adj(k) {
                    k += 1;
                }
                // "mid-afternoon yesterday", "by mid afternoon": a part of a day
                if let Some(Lex::Part(p)) = self.lex(k) {
                    let (e, day) = match self.day_core(k + 1) {
                        Some((e, d)) => (e, Some(Box::new(d))),
                        None => (k + 1, None),
                    };
                    let tod = Tod::Part(p);
                    return c(i, e, Expr::Time { day, tod });
                }
                let m = match self.w(k) {
                    Some(Last | Next | This) => self.rel_led(k, false),
                    _ => self.parse_at(k),
                }?;
                date_ish(&m.x).then_some(Cand { s: i, ..m })
            }
            End | Beginning | Start | Middle => {
                if !self.is(i + 1, Of) {
                    return None;
                }
                let mut k = i + 2;
                if self.is(k, The) {
                    if let Some(u) = self.unit(k + 1) {
                        if matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter) {
                            return c(
                                i,
                                k + 2,
                                Expr::RefShift {
                                    n: 0,
                                    unit: u,
                                    gran: u,
                                },
                            );
                        }
                    }
                    k += 1;
                }
                let m = match self.w(k) {
                    Some(Last | Next | This) => self.rel_led(k, false),
                    _ => self.parse_at(k),
                }?;
                date_ish(&m.x).then_some(Cand { s: i, ..m })
            }
            Later | Earlier => {
                let m = match self.w(i + 1) {
                    Some(This | Last | Next) => self.rel_led(i + 1, false)?,
                    Some(That) => self.that_unit(i + 1)?,
                    // "earlier in the year", "later in the month": the period last talked
                    // about (the reference one when none was); "later in the day" is
                    // seldom annotated.
                    Some(In) if self.is(i + 2, The) => {
                        let u = self.unit(i + 3)?;
                        if !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                            return None;
                        }
                        let x = Expr::AnchorShift {
                            n: 0,
                            unit: u,
                            gran: u,
                        };
                        return c(i, i + 4, x);
                    }
                    _ => return None,
                };
                matches!(m.x, Expr::RefShift { .. } | Expr::AnchorShift { .. })
                    .then_some(Cand { s: i, ..m })
            }
            That => self.that_unit(i),
            Daily => {
                if self.cap(i + 1) {
                    return None; // "the Party daily Granma": a newspaper
                }
                c(i, i + 1, Expr::Set("P1D".into()))
            }
            Weekly => c(i, i + 1, Expr::Set("P1W".into())),
            Monthly => c(i, i + 1, Expr::Set("P1M".into())),
            Annually => c(i, i + 1, Expr::Set("P1Y".into())),
            Hourly => c(i, i + 1, Expr::Set("PT1H".into())),
            Every | Each => self.set_led(i),
            Fiscal => {
                let mut k = i + 1;
                if self.unit(k) == Some(Unit::Year) {
                    k += 1;
                }
                // "FY2023", "FY23": a year glued to the abbreviation
                let glued = match self.n(k) {
                    Some((v, nd))
                        if self.t[i].len() == 2
                            && self.adj(k)
                            && !(self.adj(k + 1)
                                && self.t.get(k + 1).is_some_and(|t| t.kind != Kind::Punct)) =>
                    {
                        match nd {
                            2 if v < 70 => Some(2000 + v as i32),
                            2 => Some(1900 + v as i32),
                            4 if (1900..=2099).contains(&v) => Some(v as i32),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(y) = glued.or_else(|| self.year4(k)) {
                    if let Some(m) = self.ord_after_year(i, k + 1, y) {
                        return Some(m);
                    }
                    return c(i, k + 1, Expr::Year(y));
                }
                let m = self.parse_at(k)?;
                matches!(m.x, Expr::YearPart { .. }).then_some(Cand { s: i, ..m })
            }
            Noon | Midnight | Midday => {
                if self.cap(i) || (i > 0 && self.word_is(i - 1, "high")) {
                    return None; // "High Noon"
                }
                let (h, mi) = if w == Midnight { (24, 0) } else { (12, 0) };
                let (e, day) = match self.day_core(i + 1) {
                    Some((e, d)) => (e, Some(Box::new(d))),
                    None => (i + 1, None),
                };
                c(
                    i,
                    e,
                    Expr::Time {
                        day,
                        tod: Tod::Clock(h, mi),
                    },
                )
            }
            Christmas if self.cap(i) => {
                let (e, d) = if self.is(i + 1, Eve) {
                    (i + 2, 24)
                } else if self.unit(i + 1) == Some(Unit::Day) {
                    (i + 2, 25)
                } else {
                    (i + 1, 25)
                };
                let (e, y) = self.maybe_year_after(e);
                c(
                    i,
                    e,
                    Expr::Date {
                        y,
                        m: 12,
                        d: Some(d),
                    },
                )
            }
            Halloween if self.cap(i) => c(
                i,
                i + 1,
                Expr::Date {
                    y: None,
                    m: 10,
                    d: Some(31),
                },
            ),
            Easter if self.cap(i) => {
                // "Easter Sunday", "Easter Monday", "Easter week"; not "Easter Island" nor
                // "the Easter Rising" (a capitalised name follows).
                let (e, off) = match self.lex(i + 1) {
                    Some(Lex::Weekday(7)) => (i + 2, 0),
                    Some(Lex::Weekday(1)) => (i + 2, 1),
                    _ if self.unit(i + 1) == Some(Unit::Day) => (i + 2, 0),
                    _ if self.cap(i + 1)
                        && self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word) =>
                    {
                        return None
                    }
                    _ => (i + 1, 0),
                };
                let (e, y) = self.maybe_year_after(e);
                let day = Expr::Easter { y, off };
                if off == 0 && e == i + 1 && self.unit(e) == Some(Unit::Week) && !self.cap(e) {
                    return c(i, e + 1, Expr::WeekOf(Box::new(day)));
                }
                c(i, e, day)
            }
            Thanksgiving if self.cap(i) => {
                let e = if self.unit(i + 1) == Some(Unit::Day) {
                    i + 2
                } else {
                    i + 1
                };
                c(i, e, Expr::Thanksgiving(None))
            }
            Election if self.cap(i) && self.cap(i + 1) && self.unit(i + 1) == Some(Unit::Day) => {
                c(i, i + 2, Expr::ElectionDay)
            }
            New if self.cap(i) => {
                // New Year's Day / Eve
                if self.unit(i + 1) != Some(Unit::Year) || !self.cap(i + 1) {
                    return None;
                }
                let mut k = i + 2;
                if self.p(k, b'\'') && self.word_is(k + 1, "s") {
                    k += 2;
                }
                if self.is(k, Eve) {
                    return c(
                        i,
                        k + 1,
                        Expr::Date {
                            y: None,
                            m: 12,
                            d: Some(31),
                        },
                    );
                }
                if self.unit(k) == Some(Unit::Day) {
                    return c(
                        i,
                        k + 1,
                        Expr::Date {
                            y: None,
                            m: 1,
                            d: Some(1),
                        },
                    );
                }
                None
            }
            From | Between => {
                let a = self.parse_at(i + 1)?;
                if !date_ish(&a.x) || a.end.is_some() {
                    return None;
                }
                let k = a.e;
                let ok = if w == From {
                    matches!(self.w(k), Some(To | Through | Until)) || self.p(k, b'-')
                } else {
                    self.is(k, And)
                };
                if !ok {
                    return None;
                }
                let b = self.parse_at(k + 1)?;
                if !date_ish(&b.x) || b.end.is_some() {
                    return None;
                }
                let start = inherit_year(a.x, &b.x);
                Some(Cand {
                    s: a.s,
                    e: b.e,
                    x: start,
                    end: Some(b.x),
                    mid: Some((a.e, b.s)),
                })
            }
            // "at a later date", "at a future time": some time ahead
            A if (self.is(i + 1, Later) || self.is(i + 1, Future))
                && (self.word_is(i + 2, "date") || self.word_is(i + 2, "time")) =>
            {
                c(i, i + 3, Expr::Ref("FUTURE_REF"))
            }
            A | Several | Few | Many | Couple => self.count_led(i),
            _ => None,
        }
    }

    /// "that year", "that same day", "that quarter": the unit of the last date mentioned.
    fn that_unit(&self, i: usize) -> Option<Cand> {
        let mut k = i + 1;
        if self.is(k, W::Same) {
            k += 1;
        }
        let u = self.unit(k)?;
        if !matches!(u, Unit::Day | Unit::Month | Unit::Quarter | Unit::Year) {
            return None;
        }
        c(
            i,
            k + 1,
            Expr::AnchorShift {
                n: 0,
                unit: u,
                gran: u,
            },
        )
    }

    /// "the quarter a year ago", "the corresponding period last year", "the comparable
    /// year-ago quarter": the reported quarter one year back. `i` is "the", `j` after it.
    fn year_ago_period(&self, i: usize, j: usize) -> Option<Cand> {
        let mut k = j;
        let qualified = matches!(self.w(k), Some(W::Comparable | W::Same));
        if qualified {
            k += 1;
        }
        if let Some(Lex::Unit(Unit::Year)) = self.lex(k) {
            let m = self.parse_at(k)?;
            return matches!(m.x, Expr::YearAgo { q: true, .. }).then_some(Cand { s: i, ..m });
        }
        if self.unit(k) != Some(Unit::Quarter) && !(qualified && self.is(k, W::Period)) {
            return None;
        }
        k += 1;
        let e = if self.is(k, W::Last) && self.unit(k + 1) == Some(Unit::Year) {
            k + 2
        } else if self.is(k, W::A)
            && self.unit(k + 1) == Some(Unit::Year)
            && matches!(self.w(k + 2), Some(W::Ago | W::Earlier))
        {
            k + 3
        } else {
            return None;
        };
        c(
            i,
            e,
            Expr::YearAgo {
                n: -1,
                anchored: false,
                q: true,
            },
        )
    }

    /// "this year's third quarter", "next year's first half", "last year's quarter";
    /// `k` is the token "year".
    fn year_s_part(&self, i: usize, k: usize, n: i32) -> Option<Cand> {
        if !self.apostrophe_s(k + 1) {
            return None;
        }
        let j = k + 3;
        let ord = match self.lex(j)? {
            Lex::Ord(o) => Some(o),
            Lex::Unit(Unit::Second) => Some(2),
            Lex::Unit(Unit::Quarter) => None,
            Lex::Word(W::Period) => None,
            _ => return None,
        };
        match ord {
            Some(o) => match self.ord_led(j, o)?.x {
                Expr::YearPart { y: None, p } => {
                    let m = self.ord_led(j, o)?;
                    c(i, m.e, Expr::RelYearPart { n, p: Some(p) })
                }
                _ => None,
            },
            None => c(i, j + 1, Expr::RelYearPart { n, p: None }),
        }
    }

    /// "last week", "next Monday", "this fall", "the past two years", "the following day".
    fn rel_led(&self, i: usize, the: bool) -> Option<Cand> {
        use W::*;
        let mut w = self.w(i)?;
        let mut k = i + 1;
        // "this past Sunday", "this coming week"
        if w == This && matches!(self.w(k), Some(Past | Coming)) {
            w = if self.is(k, Past) { Last } else { Next };
            k += 1;
        }
        if matches!(w, Past | Last | Next | Coming | Previous | Following) {
            if let Some((e, n, u, half, hyph)) = self.count_unit(k) {
                if !hyph {
                    return c(i, e, Expr::Duration(dur(n, u, half)));
                }
            }
        }
        // "ABC's \"This Week\"": a title-case unit inside a sentence names a programme.
        if self.cap(i) && self.cap(k) && !self.t[i].nl && i > 0 && self.p(i - 1, b'"') {
            return None;
        }
        let rel = match w {
            Last | Previous => Rel::Last,
            Next | Coming | Following => Rel::Next,
            _ => Rel::This,
        };
        if !the && self.unit(k) == Some(Unit::Year) {
            let n = match w {
                Last | Previous | Past => Some(-1),
                This | Current => Some(0),
                Next | Coming => Some(1),
                _ => None,
            };
            if let Some(m) = n.and_then(|n| self.year_s_part(i, k, n)) {
                return Some(m);
            }
        }
        match self.lex(k) {
            Some(Lex::Unit(u)) => {
                let shift = |n| {
                    Some(Expr::RefShift {
                        n,
                        unit: u,
                        gran: u,
                    })
                };
                let anch = |n| {
                    Some(Expr::AnchorShift {
                        n,
                        unit: u,
                        gran: u,
                    })
                };
                let x = if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                    match w {
                        Past | Last | Next | Coming => Some(Expr::Duration(dur(Some(1), u, false))),
                        _ => None,
                    }
                } else if w == Latest {
                    (u == Unit::Quarter).then_some(Expr::ReportQuarter)
                } else if w == This && u == Unit::Quarter && self.apostrophe_s(k + 1) {
                    // "This quarter's loss includes ...": the quarter the report is about
                    Some(Expr::ReportQuarter)
                } else if the {
                    match w {
                        Following => anch(1),
                        Next if u == Unit::Day => anch(1),
                        Previous => anch(-1),
                        // "the past year", "the last decade": annotated as the previous
                        // calendar unit, like "last year" (TimeBank: 4 of 5)
                        Past | Last => shift(-1),
                        Next | Coming => shift(1),
                        This | Current => shift(0),
                        _ => None,
                    }
                } else if u == Unit::Day {
                    match w {
                        Following | Next => anch(1),
                        Previous => anch(-1),
                        _ => None,
                    }
                } else {
                    match w {
                        Last | Previous | Past => shift(-1),
                        This | Current => shift(0),
                        Next | Coming => shift(1),
                        Following => anch(1),
                        _ => None,
                    }
                }?;
                c(i, k + 1, x)
            }
            Some(Lex::Units(u)) if the && matches!(w, Past | Coming) => {
                c(i, k + 1, Expr::Duration(dur(None, u, false)))
            }
            // "in coming months", "in past years": without the article, the vague future
            // or past rather than a stretch of time
            Some(Lex::Units(_)) if matches!(w, Past | Coming) => c(
                i,
                k + 1,
                Expr::Ref(if w == Past { "PAST_REF" } else { "FUTURE_REF" }),
            ),
            // "the next morning", "the following evening": the day after the last one named
            Some(Lex::Part(_)) if the && matches!(w, Next | Following) => c(
                i,
                k + 1,
                Expr::AnchorShift {
                    n: 1,
                    unit: Unit::Day,
                    gran: Unit::Day,
                },
            ),
            Some(Lex::Weekday(d)) if self.cap(k) && the && matches!(w, Previous | Following) => {
                let dir = if w == Previous { -1 } else { 1 };
                c(i, k + 1, Expr::AnchorWeekday { w: d as u32, dir })
            }
            Some(Lex::Weekday(d))
                if self.cap(k) && matches!(w, Last | Next | This | Coming | Previous) =>
            {
                let x = Expr::Weekday { w: d as u32, rel };
                if let Some(Lex::Part(p)) = self.lex(k + 1) {
                    return c(
                        i,
                        k + 2,
                        Expr::Time {
                            day: Some(Box::new(x)),
                            tod: Tod::Part(p),
                        },
                    );
                }
                c(i, k + 1, x)
            }
            Some(Lex::Month(m)) if self.cap(k) && matches!(w, Last | Next | This) => {
                c(i, k + 1, Expr::MonthRel { m: m as u32, rel })
            }
            Some(Lex::Season(s)) if matches!(w, Last | Next | This | Past | Coming) => {
                c(i, k + 1, Expr::SeasonRel { s, rel })
            }
            Some(Lex::Part(p)) if matches!(w, This | Last) => {
                let n = if w == Last { -1 } else { 0 };
                if w == Last && !matches!(p, Part::Night | Part::Evening) {
                    return None;
                }
                c(
                    i,
                    k + 1,
                    Expr::Time {
                        day: Some(Box::new(Expr::RefShift {
                            n,
                            unit: Unit::Day,
                            gran: Unit::Day,
                        })),
                        tod: Tod::Part(p),
                    },
                )
            }
            Some(Lex::Word(Future)) if the => c(i, k + 1, Expr::Ref("FUTURE_REF")),
            Some(Lex::Word(Period)) if w == Latest => c(i, k + 1, Expr::ReportQuarter),
            _ => {
                if the && w == Past {
                    return c(i, k, Expr::Ref("PAST_REF"));
                }
                None
            }
        }
    }

    /// A count: digits, number words ("twenty-five"), "a", "several", "a few".
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        let t = self.t.get(i)?;
        if t.kind == Kind::Num {
            let (v, nd) = self.n(i)?;
            if nd > 4 || !self.lone_num(i) {
                return None;
            }
            if i > 0 && self.adj(i) && (self.p(i - 1, b'$') || self.t[i - 1].kind == Kind::Word) {
                return None;
            }
            return Some((i + 1, Some(v)));
        }
        match self.lex(i)? {
            Lex::Num(v) => {
                let mut v = v;
                let mut k = i + 1;
                if (20..=90).contains(&v) && self.p(k, b'-') && self.adj(k) {
                    if let Some(Lex::Num(u)) = self.lex(k + 1) {
                        if u < 10 {
                            v += u;
                            k += 2;
                        }
                    }
                }
                if let Some(Lex::Num(100)) = self.lex(k) {
                    v *= 100;
                    k += 1;
                }
                // "two thousand years"
                if v < 1000 && self.is(k, W::Million) && self.word_is(k, "thousand") {
                    v *= 1000;
                    k += 1;
                }
                Some((k, Some(v)))
            }
            Lex::Word(W::A) => match self.lex(i + 1) {
                Some(Lex::Word(W::Few)) => Some((i + 2, None)),
                Some(Lex::Word(W::Couple)) if self.is(i + 2, W::Of) => Some((i + 3, Some(2))),
                Some(Lex::Num(12)) => Some((i + 2, Some(12))),
                _ => Some((i + 1, Some(1))),
            },
            Lex::Word(W::Several | W::Few | W::Many) => Some((i + 1, None)),
            Lex::Word(W::Couple) if self.is(i + 1, W::Of) => Some((i + 2, Some(2))),
            _ => None,
        }
    }

    /// count + unit: (end, count, unit, "and a half", hyphenated adjective).
    fn count_unit(&self, i: usize) -> Option<(usize, Count, Unit, bool, bool)> {
        let (mut k, n) = self.count(i)?;
        // "5 1/2 hours"
        let frac_half = n.is_some()
            && matches!(self.n(k), Some((1, 1)))
            && self.p(k + 1, b'/')
            && self.adj(k + 1)
            && self.adj(k + 2)
            && matches!(self.n(k + 2), Some((2, 1)));
        if frac_half {
            k += 3;
        }
        let mut hyph = false;
        if self.p(k, b'-') && self.adj(k) && self.adj(k + 1) {
            hyph = true;
            k += 1;
        }
        let u = match self.lex(k)? {
            Lex::Unit(u) => {
                if n.is_some_and(|n| n > 1) && !hyph {
                    // "two year" is fine in adjectival use only; accept anyway
                }
                u
            }
            Lex::Units(u) => u,
            _ => return None,
        };
        if self.is(i, W::A) && u == Unit::Second {
            return None; // "a second term"
        }
        if u == Unit::Quarter && (self.is(k + 1, W::Of) || self.is(i, W::A)) {
            return None; // "three quarters of", "a quarter"
        }
        k += 1;
        let mut half = frac_half;
        if !half && self.is(k, W::And) && self.is(k + 1, W::A) && self.is(k + 2, W::Half) {
            half = true;
            k += 3;
        }
        Some((k, n, u, half, hyph))
    }

    /// "three days", "two years ago", "two days later", "a month and a half ago".
    fn count_led(&self, i: usize) -> Option<Cand> {
        let (mut k, n, u, half, hyph) = self.count_unit(i)?;
        // "“a month and a half” ago": a closing quote between the quoted amount and the
        // word that places it.
        let quoted = self.adj(k)
            && (self.p(k, b'"') || self.p(k, b'\''))
            && matches!(self.w(k + 1), Some(W::Ago | W::Later | W::Earlier));
        if quoted {
            k += 1;
        }
        // "a week or so ago": the hedge does not change the date.
        if self.word_is(k, "or")
            && self.word_is(k + 1, "so")
            && matches!(self.w(k + 2), Some(W::Ago | W::Later | W::Earlier))
        {
            k += 2;
        }
        if self.is(k, W::Old) || (self.p(k, b'-') && self.is(k + 1, W::Old)) {
            return None; // ages
        }
        if self.p(k, b'-') && self.adj(k) && matches!(self.w(k + 1), Some(W::Earlier | W::Ago)) {
            return None; // "a year-earlier loss": the adjective is read from "year"
        }
        if hyph {
            return c(i, k, Expr::Duration(dur(n, u, half)));
        }
        // "Islam will one day be ...", "could one day replace": some time ahead.
        if u == Unit::Day && n == Some(1) && k == i + 2 && self.after_modal(i) {
            return c(i, k, Expr::Ref("FUTURE_REF"));
        }
        let shift = |sign: i32| -> Option<Expr> {
            let n = n? as i32;
            let (unit, m, gran) = match (u, half) {
                (Unit::Year, true) => (Unit::Month, n * 12 + 6, Unit::Month),
                (Unit::Month, true) => (Unit::Day, n * 30 + 15, Unit::Month),
                (Unit::Week, true) => (Unit::Day, n * 7 + 3, Unit::Day),
                (Unit::Fortnight, _) => (Unit::Day, n * 14, Unit::Day),
                (Unit::Weekend, _) => (Unit::Week, n, Unit::Weekend),
                _ => (u, n, u),
            };
            Some(Expr::RefShift {
                n: sign * m,
                unit,
                gran,
            })
        };
        let anchored = |sign: i32| -> Option<Expr> {
            match shift(sign)? {
                Expr::RefShift { n, unit, gran } => Some(Expr::AnchorShift { n, unit, gran }),
                _ => None,
            }
        };
        // TimeML marks "three days later" a duration; the date it leads to rides along.
        let counted = |sign: i32| -> Option<Expr> {
            Some(Expr::Counted {
                dur: dur(n, u, half),
                point: Box::new(anchored(sign)?),
            })
        };
        if u == Unit::Year && !half && n.is_some() {
            let n = n.unwrap_or(1) as i32;
            match self.w(k) {
                Some(W::Ago) => {
                    return c(
                        i,
                        k + 1,
                        Expr::YearAgo {
                            n: -n,
                            anchored: false,
                            q: false,
                        },
                    );
                }
                Some(W::Earlier) => {
                    return c(
                        i,
                        k + 1,
                        Expr::YearAgo {
                            n: -n,
                            anchored: true,
                            q: false,
                        },
                    );
                }
                _ => {}
            }
        }
        match self.w(k) {
            Some(W::Ago) => match shift(-1) {
                Some(x) => c(i, k + 1, x),
                None => c(i, k + 1, Expr::Ref("PAST_REF")),
            },
            Some(W::Later) => match counted(1) {
                Some(x) => c(i, k + 1, x),
                None => c(i, k, Expr::Duration(dur(n, u, half))),
            },
            Some(W::Earlier) => match counted(-1) {
                Some(x) => c(i, k + 1, x),
                None => c(i, k, Expr::Duration(dur(n, u, half))),
            },
            Some(W::After | W::Before) if !self.ends_clause(k + 1) => {
                // "two days after Sept. 12": shift an explicit day
                let sign = if self.is(k, W::After) { 1 } else { -1 };
                let base = self.day_base(k + 1);
                match (base, shift(sign)) {
                    (Some(b), Some(Expr::RefShift { n, unit, .. })) => c(
                        i,
                        b.e,
                        Expr::Shifted {
                            base: Box::new(b.x),
                            n,
                            unit,
                        },
                    ),
                    _ => c(i, k, Expr::Duration(dur(n, u, half))),
                }
            }
            Some(W::After | W::Before) => {
                let sign = if self.is(k, W::After) { 1 } else { -1 };
                match counted(sign) {
                    Some(x) => c(i, k + 1, x),
                    None => c(i, k, Expr::Duration(dur(n, u, half))),
                }
            }
            Some(W::From) if self.is(k + 1, W::Now) => match shift(1) {
                Some(x) => c(i, k + 2, x),
                None => c(i, k + 2, Expr::Ref("FUTURE_REF")),
            },
            _ => c(i, k, Expr::Duration(dur(n, u, half))),
        }
    }

    /// "last half", "first two quarters", "last two quarters": a half of the year named
    /// another way. Returns the end and which half.
    fn half_in_other_words(&self, j: usize) -> Option<(usize, u32)> {
        let h = match self.lex(j)? {
            Lex::Ord(1) => 1,
            Lex::Word(W::Last) => 2,
            _ => return None,
        };
        if h == 2 && self.is(j + 1, W::Half) {
            return Some((j + 2, 2));
        }
        match self.count(j + 1)? {
            (k, Some(2)) if self.lex(k) == Some(Lex::Units(Unit::Quarter)) => Some((k + 1, h)),
            _ => None,
        }
    }

    /// Token `i` follows a modal verb ("will", "could", "might", ...), perhaps with an
    /// adverb between.
    fn after_modal(&self, i: usize) -> bool {
        const MODALS: [&str; 7] = ["will", "would", "could", "can", "may", "might", "should"];
        (i.saturating_sub(2)..i).any(|k| MODALS.iter().any(|m| self.word_is(k, m)))
    }

    /// A single day stated at token `i` ("Sept. 12", "last Tuesday") that a shift such
    /// as "two days after" can start from.
    fn day_base(&self, i: usize) -> Option<Cand> {
        self.parse_at(i).filter(|b| {
            b.end.is_none() && matches!(b.x, Expr::Date { d: Some(_), .. } | Expr::Weekday { .. })
        })
    }

    /// Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand".
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let hi = match self.lex(i)? {
            Lex::Num(v) => v,
            _ => return None,
        };
        if hi == 2 && self.is(i + 1, W::Million) && self.word_is(i + 1, "thousand") {
            // "two thousand years", "two thousand people": a count
            // (but "the year two thousand has ...")
            let counted = self.units(i + 2).is_some()
                || (self.unit(i.wrapping_sub(1)) != Some(Unit::Year)
                    && self.t.get(i + 2).is_some_and(|t| {
                        t.kind == Kind::Word && !t.cap && t.lex.is_none() && t.sp
                    }));
            return (!counted).then_some((i + 2, 2000));
        }
        if !(11..=20).contains(&hi) {
            return None;
        }
        let tens = match self.lex(i + 1)? {
            Lex::Num(t) if (10..=90).contains(&t) => t,
            _ => return None,
        };
        let mut e = i + 2;
        let mut lo = tens;
        if tens >= 20 && tens % 10 == 0 && self.p(e, b'-') && self.adj(e) {
            if let Some(Lex::Num(u)) = self.lex(e + 1) {
                if u < 10 {
                    lo += u;
                    e += 2;
                }
            }
        }
        if !(tens >= 20 && tens % 10 == 0 || (10..=19).contains(&tens)) {
            return None;
        }
        Some((e, (hi * 100 + lo) as i32))
    }

    /// "third quarter", "first half", "twentieth century", "first nine months".
    fn ord_led(&self, i: usize, n: u32) -> Option<Cand> {
        let mut k = i + 1;
        if self.p(k, b'-') && self.adj(k) {
            k += 1;
        }
        let part = match self.lex(k) {
            Some(Lex::Unit(Unit::Quarter)) if (1..=4).contains(&n) => Some(YP::Q(n)),
            Some(Lex::Word(W::Half)) if (1..=2).contains(&n) => Some(YP::H(n)),
            Some(Lex::Unit(Unit::Century)) if (1..=30).contains(&n) => {
                return c(i, k + 1, Expr::Century(n as i32 - 1));
            }
            _ => None,
        };
        if let Some(p) = part {
            let (e, y) = self.maybe_year_after(k + 1);
            if y.is_none() {
                // "the first half of last year", "the third quarter of the year"
                match self.rel_year_of(e) {
                    Some((e, Some(n))) => return c(i, e, Expr::RelYearPart { n, p: Some(p) }),
                    Some((e, None)) => return c(i, e, Expr::YearPart { y, p }),
                    None => {}
                }
            }
            return c(i, e, Expr::YearPart { y, p });
        }
        // "today is the eighth day of the blockade", "it's the second day of an
        // offensive": the day the text speaks from.
        if self.unit(k) == Some(Unit::Day) && self.is(k + 1, W::Of) && k == i + 1 {
            let s = if i > 0 && self.is(i - 1, W::The) {
                i - 1
            } else {
                i
            };
            let copula = s > 0
                && (self.is(s - 1, W::Is)
                    || (s >= 2 && self.word_is(s - 1, "s") && self.p(s - 2, b'\'')));
            if copula {
                return c(
                    s,
                    k + 1,
                    Expr::RefShift {
                        n: 0,
                        unit: Unit::Day,
                        gran: Unit::Day,
                    },
                );
            }
        }
        if n == 1 {
            if let Some((e, cnt, u, half, false)) = self.count_unit(i + 1) {
                if cnt.is_some_and(|c| c > 1) {
                    return c(i, e, Expr::Duration(dur(cnt, u, half)));
                }
            }
        }
        None
    }

    /// "fiscal 1990 first quarter".
    fn ord_after_year(&self, s: usize, k: usize, y: i32) -> Option<Cand> {
        let n = match self.lex(k)? {
            Lex::Ord(n) => n,
            Lex::Unit(Unit::Second) => 2,
            _ => return None,
        };
        let m = self.ord_led(k, n)?;
        match m.x {
            Expr::YearPart { y: None, p } => c(s, m.e, Expr::YearPart { y: Some(y), p }),
            _ => None,
        }
    }

    /// "Q3", "Q3 2023".
    fn q_quarter(&self, i: usize) -> Option<Cand> {
        let (q, nd) = self.n(i + 1)?;
        if !self.adj(i + 1) || nd != 1 || !(1..=4).contains(&q) || self.adj(i + 2) {
            return None;
        }
        let (e, y) = self.maybe_year_after(i + 2);
        c(i, e, Expr::YearPart { y, p: YP::Q(q) })
    }

    /// "H1 2024", "H2 of 2023": a half, only with its year ("H1" alone is too often
    /// something else: a visa, a flu strain).
    fn h_half(&self, i: usize) -> Option<Cand> {
        let (h, nd) = self.n(i + 1)?;
        if !self.adj(i + 1) || nd != 1 || !(1..=2).contains(&h) || self.adj(i + 2) {
            return None;
        }
        let (e, y) = self.year_after(i + 2)?;
        c(
            i,
            e,
            Expr::YearPart {
                y: Some(y),
                p: YP::H(h),
            },
        )
    }

    /// A four-digit year at `i` that reads as a year.
    fn year4(&self, i: usize) -> Option<i32> {
        let (v, nd) = self.n(i)?;
        if nd != 4 || !(1000..=2999).contains(&v) || !self.lone_num(i) {
            return None;
        }
        if self.adj(i) && i > 0 {
            let pt = &self.t[i - 1];
            if pt.kind != Kind::Punct || matches!(pt.ch, b'$' | b'#' | b'/' | b'.' | b',') {
                return None;
            }
        }
        if self.adj(i + 1) {
            match self.t.get(i + 1) {
                Some(t) if t.kind == Kind::Word || t.ch == b'%' || t.ch == b'/' => return None,
                _ => {}
            }
        }
        Some(v as i32)
    }

    /// A possessive "'s" starting at token `k`, glued to the word before ("year's").
    fn apostrophe_s(&self, k: usize) -> bool {
        self.p(k, b'\'') && self.adj(k) && self.word_is(k + 1, "s")
    }

    /// Where a phrase ends with or without the year that may follow token `k`, and the
    /// year.
    fn maybe_year_after(&self, k: usize) -> (usize, Option<i32>) {
        match self.year_after(k) {
            Some((e, y)) => (e, Some(y)),
            None => (k, None),
        }
    }

    /// An optional year after a month/quarter/season: ", 2023", "2023", "of 2023".
    fn year_after(&self, k: usize) -> Option<(usize, i32)> {
        let mut j = k;
        if self.p(j, b',') || self.is(j, W::Of) {
            j += 1;
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        let Some(y) = self.year4(j) else {
            // broadcast transcripts: "January nineteen ninety-seven"
            return self.spelled_year(j);
        };
        if self.adj(j + 1) && self.p(j + 1, b'-') && self.n(j + 2).is_some() {
            return None;
        }
        Some((j + 1, y))
    }

    /// "of last year", "of this year" (`Some(offset)`), "of the year" (`None`: the year
    /// the tense picks): the year a part belongs to, as (end, offset).
    fn rel_year_of(&self, k: usize) -> Option<(usize, Option<i32>)> {
        if !self.is(k, W::Of) {
            return None;
        }
        if let Some((e, n)) = self.rel_year_after(k + 1) {
            return Some((e, Some(n)));
        }
        let the_year = self.is(k + 1, W::The)
            && self.unit(k + 2) == Some(Unit::Year)
            && !self.p(k + 3, b'-')
            && !self.p(k + 3, b'\'');
        the_year.then_some((k + 3, None))
    }

    /// "last year", "this year", "next year" after a month: (end, year offset).
    fn rel_year_after(&self, k: usize) -> Option<(usize, i32)> {
        let n = match self.w(k)? {
            W::Last => -1,
            W::This => 0,
            W::Next => 1,
            _ => return None,
        };
        (self.unit(k + 1) == Some(Unit::Year)).then_some((k + 2, n))
    }

    fn month_led(&self, i: usize) -> Option<Cand> {
        let (m, abbr) = match self.lex(i)? {
            Lex::Month(m) => (m as u32, false),
            Lex::MonthAbbr(m) => (m as u32, true),
            _ => return None,
        };
        let t = &self.t[i];
        if !t.cap {
            return None;
        }
        let mut k = i + 1;
        let dot = abbr && self.p(k, b'.') && self.adj(k);
        if dot {
            k += 1;
        }
        let day = match self.n(k) {
            Some((d, nd)) if nd <= 2 && (1..=31).contains(&d) && self.lone_num(k) => {
                // not "May 3:30" minutes nor "Jan 5-3 win"
                Some(d)
            }
            _ => None,
        };
        if abbr && !dot && day.is_none() && self.year_after(k).is_none() {
            return None;
        }
        if m == 5 && !abbr && day.is_none() && self.year_after(k).is_none() {
            // "May" the modal: only a month after a preposition or time word.
            let prev = i.checked_sub(1).and_then(|j| self.w(j));
            let ok = matches!(
                prev,
                Some(
                    W::In
                        | W::Of
                        | W::Since
                        | W::Until
                        | W::By
                        | W::Last
                        | W::Next
                        | W::This
                        | W::Early
                        | W::Mid
                        | W::Late
                        | W::During
                        | W::Through
                        | W::From
                        | W::To
                        | W::Between
                        | W::Before
                        | W::After
                        | W::And
                )
            ) || (i > 0 && self.p(i - 1, b'-'));
            if !ok {
                return None;
            }
        }
        // "March eighth", as speech transcripts write it (not "March second-quarter").
        let day = day.or(match self.lex(k) {
            Some(Lex::Ord(d))
                if (1..=31).contains(&d)
                    && !self.p(k + 1, b'-')
                    && self.unit(k + 1).is_none()
                    && !self.is(k + 1, W::Half) =>
            {
                Some(d)
            }
            _ => None,
        });
        if let Some(d) = day {
            k += 1;
            if self.adj(k) && matches!(self.s(k), "st" | "nd" | "rd" | "th") {
                k += 1;
            }
            let mut end_day = None;
            // "April 24 and 25": two days read as a range, so both are placed (but not
            // "May 3 and 40 others").
            let and = self.is(k, W::And)
                && self.lone_num(k + 1)
                && self.unit(k + 2).is_none()
                && self.units(k + 2).is_none();
            if (self.p(k, b'-') || and || matches!(self.w(k), Some(W::To | W::Through | W::Until)))
                && !(self.p(k, b'-') && !self.adj(k) && self.adj(k + 1))
            {
                if let Some((d2, nd)) = self.n(k + 1) {
                    if nd <= 2 && d2 > d && d2 <= 31 && (!and || d2 - d <= 7) {
                        end_day = Some(d2);
                        k += 2;
                    }
                }
            }
            if let Some((e, n)) = self.rel_year_after(k).filter(|_| end_day.is_none()) {
                chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
                return c(i, e, Expr::DateRelYear { m, d: Some(d), n });
            }
            let (e, y) = self.maybe_year_after(k);
            let check_y = y.unwrap_or(2000);
            chrono::NaiveDate::from_ymd_opt(check_y, m, d)?;
            let end = end_day.map(|d2| Expr::Date { y, m, d: Some(d2) });
            return Some(Cand {
                s: i,
                e,
                x: Expr::Date { y, m, d: Some(d) },
                end,
                mid: None,
            });
        }
        if let Some((e, y)) = self.year_after(k) {
            return c(
                i,
                e,
                Expr::Date {
                    y: Some(y),
                    m,
                    d: None,
                },
            );
        }
        if let Some((e, n)) = self.rel_year_after(k) {
            return c(i, e, Expr::DateRelYear { m, d: None, n });
        }
        if matches!(self.w(k), Some(W::Of | W::For)) && !self.prep_before(i) {
            return None; // "the March of the Mothers", "March for Life"
        }
        c(
            i,
            k,
            Expr::Date {
                y: None,
                m,
                d: None,
            },
        )
    }

    fn prep_before(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|j| self.w(j));
        matches!(
            prev,
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

    fn weekday_led(&self, i: usize) -> Option<Cand> {
        let w = match self.lex(i)? {
            Lex::Weekday(w) => w as u32,
            _ => return None,
        };
        if !self.cap(i) {
            return None;
        }
        let mut k = i + 1;
        if self.p(k, b',') {
            k += 1;
        }
        if let Some(m) = self.month_led(k).or_else(|| self.day_month(k)) {
            if matches!(m.x, Expr::Date { d: Some(_), .. }) {
                return Some(Cand { s: i, ..m });
            }
        }
        let x = Expr::Weekday { w, rel: Rel::Bare };
        if let Some(Lex::Parts(p)) = self.lex(i + 1) {
            return c(i, i + 2, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())));
        }
        // "on Monday and Tuesday nights": the plural after the second day covers both
        if self.is(i + 1, W::And) && matches!(self.lex(i + 2), Some(Lex::Weekday(_))) {
            if let Some(Lex::Parts(p)) = self.lex(i + 3) {
                return c(i, i + 1, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())));
            }
        }
        match self.lex(i + 1) {
            // "Friday night", "Friday morning" are annotated as the day itself more often
            // than with the part of the day (TimeBank: 15 of 25); evenings keep theirs.
            Some(Lex::Part(Part::Night | Part::Morning)) => c(i, i + 2, x),
            Some(Lex::Part(p)) => c(
                i,
                i + 2,
                Expr::Time {
                    day: Some(Box::new(x)),
                    tod: Tod::Part(p),
                },
            ),
            Some(Lex::Word(W::Noon | W::Midnight)) => {
                let h = if self.is(i + 1, W::Noon) { 12 } else { 24 };
                c(
                    i,
                    i + 2,
                    Expr::Time {
                        day: Some(Box::new(x)),
                        tod: Tod::Clock(h, 0),
                    },
                )
            }
            _ => c(i, i + 1, x),
        }
    }

    fn season_led(&self, i: usize) -> Option<Cand> {
        let s = match self.lex(i)? {
            Lex::Season(s) => s,
            _ => return None,
        };
        if let Some((e, y)) = self.year_after(i + 1) {
            return c(
                i,
                e,
                Expr::YearPart {
                    y: Some(y),
                    p: YP::S(s),
                },
            );
        }
        if self.cap(i)
            && self.is(i + 1, W::Of)
            && self.cap(i + 2)
            && self.lex(i + 2).is_none()
            && !self.prep_before(i)
        {
            return None; // "the ``Spring of Life'' rallies": a name
        }
        if s == 2 && self.word_is(i, "fall") {
            // "fall" the verb/noun: a season only after "in the", "this", "last", ...
            let prev = i.checked_sub(1).and_then(|j| self.w(j));
            let prev2 = i.checked_sub(2).and_then(|j| self.w(j));
            let ok = match prev {
                Some(W::Early | W::Late | W::Mid) => true,
                Some(W::The) => {
                    matches!(
                        prev2,
                        Some(
                            W::In | W::By | W::Until | W::Since | W::During | W::Through | W::Over
                        )
                    ) && !matches!(self.w(i + 1), Some(W::Of | W::In))
                }
                _ => false,
            };
            if !ok {
                return None;
            }
        }
        c(
            i,
            i + 1,
            Expr::YearPart {
                y: None,
                p: YP::S(s),
            },
        )
    }

    /// "every Monday", "each year", "every two weeks".
    fn set_led(&self, i: usize) -> Option<Cand> {
        let k = i + 1;
        match self.lex(k)? {
            Lex::Unit(u) => c(i, k + 1, Expr::Set(dur(Some(1), u, false))),
            Lex::Weekday(w) => c(i, k + 1, Expr::Set(format!("XXXX-WXX-{w}"))),
            Lex::Month(m) if self.cap(k) => c(i, k + 1, Expr::Set(format!("XXXX-{m:02}"))),
            Lex::Part(p) => c(i, k + 1, Expr::Set(format!("XXXX-XX-XXT{}", p.code()))),
            _ => {
                let (e, n, u, half, _) = self.count_unit(k)?;
                c(i, e, Expr::Set(dur(n, u, half)))
            }
        }
    }

    /// A day expression that can follow a clock time: "Wednesday", "yesterday", "Nov. 6".
    fn day_core(&self, k: usize) -> Option<(usize, Expr)> {
        let mut k = k;
        if self.p(k, b',') || self.is(k, W::On) {
            k += 1;
        }
        match self.lex(k) {
            Some(Lex::Weekday(w)) if self.cap(k) => Some((
                k + 1,
                Expr::Weekday {
                    w: w as u32,
                    rel: Rel::Bare,
                },
            )),
            Some(Lex::Word(W::Today)) => Some((k + 1, rshift(0))),
            Some(Lex::Word(W::Yesterday)) => Some((k + 1, rshift(-1))),
            Some(Lex::Word(W::Tomorrow)) => Some((k + 1, rshift(1))),
            Some(Lex::Month(_) | Lex::MonthAbbr(_)) => {
                let m = self.month_led(k)?;
                matches!(m.x, Expr::Date { d: Some(_), .. }).then_some((m.e, m.x))
            }
            _ => None,
        }
    }

    /// "3 p.m.", "10:35 a.m. EST", "15:30", "5 o'clock", with an optional day after.
    fn time_led(&self, i: usize) -> Option<Cand> {
        let (h, nd) = self.n(i)?;
        if nd > 2 || h > 24 {
            return None;
        }
        let mut k = i + 1;
        let mut mi = 0;
        let mut colon = false;
        if self.p(k, b':') && self.adj(k) && self.adj(k + 1) {
            let (m, nd2) = self.n(k + 1)?;
            if nd2 != 2 || m > 59 {
                return None;
            }
            mi = m;
            colon = true;
            k += 2;
        }
        // "10.30am", "7.45 p.m." (British): the dot reads as a clock only before am/pm.
        let dotted = !colon
            && self.p(k, b'.')
            && self.adj(k)
            && self.adj(k + 1)
            && self.n(k + 1).is_some_and(|(m, nd2)| nd2 == 2 && m < 60)
            && (matches!(self.w(k + 2), Some(W::Am | W::Pm))
                || ((self.word_is(k + 2, "a") || self.word_is(k + 2, "p"))
                    && self.p(k + 3, b'.')
                    && self.word_is(k + 4, "m")));
        if dotted {
            mi = self.n(k + 1).map_or(0, |(m, _)| m);
            k += 2;
        }
        let mut ampm = None;
        if let Some(W::Am | W::Pm) = self.w(k) {
            ampm = Some(self.is(k, W::Pm));
            k += 1;
        } else if (self.word_is(k, "a") || self.word_is(k, "p"))
            && self.p(k + 1, b'.')
            && self.adj(k + 1)
            && self.word_is(k + 2, "m")
            && self.adj(k + 2)
        {
            ampm = Some(self.word_is(k, "p"));
            k += 3;
            if self.p(k, b'.') && self.adj(k) && !self.ends_sentence_after(k) {
                k += 1;
            }
        } else if self.word_is(k, "o") && self.p(k + 1, b'\'') && self.word_is(k + 2, "clock") {
            k += 3;
            ampm = Some(false);
        }
        // "4 in the morning", "six o'clock in the evening"
        if matches!(ampm, None | Some(false)) && self.is(k, W::In) && self.is(k + 1, W::The) {
            if let Some(Lex::Part(p)) = self.lex(k + 2) {
                ampm = Some(p != Part::Morning);
                k += 3;
            }
        }
        if ampm.is_none() && !colon {
            return None;
        }
        let mut h = h;
        match ampm {
            Some(pm) => {
                if h == 0 || h > 12 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 && !self.word_is(k - 1, "clock") {
                    h = 0;
                }
            }
            None => {
                if h > 23 || !self.lone_time(i) {
                    return None;
                }
            }
        }
        self.clock_at(i, k, h, mi)
    }

    /// A clock time `h:mi` read from token `i`, whose words end before `k`: an optional
    /// zone, then an optional day ("3 p.m. EST Tuesday", "9 a.m. local time on Tuesday").
    fn clock_at(&self, i: usize, mut k: usize, h: u32, mi: u32) -> Option<Cand> {
        if self.is(k, W::Tz) && self.cap(k) {
            k += 1;
        }
        // "local time" only with the day after it
        let local = self.word_is(k, "local") && self.word_is(k + 1, "time");
        let found = local
            .then(|| self.day_core(k + 2))
            .flatten()
            .or_else(|| self.day_core(k));
        let (e, day) = match found {
            Some((e, d)) => (e, Some(Box::new(d))),
            None => (k, None),
        };
        c(
            i,
            e,
            Expr::Time {
                day,
                tod: Tod::Clock(h, mi),
            },
        )
    }

    /// "a.m." at the end of a sentence keeps its period for the sentence.
    fn ends_sentence_after(&self, k: usize) -> bool {
        match self.t.get(k + 1) {
            None => true,
            Some(t) => t.nl,
        }
    }

    /// "10:30" not inside a score list or a ratio run ("3:30:15", "1:20:30").
    fn lone_time(&self, i: usize) -> bool {
        let run_after = self.adj(i + 3) && self.p(i + 3, b':');
        let run_before = i > 0 && self.adj(i) && self.p(i - 1, b':');
        !(run_after || run_before)
    }

    /// "12 September 2023", "12th of September", "12-17 September".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let (d, nd) = self.n(i)?;
        if nd > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut k = i + 1;
        if self.adj(k) && matches!(self.s(k), "st" | "nd" | "rd" | "th") {
            k += 1;
        }
        let mut end_day = None;
        if self.p(k, b'-') && self.adj(k) && self.adj(k + 1) {
            if let Some((d2, nd2)) = self.n(k + 1) {
                if nd2 <= 2 && d2 > d && d2 <= 31 {
                    end_day = Some(d2);
                    k += 2;
                }
            }
        }
        if self.is(k, W::Of) {
            k += 1;
        }
        let (m, abbr) = match self.lex(k) {
            Some(Lex::Month(m)) if self.cap(k) => (m as u32, false),
            Some(Lex::MonthAbbr(m)) if self.cap(k) => (m as u32, true),
            _ => return None,
        };
        k += 1;
        // "12 Sept." keeps its abbreviation dot; "on 1 July." ends the sentence.
        if abbr && self.p(k, b'.') && self.adj(k) {
            k += 1;
        }
        let (e, y) = self.maybe_year_after(k);
        chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
        Some(Cand {
            s: i,
            e,
            x: Expr::Date { y, m, d: Some(d) },
            end: end_day.map(|d2| Expr::Date { y, m, d: Some(d2) }),
            mid: None,
        })
    }

    fn num_led(&self, i: usize) -> Option<Cand> {
        let (v, nd) = self.n(i)?;
        if i > 0 && self.adj(i) && (self.p(i - 1, b'$') || self.p(i - 1, b'#')) {
            return None;
        }
        if let Some(m) = self.numeric_date(i, v, nd) {
            return Some(m);
        }
        // "0600 GMT", "1430 UTC": wire-service clock times, only with their zone; not the
        // conversion in "10:35 a.m. (0735 GMT)", which repeats the time before it.
        let converted = i > 0 && self.p(i - 1, b'(');
        if nd == 4
            && v % 100 < 60
            && v / 100 < 24
            && !converted
            && self.is(i + 1, W::Tz)
            && self.cap(i + 1)
        {
            return self.clock_at(i, i + 1, v / 100, v % 100);
        }
        if nd <= 2 {
            if let Some(m) = self.time_led(i) {
                return Some(m);
            }
            if let Some(m) = self.day_month(i) {
                return Some(m);
            }
            // "20th century", "3rd quarter"
            if self.adj(i + 1) && matches!(self.s(i + 1), "st" | "nd" | "rd" | "th") {
                let m = self.ord_led(i + 1, v)?;
                return Some(Cand { s: i, ..m });
            }
        }
        if nd == 4 && (1000..=2999).contains(&v) && v % 10 == 0 && self.lone_num(i) {
            // decades: "1990s", "1990's"
            let k = i + 1;
            let s_glued = self.adj(k) && self.word_is(k, "s");
            let s_apos =
                self.adj(k) && self.p(k, b'\'') && self.adj(k + 1) && self.word_is(k + 1, "s");
            if s_glued || s_apos {
                let e = if s_glued { k + 1 } else { k + 2 };
                let y = v as i32;
                let x = if y % 100 == 0 {
                    Expr::Century(y / 100)
                } else {
                    Expr::Decade(y / 10)
                };
                return c(i, e, x);
            }
        }
        if let Some(y) = self.year4(i) {
            let k = i + 1;
            // "the 1988 third quarter", "the 1989 period"
            if let Some(m) = self.ord_after_year(i, k, y) {
                return Some(m);
            }
            if i > 0
                && self.is(i - 1, W::The)
                && (self.unit(k) == Some(Unit::Quarter) || self.is(k, W::Period))
            {
                return c(i, k + 1, Expr::QuarterOfYear(y));
            }
            if self.is(k, W::Million) || self.is(k, W::Percent) || self.units(k).is_some() {
                return None;
            }
            // "1990-91", "1990-1995"
            if self.p(k, b'-') && self.adj(k) && self.adj(k + 1) {
                if let Some((v2, nd2)) = self.n(k + 1) {
                    let y2 = match nd2 {
                        2 => (y / 100) * 100 + v2 as i32,
                        4 => v2 as i32,
                        _ => 0,
                    };
                    if y2 > y && y2 - y <= 20 {
                        return Some(Cand {
                            s: i,
                            e: k + 2,
                            x: Expr::Year(y),
                            end: Some(Expr::Year(y2)),
                            mid: None,
                        });
                    }
                    return None;
                }
            }
            // "Orion 1980": part of a name ("the 1996 Olympic bombing" is a date, though)
            let name_before = i > 0
                && self.cap(i - 1)
                && self.t[i - 1].kind == Kind::Word
                && self.t[i - 1].lex.is_none()
                && !self.t[i].nl;
            if name_before {
                return None;
            }
            let bare_ok = (1900..=2099).contains(&y);
            let prev = i.checked_sub(1).and_then(|j| self.w(j));
            let ctx_ok = matches!(
                prev,
                Some(
                    W::In
                        | W::Since
                        | W::By
                        | W::Until
                        | W::From
                        | W::To
                        | W::Of
                        | W::During
                        | W::Between
                        | W::And
                        | W::Before
                        | W::After
                        | W::Fiscal
                        | W::Early
                        | W::Late
                        | W::Mid
                )
            ) || (i > 0 && self.p(i - 1, b'-'));
            if bare_ok || ctx_ok {
                if self.ends_num_list(i) {
                    return None;
                }
                return c(i, i + 1, Expr::Year(y));
            }
            return None;
        }
        self.count_led(i)
    }

    /// A year that is really one number in a list or a table cell run ("1,2019").
    fn ends_num_list(&self, i: usize) -> bool {
        i > 0 && self.adj(i) && self.t[i - 1].kind != Kind::Punct
    }

    /// ISO yyyy-mm-dd, US m/d/yyyy (d/m when the first part cannot be a month), d.m.yyyy.
    fn numeric_date(&self, i: usize, v: u32, nd: usize) -> Option<Cand> {
        let sep = match self.t.get(i + 1) {
            Some(t) if t.kind == Kind::Punct && !t.sp && matches!(t.ch, b'-' | b'/' | b'.') => t.ch,
            _ => return None,
        };
        let (b, nb) = self.n(i + 2)?;
        if !self.adj(i + 2) || !self.p(i + 3, sep) || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c3, nc) = self.n(i + 4)?;
        // not part of a longer run ("1.2.3.4", "10/12/2019/5")
        if self.adj(i + 5)
            && (self.p(i + 5, sep) || self.p(i + 5, b'.') && self.n(i + 6).is_some())
            && self.n(i + 6).is_some()
        {
            return None;
        }
        if i > 0 && self.adj(i) && !self.p(i - 1, b'(') {
            if let Some(t) = self.t.get(i - 1) {
                if t.kind != Kind::Punct || matches!(t.ch, b'-' | b'/' | b'.' | b'+') {
                    return None;
                }
            }
        }
        let (y, m, d) = match sep {
            // "2023-09-12", and "2023/09/12" or "2023.09.12" as East Asian sites write it
            b'-' | b'/' | b'.' if nd == 4 && nb <= 2 && nc <= 2 => (v as i32, b, c3),
            b'/' if nd <= 2 && nb <= 2 && (nc == 4 || nc == 2) => {
                let y = if nc == 2 {
                    if c3 >= 50 {
                        1900 + c3 as i32
                    } else {
                        2000 + c3 as i32
                    }
                } else {
                    c3 as i32
                };
                if v > 12 && b <= 12 {
                    (y, b, v)
                } else {
                    (y, v, b)
                }
            }
            b'.' if nd <= 2 && nb <= 2 && nc == 4 => (c3 as i32, b, v),
            _ => return None,
        };
        if !(1000..=2999).contains(&y) {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        let mut e = i + 5;
        let x = Expr::Date {
            y: Some(y),
            m,
            d: Some(d),
        };
        // ISO date-time "2023-09-12T15:00"
        if sep == b'-' && self.adj(e) && self.word_is(e, "T") {
            if let (Some((h, 2)), true, Some((mi, 2))) =
                (self.n(e + 1), self.p(e + 2, b':'), self.n(e + 3))
            {
                if h <= 23 && mi <= 59 && self.adj(e + 1) {
                    e += 4;
                    return c(
                        i,
                        e,
                        Expr::Time {
                            day: Some(Box::new(x)),
                            tod: Tod::Clock(h, mi),
                        },
                    );
                }
            }
        }
        c(i, e, x)
    }

    /// "'90s", "'99" (after a preposition).
    fn apos_year(&self, i: usize) -> Option<Cand> {
        let (v, nd) = self.n(i + 1)?;
        if nd != 2 || !self.adj(i + 1) || (i > 0 && self.adj(i)) {
            return None;
        }
        let century = if v >= 30 { 1900 } else { 2000 };
        if self.adj(i + 2) && self.word_is(i + 2, "s") {
            if v % 10 != 0 {
                return None;
            }
            return c(i, i + 3, Expr::Decade((century + v as i32) / 10));
        }
        if self.adj(i + 2) {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|j| self.w(j));
        if matches!(prev, Some(W::In | W::Since | W::Of | W::By | W::Until)) {
            return c(i, i + 2, Expr::Year(century + v as i32));
        }
        None
    }
}

fn rshift(n: i32) -> Expr {
    Expr::RefShift {
        n,
        unit: Unit::Day,
        gran: Unit::Day,
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
            | Expr::RefShift { .. }
            | Expr::AnchorShift { .. }
            | Expr::QuarterOfYear(_)
            | Expr::RelYearPart { .. }
    )
}

/// "from March to May 2021": the start takes the end's year.
fn inherit_year(a: Expr, b: &Expr) -> Expr {
    match (a, b) {
        (
            Expr::Date { y: None, m, d },
            Expr::Date {
                y: Some(y2), m: m2, ..
            },
        ) => Expr::Date {
            y: Some(if m <= *m2 { *y2 } else { y2 - 1 }),
            m,
            d,
        },
        (a, _) => a,
    }
}

/// TIMEX3 duration value.
pub fn dur(n: Count, u: Unit, half: bool) -> String {
    let n_s = |k: u32| match n {
        Some(n) => format!("{}", n.saturating_mul(k)),
        None => "X".to_string(),
    };
    if half {
        if let Some(n) = n {
            // TimeBank writes the half in the next smaller unit: P2Y6M, PT5H30M, PT1M30S.
            return match u {
                Unit::Year => format!("P{n}Y6M"),
                Unit::Month => format!("P{n}M15D"),
                Unit::Week => format!("P{n}.5W"),
                Unit::Day => format!("P{n}DT12H"),
                Unit::Hour => format!("PT{n}H30M"),
                Unit::Minute => format!("PT{n}M30S"),
                _ => format!("P{n}.5{}", unit_code(u)),
            };
        }
    }
    match u {
        Unit::Second => format!("PT{}S", n_s(1)),
        Unit::Minute => format!("PT{}M", n_s(1)),
        Unit::Hour => format!("PT{}H", n_s(1)),
        Unit::Decade if n.is_some() => format!("P{}Y", n_s(10)),
        Unit::Century if n.is_some() => format!("P{}Y", n_s(100)),
        Unit::Fortnight if n.is_some() => format!("P{}W", n_s(2)),
        _ => format!("P{}{}", n_s(1), unit_code(u)),
    }
}

fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week | Unit::Fortnight => "W",
        Unit::Weekend => "WE",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "CE",
    }
}
