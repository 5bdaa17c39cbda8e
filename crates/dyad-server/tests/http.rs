//! End-to-end tests: a temp store with hand-built events, the real server on 127.0.0.1:0, and
//! a minimal HTTP/1.1 client over `std::net::TcpStream`.

use chrono::NaiveDate;
use dyad_core::{Attribution, Event, Modality, Span};
use dyad_store::{text_hash, ArticleInfo, Store};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[allow(clippy::too_many_arguments)]
fn event(
    day: &str,
    source: &str,
    target: &str,
    code: &str,
    quad: u8,
    goldstein: f32,
    sentence: &str,
    verb: &str,
    attribution: Option<&str>,
) -> Event {
    Event {
        schema_version: 1,
        article: String::new(),
        outlet: None,
        url: None,
        article_date: Some(date(day)),
        date: Some(date(day)),
        date_precision: Some("day".into()),
        source: source.into(),
        source_text: source.into(),
        target: Some(target.into()),
        target_text: Some(target.into()),
        code: code.into(),
        root_code: code[..2].into(),
        event_name: format!("event {code}"),
        quad_class: quad,
        goldstein,
        plover: None,
        sentence: sentence.into(),
        sentence_index: 0,
        span: Span::new(0, sentence.len()),
        verb_text: verb.into(),
        modality: Modality::Asserted,
        attribution: attribution.map(|t| Attribution {
            code: None,
            text: t.into(),
        }),
        rule: "verbs.txt:1".into(),
        source_rules: vec![],
        target_rules: vec![],
    }
}

/// Three articles, four events:
/// * 2024-01-10 (outlet A): USA→RUS 042 q1 g=1.9; RUS→USA 112 q3 g=-2.0 (attributed)
/// * 2024-01-20 (outlet B): USAGOV→RUSMIL 190 q4 g=-10.0
/// * 2024-02-05 (outlet A): RUS→USA 057 q1 g=8.0
fn make_store(path: &PathBuf) {
    let _ = std::fs::remove_file(path);
    let mut store = Store::open(path).expect("open store");
    let articles = [
        (
            "a1",
            "Outlet A",
            "2024-01-10",
            vec![
                event(
                    "2024-01-10",
                    "USA",
                    "RUS",
                    "042",
                    1,
                    1.9,
                    "The US visited Russia.",
                    "visited",
                    None,
                ),
                event(
                    "2024-01-10",
                    "RUS",
                    "USA",
                    "112",
                    3,
                    -2.0,
                    "Russia accused the US, officials said.",
                    "accused",
                    Some("officials"),
                ),
            ],
        ),
        (
            "a2",
            "Outlet B",
            "2024-01-20",
            vec![event(
                "2024-01-20",
                "USAGOV",
                "RUSMIL",
                "190",
                4,
                -10.0,
                "US forces attacked Russian troops.",
                "attacked",
                None,
            )],
        ),
        (
            "a3",
            "Outlet A",
            "2024-02-05",
            vec![event(
                "2024-02-05",
                "RUS",
                "USA",
                "057",
                1,
                8.0,
                "Russia signed an agreement with the US.",
                "signed",
                None,
            )],
        ),
    ];
    for (name, outlet, published, events) in articles {
        let info = ArticleInfo {
            name: name.into(),
            url: Some(format!("https://example.org/{name}")),
            outlet: Some(outlet.into()),
            title: None,
            published: Some(date(published)),
        };
        store
            .insert_article(&info, &text_hash(name), &events)
            .expect("insert");
    }
}

/// One server for all tests, started on a background thread with its own runtime.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("dyad-server-test-{}.db", std::process::id()));
        make_store(&path);
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            let addr: SocketAddr = "127.0.0.1:0".parse().expect("addr");
            rt.block_on(dyad_server::serve(path, addr, Some(tx)))
                .expect("serve");
        });
        rx.blocking_recv().expect("server ready")
    })
}

struct Resp {
    status: u16,
    head: String,
    body: String,
}

