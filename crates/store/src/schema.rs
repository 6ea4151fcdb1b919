//! The schema and its migrations.

/// The schema. Both back ends get the same tables and columns; only the types of keys and
/// numbers are spelled per back end (`{ID}` for an auto-numbered key, `{INT}`, `{REAL}`).
pub(crate) const SCHEMA: &str = r#"
CREATE TABLE cases (
    id {ID},
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE alerts (
    id {ID},
    case_id {INT} REFERENCES cases(id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    score {REAL} NOT NULL,
    details TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
);
CREATE INDEX alerts_status ON alerts(status);
CREATE TABLE dispositions (
    id {ID},
    alert_id {INT} NOT NULL REFERENCES alerts(id),
    decision TEXT NOT NULL CHECK (decision IN ('cleared','escalated','licence_applied_for','reported','blocked')),
    reviewer TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX dispositions_alert ON dispositions(alert_id);
CREATE TABLE comments (
    id {ID},
    case_id {INT} NOT NULL REFERENCES cases(id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE evidence (
    id {ID},
    case_id {INT} NOT NULL REFERENCES cases(id),
    description TEXT NOT NULL,
    uri TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    added_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit (
    seq {INT} PRIMARY KEY,
    ts TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE tokens (
    id {ID},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
"#;

/// Monitoring: every party screened, with its last result, and the list deltas it was
/// re-screened against.
pub(crate) const MONITORING: &str = r#"
CREATE TABLE parties (
    id {ID},
    party_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    origin TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_screened TEXT NOT NULL,
    best_score {REAL} NOT NULL,
    best_entry TEXT NOT NULL,
    last_result TEXT NOT NULL
);
CREATE INDEX parties_best_entry ON parties(best_entry);
CREATE TABLE list_deltas (
    id {ID},
    created_at TEXT NOT NULL,
    list TEXT NOT NULL,
    old_version TEXT NOT NULL,
    new_version TEXT NOT NULL,
    summary TEXT NOT NULL,
    rescreened {INT} NOT NULL,
    alerts_opened {INT} NOT NULL,
    annotated {INT} NOT NULL
);
"#;

/// The order desk: every order decided, its decision, and the keys its history is found by.
pub(crate) const ORDERS: &str = r#"
CREATE TABLE orders (
    id {ID},
    order_id TEXT NOT NULL,
    order_date TEXT NOT NULL,
    buyer TEXT NOT NULL,
    buyer_key TEXT NOT NULL,
    address_key TEXT NOT NULL,
    ship_address_key TEXT NOT NULL,
    payer_key TEXT NOT NULL,
    phone_key TEXT NOT NULL,
    email_key TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('proceed','hold','licence_required','do_not_ship')),
    alert_id {INT} REFERENCES alerts(id),
    record TEXT NOT NULL,
    decision TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX orders_buyer ON orders(buyer_key, id);
CREATE INDEX orders_address ON orders(address_key, id);
CREATE INDEX orders_ship_address ON orders(ship_address_key, id);
CREATE INDEX orders_payer ON orders(payer_key, id);
CREATE INDEX orders_phone ON orders(phone_key, id);
CREATE INDEX orders_email ON orders(email_key, id);
CREATE INDEX orders_alert ON orders(alert_id);
CREATE INDEX alerts_case ON alerts(case_id);
"#;

/// Schema versions: each migration is applied once, in order.
pub(crate) const MIGRATIONS: &[&str] = &[SCHEMA, MONITORING, ORDERS];
