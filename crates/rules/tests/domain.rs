//! The rules in the domain's own words.

use chipwatch_rules::RulesError;
use chipwatch_rules::catalogue::Catalogue;
use chipwatch_rules::classify::{EccnParagraph, Specs, classify, classify_item};
use chipwatch_rules::licence::{Determination, Mode, Shipment, determine};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn eccn(item: &str, date: &str) -> String {
    classify_item(item, d(date)).unwrap().1.eccn
}

fn ship(item: &str, dest: &str, date: &str) -> Shipment {
    let _ = item;
    Shipment {
        quantity: 8,
        destination: dest.into(),
        end_user_country: None,
        end_user_hq: None,
        parent_hq: None,
        exporting_country: "US".into(),
        date: d(date),
        mode: Mode::AsEnforced,
        end_use: None,
    }
}

fn licence(item: &str, s: &Shipment) -> Determination {
    let it = Catalogue::bundled().get(item).unwrap();
    determine(&Specs::of(&it), s)
}

#[test]
fn tpp_is_not_double_counted() {
    assert_eq!(
        classify_item("H100-SXM", d("2024-01-01")).unwrap().1.tpp,
        15832.0
    );
    assert_eq!(classify_item("H20", d("2024-01-01")).unwrap().1.tpp, 2368.0);
}

#[test]
fn h800_and_a800_were_not_controlled_under_the_2022_rule_but_are_3a090a_under_the_2023_rule() {
    for chip in ["H800", "A800"] {
        assert_eq!(eccn(chip, "2023-06-01"), "not 3A090", "{chip} in 2023-06");
        assert_eq!(
            eccn(chip, "2023-11-17"),
            "3A090.a.1",
            "{chip} from 2023-11-17"
        );
    }
    // The A100 and H100 were caught from the first day.
    assert_eq!(eccn("A100", "2022-10-07"), "3A090.a");
    assert_eq!(eccn("H100", "2022-10-07"), "3A090.a");
    assert_eq!(eccn("H100", "2022-10-06"), "not 3A090");
}

#[test]
fn h20_is_outside_3a090_under_the_2023_rule_but_caught_by_the_2025_letter() {
    let (_, c) = classify_item("H20", d("2024-06-01")).unwrap();
    assert!(!c.controlled);
    assert!((c.pd.unwrap() - 2.909).abs() < 0.01);
    let before = licence("H20", &ship("H20", "CN", "2025-03-01"));
    assert!(!before.licence_required);
    let after = licence("H20", &ship("H20", "CN", "2025-05-01"));
    assert!(after.licence_required);
    assert!(
        !after.advisories.is_empty(),
        "the letter is advisory and says so"
    );
    // Not to Singapore, and the letter names the H20, not the H200.
    assert!(!licence("H20", &ship("H20", "SG", "2025-05-01")).licence_required);
    assert!(
        licence("H200", &ship("H200", "CN", "2025-05-01"))
            .advisories
            .is_empty()
    );
}

#[test]
fn l4_is_3a090a2_by_density() {
    let (_, c) = classify_item("L4", d("2024-01-01")).unwrap();
    assert_eq!(c.paragraph, Some(EccnParagraph::A2));
    assert!(
        c.reasons.iter().any(|r| r.contains("6.59")),
        "{:?}",
        c.reasons
    );
}

#[test]
fn rtx_4090_is_3a090a_and_nac_eligible_and_the_4090d_is_outside_by_note_2() {
    let (_, c) = classify_item("RTX 4090", d("2024-01-01")).unwrap();
    assert_eq!(c.eccn, "3A090.a.1");
    assert!(c.nac_eligible);
    let (_, dd) = classify_item("RTX 4090D", d("2024-01-01")).unwrap();
    assert_eq!(dd.eccn, "not 3A090");
    assert!(
        dd.reasons.iter().any(|r| r.contains("Note 2")),
        "{:?}",
        dd.reasons
    );
    let (_, five) = classify_item("RTX 5090D", d("2025-06-01")).unwrap();
    assert!(!five.controlled);
}

#[test]
fn singapore_needs_no_licence_under_the_2023_rule_but_is_tier_2_under_ai_diffusion_as_written() {
    let s = ship("H100", "SG", "2024-06-01");
    assert!(!licence("H100", &s).licence_required);
    let mut written = ship("H100", "SG", "2025-06-01");
    written.mode = Mode::AsWritten;
    let det = licence("H100", &written);
    assert!(det.licence_required);
    assert!(
        det.reasons.iter().any(|r| r.text.contains("Tier 2")),
        "{:?}",
        det.reasons
    );
    assert!(
        det.exceptions.iter().any(|e| e.starts_with("LPP")),
        "8 H100 fit LPP: {:?}",
        det.exceptions
    );
    // As enforced, the same shipment needs none.
    assert!(!licence("H100", &ship("H100", "SG", "2025-06-01")).licence_required);
}

