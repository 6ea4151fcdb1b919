//! List loaders on small fixtures, and on the real lists in ../shared/data when present.

use std::path::PathBuf;

use chipwatch_screen::lists::{EntryKind, read_any, read_csl, read_dpl, read_sdn_legacy};

const CSL_HEADER: &str = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

fn csl_row(id: &str, source: &str, name: &str, aliases: &str) -> String {
    let mut f = vec![String::new(); 29];
    f[0] = id.into();
    f[1] = source.into();
    f[3] = "Entity".into();
    f[5] = name.into();
    f[7] = "1 Harbour Road, Singapore, SG".into();
    f[22] = aliases.into();
    f.iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn a_truncated_csl_with_a_repeated_header_loads_with_counted_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("csl.csv");
    let text = format!(
        "{CSL_HEADER}\n{CSL_HEADER}\n{}\n{}\n\"99\",\"Entity List (EL) - Bureau of Industry and Security\",\"99\",\"Entity\",\"\",\"CUT OFF",
        csl_row(
            "1",
            "Entity List (EL) - Bureau of Industry and Security",
            "ALPHA TECH PTE LTD",
            "ALPHA TECHNOLOGY; ALPHA TECH"
        ),
        csl_row(
            "2",
            "Specially Designated Nationals (SDN) - Treasury Department",
            "BETA TRADING LLC",
            ""
        ),
    );
    std::fs::write(&p, text).unwrap();
    let l = read_csl(&p).unwrap();
    assert_eq!(l.entries.len(), 2);
    assert_eq!(l.per_source.get("EL"), Some(&1));
    assert_eq!(l.per_source.get("SDN"), Some(&1));
    assert_eq!(l.entries[0].aliases, vec!["ALPHA TECHNOLOGY", "ALPHA TECH"]);
    assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
    assert!(
        l.warnings[0].contains(":2: repeated header"),
        "{:?}",
        l.warnings
    );
    assert!(l.warnings[1].contains("cut short"), "{:?}", l.warnings);
}

#[test]
fn ofac_legacy_files_join_aliases_and_addresses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sdn.csv"),
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n2674,\"ABBAS, Abu\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1948\"\n\x1a",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("alt.csv"),
        "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \n999,1,\"aka\",\"GHOST\",-0- \n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("add.csv"),
        "36,25,-0- ,\"Havana\",\"Cuba\",-0- \n",
    )
    .unwrap();
    let l = read_sdn_legacy(dir.path()).unwrap();
    assert_eq!(l.entries.len(), 2);
    assert_eq!(l.entries[0].aliases, vec!["AERO-CARIBBEAN"]);
    assert_eq!(l.entries[0].addresses, vec!["Havana, Cuba"]);
    assert_eq!(l.entries[0].kind, EntryKind::Entity);
    assert_eq!(l.entries[1].kind, EntryKind::Individual);
    assert!(l.warnings.iter().any(|w| w.contains("unknown entry 999")));
}

#[test]
fn a_file_that_is_no_list_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.csv");
    std::fs::write(&p, "a,b\n1,2\n").unwrap();
    assert!(
        read_csl(&p)
            .unwrap_err()
            .to_string()
            .contains("no `source` and `name`")
    );
    let t = dir.path().join("x.txt");
    std::fs::write(&t, "A\tB\n1\t2\n").unwrap();
    assert!(
        read_dpl(&t)
            .unwrap_err()
            .to_string()
            .contains("no `Name` column")
    );
}

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/screening");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data is absent");
        None
    }
}

#[test]
fn the_real_lists_load_with_their_published_counts() {
    let Some(dir) = shared() else { return };
    let csl = read_any(&dir.join("watchman/csl/csl_2023-11_partial.csv")).unwrap();
    assert_eq!(csl.entries.len(), 4226);
    assert_eq!(csl.per_source["SDN"], 1737); // 1,738 rows, the last one cut short
    assert_eq!(csl.per_source["EL"], 919);
    assert_eq!(csl.per_source["DPL"], 577);
    assert_eq!(csl.warnings.len(), 2, "{:?}", csl.warnings);
    let old = read_any(&dir.join("watchman/csl/csl_2019_sample_old_schema.csv")).unwrap();
    assert_eq!(old.format, "csl-csv-28");
    assert_eq!(old.per_source.get("EL"), Some(&22));
    let sdn = read_any(&dir.join("watchman/ofac_sdn_2021")).unwrap();
    assert_eq!(sdn.entries.len(), 8976);
    assert_eq!(sdn.name_count(), 20886);
    let dpl = read_any(&dir.join("watchman/misc/bis_dpl_2021.txt")).unwrap();
    assert_eq!(dpl.entries.len(), 581);
    let un = read_any(&dir.join("watchman/misc/UN_consolidated.xml")).unwrap();
    let individuals = un
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Individual)
        .count();
    assert_eq!(
        (individuals, un.entries.len() - individuals),
        (730, 273),
        "{:?}",
        un.warnings
    );
    assert!(
        un.entries
            .iter()
            .any(|e| e.aliases.iter().any(|a| !a.is_ascii())),
        "original-script names kept"
    );
}

