//! `bis_guidance`: a synthetic sales ledger of a US/Taiwanese AI-accelerator vendor ("Cascade
//! Compute", with a Taiwan arm) and its authorised distributors, selling worldwide in 2023-01 ..
//! 2026-06, with a small diverted share (about 2-3 % of orders) whose schemes follow the public
//! red flags of BIS.
//!
//! Sources (read through public summaries; no engine code or tuning was consulted):
//! - BIS, "Industry Guidance to Prevent Diversion of Advanced Computing Integrated Circuits",
//!   2025-05-13, as summarised by Miller & Chevalier
//!   (millerchevalier.com/publication/trade-compliance-flash-key-takeaways-bis-announcements-and-guidance-related-advanced),
//!   WorldECR (worldecr.com/news/us-issues-guidance-on-advanced-chip-diversion-amid-crackdown-on-third-country-shipments)
//!   and CTP (ctp-inc.com/articles/bis-guidance-to-prevent-diversion-of-advanced-computing-integrated-circuits):
//!   customers buying advanced ICs only since October 2022, first-time buyers of large volumes,
//!   no clear business reason, residential or vague delivery addresses with commercial
//!   quantities, minimal online presence, data centres that cannot confirm power/cooling/space,
//!   freight forwarders or resellers not normally in advanced-IC distribution, IaaS customers
//!   with unknown or masked downstream users. "No single red flag is determinative."
//! - BIS "Red Flag Indicators" (bis.gov/articles/red-flag-indicators) and 15 CFR Part 732
//!   Supp. 3 ("Know Your Customer" guidance): reluctance to give end-use information, product
//!   that does not fit the line of business, cash payment, little business background,
//!   declined installation/training/maintenance, vague delivery, freight forwarder as final
//!   destination, abnormal route.
//!
//! Market. Legitimate customers (hyperscale/cloud, colocation data centres, AI start-ups and
//! neoclouds, research labs, enterprises, distributors, system integrators, resellers, small
//! offices, and a China market that buys only the SKUs allowed at the time: A800/H800/L40S/
//! RTX 4090 before 2023-11-17, H20 from 2024-03 to 2025-04-08, L20, RTX 4090D/5090D) order
//! repeatedly over time; the Chinese market also has subsidiaries abroad with a CN parent.
//!
//! Diversion. Procurement rings are based in a hub (MY, SG, TH, AE, VN, ID, IN, TW, JP, PH, KR,
//! US). Each ring spins up several short-lived shell buyers that reuse its phones, addresses
//! (some in shared business centres also used by legitimate start-ups), payers, people, e-mail
//! domain and a small forwarder. Each shell follows one scheme:
//! `new_shell_bulk` (recently formed, first-time bulk buyer, little web presence),
//! `residential_consignee` (home or vague delivery address, commercial quantity),
//! `phantom_datacenter` (a "data centre" whose declared power cannot host the order),
//! `forwarder_transshipment` (forwarder/logistics company as final consignee, odd route),
//! `non_channel_reseller` (trader outside the advanced-IC channel, end user unknown),
//! `iaas_front` (GPU cloud with unknown downstream users, parent in CN/HK) and
//! `kyc_evasion` (end use withheld, line of business mismatch, third-party payer, installation
//! declined).
//!
//! Partial tell-tales. Every tell-tale is drawn with a per-scheme probability (a shell shows
//! only some of them; many orders are modest in size, ship to plausible commercial addresses
//! and use corporate e-mail), and legitimate customers show benign versions of the same signals
//! at realistic rates: start-ups formed after October 2022 that buy in bulk at once, home offices
//! buying a few cards, distributors and resellers with no named end user, cloud providers that
//! decline vendor installation or use 3PL hubs, subsidiaries paid for by a parent or a leasing
//! company, webmail at small firms, multi-hop routes through SG/HK/AE, shared business-centre
//! addresses, wrong or missing HS codes, colocation sites with no declared power.
use std::collections::HashSet;

pub const NAME: &str = "bis_guidance";
pub const SOURCES: &str = "BIS Industry Guidance to Prevent Diversion of Advanced Computing ICs (2025-05-13; Miller & Chevalier, WorldECR, CTP summaries); BIS Red Flag Indicators (bis.gov/articles/red-flag-indicators); 15 CFR Part 732 Supp. 3 Know Your Customer";

const HEADER: &str = "order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,currency,incoterm,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw";

// ---------------------------------------------------------------- PRNG (SplitMix64)

struct Rng(u64);

impl Rng {
    fn step(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn f(&mut self) -> f64 {
        (self.step() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.f() * n as f64) as usize).min(n.saturating_sub(1))
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        (lo + (self.f() * (hi - lo + 1) as f64) as i64).min(hi)
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    fn wpick<T: Copy>(&mut self, xs: &[(T, f64)]) -> T {
        let total: f64 = xs.iter().map(|x| x.1).sum();
        let mut t = self.f() * total;
        for x in xs {
            if t < x.1 {
                return x.0;
            }
            t -= x.1;
        }
        xs[xs.len() - 1].0
    }
    fn normal(&mut self) -> f64 {
        let u = self.f().max(1e-12);
        let v = self.f();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    /// Log-normal count with the given median, clamped.
    fn count(&mut self, median: f64, sigma: f64, lo: u32, hi: u32) -> u32 {
        let x = (median.ln() + sigma * self.normal()).exp().round();
        (x as u32).clamp(lo, hi)
    }
}

// ---------------------------------------------------------------- dates (days since 1970-01-01)

fn day(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn ymd(z: i32) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn start() -> i32 {
    day(2023, 1, 1)
}
fn end() -> i32 {
    day(2026, 6, 30)
}

// ---------------------------------------------------------------- items

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Module,
    Card,
    Consumer,
    Board,
    System,
}

struct Item {
    id: &'static str,
    form: Form,
    gpus: u32,
    lo: f64,
    hi: f64,
    from: (i32, i32, i32),
    until: (i32, i32, i32),
    /// facility-level IT power per unit, kW
    kw: f64,
    /// price drifts down over the period
    ageing: bool,
}

const OPEN: (i32, i32, i32) = (2099, 1, 1);

const ITEMS: &[Item] = &[
    Item {
        id: "H100-SXM",
        form: Form::Module,
        gpus: 1,
        lo: 24000.0,
        hi: 36000.0,
        from: (2023, 1, 1),
        until: OPEN,
        kw: 1.3,
        ageing: true,
    },
    Item {
        id: "H100-PCIE",
        form: Form::Card,
        gpus: 1,
        lo: 21000.0,
        hi: 30000.0,
        from: (2023, 1, 1),
        until: OPEN,
        kw: 0.55,
        ageing: true,
    },
    Item {
        id: "H200",
        form: Form::Module,
        gpus: 1,
        lo: 30000.0,
        hi: 40000.0,
        from: (2024, 5, 1),
        until: OPEN,
        kw: 1.4,
        ageing: false,
    },
    Item {
        id: "B200",
        form: Form::Module,
        gpus: 1,
        lo: 35000.0,
        hi: 50000.0,
        from: (2025, 1, 15),
        until: OPEN,
        kw: 1.9,
        ageing: false,
    },
    Item {
        id: "B300",
        form: Form::Module,
        gpus: 1,
        lo: 42000.0,
        hi: 60000.0,
        from: (2025, 9, 1),
        until: OPEN,
        kw: 2.1,
        ageing: false,
    },
    Item {
        id: "L40S",
        form: Form::Card,
        gpus: 1,
        lo: 7000.0,
        hi: 11000.0,
        from: (2023, 9, 1),
        until: OPEN,
        kw: 0.45,
        ageing: true,
    },
    Item {
        id: "A100",
        form: Form::Module,
        gpus: 1,
        lo: 9000.0,
        hi: 17000.0,
        from: (2023, 1, 1),
        until: (2025, 6, 30),
        kw: 0.6,
        ageing: true,
    },
    Item {
        id: "L4",
        form: Form::Card,
        gpus: 1,
        lo: 2000.0,
        hi: 3200.0,
        from: (2023, 4, 1),
        until: OPEN,
        kw: 0.1,
        ageing: false,
    },
    Item {
        id: "RTX-4090",
        form: Form::Consumer,
        gpus: 1,
        lo: 1600.0,
        hi: 2600.0,
        from: (2023, 1, 1),
        until: (2025, 3, 31),
        kw: 0.5,
        ageing: false,
    },
    Item {
        id: "RTX-5090",
        form: Form::Consumer,
        gpus: 1,
        lo: 2000.0,
        hi: 3500.0,
        from: (2025, 2, 1),
        until: OPEN,
        kw: 0.65,
        ageing: false,
    },
    Item {
        id: "MI300X",
        form: Form::Module,
        gpus: 1,
        lo: 10000.0,
        hi: 20000.0,
        from: (2024, 1, 15),
        until: OPEN,
        kw: 1.2,
        ageing: true,
    },
    Item {
        id: "MI325X",
        form: Form::Module,
        gpus: 1,
        lo: 15000.0,
        hi: 24000.0,
        from: (2025, 1, 1),
        until: OPEN,
        kw: 1.3,
        ageing: false,
    },
    Item {
        id: "GAUDI3",
        form: Form::Module,
        gpus: 1,
        lo: 12000.0,
        hi: 16000.0,
        from: (2024, 10, 1),
        until: OPEN,
        kw: 1.0,
        ageing: false,
    },
    Item {
        id: "GAUDI2",
        form: Form::Module,
        gpus: 1,
        lo: 6000.0,
        hi: 9000.0,
        from: (2023, 1, 1),
        until: (2025, 6, 30),
        kw: 0.8,
        ageing: true,
    },
    Item {
        id: "HGX-H100-8GPU",
        form: Form::Board,
        gpus: 8,
        lo: 190_000.0,
        hi: 280_000.0,
        from: (2023, 1, 1),
        until: OPEN,
        kw: 10.4,
        ageing: true,
    },
    Item {
        id: "DGX-H100",
        form: Form::System,
        gpus: 8,
        lo: 300_000.0,
        hi: 450_000.0,
        from: (2023, 3, 1),
        until: OPEN,
        kw: 10.2,
        ageing: true,
    },
    Item {
        id: "HGX-H200-8GPU",
        form: Form::Board,
        gpus: 8,
        lo: 240_000.0,
        hi: 330_000.0,
        from: (2024, 5, 1),
        until: OPEN,
        kw: 11.0,
        ageing: false,
    },
    Item {
        id: "DGX-B200",
        form: Form::System,
        gpus: 8,
        lo: 450_000.0,
        hi: 560_000.0,
        from: (2025, 2, 1),
        until: OPEN,
        kw: 14.3,
        ageing: false,
    },
    Item {
        id: "DGX-A100",
        form: Form::System,
        gpus: 8,
        lo: 150_000.0,
        hi: 220_000.0,
        from: (2023, 1, 1),
        until: (2024, 6, 30),
        kw: 6.5,
        ageing: true,
    },
    // China-market SKUs
    Item {
        id: "A800",
        form: Form::Module,
        gpus: 1,
        lo: 12000.0,
        hi: 18000.0,
        from: (2023, 1, 1),
        until: (2023, 11, 16),
        kw: 0.6,
        ageing: false,
    },
    Item {
        id: "H800-SXM",
        form: Form::Module,
        gpus: 1,
        lo: 25000.0,
        hi: 35000.0,
        from: (2023, 4, 1),
        until: (2023, 11, 16),
        kw: 1.3,
        ageing: false,
    },
    Item {
        id: "H20",
        form: Form::Module,
        gpus: 1,
        lo: 11000.0,
        hi: 15000.0,
        from: (2024, 3, 1),
        until: (2025, 4, 8),
        kw: 0.7,
        ageing: false,
    },
    Item {
        id: "HGX-H20-8GPU",
        form: Form::Board,
        gpus: 8,
        lo: 95000.0,
        hi: 130_000.0,
        from: (2024, 3, 1),
        until: (2025, 4, 8),
        kw: 6.5,
        ageing: false,
    },
    Item {
        id: "L20",
        form: Form::Card,
        gpus: 1,
        lo: 4000.0,
        hi: 6500.0,
        from: (2024, 2, 1),
        until: OPEN,
        kw: 0.4,
        ageing: false,
    },
    Item {
        id: "RTX-4090D",
        form: Form::Consumer,
        gpus: 1,
        lo: 1700.0,
        hi: 2400.0,
        from: (2024, 1, 1),
        until: OPEN,
        kw: 0.45,
        ageing: false,
    },
    Item {
        id: "RTX-5090D",
        form: Form::Consumer,
        gpus: 1,
        lo: 2200.0,
        hi: 3500.0,
        from: (2025, 2, 1),
        until: OPEN,
        kw: 0.6,
        ageing: false,
    },
];

fn item(id: &str) -> &'static Item {
    ITEMS.iter().find(|i| i.id == id).unwrap_or(&ITEMS[0])
}

fn available(it: &Item, d: i32) -> bool {
    let (fy, fm, fd) = it.from;
    let (uy, um, ud) = it.until;
    d >= day(fy, fm, fd) && d <= day(uy, um, ud)
}

/// Items sold to China / CN-headquartered buyers without a licence at the time.
fn china_ok(id: &str, d: i32) -> bool {
    let before_v2 = d < day(2023, 11, 17);
    match id {
        "A800" | "H800-SXM" | "L40S" | "RTX-4090" | "L4" => before_v2,
        "H20" | "HGX-H20-8GPU" | "L20" | "RTX-4090D" | "RTX-5090D" => true,
        _ => false,
    }
}

fn choose_item(
    r: &mut Rng,
    menu: &[(&'static str, f64)],
    d: i32,
    china: bool,
) -> Option<&'static Item> {
    let ok: Vec<(&'static str, f64)> = menu
        .iter()
        .filter(|(id, _)| available(item(id), d) && (!china || china_ok(id, d)))
        .copied()
        .collect();
    if ok.is_empty() {
        None
    } else {
        Some(item(r.wpick(&ok)))
    }
}

fn hs_code(r: &mut Rng, form: Form, wrong: bool) -> String {
    if wrong {
        let codes: &[&str] = match form {
            Form::Board | Form::System => &["8473.30", "8517.62", "8543.70", "8471.49"],
            _ => &["8471.50", "8517.62", "8543.70", "8504.40", "8542.39"],
        };
        return r.pick(codes).to_string();
    }
    let codes: &[(&str, f64)] = match form {
        Form::Module => &[("8473.30", 0.8), ("8542.31", 0.12), ("8471.80", 0.08)],
        Form::Card => &[("8473.30", 0.85), ("8471.80", 0.1), ("8542.31", 0.05)],
        Form::Consumer => &[("8473.30", 0.9), ("8471.80", 0.1)],
        Form::Board => &[("8473.30", 0.6), ("8471.80", 0.4)],
        Form::System => &[("8471.50", 0.55), ("8471.80", 0.35), ("8471.41", 0.1)],
    };
    r.wpick(codes).to_string()
}

fn unit_price(r: &mut Rng, it: &Item, d: i32, qty: u32) -> f64 {
    let mut p = it.lo + (it.hi - it.lo) * r.f();
    if it.ageing {
        let t = f64::from(d - start()) / f64::from(end() - start());
        p *= 1.1 - 0.25 * t;
    }
    if qty * it.gpus >= 256 {
        p *= 0.88 + 0.07 * r.f();
    }
    p
}

fn money(p: f64) -> String {
    if p >= 1000.0 {
        format!("{:.0}", (p / 10.0).round() * 10.0)
    } else {
        format!("{p:.2}")
    }
}

// ---------------------------------------------------------------- countries, people, addresses

struct Country {
    code: &'static str,
    name: &'static str,
    dial: &'static str,
    land: &'static str,
    mobile: &'static str,
    dom: &'static str,
    acdom: &'static str,
    suffix: &'static [&'static str],
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        name: "USA",
        dial: "+1",
        land: "(NNN) NNN-NNNN",
        mobile: "(NNN) NNN-NNNN",
        dom: "com",
        acdom: "edu",
        suffix: &["Inc.", "LLC", "Corp."],
    },
    Country {
        code: "CA",
        name: "Canada",
        dial: "+1",
        land: "(416) NNN-NNNN",
        mobile: "(647) NNN-NNNN",
        dom: "ca",
        acdom: "ca",
        suffix: &["Inc.", "Ltd."],
    },
    Country {
        code: "GB",
        name: "UK",
        dial: "+44",
        land: "20 NNNN NNNN",
        mobile: "7NNN NNNNNN",
        dom: "co.uk",
        acdom: "ac.uk",
        suffix: &["Ltd", "Limited", "plc"],
    },
    Country {
        code: "DE",
        name: "Deutschland",
        dial: "+49",
        land: "69 NNNNNNN",
        mobile: "151 NNNNNNNN",
        dom: "de",
        acdom: "de",
        suffix: &["GmbH", "AG", "GmbH & Co. KG"],
    },
    Country {
        code: "FR",
        name: "France",
        dial: "+33",
        land: "1 NN NN NN NN",
        mobile: "6 NN NN NN NN",
        dom: "fr",
        acdom: "fr",
        suffix: &["SAS", "SA"],
    },
    Country {
        code: "NL",
        name: "Nederland",
        dial: "+31",
        land: "20 NNN NNNN",
        mobile: "6 NNNN NNNN",
        dom: "nl",
        acdom: "nl",
        suffix: &["B.V.", "N.V."],
    },
    Country {
        code: "SE",
        name: "Sverige",
        dial: "+46",
        land: "8 NNN NNN NN",
        mobile: "70 NNN NN NN",
        dom: "se",
        acdom: "se",
        suffix: &["AB"],
    },
    Country {
        code: "JP",
        name: "Japan",
        dial: "+81",
        land: "3-NNNN-NNNN",
        mobile: "90-NNNN-NNNN",
        dom: "co.jp",
        acdom: "ac.jp",
        suffix: &["K.K.", "Co., Ltd.", "Corporation"],
    },
    Country {
        code: "KR",
        name: "Korea",
        dial: "+82",
        land: "2-NNNN-NNNN",
        mobile: "10-NNNN-NNNN",
        dom: "co.kr",
        acdom: "ac.kr",
        suffix: &["Co., Ltd.", "Inc."],
    },
    Country {
        code: "TW",
        name: "Taiwan",
        dial: "+886",
        land: "2 NNNN NNNN",
        mobile: "9NN NNN NNN",
        dom: "com.tw",
        acdom: "edu.tw",
        suffix: &["Co., Ltd.", "Corp.", "Inc."],
    },
    Country {
        code: "SG",
        name: "Singapore",
        dial: "+65",
        land: "6NNN NNNN",
        mobile: "9NNN NNNN",
        dom: "com.sg",
        acdom: "edu.sg",
        suffix: &["Pte. Ltd.", "Pte Ltd"],
    },
    Country {
        code: "MY",
        name: "Malaysia",
        dial: "+60",
        land: "3-NNNN NNNN",
        mobile: "1N-NNN NNNN",
        dom: "com.my",
        acdom: "edu.my",
        suffix: &["Sdn. Bhd.", "Sdn Bhd", "Berhad"],
    },
    Country {
        code: "TH",
        name: "Thailand",
        dial: "+66",
        land: "2 NNN NNNN",
        mobile: "8N NNN NNNN",
        dom: "co.th",
        acdom: "ac.th",
        suffix: &["Co., Ltd.", "Public Company Limited"],
    },
    Country {
        code: "VN",
        name: "Vietnam",
        dial: "+84",
        land: "28 NNNN NNNN",
        mobile: "9N NNN NNNN",
        dom: "com.vn",
        acdom: "edu.vn",
        suffix: &["Co., Ltd.", "Joint Stock Company", "JSC"],
    },
    Country {
        code: "ID",
        name: "Indonesia",
        dial: "+62",
        land: "21 NNNN NNNN",
        mobile: "81N-NNNN-NNNN",
        dom: "co.id",
        acdom: "ac.id",
        suffix: &["Tbk", ""],
    },
    Country {
        code: "PH",
        name: "Philippines",
        dial: "+63",
        land: "2 NNNN NNNN",
        mobile: "917 NNN NNNN",
        dom: "com.ph",
        acdom: "edu.ph",
        suffix: &["Inc.", "Corporation"],
    },
    Country {
        code: "IN",
        name: "India",
        dial: "+91",
        land: "80 NNNN NNNN",
        mobile: "9NNNN NNNNN",
        dom: "co.in",
        acdom: "ac.in",
        suffix: &["Pvt. Ltd.", "Private Limited", "Ltd."],
    },
    Country {
        code: "AE",
        name: "Middle East",
        dial: "+971",
        land: "4 NNN NNNN",
        mobile: "50 NNN NNNN",
        dom: "ae",
        acdom: "ac.ae",
        suffix: &["FZE", "FZ-LLC", "L.L.C.", "DMCC"],
    },
    Country {
        code: "SA",
        name: "Arabia",
        dial: "+966",
        land: "11 NNN NNNN",
        mobile: "5N NNN NNNN",
        dom: "com.sa",
        acdom: "edu.sa",
        suffix: &["Co.", "LLC"],
    },
    Country {
        code: "IL",
        name: "Israel",
        dial: "+972",
        land: "3-NNN-NNNN",
        mobile: "5N-NNN-NNNN",
        dom: "co.il",
        acdom: "ac.il",
        suffix: &["Ltd."],
    },
    Country {
        code: "AU",
        name: "Australia",
        dial: "+61",
        land: "2 NNNN NNNN",
        mobile: "4NN NNN NNN",
        dom: "com.au",
        acdom: "edu.au",
        suffix: &["Pty Ltd"],
    },
    Country {
        code: "HK",
        name: "Hong Kong",
        dial: "+852",
        land: "2NNN NNNN",
        mobile: "6NNN NNNN",
        dom: "com.hk",
        acdom: "edu.hk",
        suffix: &["Limited", "Co., Limited"],
    },
    Country {
        code: "CN",
        name: "China",
        dial: "+86",
        land: "755 NNNN NNNN",
        mobile: "13N NNNN NNNN",
        dom: "com.cn",
        acdom: "edu.cn",
        suffix: &["Co., Ltd."],
    },
    Country {
        code: "VG",
        name: "BVI",
        dial: "+1",
        land: "(284) NNN-NNNN",
        mobile: "(284) NNN-NNNN",
        dom: "com",
        acdom: "com",
        suffix: &["Ltd.", "Holdings Ltd."],
    },
    Country {
        code: "KY",
        name: "Cayman",
        dial: "+1",
        land: "(345) NNN-NNNN",
        mobile: "(345) NNN-NNNN",
        dom: "com",
        acdom: "com",
        suffix: &["Ltd.", "Holdings"],
    },
];

fn country(code: &str) -> &'static Country {
    COUNTRIES
        .iter()
        .find(|c| c.code == code)
        .unwrap_or(&COUNTRIES[0])
}

