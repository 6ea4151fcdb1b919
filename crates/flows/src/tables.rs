//! The tables the detectors query, built from the model's records as Arrow batches.
//!
//! | table | one row per |
//! |---|---|
//! | `revenue` | company, period, basis and region |
//! | `disclosures` | statement of physical shipments to a region |
//! | `capacity` | data-centre capacity figure |
//! | `assumptions` | absorption parameter (low/high) |
//! | `claims` | growth claim to check |
//! | `intermediaries` | country named by an enforcement event: `role` = `route` (charges, investigations) or `watch` (rules only) |
//! | `country_groups` | group and member, with the months the member counts (see [`chipwatch_model::groups`]) |
//! | `trade_raw` | trade statistic in the canonical schema (from CSV or Parquet) |
//! | `trade` | view over `trade_raw` with the period parsed: `year`, `start_month`, `months` |

use std::sync::Arc;

use chipwatch_model::dataset::Dataset;
use chipwatch_model::trade::TradeRecord;
use datafusion::arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, RecordBatch,
    StringBuilder,
};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::datasource::MemTable;
use datafusion::prelude::SessionContext;

use crate::FlowsError;

fn days(d: chrono::NaiveDate) -> i32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01 is a date");
    (d - epoch).num_days() as i32
}

fn register(
    ctx: &SessionContext,
    name: &str,
    schema: SchemaRef,
    columns: Vec<ArrayRef>,
) -> Result<(), FlowsError> {
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    let table = MemTable::try_new(schema, vec![vec![batch]])?;
    ctx.register_table(name, Arc::new(table))?;
    Ok(())
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}
fn f64f(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Float64, nullable)
}
fn i32f(name: &str) -> Field {
    Field::new(name, DataType::Int32, false)
}

/// Register every table of a dataset (trade included) in `ctx`.
pub fn register_dataset(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    register_revenue(ctx, ds)?;
    register_disclosures(ctx, ds)?;
    register_capacity(ctx, ds)?;
    register_assumptions(ctx, ds)?;
    register_claims(ctx, ds)?;
    register_intermediaries(ctx, ds)?;
    register_rule_events(ctx, ds)?;
    register_baskets(ctx, &chipwatch_model::basket::bundled())?;
    register_groups(ctx, &chipwatch_model::groups::bundled())?;
    Ok(())
}

/// `country_groups`: one row per group and member, with the first and last month (month
/// index; NULL when open) in which the member counts towards the group's sums.
pub fn register_groups(
    ctx: &SessionContext,
    groups: &[chipwatch_model::groups::CountryGroup],
) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("group_id", false),
        utf8("member", false),
        Field::new("from_month", DataType::Int32, true),
        Field::new("to_month", DataType::Int32, true),
    ]));
    let mut id = StringBuilder::new();
    let mut member = StringBuilder::new();
    let mut from = Int32Builder::new();
    let mut to = Int32Builder::new();
    for g in groups {
        for m in &g.members {
            let (f, t) = g.month_range(m);
            id.append_value(&g.id);
            member.append_value(&m.alpha2);
            from.append_option(f);
            to.append_option(t);
        }
    }
    if ctx.table_exist("country_groups")? {
        ctx.deregister_table("country_groups")?;
    }
    register(
        ctx,
        "country_groups",
        schema,
        vec![
            Arc::new(id.finish()),
            Arc::new(member.finish()),
            Arc::new(from.finish()),
            Arc::new(to.finish()),
        ],
    )
}