#[test]
fn un_xml_individuals_and_entities_with_original_script_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("un.xml");
    std::fs::write(
        &p,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27">
  <INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>IVAN</FIRST_NAME><SECOND_NAME>PETROV</SECOND_NAME>
    <UN_LIST_TYPE>X</UN_LIST_TYPE><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON>
    <NAME_ORIGINAL_SCRIPT>Иван Петров</NAME_ORIGINAL_SCRIPT>
    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ivan Petrov-Smith</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ADDRESS><CITY>Moscow</CITY><COUNTRY>Russian Federation</COUNTRY></INDIVIDUAL_ADDRESS>
  </INDIVIDUAL></INDIVIDUALS>
  <ENTITIES><ENTITY><DATAID>2</DATAID><FIRST_NAME>OMEGA &amp; CO</FIRST_NAME><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>
    <ENTITY_ALIAS><ALIAS_NAME>OMEGA COMPANY</ALIAS_NAME></ENTITY_ALIAS></ENTITY>
  <ENTITY><DATAID>3</DATAID></ENTITY></ENTITIES>
</CONSOLIDATED_LIST>"#,
    )
    .unwrap();
    let l = read_any(&p).unwrap();
    assert_eq!(l.entries.len(), 2);
    assert_eq!(l.entries[0].name, "IVAN PETROV");
    assert_eq!(
        l.entries[0].aliases,
        vec!["Иван Петров", "Ivan Petrov-Smith"]
    );
    assert_eq!(l.entries[0].addresses, vec!["Moscow, Russian Federation"]);
    assert_eq!(l.entries[1].name, "OMEGA & CO");
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    std::fs::write(&p, "<?xml version=\"1.0\"?><OTHER/>").unwrap();
    assert!(
        read_any(&p)
            .unwrap_err()
            .to_string()
            .contains("not a UN consolidated list")
    );
}

#[test]
fn cross_script_pairs_transliterate_close_to_their_latin_names() {
    use chipwatch_screen::normalize::normalize;
    let Some(dir) = shared() else { return };
    let text = std::fs::read_to_string(dir.join("watchman/misc/cross_script_pairs.csv")).unwrap();
    let mut shown = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let Some(Ok(rec)) = r.records().next() else {
            continue;
        };
        if rec.len() < 2 {
            continue;
        }
        shown.push(format!(
            "{} -> `{}` vs `{}`",
            &rec[0],
            normalize(&rec[0]).key(),
            normalize(&rec[1]).key()
        ));
    }
    // Informational until scoring lands: every pair produces Latin tokens.
    assert!(shown.len() >= 20, "{shown:#?}");
    eprintln!("{}", shown.join("\n"));
}

