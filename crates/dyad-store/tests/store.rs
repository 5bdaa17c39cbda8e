//! Integration tests of the store: schema versions, inserts and duplicates, atomicity,
//! deduplication, filters, trends and reopening a file.

use chrono::NaiveDate;
use dyad_core::{Attribution, Event, Modality, Span, EVENT_SCHEMA_VERSION};
use dyad_store::{
    text_hash, ArticleInfo, Direction, Filter, InsertOutcome, Period, Store, StoreError,
    SCHEMA_VERSION,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An event `source` → `target` with `code` on `date` (asserted, no attribution).
fn ev(source: &str, target: &str, code: &str, date: Option<&str>) -> Event {
    let root: u8 = code[..2].parse().unwrap();
    let quad = dyad_core::QuadClass::of_root(root).unwrap().number();
    let goldstein = match quad {
        1 => 3.4,
        2 => 7.0,
        3 => -2.0,
        _ => -10.0,
    };
    Event {
        schema_version: EVENT_SCHEMA_VERSION,
        article: "ignored".into(),
        outlet: None,
        url: None,
        article_date: None,
        date: date.map(d),
        date_precision: date.map(|_| "day".to_string()),
        source: source.into(),
        source_text: format!("{source} words"),
        target: Some(target.into()),
        target_text: Some(format!("{target} words")),
        code: code.into(),
        root_code: code[..2].into(),
        event_name: format!("event {code}"),
        quad_class: quad,
        goldstein,
        plover: Some("CONSULT".into()),
        sentence: format!("{source} did {code} to {target}."),
        sentence_index: 2,
        span: Span::new(10, 40),
        verb_text: "did".into(),
        modality: Modality::Asserted,
        attribution: None,
        rule: "dicts/verbs/cameo.txt:12".into(),
        source_rules: vec!["dicts/actors/countries.txt:5".into()],
        target_rules: vec![],
    }
}

fn info(name: &str, url: Option<&str>) -> ArticleInfo {
    ArticleInfo {
        name: name.into(),
        url: url.map(String::from),
        outlet: Some("Wire".into()),
        title: Some(format!("Title of {name}")),
        published: Some(d("2021-03-18")),
    }
}

/// Inserts an article named `name` whose text is its name; returns its id.
fn add(store: &mut Store, name: &str, events: &[Event]) -> i64 {
    match store
        .insert_article(&info(name, None), &text_hash(name), events)
        .unwrap()
    {
        InsertOutcome::Inserted { article_id, .. } => article_id,
        other => panic!("expected an insert, got {other:?}"),
    }
}

/// A fresh path in the temp dir (removed with its WAL files by `Cleanup`).
struct TempDb(PathBuf);

impl TempDb {
    fn new(tag: &str) -> TempDb {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!(
            "dyad-store-test-{}-{tag}-{n}.db",
            std::process::id()
        ));
        let db = TempDb(p);
        db.remove();
        db
    }
    fn remove(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut s = self.0.clone().into_os_string();
            s.push(suffix);
            let _ = std::fs::remove_file(s);
        }
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        self.remove();
    }
}

// ---------------------------------------------------------------- schema

#[test]
fn empty_file_is_migrated_to_current_version() {
    let db = TempDb::new("empty");
    std::fs::write(&db.0, b"").unwrap();
    let store = Store::open(&db.0).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.counts().unwrap(), (0, 0, 0));
    drop(store);

    let conn = rusqlite::Connection::open(&db.0).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    tables.sort();
    assert_eq!(tables, ["articles", "dedup_events", "events"]);
}

#[test]
fn newer_schema_is_refused_with_advice() {
    let db = TempDb::new("newer");
    drop(Store::open(&db.0).unwrap());
    let conn = rusqlite::Connection::open(&db.0).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&db.0).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found, supported, .. }
            if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains("upgrade dyad"), "{msg}");
    assert!(msg.contains(&db.0.display().to_string()), "{msg}");
}

#[test]
fn non_database_file_is_an_error_not_a_panic() {
    let db = TempDb::new("junk");
    std::fs::write(&db.0, b"this is not an SQLite database, just some text").unwrap();
    let err = Store::open(&db.0).unwrap_err();
    assert!(
        err.to_string().contains(&db.0.display().to_string()),
        "{err}"
    );
}

#[test]
fn other_programs_database_is_refused() {
    let db = TempDb::new("foreign");
    let conn = rusqlite::Connection::open(&db.0).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT);").unwrap();
    drop(conn);
    let err = Store::open(&db.0).unwrap_err();
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err:?}");
}