fn phone(r: &mut Rng, cc: &str, mobile: bool) -> String {
    let c = country(cc);
    let pat = if mobile { c.mobile } else { c.land };
    let mut s = String::with_capacity(20);
    s.push_str(c.dial);
    s.push(' ');
    for ch in pat.chars() {
        if ch == 'N' {
            s.push(char::from(b'0' + r.below(10) as u8));
        } else {
            s.push(ch);
        }
    }
    s
}

fn person(r: &mut Rng, cc: &str) -> (String, String) {
    let (first, last): (&[&str], &[&str]) = match cc {
        "SG" | "MY" => (
            &[
                "Wei Ming",
                "Jia Hui",
                "Kok Leong",
                "Mei Ling",
                "Chee Keong",
                "Siew Lan",
                "Ahmad",
                "Nurul",
                "Faizal",
                "Ravi",
                "Kavitha",
                "Boon Huat",
            ],
            &[
                "Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Ong", "Teo", "Ismail", "Rahman",
                "Kumar",
            ],
        ),
        "CN" | "HK" | "TW" => (
            &[
                "Wei",
                "Jing",
                "Lei",
                "Yan",
                "Hao",
                "Xiaoming",
                "Jun",
                "Ting",
                "Chi Keung",
                "Ka Wai",
                "Yu-Ting",
                "Chih-Hao",
            ],
            &[
                "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Lin", "Chan",
                "Cheung",
            ],
        ),
        "TH" => (
            &[
                "Somchai",
                "Niran",
                "Kanya",
                "Pimchanok",
                "Anan",
                "Supachai",
                "Wanida",
                "Kittipong",
            ],
            &[
                "Srisuk",
                "Chaiyaporn",
                "Wongsawat",
                "Suksawat",
                "Rattanakorn",
                "Phromma",
                "Sae-Tang",
            ],
        ),
        "VN" => (
            &[
                "Minh", "Thanh", "Huong", "Tuan", "Lan", "Duc", "Anh", "Quang",
            ],
            &["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"],
        ),
        "ID" => (
            &[
                "Budi", "Siti", "Agus", "Dewi", "Hendra", "Rina", "Andi", "Wahyu",
            ],
            &[
                "Santoso", "Rahayu", "Wijaya", "Lestari", "Gunawan", "Kusuma", "Halim", "Saputra",
            ],
        ),
        "IN" => (
            &[
                "Rahul", "Priya", "Amit", "Sneha", "Vikram", "Ananya", "Arjun", "Kavya",
            ],
            &[
                "Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair", "Singh", "Menon",
            ],
        ),
        "AE" | "SA" => (
            &[
                "Mohammed", "Ahmed", "Fatima", "Omar", "Khalid", "Aisha", "Yousef", "Rashid",
                "Sanjay", "Imran",
            ],
            &[
                "Al Mansoori",
                "Al Hashemi",
                "Haddad",
                "Khan",
                "Al Qahtani",
                "Nasser",
                "Pillai",
                "Qureshi",
            ],
        ),
        "JP" => (
            &[
                "Hiroshi", "Yuki", "Takeshi", "Akiko", "Kenji", "Naoko", "Daisuke",
            ],
            &[
                "Sato",
                "Suzuki",
                "Takahashi",
                "Tanaka",
                "Watanabe",
                "Ito",
                "Yamamoto",
            ],
        ),
        "KR" => (
            &[
                "Min-jun",
                "Seo-yeon",
                "Ji-ho",
                "Hye-jin",
                "Dong-hyun",
                "Sung-min",
            ],
            &["Kim", "Lee", "Park", "Choi", "Jung", "Kang"],
        ),
        "PH" => (
            &["Jose", "Maria", "Mark", "Kristine", "Paolo", "Angelica"],
            &["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza"],
        ),
        _ => (
            &[
                "James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel", "Anna", "Thomas",
                "Sophie", "Lukas", "Marie", "Jonas", "Emma", "Oliver", "Noa",
            ],
            &[
                "Smith",
                "Johnson",
                "Miller",
                "Brown",
                "Mueller",
                "Schmidt",
                "Dubois",
                "Martin",
                "de Vries",
                "Andersson",
                "Cohen",
                "Levi",
                "Taylor",
                "Wilson",
            ],
        ),
    };
    (r.pick(first).to_string(), r.pick(last).to_string())
}

fn person_name(r: &mut Rng, cc: &str) -> String {
    let (f, l) = person(r, cc);
    match cc {
        "CN" | "HK" | "TW" | "VN" | "KR" | "JP" => format!("{l} {f}"),
        _ => format!("{f} {l}"),
    }
}

fn slug(s: &str, words: usize) -> String {
    s.split_whitespace()
        .take(words)
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join("")
}

fn webmail(r: &mut Rng, cc: &str) -> &'static str {
    match cc {
        "CN" => r.pick(&["163.com", "qq.com", "126.com", "sina.com"]),
        "HK" => r.pick(&["gmail.com", "yahoo.com.hk", "outlook.com", "163.com"]),
        "KR" => r.pick(&["naver.com", "gmail.com"]),
        "JP" => r.pick(&["yahoo.co.jp", "gmail.com"]),
        "IN" => r.pick(&["gmail.com", "rediffmail.com", "yahoo.co.in"]),
        _ => r.pick(&[
            "gmail.com",
            "outlook.com",
            "yahoo.com",
            "hotmail.com",
            "proton.me",
            "icloud.com",
        ]),
    }
}

fn personal_email(r: &mut Rng, cc: &str, domain: &str) -> String {
    let (f, l) = person(r, cc);
    let f = slug(&f, 2);
    let l = slug(&l, 2);
    match r.below(4) {
        0 => format!("{f}.{l}@{domain}"),
        1 => format!("{f}{l}{}@{domain}", r.int(1, 99)),
        2 => format!("{}{l}{}@{domain}", &f[..1], r.int(70, 99)),
        _ => format!("{l}.{f}{}@{domain}", r.int(1, 9)),
    }
}

