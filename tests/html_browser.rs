//! The HTML report rendered in a real browser: a small fixture corpus (one
//! de → bg → en story in which the English version turns a "Niederlage" /
//! "поражение" into a "catastrophe", and a hostile `<script>` in every
//! version) goes through the library as `compare` runs it, its pages are
//! written to disk, and headless chromium renders them. The test checks the
//! DOM chromium builds (the planted word inside a `<mark>`, the script's
//! filters shown, no injected element) and that a screenshot is a real PNG
//! of the window's size with some content.
//!
//! Without chromium (`scripts/install-chromium.sh` installs Debian's) the
//! browser part is skipped with a message on stderr; the library part still
//! runs. `PARALLAX_CHROMIUM` names another browser binary;
//! `PARALLAX_KEEP_SCREENSHOT=FILE` keeps a copy of the screenshot.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax::corpus::{find_stories, load_story, story_key};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, AlignedStory, Options};
use parallax::report::html;
use parallax::score::{self, ScoredStory};
use parallax::{Lang, ReadOptions};

const DE: &str = "Stadtrat lehnt Haushalt ab

Der Stadtrat von Lindau hat am Dienstag den Haushaltsentwurf für 2026 mit 21 zu 14 Stimmen abgelehnt. Für Bürgermeisterin Petra Haas ist das eine Niederlage. Sie will bis Ende März einen neuen Entwurf vorlegen.

Die Opposition fordert Einsparungen von 3 Millionen Euro. Ein Leser schrieb dazu: <script>document.title='pwned'</script> & \"Grüße\".
";

const BG: &str = "Общинският съвет отхвърли бюджета

Общинският съвет на Линдау отхвърли във вторник проектобюджета за 2026 г. с 21 на 14 гласа. За кмета Петра Хаас това е поражение. Тя иска да внесе нов проект до края на март.

Опозицията настоява за икономии от 3 милиона евро. Читател написа: <script>document.title='pwned'</script> & \"Поздрави\".
";

const EN: &str = "City council rejects budget

On Tuesday, the Lindau city council rejected the draft budget for 2026 by 21 votes to 14. For mayor Petra Haas, this is a catastrophe. She wants to present a new draft by the end of March.

The opposition is demanding savings of 3 million euros. A reader wrote: <script>document.title='pwned'</script> & \"Greetings\".
";

const TOML: &str = "title = \"City council rejects budget\"
original = \"de\"
chain = [\"de\", \"bg\", \"en\"]
";

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;

/// Writes the fixture corpus and runs the library on it, as `compare` does.
fn fixture(root: &Path) -> Vec<(AlignedStory, ScoredStory)> {
    let dir = root.join("corpus/local/lindau-budget");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in [
        ("de.txt", DE),
        ("bg.txt", BG),
        ("en.txt", EN),
        ("story.toml", TOML),
    ] {
        std::fs::write(dir.join(name), body).unwrap();
    }
    let corpus = root.join("corpus");
    let stories = find_stories(std::slice::from_ref(&corpus))
        .into_iter()
        .map(|d| {
            let d = d.unwrap();
            let mut s = load_story(&d, &ReadOptions::default()).unwrap();
            s.key = story_key(&corpus, &d);
            s
        })
        .collect();
    let lexicon = Lexicon::embedded();
    pipeline::run(stories, &lexicon, None, &Options::default())
        .into_iter()
        .map(|al| {
            let s = score::score_story(&al);
            (al, s)
        })
        .collect()
}

/// The browser: `PARALLAX_CHROMIUM` (none when that is not a file), else
/// chromium on the usual paths.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_CHROMIUM") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let mut candidates = vec![
        PathBuf::from("/usr/bin/chromium"),
        PathBuf::from("/usr/bin/chromium-browser"),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&path) {
            candidates.push(d.join("chromium"));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// Not captured by the test harness, so a skip is seen in `cargo test`.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// Runs chromium headless on `page` with `args`, stdout into `out`, with a
/// fresh profile and a time limit; panics with chromium's stderr on failure.
fn run_chromium(bin: &Path, tmp: &Path, page: &Path, args: &[String], out: &Path) {
    let profile = tempfile::tempdir_in(tmp).unwrap();
    let log = tmp.join("chromium-stderr.txt");
    let url = format!("file://{}", page.display());
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(out).unwrap())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within 120 s on {url}; stderr:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "chromium failed ({status}) on {url}; stderr:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
}

