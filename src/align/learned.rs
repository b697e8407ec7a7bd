//! Learned word translations as a value: a [`LearnedTable`] per language
//! pair, what IBM Model 1 learned from the first-pass alignments of a corpus.
//! The table is kept after alignment (scoring must not flag words that
//! alignment already matched through learning), and saved and loaded as TSV
//! so that a run split into shards can share one table instead of each shard
//! learning its own.
//!
//! File format (UTF-8, one pair per line, sorted; the columns are separated
//! by tabs, shown here as spaces): a first line
//! `# parallax learned translations v1`, a header line
//! `la lb stem_a stem_b forward backward cooccurrence`, then lines such as
//! `de en regier govern 0.812345 0.771100 12`.
//! `forward` is t(stem_b | stem_a), `backward` t(stem_a | stem_b), and
//! `cooccurrence` the number of beads holding both.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lang::Lang;
use crate::lexicon::{Lexicon, Source};

/// One learned pair of stems (as [`Lexicon::stem`] spells them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedPair {
    pub stem_a: String,
    pub stem_b: String,
    pub forward: f32,
    pub backward: f32,
    pub cooccurrence: u32,
}

/// What was learned for one language pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedTable {
    pub la: Lang,
    pub lb: Lang,
    /// Sorted by stems.
    pub pairs: Vec<LearnedPair>,
}

/// The tables of every language pair of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnedTables {
    /// Sorted by language pair.
    pub tables: Vec<LearnedTable>,
}

/// Which learned tables a run used, as the report manifest records it:
/// `none`, or `fnv1a-` and 16 hex digits of the FNV-1a hash of the tables'
/// TSV form ([`LearnedTables::to_tsv`]). Tables with the same content have
/// the same id, whatever file they were read from; an empty table is
/// `none`, as it changes nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TableId(pub Option<u64>);

impl std::fmt::Display for TableId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("none"),
            Some(h) => write!(f, "fnv1a-{h:016x}"),
        }
    }
}

impl std::str::FromStr for TableId {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<TableId, String> {
        if s == "none" {
            return Ok(TableId(None));
        }
        s.strip_prefix("fnv1a-")
            .filter(|h| h.len() == 16)
            .and_then(|h| u64::from_str_radix(h, 16).ok())
            .map(|h| TableId(Some(h)))
            .ok_or_else(|| format!("not a learned table id: {s:?}"))
    }
}

impl Serialize for TableId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TableId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<TableId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

const HEADER: &str = "# parallax learned translations v1";
const COLUMNS: &str = "la\tlb\tstem_a\tstem_b\tforward\tbackward\tcooccurrence";

impl LearnedTable {
    /// Adds the pairs to `lexicon` as `Learned` entries.
    pub fn apply(&self, lexicon: &mut Lexicon) {
        for p in &self.pairs {
            lexicon.add_stem_pair(self.la, &p.stem_a, self.lb, &p.stem_b, Source::Learned);
        }
    }
}

impl LearnedTables {
    /// Adds a table, replacing one of the same language pair.
    pub fn insert(&mut self, table: LearnedTable) {
        self.tables.retain(|t| (t.la, t.lb) != (table.la, table.lb));
        self.tables.push(table);
        self.tables.sort_by_key(|t| (t.la, t.lb));
    }

    pub fn get(&self, la: Lang, lb: Lang) -> Option<&LearnedTable> {
        self.tables.iter().find(|t| (t.la, t.lb) == (la, lb))
    }