fn corporate_email(r: &mut Rng, cc: &str, domain: &str) -> String {
    if r.chance(0.45) {
        let role = r.pick(&[
            "procurement",
            "purchasing",
            "orders",
            "it-ops",
            "infra",
            "finance",
            "sales",
            "admin",
            "info",
        ]);
        format!("{role}@{domain}")
    } else {
        let (f, l) = person(r, cc);
        format!("{}.{}@{domain}", slug(&f, 2), slug(&l, 2))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Office,
    Industrial,
    Residential,
    Retail,
    Vague,
}

fn n(r: &mut Rng, lo: i64, hi: i64) -> i64 {
    r.int(lo, hi)
}

const BUILDING: &[&str] = &[
    "Capital",
    "Prudential",
    "Harbourfront",
    "Crown",
    "Pacific",
    "Summit",
    "Millennium",
    "Empire",
    "Golden",
    "Plaza",
    "Grand",
    "Central",
    "Unity",
    "Regal",
    "Pearl",
    "Orient",
    "Lotus",
    "Jade",
    "Everest",
    "Sterling",
    "Landmark",
    "Vista",
];

fn address(r: &mut Rng, cc: &str, style: Style) -> String {
    let b = r.pick(BUILDING);
    match cc {
        "US" => {
            let city = r.pick(&[
                "San Jose, CA 95134",
                "Santa Clara, CA 95054",
                "Austin, TX 78701",
                "Ashburn, VA 20147",
                "Seattle, WA 98109",
                "New York, NY 10001",
                "Cambridge, MA 02139",
                "Dallas, TX 75201",
                "Phoenix, AZ 85004",
                "Atlanta, GA 30308",
                "Chicago, IL 60601",
                "Hillsboro, OR 97124",
                "Fremont, CA 94538",
                "Miami, FL 33131",
                "Los Angeles, CA 90017",
            ]);
            let st = r.pick(&[
                "Market",
                "Mission",
                "Tasman",
                "Innovation",
                "Technology",
                "Commerce",
                "Lakeside",
                "Park",
                "Main",
                "Oak",
                "Maple",
                "Cedar",
                "Willow",
                "Ridge",
                "Harbor",
            ]);
            match style {
                Style::Office => format!(
                    "{} {st} {}, Suite {}, {city}",
                    n(r, 10, 9999),
                    r.pick(&["St", "Ave", "Blvd"]),
                    n(r, 100, 2400)
                ),
                Style::Industrial => format!(
                    "{} {st} {}, {city}",
                    n(r, 1000, 45000),
                    r.pick(&["Pkwy", "Dr", "Ct", "Way"])
                ),
                Style::Residential => {
                    if r.chance(0.5) {
                        format!(
                            "{} {st} {}, Apt {}, {city}",
                            n(r, 10, 9999),
                            r.pick(&["Dr", "Ln", "Ct", "Way"]),
                            n(r, 1, 420)
                        )
                    } else {
                        format!(
                            "{} {st} {}, {city}",
                            n(r, 10, 9999),
                            r.pick(&["Dr", "Ln", "Ct", "Circle"])
                        )
                    }
                }
                Style::Retail => format!(
                    "{} {st} St, Unit {}{}, {city}",
                    n(r, 10, 9999),
                    r.pick(&["A", "B", "C", "D"]),
                    n(r, 1, 20)
                ),
                Style::Vague => {
                    if r.chance(0.5) {
                        format!("PO Box {}, {city}", n(r, 100, 99999))
                    } else {
                        city.to_string()
                    }
                }
            }
        }
        "SG" => {
            let pc = n(r, 10000, 829999);
            match style {
                Style::Office => format!(
                    "{} {} #{:02}-{:02} {b} {}, Singapore {pc:06}",
                    n(r, 1, 200),
                    r.pick(&[
                        "Robinson Road",
                        "Cecil Street",
                        "Shenton Way",
                        "Anson Road",
                        "Raffles Place",
                        "Ubi Avenue 1",
                        "Kaki Bukit Road 1",
                        "Tai Seng Street",
                        "Science Park Road"
                    ]),
                    n(r, 2, 30),
                    n(r, 1, 12),
                    r.pick(&["Tower", "Centre", "Building", "Techpark"])
                ),
                Style::Industrial => format!(
                    "{} {}, Singapore {pc:06}",
                    n(r, 1, 80),
                    r.pick(&[
                        "Loyang Way",
                        "Tai Seng Drive",
                        "Jurong West Avenue 2",
                        "Tuas South Avenue 1",
                        "Serangoon North Avenue 5",
                        "Woodlands Loop",
                        "Airline Road"
                    ])
                ),
                Style::Residential => {
                    if r.chance(0.65) {
                        format!(
                            "Blk {} {} #{:02}-{}, Singapore {pc:06}",
                            n(r, 100, 999),
                            r.pick(&[
                                "Jurong West Street 91",
                                "Ang Mo Kio Avenue 3",
                                "Tampines Street 81",
                                "Woodlands Drive 14",
                                "Bedok North Road",
                                "Yishun Ring Road",
                                "Punggol Field",
                                "Sengkang East Way"
                            ]),
                            n(r, 2, 25),
                            n(r, 100, 999)
                        )
                    } else {
                        format!(
                            "{} {} #{:02}-{:02} {b} Residences, Singapore {pc:06}",
                            n(r, 1, 300),
                            r.pick(&[
                                "Holland Road",
                                "Bukit Timah Road",
                                "Upper Thomson Road",
                                "Pasir Ris Drive 1"
                            ]),
                            n(r, 2, 30),
                            n(r, 1, 8)
                        )
                    }
                }
                Style::Retail => format!(
                    "{} {} #{:02}-{:02} {b} Plaza, Singapore {pc:06}",
                    n(r, 1, 200),
                    r.pick(&[
                        "Rochor Canal Road",
                        "Jalan Besar",
                        "North Bridge Road",
                        "Eunos Avenue 3"
                    ]),
                    n(r, 1, 6),
                    n(r, 1, 90)
                ),
                Style::Vague => r
                    .pick(&["Singapore", "Singapore", "Jurong, Singapore"])
                    .to_string(),
            }
        }
        "MY" => {
            let (city, pc, state) = r.pick(&[
                ("Kuala Lumpur", "50450", "Wilayah Persekutuan Kuala Lumpur"),
                ("Petaling Jaya", "47301", "Selangor"),
                ("Cyberjaya", "63000", "Selangor"),
                ("Shah Alam", "40150", "Selangor"),
                ("Johor Bahru", "81100", "Johor"),
                ("Kulai", "81000", "Johor"),
                ("George Town", "10050", "Pulau Pinang"),
                ("Bayan Lepas", "11900", "Pulau Pinang"),
            ]);
            match style {
                Style::Office => {
                    if r.chance(0.6) {
                        format!(
                            "Level {}, Menara {b}, Jalan {}, {pc} {city}, {state}",
                            n(r, 3, 40),
                            r.pick(&[
                                "Sultan Ismail",
                                "Ampang",
                                "Tun Razak",
                                "Stesen Sentral 5",
                                "Persiaran Multimedia"
                            ])
                        )
                    } else {
                        format!(
                            "Suite {}-{}, {b} Business Centre, Jalan {}, {pc} {city}, {state}",
                            n(r, 1, 30),
                            n(r, 1, 12),
                            r.pick(&["Kiara", "Damansara", "Bukit Bintang", "Tebrau"])
                        )
                    }
                }
                Style::Industrial => {
                    let park = r.pick(&[
                        "Sedenak Tech Park, 81400 Kulai, Johor",
                        "Nusajaya Tech Park, 79200 Iskandar Puteri, Johor",
                        "Kawasan Perindustrian Kulai, 81000 Kulai, Johor",
                        "Kawasan Perindustrian Bayan Lepas, 11900 Bayan Lepas, Pulau Pinang",
                        "Taman Perindustrian Cyberjaya, 63000 Cyberjaya, Selangor",
                        "Kawasan Perindustrian Sungai Buloh, 47000 Sungai Buloh, Selangor",
                    ]);
                    format!(
                        "Lot PTD {}, Jalan {} {}, {park}",
                        n(r, 1000, 99999),
                        r.pick(&["Teknologi", "Perindustrian", "Sedenak", "Hi-Tech"]),
                        n(r, 1, 12)
                    )
                }
                Style::Residential => {
                    if r.chance(0.6) {
                        format!(
                            "No. {}, Jalan {} {}/{}, Taman {} {b}, {pc} {city}, {state}",
                            n(r, 1, 120),
                            r.pick(&["Mawar", "Melati", "Kenanga", "Cempaka", "Dahlia"]),
                            n(r, 1, 20),
                            n(r, 1, 9),
                            r.pick(&["Sri", "Bukit", "Desa"])
                        )
                    } else {
                        format!(
                            "Unit {}-{}-{}, {b} Residensi, Jalan {}, {pc} {city}, {state}",
                            r.pick(&["A", "B", "C", "D"]),
                            n(r, 1, 30),
                            n(r, 1, 12),
                            r.pick(&["Kuching", "Klang Lama", "Ipoh", "Skudai"])
                        )
                    }
                }
                Style::Retail => format!(
                    "Lot {}, {} Floor, Plaza {b}, Jalan {}, {pc} {city}, {state}",
                    n(r, 1, 400),
                    r.pick(&["1st", "2nd", "3rd", "Ground"]),
                    r.pick(&["Pudu", "Imbi", "Bukit Bintang", "Wong Ah Fook"])
                ),
                Style::Vague => {
                    if r.chance(0.5) {
                        format!("{city}, {state}")
                    } else {
                        format!("{pc} {city}")
                    }
                }
            }
        }
        "TH" => match style {
            Style::Office => format!(
                "{} {b} Tower, Floor {}, {} Road, {}, Bangkok {}",
                n(r, 1, 999),
                n(r, 5, 40),
                r.pick(&["Sukhumvit", "Rama IV", "Sathorn", "Silom", "Ratchadaphisek"]),
                r.pick(&["Khlong Toei", "Bang Rak", "Sathon", "Huai Khwang"]),
                r.pick(&["10110", "10500", "10120", "10310"])
            ),
            Style::Industrial => format!(
                "{}/{} Moo {}, {} Industrial Estate, {}",
                n(r, 1, 700),
                n(r, 1, 99),
                n(r, 1, 9),
                r.pick(&[
                    "Amata City Chonburi",
                    "WHA Chonburi",
                    "Hemaraj Eastern Seaboard",
                    "Bangkadi"
                ]),
                r.pick(&["Chonburi 20000", "Rayong 21140", "Pathum Thani 12000"])
            ),
            Style::Residential => {
                if r.chance(0.6) {
                    format!(
                        "{}/{} Soi {}, {}, Bangkok {}",
                        n(r, 1, 300),
                        n(r, 1, 200),
                        r.pick(&[
                            "Sukhumvit 71",
                            "Lat Phrao 101",
                            "Ramkhamhaeng 24",
                            "On Nut 17",
                            "Phahonyothin 48"
                        ]),
                        r.pick(&["Wang Thonglang", "Bang Kapi", "Suan Luang", "Bang Khen"]),
                        n(r, 10200, 10900)
                    )
                } else {
                    format!(
                        "{}/{} Moo {}, Tambon {}, {}",
                        n(r, 1, 300),
                        n(r, 1, 99),
                        n(r, 1, 12),
                        r.pick(&["Bang Phli Yai", "Sao Thong Hin", "Bang Khu Wat"]),
                        r.pick(&[
                            "Samut Prakan 10540",
                            "Nonthaburi 11140",
                            "Pathum Thani 12000"
                        ])
                    )
                }
            }
            Style::Retail => format!(
                "{b} Plaza, Floor {} Room {}, Phetchaburi Road, Ratchathewi, Bangkok 10400",
                n(r, 2, 6),
                n(r, 100, 699)
            ),
            Style::Vague => r
                .pick(&["Bangkok", "Samut Prakan", "Bangkok 10110"])
                .to_string(),
        },
        "VN" => match style {
            Style::Office => format!(
                "Floor {}, {b} Tower, {} {}, {}",
                n(r, 3, 30),
                n(r, 1, 200),
                r.pick(&[
                    "Le Duan",
                    "Nguyen Hue",
                    "Ton Duc Thang",
                    "Pham Hung",
                    "Duy Tan"
                ]),
                r.pick(&[
                    "District 1, Ho Chi Minh City",
                    "Nam Tu Liem, Hanoi",
                    "Cau Giay, Hanoi"
                ])
            ),
            Style::Industrial => format!(
                "Lot {}{}, {}",
                r.pick(&["C", "D", "E", "I"]),
                n(r, 1, 40),
                r.pick(&[
                    "Saigon Hi-Tech Park, Thu Duc City, Ho Chi Minh City",
                    "VSIP II, Thu Dau Mot, Binh Duong",
                    "Thang Long Industrial Park, Dong Anh, Hanoi",
                    "Hoa Lac Hi-Tech Park, Hanoi"
                ])
            ),
            Style::Residential => {
                if r.chance(0.5) {
                    format!(
                        "So {}, Ngo {} {}, {}, Hanoi",
                        n(r, 1, 90),
                        n(r, 1, 300),
                        r.pick(&["Nguyen Trai", "Tran Duy Hung", "Kim Ma", "Lac Long Quan"]),
                        r.pick(&["Thanh Xuan", "Cau Giay", "Ba Dinh", "Tay Ho"])
                    )
                } else {
                    format!(
                        "{}/{} Hem {} {}, Phuong {}, Quan {}, Ho Chi Minh City",
                        n(r, 1, 300),
                        n(r, 1, 60),
                        n(r, 1, 200),
                        r.pick(&["Nguyen Van Cu", "Le Van Sy", "Cach Mang Thang Tam"]),
                        n(r, 1, 15),
                        r.pick(&["3", "10", "Binh Thanh", "Phu Nhuan"])
                    )
                }
            }
            Style::Retail => format!(
                "{} {}, {}",
                n(r, 1, 200),
                r.pick(&["Ly Thuong Kiet", "Thai Ha", "Nguyen Thien Thuat"]),
                r.pick(&["Hoan Kiem, Hanoi", "District 10, Ho Chi Minh City"])
            ),
            Style::Vague => r.pick(&["Hanoi", "Ho Chi Minh City"]).to_string(),
        },
        "ID" => match style {
            Style::Office => format!(
                "{} {b} Lt. {}, Jl. {} Kav. {}, Jakarta Selatan {}",
                r.pick(&["Gedung", "Menara"]),
                n(r, 3, 40),
                r.pick(&["Jend. Sudirman", "H.R. Rasuna Said", "Gatot Subroto"]),
                n(r, 1, 90),
                r.pick(&["12190", "12920", "12940"])
            ),
            Style::Industrial => {
                if r.chance(0.5) {
                    format!(
                        "Kawasan Industri {} Blok {}{} No. {}, Cikarang, Bekasi 17530",
                        r.pick(&["Jababeka", "MM2100", "Delta Silicon"]),
                        r.pick(&["A", "B", "C", "F"]),
                        n(r, 1, 30),
                        n(r, 1, 40)
                    )
                } else {
                    format!(
                        "Nongsa Digital Park, Jl. Hang Lekir Blok {}, Batam 29466",
                        n(r, 1, 20)
                    )
                }
            }
            Style::Residential => {
                if r.chance(0.6) {
                    format!(
                        "Perumahan {} {b} Blok {}{} No. {}, {}",
                        r.pick(&["Griya", "Taman", "Villa"]),
                        r.pick(&["A", "C", "E", "H"]),
                        n(r, 1, 20),
                        n(r, 1, 40),
                        r.pick(&["Bekasi 17148", "Tangerang Selatan 15310", "Depok 16412"])
                    )
                } else {
                    format!(
                        "Jl. {} Gg. {} No. {}, RT {:03}/RW {:03}, Jakarta Barat",
                        r.pick(&["Kebon Jeruk", "Tanjung Duren", "Kemanggisan"]),
                        n(r, 1, 12),
                        n(r, 1, 90),
                        n(r, 1, 12),
                        n(r, 1, 9)
                    )
                }
            }
            Style::Retail => format!(
                "ITC {b} Lt. {} Blok {} No. {}, Jl. Mangga Dua Raya, Jakarta Utara 14430",
                n(r, 1, 4),
                r.pick(&["A", "B", "C", "D"]),
                n(r, 1, 90)
            ),
            Style::Vague => r.pick(&["Jakarta", "Batam", "Jakarta Utara"]).to_string(),
        },
        "PH" => match style {
            Style::Office => format!(
                "Unit {}, {b} Tower, {} Ayala Avenue, Makati City 1226",
                n(r, 100, 3500),
                r.pick(&["6789", "6750", "8767"])
            ),
            Style::Industrial => format!(
                "Lot {} Block {}, {}",
                n(r, 1, 30),
                n(r, 1, 12),
                r.pick(&[
                    "Laguna Technopark, Binan, Laguna 4024",
                    "Clark Freeport Zone, Pampanga 2023",
                    "Cavite Economic Zone, Rosario 4106"
                ])
            ),
            Style::Residential => format!(
                "{} {} St., Brgy. {}, {}",
                n(r, 1, 300),
                r.pick(&["Mabini", "Rizal", "Sampaguita", "Acacia"]),
                r.pick(&["San Isidro", "Holy Spirit", "Pinagsama"]),
                r.pick(&["Quezon City 1127", "Paranaque 1700", "Taguig 1630"])
            ),
            Style::Retail => format!(
                "Stall {}, {b} Cyberzone, Gilmore Avenue, San Juan City 1500",
                n(r, 1, 300)
            ),
            Style::Vague => "Manila".to_string(),
        },
        "IN" => match style {
            Style::Office => format!(
                "Floor {}, {b} Tech Park, {}",
                n(r, 2, 12),
                r.pick(&[
                    "Outer Ring Road, Bellandur, Bengaluru 560103",
                    "Hitec City, Hyderabad 500081",
                    "Powai, Mumbai 400076",
                    "Sector 62, Noida 201309"
                ])
            ),
            Style::Industrial => format!(
                "Plot {}, {}",
                n(r, 1, 400),
                r.pick(&[
                    "TTC Industrial Area MIDC, Navi Mumbai 400710",
                    "Ambattur Industrial Estate, Chennai 600058",
                    "Sector 18, Noida 201301"
                ])
            ),
            Style::Residential => {
                if r.chance(0.6) {
                    format!(
                        "Flat {}{:02}, {b} Apartments, {} Cross, {}",
                        n(r, 1, 20),
                        n(r, 1, 12),
                        n(r, 1, 16),
                        r.pick(&[
                            "Indiranagar, Bengaluru 560038",
                            "HSR Layout, Bengaluru 560102",
                            "Andheri West, Mumbai 400053",
                            "Gachibowli, Hyderabad 500032"
                        ])
                    )
                } else {
                    format!(
                        "House No. {}, Sector {}, Gurugram 122001",
                        n(r, 1, 900),
                        n(r, 1, 57)
                    )
                }
            }
            Style::Retail => format!(
                "Shop No. {}, {b} Complex, {}",
                n(r, 1, 80),
                r.pick(&[
                    "Lamington Road, Mumbai 400007",
                    "Nehru Place, New Delhi 110019"
                ])
            ),
            Style::Vague => r.pick(&["Mumbai", "New Delhi", "Bengaluru"]).to_string(),
        },
        "AE" => match style {
            Style::Office => {
                if r.chance(0.7) {
                    format!(
                        "Office {}, {b} Business Tower, Business Bay, Dubai",
                        n(r, 101, 4500)
                    )
                } else {
                    format!(
                        "Office {}, Floor {}, {b} Tower, Al Maryah Island, Abu Dhabi",
                        n(r, 1, 40),
                        n(r, 2, 40)
                    )
                }
            }
            Style::Industrial => format!(
                "Warehouse {}, {}",
                n(r, 1, 400),
                r.pick(&[
                    "JAFZA South, Jebel Ali Free Zone, Dubai",
                    "Dubai Airport Freezone, Dubai",
                    "Khalifa Industrial Zone, Abu Dhabi",
                    "Dubai Silicon Oasis, Dubai"
                ])
            ),
            Style::Residential => {
                if r.chance(0.5) {
                    format!(
                        "Villa {}, Street {}, {}, Dubai",
                        n(r, 1, 120),
                        n(r, 1, 40),
                        r.pick(&["Al Barsha 2", "Mirdif", "Jumeirah 3", "Al Warqa 1"])
                    )
                } else {
                    format!(
                        "Apartment {}, {b} Residence, {}, Dubai",
                        n(r, 101, 3800),
                        r.pick(&["Dubai Marina", "Jumeirah Lake Towers", "International City"])
                    )
                }
            }
            Style::Retail => format!(
                "Shop {}, {b} Building, Al Fahidi Street, Bur Dubai, Dubai",
                n(r, 1, 40)
            ),
            Style::Vague => r.pick(&["Dubai", "Sharjah", "Dubai, UAE"]).to_string(),
        },
        "SA" => match style {
            Style::Residential => format!(
                "Villa {}, {} District, Riyadh",
                n(r, 1, 200),
                r.pick(&["Al Malqa", "Al Yasmin", "Al Narjis"])
            ),
            Style::Industrial => format!(
                "Building {}, {}",
                n(r, 1, 90),
                r.pick(&[
                    "King Abdullah Economic City, Rabigh 23965",
                    "Second Industrial City, Riyadh 14331",
                    "Dammam Industrial City 32241"
                ])
            ),
            Style::Vague => "Riyadh".to_string(),
            _ => format!(
                "{b} Tower, Floor {}, King Fahd Road, Al Olaya, Riyadh 12214",
                n(r, 2, 40)
            ),
        },
        "HK" => match style {
            Style::Office => format!(
                "Room {}, {}/F, {b} {}, {} {}, {}, Hong Kong",
                n(r, 1, 3500),
                n(r, 5, 40),
                r.pick(&["Centre", "Tower", "Plaza"]),
                n(r, 1, 300),
                r.pick(&[
                    "Queen's Road Central",
                    "Des Voeux Road Central",
                    "Nathan Road",
                    "Canton Road",
                    "Gloucester Road"
                ]),
                r.pick(&["Central", "Tsim Sha Tsui", "Wan Chai"])
            ),
            Style::Industrial => format!(
                "Unit {}, {}/F, {b} Industrial Building, {} {}, {}",
                n(r, 1, 30),
                n(r, 2, 20),
                n(r, 1, 80),
                r.pick(&[
                    "Hoi Yuen Road",
                    "Kwai Cheong Road",
                    "Wang Chiu Road",
                    "On Lok Mun Street"
                ]),
                r.pick(&[
                    "Kwun Tong, Kowloon",
                    "Kwai Chung, New Territories",
                    "Kowloon Bay, Kowloon",
                    "Fanling, New Territories"
                ])
            ),
            Style::Residential => format!(
                "Flat {}, {}/F, Block {}, {b} Garden, {}, New Territories",
                r.pick(&["A", "B", "C", "D", "E", "F"]),
                n(r, 2, 40),
                n(r, 1, 8),
                r.pick(&["Sha Tin", "Tseung Kwan O", "Tuen Mun", "Tai Po"])
            ),
            Style::Retail => format!(
                "Shop {}, {}/F, {b} Computer Centre, {} {}, {}",
                n(r, 1, 300),
                n(r, 1, 3),
                n(r, 1, 200),
                r.pick(&["Fa Yuen Street", "Ki Lung Street", "Lockhart Road"]),
                r.pick(&[
                    "Mong Kok, Kowloon",
                    "Sham Shui Po, Kowloon",
                    "Wan Chai, Hong Kong"
                ])
            ),
            Style::Vague => r.pick(&["Hong Kong", "Kowloon, Hong Kong"]).to_string(),
        },
        "CN" => match style {
            Style::Office => format!(
                "Room {}, {b} Building, No. {} {}",
                n(r, 101, 3200),
                n(r, 1, 999),
                r.pick(&[
                    "Keyuan Road, Nanshan District, Shenzhen, Guangdong 518057",
                    "Zhongguancun Street, Haidian District, Beijing 100080",
                    "Zhangjiang Road, Pudong New Area, Shanghai 201203",
                    "Wenyi West Road, Yuhang District, Hangzhou, Zhejiang 311121"
                ])
            ),
            Style::Industrial => format!(
                "No. {} {}",
                n(r, 1, 500),
                r.pick(&[
                    "Huanghai Road, TEDA, Tianjin 300457",
                    "Gaoxin 6th Road, Xi'an, Shaanxi 710075",
                    "Kejiyuan Road, Gui'an New Area, Guizhou 550025",
                    "Helin Road, Ulanqab, Inner Mongolia 012000"
                ])
            ),
            Style::Residential => format!(
                "Room {}, Unit {}, Building {}, {b} Garden, {}",
                n(r, 101, 3200),
                n(r, 1, 4),
                n(r, 1, 30),
                r.pick(&[
                    "Longhua District, Shenzhen",
                    "Chaoyang District, Beijing",
                    "Minhang District, Shanghai"
                ])
            ),
            Style::Retail => format!(
                "Booth {}{}, {b} Electronics Market, Huaqiang North Road, Futian District, Shenzhen 518031",
                r.pick(&["A", "B", "C"]),
                n(r, 100, 4999)
            ),
            Style::Vague => r.pick(&["Shenzhen", "Beijing", "Shanghai"]).to_string(),
        },
        "TW" => match style {
            Style::Office => {
                if r.chance(0.6) {
                    format!(
                        "{}F., No. {}, {}, Neihu Dist., Taipei City 114",
                        n(r, 2, 20),
                        n(r, 1, 600),
                        r.pick(&["Ruiguang Rd.", "Jihu Rd.", "Xinhu 1st Rd."])
                    )
                } else {
                    format!(
                        "No. {}, {}, East Dist., Hsinchu City 300",
                        n(r, 1, 300),
                        r.pick(&["Zhanye 1st Rd.", "Li-Hsin Rd.", "Gongye E. 9th Rd."])
                    )
                }
            }
            Style::Industrial => format!(
                "No. {}, {}",
                n(r, 1, 300),
                r.pick(&[
                    "Nanke 3rd Rd., Xinshi Dist., Tainan City 744",
                    "Keji Rd., Guishan Dist., Taoyuan City 333",
                    "Wenhua 2nd Rd., Linkou Dist., New Taipei City 244"
                ])
            ),
            Style::Residential => format!(
                "{}F., No. {}, Ln. {}, {} Sec. {}, {}, Taipei City 106",
                n(r, 2, 15),
                n(r, 1, 80),
                n(r, 1, 300),
                r.pick(&["Fuxing S. Rd.", "Zhongxiao E. Rd.", "Heping E. Rd."]),
                n(r, 1, 5),
                r.pick(&["Da'an Dist.", "Songshan Dist.", "Wenshan Dist."])
            ),
            Style::Retail => format!(
                "{}F., No. {}, Sec. 3, Civic Blvd., Zhongzheng Dist., Taipei City 100",
                n(r, 1, 8),
                n(r, 1, 50)
            ),
            Style::Vague => r.pick(&["Taipei", "Hsinchu"]).to_string(),
        },
        "JP" => match style {
            Style::Office => format!(
                "{b} Building {}F, {}-{}-{} {}",
                n(r, 3, 30),
                n(r, 1, 3),
                n(r, 1, 12),
                n(r, 1, 20),
                r.pick(&[
                    "Marunouchi, Chiyoda-ku, Tokyo 100-0005",
                    "Shibuya, Shibuya-ku, Tokyo 150-0002",
                    "Otemachi, Chiyoda-ku, Tokyo 100-0004",
                    "Roppongi, Minato-ku, Tokyo 106-0032"
                ])
            ),
            Style::Industrial => format!(
                "{}-{} {}",
                n(r, 1, 5),
                n(r, 1, 20),
                r.pick(&[
                    "Inzai, Chiba 270-1337",
                    "Sakai-ku, Osaka 590-0985",
                    "Kitahiroshima, Hokkaido 061-1270"
                ])
            ),
            Style::Residential => format!(
                "{b} Heights {}, {}-{}-{} {}",
                n(r, 101, 1205),
                n(r, 1, 5),
                n(r, 1, 20),
                n(r, 1, 30),
                r.pick(&[
                    "Kichijoji Honcho, Musashino-shi, Tokyo",
                    "Setagaya, Setagaya-ku, Tokyo",
                    "Nakano, Nakano-ku, Tokyo"
                ])
            ),
            Style::Retail => format!(
                "{}-{}-{} Sotokanda, Chiyoda-ku, Tokyo 101-0021",
                n(r, 1, 4),
                n(r, 1, 10),
                n(r, 1, 20)
            ),
            Style::Vague => "Tokyo".to_string(),
        },
        "KR" => match style {
            Style::Office => format!(
                "{}F, {b} Tower, {} Teheran-ro, Gangnam-gu, Seoul {:05}",
                n(r, 3, 30),
                n(r, 100, 500),
                n(r, 6100, 6299)
            ),
            Style::Industrial => format!(
                "{} {}",
                n(r, 1, 300),
                r.pick(&[
                    "Gasan digital 1-ro, Geumcheon-gu, Seoul",
                    "Songdo-dong, Yeonsu-gu, Incheon",
                    "Pangyo-ro, Bundang-gu, Seongnam-si"
                ])
            ),
            Style::Residential => format!(
                "{}-dong {}-ho, {b} Apt, {} {}",
                n(r, 101, 120),
                n(r, 101, 2505),
                n(r, 1, 300),
                r.pick(&[
                    "Bundang-ro, Seongnam-si",
                    "Dongtan-daero, Hwaseong-si",
                    "Mapo-daero, Mapo-gu, Seoul"
                ])
            ),
            Style::Retail => format!(
                "{}, Yongsan Electronics Market, Cheongpa-ro, Yongsan-gu, Seoul",
                n(r, 1, 400)
            ),
            Style::Vague => "Seoul".to_string(),
        },
        "DE" => match style {
            Style::Office => format!(
                "{} {}, {}",
                r.pick(&[
                    "Mainzer Landstrasse",
                    "Leopoldstrasse",
                    "Friedrichstrasse",
                    "Taunusanlage",
                    "Koenigstrasse"
                ]),
                n(r, 1, 200),
                r.pick(&[
                    "60311 Frankfurt am Main",
                    "80331 Muenchen",
                    "10117 Berlin",
                    "20095 Hamburg",
                    "70173 Stuttgart"
                ])
            ),
            Style::Industrial => format!(
                "{} {}, {}",
                r.pick(&[
                    "Hanauer Landstrasse",
                    "Kruppstrasse",
                    "Weismuellerstrasse",
                    "Gutleutstrasse"
                ]),
                n(r, 1, 300),
                r.pick(&[
                    "60314 Frankfurt am Main",
                    "60388 Frankfurt am Main",
                    "65760 Eschborn"
                ])
            ),
            Style::Residential => format!(
                "{} {}, {}",
                r.pick(&["Lindenweg", "Birkenweg", "Am Sonnenhang", "Rosenstrasse"]),
                n(r, 1, 60),
                r.pick(&["61348 Bad Homburg", "82008 Unterhaching", "14467 Potsdam"])
            ),
            Style::Retail => format!(
                "Hauptstrasse {}, {}",
                n(r, 1, 200),
                r.pick(&["50667 Koeln", "04109 Leipzig"])
            ),
            Style::Vague => "Frankfurt".to_string(),
        },
        "GB" => match style {
            Style::Office => format!(
                "{} {}, {}",
                n(r, 1, 200),
                r.pick(&[
                    "Bishopsgate",
                    "Old Street",
                    "Kingsway",
                    "Canada Square",
                    "Deansgate"
                ]),
                r.pick(&[
                    "London EC2M 4QP",
                    "London EC1V 9HX",
                    "London WC2B 6TD",
                    "London E14 5AB",
                    "Manchester M3 2BY"
                ])
            ),
            Style::Industrial => format!(
                "Unit {}, {}",
                n(r, 1, 90),
                r.pick(&[
                    "Slough Trading Estate, Slough SL1 4XX",
                    "East India Dock, London E14 9XL",
                    "Park Royal, London NW10 7XX",
                    "Cody Park, Farnborough GU14 0LX"
                ])
            ),
            Style::Residential => {
                if r.chance(0.5) {
                    format!(
                        "{} {}, {}",
                        n(r, 1, 200),
                        r.pick(&["Meadow Close", "Church Lane", "Victoria Road", "Elm Grove"]),
                        r.pick(&["Reading RG6 1AB", "Cambridge CB4 1XY", "Croydon CR0 2AB"])
                    )
                } else {
                    format!(
                        "Flat {}, {b} Court, {}",
                        n(r, 1, 90),
                        r.pick(&["Reading RG1 3EB", "London SE1 7PB", "Bristol BS1 6QA"])
                    )
                }
            }
            Style::Retail => format!("{} Tottenham Court Road, London W1T 7AA", n(r, 1, 250)),
            Style::Vague => "London".to_string(),
        },
        _ => {
            let (cities, streets): (&[&str], &[&str]) = match cc {
                "FR" => (
                    &[
                        "75008 Paris",
                        "92400 Courbevoie",
                        "69002 Lyon",
                        "91300 Massy",
                    ],
                    &[
                        "Rue de Rivoli",
                        "Avenue de la Grande Armee",
                        "Rue Lafayette",
                        "Boulevard Haussmann",
                    ],
                ),
                "NL" => (
                    &[
                        "1017 AB Amsterdam",
                        "1101 BA Amsterdam",
                        "3011 AD Rotterdam",
                        "5611 AZ Eindhoven",
                    ],
                    &[
                        "Keizersgracht",
                        "Herengracht",
                        "Schiphol Boulevard",
                        "Science Park",
                    ],
                ),
                "SE" => (
                    &["111 57 Stockholm", "411 05 Gothenburg", "972 53 Lulea"],
                    &["Sveavagen", "Kungsgatan", "Drottninggatan"],
                ),
                "CA" => (
                    &[
                        "Toronto, ON M5H 2N2",
                        "Montreal, QC H3B 2Y5",
                        "Vancouver, BC V6C 1T2",
                        "Waterloo, ON N2L 3G1",
                    ],
                    &[
                        "Bay Street",
                        "King Street West",
                        "Rue Sainte-Catherine",
                        "University Avenue",
                    ],
                ),
                "AU" => (
                    &[
                        "Sydney NSW 2000",
                        "Melbourne VIC 3000",
                        "Macquarie Park NSW 2113",
                    ],
                    &["George Street", "Collins Street", "Talavera Road"],
                ),
                "IL" => (
                    &["Tel Aviv 6789141", "Herzliya 4672544", "Haifa 3508409"],
                    &["Rothschild Blvd", "Menachem Begin Rd", "Abba Eban Blvd"],
                ),
                _ => (
                    &["Road Town, Tortola", "George Town, Grand Cayman"],
                    &["Main Street", "Harbour Drive"],
                ),
            };
            let city = r.pick(cities);
            let st = r.pick(streets);
            match style {
                Style::Office => format!("{} {st}, Floor {}, {city}", n(r, 1, 300), n(r, 1, 30)),
                Style::Industrial => format!("{b} Business Park, Building {}, {city}", n(r, 1, 20)),
                Style::Residential => {
                    format!("{} {b} Lane, Apt {}, {city}", n(r, 1, 200), n(r, 1, 60))
                }
                Style::Retail => format!("{} {st}, Shop {}, {city}", n(r, 1, 300), n(r, 1, 40)),
                Style::Vague => city.to_string(),
            }
        }
    }
}

// ---------------------------------------------------------------- names

const PREFIX: &[&str] = &[
    "Apex",
    "Aurora",
    "Blue Harbor",
    "Cedar",
    "Crestline",
    "Delta",
    "Everbright",
    "Falcon",
    "Golden Bridge",
    "Granite",
    "Horizon",
    "Ionic",
    "Jade",
    "Keystone",
    "Lumen",
    "Maple",
    "Meridian",
    "Nimbus",
    "Northstar",
    "Orchid",
    "Pinnacle",
    "Quantum",
    "Redwood",
    "Sapphire",
    "Silverline",
    "Summit",
    "Titan",
    "Unity",
    "Vantage",
    "Vertex",
    "Willow",
    "Zenith",
    "Lotus",
    "Phoenix",
    "Harmony",
    "Infinity",
    "Prime",
    "Stellar",
    "Nova",
    "Orion",
    "Pacific",
    "Evergreen",
    "Sunrise",
    "Tianrui",
    "Huaxin",
    "Jinlong",
    "Hengtai",
    "Sinar",
    "Cahaya",
    "Mekong",
    "Siam",
    "Saigon Star",
    "Nusantara",
    "Garuda",
    "Indus",
    "Ganga",
    "Sakura",
    "Fuji",
    "Hanbit",
    "Mirae",
    "Formosa",
    "Alpen",
    "Rhein",
    "Albion",
    "Thames",
    "Nordic",
    "Kestrel",
    "Obsidian",
    "Beacon",
    "Cobalt",
    "Emerald",
    "Helix",
    "Lyra",
    "Monarch",
    "Neon",
    "Onyx",
    "Polaris",
    "Radiant",
    "Sierra",
    "Tidal",
    "Ultra",
    "Vega",
    "Wavecrest",
    "Xenon",
    "Yonder",
    "Zephyr",
    "Arcadia",
    "Bluefin",
    "Coral",
    "Dragon Gate",
    "Eastwind",
    "Fortune",
    "Grandview",
    "Highpoint",
    "Ivory",
    "Juniper",
    "Kinetic",
    "Lighthouse",
    "Mosaic",
    "Nexus",
    "Oakridge",
    "Paragon",
    "Quasar",
    "Riverstone",
    "Skyline",
    "Trident",
];

const CN_PREFIX: &[&str] = &[
    "Shenzhen Huaxin",
    "Beijing Tianrui",
    "Shanghai Jinlong",
    "Hangzhou Hengtai",
    "Guangzhou Yuntu",
    "Chengdu Xinghe",
    "Suzhou Ruixin",
    "Tianjin Haiyun",
    "Nanjing Zhiyuan",
    "Wuhan Guanggu",
    "Xiamen Lianchuang",
    "Shenzhen Qianhai",
    "Beijing Zhongke",
    "Shanghai Lingang",
    "Hefei Kexun",
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Cloud,
    DataCentre,
    Startup,
    Lab,
    Enterprise,
    Distributor,
    Integrator,
    Reseller,
    SmallOffice,
    ChinaMarket,
}

struct Namer {
    used: HashSet<String>,
}

impl Namer {
    fn brand(&mut self, r: &mut Rng, cn: bool) -> String {
        const HEAD: &[&str] = &[
            "Ka", "Lu", "Ve", "Zo", "Ar", "Ne", "Tri", "Sol", "Mar", "Quo", "Ri", "Xa", "Or",
            "Bel", "Cor", "Dax", "El", "Fen", "Gal", "Hy", "Io", "Jun", "Kir", "Lam", "Mo", "Nor",
            "Pel", "Sen", "Tal", "Vor",
        ];
        const TAIL: &[&str] = &[
            "ven", "lix", "tra", "mon", "dor", "nis", "ria", "tek", "vio", "zen", "qua", "ros",
            "lan", "mir", "rion", "vex", "dia", "nex", "tum", "gen",
        ];
        const WORD: &[&str] = &[
            "", "", "", "Tech", "Digital", "Data", "Compute", "Micro", "Info", "Sky", "Star",
            "Link", "Wave", "Core", "Grid", "Peak",
        ];
        for i in 0..60 {
            let w = r.pick(WORD);
            let p = if cn {
                (r.pick(CN_PREFIX)).to_string()
            } else if i < 4 {
                (r.pick(PREFIX)).to_string()
            } else if i < 30 {
                format!("{}{}", r.pick(HEAD), r.pick(TAIL))
            } else {
                format!(
                    "{}{}{}",
                    r.pick(HEAD),
                    r.pick(TAIL).trim_end_matches('n'),
                    r.pick(TAIL)
                )
            };
            let b = if w.is_empty() || (i >= 4 && r.chance(0.5)) {
                p
            } else {
                format!("{p} {w}")
            };
            if self.used.insert(b.clone()) {
                return b;
            }
        }
        let b = format!("Vertex {}", self.used.len());
        self.used.insert(b.clone());
        b
    }
}

fn with_suffix(r: &mut Rng, base: &str, cc: &str) -> String {
    let c = country(cc);
    let s = r.pick(c.suffix);
    if cc == "ID" {
        return format!(
            "PT {base}{}",
            if s.is_empty() {
                String::new()
            } else {
                format!(" {s}")
            }
        );
    }
    if s.is_empty() {
        base.to_string()
    } else {
        format!("{base} {s}")
    }
}

fn legit_name(r: &mut Rng, brand: &str, kind: Kind, cc: &str) -> String {
    let core = match kind {
        Kind::Cloud => format!(
            "{brand} {}",
            r.pick(&["Cloud", "Cloud Services", "Hyperscale", "Compute Cloud"])
        ),
        Kind::DataCentre => format!(
            "{brand} {}",
            r.pick(&[
                "Data Centres",
                "Data Centers",
                "Colocation",
                "DC Services",
                "Digital Infrastructure"
            ])
        ),
        Kind::Startup => format!(
            "{brand} {}",
            r.pick(&[
                "AI",
                "Labs",
                "Intelligence",
                "Robotics",
                "Foundation Models",
                "GPU Cloud",
                "Neural"
            ])
        ),
        Kind::Lab => {
            return match r.below(3) {
                0 => format!("{brand} Institute of Technology"),
                1 => format!("{brand} Research Institute"),
                _ => format!(
                    "National {} Laboratory ({})",
                    r.pick(&["Computing", "Energy", "Climate", "Genomics", "Physics"]),
                    brand
                ),
            };
        }
        Kind::Enterprise => format!(
            "{brand} {}",
            r.pick(&[
                "Bank",
                "Motors",
                "Pharmaceuticals",
                "Media Group",
                "Insurance",
                "Energy",
                "Telecom",
                "Games",
                "Retail Group",
                "Foods",
                "Logistics",
                "Semiconductor",
                "Aerospace",
                "Health",
                "Securities"
            ])
        ),
        Kind::Distributor => format!(
            "{brand} {}",
            r.pick(&[
                "Distribution",
                "Electronics",
                "Components",
                "Technology Distribution"
            ])
        ),
        Kind::Integrator => format!(
            "{brand} {}",
            r.pick(&[
                "Systems",
                "Solutions",
                "Integration",
                "Infotech",
                "IT Services"
            ])
        ),
        Kind::Reseller => format!(
            "{brand} {}",
            r.pick(&[
                "Computer",
                "Technology Trading",
                "IT Supplies",
                "Digital Trading",
                "Computer Trading",
                "PC Store"
            ])
        ),
        Kind::SmallOffice => format!(
            "{brand} {}",
            r.pick(&[
                "Design Studio",
                "Consulting",
                "Architects",
                "Visual Effects",
                "Engineering Services",
                "Analytics",
                "Animation"
            ])
        ),
        Kind::ChinaMarket => format!(
            "{brand} {}",
            r.pick(&[
                "Technology",
                "Information Technology",
                "Network Technology",
                "Intelligent Technology",
                "Cloud Computing"
            ])
        ),
    };
    with_suffix(r, &core, cc)
}

fn domain_for(r: &mut Rng, name: &str, cc: &str, academic: bool) -> String {
    let c = country(cc);
    let s = slug(name, 2);
    if academic {
        return format!("{s}.{}", c.acdom);
    }
    if r.chance(0.5) {
        format!("{s}.com")
    } else {
        format!("{s}.{}", c.dom)
    }
}

// ---------------------------------------------------------------- sellers, forwarders, routes

const SELLERS: &[(&str, &str)] = &[
    ("Cascade Compute Inc.", "US"),
    ("Cascade Compute Taiwan Co., Ltd.", "TW"),
    ("Brightline Distribution LLC", "US"),
    ("Pacific Rim Components Pte. Ltd.", "SG"),
    ("Nordlicht Elektronik GmbH", "DE"),
    ("Kanto Devices K.K.", "JP"),
    ("Hanbit Systems Co., Ltd.", "KR"),
    ("Golden Harbour Electronics Limited", "HK"),
    ("Meridian Tech Distribution FZE", "AE"),
    ("Indus Compute Distribution Pvt. Ltd.", "IN"),
    ("Semenanjung Digital Supply Sdn. Bhd.", "MY"),
    ("Albion Systems Distribution Ltd", "GB"),
];

fn seller_for(r: &mut Rng, cc: &str, direct: bool) -> usize {
    if direct {
        return if r.chance(0.65) { 0 } else { 1 };
    }
    let opts: &[(usize, f64)] = match cc {
        "US" | "CA" => &[(0, 0.45), (2, 0.55)],
        "TW" => &[(1, 0.8), (0, 0.2)],
        "SG" | "ID" | "PH" => &[(3, 0.6), (1, 0.25), (0, 0.15)],
        "MY" | "TH" | "VN" => &[(10, 0.45), (3, 0.35), (1, 0.2)],
        "HK" | "CN" => &[(7, 0.7), (1, 0.3)],
        "JP" => &[(5, 0.8), (0, 0.2)],
        "KR" => &[(6, 0.8), (0, 0.2)],
        "DE" | "FR" | "NL" | "SE" | "IL" => &[(4, 0.7), (0, 0.3)],
        "GB" => &[(11, 0.75), (0, 0.25)],
        "AE" | "SA" => &[(8, 0.8), (0, 0.2)],
        "IN" => &[(9, 0.8), (3, 0.2)],
        "AU" => &[(0, 0.5), (3, 0.5)],
        _ => &[(0, 1.0)],
    };
    r.wpick(opts)
}

fn origin(r: &mut Rng, seller: usize) -> &'static str {
    match seller {
        0 | 2 => {
            if r.chance(0.4) {
                "TW"
            } else {
                "US"
            }
        }
        1 => "TW",
        s => {
            if r.chance(0.5) {
                SELLERS[s].1
            } else if r.chance(0.6) {
                "TW"
            } else {
                "US"
            }
        }
    }
}

