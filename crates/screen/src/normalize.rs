//! Name normalisation for screening.
//!
//! A listed party appears under many spellings: full-width letters, accents, other scripts,
//! legal forms written out or abbreviated, "Technologies" or "Tech". [`normalize`] turns a name
//! into tokens that compare across all of them:
//!
//! 1. Unicode NFKC (full-width and compatibility forms fold to their plain letters);
//! 2. legal forms in CJK and Cyrillic scripts are recognised before transliteration
//!    (有限公司, 株式会社, ООО), so they are weighed as legal forms, not as words;
//! 3. transliteration to Latin (`deunicode`: Cyrillic, Greek, Arabic, Hebrew, Thai, Han as
//!    pinyin syllables, ...), which also drops diacritics;
//! 4. lower case, punctuation to spaces, digits kept (so "BELLETECH CORP" never equals
//!    "11420 CORP.");
//! 5. legal forms (`data/screen/legal_forms.csv`) become [`TokenKind::LegalForm`] tokens with
//!    their canonical form, kept but given low weight by scorers, never dropped;
//! 6. common abbreviations (`data/screen/abbreviations.csv`) map to one canonical token.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    LegalForm,
}

/// The writing system a token was written in before transliteration. Scorers compare
/// tokens from scripts that do not write (all) vowels by their consonants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Han,
    Hangul,
    /// Arabic, Hebrew, Syriac, Thaana: vowels mostly unwritten.
    Abjad,
    /// Thai, Lao, Myanmar and Khmer: transliterated with few vowels.
    Brahmic,
    /// Devanagari, Bengali, Tamil and the other scripts of India (vowels written).
    Indic,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c as u32 {
            0x0000..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0590..=0x05FF
            | 0x0600..=0x06FF
            | 0x0700..=0x07BF
            | 0x08A0..=0x08FF
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF => Script::Abjad,
            0x0900..=0x0DFF => Script::Indic,
            0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => Script::Brahmic,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            _ => Script::Other,
        }
    }
    /// Whether tokens of this script are compared by their consonant skeletons.
    pub fn vowels_unwritten(self) -> bool {
        // Brahmic scripts of South-East Asia write vowels, but their transliterations keep
        // too few of them to compare letter by letter.
        matches!(self, Script::Abjad | Script::Brahmic)
    }
    /// Whether a token of this script is one syllable of a name (Chinese, Korean), which
    /// must match whole: "cheng" is not "chen".
    pub fn syllabic(self) -> bool {
        matches!(self, Script::Han | Script::Hangul)
    }
}

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub script: Script,
}

/// A normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormalizedName {
    pub original: String,
    pub tokens: Vec<Token>,
}

