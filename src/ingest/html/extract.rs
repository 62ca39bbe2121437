//! Main-text extraction: which part of the page is the article.
//!
//! Passes over the arena, all loops (no recursion):
//! 1. Forward (parents before children): mark *dead* subtrees (scripts, nav, footer, forms
//!    controls, hidden elements, except hidden boxes full of prose such as collapsed tab
//!    panels) and *junk* subtrees (class/id naming boilerplate in several languages: share,
//!    related, newsletter, cookie, comments, bylines, author bios ...).
//! 2. Backward (children before parents): text, link text, commas, paragraph/list/image
//!    counts per element, over live nodes only; "good" paragraph text per box, and the
//!    part of it in teaser cards (look-alike sibling boxes with a linked headline).
//! 3. The article box: the smallest box holding most of the good text outside teaser
//!    cards (readability-style scoring as a fallback), plus a standfirst just above it.
//! 4. Emission: link-heavy or list-heavy boxes are dropped, text after a teaser heading
//!    ("You may also like", "Leia também") is skipped, caption-named boxes become
//!    captions, headings that are wholly links are dropped unless they open a small box
//!    of prose (a list article's items, a live blog's entries), and each output paragraph
//!    passes a last filter ("Read more", bylines, "Advertisement", date-only lines, CJK
//!    stamps with the word after the date; see [`super::phrases`]).

use super::dom::*;
use super::Block;
use crate::model::ParagraphKind;

/// Per-node facts computed once.
pub struct Analysis {
    pub dead: Vec<bool>,
    /// Inside a boilerplate-named box (or dead).
    pub junk: Vec<bool>,
    /// Inside a box that is surely not this article (comments, related, share; or dead):
    /// dates found there belong to other texts. Headers and "meta" boxes are not in it.
    pub foreign: Vec<bool>,
    text: Vec<u32>,
    link: Vec<u32>,
    commas: Vec<u32>,
    paras: Vec<u32>,
    lis: Vec<u32>,
    imgs: Vec<u32>,
    inputs: Vec<u32>,
    embeds: Vec<u32>,
    /// Embedded social posts (`<blockquote class="twitter-tweet">`, Instagram, TikTok):
    /// quoted content, kept even though they are link-heavy.
    posts: Vec<u32>,
    /// Class/id weight (readability's ±25).
    weight: Vec<i32>,
    /// Class or id names a photo caption ("caption-full", "wp-caption-text", "cutline"):
    /// galleries outside `<figure>` are still captions, not body text.
    caption: Vec<bool>,
    /// Text of paragraphs of some length with few links, summed per box.
    good: Vec<u32>,
    /// The part of `good` that sits in teaser cards (see [`mark_cards`]).
    card_good: Vec<u32>,
}

/// Words that, as the last telling word of a class name or id, name page furniture that
/// never holds the article.
const BOILER_STRONG: &[&str] = &[
    "comment",
    "comments",
    "share",
    "sharing",
    "sharebar",
    "shares",
    "social",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "promo",
    "promos",
    "promotion",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "bio",
    "author",
    "authors",
    "tags",
    "tag",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "rss",
    "follow",
    "login",
    "dialog",
    "lightbox",
    "notification",
    "notifications",
    "toast",
    "disqus",
    "reply",
    "replies",
    "rating",
    "upsell",
    "readmore",
    "copyright",
    "disclaimer",
    "donate",
    "donation",
    "survey",
    "recirculation",
    "recirc",
    "jump",
    "skip",
    "print",
    "feedback",
    "topics",
    "timestamp",
    "dateline",
    "credit",
    "credits",
    // The same furniture named in other languages (es, pt, fr, de, it).
    "relacionadas",
    "relacionados",
    "relacionada",
    "relacionado",
    "correlati",
    "compartir",
    "compartilhar",
    "partager",
    "partage",
    "teilen",
    "condividi",
    "publicidad",
    "publicidade",
    "publicite",
    "werbung",
    "anzeige",
    "pubblicita",
    "autor",
    "autore",
    "auteur",
    "lidas",
    "leidas",
    "populares",
];
/// Furniture words that sites also use for layout wrappers ("main-with-sidebar"): such a
/// box is dropped unless it holds most of the page's paragraphs.
const BOILER_WEAK: &[&str] = &[
    "banner",
    "sidebar",
    "side",
    "widget",
    "footer",
    "header",
    "nav",
    "navigation",
    "navbar",
    "menu",
    "pagination",
    "pager",
    "toolbar",
    "masthead",
    "meta",
    "overlay",
    "dropdown",
    "tooltip",
    "sticky",
    "tools",
    "utility",
    "actions",
    "more",
    "partner",
    "partners",
    "categories",
    "offscreen",
    "alert",
    "teaser",
    "extra",
    "supplemental",
    "listing",
    // Paywalled sites often ship the full text inside the paywall box.
    "paywall",
];
/// Words that say nothing about what a box holds ("share-buttons-wrapper" is about
/// sharing); skipped when looking for the telling word of a class name.
const GENERIC_WORDS: &[&str] = &[
    "list",
    "lists",
    "wrapper",
    "wrap",
    "container",
    "box",
    "block",
    "area",
    "section",
    "links",
    "link",
    "bar",
    "inner",
    "outer",
    "holder",
    "module",
    "item",
    "items",
    "group",
    "panel",
    "inline",
    "top",
    "bottom",
    "left",
    "right",
    "content",
    "body",
    "text",
    "posts",
    "stories",
    "articles",
    "title",
    "heading",
    "label",
    "icon",
    "icons",
    "button",
    "buttons",
    "btn",
    "count",
    "region",
    "zone",
    "slot",
    "unit",
    "component",
    "mobile",
    "desktop",
    "wide",
    "full",
    "js",
    "el",
    "col",
    "row",
    "grid",
    "card",
    "cards",
    "new",
    "small",
    "large",
    "primary",
    "secondary",
    "global",
    "page",
    "site",
    "the",
    "a",
    "container",
    "outer",
    "main",
    "default",
    "single",
    "layout",
    "c",
    "l",
    "m",
    "o",
    "u",
    "is",
    "v",
    "window",
];
/// Whole class names that hide an element from sighted readers.
const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader",
    "hidden",
    "hide",
    "is-hidden",
    "u-hidden",
    "offscreen",
    "sr-text",
];

