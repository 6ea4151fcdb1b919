//! # `case_narratives`: a server maker's Asia-Pacific and US sales ledger, diverted the 2025 way
//!
//! The ledger is the order book of a fictional server maker ("Kestrel Systems") with selling
//! entities in the US, Singapore, Malaysia, Japan, Korea, Taiwan and Australia. It sells HGX/DGX
//! GPU servers and GPU modules and cards to ordinary customers: data-centre operators in Singapore,
//! Johor, Cyberjaya and Kuala Lumpur, GPU clouds, hyperscalers, universities, system integrators,
//! distributors, enterprises, AI start-ups and property developers building data centres.
//!
//! About 2.1-3.0 % of the orders (the share is drawn from the seed) are diverted. They follow four
//! patterns taken from public 2025 enforcement narratives:
//!
//! * `sg_server_end_user_fraud`: the Singapore server-fraud case (charges of 27 Feb 2025, amended
//!   6 Mar 2025). Singapore buyers told Dell and Supermicro that the servers would not go to anyone
//!   but the authorised end user, and then sent them to Malaysia. Transactions came to about
//!   US$390M. Two shapes appear. One is a group of related Singapore companies run by the same
//!   director: an NVIDIA cloud partner with an old IT-services sister company, a shared office,
//!   and a Kuala Lumpur data-centre tenancy of about 10-15 MW. The other is a one-man Singapore
//!   company with an unrelated line of business that names itself as the end user and pays from
//!   another company's bank account. Dates run 2023-2025.
//! * `us_forwarder_transshipment`: ALX Solutions (charged Aug 2025). A small California company
//!   set up just after the October 2022 rule ships H100s and RTX 4090s to freight forwarders in
//!   Singapore and Malaysia. A Singapore "customer" is named that cannot be found at its address,
//!   and the money comes from Hong Kong and Chinese companies, never from the consignees.
//! * `us_front_company_thai_malay`: the Janford Realtor case (indicted Nov 2025). A Tampa "realty"
//!   LLC that sold no houses, later renamed "... AI Solutions Realty", together with an Alabama
//!   electronics reseller. It ships A100s (about 400), H100 systems (10) and H200s (50) through
//!   Malaysia and Thailand on fake contracts, paid by wires from China (about US$3.9M).
//! * `us_straw_purchase_relabel`: Operation Gatekeeper (announced Dec 2025; Hao Global LLC /
//!   Alan Hao Hsu). Texas, New York and New Jersey straw buyers buy H100/H200 "for domestic use".
//!   The goods go to US warehouses where they are relabelled ("SANDKYAN") and declared as generic
//!   computer parts, then sent to Hong Kong and China. More than US$50M came in by wire from the
//!   PRC. A Virginia subsidiary of a Beijing IT firm directs false statements.
//!
//! ## Partial tell-tales
//! Every diverted order draws each of its scheme's tell-tales on its own, with a probability.
//! The tell-tales are: forwarder or logistics ship-to, a third-party or HK/CN payer, a new
//! customer, webmail, declined installation, a wrong HS code or an understated price, an extra
//! transit hop, a line-of-business mismatch, a claimed end user in another country, a vague or
//! mall address, EXW/FCA terms, and a small declared MW. No single field catches every diverted
//! order. Legitimate orders carry benign versions of the same signals at realistic rates:
//! * Johor data centres receive through Singapore (`..;SG;MY`).
//! * Indonesian, Vietnamese and Philippine integrators ship to Singapore consolidators.
//! * Leasing firms and parents pay; a new AI cloud is a new customer.
//! * Hyperscalers and integrators decline installation; small integrators use webmail and sit in
//!   Sim Lim Square.
//! * Declarations carry some wrong HS codes; property developers build data centres.
//! * HK distributors and Chinese-owned buyers order China-market SKUs (H20, L20, RTX 4090D).
//!
//! The schemes reuse people, phones, offices, payers, forwarders and warehouses across several
//! shells, and legitimate customers order again and again.
//!
//! ## Public sources (pages read through the `search` tool, 2025 reporting)
//! * Reuters, "Singapore charges men with defrauding Dell, Super Micro" (6 Mar 2025):
//!   <https://www.financetom.com/business/singapore-charges-men-with-defrauding-dell-super-micro-346299.htm>,
//!   <https://telecom.economictimes.indiatimes.com/amp/news/devices/singapore-charges-men-with-defrauding-dell-super-micro/118772940>
//! * Reuters, "... case involves transactions worth $390 million" (13 Mar 2025):
//!   <https://ttmplan.com/news/2519070383>
//! * Bloomberg via The Star (6 Mar 2025):
//!   <https://www.thestar.com.my/tech/tech-news/2025/03/06/singapore-adds-charges-against-men-suspected-of-server-fraud>
//! * K. Shanmugam, 3 Mar 2025 ("whether Malaysia was a final destination"):
//!   <https://frominsideasia.com/?p=100289>
//! * The Straits Times via ANN (Aperia Cloud, Bukit Jalil 15 MW data centre):
//!   <https://asianews.network/malaysia-data-centre-market-shaken-by-singapores-chip-smuggling-probe>;
//!   The Edge: <https://edgeprop.my/content/1912024/exsim-talks-terminate-data-centre-deal-began-aperias-legal-woes>
//! * The Straits Times via Malay Mail, 2 May 2025 (Luxuriate Your Life, OCBC account):
//!   <https://www.malaymail.com/news/singapore/2025/05/02/singapore-court-sets-rm328m-bail-for-suspect-in-alleged-nvidia-server-export-scheme-to-malaysia/175347>;
//!   CNA via Daily8: <https://www.daily8.com/en/article/a5cd686b6270283c36a3b3a4eab7d756>
//! * ALX Solutions (DOJ complaint as reported by the BBC, Aug 2025):
//!   <https://www.moneycontrol.com/news/business/high-stakes-tech-theft-2-chinese-nationals-charged-with-smuggling-nvidia-ai-chips-13406629.html>,
//!   <https://www.odrimedia.co.ke/technology/chinese-nationals-charged-over-illegal-export-of-nvidia-ai-chips>
//! * Janford Realtor (DOJ M.D. Fla., Nov 2025), from The Register, Ars Technica, WIRED and FOX 13:
//!   <https://www.hut.teamctir.com/article/ee9e4ad5d0435f280f223571fd5a6877>,
//!   <https://theglobalpractice.com/?p=170609>, <https://gokawiil.com/article/219931>,
//!   <https://theoutpost.ai/news-story/federal-prosecutors-charge-four-in-illegal-nvidia-ai-chip-smuggling-operation-to-china-21889>,
//!   <https://www.newsbeep.com/us-fl/?p=56203>
//! * Operation Gatekeeper (DOJ S.D. Tex., 8 Dec 2025):
//!   <https://www.fox26houston.com/news/feds-say-houston-linked-operation-gatekeeper-broke-160m-ai-chip-smuggling-pipeline-china>,
//!   <https://completeaitraining.com/news/operation-gatekeeper-50m-nvidia-ai-chips-seized-in-china>,
//!   <https://vpn.supremacy.info/news/82001>,
//!   <https://www.click2houston.com/news/local/2025/12/08/sugar-land-man-pleads-guilty-to-smuggling-ai-computer-chips-to-china-first-case-of-its-kind>
//!
//! All names, addresses, phones and domains are invented. Only the places are real: Sim Lim
//! Square, Sedenak, Bukit Jalil, El Monte, Tampa, Huntsville, Sugar Land and the others.

pub const NAME: &str = "case_narratives";
pub const SOURCES: &str = "Singapore Dell/Supermicro server-fraud charges (Reuters, Bloomberg, Straits Times, CNA, Feb-May 2025); DOJ ALX Solutions complaint (Aug 2025, via BBC); DOJ M.D. Fla. Ho/Raymond/Li/Chen Janford Realtor indictment (Nov 2025, via The Register, Ars, WIRED, FOX 13); DOJ S.D. Tex. Operation Gatekeeper / Hao Global plea (Dec 2025, via FOX 26, KPRC)";

const HEADER: &str = "order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,currency,incoterm,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw";

const S_SG: &str = "sg_server_end_user_fraud";
const S_ALX: &str = "us_forwarder_transshipment";
const S_FRONT: &str = "us_front_company_thai_malay";
const S_STRAW: &str = "us_straw_purchase_relabel";

// ---------------------------------------------------------------------------------------------
// PRNG (SplitMix64)

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn f(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn wpick<T: Copy>(&mut self, xs: &[(T, f64)]) -> T {
        let total: f64 = xs.iter().map(|x| x.1).sum();
        let mut r = self.f() * total;
        for x in xs {
            if r < x.1 {
                return x.0;
            }
            r -= x.1;
        }
        xs[xs.len() - 1].0
    }
    /// Log-uniform integer in [lo, hi].
    fn logu(&mut self, lo: u32, hi: u32) -> u32 {
        let (a, b) = ((lo.max(1) as f64).ln(), (hi.max(lo).max(1) as f64).ln());
        ((a + self.f() * (b - a)).exp().round() as u32).clamp(lo.max(1), hi.max(lo).max(1))
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Dates (days since 1970-01-01)

const fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn fmt_date(z: i64) -> String {
    let (y, m, d) = civil(z);
    format!("{y:04}-{m:02}-{d:02}")
}

const LEDGER_START: i64 = days(2023, 1, 1);
const LEDGER_END: i64 = days(2026, 6, 30);

// ---------------------------------------------------------------------------------------------
// Item catalogue (ids from data/rules/chips.csv and systems.csv)

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Module,
    Card,
    Hgx,
    Dgx,
}

struct Item {
    id: &'static str,
    form: Form,
    from: i64,
    to: i64,
    lo: f64,
    hi: f64,
}

const fn it(id: &'static str, form: Form, from: i64, to: i64, lo: f64, hi: f64) -> Item {
    Item {
        id,
        form,
        from,
        to,
        lo,
        hi,
    }
}

const ITEMS: &[Item] = &[
    it(
        "H100-SXM",
        Form::Module,
        days(2023, 1, 1),
        days(2026, 3, 31),
        27_000.0,
        36_000.0,
    ),
    it(
        "H100-PCIE",
        Form::Card,
        days(2023, 1, 1),
        days(2026, 3, 31),
        24_000.0,
        31_000.0,
    ),
    it(
        "H200",
        Form::Module,
        days(2024, 5, 1),
        days(2026, 6, 30),
        31_000.0,
        40_000.0,
    ),
    it(
        "B200",
        Form::Module,
        days(2025, 1, 15),
        days(2026, 6, 30),
        36_000.0,
        46_000.0,
    ),
    it(
        "B300",
        Form::Module,
        days(2025, 8, 15),
        days(2026, 6, 30),
        45_000.0,
        55_000.0,
    ),
    it(
        "A100",
        Form::Module,
        days(2023, 1, 1),
        days(2024, 12, 31),
        11_000.0,
        17_000.0,
    ),
    it(
        "H20",
        Form::Module,
        days(2024, 3, 1),
        days(2025, 4, 8),
        11_000.0,
        14_500.0,
    ),
    it(
        "L40S",
        Form::Card,
        days(2023, 9, 1),
        days(2026, 6, 30),
        7_500.0,
        10_000.0,
    ),
    it(
        "L20",
        Form::Card,
        days(2024, 3, 1),
        days(2026, 6, 30),
        5_000.0,
        7_000.0,
    ),
    it(
        "L4",
        Form::Card,
        days(2023, 3, 1),
        days(2026, 6, 30),
        2_200.0,
        3_000.0,
    ),
    it(
        "RTX-4090",
        Form::Card,
        days(2023, 1, 1),
        days(2025, 3, 31),
        1_600.0,
        2_100.0,
    ),
    it(
        "RTX-4090D",
        Form::Card,
        days(2024, 1, 10),
        days(2025, 6, 30),
        1_500.0,
        1_900.0,
    ),
    it(
        "RTX-5090",
        Form::Card,
        days(2025, 2, 1),
        days(2026, 6, 30),
        2_000.0,
        2_800.0,
    ),
    it(
        "RTX-5090D",
        Form::Card,
        days(2025, 2, 1),
        days(2026, 6, 30),
        1_900.0,
        2_500.0,
    ),
    it(
        "MI300X",
        Form::Module,
        days(2024, 1, 15),
        days(2026, 6, 30),
        14_000.0,
        20_000.0,
    ),
    it(
        "MI325X",
        Form::Module,
        days(2025, 1, 15),
        days(2026, 6, 30),
        18_000.0,
        24_000.0,
    ),
    it(
        "GAUDI2",
        Form::Module,
        days(2023, 1, 1),
        days(2024, 12, 31),
        6_000.0,
        9_000.0,
    ),
    it(
        "GAUDI3",
        Form::Module,
        days(2024, 10, 15),
        days(2026, 6, 30),
        13_000.0,
        17_000.0,
    ),
    it(
        "HGX-H100-8GPU",
        Form::Hgx,
        days(2023, 1, 1),
        days(2026, 3, 31),
        230_000.0,
        320_000.0,
    ),
    it(
        "DGX-H100",
        Form::Dgx,
        days(2023, 1, 1),
        days(2026, 3, 31),
        320_000.0,
        450_000.0,
    ),
    it(
        "HGX-H200-8GPU",
        Form::Hgx,
        days(2024, 5, 1),
        days(2026, 6, 30),
        270_000.0,
        380_000.0,
    ),
    it(
        "HGX-H20-8GPU",
        Form::Hgx,
        days(2024, 3, 1),
        days(2025, 4, 8),
        100_000.0,
        140_000.0,
    ),
    it(
        "DGX-A100",
        Form::Dgx,
        days(2023, 1, 1),
        days(2024, 6, 30),
        150_000.0,
        220_000.0,
    ),
    it(
        "DGX-B200",
        Form::Dgx,
        days(2025, 1, 15),
        days(2026, 6, 30),
        430_000.0,
        560_000.0,
    ),
];

fn item(id: &str) -> &'static Item {
    ITEMS.iter().find(|i| i.id == id).unwrap_or(&ITEMS[0])
}

type Profile = &'static [(&'static str, f64)];

const P_SYSTEMS: Profile = &[
    ("HGX-H100-8GPU", 30.0),
    ("DGX-H100", 8.0),
    ("HGX-H200-8GPU", 25.0),
    ("DGX-B200", 18.0),
    ("H100-SXM", 6.0),
    ("H200", 6.0),
    ("B200", 5.0),
    ("B300", 6.0),
    ("MI300X", 4.0),
    ("MI325X", 2.0),
    ("L40S", 5.0),
    ("DGX-A100", 3.0),
    ("A100", 3.0),
    ("GAUDI3", 1.0),
];
const P_RESEARCH: Profile = &[
    ("H100-PCIE", 20.0),
    ("L40S", 20.0),
    ("A100", 8.0),
    ("L4", 10.0),
    ("HGX-H100-8GPU", 8.0),
    ("DGX-H100", 6.0),
    ("DGX-B200", 4.0),
    ("HGX-H200-8GPU", 4.0),
    ("RTX-4090", 8.0),
    ("RTX-5090", 5.0),
    ("MI300X", 3.0),
    ("GAUDI2", 2.0),
    ("GAUDI3", 2.0),
    ("H200", 3.0),
];
const P_CHANNEL: Profile = &[
    ("L40S", 18.0),
    ("H100-PCIE", 14.0),
    ("H100-SXM", 10.0),
    ("RTX-4090", 12.0),
    ("RTX-5090", 8.0),
    ("L4", 10.0),
    ("A100", 6.0),
    ("HGX-H100-8GPU", 8.0),
    ("HGX-H200-8GPU", 6.0),
    ("H200", 6.0),
    ("B200", 3.0),
    ("DGX-B200", 2.0),
    ("MI300X", 3.0),
];
const P_STARTUP: Profile = &[
    ("RTX-4090", 25.0),
    ("RTX-5090", 15.0),
    ("L40S", 15.0),
    ("H100-PCIE", 12.0),
    ("HGX-H100-8GPU", 10.0),
    ("HGX-H200-8GPU", 6.0),
    ("H100-SXM", 5.0),
    ("L4", 5.0),
    ("DGX-B200", 3.0),
];
const P_CHINA_SAFE: Profile = &[
    ("H20", 30.0),
    ("HGX-H20-8GPU", 20.0),
    ("L20", 20.0),
    ("RTX-4090D", 15.0),
    ("RTX-5090D", 10.0),
];

fn pick_item(rng: &mut Rng, profile: Profile, date: i64) -> &'static Item {
    let avail: Vec<(&'static str, f64)> = profile
        .iter()
        .copied()
        .filter(|(id, _)| {
            let i = item(id);
            i.from <= date && date <= i.to
        })
        .collect();
    if avail.is_empty() {
        return item("L4");
    }
    item(rng.wpick(&avail))
}