// ---------------------------------------------------------------- inserts

#[test]
fn insert_then_duplicates_by_url_and_by_hash() {
    let mut s = Store::open_in_memory().unwrap();
    let events = [ev("RUS", "UKR", "190", Some("2021-03-17"))];
    let first = s
        .insert_article(
            &info("a.html", Some("https://x.test/a")),
            &text_hash("text A"),
            &events,
        )
        .unwrap();
    let InsertOutcome::Inserted {
        article_id,
        events: n,
    } = first
    else {
        panic!("{first:?}")
    };
    assert_eq!(n, 1);

    // Same URL, different text: duplicate.
    let again = s
        .insert_article(
            &info("a2.html", Some("https://x.test/a")),
            &text_hash("text A, edited"),
            &events,
        )
        .unwrap();
    assert_eq!(
        again,
        InsertOutcome::Duplicate {
            existing_id: article_id
        }
    );

    // Same text, no URL: duplicate.
    let again = s
        .insert_article(&info("copy.txt", None), &text_hash("text A"), &events)
        .unwrap();
    assert_eq!(
        again,
        InsertOutcome::Duplicate {
            existing_id: article_id
        }
    );

    // Same text, other URL: duplicate too (the text hash is unique).
    let again = s
        .insert_article(
            &info("b.html", Some("https://y.test/b")),
            &text_hash("text A"),
            &events,
        )
        .unwrap();
    assert_eq!(
        again,
        InsertOutcome::Duplicate {
            existing_id: article_id
        }
    );

    assert_eq!(s.counts().unwrap(), (1, 1, 1));

    // Two different articles without URL are both stored (NULL URLs do not collide); a blank
    // URL counts as none.
    add(&mut s, "c.txt", &[]);
    let r = s
        .insert_article(&info("d.txt", Some("  ")), &text_hash("text D"), &[])
        .unwrap();
    assert!(matches!(r, InsertOutcome::Inserted { .. }), "{r:?}");
    assert_eq!(s.counts().unwrap(), (3, 1, 1));
}

#[test]
fn events_round_trip_with_article_fields() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = ev("USAGOV", "CHN", "042", Some("2021-03-18"));
    e.attribution = Some(Attribution {
        code: Some("USA".into()),
        text: "the White House".into(),
    });
    e.modality = Modality::Hypothetical;
    e.target_rules = vec!["dicts/actors/countries.txt:9".into()];
    s.insert_article(
        &info("a.html", Some("https://x.test/a")),
        &text_hash("A"),
        &[e.clone()],
    )
    .unwrap();
    let got = s.events(&Filter::default()).unwrap();
    assert_eq!(got.len(), 1);
    let mut want = e;
    want.article = "a.html".into();
    want.outlet = Some("Wire".into());
    want.url = Some("https://x.test/a".into());
    want.article_date = Some(d("2021-03-18"));
    assert_eq!(got[0].event, want);
}

#[test]
fn failed_event_rolls_back_the_whole_article() {
    let mut s = Store::open_in_memory().unwrap();
    let a = add(
        &mut s,
        "first",
        &[ev("RUS", "UKR", "190", Some("2021-03-17"))],
    );
    let before = s.events(&Filter::default()).unwrap();
    let dedup_before = s.dedup_event(before[0].event_id).unwrap().unwrap();

    // Event 0 would join the existing dedup event and event 1 would open a new one; event 2
    // breaks the quad_class CHECK constraint.
    let mut bad = ev("FRA", "DEU", "040", Some("2021-03-17"));
    bad.quad_class = 7;
    let events = [
        ev("RUS", "UKR", "190", Some("2021-03-17")),
        ev("GBR", "USA", "040", Some("2021-03-17")),
        bad,
    ];
    let err = s
        .insert_article(&info("second", None), &text_hash("second"), &events)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::InsertEvent { index: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("second"), "{err}");
    assert_eq!(s.counts().unwrap(), (1, 1, 1));
    assert_eq!(
        s.dedup_event(before[0].event_id).unwrap().unwrap(),
        dedup_before
    );

    // The article was not kept: inserting it correctly now works.
    let r = s
        .insert_article(&info("second", None), &text_hash("second"), &events[..2])
        .unwrap();
    assert!(
        matches!(r, InsertOutcome::Inserted { events: 2, .. }),
        "{r:?}"
    );
    assert_eq!(s.counts().unwrap(), (2, 3, 2));
    let _ = a;
}