impl NormalizedName {
    /// The tokens that are not legal forms, joined by spaces.
    pub fn core(&self) -> String {
        self.tokens
            .iter()
            .filter(|t| t.kind != TokenKind::LegalForm)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    /// Every token joined by spaces.
    pub fn key(&self) -> String {
        self.tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    pub fn legal_forms(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::LegalForm)
            .map(|t| t.text.as_str())
            .collect()
    }
}

struct Dictionaries {
    /// Latin legal forms as token sequences, longest first.
    latin_forms: Vec<(Vec<String>, String)>,
    /// Indices into `latin_forms` by first word, longest first.
    latin_by_first: HashMap<String, Vec<usize>>,
    /// Non-Latin legal forms as they are written, longest first.
    script_forms: Vec<(String, String)>,
    abbreviations: HashMap<String, String>,
    /// Descriptors and one-word legal forms of six letters or more, by first letter, for
    /// typo-tolerant lookup: (spelling, canonical, is a legal form).
    typo_targets: HashMap<char, Vec<(String, String, bool)>>,
}

/// Whether a normalised word is a legal form as [`normalize`] writes it ("ltd", "gmbh",
/// "jsc", ...).
pub fn is_legal_form_word(w: &str) -> bool {
    static F: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    F.get_or_init(|| {
        let d = dictionaries();
        d.latin_forms
            .iter()
            .flat_map(|(form, canonical)| {
                let one = (form.len() == 1).then(|| form[0].clone());
                canonical
                    .split_whitespace()
                    .map(str::to_string)
                    .chain(one)
                    .collect::<Vec<_>>()
            })
            .collect()
    })
    .contains(w)
}

fn dictionaries() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| {
        let forms = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/legal_forms.csv"
        ));
        let abbrs = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/abbreviations.csv"
        ));
        let mut latin_forms = Vec::new();
        let mut script_forms = Vec::new();
        for line in forms.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let mut cols = line.splitn(3, ',');
            let (Some(form), Some(canonical)) = (cols.next(), cols.next()) else {
                continue;
            };
            if form.is_ascii() {
                latin_forms.push((
                    form.split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>(),
                    canonical.to_string(),
                ));
            } else {
                script_forms.push((form.nfkc().collect::<String>(), canonical.to_string()));
            }
        }
        latin_forms.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let mut latin_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (t, _)) in latin_forms.iter().enumerate() {
            if let Some(first) = t.first() {
                latin_by_first.entry(first.clone()).or_default().push(i);
            }
        }
        script_forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        let abbreviations: HashMap<String, String> = abbrs
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .collect();
        let mut typo_targets: HashMap<char, Vec<(String, String, bool)>> = HashMap::new();
        let descriptor = abbreviations
            .iter()
            .map(|(v, c)| (v.clone(), c.clone(), false));
        let forms = latin_forms
            .iter()
            .filter(|(t, _)| t.len() == 1)
            .map(|(t, c)| (t[0].clone(), c.clone(), true));
        for (v, c, form) in descriptor.chain(forms) {
            if v.len() >= TYPO_MIN_LEN
                && v.bytes().all(|b| b.is_ascii_lowercase())
                && let Some(first) = v.chars().next()
            {
                typo_targets.entry(first).or_default().push((v, c, form));
            }
        }
        for t in typo_targets.values_mut() {
            t.sort();
        }
        Dictionaries {
            latin_forms,
            latin_by_first,
            script_forms,
            abbreviations,
            typo_targets,
        }
    })
}

/// English cardinal and ordinal number words (one to ninety-nine) and suffixed ordinals ("1st",
/// "22nd") at the start of `words`: the number and how many words it took.
fn number_words(words: &[String]) -> Option<(u32, usize)> {
    fn unit(w: &str) -> Option<u32> {
        Some(match w {
            "one" | "first" => 1,
            "two" | "second" => 2,
            "three" | "third" => 3,
            "four" | "fourth" => 4,
            "five" | "fifth" => 5,
            "six" | "sixth" => 6,
            "seven" | "seventh" => 7,
            "eight" | "eighth" => 8,
            "nine" | "ninth" => 9,
            "ten" | "tenth" => 10,
            "eleven" | "eleventh" => 11,
            "twelve" | "twelfth" => 12,
            "thirteen" | "thirteenth" => 13,
            "fourteen" | "fourteenth" => 14,
            "fifteen" | "fifteenth" => 15,
            "sixteen" | "sixteenth" => 16,
            "seventeen" | "seventeenth" => 17,
            "eighteen" | "eighteenth" => 18,
            "nineteen" | "nineteenth" => 19,
            _ => return None,
        })
    }
    let w = words.first()?.as_str();
    if let Some(n) = unit(w) {
        return Some((n, 1));
    }
    let tens = match w {
        "twenty" => Some(20),
        "thirty" => Some(30),
        "forty" | "fourty" => Some(40),
        "fifty" => Some(50),
        "sixty" => Some(60),
        "seventy" => Some(70),
        "eighty" => Some(80),
        "ninety" => Some(90),
        _ => None,
    };
    if let Some(t) = tens {
        return match words.get(1).and_then(|w| unit(w)).filter(|u| *u < 10) {
            Some(u) => Some((t + u, 2)),
            None => Some((t, 1)),
        };
    }
    // "1st", "2nd", "3rd", "44th".
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
    {
        return digits.parse().ok().map(|n| (n, 1));
    }
    None
}

