//! Red flags per order, licence determination and screening of every party, entity networks
//! and explained risk.
//!
//! Each flag is data (`data/assess/red_flags.csv`: id, check, weight, parameter, title, source);
//! the check it names is code here. An order's score combines the weights of its flags as
//! independent evidence, `score = 1 − Π (1 − weight)`, so two weak flags weigh more than one and
//! no number of flags passes 1. Network flags (N1-N4) add to every order they touch. A cluster's
//! score is its riskiest order's.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

use chipwatch_rules::catalogue::{Catalogue, HsHeading, headings_for};
use chipwatch_rules::classify::Specs;
use chipwatch_rules::licence::{Mode, Shipment, determine};
use chipwatch_screen::normalize::normalize;
use chipwatch_screen::screener::{Hit, Query, Screener};
use chrono::NaiveDate;
use petgraph::unionfind::UnionFind;
use serde::Serialize;

use crate::ledger::{Order, ShipToType};
use crate::score::{Explanation, Weights, score_orders};

/// Identifiers shared by more parties than this do not join them into one network.
pub const MAX_SHARED: usize = 8;
/// N1 reaches parties at most this many shared identifiers from a listed party's order.
pub const N1_LINKS: u8 = 2;

/// An established customer: a relationship that began before the October 2022 controls and at
/// least two years before the order. Routine patterns of such customers (their hub routes, their
/// restocking in small lots) are not red flags; everything else about their orders is checked.
pub fn established(o: &Order) -> bool {
    let controls = controls_date();
    o.customer_since
        .is_some_and(|s| s < controls && (o.order_date - s).num_days() >= 2 * 365)
}

/// The October 2022 advanced-computing controls (87 FR 62186), the date "began buying only
/// after the controls" is measured from.
fn controls_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 10, 7).expect("valid date")
}

/// A red flag as data.
#[derive(Debug, Clone, Serialize)]
pub struct FlagDef {
    pub id: String,
    pub check: String,
    pub weight: f64,
    pub parameter: Option<f64>,
    pub title: String,
    pub source: String,
    /// A factor is a circumstance that is common in legitimate trade and raises a flag only with
    /// corroboration (another flag or factor on the order); alone it is noted and scored.
    pub factor: bool,
    /// A decisive check (a list hit, ownership, a licence requirement, a PRC IC) is raised
    /// however common it is in the ledger.
    pub decisive: bool,
    /// A context (where the goods go) is scored and noted, never raised: it is not a reason to
    /// stop an order, but it changes how likely the rest of the order's story is diversion.
    pub context: bool,
    /// The share of diverted orders assumed to show it, where the case record says more than
    /// the default ([`crate::score::TELL_TALE_RATE`]).
    pub diverted_share: Option<f64>,
}

/// The bundled red flags.
pub fn flag_defs() -> &'static [FlagDef] {
    static F: OnceLock<Vec<FlagDef>> = OnceLock::new();
    F.get_or_init(|| {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/assess/red_flags.csv"
        ));
        // `diverted_share` is given only where it differs from the default.
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        rdr.records()
            .map(|r| {
                let r = r.expect("bundled red_flags.csv is valid CSV");
                FlagDef {
                    id: r[0].to_string(),
                    check: r[1].to_string(),
                    weight: r[2].parse().expect("bundled weight is a number"),
                    parameter: r[3].parse().ok(),
                    title: r[4].to_string(),
                    source: r[5].to_string(),
                    factor: match &r[6] {
                        "factor" => true,
                        "flag" | "decisive" | "context" => false,
                        k => panic!(
                            "bundled red_flags.csv: kind `{k}` is none of flag, factor, decisive, context"
                        ),
                    },
                    decisive: &r[6] == "decisive",
                    context: &r[6] == "context",
                    diverted_share: r.get(7).and_then(|v| v.parse().ok()),
                }
            })
            .collect()
    })
}

/// The bundled flag of an id (K1, G3, ...).
pub fn flag_def(id: &str) -> Option<&'static FlagDef> {
    static BY_ID: OnceLock<HashMap<&'static str, &'static FlagDef>> = OnceLock::new();
    BY_ID
        .get_or_init(|| flag_defs().iter().map(|f| (f.id.as_str(), f)).collect())
        .get(id)
        .copied()
}

fn def(check: &str) -> &'static FlagDef {
    static BY_CHECK: OnceLock<HashMap<&'static str, &'static FlagDef>> = OnceLock::new();
    BY_CHECK
        .get_or_init(|| flag_defs().iter().map(|f| (f.check.as_str(), f)).collect())
        .get(check)
        .copied()
        .unwrap_or_else(|| panic!("bundled red_flags.csv has no check {check}"))
}

/// FNV-1a: a fast hasher for the short keys of the per-run caches (not exposed to input an
/// attacker could shape into collisions at scale: keys are a ledger's own party names).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

struct Vocabulary {
    lists: HashMap<String, Vec<String>>,
    /// The same words, lower-cased, for membership tests.
    sets: HashMap<String, std::collections::HashSet<String>>,
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/assess/vocabulary.csv"
        ));
        let mut lists: HashMap<String, Vec<String>> = HashMap::new();
        let mut sets: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
        for line in text.lines().skip(1) {
            let mut c = line.splitn(3, ',');
            if let (Some(l), Some(w)) = (c.next(), c.next()) {
                lists.entry(l.to_string()).or_default().push(w.to_string());
                sets.entry(l.to_string())
                    .or_default()
                    .insert(w.to_ascii_lowercase());
            }
        }
        Vocabulary { lists, sets }
    })
}

fn in_list(list: &str, value: &str) -> bool {
    let Some(set) = vocabulary().sets.get(list) else {
        return false;
    };
    if value.bytes().any(|b| b.is_ascii_uppercase()) {
        set.contains(&value.to_ascii_lowercase())
    } else {
        set.contains(value)
    }
}

/// One flag raised on an order, with the facts behind it.
#[derive(Debug, Clone, Serialize)]
pub struct FlagHit {
    pub id: &'static str,
    pub title: &'static str,
    pub weight: f64,
    /// The facts, shared between the orders a network flag touches.
    pub detail: Arc<str>,
    pub source: &'static str,
    /// A factor (`kind` in red_flags.csv): raised only with corroboration.
    pub factor: bool,
}

/// Something the checks found that counts toward the score but is not raised as a flag.
#[derive(Debug, Clone, Serialize)]
pub struct Noted {
    pub flag: FlagHit,
    /// Why it is noted and not raised.
    pub why: &'static str,
}

/// Why a context is not raised.
pub const CONTEXT: &str = "a context: where the goods go changes how likely the rest of the order's story is diversion, and is scored; it is never a reason to stop an order by itself";
/// Why a lone factor is not raised.
pub const LONE_FACTOR: &str = "a factor alone: common in legitimate trade, raised only with another flag or factor on the order";
/// Why flags too common in this ledger are not raised alone.
pub const WEAK_IN_LEDGER: &str = "too common in this ledger to stop an order alone: together the order's flags weigh less than the raise level here (log-likelihood ratio 1); scored, and raised with stronger evidence";
/// Why a licence requirement is not raised in a ledger without licences.
pub const NO_LICENCES_RECORDED: &str = "no order of this ledger records a licence (column `licence`), so whether one is on file is unknown: the requirement is a determination to act on, not a red flag";

fn hit(check: &str, detail: impl Into<Arc<str>>) -> FlagHit {
    let d = def(check);
    FlagHit {
        id: &d.id,
        title: &d.title,
        weight: d.weight,
        detail: detail.into(),
        source: &d.source,
        factor: d.factor,
    }
}