const BIG_FWD: &[&str] = &[
    "Transoceanic Freight Systems",
    "Globe Meridian Logistics",
    "Northbridge Air Cargo",
    "Continental Express Forwarding",
    "Pacific Gateway Logistics",
    "Harbourline Shipping Agency",
    "Asia Link Cargo Services",
    "Bluewater Freight International",
    "Skyport Logistics",
    "Atlas Global Forwarding",
];

fn local_forwarder(r: &mut Rng, namer: &mut Namer, cc: &str) -> String {
    let b = namer.brand(r, false);
    let core = format!(
        "{b} {}",
        r.pick(&[
            "Cargo",
            "Freight Services",
            "Express Logistics",
            "Shipping",
            "Logistics",
            "Air Freight",
            "Forwarding"
        ])
    );
    with_suffix(r, &core, cc)
}

fn normal_route(r: &mut Rng, from: &str, to: &str) -> String {
    if from == to {
        return if r.chance(0.6) {
            String::new()
        } else {
            to.to_string()
        };
    }
    let via: Option<&str> = match to {
        "MY" | "ID" | "TH" | "VN" | "PH" => {
            let x = r.f();
            if x < 0.3 {
                Some("SG")
            } else if x < 0.4 {
                Some("HK")
            } else {
                None
            }
        }
        "CN" => {
            if r.chance(0.6) {
                Some("HK")
            } else {
                None
            }
        }
        "SA" => {
            if r.chance(0.35) {
                Some("AE")
            } else {
                None
            }
        }
        "IN" => {
            if r.chance(0.2) {
                Some(r.pick(&["SG", "AE"]))
            } else {
                None
            }
        }
        "DE" | "FR" | "SE" | "GB" => {
            if r.chance(0.3) {
                Some(r.pick(&["NL", "DE"]))
            } else {
                None
            }
        }
        "AU" => {
            if r.chance(0.2) {
                Some("SG")
            } else {
                None
            }
        }
        _ => None,
    };
    match via {
        Some(v) if v != from && v != to => format!("{from};{v};{to}"),
        _ => format!("{from};{to}"),
    }
}

