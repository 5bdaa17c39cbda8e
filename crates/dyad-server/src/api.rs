//! The JSON endpoints: parameter parsing (with 400 answers naming the parameter), store access
//! on the blocking pool, and the response shapes.

use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use dyad_core::Modality;
use dyad_store::{Direction, Filter, Period, Store, StoredEvent, TrendRow};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Largest page of `/api/events`.
pub const MAX_LIMIT: u32 = 1000;
/// Default page of `/api/events`.
const DEFAULT_LIMIT: u32 = 100;
/// Event rows read by the aggregate endpoints (`/api/dyads`, `/api/actors`) and by the
/// by-id lookup: the store has no aggregate or by-id query, so these scan at most this many.
pub const SCAN_LIMIT: u32 = 100_000;
/// Default number of rows of `/api/dyads` and `/api/actors`.
const DEFAULT_TOP: u32 = 50;

type Params = Query<HashMap<String, String>>;

/// An error answer: a status and `{"error": message}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
    pub(crate) fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
    fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Runs `f` with a freshly opened store on the blocking pool.
async fn with_store<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> dyad_store::Result<T> + Send + 'static,
{
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open(db.as_path())?;
        f(&store)
    })
    .await
    .map_err(|e| ApiError::internal(format!("store task failed: {e}")))?
    .map_err(|e| ApiError::internal(format!("store error: {e}")))
}

/// A parameter's value; an empty value counts as absent.
fn param<'a>(p: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    p.get(name).map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn parse_bool(p: &HashMap<String, String>, name: &str) -> Result<Option<bool>, ApiError> {
    match param(p, name) {
        None => Ok(None),
        Some("true" | "1" | "yes") => Ok(Some(true)),
        Some("false" | "0" | "no") => Ok(Some(false)),
        Some(v) => Err(ApiError::bad(format!(
            "parameter `{name}`: expected true or false, got {v:?}"
        ))),
    }
}

fn parse_u32(p: &HashMap<String, String>, name: &str) -> Result<Option<u32>, ApiError> {
    param(p, name)
        .map(|v| {
            v.parse::<u32>().map_err(|_| {
                ApiError::bad(format!(
                    "parameter `{name}`: expected a non-negative integer, got {v:?}"
                ))
            })
        })
        .transpose()
}

fn parse_limit(p: &HashMap<String, String>, default: u32) -> Result<u32, ApiError> {
    let limit = parse_u32(p, "limit")?.unwrap_or(default);
    if limit > MAX_LIMIT {
        return Err(ApiError::bad(format!(
            "parameter `limit`: at most {MAX_LIMIT}, got {limit}"
        )));
    }
    Ok(limit)
}

fn parse_date(p: &HashMap<String, String>, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    param(p, name)
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                ApiError::bad(format!(
                    "parameter `{name}`: expected a date YYYY-MM-DD, got {v:?}"
                ))
            })
        })
        .transpose()
}

fn parse_modality(p: &HashMap<String, String>) -> Result<Option<Modality>, ApiError> {
    param(p, "modality")
        .map(|v| match v {
            "asserted" => Ok(Modality::Asserted),
            "negated" => Ok(Modality::Negated),
            "hypothetical" => Ok(Modality::Hypothetical),
            "future" => Ok(Modality::Future),
            _ => Err(ApiError::bad(format!(
                "parameter `modality`: expected asserted, negated, hypothetical or future, got {v:?}"
            ))),
        })
        .transpose()
}

fn parse_quad(p: &HashMap<String, String>) -> Result<Option<u8>, ApiError> {
    param(p, "quad")
        .map(|v| match v.parse::<u8>() {
            Ok(q @ 1..=4) => Ok(q),
            _ => Err(ApiError::bad(format!(
                "parameter `quad`: expected a quad class 1 to 4, got {v:?}"
            ))),
        })
        .transpose()
}

/// The store filter of `/api/events` query parameters.
fn events_filter(p: &HashMap<String, String>) -> Result<Filter, ApiError> {
    let from = parse_date(p, "from")?;
    let to = parse_date(p, "to")?;
    Ok(Filter {
        actor_a: param(p, "source").map(str::to_string),
        actor_b: param(p, "target").map(str::to_string),
        both_directions: parse_bool(p, "both")?.unwrap_or(false),
        code_prefix: param(p, "code").map(str::to_string),
        quad_class: parse_quad(p)?,
        from,
        to,
        outlet: param(p, "outlet").map(str::to_string),
        modality: parse_modality(p)?,
        attributed: parse_bool(p, "attributed")?,
        limit: Some(parse_limit(p, DEFAULT_LIMIT)?),
        offset: Some(parse_u32(p, "offset")?.unwrap_or(0)),
    })
}

/// An event row as JSON: every field of the event plus `id`, `article_id` and `event_id`.
fn event_json(e: &StoredEvent) -> Result<Value, ApiError> {
    let mut obj = match serde_json::to_value(&e.event) {
        Ok(Value::Object(m)) => m,
        Ok(_) => Map::new(),
        Err(err) => return Err(ApiError::internal(format!("cannot encode event: {err}"))),
    };
    obj.insert("id".into(), json!(e.id));
    obj.insert("article_id".into(), json!(e.article_id));
    obj.insert("event_id".into(), json!(e.event_id));
    Ok(Value::Object(obj))
}