/// `rule_events`: the US export-control rules of the enforcement record, with the month each
/// took effect as a month index (`year × 12 + month − 1`, the same scale as the trade view's
/// `start_month`).
fn register_rule_events(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("date", false),
        i32f("month_index"),
        utf8("summary", false),
        utf8("source", false),
    ]));
    let mut date = StringBuilder::new();
    let mut month = Int32Builder::new();
    let mut summary = StringBuilder::new();
    let mut source = StringBuilder::new();
    for e in ds
        .events
        .iter()
        .filter(|e| e.event_type == "rule" && e.jurisdiction.split(';').any(|j| j.trim() == "US"))
    {
        let y: Option<i32> = e.date.get(0..4).and_then(|s| s.parse().ok());
        let m: Option<i32> = e.date.get(5..7).and_then(|s| s.parse().ok());
        let (Some(y), Some(m)) = (y, m) else { continue };
        date.append_value(&e.date);
        month.append_value(y * 12 + m - 1);
        summary.append_value(&e.summary);
        source.append_value(&e.source);
    }
    register(
        ctx,
        "rule_events",
        schema,
        vec![
            Arc::new(date.finish()),
            Arc::new(month.finish()),
            Arc::new(summary.finish()),
            Arc::new(source.finish()),
        ],
    )
}

/// `baskets`: product baskets (basket, role, hs6, description, source) from
/// `data/flows/baskets.csv`.
pub fn register_baskets(
    ctx: &SessionContext,
    baskets: &[chipwatch_model::basket::Basket],
) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("basket", false),
        utf8("role", false),
        utf8("hs6", false),
        utf8("description", false),
        utf8("source", false),
    ]));
    let mut id = StringBuilder::new();
    let mut role = StringBuilder::new();
    let mut hs6 = StringBuilder::new();
    let mut desc = StringBuilder::new();
    let mut source = StringBuilder::new();
    for b in baskets {
        for c in &b.codes {
            id.append_value(&b.id);
            role.append_value(match b.role {
                chipwatch_model::basket::Role::Controlled => "controlled",
                chipwatch_model::basket::Role::Control => "control",
            });
            hs6.append_value(&c.hs6);
            desc.append_value(&c.description);
            source.append_value(&c.source);
        }
    }
    register(
        ctx,
        "baskets",
        schema,
        vec![
            Arc::new(id.finish()),
            Arc::new(role.finish()),
            Arc::new(hs6.finish()),
            Arc::new(desc.finish()),
            Arc::new(source.finish()),
        ],
    )
}

fn register_revenue(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("company", false),
        utf8("period", false),
        Field::new("period_end", DataType::Date32, false),
        i32f("months"),
        utf8("basis", false),
        utf8("region_code", false),
        utf8("region", false),
        utf8("region_type", false),
        f64f("revenue_usd_m", false),
        f64f("share_pct", true),
        utf8("status", false),
        utf8("source", false),
        Field::new("line", DataType::Int32, false),
    ]));
    let n = ds.revenue.len();
    let mut company = StringBuilder::new();
    let mut period = StringBuilder::new();
    let mut end = Date32Builder::with_capacity(n);
    let mut months = Int32Builder::with_capacity(n);
    let mut basis = StringBuilder::new();
    let mut code = StringBuilder::new();
    let mut region = StringBuilder::new();
    let mut rtype = StringBuilder::new();
    let mut rev = Float64Builder::with_capacity(n);
    let mut share = Float64Builder::with_capacity(n);
    let mut status = StringBuilder::new();
    let mut source = StringBuilder::new();
    let mut line = Int32Builder::with_capacity(n);
    for r in &ds.revenue {
        company.append_value(&r.company);
        period.append_value(&r.period.label);
        end.append_value(days(r.period.end));
        months.append_value(i32::from(r.period.months));
        basis.append_value(r.basis.as_str());
        code.append_value(r.region.code());
        region.append_value(r.region.label());
        rtype.append_value(match &r.region {
            chipwatch_model::revenue::RevenueRegion::Country { .. } => "country",
            chipwatch_model::revenue::RevenueRegion::Combined { .. } => "combined",
            chipwatch_model::revenue::RevenueRegion::Other { .. } => "other",
            chipwatch_model::revenue::RevenueRegion::Total => "total",
        });
        rev.append_value(r.revenue_usd_millions);
        share.append_option(r.share_of_total_pct);
        status.append_value(r.status.as_str());
        source.append_value(&r.source);
        line.append_value(i32::try_from(r.line).unwrap_or(i32::MAX));
    }
    register(
        ctx,
        "revenue",
        schema,
        vec![
            Arc::new(company.finish()),
            Arc::new(period.finish()),
            Arc::new(end.finish()),
            Arc::new(months.finish()),
            Arc::new(basis.finish()),
            Arc::new(code.finish()),
            Arc::new(region.finish()),
            Arc::new(rtype.finish()),
            Arc::new(rev.finish()),
            Arc::new(share.finish()),
            Arc::new(status.finish()),
            Arc::new(source.finish()),
            Arc::new(line.finish()),
        ],
    )
}