// ---------------------------------------------------------------- dedup

#[test]
fn dedup_merges_same_triple_within_one_day() {
    let mut s = Store::open_in_memory().unwrap();
    let a1 = add(&mut s, "a1", &[ev("RUS", "UKR", "190", Some("2021-03-17"))]);
    // One day later, another article: merges.
    add(&mut s, "a2", &[ev("RUS", "UKR", "190", Some("2021-03-18"))]);
    // One day earlier, a third article: merges (±1 day of the first mention).
    add(&mut s, "a3", &[ev("RUS", "UKR", "190", Some("2021-03-16"))]);
    assert_eq!(s.counts().unwrap(), (3, 3, 1));
    let rows = s.events(&Filter::default()).unwrap();
    let id = rows[0].event_id;
    assert!(rows.iter().all(|r| r.event_id == id));
    let de = s.dedup_event(id).unwrap().unwrap();
    assert_eq!(de.mentions, 3);
    assert_eq!(de.articles, 3);
    assert_eq!(de.first_seen_article, a1);
    assert_eq!(de.date, Some(d("2021-03-17")));
    assert_eq!(
        (de.source.as_str(), de.target.as_deref()),
        ("RUS", Some("UKR"))
    );
    assert_eq!(de.quad_class, 4);
}

#[test]
fn dedup_keeps_apart_two_days_other_code_other_pair_and_undated() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, "a1", &[ev("RUS", "UKR", "190", Some("2021-03-17"))]);
    // Two days apart: new.
    add(&mut s, "a2", &[ev("RUS", "UKR", "190", Some("2021-03-19"))]);
    // Same day, other code: new.
    add(&mut s, "a3", &[ev("RUS", "UKR", "193", Some("2021-03-17"))]);
    // Same day and code, reversed pair: new.
    add(&mut s, "a4", &[ev("UKR", "RUS", "190", Some("2021-03-17"))]);
    // Undated, twice: never merge.
    add(&mut s, "a5", &[ev("RUS", "UKR", "190", None)]);
    add(&mut s, "a6", &[ev("RUS", "UKR", "190", None)]);
    assert_eq!(s.counts().unwrap(), (6, 6, 6));
}

#[test]
fn dedup_counts_mentions_and_articles_separately() {
    let mut s = Store::open_in_memory().unwrap();
    let e = ev("ISR", "PSE", "173", Some("2021-05-10"));
    // Three mentions in one article, two in another.
    add(&mut s, "a1", &[e.clone(), e.clone(), e.clone()]);
    add(&mut s, "a2", &[e.clone(), e]);
    assert_eq!(s.counts().unwrap(), (2, 5, 1));
    let id = s.events(&Filter::default()).unwrap()[0].event_id;
    let de = s.dedup_event(id).unwrap().unwrap();
    assert_eq!((de.mentions, de.articles), (5, 2));
}

#[test]
fn dedup_picks_the_nearest_date() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, "a1", &[ev("RUS", "UKR", "190", Some("2021-03-10"))]);
    add(&mut s, "a2", &[ev("RUS", "UKR", "190", Some("2021-03-12"))]);
    // 03-11 is one day from both; equal distance → the older row. 03-12 is nearest to row 2.
    add(&mut s, "a3", &[ev("RUS", "UKR", "190", Some("2021-03-11"))]);
    add(&mut s, "a4", &[ev("RUS", "UKR", "190", Some("2021-03-12"))]);
    let rows = s.events(&Filter::default()).unwrap();
    let by_article: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (r.event.article.clone(), r.event_id))
        .collect();
    let id_of = |name: &str| by_article.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(id_of("a3"), id_of("a1"));
    assert_eq!(id_of("a4"), id_of("a2"));
    assert_ne!(id_of("a1"), id_of("a2"));
}

// ---------------------------------------------------------------- filters

/// A store with a small, varied set of events.
fn sample() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let mut attributed = ev("RUSGOV", "UKR", "111", Some("2021-03-05"));
    attributed.attribution = Some(Attribution {
        code: Some("UKRGOV".into()),
        text: "Kyiv officials".into(),
    });
    let mut negated = ev("UKR", "RUSMIL", "190", Some("2021-03-20"));
    negated.modality = Modality::Negated;
    add(
        &mut s,
        "a1",
        &[
            ev("RUS", "UKR", "190", Some("2021-03-01")),
            attributed,
            ev("USA", "CHN", "042", Some("2021-03-10")),
        ],
    );
    let mut other = info("a2", Some("https://other.test/a2"));
    other.outlet = Some("Other".into());
    s.insert_article(
        &other,
        &text_hash("a2"),
        &[
            negated,
            ev("UKR", "RUS", "036", Some("2021-04-02")),
            ev("CHN", "USA", "193", None),
        ],
    )
    .unwrap();
    s
}

