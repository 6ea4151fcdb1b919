//! Distances and the speed of light.
//!
//! The hot loop uses the haversine great-circle distance on a sphere of the mean Earth
//! radius; its error against the WGS84 geodesic is below 0.5%, so verdicts use it with that
//! margin on the safe side ([`distance_lower_km`], [`distance_upper_km`]). Explanations quote
//! the WGS84 geodesic (Karney's algorithm, `geographiclib-rs`).

use geographiclib_rs::{Geodesic, InverseGeodesic};
use serde::Serialize;

/// Speed of light in vacuum, km per millisecond.
pub const C_KM_PER_MS: f64 = 299.792_458;
/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
/// Largest relative error of the spherical distance against the WGS84 geodesic.
pub const SPHERE_ERROR: f64 = 0.005;

/// A position in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        ((-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
            && lat.is_finite()
            && lon.is_finite())
        .then_some(LatLon { lat, lon })
    }
}

/// Great-circle distance on the mean sphere, km.
pub fn haversine_km(a: LatLon, b: LatLon) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A distance no larger than the true WGS84 distance.
pub fn distance_lower_km(a: LatLon, b: LatLon) -> f64 {
    haversine_km(a, b) * (1.0 - SPHERE_ERROR)
}

/// A distance no smaller than the true WGS84 distance.
pub fn distance_upper_km(a: LatLon, b: LatLon) -> f64 {
    haversine_km(a, b) * (1.0 + SPHERE_ERROR)
}

/// The WGS84 geodesic distance, km (for explanations).
pub fn geodesic_km(a: LatLon, b: LatLon) -> f64 {
    let g = Geodesic::wgs84();
    let s12: f64 = g.inverse(a.lat, a.lon, b.lat, b.lon);
    s12 / 1000.0
}

/// The shortest round trip light in vacuum needs over `km` and back, ms.
pub fn rtt_floor_ms(km: f64) -> f64 {
    2.0 * km / C_KM_PER_MS
}

/// The farthest a responder can be from a landmark, given a round trip and a trusted
/// minimum processing time: light in vacuum covers `c × (rtt − t_min) / 2`.
pub fn max_radius_km(rtt_ms: f64, t_min_ms: f64) -> f64 {
    C_KM_PER_MS * (rtt_ms - t_min_ms).max(0.0) / 2.0
}

/// A latitude/longitude box that contains every point within `radius_km` of `center`.
pub fn disk_bbox(center: LatLon, radius_km: f64) -> (f64, f64, f64, f64) {
    let r = radius_km * (1.0 + SPHERE_ERROR);
    let dlat = (r / EARTH_RADIUS_KM).to_degrees();
    let min_lat = (center.lat - dlat).max(-90.0);
    let max_lat = (center.lat + dlat).min(90.0);
    if min_lat <= -89.9 || max_lat >= 89.9 || r >= std::f64::consts::PI * EARTH_RADIUS_KM / 2.0 {
        return (min_lat, -180.0, max_lat, 180.0);
    }
    // The widest longitude span is at the latitude farthest from the equator.
    let widest = min_lat.abs().max(max_lat.abs()).to_radians().cos();
    let dlon = ((r / EARTH_RADIUS_KM).sin() / widest)
        .min(1.0)
        .asin()
        .to_degrees()
        * 1.001;
    (min_lat, center.lon - dlon, max_lat, center.lon + dlon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn the_sphere_stays_within_its_stated_error_of_wgs84() {
        let pairs = [
            (p(1.284, 103.851), p(22.3, 114.1667)),
            (p(1.3667, 103.75), p(3.1333, 101.6833)),
            (p(51.5, 0.0), p(-33.9, 151.2)),
            (p(0.0, 0.0), p(0.0, 179.0)),
            (p(60.0, 10.0), p(61.0, 11.0)),
        ];
        for (a, b) in pairs {
            let g = geodesic_km(a, b);
            assert!(
                distance_lower_km(a, b) <= g && g <= distance_upper_km(a, b),
                "{a:?} {b:?}: {g}"
            );
        }
    }

    #[test]
    fn singapore_to_hong_kong_needs_17_ms_at_the_speed_of_light() {
        let d = geodesic_km(p(1.2840, 103.8510), p(22.3, 114.1667));
        assert!((d - 2581.0).abs() < 10.0, "{d}");
        assert!((rtt_floor_ms(d) - 17.22).abs() < 0.1);
        assert!((max_radius_km(1.0, 0.0) - 149.9).abs() < 0.1);
    }
}