/// The parties an order names, by role as explanations write it.
fn named_parties(o: &Order) -> [(&'static str, Option<&str>); 6] {
    [
        ("bill-to", o.bill_to.name.as_deref()),
        ("ship-to", o.ship_to.name.as_deref()),
        ("end user", o.end_user.name.as_deref()),
        ("end user's parent", o.end_user_parent.as_deref()),
        ("payer", o.payer_name.as_deref()),
        ("forwarder", o.forwarder.as_deref()),
    ]
}

/// Split what the checks found on an order into flags raised and findings only noted. A
/// licence requirement is a red flag (RF 22: a required licence not obtained) only where the
/// ledger says which licences are on file; a factor is raised only with corroboration.
fn raise_or_note(r: &mut OrderResult, records_licences: bool) {
    let (context, rest) = std::mem::take(&mut r.flags)
        .into_iter()
        .partition::<Vec<_>, _>(|f| is_context(f.id));
    r.flags = rest;
    r.noted
        .extend(context.into_iter().map(|flag| Noted { flag, why: CONTEXT }));
    if !records_licences {
        let h1 = def("licence_required").id.as_str();
        let (unanswerable, rest) = std::mem::take(&mut r.flags)
            .into_iter()
            .partition::<Vec<_>, _>(|f| f.id == h1);
        r.flags = rest;
        r.noted.extend(unanswerable.into_iter().map(|flag| Noted {
            flag,
            why: NO_LICENCES_RECORDED,
        }));
    }
    let flags = r.flags.iter().filter(|f| !f.factor).count();
    let mut factors: Vec<&str> = r.flags.iter().filter(|f| f.factor).map(|f| f.id).collect();
    factors.sort_unstable();
    factors.dedup();
    if flags == 0 && factors.len() == 1 {
        for flag in r.flags.drain(..) {
            r.noted.push(Noted {
                flag,
                why: LONE_FACTOR,
            });
        }
    }
    // The flags of an order are raised when, together, they are evidence in this ledger: a
    // flag on many of its orders (a market where every buyer is new, every hyperscaler declines
    // installation) does not stop an order alone. Decisive checks are raised whatever the
    // ledger.
    if r.flags.is_empty() || r.flags.iter().any(|f| is_decisive(f.id)) {
        return;
    }
    let evidence: f64 = r
        .explanation
        .parts
        .iter()
        .filter(|p| p.network_share.is_none() && r.flags.iter().any(|f| f.id == p.id))
        .map(|p| p.evidence)
        .sum();
    if evidence < crate::score::RAISE_EVIDENCE {
        for flag in r.flags.drain(..) {
            r.noted.push(Noted {
                flag,
                why: WEAK_IN_LEDGER,
            });
        }
    }
}

/// Whether a flag id is of a context (`kind` in red_flags.csv).
fn is_context(id: &str) -> bool {
    flag_def(id).is_some_and(|d| d.context)
}

/// Whether a flag id is of a decisive check (`kind` in red_flags.csv).
fn is_decisive(id: &str) -> bool {
    flag_def(id).is_some_and(|d| d.decisive)
}

/// The key two spellings of a party share: normalised words, legal forms left out.
pub fn party_key(name: &str) -> String {
    // Ledgers name the same parties again and again: keys are remembered per thread.
    thread_local! {
        static KEYS: std::cell::RefCell<FnvMap<String, String>> =
            std::cell::RefCell::new(FnvMap::default());
    }
    KEYS.with(|k| {
        if let Some(v) = k.borrow().get(name) {
            return v.clone();
        }
        let n = normalize(name);
        let core = n.core();
        let key = if core.is_empty() { n.key() } else { core };
        let mut m = k.borrow_mut();
        if m.len() > 1_000_000 {
            m.clear();
        }
        m.insert(name.to_string(), key.clone());
        key
    })
}

/// The first distinctive word of a name (legal forms and descriptors aside), lower-cased.
fn group_word(name: &str) -> Option<String> {
    let k = party_key(name);
    k.split_whitespace()
        .find(|w| w.chars().count() >= 4 && !in_list("generic", w))
        .map(str::to_string)
}

/// The word that marks an address as residential (`apt`, `condominium`, `hdb`...), if any.
fn residential_marker(address: &str) -> Option<&'static str> {
    let lower = address.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    vocabulary().lists["residential"]
        .iter()
        .find(|m| {
            if m.contains(' ') {
                lower.contains(m.as_str())
            } else {
                words.contains(&m.as_str())
            }
        })
        .map(String::as_str)
}

/// Whether an e-mail domain can be the named company's own: its first label holds the first
/// letters of one of the name's words ("tesseldata.in" for Tessel DataHalls Ltd.) or begins with
/// the name's initials ("nudt.edu.cn").
fn domain_fits(name: &str, domain: &str) -> bool {
    let label: String = domain
        .split('.')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if label.chars().count() < 2 {
        return false;
    }
    let key = party_key(name);
    let words: Vec<&str> = key.split_whitespace().collect();
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    if initials.chars().count() >= 2 && label.starts_with(&initials) {
        return true;
    }
    words.iter().any(|w| {
        let head: String = w.chars().take(6).collect();
        head.chars().count() >= 3 && (label.contains(&head) || w.starts_with(&label))
    })
}

/// Two names of one corporate group: they share their first distinctive word ("Fenloop
/// Treasury Services Ltd" and "Fenloop Technologies LLC").
fn same_group(a: &str, b: &str) -> bool {
    matches!((group_word(a), group_word(b)), (Some(x), Some(y)) if x == y)
}

/// A word of `name` in a vocabulary list (one word, or two words in sequence).
fn list_word(list: &str, name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .find(|w| in_list(list, w))
        .map(|w| w.to_string())
        .or_else(|| {
            words
                .windows(2)
                .map(|p| format!("{} {}", p[0], p[1]))
                .find(|p| in_list(list, p))
        })
}

/// A word that names a financier (bank, lessor, lender, grant agency) in a payer's name.
fn financier_word(name: &str) -> Option<String> {
    list_word("financier", name)
}

fn same_party(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if party_key(a) == party_key(b))
}

