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

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
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
    /// Non-Latin legal forms as they are written, longest first.
    script_forms: Vec<(String, String)>,
    abbreviations: HashMap<String, String>,
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
        script_forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        let abbreviations = abbrs
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .collect();
        Dictionaries {
            latin_forms,
            script_forms,
            abbreviations,
        }
    })
}

/// Normalise a name into comparable tokens.
pub fn normalize(name: &str) -> NormalizedName {
    let dict = dictionaries();
    let mut text: String = name.nfkc().collect();
    // Legal forms written in non-Latin scripts, wherever they stand.
    let mut script_legal: Vec<String> = Vec::new();
    for (form, canonical) in &dict.script_forms {
        while let Some(pos) = text.find(form.as_str()) {
            text.replace_range(pos..pos + form.len(), " ");
            script_legal.push(canonical.clone());
        }
    }
    let latin = deunicode::deunicode_with_tofu(&text, " ");
    let lowered = latin.to_lowercase().replace('&', " & ");
    let words: Vec<String> = lowered
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        for (form, canonical) in &dict.latin_forms {
            if form.len() <= words.len() - i && words[i..i + form.len()] == form[..] {
                // A one-letter or two-letter form counts only at the end or before another form:
                // "SA" inside "SA TECH" is a word.
                let at_end = i + form.len() == words.len();
                if form.len() > 1
                    || form[0].len() > 3
                    || at_end
                    || is_form_start(&words[i + 1..], dict)
                {
                    tokens.push(Token {
                        text: canonical.clone(),
                        kind: TokenKind::LegalForm,
                    });
                    i += form.len();
                    continue 'outer;
                }
            }
        }
        let w = &words[i];
        let (text, kind) = if w.chars().all(|c| c.is_ascii_digit()) {
            (w.clone(), TokenKind::Number)
        } else {
            (
                dict.abbreviations
                    .get(w)
                    .cloned()
                    .unwrap_or_else(|| w.clone()),
                TokenKind::Word,
            )
        };
        tokens.push(Token { text, kind });
        i += 1;
    }
    tokens.extend(script_legal.into_iter().map(|t| Token {
        text: t,
        kind: TokenKind::LegalForm,
    }));
    NormalizedName {
        original: name.to_string(),
        tokens,
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
}
