//! The WonderProxy ping mesh (a day of hourly `ping -c 30` between ~250 servers, July 2020)
//! as landmarks and measurements, and the evaluation that treats each server in turn as a
//! prover and the others as landmarks.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::geo::{LatLon, distance_lower_km, geodesic_km};
use crate::verify::{Claim, Landmark, Mislocated, Verdict, Verifier, VerifyParams, self_calibrate};

/// Servers and the minimum RTT of every measured pair.
#[derive(Debug, Clone)]
pub struct Mesh {
    pub servers: Vec<Landmark>,
    /// Minimum RTT (ms) from source index to destination index.
    pub rtt: HashMap<(usize, usize), f64>,
}

fn io(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", path.display())
}

/// Read `servers-*.csv` and `pings-*-grouped.csv` from a WonderProxy folder.
pub fn read_mesh(dir: &Path) -> Result<Mesh, String> {
    let find = |prefix: &str| -> Result<std::path::PathBuf, String> {
        std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".csv"))
            })
            .ok_or_else(|| format!("{}: no {prefix}*.csv", dir.display()))
    };
    let servers_path = find("servers-")?;
    let pings_path = find("pings-")?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let mut servers = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(&servers_path)
        .map_err(|e| io(&servers_path, e))?;
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| io(&servers_path, e))?;
        let get = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
        let lat: f64 = get(8)
            .parse()
            .map_err(|_| format!("{}:{line}: latitude `{}`", servers_path.display(), get(8)))?;
        let lon: f64 = get(9)
            .parse()
            .map_err(|_| format!("{}:{line}: longitude `{}`", servers_path.display(), get(9)))?;
        let pos = LatLon::new(lat, lon)
            .ok_or_else(|| format!("{}:{line}: position out of range", servers_path.display()))?;
        let country = countries
            .resolve(&get(5))
            .map(|c| c.alpha2.clone())
            .unwrap_or_else(|| get(5));
        by_id.insert(get(0), servers.len());
        servers.push(Landmark {
            id: get(0),
            name: get(2),
            operator: "WonderProxy".into(),
            pos,
            country,
        });
    }
    let mut rtt = HashMap::new();
    let mut rdr = csv::Reader::from_path(&pings_path).map_err(|e| io(&pings_path, e))?;
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| io(&pings_path, e))?;
        let (Some(&a), Some(&b)) = (
            by_id.get(rec.get(0).unwrap_or("")),
            by_id.get(rec.get(1).unwrap_or("")),
        ) else {
            continue; // a pair naming a server absent from the server list has no position
        };
        if a == b {
            continue;
        }
        let min: f64 = rec.get(2).unwrap_or("").parse().map_err(|_| {
            format!(
                "{}:{line}: column `min` is not a number",
                pings_path.display()
            )
        })?;
        if min.is_finite() && min >= 0.0 {
            let e = rtt.entry((a, b)).or_insert(min);
            *e = e.min(min);
        }
    }
    Ok(Mesh { servers, rtt })
}

impl Mesh {
    pub fn index(&self, id: &str) -> Option<usize> {
        self.servers.iter().position(|s| s.id == id)
    }
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.servers
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(name))
    }
    /// Minimum RTT between two servers, either direction.
    pub fn pair(&self, a: usize, b: usize) -> Option<f64> {
        match (self.rtt.get(&(a, b)), self.rtt.get(&(b, a))) {
            (Some(x), Some(y)) => Some(x.min(*y)),
            (Some(x), None) | (None, Some(x)) => Some(*x),
            _ => None,
        }
    }
    /// The RTTs of prover `p` to every usable landmark.
    pub fn rtts_of(&self, p: usize, usable: &[bool]) -> Vec<(usize, f64)> {
        (0..self.servers.len())
            .filter(|&l| l != p && usable[l])
            .filter_map(|l| self.pair(p, l).map(|r| (l, r)))
            .collect()
    }
}

/// Counts of verdicts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub cannot_be: usize,
    pub inconclusive: usize,
    pub consistent: usize,
}