fn codes(rows: &[dyad_store::StoredEvent]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "{}>{}:{}",
                r.event.source,
                r.event.target.as_deref().unwrap_or("-"),
                r.event.code
            )
        })
        .collect()
}

#[test]
fn filter_pair_one_and_both_directions() {
    let s = sample();
    let one_way = Filter {
        actor_a: Some("RUS".into()),
        actor_b: Some("UKR".into()),
        ..Default::default()
    };
    assert_eq!(
        codes(&s.events(&one_way).unwrap()),
        ["RUS>UKR:190", "RUSGOV>UKR:111"]
    );
    let both = Filter {
        both_directions: true,
        ..one_way.clone()
    };
    assert_eq!(
        codes(&s.events(&both).unwrap()),
        [
            "RUS>UKR:190",
            "RUSGOV>UKR:111",
            "UKR>RUSMIL:190",
            "UKR>RUS:036"
        ]
    );
    // Only one actor, both directions: anything involving CHN.
    let chn = Filter {
        actor_a: Some("CHN".into()),
        both_directions: true,
        ..Default::default()
    };
    assert_eq!(
        codes(&s.events(&chn).unwrap()),
        ["USA>CHN:042", "CHN>USA:193"]
    );
    // Only a target.
    let to_usa = Filter {
        actor_b: Some("USA".into()),
        ..Default::default()
    };
    assert_eq!(codes(&s.events(&to_usa).unwrap()), ["CHN>USA:193"]);
}

