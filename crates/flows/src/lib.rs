//! # chipwatch-flows
//!
//! Diversion analytics on trade statistics and revenue disclosures, as SQL plans on
//! Apache DataFusion (so the same plans can later run on a Ballista cluster).
//!
//! The [`FlowsEngine`] registers a [`Dataset`](chipwatch_model::dataset::Dataset) as Arrow
//! tables (see [`tables`]) plus any Parquet trade files, then runs the detectors:
//!
//! | detector | question | module |
//! |---|---|---|
//! | billing gap | billed to a country vs physically shipped there | [`revenue::billing_gap`] |
//! | basis change | billing vs headquarters basis: kept apart, reconciled per period | [`revenue::basis_change`] |
//! | revenue surge | growth billed to each region over every disclosed baseline | [`revenue::revenue_surge`] |
//! | claim check | which periods reproduce a published growth claim | [`revenue::claim_check`] |
//! | absorption | implied GPUs and power vs a country's data-centre capacity | [`absorption`] |
//! | trade surge | exports to a destination vs its history and its peers, change point dated | [`trade`] |
//! | substitution | the same origins' exports falling to the targets and rising to the intermediaries after a rule, sized and dated | [`substitution`] |
//! | roundabout | difference-in-differences: controlled vs control goods, intermediaries vs others, around each rule | [`did`] |
//! | mirror gap | exporter-reported vs importer-reported flows: ghost exports | [`mirror`] |
//! | route share | what a hub re-exports to the destinations of concern; origin → hub → destination | [`route`] |
//!
//! Each returns [`Finding`]s with their figures, evidence and sources.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use chipwatch_flows::{FlowsEngine, EngineConfig};
//! use chipwatch_model::dataset::{Dataset, OnInvalid};
//! let ds = Dataset::bundled()?;
//! let mut engine = FlowsEngine::new(&EngineConfig::default())?;
//! engine.load(&ds, &[], OnInvalid::Fail).await?;
//! let sections = engine.run().await?;
//! assert!(sections.iter().any(|s| s.findings.iter().any(|f| f.kind == "billing_gap")));
//! # Ok(()) }
//! ```

pub mod absorption;
pub mod did;
#[cfg(feature = "distributed")]
pub mod distributed;
pub mod mirror;
pub mod panel;
pub mod revenue;
pub mod route;
pub mod rows;
pub mod stats;
pub mod substitution;
pub mod synth;
pub mod tables;
pub mod trade;

/// Quote strings as a SQL list: `'a', 'b'`.
pub(crate) fn sql_list(v: &[String]) -> String {
    v.iter()
        .map(|s| format!("'{}'", s.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ")
}

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chipwatch_model::RowError;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::finding::{Finding, Section, rank};
use chipwatch_model::input::{RejectedRow, Rule};
use datafusion::arrow::datatypes::DataType;
use datafusion::datasource::MemTable;
use datafusion::execution::memory_pool::FairSpillPool;
use datafusion::execution::runtime_env::RuntimeEnvBuilder;
use datafusion::prelude::{ParquetReadOptions, SessionConfig, SessionContext};

use crate::rows::Rows;

/// Errors of the analytics engine.
#[derive(Debug, thiserror::Error)]
pub enum FlowsError {
    #[error("query engine: {0}")]
    DataFusion(#[from] datafusion::error::DataFusionError),
    #[error("arrow: {0}")]
    Arrow(#[from] datafusion::arrow::error::ArrowError),
    #[error("{file}: {message}")]
    Input { file: String, message: String },
}

/// Where the queries run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Engine {
    /// In this process (DataFusion).
    #[default]
    Embedded,
    /// On the Apache DataFusion Ballista cluster whose scheduler is at this URL
    /// (`ballista://HOST:PORT`); needs the `distributed` feature.
    Ballista(String),
}

impl Engine {
    /// `embedded`, or `ballista://HOST:PORT`.
    pub fn parse(s: &str) -> Result<Engine, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("embedded") {
            Ok(Engine::Embedded)
        } else if s.starts_with("ballista://") || s.starts_with("df://") {
            Ok(Engine::Ballista(s.to_string()))
        } else {
            Err(format!("`{s}`: use embedded or ballista://HOST:PORT"))
        }
    }
}

/// How the engine may use the machine, and where it runs.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Parallel partitions (defaults to the number of cores).
    pub target_partitions: usize,
    /// Memory the engine may hold before spilling to disk, in bytes (`None`: no limit).
    pub memory_limit: Option<usize>,
    pub engine: Engine,
    /// Folder for the engine's scratch tables (default: the system's temporary folder). On a
    /// Ballista cluster the executors read them: storage every executor mounts at this path.
    pub scratch: Option<PathBuf>,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            target_partitions: std::thread::available_parallelism().map_or(2, |n| n.get()),
            memory_limit: None,
            engine: Engine::Embedded,
            scratch: None,
        }
    }
}

