//! Every integration test of the `parallax` package, in one test binary:
//! one compile and one link instead of one per file (README "Quick start"
//! says why). Each file under `tests/` is a module here and runs as before;
//! run one file's tests with `cargo test --test all FILE::` (for example
//! `cargo test --test all batch_cli::`).
//!
//! Cargo.toml sets `autotests = false`, so a new file under `tests/` runs
//! only once listed here; `every_test_file_is_listed` fails until it is.

#[path = "align_cli.rs"]
mod align_cli;
#[path = "batch_cli.rs"]
mod batch_cli;
#[path = "cli_bad_input.rs"]
mod cli_bad_input;
#[path = "cli_help.rs"]
mod cli_help;
#[path = "editor_cli.rs"]
mod editor_cli;
#[path = "hostile_corpora.rs"]
mod hostile_corpora;
#[path = "html_browser.rs"]
mod html_browser;
#[path = "pipeline.rs"]
mod pipeline;
#[path = "properties.rs"]
mod properties;
#[path = "properties_pipeline.rs"]
mod properties_pipeline;
#[path = "report_xlsx.rs"]
mod report_xlsx;
#[path = "review_browser.rs"]
mod review_browser;
#[path = "score_cli.rs"]
mod score_cli;

#[test]
fn every_test_file_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listed = std::fs::read_to_string(dir.join("all.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".rs") && name != "all.rs" {
            assert!(
                listed.contains(&format!("#[path = \"{name}\"]")),
                "tests/{name} is not listed in tests/all.rs, so it would not run"
            );
        }
    }
}