#[test]
fn a_slip_in_a_descriptor_still_finds_the_entry_and_descriptors_alone_find_nothing() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/screen/sample_csl.csv"
    ))
    .unwrap();
    let s = chipwatch_screen::screener::Screener::new(
        chipwatch_screen::lists::read_csl_bytes("sample_csl.csv", &text)
            .unwrap()
            .entries,
    );
    let q = |n: &str| s.screen(&chipwatch_screen::screener::Query::name(n));
    for (typo, entry) in [
        ("Microsun Electrnics Pte Ltd", "Microsun Electronics"),
        ("Corezing Internatonal", "Corezing International"),
        ("ACTeam Logsitics Ltd", "ACTeam Logistics"),
        (
            "Centre Bright Electronics Copmany Limited",
            "Centre Bright Electronics",
        ),
    ] {
        let hits = q(typo);
        assert!(
            hits.iter().any(|h| h.entry_name.starts_with(entry)),
            "{typo}: {:?}",
            hits.iter().map(|h| &h.entry_name).collect::<Vec<_>>()
        );
    }
    for n in [
        "Zorvex Electrnics Company Limited",
        "Quamak Internatonal Logistics",
        "Brikay Technolgy Holdings",
    ] {
        assert!(
            q(n).is_empty(),
            "{n}: {:?}",
            q(n).iter().map(|h| &h.entry_name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_date_of_birth_qualifies_a_person_match_and_is_read_from_the_lists() {
    use chipwatch_screen::lists::{ListEntry, dob_years, dobs_in_remarks};
    use chipwatch_screen::screener::{Query, Screener};
    assert_eq!(
        dobs_in_remarks("DOB 10 Dec 1948; alt. DOB 1949; POB Baghdad, Iraq"),
        vec!["10 Dec 1948", "1949"]
    );
    assert_eq!(dob_years("circa 1970"), vec![1970]);
    assert_eq!(dob_years("1960 to 1962"), vec![1960, 1961, 1962]);
    assert_eq!(dob_years("1948-12-10"), vec![1948]);
    let s = Screener::new(vec![ListEntry {
        source: "SDN".into(),
        entry_id: "1".into(),
        kind: EntryKind::Individual,
        name: "RUIZ PEREZ, Leonardo".into(),
        dates_of_birth: vec!["12 Mar 1961".into()],
        nationalities: Vec::new(),
        ids: Vec::new(),
        ..ListEntry::default()
    }]);
    let q = |dob: Option<&str>| {
        let mut q = Query::name("Leonardo Ruiz");
        q.dob = dob.map(str::to_string);
        s.screen(&q)
    };
    let plain = q(None)[0].score;
    let agree = &q(Some("1961-03-12"))[0];
    assert!(agree.score > plain, "{} {plain}", agree.score);
    assert!(
        agree.explanation.contains("date of birth agrees"),
        "{}",
        agree.explanation
    );
    let conflict = q(Some("1990-05-01"));
    assert!(
        conflict
            .first()
            .is_none_or(|h| h.score < plain && h.explanation.contains("conflicts"))
    );
}

#[test]
fn nationalities_and_document_numbers_qualify_a_match_and_are_read_from_the_lists() {
    use chipwatch_screen::lists::{
        ListEntry, id_numbers, ids_in_remarks, nationalities_in_remarks,
    };
    use chipwatch_screen::screener::{Query, Screener};
    let remarks = "DOB 1961; nationality Iran; alt. nationality Iraq; citizen Iran; \
                   Passport K12345678 (Iran); National ID No. 0012-345-678 (Iran); \
                   Additional Sanctions Information - Subject to Secondary Sanctions";
    assert_eq!(
        nationalities_in_remarks(remarks),
        vec!["Iran", "Iraq", "Iran"]
    );
    assert_eq!(
        ids_in_remarks(remarks),
        vec![
            "Passport K12345678 (Iran)",
            "National ID No. 0012-345-678 (Iran)"
        ]
    );
    assert_eq!(
        id_numbers("National ID No. 0012-345-678 (Iran)"),
        vec!["0012345678"]
    );
    let s = Screener::new(vec![ListEntry {
        source: "SDN".into(),
        entry_id: "1".into(),
        kind: EntryKind::Individual,
        name: "HOSSEINI, Reza".into(),
        nationalities: nationalities_in_remarks(remarks),
        ids: ids_in_remarks(remarks),
        ..ListEntry::default()
    }]);
    let q = |nat: Option<&str>, id: Option<&str>| {
        let mut q = Query::name("Reza Hoseini");
        q.nationality = nat.map(str::to_string);
        q.id_number = id.map(str::to_string);
        s.screen(&q)
    };
    let plain = q(None, None)[0].score;
    let agree = &q(Some("IR"), None)[0];
    assert!(
        agree.explanation.contains("nationality agrees (IR)"),
        "{}",
        agree.explanation
    );
    assert_eq!(agree.score, plain);
    let conflict = q(Some("Canada"), None);
    assert!(
        conflict
            .first()
            .is_none_or(|h| h.score < plain && h.explanation.contains("nationality conflicts")),
        "{conflict:?}"
    );
    let id = &q(None, Some("0012345678"))[0];
    assert!(id.score > plain, "{} {plain}", id.score);
    assert!(
        id.explanation.contains("ID number agrees (National ID No."),
        "{}",
        id.explanation
    );
    // A number the entry does not list changes nothing: documents differ in kind.
    assert_eq!(q(None, Some("X9999999"))[0].score, plain);
}
