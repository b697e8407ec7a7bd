//! The word lists the segmentation rules consult: abbreviations by kind
//! (titles that precede a name, units that may end a sentence, those that
//! precede a number), German articles and ordinal nouns, Bulgarian time
//! words, typical sentence openers. Month names come from
//! `crate::locale::month`, the table the date parser uses. Lowercase, without the
//! final dot.

pub(super) const EN_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "mt", "rev", "hon", "pres", "supt", "cmdr", "adm", "maj", "brig", "insp", "det", "messrs",
    "vs", "e.g", "i.e", "approx", "ca", "fig", "vol", "assoc", "asst", "dept", "univ",
];
pub(super) const DE_TITLES: &[&str] = &[
    "dr",
    "prof",
    "hr",
    "fr",
    "frl",
    "nr",
    "st",
    "dipl",
    "ing",
    "sog",
    "sogen",
    "vgl",
    "z.b",
    "bzw",
    "ca",
    "u.a",
    "d.h",
    "z.t",
    "evtl",
    "ggf",
    "inkl",
    "bzgl",
    "gem",
    "lt",
    "abs",
    "art",
    "bd",
    "hl",
    "s",
    "mag",
    "med",
    "verh",
    "geb",
    "gest",
    "doz",
    "priv.-doz",
    "univ.-prof",
    "abg",
];
/// German articles and article contractions: "der 78." is an ordinal.
/// Possessives and other determiners count too: "ihr 36. Treffen".
pub(super) const DE_ARTICLES: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur", "vom", "beim", "ins",
    "seinem", "seiner", "ihrem", "ihrer", "ein", "eine", "einem", "einer", "eines", "einen", "ihr",
    "ihre", "ihren", "ihres", "sein", "seine", "seinen", "seines", "unser", "unsere", "unserem",
    "unseren", "unserer", "mein", "meine", "meinem", "meinen", "dein", "deine", "euer", "eure",
    "jeder", "jede", "jedes", "jedem", "jeden", "dieser", "diese", "dieses", "diesem", "diesen",
];
/// Time zones after "a.m."/"p.m.": "7 p.m. ET" goes on.
pub(super) const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC",
    "BST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "AEST", "AEDT", "JST", "IST",
];
/// English words that a base list takes for abbreviations ("No." for
/// number, "Me." for Maine) but are words unless a number follows.
pub(super) const EN_WORDS_NOT_ABBREVIATIONS: &[&str] = &["me", "no"];
/// Words of a Bulgarian time phrase that opens a sentence.
pub(super) const BG_TIME_WORDS: &[&str] = &[
    "в",
    "във",
    "през",
    "до",
    "от",
    "след",
    "преди",
    "на",
    "около",
    "между",
    "края",
    "началото",
    "средата",
    "есента",
    "пролетта",
    "лятото",
    "зимата",
    "г",
    "година",
    "годината",
    "още",
    "към",
];
pub(super) const BG_TITLES: &[&str] = &[
    "д-р",
    "проф",
    "г-н",
    "г-жа",
    "г-ца",
    "акад",
    "доц",
    "инж",
    "ген",
    "ул",
    "бул",
    "пл",
    "гр",
    "т.е",
    "т.нар",
    "напр",
    "вкл",
    "вж",
    "св",
    "ал",
    "чл",
    "полк",
    "ст.н.с",
    "гл",
    "кв",
    "ж.к",
    "доц",
    "сл",
    "пр",
];
/// Abbreviations that can end a Bulgarian sentence (years, money, counts).
pub(super) const BG_FINAL_ABBR: &[&str] = &[
    "г", "лв", "млн", "млрд", "хил", "в", "ч", "км", "кг", "т.н", "др", "мм", "см", "м", "кв.м",
];
/// Abbreviations that close a list and so end a sentence before any capital.
pub(super) const LIST_ENDERS: &[&str] = &["etc", "usw"];
/// Abbreviations that can end a German or English sentence.
pub(super) const FINAL_ABBR: &[&str] = &[
    "mrd", "mio", "usw", "etc", "u.s", "u.k", "u.s.a", "inc", "ltd", "co", "corp", "jr", "bzw",
    "a.m", "p.m", "z.t",
];
pub(super) const BEFORE_NUMBER: &[&str] = &[
    "no",
    "nos",
    "nr",
    "art",
    "abs",
    "p",
    "pp",
    "s",
    "vol",
    "bd",
    "чл",
    "ал",
    "т",
    "стр",
    "бр",
    "ca",
    "ок",
    "около",
];
pub(super) const DE_ORDINAL_NOUNS: &[&str] = &[
    "jahrhundert",
    "jahrtausend",
    "jahrestag",
    "geburtstag",
    "lebensjahr",
    "platz",
    "mal",
    "stock",
    "liga",
    "runde",
    "klasse",
    "weltkrieg",
    "spieltag",
    "parteitag",
    "amtszeit",
    "sitzung",
    "etappe",
    "quartal",
    "halbjahr",
    "stelle",
    "kapitel",
    "auflage",
    "ausgabe",
];
pub(super) const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "But", "In",
    "On", "At", "After", "Before", "Der", "Die", "Das", "Er", "Sie", "Es", "Ein", "Eine", "Im",
    "Am", "Auch", "Doch", "Aber", "Nach", "Laut", "Dies", "Diese", "Dieser", "Wir", "Ich", "Man",
];
/// Abbreviated month names (a date follows: "Feb. 22").
pub(super) const MONTH_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mär",
    "okt", "dez", "ян", "фев", "апр", "авг", "сеп", "септ", "окт", "ное", "дек",
];
