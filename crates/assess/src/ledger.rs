//! The transaction ledger: one row per order line.
//!
//! Columns are documented in `docs/assess.md`; `order_id`, `order_date`, `item`, `quantity` and
//! `ship_to_country` are required, everything else may be empty (an empty field is never a red
//! flag by itself). Columns the schema does not know are kept, in order, and written back out
//! with the alerts.

use std::path::Path;

use chipwatch_model::InputError;
use chipwatch_model::country::CountryRegistry;
use chipwatch_model::error::RowError;
use chipwatch_model::input::{Column, CsvInput, Loaded, Row, Rule};
use chipwatch_rules::catalogue::{Catalogue, Form};
use chrono::NaiveDate;
use serde::Serialize;

/// What the ship-to party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShipToType {
    EndUser,
    Distributor,
    Reseller,
    Forwarder,
    Datacenter,
    Logistics,
}

impl ShipToType {
    fn parse(s: &str) -> Option<ShipToType> {
        Some(
            match s
                .trim()
                .to_ascii_lowercase()
                .replace(['-', ' '], "_")
                .as_str()
            {
                "end_user" | "enduser" => ShipToType::EndUser,
                "distributor" => ShipToType::Distributor,
                "reseller" => ShipToType::Reseller,
                "forwarder" | "freight_forwarder" => ShipToType::Forwarder,
                "datacenter" | "data_center" | "datacentre" => ShipToType::Datacenter,
                "logistics" => ShipToType::Logistics,
                _ => return None,
            },
        )
    }
}

/// A party as the ledger names it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Party {
    pub name: Option<String>,
    pub address: Option<String>,
    /// ISO alpha-2.
    pub country: Option<String>,
}

/// One order line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Order {
    pub line: u64,
    pub order_id: String,
    pub order_date: NaiveDate,
    pub seller: Option<String>,
    pub seller_country: Option<String>,
    pub bill_to: Party,
    pub ship_to: Party,
    pub ship_to_type: Option<ShipToType>,
    pub end_user: Party,
    pub end_user_parent: Option<String>,
    pub end_user_parent_country: Option<String>,
    pub payer_name: Option<String>,
    pub payer_country: Option<String>,
    /// Catalogue id of the item (H100-SXM, HGX-H100-8GPU, ...).
    pub item: String,
    /// The item as the ledger wrote it.
    pub item_as_written: String,
    /// Accelerator chips per unit (8 for an HGX board).
    pub chips_per_unit: u32,
    /// The form the item is sold in (module, board, baseboard, server, ic): it decides the
    /// tariff headings it is normally declared under.
    pub form: Form,
    pub hs_code: Option<String>,
    pub quantity: u64,
    pub unit_price_usd: Option<f64>,
    pub currency: Option<String>,
    pub incoterm: Option<String>,
    pub forwarder: Option<String>,
    /// Countries the shipment passes through, in order (ISO alpha-2).
    pub route: Vec<String>,
    pub declared_end_use: Option<String>,
    pub installation_declined: Option<bool>,
    pub customer_since: Option<NaiveDate>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub declared_site_mw: Option<f64>,
    /// The licence or licence exception on file for the shipment.
    pub licence: Option<String>,
    /// Columns the schema does not know, as (name, value), passed through.
    pub extra: Vec<(String, String)>,
}

impl Order {
    /// Accelerator chips in the order line.
    pub fn chips(&self) -> u64 {
        self.quantity * u64::from(self.chips_per_unit)
    }
    /// The end user's country, or the ship-to country when none is given.
    pub fn end_user_country(&self) -> &str {
        self.end_user
            .country
            .as_deref()
            .unwrap_or(self.ship_to.country.as_deref().unwrap_or(""))
    }
    /// The buyer as written: the bill-to, else the end user, else a name made of the order id.
    pub fn buyer_name(&self) -> String {
        self.bill_to
            .name
            .clone()
            .or_else(|| self.end_user.name.clone())
            .unwrap_or_else(|| format!("(unnamed buyer, order {})", self.order_id))
    }
    /// The contact phone's digits, when there are enough of them to tell a number (7).
    pub fn phone_key(&self) -> Option<String> {
        let digits: String = self
            .contact_phone
            .as_deref()?
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        (digits.len() >= 7).then_some(digits)
    }
    /// The contact email, trimmed and in lower case.
    pub fn email_key(&self) -> Option<String> {
        self.contact_email
            .as_deref()
            .map(|e| e.trim().to_ascii_lowercase())
    }
}