fn price(rng: &mut Rng, it: &Item, date: i64) -> f64 {
    let years = ((date - it.from) as f64 / 365.0).max(0.0);
    let factor = (1.0 - 0.06 * years).max(0.75);
    (it.lo + rng.f() * (it.hi - it.lo)) * factor
}

fn qty(rng: &mut Rng, it: &Item, sys: (u32, u32), card: (u32, u32)) -> u32 {
    match it.form {
        Form::Hgx | Form::Dgx => rng.logu(sys.0, sys.1),
        Form::Module => {
            let q = rng.logu(card.0, card.1);
            if rng.chance(0.7) {
                q.div_ceil(8) * 8
            } else {
                q
            }
        }
        Form::Card => rng.logu(card.0, card.1),
    }
}

/// An HS code as a real declaration would carry it (mostly right, sometimes an arguable alternative).
fn hs_normal(rng: &mut Rng, form: Form) -> &'static str {
    let r = rng.f();
    match form {
        Form::Module => {
            if r < 0.80 {
                "8473.30"
            } else if r < 0.91 {
                "8542.31"
            } else if r < 0.96 {
                "8471.80"
            } else {
                ""
            }
        }
        Form::Card => {
            if r < 0.85 {
                "8473.30"
            } else if r < 0.92 {
                "8471.80"
            } else if r < 0.96 {
                "8542.31"
            } else {
                ""
            }
        }
        Form::Hgx => {
            if r < 0.55 {
                "8471.50"
            } else if r < 0.75 {
                "8471.80"
            } else if r < 0.95 {
                "8473.30"
            } else {
                ""
            }
        }
        Form::Dgx => {
            if r < 0.75 {
                "8471.50"
            } else if r < 0.85 {
                "8471.41"
            } else if r < 0.95 {
                "8471.80"
            } else {
                ""
            }
        }
    }
}

/// A clearly wrong code: "generic computer parts", network gear, power supplies, storage.
fn hs_wrong(rng: &mut Rng, form: Form) -> &'static str {
    match form {
        Form::Hgx | Form::Dgx => rng.word(&["8473.30", "8471.70", "8517.62", "8504.40", "8473.30"]),
        _ => rng.word(&[
            "8471.70", "8517.62", "8504.40", "8543.70", "8544.42", "8473.50",
        ]),
    }
}

// ---------------------------------------------------------------------------------------------
// Names, addresses, phones, e-mail

const WORDS: &[&str] = &[
    "Equator",
    "Meranti",
    "Tembusu",
    "Straits",
    "Harbour",
    "Lumen",
    "Monsoon",
    "Archipelago",
    "Sakura",
    "Hanbit",
    "Kaveri",
    "Nimbus",
    "Stratus",
    "Orchid",
    "Lotus",
    "Cobalt",
    "Summit",
    "Pinnacle",
    "Horizon",
    "Apex",
    "Vertex",
    "Quantum",
    "Atlas",
    "Titan",
    "Nova",
    "Zenith",
    "Pacific",
    "Coral",
    "Jade",
    "Golden",
    "Everbright",
    "Sunrise",
    "Bayview",
    "Crescent",
    "Silverline",
    "Bluewave",
    "Merlion",
    "Tigris",
    "Cendana",
    "Angsana",
    "Mekong",
    "Chao Phraya",
    "Borneo",
    "Andaman",
    "Selat",
    "Kinabalu",
    "Halo",
    "Prism",
    "Beacon",
    "Keystone",
    "Northstar",
    "Redwood",
    "Evergreen",
    "Cascade",
    "Granite",
    "Ironwood",
    "Bridgeway",
    "Lighthouse",
];
const SYL_A: &[&str] = &[
    "Ar", "Bel", "Cor", "Da", "El", "Fen", "Gal", "Hel", "Ir", "Jun", "Kai", "Lu", "Mer", "Nov",
    "Or", "Pra", "Quan", "Ra", "Sel", "Ter", "Ul", "Ver", "Wen", "Xen", "Yar", "Zen", "Ast", "Bry",
    "Cal", "Dor", "Ev", "Fal", "Ju", "Lin", "Hao", "Xin", "Tian", "Rui",
];
const SYL_B: &[&str] = &[
    "a", "e", "i", "o", "ra", "ri", "lo", "ne", "va", "xi", "to", "ma",
];
const SYL_C: &[&str] = &[
    "n", "x", "s", "ra", "tek", "via", "lis", "nex", "tis", "ron", "nova", "gen", "lux", "dia",
    "ta", "ford", "well", "ton",
];

fn brand(rng: &mut Rng) -> String {
    if rng.chance(0.45) {
        return rng.pick(WORDS).to_string();
    }
    let mut s = rng.pick(SYL_A).to_string();
    if rng.chance(0.5) {
        s.push_str(rng.word(SYL_B));
    }
    s.push_str(rng.word(SYL_C));
    s
}

fn legal(rng: &mut Rng, country: &str) -> &'static str {
    match country {
        "SG" => "Pte. Ltd.",
        "MY" => {
            if rng.chance(0.85) {
                "Sdn. Bhd."
            } else {
                "Berhad"
            }
        }
        "TH" | "KR" | "CN" => "Co., Ltd.",
        "VN" => {
            if rng.chance(0.6) {
                "Co., Ltd."
            } else {
                "Joint Stock Company"
            }
        }
        "PH" => {
            if rng.chance(0.6) {
                "Inc."
            } else {
                "Corporation"
            }
        }
        "IN" => {
            if rng.chance(0.7) {
                "Pvt. Ltd."
            } else {
                "Limited"
            }
        }
        "JP" => {
            if rng.chance(0.6) {
                "Co., Ltd."
            } else {
                "K.K."
            }
        }
        "TW" => {
            if rng.chance(0.7) {
                "Co., Ltd."
            } else {
                "Corp."
            }
        }
        "HK" => {
            if rng.chance(0.6) {
                "Limited"
            } else {
                "Co., Limited"
            }
        }
        "AU" => "Pty Ltd",
        "NZ" => "Limited",
        "US" => rng.word(&["Inc.", "LLC", "Inc.", "Corp."]),
        _ => "Ltd.",
    }
}

fn company(rng: &mut Rng, country: &str, base: &str) -> String {
    let suffix = legal(rng, country);
    if country == "ID" {
        return format!("PT {base}");
    }
    format!("{base} {suffix}")
}

/// A company name built from a fresh brand and one of the given activity words.
fn named(rng: &mut Rng, country: &str, words: &[&str]) -> String {
    let b = brand(rng);
    let w = *rng.pick(words);
    company(rng, country, &format!("{b} {w}"))
}

fn tld(rng: &mut Rng, country: &str) -> &'static str {
    if rng.chance(0.35) {
        return ".com";
    }
    match country {
        "SG" => {
            if rng.chance(0.7) {
                ".com.sg"
            } else {
                ".sg"
            }
        }
        "MY" => {
            if rng.chance(0.7) {
                ".com.my"
            } else {
                ".my"
            }
        }
        "TH" => ".co.th",
        "VN" => ".com.vn",
        "PH" => ".com.ph",
        "ID" => ".co.id",
        "IN" => ".in",
        "JP" => ".co.jp",
        "KR" => ".co.kr",
        "TW" => ".com.tw",
        "HK" => ".com.hk",
        "AU" => ".com.au",
        "NZ" => ".co.nz",
        "CN" => ".cn",
        _ => rng.word(&[".com", ".ai", ".io", ".com"]),
    }
}

fn edu_tld(country: &str) -> &'static str {
    match country {
        "SG" => ".edu.sg",
        "MY" => ".edu.my",
        "TH" => ".ac.th",
        "JP" => ".ac.jp",
        "KR" => ".ac.kr",
        "AU" => ".edu.au",
        "IN" => ".ac.in",
        "PH" => ".edu.ph",
        "VN" => ".edu.vn",
        "TW" => ".edu.tw",
        _ => ".edu",
    }
}

fn slug(name: &str) -> String {
    let skip = ["pt", "the", "of", "university", "universiti"];
    let mut out = String::new();
    for w in name.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if w.is_empty() || skip.contains(&w.as_str()) {
            continue;
        }
        out.push_str(&w);
        if out.len() >= 6 {
            break;
        }
    }
    out.truncate(18);
    out
}

fn domain(rng: &mut Rng, name: &str, country: &str) -> String {
    format!("{}{}", slug(name), tld(rng, country))
}

fn person_local(rng: &mut Rng, country: &str) -> String {
    const CN_F: &[&str] = &[
        "tan", "lim", "lee", "ng", "wong", "chen", "li", "wang", "zhang", "liu", "huang", "lin",
        "goh", "teo", "ong", "chua", "yang", "zhou", "xu", "ho", "chan", "wu", "hsu", "gong",
        "yuan",
    ];
    const CN_G: &[&str] = &[
        "weiming", "jiahao", "xinyi", "zhiwei", "junjie", "yuting", "haoran", "kaiwen", "lei",
        "jun", "hui", "yan", "aaron", "alan", "kelvin", "jason", "eric", "vincent", "tony",
        "harry", "mathew", "alice", "grace", "cheryl", "ming", "tom",
    ];
    const MY_G: &[&str] = &[
        "ahmad", "muhammad", "nurul", "siti", "faizal", "hafiz", "aisyah", "amir", "azlan", "rahim",
    ];
    const MY_F: &[&str] = &[
        "ismail", "rahman", "hassan", "abdullah", "yusof", "ibrahim", "othman",
    ];
    const IN_G: &[&str] = &[
        "rajesh", "priya", "arun", "suresh", "kavitha", "vikram", "deepak", "anand", "meera",
    ];
    const IN_F: &[&str] = &[
        "kumar", "raj", "nair", "iyer", "singh", "pillai", "menon", "sharma", "reddy",
    ];
    const TH_G: &[&str] = &[
        "somchai",
        "nattapong",
        "siriporn",
        "kittisak",
        "apinya",
        "wichai",
        "pimchanok",
    ];
    const TH_F: &[&str] = &[
        "wongsakul",
        "srisuk",
        "chaiyaporn",
        "rattanakul",
        "boonmee",
        "sukprasert",
    ];
    const JP_G: &[&str] = &[
        "takeshi", "yuki", "haruto", "sakura", "kenji", "naoko", "hiroshi",
    ];
    const JP_F: &[&str] = &[
        "yamamoto",
        "tanaka",
        "suzuki",
        "sato",
        "kobayashi",
        "watanabe",
        "ito",
    ];
    const KR_G: &[&str] = &["minjun", "jiwoo", "seojun", "hyejin", "donghyun", "soyeon"];
    const KR_F: &[&str] = &["kim", "lee", "park", "choi", "jung", "kang", "yoon"];
    const US_G: &[&str] = &[
        "michael", "jennifer", "david", "sarah", "james", "emily", "robert", "jessica", "brian",
        "ashley", "kevin", "laura", "daniel", "megan", "chris",
    ];
    const US_F: &[&str] = &[
        "johnson", "smith", "williams", "brown", "garcia", "miller", "davis", "martinez", "wilson",
        "anderson", "taylor", "nguyen", "patel", "kim", "raymond",
    ];
    const VN_G: &[&str] = &["minh", "anh", "thao", "hung", "linh", "tuan"];
    const VN_F: &[&str] = &["nguyen", "tran", "le", "pham", "hoang"];
    const PH_G: &[&str] = &["juan", "maria", "jose", "ana", "mark", "kristine"];
    const PH_F: &[&str] = &["santos", "reyes", "cruz", "bautista", "mendoza"];
    const ID_G: &[&str] = &["budi", "siti", "agus", "dewi", "rizky", "putri"];
    const ID_F: &[&str] = &["santoso", "wijaya", "saputra", "hidayat", "kusuma"];
    let (g, f): (&[&str], &[&str]) = match country {
        "SG" => match rng.below(10) {
            0 | 1 => (MY_G, MY_F),
            2 => (IN_G, IN_F),
            _ => (CN_G, CN_F),
        },
        "MY" => match rng.below(10) {
            0..=3 => (MY_G, MY_F),
            4 => (IN_G, IN_F),
            _ => (CN_G, CN_F),
        },
        "HK" | "CN" | "TW" => (CN_G, CN_F),
        "IN" => (IN_G, IN_F),
        "TH" => (TH_G, TH_F),
        "JP" => (JP_G, JP_F),
        "KR" => (KR_G, KR_F),
        "VN" => (VN_G, VN_F),
        "PH" => (PH_G, PH_F),
        "ID" => (ID_G, ID_F),
        _ => {
            if rng.chance(0.2) {
                (CN_G, CN_F)
            } else {
                (US_G, US_F)
            }
        }
    };
    let (g, f) = (*rng.pick(g), *rng.pick(f));
    match rng.below(10) {
        0..=4 => format!("{g}.{f}"),
        5 | 6 => format!("{}{f}", &g[..1]),
        7 => format!("{f}.{g}"),
        8 => format!("{g}{}", &f[..1]),
        _ => rng
            .pick(&[
                "procurement",
                "purchasing",
                "ops",
                "it.procurement",
                "finance",
                "admin",
                "infra",
            ])
            .to_string(),
    }
}

fn webmail(rng: &mut Rng, local: &str, country: &str) -> String {
    let base: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let base = if base.len() < 3
        || base.contains("procure")
        || base.contains("admin")
        || base.contains("ops")
        || base.contains("finance")
        || base.contains("infra")
        || base.contains("purchas")
    {
        format!(
            "{}{}",
            rng.pick(&["sales", "kc", "jl", "mt", "tech", "gpu"]),
            rng.digits(2)
        )
    } else {
        base
    };
    let dom = match country {
        "CN" | "HK" => rng.word(&["163.com", "qq.com", "gmail.com", "126.com", "outlook.com"]),
        "SG" => rng.word(&["gmail.com", "hotmail.com", "yahoo.com.sg", "outlook.com"]),
        "MY" => rng.word(&["gmail.com", "yahoo.com", "hotmail.com"]),
        _ => rng.word(&[
            "gmail.com",
            "outlook.com",
            "yahoo.com",
            "gmail.com",
            "hotmail.com",
        ]),
    };
    let sfx = if rng.chance(0.6) {
        let k = rng.range(2, 4) as usize;
        rng.digits(k)
    } else {
        String::new()
    };
    format!("{base}{sfx}@{dom}")
}

fn phone(rng: &mut Rng, country: &str, mobile: bool) -> String {
    match country {
        "SG" => {
            if mobile {
                format!(
                    "+65 {}{} {}",
                    rng.pick(&["8", "9"]),
                    rng.digits(3),
                    rng.digits(4)
                )
            } else {
                format!("+65 6{} {}", rng.digits(3), rng.digits(4))
            }
        }
        "MY" => {
            if mobile {
                format!(
                    "+60 1{}-{} {}",
                    rng.range(1, 9),
                    rng.digits(3),
                    rng.digits(4)
                )
            } else {
                let a = rng.word(&["3", "3", "7", "4"]);
                format!("+60 {a}-{} {}", rng.digits(4), rng.digits(4))
            }
        }
        "TH" => {
            if mobile {
                format!("+66 8{} {} {}", rng.digits(1), rng.digits(3), rng.digits(4))
            } else {
                format!("+66 2 {} {}", rng.digits(3), rng.digits(4))
            }
        }
        "JP" => format!("+81 3-{}-{}", rng.digits(4), rng.digits(4)),
        "KR" => format!("+82 2-{}-{}", rng.digits(4), rng.digits(4)),
        "TW" => format!("+886 2-{}-{}", rng.digits(4), rng.digits(4)),
        "HK" => format!(
            "+852 {}{} {}",
            rng.pick(&["2", "3", "5", "6", "9"]),
            rng.digits(3),
            rng.digits(4)
        ),
        "CN" => {
            if mobile {
                format!(
                    "+86 1{}{} {} {}",
                    rng.pick(&["3", "5", "8"]),
                    rng.digits(1),
                    rng.digits(4),
                    rng.digits(4)
                )
            } else {
                format!("+86 755 {} {}", rng.digits(4), rng.digits(4))
            }
        }
        "AU" => format!("+61 2 {} {}", rng.digits(4), rng.digits(4)),
        "NZ" => format!("+64 9 {} {}", rng.digits(3), rng.digits(4)),
        "IN" => format!(
            "+91 {} {} {}",
            rng.pick(&["22", "80", "40", "44"]),
            rng.digits(4),
            rng.digits(4)
        ),
        "ID" => format!("+62 21 {} {}", rng.digits(4), rng.digits(4)),
        "PH" => format!("+63 2 {} {}", rng.digits(4), rng.digits(4)),
        "VN" => format!("+84 28 {} {}", rng.digits(4), rng.digits(4)),
        _ => format!(
            "+1 {}-{}-{}",
            rng.pick(&["408", "512", "206", "212", "703", "617"]),
            rng.digits(3),
            rng.digits(4)
        ),
    }
}