/// Splits a class name into lowercase words at `-`, `_`, digits and camelCase humps.
pub(super) fn words(name: &str, out: &mut Vec<String>) {
    out.clear();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_ascii_lowercase();
            cur.push(c.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

/// True when a class name / id names boilerplate: its last telling word (generic words
/// like "wrapper" skipped) is a boilerplate word: "article-body__share-tools" → tools,
/// "comments-area" → comments, but "tag-some-person" (a WordPress taxonomy class on the
/// article itself) → person, not boilerplate. State classes ("has-sidebar") describe the
/// page layout, not the box, and are ignored.
fn boiler_name(name: &str, buf: &mut Vec<String>) -> u8 {
    if name.len() > 80 {
        return 0;
    }
    let l = name.to_ascii_lowercase();
    if HIDDEN_CLASSES.contains(&l.as_str()) {
        return 2;
    }
    // Layout state ("has-sidebar") and CMS taxonomy ("category-promotions", "tag-ads") name
    // the page or the story's topics, not the box.
    const IGNORE: &[&str] = &[
        "has-",
        "with-",
        "no-",
        "show-",
        "is-",
        "has_",
        "with_",
        "no_",
        "category-",
        "tag-",
        "type-",
        "status-",
        "format-",
        "section-",
        "topic-",
    ];
    if IGNORE.iter().any(|p| l.starts_with(p)) {
        return 0;
    }
    words(name, buf);
    // Widget brands name their furniture wherever the word stands ("disqus_thread",
    // "addtoany_share_save_container", "jp-relatedposts").
    for w in buf.iter() {
        match w.as_str() {
            "disqus" | "wpdiscuz" => return 3,
            "sharedaddy" | "addtoany" | "sharethis" | "shareaholic" | "yarpp" | "relatedposts"
            | "outbrain" | "taboola" | "zergnet" => return 2,
            _ => {}
        }
    }
    for w in buf.iter().rev() {
        if GENERIC_WORDS.contains(&w.as_str()) {
            continue;
        }
        if matches!(
            w.as_str(),
            "comment"
                | "comments"
                | "disqus"
                | "reply"
                | "replies"
                | "comentarios"
                | "comentario"
                | "comentários"
                | "commentaires"
                | "commentaire"
                | "kommentare"
                | "kommentar"
                | "commenti"
                | "commento"
        ) {
            return 3;
        }
        if BOILER_STRONG.contains(&w.as_str()) {
            return 2;
        }
        if BOILER_WEAK.contains(&w.as_str()) {
            return 1;
        }
        return 0;
    }
    0
}

/// A class name whose telling word (as in [`boiler_name`]) names a byline or timestamp.
fn names_byline(name: &str, buf: &mut Vec<String>) -> bool {
    if name.len() > 80 {
        return false;
    }
    words(name, buf);
    buf.iter()
        .rev()
        .find(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .is_some_and(|w| {
            matches!(
                w.as_str(),
                "byline"
                    | "timestamp"
                    | "dateline"
                    | "author"
                    | "authors"
                    | "autor"
                    | "autore"
                    | "auteur"
            )
        })
}

/// [`boiler_name`] for tests: 0 none, 1 weak, 2 strong, 3 comments.
#[cfg(test)]
pub fn boiler_level(name: &str) -> u8 {
    boiler_name(name, &mut Vec::new())
}

/// An embedded social post: `<blockquote class="twitter-tweet">`, Instagram, TikTok...
fn is_post(doc: &Doc, i: u32) -> bool {
    let cls = doc.attr(i, AttrName::Class).unwrap_or("");
    [
        "tweet",
        "instagram",
        "tiktok",
        "bluesky",
        "mastodon",
        "threads",
    ]
    .iter()
    .any(|w| contains_ci(cls, w))
}

fn names_caption(name: &str) -> bool {
    contains_ci(name, "caption") || contains_ci(name, "cutline")
}

/// ASCII case-insensitive substring test.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|x| x.eq_ignore_ascii_case(needle.as_bytes()))
}

fn class_weight(cls: &str) -> i32 {
    let l = cls.to_ascii_lowercase();
    let neg = [
        "hidden",
        "banner",
        "combx",
        "comment",
        "com-",
        "contact",
        "foot",
        "footnote",
        "masthead",
        "media",
        "meta",
        "outbrain",
        "promo",
        "related",
        "scroll",
        "share",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "sponsor",
        "shopping",
        "tags",
        "tool",
        "widget",
    ];
    let pos = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
        "blog", "story",
    ];
    let mut w = 0;
    if neg.iter().any(|k| l.contains(k)) {
        w -= 25;
    }
    if pos.iter().any(|k| l.contains(k)) {
        w += 25;
    }
    w
}

fn dead_tag(t: u32) -> bool {
    matches!(
        t,
        HEAD | TITLE
            | META
            | LINK
            | SCRIPT
            | STYLE
            | NOSCRIPT
            | TEMPLATE
            | SVG
            | MATH
            | BUTTON
            | SELECT
            | OPTION
            | INPUT
            | TEXTAREA
            | IFRAME
            | CANVAS
            | OBJECT
            | EMBED
            | VIDEO
            | AUDIO
            | NAV
            | ASIDE
            | FOOTER
            | DIALOG
            | MENU
            | LABEL
    )
}

/// The nearest sectioning element around node `i` (`<article>`, `<section>`, `<aside>`,
/// `<nav>`), the one a `<footer>` belongs to in HTML; `None` under the body itself.
fn section_of(doc: &Doc, i: usize) -> Option<usize> {
    let mut p = doc.nodes[i].parent;
    while p != NONE && p != 0 {
        match doc.nodes[p as usize].tag {
            ARTICLE | SECTION | ASIDE | NAV => return Some(p as usize),
            BODY | HTML => return None,
            _ => p = doc.nodes[p as usize].parent,
        }
    }
    None
}

/// Hidden by markup that pages also use for tab panels and "read the rest" folds
/// (`hidden`, `display:none`): such a box is kept when it holds paragraphs of prose.
fn softly_hidden(doc: &Doc, i: u32) -> bool {
    if doc.attr(i, AttrName::Hidden).is_some() {
        return true;
    }
    if let Some(s) = doc.attr(i, AttrName::Style) {
        if !contains_ci(s, "none") && !contains_ci(s, "hidden") {
            return false;
        }
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Hidden from everyone, or a landmark that is never the article (navigation, dialogs).
fn hidden(doc: &Doc, i: u32) -> bool {
    if doc
        .attr(i, AttrName::AriaHidden)
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(r) = doc.attr(i, AttrName::Role) {
        let r = r.to_ascii_lowercase();
        if matches!(
            r.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "menu"
                | "menubar"
                | "search"
                | "alertdialog"
                | "toolbar"
        ) {
            return true;
        }
    }
    false
}

fn non_space_chars(s: &str) -> (u32, u32) {
    let mut n = 0u32;
    let mut commas = 0u32;
    for c in s.chars() {
        if !c.is_whitespace() {
            n += 1;
        }
        if matches!(
            c,
            ',' | '،' | '，' | '、' | '﹐' | '︐' | '﹑' | '⹁' | '⸴' | '⸲'
        ) {
            commas += 1;
        }
    }
    (n, commas)
}

/// Characters of real paragraphs (`<p>` of 80+ characters) per box, scripts and styles
/// left out: tells a collapsed tab panel full of article text from a hidden menu.
fn prose_per_node(doc: &Doc) -> Vec<u32> {
    let n = doc.nodes.len();
    let mut text = vec![0u32; n];
    let mut prose = vec![0u32; n];
    for i in (1..n).rev() {
        let node = &doc.nodes[i];
        match node.tag {
            TEXT => text[i] = non_space_chars(doc.node_text(i as u32)).0,
            t if dead_tag(t) && t != FOOTER && t != ASIDE && t != NAV => {
                text[i] = 0;
                prose[i] = 0;
            }
            P if text[i] >= 80 => prose[i] = text[i],
            _ => {}
        }
        let p = node.parent as usize;
        text[p] += text[i];
        prose[p] += prose[i];
    }
    prose
}

pub fn analyse(doc: &Doc) -> Analysis {
    let n = doc.nodes.len();
    let mut a = Analysis {
        dead: vec![false; n],
        junk: vec![false; n],
        foreign: vec![false; n],
        text: vec![0; n],
        link: vec![0; n],
        commas: vec![0; n],
        paras: vec![0; n],
        lis: vec![0; n],
        imgs: vec![0; n],
        inputs: vec![0; n],
        embeds: vec![0; n],
        posts: vec![0; n],
        weight: vec![0; n],
        caption: vec![false; n],
        good: vec![0; n],
        card_good: vec![0; n],
    };
    let mut buf = Vec::new();
    let mut boiler = vec![0u8; n];
    // Bylines and timestamps are furniture for the text, but their dates are this article's.
    let mut byline_box = vec![false; n];
    // Dead by its own tag or markup, not only by its parent's.
    let mut self_dead = vec![false; n];
    // Computed on the first softly hidden box (most pages have none).
    let mut prose: Option<Vec<u32>> = None;
    for (i, node) in doc.nodes.iter().enumerate().skip(1) {
        let p = node.parent as usize;
        if node.tag == TEXT {
            a.dead[i] = a.dead[p];
            continue;
        }
        let id = i as u32;
        self_dead[i] = dead_tag(node.tag)
            || hidden(doc, id)
            || (softly_hidden(doc, id)
                && prose.get_or_insert_with(|| prose_per_node(doc))[i] < 200);
        a.dead[i] = a.dead[p] || self_dead[i];
        let cls = doc.attr(id, AttrName::Class).unwrap_or("");
        let eid = doc.attr(id, AttrName::Id).unwrap_or("");
        // Inline markup inside a paragraph is prose whatever its class ("textTag" links).
        let inline_in_para = matches!(node.tag, A | SPAN) && p != 0 && doc.nodes[p].tag == P;
        if node.tag != BODY && node.tag != HTML && !inline_in_para {
            let mut b = cls
                .split_ascii_whitespace()
                .map(|c| boiler_name(c, &mut buf))
                .max()
                .unwrap_or(0)
                .max(boiler_name(eid, &mut buf));
            if node.tag == HEADER {
                b = b.max(1);
            }
            // Custom elements are named like classes (`<amp-sidebar>`, `<ad-slot>`,
            // `<share-bar>`): their name tells what they hold.
            if node.tag as usize >= KNOWN_TAGS.len() {
                let name = doc.tag_name(id);
                if name.contains('-') {
                    b = b.max(boiler_name(name, &mut buf));
                }
            }
            boiler[i] = b;
            if b >= 2
                && cls
                    .split_ascii_whitespace()
                    .chain(std::iter::once(eid))
                    .any(|c| names_byline(c, &mut buf))
            {
                byline_box[i] = true;
            }
        }
        if !cls.is_empty() || !eid.is_empty() {
            a.weight[i] = class_weight(cls) + class_weight(eid);
            a.caption[i] = names_caption(cls) || names_caption(eid);
        }
    }
    // A box named like boilerplate that holds the headline and several paragraphs, or the
    // microdata article body, is a layout wrapper ("wrapper header-style-2"), not furniture;
    // so is a weakly named box holding most of the page's non-link text.
    let mut holds_h1 = vec![false; n];
    let mut holds_body = vec![false; n];
    let mut paras = vec![0u32; n];
    let mut plain = vec![0u32; n];
    let mut all = vec![0u32; n];
    // List items that contain a link, per list: teaser lists ("more stories") link every item.
    let mut linked_items = vec![0u32; n];
    let mut items = vec![0u32; n];
    // Holds a picture or a heading below h1: with a link, that makes a teaser card.
    let mut pic_or_head = vec![false; n];
    // Holds an embedded social post: a "widget" box around a quoted tweet is the article's.
    let mut has_post = vec![false; n];
    for i in (1..n).rev() {
        if a.dead[i] {
            continue;
        }
        let node = &doc.nodes[i];
        match node.tag {
            P => paras[i] += 1,
            H1 => holds_h1[i] = true,
            IMG | PICTURE | H2 | H3 | H4 | H5 | H6 => pic_or_head[i] = true,
            BLOCKQUOTE if is_post(doc, i as u32) => has_post[i] = true,
            TEXT => {
                plain[i] = non_space_chars(doc.node_text(i as u32)).0;
                all[i] = plain[i];
            }
            A => plain[i] = 0,
            LI | ARTICLE if node.parent != NONE => {
                let p = node.parent as usize;
                items[p] += 1;
                // A short item with a link, mostly a link, or a card with a picture or
                // a heading: a teaser. Long prose items with a link or two are text.
                if plain[i] < all[i] && (plain[i] * 2 < all[i] || all[i] < 250 || pic_or_head[i]) {
                    linked_items[p] += 1;
                }
            }
            UL | OL if items[i] >= 3 && linked_items[i] * 10 >= items[i] * 7 => {
                boiler[i] = boiler[i].max(2);
            }
            _ => {}
        }
        if node.tag != TEXT
            && doc
                .attr(i as u32, AttrName::Itemprop)
                .is_some_and(|v| v.contains("articleBody"))
        {
            holds_body[i] = true;
        }
        let p = node.parent as usize;
        paras[p] += paras[i];
        plain[p] += plain[i];
        all[p] += all[i];
        holds_h1[p] |= holds_h1[i];
        pic_or_head[p] |= pic_or_head[i];
        has_post[p] |= has_post[i];
        holds_body[p] |= holds_body[i];
    }
    // A box that opens with a comment heading ("12 responses", "Comments (4)") holds
    // comments, whatever its class says, unless it holds the headline or most of the page.
    // (A comment heading further down a box only ends the text before it: see `emit`.)
    for i in 1..n {
        if !matches!(doc.nodes[i].tag, H2 | H3 | H4 | H5 | H6) || a.dead[i] {
            continue;
        }
        let p = doc.nodes[i].parent as usize;
        if p == 0 || holds_h1[p] || holds_body[p] || paras[p] * 2 > paras[0] {
            continue;
        }
        let first_element = doc
            .children(p as u32)
            .find(|&c| doc.nodes[c as usize].tag != TEXT || !doc.node_text(c).trim().is_empty());
        if first_element != Some(i as u32) {
            continue;
        }
        let t = short_text(doc, i as u32);
        if super::phrases::is_comment_heading(&t.split_whitespace().collect::<Vec<_>>().join(" ")) {
            boiler[p] = 3;
        }
    }
    let total_plain = plain[0].max(1);
    // Dead for the text but not for dates: an article's own `<footer>` (HTML's footer of
    // its nearest sectioning element) holds its byline and date ("Posted on 14 September
    // 2023 in News"), never another story's; a page's footer stays dead for both.
    let mut date_dead = vec![false; n];
    for i in 1..n {
        let p = doc.nodes[i].parent as usize;
        let own_footer = doc.nodes[i].tag == FOOTER
            && section_of(doc, i)
                .is_some_and(|s| doc.nodes[s].tag == ARTICLE && (holds_h1[s] || holds_body[s]));
        date_dead[i] = date_dead[p] || (self_dead[i] && !own_footer);
        let wrapper = holds_body[i]
            || (boiler[i] == 1 && has_post[i])
            || (holds_h1[i] && paras[i] >= 3 && boiler[i] < 3)
            || (boiler[i] == 1 && plain[i] * 5 > total_plain * 2)
            || (boiler[i] == 2 && plain[i] * 5 > total_plain * 3);
        a.junk[i] = a.dead[i] || a.junk[p] || (boiler[i] > 0 && !wrapper);
        a.foreign[i] =
            date_dead[i] || a.foreign[p] || (boiler[i] >= 2 && !wrapper && !byline_box[i]);
    }
    // Bottom-up stats over nodes that are neither dead nor junk.
    for i in (1..n).rev() {
        if a.junk[i] {
            continue;
        }
        let node = &doc.nodes[i];
        let tag = node.tag;
        match tag {
            TEXT => {
                let (t, c) = non_space_chars(doc.node_text(i as u32));
                a.text[i] = t;
                a.commas[i] = c;
            }
            A => a.link[i] = a.text[i],
            P => a.paras[i] += 1,
            LI => a.lis[i] += 1,
            IMG => a.imgs[i] += 1,
            INPUT | SELECT | TEXTAREA => a.inputs[i] += 1,
            IFRAME | EMBED | OBJECT | VIDEO => a.embeds[i] += 1,
            BLOCKQUOTE if is_post(doc, i as u32) => a.posts[i] += 1,
            _ => {}
        }
        let p = node.parent as usize;
        a.text[p] += a.text[i];
        a.link[p] += a.link[i];
        a.commas[p] += a.commas[i];
        a.paras[p] += a.paras[i];
        a.lis[p] += a.lis[i];
        a.imgs[p] += a.imgs[i];
        a.inputs[p] += a.inputs[i];
        a.embeds[p] += a.embeds[i];
        a.posts[p] += a.posts[i];
    }
    // A box named as a caption that holds more than a caption's text ("has-captions" on
    // the article body) is not one.
    for i in 1..n {
        if a.caption[i] && (a.text[i] > 600 || a.paras[i] > 2) {
            a.caption[i] = false;
        }
    }
    // A small box holding a picture and a line of text, named as a picture ("image top",
    // "photo-wrap"): the text is the picture's caption even without <figure>.
    for i in 1..n {
        if a.imgs[i] >= 1
            && a.paras[i] <= 1
            && (1..300).contains(&a.text[i])
            && matches!(doc.nodes[i].tag, DIV | SPAN | SECTION)
        {
            let cls = doc.attr(i as u32, AttrName::Class).unwrap_or("");
            if ["image", "photo", "img", "picture", "media"]
                .iter()
                .any(|w| contains_ci(cls, w))
            {
                a.caption[i] = true;
            }
        }
    }
    // Good paragraph text per box (see `select_by_mass`).
    for i in (1..n).rev() {
        if a.junk[i] {
            continue;
        }
        let node = &doc.nodes[i];
        let own = match node.tag {
            P | PRE | BLOCKQUOTE if a.paras[i] <= 1 => a.text[i],
            // List items and cells count half: teaser lists are lists, articles are prose.
            TD | LI | DD if a.paras[i] == 0 => a.text[i] / 2,
            DIV | SECTION | ARTICLE | SPAN => {
                let (mut t, mut l) = (0, 0);
                for c in doc.children(i as u32) {
                    let cu = c as usize;
                    if !is_block(doc.nodes[cu].tag) && !a.junk[cu] && doc.nodes[cu].tag != SPAN {
                        t += a.text[cu];
                        l += a.link[cu];
                    }
                }
                if l * 3 > t {
                    0
                } else {
                    t
                }
            }
            _ => 0,
        };
        if own >= 30 && (matches!(node.tag, DIV | SECTION | ARTICLE | SPAN) || a.link[i] * 3 < own)
        {
            a.good[i] += own;
        }
        let p = node.parent as usize;
        a.good[p] += a.good[i];
    }
    mark_cards(doc, &mut a, &all, &plain, &pic_or_head);
    a
}

/// Teaser cards: three or more sibling boxes of one tag and class, each short (under 800
/// characters) with a linked headline and a picture or heading (or mostly links), as in
/// "more stories" grids and
/// feeds of other articles below the story. Their paragraph text is summed in `card_good`
/// so that choosing the article box does not count it (on pages where such a feed is long,
/// the box holding "most of the good text" would otherwise be the whole page). `all` and
/// `plain` are all text and non-link text per node, counted inside junk boxes too (a card's
/// headline often sits in a `<header>`).
fn mark_cards(doc: &Doc, a: &mut Analysis, all: &[u32], plain: &[u32], pic_or_head: &[bool]) {
    let n = doc.nodes.len();
    let total_good = a.good[0];
    let is_card = |i: usize| {
        let links = all[i] - plain[i].min(all[i]);
        matches!(doc.nodes[i].tag, ARTICLE | LI | DIV | SECTION)
            && !a.dead[i]
            && (30..800).contains(&all[i])
            && links >= 15
            && (links * 6 >= all[i] || pic_or_head[i])
            // A teaser is never most of the page's prose.
            && a.good[i] * 2 < total_good.max(1)
    };
    // Cards in a grid look alike: same tag and class as two other cards among the siblings
    // (sorted by that key, so a page of a million siblings stays n log n).
    let mut teaser = vec![false; n];
    let mut sibs: Vec<(u32, &str, u32)> = Vec::new();
    for p in 0..n {
        if doc.nodes[p].tag == TEXT || doc.nodes[p].first_child == NONE {
            continue;
        }
        sibs.clear();
        sibs.extend(
            doc.children(p as u32)
                .filter(|&c| is_card(c as usize))
                .map(|c| {
                    let class = doc.attr(c, AttrName::Class).unwrap_or("");
                    (doc.nodes[c as usize].tag, class, c)
                }),
        );
        if sibs.len() < 3 {
            continue;
        }
        sibs.sort_unstable();
        let mut start = 0;
        while start < sibs.len() {
            let key = (sibs[start].0, sibs[start].1);
            let mut end = start;
            while end < sibs.len() && (sibs[end].0, sibs[end].1) == key {
                end += 1;
            }
            if end - start >= 3 {
                for s in &sibs[start..end] {
                    teaser[s.2 as usize] = true;
                }
            }
            start = end;
        }
    }
    for i in (1..n).rev() {
        let p = doc.nodes[i].parent as usize;
        if teaser[i] {
            a.card_good[i] = a.good[i];
        }
        a.card_good[p] += a.card_good[i];
    }
}

impl Analysis {
    /// (good, card_good) of a node, for the scorer's `--dump`.
    pub fn mass_of(&self, i: usize) -> (u32, u32) {
        (self.good[i], self.card_good[i])
    }
    fn link_density(&self, i: usize) -> f32 {
        if self.text[i] == 0 {
            0.0
        } else {
            self.link[i] as f32 / self.text[i] as f32
        }
    }
}

/// Every piece of text on the page outside scripts, styles and the head, one paragraph per
/// block element: the last resort for a page where no article box can be found (a few
/// lines of text, broken markup, text only inside navigation or a hidden box), so that a
/// text-bearing page never comes out empty.
pub fn all_text(doc: &Doc) -> Vec<Block> {
    let n = doc.nodes.len();
    let mut skip = vec![false; n];
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let flush = |buf: &mut String, blocks: &mut Vec<Block>| {
        let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
        buf.clear();
        if !text.is_empty() {
            blocks.push(Block {
                kind: ParagraphKind::Body,
                text,
            });
        }
    };
    for i in 1..n {
        let node = &doc.nodes[i];
        let p = node.parent as usize;
        skip[i] = skip[p]
            || matches!(
                node.tag,
                HEAD | TITLE | SCRIPT | STYLE | TEMPLATE | SVG | MATH | NOSCRIPT | OPTION
            );
        if skip[i] {
            continue;
        }
        if node.tag == TEXT {
            buf.push_str(doc.node_text(i as u32));
        } else if is_block(node.tag) || node.tag == BR {
            flush(&mut buf, &mut blocks);
        }
    }
    flush(&mut buf, &mut blocks);
    blocks
}

fn is_block(t: u32) -> bool {
    matches!(
        t,
        P | DIV
            | SECTION
            | ARTICLE
            | MAIN
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | UL
            | OL
            | LI
            | DL
            | DT
            | DD
            | BLOCKQUOTE
            | FIGURE
            | FIGCAPTION
            | PRE
            | TABLE
            | TR
            | TD
            | TH
            | TBODY
            | THEAD
            | TFOOT
            | HEADER
            | FOOTER
            | HR
            | ADDRESS
            | DETAILS
            | SUMMARY
            | CAPTION
            | FORM
    )
}

/// Picks the article container(s): readability's candidate scoring.
pub fn select_roots(doc: &Doc, a: &Analysis, use_junk: bool) -> Vec<u32> {
    let n = doc.nodes.len();
    let mut score = vec![0f32; n];
    let mut is_cand = vec![false; n];
    let excluded = |i: usize| if use_junk { a.junk[i] } else { a.dead[i] };
    let mut cands: Vec<usize> = Vec::new();
    for i in 1..n {
        let node = &doc.nodes[i];
        if excluded(i) || node.tag == TEXT {
            continue;
        }
        // Paragraphs, and divs whose own inline content (text, spans, links: not child
        // blocks) is paragraph-sized, as in br-separated and span-soup layouts.
        let len = match node.tag {
            P | PRE | TD => a.text[i],
            DIV | SECTION | ARTICLE => {
                let (mut t, mut l) = (0, 0);
                for c in doc.children(i as u32) {
                    let cu = c as usize;
                    if !is_block(doc.nodes[cu].tag) && !a.junk[cu] {
                        t += a.text[cu];
                        l += a.link[cu];
                    }
                }
                if l * 2 > t {
                    continue;
                }
                t.min(1000)
            }
            _ => continue,
        };
        let s = 1.0 + a.commas[i].min(50) as f32 + (len as f32 / 85.0).min(3.0);
        let mut anc = node.parent;
        let mut level = 0;
        while anc != NONE && anc != 0 && level < 5 {
            let ai = anc as usize;
            if matches!(doc.nodes[ai].tag, HTML | BODY) {
                break;
            }
            if !is_cand[ai] {
                is_cand[ai] = true;
                cands.push(ai);
                let base = match doc.nodes[ai].tag {
                    DIV | ARTICLE | MAIN | SECTION => 5.0,
                    PRE | TD | BLOCKQUOTE => 3.0,
                    ADDRESS | OL | UL | DL | DD | DT | LI | FORM => -3.0,
                    H1 | H2 | H3 | H4 | H5 | H6 | TH => -5.0,
                    _ => 0.0,
                };
                score[ai] += base + a.weight[ai] as f32;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[ai] += s / div;
            anc = doc.nodes[ai].parent;
            level += 1;
        }
    }
    for &c in &cands {
        score[c] *= 1.0 - a.link_density(c);
    }
    let Some(&best) = cands
        .iter()
        .max_by(|&&x, &&y| score[x].total_cmp(&score[y]))
    else {
        return Vec::new();
    };
    let mut top = best;
    // Several strong candidates under one ancestor: the article is that ancestor.
    let mut tops: Vec<usize> = cands.clone();
    tops.sort_by(|&x, &y| score[y].total_cmp(&score[x]));
    tops.truncate(5);
    let alts: Vec<usize> = tops
        .iter()
        .skip(1)
        .copied()
        .filter(|&c| score[c] >= score[top] * 0.75)
        .collect();
    if alts.len() >= 3 {
        let mut p = doc.nodes[top].parent;
        while p != NONE && p != 0 && doc.nodes[p as usize].tag != BODY {
            let shared = alts
                .iter()
                .filter(|&&c| is_ancestor(doc, p, c as u32))
                .count();
            if shared >= 3 {
                top = p as usize;
                break;
            }
            p = doc.nodes[p as usize].parent;
        }
    }
    // Climb while the parent scores comparably (the article is split into sub-boxes).
    let threshold = score[top] / 3.0;
    let mut last = score[top];
    let mut p = doc.nodes[top].parent;
    while p != NONE && p != 0 && doc.nodes[p as usize].tag != BODY {
        let pi = p as usize;
        if !is_cand[pi] {
            p = doc.nodes[pi].parent;
            continue;
        }
        if score[pi] < threshold {
            break;
        }
        if score[pi] > last {
            top = pi;
            break;
        }
        last = score[pi];
        p = doc.nodes[pi].parent;
    }
    // An only child adds nothing: use the parent.
    loop {
        let p = doc.nodes[top].parent;
        if p == NONE || p == 0 || doc.nodes[p as usize].tag == BODY {
            break;
        }
        let elems = doc
            .children(p)
            .filter(|&c| doc.nodes[c as usize].tag != TEXT && !excluded(c as usize))
            .count();
        if elems != 1 {
            break;
        }
        top = p as usize;
    }
    // Siblings that look like more of the article.
    let parent = doc.nodes[top].parent;
    if parent == NONE {
        return vec![top as u32];
    }
    let thr = (score[top] * 0.2).max(10.0);
    let top_class = doc.attr(top as u32, AttrName::Class).unwrap_or("");
    let mut roots = Vec::new();
    for s in doc.children(parent) {
        let si = s as usize;
        if si == top {
            roots.push(s);
            continue;
        }
        if excluded(si) || doc.nodes[si].tag == TEXT {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && doc.attr(s, AttrName::Class) == Some(top_class) {
            bonus = score[top] * 0.2;
        }
        let ok = if is_cand[si] && score[si] + bonus >= thr {
            true
        } else if doc.nodes[si].tag == P {
            let ld = a.link_density(si);
            let len = a.text[si];
            let t = super::meta::inner_text(doc, s, 400);
            (len > 80 && ld < 0.25)
                || (len > 0 && ld == 0.0 && (t.ends_with('.') || t.contains(". ")))
        } else {
            false
        };
        if ok {
            roots.push(s);
        }
    }
    roots
}

/// The smallest box holding most of the page's good paragraph text (paragraphs of some
/// length with few links). Robust to deep wrapper nesting, where readability's "score the
/// parent and grandparent" never reaches the box that holds all the paragraphs.
pub fn select_by_mass(doc: &Doc, a: &Analysis, share: f32) -> Option<u32> {
    // Teaser cards do not count, unless they are most of the page (then the article may
    // itself be a list of cards).
    let discount = a.card_good[0] * 2 <= a.good[0];
    let mass = |i: usize| {
        if discount {
            a.good[i] - a.card_good[i].min(a.good[i])
        } else {
            a.good[i]
        }
    };
    let total = mass(0);
    if total == 0 {
        return None;
    }
    let need = (total as f32 * share) as u32;
    let mut cur = 0u32;
    'descend: loop {
        for c in doc.children(cur) {
            if mass(c as usize) >= need && doc.nodes[c as usize].tag != TEXT {
                cur = c;
                continue 'descend;
            }
        }
        break;
    }
    // A lone paragraph is not a container: use its parent.
    if matches!(
        doc.nodes[cur as usize].tag,
        P | PRE | TD | LI | DD | BLOCKQUOTE
    ) {
        cur = doc.nodes[cur as usize].parent;
    }
    Some(cur)
}

/// When the article box holds several stories, each under its own `<h1>` (a site that
/// appends the next article to the page as the reader scrolls), the story of the page's
/// headline (`title`; else the first). A story is the box just below `root` that holds
/// an `<h1>` and a fifth of the box's good text.
pub fn one_story(doc: &Doc, a: &Analysis, root: u32, title: Option<&str>) -> u32 {
    let total = a.good[root as usize].max(1);
    // (story box, its h1) for each h1 under root, in document order.
    let mut stories: Vec<(u32, u32)> = Vec::new();
    let end = subtree_end(doc, root);
    for i in (root as usize + 1)..end {
        if doc.nodes[i].tag != H1 || a.junk[i] {
            continue;
        }
        let mut b = i as u32;
        while doc.nodes[b as usize].parent != root && doc.nodes[b as usize].parent != NONE {
            b = doc.nodes[b as usize].parent;
        }
        if stories.iter().any(|s| s.0 == b) || stories.len() >= 16 {
            return root; // two headlines in one box: a page of its own making, leave it
        }
        stories.push((b, i as u32));
    }
    let big = stories
        .iter()
        .filter(|(b, _)| a.good[*b as usize] * 5 >= total)
        .count();
    if stories.len() < 2 || big < 2 {
        return root;
    }
    let norm = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect()
    };
    let want = title.map(norm).unwrap_or_default();
    stories
        .iter()
        .find(|(_, h)| {
            let h = norm(&super::meta::inner_text(doc, *h, 300));
            !h.is_empty() && !want.is_empty() && (want.starts_with(&h) || h.starts_with(&want))
        })
        .or(stories.first())
        .map(|s| s.0)
        .unwrap_or(root)
}

/// One past the last node of `i`'s subtree (nodes are in document order).
fn subtree_end(doc: &Doc, i: u32) -> usize {
    let mut n = i;
    loop {
        let node = &doc.nodes[n as usize];
        if node.next_sibling != NONE {
            return node.next_sibling as usize;
        }
        if node.parent == NONE {
            return doc.nodes.len();
        }
        n = node.parent;
    }
}

/// The standfirst printed just above the body box ("article__summary", "lead", "dek";
/// "teaser" on many European sites, where the word names the standfirst of the article
/// itself): part of the article though sites keep it out of the body's container. Looked
/// for among the few element siblings before the box and before its parent. Returns the
/// box and whether it is named like (weak) furniture, so must be read with names ignored.
pub fn lead_before(doc: &Doc, a: &Analysis, root: u32) -> Option<(u32, bool)> {
    const LEAD: &[&str] = &[
        "summary",
        "lead",
        "standfirst",
        "intro",
        "dek",
        "excerpt",
        "subtitle",
        "subheadline",
        "description",
        "teaser",
    ];
    let mut anc = root;
    for _ in 0..2 {
        let p = doc.nodes[anc as usize].parent;
        if p == NONE || p == 0 {
            return None;
        }
        // Element siblings before `anc`, nearest first (at most four).
        let mut before: Vec<u32> = Vec::new();
        for c in doc.children(p) {
            if c == anc {
                break;
            }
            if doc.nodes[c as usize].tag != TEXT {
                before.push(c);
            }
        }
        for &c in before.iter().rev().take(4) {
            let ci = c as usize;
            let cls = doc.attr(c, AttrName::Class).unwrap_or("");
            if a.dead[ci] || a.foreign[ci] || !LEAD.iter().any(|w| contains_ci(cls, w)) {
                continue;
            }
            if a.junk[ci] {
                // Weakly named ("article-teaser"): no text stats were kept for it. A
                // standfirst is a short run of text with no links and no picture.
                let len = super::meta::inner_text(doc, c, 700).chars().count();
                if (40..=600).contains(&len) && plain_box(doc, c) {
                    return Some((c, true));
                }
                continue;
            }
            if a.text[ci] < 40 || a.text[ci] > 600 {
                continue;
            }
            if a.link[ci] * 4 > a.text[ci] || a.caption[ci] || a.imgs[ci] > 0 {
                continue;
            }
            return Some((c, false));
        }
        anc = p;
    }
    None
}

/// A small box without links, pictures or embeds (looks at most 200 nodes).
fn plain_box(doc: &Doc, i: u32) -> bool {
    let mut stack = vec![i];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 200 {
            return false;
        }
        if matches!(
            doc.nodes[n as usize].tag,
            A | IMG | PICTURE | IFRAME | VIDEO | FIGURE
        ) {
            return false;
        }
        stack.extend(doc.children(n));
    }
    true
}

fn is_ancestor(doc: &Doc, anc: u32, mut n: u32) -> bool {
    let mut steps = 0;
    while n != NONE && steps < MAX_DEPTH + 2 {
        if n == anc {
            return true;
        }
        n = doc.nodes[n as usize].parent;
        steps += 1;
    }
    false
}

/// Readability's "clean conditionally": boxes inside the article that are mostly links,
/// images, form fields or short list items are furniture, not text.
fn drop_box(doc: &Doc, a: &Analysis, i: usize) -> bool {
    let tag = doc.nodes[i].tag;
    if !matches!(tag, DIV | SECTION | UL | OL | TABLE | FORM | FIGURE | DL)
        && !is_layout_cell(doc, a, i)
    {
        return false;
    }
    if a.posts[i] > 0 {
        return false;
    }
    let w = a.weight[i];
    if w < 0 {
        return true;
    }
    if a.commas[i] >= 10 {
        return false;
    }
    let is_list = matches!(tag, UL | OL | DL);
    let p = a.paras[i] as f32;
    let img = a.imgs[i] as f32;
    let li = a.lis[i] as f32 - 100.0;
    let len = a.text[i];
    let ld = a.link_density(i);
    (img > 1.0 && p / img < 0.5 && len < 100)
        || (!is_list && li > p && tag != TABLE)
        || (a.inputs[i] as f32 > (p / 3.0).floor())
        || (!is_list && w < 25 && ld > 0.2 && len < 2000)
        || (w >= 25 && ld > 0.5)
        || (is_list && ld > 0.5)
        || (a.embeds[i] == 1 && len < 75)
        || a.embeds[i] > 1 && len < 200
}

fn kind_of(t: u32) -> Option<ParagraphKind> {
    Some(match t {
        H1 | H2 | H3 | H4 | H5 | H6 => ParagraphKind::Heading,
        LI | DD | DT => ParagraphKind::ListItem,
        BLOCKQUOTE => ParagraphKind::Quote,
        // Text inside a figure is about the picture, even outside <figcaption>.
        FIGURE | FIGCAPTION | CAPTION => ParagraphKind::Caption,
        _ => return None,
    })
}

struct Emitter {
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    /// Characters of the line inside a timestamp element ([`is_stamp_element`]).
    stamp_chars: usize,
    kinds: Vec<(u32, ParagraphKind)>,
    last_br: bool,
    /// The heading being read opens a box of prose (see [`heads_its_box`]): kept even when
    /// it is a link.
    heads_prose: bool,
}

impl Emitter {
    fn flush(&mut self) {
        let text = self.buf.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = self
            .kinds
            .last()
            .map(|k| k.1)
            .unwrap_or(ParagraphKind::Body);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let links = self.link_chars;
        let stamp = self.stamp_chars;
        self.buf.clear();
        self.link_chars = 0;
        self.stamp_chars = 0;
        self.last_br = false;
        if text.is_empty() {
            return;
        }
        // A line that is wholly a timestamp element naming a day ("Thursday", "Sept. 14")
        // is the article's own date, not prose; a clock time alone stays (a live blog's
        // entry heading).
        if chars > 0 && stamp >= chars && names_a_day(&text) {
            return;
        }
        if chars > 0 && links * 10 > chars * 6 && kind != ParagraphKind::Heading {
            return;
        }
        let heads_prose = std::mem::take(&mut self.heads_prose);
        if kind == ParagraphKind::Heading && links * 2 > chars && !heads_prose {
            return;
        }
        if boilerplate_line(&text) {
            return;
        }
        // A line that is only a date is a byline or a teaser's date, not a sentence (in a
        // quoted post it is the post's signature line). (A live blog's clock times stay:
        // "10 p.m." heads the entry that follows it.)
        if kind != ParagraphKind::Quote && super::dates::is_date_line(&text) {
            return;
        }
        // Photo captions repeated by galleries and lightboxes. Body text may repeat on
        // purpose (a meal plan's "Eat every 2-3 hours" under each day).
        if kind == ParagraphKind::Caption
            && text.len() > 20
            && self.blocks.iter().any(|b| b.text == text)
        {
            return;
        }
        self.blocks.push(Block { kind, text });
    }
}

/// An element that states a date or time for machines: `<time>`, an HTML5 `pubdate`
/// marker, or microdata's `datePublished` / `dateModified` / `dateCreated`.
fn is_stamp_element(doc: &Doc, i: u32) -> bool {
    doc.nodes[i as usize].tag == TIME
        || doc.attr(i, AttrName::Pubdate).is_some()
        || doc
            .attr(i, AttrName::Itemprop)
            .is_some_and(|p| p.split_ascii_whitespace().any(|w| w.starts_with("date")))
}

/// The line names a day (a month, a weekday or a whole date), not only a clock time.
fn names_a_day(t: &str) -> bool {
    use super::months::{month, WEEKDAYS};
    super::dates::has_date(t)
        || t.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let l = w.to_lowercase();
            month(&l).is_some() || WEEKDAYS.contains(&l.as_str())
        })
}

