//! The `parallax` binary: a thin shell around the library. Argument parsing,
//! terminal output and exit codes live in `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
