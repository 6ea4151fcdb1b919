//! Each red flag and network finding on a small ledger where the answer is known by hand.

use chipwatch_assess::assess::{Assessment, Options, assess};
use chipwatch_assess::ledger::{Order, read_ledger_text};
use chipwatch_rules::licence::Mode;
use chipwatch_screen::lists::read_csl_bytes;
use chipwatch_screen::screener::Screener;

const HEAD: &str = "order_id,order_date,item,quantity,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,end_user_parent_country,payer_name,payer_country,hs_code,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw,unit_price_usd,currency";

/// A clean order: a long-standing Japanese datacenter buying for itself, shipped direct.
const CLEAN: &str = "O-1,2024-05-01,HGX-H100-8GPU,4,US,Sakura Compute KK,1-2-3 Otemachi Tokyo,JP,Sakura Compute KK,1-2-3 Otemachi Tokyo,JP,datacenter,Sakura Compute KK,1-2-3 Otemachi Tokyo,JP,Sakura Holdings,JP,Sakura Compute KK,JP,8471.50,,US;JP,AI training cloud,false,2015-01-01,it@sakura.example.jp,+81 3 1234 5678,20,260000,USD";

fn ledger(rows: &[String]) -> Vec<Order> {
    let text = format!("{HEAD}\n{}\n", rows.join("\n"));
    let l = read_ledger_text("test.csv", &text).unwrap();
    assert!(
        l.rejected.is_empty(),
        "{:?}",
        l.rejected
            .iter()
            .map(|r| r.error.to_string())
            .collect::<Vec<_>>()
    );
    l.records
}

/// The clean order with some columns replaced (by header name).
fn row(id: &str, changes: &[(&str, &str)]) -> String {
    let head: Vec<&str> = HEAD.split(',').collect();
    let mut fields: Vec<String> = CLEAN.split(',').map(str::to_string).collect();
    fields[0] = id.to_string();
    for (k, v) in changes {
        let i = head
            .iter()
            .position(|h| h == k)
            .unwrap_or_else(|| panic!("no column {k}"));
        fields[i] = if v.contains(',') {
            format!("\"{v}\"")
        } else {
            v.to_string()
        };
    }
    fields.join(",")
}

/// The clean order's row as customer `i`'s: a name, email, phone and address of its own.
fn customer(i: usize, row: String) -> String {
    row.replace("Sakura", &format!("Sakura{i}"))
        .replace("sakura", &format!("sakura{i}"))
        .replace("1234 5678", &format!("1234 {:04}", i))
        .replace("1-2-3 Otemachi", &format!("1-2-{i} Otemachi"))
}

fn run(rows: &[String]) -> Assessment {
    assess(
        &ledger(rows),
        &Options {
            screener: None,
            mode: Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    )
}

/// Every check that fired on the order: the flags raised and the findings noted.
fn ids(a: &Assessment, order: &str) -> Vec<String> {
    let o = a.orders.iter().find(|o| o.order_id == order).unwrap();
    o.flags
        .iter()
        .chain(o.noted.iter().map(|n| &n.flag))
        .map(|f| f.id.to_string())
        .collect()
}

/// The flags raised on the order.
fn raised(a: &Assessment, order: &str) -> Vec<String> {
    let o = a.orders.iter().find(|o| o.order_id == order).unwrap();
    o.flags.iter().map(|f| f.id.to_string()).collect()
}

#[test]
fn a_clean_order_raises_nothing() {
    let a = run(&[row("O-1", &[])]);
    assert!(a.orders[0].flags.is_empty(), "{:?}", a.orders[0].flags);
    // No evidence: the base rate the prior weights are stated at.
    assert!((a.orders[0].score - chipwatch_assess::score::REFERENCE_RATE).abs() < 1e-9);
}

#[test]
fn each_order_flag_fires_on_its_fact() {
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "K8",
            vec![
                ("ship_to_type", "forwarder"),
                ("ship_to_name", "Quick Freight Pte Ltd"),
                ("ship_to_country", "SG"),
            ],
        ),
        (
            "K8",
            vec![
                ("ship_to_type", "logistics"),
                ("ship_to_name", "Quick Freight Pte Ltd"),
                ("end_user_name", ""),
            ],
        ),
        ("K4a", vec![("payer_name", "Other Holdings Ltd")]),
        (
            "K4b",
            vec![("payer_name", "Falcon Trade FZE"), ("payer_country", "AE")],
        ),
        (
            "K6",
            vec![("installation_declined", "true"), ("customer_since", "")],
        ),
        (
            "K3",
            vec![("bill_to_name", "Janford Realty LLC"), ("quantity", "2")],
        ),
        (
            "G1",
            vec![("customer_since", "2023-09-01"), ("quantity", "10")],
        ),
        ("K5", vec![("customer_since", "2024-02-01")]),
        (
            "G2",
            vec![("ship_to_address", "Blk 123 Jurong West St 41 #05-67")],
        ),
        ("G3", vec![("declared_site_mw", "0.02")]),
        (
            "K9",
            vec![("route", "US;SG;JP"), ("customer_since", "2023-06-01")],
        ),
        ("K9b", vec![("route", "US;HK;JP")]),
        ("K10", vec![("hs_code", "8517.62")]),
        (
            "K5b",
            vec![("contact_email", "buyer123@gmail.com"), ("quantity", "10")],
        ),
        ("K2", vec![("declared_end_use", "trading")]),
        (
            "H1b",
            vec![
                ("contact_phone", "+86 138 0013 8000"),
                ("end_user_parent_country", ""),
            ],
        ),
        (
            "H1b",
            vec![("currency", "CNY"), ("end_user_parent_country", "")],
        ),
        ("K7", vec![("ship_to_country", "MY")]),
        ("H1", vec![("end_user_parent_country", "CN")]),
        (
            "H4",
            vec![
                ("item", "Ascend 910C"),
                ("hs_code", "8542.31"),
                ("quantity", "2"),
            ],
        ),
    ];
    // An established customer's usual hub route is not abnormal.
    assert!(!ids(&run(&[row("X", &[("route", "US;SG;JP")])]), "X").contains(&"K9".to_string()));
    for (flag, changes) in cases {
        let a = run(&[row("X", &changes)]);
        let got = ids(&a, "X");
        assert!(
            got.contains(&flag.to_string()),
            "{flag} on {changes:?}: {got:?}"
        );
        assert!(a.orders[0].score > 0.0);
        let o = &a.orders[0];
        let f = o
            .flags
            .iter()
            .chain(o.noted.iter().map(|n| &n.flag))
            .find(|f| f.id == flag)
            .unwrap();
        assert!(!f.detail.is_empty() && !f.source.is_empty());
    }
}