fn us_phone(rng: &mut Rng, area: &str) -> String {
    format!("+1 {area}-{}-{}", rng.range(200, 989), rng.digits(4))
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Office,
    Industrial,
    Dc,
    Residential,
    Cargo,
    Vague,
    SimLim,
}

/// (city, state, zip, area code)
type UsCity = (&'static str, &'static str, &'static str, &'static str);

const US_CITIES: &[UsCity] = &[
    ("San Jose", "CA", "95134", "408"),
    ("Santa Clara", "CA", "95054", "408"),
    ("Fremont", "CA", "94538", "510"),
    ("Palo Alto", "CA", "94301", "650"),
    ("San Francisco", "CA", "94107", "415"),
    ("Los Angeles", "CA", "90017", "213"),
    ("Irvine", "CA", "92618", "949"),
    ("San Diego", "CA", "92121", "858"),
    ("Seattle", "WA", "98109", "206"),
    ("Hillsboro", "OR", "97124", "503"),
    ("Austin", "TX", "78701", "512"),
    ("Dallas", "TX", "75201", "214"),
    ("Houston", "TX", "77002", "713"),
    ("Ashburn", "VA", "20147", "703"),
    ("Reston", "VA", "20190", "703"),
    ("New York", "NY", "10001", "212"),
    ("Boston", "MA", "02110", "617"),
    ("Cambridge", "MA", "02139", "617"),
    ("Pittsburgh", "PA", "15213", "412"),
    ("Chicago", "IL", "60606", "312"),
    ("Atlanta", "GA", "30308", "404"),
    ("Phoenix", "AZ", "85004", "602"),
    ("Columbus", "OH", "43215", "614"),
    ("Denver", "CO", "80202", "303"),
    ("Salt Lake City", "UT", "84101", "801"),
    ("Ann Arbor", "MI", "48104", "734"),
    ("Champaign", "IL", "61820", "217"),
    ("Durham", "NC", "27701", "919"),
    ("Tampa", "FL", "33607", "813"),
    ("Miami", "FL", "33131", "305"),
    ("Huntsville", "AL", "35806", "256"),
    ("Sugar Land", "TX", "77479", "281"),
    ("Edison", "NJ", "08837", "732"),
    ("Brooklyn", "NY", "11220", "718"),
    ("Pasadena", "CA", "91101", "626"),
    ("City of Industry", "CA", "91748", "626"),
    ("El Monte", "CA", "91731", "626"),
    ("Missouri City", "TX", "77459", "281"),
    ("Sterling", "VA", "20166", "703"),
    ("Flushing", "NY", "11354", "718"),
    ("Walnut", "CA", "91789", "909"),
    ("Alhambra", "CA", "91801", "626"),
    ("Minneapolis", "MN", "55401", "612"),
    ("Raleigh", "NC", "27601", "919"),
    ("Las Vegas", "NV", "89119", "702"),
    ("Quincy", "WA", "98848", "509"),
    ("Abilene", "TX", "79601", "325"),
    ("Secaucus", "NJ", "07094", "201"),
    ("Ontario", "CA", "91761", "909"),
];

fn us_city(name: &str) -> UsCity {
    *US_CITIES
        .iter()
        .find(|c| c.0 == name)
        .unwrap_or(&US_CITIES[0])
}

fn us_addr(rng: &mut Rng, c: UsCity, style: Style) -> String {
    const OFFICE: &[&str] = &[
        "Technology Dr",
        "Innovation Way",
        "Mission College Blvd",
        "Zanker Rd",
        "N 1st St",
        "Main St",
        "Commerce Pkwy",
        "Westshore Blvd",
        "W Kennedy Blvd",
        "Corporate Dr",
        "Research Blvd",
        "Valley Blvd",
        "Garvey Ave",
        "Gale Ave",
        "Broadway",
        "Market St",
        "Executive Center Dr",
        "Town Center Blvd",
    ];
    const IND: &[&str] = &[
        "Industrial Ave",
        "Distribution Way",
        "Logistics Pkwy",
        "Commerce Center Dr",
        "Raritan Center Pkwy",
        "Meadowlands Pkwy",
        "Airport Blvd",
        "Freight Ln",
        "Data Center Dr",
        "Loudoun County Pkwy",
    ];
    const RES: &[&str] = &[
        "Oak Ridge Dr",
        "Maple Ct",
        "Willow Ln",
        "Sunset Ave",
        "Cedar St",
        "Highland Ave",
        "Parkview Ter",
        "Brookside Dr",
        "Magnolia Way",
        "Bay Ridge Pkwy",
        "Sweetwater Ln",
    ];
    let (city, st, zip, _) = c;
    match style {
        Style::Residential => {
            let apt = if rng.chance(0.35) {
                format!(
                    " Apt {}{}",
                    rng.range(1, 9),
                    rng.pick(&["A", "B", "C", "D"])
                )
            } else {
                String::new()
            };
            format!(
                "{} {}{apt}, {city}, {st} {zip}",
                rng.range(12, 9899),
                rng.pick(RES)
            )
        }
        Style::Industrial | Style::Dc | Style::Cargo => format!(
            "{} {}, {city}, {st} {zip}",
            rng.range(100, 24999),
            rng.pick(IND)
        ),
        Style::Vague => format!("{}, {city}, {st}", rng.pick(OFFICE)),
        _ => {
            let ste = if rng.chance(0.7) {
                format!(" Suite {}", rng.range(100, 1850))
            } else {
                String::new()
            };
            format!(
                "{} {}{ste}, {city}, {st} {zip}",
                rng.range(10, 9999),
                rng.pick(OFFICE)
            )
        }
    }
}

fn addr(rng: &mut Rng, country: &str, style: Style) -> String {
    match country {
        "SG" => sg_addr(rng, style),
        "MY" => my_addr(rng, style),
        "US" => {
            let c = *rng.pick(US_CITIES);
            us_addr(rng, c, style)
        }
        "TH" => match style {
            Style::Industrial | Style::Cargo => format!(
                "{} Moo {}, Lat Krabang Industrial Estate, Lat Krabang, Bangkok 10520",
                rng.range(1, 999),
                rng.range(1, 12)
            ),
            Style::Dc => format!(
                "{} Moo {}, Amata City Chonburi, Mueang Chon Buri, Chon Buri 20000",
                rng.range(1, 700),
                rng.range(1, 9)
            ),
            Style::Vague => "Sukhumvit Road, Bangkok".to_string(),
            Style::Residential => format!(
                "{}/{} Soi Sukhumvit {}, Khlong Toei, Bangkok 10110",
                rng.range(1, 300),
                rng.range(1, 99),
                rng.range(1, 101)
            ),
            _ => format!(
                "{} {} Road, {}, Bangkok {}",
                rng.range(1, 999),
                rng.pick(&["Rama IV", "Sukhumvit", "Silom", "Rama IX", "Phaya Thai"]),
                rng.pick(&["Khlong Toei", "Bang Rak", "Huai Khwang", "Ratchathewi"]),
                rng.pick(&["10110", "10500", "10310", "10400"])
            ),
        },
        "JP" => match style {
            Style::Dc => format!(
                "{}-{} Makinohara, Inzai, Chiba 270-13{}",
                rng.range(1, 9),
                rng.range(1, 30),
                rng.digits(2)
            ),
            _ => format!(
                "{}-{}-{} {}, Tokyo {}",
                rng.range(1, 9),
                rng.range(1, 20),
                rng.range(1, 30),
                rng.pick(&[
                    "Otemachi, Chiyoda-ku",
                    "Konan, Minato-ku",
                    "Toyosu, Koto-ku",
                    "Nishi-Shinjuku, Shinjuku-ku"
                ]),
                rng.pick(&["100-0004", "108-0075", "135-0061", "160-0023"])
            ),
        },
        "KR" => format!(
            "{} {}, Seoul {:05}",
            rng.range(1, 600),
            rng.pick(&[
                "Teheran-ro, Gangnam-gu",
                "Sejong-daero, Jung-gu",
                "Yeouidae-ro, Yeongdeungpo-gu"
            ]),
            rng.range(4000, 6999)
        ),
        "TW" => match style {
            Style::Industrial | Style::Cargo => format!(
                "No. {}, Wenhua 2nd Rd., Guishan Dist., Taoyuan City 333",
                rng.range(1, 300)
            ),
            _ => format!(
                "No. {}, Sec. {}, Ruiguang Rd., Neihu Dist., Taipei City 114",
                rng.range(1, 600),
                rng.range(1, 3)
            ),
        },
        "AU" => match style {
            Style::Dc => format!(
                "{} Talavera Road, Macquarie Park NSW 2113",
                rng.range(1, 200)
            ),
            _ => format!(
                "Level {}, {} {} Street, {}",
                rng.range(1, 40),
                rng.range(1, 500),
                rng.pick(&["George", "Pitt", "Collins", "Bourke"]),
                rng.pick(&["Sydney NSW 2000", "Melbourne VIC 3000"])
            ),
        },
        "NZ" => format!(
            "Level {}, {} Queen Street, Auckland 1010",
            rng.range(1, 30),
            rng.range(1, 400)
        ),
        "IN" => format!(
            "{}, {}",
            rng.range(1, 900),
            rng.pick(&[
                "Bandra Kurla Complex, Mumbai 400051",
                "Hitec City, Hyderabad 500081",
                "Whitefield, Bengaluru 560066",
                "Ambattur Industrial Estate, Chennai 600058",
                "Sector 62, Noida 201309"
            ])
        ),
        "ID" => match style {
            Style::Dc => format!(
                "Nongsa Digital Park, Jl. Hang Lekir No. {}, Batam, Kepulauan Riau 29466",
                rng.range(1, 50)
            ),
            _ => format!(
                "Jl. {} Kav. {}, Jakarta {}",
                rng.pick(&[
                    "Jend. Sudirman",
                    "H.R. Rasuna Said",
                    "M.H. Thamrin",
                    "Gatot Subroto"
                ]),
                rng.range(1, 90),
                rng.pick(&["10220", "12940", "10350", "12950"])
            ),
        },
        "PH" => format!(
            "{} {}, {}",
            rng.range(1, 9000),
            rng.pick(&["Ayala Avenue", "5th Avenue", "EDSA", "Ortigas Avenue"]),
            rng.pick(&[
                "Makati City 1226",
                "Bonifacio Global City, Taguig 1634",
                "Quezon City 1100",
                "Pasig City 1605"
            ])
        ),
        "VN" => format!(
            "{} {}, {}",
            rng.range(1, 400),
            rng.pick(&["Nguyen Hue", "Le Loi", "Duy Tan", "Pham Hung"]),
            rng.pick(&[
                "District 1, Ho Chi Minh City",
                "Cau Giay, Hanoi",
                "Nam Tu Liem, Hanoi",
                "Thu Duc City, Ho Chi Minh City"
            ])
        ),
        "HK" => match style {
            Style::Industrial | Style::Cargo => format!(
                "Unit {}{}, {}/F, {}",
                rng.range(1, 20),
                rng.pick(&["A", "B", "C"]),
                rng.range(2, 28),
                rng.pick(&[
                    "Kwai Chung Industrial Centre, 100 Kwai Cheong Road, Kwai Chung, N.T.",
                    "Tsuen Wan Industrial Centre, 220 Texaco Road, Tsuen Wan, N.T.",
                    "Asia Logistics Hub, Tsing Yi, N.T.",
                    "Kong Nam Industrial Building, Castle Peak Road, Tsuen Wan, N.T."
                ])
            ),
            Style::Vague => "Kowloon, Hong Kong".to_string(),
            _ => format!(
                "Room {}, {}/F, {}",
                rng.range(1, 3200),
                rng.range(2, 40),
                rng.pick(&[
                    "Millennium City, 388 Kwun Tong Road, Kwun Tong, Kowloon",
                    "Hong Kong Science Park, Sha Tin, N.T.",
                    "Ho King Commercial Centre, 2-16 Fa Yuen Street, Mongkok, Kowloon",
                    "Cyberport 3, 100 Cyberport Road, Hong Kong",
                    "Central Plaza, 18 Harbour Road, Wan Chai"
                ])
            ),
        },
        "CN" => format!(
            "Room {}, {}",
            rng.range(101, 2999),
            rng.pick(&[
                "Shenzhen Bay Eco-Technology Park, Nanshan District, Shenzhen",
                "Zhongguancun Software Park, Haidian District, Beijing",
                "Zhangjiang Hi-Tech Park, Pudong, Shanghai",
                "Huaqiang North Road, Futian District, Shenzhen",
                "Binjiang District, Hangzhou"
            ])
        ),
        _ => format!("{} Main Street", rng.range(1, 999)),
    }
}

fn sg_addr(rng: &mut Rng, style: Style) -> String {
    match style {
        Style::Office => {
            let (road, pc, bld) = *rng.pick(&[
                ("Tai Seng Street", "534", "Tai Seng Centre"),
                ("Ubi Avenue 1", "408", "Ubi Techpark"),
                ("Changi Business Park Central 1", "486", "One@Changi City"),
                ("Raffles Place", "048", "One Raffles Place"),
                ("Cecil Street", "069", "Cecil Court"),
                ("Robinson Road", "068", "Robinson 77"),
                ("Science Park Road", "117", "The Alpha"),
                ("Fusionopolis Way", "138", "Galaxis"),
                ("Kallang Avenue", "339", "Aperium"),
                ("Kaki Bukit Road 1", "416", "Eunos Technolink"),
                ("Jurong East Street 21", "609", "IMM Building"),
                ("North Bridge Road", "179", "Peninsula Plaza"),
            ]);
            format!(
                "{} {road} #{:02}-{:02} {bld} Singapore {pc}{}",
                rng.range(1, 120),
                rng.range(2, 30),
                rng.range(1, 40),
                rng.digits(3)
            )
        }
        Style::Industrial => {
            let (road, pc) = *rng.pick(&[
                ("Tuas South Avenue 2", "637"),
                ("Loyang Way", "508"),
                ("Pioneer Road North", "628"),
                ("Jurong Port Road", "619"),
                ("Woodlands Loop", "738"),
                ("Penjuru Road", "609"),
            ]);
            format!(
                "{} {road} #{:02}-{:02} Singapore {pc}{}",
                rng.range(1, 80),
                rng.range(1, 8),
                rng.range(1, 30),
                rng.digits(3)
            )
        }
        Style::Dc => {
            let (road, pc) = *rng.pick(&[
                ("Tai Seng Drive", "535"),
                ("Serangoon North Avenue 5", "554"),
                ("Kranji Loop", "739"),
                ("Tanjong Kling Road", "628"),
                ("Woodlands Avenue 12", "757"),
                ("Loyang Avenue", "509"),
                ("Jurong West Avenue 2", "649"),
            ]);
            format!(
                "{} {road} Singapore {pc}{}",
                rng.range(1, 80),
                rng.digits(3)
            )
        }
        Style::Residential => {
            let town = rng.word(&[
                "Bedok North Street",
                "Tampines Street",
                "Jurong West Street",
                "Yishun Ring Road",
                "Hougang Avenue",
                "Punggol Field",
                "Sengkang East Way",
            ]);
            format!(
                "Blk {} {town} {} #{:02}-{} Singapore {}{}",
                rng.range(100, 999),
                rng.range(1, 9),
                rng.range(2, 20),
                rng.range(100, 999),
                rng.pick(&["46", "52", "64", "76", "53", "82"]),
                rng.digits(4)
            )
        }
        Style::Cargo => {
            if rng.chance(0.5) {
                format!(
                    "{} Airport Cargo Road #0{}-{:02} Changi Airfreight Centre Singapore 819466",
                    rng.pick(&["115", "119", "9"]),
                    rng.range(1, 5),
                    rng.range(1, 60)
                )
            } else {
                format!(
                    "{} Airline Road #0{}-{:02} Cargo Agents Building Singapore 8198{}",
                    rng.pick(&["119", "115", "9"]),
                    rng.range(1, 5),
                    rng.range(1, 60),
                    rng.digits(2)
                )
            }
        }
        Style::Vague => format!(
            "{}, Singapore",
            rng.pick(&[
                "Ubi Avenue",
                "Tech Park Crescent",
                "Kaki Bukit",
                "Jurong East",
                "Changi South Lane"
            ])
        ),
        Style::SimLim => {
            if rng.chance(0.6) {
                format!(
                    "1 Rochor Canal Road #0{}-{:02} Sim Lim Square Singapore 188504",
                    rng.range(1, 6),
                    rng.range(1, 80)
                )
            } else {
                format!(
                    "10 Jalan Besar #{:02}-{:02} Sim Lim Tower Singapore 208787",
                    rng.range(2, 18),
                    rng.range(1, 30)
                )
            }
        }
    }
}

