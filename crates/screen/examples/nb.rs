use chipwatch_screen::matcher::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let verbose = std::env::args().nth(2);
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let mut rows = Vec::new();
    for r in rdr.records() {
        let r = r.unwrap();
        let kind = match &r[1] {
            "Person" => NameKind::Person,
            "Company" | "Organization" | "LegalEntity" => NameKind::Organization,
            _ => NameKind::Unknown,
        };
        let c = compare_kind(&prepare_str(&r[2]), &prepare_str(&r[3]), kind);
        rows.push((
            r[1].to_string(),
            r[2].to_string(),
            r[3].to_string(),
            &r[4] == "true",
            c.score,
            c.explain(),
        ));
    }
    for t in [
        0.6f32, 0.65, 0.7, 0.72, 0.75, 0.78, 0.8, 0.82, 0.85, 0.88, 0.9,
    ] {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for r in &rows {
            let p = r.4 >= t;
            match (p, r.3) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        let pr = tp as f32 / (tp + fp) as f32;
        let rc = tp as f32 / (tp + fn_) as f32;
        println!(
            "t={t:.2} tp={tp} fp={fp} fn={fn_} P={pr:.3} R={rc:.3} F1={:.3}",
            2.0 * pr * rc / (pr + rc)
        );
    }
    if let Some(t) = verbose {
        let t: f32 = t.parse().unwrap();
        for r in &rows {
            let p = r.4 >= t;
            if p != r.3 {
                println!(
                    "{} {} {:.2} | {} | {} | {}",
                    if r.3 { "FN" } else { "FP" },
                    r.0,
                    r.4,
                    r.1,
                    r.2,
                    r.5
                );
            }
        }
    }
}