fn register_disclosures(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("company", false),
        utf8("period", false),
        Field::new("period_end", DataType::Date32, false),
        utf8("region_code", false),
        utf8("comparator", false),
        f64f("shipped_pct", false),
        f64f("billed_pct_stated", true),
        utf8("statement", false),
        utf8("status", false),
        utf8("source", false),
    ]));
    let mut c = [
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    ];
    let mut end = Date32Builder::new();
    let mut shipped = Float64Builder::new();
    let mut billed = Float64Builder::new();
    let mut t = [
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    ];
    for d in &ds.disclosures {
        c[0].append_value(&d.company);
        c[1].append_value(&d.period.label);
        end.append_value(days(d.period.end));
        c[2].append_value(&d.region);
        c[3].append_value(d.comparator.as_str());
        shipped.append_value(d.shipped_pct_of_total);
        billed.append_option(d.billed_pct_of_total);
        t[0].append_value(&d.statement);
        t[1].append_value(d.status.as_str());
        t[2].append_value(&d.source);
    }
    let [mut c0, mut c1, mut c2, mut c3] = c;
    let [mut t0, mut t1, mut t2] = t;
    register(
        ctx,
        "disclosures",
        schema,
        vec![
            Arc::new(c0.finish()),
            Arc::new(c1.finish()),
            Arc::new(end.finish()),
            Arc::new(c2.finish()),
            Arc::new(c3.finish()),
            Arc::new(shipped.finish()),
            Arc::new(billed.finish()),
            Arc::new(t0.finish()),
            Arc::new(t1.finish()),
            Arc::new(t2.finish()),
        ],
    )
}

fn register_capacity(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("market", false),
        utf8("country", true),
        utf8("scope", false),
        utf8("metric", false),
        f64f("value_mw", false),
        utf8("as_of", false),
        Field::new("as_of_date", DataType::Date32, false),
        utf8("status", false),
        utf8("source", false),
    ]));
    let mut market = StringBuilder::new();
    let mut country = StringBuilder::new();
    let mut scope = StringBuilder::new();
    let mut metric = StringBuilder::new();
    let mut mw = Float64Builder::new();
    let mut as_of = StringBuilder::new();
    let mut date = Date32Builder::new();
    let mut status = StringBuilder::new();
    let mut source = StringBuilder::new();
    for c in &ds.capacity {
        market.append_value(&c.market);
        country.append_option(c.country.as_deref());
        scope.append_value(&c.scope);
        metric.append_value(&c.metric);
        mw.append_value(c.value_mw);
        as_of.append_value(&c.as_of);
        date.append_value(days(c.as_of_date));
        status.append_value(c.status.as_str());
        source.append_value(&c.source);
    }
    register(
        ctx,
        "capacity",
        schema,
        vec![
            Arc::new(market.finish()),
            Arc::new(country.finish()),
            Arc::new(scope.finish()),
            Arc::new(metric.finish()),
            Arc::new(mw.finish()),
            Arc::new(as_of.finish()),
            Arc::new(date.finish()),
            Arc::new(status.finish()),
            Arc::new(source.finish()),
        ],
    )
}

