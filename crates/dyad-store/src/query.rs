//! Reading events back: filtered event rows ([`Store::events`]) and per-period trends between
//! two actors ([`Store::trend`]). Every query is parameterized SQL; user values never become SQL
//! text.
//!
//! Actor filters match by prefix: "RUS" matches `RUS`, `RUSGOV`, `RUSMIL`… (SQL `LIKE`, so ASCII
//! letters match case-insensitively; `%`, `_` and `\` in a filter are matched literally).
//!
//! Trends count event rows (mentions, not dedup events) whose modality is `asserted` and whose
//! date is known: negated, hypothetical and future events did not happen (yet), and an
//! undated event has no period. A story reported by three articles counts three times in
//! `counts`, once in `distinct_events`.

use crate::error::{Result, StoreError};
use crate::store::{modality_from_str, modality_str, parse_opt_date, quad_from_sql, Store};
use chrono::NaiveDate;
use dyad_core::{Attribution, Event, Modality, Span};
use rusqlite::types::Value;
use rusqlite::Row;

/// Which events [`Store::events`] returns. Every `None` (or `false`) field matches everything;
/// the set fields must all match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Source actor code prefix (with `both_directions`: either actor).
    pub actor_a: Option<String>,
    /// Target actor code prefix (with `both_directions`: the other actor).
    pub actor_b: Option<String>,
    /// Match (a → b) or (b → a) instead of only (a → b).
    pub both_directions: bool,
    /// CAMEO event code prefix: "19" matches 19, 190, 193…
    pub code_prefix: Option<String>,
    /// Quad class 1–4.
    pub quad_class: Option<u8>,
    /// Earliest event date, inclusive. Undated events never match a date bound.
    pub from: Option<NaiveDate>,
    /// Latest event date, inclusive.
    pub to: Option<NaiveDate>,
    /// The article's outlet, exactly.
    pub outlet: Option<String>,
    pub modality: Option<Modality>,
    /// `Some(true)`: only reported speech with an attribution; `Some(false)`: only without.
    pub attributed: Option<bool>,
    /// At most this many rows (ordered by date, undated last, then storage order).
    pub limit: Option<u32>,
    /// Skip this many rows first.
    pub offset: Option<u32>,
}

/// An event as stored: its row id, its article and its dedup event, and the event record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// Row id in `events`.
    pub id: i64,
    pub article_id: i64,
    /// Row id in `dedup_events`: the real-world event this mention belongs to.
    pub event_id: i64,
    pub event: Event,
}

/// Period of a trend row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Labelled `YYYY-MM-DD`.
    Day,
    /// ISO week (Monday to Sunday), labelled by its Monday, `YYYY-MM-DD`.
    Week,
    /// Labelled `YYYY-MM`.
    Month,
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(format!(
                "unknown period {s:?} (expected day, week or month)"
            )),
        }
    }
}

/// Direction of a trend row between the actors `a` and `b` of [`Store::trend`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    AtoB,
    BtoA,
}

/// Asserted events of one period in one direction.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow {
    /// Period label (see [`Period`]).
    pub period: String,
    pub direction: Direction,
    /// Event rows of quad class 1, 2, 3, 4 (index 0 is quad class 1).
    pub counts: [u64; 4],
    /// Number of distinct dedup events among those rows.
    pub distinct_events: u64,
    pub goldstein_sum: f64,
    /// `goldstein_sum` divided by the number of rows.
    pub goldstein_mean: f64,
}