fn odd_route(r: &mut Rng, from: &str, to: &str) -> String {
    let hubs = ["HK", "SG", "AE", "MY", "TH", "MO", "KR", "JP"];
    let mut a = r.pick(&hubs);
    let mut b = r.pick(&hubs);
    if a == to || a == from {
        a = "HK";
    }
    if b == to || b == a || b == from {
        b = if a == "AE" { "SG" } else { "AE" };
    }
    match r.below(4) {
        0 => format!("{from};{a};{to}"),
        1 => format!("{from};{a};{b};{to}"),
        2 => {
            let onward = r.pick(&["HK", "CN", "MO", "KH", "LA", "MM"]);
            if onward == to {
                format!("{from};{a};{to}")
            } else {
                format!("{from};{to};{onward}")
            }
        }
        _ => format!("{from};{b};{a};{to}"),
    }
}

fn incoterm(r: &mut Rng, buyer_controls: bool) -> String {
    let t: &[(&str, f64)] = if buyer_controls {
        &[("EXW", 0.4), ("FCA", 0.45), ("FOB", 0.1), ("CPT", 0.05)]
    } else {
        &[
            ("DAP", 0.45),
            ("DDP", 0.3),
            ("CIP", 0.1),
            ("CIF", 0.1),
            ("CPT", 0.05),
        ]
    };
    if r.chance(0.08) {
        String::new()
    } else {
        r.wpick(t).to_string()
    }
}

fn currency(r: &mut Rng, cc: &str, seller_cc: &str) -> String {
    if r.chance(0.03) {
        return String::new();
    }
    let local = match cc {
        "DE" | "FR" | "NL" if seller_cc == "DE" => Some(("EUR", 0.5)),
        "JP" if seller_cc == "JP" => Some(("JPY", 0.4)),
        "GB" if seller_cc == "GB" => Some(("GBP", 0.35)),
        "KR" if seller_cc == "KR" => Some(("KRW", 0.2)),
        "IN" if seller_cc == "IN" => Some(("INR", 0.25)),
        "TW" => Some(("TWD", 0.15)),
        "SG" if seller_cc == "SG" => Some(("SGD", 0.12)),
        "CN" => Some(("CNY", 0.15)),
        "HK" => Some(("HKD", 0.1)),
        "MY" if seller_cc == "MY" => Some(("MYR", 0.12)),
        _ => None,
    };
    match local {
        Some((c, p)) if r.chance(p) => c.to_string(),
        _ => "USD".to_string(),
    }
}

// ---------------------------------------------------------------- ledger rows

#[derive(Default)]
struct Order {
    date: i32,
    seller: String,
    seller_cc: String,
    bill_name: String,
    bill_addr: String,
    bill_cc: String,
    ship_name: String,
    ship_addr: String,
    ship_cc: String,
    ship_type: String,
    eu_name: String,
    eu_addr: String,
    eu_cc: String,
    eu_parent: String,
    eu_parent_cc: String,
    payer: String,
    payer_cc: String,
    item: String,
    hs: String,
    qty: u32,
    price: String,
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
    diverted: bool,
    scheme: &'static str,
}

fn csv(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn seller_fields(o: &mut Order, r: &mut Rng, s: usize) {
    o.seller = SELLERS[s].0.to_string();
    o.seller_cc = if r.chance(0.03) {
        String::new()
    } else {
        SELLERS[s].1.to_string()
    };
}

fn install_field(r: &mut Rng, declined: bool) -> String {
    if declined {
        "true".to_string()
    } else if r.chance(0.55) {
        "false".to_string()
    } else {
        String::new()
    }
}

fn mw_str(x: f64) -> String {
    if x >= 10.0 {
        format!("{x:.0}")
    } else if x >= 1.0 {
        format!("{x:.1}")
    } else if x >= 0.1 {
        format!("{x:.2}")
    } else {
        format!("{:.3}", x.max(0.001))
    }
}

/// Facility power (MW) this order needs: IT load times a PUE of about 1.3.
fn need_mw(it: &Item, qty: u32) -> f64 {
    it.kw * f64::from(qty) * 1.3 / 1000.0
}

// ---------------------------------------------------------------- legitimate customers

struct Site {
    name: String,
    addr: String,
    cc: &'static str,
    typ: &'static str,
    mw: Option<f64>,
}

struct Cust {
    kind: Kind,
    brand: String,
    name: String,
    cc: &'static str,
    addr: String,
    since: i32,
    since_shown: bool,
    email: String,
    phone: String,
    parent: Option<(String, &'static str)>,
    sites: Vec<Site>,
    alt_payer: Option<(String, &'static str)>,
    alt_payer_rate: f64,
    seller: usize,
    forwarder: String,
    decline: f64,
    weight: f64,
}

type Weighted = &'static [(&'static str, f64)];

fn countries_for(kind: Kind) -> Weighted {
    match kind {
        Kind::Cloud => &[
            ("US", 30.0),
            ("JP", 6.0),
            ("KR", 5.0),
            ("DE", 5.0),
            ("GB", 5.0),
            ("FR", 4.0),
            ("NL", 3.0),
            ("SE", 2.0),
            ("SG", 5.0),
            ("MY", 5.0),
            ("IN", 5.0),
            ("AE", 4.0),
            ("SA", 3.0),
            ("AU", 3.0),
            ("CA", 3.0),
            ("TW", 4.0),
            ("ID", 2.0),
            ("TH", 2.0),
            ("IL", 1.0),
        ],
        Kind::DataCentre => &[
            ("US", 20.0),
            ("SG", 6.0),
            ("MY", 10.0),
            ("JP", 5.0),
            ("KR", 3.0),
            ("DE", 5.0),
            ("GB", 4.0),
            ("NL", 4.0),
            ("FR", 3.0),
            ("IN", 6.0),
            ("AE", 5.0),
            ("SA", 3.0),
            ("TH", 4.0),
            ("ID", 4.0),
            ("VN", 2.0),
            ("PH", 2.0),
            ("AU", 3.0),
            ("TW", 3.0),
            ("CA", 2.0),
        ],
        Kind::Startup => &[
            ("US", 35.0),
            ("GB", 6.0),
            ("FR", 5.0),
            ("DE", 4.0),
            ("CA", 4.0),
            ("IL", 4.0),
            ("SG", 6.0),
            ("IN", 6.0),
            ("JP", 4.0),
            ("KR", 4.0),
            ("TW", 3.0),
            ("AE", 3.0),
            ("MY", 3.0),
            ("VN", 2.0),
            ("ID", 2.0),
            ("TH", 2.0),
            ("SE", 2.0),
            ("NL", 2.0),
            ("AU", 2.0),
            ("SA", 1.0),
        ],
        Kind::Lab => &[
            ("US", 30.0),
            ("GB", 7.0),
            ("DE", 8.0),
            ("FR", 5.0),
            ("JP", 8.0),
            ("KR", 6.0),
            ("TW", 5.0),
            ("SG", 4.0),
            ("IN", 5.0),
            ("AU", 4.0),
            ("CA", 4.0),
            ("NL", 3.0),
            ("SE", 3.0),
            ("IL", 3.0),
            ("MY", 2.0),
            ("TH", 1.0),
            ("VN", 1.0),
            ("SA", 2.0),
            ("AE", 1.0),
        ],
        Kind::Enterprise | Kind::Integrator | Kind::SmallOffice => &[
            ("US", 28.0),
            ("JP", 8.0),
            ("KR", 6.0),
            ("DE", 7.0),
            ("GB", 6.0),
            ("FR", 5.0),
            ("NL", 2.0),
            ("SE", 2.0),
            ("TW", 5.0),
            ("SG", 5.0),
            ("MY", 4.0),
            ("TH", 3.0),
            ("VN", 3.0),
            ("ID", 3.0),
            ("PH", 2.0),
            ("IN", 5.0),
            ("AE", 4.0),
            ("SA", 2.0),
            ("IL", 2.0),
            ("AU", 3.0),
            ("CA", 3.0),
        ],
        Kind::Distributor => &[
            ("US", 15.0),
            ("TW", 8.0),
            ("SG", 10.0),
            ("MY", 6.0),
            ("TH", 5.0),
            ("VN", 4.0),
            ("ID", 4.0),
            ("PH", 3.0),
            ("IN", 7.0),
            ("AE", 7.0),
            ("JP", 6.0),
            ("KR", 5.0),
            ("DE", 7.0),
            ("GB", 4.0),
            ("NL", 3.0),
            ("FR", 2.0),
            ("AU", 2.0),
            ("SA", 2.0),
            ("IL", 1.0),
            ("CA", 2.0),
        ],
        Kind::Reseller => &[
            ("US", 12.0),
            ("SG", 8.0),
            ("MY", 8.0),
            ("TH", 6.0),
            ("VN", 6.0),
            ("ID", 5.0),
            ("PH", 4.0),
            ("IN", 6.0),
            ("AE", 8.0),
            ("TW", 5.0),
            ("JP", 4.0),
            ("KR", 4.0),
            ("DE", 5.0),
            ("GB", 4.0),
            ("FR", 2.0),
            ("NL", 2.0),
            ("AU", 2.0),
            ("SA", 2.0),
            ("CA", 2.0),
            ("IL", 1.0),
        ],
        Kind::ChinaMarket => &[
            ("CN", 70.0),
            ("HK", 18.0),
            ("SG", 4.0),
            ("MY", 3.0),
            ("TH", 2.0),
            ("VN", 1.0),
            ("AE", 1.0),
        ],
    }
}

fn menu(kind: Kind) -> Weighted {
    match kind {
        Kind::Cloud => &[
            ("HGX-H100-8GPU", 3.0),
            ("HGX-H200-8GPU", 3.0),
            ("DGX-B200", 3.0),
            ("B200", 2.0),
            ("B300", 2.0),
            ("H100-SXM", 2.0),
            ("H200", 2.0),
            ("MI300X", 2.0),
            ("MI325X", 1.0),
            ("L40S", 1.5),
            ("L4", 1.0),
            ("GAUDI3", 0.5),
        ],
        Kind::DataCentre => &[
            ("HGX-H100-8GPU", 3.0),
            ("HGX-H200-8GPU", 3.0),
            ("DGX-B200", 2.0),
            ("DGX-H100", 1.0),
            ("L40S", 1.0),
            ("MI300X", 1.0),
            ("B200", 1.0),
        ],
        Kind::Startup => &[
            ("HGX-H100-8GPU", 3.0),
            ("HGX-H200-8GPU", 2.0),
            ("DGX-B200", 1.5),
            ("H100-SXM", 1.0),
            ("H100-PCIE", 1.0),
            ("B200", 1.0),
            ("L40S", 1.0),
            ("MI300X", 0.5),
            ("RTX-4090", 0.5),
            ("RTX-5090", 0.5),
        ],
        Kind::Lab => &[
            ("DGX-H100", 2.0),
            ("DGX-A100", 1.0),
            ("DGX-B200", 1.0),
            ("H100-PCIE", 2.0),
            ("A100", 1.5),
            ("L40S", 1.5),
            ("RTX-4090", 1.0),
            ("RTX-5090", 1.0),
            ("GAUDI2", 0.3),
            ("MI300X", 0.5),
        ],
        Kind::Enterprise => &[
            ("DGX-H100", 1.5),
            ("DGX-B200", 1.0),
            ("H100-PCIE", 2.0),
            ("L40S", 2.5),
            ("L4", 2.0),
            ("A100", 1.0),
            ("HGX-H100-8GPU", 1.0),
            ("RTX-4090", 0.5),
            ("GAUDI3", 0.3),
        ],
        Kind::Distributor => &[
            ("H100-PCIE", 2.0),
            ("L40S", 3.0),
            ("L4", 2.0),
            ("RTX-4090", 2.0),
            ("RTX-5090", 2.0),
            ("A100", 1.0),
            ("HGX-H100-8GPU", 1.0),
            ("HGX-H200-8GPU", 0.5),
            ("MI300X", 0.5),
            ("H100-SXM", 0.5),
        ],
        Kind::Integrator => &[
            ("HGX-H100-8GPU", 3.0),
            ("HGX-H200-8GPU", 2.0),
            ("DGX-B200", 1.0),
            ("H100-SXM", 1.5),
            ("B200", 1.0),
            ("L40S", 2.0),
            ("H100-PCIE", 1.5),
            ("MI300X", 1.0),
        ],
        Kind::Reseller => &[
            ("RTX-4090", 3.0),
            ("RTX-5090", 3.0),
            ("L40S", 2.0),
            ("H100-PCIE", 1.5),
            ("A100", 1.0),
            ("L4", 1.0),
            ("HGX-H100-8GPU", 0.5),
        ],
        Kind::SmallOffice => &[
            ("RTX-4090", 4.0),
            ("RTX-5090", 4.0),
            ("L40S", 1.5),
            ("L4", 1.0),
            ("H100-PCIE", 0.3),
        ],
        Kind::ChinaMarket => &[
            ("A800", 2.0),
            ("H800-SXM", 2.0),
            ("L40S", 1.0),
            ("RTX-4090", 1.5),
            ("L4", 1.0),
            ("H20", 4.0),
            ("HGX-H20-8GPU", 2.0),
            ("L20", 2.0),
            ("RTX-4090D", 2.0),
            ("RTX-5090D", 1.5),
        ],
    }
}

fn legit_qty(r: &mut Rng, kind: Kind, form: Form) -> u32 {
    use Form::*;
    use Kind::*;
    let (med, sig, lo, hi) = match (kind, form) {
        (Cloud, Board | System) => (24.0, 1.0, 2, 512),
        (Cloud, _) => (256.0, 1.0, 16, 4096),
        (DataCentre, Board | System) => (12.0, 1.0, 1, 256),
        (DataCentre, _) => (96.0, 1.0, 8, 2048),
        (Startup, Board | System) => (4.0, 0.9, 1, 128),
        (Startup, Consumer) => (4.0, 0.8, 1, 32),
        (Startup, _) => (32.0, 0.9, 4, 1024),
        (Lab, Board | System) => (2.0, 0.8, 1, 32),
        (Lab, _) => (8.0, 0.9, 1, 128),
        (Enterprise, Board | System) => (2.0, 0.7, 1, 16),
        (Enterprise, _) => (8.0, 0.9, 1, 128),
        (Distributor, Consumer) => (150.0, 0.9, 10, 2000),
        (Distributor, Board | System) => (6.0, 0.8, 1, 64),
        (Distributor, _) => (60.0, 0.9, 8, 1000),
        (Integrator, Board | System) => (8.0, 1.0, 1, 200),
        (Integrator, _) => (40.0, 1.0, 4, 800),
        (Reseller, Consumer) => (24.0, 0.9, 2, 500),
        (Reseller, Board | System) => (1.0, 0.6, 1, 8),
        (Reseller, _) => (8.0, 0.8, 1, 100),
        (SmallOffice, _) => (2.0, 0.6, 1, 8),
        (ChinaMarket, Board | System) => (24.0, 1.0, 2, 400),
        (ChinaMarket, Consumer) => (150.0, 1.0, 10, 3000),
        (ChinaMarket, _) => (160.0, 1.0, 8, 4000),
    };
    let q = r.count(med, sig, lo, hi);
    if form == Form::Module && q >= 8 && r.chance(0.75) {
        (q / 8).max(1) * 8
    } else {
        q
    }
}

fn legit_end_use(r: &mut Rng, kind: Kind) -> &'static str {
    let xs: &[&str] = match kind {
        Kind::Cloud => &[
            "GPU cloud infrastructure",
            "AI training cluster",
            "public cloud GPU instances",
            "LLM inference service",
            "AI cloud region expansion",
        ],
        Kind::DataCentre => &[
            "colocation customer deployment",
            "AI data centre build-out",
            "HPC hosting",
            "GPU hosting for tenants",
        ],
        Kind::Startup => &[
            "foundation model training",
            "AI inference platform",
            "generative AI R&D",
            "GPU cloud rental",
            "computer vision training",
            "speech model training",
        ],
        Kind::Lab => &[
            "academic research",
            "climate modelling",
            "genomics research",
            "HPC cluster upgrade",
            "AI research",
            "materials simulation",
        ],
        Kind::Enterprise => &[
            "fraud detection models",
            "autonomous driving simulation",
            "drug discovery",
            "video rendering",
            "recommendation systems",
            "internal AI platform",
            "document AI",
            "chip design EDA",
        ],
        Kind::Distributor => &[
            "stock for resale",
            "distribution inventory",
            "resale to system builders",
        ],
        Kind::Integrator => &[
            "system integration for customer project",
            "turnkey AI cluster for client",
            "server integration",
            "HPC cluster for client",
        ],
        Kind::Reseller => &[
            "resale",
            "retail stock",
            "resale to SMB customers",
            "workstation builds",
        ],
        Kind::SmallOffice => &[
            "3D rendering workstation",
            "CAD/CAE workstation",
            "AI development workstation",
            "video editing",
            "machine learning experiments",
        ],
        Kind::ChinaMarket => &[
            "AI inference",
            "internet services",
            "cloud inference",
            "gaming PC assembly",
            "recommendation systems",
            "resale",
        ],
    };
    r.pick(xs)
}