#[test]
fn filter_code_prefix_quad_class_and_dates() {
    let s = sample();
    let f = |f: Filter| codes(&s.events(&f).unwrap());
    assert_eq!(
        f(Filter {
            code_prefix: Some("19".into()),
            ..Default::default()
        }),
        ["RUS>UKR:190", "UKR>RUSMIL:190", "CHN>USA:193"]
    );
    // A LIKE wildcard in the filter is literal, not a wildcard.
    assert!(f(Filter {
        code_prefix: Some("1_".into()),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(
        f(Filter {
            quad_class: Some(1),
            ..Default::default()
        }),
        ["USA>CHN:042", "UKR>RUS:036"]
    );
    // Inclusive bounds; the undated event never matches a date bound.
    assert_eq!(
        f(Filter {
            from: Some(d("2021-03-05")),
            to: Some(d("2021-03-20")),
            ..Default::default()
        }),
        ["RUSGOV>UKR:111", "USA>CHN:042", "UKR>RUSMIL:190"]
    );
    assert_eq!(
        f(Filter {
            from: Some(d("2021-04-01")),
            ..Default::default()
        }),
        ["UKR>RUS:036"]
    );
}

#[test]
fn filter_attribution_outlet_modality_and_paging() {
    let s = sample();
    let f = |f: Filter| codes(&s.events(&f).unwrap());
    assert_eq!(
        f(Filter {
            attributed: Some(true),
            ..Default::default()
        }),
        ["RUSGOV>UKR:111"]
    );
    assert_eq!(
        f(Filter {
            attributed: Some(false),
            ..Default::default()
        })
        .len(),
        5
    );
    assert_eq!(
        f(Filter {
            outlet: Some("Other".into()),
            ..Default::default()
        }),
        ["UKR>RUSMIL:190", "UKR>RUS:036", "CHN>USA:193"]
    );
    assert_eq!(
        f(Filter {
            modality: Some(Modality::Negated),
            ..Default::default()
        }),
        ["UKR>RUSMIL:190"]
    );
    // Ordered by date, undated last; paging.
    let all = f(Filter::default());
    assert_eq!(all.len(), 6);
    assert_eq!(all.last().unwrap(), "CHN>USA:193");
    assert_eq!(
        f(Filter {
            limit: Some(2),
            offset: Some(1),
            ..Default::default()
        }),
        all[1..3]
    );
    // A hostile-looking value is just a value.
    assert!(f(Filter {
        actor_a: Some("RUS' OR 1=1 --".into()),
        ..Default::default()
    })
    .is_empty());
}

// ---------------------------------------------------------------- trends

#[test]
fn trend_by_month_counts_by_hand() {
    let mut s = Store::open_in_memory().unwrap();
    let mut negated = ev("RUS", "UKR", "190", Some("2021-03-09"));
    negated.modality = Modality::Negated;
    add(
        &mut s,
        "a1",
        &[
            ev("RUS", "UKR", "190", Some("2021-03-01")), // Mar a→b quad 4, -10
            ev("RUSMIL", "UKR", "173", Some("2021-03-15")), // Mar a→b quad 4, -10
            ev("RUS", "UKRGOV", "036", Some("2021-03-31")), // Mar a→b quad 1, 3.4
            ev("UKR", "RUS", "111", Some("2021-03-02")), // Mar b→a quad 3, -2
            negated,                                     // not asserted: skipped
            ev("RUS", "UKR", "190", None),               // undated: skipped
            ev("RUS", "BLR", "040", Some("2021-03-03")), // other pair: skipped
        ],
    );
    add(
        &mut s,
        "a2",
        &[
            ev("RUS", "UKR", "190", Some("2021-03-02")), // Mar a→b quad 4, -10 (same dedup as 03-01)
            ev("UKR", "RUS", "061", Some("2021-04-01")), // Apr b→a quad 2, 7
        ],
    );
    let t = s.trend("RUS", "UKR", Period::Month).unwrap();
    assert_eq!(t.len(), 3, "{t:#?}");
    assert_eq!(
        (t[0].period.as_str(), t[0].direction),
        ("2021-03", Direction::AtoB)
    );
    assert_eq!(t[0].counts, [1, 0, 0, 3]);
    assert_eq!(t[0].total(), 4);
    assert_eq!(t[0].distinct_events, 3);
    assert!(
        (t[0].goldstein_sum - (-26.6)).abs() < 1e-9,
        "{}",
        t[0].goldstein_sum
    );
    assert!((t[0].goldstein_mean - (-6.65)).abs() < 1e-9);
    assert_eq!(
        (t[1].period.as_str(), t[1].direction),
        ("2021-03", Direction::BtoA)
    );
    assert_eq!(t[1].counts, [0, 0, 1, 0]);
    assert_eq!(t[1].goldstein_sum, -2.0);
    assert_eq!(
        (t[2].period.as_str(), t[2].direction),
        ("2021-04", Direction::BtoA)
    );
    assert_eq!(t[2].counts, [0, 1, 0, 0]);
    assert_eq!(t[2].goldstein_mean, 7.0);
}

#[test]
fn trend_by_iso_week_and_day() {
    let mut s = Store::open_in_memory().unwrap();
    add(
        &mut s,
        "a1",
        &[
            ev("RUS", "UKR", "190", Some("2021-03-01")), // Monday
            ev("RUS", "UKR", "111", Some("2021-03-07")), // Sunday, same ISO week
            ev("RUS", "UKR", "111", Some("2021-03-08")), // next Monday
            ev("RUS", "UKR", "111", Some("2021-01-01")), // Friday: week of Mon 2020-12-28
        ],
    );
    let t = s.trend("RUS", "UKR", Period::Week).unwrap();
    let labels: Vec<(&str, u64)> = t.iter().map(|r| (r.period.as_str(), r.total())).collect();
    assert_eq!(
        labels,
        [("2020-12-28", 1), ("2021-03-01", 2), ("2021-03-08", 1)]
    );
    let t = s.trend("RUS", "UKR", Period::Day).unwrap();
    assert_eq!(t.len(), 4);
    assert_eq!(t[0].period, "2021-01-01");
    assert!("week".parse::<Period>().is_ok());
    assert!("fortnight".parse::<Period>().is_err());
}

// ---------------------------------------------------------------- files

#[test]
fn file_store_survives_reopening() {
    let db = TempDb::new("reopen");
    {
        let mut s = Store::open(&db.0).unwrap();
        add(&mut s, "a1", &[ev("RUS", "UKR", "190", Some("2021-03-17"))]);
    }
    let mut s = Store::open(&db.0).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.counts().unwrap(), (1, 1, 1));
    // Dedup and duplicate detection work across sessions.
    let again = s
        .insert_article(&info("a1", None), &text_hash("a1"), &[])
        .unwrap();
    assert!(matches!(again, InsertOutcome::Duplicate { .. }));
    add(&mut s, "a2", &[ev("RUS", "UKR", "190", Some("2021-03-18"))]);
    assert_eq!(s.counts().unwrap(), (2, 2, 1));
    let rows = s.events(&Filter::default()).unwrap();
    assert_eq!(rows[1].event.article, "a2");
}
