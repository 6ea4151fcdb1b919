//! A generator of realistic ledgers with labelled diversion schemes.
//!
//! Legitimate customers: hyperscalers and cloud providers buying HGX/DGX systems for their own
//! datacenters; distributors reselling in their region; universities and enterprises buying a
//! few GPUs. Some of them look odd for innocent reasons (a leasing company pays, a new customer
//! buys in bulk, a distributor ships to a neighbouring country, a webmail address).
//!
//! Diversion schemes (the `scheme` column of the ground truth):
//! - `shell_forwarding`: young shell buyers in Singapore, Malaysia, Thailand or the Philippines,
//!   several at one address, shipping through forwarders and Hong Kong towards China;
//! - `third_country_payer`: a payer in Hong Kong, the UAE or China behind several buyers;
//! - `split_orders`: purchases cut into orders under 64 chips days apart;
//! - `near_miss_listed`: a buyer or end user whose name is a variant of a listed party;
//! - `forwarder_ship_to`: a freight forwarder as ship-to for an end user elsewhere.
//!
//! Each diverted order carries only some of its scheme's signals (each kept with a probability),
//! so no single flag finds them all. About 3% of orders are diverted.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

/// SplitMix64.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5EED_CA5E_D00D_F00D)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

/// The ledger header the simulator writes (the documented ledger columns).
pub const HEADER: &str = "order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,currency,incoterm,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw";

#[derive(Default, Clone)]
struct Row {
    f: [String; 32],
}