#[test]
fn legitimate_orders_that_must_not_trip_the_flags() {
    let not = |changes: &[(&str, &str)], flag: &str| {
        let a = run(&[row("X", changes)]);
        let got = ids(&a, "X");
        assert!(
            !got.contains(&flag.to_string()),
            "{flag} on {changes:?}: {got:?}"
        );
    };
    // K8: a 3PL staging goods for a named end user in its own country is not the final destination.
    not(
        &[
            ("ship_to_type", "logistics"),
            ("ship_to_name", "Nippon Express Logistics KK"),
        ],
        "K8",
    );
    // K4: the group's treasury centre in another country pays.
    not(
        &[
            ("payer_name", "Sakura Treasury Services Ltd"),
            ("payer_country", "IE"),
        ],
        "K4a",
    );
    not(
        &[
            ("payer_name", "Sakura Treasury Services Ltd"),
            ("payer_country", "IE"),
        ],
        "K4b",
    );
    // K4: a lessor financing the purchase (sale-and-leaseback) pays.
    not(
        &[
            ("payer_name", "Dunmore Technology Leasing DAC"),
            ("payer_country", "IE"),
        ],
        "K4a",
    );
    // K6: a customer of nine years installs its own systems; a distributor installs nothing.
    not(&[("installation_declined", "true")], "K6");
    not(
        &[
            ("installation_declined", "true"),
            ("customer_since", ""),
            ("ship_to_type", "distributor"),
        ],
        "K6",
    );
    // K2: a distributor buying for stock.
    not(
        &[
            ("ship_to_type", "distributor"),
            ("declared_end_use", "stock"),
        ],
        "K2",
    );
    // H1b: a Japanese buyer with a Japanese phone; a Chinese phone when the Chinese parent is
    // declared (H1 decides that order).
    not(&[], "H1b");
    not(
        &[
            ("contact_phone", "+86 138 0013 8000"),
            ("end_user_parent_country", "CN"),
        ],
        "H1b",
    );
    // H1b: renminbi paid by a payer in China is that payer's currency (K4 asks about the payer).
    not(
        &[
            ("currency", "CNY"),
            ("payer_name", "Sakura Compute (Shanghai) Co Ltd"),
            ("payer_country", "CN"),
        ],
        "H1b",
    );
    // K7: a forwarder in Singapore for an end user in Japan is K8's fact, counted once.
    let a = run(&[row(
        "X",
        &[
            ("ship_to_type", "forwarder"),
            ("ship_to_name", "Quick Freight Pte Ltd"),
            ("ship_to_country", "SG"),
        ],
    )]);
    assert!(
        ids(&a, "X").contains(&"K8".to_string()) && !ids(&a, "X").contains(&"K7".to_string()),
        "{:?}",
        ids(&a, "X")
    );
    // K3: a computing business.
    not(&[("bill_to_name", "Realtime Compute KK")], "K3");
    // K10: an HGX baseboard declared as a part of an ADP machine, an SXM module as 8473.30
    // (CBP rulings), a DGX as a server.
    not(&[("hs_code", "8473.30.1180")], "K10");
    not(
        &[
            ("item", "H100-SXM"),
            ("hs_code", "8473.30"),
            ("quantity", "8"),
        ],
        "K10",
    );
    not(&[("item", "DGX-H100"), ("hs_code", "8471.50.0150")], "K10");
}