/// What loading the trade inputs did.
#[derive(Debug, Clone, Default)]
pub struct TradeLoad {
    pub csv_rows: usize,
    pub parquet_files: Vec<PathBuf>,
    pub parquet_rows: u64,
    /// Parquet rows that broke a rule (set aside under `OnInvalid::Quarantine`).
    pub rejected: Vec<RejectedRow>,
}

/// The DataFusion engine (embedded, or a Ballista client) with chipwatch's tables registered.
pub struct FlowsEngine {
    ctx: SessionContext,
    /// Queries run on a Ballista cluster: tables are shipped as Parquet files.
    remote: bool,
    has_trade: bool,
    /// Scratch folder for the materialised trade cells, removed with the engine.
    scratch: tempfile::TempDir,
    generation: u32,
}

fn scratch_dir(config: &EngineConfig) -> Result<tempfile::TempDir, FlowsError> {
    let mut b = tempfile::Builder::new();
    b.prefix("chipwatch-flows-");
    let dir = config.scratch.clone().unwrap_or_else(std::env::temp_dir);
    b.tempdir_in(&dir).map_err(|e| FlowsError::Input {
        file: dir.display().to_string(),
        message: format!("cannot create a scratch folder: {e}"),
    })
}

impl FlowsEngine {
    /// An engine as `config` says: embedded, or connected to a Ballista cluster.
    pub async fn connect(config: &EngineConfig) -> Result<Self, FlowsError> {
        match &config.engine {
            Engine::Embedded => Self::new(config),
            #[cfg(feature = "distributed")]
            Engine::Ballista(url) => Ok(FlowsEngine {
                ctx: distributed::remote_context(url, config.target_partitions).await?,
                remote: true,
                has_trade: false,
                scratch: scratch_dir(config)?,
                generation: 0,
            }),
            #[cfg(not(feature = "distributed"))]
            Engine::Ballista(url) => Err(FlowsError::Input {
                file: "--engine".into(),
                message: format!(
                    "`{url}`: this chipwatch was built without Ballista support; build it with `--features distributed`"
                ),
            }),
        }
    }

    /// An embedded engine (`config.engine` is ignored; see [`FlowsEngine::connect`]).
    pub fn new(config: &EngineConfig) -> Result<Self, FlowsError> {
        let mut runtime = RuntimeEnvBuilder::new();
        if let Some(limit) = config.memory_limit {
            runtime = runtime.with_memory_pool(Arc::new(FairSpillPool::new(limit)));
        }
        let mut session = SessionConfig::new()
            .with_target_partitions(config.target_partitions.max(1))
            .with_information_schema(true);
        // The summed cells are written by one Parquet writer, not a writer per column in
        // parallel: that buffering is memory the pool cannot spill.
        session
            .options_mut()
            .execution
            .parquet
            .allow_single_file_parallelism = false;
        let ctx = SessionContext::new_with_config_rt(session, runtime.build_arc()?);
        Ok(FlowsEngine {
            ctx,
            remote: false,
            has_trade: false,
            scratch: scratch_dir(config)?,
            generation: 0,
        })
    }

    /// The session, for ad-hoc SQL over the registered tables.
    pub fn context(&self) -> &SessionContext {
        &self.ctx
    }