impl Counts {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::CannotBe => self.cannot_be += 1,
            Verdict::Inconclusive => self.inconclusive += 1,
            Verdict::Consistent => self.consistent += 1,
        }
    }
    pub fn total(&self) -> usize {
        self.cannot_be + self.inconclusive + self.consistent
    }
}

/// One named case of the evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub prover: String,
    pub country: String,
    pub claim: String,
    pub verdict: Verdict,
    pub explanation: String,
}

/// The evaluation's results.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub servers: usize,
    pub pairs: usize,
    pub mislocated: Vec<Mislocated>,
    pub truthful: Counts,
    /// Truthful claims judged "cannot be": their servers, for inspection (should be empty).
    pub truthful_cannot_be: Vec<Case>,
    /// Servers in China and Hong Kong (and Taiwan) claiming Singapore.
    pub china_claims_singapore: Vec<Case>,
    /// Truthful Singapore and Kuala Lumpur servers.
    pub singapore_and_kl: Vec<Case>,
    /// False claims by distance band (true position to claimed site).
    pub bands: Vec<(String, Counts)>,
    /// Median speed implied by measured min RTTs between servers 0-500 km apart, as a fraction of c.
    pub near_speed_c: f64,
    /// For inconclusive false claims beyond the zone: the radius within which one landmark with
    /// RTTs at the near speed would turn the case into "cannot be" (km), as quantiles.
    pub landmark_radius_km: Vec<(String, f64)>,
    pub inconclusive_far: usize,
    /// CBG estimate error (km) for every usable server: median and 90th percentile.
    pub estimate_error_km: (f64, f64),
    pub params: VerifyParams,
}

const BANDS: &[(f64, f64, &str)] = &[
    (200.0, 500.0, "200-500 km"),
    (500.0, 1000.0, "500-1,000 km"),
    (1000.0, 2000.0, "1,000-2,000 km"),
    (2000.0, 5000.0, "2,000-5,000 km"),
    (5000.0, f64::INFINITY, "over 5,000 km"),
];

/// Landmark-to-landmark links are ordinary fibre: pairs faster than 2/3 c expose wrong positions.
pub const CALIBRATION_SPEED_C: f64 = 2.0 / 3.0;

/// Radius of a truthful claim: server positions are city-level.
pub const CITY_RADIUS_KM: f64 = 50.0;

/// Singapore as a declared site.
pub fn singapore() -> Claim {
    Claim {
        label: "Singapore".into(),
        site: LatLon {
            lat: 1.3521,
            lon: 103.8198,
        },
        radius_km: 30.0,
    }
}