/// Short lines that are page furniture whatever box they sit in (phrases in several
/// languages: see [`super::phrases`]).
fn boilerplate_line(t: &str) -> bool {
    use super::phrases::*;
    let words = t.split_whitespace().count();
    if words > 40 {
        return false;
    }
    let l = norm_line(t);
    let l = l.as_str();
    // Newsletter pitches run longer than other furniture.
    if l.contains("newsletter") && (l.contains("sign up") || l.contains("subscribe")) {
        return true;
    }
    if words > 25 {
        return false;
    }
    // Unrendered CMS shortcodes: "[button link=...]Send us your review[/button]".
    if t.starts_with('[') && t.ends_with(']') && t.contains("[/") {
        return true;
    }
    // The longest whole-line phrase is well under 48 bytes.
    if words <= 14 && l.len() < 48 && LINE_EXACT.contains(&l) {
        return true;
    }
    // Length in characters too: scripts without spaces make one "word" of a paragraph.
    let chars = l.chars().count();
    if words <= 14 && chars <= FURNITURE_CHARS && LINE_PREFIX.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    if cjk_stamp_line(l) {
        return true;
    }
    // Calls to action: "Subscribe to our newsletters", "Follow me on Twitter".
    if chars <= 200 && contains_any(l, LINE_CONTAINS) {
        return true;
    }
    // "The Associated Press Published Monday, November 18, 2019 8:22AM EST"
    if words <= 20
        && chars <= 150
        && l.bytes().any(|b| b.is_ascii_digit())
        && contains_any(l, BYLINE_LINE_WORDS)
        && super::dates::has_date(t)
    {
        return true;
    }
    // A reporter's signature or a contact line: "홍길동 기자 hong@example.kr",
    // "Contact the writer: jane@example.com".
    if words <= 8 && t.split_whitespace().any(is_email) {
        return true;
    }
    // Gallery counters: "Image 1 of 8", "Photo 3 of 12".
    if words <= 5 && (l.starts_with("image ") || l.starts_with("photo ")) && l.contains(" of ") {
        return true;
    }
    if is_byline(t) {
        return true;
    }
    // A byline and its stamp after a separator: "By Maria Lopez and Tom Reed | 9/14/23
    // 8:15 AM" (a two-digit year is no date to `has_date`).
    if let Some(at) = t.rfind(['|', '·', '•']) {
        let (names, stamp) = (&t[..at], &t[at..]);
        if is_stamp(stamp.trim_start_matches(['|', '·', '•'])) && is_byline(names.trim()) {
            return true;
        }
    }
    // A time printed relative to now: "Yesterday", "Updated 2 hours ago", "Posted 3 days
    // ago by Sam Hill".
    if relative_stamp_line(t) {
        return true;
    }
    false
}

