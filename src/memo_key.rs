//! The key a process-wide memo remembers a pure function of some text under: the first 128
//! bits of the text's BLAKE3 hash. Two different texts share a key with probability about
//! 2^-128 per pair, so an answer is never taken for another text's.

/// The key of `bytes`.
pub(crate) fn of(bytes: &[u8]) -> u128 {
    let h = blake3::hash(bytes);
    let mut b = [0u8; 16];
    b.copy_from_slice(&h.as_bytes()[..16]);
    u128::from_le_bytes(b)
}