fn my_addr(rng: &mut Rng, style: Style) -> String {
    match style {
        Style::Dc => match rng.below(10) {
            0..=3 => format!(
                "Lot {}, Sedenak Tech Park, 81400 Kulai, Johor",
                rng.range(1, 9999)
            ),
            4 | 5 => format!(
                "PTD {}, Jalan Teknologi {}, Nusajaya Tech Park, 79250 Iskandar Puteri, Johor",
                rng.range(1000, 99999),
                rng.range(1, 9)
            ),
            6 => format!(
                "Jalan Teknokrat {}, Cyber {}, 63000 Cyberjaya, Selangor",
                rng.range(1, 7),
                rng.range(1, 12)
            ),
            7 => format!(
                "Jalan Jalil Perkasa {}, Bukit Jalil, 57000 Kuala Lumpur",
                rng.range(1, 19)
            ),
            8 => "Jalan Kempas Lama, Kempas, 81200 Johor Bahru, Johor".to_string(),
            _ => format!(
                "Jalan Seelong {}, Seelong, 81400 Senai, Johor",
                rng.range(1, 9)
            ),
        },
        Style::Industrial | Style::Cargo => match rng.below(6) {
            0 => format!(
                "Lot {}, Jalan Pelabuhan Utara, 42000 Port Klang, Selangor",
                rng.range(1, 999)
            ),
            1 => "Advanced Cargo Centre, KLIA Free Commercial Zone, 64000 Sepang, Selangor"
                .to_string(),
            2 => format!(
                "Lot {}, Senai Airport City, 81250 Senai, Johor",
                rng.range(1, 400)
            ),
            3 => format!(
                "Plot {}, Bayan Lepas FIZ Phase {}, 11900 Bayan Lepas, Pulau Pinang",
                rng.range(1, 120),
                rng.range(1, 4)
            ),
            4 => format!(
                "No. {}, Jalan Pekeliling, 81700 Pasir Gudang, Johor",
                rng.range(1, 99)
            ),
            _ => format!(
                "No. {}, Jalan Perindustrian Puchong, 47100 Puchong, Selangor",
                rng.range(1, 99)
            ),
        },
        Style::Residential => format!(
            "No. {}, Jalan {} {}, Taman {}, {}",
            rng.range(1, 120),
            rng.pick(&["Mutiara", "Desa", "Bukit Indah", "Setia"]),
            rng.range(1, 30),
            rng.pick(&["Mutiara Rini", "Desa Tebrau", "Bukit Indah", "Setia Alam"]),
            rng.pick(&[
                "81300 Skudai, Johor",
                "81100 Johor Bahru, Johor",
                "40170 Shah Alam, Selangor"
            ])
        ),
        Style::Vague => format!(
            "Jalan {}, Kuala Lumpur",
            rng.pick(&["Ampang", "Tun Razak", "Bukit Bintang"])
        ),
        _ => match rng.below(4) {
            0 => format!(
                "Level {}, Menara {}, Jalan {}, 50450 Kuala Lumpur",
                rng.range(3, 45),
                rng.pick(&["Binjai", "Prestige", "Exchange 106", "IQ", "Ilham"]),
                rng.pick(&["Ampang", "Tun Razak", "Sultan Ismail"])
            ),
            1 => format!(
                "No. {}, Jalan SS {}/{}, 47300 Petaling Jaya, Selangor",
                rng.range(1, 60),
                rng.range(2, 21),
                rng.range(1, 40)
            ),
            2 => format!(
                "Suite {}-{}, Menara {}, Jalan Tebrau, 80250 Johor Bahru, Johor",
                rng.range(3, 30),
                rng.range(1, 12),
                rng.pick(&["Landmark", "MSC Cyberport", "KPJ"])
            ),
            _ => format!(
                "{}-{}, Jalan Tun Razak, 10400 George Town, Pulau Pinang",
                rng.range(1, 30),
                rng.range(1, 12)
            ),
        },
    }
}