pub(crate) async fn events(State(state): State<AppState>, Query(p): Params) -> ApiResult {
    let filter = events_filter(&p)?;
    let (limit, offset) = (filter.limit, filter.offset);
    let rows = with_store(&state, move |s| s.events(&filter)).await?;
    let events = rows.iter().map(event_json).collect::<Result<Vec<_>, _>>()?;
    Ok(Json(
        json!({ "events": events, "limit": limit, "offset": offset }),
    ))
}

pub(crate) async fn event_by_id(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("path `id`: expected an integer, got {id:?}")))?;
    // The store has no by-id getter: scan a bounded number of rows.
    let found = with_store(&state, move |s| {
        let rows = s.events(&Filter {
            limit: Some(SCAN_LIMIT),
            ..Default::default()
        })?;
        Ok(rows.into_iter().find(|e| e.id == id))
    })
    .await?;
    match found {
        Some(e) => Ok(Json(event_json(&e)?)),
        None => Err(ApiError::not_found(format!("no event with id {id}"))),
    }
}

fn direction_str(d: Direction) -> &'static str {
    match d {
        Direction::AtoB => "a_to_b",
        Direction::BtoA => "b_to_a",
    }
}

fn trend_row_json(r: &TrendRow) -> Value {
    json!({
        "period": r.period,
        "direction": direction_str(r.direction),
        "counts": r.counts,
        "distinct_events": r.distinct_events,
        "goldstein_sum": r.goldstein_sum,
        "goldstein_mean": r.goldstein_mean,
    })
}

pub(crate) async fn trend(State(state): State<AppState>, Query(p): Params) -> ApiResult {
    let a = param(&p, "a")
        .ok_or_else(|| ApiError::bad("parameter `a` (actor code) is required"))?
        .to_string();
    let b = param(&p, "b")
        .ok_or_else(|| ApiError::bad("parameter `b` (actor code) is required"))?
        .to_string();
    let by_name = param(&p, "by").unwrap_or("month").to_string();
    let by: Period = by_name
        .parse()
        .map_err(|e: String| ApiError::bad(format!("parameter `by`: {e}")))?;
    let (qa, qb) = (a.clone(), b.clone());
    let rows = with_store(&state, move |s| s.trend(&qa, &qb, by)).await?;
    let rows: Vec<Value> = rows.iter().map(trend_row_json).collect();
    Ok(Json(json!({ "a": a, "b": b, "by": by_name, "rows": rows })))
}

/// The first three characters of an actor code: its country (or IGO/NGO…) part.
fn country(code: &str) -> String {
    code.chars().take(3).collect()
}

/// Rows read for an aggregate: the first [`SCAN_LIMIT`] event rows.
async fn scan(state: &AppState) -> Result<Vec<StoredEvent>, ApiError> {
    with_store(state, |s| {
        s.events(&Filter {
            limit: Some(SCAN_LIMIT),
            ..Default::default()
        })
    })
    .await
}

pub(crate) async fn dyads(State(state): State<AppState>, Query(p): Params) -> ApiResult {
    let limit = parse_limit(&p, DEFAULT_TOP)? as usize;
    let rows = scan(&state).await?;
    // (source country, target country) → (events, Goldstein sum)
    let mut pairs: HashMap<(String, String), (u64, f64)> = HashMap::new();
    for e in &rows {
        let Some(target) = e.event.target.as_deref() else {
            continue;
        };
        let entry = pairs
            .entry((country(&e.event.source), country(target)))
            .or_insert((0, 0.0));
        entry.0 += 1;
        entry.1 += f64::from(e.event.goldstein);
    }
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_by(|x, y| y.1 .0.cmp(&x.1 .0).then_with(|| x.0.cmp(&y.0)));
    let out: Vec<Value> = pairs
        .into_iter()
        .take(limit)
        .map(|((a, b), (n, sum))| {
            json!({ "a": a, "b": b, "events": n, "goldstein_mean": sum / n as f64 })
        })
        .collect();
    Ok(Json(Value::Array(out)))
}

pub(crate) async fn actors(State(state): State<AppState>, Query(p): Params) -> ApiResult {
    let limit = parse_limit(&p, MAX_LIMIT)? as usize;
    let rows = scan(&state).await?;
    // code → (as source, as target)
    let mut codes: HashMap<String, (u64, u64)> = HashMap::new();
    for e in &rows {
        codes.entry(e.event.source.clone()).or_default().0 += 1;
        if let Some(t) = &e.event.target {
            codes.entry(t.clone()).or_default().1 += 1;
        }
    }
    let mut codes: Vec<_> = codes.into_iter().collect();
    codes.sort_by(|x, y| {
        (y.1 .0 + y.1 .1)
            .cmp(&(x.1 .0 + x.1 .1))
            .then_with(|| x.0.cmp(&y.0))
    });
    let out: Vec<Value> = codes
        .into_iter()
        .take(limit)
        .map(|(code, (s, t))| {
            json!({ "code": code, "events": s + t, "as_source": s, "as_target": t })
        })
        .collect();
    Ok(Json(Value::Array(out)))
}