#[test]
fn vietnam_needs_a_licence() {
    let det = licence("H100", &ship("H100", "VN", "2024-06-01"));
    assert!(det.licence_required);
    assert_eq!(
        det.review_policy.as_deref(),
        Some("presumption of approval")
    );
}

#[test]
fn a_singapore_subsidiary_of_a_china_headquartered_company_needs_a_licence() {
    let mut s = ship("H100", "SG", "2024-06-01");
    s.parent_hq = Some("CN".into());
    let det = licence("H100", &s);
    assert!(det.licence_required);
    assert_eq!(det.review_policy.as_deref(), Some("presumption of denial"));
    assert!(
        det.reasons
            .iter()
            .any(|r| r.text.contains("headquarters rule"))
    );
}

#[test]
fn h200_to_china_is_case_by_case_from_2026_01_15_from_the_us_only_and_b200_is_not() {
    assert_eq!(
        licence("H200", &ship("H200", "CN", "2026-02-01"))
            .review_policy
            .as_deref(),
        Some("case-by-case")
    );
    let mut from_tw = ship("H200", "CN", "2026-02-01");
    from_tw.exporting_country = "TW".into();
    assert_eq!(
        licence("H200", &from_tw).review_policy.as_deref(),
        Some("presumption of denial")
    );
    assert_eq!(
        licence("H200", &ship("H200", "CN", "2025-12-01"))
            .review_policy
            .as_deref(),
        Some("presumption of denial")
    );
    assert_eq!(
        licence("B200", &ship("B200", "CN", "2026-02-01"))
            .review_policy
            .as_deref(),
        Some("presumption of denial")
    );
}

#[test]
fn hong_kong_follows_china_and_macau_joined_in_2023() {
    assert!(licence("H100", &ship("H100", "HK", "2024-01-01")).licence_required);
    assert!(!licence("H100", &ship("H100", "MO", "2023-01-10")).licence_required);
    assert!(licence("H100", &ship("H100", "MO", "2023-01-20")).licence_required);
}

#[test]
fn cambodia_left_d5_in_2026_but_still_needs_a_licence_from_d1() {
    let det = licence("H100", &ship("H100", "KH", "2026-03-01"));
    assert!(det.licence_required);
    assert_eq!(
        det.review_policy.as_deref(),
        Some("presumption of approval")
    );
    let before = licence("H100", &ship("H100", "KH", "2026-01-01"));
    assert_eq!(
        before.review_policy.as_deref(),
        Some("presumption of denial")
    );
}

#[test]
fn systems_classify_under_4a090_from_their_chips() {
    let (item, c) = classify_item("HGX-H100-8GPU", d("2024-01-01")).unwrap();
    assert_eq!(item.chips_per_unit(), 8);
    assert_eq!(c.eccn, "4A090.a");
    assert_eq!(eccn("DGX B200", "2025-01-01"), "4A090.a");
}