/// Registered-agent and virtual-office addresses shared by many unrelated small companies.
type Vo = (&'static str, String);

fn virtual_offices(rng: &mut Rng) -> Vec<Vo> {
    vec![
        (
            "SG",
            format!(
                "10 Anson Road #{:02}-{:02} International Plaza Singapore 079903",
                rng.range(10, 30),
                rng.range(1, 20)
            ),
        ),
        (
            "SG",
            format!(
                "60 Paya Lebar Road #{:02}-{:02} Paya Lebar Square Singapore 409051",
                rng.range(5, 12),
                rng.range(1, 40)
            ),
        ),
        (
            "SG",
            format!(
                "111 North Bridge Road #{:02}-{:02} Peninsula Plaza Singapore 179098",
                rng.range(5, 30),
                rng.range(1, 40)
            ),
        ),
        ("US", "8 The Green, Ste A, Dover, DE 19901".to_string()),
        (
            "US",
            "1309 Coffeen Ave, Ste 1200, Sheridan, WY 82801".to_string(),
        ),
        ("US", "2810 N Church St, Wilmington, DE 19802".to_string()),
        (
            "US",
            format!(
                "17800 Castleton St, Suite {}, City of Industry, CA 91748",
                rng.range(100, 699)
            ),
        ),
        (
            "HK",
            format!(
                "Room {}, {}/F, Tower 1, Lippo Centre, 89 Queensway, Admiralty",
                rng.range(1001, 1999),
                rng.range(10, 19)
            ),
        ),
        (
            "MY",
            "Level 23-1, Premier Suite, One Mont Kiara, 50480 Kuala Lumpur".to_string(),
        ),
    ]
}

fn pick_vo(rng: &mut Rng, vo: &[Vo], country: &str) -> Option<String> {
    let xs: Vec<&Vo> = vo.iter().filter(|v| v.0 == country).collect();
    if xs.is_empty() {
        None
    } else {
        Some(rng.pick(&xs).1.clone())
    }
}

/// A site: where goods go, and as whom.
#[derive(Clone)]
struct Site {
    name: String,
    addr: String,
    country: &'static str,
    typ: &'static str,
}

const BIG_FWD: &[&str] = &[
    "DHL Global Forwarding",
    "Kuehne+Nagel",
    "DB Schenker",
    "Expeditors",
    "CEVA Logistics",
    "Nippon Express",
    "Kerry Logistics",
    "Yusen Logistics",
    "DSV",
    "Agility",
    "UPS Supply Chain Solutions",
    "FedEx Logistics",
];

fn small_forwarders(rng: &mut Rng) -> Vec<Site> {
    const W1: &[&str] = &[
        "Swiftway",
        "Jade Harbour",
        "Everbright",
        "Lion City",
        "Straits Link",
        "Sunrise",
        "Golden Bridge",
        "Harbourline",
        "Apex",
        "Meridian",
        "Trans-Asia",
        "Bluesea",
        "Rapid Star",
        "Orient Express",
        "Silk Route",
        "Crescent",
    ];
    const W2: &[&str] = &[
        "Cargo",
        "Freight",
        "Logistics",
        "Express Cargo",
        "Freight Services",
        "Shipping",
    ];
    let mut v = Vec::new();
    let plan: &[(&'static str, usize)] = &[("SG", 7), ("MY", 6), ("HK", 4), ("TH", 2), ("US", 3)];
    for &(c, n) in plan {
        for _ in 0..n {
            let base = format!("{} {}", rng.pick(W1), rng.pick(W2));
            let name = match c {
                "SG" => format!("{base} (S) Pte. Ltd."),
                _ => company(rng, c, &base),
            };
            let a = addr(rng, c, Style::Cargo);
            v.push(Site {
                name,
                addr: a,
                country: c,
                typ: "forwarder",
            });
        }
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Ledger rows

#[derive(Default, Clone)]
struct Row {
    date: i64,
    tie: u64,
    seller: String,
    seller_country: String,
    bill_name: String,
    bill_addr: String,
    bill_country: String,
    ship_name: String,
    ship_addr: String,
    ship_country: String,
    ship_type: String,
    eu_name: String,
    eu_addr: String,
    eu_country: String,
    eu_parent: String,
    eu_parent_country: String,
    payer_name: String,
    payer_country: String,
    item: String,
    hs: String,
    qty: u32,
    price: f64,
    currency: String,
    incoterm: String,
    forwarder: String,
    route: String,
    end_use: String,
    install: String,
    since: String,
    email: String,
    phone: String,
    mw: String,
    scheme: &'static str,
}

fn esc(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

impl Row {
    fn write(&self, id: &str, out: &mut String) {
        let date = fmt_date(self.date);
        let q = self.qty.to_string();
        let p = format!("{:.2}", self.price);
        let fields: [&str; 32] = [
            id,
            &date,
            &self.seller,
            &self.seller_country,
            &self.bill_name,
            &self.bill_addr,
            &self.bill_country,
            &self.ship_name,
            &self.ship_addr,
            &self.ship_country,
            &self.ship_type,
            &self.eu_name,
            &self.eu_addr,
            &self.eu_country,
            &self.eu_parent,
            &self.eu_parent_country,
            &self.payer_name,
            &self.payer_country,
            &self.item,
            &self.hs,
            &q,
            &p,
            &self.currency,
            &self.incoterm,
            &self.forwarder,
            &self.route,
            &self.end_use,
            &self.install,
            &self.since,
            &self.email,
            &self.phone,
            &self.mw,
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            esc(out, f);
        }
        out.push('\n');
    }
}

/// A buying party as the ledger knows it.
#[derive(Clone)]
struct Party {
    name: String,
    addr: String,
    country: &'static str,
    domain: String,
    people: Vec<String>,
    phone: String,
    since: i64,
}

impl Party {
    fn email(&self, rng: &mut Rng, webmail_p: f64) -> String {
        let local = rng.pick(&self.people).clone();
        if rng.chance(webmail_p) {
            webmail(rng, &local, self.country)
        } else {
            format!("{local}@{}", self.domain)
        }
    }
}

fn new_party(
    rng: &mut Rng,
    name: String,
    country: &'static str,
    style: Style,
    since: i64,
) -> Party {
    let (a, us_area) = if country == "US" {
        let c = *rng.pick(US_CITIES);
        (us_addr(rng, c, style), Some(c.3))
    } else {
        (addr(rng, country, style), None)
    };
    let d = domain(rng, &name, country);
    let n = rng.range(1, 3) as usize;
    let people = (0..n).map(|_| person_local(rng, country)).collect();
    let ph = match us_area {
        Some(area) => us_phone(rng, area),
        None => phone(rng, country, style == Style::Residential),
    };
    Party {
        name,
        addr: a,
        country,
        domain: d,
        people,
        phone: ph,
        since,
    }
}

fn seller_for(rng: &mut Rng, bill_country: &str) -> (&'static str, &'static str) {
    const US: (&str, &str) = ("Kestrel Systems Inc.", "US");
    const SG: (&str, &str) = ("Kestrel Systems Asia Pte. Ltd.", "SG");
    const MY: (&str, &str) = ("Kestrel Systems (Malaysia) Sdn. Bhd.", "MY");
    const JP: (&str, &str) = ("Kestrel Systems Japan K.K.", "JP");
    const KR: (&str, &str) = ("Kestrel Systems Korea Co., Ltd.", "KR");
    const TW: (&str, &str) = ("Kestrel Systems Taiwan Co., Ltd.", "TW");
    const AU: (&str, &str) = ("Kestrel Systems Australia Pty Ltd", "AU");
    let direct = rng.chance(0.15);
    match bill_country {
        "US" => US,
        _ if direct => US,
        "MY" => {
            if rng.chance(0.6) {
                MY
            } else {
                SG
            }
        }
        "JP" => JP,
        "KR" => KR,
        "TW" | "HK" => {
            if rng.chance(0.6) {
                TW
            } else {
                SG
            }
        }
        "AU" | "NZ" => AU,
        _ => SG,
    }
}

fn origin(rng: &mut Rng, seller_country: &str) -> &'static str {
    if seller_country == "US" {
        return if rng.chance(0.85) { "US" } else { "MX" };
    }
    rng.wpick(&[("TW", 45.0), ("US", 35.0), ("MY", 12.0), ("SG", 8.0)])
}

fn local_currency(rng: &mut Rng, country: &str, p: f64) -> &'static str {
    if !rng.chance(p) {
        return "USD";
    }
    match country {
        "SG" => "SGD",
        "MY" => "MYR",
        "JP" => "JPY",
        "KR" => "KRW",
        "AU" => "AUD",
        "TH" => "THB",
        "IN" => "INR",
        "TW" => "TWD",
        _ => "USD",
    }
}

fn tri(rng: &mut Rng, p_true: f64, p_false: f64) -> &'static str {
    let r = rng.f();
    if r < p_true {
        "true"
    } else if r < p_true + p_false {
        "false"
    } else {
        ""
    }
}

fn mw_str(v: f64) -> String {
    if v < 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

/// Incoterm and forwarder, as a buyer-arranged or seller-arranged shipment would carry them.
fn terms(
    rng: &mut Rng,
    w: &[(&'static str, f64)],
    fwd_pool: &[Site],
    small_p: f64,
) -> (String, String) {
    let inc = rng.wpick(w);
    let buyer_arranged = inc == "EXW" || inc == "FCA";
    let fwd = if buyer_arranged {
        if rng.chance(0.25) {
            String::new()
        } else if rng.chance(small_p) && !fwd_pool.is_empty() {
            rng.pick(fwd_pool).name.clone()
        } else {
            rng.pick(BIG_FWD).to_string()
        }
    } else if rng.chance(0.45) {
        String::new()
    } else {
        rng.pick(BIG_FWD).to_string()
    };
    (inc.to_string(), fwd)
}

fn blank_some(rng: &mut Rng, r: &mut Row) {
    // Real ledgers leave fields empty; emptiness is not evidence.
    if rng.chance(0.12) {
        r.payer_name.clear();
        r.payer_country.clear();
    }
    if rng.chance(0.15) {
        r.route.clear();
    }
    if rng.chance(0.04) {
        r.hs.clear();
    }
    if rng.chance(0.04) {
        r.incoterm.clear();
    }
    if rng.chance(0.13) {
        r.since.clear();
    }
    if rng.chance(0.04) {
        r.email.clear();
    }
    if rng.chance(0.07) {
        r.phone.clear();
    }
    if rng.chance(0.02) {
        r.currency.clear();
    }
    if rng.chance(0.05) {
        r.bill_addr.clear();
    }
    if rng.chance(0.05) {
        r.ship_name.clear();
    }
    if rng.chance(0.10) {
        r.end_use.clear();
    }
}

// ---------------------------------------------------------------------------------------------
// Legitimate customers

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Dc,
    Cloud,
    Hyper,
    Univ,
    Integrator,
    Distributor,
    Enterprise,
    Startup,
    PropDev,
}

struct Customer {
    kind: Kind,
    p: Party,
    webmail_p: f64,
    sites: Vec<Site>,
    consolidator: Option<Site>,
    consol_p: f64,
    clients: Vec<Party>,
    parent: Option<(String, &'static str)>,
    alt_payer: Option<(String, &'static str)>,
    alt_payer_p: f64,
    mw: Option<f64>,
    weight: f64,
    stem: String,
    profile: Profile,
    via_sg: bool,
    decline_p: f64,
}

fn since_date(rng: &mut Rng, p_new: f64) -> i64 {
    if rng.chance(p_new) {
        rng.range(days(2022, 9, 1), days(2025, 9, 30))
    } else {
        rng.range(days(1998, 1, 1), days(2021, 12, 31))
    }
}

fn univ_name(rng: &mut Rng, country: &str) -> String {
    let w = rng.pick(WORDS).to_string();
    match country {
        "MY" => format!(
            "Universiti {}",
            rng.pick(&[
                "Teknologi Selatan",
                "Sains Nusantara",
                "Malaysia Timur",
                "Teknikal Meranti"
            ])
        ),
        "TH" => format!("{w} University of Technology"),
        "KR" => format!("{w} Institute of Science and Technology"),
        "SG" => format!("{w} Institute of Technology"),
        _ => {
            if rng.chance(0.5) {
                format!("University of {w}")
            } else {
                format!("{w} University")
            }
        }
    }
}

fn make_customer(rng: &mut Rng, fwd: &[Site], vo: &[Vo]) -> Customer {
    let kind = rng.wpick(&[
        (Kind::Dc, 8.0),
        (Kind::Cloud, 12.0),
        (Kind::Hyper, 2.0),
        (Kind::Univ, 14.0),
        (Kind::Integrator, 18.0),
        (Kind::Distributor, 10.0),
        (Kind::Enterprise, 20.0),
        (Kind::Startup, 14.0),
        (Kind::PropDev, 2.0),
    ]);
    let country: &'static str = match kind {
        Kind::Dc => rng.wpick(&[
            ("SG", 30.0),
            ("MY", 35.0),
            ("TH", 8.0),
            ("ID", 8.0),
            ("JP", 7.0),
            ("AU", 6.0),
            ("IN", 6.0),
        ]),
        Kind::Cloud => rng.wpick(&[
            ("US", 30.0),
            ("SG", 15.0),
            ("MY", 10.0),
            ("JP", 10.0),
            ("KR", 8.0),
            ("TW", 6.0),
            ("AU", 6.0),
            ("IN", 8.0),
            ("TH", 4.0),
            ("ID", 3.0),
        ]),
        Kind::Hyper => rng.wpick(&[("US", 70.0), ("JP", 15.0), ("KR", 8.0), ("SG", 7.0)]),
        Kind::Univ => rng.wpick(&[
            ("US", 35.0),
            ("SG", 10.0),
            ("MY", 10.0),
            ("TH", 8.0),
            ("JP", 10.0),
            ("KR", 8.0),
            ("AU", 8.0),
            ("IN", 6.0),
            ("PH", 3.0),
            ("VN", 2.0),
        ]),
        Kind::Integrator => rng.wpick(&[
            ("SG", 20.0),
            ("MY", 18.0),
            ("TH", 12.0),
            ("VN", 8.0),
            ("PH", 8.0),
            ("ID", 8.0),
            ("IN", 8.0),
            ("TW", 6.0),
            ("US", 12.0),
        ]),
        Kind::Distributor => rng.wpick(&[
            ("SG", 18.0),
            ("HK", 14.0),
            ("TW", 14.0),
            ("JP", 10.0),
            ("MY", 10.0),
            ("US", 20.0),
            ("IN", 7.0),
            ("AU", 7.0),
        ]),
        Kind::Enterprise => rng.wpick(&[
            ("US", 45.0),
            ("JP", 12.0),
            ("KR", 10.0),
            ("SG", 10.0),
            ("AU", 8.0),
            ("IN", 8.0),
            ("TH", 4.0),
            ("MY", 3.0),
        ]),
        Kind::Startup => rng.wpick(&[
            ("US", 65.0),
            ("SG", 15.0),
            ("IN", 8.0),
            ("KR", 5.0),
            ("JP", 4.0),
            ("AU", 3.0),
        ]),
        Kind::PropDev => rng.wpick(&[("MY", 70.0), ("TH", 10.0), ("ID", 10.0), ("US", 10.0)]),
    };
    let b = brand(rng);
    let (base, p_new, style, mult) = match kind {
        Kind::Dc => (
            format!(
                "{b} {}",
                rng.pick(&[
                    "Data Centres",
                    "Digital Infrastructure",
                    "DC",
                    "Hyperscale",
                    "Data Centre Services"
                ])
            ),
            0.35,
            Style::Office,
            2.0,
        ),
        Kind::Cloud => (
            format!(
                "{b} {}",
                rng.pick(&[
                    "Cloud",
                    "GPU Cloud",
                    "AI Cloud",
                    "Compute",
                    "Cloud Services",
                    "AI Infrastructure"
                ])
            ),
            0.55,
            Style::Office,
            2.5,
        ),
        Kind::Hyper => (
            format!(
                "{b} {}",
                rng.pick(&["Cloud", "Platforms", "Networks", "Digital"])
            ),
            0.0,
            Style::Office,
            5.0,
        ),
        Kind::Univ => (univ_name(rng, country), 0.05, Style::Office, 0.5),
        Kind::Integrator => (
            format!(
                "{b} {}",
                rng.pick(&[
                    "Systems",
                    "Integration",
                    "Technologies",
                    "IT Solutions",
                    "Solutions",
                    "Infotech"
                ])
            ),
            0.2,
            if country == "SG" && rng.chance(0.25) {
                Style::SimLim
            } else {
                Style::Office
            },
            1.5,
        ),
        Kind::Distributor => (
            format!(
                "{b} {}",
                rng.pick(&[
                    "Distribution",
                    "Components",
                    "Electronics",
                    "Trading",
                    "Technology Supply",
                    "Computer"
                ])
            ),
            0.12,
            if country == "SG" && rng.chance(0.2) {
                Style::SimLim
            } else {
                Style::Office
            },
            2.0,
        ),
        Kind::Enterprise => (
            format!(
                "{b} {}",
                rng.pick(&[
                    "Bank",
                    "Motors",
                    "Telecom",
                    "Pharma",
                    "Insurance",
                    "Logistics",
                    "Energy",
                    "Media",
                    "Semiconductor",
                    "Games"
                ])
            ),
            0.15,
            Style::Office,
            0.6,
        ),
        Kind::Startup => (
            format!(
                "{b} {}",
                rng.pick(&["AI", "Labs", "Intelligence", "Robotics", "Vision", "ML"])
            ),
            0.85,
            if country == "US" && rng.chance(0.18) {
                Style::Residential
            } else {
                Style::Office
            },
            0.7,
        ),
        Kind::PropDev => (
            format!(
                "{b} {}",
                if country == "US" {
                    rng.word(&["Realty Partners", "Data Realty", "Properties"])
                } else {
                    rng.word(&["Land", "Properties", "Development", "Realty"])
                }
            ),
            0.6,
            Style::Office,
            1.2,
        ),
    };
    let stem = base.clone();
    let name = if kind == Kind::Univ {
        base
    } else {
        company(rng, country, &base)
    };
    let since = since_date(rng, p_new);
    let mut p = new_party(rng, name, country, style, since);
    if matches!(kind, Kind::Startup | Kind::Integrator | Kind::Distributor)
        && rng.chance(0.06)
        && let Some(a) = pick_vo(rng, vo, country)
    {
        p.addr = a;
    }
    if kind == Kind::Univ {
        p.domain = format!("{}{}", slug(&p.name), edu_tld(country));
    }
    let uses_webmail = rng.chance(match kind {
        Kind::Startup => 0.15,
        Kind::Integrator => 0.07,
        Kind::Univ => 0.04,
        Kind::Distributor => 0.04,
        _ => 0.005,
    });
    let webmail_p = if uses_webmail { 0.8 } else { 0.01 };

    // Ship-to sites.
    let mut sites = Vec::new();
    let (n_sites, st, typ) = match kind {
        Kind::Dc => (rng.range(1, 3), Style::Dc, "datacenter"),
        Kind::Cloud => (rng.range(1, 2), Style::Dc, "datacenter"),
        Kind::Hyper => (rng.range(2, 4), Style::Dc, "datacenter"),
        Kind::PropDev => (rng.range(1, 2), Style::Dc, "datacenter"),
        Kind::Integrator => (
            1,
            Style::Industrial,
            if rng.chance(0.6) {
                "reseller"
            } else {
                "distributor"
            },
        ),
        Kind::Distributor => (rng.range(1, 2), Style::Industrial, "distributor"),
        Kind::Enterprise => {
            if rng.chance(0.3) {
                (1, Style::Dc, "datacenter")
            } else {
                (0, Style::Office, "end_user")
            }
        }
        Kind::Startup => {
            if rng.chance(0.3) {
                (1, Style::Dc, "datacenter")
            } else {
                (0, Style::Office, "end_user")
            }
        }
        Kind::Univ => (0, Style::Office, "end_user"),
    };
    for k in 0..n_sites {
        let a = addr(rng, country, st);
        let sname = if k == 0 && typ != "datacenter" {
            p.name.clone()
        } else {
            format!(
                "{} ({})",
                p.name,
                rng.pick(&["DC1", "DC2", "Campus A", "Site 2", "Hall 3", "Warehouse"])
            )
        };
        sites.push(Site {
            name: sname,
            addr: a,
            country,
            typ,
        });
    }
    if sites.is_empty() {
        sites.push(Site {
            name: p.name.clone(),
            addr: p.addr.clone(),
            country,
            typ,
        });
    }
    let johor = sites.iter().any(|s| s.addr.contains("Johor")) || country == "ID";
    let via_sg = johor && matches!(country, "MY" | "ID");

    // Benign consolidators and 3PLs.
    let (consolidator, consol_p) =
        if kind == Kind::Integrator && matches!(country, "ID" | "VN" | "PH") && rng.chance(0.35) {
            let sg: Vec<&Site> = fwd.iter().filter(|s| s.country == "SG").collect();
            let s = if rng.chance(0.5) && !sg.is_empty() {
                (*rng.pick(&sg)).clone()
            } else {
                Site {
                    name: format!("{} Singapore", rng.pick(BIG_FWD)),
                    addr: sg_addr(rng, Style::Cargo),
                    country: "SG",
                    typ: "forwarder",
                }
            };
            (Some(s), 0.45)
        } else if matches!(kind, Kind::Dc | Kind::PropDev | Kind::Cloud)
            && country == "MY"
            && rng.chance(0.25)
        {
            let s = Site {
                name: named(rng, "MY", &["Logistics"]),
                addr: my_addr(rng, Style::Industrial),
                country: "MY",
                typ: "logistics",
            };
            (Some(s), 0.35)
        } else if kind == Kind::Distributor && rng.chance(0.15) {
            let s = if rng.chance(0.5) {
                rng.pick(fwd).clone()
            } else {
                Site {
                    name: format!("{} {}", rng.pick(BIG_FWD), country),
                    addr: addr(rng, country, Style::Cargo),
                    country,
                    typ: "logistics",
                }
            };
            (Some(s), 0.3)
        } else if matches!(kind, Kind::Cloud | Kind::Hyper) && rng.chance(0.3) {
            let nm = format!(
                "{} {}",
                named(
                    rng,
                    country,
                    &["Logistics", "Integration Services", "Rack Integration"]
                ),
                rng.pick(&["Staging Facility", "Integration Centre", "Warehouse"])
            );
            (
                Some(Site {
                    name: nm,
                    addr: addr(rng, country, Style::Industrial),
                    country,
                    typ: "logistics",
                }),
                0.25,
            )
        } else if rng.chance(0.05) {
            (
                Some(Site {
                    name: format!("{} {}", rng.pick(BIG_FWD), country),
                    addr: addr(rng, country, Style::Cargo),
                    country,
                    typ: "logistics",
                }),
                0.3,
            )
        } else {
            (None, 0.0)
        };

    // End users served.
    let mut clients = Vec::new();
    let n_clients = match kind {
        Kind::Integrator => rng.range(2, 6),
        Kind::Distributor => rng.range(1, 4),
        Kind::Dc | Kind::PropDev => rng.range(0, 4),
        _ => 0,
    };
    for _ in 0..n_clients {
        let cc: &'static str = match (kind, country) {
            (Kind::Integrator, "SG") => rng.wpick(&[
                ("SG", 55.0),
                ("ID", 12.0),
                ("VN", 8.0),
                ("PH", 8.0),
                ("MY", 10.0),
                ("TH", 7.0),
            ]),
            (Kind::Dc | Kind::PropDev, _) => {
                if rng.chance(0.6) {
                    country
                } else {
                    rng.wpick(&[
                        ("SG", 3.0),
                        ("JP", 2.0),
                        ("US", 3.0),
                        ("KR", 1.0),
                        ("AU", 1.0),
                    ])
                }
            }
            _ => country,
        };
        let k = match kind {
            Kind::Dc | Kind::PropDev => format!(
                "{} {}",
                brand(rng),
                rng.pick(&["Cloud", "AI", "Compute", "Digital"])
            ),
            _ => format!(
                "{} {}",
                brand(rng),
                rng.pick(&[
                    "Bank",
                    "Telecom",
                    "Motors",
                    "Media",
                    "Energy",
                    "Healthcare",
                    "Retail",
                    "Analytics",
                    "Studios",
                    "Research"
                ])
            ),
        };
        let nm = company(rng, cc, &k);
        let s = since_date(rng, 0.2);
        clients.push(new_party(rng, nm, cc, Style::Office, s));
    }

    // Parents, third-party payers.
    let parent_p = match kind {
        Kind::Dc => {
            if country == "SG" {
                0.3
            } else {
                0.45
            }
        }
        Kind::Cloud => 0.2,
        Kind::Enterprise => 0.3,
        Kind::Integrator => 0.1,
        Kind::Distributor => {
            if country == "HK" {
                0.7
            } else {
                0.15
            }
        }
        Kind::PropDev => 0.7,
        _ => 0.0,
    };
    let parent = if rng.chance(parent_p) {
        let pc: &'static str = if country == "HK" {
            if rng.chance(0.6) { "CN" } else { "HK" }
        } else if kind == Kind::PropDev {
            country
        } else if matches!(kind, Kind::Dc | Kind::Cloud | Kind::Enterprise) && rng.chance(0.1) {
            rng.word(&["CN", "HK"])
        } else {
            rng.wpick(&[
                ("SG", 3.0),
                ("JP", 3.0),
                ("US", 3.0),
                ("KR", 1.0),
                ("AU", 1.0),
                ("TH", 1.0),
                ("MY", 1.0),
                ("GB", 1.0),
            ])
        };
        let pb = if kind == Kind::PropDev || rng.chance(0.5) {
            b.clone()
        } else {
            brand(rng)
        };
        let nm = match pc {
            "CN" => format!(
                "{} {} Co., Ltd.",
                rng.pick(&["Shenzhen", "Beijing", "Shanghai", "Hangzhou"]),
                pb
            ),
            "GB" => format!("{pb} Group plc"),
            _ => {
                let sfx = rng.word(&["Holdings", "Group", "Corporation"]);
                company(rng, pc, &format!("{pb} {sfx}"))
            }
        };
        Some((nm, pc))
    } else {
        None
    };
    let china_safe = country == "HK" || matches!(parent, Some((_, "CN" | "HK")));
    let (alt_payer, alt_payer_p) = if let Some((pn, pc)) =
        parent.as_ref().filter(|_| rng.chance(0.5))
    {
        (Some((pn.clone(), *pc)), 0.5)
    } else if matches!(kind, Kind::Cloud | Kind::Startup | Kind::Enterprise) && rng.chance(0.22) {
        let lc: &'static str = rng.wpick(&[
            ("SG", 3.0),
            ("US", 4.0),
            ("JP", 2.0),
            ("AU", 1.0),
            ("HK", 0.4),
        ]);
        let ln = named(
            rng,
            lc,
            &[
                "Capital Leasing",
                "GPU Finance",
                "Equipment Finance",
                "Leasing",
                "Asset Finance",
            ],
        );
        (Some((ln, lc)), 0.6)
    } else if kind == Kind::Integrator && rng.chance(0.06) {
        let ln = named(rng, country, &["Trade Finance"]);
        (Some((ln, country)), 0.5)
    } else {
        (None, 0.0)
    };

    let mw = match kind {
        Kind::Dc if rng.chance(0.75) => {
            Some(rng.logu(5, if country == "MY" { 300 } else { 120 }) as f64)
        }
        Kind::PropDev if rng.chance(0.8) => Some(rng.logu(20, 200) as f64),
        Kind::Cloud if rng.chance(0.5) => Some(rng.logu(5, 400) as f64 / 10.0),
        Kind::Hyper if rng.chance(0.3) => Some(rng.logu(50, 500) as f64),
        Kind::Startup if rng.chance(0.06) => Some(rng.logu(5, 150) as f64 / 100.0),
        Kind::Enterprise if rng.chance(0.05) => Some(rng.logu(2, 50) as f64 / 10.0),
        _ => None,
    };
    let profile = if china_safe {
        P_CHINA_SAFE
    } else {
        match kind {
            Kind::Dc | Kind::Cloud | Kind::Hyper | Kind::PropDev => P_SYSTEMS,
            Kind::Univ | Kind::Enterprise => P_RESEARCH,
            Kind::Integrator | Kind::Distributor => P_CHANNEL,
            Kind::Startup => P_STARTUP,
        }
    };
    let decline_p = match kind {
        Kind::Hyper => 0.9,
        Kind::Cloud => 0.5,
        Kind::Dc => 0.35,
        Kind::Integrator => 0.7,
        Kind::Distributor => 0.6,
        Kind::Univ => 0.3,
        Kind::Enterprise => 0.2,
        Kind::Startup => 0.55,
        Kind::PropDev => 0.3,
    };
    let u = rng.f();
    let weight = mult * (1.0 / (u + 0.03)).powf(0.8);
    Customer {
        kind,
        p,
        webmail_p,
        sites,
        consolidator,
        consol_p,
        clients,
        parent,
        alt_payer,
        alt_payer_p,
        mw,
        weight,
        stem,
        profile,
        via_sg,
        decline_p,
    }
}

fn legit_end_use(rng: &mut Rng, kind: Kind) -> &'static str {
    let xs: &[&str] = match kind {
        Kind::Dc | Kind::PropDev => &[
            "colocation tenant AI cluster",
            "GPU cloud (IaaS) for regional customers",
            "AI training cluster",
            "sovereign AI cloud",
            "LLM inference platform",
            "AI-ready colocation halls",
        ],
        Kind::Cloud | Kind::Hyper => &[
            "GPU cloud (IaaS)",
            "AI training cluster",
            "LLM inference platform",
            "managed AI services",
            "HPC cloud",
            "sovereign AI cloud",
        ],
        Kind::Univ => &[
            "academic research (HPC)",
            "university AI research lab",
            "teaching lab",
            "climate modelling",
            "bioinformatics research",
        ],
        Kind::Integrator => &[
            "integration for end customer",
            "system integration project",
            "resale to end customers",
            "turnkey AI cluster for client",
            "project delivery",
        ],
        Kind::Distributor => &[
            "stock for resale",
            "channel inventory",
            "distribution",
            "resale to system builders",
        ],
        Kind::Enterprise => &[
            "fraud analytics",
            "computer vision",
            "internal LLM",
            "engineering simulation",
            "video rendering",
            "drug discovery",
            "recommendation engine",
        ],
        Kind::Startup => &[
            "model training",
            "inference API",
            "R&D",
            "fine-tuning",
            "robotics simulation",
        ],
    };
    rng.word(xs)
}

fn legit_order(rng: &mut Rng, c: &Customer, fwd: &[Site]) -> Row {
    let start = (c.p.since + 20).clamp(LEDGER_START, LEDGER_END - 30);
    let t = rng.f().powf(0.75);
    let date = start + ((LEDGER_END - start) as f64 * t) as i64;
    let (seller, sc) = seller_for(rng, c.p.country);
    let it = pick_item(rng, c.profile, date);
    let (sys, card) = match c.kind {
        Kind::Dc => ((2, 48), (8, 256)),
        Kind::Cloud => ((2, 64), (8, 512)),
        Kind::Hyper => ((16, 512), (64, 2048)),
        Kind::Univ => ((1, 4), (1, 16)),
        Kind::Integrator => ((1, 16), (2, 96)),
        Kind::Distributor => ((2, 24), (10, 500)),
        Kind::Enterprise => ((1, 8), (2, 32)),
        Kind::Startup => ((1, 8), (1, 16)),
        Kind::PropDev => ((8, 64), (32, 256)),
    };
    let mut r = Row {
        date,
        tie: rng.next(),
        seller: seller.to_string(),
        seller_country: sc.to_string(),
        bill_name: c.p.name.clone(),
        bill_addr: c.p.addr.clone(),
        bill_country: c.p.country.to_string(),
        item: it.id.to_string(),
        qty: qty(rng, it, sys, card),
        ..Default::default()
    };
    r.price = price(rng, it, date);
    if rng.chance(0.01) {
        r.price *= 0.6; // promotional / rebate pricing
    }
    r.hs = if rng.chance(0.015) {
        hs_wrong(rng, it.form)
    } else {
        hs_normal(rng, it.form)
    }
    .to_string();

    // Ship-to and end user.
    let mut eu: Option<(String, String, &'static str)> = None;
    let self_eu = (c.p.name.clone(), c.p.addr.clone(), c.p.country);
    let ship: Site = if let Some(cs) = c.consolidator.as_ref().filter(|_| rng.chance(c.consol_p)) {
        cs.clone()
    } else if c.kind == Kind::Integrator && !c.clients.is_empty() && rng.chance(0.45) {
        let cl = rng.pick(&c.clients);
        eu = Some((cl.name.clone(), cl.addr.clone(), cl.country));
        Site {
            name: cl.name.clone(),
            addr: cl.addr.clone(),
            country: cl.country,
            typ: "end_user",
        }
    } else {
        rng.pick(&c.sites).clone()
    };
    if eu.is_none() {
        let r0 = rng.f();
        eu = match c.kind {
            Kind::Integrator => {
                if r0 < 0.65 && !c.clients.is_empty() {
                    let cl = rng.pick(&c.clients);
                    Some((cl.name.clone(), cl.addr.clone(), cl.country))
                } else {
                    None
                }
            }
            Kind::Distributor => {
                if r0 < 0.25 && !c.clients.is_empty() {
                    let cl = rng.pick(&c.clients);
                    Some((cl.name.clone(), cl.addr.clone(), cl.country))
                } else if c.parent.is_some() && r0 < 0.65 {
                    Some(self_eu.clone())
                } else {
                    None
                }
            }
            Kind::Dc | Kind::PropDev => {
                if r0 < 0.3 && !c.clients.is_empty() {
                    let cl = rng.pick(&c.clients);
                    Some((cl.name.clone(), ship.addr.clone(), ship.country))
                } else if r0 < 0.75 {
                    Some((self_eu.0.clone(), ship.addr.clone(), ship.country))
                } else {
                    None
                }
            }
            _ => {
                if r0 < 0.75 {
                    Some(self_eu.clone())
                } else {
                    None
                }
            }
        };
    }
    r.ship_name = ship.name.clone();
    r.ship_addr = ship.addr.clone();
    r.ship_country = ship.country.to_string();
    r.ship_type = if rng.chance(0.12) {
        String::new()
    } else {
        ship.typ.to_string()
    };
    if let Some((n, a, cc)) = eu {
        let is_self = n == c.p.name;
        r.eu_name = n;
        r.eu_addr = if rng.chance(0.15) { String::new() } else { a };
        r.eu_country = cc.to_string();
        if is_self && let Some((pn, pc)) = c.parent.as_ref().filter(|_| rng.chance(0.7)) {
            r.eu_parent = pn.clone();
            r.eu_parent_country = pc.to_string();
        }
    }

    // Payer.
    if let Some((pn, pc)) = c.alt_payer.as_ref().filter(|_| rng.chance(c.alt_payer_p)) {
        r.payer_name = pn.clone();
        r.payer_country = pc.to_string();
    } else {
        r.payer_name = c.p.name.clone();
        r.payer_country = c.p.country.to_string();
    }

    // Route.
    let o = origin(rng, sc);
    let dest = ship.country;
    let mut legs: Vec<&str> = vec![o];
    if c.via_sg && dest != "SG" && rng.chance(0.65) {
        legs.push("SG");
    } else if matches!(dest, "VN" | "PH") && rng.chance(0.08) {
        legs.push("HK");
    }
    if *legs.last().unwrap_or(&"") != dest {
        legs.push(dest);
    }
    r.route = legs.join(";");

    let w: &[(&'static str, f64)] = match c.kind {
        Kind::Dc | Kind::Hyper | Kind::PropDev | Kind::Univ | Kind::Enterprise => &[
            ("DAP", 40.0),
            ("DDP", 25.0),
            ("FCA", 12.0),
            ("CIP", 8.0),
            ("EXW", 5.0),
            ("CIF", 5.0),
        ],
        Kind::Cloud | Kind::Startup => &[
            ("DAP", 35.0),
            ("DDP", 20.0),
            ("FCA", 20.0),
            ("EXW", 12.0),
            ("CIP", 5.0),
            ("CIF", 3.0),
        ],
        Kind::Integrator | Kind::Distributor => &[
            ("EXW", 28.0),
            ("FCA", 28.0),
            ("DAP", 24.0),
            ("CIF", 12.0),
            ("DDP", 5.0),
            ("CPT", 3.0),
        ],
    };
    let small_p = if matches!(c.kind, Kind::Integrator | Kind::Distributor) {
        0.3
    } else {
        0.08
    };
    let (inc, f) = terms(rng, w, fwd, small_p);
    r.incoterm = inc;
    r.forwarder = if ship.typ == "forwarder" && rng.chance(0.6) {
        ship.name.clone()
    } else {
        f
    };
    r.currency = local_currency(rng, c.p.country, 0.15).to_string();
    r.end_use = if rng.chance(0.28) {
        String::new()
    } else {
        legit_end_use(rng, c.kind).to_string()
    };
    r.install = tri(rng, c.decline_p * 0.7, (1.0 - c.decline_p) * 0.7).to_string();
    r.since = fmt_date(c.p.since);
    r.email = c.p.email(rng, c.webmail_p);
    r.phone = if rng.chance(0.05) {
        phone(rng, c.p.country, true)
    } else {
        c.p.phone.clone()
    };
    if let Some(m) = c.mw.filter(|_| rng.chance(0.7)) {
        r.mw = mw_str(m);
    }
    blank_some(rng, &mut r);
    r
}

/// Group entities of a legitimate customer (SPVs, regional arms) that share its office,
/// switchboard, domain and staff.
fn sibling(rng: &mut Rng, c: &Customer) -> Customer {
    let tag = rng.word(&[
        "DC 2",
        "Services",
        "International",
        "Asia",
        "Digital",
        "Holdings",
        "Operations",
    ]);
    let country = c.p.country;
    let name = if c.kind == Kind::Univ {
        format!("{} {tag}", c.p.name)
    } else {
        company(rng, country, &format!("{} {tag}", c.stem))
    };
    let mut p = c.p.clone();
    p.name = name.clone();
    if rng.chance(0.5) {
        p.addr = addr(rng, country, Style::Office);
    }
    if rng.chance(0.4) {
        p.phone = phone(rng, country, false);
    }
    p.since = (c.p.since.max(days(2005, 1, 1)) + rng.range(0, 1500)).min(days(2025, 9, 30));
    let sites = c
        .sites
        .iter()
        .map(|s| Site {
            name: if s.name.starts_with(&c.p.name) {
                s.name.replacen(&c.p.name, &name, 1)
            } else {
                s.name.clone()
            },
            ..s.clone()
        })
        .collect();
    Customer {
        kind: c.kind,
        p,
        webmail_p: c.webmail_p,
        sites,
        consolidator: c.consolidator.clone(),
        consol_p: c.consol_p,
        clients: c.clients.clone(),
        parent: c.parent.clone(),
        alt_payer: c.alt_payer.clone(),
        alt_payer_p: c.alt_payer_p,
        mw: c.mw,
        weight: c.weight * 0.5,
        stem: c.stem.clone(),
        profile: c.profile,
        via_sg: c.via_sg,
        decline_p: c.decline_p,
    }
}

fn legit(rng: &mut Rng, fwd: &[Site], vo: &[Vo], n: usize, out: &mut Vec<Row>) {
    if n == 0 {
        return;
    }
    let n_cust = (n / 14).max(8);
    let mut custs: Vec<Customer> = Vec::with_capacity(n_cust + n_cust / 4);
    while custs.len() < n_cust {
        let c = make_customer(rng, fwd, vo);
        let group = matches!(
            c.kind,
            Kind::Dc
                | Kind::Cloud
                | Kind::PropDev
                | Kind::Enterprise
                | Kind::Distributor
                | Kind::Integrator
        ) && rng.chance(0.12);
        if group {
            for _ in 0..rng.range(1, 3) {
                let s = sibling(rng, &c);
                custs.push(s);
            }
        }
        custs.push(c);
    }
    let mut cum = Vec::with_capacity(custs.len());
    let mut acc = 0.0;
    for c in &custs {
        // Customers that start late get fewer orders.
        let active = ((LEDGER_END - c.p.since.max(LEDGER_START)) as f64
            / (LEDGER_END - LEDGER_START) as f64)
            .clamp(0.08, 1.0);
        acc += c.weight * active;
        cum.push(acc);
    }
    for _ in 0..n {
        let x = rng.f() * acc;
        let i = cum.partition_point(|&v| v < x).min(custs.len() - 1);
        out.push(legit_order(rng, &custs[i], fwd));
    }
}

// ---------------------------------------------------------------------------------------------
// Diverted schemes

fn split(rng: &mut Rng, n: usize, k: usize) -> Vec<usize> {
    let k = k.max(1);
    let mut v = vec![n / k; k];
    for _ in 0..(n % k) {
        let i = rng.below(k);
        v[i] += 1;
    }
    v
}

/// A network's active window; some networks are later copycats of the charged pattern.
fn window(rng: &mut Rng, from: i64, to: i64) -> (i64, i64) {
    let (mut a, mut b) = (from, to);
    if rng.chance(0.3) {
        let s = rng.range(180, 420);
        a += s;
        b += s;
    }
    a = a.max(LEDGER_START);
    b = b.min(LEDGER_END);
    if a > b - 30 {
        a = b - 30;
    }
    (a, b)
}

fn legs(v: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for x in v {
        if out.last() != Some(x) {
            out.push(x);
        }
    }
    out.join(";")
}

fn cn_payer(rng: &mut Rng, hk_p: f64) -> (String, &'static str) {
    let b = brand(rng);
    if rng.chance(hk_p) {
        let f = rng.word(&[
            "{} International Trading Limited",
            "{} Technology (HK) Co., Limited",
            "{} Supply Chain Limited",
            "{} Electronics (HK) Limited",
            "{} Global Sourcing Limited",
        ]);
        (f.replace("{}", &b), "HK")
    } else {
        let f = rng.word(&[
            "Shenzhen {} Technology Co., Ltd.",
            "Beijing {} Information Technology Co., Ltd.",
            "Hangzhou {} Intelligent Technology Co., Ltd.",
            "Guangzhou {} Trading Co., Ltd.",
            "Shanghai {} Computing Co., Ltd.",
        ]);
        (f.replace("{}", &b), "CN")
    }
}

fn avail(profile: Profile, date: i64) -> Vec<(&'static str, f64)> {
    profile
        .iter()
        .copied()
        .filter(|(id, _)| {
            let i = item(id);
            i.from <= date && date <= i.to
        })
        .collect()
}

fn pick_div_item(rng: &mut Rng, profile: Profile, date: i64) -> &'static Item {
    let a = avail(profile, date);
    if a.is_empty() {
        return item(profile[0].0);
    }
    item(rng.wpick(&a))
}

fn set_ship(r: &mut Row, s: &Site, typ: &str) {
    r.ship_name = s.name.clone();
    r.ship_addr = s.addr.clone();
    r.ship_country = s.country.to_string();
    r.ship_type = typ.to_string();
}

fn base_row(
    rng: &mut Rng,
    scheme: &'static str,
    date: i64,
    seller: (&str, &str),
    bill: &Party,
) -> Row {
    Row {
        date,
        tie: rng.next(),
        seller: seller.0.to_string(),
        seller_country: seller.1.to_string(),
        bill_name: bill.name.clone(),
        bill_addr: bill.addr.clone(),
        bill_country: bill.country.to_string(),
        since: fmt_date(bill.since),
        phone: bill.phone.clone(),
        currency: "USD".to_string(),
        scheme,
        ..Default::default()
    }
}

fn set_item(rng: &mut Rng, r: &mut Row, it: &Item, q: u32, wrong_hs: f64, under_p: f64) {
    r.item = it.id.to_string();
    r.qty = q;
    r.price = price(rng, it, r.date);
    if rng.chance(under_p) {
        r.price *= 0.25 + 0.25 * rng.f();
    }
    r.hs = if rng.chance(wrong_hs) {
        hs_wrong(rng, it.form)
    } else {
        hs_normal(rng, it.form)
    }
    .to_string();
}

const SELLER_US: (&str, &str) = ("Kestrel Systems Inc.", "US");
const SELLER_SG: (&str, &str) = ("Kestrel Systems Asia Pte. Ltd.", "SG");

const P_SG_SERVERS: Profile = &[
    ("HGX-H100-8GPU", 55.0),
    ("HGX-H200-8GPU", 20.0),
    ("DGX-H100", 15.0),
    ("H100-SXM", 10.0),
];

/// Singapore server fraud: related SG companies or a one-man SG firm claim to be the end user,
/// and the servers go on to Malaysia.
fn scheme_sg(rng: &mut Rng, fwd: &[Site], n: usize, out: &mut Vec<Row>) {
    if n == 0 {
        return;
    }
    let k = n.div_ceil(14);
    for cnt in split(rng, n, k) {
        if rng.chance(0.55) {
            sg_group(rng, fwd, cnt, out);
        } else {
            sg_front(rng, fwd, cnt, out);
        }
    }
}

fn sg_group(rng: &mut Rng, fwd: &[Site], n: usize, out: &mut Vec<Row>) {
    let (w0, w1) = window(rng, days(2023, 10, 1), days(2025, 2, 20));
    let director = person_local(rng, "SG");
    let office = sg_addr(rng, Style::Office);
    let main_phone = phone(rng, "SG", false);
    let kinds = [
        "Cloud Services",
        "Tech Allianz",
        "Global Services",
        "Infotech",
        "Digital",
    ];
    let k = rng.range(3, 5) as usize;
    let mut cos: Vec<Party> = Vec::new();
    let b0 = brand(rng);
    for (i, kind) in kinds.iter().enumerate().take(k) {
        let b = if i == 0 { b0.clone() } else { brand(rng) };
        let name = company(rng, "SG", &format!("{b} {kind}"));
        let a = if i == 0 || rng.chance(0.7) {
            office.clone()
        } else {
            sg_addr(rng, Style::Office)
        };
        let ph = if i == 0 || rng.chance(0.6) {
            main_phone.clone()
        } else {
            phone(rng, "SG", false)
        };
        let d = domain(rng, &name, "SG");
        let people = vec![director.clone(), person_local(rng, "SG")];
        let since = match i {
            3 => rng.range(days(2003, 1, 1), days(2012, 12, 31)),
            0 => rng.range(days(2018, 1, 1), days(2022, 6, 30)),
            _ => rng.range(days(2020, 1, 1), days(2023, 6, 30)),
        };
        cos.push(Party {
            name,
            addr: a,
            country: "SG",
            domain: d,
            people,
            phone: ph,
            since,
        });
    }
    let parent = company(rng, "SG", &format!("{b0} Holdings"));
    let tenant = format!("{b0} Cloud (M) Sdn. Bhd.");
    let dc = Site {
        name: tenant.clone(),
        addr: format!(
            "Jalan Jalil Perkasa {}, Bukit Jalil, 57000 Kuala Lumpur",
            rng.range(1, 19)
        ),
        country: "MY",
        typ: "datacenter",
    };
    let dc_mw = rng.range(10, 15) as f64;
    let tpl = Site {
        name: named(rng, "SG", &["Logistics"]),
        addr: sg_addr(rng, Style::Industrial),
        country: "SG",
        typ: "logistics",
    };
    let hk = cn_payer(rng, 0.8);
    for _ in 0..n {
        let bi = if rng.chance(0.5) {
            0
        } else {
            rng.below(cos.len())
        };
        let bill = cos[bi].clone();
        let date = rng.range(w0, w1).max(bill.since + 30);
        let seller = if rng.chance(0.7) {
            SELLER_SG
        } else {
            SELLER_US
        };
        let mut r = base_row(rng, S_SG, date, seller, &bill);
        let it = pick_div_item(rng, P_SG_SERVERS, date);
        let q = qty(rng, it, (8, 64), (64, 512));
        set_item(rng, &mut r, it, q, 0.08, 0.03);
        let x = rng.f();
        let to_my = x >= 0.70;
        if x < 0.38 {
            let own = Site {
                name: bill.name.clone(),
                addr: bill.addr.clone(),
                country: "SG",
                typ: "end_user",
            };
            let t = rng.wpick(&[("end_user", 60.0), ("datacenter", 20.0), ("", 20.0)]);
            set_ship(&mut r, &own, t);
        } else if x < 0.70 {
            let t = if rng.chance(0.8) { "logistics" } else { "" };
            set_ship(&mut r, &tpl, t);
        } else {
            let t = if rng.chance(0.85) { "datacenter" } else { "" };
            set_ship(&mut r, &dc, t);
        }
        let y = rng.f();
        let eu_tenant = if to_my {
            y < 0.8
        } else {
            (0.65..0.80).contains(&y)
        };
        if eu_tenant {
            r.eu_name = tenant.clone();
            r.eu_addr = dc.addr.clone();
            r.eu_country = "MY".into();
        } else if !to_my && y < 0.65 {
            r.eu_name = bill.name.clone();
            r.eu_addr = bill.addr.clone();
            r.eu_country = "SG".into();
        }
        if !r.eu_name.is_empty() {
            let z = rng.f();
            if z < 0.40 {
                r.eu_parent = parent.clone();
                r.eu_parent_country = "SG".into();
            } else if z < 0.45 {
                r.eu_parent = hk.0.clone();
                r.eu_parent_country = hk.1.into();
            }
        }
        let z = rng.f();
        if z < 0.58 || cos.len() < 2 {
            r.payer_name = bill.name.clone();
            r.payer_country = "SG".into();
        } else if z < 0.87 {
            let sis = &cos[(bi + 1 + rng.below(cos.len() - 1)) % cos.len()];
            r.payer_name = sis.name.clone();
            r.payer_country = "SG".into();
        } else {
            r.payer_name = hk.0.clone();
            r.payer_country = hk.1.into();
        }
        let o = if seller.1 == "US" {
            "US"
        } else {
            rng.wpick(&[("TW", 45.0), ("US", 40.0), ("MY", 15.0)])
        };
        r.route = if to_my {
            if rng.chance(0.7) {
                legs(&[o, "SG", "MY"])
            } else {
                legs(&[o, "MY"])
            }
        } else if rng.chance(0.25) {
            legs(&[o, "SG", "MY"])
        } else {
            legs(&[o, "SG"])
        };
        r.install = tri(rng, 0.5, 0.2).into();
        r.email = bill.email(rng, 0.08);
        if rng.chance(if eu_tenant || to_my { 0.6 } else { 0.3 }) {
            r.mw = mw_str(dc_mw);
        }
        let (inc, f) = terms(
            rng,
            &[
                ("FCA", 30.0),
                ("EXW", 20.0),
                ("DAP", 35.0),
                ("DDP", 10.0),
                ("CIP", 5.0),
            ],
            fwd,
            0.6,
        );
        r.incoterm = inc;
        r.forwarder = f;
        r.end_use = rng
            .pick(&[
                "GPU cloud services (NVIDIA cloud partner)",
                "AI cloud for ASEAN enterprise customers",
                "sovereign AI cloud, Malaysia",
                "AI training cluster",
                "GPU cloud (IaaS)",
                "",
            ])
            .to_string();
        if rng.chance(0.2) {
            r.currency = "SGD".into();
        }
        blank_some(rng, &mut r);
        out.push(r);
    }
}

fn sg_front(rng: &mut Rng, fwd: &[Site], n: usize, out: &mut Vec<Row>) {
    let (w0, w1) = window(rng, days(2023, 2, 1), days(2024, 6, 30));
    let person = person_local(rng, "CN");
    let mobile = phone(rng, "SG", true);
    let nc = rng.range(1, 3) as usize;
    let mut cos = Vec::new();
    for _ in 0..nc {
        let b = brand(rng);
        let base = rng
            .pick(&[
                "{} Lifestyle",
                "Luxe {} Living",
                "{} Concierge",
                "{} Home & Living",
                "{} Wellness",
                "{} Luxury Trading",
            ])
            .replace("{}", &b);
        let name = company(rng, "SG", &base);
        let a = if rng.chance(0.3) {
            sg_addr(rng, Style::Residential)
        } else {
            sg_addr(rng, Style::Office)
        };
        let d = domain(rng, &name, "SG");
        let since = w0 - rng.range(30, 500);
        cos.push(Party {
            name,
            addr: a,
            country: "SG",
            domain: d,
            people: vec![person.clone()],
            phone: mobile.clone(),
            since,
        });
    }
    let other_acct = named(rng, "SG", &["Technology"]);
    let hk = cn_payer(rng, 0.7);
    let my_cons = Site {
        name: named(rng, "MY", &["Technology"]),
        addr: {
            let st = if rng.chance(0.5) {
                Style::Dc
            } else {
                Style::Office
            };
            my_addr(rng, st)
        },
        country: "MY",
        typ: "distributor",
    };
    let sg_fwd: Vec<&Site> = fwd.iter().filter(|s| s.country == "SG").collect();
    let tpl = Site {
        name: named(rng, "SG", &["Logistics"]),
        addr: sg_addr(rng, Style::Industrial),
        country: "SG",
        typ: "logistics",
    };
    let profile: Profile = &[
        ("HGX-H100-8GPU", 45.0),
        ("DGX-H100", 20.0),
        ("H100-SXM", 25.0),
        ("HGX-H200-8GPU", 10.0),
    ];
    for _ in 0..n {
        let bill = rng.pick(&cos).clone();
        let date = rng.range(w0, w1).max(bill.since + 30);
        let seller = if rng.chance(0.75) {
            SELLER_SG
        } else {
            SELLER_US
        };
        let mut r = base_row(rng, S_SG, date, seller, &bill);
        let it = pick_div_item(rng, profile, date);
        let q = qty(rng, it, (4, 40), (32, 320));
        set_item(rng, &mut r, it, q, 0.08, 0.04);
        let x = rng.f();
        let to_my = x >= 0.80;
        if x < 0.30 {
            set_ship(&mut r, &tpl, if rng.chance(0.8) { "logistics" } else { "" });
        } else if x < 0.50 && !sg_fwd.is_empty() {
            let f = (*rng.pick(&sg_fwd)).clone();
            set_ship(&mut r, &f, if rng.chance(0.7) { "forwarder" } else { "" });
        } else if x < 0.80 {
            let own = Site {
                name: bill.name.clone(),
                addr: bill.addr.clone(),
                country: "SG",
                typ: "end_user",
            };
            set_ship(&mut r, &own, if rng.chance(0.75) { "end_user" } else { "" });
        } else {
            let t = rng.word(&["distributor", "datacenter", ""]);
            set_ship(&mut r, &my_cons, t);
        }
        if rng.chance(0.7) {
            r.eu_name = bill.name.clone();
            r.eu_addr = bill.addr.clone();
            r.eu_country = "SG".into();
        }
        let z = rng.f();
        if z < 0.45 {
            r.payer_name = bill.name.clone();
            r.payer_country = "SG".into();
        } else if z < 0.85 {
            r.payer_name = other_acct.clone();
            r.payer_country = "SG".into();
        } else {
            r.payer_name = hk.0.clone();
            r.payer_country = hk.1.into();
        }
        let o = if seller.1 == "US" {
            "US"
        } else {
            rng.wpick(&[("TW", 45.0), ("US", 40.0), ("MY", 15.0)])
        };
        r.route = if to_my {
            if rng.chance(0.6) {
                legs(&[o, "SG", "MY"])
            } else {
                legs(&[o, "MY"])
            }
        } else if rng.chance(0.2) {
            legs(&[o, "SG", "MY"])
        } else {
            legs(&[o, "SG"])
        };
        r.install = tri(rng, 0.65, 0.1).into();
        r.email = bill.email(rng, 0.45);
        if rng.chance(0.4) {
            r.mw = mw_str(0.2 + 0.6 * rng.f());
        }
        let (inc, f) = terms(
            rng,
            &[("EXW", 35.0), ("FCA", 30.0), ("DAP", 30.0), ("CIF", 5.0)],
            fwd,
            0.6,
        );
        r.incoterm = inc;
        r.forwarder = if r.ship_type == "forwarder" && rng.chance(0.6) {
            r.ship_name.clone()
        } else {
            f
        };
        r.end_use = rng
            .pick(&[
                "AI inference services",
                "cloud rendering services",
                "recommendation engine for lifestyle platform",
                "AI platform",
                "",
                "",
            ])
            .to_string();
        blank_some(rng, &mut r);
        out.push(r);
    }
}

const P_ALX: Profile = &[
    ("A100", 10.0),
    ("H100-SXM", 30.0),
    ("H100-PCIE", 20.0),
    ("HGX-H100-8GPU", 20.0),
    ("RTX-4090", 20.0),
    ("H200", 10.0),
    ("RTX-5090", 8.0),
];

/// ALX Solutions pattern: a young California shell ships to SG/MY forwarders, claims a Singapore
/// end user that cannot be found, and is paid from Hong Kong and China.
fn scheme_alx(rng: &mut Rng, fwd: &[Site], vo: &[Vo], n: usize, out: &mut Vec<Row>) {
    if n == 0 {
        return;
    }
    let k = n.div_ceil(12);
    for cnt in split(rng, n, k) {
        let (w0, w1) = window(rng, days(2023, 1, 5), days(2025, 7, 31));
        let people = vec![person_local(rng, "CN"), person_local(rng, "CN")];
        let ns = rng.range(1, 2) as usize;
        let mut shells = Vec::new();
        for _ in 0..ns {
            let b = brand(rng);
            let base = rng
                .pick(&["{} Solutions", "{} Technology", "{} Tech Supply", "{} Tech"])
                .replace("{}", &b);
            let name = format!("{base} {}", rng.pick(&["Inc.", "Inc.", "LLC"]));
            let c = us_city(rng.word(&[
                "El Monte",
                "City of Industry",
                "Walnut",
                "Alhambra",
                "Pasadena",
            ]));
            let a = match pick_vo(rng, vo, "US").filter(|_| rng.chance(0.15)) {
                Some(v) => v,
                None => us_addr(rng, c, Style::Office),
            };
            let ph = us_phone(rng, c.3);
            let d = domain(rng, &name, "US");
            let since = w0 - rng.range(20, 110);
            shells.push(Party {
                name,
                addr: a,
                country: "US",
                domain: d,
                people: people.clone(),
                phone: ph,
                since,
            });
        }
        let pool: Vec<&Site> = fwd
            .iter()
            .filter(|s| s.country == "SG" || s.country == "MY")
            .collect();
        let nf = rng.range(3, 6) as usize;
        let mut fwds: Vec<Site> = (0..nf).map(|_| (*rng.pick(&pool)).clone()).collect();
        if rng.chance(0.3) {
            fwds.push(Site {
                name: format!("{} Malaysia", rng.pick(BIG_FWD)),
                addr: my_addr(rng, Style::Cargo),
                country: "MY",
                typ: "forwarder",
            });
        }
        let ne = rng.range(2, 4) as usize;
        let eus: Vec<(String, String)> = (0..ne)
            .map(|_| {
                let nm = named(
                    rng,
                    "SG",
                    &["Technology", "Computing", "Digital", "Systems"],
                );
                let st = rng.wpick(&[
                    (Style::SimLim, 30.0),
                    (Style::Vague, 35.0),
                    (Style::Office, 35.0),
                ]);
                (nm, sg_addr(rng, st))
            })
            .collect();
        let np = rng.range(2, 4) as usize;
        let payers: Vec<(String, &'static str)> = (0..np).map(|_| cn_payer(rng, 0.62)).collect();
        for _ in 0..cnt {
            let bill = rng.pick(&shells).clone();
            let date = rng.range(w0, w1).max(bill.since + 10);
            let mut r = base_row(rng, S_ALX, date, SELLER_US, &bill);
            let it = pick_div_item(rng, P_ALX, date);
            let card = if it.id.starts_with("RTX") {
                (40, 600)
            } else {
                (16, 320)
            };
            let q = qty(rng, it, (4, 120), card);
            set_item(rng, &mut r, it, q, 0.12, 0.08);
            let f = rng.pick(&fwds).clone();
            let t = rng.wpick(&[("forwarder", 62.0), ("logistics", 15.0), ("", 23.0)]);
            set_ship(&mut r, &f, t);
            if rng.chance(0.72) {
                let e = rng.pick(&eus);
                r.eu_name = e.0.clone();
                r.eu_addr = if rng.chance(0.1) {
                    f.addr.clone()
                } else {
                    e.1.clone()
                };
                r.eu_country = "SG".into();
                if rng.chance(0.04) {
                    let p = rng.pick(&payers);
                    r.eu_parent = p.0.clone();
                    r.eu_parent_country = p.1.into();
                }
            }
            if rng.chance(0.35) {
                r.payer_name = bill.name.clone();
                r.payer_country = "US".into();
            } else {
                let p = rng.pick(&payers);
                r.payer_name = p.0.clone();
                r.payer_country = p.1.into();
            }
            r.route = if f.country == "SG" {
                if rng.chance(0.12) {
                    "US;SG;MY".into()
                } else {
                    "US;SG".into()
                }
            } else if rng.chance(0.3) {
                "US;SG;MY".into()
            } else {
                "US;MY".into()
            };
            r.install = tri(rng, 0.55, 0.1).into();
            let inc = rng.wpick(&[
                ("EXW", 35.0),
                ("FCA", 30.0),
                ("DAP", 20.0),
                ("CPT", 5.0),
                ("CIF", 10.0),
            ]);
            r.incoterm = inc.into();
            r.forwarder = if rng.chance(0.6) {
                f.name.clone()
            } else {
                String::new()
            };
            r.email = bill.email(rng, 0.4);
            r.end_use = if rng.chance(0.35) {
                String::new()
            } else {
                rng.pick(&[
                    "resale",
                    "AI server integration for Singapore client",
                    "graphics/rendering workstations",
                    "data centre deployment, Singapore",
                    "gaming cards for distribution",
                ])
                .to_string()
            };
            if rng.chance(0.1) {
                r.mw = mw_str(rng.range(1, 5) as f64);
            }
            blank_some(rng, &mut r);
            out.push(r);
        }
    }
}

/// Janford pattern: a Tampa "realty" front and an Alabama electronics reseller ship through
/// Malaysia and Thailand on fake contracts, paid from China.
fn scheme_front(rng: &mut Rng, fwd: &[Site], n: usize, out: &mut Vec<Row>) {
    if n == 0 {
        return;
    }
    let k = n.div_ceil(6);
    for cnt in split(rng, n, k) {
        let (w0, w1) = window(rng, days(2023, 9, 1), days(2025, 11, 15));
        let s = if rng.chance(0.6) {
            rng.pick(&[
                "Janson",
                "Radford",
                "Kingsford",
                "Bayford",
                "Westford",
                "Lanford",
                "Ashford",
                "Wexford",
                "Stanford Bay",
                "Hanford",
            ])
            .to_string()
        } else {
            brand(rng)
        };
        let base = rng
            .pick(&[
                "{} Realtor",
                "{} Realty Group",
                "{} Property Holdings",
                "{} Home Realty",
            ])
            .replace("{}", &s);
        let renamed = format!("{s} AI Solutions Realty LLC");
        let rename_at = w0 + ((w1 - w0) as f64 * (0.6 + 0.2 * rng.f())) as i64;
        let tampa = us_city("Tampa");
        let fa = us_addr(rng, tampa, Style::Office);
        let fname = format!("{base} LLC");
        let fdom = domain(rng, &fname, "US");
        let front = Party {
            name: fname,
            addr: fa,
            country: "US",
            domain: fdom,
            people: vec![person_local(rng, "HK"), person_local(rng, "CN")],
            phone: us_phone(rng, "813"),
            since: w0 - rng.range(60, 220),
        };
        let hsv = us_city("Huntsville");
        let rname = format!(
            "{} {} LLC",
            brand(rng),
            rng.pick(&[
                "Electronics",
                "Technologies",
                "Computer Systems",
                "Compute Solutions"
            ])
        );
        let rdom = domain(rng, &rname, "US");
        let reseller = Party {
            name: rname,
            addr: us_addr(rng, hsv, Style::Office),
            country: "US",
            domain: rdom,
            people: vec![person_local(rng, "US")],
            phone: us_phone(rng, "256"),
            since: rng.range(days(2014, 1, 1), days(2021, 12, 31)),
        };
        let mut cons: Vec<Site> = Vec::new();
        for _ in 0..rng.range(1, 2) {
            let nm = named(rng, "MY", &["Technology"]);
            let st = if rng.chance(0.5) {
                Style::Office
            } else {
                Style::Industrial
            };
            let a = my_addr(rng, st);
            let t = rng.word(&["distributor", "reseller", "end_user"]);
            cons.push(Site {
                name: nm,
                addr: a,
                country: "MY",
                typ: t,
            });
        }
        for _ in 0..rng.range(1, 2) {
            let nm = named(rng, "TH", &["Digital", "Innovation", "Tech"]);
            let st = if rng.chance(0.5) {
                Style::Office
            } else {
                Style::Industrial
            };
            let a = addr(rng, "TH", st);
            let t = rng.word(&["distributor", "reseller", "end_user"]);
            cons.push(Site {
                name: nm,
                addr: a,
                country: "TH",
                typ: t,
            });
        }
        let mut payers: Vec<(String, &'static str)> =
            (0..rng.range(1, 2)).map(|_| cn_payer(rng, 0.0)).collect();
        if rng.chance(0.5) {
            payers.push(cn_payer(rng, 1.0));
        }
        for _ in 0..cnt {
            let via_reseller = rng.chance(0.4);
            let date = rng.range(w0, w1);
            let mut bill = if via_reseller {
                reseller.clone()
            } else {
                front.clone()
            };
            if !via_reseller && date >= rename_at {
                bill.name = renamed.clone();
            }
            let mut r = base_row(rng, S_FRONT, date, SELLER_US, &bill);
            let big_a100 =
                (days(2024, 9, 1)..=days(2025, 2, 28)).contains(&date) && rng.chance(0.6);
            let (id, q) = if big_a100 {
                ("A100", rng.range(100, 200) as u32)
            } else {
                let mut opts: Vec<(&str, f64)> = vec![
                    ("A100", 20.0),
                    ("H100-PCIE", 20.0),
                    ("DGX-H100", 15.0),
                    ("HGX-H100-8GPU", 15.0),
                ];
                if date >= days(2024, 6, 1) {
                    opts.push(("H200", 25.0));
                }
                let id = rng.wpick(&opts);
                let q = match id {
                    "H200" => rng.range(24, 50) as u32,
                    "DGX-H100" | "HGX-H100-8GPU" => rng.range(2, 10) as u32,
                    _ => rng.range(8, 32) as u32,
                };
                (id, q)
            };
            set_item(rng, &mut r, item(id), q, 0.18, 0.10);
            let x = rng.f();
            let ship = if x < 0.65 {
                let c = rng.pick(&cons).clone();
                let t = if rng.chance(0.85) { c.typ } else { "" };
                set_ship(&mut r, &c, t);
                c
            } else if x < 0.85 {
                let fname = if date >= rename_at {
                    renamed.clone()
                } else {
                    front.name.clone()
                };
                let s = Site {
                    name: fname,
                    addr: front.addr.clone(),
                    country: "US",
                    typ: "end_user",
                };
                set_ship(&mut r, &s, if rng.chance(0.6) { "end_user" } else { "" });
                s
            } else {
                let s = Site {
                    name: reseller.name.clone(),
                    addr: reseller.addr.clone(),
                    country: "US",
                    typ: "reseller",
                };
                set_ship(&mut r, &s, if rng.chance(0.7) { "reseller" } else { "" });
                s
            };
            if rng.chance(0.7) {
                let c = rng.pick(&cons);
                r.eu_name = c.name.clone();
                r.eu_addr = c.addr.clone();
                r.eu_country = c.country.into();
            }
            if rng.chance(0.35) {
                r.payer_name = bill.name.clone();
                r.payer_country = "US".into();
            } else {
                let p = rng.pick(&payers);
                r.payer_name = p.0.clone();
                r.payer_country = p.1.into();
            }
            r.route = match ship.country {
                "MY" => rng
                    .wpick(&[("US;MY", 70.0), ("US;SG;MY", 20.0), ("US;MY;TH", 10.0)])
                    .into(),
                "TH" => rng
                    .wpick(&[("US;TH", 60.0), ("US;MY;TH", 30.0), ("US;SG;TH", 10.0)])
                    .into(),
                _ => "US".into(),
            };
            r.install = tri(rng, 0.5, 0.15).into();
            let (inc, f) = terms(
                rng,
                &[
                    ("EXW", 35.0),
                    ("FCA", 25.0),
                    ("DAP", 20.0),
                    ("CIF", 10.0),
                    ("CPT", 5.0),
                ],
                fwd,
                0.5,
            );
            r.incoterm = inc;
            r.forwarder = f;
            r.end_use = if rng.chance(0.3) {
                String::new()
            } else {
                rng.pick(&[
                    "AI data centre deployment (Malaysia)",
                    "GPU cluster per supply contract, Thailand",
                    "property analytics AI platform",
                    "resale",
                    "cloud computing services",
                ])
                .to_string()
            };
            r.email = bill.email(rng, if via_reseller { 0.05 } else { 0.45 });
            if rng.chance(0.12) {
                r.mw = mw_str(rng.range(2, 10) as f64);
            }
            blank_some(rng, &mut r);
            out.push(r);
        }
    }
}

const P_STRAW: Profile = &[
    ("H100-SXM", 30.0),
    ("H200", 35.0),
    ("HGX-H200-8GPU", 15.0),
    ("HGX-H100-8GPU", 10.0),
    ("H100-PCIE", 10.0),
];

/// Operation Gatekeeper pattern: US straw buyers "for domestic use", US relabelling warehouses,
/// goods declared as generic parts to Hong Kong, funded by wires from the PRC.
fn scheme_straw(rng: &mut Rng, fwd: &[Site], vo: &[Vo], n: usize, out: &mut Vec<Row>) {
    if n == 0 {
        return;
    }
    let k = n.div_ceil(14);
    for cnt in split(rng, n, k) {
        let (w0, w1) = window(rng, days(2024, 9, 15), days(2025, 6, 15));
        let cc = us_city(rng.word(&["Sugar Land", "Missouri City", "Houston"]));
        let cname = format!("{} Global LLC", brand(rng));
        let cdom = domain(rng, &cname, "US");
        let coord = Party {
            name: cname,
            addr: us_addr(rng, cc, Style::Office),
            country: "US",
            domain: cdom,
            people: vec![person_local(rng, "TW")],
            phone: us_phone(rng, cc.3),
            since: w0 - rng.range(300, 420),
        };
        let mut straws = Vec::new();
        for _ in 0..rng.range(3, 6) {
            let sur = person_local(rng, "CN")
                .split('.')
                .next_back()
                .unwrap_or("lin")
                .to_string();
            let sur = {
                let mut c = sur.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => "Lin".into(),
                }
            };
            let base = rng
                .pick(&[
                    "{} Tech LLC",
                    "{b} Computing LLC",
                    "{b} Data Systems LLC",
                    "{} Trading Inc.",
                ])
                .replace("{}", &sur)
                .replace("{b}", &brand(rng));
            let c = us_city(rng.word(&[
                "Brooklyn",
                "Flushing",
                "Houston",
                "Edison",
                "Alhambra",
                "Sugar Land",
            ]));
            let st = if rng.chance(0.45) {
                Style::Residential
            } else {
                Style::Office
            };
            let a = match pick_vo(rng, vo, "US").filter(|_| rng.chance(0.12)) {
                Some(v) => v,
                None => us_addr(rng, c, st),
            };
            let ph = if rng.chance(0.55) {
                us_phone(rng, c.3)
            } else {
                coord.phone.clone()
            };
            let d = domain(rng, &base, "US");
            straws.push(Party {
                name: base,
                addr: a,
                country: "US",
                domain: d,
                people: vec![person_local(rng, "CN")],
                phone: ph,
                since: w0 - rng.range(20, 200),
            });
        }
        let corp = if rng.chance(0.6) {
            let b = brand(rng);
            let nm = format!("{b} Information Technology Inc.");
            let d = domain(rng, &nm, "US");
            let st = us_city("Sterling");
            let p = Party {
                name: nm,
                addr: us_addr(rng, st, Style::Office),
                country: "US",
                domain: d,
                people: vec![person_local(rng, "CN"), person_local(rng, "US")],
                phone: us_phone(rng, "703"),
                since: rng.range(days(2014, 1, 1), days(2020, 12, 31)),
            };
            Some((p, format!("Beijing {b} Information Technology Co., Ltd.")))
        } else {
            None
        };
        let whs: Vec<Site> = (0..rng.range(1, 3))
            .map(|_| {
                let c = us_city(rng.word(&[
                    "Edison",
                    "Secaucus",
                    "Houston",
                    "Ontario",
                    "City of Industry",
                ]));
                let nm = format!(
                    "{} {} LLC",
                    brand(rng),
                    rng.pick(&["Fulfillment", "Logistics", "Warehousing", "3PL Services"])
                );
                Site {
                    name: nm,
                    addr: us_addr(rng, c, Style::Industrial),
                    country: "US",
                    typ: "logistics",
                }
            })
            .collect();
        let hk_pool: Vec<&Site> = fwd.iter().filter(|s| s.country == "HK").collect();
        let hk_fwd: Vec<Site> = (0..rng.range(1, 2))
            .map(|_| (*rng.pick(&hk_pool)).clone())
            .collect();
        let payers = [cn_payer(rng, 0.0), cn_payer(rng, 0.0), cn_payer(rng, 1.0)];
        for _ in 0..cnt {
            let x = rng.f();
            let (bill, is_corp) = match (&corp, x) {
                (_, v) if v < 0.2 => (coord.clone(), false),
                (Some((p, _)), v) if v >= 0.8 => (p.clone(), true),
                _ => (rng.pick(&straws).clone(), false),
            };
            let date = rng.range(w0, w1).max(bill.since + 10);
            let mut r = base_row(rng, S_STRAW, date, SELLER_US, &bill);
            let it = pick_div_item(rng, P_STRAW, date);
            let y = rng.f();
            let to_hk = y >= 0.80;
            let q = qty(rng, it, (2, 32), (24, 400));
            set_item(
                rng,
                &mut r,
                it,
                q,
                if to_hk { 0.65 } else { 0.12 },
                if to_hk { 0.40 } else { 0.04 },
            );
            if y < 0.35 {
                let s = Site {
                    name: bill.name.clone(),
                    addr: bill.addr.clone(),
                    country: "US",
                    typ: "end_user",
                };
                set_ship(&mut r, &s, if rng.chance(0.7) { "end_user" } else { "" });
            } else if !to_hk {
                let w = rng.pick(&whs).clone();
                set_ship(&mut r, &w, if rng.chance(0.8) { "logistics" } else { "" });
            } else {
                let f = rng.pick(&hk_fwd).clone();
                set_ship(&mut r, &f, if rng.chance(0.7) { "forwarder" } else { "" });
            }
            if rng.chance(0.55) {
                r.eu_name = bill.name.clone();
                r.eu_addr = bill.addr.clone();
                r.eu_country = "US".into();
                if let Some((_, pn)) = corp.as_ref().filter(|_| is_corp && rng.chance(0.55)) {
                    r.eu_parent = pn.clone();
                    r.eu_parent_country = "CN".into();
                } else if rng.chance(0.05) {
                    r.eu_parent = payers[2].0.clone();
                    r.eu_parent_country = "HK".into();
                }
            }
            if rng.chance(0.48) {
                r.payer_name = bill.name.clone();
                r.payer_country = "US".into();
            } else {
                let p = rng.pick(&payers);
                r.payer_name = p.0.clone();
                r.payer_country = p.1.into();
            }
            r.route = if to_hk {
                rng.wpick(&[("US;HK", 85.0), ("US;TW;HK", 15.0)]).into()
            } else {
                "US".into()
            };
            r.install = tri(rng, 0.65, 0.05).into();
            if to_hk {
                r.end_use = rng
                    .pick(&[
                        "computer parts",
                        "generic GPU accessories",
                        "server spare parts",
                        "electronic components",
                        "",
                    ])
                    .to_string();
                r.incoterm = rng
                    .wpick(&[("FCA", 40.0), ("EXW", 30.0), ("CIF", 20.0), ("DAP", 10.0)])
                    .into();
                r.forwarder = if rng.chance(0.6) {
                    r.ship_name.clone()
                } else {
                    String::new()
                };
            } else {
                r.end_use = rng
                    .pick(&[
                        "domestic use only - in-house AI research",
                        "on-premise LLM training (US)",
                        "US data centre expansion",
                        "internal R&D",
                        "AI workstation builds",
                        "",
                    ])
                    .to_string();
                let (inc, f) = terms(
                    rng,
                    &[("EXW", 30.0), ("FCA", 20.0), ("DAP", 30.0), ("DDP", 15.0)],
                    fwd,
                    0.2,
                );
                r.incoterm = inc;
                r.forwarder = f;
            }
            r.email = bill.email(rng, if is_corp { 0.02 } else { 0.55 });
            if rng.chance(0.08) {
                r.mw = mw_str(0.2 + 0.8 * rng.f());
            }
            blank_some(rng, &mut r);
            out.push(r);
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// A ledger (CSV text with the header below) and its ground truth (CSV text with header
/// `order_id,diverted,scheme`; `diverted` is `true`/`false`; `scheme` empty for legitimate orders).
pub fn generate(seed: u64, orders: usize) -> (String, String) {
    let mut rng = Rng::new(seed);
    let fwd = small_forwarders(&mut rng);
    let vo = virtual_offices(&mut rng);
    let share = 0.021 + 0.009 * rng.f();
    let mut n_div = (orders as f64 * share).round() as usize;
    if n_div == 0 && orders >= 20 {
        n_div = 1;
    }
    let n_sg = (n_div as f64 * 0.30).round() as usize;
    let n_alx = (n_div as f64 * 0.30).round() as usize;
    let n_front = (n_div as f64 * 0.15).round() as usize;
    let n_straw = n_div.saturating_sub(n_sg + n_alx + n_front);
    let mut rows: Vec<Row> = Vec::with_capacity(orders);
    scheme_sg(&mut rng, &fwd, n_sg, &mut rows);
    scheme_alx(&mut rng, &fwd, &vo, n_alx, &mut rows);
    scheme_front(&mut rng, &fwd, n_front, &mut rows);
    scheme_straw(&mut rng, &fwd, &vo, n_straw, &mut rows);
    rows.truncate(orders);
    let n_legit = orders - rows.len();
    legit(&mut rng, &fwd, &vo, n_legit, &mut rows);
    rows.sort_by_key(|r| (r.date, r.tie));

    let mut ledger = String::with_capacity(orders * 400 + HEADER.len() + 1);
    ledger.push_str(HEADER);
    ledger.push('\n');
    let mut truth = String::with_capacity(orders * 48 + 32);
    truth.push_str("order_id,diverted,scheme\n");
    let mut seq: u64 = 100_000 + rng.below(50_000) as u64;
    for r in &rows {
        seq += 1 + rng.below(3) as u64;
        let (y, _, _) = civil(r.date);
        let id = format!("SO-{y}-{seq:07}");
        r.write(&id, &mut ledger);
        truth.push_str(&id);
        truth.push_str(if r.scheme.is_empty() {
            ",false,"
        } else {
            ",true,"
        });
        truth.push_str(r.scheme);
        truth.push('\n');
    }
    (ledger, truth)
}
