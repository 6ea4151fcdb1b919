//! The order desk's memory: every order decided, with its decision, and the keys that find a
//! customer's history (its earlier orders, and other customers sharing an address, a payer, a
//! phone or an email domain) so that networks form across orders over time.

use serde::Serialize;

use crate::backend::{Backend, P, V, t};
use crate::{Result, Store, StoreError, now};

/// The keys an order is found by. Empty strings are "none" and match nothing.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrderKeys {
    /// The buyer (normalised name).
    pub buyer: String,
    /// The bill-to address (normalised).
    pub address: String,
    /// The ship-to address (normalised).
    pub ship_address: String,
    /// The payer (normalised name), when it is not the buyer.
    pub payer: String,
    /// The contact phone's digits.
    pub phone: String,
    /// The contact email's address, lower case.
    pub email: String,
}

/// An order to store with its decision.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub order_id: String,
    pub order_date: String,
    /// The buyer as written.
    pub buyer: String,
    pub keys: OrderKeys,
    /// `proceed`, `hold`, `licence_required`, `do_not_ship`.
    pub verdict: String,
    /// The order's fields (the ledger's columns) as JSON.
    pub record: serde_json::Value,
    /// The decision with its reasons as JSON.
    pub decision: serde_json::Value,
}

/// An order the store holds.
#[derive(Debug, Clone, Serialize)]
pub struct StoredOrder {
    pub id: i64,
    pub order_id: String,
    pub order_date: String,
    pub buyer: String,
    pub verdict: String,
    pub alert_id: Option<i64>,
    pub record: serde_json::Value,
    pub decision: serde_json::Value,
    pub created_at: String,
    pub created_by: String,
    /// The status of the alert a hold opened (`open`, or the reviewer's decision).
    pub alert_status: Option<String>,
}