/// Bylines: "By Jane Smith", "Por Ana Souza e João Lima", "Автор: Иван Петров".
fn is_byline(t: &str) -> bool {
    use super::phrases::BYLINE_OPENERS;
    let words = t.split_whitespace().count();
    let l = super::phrases::norm_line(t);
    let first = l
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(':');
    if (2..=8).contains(&words) && BYLINE_OPENERS.contains(&first) {
        let caps = t
            .split_whitespace()
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            .count();
        return caps * 2 >= words.saturating_sub(1);
    }
    false
}

/// A date stamp of digits: "9/14/23 8:15 AM", "14.09.23, 08:15 Uhr": at most five words,
/// three digits or more, and no word but numbers and a clock's marks.
fn is_stamp(t: &str) -> bool {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (1..=5).contains(&words.len())
        && t.bytes().filter(u8::is_ascii_digit).count() >= 3
        && words.iter().all(|w| {
            w.bytes()
                .all(|b| b.is_ascii_digit() || b"./-:".contains(&b))
                || matches!(
                    w.to_lowercase().as_str(),
                    "am" | "pm"
                        | "a.m."
                        | "p.m."
                        | "uhr"
                        | "h"
                        | "et"
                        | "est"
                        | "edt"
                        | "gmt"
                        | "utc"
                )
        })
}