const fn col(name: &'static str, required: bool, description: &'static str) -> Column {
    Column {
        name,
        required,
        description,
    }
}

/// The ledger's columns.
pub const COLUMNS: &[Column] = &[
    col("order_id", true, "order line identifier"),
    col("order_date", true, "YYYY-MM-DD"),
    col("seller", false, "selling company"),
    col("seller_country", false, "ISO code or name"),
    col("bill_to_name", false, "buyer billed"),
    col("bill_to_address", false, ""),
    col("bill_to_country", false, "ISO code or name"),
    col("ship_to_name", false, "party the goods go to"),
    col("ship_to_address", false, ""),
    col("ship_to_country", true, "ISO code or name"),
    col(
        "ship_to_type",
        false,
        "end_user | distributor | reseller | forwarder | datacenter | logistics",
    ),
    col("end_user_name", false, ""),
    col("end_user_address", false, ""),
    col("end_user_country", false, "ISO code or name"),
    col("end_user_parent", false, "ultimate parent"),
    col(
        "end_user_parent_country",
        false,
        "ultimate parent's headquarters country",
    ),
    col("payer_name", false, ""),
    col("payer_country", false, "ISO code or name"),
    col(
        "item",
        true,
        "catalogue name (H100-SXM, HGX-H100-8GPU, ...; see `chipwatch chips`)",
    ),
    col("hs_code", false, "HS code as declared"),
    col(
        "quantity",
        true,
        "units of the item, a positive whole number",
    ),
    col("unit_price_usd", false, "price per unit"),
    col("currency", false, ""),
    col("incoterm", false, ""),
    col("forwarder", false, "freight forwarder"),
    col(
        "route",
        false,
        "countries the shipment passes through, separated by `;`",
    ),
    col("declared_end_use", false, ""),
    col("installation_declined", false, "true/false"),
    col(
        "customer_since",
        false,
        "YYYY-MM-DD: start of the relationship or incorporation",
    ),
    col("contact_email", false, ""),
    col("contact_phone", false, ""),
    col(
        "declared_site_mw",
        false,
        "declared power of the end-use site in MW",
    ),
    col(
        "licence",
        false,
        "licence number or licence exception the shipment goes under (e.g. D1234567, NAC, ACA)",
    ),
];

const R_ID: Rule = Rule {
    id: "ledger.order_id",
    requires: "a non-empty order id",
};
const R_DATE: Rule = Rule {
    id: "ledger.date",
    requires: "a date as YYYY-MM-DD",
};
const R_COUNTRY: Rule = Rule {
    id: "ledger.country",
    requires: "an ISO 3166 code or English country name",
};
const R_ITEM: Rule = Rule {
    id: "ledger.item",
    requires: "an item of the chip and system catalogue (see `chipwatch chips`)",
};
const R_QTY: Rule = Rule {
    id: "ledger.quantity",
    requires: "a positive whole number",
};
const R_NUM: Rule = Rule {
    id: "ledger.number",
    requires: "a non-negative number",
};
const R_BOOL: Rule = Rule {
    id: "ledger.bool",
    requires: "true or false",
};
const R_TYPE: Rule = Rule {
    id: "ledger.ship_to_type",
    requires: "end_user, distributor, reseller, forwarder, datacenter or logistics",
};

/// A country name or code resolved to its alpha-2 code; ledgers repeat a few countries
/// millions of times, so answers are remembered per thread.
fn resolve_country(s: &str) -> Option<String> {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Option<String>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    SEEN.with(|m| {
        if let Some(v) = m.borrow().get(s) {
            return v.clone();
        }
        let v = CountryRegistry::bundled()
            .resolve(s)
            .map(|c| c.alpha2.clone());
        m.borrow_mut().insert(s.to_string(), v.clone());
        v
    })
}

/// An item of the catalogue: its id and accelerator chips per unit, remembered per thread.
/// A catalogue item's id, accelerators per unit and form.
type ResolvedItem = (String, u32, Form);

