//! Bench binary: verify 100,000 chips against 50 landmarks on one core.
//!
//! ```text
//! cargo bench -p chipwatch-locate --bench verify
//! cargo bench -p chipwatch-locate --bench verify -- --chips 1000000
//! ```
//!
//! Landmarks are spread over Asia; each chip is placed at random, its RTTs are the light
//! floor inflated by a random route factor (2-6×) plus jitter, and every chip claims
//! Singapore, so the verdict mix covers all three outcomes.

use std::hint::black_box;
use std::time::Instant;

use chipwatch_locate::geo::{LatLon, haversine_km, rtt_floor_ms};
use chipwatch_locate::verify::{Landmark, Verdict, Verifier, VerifyParams};
use chipwatch_locate::wonderproxy::singapore;

struct Rng(u64);
impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let chips: usize = args
        .iter()
        .position(|a| a == "--chips")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(7);
    let landmarks: Vec<Landmark> = (0..50)
        .map(|i| Landmark {
            id: format!("L{i}"),
            name: format!("landmark {i}"),
            operator: "bench".into(),
            pos: LatLon::new(-8.0 + rng.unit() * 48.0, 95.0 + rng.unit() * 50.0).expect("in range"),
            country: String::new(),
        })
        .collect();
    let positions: Vec<LatLon> = (0..chips)
        .map(|_| LatLon::new(-8.0 + rng.unit() * 48.0, 95.0 + rng.unit() * 50.0).expect("in range"))
        .collect();
    let rtts: Vec<Vec<(usize, f64)>> = positions
        .iter()
        .map(|p| {
            landmarks
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    (
                        i,
                        rtt_floor_ms(haversine_km(*p, l.pos)) * (2.0 + 4.0 * rng.unit())
                            + 0.2 * rng.unit(),
                    )
                })
                .collect()
        })
        .collect();
    let claim = singapore();
    let params = VerifyParams::default();
    let t = Instant::now();
    let verifier = Verifier::new(&landmarks, &params);
    let setup = t.elapsed().as_secs_f64();
    black_box(verifier.verify(&rtts[0], &claim));
    let t = Instant::now();
    let mut counts = [0usize; 3];
    for r in &rtts {
        let a = verifier.verify(r, &claim);
        counts[match a.verdict {
            Verdict::CannotBe => 0,
            Verdict::Consistent => 1,
            Verdict::Inconclusive => 2,
        }] += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "landmark set-up (restricted-territory radii): {:.3} s",
        setup
    );
    println!(
        "verified {chips} chips against {} landmarks in {:.3} s on one core ({:.0} chips/s): cannot be {}, consistent {}, inconclusive {}",
        landmarks.len(),
        secs,
        chips as f64 / secs,
        counts[0],
        counts[1],
        counts[2]
    );
}