fn register_assumptions(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("parameter", false),
        f64f("low", false),
        f64f("high", false),
        utf8("unit", false),
        utf8("status", false),
        utf8("source", false),
    ]));
    let mut p = StringBuilder::new();
    let mut lo = Float64Builder::new();
    let mut hi = Float64Builder::new();
    let mut unit = StringBuilder::new();
    let mut status = StringBuilder::new();
    let mut source = StringBuilder::new();
    for a in &ds.assumptions {
        p.append_value(&a.parameter);
        lo.append_value(a.low);
        hi.append_value(a.high);
        unit.append_value(&a.unit);
        status.append_value(a.status.as_str());
        source.append_value(&a.source);
    }
    register(
        ctx,
        "assumptions",
        schema,
        vec![
            Arc::new(p.finish()),
            Arc::new(lo.finish()),
            Arc::new(hi.finish()),
            Arc::new(unit.finish()),
            Arc::new(status.finish()),
            Arc::new(source.finish()),
        ],
    )
}

fn register_claims(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("id", false),
        utf8("company", false),
        utf8("region_code", false),
        utf8("claim", false),
        f64f("growth_pct", false),
        utf8("status", false),
        utf8("source", false),
    ]));
    let mut id = StringBuilder::new();
    let mut company = StringBuilder::new();
    let mut region = StringBuilder::new();
    let mut claim = StringBuilder::new();
    let mut growth = Float64Builder::new();
    let mut status = StringBuilder::new();
    let mut source = StringBuilder::new();
    for c in &ds.claims {
        id.append_value(&c.id);
        company.append_value(&c.company);
        region.append_value(&c.region);
        claim.append_value(&c.claim);
        growth.append_value(c.growth_pct);
        status.append_value(c.status.as_str());
        source.append_value(&c.source);
    }
    register(
        ctx,
        "claims",
        schema,
        vec![
            Arc::new(id.finish()),
            Arc::new(company.finish()),
            Arc::new(region.finish()),
            Arc::new(claim.finish()),
            Arc::new(growth.finish()),
            Arc::new(status.finish()),
            Arc::new(source.finish()),
        ],
    )
}

fn register_intermediaries(ctx: &SessionContext, ds: &Dataset) -> Result<(), FlowsError> {
    let schema = Arc::new(Schema::new(vec![
        utf8("country", false),
        utf8("role", false),
        i32f("events"),
        utf8("first_event", false),
        utf8("first_source", false),
    ]));
    let mut country = StringBuilder::new();
    let mut role = StringBuilder::new();
    let mut events = Int32Builder::new();
    let mut first = StringBuilder::new();
    let mut source = StringBuilder::new();
    let routes = ds.intermediaries();
    for (c, evs) in ds.watched() {
        let (r, evs) = match routes.get(&c) {
            Some(route_events) => ("route", route_events.clone()),
            None => ("watch", evs),
        };
        country.append_value(&c);
        role.append_value(r);
        events.append_value(evs.len() as i32);
        let e = evs[0];
        first.append_value(format!("{} ({}): {}", e.date, e.event_type, e.summary));
        source.append_value(&e.source);
    }
    register(
        ctx,
        "intermediaries",
        schema,
        vec![
            Arc::new(country.finish()),
            Arc::new(role.finish()),
            Arc::new(events.finish()),
            Arc::new(first.finish()),
            Arc::new(source.finish()),
        ],
    )
}

/// The Arrow schema of the canonical trade table, as CSV and Parquet inputs hold it.
pub fn trade_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("period", false),
        utf8("reporter", false),
        utf8("partner", false),
        utf8("flow", false),
        utf8("hs_code", false),
        f64f("value_usd", false),
        f64f("quantity", true),
        utf8("unit", true),
        Field::new("preliminary", DataType::Boolean, true),
    ]))
}

