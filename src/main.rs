//! The `parallax` binary: a thin shell around the library. Argument parsing,
//! terminal output and exit codes live in `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    cli::main()
}

/// glibc gives each thread its own malloc arena and keeps freed memory in
/// them; with rayon's workers a 100,000-sentence alignment kept twice its
/// live heap resident (252 MB against 122 MB with two arenas).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: mallopt is glibc's documented tuning call; it is made once,
    // first thing in main, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
