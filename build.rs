//! Derives the extractor version the on-disk index is keyed by (`src/index/`): a hash of
//! every source file that can change what is extracted from an article (all of `src/`
//! except the window in `src/gui/`, the picture drawing in `src/render/`, which reads
//! extracted results and writes none, and the index itself in `src/index/`, whose table
//! layout has its own `SCHEMA_VERSION`), the built-in gazetteer tables and `Cargo.lock` (a
//! reader crate's upgrade changes extraction too). Any edit there gives a new version, so
//! an index can never serve rows a different extractor wrote. Exposed to the crate as
//! `env!("DATELINE_EXTRACTOR_HASH")`.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    let src = root.join("src");
    collect(
        &src,
        &[src.join("gui"), src.join("render"), src.join("index")],
        &mut files,
    );
    collect(&root.join("assets").join("gazetteer"), &[], &mut files);
    files.push(root.join("Cargo.lock"));
    files.sort();
    // FNV-1a over (relative path, contents) of each file: stable across toolchains, unlike
    // std's hasher, and needs no build dependency.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap_or(f);
        feed(rel.to_string_lossy().as_bytes());
        feed(&[0]);
        feed(&std::fs::read(f).unwrap_or_default());
        feed(&[0xff]);
    }
    println!("cargo:rustc-env=DATELINE_EXTRACTOR_HASH={h:016x}");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=assets/gazetteer");
    println!("cargo:rerun-if-changed=Cargo.lock");
    windows_exe_icon(&root);
}

/// Embeds the icon in a Windows executable, built on Windows (a build script runs on the
/// host, so a cross-build from Linux leaves the exe without it; the window sets its own
/// icon at run time either way). Never built or tested here: there is no Windows machine.
#[cfg(windows)]
fn windows_exe_icon(root: &Path) {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let ico = root.join("assets").join("icons").join("dateline.ico");
    println!("cargo:rerun-if-changed={}", ico.display());
    let mut res = winresource::WindowsResource::new();
    res.set_icon(&ico.to_string_lossy());
    if let Err(e) = res.compile() {
        // No resource compiler (Windows SDK / mingw windres): an exe without an icon.
        println!("cargo:warning=the exe gets no icon: {e}");
    }
}

#[cfg(not(windows))]
fn windows_exe_icon(_root: &Path) {}

fn collect(dir: &Path, skip: &[PathBuf], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if skip.contains(&p) {
            continue;
        }
        if p.is_dir() {
            collect(&p, skip, out);
        } else {
            out.push(p);
        }
    }
}