/// Arrow batches of trade records in the canonical schema, `chunk` rows each.
pub fn trade_batches(
    records: &[TradeRecord],
    chunk: usize,
) -> Result<Vec<RecordBatch>, FlowsError> {
    let schema = trade_schema();
    let mut out = Vec::new();
    for part in records.chunks(chunk.max(1)) {
        let mut period = StringBuilder::new();
        let mut reporter = StringBuilder::new();
        let mut partner = StringBuilder::new();
        let mut flow = StringBuilder::new();
        let mut hs = StringBuilder::new();
        let mut value = Float64Builder::with_capacity(part.len());
        let mut qty = Float64Builder::with_capacity(part.len());
        let mut unit = StringBuilder::new();
        let mut prelim = BooleanBuilder::with_capacity(part.len());
        for r in part {
            period.append_value(r.period.to_string());
            reporter.append_value(&r.reporter);
            partner.append_value(&r.partner);
            flow.append_value(r.flow.as_str());
            hs.append_value(&r.hs_code);
            value.append_value(r.value_usd);
            qty.append_option(r.quantity);
            unit.append_option(r.unit.as_deref());
            prelim.append_value(r.preliminary);
        }
        out.push(RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(period.finish()),
                Arc::new(reporter.finish()),
                Arc::new(partner.finish()),
                Arc::new(flow.finish()),
                Arc::new(hs.finish()),
                Arc::new(value.finish()),
                Arc::new(qty.finish()),
                Arc::new(unit.finish()),
                Arc::new(prelim.finish()),
            ],
        )?);
    }
    Ok(out)
}

/// SQL that parses the canonical `period` text into `year`, `start_month` (months since
/// year 0) and `months`: `2024`, `2024-03`, `2024-Q2`, `2025-01..2025-07`.
/// Months a group of trade periods covers within a year, counted once however many rows
/// (national codes under one HS6, monthly and partial-year rows) make it up: the span from the
/// earliest start to the latest end, at most 12. An aggregate expression over the `trade`
/// view or `trade_cells`.
pub const MONTHS_COVERED: &str = "LEAST(MAX(start_month + months) - MIN(start_month), 12)";

/// Trade summed to cells: one row per reporter, partner, flow, HS6 and period, with the
/// period's year, first month index and length. The detectors read this table.
pub const TRADE_CELLS: &str = "
SELECT reporter, partner, flow, substr(hs_code, 1, 6) AS hs6, year, start_month, months,
       SUM(value_usd) AS value_usd, bool_or(COALESCE(preliminary, false)) AS preliminary,
       COUNT(*) AS rows_in
FROM trade
GROUP BY reporter, partner, flow, substr(hs_code, 1, 6), year, start_month, months";

pub const TRADE_VIEW: &str = "
CREATE OR REPLACE VIEW trade AS
SELECT t.*,
  CAST(substr(period, 1, 4) AS INT) AS year,
  CASE
    WHEN length(period) = 4 THEN CAST(substr(period, 1, 4) AS INT) * 12
    WHEN substr(period, 6, 1) IN ('Q', 'q') THEN CAST(substr(period, 1, 4) AS INT) * 12 + (CAST(substr(period, 7, 1) AS INT) - 1) * 3
    ELSE CAST(substr(period, 1, 4) AS INT) * 12 + CAST(substr(period, 6, 2) AS INT) - 1
  END AS start_month,
  CASE
    WHEN length(period) = 4 THEN 12
    WHEN substr(period, 6, 1) IN ('Q', 'q') THEN 3
    WHEN strpos(period, '..') > 0 THEN
      (CAST(substr(period, 10, 4) AS INT) * 12 + CAST(substr(period, 15, 2) AS INT))
      - (CAST(substr(period, 1, 4) AS INT) * 12 + CAST(substr(period, 6, 2) AS INT)) + 1
    ELSE 1
  END AS months
FROM trade_raw t";

/// Write record batches (possibly none) to one Parquet file.
pub fn write_parquet(
    path: &std::path::Path,
    schema: datafusion::arrow::datatypes::SchemaRef,
    batches: &[datafusion::arrow::array::RecordBatch],
) -> Result<(), FlowsError> {
    let file = std::fs::File::create(path).map_err(|e| FlowsError::Input {
        file: path.display().to_string(),
        message: format!("cannot create: {e}"),
    })?;
    let mut w = datafusion::parquet::arrow::ArrowWriter::try_new(file, schema, None)
        .map_err(datafusion::error::DataFusionError::from)?;
    for b in batches {
        w.write(b)
            .map_err(datafusion::error::DataFusionError::from)?;
    }
    w.close()
        .map_err(datafusion::error::DataFusionError::from)?;
    Ok(())
}