/// The order-level flags that need nothing but the order.
pub fn order_flags(o: &Order) -> Vec<FlagHit> {
    let mut out = Vec::new();
    let chips = o.chips();
    // K8: a forwarder is the *final* destination when no end user is named beyond it, or the
    // named end user is in another country. A 3PL staging goods for a named end user in its own
    // country is a consolidation point, not a final destination.
    if matches!(
        o.ship_to_type,
        Some(ShipToType::Forwarder | ShipToType::Logistics)
    ) {
        let beyond = match (o.end_user.name.as_deref(), o.end_user.country.as_deref()) {
            (None, _) => Some("no end user is named beyond it".to_string()),
            (Some(eu), _) if same_party(Some(eu), o.ship_to.name.as_deref()) => {
                Some("it is named as the end user".to_string())
            }
            (Some(eu), Some(c)) if Some(c) != o.ship_to.country.as_deref() => {
                Some(format!("the end user {eu} is in {c}"))
            }
            _ => None,
        };
        if let Some(why) = beyond {
            out.push(hit(
                "forwarder_ship_to",
                format!(
                    "ship-to {} is a {} and {why}",
                    o.ship_to.name.as_deref().unwrap_or("(unnamed)"),
                    if o.ship_to_type == Some(ShipToType::Forwarder) {
                        "freight forwarder"
                    } else {
                        "logistics company"
                    }
                ),
            ));
        }
    }
    // K4: a payer of the buyer's own group (a treasury or shared-service centre sharing its
    // name) or a financier (a bank, lessor or lender; a grant agency) explains the payment.
    let payer_explained = o.payer_name.as_deref().and_then(|payer| {
        if let Some(g) = [
            o.bill_to.name.as_deref(),
            o.end_user.name.as_deref(),
            o.end_user_parent.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|n| same_group(payer, n))
        {
            return Some(format!("of the same group as {g}"));
        }
        financier_word(payer).map(|w| format!("a financier (\"{w}\")"))
    });
    if let Some(payer) = o.payer_name.as_deref() {
        let own = same_party(Some(payer), o.bill_to.name.as_deref())
            || same_party(Some(payer), o.end_user.name.as_deref())
            || same_party(Some(payer), o.end_user_parent.as_deref());
        if !own
            && payer_explained.is_none()
            && (o.bill_to.name.is_some() || o.end_user.name.is_some())
        {
            out.push(hit(
                "third_party_payer",
                format!(
                    "paid by {payer}, billed to {}",
                    o.bill_to.name.as_deref().unwrap_or("(unnamed)")
                ),
            ));
        }
    }
    if let Some(pc) = o.payer_country.as_deref() {
        let known = [
            o.bill_to.country.as_deref(),
            o.ship_to.country.as_deref(),
            o.end_user.country.as_deref(),
            o.end_user_parent_country.as_deref(),
        ];
        if !known.contains(&Some(pc)) && payer_explained.is_none() {
            out.push(hit(
                "third_country_payer",
                format!(
                    "payer {} in {pc}; buyer in {}, ship-to in {}, end user in {}",
                    o.payer_name.as_deref().unwrap_or("(unnamed)"),
                    o.bill_to.country.as_deref().unwrap_or("?"),
                    o.ship_to.country.as_deref().unwrap_or("?"),
                    o.end_user_country()
                ),
            ));
        }
    }
    if o.item.starts_with("ASCEND-") {
        out.push(hit(
            "prc_advanced_ic",
            format!("{} × {} ({})", o.quantity, o.item, o.item_as_written),
        ));
    }
    // K6: installation, training or maintenance declined.
    // A distributor installs nothing itself (its customers do), and a customer of two years or
    // more has a known practice: declining installation is a flag on a new or unknown customer.
    let explained = o.ship_to_type == Some(ShipToType::Distributor)
        || o.customer_since
            .is_some_and(|s| (o.order_date - s).num_days() >= 2 * 365);
    if o.installation_declined == Some(true) && !explained {
        out.push(hit(
            "installation_declined",
            format!("installation declined for {} × {}", o.quantity, o.item),
        ));
    }
    let controls = controls_date();
    if let Some(since) = o.customer_since {
        let p = def("new_bulk_buyer").parameter.unwrap_or(64.0);
        if since >= controls && chips as f64 >= p {
            out.push(hit(
                "new_bulk_buyer",
                format!(
                    "customer since {since} (after the 2022-10-07 controls) orders {chips} chips"
                ),
            ));
        }
        let days = def("young_company").parameter.unwrap_or(365.0);
        let age = (o.order_date - since).num_days();
        if (0..days as i64).contains(&age) {
            out.push(hit(
                "young_company",
                format!("customer for {age} days at the order date (since {since})"),
            ));
        }
    }
    let res_min = def("residential_bulk").parameter.unwrap_or(16.0);
    if chips as f64 >= res_min {
        for (who, addr) in [
            ("ship-to", o.ship_to.address.as_deref()),
            ("end user", o.end_user.address.as_deref()),
        ] {
            if let Some(a) = addr
                && let Some(m) = residential_marker(a)
            {
                out.push(hit(
                    "residential_bulk",
                    format!("{who} address \"{a}\" looks residential (\"{m}\") for {chips} chips"),
                ));
                break;
            }
        }
    }
    if let Some(mw) = o.declared_site_mw {
        let kw = def("site_power_short").parameter.unwrap_or(1.6);
        let needed_mw = chips as f64 * kw / 1000.0;
        if needed_mw > mw {
            out.push(hit(
                "site_power_short",
                format!("{chips} chips × {kw} kW = {needed_mw:.2} MW; the site declares {mw} MW"),
            ));
        }
    }
    // Route: intermediate countries (not the seller's, the ship-to's or the end user's).
    let ends: BTreeSet<&str> = [
        o.seller_country.as_deref(),
        o.ship_to.country.as_deref(),
        Some(o.end_user_country()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let via: Vec<&str> = o
        .route
        .iter()
        .map(String::as_str)
        .filter(|c| !ends.contains(c))
        .collect();
    let restricted: Vec<&str> = via
        .iter()
        .copied()
        .filter(|c| in_list("restricted", c))
        .collect();
    if !restricted.is_empty() && !in_list("restricted", o.end_user_country()) {
        out.push(hit(
            "restricted_route",
            format!(
                "route {} passes through {} for an end user in {}",
                o.route.join("→"),
                restricted.join(", "),
                o.end_user_country()
            ),
        ));
    }
    // K11: the goods go to a transshipment hub (a context, scored and never raised).
    if let Some(c) = o.ship_to.country.as_deref().filter(|c| in_list("hub", c)) {
        out.push(hit(
            "hub_destination",
            format!("ship-to in {c}, a transshipment hub"),
        ));
    }
    if restricted.is_empty() || in_list("restricted", o.end_user_country()) {
        let hubs: Vec<&str> = via.iter().copied().filter(|c| in_list("hub", c)).collect();
        // An established customer's route through a regional hub is its logistics, not an
        // abnormal route (Red Flag #11 asks whether the route is abnormal for the customer).
        if !hubs.is_empty() && !established(o) {
            out.push(hit(
                "hub_route",
                format!(
                    "route {} passes through {} on the way to {}",
                    o.route.join("→"),
                    hubs.join(", "),
                    o.end_user_country()
                ),
            ));
        }
    }
    if let Some(hs) = o.hs_code.as_deref() {
        let digits: String = hs.chars().filter(char::is_ascii_digit).collect();
        // The subheadings an item of this form is normally declared under
        // (data/rules/hs_forms.csv, with the customs rulings behind each).
        let expected: Vec<&HsHeading> = headings_for(o.form).collect();
        let fits = |h: &&HsHeading| {
            let e = h.digits();
            if digits.len() >= 6 {
                digits.starts_with(&e)
            } else {
                e.starts_with(&digits)
            }
        };
        if digits.len() >= 4 && !expected.iter().any(fits) {
            out.push(hit(
                "hs_mismatch",
                format!(
                    "declared HS {hs} for {} (a {}); a {} is declared under {}",
                    o.item,
                    o.form.as_str(),
                    o.form.as_str(),
                    expected
                        .iter()
                        .map(|h| h.hs.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    if let Some(email) = o.contact_email.as_deref() {
        let p = def("webmail_bulk").parameter.unwrap_or(64.0);
        let domain = email.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
        if chips as f64 >= p && in_list("webmail", &domain) {
            out.push(hit(
                "webmail_bulk",
                format!("contact {email} (free webmail) for {chips} chips"),
            ));
        }
    }
    // H1b: the buyer's contacts, or the invoice currency (renminbi, Hong Kong or Macau dollars,
    // with no payer there either), are of China, Hong Kong or Macau while the buyer, ship-to and
    // end user are elsewhere: a sign of a parent or principal headquartered there (the
    // headquarters rule) that the order does not declare.
    let parties_outside = [
        o.bill_to.country.as_deref(),
        o.ship_to.country.as_deref(),
        o.end_user.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .all(|c| !in_list("restricted", c));
    let declared_parent = o
        .end_user_parent_country
        .as_deref()
        .is_some_and(|c| in_list("restricted", c));
    if parties_outside && !declared_parent {
        let phone = o.contact_phone.as_deref().and_then(|p| {
            let d: String = p
                .trim_start()
                .strip_prefix('+')
                .map(|r| r.chars().filter(char::is_ascii_digit).collect())
                .unwrap_or_default();
            ["86", "852", "853"]
                .into_iter()
                .find(|cc| d.starts_with(cc) && d.len() > cc.len() + 6)
                .map(|cc| format!("phone {p} (+{cc})"))
        });
        let mail = o.contact_email.as_deref().and_then(|e| {
            let dom = e.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
            (in_list("d5_mail", &dom) || [".cn", ".hk", ".mo"].iter().any(|t| dom.ends_with(t)))
                .then(|| format!("email {e}"))
        });
        let payer_outside = o
            .payer_country
            .as_deref()
            .is_none_or(|c| !in_list("restricted", c));
        let money = o
            .currency
            .as_deref()
            .filter(|c| payer_outside && in_list("d5_currency", &c.trim().to_ascii_lowercase()))
            .map(|c| format!("invoice currency {c}"));
        if let Some(c) = phone.or(mail).map(|c| format!("contact {c}")).or(money) {
            out.push(hit(
                "d5_contact",
                format!(
                    "{c} for a buyer in {}, shipped to {}, end user in {}",
                    o.bill_to.country.as_deref().unwrap_or("?"),
                    o.ship_to.country.as_deref().unwrap_or("?"),
                    o.end_user_country()
                ),
            ));
        }
    }
    // K3: a buyer whose name says its business is not computing (realty, restaurants, apparel).
    let k3_min = def("line_of_business").parameter.unwrap_or(8.0);
    if chips as f64 >= k3_min {
        for (who, name) in [
            ("buyer", o.bill_to.name.as_deref()),
            ("end user", o.end_user.name.as_deref()),
        ] {
            if let Some(n) = name
                && let Some(w) = list_word("non_computing", n)
            {
                out.push(hit(
                    "line_of_business",
                    format!("{who} {n} (\"{w}\": not a computing business) orders {chips} chips"),
                ));
                break;
            }
        }
    }
    // K2: a distributor buying for stock declares its business, not an evasion.
    if let Some(eu) = o.declared_end_use.as_deref()
        && in_list("vague", eu.trim())
        && !(o.ship_to_type == Some(ShipToType::Distributor) && in_list("stocking", eu.trim()))
    {
        out.push(hit("vague_end_use", format!("declared end use \"{eu}\"")));
    }
    // K2b: an end user named by a placeholder. A distributor buying for stock has no end user
    // yet ("Various resellers"); anyone else was asked who will use the goods. A name with a
    // legal form is a company ("Multiple Zones International Inc."), whatever its words.
    if let Some(eu) = o.end_user.name.as_deref()
        && o.ship_to_type != Some(ShipToType::Distributor)
        && let Some(w) = list_word("placeholder", eu)
        && !normalize(eu)
            .tokens
            .iter()
            .any(|t| t.kind == chipwatch_screen::normalize::TokenKind::LegalForm)
    {
        out.push(hit(
            "placeholder_end_user",
            format!("end user \"{eu}\" (\"{w}\": a placeholder, not a party)"),
        ));
    }
    if let (Some(s), Some(e)) = (o.ship_to.country.as_deref(), o.end_user.country.as_deref())
        && s != e
        && o.ship_to_type != Some(ShipToType::Distributor)
        // A forwarder ship-to for an end user in another country is K8's own fact: counted once.
        && !out.iter().any(|h| h.id == "K8")
    {
        out.push(hit(
            "ship_to_elsewhere",
            format!("shipped to {s}, end user in {e}"),
        ));
    }
    out
}

/// The combined score of independent flags.
pub fn combine(weights: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - weights
        .into_iter()
        .fold(1.0, |acc, w| acc * (1.0 - w.clamp(0.0, 1.0)))
}

/// An order's result.
#[derive(Debug, Clone, Serialize)]
pub struct OrderResult {
    pub order_id: String,
    pub line: u64,
    pub score: f64,
    /// The red flags raised.
    pub flags: Vec<FlagHit>,
    /// What was found but not raised (a lone factor; a licence requirement where the ledger
    /// records no licences): shown and scored, never an alert by itself.
    pub noted: Vec<Noted>,
    pub cluster: usize,
    /// Why the order scores what it does: each flag's evidence in this ledger.
    pub explanation: Explanation,
}

/// A party with a restricted-party hit.
#[derive(Debug, Clone, Serialize)]
pub struct PartyHit {
    pub party: String,
    pub roles: Vec<String>,
    pub hits: Vec<Hit>,
}

/// A network of parties that entity resolution joined.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub id: usize,
    /// Party names as written, by role.
    pub parties: BTreeMap<String, BTreeSet<String>>,
    pub orders: Vec<String>,
    pub score: f64,
    /// Network flags on this cluster, with facts.
    pub flags: Vec<FlagHit>,
    /// Links that joined parties (shared address, phone, email, domain).
    pub links: Vec<(String, String, String)>,
    pub chips: u64,
}

/// Everything an assessment found.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub orders: Vec<OrderResult>,
    pub clusters: Vec<Cluster>,
    pub party_hits: Vec<PartyHit>,
    pub parties_screened: usize,
    /// Seconds spent in each stage.
    pub timings: Vec<(&'static str, f64)>,
}

/// Options of an assessment.
pub struct Options<'a> {
    pub screener: Option<&'a Screener>,
    pub mode: Mode,
    /// Learned weights (`chipwatch assess --weights FILE`); `None`: the prior model.
    pub weights: Option<&'a Weights>,
    /// Who owns whom (`chipwatch assess --ownership FILE`): parties covered because listed
    /// parties own them raise H2, a listed owner of unknown share H2b. Owners are screened
    /// with `screener`.
    pub ownership: Option<&'a [chipwatch_screen::ownership::Stake]>,
    /// Screening results kept between assessments (the order desk, which sees the same
    /// customers again and again); `None`: every party is screened.
    pub screen_cache: Option<&'a ScreenCache>,
}

/// Screening results of parties by name, kept between assessments: the order desk reads a
/// customer's history with every order, and its parties were screened the last time. Results
/// are kept for one screener ([`Screener::id`]): another screener (new lists) starts the cache
/// over, results of a screener no longer current are not kept, and a full cache starts over.
#[derive(Default)]
pub struct ScreenCache {
    /// The screener the results are of, and the results by party name.
    hits: std::sync::Mutex<(u64, HashMap<String, Vec<Hit>>)>,
}

impl ScreenCache {
    /// How many parties the cache holds before it starts over.
    pub const CAPACITY: usize = 200_000;

    /// The hits of one party under screener `s`: kept ones, or screened now (and kept).
    pub fn screen(&self, s: &Screener, name: &str) -> Vec<Hit> {
        if let Some(Some(hits)) = self.get(s, &[name]).pop() {
            return hits;
        }
        let hits = s.screen(&Query::name(name));
        self.put(s, [(name.to_string(), hits.clone())]);
        hits
    }

    /// The kept results of `names` under screener `s` (None: not kept).
    fn get(&self, s: &Screener, names: &[&str]) -> Vec<Option<Vec<Hit>>> {
        let mut c = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if c.0 != s.id() {
            *c = (s.id(), HashMap::new());
        }
        names.iter().map(|n| c.1.get(*n).cloned()).collect()
    }

    /// Keep results of screener `s`, unless another screener has taken the cache since.
    fn put(&self, s: &Screener, results: impl IntoIterator<Item = (String, Vec<Hit>)>) {
        let mut c = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if c.0 != s.id() {
            return;
        }
        if c.1.len() > Self::CAPACITY {
            c.1.clear();
        }
        c.1.extend(results);
    }
}

/// Screen every distinct party name once (on all cores).
type ScreenedParties = HashMap<String, (String, Vec<String>, Vec<Hit>)>;

fn screen_parties(orders: &[Order], s: &Screener, cache: Option<&ScreenCache>) -> ScreenedParties {
    let mut roles: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for o in orders {
        for (role, name) in [
            ("bill_to", o.bill_to.name.as_deref()),
            ("ship_to", o.ship_to.name.as_deref()),
            ("end_user", o.end_user.name.as_deref()),
            ("end_user_parent", o.end_user_parent.as_deref()),
            ("payer", o.payer_name.as_deref()),
            ("forwarder", o.forwarder.as_deref()),
        ] {
            if let Some(n) = name {
                let e = roles
                    .entry(party_key(n))
                    .or_insert_with(|| (n.to_string(), BTreeSet::new()));
                e.1.insert(role.to_string());
            }
        }
    }
    let names: Vec<(String, String, Vec<String>)> = roles
        .into_iter()
        .map(|(k, (n, r))| (k, n, r.into_iter().collect()))
        .collect();
    let results: Vec<Vec<Hit>> = match cache {
        None => {
            let queries: Vec<Query> = names.iter().map(|(_, n, _)| Query::name(n)).collect();
            s.screen_all(&queries)
        }
        Some(c) => {
            let as_written: Vec<&str> = names.iter().map(|(_, n, _)| n.as_str()).collect();
            let mut out = c.get(s, &as_written);
            let missing: Vec<usize> = (0..names.len()).filter(|&i| out[i].is_none()).collect();
            let queries: Vec<Query> = missing.iter().map(|&i| Query::name(&names[i].1)).collect();
            let fresh = s.screen_all(&queries);
            c.put(
                s,
                missing
                    .iter()
                    .zip(&fresh)
                    .map(|(&i, hits)| (names[i].1.clone(), hits.clone())),
            );
            for (&i, hits) in missing.iter().zip(fresh) {
                out[i] = Some(hits);
            }
            out.into_iter().map(Option::unwrap_or_default).collect()
        }
    };
    names
        .into_iter()
        .zip(results)
        .filter(|(_, hits)| !hits.is_empty())
        .map(|((k, n, r), hits)| (k, (n, r, hits)))
        .collect()
}

type LicenceKey = (String, String, String, Option<String>, NaiveDate);

/// The first day of the period of unchanged rules an order date falls in: rule versions and
/// country-group memberships change only on these dates, so one determination serves every
/// order of the period.
fn rules_period(date: NaiveDate) -> NaiveDate {
    static CHANGES: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    let changes = CHANGES.get_or_init(|| {
        let mut v = chipwatch_rules::versions::RuleBook::bundled().change_dates();
        v.extend(chipwatch_rules::groups::CountryGroups::bundled().change_dates());
        v.sort();
        v.dedup();
        v
    });
    match changes.partition_point(|c| *c <= date) {
        0 => date,
        i => changes[i - 1],
    }
}
type LicenceCache = FnvMap<LicenceKey, Option<Arc<str>>>;

/// Buyers (by name) and their orders (by index) that share one identifier.
type BuyersAndOrders = (BTreeSet<String>, Vec<usize>);

/// The address an order is delivered to when the ship-to is the end user's own premises (not a
/// data centre, distributor, reseller or forwarder), as a comparable key.
fn delivery_address(o: &Order) -> Option<String> {
    (o.ship_to_type == Some(ShipToType::EndUser))
        .then_some(o.ship_to.address.as_deref())
        .flatten()
        .map(party_key)
}

/// A payer as written, the buyers it pays for, the young ones among them, and their orders.
type PayerGroup = (String, BTreeSet<String>, BTreeSet<String>, Vec<usize>);

/// Assess a ledger.
pub fn assess(orders: &[Order], opts: &Options<'_>) -> Assessment {
    let mut timings: Vec<(&'static str, f64)> = Vec::new();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, f64)>| {
        timings.push((name, clock.elapsed().as_secs_f64()));
        clock = std::time::Instant::now();
    };
    // Screening.
    let party_hits = opts
        .screener
        .map(|s| screen_parties(orders, s, opts.screen_cache))
        .unwrap_or_default();
    let parties_screened = {
        let mut k = BTreeSet::new();
        for o in orders {
            for n in [
                o.bill_to.name.as_deref(),
                o.ship_to.name.as_deref(),
                o.end_user.name.as_deref(),
                o.end_user_parent.as_deref(),
                o.payer_name.as_deref(),
                o.forwarder.as_deref(),
            ]
            .into_iter()
            .flatten()
            {
                k.insert(party_key(n));
            }
        }
        if opts.screener.is_some() { k.len() } else { 0 }
    };
    lap("screening", &mut timings);
    // Entity resolution: buyer-side parties joined by shared identifiers.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut display: Vec<String> = Vec::new();
    let mut node = |name: &str, index: &mut HashMap<String, usize>| -> usize {
        let k = party_key(name);
        *index.entry(k).or_insert_with(|| {
            display.push(name.to_string());
            display.len() - 1
        })
    };
    let mut buyer_of = Vec::with_capacity(orders.len());
    // Where each order's contact phone, email and email domain sit in `attrs` (N5 asks which of
    // them another buyer gives).
    let mut contact_of: Vec<[Option<usize>; 3]> = Vec::with_capacity(orders.len());
    let mut attrs: Vec<(usize, String, String)> = Vec::new();
    for (i, o) in orders.iter().enumerate() {
        let buyer_name = o.buyer_name();
        let b = node(&buyer_name, &mut index);
        buyer_of.push(b);
        let mut contact = [None, None, None];
        if let Some(digits) = o.phone_key() {
            contact[0] = Some(attrs.len());
            attrs.push((b, "phone".into(), digits));
        }
        if let Some(e) = o.email_key() {
            let (local, domain) = e.rsplit_once('@').unwrap_or(("", &e));
            let domain = domain.to_string();
            let webmail = in_list("webmail", &domain);
            // A role mailbox at a free webmail domain (info@gmail.com, typed where the
            // customer gave none) names no one.
            if !(webmail && in_list("role_mailbox", local)) {
                contact[1] = Some(attrs.len());
                attrs.push((b, "email".into(), e.clone()));
            }
            if !domain.is_empty() && !webmail {
                contact[2] = Some(attrs.len());
                attrs.push((b, "email domain".into(), domain));
            }
        }
        contact_of.push(contact);
        if let Some(a) = o.bill_to.address.as_deref() {
            attrs.push((b, "address".into(), party_key(a)));
        }
        if matches!(
            o.ship_to_type,
            Some(ShipToType::Forwarder | ShipToType::Logistics)
        ) && let Some(a) = o.ship_to.address.as_deref()
        {
            attrs.push((b, "forwarder address".into(), party_key(a)));
        }

        if let Some(p) = o.payer_name.as_deref()
            && party_key(p) != party_key(&buyer_name)
        {
            attrs.push((b, "payer".into(), party_key(p)));
        }
        if let Some(eu) = o.end_user.name.as_deref() {
            let e = node(eu, &mut index);
            if let Some(a) = o.end_user.address.as_deref() {
                attrs.push((e, "address".into(), party_key(a)));
            }
        }
        let _ = i;
    }
    let n_nodes = display.len();
    let mut uf = UnionFind::<usize>::new(n_nodes);
    let mut by_attr: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (n, kind, value) in &attrs {
        by_attr
            .entry((kind.clone(), value.clone()))
            .or_default()
            .push(*n);
    }
    let mut links_of: HashMap<usize, Vec<(String, String, String)>> = HashMap::new();
    // The parties each identifier joins (for distances within a network).
    let mut groups_of: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_key: Vec<&(String, String)> = Vec::new();
    for (key, nodes) in &by_attr {
        let (kind, value) = key;
        let mut distinct: Vec<usize> = nodes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // An identifier many parties share (a bank or leasing company paying, a registered
        // agent's address, a marketplace's domain) says nothing about who is who.
        if distinct.len() > MAX_SHARED {
            continue;
        }
        for w in distinct.windows(2) {
            uf.union(w[0], w[1]);
            links_of.entry(w[0]).or_default().push((
                display[w[0]].clone(),
                display[w[1]].clone(),
                format!("same {kind}: {value}"),
            ));
        }
        if distinct.len() > 1 {
            for &n in &distinct {
                groups_of[n].push(groups.len() as u32);
            }
            groups.push(distinct);
            group_key.push(key);
        }
    }
    let root = |n: usize| uf.find(n);
    // Cluster ids in order of first appearance.
    let mut cluster_id: HashMap<usize, usize> = HashMap::new();
    for &b in &buyer_of {
        let r = root(b);
        let next = cluster_id.len();
        cluster_id.entry(r).or_insert(next);
    }
    let cluster_of_order: Vec<usize> = buyer_of.iter().map(|&b| cluster_id[&root(b)]).collect();

    lap("entity resolution", &mut timings);
    // Order flags, licence and screening.
    let mut ownership = opts
        .ownership
        .map(|s| chipwatch_screen::ownership::OwnershipIndex::new(s.to_vec()));
    let listed = opts.screener.map(chipwatch_screen::ownership::listed_by);
    let mut licence_cache: LicenceCache = FnvMap::default();
    let mut results: Vec<OrderResult> = Vec::with_capacity(orders.len());
    for (i, o) in orders.iter().enumerate() {
        let mut flags = order_flags(o);
        let key: LicenceKey = (
            o.item.clone(),
            o.ship_to.country.clone().unwrap_or_default(),
            o.end_user_country().to_string(),
            o.end_user_parent_country.clone(),
            rules_period(o.order_date),
        );
        let period = key.4;
        let licence = licence_cache
            .entry(key)
            .or_insert_with(|| {
                let item = Catalogue::bundled().find(&o.item)?;
                let d = determine(
                    &Specs::of(&item),
                    &Shipment {
                        quantity: o.quantity,
                        destination: o.ship_to.country.clone().unwrap_or_default(),
                        end_user_country: o.end_user.country.clone(),
                        end_user_hq: None,
                        parent_hq: o.end_user_parent_country.clone(),
                        exporting_country: o.seller_country.clone().unwrap_or_else(|| "US".into()),
                        date: period,
                        mode: opts.mode,
                        end_use: None,
                    },
                );
                d.licence_required.then(|| {
                    Arc::from(format!(
                        "under the rules in force since {period}: {}",
                        d.reasons
                            .iter()
                            .map(|r| format!("{} [{}]", r.text, r.citation))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ))
                })
            })
            .clone();
        // A licence or licence exception on file answers the requirement.
        if let Some(reasons) = licence
            && o.licence.is_none()
        {
            flags.push(hit("licence_required", reasons));
        }
        for (role, name) in named_parties(o) {
            if let Some(n) = name
                && let Some((_, _, hits)) = party_hits.get(&party_key(n))
            {
                let h = &hits[0];
                flags.push(hit(
                    "screening_hit",
                    format!(
                        "{role} \"{n}\" matches {} {} \"{}\" (alias \"{}\", score {:.2}: {})",
                        h.source, h.entry_id, h.entry_name, h.matched_alias, h.score, h.explanation
                    ),
                ));
            }
        }
        if let (Some(index), Some(listed)) = (ownership.as_mut(), listed.as_ref()) {
            let (mut covered, mut possibly) = (Vec::new(), Vec::new());
            // The forwarder carries the goods; ownership is asked of the parties to the sale.
            for (role, name) in named_parties(o)
                .into_iter()
                .filter(|(r, _)| *r != "forwarder")
            {
                let Some(n) = name else { continue };
                for c in index.of(n, o.order_date, listed) {
                    let line = format!("{role}: {}", c.explain());
                    if c.status == chipwatch_screen::ownership::Status::Covered {
                        covered.push(line);
                    } else {
                        possibly.push(line);
                    }
                }
            }
            if !covered.is_empty() {
                flags.push(hit("affiliate_covered", covered.join("; ")));
            }
            if !possibly.is_empty() {
                flags.push(hit("owner_share_unknown", possibly.join("; ")));
            }
        }
        results.push(OrderResult {
            order_id: o.order_id.clone(),
            line: o.line,
            score: 0.0,
            flags,
            noted: Vec::new(),
            cluster: cluster_of_order[i],
            explanation: Explanation::default(),
        });
    }

    // K10b / K4c: a unit price far from this ledger's own price for the item (the median of at
    // least 5 priced orders of it).
    let mut prices: HashMap<&str, Vec<f64>> = HashMap::new();
    for o in orders {
        if let Some(p) = o.unit_price_usd.filter(|p| *p > 0.0) {
            prices.entry(o.item.as_str()).or_default().push(p);
        }
    }
    let medians: HashMap<&str, (f64, usize)> = prices
        .into_iter()
        .filter(|(_, v)| v.len() >= 5)
        .map(|(k, mut v)| {
            v.sort_by(f64::total_cmp);
            let m = v.len() / 2;
            let med = if v.len() % 2 == 1 {
                v[m]
            } else {
                (v[m - 1] + v[m]) / 2.0
            };
            (k, (med, v.len()))
        })
        .collect();
    let low = def("undervalued").parameter.unwrap_or(0.5);
    let high = def("premium_price").parameter.unwrap_or(1.5);
    for (i, o) in orders.iter().enumerate() {
        let (Some(p), Some(&(med, n))) = (o.unit_price_usd, medians.get(o.item.as_str())) else {
            continue;
        };
        if p < low * med {
            results[i].flags.push(hit(
                "undervalued",
                format!(
                    "{} at ${p:.0} a unit, {:.0}% of the ledger's median ${med:.0} ({n} priced orders)",
                    o.item,
                    100.0 * p / med
                ),
            ));
        } else if p > high * med {
            results[i].flags.push(hit(
                "premium_price",
                format!(
                    "{} at ${p:.0} a unit, {:.1}× the ledger's median ${med:.0} ({n} priced orders)",
                    o.item,
                    p / med
                ),
            ));
        }
    }
    // G3 over time: a site's declared power against everything ordered for it so far.
    let kw = def("site_power_short").parameter.unwrap_or(1.6);
    // The orders by date, for the checks that add up what came before (G3 and G2 over time).
    let mut dated: Vec<usize> = (0..orders.len()).collect();
    dated.sort_by_key(|&i| (orders[i].order_date, i));
    // Per end user: chips ordered so far, orders, and the largest site power it declared (a
    // customer that declares another figure with each order is held to its largest).
    let mut site_chips: HashMap<String, (u64, usize, f64)> = HashMap::new();
    let g3 = def("site_power_short").id.as_str();
    for &i in &dated {
        let o = &orders[i];
        let Some(mw) = o.declared_site_mw else {
            continue;
        };
        let who = o
            .end_user
            .name
            .as_deref()
            .or(o.ship_to.name.as_deref())
            .map(party_key)
            .unwrap_or_default();
        if who.is_empty() {
            continue;
        }
        let e = site_chips.entry(who).or_insert((0, 0, 0.0));
        e.0 += o.chips();
        e.1 += 1;
        e.2 = e.2.max(mw);
        let (chips, n, declared) = *e;
        let needed_mw = chips as f64 * kw / 1000.0;
        if n > 1 && needed_mw > declared && !results[i].flags.iter().any(|f| f.id == g3) {
            results[i].flags.push(hit(
                "site_power_short",
                format!(
                    "{chips} chips ordered for this end user's site in {n} orders up to this one × {kw} kW = {needed_mw:.2} MW; the largest site power it declared is {declared} MW"
                ),
            ));
        }
    }
    // G2 over time: commercial quantities of controlled chips reaching one residential address
    // in small orders (straw buyers, or one flat receiving for several), over a year.
    let res_min = def("residential_bulk").parameter.unwrap_or(16.0) as u64;
    let g2 = def("residential_bulk").id.as_str();
    let mut homes: HashMap<String, VecDeque<(NaiveDate, u64)>> = HashMap::new();
    // Only controlled chips count (3A090/4A090 on the order date): a home studio's China
    // variants or L4 inference cards are not what the flag is about.
    let mut controlled: HashMap<(&str, NaiveDate), bool> = HashMap::new();
    let mut marker_of: FnvMap<&str, Option<&'static str>> = FnvMap::default();
    for i in dated {
        let o = &orders[i];
        let period = rules_period(o.order_date);
        if !*controlled
            .entry((o.item.as_str(), period))
            .or_insert_with(|| {
                chipwatch_rules::classify::classify_item(&o.item, period)
                    .is_ok_and(|(_, c)| c.controlled)
            })
        {
            continue;
        }
        let Some((a, m)) = [o.ship_to.address.as_deref(), o.end_user.address.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|a| {
                // Ledgers name the same addresses again and again.
                let m = *marker_of.entry(a).or_insert_with(|| residential_marker(a));
                m.map(|m| (a, m))
            })
        else {
            continue;
        };
        let q = homes.entry(party_key(a)).or_default();
        q.push_back((o.order_date, o.chips()));
        while q
            .front()
            .is_some_and(|(d, _)| (o.order_date - *d).num_days() > 365)
        {
            q.pop_front();
        }
        let total: u64 = q.iter().map(|(_, c)| c).sum();
        if q.len() > 1 && total >= res_min && !results[i].flags.iter().any(|f| f.id == g2) {
            results[i].flags.push(hit(
                "residential_bulk",
                format!(
                    "{total} chips in {} orders within a year to \"{a}\", which looks residential (\"{m}\")",
                    q.len()
                ),
            ));
        }
    }
    lap("order flags and licences", &mut timings);
    // Network flags.
    let n_clusters = cluster_id.len();
    let mut order_net: Vec<Vec<FlagHit>> = vec![Vec::new(); orders.len()];
    // N1: a listed party among the orders of this buyer or of a party at most N1_LINKS shared
    // identifiers away. A network that entity resolution chains into hundreds of parties (a
    // group's subsidiaries sharing domains and addresses) does not make every member the
    // neighbour of a listed one.
    let mut dist = vec![u8::MAX; n_nodes];
    let mut origin: Vec<usize> = vec![usize::MAX; n_nodes];
    // The party and the identifier each party was reached through.
    let mut via: Vec<(usize, u32)> = vec![(usize::MAX, 0); n_nodes];
    let mut queue = VecDeque::new();
    let k1 = def("screening_hit").id.as_str();
    for (i, r) in results.iter().enumerate() {
        if !r.flags.iter().any(|f| f.id == k1) {
            continue;
        }
        let eu = orders[i]
            .end_user
            .name
            .as_deref()
            .and_then(|n| index.get(&party_key(n)).copied());
        for n in std::iter::once(buyer_of[i]).chain(eu) {
            if dist[n] != 0 {
                dist[n] = 0;
                origin[n] = i;
                queue.push_back(n);
            }
        }
    }
    while let Some(n) = queue.pop_front() {
        if dist[n] >= N1_LINKS {
            continue;
        }
        for &g in &groups_of[n] {
            for &m in &groups[g as usize] {
                if dist[m] == u8::MAX {
                    dist[m] = dist[n] + 1;
                    origin[m] = origin[n];
                    via[m] = (n, g);
                    queue.push_back(m);
                }
            }
        }
    }
    for i in 0..orders.len() {
        let b = buyer_of[i];
        if dist[b] == u8::MAX {
            continue;
        }
        let src = origin[b];
        let first = results[src]
            .flags
            .iter()
            .find(|f| f.id == k1)
            .map(|f| f.detail.to_string())
            .unwrap_or_default();
        let how = match dist[b] {
            0 if src == i => "this order".to_string(),
            0 => format!("order {} of the same party", orders[src].order_id),
            1 => format!(
                "order {} of a party sharing an identifier with the buyer",
                orders[src].order_id
            ),
            d => format!(
                "order {} of a party {d} shared identifiers from the buyer",
                orders[src].order_id
            ),
        };
        // The path from the buyer to the listed party's order, identifier by identifier.
        let mut path = Vec::new();
        let mut n = b;
        while dist[n] > 0 && dist[n] != u8::MAX {
            let (prev, g) = via[n];
            let (kind, value) = group_key[g as usize];
            path.push(format!(
                "{} (same {kind} {value}) {}",
                display[n], display[prev]
            ));
            n = prev;
        }
        let path = if path.is_empty() {
            String::new()
        } else {
            format!(" [{}]", path.join(", "))
        };
        order_net[i].push(hit("network_listed", format!("{how}{path}: {first}")));
    }
    let controls = controls_date();
    let young = |o: &Order| {
        o.customer_since
            .is_some_and(|s| s >= controls || (o.order_date - s).num_days() < 2 * 365)
    };
    // Every buyer that uses an address, a forwarder or a payer: an identifier that serves many
    // buyers, most of them established (a carrier, a bank, a leasing company, a registered
    // agent), says nothing about a ring of young ones.
    let delivery: Vec<Option<String>> = orders.iter().map(delivery_address).collect();
    let mut users: HashMap<(&'static str, String), BTreeSet<usize>> = HashMap::new();
    for (i, o) in orders.iter().enumerate() {
        if let Some(a) = o.bill_to.address.as_deref() {
            users
                .entry(("address", a.to_string()))
                .or_default()
                .insert(buyer_of[i]);
        }
        if let Some(f) = o.forwarder.as_deref() {
            users
                .entry(("forwarder", party_key(f)))
                .or_default()
                .insert(buyer_of[i]);
        }
        if let Some(p) = o.payer_name.as_deref() {
            users
                .entry(("payer", party_key(p)))
                .or_default()
                .insert(buyer_of[i]);
        }
        if let Some(a) = &delivery[i] {
            users
                .entry(("end-user delivery address", a.clone()))
                .or_default()
                .insert(buyer_of[i]);
        }
    }
    let common_service = |kind: &'static str, value: &str, young_buyers: usize| {
        users
            .get(&(kind, value.to_string()))
            .is_some_and(|u| u.len() > MAX_SHARED && young_buyers * 2 < u.len())
    };
    // N2: several young buyers at one address or behind one forwarder.
    let need = def("network_shared_address").parameter.unwrap_or(3.0) as usize;
    let mut gathered: HashMap<(&'static str, String), BuyersAndOrders> = HashMap::new();
    for (i, o) in orders.iter().enumerate() {
        if !young(o) {
            continue;
        }
        let buyer = display[buyer_of[i]].clone();
        if let Some(a) = o.bill_to.address.as_deref() {
            let g = gathered.entry(("address", a.to_string())).or_default();
            g.0.insert(buyer.clone());
            g.1.push(i);
        }
        if let Some(f) = o.forwarder.as_deref() {
            let g = gathered.entry(("forwarder", party_key(f))).or_default();
            g.0.insert(buyer.clone());
            g.1.push(i);
        }
        // A lessor or bank billed for its lessee's kit delivers to the lessee.
        if let Some(a) = delivery[i]
            .as_ref()
            .filter(|_| financier_word(&buyer).is_none())
        {
            let g = gathered
                .entry(("end-user delivery address", a.clone()))
                .or_default();
            g.0.insert(buyer.clone());
            g.1.push(i);
        }
    }
    for ((kind, value), (buyers, idx)) in &gathered {
        // An end user's own premises receive for one company or group: two young buyers of
        // different groups delivering there are already a drop point.
        let enough = if *kind == "end-user delivery address" {
            // Not all of one group: two names are of one group when they share a group word.
            let words: BTreeSet<Option<String>> = buyers.iter().map(|b| group_word(b)).collect();
            buyers.len() >= 2 && (words.len() > 1 || words.contains(&None))
        } else {
            buyers.len() >= need
        };
        if enough && !common_service(kind, value, buyers.len()) {
            let f = hit(
                "network_shared_address",
                format!(
                    "{} young buyers share the {kind} {value}: {}",
                    buyers.len(),
                    buyers.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            );
            for &i in idx {
                order_net[i].push(f.clone());
            }
        }
    }
    // N5: an order whose contact phone or email address is also another buyer's, of another
    // group (not a subsidiary sharing the group's switchboard). Entity resolution's identifier
    // groups are the contacts 2 to 8 buyers give (a number that serves more says nothing). The
    // order that gives the shared contact carries it, not every order of its buyer: a legitimate
    // company whose name a shell imitates keeps its own orders clean.
    for (i, contacts) in contact_of.iter().enumerate() {
        let b = buyer_of[i];
        let mut found: Vec<String> = Vec::new();
        for (kind, own) in ["phone", "email", "email domain"].into_iter().zip(contacts) {
            if kind == "email domain" && !found.is_empty() {
                continue;
            }
            let Some(own) = own.map(|a| attrs[a].2.as_str()) else {
                continue;
            };
            let Some(&g) = groups_of[b].iter().find(|&&g| {
                let (k, v) = group_key[g as usize];
                k == kind && v == own
            }) else {
                continue;
            };
            // A domain is another buyer's when it fits that buyer's name and not this one's.
            let domain = kind == "email domain";
            if (domain && domain_fits(&display[b], own)) || financier_word(&display[b]).is_some() {
                continue;
            }
            let others: Vec<&str> = groups[g as usize]
                .iter()
                .filter(|&&x| x != b && !same_group(&display[x], &display[b]))
                .filter(|&&x| !domain || domain_fits(&display[x], own))
                // A lessor or bank billed for its lessee's kit gives the lessee's contact.
                .filter(|&&x| financier_word(&display[x]).is_none())
                .map(|&x| display[x].as_str())
                .collect();
            if !others.is_empty() {
                found.push(format!("{kind} {own} with {}", others.join(", ")));
            }
        }
        if !found.is_empty() {
            order_net[i].push(hit(
                "network_shared_contact",
                format!("{} shares {}", display[b], found.join("; ")),
            ));
        }
    }
    // N3: one payer behind several buyers.
    let need = def("network_one_payer").parameter.unwrap_or(3.0) as usize;
    let mut payers: HashMap<String, PayerGroup> = HashMap::new();
    for (i, o) in orders.iter().enumerate() {
        if let Some(p) = o.payer_name.as_deref() {
            let buyer = display[buyer_of[i]].clone();
            if party_key(p) == party_key(&buyer) {
                continue;
            }
            let g = payers
                .entry(party_key(p))
                .or_insert_with(|| (p.to_string(), BTreeSet::new(), BTreeSet::new(), Vec::new()));
            if young(o) {
                g.2.insert(buyer.clone());
            }
            g.1.insert(buyer);
            g.3.push(i);
        }
    }
    for (key, (payer, buyers, young_buyers, idx)) in &payers {
        if buyers.len() >= need && !common_service("payer", key, young_buyers.len()) {
            let f = hit(
                "network_one_payer",
                format!(
                    "{payer} pays for {} buyers: {}",
                    buyers.len(),
                    buyers.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            );
            for &i in idx {
                order_net[i].push(f.clone());
            }
        }
    }
    // N4: split orders within a network, 14 days: three or more orders, each under the limit,
    // adding up to it. Structuring counts accelerators, whatever the SKU.
    let limit = def("network_split_orders").parameter.unwrap_or(64.0);
    let mut series: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, o) in orders.iter().enumerate() {
        // An established customer restocking in small lots is not structuring: the guidance
        // ties split purchases to new buyers.
        if (o.chips() as f64) < limit && !established(o) {
            series.entry(cluster_of_order[i]).or_default().push(i);
        }
    }
    for (_, mut idx) in series {
        idx.sort_by_key(|&i| orders[i].order_date);
        let mut start = 0;
        let mut flagged = vec![false; idx.len()];
        for end in 0..idx.len() {
            while (orders[idx[end]].order_date - orders[idx[start]].order_date).num_days() > 14 {
                start += 1;
            }
            let window = &idx[start..=end];
            let sum: u64 = window.iter().map(|&i| orders[i].chips()).sum();
            if window.len() >= 3 && sum as f64 >= limit {
                flagged[start..=end].fill(true);
            }
        }
        let chosen: Vec<usize> = idx
            .iter()
            .zip(&flagged)
            .filter(|(_, f)| **f)
            .map(|(&i, _)| i)
            .collect();
        if !chosen.is_empty() {
            let total: u64 = chosen.iter().map(|&i| orders[i].chips()).sum();
            let f = hit(
                "network_split_orders",
                format!(
                    "{} orders of one network, each under {limit} chips, within 14 days of each other add up to {total} chips: {}",
                    chosen.len(),
                    chosen
                        .iter()
                        .map(|&i| orders[i].order_id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            for &i in &chosen {
                order_net[i].push(f.clone());
            }
        }
    }
    lap("network flags", &mut timings);
    // Scores.
    for (i, r) in results.iter_mut().enumerate() {
        for f in &order_net[i] {
            if !r.flags.iter().any(|g| g.id == f.id && g.detail == f.detail) {
                r.flags.push(f.clone());
            }
        }
    }
    let distinct: Vec<Vec<&'static str>> = results
        .iter()
        .map(|r| {
            let mut ids: Vec<&'static str> = r.flags.iter().map(|f| f.id).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    let prior = Weights::prior();
    let weights = opts.weights.unwrap_or(&prior);
    for (r, (score, why)) in results.iter_mut().zip(score_orders(
        &distinct,
        &buyer_of,
        &cluster_of_order,
        weights,
    )) {
        r.score = score;
        r.explanation = why;
    }
    let records_licences = orders.iter().any(|o| o.licence.is_some());
    for r in &mut results {
        raise_or_note(r, records_licences);
    }
    // Clusters.
    let mut clusters: Vec<Cluster> = (0..n_clusters)
        .map(|id| Cluster {
            id,
            parties: BTreeMap::new(),
            orders: Vec::new(),
            score: 0.0,
            flags: Vec::new(),
            links: Vec::new(),
            chips: 0,
        })
        .collect();
    for (i, o) in orders.iter().enumerate() {
        let c = &mut clusters[cluster_of_order[i]];
        c.orders.push(o.order_id.clone());
        c.chips += o.chips();
        c.score = c.score.max(results[i].score);
        for (role, name) in [
            ("bill_to", o.bill_to.name.as_deref()),
            ("ship_to", o.ship_to.name.as_deref()),
            ("end_user", o.end_user.name.as_deref()),
            ("payer", o.payer_name.as_deref()),
            ("forwarder", o.forwarder.as_deref()),
        ] {
            if let Some(n) = name {
                c.parties
                    .entry(role.to_string())
                    .or_default()
                    .insert(n.to_string());
            }
        }
        for f in &results[i].flags {
            if f.id.starts_with('N')
                && !c.flags.iter().any(|g| g.id == f.id && g.detail == f.detail)
            {
                c.flags.push(f.clone());
            }
        }
    }
    for (n, links) in links_of {
        let c = cluster_id.get(&root(n)).copied();
        if let Some(c) = c {
            clusters[c].links.extend(links);
        }
    }
    let party_hits = party_hits
        .into_values()
        .map(|(party, roles, hits)| PartyHit { party, roles, hits })
        .collect();
    lap("scores and clusters", &mut timings);
    Assessment {
        orders: results,
        clusters,
        party_hits,
        parties_screened,
        timings,
    }
}