impl TrendRow {
    /// Number of event rows in this period and direction.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// `LIKE` pattern matching strings that start with `prefix`, escaped with `\`.
fn prefix_pattern(prefix: &str) -> String {
    let mut p = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// SQL condition "source matches a and target matches b" (a `None` side matches anything),
/// pushing its parameters.
fn direction_sql(a: Option<&str>, b: Option<&str>, args: &mut Vec<Value>) -> String {
    let mut parts = Vec::new();
    if let Some(a) = a {
        parts.push("e.source LIKE ? ESCAPE '\\'");
        args.push(Value::Text(prefix_pattern(a)));
    }
    if let Some(b) = b {
        parts.push("e.target LIKE ? ESCAPE '\\'");
        args.push(Value::Text(prefix_pattern(b)));
    }
    if parts.is_empty() {
        "1".to_string()
    } else {
        format!("({})", parts.join(" AND "))
    }
}

const EVENT_COLUMNS: &str = "e.id, e.article_id, e.event_id, e.schema_version, a.name, \
     a.outlet, a.url, a.published, e.date, e.date_precision, e.source, e.source_text, e.target, \
     e.target_text, e.code, e.root_code, e.event_name, e.quad_class, e.goldstein, e.plover, \
     e.sentence, e.sentence_index, e.span_start, e.span_end, e.verb_text, e.modality, \
     e.attribution_code, e.attribution_text, e.rule, e.source_rules, e.target_rules";

/// The raw columns of one event row, read before conversion (conversions can fail with our
/// own error type, which `query_map`'s closure cannot return).
struct RawRow {
    id: i64,
    article_id: i64,
    event_id: i64,
    schema_version: i64,
    article: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    date: Option<String>,
    date_precision: Option<String>,
    source: String,
    source_text: String,
    target: Option<String>,
    target_text: Option<String>,
    code: String,
    root_code: String,
    event_name: String,
    quad_class: i64,
    goldstein: f64,
    plover: Option<String>,
    sentence: String,
    sentence_index: i64,
    span_start: i64,
    span_end: i64,
    verb_text: String,
    modality: String,
    attribution_code: Option<String>,
    attribution_text: Option<String>,
    rule: String,
    source_rules: String,
    target_rules: String,
}

impl RawRow {
    fn read(r: &Row<'_>) -> rusqlite::Result<RawRow> {
        Ok(RawRow {
            id: r.get(0)?,
            article_id: r.get(1)?,
            event_id: r.get(2)?,
            schema_version: r.get(3)?,
            article: r.get(4)?,
            outlet: r.get(5)?,
            url: r.get(6)?,
            published: r.get(7)?,
            date: r.get(8)?,
            date_precision: r.get(9)?,
            source: r.get(10)?,
            source_text: r.get(11)?,
            target: r.get(12)?,
            target_text: r.get(13)?,
            code: r.get(14)?,
            root_code: r.get(15)?,
            event_name: r.get(16)?,
            quad_class: r.get(17)?,
            goldstein: r.get(18)?,
            plover: r.get(19)?,
            sentence: r.get(20)?,
            sentence_index: r.get(21)?,
            span_start: r.get(22)?,
            span_end: r.get(23)?,
            verb_text: r.get(24)?,
            modality: r.get(25)?,
            attribution_code: r.get(26)?,
            attribution_text: r.get(27)?,
            rule: r.get(28)?,
            source_rules: r.get(29)?,
            target_rules: r.get(30)?,
        })
    }

    fn into_stored(self) -> Result<StoredEvent> {
        let id = self.id;
        let corrupt = |field: &'static str, value: String| StoreError::Corrupt { id, field, value };
        let index = |field: &'static str, v: i64| {
            usize::try_from(v).map_err(|_| corrupt(field, v.to_string()))
        };
        let rules = |field: &'static str, s: String| {
            serde_json::from_str::<Vec<String>>(&s).map_err(|_| corrupt(field, s))
        };
        let attribution = self.attribution_text.map(|text| Attribution {
            code: self.attribution_code,
            text,
        });
        let event = Event {
            schema_version: u32::try_from(self.schema_version)
                .map_err(|_| corrupt("schema_version", self.schema_version.to_string()))?,
            article: self.article,
            outlet: self.outlet,
            url: self.url,
            article_date: parse_opt_date(id, "published", self.published)?,
            date: parse_opt_date(id, "date", self.date)?,
            date_precision: self.date_precision,
            source: self.source,
            source_text: self.source_text,
            target: self.target,
            target_text: self.target_text,
            code: self.code,
            root_code: self.root_code,
            event_name: self.event_name,
            quad_class: quad_from_sql(id, self.quad_class)?,
            goldstein: self.goldstein as f32,
            plover: self.plover,
            sentence: self.sentence,
            sentence_index: index("sentence_index", self.sentence_index)?,
            span: Span::new(
                index("span_start", self.span_start)?,
                index("span_end", self.span_end)?,
            ),
            verb_text: self.verb_text,
            modality: modality_from_str(id, self.modality)?,
            attribution,
            rule: self.rule,
            source_rules: rules("source_rules", self.source_rules)?,
            target_rules: rules("target_rules", self.target_rules)?,
        };
        Ok(StoredEvent {
            id,
            article_id: self.article_id,
            event_id: self.event_id,
            event,
        })
    }
}