#[test]
fn an_unknown_item_suggests_the_nearest_catalogue_names() {
    let err = Catalogue::bundled().get("H10O").unwrap_err();
    match &err {
        RulesError::UnknownItem { suggestions, .. } => {
            assert!(
                suggestions.iter().any(|s| s.starts_with("H100")),
                "{suggestions:?}"
            )
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("did you mean"));
}

#[test]
fn contradictory_specs_are_rejected_with_the_reason() {
    let e = Specs::from_raw(
        "x",
        Some(15832.0),
        Some(1000.0),
        Some(8),
        None,
        None,
        None,
        None,
        true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("contradicts"), "{e}");
    let e = Specs::from_raw(
        "x",
        Some(4800.0),
        None,
        None,
        Some(800.0),
        Some(2.0),
        None,
        None,
        true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("--pd"), "{e}");
    assert!(Specs::from_raw("x", None, Some(100.0), None, None, None, None, None, true).is_err());
    assert!(Specs::from_raw("x", Some(-1.0), None, None, None, None, None, None, true).is_err());
    let ok = Specs::from_raw(
        "x",
        None,
        Some(600.0),
        Some(8),
        None,
        None,
        None,
        None,
        true,
    )
    .unwrap();
    assert_eq!(classify(&ok, d("2024-01-01")).eccn, "3A090.a.1");
}

#[test]
fn the_bundled_catalogue_covers_the_domain_table() {
    for name in [
        "A100",
        "A800",
        "H100 SXM",
        "H100 PCIe",
        "H800",
        "H20",
        "H200",
        "B200",
        "B300",
        "L40S",
        "L20",
        "L4",
        "RTX 4090",
        "RTX 4090D",
        "RTX 5090",
        "RTX 5090D",
        "MI250X",
        "MI300X",
        "MI325X",
        "Gaudi 2",
        "Gaudi 3",
        "Ascend 910B",
        "Ascend 910C",
        "TPU v5p",
    ] {
        assert!(Catalogue::bundled().find(name).is_some(), "{name}");
    }
}

#[test]
fn deepseeks_reported_h100s_had_no_lawful_window_since_2022_10_07_and_its_h800s_one_until_2023_11_16()
 {
    use chipwatch_rules::fleet::{bundled_fleets, reconcile};
    let fleets = bundled_fleets();
    let h100 = fleets.iter().find(|l| l.item == "H100-SXM").unwrap();
    let r = reconcile(h100, Mode::AsEnforced, d("2026-11-28")).unwrap();
    assert!(
        r.lawful_windows.iter().all(|w| w.to < d("2022-10-07")),
        "{:?}",
        r.lawful_windows
    );
    assert_eq!(r.licence_from, Some(d("2022-10-07")));
    let h800 = fleets.iter().find(|l| l.item == "H800").unwrap();
    let r = reconcile(h800, Mode::AsEnforced, d("2026-11-28")).unwrap();
    assert_eq!(r.lawful_windows.len(), 1);
    assert_eq!(
        (r.lawful_windows[0].from, r.lawful_windows[0].to),
        (d("2023-03-21"), d("2023-11-16"))
    );
    assert_eq!(r.tpp_total, 10000.0 * 15832.0);
}

#[test]
fn the_fleet_section_explains_the_record() {
    use chipwatch_rules::fleet::{bundled_fleets, fleet_section};
    let s = fleet_section(&bundled_fleets(), Mode::AsEnforced, d("2026-11-28")).unwrap();
    let h100 = s
        .findings
        .iter()
        .find(|f| f.id == "fleet/deepseek-2025/H100-SXM")
        .unwrap();
    assert_eq!(h100.severity, chipwatch_model::Severity::High);
    let agg = s
        .findings
        .iter()
        .find(|f| f.id == "fleet/deepseek-2025/aggregate")
        .unwrap();
    assert_eq!(agg.get_figure("h100_equivalents").unwrap().value, 20000.0);
}

#[test]
fn a_shipment_to_singapore_for_an_end_user_in_china_is_governed_by_china() {
    let mut s = ship("H100", "SG", "2024-06-01");
    s.end_user_country = Some("CN".into());
    let det = licence("H100", &s);
    assert!(det.licence_required);
    assert_eq!(det.review_policy.as_deref(), Some("presumption of denial"));
    assert!(
        det.reasons[0].text.contains("end user is in CN"),
        "{:?}",
        det.reasons
    );
    // The other way round: a ship-to in Vietnam still needs its own licence.
    let mut v = ship("H100", "VN", "2024-06-01");
    v.end_user_country = Some("SG".into());
    assert!(licence("H100", &v).licence_required);
}

#[test]
fn every_item_has_the_tariff_headings_its_form_is_declared_under() {
    use chipwatch_rules::catalogue::{Form, headings_for};
    let cat = Catalogue::bundled();
    for c in &cat.chips {
        assert!(headings_for(c.form).count() > 0, "{} ({:?})", c.id, c.form);
    }
    for s in &cat.systems {
        assert!(matches!(s.form, Form::Baseboard | Form::Server), "{}", s.id);
    }
    let digits = |id: &str| -> Vec<String> {
        headings_for(cat.get(id).unwrap().form())
            .map(|h| h.digits())
            .collect()
    };
    // An SXM module and a PCIe card are parts of ADP machines (CBP: 8473.30.1180).
    assert!(digits("H100-SXM").contains(&"847330".to_string()));
    assert!(digits("RTX-4090").contains(&"847330".to_string()));
    // A DGX is a server (8471.50), an HGX baseboard a part.
    assert!(digits("DGX-H100").contains(&"847150".to_string()));
    assert!(digits("HGX-H100-8GPU").contains(&"847330".to_string()));
    // Nothing is normally declared as a telephone set or a video game.
    for id in ["H100-SXM", "DGX-H100", "HGX-B200-8GPU"] {
        assert!(
            !digits(id)
                .iter()
                .any(|d| d.starts_with("8517") || d.starts_with("9504"))
        );
    }
}

#[test]
fn a_catalogue_row_without_a_form_is_refused_with_its_line() {
    let chips = "id,name,aliases,vendor,launch,market,form,throughput,die_area_mm2,die_area_status,interconnect_gbps,memory_bw_gbps,source\n\
                 X1,X,,V,2024-01-01,datacenter,cartridge,FP16:100,100,public,,,s\n";
    let err = Catalogue::parse(chips, "id,name,aliases,chip,count,form,source\n").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("chips.csv") && msg.contains("form") && msg.contains("cartridge"),
        "{msg}"
    );
}