/// A line that is only a relative time ("3 hours ago", "Yesterday"), with at most a
/// publication or update word and a byline after "by": a stamp printed against the
/// reader's clock, not a sentence ("He left 3 days ago" has words of its own).
fn relative_stamp_line(t: &str) -> bool {
    if super::saved::ago(t).is_none() {
        return false;
    }
    // ASCII lowercase keeps byte offsets, so `at` indexes `t` too.
    let stamp = match t.to_ascii_lowercase().find(" by ") {
        // The names after "by" are capitalised words.
        Some(at) => {
            let names = &t[at + 4..];
            let n = names.split_whitespace().count();
            if !(1..=4).contains(&n)
                || !names
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w == "and")
            {
                return false;
            }
            t[..at].to_lowercase()
        }
        None => t.to_lowercase(),
    };
    stamp
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            super::saved::is_relative_word(w) || super::phrases::BYLINE_LINE_WORDS.contains(&w)
        })
}

/// `name@host.domain`, punctuation around it allowed.
fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((user, host)) = w.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !host.contains('@')
        && host
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// The most characters a furniture line opening with a known phrase has ("Read also: ...",
/// "关联阅读：..."): a line longer than this is a paragraph whatever its first words.
const FURNITURE_CHARS: usize = 120;

/// A date stamp written the Chinese, Japanese or Korean way, with the publication or update
/// word after the date or before it ("12/3(火) 10:15配信", "2023年9月14日 更新",
/// "2023.09.14 10:00 입력", "发布时间：2023-09-14 10:30", or a source label after it:
/// "2024-03-02 08:30 来源：本地日报"): once the stamp words
/// ([`super::phrases::CJK_STAMP_WORDS`]) and what follows a label are cut out, only
/// digits, signs, date units and weekdays are left. `l` is lowercased and trimmed (see `norm_line`).
fn cjk_stamp_line(l: &str) -> bool {
    /// Date and clock units and weekday names (年月日 時分秒, 요일, 午前/오후 ...).
    const DATE_CHARS: &str = "年月日時分秒时曜火水木金土년월일시분초요화수목금토午前後上下오전후";
    if l.chars().count() > 40 || l.chars().filter(|c| c.is_numeric()).count() < 3 {
        return false;
    }
    // A label after the date ends the stamp with a name: "… 来源：本地日报".
    let label = super::phrases::CJK_STAMP_LABELS
        .iter()
        .filter_map(|w| l.find(w))
        .min();
    let (l, labelled) = match label {
        Some(at) => (&l[..at], true),
        None => (l, false),
    };
    if l.chars().filter(|c| c.is_numeric()).count() < 3 {
        return false;
    }
    let mut rest: String = l
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii_digit())
        .collect();
    let before = if labelled { usize::MAX } else { rest.len() };
    for w in super::phrases::CJK_STAMP_WORDS {
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    rest.len() < before && rest.chars().all(|c| DATE_CHARS.contains(c))
}