/// Normalise a name into comparable tokens.
pub fn normalize(name: &str) -> NormalizedName {
    let dict = dictionaries();
    let mut text: String = name.nfkc().collect();
    // Legal forms written in non-Latin scripts, wherever they stand.
    let mut script_legal: Vec<String> = Vec::new();
    let forms: &[(String, String)] = if text.is_ascii() {
        &[]
    } else {
        &dict.script_forms
    };
    for (form, canonical) in forms {
        while let Some(pos) = text.find(form.as_str()) {
            text.replace_range(pos..pos + form.len(), " ");
            script_legal.push(canonical.clone());
        }
    }
    let (words, scripts) = join_initials(transliterate(&text));
    let mut tokens = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        let candidates = dict
            .latin_by_first
            .get(words[i].as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &fi in candidates {
            let (form, canonical) = &dict.latin_forms[fi];
            if form.len() <= words.len() - i && words[i..i + form.len()] == form[..] {
                // A one-letter or two-letter form counts only at the end or before another form:
                // "SA" inside "SA TECH" is a word.
                let at_end = i + form.len() == words.len();
                // Three-letter forms also lead names: "OOO Romashka", "OAO Gazprom".
                let leads = i == 0 && form[0].len() == 3 && words.len() > 1;
                if form.len() > 1
                    || form[0].len() > 3
                    || at_end
                    || leads
                    || is_form_start(&words[i + 1..], dict)
                {
                    tokens.push(Token {
                        text: canonical.clone(),
                        kind: TokenKind::LegalForm,
                        script: scripts[i],
                    });
                    i += form.len();
                    continue 'outer;
                }
            }
        }
        // Numbers written in words or as ordinals ("Forty-Four", "Three", "1st", "First") are
        // numbers: "Brigade Forty-Four" is "Brigade 44".
        if let Some((n, used)) = number_words(&words[i..]) {
            tokens.push(Token {
                text: n.to_string(),
                kind: TokenKind::Number,
                script: scripts[i],
            });
            i += used;
            continue;
        }
        let w = &words[i];
        let (text, kind) = if w.chars().all(|c| c.is_ascii_digit()) {
            (w.clone(), TokenKind::Number)
        } else if let Some(c) = dict.abbreviations.get(w) {
            (c.clone(), TokenKind::Word)
        } else if let Some((c, form)) = typo_of(w, dict) {
            // "Techonlogy", "Electrnics", "Coropration": one slip from a descriptor or a legal
            // form counts as it.
            (
                c,
                if form {
                    TokenKind::LegalForm
                } else {
                    TokenKind::Word
                },
            )
        } else {
            (w.clone(), TokenKind::Word)
        };
        tokens.push(Token {
            text,
            kind,
            script: scripts[i],
        });
        i += 1;
    }
    tokens.extend(script_legal.into_iter().map(|t| Token {
        text: t,
        kind: TokenKind::LegalForm,
        script: Script::Other,
    }));
    NormalizedName {
        original: name.to_string(),
        tokens,
    }
}