impl Row {
    fn set(&mut self, col: &str, v: impl Into<String>) {
        let i = HEADER
            .split(',')
            .position(|h| h == col)
            .unwrap_or_else(|| panic!("no column {col}"));
        self.f[i] = v.into();
    }
    fn csv(&self) -> String {
        self.f
            .iter()
            .map(|s| {
                if s.contains([',', '"', '\n']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A simulated ledger and its ground truth.
pub struct Simulated {
    /// The ledger as CSV text.
    pub ledger: String,
    /// `order_id,diverted,scheme` as CSV text.
    pub truth: String,
    pub orders: usize,
    pub diverted: usize,
}

const SYSTEMS: &[(&str, &str, u32)] = &[
    ("HGX-H100-8GPU", "8471.50", 250_000),
    ("DGX-H100", "8471.50", 300_000),
    ("HGX-H200-8GPU", "8471.50", 320_000),
    ("DGX-B200", "8471.50", 450_000),
];
const CHIPS: &[(&str, &str, u32)] = &[
    ("H100-SXM", "8542.31", 28_000),
    ("H100-PCIE", "8542.31", 25_000),
    ("H200", "8542.31", 32_000),
    ("A100", "8542.31", 12_000),
    ("L40S", "8542.31", 8_000),
];

const ADJ: &[&str] = &[
    "Northwind",
    "Bluepeak",
    "Silverline",
    "Redwood",
    "Cobalt",
    "Evergreen",
    "Summit",
    "Horizon",
    "Granite",
    "Lumen",
    "Aurora",
    "Harbour",
    "Crescent",
    "Meridian",
    "Orchid",
    "Pinnacle",
    "Zenith",
    "Starlight",
    "Jade",
    "Golden",
    "Tiger",
    "Lotus",
    "Coral",
    "Vertex",
    "Nimbus",
    "Quantum",
];
const NOUN: &[&str] = &[
    "Compute",
    "Data",
    "Cloud",
    "Systems",
    "Networks",
    "Digital",
    "Analytics",
    "Labs",
    "Infotech",
    "Solutions",
    "Dynamics",
    "Logic",
    "Micro",
    "Global",
    "Ventures",
    "Trading",
];

struct Country {
    code: &'static str,
    form: &'static str,
    street: &'static str,
}

const LEGIT: &[Country] = &[
    Country {
        code: "US",
        form: "Inc",
        street: "Market Street, San Jose",
    },
    Country {
        code: "JP",
        form: "KK",
        street: "Otemachi, Tokyo",
    },
    Country {
        code: "KR",
        form: "Co., Ltd.",
        street: "Teheran-ro, Seoul",
    },
    Country {
        code: "DE",
        form: "GmbH",
        street: "Hauptstrasse, Frankfurt",
    },
    Country {
        code: "GB",
        form: "Ltd",
        street: "Old Street, London",
    },
    Country {
        code: "FR",
        form: "SAS",
        street: "Rue de Rivoli, Paris",
    },
    Country {
        code: "AU",
        form: "Pty Ltd",
        street: "George Street, Sydney",
    },
    Country {
        code: "SG",
        form: "Pte. Ltd.",
        street: "Science Park Road #03-12, Singapore",
    },
    Country {
        code: "IN",
        form: "Private Limited",
        street: "MG Road, Bengaluru",
    },
    Country {
        code: "NL",
        form: "B.V.",
        street: "Zuidas, Amsterdam",
    },
];
const SHELL: &[Country] = &[
    Country {
        code: "SG",
        form: "Pte. Ltd.",
        street: "Anson Road #20-01, Singapore",
    },
    Country {
        code: "MY",
        form: "Sdn. Bhd.",
        street: "Jalan Ampang, Kuala Lumpur",
    },
    Country {
        code: "TH",
        form: "Co., Ltd.",
        street: "Sukhumvit Road, Bangkok",
    },
    Country {
        code: "PH",
        form: "Inc.",
        street: "Ayala Avenue, Makati",
    },
];

/// Names of listed parties the near-miss scheme imitates (from the bundled Entity List sample).
const LISTED: &[&str] = &[
    "Cyberinn PTE LTD",
    "Microsun Electronics Pte., Ltd.,",
    "Corezing International",
    "NEL Electronics",
    "Action Global",
    "Austral Aero-Marine Corp., Sdn Bhd",
    "Centre Bright Electronics Company Limited",
    "ACTeam Logistics Ltd.",
];

fn company(rng: &mut Rng, form: &str) -> String {
    format!("{} {} {form}", rng.pick(ADJ), rng.pick(NOUN))
}

fn date(rng: &mut Rng, from: NaiveDate, days: u64) -> NaiveDate {
    from + Duration::days(rng.below(days) as i64)
}

/// A near miss of a listed name: a dropped or doubled letter, or another legal form.
fn near_miss(rng: &mut Rng, name: &str) -> String {
    let base: String = name.trim_end_matches([',', '.', ' ']).to_string();
    match rng.below(3) {
        0 => {
            let mut c: Vec<char> = base.chars().collect();
            let i = 2 + rng.below((c.len() as u64).saturating_sub(4).max(1)) as usize;
            c.insert(i, c[i]);
            c.into_iter().collect()
        }
        1 => base.to_uppercase(),
        _ => format!("{} Limited", base.split(' ').next().unwrap_or(&base)),
    }
}

struct Customer {
    name: String,
    country: &'static str,
    address: String,
    since: NaiveDate,
    kind: u8, // 0 hyperscaler, 1 distributor, 2 university, 3 enterprise
    email: String,
    phone: String,
    site_mw: f64,
}

/// Generate a ledger of about `orders` order lines.
pub fn simulate(seed: u64, orders: usize) -> Simulated {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let span = 900;
    // Legitimate customers.
    let n_customers = (orders / 25).clamp(20, 40_000);
    let mut customers = Vec::with_capacity(n_customers);
    for i in 0..n_customers {
        let c = rng.pick(LEGIT);
        let kind = match rng.below(10) {
            0 => 0,
            1 | 2 => 1,
            3 | 4 => 2,
            _ => 3,
        };
        let name = if kind == 2 {
            format!("{} Institute of Technology {i}", rng.pick(ADJ))
        } else {
            format!("{} {i}", company(&mut rng, c.form))
        };
        let domain = format!("c{i}.example");
        customers.push(Customer {
            email: if rng.chance(0.03) {
                format!("buyer{i}@gmail.com")
            } else {
                format!("purchasing@{domain}")
            },
            phone: format!("+{} {:08}", 10 + rng.below(80), rng.below(100_000_000)),
            address: format!("{} {}", 1 + rng.below(300), c.street),
            since: if rng.chance(0.08) {
                date(&mut rng, start, span)
            } else {
                date(
                    &mut rng,
                    NaiveDate::from_ymd_opt(2008, 1, 1).expect("valid"),
                    4000,
                )
            },
            site_mw: [5.0, 20.0, 60.0, 150.0][rng.below(4) as usize],
            name,
            country: c.code,
            kind,
        });
    }
    let mut ledger = String::with_capacity(orders * 320);
    ledger.push_str(HEADER);
    ledger.push('\n');
    let mut truth = String::from("order_id,diverted,scheme\n");
    let mut n = 0usize;
    let mut diverted = 0usize;
    let emit = |row: &Row, scheme: Option<&str>, ledger: &mut String, truth: &mut String| {
        ledger.push_str(&row.csv());
        ledger.push('\n');
        let _ = writeln!(
            truth,
            "{},{},{}",
            row.f[0],
            scheme.is_some(),
            scheme.unwrap_or("")
        );
    };
    // Shell networks and payers used by the schemes.
    let n_rings = (orders / 1500).max(2);
    struct Ring {
        country: &'static Country,
        address: String,
        forwarder: String,
        payer: (String, &'static str),
        shells: Vec<String>,
    }
    let mut rings: Vec<Ring> = (0..n_rings)
        .map(|r| {
            let c = rng.pick(SHELL);
            let payer_country = *rng.pick(&["HK", "AE", "CN"]);
            Ring {
                country: c,
                address: format!("{} {}", 1 + rng.below(80), c.street),
                forwarder: format!("{} Freight {} {}", rng.pick(ADJ), r, c.form),
                payer: (
                    format!("{} Trading {r} Limited", rng.pick(ADJ)),
                    payer_country,
                ),
                shells: (0..3 + rng.below(4))
                    .map(|s| {
                        format!(
                            "{} {}{} {}",
                            rng.pick(ADJ),
                            rng.pick(NOUN),
                            r * 10 + s as usize,
                            c.form
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    while n < orders {
        let id = format!("ORD-{seed}-{n:07}");
        let mut row = Row::default();
        row.set("order_id", &id);
        row.set("seller", "Example Systems Inc");
        row.set("seller_country", "US");
        row.set("currency", "USD");
        row.set("incoterm", *rng.pick(&["DAP", "FCA", "EXW", "DDP"]));
        let odate = date(&mut rng, start, span);
        row.set("order_date", odate.to_string());
        if rng.chance(0.02) {
            // A diversion scheme.
            let scheme = *rng.pick(&[
                "shell_forwarding",
                "third_country_payer",
                "split_orders",
                "near_miss_listed",
                "forwarder_ship_to",
            ]);
            let ring_i = rng.below(rings.len() as u64) as usize;
            let ring = &mut rings[ring_i];
            let shell = rng.pick(&ring.shells).clone();
            let c = ring.country;
            let (item, hs, price) = if rng.chance(0.6) {
                *rng.pick(SYSTEMS)
            } else {
                *rng.pick(CHIPS)
            };
            let chips_per = if hs == "8471.50" { 8 } else { 1 };
            let qty = if scheme == "split_orders" {
                (1 + rng.below(63 / chips_per)).max(1)
            } else {
                (64 / chips_per) * (1 + rng.below(6))
            };
            let buyer = if scheme == "near_miss_listed" {
                let listed = rng_pick_listed(&mut rng);
                near_miss(&mut rng, listed)
            } else {
                shell.clone()
            };
            row.set("item", item);
            row.set("hs_code", if rng.chance(0.1) { "8473.30" } else { hs });
            row.set("quantity", qty.to_string());
            row.set("unit_price_usd", (price as u64).to_string());
            row.set("bill_to_name", &buyer);
            row.set("bill_to_country", c.code);
            row.set(
                "bill_to_address",
                if rng.chance(0.5) {
                    ring.address.clone()
                } else {
                    format!("{} {}", 1 + rng.below(200), c.street)
                },
            );
            let young = rng.chance(0.6);
            row.set(
                "customer_since",
                if young {
                    (odate - Duration::days(rng.below(300) as i64 + 10)).to_string()
                } else {
                    String::new()
                },
            );
            let forwarder_ship = match scheme {
                "forwarder_ship_to" => rng.chance(0.85),
                "shell_forwarding" => rng.chance(0.5),
                _ => rng.chance(0.1),
            };
            if forwarder_ship {
                row.set("ship_to_name", &ring.forwarder);
                row.set("ship_to_type", *rng.pick(&["forwarder", "logistics"]));
                row.set("forwarder", &ring.forwarder);
            } else {
                row.set("ship_to_name", &buyer);
                row.set(
                    "ship_to_type",
                    *rng.pick(&["end_user", "reseller", "datacenter"]),
                );
                if rng.chance(0.5) {
                    row.set("forwarder", &ring.forwarder);
                }
            }
            row.set("ship_to_country", c.code);
            row.set(
                "ship_to_address",
                if rng.chance(0.2) {
                    format!(
                        "Blk {} Jurong West St {} #0{}-{}",
                        100 + rng.below(800),
                        rng.below(90),
                        1 + rng.below(9),
                        rng.below(99)
                    )
                } else {
                    ring.address.clone()
                },
            );
            if scheme == "forwarder_ship_to" || rng.chance(0.4) {
                row.set(
                    "end_user_name",
                    format!("{} {} Co., Ltd.", rng.pick(ADJ), rng.pick(NOUN)),
                );
                row.set(
                    "end_user_country",
                    *rng.pick(&["MY", "TH", "VN", "ID", "SG"]),
                );
            } else {
                row.set("end_user_name", &buyer);
                row.set("end_user_country", c.code);
            }
            if rng.chance(0.2) {
                row.set("end_user_parent_country", *rng.pick(&["CN", "HK"]));
                row.set("end_user_parent", format!("{} Holdings", rng.pick(ADJ)));
            }
            if (scheme == "third_country_payer" && rng.chance(0.9)) || rng.chance(0.15) {
                row.set("payer_name", &ring.payer.0);
                row.set("payer_country", ring.payer.1);
            } else {
                row.set("payer_name", &buyer);
                row.set("payer_country", c.code);
            }
            let route = if rng.chance(if scheme == "shell_forwarding" {
                0.5
            } else {
                0.2
            }) {
                format!("US;{};{}", *rng.pick(&["HK", "AE", "SG", "MY"]), c.code)
            } else {
                format!("US;{}", c.code)
            };
            row.set("route", route);
            row.set(
                "declared_end_use",
                if rng.chance(0.25) {
                    *rng.pick(&["trading", "resale", "general", "stock"])
                } else {
                    *rng.pick(&["AI training", "cloud services", "research"])
                },
            );
            row.set(
                "installation_declined",
                if rng.chance(0.25) { "true" } else { "false" },
            );
            row.set(
                "contact_email",
                if rng.chance(0.3) {
                    format!(
                        "{}{}@gmail.com",
                        buyer.split(' ').next().unwrap_or("x").to_lowercase(),
                        rng.below(999)
                    )
                } else {
                    format!(
                        "sales@{}.example",
                        buyer.split(' ').next().unwrap_or("x").to_lowercase()
                    )
                },
            );
            row.set(
                "contact_phone",
                format!("+{} {:08}", 60 + rng.below(7), rng.below(100_000_000)),
            );
            if rng.chance(0.25) {
                row.set(
                    "declared_site_mw",
                    format!("{:.2}", 0.05 + rng.below(20) as f64 / 100.0),
                );
            }
            emit(&row, Some(scheme), &mut ledger, &mut truth);
            n += 1;
            diverted += 1;
            // Split orders come in bursts.
            if scheme == "split_orders" {
                for k in 1..=(1 + rng.below(3)) {
                    if n >= orders {
                        break;
                    }
                    let mut r2 = row.clone();
                    r2.set("order_id", format!("ORD-{seed}-{n:07}"));
                    r2.set(
                        "order_date",
                        (odate + Duration::days(k as i64 * (1 + rng.below(4) as i64))).to_string(),
                    );
                    emit(&r2, Some(scheme), &mut ledger, &mut truth);
                    n += 1;
                    diverted += 1;
                }
            }
            continue;
        }
        // A legitimate order.
        let ci = rng.below(customers.len() as u64) as usize;
        let cu = &customers[ci];
        let (item, hs, price, qty) = match cu.kind {
            0 => {
                let (i, h, p) = *rng.pick(SYSTEMS);
                (i, h, p, 4 + rng.below(60))
            }
            1 => {
                let pool = if rng.chance(0.5) { SYSTEMS } else { CHIPS };
                let (i, h, p) = *rng.pick(pool);
                (i, h, p, 1 + rng.below(16))
            }
            2 => {
                let (i, h, p) = *rng.pick(CHIPS);
                (i, h, p, 1 + rng.below(16))
            }
            _ => {
                let pool = if rng.chance(0.3) { SYSTEMS } else { CHIPS };
                let (i, h, p) = *rng.pick(pool);
                (i, h, p, 1 + rng.below(8))
            }
        };
        row.set("item", item);
        row.set("hs_code", hs);
        row.set("quantity", qty.to_string());
        row.set("unit_price_usd", price.to_string());
        row.set("bill_to_name", &cu.name);
        row.set("bill_to_address", &cu.address);
        row.set("bill_to_country", cu.country);
        row.set("customer_since", cu.since.to_string());
        row.set("contact_email", &cu.email);
        row.set("contact_phone", &cu.phone);
        if cu.kind == 1 {
            // A distributor ships to its own warehouse; the end user may be abroad.
            row.set("ship_to_name", &cu.name);
            row.set("ship_to_type", "distributor");
            row.set("ship_to_address", &cu.address);
            row.set("ship_to_country", cu.country);
            let abroad = rng.chance(0.3);
            row.set(
                "end_user_name",
                format!("{} {} {}", rng.pick(ADJ), rng.pick(NOUN), rng.below(5000)),
            );
            row.set(
                "end_user_country",
                if abroad {
                    *rng.pick(&["AU", "NZ", "IN", "JP", "KR"])
                } else {
                    cu.country
                },
            );
            row.set(
                "declared_end_use",
                if rng.chance(0.3) {
                    "distribution"
                } else {
                    "enterprise AI"
                },
            );
        } else {
            row.set("ship_to_name", &cu.name);
            row.set(
                "ship_to_type",
                if cu.kind == 0 {
                    "datacenter"
                } else {
                    "end_user"
                },
            );
            row.set("ship_to_address", &cu.address);
            row.set("ship_to_country", cu.country);
            row.set("end_user_name", &cu.name);
            row.set("end_user_country", cu.country);
            row.set(
                "declared_end_use",
                match cu.kind {
                    0 => "cloud AI services",
                    2 => "research computing",
                    _ => "AI inference",
                },
            );
            if cu.kind == 0 {
                row.set("declared_site_mw", format!("{}", cu.site_mw));
            }
        }
        if rng.chance(0.03) {
            row.set(
                "payer_name",
                format!("{} Leasing {}", rng.pick(ADJ), rng.pick(LEGIT).form),
            );
            row.set("payer_country", cu.country);
        } else {
            row.set("payer_name", &cu.name);
            row.set("payer_country", cu.country);
        }
        let via_hub = cu.country != "US" && rng.chance(0.05);
        row.set(
            "route",
            if cu.country == "US" {
                "US".to_string()
            } else if via_hub {
                format!("US;{};{}", *rng.pick(&["SG", "HK", "AE"]), cu.country)
            } else {
                format!("US;{}", cu.country)
            },
        );
        if rng.chance(0.03) {
            // A legitimate marketplace order: a forwarder consolidates for the buyer.
            row.set("ship_to_type", "forwarder");
            row.set(
                "forwarder",
                format!("{} Logistics {}", rng.pick(ADJ), rng.below(50)),
            );
        }
        row.set(
            "installation_declined",
            if rng.chance(0.04) { "true" } else { "false" },
        );
        emit(&row, None, &mut ledger, &mut truth);
        n += 1;
    }
    Simulated {
        ledger,
        truth,
        orders: n,
        diverted,
    }
}

fn rng_pick_listed(rng: &mut Rng) -> &'static str {
    LISTED[rng.below(LISTED.len() as u64) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::read_ledger_text;

    #[test]
    fn a_simulated_ledger_reads_cleanly_and_is_labelled() {
        let s = simulate(1, 2000);
        assert_eq!(s.orders, 2000);
        let l = read_ledger_text("sim.csv", &s.ledger).unwrap();
        assert!(
            l.rejected.is_empty(),
            "{:?}",
            l.rejected
                .iter()
                .take(3)
                .map(|r| r.error.to_string())
                .collect::<Vec<_>>()
        );
        assert_eq!(l.records.len(), 2000);
        assert_eq!(s.truth.lines().count(), 2001);
        let share = s.diverted as f64 / s.orders as f64;
        assert!((0.02..0.08).contains(&share), "{share}");
        // Deterministic.
        assert_eq!(simulate(1, 500).ledger, simulate(1, 500).ledger);
        assert_ne!(simulate(1, 500).ledger, simulate(2, 500).ledger);
    }
}
