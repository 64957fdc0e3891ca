//! The global allocator of a measurement program: the system's (glibc's
//! malloc here) unless the bench crate is built with the feature `mimalloc`,
//! the allocator of the `newsfacts` command. The library allocates its output
//! records, so the allocator is part of what a program measures: the summary
//! prints both (`scripts/bench/summary.sh`).

/// The allocator this program was built with, for the printed tables.
pub const NAME: &str = if cfg!(feature = "mimalloc") {
    "mimalloc"
} else {
    "system"
};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
