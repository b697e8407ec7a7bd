//! Word lists of the planted-change generator ([`super::plant`]), the
//! project's own: replacement names, loaded adjectives in their inflections,
//! moves up an intensity scale, hedges, added words and phrases, in English,
//! German and Bulgarian (columns in that order).

use parallax::Lang;

/// Replacement surnames: en, de, bg (none a dictionary word in any of the
/// three languages; a test checks).
pub const PEOPLE: &[[&str; 3]] = &[
    ["Hartmann", "Hartmann", "Хартман"],
    ["Kowalski", "Kowalski", "Ковалски"],
    ["Lindgren", "Lindgren", "Линдгрен"],
    ["Yamamoto", "Yamamoto", "Ямамото"],
    ["Rossi", "Rossi", "Роси"],
    ["Dimitrova", "Dimitrowa", "Димитрова"],
    ["Okafor", "Okafor", "Окафор"],
    ["Jankowski", "Jankowski", "Янковски"],
    ["Haugland", "Haugland", "Хаугланд"],
    ["Moreau", "Moreau", "Моро"],
    ["Nakamura", "Nakamura", "Накамура"],
    ["Kessler", "Kessler", "Кеслер"],
    ["Ferreira", "Ferreira", "Ферейра"],
    ["Horvath", "Horvath", "Хорват"],
    ["Eriksen", "Eriksen", "Ериксен"],
    ["Marinova", "Marinowa", "Маринова"],
    ["Stoyanova", "Stojanowa", "Стоянова"],
    ["Lundqvist", "Lundqvist", "Лундквист"],
    ["Kalinowski", "Kalinowski", "Калиновски"],
    ["Duarte", "Duarte", "Дуарте"],
];

/// Replacement places: en, de, bg (the dictionaries know them as places).
pub const PLACES: &[[&str; 3]] = &[
    ["Vienna", "Wien", "Виена"],
    ["Munich", "München", "Мюнхен"],
    ["Warsaw", "Warschau", "Варшава"],
    ["Lisbon", "Lissabon", "Лисабон"],
    ["Geneva", "Genf", "Женева"],
    ["Plovdiv", "Plowdiw", "Пловдив"],
    ["Toronto", "Toronto", "Торонто"],
    ["Denver", "Denver", "Денвър"],
    ["Naples", "Neapel", "Неапол"],
    ["Krakow", "Krakau", "Краков"],
    ["Bilbao", "Bilbao", "Билбао"],
    ["Graz", "Graz", "Грац"],
    ["Leipzig", "Leipzig", "Лайпциг"],
    ["Rotterdam", "Rotterdam", "Ротердам"],
    ["Seville", "Sevilla", "Севиля"],
    ["Burgas", "Burgas", "Бургас"],
    ["Nagoya", "Nagoya", "Нагоя"],
    ["Adelaide", "Adelaide", "Аделаида"],
];

