//! Freeing a large value on a thread of its own, so that the thread that was using it goes
//! on at once: a million events, or the hundreds of thousands of small strings a load of
//! 100,000 files learned about them, take a while to free (and the allocator's tidying of
//! its free lists runs inside those frees).

/// Drops `value` on a new thread (here when no thread can be had).
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    if std::thread::Builder::new()
        .name("dateline-drop".into())
        .spawn(move || drop(value))
        .is_err()
    {
        // No thread to be had: dropped here then (the value moved into the failed closure).
    }
}