/// [`boilerplate_line`] for tests.
#[cfg(test)]
pub fn is_boilerplate_line(t: &str) -> bool {
    boilerplate_line(t)
}

/// Emits the text of `roots` (in order) as blocks, skipping dead/junk/furniture boxes.
pub fn emit(doc: &Doc, a: &Analysis, roots: &[u32], use_junk: bool) -> Vec<Block> {
    let mut e = Emitter {
        blocks: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        stamp_chars: 0,
        kinds: Vec::new(),
        last_br: false,
        heads_prose: false,
    };
    // Stack of (node, leaving?).
    let mut stack: Vec<(u32, bool)> = Vec::new();
    let mut in_link = 0usize;
    // The outermost timestamp element the walk is inside.
    let mut in_stamp: Option<u32> = None;
    // Boxes where a teaser heading ("You may also like") was met: their later children
    // are other stories, up to the next plain paragraph or heading.
    let mut teaser_boxes: Vec<u32> = Vec::new();
    for &r in roots {
        stack.push((r, false));
        while let Some((i, leaving)) = stack.pop() {
            let iu = i as usize;
            let node = &doc.nodes[iu];
            if leaving {
                if teaser_boxes.last() == Some(&i) {
                    teaser_boxes.pop();
                }
                if node.tag == A && !in_page_link(doc, i) {
                    in_link = in_link.saturating_sub(1);
                }
                if in_stamp == Some(i) {
                    in_stamp = None;
                }
                if is_block(node.tag) && !is_row_cell(doc, a, i) {
                    e.flush();
                }
                if e.kinds.last().is_some_and(|k| k.0 == i) {
                    e.kinds.pop();
                }
                continue;
            }
            if a.dead[iu] || (use_junk && a.junk[iu]) {
                continue;
            }
            // The boxes are ancestors of the walk, innermost last: a child of one is a
            // child of the last (O(1) per node, however many teaser headings a page has).
            if teaser_boxes.last() == Some(&node.parent) {
                if matches!(node.tag, P | H1 | H2 | H3 | H4 | H5 | H6)
                    && !is_teaser_heading_node(doc, i)
                {
                    teaser_boxes.pop();
                } else if node.tag != TEXT || !doc.node_text(i).trim().is_empty() {
                    continue;
                }
            }
            if is_teaser_heading_node(doc, i) {
                // The heading may sit alone in a wrapper: the teasers are the wrapper's
                // next siblings.
                let mut b = i;
                for _ in 0..3 {
                    let p = doc.nodes[b as usize].parent;
                    if p == NONE || p == r || !only_element_child(doc, p, b) {
                        break;
                    }
                    b = p;
                }
                let boxed = doc.nodes[b as usize].parent;
                if teaser_boxes.last() != Some(&boxed) {
                    teaser_boxes.push(boxed);
                }
                continue;
            }
            if node.tag == TEXT {
                let t = doc.node_text(i);
                if in_link > 0 {
                    e.link_chars += non_space_chars(t).0 as usize;
                }
                if in_stamp.is_some() {
                    e.stamp_chars += non_space_chars(t).0 as usize;
                }
                if !t.trim().is_empty() {
                    e.last_br = false;
                }
                e.buf.push_str(t);
                continue;
            }
            if node.tag == BR {
                if e.last_br {
                    e.flush();
                } else {
                    e.buf.push(' ');
                    e.last_br = true;
                }
                continue;
            }
            // A table footer repeating the header row.
            if node.tag == TFOOT
                && doc
                    .children(node.parent)
                    .any(|c| doc.nodes[c as usize].tag == THEAD)
            {
                continue;
            }
            // Never drop the box that holds most of the article.
            if i != r && a.good[iu] * 3 < a.good[r as usize] && drop_box(doc, a, iu) {
                continue;
            }
            // The cells of a table row are one line: "Green Party | 31 | +12".
            let row_cell = is_row_cell(doc, a, i);
            if row_cell {
                if !e.buf.trim().is_empty() {
                    e.buf.push_str(" | ");
                }
            } else if is_block(node.tag) {
                e.flush();
            }
            if let Some(k) = kind_of(node.tag) {
                if k == ParagraphKind::Heading {
                    e.heads_prose = heads_its_box(doc, a, i, r);
                }
                e.kinds.push((i, k));
            } else if a.caption[iu] {
                e.kinds.push((i, ParagraphKind::Caption));
            }
            // A link to a place in the page (a live blog entry's permalink, a footnote) is
            // part of the text, not a way out of it.
            if node.tag == A && !in_page_link(doc, i) {
                in_link += 1;
            }
            if in_stamp.is_none() && is_stamp_element(doc, i) {
                in_stamp = Some(i);
            }
            stack.push((i, true));
            let first = stack.len();
            stack.extend(doc.children(i).map(|c| (c, false)));
            stack[first..].reverse();
        }
        e.flush();
        e.kinds.clear();
        in_link = 0;
        in_stamp = None;
        teaser_boxes.clear();
    }
    e.blocks
}

