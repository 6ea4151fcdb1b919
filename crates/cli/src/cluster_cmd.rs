//! `chipwatch cluster scheduler|executor`: the processes of an Apache DataFusion Ballista
//! cluster, from the chipwatch binary, so the cluster runs the DataFusion the client plans with.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum ClusterCmd {
    /// Run a Ballista scheduler (clients connect with --engine ballista://HOST:PORT).
    Scheduler {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:50050")]
        bind: SocketAddr,
    },
    /// Run a Ballista executor that takes tasks from a scheduler.
    Executor {
        /// The scheduler's address.
        #[arg(long, default_value = "127.0.0.1:50050")]
        scheduler: SocketAddr,
        /// Address of this executor's Arrow Flight service (results and shuffle data).
        #[arg(long, default_value = "127.0.0.1:50051")]
        bind: SocketAddr,
        /// Port of this executor's gRPC service.
        #[arg(long, default_value_t = 50052)]
        grpc_port: u16,
        /// Tasks run at once (default: the number of cores).
        #[arg(long)]
        concurrent_tasks: Option<usize>,
        /// Folder for shuffle files (default: a temporary folder).
        #[arg(long, value_name = "DIR")]
        work_dir: Option<PathBuf>,
        /// Memory the executor's tasks may hold before spilling, e.g. 2G.
        #[arg(long, value_name = "SIZE", value_parser = crate::parse_size)]
        memory_limit: Option<usize>,
    },
}

#[cfg(feature = "distributed")]
pub async fn run(cmd: ClusterCmd) -> Result<ExitCode> {
    use chipwatch_flows::distributed;
    // Ballista logs through `log`: warnings by default, more with RUST_LOG=info.
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .try_init();
    match cmd {
        ClusterCmd::Scheduler { bind } => {
            eprintln!(
                "chipwatch: Ballista scheduler on {bind} (clients: --engine ballista://{bind})"
            );
            distributed::run_scheduler(bind).await?;
        }
        ClusterCmd::Executor {
            scheduler,
            bind,
            grpc_port,
            concurrent_tasks,
            work_dir,
            memory_limit,
        } => {
            eprintln!("chipwatch: Ballista executor on {bind}, scheduler {scheduler}");
            distributed::run_executor(distributed::ExecutorOptions {
                scheduler,
                bind,
                grpc_port,
                concurrent_tasks: concurrent_tasks
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
                work_dir,
                memory_limit: memory_limit.map(|m| m as u64),
            })
            .await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "distributed"))]
pub async fn run(_cmd: ClusterCmd) -> Result<ExitCode> {
    Err(chipwatch_model::InputError::Invalid {
        file: "cluster".into(),
        message: "this chipwatch was built without Ballista support; build it with `cargo build --release --features distributed`".into(),
    }
    .into())
}