fn get(path: &str) -> Resp {
    let mut s = TcpStream::connect(server()).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8(raw).expect("utf-8 response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("header end");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Resp {
        status,
        head: head.to_string(),
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, rest) = s.split_once("\r\n").expect("chunk size");
        let n = usize::from_str_radix(size.trim(), 16).expect("hex size");
        if n == 0 {
            return out;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
}

fn get_json(path: &str) -> (u16, Value) {
    let r = get(path);
    let v = serde_json::from_str(&r.body)
        .unwrap_or_else(|e| panic!("{path}: body is not JSON ({e}): {}", r.body));
    (r.status, v)
}

fn sources(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .expect("events array")
        .iter()
        .map(|e| {
            format!(
                "{}>{}",
                e["source"].as_str().unwrap_or(""),
                e["target"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn events_both_directions_and_filters() {
    let (st, v) = get_json("/api/events?source=USA&target=RUS&both=true");
    assert_eq!(st, 200);
    assert_eq!(
        sources(&v),
        ["USA>RUS", "RUS>USA", "USAGOV>RUSMIL", "RUS>USA"]
    );
    assert_eq!(v["limit"], 100);
    assert_eq!(v["offset"], 0);
    let first = &v["events"][0];
    for field in [
        "id",
        "event_id",
        "article_id",
        "sentence",
        "verb_text",
        "modality",
        "span",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["outlet"], "Outlet A");

    // One direction only.
    let (_, v) = get_json("/api/events?source=USA&target=RUS");
    assert_eq!(sources(&v), ["USA>RUS", "USAGOV>RUSMIL"]);
    // Filters.
    let (_, v) = get_json("/api/events?quad=4");
    assert_eq!(sources(&v), ["USAGOV>RUSMIL"]);
    let (_, v) = get_json("/api/events?from=2024-02-01&to=2024-02-28");
    assert_eq!(sources(&v), ["RUS>USA"]);
    let (_, v) = get_json("/api/events?outlet=Outlet%20B");
    assert_eq!(sources(&v), ["USAGOV>RUSMIL"]);
    let (_, v) = get_json("/api/events?attributed=true");
    assert_eq!(v["events"][0]["attribution"]["text"], "officials");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(1));
    let (_, v) = get_json("/api/events?attributed=false&modality=asserted");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(3));
    let (_, v) = get_json("/api/events?code=19");
    assert_eq!(sources(&v), ["USAGOV>RUSMIL"]);
    // Paging.
    let (_, v) = get_json("/api/events?limit=2&offset=1");
    assert_eq!(sources(&v), ["RUS>USA", "USAGOV>RUSMIL"]);
    assert_eq!(v["limit"], 2);
    assert_eq!(v["offset"], 1);
}

#[test]
fn trend_counts_match_by_hand() {
    let (st, v) = get_json("/api/trend?a=USA&b=RUS&by=month");
    assert_eq!(st, 200);
    assert_eq!(v["a"], "USA");
    assert_eq!(v["by"], "month");
    let rows = v["rows"].as_array().expect("rows");
    let got: Vec<(String, String, Vec<u64>, f64)> = rows
        .iter()
        .map(|r| {
            (
                r["period"].as_str().unwrap_or("").to_string(),
                r["direction"].as_str().unwrap_or("").to_string(),
                r["counts"]
                    .as_array()
                    .expect("counts")
                    .iter()
                    .map(|c| c.as_u64().expect("count"))
                    .collect(),
                r["goldstein_sum"].as_f64().expect("sum"),
            )
        })
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    // January, USA→RUS: 042 (q1, 1.9) and 190 (q4, -10.0).
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("2024-01", "a_to_b")
    );
    assert_eq!(got[0].2, [1, 0, 0, 1]);
    assert!((got[0].3 - (-8.1)).abs() < 1e-4);
    let mean = rows[0]["goldstein_mean"].as_f64().expect("mean");
    assert!((mean - (-4.05)).abs() < 1e-4);
    // January, RUS→USA: 112 (q3, -2.0).
    assert_eq!(
        (got[1].0.as_str(), got[1].1.as_str()),
        ("2024-01", "b_to_a")
    );
    assert_eq!(got[1].2, [0, 0, 1, 0]);
    // February, RUS→USA: 057 (q1, 8.0).
    assert_eq!(
        (got[2].0.as_str(), got[2].1.as_str()),
        ("2024-02", "b_to_a")
    );
    assert_eq!(got[2].2, [1, 0, 0, 0]);
    assert!((got[2].3 - 8.0).abs() < 1e-6);

    let (st, v) = get_json("/api/trend?a=USA&b=RUS&by=day");
    assert_eq!(st, 200);
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["rows"][0]["period"], "2024-01-10");
}

#[test]
fn bad_parameters_answer_400_json() {
    for (path, names) in [
        ("/api/events?quad=x", "quad"),
        ("/api/events?quad=5", "quad"),
        ("/api/events?quad=0", "quad"),
        ("/api/events?from=2024-13-01", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?modality=maybe", "modality"),
        ("/api/events?limit=1001", "limit"),
        ("/api/events?limit=-1", "limit"),
        ("/api/events?offset=z", "offset"),
        ("/api/events?attributed=perhaps", "attributed"),
        ("/api/trend?b=RUS", "`a`"),
        ("/api/trend?a=USA", "`b`"),
        ("/api/trend?a=USA&b=RUS&by=year", "by"),
        ("/api/dyads?limit=5000", "limit"),
        ("/api/events/abc", "id"),
    ] {
        let (st, v) = get_json(path);
        assert_eq!(st, 400, "{path}");
        let msg = v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: no error"));
        assert!(msg.contains(names), "{path}: {msg}");
    }
}

#[test]
fn event_by_id_200_and_404() {
    let (_, v) = get_json("/api/events?code=057");
    let id = v["events"][0]["id"].as_i64().expect("id");
    let (st, e) = get_json(&format!("/api/events/{id}"));
    assert_eq!(st, 200);
    assert_eq!(e["id"], id);
    assert_eq!(e["code"], "057");
    assert_eq!(e["verb_text"], "signed");
    let (st, e) = get_json("/api/events/999999");
    assert_eq!(st, 404);
    assert!(e["error"].is_string());
    let (st, e) = get_json("/api/nothing");
    assert_eq!(st, 404);
    assert!(e["error"].is_string());
}

#[test]
fn dyads_and_actors() {
    let (st, v) = get_json("/api/dyads");
    assert_eq!(st, 200);
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    // USA→RUS (042, 190: USAGOV→RUSMIL counts as USA→RUS) and RUS→USA (112, 057): 2 each,
    // ties by name.
    assert_eq!(
        (&rows[0]["a"], &rows[0]["b"], &rows[0]["events"]),
        (&"RUS".into(), &"USA".into(), &2.into())
    );
    assert!((rows[0]["goldstein_mean"].as_f64().expect("mean") - 3.0).abs() < 1e-6);
    assert_eq!(rows[1]["a"], "USA");
    let (_, v) = get_json("/api/dyads?limit=1");
    assert_eq!(v.as_array().map(Vec::len), Some(1));

    let (st, v) = get_json("/api/actors");
    assert_eq!(st, 200);
    let rows = v.as_array().expect("array");
    let codes: Vec<&str> = rows.iter().filter_map(|r| r["code"].as_str()).collect();
    assert_eq!(codes, ["RUS", "USA", "RUSMIL", "USAGOV"]);
    assert_eq!(rows[0]["as_source"], 2);
    assert_eq!(rows[0]["as_target"], 1);
    assert_eq!(rows[0]["events"], 3);
}

#[test]
fn openapi_and_dashboard() {
    let (st, v) = get_json("/openapi.json");
    assert_eq!(st, 200);
    assert!(v["openapi"].as_str().is_some_and(|s| s.starts_with("3.0")));
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/trend",
        "/api/dyads",
        "/api/actors",
    ] {
        assert!(v["paths"].get(p).is_some(), "openapi lacks {p}");
    }

    let r = get("/");
    assert_eq!(r.status, 200);
    assert!(r
        .head
        .to_ascii_lowercase()
        .contains("content-type: text/html"));
    for needle in [
        "id=\"chart\"",
        "id=\"event-list\"",
        "id=\"dyads\"",
        "/assets/app.js",
    ] {
        assert!(r.body.contains(needle), "index lacks {needle}");
    }
    assert!(!r.body.contains("http://") && !r.body.contains("https://"));
    let r = get("/assets/app.js");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("dataset.ready"));
    assert!(!r.body.contains("http://") && !r.body.contains("https://"));
    let r = get("/assets/app.css");
    assert_eq!(r.status, 200);
    assert!(r.head.to_ascii_lowercase().contains("text/css"));
}