/// The texts of every `<mark …>…</mark>` in a serialised DOM.
fn marks(dom: &str) -> Vec<String> {
    dom.split("<mark")
        .skip(1)
        .filter_map(|m| {
            let body = &m[m.find('>')? + 1..];
            Some(body[..body.find("</mark>")?].to_string())
        })
        .collect()
}

#[test]
fn story_page_renders_in_chromium_with_the_planted_word_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let scored = fixture(tmp.path());
    assert_eq!(scored.len(), 1);
    let (al, s) = &scored[0];
    assert_eq!(al.story.key, "local/lindau-budget");

    // The library part: the scorer flags the planted word in en, and the
    // page marks it.
    let flag = s
        .flags
        .iter()
        .find(|f| {
            f.evidence
                .iter()
                .any(|e| e.lang == Lang::En && e.text == "catastrophe")
        })
        .unwrap_or_else(|| panic!("no flag on \"catastrophe\": {:#?}", s.flags));
    assert_eq!(flag.target, Lang::En);
    let refs = [(al, s)];
    let out = tmp.path().join("report/html");
    let written = html::write_html(&out, &refs).unwrap();
    let page = out.join(html::page_file_name(&al.story.key));
    assert_eq!(written, vec![out.join("index.html"), page.clone()]);
    let source = std::fs::read_to_string(&page).unwrap();
    assert!(
        marks(&source).iter().any(|m| m == "catastrophe"),
        "{source}"
    );
    assert_eq!(source, html::story_page(al, s), "deterministic");

    let Some(bin) = chromium() else {
        say(
            "html_browser: SKIPPED the browser part: chromium is not installed \
             (run scripts/install-chromium.sh as root, or set PARALLAX_CHROMIUM); \
             the library part passed",
        );
        return;
    };
    say(&format!("html_browser: rendering with {}", bin.display()));

    // The DOM as chromium built it, after the page's script ran.
    let dom_file = tmp.path().join("dom.html");
    run_chromium(
        &bin,
        tmp.path(),
        &page,
        &["--dump-dom".to_string()],
        &dom_file,
    );
    let dom = std::fs::read_to_string(&dom_file).unwrap();
    assert!(dom.contains("</html>"), "no DOM dumped:\n{dom}");
    let marked = marks(&dom);
    assert!(
        marked.iter().any(|m| m == "catastrophe"),
        "\"catastrophe\" is not inside a <mark> in chromium's DOM; marks: {marked:?}"
    );
    assert!(marked.iter().any(|m| m == "поражение"), "{marked:?}");
    assert!(
        dom.contains("title=\"intensified") || dom.contains("title=\"loaded term"),
        "the mark's title names the kind"
    );
    // The script ran: it shows the filters that are hidden without it.
    assert!(
        dom.contains("<form id=\"filters\">"),
        "filters not shown: the script did not run"
    );
    // The hostile text stayed text: one script element (ours), title intact.
    assert_eq!(dom.matches("<script").count(), 1, "{dom}");
    assert!(dom.contains("&lt;script&gt;document.title="), "{dom}");
    assert!(dom.contains("<title>local/lindau-budget — City council rejects budget"));

    // The index links to the page.
    let index_dom = tmp.path().join("index-dom.html");
    run_chromium(
        &bin,
        tmp.path(),
        &out.join("index.html"),
        &["--dump-dom".to_string()],
        &index_dom,
    );
    let index = std::fs::read_to_string(&index_dom).unwrap();
    assert!(
        index.contains(&format!("href=\"{}\"", html::page_file_name(&al.story.key))),
        "{index}"
    );

    // A screenshot: a PNG of the window's size, with content (a blank page
    // of this size compresses to a few kilobytes).
    let png_path = tmp.path().join("page.png");
    run_chromium(
        &bin,
        tmp.path(),
        &page,
        &[
            format!("--window-size={WIDTH},{HEIGHT}"),
            format!("--screenshot={}", png_path.display()),
        ],
        &tmp.path().join("screenshot-stdout.txt"),
    );
    let png = std::fs::read(&png_path).expect("chromium wrote no screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (WIDTH, HEIGHT));
    assert!(
        png.len() > 20_000,
        "screenshot of {} bytes looks blank",
        png.len()
    );
    if let Some(keep) = std::env::var_os("PARALLAX_KEEP_SCREENSHOT") {
        std::fs::copy(&png_path, &keep).unwrap();
    }
    say(&format!(
        "html_browser: chromium rendered the page ({} marks, screenshot {width}x{height}, {} bytes)",
        marked.len(),
        png.len()
    ));
}
