//! `compare` on files given directly (`parallax compare de.txt bg.txt
//! en.txt`): two or three versions of one story, without a story folder,
//! one of them possibly standard input (`-`). The story is read and put
//! through the one pipeline a batch uses (learning within the story, and
//! a `--learned` table when given), and its outcome goes the same way as a
//! batch's.

use std::io::Read;
use std::path::{Path, PathBuf};

use parallax::ReadOptions;
use parallax::batch::{Compared, Failure, IgnoreList, Outcome};
use parallax::corpus::{FileInput, load_files};
use parallax::lang::Lang;
use parallax::pipeline;

use super::batch_args::Usage;

fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// True when the paths name files (or `-`) rather than folders.
pub fn is_direct(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| is_stdin(p) || p.is_file())
}

/// Files given directly: two or three, no folder among them, standard
/// input at most once, no shards.
pub fn check(paths: &[PathBuf], sharded: bool) -> Result<(), Usage> {
    if let Some(dir) = paths.iter().find(|p| !is_stdin(p) && !p.is_file()) {
        let what = if dir.is_dir() {
            "a folder"
        } else {
            "not a file"
        };
        return Err(Usage(format!(
            "{} is {what}: give either story or corpus folders, or the two or three files of one story",
            dir.display()
        )));
    }
    if !(2..=3).contains(&paths.len()) {
        return Err(Usage(format!(
            "a story of files needs two or three versions; {} given",
            paths.len()
        )));
    }
    if paths.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Usage(
            "standard input (-) can stand for one file only".into(),
        ));
    }
    if sharded {
        return Err(Usage(
            "--shard is for corpora, not for files given directly".into(),
        ));
    }
    Ok(())
}

/// Reads the story of `paths` and puts it through the pipeline a batch
/// uses ([`pipeline::compare_story`] with the run's context).
pub fn compare(
    paths: &[PathBuf],
    title: Option<String>,
    chain: &[Lang],
    ctx: &pipeline::Context,
    read: &ReadOptions,
    ignore: &IgnoreList,
) -> parallax::Result<Outcome> {
    let mut inputs = Vec::new();
    for p in paths {
        inputs.push(if is_stdin(p) {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(read.max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| parallax::Error::io(Path::new("<stdin>"), e))?;
            FileInput::Stdin(bytes)
        } else {
            FileInput::Path(p.clone())
        });
    }
    let story = match load_files(&inputs, title, chain, read) {
        Ok(s) => s,
        Err(error) => {
            // A --chain that names a missing version is the user's to fix.
            if error.location.path.is_none() {
                return Err(error);
            }
            let path = error.location.path.clone().unwrap_or_default();
            let key = path.display().to_string();
            return Ok(Err(Failure { key, path, error }));
        }
    };
    let key = story.key.clone();
    let (aligned, mut scored) = pipeline::compare_story(story, ctx);
    let mut ignored = Vec::new();
    scored.drop_flags(|f| {
        let id = f.id(&key);
        let drop = ignore.contains(&id);
        if drop {
            ignored.push(id);
        }
        drop
    });
    Ok(Ok(Compared {
        aligned,
        scored,
        ignored,
    }))
}