fn resolve_item(s: &str) -> Option<ResolvedItem> {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Option<ResolvedItem>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    SEEN.with(|m| {
        if let Some(v) = m.borrow().get(s) {
            return v.clone();
        }
        let v = Catalogue::bundled()
            .find(s)
            .map(|i| (i.id().to_string(), i.chips_per_unit(), i.form()));
        m.borrow_mut().insert(s.to_string(), v.clone());
        v
    })
}

fn country(row: &Row<'_>, column: &str) -> Result<Option<String>, RowError> {
    match row.get(column).map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => resolve_country(s).map(Some).ok_or_else(|| {
            row.error(
                column,
                s,
                R_COUNTRY,
                chipwatch_model::country::unknown_country_detail(CountryRegistry::bundled(), s),
            )
        }),
    }
}

fn date(row: &Row<'_>, column: &str) -> Result<Option<NaiveDate>, RowError> {
    match row.get(column).map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| row.error(column, s, R_DATE, "not a date as YYYY-MM-DD")),
    }
}

fn text(row: &Row<'_>, column: &str) -> Option<String> {
    row.get(column)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn party(row: &Row<'_>, prefix: &str) -> Result<Party, RowError> {
    Ok(Party {
        name: text(row, &format!("{prefix}_name")),
        address: text(row, &format!("{prefix}_address")),
        country: country(row, &format!("{prefix}_country"))?,
    })
}

fn parse_order(row: &Row<'_>, extra_columns: &[String]) -> Result<Order, RowError> {
    let order_id = row.required("order_id", R_ID)?.trim().to_string();
    let order_date = date(row, "order_date")?
        .ok_or_else(|| row.error("order_date", "", R_DATE, "the value is empty"))?;
    let item_text = row.required("item", R_ITEM)?.trim();
    let (item_id, chips_per_unit, form) = resolve_item(item_text).ok_or_else(|| {
        let s = Catalogue::bundled().suggest(item_text);
        let hint = if s.is_empty() {
            "not in the catalogue".to_string()
        } else {
            format!("not in the catalogue; did you mean {}?", s.join(", "))
        };
        row.error("item", item_text, R_ITEM, hint)
    })?;
    let qty_text = row.required("quantity", R_QTY)?.trim();
    let quantity = match qty_text.replace(',', "").parse::<i64>() {
        Ok(q) if q > 0 => q as u64,
        Ok(_) => return Err(row.error("quantity", qty_text, R_QTY, "not positive")),
        Err(_) => return Err(row.error("quantity", qty_text, R_QTY, "not a whole number")),
    };
    let ship_to = party(row, "ship_to")?;
    if ship_to.country.is_none() {
        return Err(row.error("ship_to_country", "", R_COUNTRY, "the value is empty"));
    }
    let ship_to_type = match text(row, "ship_to_type") {
        None => None,
        Some(s) => Some(
            ShipToType::parse(&s)
                .ok_or_else(|| row.error("ship_to_type", &s, R_TYPE, "unknown ship-to type"))?,
        ),
    };
    let non_negative = |column: &str| -> Result<Option<f64>, RowError> {
        match row.opt_f64(column, R_NUM)? {
            Some(v) if v < 0.0 => Err(row.error(column, &v.to_string(), R_NUM, "negative")),
            v => Ok(v),
        }
    };
    let installation_declined = match text(row, "installation_declined") {
        None => None,
        Some(s) => Some(match s.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => true,
            "false" | "no" | "n" | "0" => false,
            _ => {
                return Err(row.error("installation_declined", &s, R_BOOL, "not true or false"));
            }
        }),
    };
    let mut route = Vec::new();
    if let Some(r) = text(row, "route") {
        for part in r.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let c = resolve_country(part).ok_or_else(|| {
                row.error(
                    "route",
                    part,
                    R_COUNTRY,
                    chipwatch_model::country::unknown_country_detail(
                        CountryRegistry::bundled(),
                        part,
                    ),
                )
            })?;
            route.push(c);
        }
    }
    let extra = extra_columns
        .iter()
        .filter_map(|c| row.get(c).map(|v| (c.clone(), v.to_string())))
        .collect();
    Ok(Order {
        line: row.line(),
        order_id,
        order_date,
        seller: text(row, "seller"),
        seller_country: country(row, "seller_country")?,
        bill_to: party(row, "bill_to")?,
        ship_to,
        ship_to_type,
        end_user: party(row, "end_user")?,
        end_user_parent: text(row, "end_user_parent"),
        end_user_parent_country: country(row, "end_user_parent_country")?,
        payer_name: text(row, "payer_name"),
        payer_country: country(row, "payer_country")?,
        item: item_id,
        item_as_written: item_text.to_string(),
        chips_per_unit,
        form,
        hs_code: text(row, "hs_code"),
        quantity,
        unit_price_usd: non_negative("unit_price_usd")?,
        currency: text(row, "currency"),
        incoterm: text(row, "incoterm"),
        forwarder: text(row, "forwarder"),
        route,
        declared_end_use: text(row, "declared_end_use"),
        installation_declined,
        customer_since: date(row, "customer_since")?,
        contact_email: text(row, "contact_email"),
        contact_phone: text(row, "contact_phone"),
        declared_site_mw: non_negative("declared_site_mw")?,
        licence: text(row, "licence"),
        extra,
    })
}

