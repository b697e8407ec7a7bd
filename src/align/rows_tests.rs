use super::*;

/// Beads from a compact notation: "0:0 1,2:1 :2 3:" (a:b, comma lists, empty sides).
fn beads(s: &str) -> Vec<Bead> {
    s.split_whitespace()
        .map(|b| {
            let (a, c) = b.split_once(':').unwrap();
            let range = |x: &str| -> Range<usize> {
                let ids: Vec<usize> = x
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse().unwrap())
                    .collect();
                match (ids.first(), ids.last()) {
                    (Some(&f), Some(&l)) => f..l + 1,
                    _ => 0..0,
                }
            };
            let (ra, rb) = (range(a), range(c));
            let score = if ra.is_empty() || rb.is_empty() {
                0.0
            } else {
                0.8
            };
            Bead {
                a: ra,
                b: rb,
                score,
                moved: false,
                confidence: 1.0,
            }
        })
        .collect()
}

fn show(rows: &[Ids]) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|v| {
                    v.iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn three_way_table() {
    // (sizes, bg-de, bg-en, de-en, expected rows bg/de/en)
    let cases: &[([usize; 3], &str, &str, &str, &str)] = &[
        // all 1-1
        (
            [3, 3, 3],
            "0:0 1:1 2:2",
            "0:0 1:1 2:2",
            "0:0 1:1 2:2",
            "0/0/0 1/1/1 2/2/2",
        ),
        // de 1 split into bg 1,2 and en 1,2 (relay de→bg→en)
        (
            [4, 3, 4],
            "0:0 1,2:1 3:2",
            "0:0 1:1 2:2 3:3",
            "0:0 1:1,2 2:3",
            "0/0/0 1,2/1/1,2 3/2/3",
        ),
        // de 1 dropped by bg, so missing in en too
        (
            [2, 3, 2],
            "0:0 :1 1:2",
            "0:0 1:1",
            "0:0 1: 2:1",
            "0/0/0 /1/ 1/2/1",
        ),
        // en adds a sentence of its own
        (
            [2, 2, 3],
            "0:0 1:1",
            "0:0 :1 1:2",
            "0:0 :1 1:2",
            "0/0/0 //1 1/1/2",
        ),
        // bg and en both lack de 1 but the de-en alignment pairs en 1 with it
        (
            [2, 3, 3],
            "0:0 :1 1:2",
            "0:0 :1 1:2",
            "0:0 1:1 2:2",
            "0/0/0 /1/1 1/2/2",
        ),
    ];
    for (sizes, ab, ac, bc, want) in cases {
        let rows = three_way_ids(*sizes, &beads(ab), &beads(ac), &beads(bc));
        assert_eq!(show(&rows), *want, "{ab} | {ac} | {bc}");
    }
}

#[test]
fn disagreement_goes_to_the_best_supported_rows() {
    // bg-de and de-en agree on 1-1; bg-en alone claims a crossing-free but
    // shifted pairing with low scores. The rows follow the majority.
    let ab = beads("0:0 1:1 2:2");
    let bc = beads("0:0 1:1 2:2");
    let mut ac = beads("0:0 1:2 2:");
    for b in &mut ac {
        b.score *= 0.2;
    }
    let rows = three_way_ids([3, 3, 3], &ab, &ac, &bc);
    assert_eq!(show(&rows), "0/0/0 1/1/1 2/2/2");
}

#[test]
fn every_sentence_lands_in_exactly_one_row() {
    let rows = three_way_ids(
        [5, 4, 6],
        &beads("0:0 1,2:1 3: 4:2,3"),
        &beads("0:0 1:1,2 2:3 3:4 4:5"),
        &beads("0:0 1:1,2 2:3,4 3:5"),
    );
    for (v, n) in [5, 4, 6].into_iter().enumerate() {
        let mut seen: Vec<usize> = rows.iter().flat_map(|r| r[v].clone()).collect();
        let sorted = {
            let mut s = seen.clone();
            s.sort();
            s
        };
        assert_eq!(seen, sorted, "version {v} out of order: {}", show(&rows));
        seen.dedup();
        assert_eq!(
            seen,
            (0..n).collect::<Vec<_>>(),
            "version {v}: {}",
            show(&rows)
        );
    }
}
