//! Verb forms: which form a word is, its base ("signed" → "sign", "fled" → "flee"), and the
//! present tense for a headline ("sign" → "signs"). Irregular verbs from the lexicon, the
//! rest by the spelling rules of English.

use super::lexicon::{IRREGULAR, REGULAR};
use crate::fxmap::{Fx, FxMap};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// What a word can be as a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// "sign", "go"
    Base,
    /// "signs", "goes"
    Third,
    /// "signed", "went" (also a participle for regular verbs)
    Past,
    /// "gone", "taken" (never a simple past)
    Participle,
    /// "signing"
    Gerund,
}

/// Hashed with `Fx`: asked for many words of every sentence read, and the tables are fixed
/// (a word from a file can only be looked up, never stored).
struct Tables {
    /// form → (base, form)
    known: FxMap<&'static str, (String, VerbForm)>,
    regular: HashSet<&'static str, BuildHasherDefault<Fx>>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut known: FxMap<&'static str, (String, VerbForm)> = FxMap::default();
        for &(base, past, pp) in IRREGULAR {
            for p in pp.split('/') {
                known.insert(p, (base.to_string(), VerbForm::Participle));
            }
            // A form that is both ("said", "met") is a past: the analysis treats a past as
            // possibly a participle after "have"/"be".
            for p in past.split('/') {
                known.insert(p, (base.to_string(), VerbForm::Past));
            }
            known.insert(base, (base.to_string(), VerbForm::Base));
        }
        Tables {
            known,
            regular: REGULAR.iter().copied().collect(),
        }
    })
}

/// Is `w` (lower-case) a base form the lexicon knows?
pub fn is_known_base(w: &str) -> bool {
    let t = tables();
    t.regular.contains(w) || t.known.get(w).is_some_and(|(b, _)| b == w)
}

/// The verb reading of a lower-case word, if it has a plausible one: its base and form.
/// `strict` rejects guesses for words the lexicon does not know (used where a noun reading
/// is as likely).
pub fn verb_form(w: &str, strict: bool) -> Option<(String, VerbForm)> {
    let t = tables();
    if let Some((b, f)) = t.known.get(w) {
        return Some((b.clone(), *f));
    }
    if t.regular.contains(w) {
        return Some((w.to_string(), VerbForm::Base));
    }
    if let Some(base) = undo_third(w) {
        return Some((base, VerbForm::Third));
    }
    if w.len() > 4 && w.ends_with("ing") {
        if let Some(base) = undo_suffix(w, "ing") {
            return Some((base, VerbForm::Gerund));
        }
        if !strict {
            return Some((guess_base(&w[..w.len() - 3]), VerbForm::Gerund));
        }
    }
    if w.len() > 3 && w.ends_with("ed") {
        if let Some(base) = undo_suffix(w, "ed") {
            return Some((base, VerbForm::Past));
        }
        if !strict && !w.ends_with("eed") {
            return Some((guess_base(&w[..w.len() - 2]), VerbForm::Past));
        }
    }
    None
}

/// The base of a known verb's "-s" form ("signs" → "sign", "carries" → "carry").
fn undo_third(w: &str) -> Option<String> {
    let t = tables();
    let known =
        |b: &str| t.regular.contains(b) || t.known.get(b).is_some_and(|(base, _)| base == b);
    if let Some(stem) = w.strip_suffix("ies") {
        let b = format!("{stem}y");
        if known(&b) {
            return Some(b);
        }
    }
    if let Some(stem) = w.strip_suffix("es") {
        if takes_es(stem) && known(stem) {
            return Some(stem.to_string());
        }
    }
    let stem = w.strip_suffix('s')?;
    (!stem.ends_with('s') && known(stem)).then(|| stem.to_string())
}

/// Does English spell the "-s" form of a verb ending in `stem` with "-es"? Only after a
/// sibilant or "o" ("pushes", "fixes", "goes"); otherwise the "e" belongs to the verb
/// ("rides" is "ride" + "s", not "rid" + "es").
fn takes_es(stem: &str) -> bool {
    ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|end| stem.ends_with(end))
}

/// The base of a known regular verb with `suffix` ("-ed", "-ing") removed, trying the
/// spellings English uses: plain, "e" dropped, final consonant doubled, "y" → "i".
fn undo_suffix(w: &str, suffix: &str) -> Option<String> {
    let stem = w.strip_suffix(suffix)?;
    let t = tables();
    let known = |b: &str| t.regular.contains(b) || t.known.contains_key(b);
    let mut cands = vec![stem.to_string(), format!("{stem}e")];
    let b = stem.as_bytes();
    if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        cands.push(stem[..stem.len() - 1].to_string());
    }
    if let Some(s) = stem.strip_suffix('i') {
        cands.push(format!("{s}y"));
    }
    cands.into_iter().find(|c| known(c))
}

