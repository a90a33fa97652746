//! Links the release executable on x86_64 Linux (glibc) as a fixed-address (non-PIE) program:
//! the dynamic loader then has no relative relocations to apply at start (22,704 of them in a
//! position-independent build, each page they touch a copy-on-write fault), which is most of
//! what starting `weekly` costs. Other targets and debug builds link as usual.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("PROFILE") == "release"
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
