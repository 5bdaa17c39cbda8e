//! Coder fixtures: one small file per case in `tests/fixtures/*.md`. Each has an optional
//! `date:` (the article date), a `sentence:` (one or more sentences), `expect:` lines
//! (`SOURCE CODE TARGET [modality] [date=YYYY-MM-DD] [attribution=CODE]`, or `none`) that must
//! all be coded, and `forbid:` lines that must not be. `options: agent-country` codes the
//! fixture with the bare-agent country inference on (`--agent-country`).

use chrono::NaiveDate;
use dyad::Pipeline;
use dyad_core::{Article, ArticleMeta, DateSource, Event, Origin};
use std::path::Path;

fn describe(e: &Event) -> Vec<String> {
    let base = format!(
        "{} {} {}",
        e.source,
        e.code,
        e.target.as_deref().unwrap_or("-")
    );
    let modality = serde_json::to_value(e.modality)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    vec![
        base.clone(),
        format!("{base} {modality}"),
        e.date.map_or(String::new(), |d| format!("date={d}")),
        e.attribution
            .as_ref()
            .and_then(|a| a.code.clone())
            .map_or(String::new(), |c| format!("attribution={c}")),
    ]
}

/// True when event `e` satisfies the expectation `want` ("RUS 161 USA negated date=…").
fn matches(e: &Event, want: &str) -> bool {
    let d = describe(e);
    let mut words = want.split_whitespace();
    let triple: Vec<&str> = words.by_ref().take(3).collect();
    if triple.len() < 3 || d[0] != triple.join(" ") {
        return false;
    }
    words.all(|w| {
        if w.starts_with("date=") {
            d[2] == w
        } else if w.starts_with("attribution=") {
            d[3] == w
        } else {
            d[1] == format!("{} {w}", d[0])
        }
    })
}

#[test]
fn fixtures() {
    let plain = Pipeline::bundled();
    // `options: agent-country` in a fixture codes it with the bare-agent country inference.
    let mut with_country = Pipeline::bundled();
    with_country.agent_country = true;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 12, "fixtures missing");
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let field = |k: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.strip_prefix(k).map(|v| v.trim().to_string()))
                .collect()
        };
        let date = field("date:")
            .first()
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        let sentence = field("sentence:").join(" ");
        let article = Article {
            id: f.display().to_string(),
            origin: Origin::file(f.display().to_string()),
            meta: ArticleMeta {
                published: date,
                date_source: date.map(|_| DateSource::Flag),
                ..ArticleMeta::default()
            },
            text: sentence,
            raw_map: Vec::new(),
        };
        let pipeline = if field("options:")
            .iter()
            .any(|o| o.contains("agent-country"))
        {
            &with_country
        } else {
            &plain
        };
        let events = pipeline.code_article(&article);
        let got: Vec<String> = events.iter().map(|e| describe(e).join(" ")).collect();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for want in field("expect:") {
            if want == "none" {
                if !events.is_empty() {
                    failures.push(format!("{name}: expected no event, got {got:?}"));
                }
            } else if !events.iter().any(|e| matches(e, &want)) {
                failures.push(format!("{name}: missing `{want}`; got {got:?}"));
            }
        }
        for bad in field("forbid:") {
            if events.iter().any(|e| matches(e, &bad)) {
                failures.push(format!("{name}: forbidden `{bad}` was coded"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