/// A loaded adjective (families.tsv, loaded = 1): the family, English, the
/// German stem (weak endings -e/-en are added), the Bulgarian definite forms
/// (masculine, feminine, neuter, plural), and a prefix per language that
/// shows the concept is already there.
pub struct LoadedAdjective {
    pub family: &'static str,
    pub en: &'static str,
    pub de: &'static str,
    pub bg: [&'static str; 4],
    pub present: [&'static str; 3],
}

const fn adj(
    family: &'static str,
    en: &'static str,
    de: &'static str,
    bg: [&'static str; 4],
    present: [&'static str; 3],
) -> LoadedAdjective {
    LoadedAdjective {
        family,
        en,
        de,
        bg,
        present,
    }
}

#[rustfmt::skip]
pub const LOADED: &[LoadedAdjective] = &[
    adj("catastrophe", "catastrophic", "katastrophal", ["катастрофалният", "катастрофалната", "катастрофалното", "катастрофалните"], ["catastroph", "katastroph", "катастроф"]),
    adj("disaster", "disastrous", "desaströs", ["бедственият", "бедствената", "бедственото", "бедствените"], ["disast", "desast", "бедств"]),
    adj("tragedy", "tragic", "tragisch", ["трагичният", "трагичната", "трагичното", "трагичните"], ["trag", "trag", "трагич"]),
    adj("scandal", "scandalous", "skandalös", ["скандалният", "скандалната", "скандалното", "скандалните"], ["scandal", "skandal", "скандал"]),
    adj("brutal", "brutal", "brutal", ["бруталният", "бруталната", "бруталното", "бруталните"], ["brutal", "brutal", "брутал"]),
    adj("chaos", "chaotic", "chaotisch", ["хаотичният", "хаотичната", "хаотичното", "хаотичните"], ["chao", "chao", "хао"]),
    adj("humiliation", "humiliating", "demütigend", ["унизителният", "унизителната", "унизителното", "унизителните"], ["humiliat", "demütig", "униз"]),
    adj("cruel", "cruel", "grausam", ["жестокият", "жестоката", "жестокото", "жестоките"], ["cruel", "grausam", "жесток"]),
    adj("corruption", "corrupt", "korrupt", ["корумпираният", "корумпираната", "корумпираното", "корумпираните"], ["corrupt", "korrupt", "корумп"]),
    adj("nightmare", "nightmarish", "albtraumhaft", ["кошмарният", "кошмарната", "кошмарното", "кошмарните"], ["nightmar", "albtraum", "кошмар"]),
];

/// A move up a scale: the low and high family (families.tsv), and per
/// language (en, de, bg) the forms of the low word with the high word in
/// the same inflection; an empty replacement marks a form that shows the
/// concept but has no safe swap ("много" is also "very").
pub struct Swap {
    pub low: &'static str,
    pub high: &'static str,
    pub forms: [&'static [(&'static str, &'static str)]; 3],
}

#[rustfmt::skip]
pub const SWAPS: &[Swap] = &[
    Swap { low: "some", high: "most", forms: [
        &[("some", "most")],
        &[("einige", "die meisten"), ("einigen", "den meisten"), ("manche", "die meisten")],
        &[("някои", "повечето")]] },
    Swap { low: "several", high: "most", forms: [
        &[("several", "most")],
        &[("mehrere", "die meisten"), ("mehreren", "den meisten")],
        &[("няколко", "повечето")]] },
    Swap { low: "many", high: "all", forms: [
        &[("many", "all")],
        &[("viele", "alle"), ("vielen", "allen"), ("vieler", "aller")],
        &[("мнозина", "всички"), ("много", "")]] },
    Swap { low: "big", high: "huge", forms: [
        &[("large", "huge"), ("big", "huge")],
        &[("groß", "riesig"), ("große", "riesige"), ("großen", "riesigen"), ("großer", "riesiger"),
          ("großes", "riesiges"), ("großem", "riesigem")],
        &[("голям", "огромен"), ("голяма", "огромна"), ("голямо", "огромно"), ("големи", "огромни"),
          ("големия", "огромния"), ("големият", "огромният"), ("голямата", "огромната"),
          ("голямото", "огромното"), ("големите", "огромните")]] },
    Swap { low: "often", high: "always", forms: [
        &[("often", "always"), ("frequently", "always")],
        &[("oft", "immer"), ("häufig", "immer")],
        &[("често", "винаги")]] },
    Swap { low: "sometimes", high: "always", forms: [
        &[("sometimes", "always"), ("occasionally", "always")],
        &[("manchmal", "immer"), ("gelegentlich", "immer")],
        &[("понякога", "винаги")]] },
    Swap { low: "rarely", high: "often", forms: [
        &[("rarely", "often"), ("seldom", "often")],
        &[("selten", "oft")],
        &[("рядко", "често")]] },
    Swap { low: "problem", high: "crisis", forms: [
        &[("problems", "crises")],
        &[("Probleme", "Krisen"), ("Problemen", "Krisen")],
        &[("проблеми", "кризи"), ("проблемите", "кризите")]] },
    Swap { low: "danger", high: "mortal_danger", forms: [
        &[("danger", "mortal danger")],
        &[("Gefahr", "Lebensgefahr")],
        &[("опасност", "смъртна опасност")]] },
    Swap { low: "damage", high: "devastation", forms: [
        &[("damage", "devastation")],
        &[("Schäden", "Verwüstungen")],
        &[("щети", "опустошения"), ("щетите", "опустошенията")]] },
    Swap { low: "criticise", high: "condemn", forms: [
        &[("criticised", "condemned"), ("criticized", "condemned"), ("criticise", "condemn"),
          ("criticize", "condemn"), ("criticises", "condemns"), ("criticizes", "condemns")],
        &[("kritisierte", "verurteilte"), ("kritisiert", "verurteilt"), ("kritisieren", "verurteilen"),
          ("kritisierten", "verurteilten")],
        &[("критикува", "осъди"), ("критикуваха", "осъдиха"), ("разкритикува", "осъди")]] },
    Swap { low: "rise", high: "jump", forms: [
        &[("rose", "jumped"), ("risen", "jumped")],
        &[("stieg", "sprang"), ("gestiegen", "gesprungen")],
        &[("нарасна", "скочи"), ("нараснаха", "скочиха")]] },
];

/// Words before a quantity word that make a swap wrong ("how many").
pub const NOT_AFTER: &[&str] = &["how", "so", "too", "as", "wie", "zu", "най", "по"];

/// Hedges to add: en, de, bg.
pub const HEDGES_ADDED: &[[&str; 3]] = &[
    ["reportedly", "angeblich", "предполагаемо"],
    ["probably", "wahrscheinlich", "вероятно"],
    ["apparently", "offenbar", "явно"],
];

/// Hedges that are sentence adverbs and can be removed without repair.
#[rustfmt::skip]
pub const HEDGES_REMOVABLE: [&[&str]; 3] = [
    &["reportedly", "allegedly", "supposedly", "presumably", "possibly", "probably", "perhaps",
      "maybe", "apparently", "seemingly", "purportedly", "ostensibly", "potentially", "arguably",
      "conceivably"],
    &["angeblich", "mutmaßlich", "vermutlich", "möglicherweise", "vielleicht", "eventuell",
      "womöglich", "wahrscheinlich", "voraussichtlich", "anscheinend", "offenbar", "scheinbar",
      "potenziell"],
    &["предполагаемо", "вероятно", "евентуално", "навярно", "уж", "явно", "очевидно", "може би",
      "потенциално", "най-вероятно"],
];

/// Content adverbs to add at the verb: en, de, bg.
pub const ADVERBS: &[[&str; 3]] = &[
    ["secretly", "heimlich", "тайно"],
    ["deliberately", "absichtlich", "умишлено"],
    ["temporarily", "vorübergehend", "временно"],
    ["voluntarily", "freiwillig", "доброволно"],
];

/// Phrases to add at the end of a sentence: en, de, bg.
#[rustfmt::skip]
pub const PHRASES: &[[&str; 3]] = &[
    ["in the north of the country", "im Norden des Landes", "в северната част на страната"],
    ["after months of preparation", "nach monatelanger Vorbereitung", "след месеци на подготовка"],
    ["for the first time in a decade", "zum ersten Mal seit einem Jahrzehnt", "за първи път от десетилетие"],
    ["despite opposition from residents", "trotz des Widerstands der Anwohner", "въпреки съпротивата на жителите"],
    ["with the help of volunteers from the region", "mit Hilfe von Freiwilligen aus der Region", "с помощта на доброволци от региона"],
    ["at a meeting in the capital", "bei einem Treffen in der Hauptstadt", "на среща в столицата"],
];

/// Index of a language in the lists' columns.
pub fn col(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::De => 1,
        _ => 2,
    }
}
