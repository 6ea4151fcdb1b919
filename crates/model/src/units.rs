//! Formatting figures the way a reader expects them: `$23,684m`, `1,006 MW`, `+935%`.

/// Group an integer's digits in thousands: `23684` → `23,684`.
pub fn thousands(v: f64) -> String {
    let neg = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if neg { format!("-{out}") } else { out }
}

/// Millions of US dollars: `$23,684m`; billions above $10bn get one decimal too: `$23,684m ($23.7bn)`.
pub fn usd_m(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("${}m (${:.1}bn)", thousands(v), v / 1000.0)
    } else if v.abs() < 10.0 {
        format!("${v:.1}m")
    } else {
        format!("${}m", thousands(v))
    }
}

/// A growth in percent with its sign: `+935%`.
pub fn growth_pct(v: f64) -> String {
    if v.abs() < 10.0 {
        format!("{v:+.1}%")
    } else {
        format!("{v:+.0}%")
    }
}

/// A share in percent: `18.1%`, `2%` for a whole number, `0.25%` below one.
pub fn pct(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}%")
    } else if v.abs() < 1.0 {
        format!("{v:.2}%")
    } else {
        format!("{v:.1}%")
    }
}

/// A count with thousands separators: `789,467`.
pub fn count(v: f64) -> String {
    thousands(v.round())
}

/// Megawatts: `1,006 MW`.
pub fn mw(v: f64) -> String {
    if v.abs() < 10.0 {
        format!("{v:.1} MW")
    } else {
        format!("{} MW", thousands(v))
    }
}

/// A ratio: `1.2×`, `32×`.
pub fn times(v: f64) -> String {
    if v.abs() < 10.0 {
        format!("{v:.2}×")
    } else {
        format!("{v:.0}×")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(thousands(23684.0), "23,684");
        assert_eq!(thousands(130497.4), "130,497");
        assert_eq!(thousands(-1234567.0), "-1,234,567");
        assert_eq!(usd_m(23684.0), "$23,684m ($23.7bn)");
        assert_eq!(usd_m(562.0), "$562m");
        assert_eq!(growth_pct(935.17), "+935%");
        assert_eq!(growth_pct(-4.26), "-4.3%");
        assert_eq!(mw(1006.4), "1,006 MW");
        assert_eq!(times(1.004), "1.00×");
        assert_eq!(pct(2.0), "2%");
        assert_eq!(pct(18.148), "18.1%");
        assert_eq!(pct(0.254), "0.25%");
    }
}