/// A heading that opens a small box of prose below the article's own box: a list article's
/// item ("1. North Head loop" linked to the place) or a live blog's entry linked to its own
/// address. Kept even when it is wholly a link, since the box's text is kept with it; a
/// teaser's linked headline sits in a box of links or a short summary (such boxes are
/// dropped whole, see [`drop_box`]), a "Read more" heading between the article's
/// paragraphs opens no box of its own, and a one-word link names a section.
fn heads_its_box(doc: &Doc, a: &Analysis, h: u32, root: u32) -> bool {
    let p = doc.nodes[h as usize].parent;
    if p == NONE || p == root {
        return false;
    }
    let pu = p as usize;
    let first = doc
        .children(p)
        .find(|&c| doc.nodes[c as usize].tag != TEXT || !doc.node_text(c).trim().is_empty());
    let (text, link) = (
        a.text[pu].saturating_sub(a.text[h as usize]),
        a.link[pu].saturating_sub(a.link[h as usize]),
    );
    // A one-word link over a story is its section ("Immunology"), not a title.
    let title = short_text(doc, h);
    let title = title.trim();
    let phrase =
        title.split_whitespace().count() >= 2 || (!title.is_ascii() && title.chars().count() >= 6);
    phrase
        && first == Some(h)
        && (1..=5).contains(&a.paras[pu])
        && text >= 2 * a.text[h as usize]
        && link * 5 < text
}

