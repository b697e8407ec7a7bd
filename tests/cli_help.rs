//! `parallax --help` lists the user's commands only: the measuring harness
//! (`eval`, `score`) is the separate binary `parallax-eval`.

use std::process::Command;

#[test]
fn help_lists_the_users_commands_and_not_the_harness() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        commands,
        [
            "segment", "compare", "discover", "learn", "merge", "align", "lookup", "help"
        ],
        "{help}"
    );
    for gone in ["eval", "score"] {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg(gone)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "parallax {gone} still runs");
    }
}
