fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let t = std::time::Instant::now();
    let e = chipwatch_screen::eval::evaluate(&dir).unwrap();
    println!("{:?}", t.elapsed());
    println!(
        "F1 {:.3} {:?}",
        e.name_bench.overall.f1(),
        e.name_bench.overall
    );
    println!("recall {}/{}", e.un_recall.found, e.un_recall.total);
    for m in e.un_recall.misses.iter().take(20) {
        println!("  miss {:?}", m);
    }
    println!(
        "neg {}/{} (list names {})",
        e.negatives.with_hit, e.negatives.total, e.negatives_list_names
    );
    for m in e.negatives.examples.iter().take(40) {
        println!("  fh {:?}", m);
    }
    println!("cross {}/{}", e.cross_script.found, e.cross_script.total);
    for r in &e.cross_script.rows {
        println!("  {:?}", r);
    }
}