/// Read a ledger: CSV, JSON lines (`.jsonl`, `.ndjson`, `.json`) or Parquet (`.parquet`), by
/// extension. Rows that break a rule are returned in [`Loaded::rejected`] with the file, line
/// (the row number for Parquet), column, value and rule; call [`Loaded::strict`] to refuse
/// them instead.
pub fn read_ledger(path: &Path) -> Result<Loaded<Order>, InputError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "jsonl" | "ndjson" | "json" => read_ledger_jsonl(path),
        "parquet" => crate::parquet_in::read_ledger_parquet(path),
        _ => read_input(CsvInput::open(path, COLUMNS)?),
    }
}

/// A JSON value as ledger text: strings as they are, numbers and booleans written out, arrays
/// (a route) joined with `;`, null empty.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(json_text).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// Read a ledger of JSON lines: one object per line, keys as the CSV columns.
pub fn read_ledger_jsonl(path: &Path) -> Result<Loaded<Order>, InputError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| InputError::Io {
        file: file.clone(),
        source,
    })?;
    let mut objects: Vec<(u64, serde_json::Map<String, serde_json::Value>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim().trim_start_matches('\u{feff}');
        if l.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(l).map_err(|e| InputError::Csv {
            file: file.clone(),
            line: i as u64 + 1,
            message: format!("not a JSON object (column {}): {e}", e.column()),
        })?;
        let serde_json::Value::Object(map) = v else {
            return Err(InputError::Csv {
                file,
                line: i as u64 + 1,
                message: "not a JSON object".into(),
            });
        };
        objects.push((i as u64 + 1, map));
    }
    read_ledger_objects(&file, objects)
}

/// Orders given as JSON objects (the ledger's columns as keys), each with the line (or number)
/// errors should name: the order desk's `POST /v1/orders` and stored history.
pub fn read_ledger_objects(
    file: &str,
    objects: Vec<(u64, serde_json::Map<String, serde_json::Value>)>,
) -> Result<Loaded<Order>, InputError> {
    let mut header: Vec<String> = Vec::new();
    for (_, map) in &objects {
        for k in map.keys() {
            let k = k.trim().to_ascii_lowercase();
            if !header.contains(&k) {
                header.push(k);
            }
        }
    }
    let records = objects
        .into_iter()
        .map(|(line, map)| {
            let lower: std::collections::HashMap<String, &serde_json::Value> = map
                .iter()
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v))
                .collect();
            let mut r = csv::StringRecord::new();
            for h in &header {
                r.push_field(&lower.get(h).map(|v| json_text(v)).unwrap_or_default());
            }
            let mut pos = csv::Position::new();
            pos.set_line(line);
            r.set_position(Some(pos));
            r
        })
        .collect();
    read_input(CsvInput::from_records(file, header, records, COLUMNS)?)
}

/// [`read_ledger`] on text already in memory.
pub fn read_ledger_text(name: &str, text: &str) -> Result<Loaded<Order>, InputError> {
    read_input(CsvInput::from_bytes(
        name,
        text.as_bytes().to_vec(),
        COLUMNS,
    )?)
}