/// What the store knows around an order: the same customer's earlier orders and the orders of
/// other customers sharing one of its keys (which key, for each).
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrderHistory {
    pub orders: Vec<StoredOrder>,
    /// For each order of `orders` that is another customer's: what it shares (`address`,
    /// `ship_address`, `payer`, `phone`, `email`).
    pub shared: Vec<(i64, Vec<&'static str>)>,
    /// The customer's orders in the store (all of them, also those beyond `orders`).
    pub customer_orders: i64,
    /// The date of the customer's first stored order.
    pub first_order: Option<String>,
}

const COLUMNS: &str = "orders.id, order_id, order_date, buyer, verdict, alert_id, record, decision, orders.created_at, created_by, alerts.status";
/// The orders with the status of their alerts.
const FROM: &str = "orders LEFT JOIN alerts ON alerts.id = orders.alert_id";

const INSERT: &str = "INSERT INTO orders (order_id, order_date, buyer, buyer_key, address_key, ship_address_key, payer_key, phone_key, email_key, verdict, alert_id, record, decision, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

/// The parameters of [`INSERT`] for an order.
fn order_params(o: &NewOrder, alert: Option<i64>, ts: &str, actor: &str) -> Vec<P> {
    let k = &o.keys;
    vec![
        t(&o.order_id),
        t(&o.order_date),
        t(&o.buyer),
        t(&k.buyer),
        t(&k.address),
        t(&k.ship_address),
        t(&k.payer),
        t(&k.phone),
        t(&k.email),
        t(&o.verdict),
        P::OI(alert),
        P::T(o.record.to_string()),
        P::T(o.decision.to_string()),
        t(ts),
        t(actor),
    ]
}

fn order_row(r: &[V]) -> StoredOrder {
    StoredOrder {
        id: r[0].i(),
        order_id: r[1].t(),
        order_date: r[2].t(),
        buyer: r[3].t(),
        verdict: r[4].t(),
        alert_id: r[5].oi(),
        record: serde_json::from_str(&r[6].t()).unwrap_or(serde_json::Value::Null),
        decision: serde_json::from_str(&r[7].t()).unwrap_or(serde_json::Value::Null),
        created_at: r[8].t(),
        created_by: r[9].t(),
        alert_status: match &r[10] {
            V::Null => None,
            v => Some(v.t()),
        },
    }
}

/// An alert to open with the order (a hold): in the open case titled `case_title`, or a new
/// one of that title.
#[derive(Debug, Clone)]
pub struct HoldAlert {
    pub case_title: String,
    pub subject: String,
    pub score: f64,
    pub details: serde_json::Value,
}

impl Store {
    /// Store an order and its decision (audited as `order.decided`); with `hold`, open an
    /// alert in the customer's open case (created if there is none), in the same transaction.
    /// Returns the order's row id and the alert's id.
    pub fn add_order(
        &self,
        o: &NewOrder,
        hold: Option<&HoldAlert>,
        actor: &str,
    ) -> Result<(i64, Option<i64>)> {
        if o.order_id.trim().is_empty() {
            return Err(StoreError::Invalid("an order needs an order_id".into()));
        }
        self.with(|c| {
            c.tx(|b| {
                let ts = now();
                let alert = match hold {
                    Some(h) => Some(Self::open_hold(b, h, &ts, actor)?),
                    None => None,
                };
                let id = Self::insert(
                    b,
                    &format!("{INSERT} RETURNING id"),
                    &order_params(o, alert, &ts, actor),
                )?;
                Self::audit(
                    b,
                    actor,
                    "order.decided",
                    "order",
                    &id.to_string(),
                    &serde_json::json!({
                        "order_id": o.order_id,
                        "buyer": o.buyer,
                        "verdict": o.verdict,
                        "alert_id": alert,
                        "reasons": o.decision.get("reasons").map_or(0, |r| r.as_array().map_or(0, Vec::len)),
                    }),
                )?;
                Ok((id, alert))
            })
        })
    }

    /// Open an alert for a hold, in the open case of that title (or a new one).
    fn open_hold(b: &mut Backend, h: &HoldAlert, ts: &str, actor: &str) -> Result<i64> {
        let case = match b.one(
            "SELECT id FROM cases WHERE title = $1 AND status = 'open' ORDER BY id LIMIT 1",
            &[t(&h.case_title)],
        )? {
            Some(r) => r[0].i(),
            None => {
                let id = Self::insert(
                    b,
                    "INSERT INTO cases (title, status, created_at, created_by) VALUES ($1, 'open', $2, $3) RETURNING id",
                    &[t(&h.case_title), t(ts), t(actor)],
                )?;
                Self::audit(
                    b,
                    actor,
                    "case.created",
                    "case",
                    &id.to_string(),
                    &serde_json::json!({ "title": h.case_title }),
                )?;
                id
            }
        };
        let alert = Self::insert(
            b,
            "INSERT INTO alerts (case_id, kind, subject, score, details, status, created_at) VALUES ($1, 'order', $2, $3, $4, 'open', $5) RETURNING id",
            &[
                P::I(case),
                t(&h.subject),
                P::R(h.score),
                P::T(h.details.to_string()),
                t(ts),
            ],
        )?;
        Self::audit(
            b,
            actor,
            "alert.created",
            "alert",
            &alert.to_string(),
            &serde_json::json!({ "case_id": case, "kind": "order", "subject": h.subject, "score": h.score }),
        )?;
        Ok(alert)
    }

    /// What the store knows around an order with these keys: the customer's latest orders and
    /// the latest orders of other customers sharing a key, at most `limit` of each kind, newest
    /// first.
    pub fn order_history(&self, keys: &OrderKeys, limit: usize) -> Result<OrderHistory> {
        let limit = limit as i64;
        self.with(|c| {
            let mut h = OrderHistory::default();
            if !keys.buyer.is_empty() {
                if let Some(r) = c.one(
                    "SELECT COUNT(*), MIN(order_date) FROM orders WHERE buyer_key = $1",
                    &[t(&keys.buyer)],
                )? {
                    h.customer_orders = r[0].i();
                    h.first_order = (h.customer_orders > 0).then(|| r[1].t());
                }
                h.orders = c
                    .query(
                        &format!("SELECT {COLUMNS} FROM {FROM} WHERE buyer_key = $1 ORDER BY orders.id DESC LIMIT $2"),
                        &[t(&keys.buyer), P::I(limit)],
                    )?
                    .iter()
                    .map(|r| order_row(r))
                    .collect();
            }
            let mut shared: Vec<(i64, Vec<&'static str>)> = Vec::new();
            for (what, column, value) in [
                ("address", "address_key", &keys.address),
                ("ship_address", "ship_address_key", &keys.ship_address),
                ("payer", "payer_key", &keys.payer),
                ("phone", "phone_key", &keys.phone),
                ("email", "email_key", &keys.email),
            ] {
                if value.is_empty() {
                    continue;
                }
                let rows = c.query(
                    &format!("SELECT {COLUMNS} FROM {FROM} WHERE {column} = $1 AND buyer_key <> $2 ORDER BY orders.id DESC LIMIT $3"),
                    &[t(value), t(&keys.buyer), P::I(limit)],
                )?;
                for r in rows {
                    let o = order_row(&r);
                    match shared.iter_mut().find(|(id, _)| *id == o.id) {
                        Some((_, w)) => w.push(what),
                        None => {
                            shared.push((o.id, vec![what]));
                            h.orders.push(o);
                        }
                    }
                }
            }
            h.shared = shared;
            Ok(h)
        })
    }

    /// Orders, newest first, `limit` of them after skipping `offset`.
    pub fn orders(&self, offset: usize, limit: usize) -> Result<Vec<StoredOrder>> {
        self.with(|c| {
            Ok(c.query(
                &format!("SELECT {COLUMNS} FROM {FROM} ORDER BY orders.id DESC LIMIT $1 OFFSET $2"),
                &[P::I(limit as i64), P::I(offset as i64)],
            )?
            .iter()
            .map(|r| order_row(r))
            .collect())
        })
    }

    pub fn order(&self, id: i64) -> Result<StoredOrder> {
        self.with(|c| {
            c.one(
                &format!("SELECT {COLUMNS} FROM {FROM} WHERE orders.id = $1"),
                &[P::I(id)],
            )?
            .map(|r| order_row(&r))
            .ok_or_else(|| StoreError::NotFound(format!("order {id}")))
        })
    }

    pub fn order_count(&self) -> Result<i64> {
        self.with(|c| {
            Ok(c.one("SELECT COUNT(*) FROM orders", &[])?
                .map_or(0, |r| r[0].i()))
        })
    }

    /// Store many orders at once without decisions' alerts or audit entries per order (one
    /// audit entry for the import): to load a past order book as history.
    pub fn import_orders(&self, orders: &[NewOrder], actor: &str) -> Result<u64> {
        let ts = now();
        let rows: Vec<Vec<P>> = orders
            .iter()
            .map(|o| order_params(o, None, &ts, actor))
            .collect();
        self.with(|c| {
            c.tx(|b| {
                let n = b.exec_many(INSERT, &rows)?;
                Self::audit(
                    b,
                    actor,
                    "orders.imported",
                    "order",
                    "*",
                    &serde_json::json!({ "orders": n }),
                )?;
                Ok(n)
            })
        })
    }
}