/// Lower-case ASCII words and the script each came from. Text is cut into runs of one script;
/// Hangul is romanised syllable by syllable (Korean names are written in syllables that
/// romanise to separate words: 김정은 → gim jeong eun), everything else goes through
/// `deunicode` (Cyrillic, Greek, Arabic, Hebrew, Thai, Han as pinyin syllables, ...).
fn transliterate(text: &str) -> (Vec<String>, Vec<Script>) {
    let mut words = Vec::new();
    let mut scripts = Vec::new();
    let mut push_run = |run: &str, script: Script, words: &mut Vec<String>| {
        let latin = if script == Script::Hangul {
            romanize_hangul(run)
        } else {
            deunicode::deunicode_with_tofu(run, " ")
        };
        let lowered = latin.to_lowercase().replace('&', " & ");
        for w in lowered
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
            .filter(|w| !w.is_empty())
        {
            words.push(w.to_string());
            scripts.push(script);
        }
    };
    let mut run = String::new();
    let mut run_script = Script::Latin;
    for c in text.chars() {
        let s = if c.is_alphabetic() {
            Script::of(c)
        } else {
            run_script
        };
        if s != run_script && !run.is_empty() {
            push_run(&run, run_script, &mut words);
            run.clear();
        }
        run_script = s;
        run.push(c);
    }
    if !run.is_empty() {
        push_run(&run, run_script, &mut words);
    }
    (words, scripts)
}

/// Runs of two or more one-letter Latin words become one word: "G.m.b.H." → "gmbh",
/// "p.l.c." → "plc", "A.B.C." → "abc". A lone initial ("Thomas A. Lindeman") stays.
fn join_initials((words, scripts): (Vec<String>, Vec<Script>)) -> (Vec<String>, Vec<Script>) {
    let mut w2 = Vec::with_capacity(words.len());
    let mut s2 = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let single = |k: usize| {
            words[k].len() == 1
                && words[k].as_bytes()[0].is_ascii_alphabetic()
                && scripts[k] == Script::Latin
        };
        let mut j = i;
        while j < words.len() && single(j) {
            j += 1;
        }
        if j - i >= 2 {
            w2.push(words[i..j].concat());
            s2.push(Script::Latin);
            i = j;
        } else {
            w2.push(words[i].clone());
            s2.push(scripts[i]);
            i += 1;
        }
    }
    (w2, s2)
}

/// Revised Romanization of Korean, one word per syllable.
fn romanize_hangul(run: &str) -> String {
    const INITIAL: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const MEDIAL: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINAL: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let mut out = String::new();
    for c in run.chars() {
        let u = c as u32;
        if (0xAC00..=0xD7A3).contains(&u) {
            let s = u - 0xAC00;
            let (l, v, t) = (s / (21 * 28), (s % (21 * 28)) / 28, s % 28);
            out.push(' ');
            out.push_str(INITIAL[l as usize]);
            out.push_str(MEDIAL[v as usize]);
            out.push_str(FINAL[t as usize]);
        } else {
            out.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
        }
    }
    out
}

/// Words shorter than this are never read as a misspelt descriptor.
pub const TYPO_MIN_LEN: usize = 6;

/// The descriptor or legal form `w` is one edit from (an insertion, a deletion, a substitution
/// or two neighbouring letters swapped), with the same first letter: `(canonical, is a form)`.
fn typo_of(w: &str, dict: &Dictionaries) -> Option<(String, bool)> {
    if w.len() < TYPO_MIN_LEN || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let first = w.chars().next()?;
    dict.typo_targets
        .get(&first)?
        .iter()
        .find(|(v, _, _)| {
            v.len().abs_diff(w.len()) <= 1 && within_one_edit(w.as_bytes(), v.as_bytes())
        })
        .map(|(_, c, form)| (c.clone(), *form))
}

/// Optimal-string-alignment distance of at most 1.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra.len() == rb.len() + 1 && ra[1..] == *rb,
        std::cmp::Ordering::Less => rb.len() == ra.len() + 1 && rb[1..] == *ra,
    }
}

