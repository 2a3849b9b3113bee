//! Links the app's wasm with its relocations kept (`--emit-relocs`): wasm-split
//! (scripts/post-build.sh) needs them to cut the module into the first load and the
//! per-view chunks (src/lazy_pages.rs). Only this binary's final link changes: setting it
//! in RUSTFLAGS or .cargo/config.toml would rebuild every crate, and the native builds
//! (tests, clippy) have nothing to split.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
