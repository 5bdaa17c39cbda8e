//! `dyad serve` (the HTTP API and dashboard over a database) and `dyad demo` (code the bundled
//! examples into a database, then serve it).

use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The database to serve (read-only).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

fn run_server(db: PathBuf, addr: SocketAddr) -> Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(async move {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let server = tokio::spawn(dyad_server::serve(db, addr, Some(tx)));
        if let Ok(bound) = rx.await {
            eprintln!("dyad: serving the dashboard at http://{bound}/ (API under /api, spec at /openapi.json); Ctrl-C stops");
        }
        server.await.context("server task failed")??;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn serve(a: ServeArgs) -> Result<ExitCode> {
    anyhow::ensure!(
        a.db.exists(),
        "{}: no such database; create it with `dyad ingest PATH... --db {}`",
        a.db.display(),
        a.db.display()
    );
    run_server(a.db, a.addr)
}

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Where to store the demo database.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

/// The main job: code the bundled examples into the database and serve the dashboard.
pub fn demo(a: DemoArgs) -> Result<ExitCode> {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let examples = if std::path::Path::new("examples").is_dir() {
        "examples".to_string()
    } else {
        examples.to_string()
    };
    super::store::ingest_paths(&[examples], &a.db)?;
    run_server(a.db, a.addr)
}
