fn main() {
    let cross = std::env::var("CROSS").is_ok();
    let e = chipwatch_assess::eval::evaluate(&[2], 20_000, None, cross, |_| {});
    let mut line = String::new();
    for g in &e.generators {
        line.push_str(&format!(
            "{} {:.3} lf {:.2} | ",
            g.generator, g.recall, g.legit_flagged
        ));
    }
    println!("{line}");
    if std::env::var("RATES").is_ok() {
        for g in &e.generators {
            let mut v: Vec<_> = g.seeds[0].flag_rates.iter().collect();
            v.sort_by(|a, b| b.1.legitimate.total_cmp(&a.1.legitimate));
            println!(
                "{}: {}",
                g.generator,
                v.iter()
                    .take(10)
                    .map(|(k, r)| format!("{k} {:.3}/{:.2}", r.legitimate, r.diverted))
                    .collect::<Vec<_>>()
                    .join("  ")
            );
        }
    }
    for r in &e.cross {
        println!(
            "{:16} {:?} worst held-out {:.3}",
            r.trained_on,
            r.recall
                .iter()
                .map(|(k, v)| format!("{k} {v:.3}"))
                .collect::<Vec<_>>(),
            r.worst_held_out
        );
        if r.trained_on != "prior" {
            println!(
                "   {:?}",
                r.weights
                    .iter()
                    .map(|(k, v)| format!("{k} {v:.1}"))
                    .collect::<Vec<_>>()
            );
        }
    }
}
#[allow(dead_code)]
fn unused() {}