struct World {
    custs: Vec<Cust>,
    /// customers an integrator may name as its client
    end_users: Vec<usize>,
    bizcentres: Vec<(String, &'static str, String)>, // address, country, reception phone
    local_fwd: Vec<(String, &'static str)>,
}

fn bizcentre(r: &mut Rng, w: &World, cc: &str) -> Option<(String, String)> {
    let xs: Vec<&(String, &'static str, String)> =
        w.bizcentres.iter().filter(|b| b.1 == cc).collect();
    if xs.is_empty() {
        None
    } else {
        let b = xs[r.below(xs.len())];
        Some((b.0.clone(), b.2.clone()))
    }
}

fn local_fwd_for(r: &mut Rng, w: &World, cc: &str) -> String {
    let xs: Vec<&(String, &'static str)> = w.local_fwd.iter().filter(|f| f.1 == cc).collect();
    if xs.is_empty() || r.chance(0.3) {
        r.pick(BIG_FWD).to_string()
    } else {
        xs[r.below(xs.len())].0.clone()
    }
}

fn make_world(r: &mut Rng, namer: &mut Namer, n_cust: usize) -> World {
    let mut w = World {
        custs: Vec::new(),
        end_users: Vec::new(),
        bizcentres: Vec::new(),
        local_fwd: Vec::new(),
    };
    for cc in [
        "SG", "HK", "MY", "AE", "TH", "VN", "ID", "IN", "US", "GB", "TW", "PH", "JP", "KR",
    ] {
        for _ in 0..3 {
            let a = address(r, cc, Style::Office);
            let p = phone(r, cc, false);
            w.bizcentres.push((a, country(cc).code, p));
        }
        for _ in 0..3 {
            let f = local_forwarder(r, namer, cc);
            w.local_fwd.push((f, country(cc).code));
        }
    }
    let kinds: &[(Kind, f64)] = &[
        (Kind::Cloud, 3.0),
        (Kind::DataCentre, 5.0),
        (Kind::Startup, 9.0),
        (Kind::Lab, 8.0),
        (Kind::Enterprise, 22.0),
        (Kind::Distributor, 5.0),
        (Kind::Integrator, 8.0),
        (Kind::Reseller, 9.0),
        (Kind::SmallOffice, 24.0),
        (Kind::ChinaMarket, 7.0),
    ];
    // data-centre operators first, so that start-ups can name their colocation sites
    let mut order: Vec<Kind> = (0..n_cust).map(|_| r.wpick(kinds)).collect();
    order.sort_by_key(|k| if *k == Kind::DataCentre { 0 } else { 1 });
    for kind in order {
        let c = make_cust(r, namer, &w, kind, None);
        let group = matches!(
            kind,
            Kind::Cloud
                | Kind::Enterprise
                | Kind::DataCentre
                | Kind::Distributor
                | Kind::Integrator
        );
        let sibs = match &c.parent {
            Some(p) if group && r.chance(0.35) => Some((
                c.brand.clone(),
                p.clone(),
                c.cc,
                c.phone.clone(),
                c.email.clone(),
            )),
            _ => None,
        };
        w.custs.push(c);
        // sister companies of one group share a procurement desk (phone, mailbox)
        if let Some((brand, parent, cc0, tel, mail)) = sibs {
            for _ in 0..r.int(1, 2) {
                let mut s = make_cust(r, namer, &w, kind, Some((&brand, &parent, cc0)));
                if r.chance(0.6) {
                    s.phone = tel.clone();
                }
                if r.chance(0.5) {
                    s.email = mail.clone();
                }
                w.custs.push(s);
            }
        }
    }
    w.end_users = (0..w.custs.len())
        .filter(|&i| {
            matches!(
                w.custs[i].kind,
                Kind::Enterprise | Kind::Lab | Kind::Cloud | Kind::Startup
            )
        })
        .collect();
    w
}

/// A sister company: the group's brand and parent, in a country other than `avoid`.
type Sister<'a> = (&'a str, &'a (String, &'static str), &'static str);

fn make_cust(
    r: &mut Rng,
    namer: &mut Namer,
    w: &World,
    kind: Kind,
    sister: Option<Sister>,
) -> Cust {
    let mut cc: &'static str = country(r.wpick(countries_for(kind))).code;
    if let Some((_, _, avoid)) = sister {
        for _ in 0..8 {
            if cc != avoid {
                break;
            }
            cc = country(r.wpick(countries_for(kind))).code;
        }
    }
    let cn = kind == Kind::ChinaMarket;
    let cn_brand = cn && (cc == "CN" || r.chance(0.5));
    let brand = match sister {
        Some((b, _, _)) => b.to_string(),
        None => namer.brand(r, cn_brand),
    };
    // subsidiaries of a parent group
    let parent_p = match kind {
        Kind::Cloud => 0.4,
        Kind::Enterprise => 0.3,
        Kind::DataCentre => 0.3,
        Kind::Distributor => 0.2,
        Kind::Integrator => 0.1,
        Kind::Startup => 0.06,
        Kind::ChinaMarket => {
            if cc == "CN" {
                0.15
            } else {
                1.0
            }
        }
        _ => 0.03,
    };
    let parent: Option<(String, &'static str)> = if let Some((_, p, _)) = sister {
        Some(p.clone())
    } else if r.chance(parent_p) {
        let pcc: &'static str = if kind == Kind::ChinaMarket {
            if cc == "CN" { "HK" } else { "CN" }
        } else if kind == Kind::Startup {
            r.pick(&["US", "KY", "VG", "GB"])
        } else {
            r.pick(&[
                "US", "US", "JP", "DE", "GB", "FR", "KR", "NL", "SG", "TW", "IN",
            ])
        };
        let core = format!("{brand} {}", r.pick(&["Group", "Holdings", "Corporation"]));
        let pname = with_suffix(r, &core, pcc);
        Some((pname, pcc))
    } else {
        None
    };
    let name = if parent.is_some() && kind != Kind::Lab {
        let core = match kind {
            Kind::Cloud => format!("{brand} Cloud {}", country(cc).name),
            Kind::ChinaMarket => format!("{brand} Technology ({})", country(cc).name),
            _ => format!("{brand} {}", country(cc).name),
        };
        with_suffix(r, &core, cc)
    } else {
        legit_name(r, &brand, kind, cc)
    };
    let since = match kind {
        Kind::Startup => {
            day(2021, 6, 1) + r.int(0, i64::from(day(2025, 9, 1) - day(2021, 6, 1))) as i32
        }
        Kind::SmallOffice | Kind::Reseller => {
            if r.chance(0.3) {
                day(2022, 10, 8) + r.int(0, 900) as i32
            } else {
                day(1998, 1, 1) + r.int(0, 8700) as i32
            }
        }
        Kind::DataCentre => {
            if r.chance(0.25) {
                day(2022, 6, 1) + r.int(0, 900) as i32
            } else {
                day(1996, 1, 1) + r.int(0, 9300) as i32
            }
        }
        Kind::ChinaMarket => day(2000, 1, 1) + r.int(0, 8400) as i32,
        _ => {
            if r.chance(0.05) {
                day(2022, 10, 8) + r.int(0, 700) as i32
            } else {
                day(1980, 1, 1) + r.int(0, 15000) as i32
            }
        }
    };
    let small = matches!(kind, Kind::Startup | Kind::SmallOffice | Kind::Reseller);
    let bc = if small && r.chance(0.18) {
        bizcentre(r, w, cc)
    } else {
        None
    };
    let (addr, bc_phone) = match bc {
        Some((a, p)) => (a, Some(p)),
        None => {
            let style = match kind {
                Kind::Reseller => {
                    if r.chance(0.6) {
                        Style::Retail
                    } else {
                        Style::Office
                    }
                }
                Kind::SmallOffice => {
                    if r.chance(0.25) {
                        Style::Residential
                    } else {
                        Style::Office
                    }
                }
                Kind::Distributor | Kind::DataCentre => {
                    if r.chance(0.5) {
                        Style::Industrial
                    } else {
                        Style::Office
                    }
                }
                _ => Style::Office,
            };
            (address(r, cc, style), None)
        }
    };
    let webmail_p = match kind {
        Kind::SmallOffice => 0.5,
        Kind::Reseller => 0.22,
        Kind::Startup => 0.1,
        Kind::ChinaMarket => 0.25,
        Kind::Integrator => 0.05,
        _ => 0.01,
    };
    let email = if r.chance(webmail_p) {
        let d = webmail(r, cc);
        personal_email(r, cc, d)
    } else {
        let d = domain_for(r, &name, cc, kind == Kind::Lab);
        corporate_email(r, cc, &d)
    };
    let mobile = small && r.chance(0.5);
    let tel = match bc_phone {
        Some(p) if r.chance(0.35) => p,
        _ => phone(r, cc, mobile),
    };
    let mut sites = Vec::new();
    let dc_mw = |r: &mut Rng, lo: f64, hi: f64| -> Option<f64> {
        Some((lo.ln() + (hi.ln() - lo.ln()) * r.f()).exp())
    };
    match kind {
        Kind::Cloud | Kind::DataCentre => {
            let k = 1 + r.below(3);
            for i in 0..k {
                let scc: &'static str = if cc == "SG" && r.chance(0.4) {
                    "MY"
                } else {
                    cc
                };
                let (lo, hi) = if kind == Kind::Cloud {
                    (20.0, 300.0)
                } else {
                    (4.0, 150.0)
                };
                let nm = format!(
                    "{brand} {} DC{}",
                    r.pick(&["Campus", "Data Centre", "Region", "Site"]),
                    i + 1
                );
                sites.push(Site {
                    name: nm,
                    addr: address(r, scc, Style::Industrial),
                    cc: scc,
                    typ: "datacenter",
                    mw: dc_mw(r, lo, hi),
                });
            }
            if r.chance(0.3) {
                let f = local_fwd_for(r, w, cc);
                sites.push(Site {
                    name: format!("{f} (3PL hub for {brand})"),
                    addr: address(r, cc, Style::Industrial),
                    cc,
                    typ: "logistics",
                    mw: None,
                });
            }
        }
        Kind::Startup => {
            sites.push(Site {
                name: name.clone(),
                addr: addr.clone(),
                cc,
                typ: "end_user",
                mw: None,
            });
            let colos: Vec<&Cust> = w
                .custs
                .iter()
                .filter(|c| c.kind == Kind::DataCentre && c.cc == cc)
                .collect();
            if colos.is_empty() {
                let core = format!("{} Colocation", namer.brand(r, false));
                let nm = with_suffix(r, &core, cc);
                let mw = if r.chance(0.5) {
                    dc_mw(r, 0.5, 20.0)
                } else {
                    None
                };
                sites.push(Site {
                    name: nm,
                    addr: address(r, cc, Style::Industrial),
                    cc,
                    typ: "datacenter",
                    mw,
                });
            } else {
                let c = colos[r.below(colos.len())];
                let s = &c.sites[0];
                let mw = if r.chance(0.5) {
                    s.mw.map(|m| m * (0.02 + 0.2 * r.f()))
                } else {
                    None
                };
                sites.push(Site {
                    name: format!("{} (cage for {brand})", s.name),
                    addr: s.addr.clone(),
                    cc: s.cc,
                    typ: "datacenter",
                    mw,
                });
            }
            if r.chance(0.12) {
                let (f, l) = person(r, cc);
                sites.push(Site {
                    name: format!("{f} {l}"),
                    addr: address(r, cc, Style::Residential),
                    cc,
                    typ: "end_user",
                    mw: None,
                });
            }
        }
        Kind::Lab => {
            let mw = if r.chance(0.3) {
                dc_mw(r, 1.0, 15.0)
            } else {
                None
            };
            let typ = if mw.is_some() {
                "datacenter"
            } else {
                "end_user"
            };
            sites.push(Site {
                name: format!("{name} HPC Centre"),
                addr: address(r, cc, Style::Office),
                cc,
                typ,
                mw,
            });
        }
        Kind::Enterprise => {
            sites.push(Site {
                name: name.clone(),
                addr: addr.clone(),
                cc,
                typ: "end_user",
                mw: None,
            });
            if r.chance(0.45) {
                sites.push(Site {
                    name: format!("{brand} Data Centre"),
                    addr: address(r, cc, Style::Industrial),
                    cc,
                    typ: "datacenter",
                    mw: dc_mw(r, 1.0, 30.0),
                });
            }
        }
        Kind::Distributor | Kind::Integrator => {
            let typ = if kind == Kind::Distributor {
                "distributor"
            } else {
                "end_user"
            };
            sites.push(Site {
                name: format!("{name} Warehouse"),
                addr: address(r, cc, Style::Industrial),
                cc,
                typ,
                mw: None,
            });
            if r.chance(0.35) {
                let f = local_fwd_for(r, w, cc);
                sites.push(Site {
                    name: f,
                    addr: address(r, cc, Style::Industrial),
                    cc,
                    typ: if r.chance(0.5) {
                        "forwarder"
                    } else {
                        "logistics"
                    },
                    mw: None,
                });
            }
        }
        Kind::Reseller => {
            sites.push(Site {
                name: name.clone(),
                addr: addr.clone(),
                cc,
                typ: "reseller",
                mw: None,
            });
        }
        Kind::SmallOffice => {
            sites.push(Site {
                name: name.clone(),
                addr: addr.clone(),
                cc,
                typ: "end_user",
                mw: None,
            });
            if r.chance(0.2) {
                let (f, l) = person(r, cc);
                sites.push(Site {
                    name: format!("{f} {l}"),
                    addr: address(r, cc, Style::Residential),
                    cc,
                    typ: "end_user",
                    mw: None,
                });
            }
        }
        Kind::ChinaMarket => {
            let typ = if r.chance(0.3) {
                "distributor"
            } else {
                "end_user"
            };
            sites.push(Site {
                name: name.clone(),
                addr: addr.clone(),
                cc,
                typ,
                mw: None,
            });
            if r.chance(0.4) {
                let dcc: &'static str = if cc == "HK" { "CN" } else { cc };
                sites.push(Site {
                    name: format!("{brand} Computing Centre"),
                    addr: address(r, dcc, Style::Industrial),
                    cc: dcc,
                    typ: "datacenter",
                    mw: dc_mw(r, 5.0, 100.0),
                });
            }
            if r.chance(0.3) {
                let f = local_fwd_for(r, w, "HK");
                sites.push(Site {
                    name: f,
                    addr: address(r, "HK", Style::Industrial),
                    cc: "HK",
                    typ: "forwarder",
                    mw: None,
                });
            }
        }
    }
    let (alt_payer, alt_payer_rate) = if let Some((pn, pc)) = &parent {
        (Some((pn.clone(), *pc)), 0.35)
    } else if matches!(kind, Kind::Startup | Kind::Cloud | Kind::DataCentre) && r.chance(0.25) {
        let lcc: &'static str = r.pick(&["US", "GB", "JP", "SG", "DE"]);
        let core = format!(
            "{} {}",
            namer.brand(r, false),
            r.pick(&["Equipment Finance", "Leasing", "Capital", "Asset Finance"])
        );
        let ln = with_suffix(r, &core, lcc);
        (Some((ln, lcc)), 0.5)
    } else if kind == Kind::SmallOffice && r.chance(0.2) {
        (Some((person_name(r, cc), cc)), 0.6)
    } else {
        (None, 0.0)
    };
    let direct = matches!(kind, Kind::Cloud)
        || (matches!(kind, Kind::DataCentre | Kind::Distributor) && r.chance(0.4));
    let seller = seller_for(r, cc, direct);
    let forwarder = local_fwd_for(r, w, cc);
    let decline = match kind {
        Kind::Cloud => 0.35,
        Kind::DataCentre => 0.25,
        Kind::Startup => 0.3,
        Kind::Lab => 0.1,
        Kind::Enterprise => 0.08,
        Kind::Distributor | Kind::Reseller => 0.12,
        Kind::Integrator => 0.4,
        Kind::SmallOffice => 0.3,
        Kind::ChinaMarket => 0.3,
    };
    let base_w = match kind {
        Kind::Cloud => 8.0,
        Kind::DataCentre => 4.0,
        Kind::Startup => 2.5,
        Kind::Lab => 1.2,
        Kind::Enterprise => 1.0,
        Kind::Distributor => 7.0,
        Kind::Integrator => 3.0,
        Kind::Reseller => 2.0,
        Kind::SmallOffice => 0.35,
        Kind::ChinaMarket => 2.0,
    };
    let weight = base_w * (0.8 * r.normal()).exp();
    Cust {
        kind,
        brand,
        name,
        cc,
        addr,
        since,
        since_shown: r.chance(0.8),
        email,
        phone: tel,
        parent,
        sites,
        alt_payer,
        alt_payer_rate,
        seller,
        forwarder,
        decline,
        weight,
    }
}

fn legit_order(r: &mut Rng, w: &World, ci: usize, d0: i32, first: bool) -> Order {
    let c = &w.custs[ci];
    let china = c.kind == Kind::ChinaMarket;
    let lo = start().max(c.since + 20);
    let mut d = d0.max(lo);
    let mut it = choose_item(r, menu(c.kind), d, china);
    let mut tries = 0;
    while it.is_none() && tries < 30 {
        d = lo + r.int(0, i64::from(end() - lo)) as i32;
        it = choose_item(r, menu(c.kind), d, china);
        tries += 1;
    }
    let it = it.unwrap_or_else(|| {
        d = d.max(day(2024, 2, 1));
        item("L20")
    });
    let mut qty = legit_qty(r, c.kind, it.form);
    if first && matches!(c.kind, Kind::Startup | Kind::Cloud | Kind::DataCentre) && r.chance(0.4) {
        qty = (qty * (2 + r.below(4) as u32)).min(if it.gpus > 1 { 256 } else { 2048 });
    }
    let mut o = Order {
        date: d,
        ..Default::default()
    };
    seller_fields(&mut o, r, c.seller);
    o.bill_name = c.name.clone();
    o.bill_addr = if r.chance(0.04) {
        String::new()
    } else {
        c.addr.clone()
    };
    o.bill_cc = c.cc.to_string();
    // ship-to site
    let si = if c.sites.len() == 1 {
        0
    } else {
        match c.kind {
            Kind::Startup | Kind::SmallOffice => {
                // home delivery only for a few cards
                let home = c
                    .sites
                    .iter()
                    .position(|s| s.typ == "end_user" && s.name != c.name);
                match home {
                    Some(h) if qty <= 16 && r.chance(0.35) => h,
                    _ => {
                        if c.kind == Kind::Startup && (it.gpus > 1 || it.form == Form::Module) {
                            1
                        } else {
                            0
                        }
                    }
                }
            }
            _ => {
                let last = c.sites.len() - 1;
                let aux = c.sites[last].typ == "logistics" || c.sites[last].typ == "forwarder";
                if !aux {
                    r.below(c.sites.len())
                } else if r.chance(0.15) {
                    last
                } else {
                    r.below(last)
                }
            }
        }
    };
    let s = &c.sites[si];
    let same_as_bill = s.name == c.name;
    o.ship_name = if same_as_bill && r.chance(0.3) {
        String::new()
    } else {
        s.name.clone()
    };
    o.ship_addr = if r.chance(0.04) {
        String::new()
    } else if r.chance(0.01) {
        address(r, s.cc, Style::Vague)
    } else {
        s.addr.clone()
    };
    o.ship_cc = s.cc.to_string();
    o.ship_type = if r.chance(0.12) {
        String::new()
    } else {
        s.typ.to_string()
    };
    if s.typ == "datacenter"
        && let Some(m) = s.mw
    {
        let need = need_mw(it, qty);
        // most sites dwarf one order; a few are tight (phase-one capacity declared)
        let m = if r.chance(0.03) {
            need * (0.5 + 0.45 * r.f())
        } else if m < need && !r.chance(0.08) {
            need * (1.2 + 3.0 * r.f())
        } else {
            m
        };
        if r.chance(0.75) {
            o.mw = mw_str(m);
        }
    }
    // end user
    match c.kind {
        Kind::Distributor | Kind::Reseller => {
            if r.chance(0.2) {
                let other = &w.custs[r.below(w.custs.len())];
                o.eu_name = other.name.clone();
                o.eu_cc = other.cc.to_string();
            } else if r.chance(0.3) {
                o.eu_name = r.pick(&["stock", "TBD", "various", "N/A"]).to_string();
            }
        }
        Kind::Integrator => {
            if r.chance(0.6) && !w.end_users.is_empty() {
                let e = &w.custs[w.end_users[r.below(w.end_users.len())]];
                o.eu_name = e.name.clone();
                o.eu_cc = e.cc.to_string();
                if r.chance(0.5) {
                    o.eu_addr = e.addr.clone();
                }
                if r.chance(0.5) {
                    o.ship_name = e.name.clone();
                    o.ship_addr = e.addr.clone();
                    o.ship_cc = e.cc.to_string();
                    o.ship_type = "end_user".into();
                    o.mw.clear();
                }
            }
        }
        Kind::Cloud | Kind::Startup if r.chance(0.1) => {
            o.eu_name = r
                .pick(&[
                    "various cloud tenants",
                    "multiple customers (IaaS)",
                    "cloud customers",
                ])
                .to_string();
            o.eu_cc = c.cc.to_string();
        }
        _ => {
            if r.chance(0.8) {
                o.eu_name = c.name.clone();
                o.eu_cc = if r.chance(0.9) {
                    c.cc.to_string()
                } else {
                    String::new()
                };
                if r.chance(0.4) {
                    o.eu_addr = s.addr.clone();
                }
            }
        }
    }
    if let Some((pn, pc)) = &c.parent
        && !o.eu_name.is_empty()
        && r.chance(0.85)
    {
        o.eu_parent = pn.clone();
        o.eu_parent_cc = pc.to_string();
    }
    // payer
    match &c.alt_payer {
        Some((pn, pc)) if r.chance(c.alt_payer_rate) => {
            o.payer = pn.clone();
            o.payer_cc = pc.to_string();
        }
        _ => {
            if r.chance(0.5) {
                o.payer = c.name.clone();
                o.payer_cc = c.cc.to_string();
            }
        }
    }
    o.item = it.id.to_string();
    let wrong = r.chance(0.035);
    o.hs = if r.chance(0.08) {
        String::new()
    } else {
        hs_code(r, it.form, wrong)
    };
    o.qty = qty;
    let mut p = unit_price(r, it, d, qty);
    if r.chance(0.03) {
        p *= if r.chance(0.5) {
            0.6 + 0.2 * r.f()
        } else {
            1.1 + 0.15 * r.f()
        };
    }
    o.price = if r.chance(0.02) {
        String::new()
    } else {
        money(p)
    };
    o.currency = currency(r, c.cc, SELLERS[c.seller].1);
    let buyer_ctl = match c.kind {
        Kind::Distributor | Kind::Reseller | Kind::ChinaMarket => r.chance(0.55),
        Kind::Integrator | Kind::Startup => r.chance(0.3),
        _ => r.chance(0.1),
    };
    o.incoterm = incoterm(r, buyer_ctl);
    o.forwarder = if buyer_ctl && r.chance(0.8) {
        c.forwarder.clone()
    } else if r.chance(0.45) {
        r.pick(BIG_FWD).to_string()
    } else {
        String::new()
    };
    if o.ship_type == "forwarder" || o.ship_type == "logistics" {
        o.forwarder = s.name.split(" (").next().unwrap_or("").to_string();
    }
    let from = origin(r, c.seller);
    o.route = if r.chance(0.3) {
        String::new()
    } else if r.chance(0.03) {
        odd_route(r, from, &o.ship_cc)
    } else {
        normal_route(r, from, &o.ship_cc)
    };
    o.end_use = if r.chance(0.35) {
        String::new()
    } else {
        legit_end_use(r, c.kind).to_string()
    };
    let declined = r.chance(c.decline);
    o.install = if r.chance(0.35) {
        String::new()
    } else {
        install_field(r, declined)
    };
    o.since = if c.since_shown {
        ymd(c.since)
    } else {
        String::new()
    };
    o.email = if r.chance(0.05) {
        String::new()
    } else {
        c.email.clone()
    };
    o.phone = if r.chance(0.1) {
        String::new()
    } else {
        c.phone.clone()
    };
    o
}

// ---------------------------------------------------------------- diversion rings

#[derive(Clone, Copy, PartialEq)]
enum Scheme {
    NewShellBulk,
    Residential,
    PhantomDc,
    Forwarder,
    Reseller,
    Iaas,
    Kyc,
}

impl Scheme {
    fn name(self) -> &'static str {
        match self {
            Scheme::NewShellBulk => "new_shell_bulk",
            Scheme::Residential => "residential_consignee",
            Scheme::PhantomDc => "phantom_datacenter",
            Scheme::Forwarder => "forwarder_transshipment",
            Scheme::Reseller => "non_channel_reseller",
            Scheme::Iaas => "iaas_front",
            Scheme::Kyc => "kyc_evasion",
        }
    }
}