    /// Register a dataset and any Parquet trade files in the canonical schema.
    pub async fn load(
        &mut self,
        ds: &Dataset,
        parquet: &[PathBuf],
        on_invalid: OnInvalid,
    ) -> Result<TradeLoad, FlowsError> {
        // On a cluster the tables are built here, then shipped as Parquet files.
        let local = SessionContext::new();
        let build = if self.remote { &local } else { &self.ctx };
        tables::register_dataset(build, ds)?;
        let mut load = TradeLoad {
            csv_rows: ds.trade.len(),
            ..TradeLoad::default()
        };
        let batches = tables::trade_batches(&ds.trade, 1 << 20)?;
        let partitions: Vec<Vec<_>> = batches.into_iter().map(|b| vec![b]).collect();
        let mem = MemTable::try_new(
            tables::trade_schema(),
            if partitions.is_empty() {
                vec![vec![]]
            } else {
                partitions
            },
        )?;
        build.register_table("trade_csv", Arc::new(mem))?;
        if self.remote {
            self.ship_tables(&local).await?;
        }
        let mut selects = vec!["SELECT * FROM trade_csv".to_string()];
        for (i, path) in parquet.iter().enumerate() {
            let name = format!("trade_parquet_{i}");
            let (select, rows, rejected) = self.register_parquet(&name, path, on_invalid).await?;
            load.parquet_rows += rows;
            load.rejected.extend(rejected);
            load.parquet_files.push(path.clone());
            selects.push(select);
        }
        rows::sql(
            &self.ctx,
            &format!(
                "CREATE OR REPLACE VIEW trade_raw AS {}",
                selects.join(" UNION ALL ")
            ),
        )
        .await?;
        rows::sql(&self.ctx, tables::TRADE_VIEW).await?;
        self.has_trade = load.csv_rows > 0 || load.parquet_rows > 0;
        self.materialise_cells().await?;
        Ok(load)
    }

    /// Write every table registered in `local` as Parquet in the scratch folder and register
    /// the files in the cluster session.
    #[cfg(feature = "distributed")]
    async fn ship_tables(&self, local: &SessionContext) -> Result<(), FlowsError> {
        let dir = self.scratch.path().join("tables");
        std::fs::create_dir_all(&dir).map_err(|e| FlowsError::Input {
            file: dir.display().to_string(),
            message: format!("cannot create: {e}"),
        })?;
        let names = local
            .catalog("datafusion")
            .and_then(|c| c.schema("public"))
            .map(|s| s.table_names())
            .unwrap_or_default();
        for name in names {
            distributed::ship_table(local, &self.ctx, &name, &dir).await?;
        }
        Ok(())
    }

    #[cfg(not(feature = "distributed"))]
    async fn ship_tables(&self, _local: &SessionContext) -> Result<(), FlowsError> {
        Ok(())
    }

    /// Sum the trade to cells (reporter, partner, flow, HS6, period) once, into a Parquet file
    /// in the engine's scratch folder registered as `trade_cells`: the detectors read the cells,
    /// so a table of any size is scanned once, in a pool that spills when bounded.
    async fn materialise_cells(&mut self) -> Result<(), FlowsError> {
        let dir = self
            .scratch
            .path()
            .join(format!("cells-{}", self.generation));
        self.generation += 1;
        rows::record(&format!(
            "CREATE OR REPLACE TABLE trade_cells AS {}",
            tables::TRADE_CELLS
        ));
        let df = self.ctx.sql(tables::TRADE_CELLS).await?;
        #[cfg(feature = "distributed")]
        if self.remote {
            // The cluster computes the cells; the client writes them where executors read.
            let schema = Arc::new(df.schema().as_arrow().clone());
            let batches = df.collect().await?;
            std::fs::create_dir_all(&dir).map_err(|e| FlowsError::Input {
                file: dir.display().to_string(),
                message: format!("cannot create: {e}"),
            })?;
            tables::write_parquet(&dir.join("cells.parquet"), schema, &batches)?;
            if self.ctx.table_exist("trade_cells")? {
                self.ctx.deregister_table("trade_cells")?;
            }
            self.ctx
                .register_parquet(
                    "trade_cells",
                    dir.to_str().unwrap_or_default(),
                    ParquetReadOptions::default(),
                )
                .await?;
            return Ok(());
        }
        df.write_parquet(
            dir.to_str().ok_or_else(|| FlowsError::Input {
                file: dir.display().to_string(),
                message: "the scratch folder's path is not UTF-8".into(),
            })?,
            datafusion::dataframe::DataFrameWriteOptions::new(),
            None,
        )
        .await?;
        if self.ctx.table_exist("trade_cells")? {
            self.ctx.deregister_table("trade_cells")?;
        }
        self.ctx
            .register_parquet(
                "trade_cells",
                dir.to_str().unwrap_or_default(),
                ParquetReadOptions::default(),
            )
            .await?;
        Ok(())
    }