    /// Number of learned pairs over all language pairs.
    pub fn len(&self) -> usize {
        self.tables.iter().map(|t| t.pairs.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Which table this is, for the report manifest ([`TableId`]).
    pub fn fingerprint(&self) -> TableId {
        if self.is_empty() {
            TableId(None)
        } else {
            TableId(Some(crate::hash::fnv1a(&self.to_tsv())))
        }
    }

    /// `lexicon` with every table's pairs added.
    pub fn applied_to(&self, lexicon: &Lexicon) -> Lexicon {
        let mut lex = lexicon.clone();
        for t in &self.tables {
            t.apply(&mut lex);
        }
        lex
    }

    /// The tables in the TSV format of the module documentation. The same
    /// tables always give the same bytes.
    pub fn to_tsv(&self) -> String {
        let mut out = format!("{HEADER}\n{COLUMNS}\n");
        for t in &self.tables {
            for p in &t.pairs {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{:.6}\t{:.6}\t{}\n",
                    t.la, t.lb, p.stem_a, p.stem_b, p.forward, p.backward, p.cooccurrence
                ));
            }
        }
        out
    }

    /// Parses the TSV format; errors name the file and line.
    pub fn from_tsv(text: &str, path: &Path) -> Result<LearnedTables> {
        let bad = |line: usize, msg: String| {
            Error::new(ErrorKind::BadRow(msg), Location::file(path).at_line(line))
        };
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, h)) if h.trim_end() == HEADER => {}
            _ => {
                return Err(bad(
                    1,
                    format!("not a learned table: the first line must be {HEADER:?}"),
                ));
            }
        }
        let mut tables = LearnedTables::default();
        let mut current: Option<LearnedTable> = None;
        for (k, line) in lines {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') || line == COLUMNS {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 7 {
                return Err(bad(
                    k + 1,
                    format!("{} columns, expected 7 ({COLUMNS})", c.len()),
                ));
            }
            let lang = |s: &str| {
                Lang::from_code(s).ok_or_else(|| bad(k + 1, format!("unknown language {s:?}")))
            };
            let num = |s: &str| {
                s.parse::<f32>()
                    .ok()
                    .filter(|v| (0.0..=1.0).contains(v))
                    .ok_or_else(|| bad(k + 1, format!("bad probability {s:?}")))
            };
            let (la, lb) = (lang(c[0])?, lang(c[1])?);
            let pair = LearnedPair {
                stem_a: c[2].to_string(),
                stem_b: c[3].to_string(),
                forward: num(c[4])?,
                backward: num(c[5])?,
                cooccurrence: c[6]
                    .parse()
                    .map_err(|_| bad(k + 1, format!("bad count {:?}", c[6])))?,
            };
            match &mut current {
                Some(t) if (t.la, t.lb) == (la, lb) => t.pairs.push(pair),
                _ => {
                    if let Some(t) = current.take() {
                        tables.insert(t);
                    }
                    current = Some(LearnedTable {
                        la,
                        lb,
                        pairs: vec![pair],
                    });
                }
            }
        }
        if let Some(t) = current {
            tables.insert(t);
        }
        Ok(tables)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_round_trip_and_errors() {
        let mut tables = LearnedTables::default();
        tables.insert(LearnedTable {
            la: Lang::De,
            lb: Lang::En,
            pairs: vec![LearnedPair {
                stem_a: "regier".into(),
                stem_b: "govern".into(),
                forward: 0.8125,
                backward: 0.75,
                cooccurrence: 12,
            }],
        });
        let text = tables.to_tsv();
        let back = LearnedTables::from_tsv(&text, Path::new("t.tsv")).unwrap();
        assert_eq!(back, tables);
        assert_eq!(back.to_tsv(), text);
        let cases = [
            ("la\tlb\n", "t.tsv:1"),
            (
                "# parallax learned translations v1\nde\ten\ta\tb\t2.0\t0.5\t3\n",
                "t.tsv:2",
            ),
            (
                "# parallax learned translations v1\nde\ten\ta\tb\n",
                "t.tsv:2",
            ),
        ];
        for (text, at) in cases {
            let e = LearnedTables::from_tsv(text, Path::new("t.tsv")).unwrap_err();
            assert!(e.to_string().starts_with(at), "{e}");
        }
    }
}