/// A base for an unknown verb stem (after "-ed"/"-ing" came off), by the usual spelling
/// rules: "carri" → "carry", "stopp" → "stop", "arriv" → "arrive", else as is.
fn guess_base(stem: &str) -> String {
    let b = stem.as_bytes();
    // ("qu" spells a consonant: "quot" is "quote" as "not" would be "note".)
    let vowel = |c: u8| b"aeiou".contains(&c);
    let vowel_at = |i: usize| vowel(b[i]) && !(b[i] == b'u' && i > 0 && b[i - 1] == b'q');
    if let Some(s) = stem.strip_suffix('i') {
        return format!("{s}y");
    }
    let n = b.len();
    if NO_SILENT_E.contains(&stem) {
        return stem.to_string();
    }
    // ("f", "l", "s", "z" end a short word doubled: "stuff", "sniff", "fill", "pass", "buzz".)
    if n >= 3 && b[n - 1] == b[n - 2] && !b"flsz".contains(&b[n - 1]) && !vowel(b[n - 1]) {
        return stem[..n - 1].to_string();
    }
    if british_double_l(stem) {
        return stem[..n - 1].to_string();
    }
    // Endings English words do not have without a final "e".
    let needs_e = stem.ends_with('v')
        || stem.ends_with('u')
        || soft_c_or_g(stem)
        || r_after_one_vowel(stem)
        || silent_e_ending(stem)
        || stressed_root_after_prefix(stem)
        || stem.ends_with("at") && n >= 3 && !vowel(b[n - 3])
        // "graduat", "affiliat": "i" or "u" before "-at" is its own syllable ("-iate",
        // "-uate"); only the digraphs "ea" and "oa" close a word ("treat", "float").
        || ((stem.ends_with("iat") || stem.ends_with("uat")) && n >= 5)
        // "contribut", "execut": a stressed "-ut" doubles its "t" before "-ed" ("rebutted",
        // "strutted"), so a single "t" after a consonant and "u" is the end of "-ute".
        || (stem.ends_with("ut") && n >= 3 && !vowel(b[n - 3]))
        || (stem.ends_with('z') && n >= 2 && vowel(b[n - 2]))
        || stem.ends_with("ys")
        || silent_e_before_k(stem)
        || syllabic_l(stem)
        || (stem.ends_with('s')
            && n >= 2
            && vowel(b[n - 2])
            && b[n - 2] != b'u'
            && n >= 3
            && !vowel(b[n - 3]))
        || (n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel_at(n - 3)
            && n <= 4
            && !b"wxy".contains(&b[n - 1]));
    if needs_e {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

/// A stem ending in a soft "c" or "g" lost the "e" that makes it soft ("announc", "voic",
/// "embrac", "emerg", "indulg", "plung", "loung", "bridg"): English ends no verb in a soft
/// "c" or "g" without it, and a hard one would have doubled or taken a "k" ("panicked",
/// "begged"). Only "-ing" and "-ang" stay as they are: "ring", "bang" are as common as
/// "hinge", "change".
fn soft_c_or_g(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 3 {
        return false;
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    (b[n - 1] == b'c' && b[n - 2] != b'c')
        || (b[n - 1] == b'g' && vowel(b[n - 2]))
        || stem.ends_with("rang")
        || stem.ends_with("chang")
        || stem.ends_with("dg")
        || stem.ends_with("rg")
        || stem.ends_with("lg")
        || stem.ends_with("eng")
        || stem.ends_with("ung")
}

/// A stem ending in one "a", "i" or "u" after a consonant and a single "r" ("declar",
/// "inspir", "pictur", "squar") lost a silent "e": a stressed final "-ar", "-ir", "-ur"
/// doubles its "r" before "-ed" ("barred", "stirred", "occurred"), and "ea", "ai", "ou"
/// close a word as they are ("cleared", "repaired", "poured"). ("-er" and "-or" are mostly
/// unstressed endings that keep no "e": "ordered", "sponsored".)
fn r_after_one_vowel(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiouy".contains(&c);
    // "qu" spells a consonant: "squar" is "square".
    let consonant_at = |i: usize| !vowel(b[i]) || (b[i] == b'u' && i > 0 && b[i - 1] == b'q');
    n >= 4 && b[n - 1] == b'r' && b"aiu".contains(&b[n - 2]) && consonant_at(n - 3)
}

/// A stem ending in a consonant and "-in", "-ol", "-ul" or "-ad", or a consonant and "-ven"
/// ("determin", "undermin", "cajol", "consol", "ridicul", "schedul", "parad", "downgrad",
/// "interven", "conven"), lost a silent "e": English verbs end so only with it
/// ("determine", "console", "schedule", "parade", "intervene"), since a short final syllable
/// doubles its consonant before "-ed" ("pinned", "patrolled", "padded") and the unstressed
/// endings are "-en", "-on", "-al", "-el" ("happened", "questioned", "signalled"). Two
/// vowels before the consonant ("joined", "fooled", "loaded") and a vowel before "-ven"
/// ("leavened", "enlivened") need none.
fn silent_e_ending(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiouy".contains(&c);
    if n < 4 || vowel(b[n - 3]) {
        return false;
    }
    let end = &stem[n - 2..];
    matches!(end, "in" | "ol" | "ul" | "ad")
        || (end == "en" && b[n - 3] == b'v' && !vowel(b[n - 4]))
}

/// Verbs stressed on a first syllable that looks like a prefix or stands alone before one
/// consonant ("EDit", "EXit", "PROfit", "DEbit", "DEbut"): their single last consonant
/// marks an unstressed syllable, not a lost "e" ([`stressed_root_after_prefix`] and the
/// short-stem rule would add one). Kept out of the lexicon, where "profits", "exits" would
/// read as verbs.
const NO_SILENT_E: &[&str] = &["edit", "exit", "debit", "profit", "debut"];

/// Prefixes of English verbs whose root keeps the stress ("de-vote", "con-done",
/// "ex-plore"). ("en-", "inter-", "co-" are left out: "entered", "interpreted",
/// "coveted" end in an unstressed syllable.)
const STRESSED_ROOT_PREFIXES: &[&str] = &[
    "de", "re", "pre", "pro", "con", "com", "ex", "im", "in", "ad", "dis", "mis", "sub", "trans",
    "post", "under", "over", "out", "up", "down", "tele",
];

/// A stem that is a prefix and a root of one short syllable, a consonant or an opening
/// cluster, one vowel and one consonant ("devot", "promot", "denot", "outvot", "condon",
/// "postpon", "restor", "deplor", "revok", "defus", "telephon"), lost a silent
/// "e": a prefixed verb is stressed on its root ("de-VOTE", "ex-PLORE"), and a stressed
/// short final syllable doubles its consonant before "-ed" ("committed", "preferred",
/// "compelled"), so a single one marks the "e" of a long vowel. The words that break it
/// ("edit", "exit", "debit", "profit", "debut") are in the lexicon.
fn stressed_root_after_prefix(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    // ("qu" counts as two vowels here: "conquer" has an unstressed last syllable.)
    let vowel = |c: u8| b"aeiouy".contains(&c);
    // ("-er" is left out: "prospered", "whispered" are unstressed, as most "-er" verbs.)
    if n < 5
        || vowel(b[n - 1])
        || b"wxy".contains(&b[n - 1])
        || !vowel(b[n - 2])
        || stem.ends_with("er")
    {
        return false;
    }
    // The root: its onset, one vowel, one consonant.
    let onset_end = n - 2;
    let Some(onset_start) = (0..onset_end).rev().take_while(|&i| !vowel(b[i])).last() else {
        return false;
    };
    // The prefix may end on a consonant of the onset's run ("con-don", "ex-plor").
    (onset_start..onset_end).any(|cut| {
        let (prefix, root_onset) = (&stem[..cut], &stem[cut..onset_end]);
        STRESSED_ROOT_PREFIXES.contains(&prefix)
            && (root_onset.len() == 1 || ONSETS.contains(&root_onset))
    })
}

/// A stem ending in one vowel and a single "k" ("invok", "smok", "lik") lost a silent "e":
/// after a short vowel English writes "ck" ("attack", "kick"), and two vowels ("look",
/// "leak") or a consonant ("walk") before the "k" need none.
fn silent_e_before_k(stem: &str) -> bool {
    let b = stem.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    n >= 3 && b[n - 1] == b'k' && vowel(b[n - 2]) && !vowel(b[n - 3])
}

/// A stem ending in a consonant and "l" ("struggl", "handl", "tackl") lost the "e" of a
/// syllabic "-le": English writes no word-final consonant + "l" except after "r" and "w"
/// ("hurl", "crawl") or a doubled "l".
fn syllabic_l(stem: &str) -> bool {
    let b = stem.as_bytes();
    let vowel = |c: u8| b"aeiouy".contains(&c);
    let n = b.len();
    n >= 3 && b[n - 1] == b'l' && !vowel(b[n - 2]) && !b"lrw".contains(&b[n - 2])
}

/// One-syllable verbs in "-ll" that English also puts after a prefix ("recall", "refill",
/// "forestall"), besides those the lexicon knows.
const ONE_SYLLABLE_LL: &[&str] = &[
    "call", "fill", "spell", "roll", "poll", "stall", "spill", "drill", "thrill", "swell", "dwell",
    "smell", "yell", "quell", "chill", "sell", "tell", "kill", "pull", "fall", "shell",
];

/// A stem in "-ll" of more than one syllable ("travell", "unravell", "backpedall",
/// "patroll") is British spelling, which doubles the "l" of a base in one "l" before
/// "-ed"/"-ing" ("travelled", "cancelled"), unless its last syllable is a verb in "-ll" of
/// its own ("recall", "forestall"). One syllable keeps its "ll" ("called", "filled",
/// "spelled").
fn british_double_l(stem: &str) -> bool {
    let b = stem.as_bytes();
    let vowel = |c: u8| b"aeiouy".contains(&c);
    let n = b.len();
    if n < 5 || !stem.ends_with("ll") || !vowel(b[n - 3]) {
        return false;
    }
    // Vowel groups: "travell" has two, "quell" one ("ue" is one group).
    let groups =
        b.windows(2).filter(|w| !vowel(w[0]) && vowel(w[1])).count() + usize::from(vowel(b[0]));
    if groups < 2 {
        return false;
    }
    // The last syllable with the consonants that can open an English syllable ("call" in
    // "recall", "stall" in "forestall", "roll" in "unroll"; "troll" in "patroll" is no verb).
    let last_vowel = n - 3;
    let first_vowel = (0..=last_vowel)
        .rev()
        .take_while(|&i| vowel(b[i]))
        .last()
        .unwrap_or(last_vowel);
    let run = (0..first_vowel).rev().take_while(|&i| !vowel(b[i])).count();
    let onset = (1..=run.min(3))
        .rev()
        .map(|k| &stem[first_vowel - k..first_vowel])
        .find(|o| o.len() == 1 || ONSETS.contains(o))
        .unwrap_or("");
    let tail = &stem[first_vowel - onset.len()..];
    !(ONE_SYLLABLE_LL.contains(&tail) || is_known_base(tail))
}

/// Consonant clusters that open an English syllable.
const ONSETS: &[&str] = &[
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr", "sc",
    "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "scr", "shr",
    "spl", "spr", "str", "thr",
];

/// The present tense of `base` for a singular (third person) or plural subject.
pub fn present(base: &str, plural: bool) -> String {
    match (base, plural) {
        ("be", false) => "is".into(),
        ("be", true) => "are".into(),
        ("have", false) => "has".into(),
        (_, true) => base.to_string(),
        _ => third_person(base),
    }
}

/// "sign" → "signs", "go" → "goes", "carry" → "carries", "push" → "pushes".
pub fn third_person(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if base.ends_with('y') && n >= 2 && !b"aeiou".contains(&b[n - 2]) {
        return format!("{}ies", &base[..n - 1]);
    }
    if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        return format!("{base}es");
    }
    format!("{base}s")
}

/// The past participle of `base` ("sign" → "signed", "take" → "taken").
pub fn participle(base: &str) -> String {
    if let Some(&(_, _, pp)) = IRREGULAR.iter().find(|(b, _, _)| *b == base) {
        return pp.split('/').next().unwrap_or(pp).to_string();
    }
    let b = base.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let syllables = base
        .as_bytes()
        .windows(2)
        .filter(|w| !vowel(w[0]) && vowel(w[1]))
        .count()
        + usize::from(b.first().is_some_and(|c| vowel(*c)));
    // One syllable ending consonant-vowel-consonant doubles: "strip" → "stripped".
    if n >= 3
        && syllables == 1
        && !vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
    {
        return format!("{base}{}ed", &base[n - 1..]);
    }
    if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y')
        && !base.ends_with("ay")
        && !base.ends_with("ey")
        && !base.ends_with("oy")
    {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_of_forms() {
        for (w, base, form) in [
            ("signed", "sign", VerbForm::Past),
            ("agreed", "agree", VerbForm::Past),
            ("stopped", "stop", VerbForm::Past),
            ("carried", "carry", VerbForm::Past),
            ("arrived", "arrive", VerbForm::Past),
            ("announced", "announce", VerbForm::Past),
            ("fled", "flee", VerbForm::Past),
            ("taken", "take", VerbForm::Participle),
            ("signs", "sign", VerbForm::Third),
            ("carries", "carry", VerbForm::Third),
            ("pushes", "push", VerbForm::Third),
            ("signing", "sign", VerbForm::Gerund),
            ("stopping", "stop", VerbForm::Gerund),
            ("leaving", "leave", VerbForm::Gerund),
            // Unknown to the lexicon: spelling rules.
            ("bulldozed", "bulldoze", VerbForm::Past),
            ("hammered", "hammer", VerbForm::Past),
            ("torpedoed", "torpedo", VerbForm::Past),
            ("grabbed", "grab", VerbForm::Past),
            ("relocated", "relocate", VerbForm::Past),
            ("unveiled", "unveil", VerbForm::Past),
            ("scrapped", "scrap", VerbForm::Past),
            ("tweeted", "tweet", VerbForm::Past),
            ("defrauded", "defraud", VerbForm::Past),
            // A consonant and "l" lost the "e" of "-le"; "r", "w" and "ll" before "l" did not.
            ("struggled", "struggle", VerbForm::Past),
            ("tackling", "tackle", VerbForm::Gerund),
            ("crawled", "crawl", VerbForm::Past),
            ("hurled", "hurl", VerbForm::Past),
            // "-es" only after a sibilant or "o"; a vowel and one "k" drop a silent "e".
            ("rides", "ride", VerbForm::Third),
            ("slides", "slide", VerbForm::Third),
            ("goes", "go", VerbForm::Third),
            ("invoked", "invoke", VerbForm::Past),
            ("revoked", "revoke", VerbForm::Past),
            ("hiked", "hike", VerbForm::Past),
            ("trekked", "trek", VerbForm::Past),
            ("hacked", "hack", VerbForm::Past),
            ("leaked", "leak", VerbForm::Past),
            ("balked", "balk", VerbForm::Past),
            // "-iate" and "-uate" keep their "e"; "ea" and "oa" end a word without one.
            ("graduated", "graduate", VerbForm::Past),
            ("affiliated", "affiliate", VerbForm::Past),
            ("infatuated", "infatuate", VerbForm::Past),
            ("bloated", "bloat", VerbForm::Past),
            ("defeated", "defeat", VerbForm::Past),
            // A single "t" after a consonant and "u" ends "-ute"; "-ou" and a doubled "t"
            // do not.
            ("contributed", "contribute", VerbForm::Past),
            ("persecuting", "persecute", VerbForm::Gerund),
            ("spouted", "spout", VerbForm::Past),
            ("jutted", "jut", VerbForm::Past),
            // British "-lled" from a base in one "l"; one syllable, or a last syllable that
            // is a verb in "-ll" itself, keeps "ll".
            ("backpedalled", "backpedal", VerbForm::Past),
            ("unravelled", "unravel", VerbForm::Past),
            ("tunnelling", "tunnel", VerbForm::Gerund),
            ("patrolled", "patrol", VerbForm::Past),
            ("spelled", "spell", VerbForm::Past),
            ("filled", "fill", VerbForm::Past),
            ("quelled", "quell", VerbForm::Past),
            ("recalled", "recall", VerbForm::Past),
            ("unrolled", "unroll", VerbForm::Past),
            ("forestalled", "forestall", VerbForm::Past),
            ("refilling", "refill", VerbForm::Gerund),
            // "qu" is a consonant: a short stem after it lost its "e" like "not" → "note".
            ("quoted", "quote", VerbForm::Past),
            // A soft "c" or "g" keeps its "e"; a single "r" after one "a", "i", "u" lost one.
            ("emerged", "emerge", VerbForm::Past),
            ("disgorged", "disgorge", VerbForm::Past),
            ("indulging", "indulge", VerbForm::Gerund),
            ("plunged", "plunge", VerbForm::Past),
            ("lounging", "lounge", VerbForm::Gerund),
            ("embraced", "embrace", VerbForm::Past),
            ("voiced", "voice", VerbForm::Past),
            ("trudged", "trudge", VerbForm::Past),
            ("declared", "declare", VerbForm::Past),
            ("inspiring", "inspire", VerbForm::Gerund),
            ("pictured", "picture", VerbForm::Past),
            ("squared", "square", VerbForm::Past),
            ("fractured", "fracture", VerbForm::Past),
            // Hard endings and digraphs need none.
            ("longed", "long", VerbForm::Past),
            ("banged", "bang", VerbForm::Past),
            ("zigzagged", "zigzag", VerbForm::Past),
            ("cleared", "clear", VerbForm::Past),
            ("repaired", "repair", VerbForm::Past),
            ("poured", "pour", VerbForm::Past),
            ("ordered", "order", VerbForm::Past),
            ("starred", "star", VerbForm::Past),
            ("occurred", "occur", VerbForm::Past),
            // Session 16. "f" ends a short word doubled, as "l", "s", "z" do.
            ("stuffed", "stuff", VerbForm::Past),
            ("sniffed", "sniff", VerbForm::Past),
            // A "g" after a vowel is soft: a hard one doubles ("flagged").
            ("averaged", "average", VerbForm::Past),
            ("ravaging", "ravage", VerbForm::Gerund),
            ("besieged", "besiege", VerbForm::Past),
            ("gouged", "gouge", VerbForm::Past),
            ("arranged", "arrange", VerbForm::Past),
            ("flagged", "flag", VerbForm::Past),
            // A consonant and "-in", "-ol", "-ul", "-ad", or a consonant and "-ven".
            ("undermined", "undermine", VerbForm::Past),
            ("bylined", "byline", VerbForm::Past),
            ("cajoled", "cajole", VerbForm::Past),
            ("ridiculed", "ridicule", VerbForm::Past),
            ("paraded", "parade", VerbForm::Past),
            ("intervened", "intervene", VerbForm::Past),
            ("convening", "convene", VerbForm::Gerund),
            ("ruined", "ruin", VerbForm::Past),
            ("leavened", "leaven", VerbForm::Past),
            ("threatened", "threaten", VerbForm::Past),
            ("fooled", "fool", VerbForm::Past),
            // A prefix before a short stressed root.
            ("devoted", "devote", VerbForm::Past),
            ("demoted", "demote", VerbForm::Past),
            ("outvoted", "outvote", VerbForm::Past),
            ("condoned", "condone", VerbForm::Past),
            ("telephoned", "telephone", VerbForm::Past),
            ("deplored", "deplore", VerbForm::Past),
            ("prospered", "prosper", VerbForm::Past),
            ("defusing", "defuse", VerbForm::Gerund),
            ("pivoted", "pivot", VerbForm::Past),
            ("piloted", "pilot", VerbForm::Past),
            ("siphoned", "siphon", VerbForm::Past),
            ("pardoned", "pardon", VerbForm::Past),
            ("sponsored", "sponsor", VerbForm::Past),
            ("conquered", "conquer", VerbForm::Past),
            ("entered", "enter", VerbForm::Past),
            ("interpreted", "interpret", VerbForm::Past),
            ("deposited", "deposit", VerbForm::Past),
            ("inhabited", "inhabit", VerbForm::Past),
            ("edited", "edit", VerbForm::Past),
            ("exited", "exit", VerbForm::Past),
            ("profited", "profit", VerbForm::Past),
            ("debuted", "debut", VerbForm::Past),
        ] {
            assert_eq!(verb_form(w, false), Some((base.to_string(), form)), "{w}");
        }
        assert_eq!(verb_form("treaty", false), None);
        assert_eq!(
            verb_form("talks", true),
            Some(("talk".into(), VerbForm::Third))
        );
        assert_eq!(verb_form("unveiled", true), None);
    }

    #[test]
    fn present_and_participle() {
        assert_eq!(present("sign", false), "signs");
        assert_eq!(present("sign", true), "sign");
        assert_eq!(present("carry", false), "carries");
        assert_eq!(present("go", false), "goes");
        assert_eq!(present("be", true), "are");
        assert_eq!(present("have", false), "has");
        assert_eq!(present("play", false), "plays");
        assert_eq!(participle("take"), "taken");
        assert_eq!(participle("arrest"), "arrested");
        assert_eq!(participle("free"), "freed");
        assert_eq!(participle("bury"), "buried");
        assert_eq!(participle("strip"), "stripped");
        assert_eq!(participle("ban"), "banned");
        assert_eq!(participle("jail"), "jailed");
        assert_eq!(participle("visit"), "visited");
    }
}