#[test]
fn a_lone_factor_is_noted_and_corroborated_factors_are_raised() {
    use chipwatch_assess::assess::{LONE_FACTOR, NO_LICENCES_RECORDED};
    // Each order in a ledger of its own: the same party in several orders would form a network.
    let a = |id: &str, changes: &[(&str, &str)]| run(&[row(id, changes)]);
    let one = a("ONE", &[("customer_since", "2024-02-01")]);
    let two = a(
        "TWO",
        &[
            ("customer_since", "2024-02-01"),
            ("declared_end_use", "trading"),
        ],
    );
    let with_flag = a(
        "WITH_FLAG",
        &[("customer_since", "2024-02-01"), ("route", "US;HK;JP")],
    );
    let h1 = a("H1", &[("end_user_parent_country", "CN")]);
    // A young relationship alone: noted, scored, not raised.
    let one = &one.orders[0];
    assert!(one.flags.is_empty(), "{:?}", one.flags);
    assert_eq!(one.noted.len(), 1);
    assert_eq!(
        (one.noted[0].flag.id, one.noted[0].why),
        ("K5", LONE_FACTOR)
    );
    assert!(one.score > chipwatch_assess::score::REFERENCE_RATE);
    // Two factors corroborate each other; a flag corroborates a factor.
    assert_eq!(sorted(raised(&two, "TWO")), ["K2", "K5"]);
    assert_eq!(sorted(raised(&with_flag, "WITH_FLAG")), ["K5", "K9b"]);
    // A ledger that records no licences: the requirement is noted, not raised.
    assert!(raised(&h1, "H1").is_empty(), "{:?}", h1.orders[0].flags);
    let h1 = &h1.orders[0];
    assert_eq!(h1.noted[0].flag.id, "H1");
    assert_eq!(h1.noted[0].why, NO_LICENCES_RECORDED);
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn a_licence_on_file_answers_the_licence_requirement() {
    let text = format!(
        "{HEAD},licence\n{},\n{},D1234567\n",
        row("NONE", &[("end_user_parent_country", "CN")]),
        row("LIC", &[("end_user_parent_country", "CN")])
    );
    let l = read_ledger_text("t.csv", &text).unwrap();
    let a = assess(
        &l.records,
        &Options {
            screener: None,
            mode: Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    // This ledger records licences, so a requirement without one is raised (RF 22).
    assert!(raised(&a, "NONE").contains(&"H1".to_string()));
    assert!(
        !ids(&a, "LIC").contains(&"H1".to_string()),
        "{:?}",
        ids(&a, "LIC")
    );
}

#[test]
fn prices_far_from_the_ledgers_own_price_for_the_item() {
    let mut rows: Vec<String> = (0..6)
        .map(|i| {
            row(
                &format!("P{i}"),
                &[(
                    "unit_price_usd",
                    if i % 2 == 0 { "250000" } else { "270000" },
                )],
            )
        })
        .collect();
    rows.push(row("LOW", &[("unit_price_usd", "60000")]));
    rows.push(row("HIGH", &[("unit_price_usd", "600000")]));
    let a = run(&rows);
    assert!(
        ids(&a, "LOW").contains(&"K10b".to_string()),
        "{:?}",
        ids(&a, "LOW")
    );
    assert!(
        ids(&a, "HIGH").contains(&"K4c".to_string()),
        "{:?}",
        ids(&a, "HIGH")
    );
    for i in 0..6 {
        let got = ids(&a, &format!("P{i}"));
        assert!(!got.contains(&"K10b".to_string()) && !got.contains(&"K4c".to_string()));
    }
}

#[test]
fn controls_that_must_not_fire() {
    // A distributor shipping in its own country to an end user elsewhere is normal.
    let a = run(&[row(
        "X",
        &[("ship_to_type", "distributor"), ("end_user_country", "KR")],
    )]);
    assert!(!ids(&a, "X").contains(&"K7".to_string()));
    // The buyer paying for itself under another legal form is not a third party.
    let a = run(&[row("X", &[("payer_name", "SAKURA COMPUTE K.K.")])]);
    assert!(
        !ids(&a, "X").contains(&"K4a".to_string()),
        "{:?}",
        ids(&a, "X")
    );
    // A Singapore unit number ("#05-67") is not residential.
    let a = run(&[row(
        "X",
        &[("ship_to_address", "1 Science Park Rd #05-67 Singapore")],
    )]);
    assert!(!ids(&a, "X").contains(&"G2".to_string()));
    // Small orders from a webmail address are not bulk.
    let a = run(&[row(
        "X",
        &[("contact_email", "a@gmail.com"), ("quantity", "1")],
    )]);
    assert!(!ids(&a, "X").contains(&"K5b".to_string()));
}

#[test]
fn flags_combine_as_independent_evidence() {
    let a = run(&[row(
        "X",
        &[
            ("installation_declined", "true"),
            ("payer_name", "Falcon Trade FZE"),
            ("payer_country", "AE"),
            ("customer_since", ""),
        ],
    )]);
    // Three flags (K6 0.30, K4a 0.25, K4b 0.30) add their evidence in log-odds; in a one-order
    // ledger each weighs ln(0.1 / q) with q its share smoothed toward the prior's.
    use chipwatch_assess::score::{REFERENCE_RATE, TELL_TALE_RATE, logit, sigmoid, smoothed_share};
    assert_eq!(ids(&a, "X").len(), 3, "{:?}", ids(&a, "X"));
    let s = a.orders[0].score;
    let lambda = |w: f64| {
        let prior = logit(w) - logit(REFERENCE_RATE);
        (TELL_TALE_RATE / smoothed_share(1, 1, prior)).ln()
    };
    let want = sigmoid(logit(REFERENCE_RATE) + 2.0 * lambda(0.3) + lambda(0.25));
    assert!((s - want).abs() < 1e-9, "{s} {want}");
}

#[test]
fn network_one_payer_behind_many_buyers() {
    let rows: Vec<String> = [
        "Alpha Tech Pte Ltd",
        "Beta Systems Sdn Bhd",
        "Gamma Data Co Ltd",
    ]
    .iter()
    .enumerate()
    .map(|(i, b)| {
        row(
            &format!("P{i}"),
            &[
                ("bill_to_name", b),
                ("payer_name", "Harbour Star Trading Ltd"),
                ("contact_email", &format!("x{i}@{i}.example")),
                ("contact_phone", &format!("+65 6000 000{i}")),
                ("bill_to_address", &format!("{i} Road")),
            ],
        )
    })
    .collect();
    let a = run(&rows);
    for i in 0..3 {
        assert!(ids(&a, &format!("P{i}")).contains(&"N3".to_string()));
    }
    // The shared payer joins the three buyers into one network.
    assert!(a.orders.iter().all(|o| o.cluster == a.orders[0].cluster));
    // Two buyers are not enough.
    let a = run(&rows[..2]);
    assert!(!ids(&a, "P0").contains(&"N3".to_string()));
}

#[test]
fn network_buyers_of_different_groups_sharing_a_contact() {
    let order = |id: &str, buyer: &str, phone: &str, email: &str| {
        row(
            id,
            &[
                ("bill_to_name", buyer),
                ("ship_to_name", buyer),
                ("end_user_name", buyer),
                ("end_user_parent", ""),
                ("payer_name", ""),
                ("contact_phone", phone),
                ("contact_email", email),
                ("bill_to_address", &format!("{id} Road")),
            ],
        )
    };
    let rows = vec![
        // Two unrelated companies give the same phone; the second's other order has its own.
        order(
            "C1",
            "Jade Tech Allianz Pte Ltd",
            "+65 6669 0700",
            "a@jadetech.example",
        ),
        order(
            "C2",
            "Astnetek Cloud Pte Ltd",
            "+65 6669 0700",
            "b@astnetek.example",
        ),
        order(
            "C3",
            "Astnetek Cloud Pte Ltd",
            "+65 6111 2222",
            "b@astnetek.example",
        ),
        // Two subsidiaries of one group share the group's switchboard: not a finding.
        order(
            "G1",
            "Fenloop Technologies LLC",
            "+1 415 555 0100",
            "x@fenloop.example",
        ),
        order(
            "G2",
            "Fenloop Japan KK",
            "+1 415 555 0100",
            "y@fenloop.example",
        ),
    ];
    let a = run(&rows);
    for id in ["C1", "C2"] {
        assert!(
            ids(&a, id).contains(&"N5".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
    let c1 = a.orders.iter().find(|o| o.order_id == "C1").unwrap();
    let n5 = c1.flags.iter().find(|f| f.id == "N5").unwrap();
    assert!(
        n5.detail
            .contains("phone 6566690700 with Astnetek Cloud Pte Ltd"),
        "{}",
        n5.detail
    );
    // The order that does not give the shared contact does not carry it.
    assert!(!ids(&a, "C3").contains(&"N5".to_string()));
    for id in ["G1", "G2"] {
        assert!(
            !ids(&a, id).contains(&"N5".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
    // A number that nine buyers give (a business centre's reception) says nothing.
    let many: Vec<String> = (0..9)
        .map(|i| {
            order(
                &format!("M{i}"),
                &format!("Company{i} Pte Ltd"),
                "+65 6222 3333",
                &format!("c{i}@c{i}.example"),
            )
        })
        .collect();
    let a = run(&many);
    assert!(!ids(&a, "M0").contains(&"N5".to_string()));

    // A buyer writing from another customer's domain: the domain fits Prismsky Compute's name
    // and not Xenonspark Robotics'. Two companies whose names both fit a domain they share
    // ("Pacific ...") are not told apart by it.
    let rows = vec![
        order(
            "D1",
            "Prismsky Compute Co., Ltd.",
            "+66 2 111 0001",
            "orders@prismskycomp.example",
        ),
        order(
            "D2",
            "Xenonspark Robotics Co., Ltd.",
            "+66 2 111 0002",
            "purchasing@prismskycomp.example",
        ),
        order(
            "P1",
            "Pacific Solutions Co., Ltd.",
            "+1 415 555 0001",
            "a@pacific.example",
        ),
        order(
            "P2",
            "Pacific Realty Partners LLC",
            "+1 415 555 0002",
            "b@pacific.example",
        ),
        // A role mailbox at a free webmail domain names no one.
        order(
            "R1",
            "Dello Studio S.A.",
            "+34 91 555 0001",
            "procurement@yahoo.com",
        ),
        order(
            "R2",
            "Ardor Studio LLC",
            "+1 212 555 0002",
            "procurement@yahoo.com",
        ),
        // A lessor billed for its lessee's servers gives the lessee's contact.
        order(
            "L1",
            "Vertex Equipment Finance Inc.",
            "+1 303 555 0199",
            "ops@solbel.example",
        ),
        order(
            "L2",
            "Solbel Cloud Platform Corp.",
            "+1 303 555 0199",
            "ops@solbel.example",
        ),
    ];
    let a = run(&rows);
    let d2 = a.orders.iter().find(|o| o.order_id == "D2").unwrap();
    let n5 = d2.flags.iter().find(|f| f.id == "N5");
    assert!(
        n5.is_some_and(|f| f
            .detail
            .contains("email domain prismskycomp.example with Prismsky Compute")),
        "{:?}",
        d2.flags
    );
    // The domain's owner is not accused of writing from its own domain.
    for id in ["D1", "P1", "P2", "L1", "L2", "R1", "R2"] {
        assert!(
            !ids(&a, id).contains(&"N5".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
}

#[test]
fn network_young_buyers_sharing_an_address_and_entity_resolution() {
    let rows: Vec<String> = (0..3)
        .map(|i| {
            row(
                &format!("S{i}"),
                &[
                    ("bill_to_name", &format!("Shell {i} Trading Pte Ltd")),
                    ("bill_to_address", "10 Anson Road #20-01"),
                    ("customer_since", "2024-01-15"),
                    ("contact_phone", &format!("+65 8000 100{i}")),
                    ("contact_email", &format!("s{i}@shell{i}.example")),
                ],
            )
        })
        .collect();
    let a = run(&rows);
    for i in 0..3 {
        assert!(
            ids(&a, &format!("S{i}")).contains(&"N2".to_string()),
            "{:?}",
            ids(&a, &format!("S{i}"))
        );
    }
    // The shared address joins the three buyers into one network.
    let c = a.orders[0].cluster;
    assert!(a.orders.iter().all(|o| o.cluster == c));
    assert!(
        a.clusters[c]
            .links
            .iter()
            .any(|l| l.2.starts_with("same address"))
    );
}

#[test]
fn network_split_orders() {
    // Three orders under 64 chips within 14 days, of different SKUs, add up to 80: structuring.
    // A fourth a month later stands alone; two orders alone are not a pattern.
    let rows = vec![
        row(
            "T1",
            &[
                ("item", "H100-SXM"),
                ("quantity", "30"),
                ("order_date", "2024-05-01"),
                ("hs_code", "8473.30"),
                ("customer_since", "2023-09-01"),
            ],
        ),
        row(
            "T2",
            &[
                ("item", "H100-PCIE"),
                ("quantity", "30"),
                ("order_date", "2024-05-09"),
                ("hs_code", "8473.30"),
                ("customer_since", "2023-09-01"),
            ],
        ),
        row(
            "T2b",
            &[
                ("quantity", "2"),
                ("order_date", "2024-05-12"),
                ("customer_since", "2023-09-01"),
            ],
        ),
        row(
            "T3",
            &[
                ("item", "H100-SXM"),
                ("quantity", "40"),
                ("order_date", "2024-07-01"),
                ("hs_code", "8473.30"),
                ("customer_since", "2023-09-01"),
            ],
        ),
    ];
    let a = run(&rows);
    for id in ["T1", "T2", "T2b"] {
        assert!(
            ids(&a, id).contains(&"N4".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
    assert!(!ids(&a, "T3").contains(&"N4".to_string()));
    let a = run(&rows[..2]);
    assert!(!ids(&a, "T1").contains(&"N4".to_string()));
    // The same lots bought by a customer since 2015 are restocking, not structuring.
    let established: Vec<String> = rows
        .iter()
        .map(|r| r.replace("2023-09-01", "2015-01-01"))
        .collect();
    let a = run(&established);
    assert!(
        !ids(&a, "T1").contains(&"N4".to_string()),
        "{:?}",
        ids(&a, "T1")
    );
}

#[test]
fn screening_hits_and_the_network_that_reaches_them() {
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/screen/sample_csl.csv"
    ))
    .unwrap();
    let s = Screener::new(read_csl_bytes("sample_csl.csv", &sample).unwrap().entries);
    let rows = vec![
        // The end user is a listed party under another legal form.
        row(
            "L1",
            &[
                ("end_user_name", "CYBERINN PTE. LTD."),
                ("end_user_country", "SG"),
                ("contact_phone", "+65 6123 4567"),
            ],
        ),
        // Same buyer (phone), another order: the network reaches the listed party.
        row(
            "L2",
            &[
                ("bill_to_name", "Sakura Compute Singapore"),
                ("contact_phone", "+65 6123 4567"),
            ],
        ),
    ];
    let orders = ledger(&rows);
    let a = assess(
        &orders,
        &Options {
            screener: Some(&s),
            mode: Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    let l1 = ids(&a, "L1");
    assert!(l1.contains(&"K1".to_string()), "{l1:?}");
    let f = a.orders[0].flags.iter().find(|f| f.id == "K1").unwrap();
    assert!(f.detail.contains("Cyberinn PTE LTD"), "{}", f.detail);
    assert!(
        ids(&a, "L2").contains(&"N1".to_string()),
        "{:?}",
        ids(&a, "L2")
    );
    assert_eq!(a.party_hits.len(), 1);
}

#[test]
fn a_listed_party_reaches_two_shared_identifiers_and_no_further() {
    let s = chipwatch_assess::eval::sample_screener();
    // A chain: listed end user's buyer -phone- B2 -address- B3 -email- B4.
    let party = |id: &str, name: &str, addr: &str, email: &str, phone: &str| {
        row(
            id,
            &[
                ("bill_to_name", name),
                ("bill_to_address", addr),
                ("ship_to_name", name),
                ("ship_to_address", addr),
                ("end_user_name", name),
                ("end_user_address", addr),
                ("payer_name", name),
                ("contact_email", email),
                ("contact_phone", phone),
            ],
        )
    };
    let mut rows = vec![party(
        "C1",
        "Alpha Trading KK",
        "1 Alpha Street Tokyo",
        "a@alpha.example.jp",
        "+81 3 1111 1111",
    )];
    rows[0] = rows[0].replacen(
        ",Alpha Trading KK,1 Alpha Street Tokyo,JP,Sakura Holdings",
        ",CYBERINN PTE. LTD.,1 Alpha Street Tokyo,JP,Sakura Holdings",
        1,
    );
    rows.push(party(
        "C2",
        "Beta Systems KK",
        "2 Beta Street Tokyo",
        "b@beta.example.jp",
        "+81 3 1111 1111",
    ));
    rows.push(party(
        "C3",
        "Gamma Compute KK",
        "2 Beta Street Tokyo",
        "g@gamma.example.jp",
        "+81 3 3333 3333",
    ));
    rows.push(party(
        "C4",
        "Delta Cloud KK",
        "4 Delta Street Tokyo",
        "g@gamma.example.jp",
        "+81 3 4444 4444",
    ));
    let orders = ledger(&rows);
    let a = assess(
        &orders,
        &Options {
            screener: Some(&s),
            mode: Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    assert!(
        ids(&a, "C1").contains(&"K1".to_string()),
        "{:?}",
        ids(&a, "C1")
    );
    // One network, by the shared identifiers.
    assert!(a.orders.iter().all(|o| o.cluster == a.orders[0].cluster));
    for (id, reached) in [("C2", true), ("C3", true), ("C4", false)] {
        assert_eq!(
            ids(&a, id).contains(&"N1".to_string()),
            reached,
            "{id}: {:?}",
            ids(&a, id)
        );
    }
    let n1 = a.orders[2].flags.iter().find(|f| f.id == "N1").unwrap();
    assert!(
        n1.detail
            .starts_with("order C1 of a party 2 shared identifiers"),
        "{}",
        n1.detail
    );
    // The path is named, identifier by identifier.
    assert!(
        n1.detail.contains("Gamma Compute KK (same address")
            && n1
                .detail
                .contains("Beta Systems KK (same phone 81311111111) Alpha Trading KK"),
        "{}",
        n1.detail
    );
}

#[test]
fn every_generator_writes_a_ledger_chipwatch_reads_the_same_way_for_a_seed() {
    for g in chipwatch_assess::eval::generators() {
        let (a, t) = (g.generate)(5, 1500);
        let (b, _) = (g.generate)(5, 1500);
        assert_eq!(a, b, "{} is not deterministic", g.name);
        let l = chipwatch_assess::eval::labelled(&g, 5, 1500);
        assert!(
            (1400..=1600).contains(&l.orders.len()),
            "{}: {}",
            g.name,
            l.orders.len()
        );
        assert!(!l.truth.is_empty(), "{} labels no diverted order", g.name);
        assert!(t.starts_with("order_id,diverted,scheme"), "{}", g.name);
    }
}

#[test]
fn the_ranking_finds_most_diverted_orders_on_every_generator() {
    // A regression floor on small ledgers (the full figures: chipwatch assess eval).
    let s = chipwatch_assess::eval::sample_screener();
    for g in chipwatch_assess::eval::generators() {
        let r = chipwatch_assess::eval::evaluate_seed(&g, 11, 4000, &s, None);
        assert!(r.recall >= 0.4, "{}: recall {:.3}", g.name, r.recall);
        assert!(
            r.precision > 0.1,
            "{}: precision {:.3}",
            g.name,
            r.precision
        );
    }
}

#[test]
fn a_labelled_ledger_of_ones_own_is_scored_like_a_generator() {
    use chipwatch_assess::eval::{evaluate_ledger, generators, read_truth};
    let g = generators().remove(1);
    let (ledger, truth) = (g.generate)(21, 2000);
    let orders = chipwatch_assess::ledger::read_ledger_text("own.csv", &ledger)
        .unwrap()
        .records;
    // The truth as a user writes it: 1/0, a missing scheme column.
    let plain: String = truth
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            match c[1] {
                "true" => format!("{},1\n", c[0]),
                "false" => format!("{},0\n", c[0]),
                _ => "order_id,diverted\n".to_string(),
            }
        })
        .collect();
    let t = read_truth("own.truth.csv", &plain).unwrap();
    assert!(t.values().all(|s| s == "diverted"));
    let s = chipwatch_assess::eval::sample_screener();
    let mine = evaluate_ledger("own.csv", orders.clone(), t, Some(&s), None, 1).unwrap();
    let theirs = chipwatch_assess::eval::evaluate_seed(&g, 21, 2000, &s, None);
    assert_eq!(mine.recall, theirs.recall);
    assert_eq!(mine.seeds[0].diverted, theirs.diverted);
    assert!(mine.recall > 0.3, "recall {}", mine.recall);

    // Mismatched files are refused, not scored as zero recall; bad values name line and column.
    let other = read_truth("t.csv", "order_id,diverted,scheme\nNOT-AN-ORDER,true,x\n").unwrap();
    let e = evaluate_ledger("own.csv", orders, other, None, None, 1).unwrap_err();
    assert!(e.contains("NOT-AN-ORDER"), "{e}");
    let e = read_truth("t.csv", "order_id,diverted\nA,1\nB,maybe\n").unwrap_err();
    assert!(e.contains("t.csv: line 3: column `diverted`"), "{e}");
    let e = read_truth("t.csv", "id,label\nA,1\n").unwrap_err();
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn reviewing_in_rounds_refits_the_weights_between_batches() {
    use chipwatch_assess::eval::{
        Labelled, assess_labelled, generators, labelled, review_in_rounds, riskiest_first, score,
    };
    use chipwatch_assess::score::Weights;
    let g = generators().remove(3);
    let l: Labelled = labelled(&g, 22, 2000);
    let s = chipwatch_assess::eval::sample_screener();
    let prior = Weights::prior();
    // One round is one pass: the same orders as the ranking's riskiest 5%.
    let one = review_in_rounds(&l, Some(&s), &prior, 1);
    let a = assess_labelled(&l, Some(&s), None);
    let pass = score(g.name, 22, &l, &a);
    assert_eq!(one.reviewed, vec![pass.reviewed]);
    assert_eq!(one.found, vec![pass.found]);
    // Four rounds review the same number of orders, each once, in four batches.
    let four = review_in_rounds(&l, Some(&s), &prior, 4);
    assert_eq!(four.reviewed, vec![25, 50, 75, 100]);
    assert!(
        four.found.windows(2).all(|w| w[0] <= w[1]),
        "{:?}",
        four.found
    );
    assert_eq!(four.recall, four.found[3] as f64 / l.truth.len() as f64);
    // The first batch is the prior's riskiest 25 orders; later ones follow the refitted weights,
    // not the prior's ranking.
    let ranked = riskiest_first(&a);
    let prior_path: Vec<usize> = [25, 50, 75, 100]
        .iter()
        .map(|&k| {
            ranked[..k]
                .iter()
                .filter(|(_, id)| l.truth.contains_key(*id))
                .count()
        })
        .collect();
    assert_eq!(four.found[0], prior_path[0]);
    assert_ne!(four.found, prior_path);
}

#[test]
fn a_party_owned_by_listed_parties_is_flagged_on_the_dates_the_rule_is_in_force() {
    let s = chipwatch_assess::eval::sample_screener();
    let stakes = chipwatch_screen::ownership::read_ownership_csv(
        "owners.csv",
        "owner,owned,share_pct,as_of,source\n\
         Cyberinn Pte. Ltd.,Sakura Compute KK,60,2024-01-01,registry\n\
         Corezing International,Tanjong Servers Pte Ltd,,2024-01-01,press report\n",
    )
    .unwrap();
    let rows = vec![
        row("IN_FORCE", &[("order_date", "2026-12-01")]),
        row("SUSPENDED", &[("order_date", "2026-01-15")]),
        row(
            "UNKNOWN",
            &[
                ("order_date", "2026-12-01"),
                ("bill_to_name", "Tanjong Servers Pte Ltd"),
                ("ship_to_name", "Tanjong Servers Pte Ltd"),
                ("end_user_name", "Tanjong Servers Pte Ltd"),
                ("payer_name", "Tanjong Servers Pte Ltd"),
                ("end_user_parent", ""),
                ("bill_to_address", "1 Tanjong Pagar Rd Singapore"),
                ("ship_to_address", "1 Tanjong Pagar Rd Singapore"),
                ("end_user_address", "1 Tanjong Pagar Rd Singapore"),
                ("contact_email", "it@tanjong.example.sg"),
                ("contact_phone", "+65 6000 0000"),
            ],
        ),
    ];
    let a = assess(
        &ledger(&rows),
        &Options {
            screener: Some(&s),
            mode: Mode::AsEnforced,
            weights: None,
            ownership: Some(&stakes),
            screen_cache: None,
        },
    );
    let find = |id: &str| a.orders.iter().find(|o| o.order_id == id).unwrap();
    let h2 = find("IN_FORCE").flags.iter().find(|f| f.id == "H2");
    let h2 = h2.unwrap_or_else(|| panic!("{:?}", find("IN_FORCE").flags));
    assert!(
        h2.detail
            .contains("bill-to: Sakura Compute KK is 60% owned"),
        "{}",
        h2.detail
    );
    assert!(h2.detail.contains("on 2026-12-01"), "{}", h2.detail);
    assert!(!ids(&a, "SUSPENDED").contains(&"H2".to_string()));
    assert!(
        raised(&a, "UNKNOWN").contains(&"H2b".to_string()),
        "{:?}",
        ids(&a, "UNKNOWN")
    );
    let why = find("IN_FORCE").explanation.text();
    assert!(why.contains("H2 "), "{why}");
}

#[test]
fn a_flag_common_in_the_ledger_is_noted_alone_and_raised_with_stronger_evidence() {
    use chipwatch_assess::assess::WEAK_IN_LEDGER;
    // 200 unrelated customers; one in fifteen declines installation (as hyperscalers with
    // their own staff do). One of those also ships to a freight forwarder, which no one else
    // does.
    let rows: Vec<String> = (0..200)
        .map(|i| {
            // Customers since 2023: not young, not established before the 2022 controls.
            let mut changes: Vec<(&str, &str)> = vec![("customer_since", "2023-01-01")];
            if i % 15 == 0 {
                changes.push(("installation_declined", "true"));
            }
            if i == 15 {
                changes.push(("ship_to_type", "forwarder"));
            }
            customer(i, row(&format!("O-{i}"), &changes))
        })
        .collect();
    let a = run(&rows);
    let o = |id: &str| a.orders.iter().find(|o| o.order_id == id).unwrap();
    // Declined installation on 7% of this ledger's orders: no reason alone to stop one.
    assert!(o("O-0").flags.is_empty(), "{:?}", o("O-0").flags);
    assert_eq!(
        o("O-0").noted.len(),
        1,
        "{:?}",
        o("O-0")
            .noted
            .iter()
            .map(|n| (n.flag.id, n.why))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        (o("O-0").noted[0].flag.id, o("O-0").noted[0].why),
        ("K6", WEAK_IN_LEDGER)
    );
    // Still scored (λ = ln(0.1 / 7%) ≈ 0.4): above a clean order.
    assert!(o("O-0").score > o("O-1").score);
    // With the rare forwarder ship-to, both are raised.
    assert_eq!(sorted(raised(&a, "O-15")), ["K6", "K8"]);
    // The same flag in a ledger where it is rare is raised alone.
    let rare = run(&rows[..1]);
    assert_eq!(raised(&rare, "O-0"), ["K6"]);
}

#[test]
fn an_end_user_named_by_a_placeholder() {
    let flagged = |changes: &[(&str, &str)]| ids(&run(&[row("P", changes)]), "P");
    for name in [
        "End user confidential",
        "TBD",
        "Local enterprise clients",
        "Multiple end users - to be advised",
        "Various cloud customers",
    ] {
        assert!(
            flagged(&[("end_user_name", name)]).contains(&"K2b".to_string()),
            "{name}"
        );
    }
    // Must not trip: a distributor buying for stock, a company whose name has such a word,
    // an ordinary end user.
    for (name, ship_to_type) in [
        ("Various resellers", "distributor"),
        ("Multiple Zones International Inc.", "end_user"),
        ("Clienteling Systems Pte. Ltd.", "end_user"),
        ("Sakura Compute KK", "datacenter"),
    ] {
        assert!(
            !flagged(&[("end_user_name", name), ("ship_to_type", ship_to_type)])
                .contains(&"K2b".to_string()),
            "{name}"
        );
    }
}

#[test]
fn a_hub_destination_is_a_context_scored_and_never_raised() {
    use chipwatch_assess::assess::CONTEXT;
    // 100 customers in Japan and 100 in Singapore, all clean otherwise.
    let rows: Vec<String> = (0..200)
        .map(|i| {
            let changes: Vec<(&str, &str)> = if i % 2 == 0 {
                vec![]
            } else {
                vec![
                    ("ship_to_country", "SG"),
                    ("end_user_country", "SG"),
                    ("bill_to_country", "SG"),
                ]
            };
            customer(i, row(&format!("O-{i}"), &changes))
        })
        .collect();
    let a = run(&rows);
    let o = |id: &str| a.orders.iter().find(|o| o.order_id == id).unwrap();
    assert!(o("O-1").flags.is_empty(), "{:?}", o("O-1").flags);
    assert_eq!(
        o("O-1")
            .noted
            .iter()
            .map(|n| (n.flag.id, n.why))
            .collect::<Vec<_>>(),
        [("K11", CONTEXT)]
    );
    // Half the ledger ships to a hub: the context weighs little (λ = ln(0.5 / share), share
    // smoothed toward the 20% the prior expects); where hubs are rare, it weighs more.
    let gain = |a: &Assessment, hub: &str, other: &str| {
        let s = |id: &str| a.orders.iter().find(|o| o.order_id == id).unwrap().score;
        s(hub) / s(other)
    };
    let few: Vec<String> = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0 || *i < 20)
        .map(|(_, r)| r.clone())
        .collect();
    let b = run(&few);
    let p = |id: &str| b.orders.iter().find(|o| o.order_id == id).unwrap();
    assert!(gain(&a, "O-1", "O-0") > 1.0);
    assert!(
        gain(&b, "O-1", "O-0") > gain(&a, "O-1", "O-0") + 0.5,
        "{} vs {}",
        gain(&b, "O-1", "O-0"),
        gain(&a, "O-1", "O-0")
    );
    assert!(p("O-1").flags.is_empty());
}

#[test]
fn kept_screening_results_are_the_screeners_own() {
    use chipwatch_assess::assess::ScreenCache;
    let listed = chipwatch_assess::eval::sample_screener();
    let name = listed.entries()[0].name.clone();
    let rows = [row("L-1", &[("bill_to_name", &name)]), row("L-2", &[])];
    let opts = |s, c| Options {
        screener: Some(s),
        mode: Mode::AsEnforced,
        weights: None,
        ownership: None,
        screen_cache: c,
    };
    let cache = ScreenCache::default();
    let plain = assess(&ledger(&rows), &opts(&listed, None));
    let first = assess(&ledger(&rows), &opts(&listed, Some(&cache)));
    let again = assess(&ledger(&rows), &opts(&listed, Some(&cache)));
    for a in [&first, &again] {
        assert_eq!(a.party_hits.len(), plain.party_hits.len());
        assert_eq!(raised(a, "L-1"), raised(&plain, "L-1"));
    }
    assert!(raised(&again, "L-1").contains(&"K1".to_string()));
    // Another screener (new lists, here an empty one) does not see the first one's results.
    let empty = Screener::new(Vec::new());
    let other = assess(&ledger(&rows), &opts(&empty, Some(&cache)));
    assert!(other.party_hits.is_empty());
    assert!(!raised(&other, "L-1").contains(&"K1".to_string()));
    // Nor does the same screener once changed.
    let mut changed = chipwatch_assess::eval::sample_screener();
    let id = changed.id();
    changed.exclude("x", "y", "z");
    assert_ne!(changed.id(), id);
}

#[test]
fn small_orders_adding_up_at_one_residential_address() {
    let small = |id: &str, date: &str, item: &str, qty: &str, addr: &str| {
        row(
            id,
            &[
                ("order_date", date),
                ("item", item),
                ("quantity", qty),
                ("ship_to_type", "end_user"),
                ("ship_to_address", addr),
                ("end_user_address", addr),
                ("hs_code", "8473.30"),
                ("declared_site_mw", ""),
            ],
        )
    };
    let flat = "12 Elm Rd, Apt 18B, Calgary";
    let house = "40 Eagle St, Apt 19, Perth";
    let rows = vec![
        // 6 + 6 + 6 H100 PCIe cards within a year: the third order reaches 16 chips.
        small("R1", "2024-05-01", "H100-PCIE", "6", flat),
        small("R2", "2024-07-01", "H100-PCIE", "6", flat),
        small("R3", "2024-09-01", "H100-PCIE", "6", flat),
        // More than a year apart: each year's orders stand alone.
        small("Y1", "2024-01-01", "H100-PCIE", "9", house),
        small("Y2", "2025-03-01", "H100-PCIE", "9", house),
        // RTX 4090 D cards are not 3A090 items: they do not add up.
        small(
            "L1",
            "2024-05-01",
            "RTX-4090D",
            "10",
            "7 Oak Ave, Apt 2, Boston",
        ),
        small(
            "L2",
            "2024-06-01",
            "RTX-4090D",
            "10",
            "7 Oak Ave, Apt 2, Boston",
        ),
    ];
    let a = run(&rows);
    for id in ["R1", "R2", "Y1", "Y2", "L1", "L2"] {
        assert!(
            !ids(&a, id).contains(&"G2".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
    let r3 = a.orders.iter().find(|o| o.order_id == "R3").unwrap();
    let g2 = r3.flags.iter().find(|f| f.id == "G2");
    assert!(
        g2.is_some_and(|f| f.detail.contains("18 chips in 3 orders within a year")
            && f.detail.contains("(\"apt\")")),
        "{:?}",
        r3.flags
    );
}

#[test]
fn a_forwarders_warehouse_joins_the_few_buyers_it_receives_for() {
    let to_warehouse = |id: &str, buyer: &str, warehouse: &str| {
        customer(
            id.len() + id.bytes().map(usize::from).sum::<usize>(),
            row(
                id,
                &[
                    ("bill_to_name", buyer),
                    ("ship_to_name", "Gulf Coast Logistics LLC"),
                    ("ship_to_type", "logistics"),
                    ("ship_to_address", warehouse),
                    ("end_user_name", buyer),
                    ("payer_name", ""),
                ],
            ),
        )
    };
    // Two buyers with nothing else in common ship to one small warehouse: one network.
    let mut rows = vec![
        to_warehouse(
            "W1",
            "Oakhurst Global Inc.",
            "10168 Ridge Rd, Katy, TX 77475",
        ),
        to_warehouse(
            "W2",
            "Borealis International LLC",
            "10168 Ridge Rd, Katy, TX 77475",
        ),
    ];
    // A warehouse that receives for nine buyers is a service: it joins none of them.
    for i in 0..9 {
        rows.push(to_warehouse(
            &format!("M{i}"),
            &format!("Buyer{i} Holdings Inc."),
            "1 Port Way, Houston, TX 77001",
        ));
    }
    let a = run(&rows);
    let cluster = |id: &str| a.orders.iter().find(|o| o.order_id == id).unwrap().cluster;
    assert_eq!(cluster("W1"), cluster("W2"));
    assert_ne!(cluster("M0"), cluster("M1"));
}

#[test]
fn young_buyers_of_different_groups_delivering_to_one_end_users_premises() {
    let to = |id: &str, buyer: &str, since: &str, addr: &str| {
        row(
            id,
            &[
                ("bill_to_name", buyer),
                ("bill_to_address", &format!("{id} Market St, Tampa")),
                ("contact_email", &format!("{id}@example.org")),
                ("contact_phone", &format!("+1 813 555 01{}", &id[1..])),
                ("customer_since", since),
                ("ship_to_type", "end_user"),
                ("ship_to_address", addr),
            ],
        )
    };
    let drop = "10335 Commerce Way, Santa Clara";
    let campus = "1 Research Park, Osaka";
    let rows = vec![
        // Two young buyers of different groups deliver to one end user's premises.
        to("D1", "Sophie Stewart", "2024-03-01", drop),
        to("D2", "Weber Creative Studio", "2024-06-01", drop),
        // Two companies of one group deliver to their own campus.
        to("G1", "Kestrel Robotics KK", "2024-03-01", campus),
        to("G2", "Kestrel Robotics Inc.", "2024-06-01", campus),
        // A lessor billed for its lessee's servers delivers to the lessee, as a young buyer does.
        to(
            "F1",
            "Harbor Capital Leasing Inc.",
            "2024-03-01",
            "5 Bay Rd, Kobe",
        ),
        to("F2", "Mizu Analytics KK", "2024-06-01", "5 Bay Rd, Kobe"),
        // An established customer and a young one at one address: not a ring of young buyers.
        to(
            "E1",
            "Old Line Systems",
            "2012-01-01",
            "9 Pier Rd, Yokohama",
        ),
        to("E2", "Newco Labs", "2024-06-01", "9 Pier Rd, Yokohama"),
    ];
    let a = run(&rows);
    for id in ["D1", "D2"] {
        let o = a.orders.iter().find(|o| o.order_id == id).unwrap();
        assert!(
            o.flags.iter().any(|f| f.id == "N2"
                && f.detail
                    .contains("end-user delivery address 10335 commerce way santa clara")
                && f.detail.contains("Sophie Stewart, Weber Creative Studio")),
            "{id}: {:?}",
            o.flags
        );
    }
    for id in ["G1", "G2", "F1", "F2", "E1", "E2"] {
        assert!(
            !ids(&a, id).contains(&"N2".to_string()),
            "{id}: {:?}",
            ids(&a, id)
        );
    }
}