/// Run the evaluation.
pub fn evaluate(mesh: &Mesh, params: &VerifyParams) -> Evaluation {
    let n = mesh.servers.len();
    let mislocated = self_calibrate(&mesh.servers, CALIBRATION_SPEED_C, |a, b| {
        mesh.rtt.get(&(a, b)).copied()
    });
    let mut usable = vec![true; n];
    for m in &mislocated {
        if let Some(i) = mesh.index(&m.landmark) {
            usable[i] = false;
        }
    }
    let verifier = Verifier::new(&mesh.servers, params);
    let case = |p: usize, claim: &Claim| -> Case {
        let a = verifier.verify(&mesh.rtts_of(p, &usable), claim);
        Case {
            prover: mesh.servers[p].name.clone(),
            country: mesh.servers[p].country.clone(),
            claim: claim.label.clone(),
            verdict: a.verdict,
            explanation: a.explanation,
        }
    };
    let own = |p: usize| Claim {
        label: format!("{} (declared position)", mesh.servers[p].name),
        site: mesh.servers[p].pos,
        radius_km: CITY_RADIUS_KM,
    };
    let mut truthful = Counts::default();
    let mut truthful_cannot_be = Vec::new();
    for p in (0..n).filter(|&p| usable[p]) {
        let c = case(p, &own(p));
        truthful.add(c.verdict);
        if c.verdict == Verdict::CannotBe {
            truthful_cannot_be.push(c);
        }
    }
    let china_claims_singapore = (0..n)
        .filter(|&p| {
            usable[p] && matches!(mesh.servers[p].country.as_str(), "CN" | "HK" | "MO" | "TW")
        })
        .map(|p| case(p, &singapore()))
        .collect();
    let singapore_and_kl = (0..n)
        .filter(|&p| usable[p] && matches!(mesh.servers[p].country.as_str(), "SG" | "MY"))
        .map(|p| case(p, &own(p)))
        .collect();
    // Near speed from the data.
    let mut speeds: Vec<f64> = Vec::new();
    for (&(a, b), &r) in &mesh.rtt {
        if usable[a] && usable[b] && r > 0.0 {
            let d = geodesic_km(mesh.servers[a].pos, mesh.servers[b].pos);
            if (10.0..500.0).contains(&d) {
                speeds.push(2.0 * d / r / crate::geo::C_KM_PER_MS);
            }
        }
    }
    speeds.sort_by(f64::total_cmp);
    let near_speed_c = speeds.get(speeds.len() / 2).copied().unwrap_or(0.16);
    // False claims: every usable server claims every other usable server's position.
    let mut bands: Vec<(String, Counts)> = BANDS
        .iter()
        .map(|b| (b.2.to_string(), Counts::default()))
        .collect();
    let mut radii: Vec<f64> = Vec::new();
    for p in (0..n).filter(|&p| usable[p]) {
        let rtts = mesh.rtts_of(p, &usable);
        for s in (0..n).filter(|&s| s != p && usable[s]) {
            let d = geodesic_km(mesh.servers[p].pos, mesh.servers[s].pos);
            let Some(bi) = BANDS.iter().position(|b| d >= b.0 && d < b.1) else {
                continue;
            };
            let claim = Claim {
                label: mesh.servers[s].name.clone(),
                site: mesh.servers[s].pos,
                radius_km: CITY_RADIUS_KM,
            };
            let a = verifier.verify(&rtts, &claim);
            bands[bi].1.add(a.verdict);
            if a.verdict == Verdict::Inconclusive && d > params.zone_km {
                // One landmark at distance x from the true position, answering at the near speed:
                // 2x/(v) < 2(D - r - x)/c  ⇔  x < (D - r) / (1 + 1/v)
                let dd = distance_lower_km(mesh.servers[p].pos, claim.site) - claim.radius_km;
                radii.push(dd / (1.0 + 1.0 / near_speed_c));
            }
        }
    }
    radii.sort_by(f64::total_cmp);
    // CBG estimates: bestlines from landmark-to-landmark measurements (the prover excluded
    // from its own landmarks' calibration is a refinement left out: one server of ~240).
    let bestlines: Vec<crate::estimate::Bestline> = (0..n)
        .map(|l| {
            let pts: Vec<(f64, f64)> = (0..n)
                .filter(|&o| o != l && usable[o])
                .filter_map(|o| {
                    mesh.pair(l, o)
                        .map(|r| (geodesic_km(mesh.servers[l].pos, mesh.servers[o].pos), r))
                })
                .collect();
            crate::estimate::fit_bestline(&pts)
        })
        .collect();
    let mut errors: Vec<f64> = (0..n)
        .filter(|&p| usable[p])
        .filter_map(|p| {
            crate::estimate::estimate(&mesh.servers, &bestlines, &mesh.rtts_of(p, &usable))
                .map(|e| geodesic_km(e.centroid, mesh.servers[p].pos))
        })
        .collect();
    errors.sort_by(f64::total_cmp);
    let eq = |f: f64| {
        errors
            .get(((errors.len() as f64 - 1.0) * f).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    let estimate_error_km = (eq(0.5), eq(0.9));
    let q = |f: f64| {
        radii
            .get(((radii.len() as f64 - 1.0) * f).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    Evaluation {
        servers: n,
        pairs: mesh.rtt.len(),
        mislocated,
        truthful,
        truthful_cannot_be,
        china_claims_singapore,
        singapore_and_kl,
        bands,
        near_speed_c,
        landmark_radius_km: vec![
            ("min".into(), q(0.0)),
            ("median".into(), q(0.5)),
            ("max".into(), q(1.0)),
        ],
        inconclusive_far: radii.len(),
        estimate_error_km,
        params: params.clone(),
    }
}