/// The row of a table cell (a TD or TH whose parent is a TR), if `i` is one.
fn row_of(doc: &Doc, i: usize) -> Option<u32> {
    let n = &doc.nodes[i];
    (matches!(n.tag, TD | TH) && n.parent != NONE && doc.nodes[n.parent as usize].tag == TR)
        .then_some(n.parent)
}

/// A cell of a data table's row, read as one line with its neighbours ("Green Party | 31 |
/// +12"); not a cell of a layout row (see [`is_layout_cell`]).
fn is_row_cell(doc: &Doc, a: &Analysis, i: u32) -> bool {
    row_of(doc, i as usize).is_some_and(|tr| !is_layout_row(doc, a, tr))
}

/// A row whose cells are a page's columns (the way pages were laid out before CSS: a
/// links column beside the story's column), not a record: some cell holds paragraphs or a
/// stretch of prose no data cell holds.
fn is_layout_row(doc: &Doc, a: &Analysis, tr: u32) -> bool {
    doc.children(tr).any(|c| {
        let cu = c as usize;
        matches!(doc.nodes[cu].tag, TD | TH) && (a.paras[cu] >= 2 || a.text[cu] >= LAYOUT_CELL_TEXT)
    })
}

/// Characters of text that make a cell a column of prose rather than a table's value.
const LAYOUT_CELL_TEXT: u32 = 400;

/// A cell of a layout row: a box of its own, dropped as one when it is furniture (a
/// column of links).
fn is_layout_cell(doc: &Doc, a: &Analysis, i: usize) -> bool {
    row_of(doc, i).is_some_and(|tr| is_layout_row(doc, a, tr))
}

fn in_page_link(doc: &Doc, a: u32) -> bool {
    doc.attr(a, AttrName::Href)
        .is_some_and(|h| h.trim_start().starts_with('#') && h.trim().len() > 1)
}

/// A heading after which a box holds other stories or comments.
fn is_teaser_heading_node(doc: &Doc, i: u32) -> bool {
    if !matches!(doc.nodes[i as usize].tag, H2 | H3 | H4 | H5 | H6) {
        return false;
    }
    let t = short_text(doc, i)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    super::phrases::is_teaser_heading(&t) || super::phrases::is_comment_heading(&t)
}

/// The text of a heading-sized box, reading at most 64 nodes and about 100 bytes (a
/// hostile heading full of empty tags costs no more than a real one).
pub(super) fn short_text(doc: &Doc, i: u32) -> String {
    let mut out = String::new();
    let mut stack = vec![i];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 64 || out.len() > 100 {
            break;
        }
        if doc.nodes[n as usize].tag == TEXT {
            out.push_str(doc.node_text(n));
            continue;
        }
        out.push(' ');
        let first = stack.len();
        stack.extend(doc.children(n).take(64));
        stack[first..].reverse();
    }
    out
}

/// `c` is the only element child of `p` (text children that are blank ignored).
fn only_element_child(doc: &Doc, p: u32, c: u32) -> bool {
    doc.children(p).all(|x| {
        x == c || (doc.nodes[x as usize].tag == TEXT && doc.node_text(x).trim().is_empty())
    })
}
