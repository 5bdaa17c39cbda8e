//! dyad-server: a read-only HTTP API and web dashboard over a dyad event store.
//!
//! Every request opens the store afresh inside [`tokio::task::spawn_blocking`] (SQLite calls
//! block; a connection per request needs no lock and sees the latest writes of other
//! processes). Endpoints:
//!
//! * `GET /api/events` — filtered event rows, paged (`limit` ≤ 1000, default 100).
//! * `GET /api/events/{id}` — one event row by its row id.
//! * `GET /api/trend?a=&b=&by=` — per-period counts and Goldstein means between two actors.
//! * `GET /api/dyads?limit=` — most active (source country, target country) pairs.
//! * `GET /api/actors?limit=` — actor codes with their counts as source and target.
//! * `GET /openapi.json` — the OpenAPI 3.0 description of the API.
//! * `GET /` and `/assets/{app.js,app.css}` — the dashboard (no external resources).
//!
//! Bad parameters answer HTTP 400 with `{"error": "..."}` naming the parameter; a missing
//! event answers 404 with the same shape; store failures answer 500.

mod api;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use api::{MAX_LIMIT, SCAN_LIMIT};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot open the event store: {0}")]
    Store(#[from] dyad_store::StoreError),
    #[error("cannot bind {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Shared state of the handlers: where the store lives.
#[derive(Debug, Clone)]
pub(crate) struct AppState {
    pub(crate) db: Arc<PathBuf>,
}

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The application: API routes, the OpenAPI document and the dashboard, over the store at `db`.
pub fn router(db: PathBuf) -> Router {
    let state = AppState { db: Arc::new(db) };
    Router::new()
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event_by_id))
        .route("/api/trend", get(api::trend))
        .route("/api/dyads", get(api::dyads))
        .route("/api/actors", get(api::actors))
        .route(
            "/openapi.json",
            get(|| async { asset("application/json", OPENAPI_JSON) }),
        )
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/assets/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/assets/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .fallback(|| async { api::ApiError::not_found("no such route").into_response() })
        .with_state(state)
}

/// Serves [`router`] on `addr` until the process ends. The store is opened once first, so a
/// bad database fails here rather than on the first request. When `ready` is given, it
/// receives the bound address (useful with port 0).
pub async fn serve(
    db: PathBuf,
    addr: SocketAddr,
    ready: Option<tokio::sync::oneshot::Sender<SocketAddr>>,
) -> Result<(), ServerError> {
    let check = db.clone();
    tokio::task::spawn_blocking(move || dyad_store::Store::open(&check).map(drop))
        .await
        .map_err(|e| ServerError::Io(std::io::Error::other(e)))??;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    if let Some(tx) = ready {
        // The receiver may have gone away; serving goes on regardless.
        let _ = tx.send(local);
    }
    axum::serve(listener, router(db)).await?;
    Ok(())
}
