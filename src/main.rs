//! The `journeymap` command: arguments, file IO, showing diagnostics, exit codes.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
