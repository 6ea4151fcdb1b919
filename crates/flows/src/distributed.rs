//! Running the detectors on an Apache DataFusion Ballista cluster (feature `distributed`).
//!
//! The same SQL plans run: [`FlowsEngine::connect`](crate::FlowsEngine::connect) with
//! [`Engine::Ballista`](crate::Engine::Ballista) gives a session whose queries the scheduler
//! plans and the executors run. Ballista ships logical plans to the scheduler, and in-memory
//! tables cannot travel in them, so every table the detectors read (the bundled figures,
//! baskets, the enforcement record, trade rows read from CSV and the summed trade cells) is
//! written as Parquet to a scratch folder and registered from there: on one machine any folder
//! works; with executors on other machines it must be storage they all mount at the same path.
//!
//! [`run_scheduler`] and [`run_executor`] start the cluster's processes from the chipwatch
//! binary itself (`chipwatch cluster scheduler|executor`), so a cluster runs exactly the
//! DataFusion and function registry the client plans with. The detectors use only built-in
//! functions, so the executors need nothing registered beyond Ballista's defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::{SessionConfig, SessionContext};

use crate::FlowsError;

/// Turn `ballista://HOST:PORT` (or `df://HOST:PORT`) into the URL Ballista's client takes.
pub fn scheduler_url(url: &str) -> Result<String, FlowsError> {
    let rest = url
        .strip_prefix("ballista://")
        .or_else(|| url.strip_prefix("df://"))
        .ok_or_else(|| FlowsError::Input {
            file: "--engine".into(),
            message: format!("`{url}`: expected ballista://HOST:PORT"),
        })?;
    let (host, port) = rest.rsplit_once(':').ok_or_else(|| FlowsError::Input {
        file: "--engine".into(),
        message: format!("`{url}`: the scheduler's port is missing (ballista://HOST:PORT)"),
    })?;
    if host.is_empty() || port.parse::<u16>().is_err() {
        return Err(FlowsError::Input {
            file: "--engine".into(),
            message: format!("`{url}`: expected ballista://HOST:PORT with a port number"),
        });
    }
    Ok(format!("df://{host}:{port}"))
}

/// A session whose queries run on the Ballista cluster at `url`.
pub async fn remote_context(
    url: &str,
    target_partitions: usize,
) -> Result<SessionContext, FlowsError> {
    let config = SessionConfig::new_with_ballista()
        .with_target_partitions(target_partitions.max(1))
        .with_information_schema(true)
        .with_ballista_job_name("chipwatch")
        // Ballista 55's adaptive planner loses task metrics on the detectors' multi-stage
        // joins and the job never finishes; the static planner runs them.
        .set_str("ballista.planner.adaptive.enabled", "false");
    let state = SessionStateBuilder::new()
        .with_config(config)
        .with_default_features()
        .build();
    Ok(SessionContext::remote_with_state(&scheduler_url(url)?, state).await?)
}

/// Write the rows of `table` in `local` to `dir/NAME.parquet` and register that file in
/// `remote` under the same name.
pub async fn ship_table(
    local: &SessionContext,
    remote: &SessionContext,
    name: &str,
    dir: &Path,
) -> Result<PathBuf, FlowsError> {
    let df = local.table(name).await?;
    let schema = Arc::new(df.schema().as_arrow().clone());
    let batches = df.collect().await?;
    let path = dir.join(format!("{name}.parquet"));
    crate::tables::write_parquet(&path, schema, &batches)?;
    if remote.table_exist(name)? {
        remote.deregister_table(name)?;
    }
    remote
        .register_parquet(
            name,
            path.to_str().unwrap_or_default(),
            datafusion::prelude::ParquetReadOptions::default(),
        )
        .await?;
    Ok(path)
}

/// Run a Ballista scheduler on `bind` until the process ends.
pub async fn run_scheduler(bind: SocketAddr) -> Result<(), FlowsError> {
    use ballista_scheduler::cluster::BallistaCluster;
    use ballista_scheduler::config::SchedulerConfig;
    let config = SchedulerConfig {
        bind_host: bind.ip().to_string(),
        bind_port: bind.port(),
        external_host: bind.ip().to_string(),
        ..SchedulerConfig::default()
    };
    let cluster = BallistaCluster::new_from_config(&config)
        .await
        .map_err(|e| FlowsError::Input {
            file: "scheduler".into(),
            message: e.to_string(),
        })?;
    ballista_scheduler::scheduler_process::start_server(cluster, bind, Arc::new(config))
        .await
        .map_err(|e| FlowsError::Input {
            file: "scheduler".into(),
            message: e.to_string(),
        })
}

/// Where an executor listens and which scheduler it serves.
#[derive(Debug, Clone)]
pub struct ExecutorOptions {
    pub scheduler: SocketAddr,
    /// Address for the executor's Arrow Flight service (results and shuffle data).
    pub bind: SocketAddr,
    /// Port of its gRPC service.
    pub grpc_port: u16,
    /// Tasks it runs at once.
    pub concurrent_tasks: usize,
    /// Folder for shuffle files.
    pub work_dir: Option<PathBuf>,
    /// Memory the executor's tasks may hold before spilling, in bytes.
    pub memory_limit: Option<u64>,
}

/// Run a Ballista executor until the process ends.
pub async fn run_executor(o: ExecutorOptions) -> Result<(), FlowsError> {
    use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
    let config = ExecutorProcessConfig {
        bind_host: o.bind.ip().to_string(),
        external_host: Some(o.bind.ip().to_string()),
        port: o.bind.port(),
        grpc_port: o.grpc_port,
        scheduler_host: o.scheduler.ip().to_string(),
        scheduler_port: o.scheduler.port(),
        scheduler_connect_timeout_seconds: 30,
        vcores: o.concurrent_tasks.max(1),
        work_dir: o.work_dir.as_ref().map(|d| d.display().to_string()),
        memory_pool_size: o.memory_limit,
        ..ExecutorProcessConfig::default()
    };
    start_executor_process(Arc::new(config))
        .await
        .map_err(|e| FlowsError::Input {
            file: "executor".into(),
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_urls() {
        assert_eq!(
            scheduler_url("ballista://127.0.0.1:50050").unwrap(),
            "df://127.0.0.1:50050"
        );
        assert_eq!(scheduler_url("df://h:1").unwrap(), "df://h:1");
        assert!(scheduler_url("ballista://h").is_err());
        assert!(scheduler_url("http://h:1").is_err());
    }
}
