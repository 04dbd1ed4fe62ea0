//! Import speed: filled in with the import module.
fn main() {}