impl Store {
    /// Event rows matching `filter`, ordered by date (undated last), then storage order.
    pub fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        let mut args: Vec<Value> = Vec::new();
        let mut conds: Vec<String> = Vec::new();
        let (a, b) = (filter.actor_a.as_deref(), filter.actor_b.as_deref());
        if a.is_some() || b.is_some() {
            let forward = direction_sql(a, b, &mut args);
            if filter.both_directions {
                let backward = direction_sql(b, a, &mut args);
                conds.push(format!("({forward} OR {backward})"));
            } else {
                conds.push(forward);
            }
        }
        if let Some(p) = &filter.code_prefix {
            conds.push("e.code LIKE ? ESCAPE '\\'".into());
            args.push(Value::Text(prefix_pattern(p)));
        }
        if let Some(q) = filter.quad_class {
            conds.push("e.quad_class = ?".into());
            args.push(Value::Integer(i64::from(q)));
        }
        if let Some(d) = filter.from {
            conds.push("e.date >= ?".into());
            args.push(Value::Text(crate::store::fmt_date(d)));
        }
        if let Some(d) = filter.to {
            conds.push("e.date <= ?".into());
            args.push(Value::Text(crate::store::fmt_date(d)));
        }
        if let Some(o) = &filter.outlet {
            conds.push("a.outlet = ?".into());
            args.push(Value::Text(o.clone()));
        }
        if let Some(m) = filter.modality {
            conds.push("e.modality = ?".into());
            args.push(Value::Text(modality_str(m).into()));
        }
        match filter.attributed {
            Some(true) => conds.push("e.attribution_text IS NOT NULL".into()),
            Some(false) => conds.push("e.attribution_text IS NULL".into()),
            None => {}
        }
        let where_sql = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        // LIMIT -1 is SQLite for "no limit".
        args.push(Value::Integer(filter.limit.map_or(-1, i64::from)));
        args.push(Value::Integer(filter.offset.map_or(0, i64::from)));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
             {where_sql}
             ORDER BY e.date IS NULL, e.date, e.id
             LIMIT ? OFFSET ?"
        );
        let mut st = self.conn.prepare(&sql)?;
        let raws = st
            .query_map(rusqlite::params_from_iter(args), RawRow::read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raws.into_iter().map(RawRow::into_stored).collect()
    }

    /// Asserted, dated event rows between actors `a` and `b` (code prefixes), per period and
    /// direction, ordered by period then direction. Periods without events are absent. An
    /// event that matches both directions (overlapping prefixes) counts as a → b.
    pub fn trend(&self, a: &str, b: &str, by: Period) -> Result<Vec<TrendRow>> {
        let period_sql = match by {
            Period::Day => "e.date",
            // strftime('%w'): 0 = Sunday … 6 = Saturday; step back to the Monday.
            Period::Week => "date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')",
            Period::Month => "substr(e.date, 1, 7)",
        };
        let sql = format!(
            "SELECT period, dir,
                    sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3),
                    sum(quad_class = 4), count(DISTINCT event_id), sum(goldstein), count(*)
             FROM (
                SELECT {period_sql} AS period,
                       CASE WHEN e.source LIKE ?1 ESCAPE '\\' AND e.target LIKE ?2 ESCAPE '\\'
                            THEN 0 ELSE 1 END AS dir,
                       e.quad_class, e.goldstein, e.event_id
                FROM events e
                WHERE e.modality = 'asserted' AND e.date IS NOT NULL
                  AND ((e.source LIKE ?1 ESCAPE '\\' AND e.target LIKE ?2 ESCAPE '\\')
                    OR (e.source LIKE ?2 ESCAPE '\\' AND e.target LIKE ?1 ESCAPE '\\'))
             )
             GROUP BY period, dir
             ORDER BY period, dir"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([prefix_pattern(a), prefix_pattern(b)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                [
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                ],
                r.get::<_, i64>(6)?,
                r.get::<_, f64>(7)?,
                r.get::<_, i64>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (period, dir, counts, distinct, sum, n) = row?;
            let nonneg = |v: i64| u64::try_from(v).unwrap_or(0);
            out.push(TrendRow {
                period,
                direction: if dir == 0 {
                    Direction::AtoB
                } else {
                    Direction::BtoA
                },
                counts: counts.map(nonneg),
                distinct_events: nonneg(distinct),
                goldstein_sum: sum,
                goldstein_mean: if n > 0 { sum / n as f64 } else { 0.0 },
            });
        }
        Ok(out)
    }
}