pub(crate) fn read_input(input: CsvInput) -> Result<Loaded<Order>, InputError> {
    let known: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    let extra: Vec<String> = input
        .header()
        .iter()
        .filter(|h| !known.contains(&h.as_str()))
        .cloned()
        .collect();
    let loaded = input.load(|row| parse_order(row, &extra))?;
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "order_id,order_date,item,quantity,ship_to_country,ship_to_type,bill_to_name,route,installation_declined,sales_rep";

    #[test]
    fn reads_orders_and_keeps_unknown_columns() {
        let l = read_ledger_text(
            "l.csv",
            &format!("{HEAD}\nA1,2024-03-01,HGX-H100-8GPU,4,Singapore,forwarder,Alpha Pte Ltd,SG;HK,true,Jane\n"),
        )
        .unwrap();
        let o = &l.records[0];
        assert_eq!(o.item, "HGX-H100-8GPU");
        assert_eq!(o.chips(), 32);
        assert_eq!(o.ship_to.country.as_deref(), Some("SG"));
        assert_eq!(o.ship_to_type, Some(ShipToType::Forwarder));
        assert_eq!(o.route, vec!["SG", "HK"]);
        assert_eq!(o.installation_declined, Some(true));
        assert_eq!(o.extra, vec![("sales_rep".to_string(), "Jane".to_string())]);
    }

    #[test]
    fn bad_rows_name_line_column_and_rule() {
        let l = read_ledger_text(
            "l.csv",
            &format!(
                "{HEAD}\nA1,2024-13-01,H100,1,SG,,,,,\nA2,2024-03-01,H100,-3,SG,,,,,\nA3,2024-03-01,H1OO-SXM,1,SG,,,,,\nA4,2024-03-01,H100,1,Atlantis,,,,,\nA5,2024-03-01,H100,2,SG,,,,,\n"
            ),
        )
        .unwrap();
        assert_eq!(l.records.len(), 1);
        let e: Vec<String> = l.rejected.iter().map(|r| r.error.to_string()).collect();
        assert!(
            e[0].starts_with("l.csv:2: column `order_date`") && e[0].contains("ledger.date"),
            "{e:?}"
        );
        assert!(
            e[1].contains("column `quantity`: not positive") && e[1].contains("-3"),
            "{e:?}"
        );
        assert!(
            e[2].contains("column `item`") && e[2].contains("did you mean"),
            "{e:?}"
        );
        assert!(
            e[3].contains("column `ship_to_country`") && e[3].contains("Atlantis"),
            "{e:?}"
        );
    }

    #[test]
    fn json_lines_read_like_csv_with_their_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("l.jsonl");
        std::fs::write(
            &p,
            concat!(
                r#"{"order_id":"J1","order_date":"2024-03-01","item":"H100","quantity":2,"ship_to_country":"SG","route":["US","HK","SG"],"installation_declined":true,"po":"77"}"#,
                "\n\n",
                r#"{"order_id":"J2","order_date":"2024-03-01","item":"H100","quantity":0,"ship_to_country":"SG"}"#,
                "\n"
            ),
        )
        .unwrap();
        let l = read_ledger(&p).unwrap();
        assert_eq!(l.records.len(), 1);
        assert_eq!(l.records[0].route, vec!["US", "HK", "SG"]);
        assert_eq!(l.records[0].installation_declined, Some(true));
        assert_eq!(
            l.records[0].extra,
            vec![("po".to_string(), "77".to_string())]
        );
        let e = l.rejected[0].error.to_string();
        assert!(e.contains("l.jsonl:3: column `quantity`"), "{e}");
        std::fs::write(&p, "{\"order_id\": 1\n").unwrap();
        let e = read_ledger(&p).unwrap_err().to_string();
        assert!(e.contains("l.jsonl:1"), "{e}");
    }

    #[test]
    fn a_missing_required_column_is_refused() {
        let e = read_ledger_text("l.csv", "order_id,order_date,item\nA1,2024-01-01,H100\n")
            .unwrap_err();
        assert!(e.to_string().contains("missing required column"), "{e}");
    }
}
