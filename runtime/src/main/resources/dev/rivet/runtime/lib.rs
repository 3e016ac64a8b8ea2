//! rivet's runtime library, compiled into every program by rivet itself (it is ordinary tier-1
//! Rust): console output, the routines that print!-style macros expand into, the panic path,
//! and integer helpers for operations the cores lack.
//!
//! Everything the compiler calls is `#[no_mangle]` with a `__rivet_` name; the compiler checks
//! each one's signature against what its lowering expects.

mod console;
mod fmt;
mod int;
mod panic;
mod mem;
mod divide;
mod wide;
mod start;
