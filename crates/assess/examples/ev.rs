fn main() {
    let s = chipwatch_assess::eval::sample_screener();
    let seeds: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap())
        .collect();
    for seed in seeds {
        let t = std::time::Instant::now();
        let r = chipwatch_assess::eval::evaluate_seed(seed, 20000, &s);
        println!(
            "seed {seed}: {} orders {} diverted reviewed {} found {} recall {:.3} precision {:.3} ({:?})",
            r.orders,
            r.diverted,
            r.reviewed,
            r.found,
            r.recall,
            r.precision,
            t.elapsed()
        );
        for (k, v) in &r.by_scheme {
            println!("   {k:<22} {}/{}", v.found, v.diverted);
        }
    }
}
