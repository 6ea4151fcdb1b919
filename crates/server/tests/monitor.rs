//! Monitoring on a real store: parties screened are remembered, a list delta re-screens them
//! against what changed, a new hit opens an alert citing the delta, a removed entry annotates
//! the alerts it caused, and the audit chain holds it all.

use chipwatch_screen::delta::diff;
use chipwatch_screen::lists::read_csl_bytes;
use chipwatch_screen::screener::{Query, Screener};
use chipwatch_server::monitor::{party_result, rescreen};
use chipwatch_store::Store;

const HEAD: &str = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";

fn row(id: &str, name: &str, alt: &str) -> String {
    format!(
        "{id},Entity List (EL) - Bureau of Industry and Security,,Entity,,{name},,,,,,,,,,,,,,,,,{alt},,,,,,\n"
    )
}

#[test]
fn a_list_change_re_screens_the_parties_the_team_has_screened() {
    let old = read_csl_bytes(
        "csl_old.csv",
        format!(
            "{HEAD}{}{}",
            row("e1", "Harbour Compute Holdings Pte Ltd", ""),
            row("e2", "Quartz Logistics Limited", "")
        )
        .as_bytes(),
    )
    .unwrap();
    let new = read_csl_bytes(
        "csl_new.csv",
        format!(
            "{HEAD}{}{}",
            row("e1", "Harbour Compute Holdings Pte Ltd", "Harbour Compute"),
            row("e3", "Lumen Data Systems Sdn Bhd", "")
        )
        .as_bytes(),
    )
    .unwrap();
    let store = Store::open_memory().unwrap();
    // What the team screened before the change, against the old copy.
    let s = Screener::new(old.entries.clone());
    let mut remembered = Vec::new();
    for (name, country) in [
        ("Lumen Data Systems Sdn. Bhd.", "MY"),
        ("Quartz Logistics Ltd", "HK"),
        ("Sakura Compute KK", "JP"),
    ] {
        let mut q = Query::name(name);
        q.country = Some(country.into());
        remembered.push(party_result(name, Some(country), "api", &s.screen(&q)));
    }
    store.remember_parties(&remembered).unwrap();
    assert_eq!(store.party_count().unwrap(), 3);
    // Quartz hit e2 before: an alert about it exists.
    let quartz_alert = store
        .add_alert(
            None,
            "screening",
            "Quartz Logistics Ltd",
            0.95,
            "{}",
            "test",
        )
        .unwrap();
    assert_eq!(store.parties(0, 10).unwrap()[1].best_entry, "EL e2");

    let d = diff(&old.entries, &new.entries);
    assert_eq!((d.added.len(), d.removed.len(), d.changed.len()), (1, 1, 1));
    let r = rescreen(&store, &d, "csl", "2026-12-01", "2026-12-02", "monitor").unwrap();
    assert_eq!(r.rescreened, 3);
    assert_eq!(
        r.entries, 2,
        "the added entry and the one whose alias changed"
    );
    // Lumen now hits the added entry: one alert, citing the delta.
    assert_eq!(r.alerts.len(), 1, "{r:?}");
    let a = store.alert(r.alerts[0]).unwrap();
    assert_eq!(
        (a.kind.as_str(), a.subject.as_str()),
        ("list_change", "Lumen Data Systems Sdn. Bhd.")
    );
    assert_eq!(a.details["delta"]["entry"], "EL e3");
    assert_eq!(a.details["delta"]["what"]["change"], "added");
    assert_eq!(a.details["delta"]["new_version"], "2026-12-02");
    // The party's result now holds the hit.
    let lumen = &store.parties(0, 10).unwrap()[0];
    assert_eq!(lumen.best_entry, "EL e3");
    // Quartz's entry left the list: its alert is annotated.
    assert_eq!(r.annotated, 1);
    let qa = store.alert(quartz_alert).unwrap();
    assert!(
        qa.details["annotations"][0]["note"]
            .as_str()
            .unwrap()
            .contains("EL e2")
    );
    // The same delta again opens nothing new.
    let again = rescreen(&store, &d, "csl", "2026-12-01", "2026-12-02", "monitor").unwrap();
    assert!(again.alerts.is_empty(), "{again:?}");
    // Recorded and audited.
    let deltas = store.deltas(10).unwrap();
    assert_eq!(deltas.len(), 2);
    assert_eq!(deltas[1].alerts_opened, 1);
    assert_eq!(deltas[1].summary["added"], 1);
    let log = store.audit_log(None, 100).unwrap();
    assert!(log.iter().any(|e| e.action == "lists.rescreen"));
    assert!(log.iter().any(|e| e.action == "alert.annotate"));
    assert!(store.verify_audit().unwrap().ok);
}