const SCHEMES: &[(Scheme, f64)] = &[
    (Scheme::NewShellBulk, 0.22),
    (Scheme::Residential, 0.12),
    (Scheme::PhantomDc, 0.14),
    (Scheme::Forwarder, 0.17),
    (Scheme::Reseller, 0.12),
    (Scheme::Iaas, 0.10),
    (Scheme::Kyc, 0.13),
];

const DIVERTED_MENU: Weighted = &[
    ("H100-SXM", 3.0),
    ("HGX-H100-8GPU", 4.0),
    ("H200", 2.0),
    ("HGX-H200-8GPU", 3.0),
    ("B200", 2.0),
    ("DGX-B200", 1.5),
    ("DGX-H100", 1.0),
    ("A100", 1.0),
    ("H100-PCIE", 2.0),
    ("RTX-4090", 1.5),
    ("RTX-5090", 1.0),
    ("MI300X", 0.5),
    ("L40S", 0.5),
    ("B300", 0.7),
];

struct Ring {
    hub: &'static str,
    dests: &'static [&'static str],
    phones: Vec<String>,
    addrs: Vec<(String, bool)>,
    payers: Vec<(String, &'static str)>,
    fwd: String,
    boss: (String, &'static str),
    /// brand used for claimed end users and offshore holdings
    front: String,
    domain: String,
    people: Vec<(String, String)>,
    schemes: [Scheme; 2],
    start: i32,
    end: i32,
    sellers: Vec<usize>,
}

struct Shell {
    name: String,
    addr: String,
    since: Option<i32>,
    email: String,
    phone: String,
    scheme: Scheme,
    lob: bool,
}

fn make_ring(r: &mut Rng, namer: &mut Namer, w: &World) -> Ring {
    let hub: &'static str = r.wpick(&[
        ("MY", 20.0),
        ("SG", 18.0),
        ("TH", 12.0),
        ("AE", 12.0),
        ("VN", 8.0),
        ("ID", 7.0),
        ("IN", 6.0),
        ("TW", 5.0),
        ("JP", 4.0),
        ("PH", 4.0),
        ("KR", 2.0),
        ("US", 4.0),
    ]);
    let dests: &'static [&'static str] = match hub {
        "SG" => &["SG", "SG", "MY", "ID", "TH"],
        "MY" => &["MY", "MY", "SG", "TH"],
        "TH" => &["TH", "TH", "MY", "VN"],
        "VN" => &["VN", "VN", "TH"],
        "ID" => &["ID", "ID", "SG", "MY"],
        "AE" => &["AE", "AE", "IN"],
        "IN" => &["IN", "IN", "AE", "SG"],
        "TW" => &["TW", "TW", "JP"],
        "JP" => &["JP", "JP", "TW", "KR"],
        "PH" => &["PH", "PH", "SG"],
        "KR" => &["KR", "JP"],
        _ => &["US"],
    };
    let phones = (0..2)
        .map(|_| {
            let mobile = r.chance(0.7);
            phone(r, hub, mobile)
        })
        .collect();
    let mut addrs: Vec<(String, bool)> = Vec::new();
    for _ in 0..3 {
        let x = r.f();
        if x < 0.3
            && let Some((a, _)) = bizcentre(r, w, hub)
        {
            addrs.push((a, false));
            continue;
        }
        if x < 0.6 {
            addrs.push((address(r, hub, Style::Residential), true));
        } else {
            let st = if r.chance(0.5) {
                Style::Office
            } else {
                Style::Retail
            };
            addrs.push((address(r, hub, st), false));
        }
    }
    let mut payers = Vec::new();
    for _ in 0..2 {
        let pcc: &'static str = r.wpick(&[
            ("HK", 0.45),
            ("CN", 0.15),
            ("AE", 0.1),
            ("SG", 0.1),
            ("VG", 0.08),
            ("MY", 0.06),
            ("TH", 0.06),
        ]);
        let core = format!(
            "{} {}",
            namer.brand(r, pcc == "CN"),
            r.pick(&[
                "Trading",
                "International Trading",
                "General Trading",
                "Supply Chain Management",
                "Holdings",
                "Commercial"
            ])
        );
        payers.push((with_suffix(r, &core, pcc), pcc));
    }
    if r.chance(0.3) {
        payers.push((person_name(r, hub), hub));
    }
    let fwd_cc: &'static str = if r.chance(0.3) { "HK" } else { hub };
    let fwd = if r.chance(0.3) {
        local_fwd_for(r, w, fwd_cc)
    } else {
        local_forwarder(r, namer, fwd_cc)
    };
    let bcc: &'static str = if r.chance(0.7) { "CN" } else { "HK" };
    let boss_core = format!(
        "{} {}",
        namer.brand(r, bcc == "CN"),
        r.pick(&[
            "Technology",
            "Intelligent Computing",
            "Information Technology",
            "Digital Technology",
            "Network Technology"
        ])
    );
    let boss = (with_suffix(r, &boss_core, bcc), bcc);
    let domain_base = namer.brand(r, false);
    let domain = format!(
        "{}{}.{}",
        slug(&domain_base, 2),
        r.pick(&["-tech", "tech", "-global", "-trading", "digital", ""]),
        r.pick(&["com", "net", "co", country(hub).dom])
    );
    let people = (0..3).map(|_| person(r, hub)).collect();
    let a = r.wpick(SCHEMES);
    let b = r.wpick(SCHEMES);
    let t = r.f() + r.f();
    let s0 = start() + 60 + (f64::from(end() - start() - 150) * t / 2.0) as i32;
    let len = r.int(120, 420) as i32;
    let sellers: Vec<usize> = (0..2)
        .map(|_| {
            if r.chance(0.25) {
                r.pick(&[0usize, 2])
            } else {
                seller_for(r, hub, false)
            }
        })
        .collect();
    Ring {
        hub,
        dests,
        phones,
        addrs,
        payers,
        fwd,
        boss,
        front: namer.brand(r, false),
        domain,
        people,
        schemes: [a, b],
        start: s0,
        end: (s0 + len).min(end()),
        sellers,
    }
}

