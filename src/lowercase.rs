//! Words in lower case without an allocation per word: the hot loops that fold every word of
//! every sentence (clustering signatures, act words, corpus-date questions) see ASCII words
//! nearly always, and those fit in a small buffer on the stack.

use std::borrow::Cow;

/// `word` as `str::to_lowercase` writes it. An ASCII word that fits in `buf` is lowercased
/// there (no allocation); any other word is lowercased into a new string.
pub(crate) fn lowercase<'a>(word: &'a str, buf: &'a mut [u8]) -> Cow<'a, str> {
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            // ASCII lowercased is still ASCII, so this never falls back.
            Cow::Borrowed(std::str::from_utf8(b).unwrap_or_default())
        }
        _ => Cow::Owned(word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_as_to_lowercase_writes_it_and_ascii_words_that_fit_borrow() {
        let mut buf = [0u8; 8];
        for w in [
            "Signed",
            "TALKS",
            "x",
            "",
            "Zürich",
            "ÉTÉ",
            "Meetings-Room",
            "İstanbul",
        ] {
            let lower = lowercase(w, &mut buf);
            assert_eq!(lower, w.to_lowercase(), "{w}");
            let fits = w.is_ascii() && w.len() <= 8;
            assert_eq!(matches!(lower, Cow::Borrowed(_)), fits, "{w}");
        }
    }
}
