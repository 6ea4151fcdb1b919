use chipwatch_screen::{eval::*, lists::*, screener::*};
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let t = std::time::Instant::now();
    let mut entries =
        chipwatch_screen::un::read_un_xml(&dir.join("watchman/misc/UN_consolidated.xml"))
            .unwrap()
            .entries;
    entries.extend(
        read_sdn_legacy(&dir.join("watchman/ofac_sdn_2021"))
            .unwrap()
            .entries,
    );
    println!("load {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let s = Screener::new(entries);
    println!("index {:?}", t.elapsed());
    let mut names = read_names(&dir.join("yente/negatives_us_1k.csv")).unwrap();
    names.extend(read_names(&dir.join("yente/negatives_global_1k.csv")).unwrap());
    let mut times: Vec<(u128, String)> = Vec::new();
    let t = std::time::Instant::now();
    for n in &names {
        let t0 = std::time::Instant::now();
        s.screen(&Query::name(n));
        times.push((t0.elapsed().as_micros(), n.clone()));
    }
    println!("screen {:?}", t.elapsed());
    times.sort();
    times.reverse();
    for x in times.iter().take(10) {
        println!("{:?}", x);
    }
    println!("p50 {}", times[times.len() / 2].0);
}