    /// Register one Parquet file, check it against the canonical schema and its rules, and
    /// return the SELECT that maps it onto `trade_raw`.
    async fn register_parquet(
        &self,
        name: &str,
        path: &Path,
        on_invalid: OnInvalid,
    ) -> Result<(String, u64, Vec<RejectedRow>), FlowsError> {
        let file = path.display().to_string();
        let input_err = |message: String| FlowsError::Input {
            file: file.clone(),
            message,
        };
        // An absolute path, so executors of a cluster find the same file; a folder is read
        // as every `*.parquet` file in it.
        let abs =
            std::fs::canonicalize(path).map_err(|_| input_err("no such file or folder".into()))?;
        let mut path_str = abs
            .to_str()
            .ok_or_else(|| input_err("the path is not valid UTF-8".into()))?
            .to_string();
        if abs.is_dir() {
            path_str.push('/');
        } else if !abs.is_file() {
            return Err(input_err("not a file or folder".into()));
        }
        self.ctx
            .register_parquet(name, &path_str, ParquetReadOptions::default())
            .await
            .map_err(|e| input_err(format!("not a readable Parquet file: {e}")))?;
        let schema = self.ctx.table(name).await?.schema().as_arrow().clone();
        let is_text = |t: &DataType| {
            matches!(
                t,
                DataType::Utf8
                    | DataType::LargeUtf8
                    | DataType::Utf8View
                    | DataType::Dictionary(_, _)
            )
        };
        let is_num = |t: &DataType| t.is_numeric();
        for col in [
            "period",
            "reporter",
            "partner",
            "flow",
            "hs_code",
            "value_usd",
        ] {
            let field = schema.field_with_name(col).map_err(|_| {
                input_err(format!(
                    "missing required column `{col}` (canonical trade schema; see docs/inputs.md)"
                ))
            })?;
            let ok = if col == "value_usd" {
                is_num(field.data_type())
            } else {
                is_text(field.data_type())
            };
            if !ok {
                return Err(input_err(format!(
                    "column `{col}` has type {}; the canonical schema needs {}",
                    field.data_type(),
                    if col == "value_usd" {
                        "a number"
                    } else {
                        "text"
                    }
                )));
            }
        }
        let opt = |col: &str, cast: &str| -> String {
            if schema.field_with_name(col).is_ok() {
                format!("CAST({col} AS {cast}) AS {col}")
            } else {
                format!("CAST(NULL AS {cast}) AS {col}")
            }
        };
        let mapped = format!(
            "SELECT CAST(period AS VARCHAR) AS period, CAST(reporter AS VARCHAR) AS reporter,
                    CAST(partner AS VARCHAR) AS partner, CAST(flow AS VARCHAR) AS flow,
                    CAST(hs_code AS VARCHAR) AS hs_code, CAST(value_usd AS DOUBLE) AS value_usd,
                    {}, {}, {} FROM {name}",
            opt("quantity", "DOUBLE"),
            opt("unit", "VARCHAR"),
            opt("preliminary", "BOOLEAN")
        );
        let known = chipwatch_model::country::CountryRegistry::bundled()
            .iter()
            .map(|c| format!("'{}'", c.alpha2))
            .collect::<Vec<_>>()
            .join(",");
        let reporter_check = format!("reporter NOT IN ({known})");
        let partner_check = format!("partner NOT IN ({known})");
        let checks: [(&str, Rule, &str); 6] = [
            (
                "period",
                chipwatch_model::trade::rules::PERIOD,
                "NOT regexp_like(period, '^[0-9]{4}(-(0[1-9]|1[0-2])(\\.\\.[0-9]{4}-(0[1-9]|1[0-2]))?|-Q[1-4])?$')",
            ),
            (
                "reporter",
                chipwatch_model::trade::rules::REPORTER,
                &reporter_check,
            ),
            (
                "partner",
                chipwatch_model::trade::rules::PARTNER,
                &partner_check,
            ),
            (
                "flow",
                chipwatch_model::trade::rules::FLOW,
                "flow NOT IN ('export', 'import', 're_export', 're_import')",
            ),
            (
                "hs_code",
                chipwatch_model::trade::rules::HS_CODE,
                "NOT regexp_like(hs_code, '^[0-9]{2,12}$')",
            ),
            (
                "value_usd",
                chipwatch_model::trade::rules::VALUE,
                "value_usd < 0 OR isnan(value_usd) OR value_usd = 'Infinity'::double",
            ),
        ];
        let bad_any = checks
            .iter()
            .map(|(col, _, cond)| format!("({col} IS NULL OR {cond})"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let view = format!("{name}_mapped");
        rows::sql(
            &self.ctx,
            &format!("CREATE OR REPLACE VIEW {view} AS {mapped}"),
        )
        .await?;
        // One scan counts the rows and the rows that break a rule; only then are they fetched.
        let counts = Rows::query(
            &self.ctx,
            &format!(
                "SELECT COUNT(*) AS n, COUNT(CASE WHEN {bad_any} THEN 1 END) AS bad FROM {view}"
            ),
        )
        .await?;
        let first = counts.iter().next();
        let total = first.and_then(|r| r.i64("n")).unwrap_or(0) as u64;
        let bad_count = first.and_then(|r| r.i64("bad")).unwrap_or(0);
        if total == 0 {
            return Err(input_err("the file has no rows".into()));
        }
        let case = checks
            .iter()
            .map(|(col, _, cond)| format!("WHEN {col} IS NULL OR {cond} THEN '{col}'"))
            .collect::<Vec<_>>()
            .join(" ");
        let limit = match on_invalid {
            OnInvalid::Fail => "LIMIT 20",
            OnInvalid::Quarantine => "",
        };
        let bad = if bad_count == 0 {
            Rows::from_batches(Vec::new())
        } else {
            Rows::query(
                &self.ctx,
                &format!(
                    "SELECT CASE {case} END AS broken, period, reporter, partner, flow, hs_code,
                            CAST(value_usd AS VARCHAR) AS value_text
                     FROM {view} WHERE {bad_any} {limit}"
                ),
            )
            .await?
        };
        let mut rejected = Vec::new();
        for r in bad.iter() {
            let col = r.text("broken");
            let rule = checks
                .iter()
                .find(|(c, _, _)| *c == col)
                .map(|(_, rule, _)| *rule)
                .unwrap_or(chipwatch_model::trade::rules::VALUE);
            let value = if col == "value_usd" {
                r.text("value_text")
            } else {
                r.text(&col)
            };
            let fields = vec![
                r.text("period"),
                r.text("reporter"),
                r.text("partner"),
                r.text("flow"),
                r.text("hs_code"),
                r.text("value_text"),
            ];
            rejected.push(RejectedRow {
                line: 0,
                fields,
                error: RowError::new(chipwatch_model::error::RowErrorDetail {
                    file: file.clone(),
                    line: 0,
                    column: col.clone(),
                    value: if value.is_empty() {
                        "NULL".into()
                    } else {
                        value
                    },
                    rule,
                    detail: "breaks the canonical trade schema (Parquet rows are not numbered)"
                        .into(),
                }),
            });
        }
        if !rejected.is_empty() && on_invalid == OnInvalid::Fail {
            let errors = rejected
                .iter()
                .map(|r| format!("  {}", r.error))
                .collect::<Vec<_>>()
                .join("\n");
            return Err(input_err(format!(
                "rows break the canonical trade schema (first {} shown); use --quarantine FILE to set them aside:\n{errors}",
                rejected.len()
            )));
        }
        let select = format!("SELECT * FROM {view} WHERE NOT ({bad_any})");
        Ok((select, total - rejected.len() as u64, rejected))
    }

    /// Run every detector and return the report sections, findings ranked.
    pub async fn run(&self) -> Result<Vec<Section>, FlowsError> {
        let mut revenue_findings = Vec::new();
        revenue_findings.extend(revenue::billing_gap(&self.ctx).await?);
        revenue_findings.extend(revenue::revenue_surge(&self.ctx).await?);
        revenue_findings.extend(revenue::claim_check(&self.ctx).await?);
        revenue_findings.extend(revenue::basis_change(&self.ctx).await?);
        rank(&mut revenue_findings);
        let revenue_charts = revenue::charts(&self.ctx).await?;
        let (mut absorption_findings, absorption_charts) =
            absorption::absorption(&self.ctx).await?;
        rank(&mut absorption_findings);
        let mut sections = vec![
            Section {
                id: "revenue".into(),
                title: "Revenue: billing vs shipping, surges and claims".into(),
                intro: "Company revenue by geography is reported by where customers are billed (NVIDIA to FY2025) or \
                        headquartered (from FY2026), not where chips go. These findings compare billed revenue with \
                        disclosed shipments, track growth against every disclosed baseline of the same length, and \
                        test published growth claims against the record."
                    .into(),
                findings: revenue_findings,
                charts: revenue_charts,
                maps: Vec::new(),
                graphs: Vec::new(),
            },
            Section {
                id: "absorption".into(),
                title: "Absorption: could the country's data centres take the chips?".into(),
                intro: "GPUs implied by billed revenue, and the power they draw, against the country's operational \
                        data-centre capacity and its yearly additions."
                    .into(),
                findings: absorption_findings,
                charts: absorption_charts,
                maps: Vec::new(),
                graphs: Vec::new(),
            },
        ];
        if self.has_trade {
            let mut trade_findings = self.trade_findings(&TradeParams::default()).await?;
            rank(&mut trade_findings);
            let trade_charts = trade::charts(&self.ctx, &trade_findings).await?;
            sections.push(Section {
                id: "trade".into(),
                title: "Trade flows: surges, roundabout trade, mirror gaps and routes".into(),
                intro: "Exports by product and destination, the latest year against the year before, the reporter's \
                        other destinations and the destination's own history, with the year the level shifted; a \
                        difference-in-differences test of re-routing through intermediaries around each rule; exports \
                        that never appear in the importer's statistics; and what hubs send on to the destinations of \
                        concern. Partial years are annualised and labelled."
                    .into(),
                findings: trade_findings,
                charts: trade_charts,
                maps: Vec::new(),
                graphs: Vec::new(),
            });
        }
        Ok(sections)
    }
}

/// Parameters of every trade detector.
#[derive(Debug, Clone, Default)]
pub struct TradeParams {
    pub surge: trade::SurgeParams,
    pub did: did::DidParams,
    pub mirror: mirror::MirrorParams,
    pub route: route::RouteParams,
    pub substitution: substitution::SubstitutionParams,
}

impl FlowsEngine {
    /// Run the trade detectors (surge, roundabout, substitution, mirror gap, route share).
    pub async fn trade_findings(&self, p: &TradeParams) -> Result<Vec<Finding>, FlowsError> {
        let t = std::time::Instant::now();
        let timing = std::env::var_os("CHIPWATCH_TIME_DETECTORS").is_some();
        let lap = |name: &str, n: usize| {
            if timing {
                eprintln!(
                    "detector {name}: {:.2} s, {n} findings",
                    t.elapsed().as_secs_f64()
                );
            }
        };
        let mut v = trade::trade_surge(&self.ctx, &p.surge).await?;
        lap("surge", v.len());
        v.extend(did::roundabout(&self.ctx, &p.did).await?);
        lap("did", v.len());
        v.extend(substitution::substitution(&self.ctx, &p.substitution).await?);
        lap("substitution", v.len());
        v.extend(mirror::mirror_gap(&self.ctx, &p.mirror).await?);
        lap("mirror", v.len());
        v.extend(route::route_share(&self.ctx, &p.route).await?);
        lap("route", v.len());
        Ok(v)
    }

    /// Whether any trade rows are loaded.
    pub fn has_trade(&self) -> bool {
        self.has_trade
    }
}

/// All findings of all sections, ranked.
pub fn all_findings(sections: &[Section]) -> Vec<Finding> {
    let mut v: Vec<Finding> = sections
        .iter()
        .flat_map(|s| s.findings.iter().cloned())
        .collect();
    rank(&mut v);
    v
}

/// Output of an ad-hoc SQL query.
pub enum SqlOutput {
    /// A boxed text table.
    Table,
    /// One JSON object per row, as a JSON array.
    Json,
}

impl FlowsEngine {
    /// Run an analyst's SQL over the registered tables and format the result.
    pub async fn sql(&self, query: &str, output: SqlOutput) -> Result<String, FlowsError> {
        let batches = self.ctx.sql(query).await?.collect().await?;
        match output {
            SqlOutput::Table => {
                Ok(datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string())
            }
            SqlOutput::Json => {
                let mut w = datafusion::arrow::json::ArrayWriter::new(Vec::new());
                for b in &batches {
                    w.write(b)?;
                }
                w.finish()?;
                let bytes = w.into_inner();
                Ok(if bytes.is_empty() {
                    "[]".into()
                } else {
                    String::from_utf8_lossy(&bytes).into_owned()
                })
            }
        }
    }
}
