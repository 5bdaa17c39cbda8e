//! Serves a store: `cargo run -p dyad-server --example serve -- events.db 127.0.0.1:8080`.

use std::net::SocketAddr;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: serve DB [ADDR]")?);
    let addr: SocketAddr = args.next().as_deref().unwrap_or("127.0.0.1:8080").parse()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    rt.block_on(async move {
        tokio::spawn(async move {
            if let Ok(a) = rx.await {
                eprintln!("dyad-server listening on http://{a}/");
            }
        });
        dyad_server::serve(db, addr, Some(tx)).await
    })?;
    Ok(())
}