fn is_form_start(rest: &[String], dict: &Dictionaries) -> bool {
    dict.latin_forms
        .iter()
        .any(|(f, _)| f.len() <= rest.len() && rest[..f.len()] == f[..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_descriptor_or_legal_form_one_slip_away_counts_as_it() {
        let k = |s: &str| normalize(s).key();
        assert_eq!(
            k("Jadeshine Engnieering (HK) Co."),
            k("Jadeshine Engineering (HK) Co.")
        );
        assert_eq!(k("Alpha Techonlogy"), k("Alpha Technology"));
        assert_eq!(k("Beta Electrnics Traidng"), k("Beta Electronics Trading"));
        assert_eq!(
            k("Gamma Internatonal Hlodings"),
            k("Gamma International Holdings")
        );
        assert_eq!(k("Delta Semicodnuctor"), k("Delta Semiconductor"));
        let c = normalize("Omega Coropration");
        assert_eq!(c.tokens[1].kind, TokenKind::LegalForm, "{:?}", c.tokens);
        // Distinctive words stay themselves: short words, two slips, another first letter.
        assert_eq!(k("Tecno Holdings"), "tecno hldg");
        assert_eq!(k("Electra Systems"), "electra systems");
        assert_eq!(k("Rechnology"), "rechnology");
        assert!(within_one_edit(b"trading", b"traidng"));
        assert!(!within_one_edit(b"trading", b"tirdang"));
    }

    #[test]
    fn full_width_and_accents_fold() {
        assert_eq!(
            normalize("ＳＯＣＩÉＴÉ  Générale").key(),
            "societe generale"
        );
    }

    #[test]
    fn other_scripts_transliterate() {
        assert_eq!(normalize("Иван Петров").key(), "ivan petrov");
        assert_eq!(normalize("华为技术").core(), "hua wei ji shu");
    }

    #[test]
    fn legal_forms_are_kept_as_legal_forms() {
        let n = normalize("Alpha Technologies Pte. Ltd.");
        assert_eq!(n.core(), "alpha tech");
        assert_eq!(n.legal_forms(), vec!["pte_ltd"]);
        let c = normalize("华为技术有限公司");
        assert_eq!(c.core(), "hua wei ji shu");
        assert_eq!(c.legal_forms(), vec!["co_ltd"]);
        assert_eq!(normalize("ООО Ромашка").legal_forms(), vec!["ooo"]);
        assert_eq!(
            normalize("Megaspeed Sdn Bhd").legal_forms(),
            vec!["sdn_bhd"]
        );
    }

    #[test]
    fn a_short_form_inside_a_name_is_a_word() {
        assert_eq!(normalize("SA Tech Holdings").core(), "sa tech hldg");
        assert_eq!(normalize("Banco SA").legal_forms(), vec!["sa"]);
    }

    #[test]
    fn scripts_are_recorded_and_hangul_splits_into_syllables() {
        let n = normalize("김정은");
        assert_eq!(n.key(), "gim jeong eun");
        assert!(n.tokens.iter().all(|t| t.script == Script::Hangul));
        let m = normalize("محمد Ali");
        assert_eq!(m.tokens[0].script, Script::Abjad);
        assert_eq!(m.tokens[1].script, Script::Latin);
    }

    #[test]
    fn digits_are_kept() {
        assert_ne!(
            normalize("BELLETECH CORP").core(),
            normalize("11420 CORP.").core()
        );
        assert_eq!(normalize("11420 CORP.").tokens[0].kind, TokenKind::Number);
    }

    #[test]
    fn abbreviations_meet_their_long_forms() {
        assert_eq!(
            normalize("Global Comm Grp Intl Srvces").core(),
            normalize("Global Communications Group International Services").core()
        );
    }

    #[test]
    fn numbers_in_words_and_ordinals_are_numbers() {
        for (a, b) in [
            ("Brigade Forty-Four", "Brigade 44"),
            ("Brigade Fourty four", "Brigade 44"),
            ("Three Percenters", "3 Percenters"),
            ("1st International Bank", "First International Bank"),
            ("Twenty First Century Ltd", "21st Century Ltd"),
        ] {
            assert_eq!(normalize(a).core(), normalize(b).core(), "{a} / {b}");
        }
        // Words that only begin like numbers stay words.
        assert_ne!(
            normalize("Tenet Holdings").core(),
            normalize("10 Holdings").core()
        );
        assert_ne!(normalize("Seconda SpA").core(), normalize("2 SpA").core());
    }
}