fn make_shell(r: &mut Rng, namer: &mut Namer, ring: &Ring, first_day: i32) -> Shell {
    let scheme = if r.chance(0.7) {
        ring.schemes[0]
    } else {
        ring.schemes[1]
    };
    let brand = namer.brand(r, false);
    let lob_p = match scheme {
        Scheme::Kyc => 0.5,
        Scheme::Reseller => 0.4,
        Scheme::NewShellBulk => 0.15,
        _ => 0.08,
    };
    let lob = r.chance(lob_p);
    let core = if lob {
        format!(
            "{brand} {}",
            r.pick(&[
                "Seafood Trading",
                "Furniture",
                "Garment Trading",
                "Travel Services",
                "Property Management",
                "Food Industries",
                "Cosmetics",
                "Mobile Accessories",
                "Auto Parts Trading",
                "Agricultural Products",
                "Logistics",
                "Retail Group",
                "Foods"
            ])
        )
    } else {
        let xs: &[&str] = match scheme {
            Scheme::PhantomDc => &[
                "Data Centre",
                "Cloud Infrastructure",
                "Computing Centre",
                "Data Centers",
                "Digital Infrastructure",
                "Colocation",
            ],
            Scheme::Iaas => &[
                "Cloud",
                "GPU Cloud",
                "Compute Services",
                "AI Cloud",
                "Cloud Services",
            ],
            Scheme::Reseller => &[
                "Electronics Trading",
                "Components Trading",
                "IT Supplies",
                "Computer Trading",
                "Technology Trading",
            ],
            _ => &[
                "Technology Trading",
                "Digital Technology",
                "Global Supply",
                "International",
                "Intelligent Computing",
                "Tech Solutions",
                "Data Systems",
                "AI",
                "Technology",
                "Systems",
            ],
        };
        format!("{brand} {}", r.pick(xs))
    };
    let name = with_suffix(r, &core, ring.hub);
    let name = name
        .replace("Public Company Limited", "Co., Ltd.")
        .replace(" Berhad", " Sdn. Bhd.")
        .replace(" plc", " Ltd")
        .replace(" Tbk", "");
    let new_p = match scheme {
        Scheme::NewShellBulk => 0.85,
        Scheme::Iaas | Scheme::PhantomDc => 0.55,
        _ => 0.45,
    };
    let since = if r.chance(new_p) {
        Some(first_day - r.int(15, 330) as i32)
    } else if r.chance(0.55) {
        // a shelf company, or a dormant firm that changed hands
        Some(day(2008, 1, 1) + r.int(0, 5000) as i32)
    } else {
        None
    };
    let addr = if r.chance(0.4) {
        ring.addrs[r.below(ring.addrs.len())].0.clone()
    } else {
        let st = if r.chance(0.25) {
            Style::Residential
        } else if r.chance(0.5) {
            Style::Office
        } else {
            Style::Retail
        };
        address(r, ring.hub, st)
    };
    let web_p = match scheme {
        Scheme::NewShellBulk | Scheme::Residential => 0.45,
        Scheme::Kyc => 0.35,
        _ => 0.25,
    };
    let email = if r.chance(web_p) {
        let d = webmail(r, ring.hub);
        personal_email(r, ring.hub, d)
    } else if r.chance(0.3) {
        let (f, l) = &ring.people[r.below(ring.people.len())];
        format!("{}.{}@{}", slug(f, 2), slug(l, 2), ring.domain)
    } else {
        let d = domain_for(r, &name, ring.hub, false);
        corporate_email(r, ring.hub, &d)
    };
    let mobile = r.chance(0.7);
    let phone = if r.chance(0.35) {
        ring.phones[r.below(ring.phones.len())].clone()
    } else {
        phone(r, ring.hub, mobile)
    };
    Shell {
        name,
        addr,
        since,
        email,
        phone,
        scheme,
        lob,
    }
}

fn diverted_qty(r: &mut Rng, form: Form, bulk: bool) -> u32 {
    match (form, bulk) {
        (Form::Board | Form::System, true) => r.count(20.0, 0.7, 6, 200),
        (Form::Board | Form::System, false) => r.count(2.5, 0.6, 1, 8),
        (Form::Consumer, true) => r.count(300.0, 0.7, 80, 3000),
        (Form::Consumer, false) => r.count(30.0, 0.7, 4, 120),
        (_, true) => (r.count(200.0, 0.7, 64, 2000) / 8).max(1) * 8,
        (_, false) => (r.count(24.0, 0.6, 8, 64) / 8).max(1) * 8,
    }
}

struct Tell {
    bulk_first: f64,
    residential: f64,
    vague: f64,
    forwarder_dest: f64,
    reseller_dest: f64,
    datacenter: f64,
    mw_short: f64,
    declined: f64,
    third_party: f64,
    odd_route: f64,
    eu_unknown: f64,
    parent_cn: f64,
    vague_use: f64,
    exw: f64,
}

fn tells(s: Scheme) -> Tell {
    let base = Tell {
        bulk_first: 0.35,
        residential: 0.05,
        vague: 0.05,
        forwarder_dest: 0.08,
        reseller_dest: 0.05,
        datacenter: 0.12,
        mw_short: 0.3,
        declined: 0.35,
        third_party: 0.25,
        odd_route: 0.15,
        eu_unknown: 0.25,
        parent_cn: 0.04,
        vague_use: 0.45,
        exw: 0.5,
    };
    match s {
        Scheme::NewShellBulk => Tell {
            bulk_first: 0.75,
            ..base
        },
        Scheme::Residential => Tell {
            residential: 0.6,
            vague: 0.25,
            bulk_first: 0.3,
            ..base
        },
        Scheme::PhantomDc => Tell {
            datacenter: 0.85,
            mw_short: 0.55,
            declined: 0.55,
            bulk_first: 0.6,
            ..base
        },
        Scheme::Forwarder => Tell {
            forwarder_dest: 0.7,
            odd_route: 0.5,
            exw: 0.7,
            ..base
        },
        Scheme::Reseller => Tell {
            reseller_dest: 0.7,
            eu_unknown: 0.7,
            forwarder_dest: 0.05,
            ..base
        },
        Scheme::Iaas => Tell {
            datacenter: 0.6,
            mw_short: 0.25,
            parent_cn: 0.35,
            eu_unknown: 0.5,
            third_party: 0.3,
            bulk_first: 0.45,
            ..base
        },
        Scheme::Kyc => Tell {
            declined: 0.65,
            third_party: 0.6,
            eu_unknown: 0.45,
            vague_use: 0.8,
            ..base
        },
    }
}

fn diverted_order(r: &mut Rng, ring: &Ring, sh: &Shell, d: i32, first: bool) -> Order {
    let t = tells(sh.scheme);
    let it = choose_item(r, DIVERTED_MENU, d, false).unwrap_or(&ITEMS[0]);
    let bulk = if first {
        r.chance(t.bulk_first)
    } else {
        r.chance(t.bulk_first * 0.4)
    };
    let qty = diverted_qty(r, it.form, bulk);
    let mut o = Order {
        date: d,
        diverted: true,
        scheme: sh.scheme.name(),
        ..Default::default()
    };
    let seller = ring.sellers[r.below(ring.sellers.len())];
    seller_fields(&mut o, r, seller);
    o.bill_name = sh.name.clone();
    o.bill_addr = if r.chance(0.05) {
        String::new()
    } else {
        sh.addr.clone()
    };
    o.bill_cc = ring.hub.to_string();
    let dest: &'static str = if r.chance(0.7) {
        ring.hub
    } else {
        r.pick(ring.dests)
    };
    o.ship_cc = dest.to_string();
    // consignee
    if r.chance(t.forwarder_dest) {
        o.ship_name = ring.fwd.clone();
        o.ship_addr = address(r, dest, Style::Industrial);
        o.ship_type = if r.chance(0.55) {
            "forwarder"
        } else {
            "logistics"
        }
        .to_string();
        if r.chance(0.7) {
            o.forwarder = ring.fwd.clone();
        }
    } else if r.chance(t.residential) {
        let ring_home: Vec<&(String, bool)> = ring.addrs.iter().filter(|a| a.1).collect();
        o.ship_addr = if dest == ring.hub && !ring_home.is_empty() && r.chance(0.5) {
            ring_home[r.below(ring_home.len())].0.clone()
        } else {
            address(r, dest, Style::Residential)
        };
        o.ship_name = if r.chance(0.4) {
            person_name(r, dest)
        } else {
            sh.name.clone()
        };
        o.ship_type = r
            .pick(&["end_user", "end_user", "", "reseller"])
            .to_string();
    } else if r.chance(t.vague) {
        o.ship_addr = address(r, dest, Style::Vague);
        o.ship_name = sh.name.clone();
        o.ship_type = r.pick(&["end_user", ""]).to_string();
    } else if r.chance(t.reseller_dest) {
        o.ship_name = sh.name.clone();
        o.ship_addr = if dest == ring.hub {
            sh.addr.clone()
        } else {
            address(r, dest, Style::Retail)
        };
        o.ship_type = "reseller".into();
    } else if r.chance(t.datacenter) {
        o.ship_name = if r.chance(0.6) {
            format!(
                "{} {}",
                sh.name,
                r.pick(&["DC1", "Data Hall A", "Site 1", "Computing Centre"])
            )
        } else {
            format!("{} Data Centre", ring.front)
        };
        let st = r.wpick(&[
            (Style::Industrial, 0.5),
            (Style::Office, 0.3),
            (Style::Retail, 0.12),
            (Style::Residential, 0.08),
        ]);
        o.ship_addr = address(r, dest, st);
        o.ship_type = "datacenter".into();
        let need = need_mw(it, qty);
        let x = r.f();
        if x < t.mw_short {
            o.mw = mw_str(need * (0.1 + 0.7 * r.f()));
        } else if x < t.mw_short + 0.35 {
            o.mw.clear();
        } else {
            o.mw = mw_str(need * (1.1 + 2.0 * r.f()));
        }
    } else {
        o.ship_name = if r.chance(0.35) {
            String::new()
        } else {
            sh.name.clone()
        };
        o.ship_addr = if dest == ring.hub {
            sh.addr.clone()
        } else {
            address(r, dest, Style::Office)
        };
        o.ship_type = if r.chance(0.15) {
            String::new()
        } else {
            "end_user".into()
        };
    }
    if r.chance(0.04) {
        o.ship_addr.clear();
    }
    // end user
    if r.chance(t.eu_unknown) {
        o.eu_name = r
            .pick(&["", "", "TBD", "N/A", "to be advised", "various", "customer"])
            .to_string();
        if r.chance(0.4) {
            o.eu_cc = dest.to_string();
        }
    } else if r.chance(0.25) {
        let b = ring.front.clone();
        let core = format!(
            "{b} {}",
            r.pick(&[
                "Smart City Project",
                "AI Lab",
                "Cloud",
                "Research Centre",
                "Digital"
            ])
        );
        o.eu_name = with_suffix(r, &core, dest);
        o.eu_cc = dest.to_string();
    } else {
        o.eu_name = sh.name.clone();
        o.eu_cc = if r.chance(0.9) {
            dest.to_string()
        } else {
            String::new()
        };
        if r.chance(0.4) {
            o.eu_addr = o.ship_addr.clone();
        }
    }
    if sh.scheme == Scheme::Iaas && o.eu_name == sh.name && r.chance(0.5) {
        o.eu_name = r
            .pick(&[
                "various cloud tenants",
                "multiple customers (IaaS)",
                "cloud customers",
            ])
            .to_string();
    }
    if r.chance(t.parent_cn) {
        o.eu_parent = ring.boss.0.clone();
        o.eu_parent_cc = ring.boss.1.to_string();
    } else if r.chance(0.06) {
        o.eu_parent = with_suffix(r, &format!("{} Holdings", ring.front), "VG");
        o.eu_parent_cc = "VG".into();
    }
    // payer
    if r.chance(t.third_party) {
        let (pn, pc) = &ring.payers[r.below(ring.payers.len())];
        o.payer = pn.clone();
        o.payer_cc = pc.to_string();
    } else if r.chance(0.5) {
        o.payer = sh.name.clone();
        o.payer_cc = ring.hub.to_string();
    }
    o.item = it.id.to_string();
    let wrong = r.chance(0.12);
    o.hs = if r.chance(0.08) {
        String::new()
    } else {
        hs_code(r, it.form, wrong)
    };
    o.qty = qty;
    let mut p = unit_price(r, it, d, qty);
    let x = r.f();
    if x < 0.12 {
        p *= 1.1 + 0.25 * r.f();
    } else if x < 0.2 {
        p *= 0.3 + 0.3 * r.f();
    }
    o.price = if r.chance(0.03) {
        String::new()
    } else {
        money(p)
    };
    o.currency = if r.chance(0.04) {
        String::new()
    } else if r.chance(0.06) {
        r.pick(&["HKD", "SGD"]).to_string()
    } else {
        "USD".into()
    };
    let ctl = r.chance(t.exw);
    o.incoterm = incoterm(r, ctl);
    if o.forwarder.is_empty() {
        o.forwarder = if ctl && r.chance(0.75) {
            if r.chance(0.7) {
                ring.fwd.clone()
            } else {
                r.pick(BIG_FWD).to_string()
            }
        } else if r.chance(0.3) {
            r.pick(BIG_FWD).to_string()
        } else {
            String::new()
        };
    }
    let from = origin(r, seller);
    o.route = if r.chance(0.3) {
        String::new()
    } else if r.chance(t.odd_route) {
        odd_route(r, from, dest)
    } else {
        normal_route(r, from, dest)
    };
    o.end_use = if r.chance(t.vague_use) {
        r.pick(&[
            "",
            "",
            "general computing",
            "IT equipment",
            "server",
            "for own use",
            "data processing",
            "research",
            "AI",
            "computer",
        ])
        .to_string()
    } else if sh.lob && r.chance(0.5) {
        r.pick(&["office use", "business operations", "trading", "inventory"])
            .to_string()
    } else {
        r.pick(&[
            "AI training cluster",
            "cloud computing services",
            "GPU cloud rental",
            "smart city project",
            "university research",
            "e-commerce recommendation",
            "AI inference platform",
            "resale",
        ])
        .to_string()
    };
    let declined = r.chance(t.declined);
    o.install = if r.chance(0.3) {
        String::new()
    } else {
        install_field(r, declined)
    };
    o.since = sh.since.map(ymd).unwrap_or_default();
    o.email = if r.chance(0.05) {
        String::new()
    } else {
        sh.email.clone()
    };
    o.phone = if r.chance(0.08) {
        String::new()
    } else {
        sh.phone.clone()
    };
    o
}

// ---------------------------------------------------------------- public entry point

/// A ledger (CSV text with the header below) and its ground truth (CSV text with header
/// `order_id,diverted,scheme`; `diverted` is `true`/`false`; `scheme` empty for legitimate orders).
pub fn generate(seed: u64, orders: usize) -> (String, String) {
    let mut r = Rng(seed ^ 0x5EED_B15C_0DE5_2025);
    let mut namer = Namer {
        used: HashSet::new(),
    };
    let share = 0.02 + 0.012 * r.f();
    let n_div = if orders == 0 {
        0
    } else {
        ((orders as f64 * share).round() as usize)
            .max(1)
            .min(orders)
    };
    let n_legit = orders - n_div;
    let n_cust = (n_legit / 6).max(8);
    let w = make_world(&mut r, &mut namer, n_cust);

    // legitimate orders: allocate to customers by activity, dates trending up over time
    let cum: Vec<f64> = w
        .custs
        .iter()
        .scan(0.0, |s, c| {
            *s += c.weight;
            Some(*s)
        })
        .collect();
    let total = *cum.last().unwrap_or(&1.0);
    let span = f64::from(end() - start());
    let mut picks: Vec<(usize, i32)> = Vec::with_capacity(n_legit);
    for _ in 0..n_legit {
        let x = r.f() * total;
        let ci = cum.partition_point(|v| *v <= x).min(w.custs.len() - 1);
        let c = &w.custs[ci];
        let lo = start().max(c.since + 20);
        let d = start() + (span * r.f().powf(0.8)) as i32;
        let d = if d < lo {
            lo + r.int(0, i64::from((end() - lo).max(0))) as i32
        } else {
            d
        };
        picks.push((ci, d.min(end())));
    }
    picks.sort_unstable();
    let mut rows: Vec<Order> = Vec::with_capacity(orders);
    let mut prev = usize::MAX;
    for (ci, d) in picks {
        let first = ci != prev;
        prev = ci;
        rows.push(legit_order(&mut r, &w, ci, d, first));
    }

    // diverted orders: rings of short-lived shells
    let mut left = n_div;
    while left > 0 {
        let ring = make_ring(&mut r, &mut namer, &w);
        let mut budget = (r.int(6, 30) as usize).min(left);
        left -= budget;
        while budget > 0 {
            let span = i64::from((ring.end - ring.start).max(1));
            let mut d = ring.start + r.int(0, span) as i32;
            let sh = make_shell(&mut r, &mut namer, &ring, d);
            let k = (r.wpick(&[
                (1usize, 0.4),
                (2, 0.25),
                (3, 0.15),
                (4, 0.1),
                (5, 0.06),
                (6, 0.04),
            ]))
            .min(budget);
            for j in 0..k {
                rows.push(diverted_order(&mut r, &ring, &sh, d.min(end()), j == 0));
                d += r.int(10, 60) as i32;
            }
            budget -= k;
        }
    }

    let mut by_date: Vec<usize> = (0..rows.len()).collect();
    by_date.sort_by_key(|&i| rows[i].date);
    let mut ledger = String::with_capacity(orders * 420 + 512);
    let mut truth = String::with_capacity(orders * 40 + 64);
    ledger.push_str(HEADER);
    ledger.push('\n');
    truth.push_str("order_id,diverted,scheme\n");
    let id_base = 100_000 + (seed % 50_000) as usize;
    for (i, o) in by_date.iter().map(|&k| &rows[k]).enumerate() {
        let id = format!("CC-{}-{:06}", &ymd(o.date)[..4], id_base + i * 3 + (i % 3));
        let fields: [&str; 31] = [
            &ymd(o.date),
            &o.seller,
            &o.seller_cc,
            &o.bill_name,
            &o.bill_addr,
            &o.bill_cc,
            &o.ship_name,
            &o.ship_addr,
            &o.ship_cc,
            &o.ship_type,
            &o.eu_name,
            &o.eu_addr,
            &o.eu_cc,
            &o.eu_parent,
            &o.eu_parent_cc,
            &o.payer,
            &o.payer_cc,
            &o.item,
            &o.hs,
            &o.qty.to_string(),
            &o.price,
            &o.currency,
            &o.incoterm,
            &o.forwarder,
            &o.route,
            &o.end_use,
            &o.install,
            &o.since,
            &o.email,
            &o.phone,
            &o.mw,
        ];
        ledger.push_str(&id);
        for f in fields {
            ledger.push(',');
            csv(&mut ledger, f);
        }
        ledger.push('\n');
        truth.push_str(&id);
        truth.push_str(if o.diverted { ",true," } else { ",false," });
        truth.push_str(o.scheme);
        truth.push('\n');
    }
    (ledger, truth)
}
