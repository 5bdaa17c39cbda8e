//! End-to-end coding of single sentences and short articles through the bundled dictionaries.

use chrono::NaiveDate;
use dyad::Pipeline;
use dyad_core::{Article, ArticleMeta, DateSource, Event, Modality, Origin};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::bundled)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn code(text: &str, date: Option<&str>) -> Vec<Event> {
    let published = date.map(d);
    let article = Article {
        id: "test".into(),
        origin: Origin::file("test"),
        meta: ArticleMeta {
            published,
            date_source: published.map(|_| DateSource::Flag),
            ..ArticleMeta::default()
        },
        text: text.to_string(),
        raw_map: Vec::new(),
    };
    pipeline().code_article(&article)
}

fn show(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source,
                e.code,
                e.target.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn bundled_dictionaries_load_cleanly() {
    let p = pipeline();
    let msgs: Vec<String> = p.diagnostics.iter().map(ToString::to_string).collect();
    assert!(msgs.is_empty(), "{msgs:#?}");
    assert!(p.actors.actors.entries.len() > 300);
    assert!(p.verbs.patterns.len() > 200);
    // No bundled pattern is unreachable (what `dyad dict check` warns about).
    let shadowed: Vec<String> = (0..p.verbs.patterns.len())
        .filter(|&i| p.verbs.shadowed_by(i).is_some())
        .map(|i| p.verbs.patterns[i].rule.to_string())
        .collect();
    assert!(shadowed.is_empty(), "{shadowed:?}");
}

#[test]
fn envoy_recall_with_relative_date() {
    let ev = code(
        "Russia recalled its ambassador to Washington on Wednesday.",
        Some("2021-03-18"),
    );
    let e = ev
        .iter()
        .find(|e| e.code == "161")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert!(e.source.starts_with("RUS"), "{}", e.source);
    assert_eq!(e.target.as_deref(), Some("USA"));
    assert_eq!(e.date, Some(d("2021-03-17")));
    assert_eq!(e.date_precision.as_deref(), Some("day"));
    assert_eq!(e.modality, Modality::Asserted);
    assert!(e.rule.starts_with("dicts/verbs/cameo.txt:"), "{}", e.rule);
    assert_eq!(
        e.sentence,
        "Russia recalled its ambassador to Washington on Wednesday."
    );
}

#[test]
fn sanctions_between_capitals() {
    let ev = code("Washington imposed new sanctions on Moscow.", None);
    let e = ev
        .iter()
        .find(|e| e.code == "163")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert!(e.source.starts_with("USA"), "{}", e.source);
    assert!(e.target.as_deref().unwrap_or("").starts_with("RUS"));
    assert_eq!(e.date, None);
}

#[test]
fn ministers_meet() {
    let ev = code(
        "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Mike Pompeo in Sochi.",
        Some("2019-05-14"),
    );
    let e = ev
        .iter()
        .find(|e| e.root_code == "04")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    let pair = [e.source.as_str(), e.target.as_deref().unwrap_or("")];
    assert!(pair.iter().any(|c| c.starts_with("RUS")), "{pair:?}");
    assert!(pair.iter().any(|c| c.starts_with("USA")), "{pair:?}");
    assert_eq!(e.source, "RUSGOV");
    assert_eq!(e.target.as_deref(), Some("USAGOV"));
    assert_eq!(e.date, Some(d("2019-05-14")));
    // Sochi is where they met, not an actor.
    assert!(ev
        .iter()
        .all(|e| !e.target_text.as_deref().unwrap_or("").contains("Sochi")));
}

#[test]
fn passive_voice_takes_the_agent_as_source() {
    let ev = code(
        "New sanctions were imposed on Russia by the United States.",
        None,
    );
    assert!(
        show(&ev).contains(&"USA 163 RUS".to_string()),
        "{:?}",
        show(&ev)
    );
}

#[test]
fn negation_and_future_are_marked() {
    let ev = code("Moscow did not expel any American diplomats.", None);
    assert!(!ev.is_empty(), "no event");
    assert!(ev.iter().all(|e| e.modality == Modality::Negated), "{ev:?}");
    let ev = code("Biden will meet Putin in Geneva.", Some("2021-06-01"));
    // What an actor says it will do is coded as CAMEO's intent (036 "express intent to meet"),
    // with the modality saying the meeting itself is still to come.
    let e = ev.iter().find(|e| e.code == "036").expect("intent to meet");
    assert_eq!(e.modality, Modality::Future);
    assert!(e.rule.contains("dicts/verbs/moods.txt:"), "{}", e.rule);
    assert_eq!(e.source, "USAGOV");
    assert_eq!(e.target.as_deref(), Some("RUSGOV"));
    let ev = code(
        "If Russia invades Ukraine, the United States would impose sanctions on Moscow.",
        None,
    );
    assert!(
        ev.iter().all(|e| e.modality == Modality::Hypothetical),
        "{ev:?}"
    );
}

#[test]
fn reported_speech_is_attributed() {
    let ev = code(
        "The Kremlin said Washington had imposed sanctions on Russia.",
        None,
    );
    let e = ev
        .iter()
        .find(|e| e.code == "163")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert!(e.source.starts_with("USA"));
    let a = e.attribution.as_ref().expect("attribution");
    assert_eq!(a.code.as_deref(), Some("RUSGOV"));
    let ev = code(
        "“We will expel the American ambassador,” Lavrov told reporters.",
        Some("2021-04-15"),
    );
    let e = ev.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(
        e.attribution.as_ref().and_then(|a| a.code.as_deref()),
        Some("RUSGOV")
    );
}

#[test]
fn dated_roles_change_the_code() {
    // Pompeo was CIA director in 2017 and Secretary of State in 2019.
    let ev = code("Mike Pompeo met Sergei Lavrov.", Some("2019-05-14"));
    assert_eq!(show(&ev), vec!["USAGOV 040 RUSGOV"]);
    let ev = code("Mike Pompeo met Sergei Lavrov.", Some("2017-06-01"));
    assert_eq!(ev.first().map(|e| e.source.as_str()), Some("USASPY"));
}

#[test]
fn one_event_per_sentence_source_target_code() {
    let ev = code(
        "Russia criticized and condemned the United States, criticizing the United States.",
        None,
    );
    let n = ev.iter().filter(|e| e.code == "111").count();
    assert!(n <= 1, "{:?}", show(&ev));
}

#[test]
fn roles_come_from_the_parse() {
    // Conjoined subjects act on each other in a meeting.
    let ev = code(
        "Barack Obama and Vladimir Putin met in Zurich.",
        Some("2015-06-01"),
    );
    let got = show(&ev);
    assert!(got.contains(&"USAGOV 040 RUSGOV".to_string()), "{got:?}");
    assert!(got.contains(&"RUSGOV 040 USAGOV".to_string()), "{got:?}");
    // Conjoined subjects of a one-way event each get it.
    let ev = code("Russia and China condemned the United States.", None);
    let got = show(&ev);
    assert!(got.contains(&"RUS 111 USA".to_string()), "{got:?}");
    assert!(got.contains(&"CHN 111 USA".to_string()), "{got:?}");
    // The subject is the source even far from the verb; an actor in between is not.
    let ev = code(
        "The report, which Russia dismissed, accused China of espionage.",
        None,
    );
    assert!(
        ev.iter().all(|e| e.source != "RUS" || e.code != "112"),
        "{:?}",
        show(&ev)
    );
}

#[test]
fn pronouns_resolve_to_earlier_actors() {
    let ev = code(
        "Russian President Vladimir Putin arrived in Beijing on Monday. He criticized the United States.",
        Some("2023-03-20"),
    );
    let e = ev
        .iter()
        .find(|e| e.code == "111")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert_eq!(e.source, "RUSGOV");
    assert_eq!(e.source_text, "He");
    assert_eq!(e.target.as_deref(), Some("USA"));
}

#[test]
fn modality_from_the_parse() {
    let ev = code(
        "Peskov said Biden clearly did not want to improve relations with Russia.",
        Some("2021-03-18"),
    );
    // "did not want to improve relations": a refusal (120), reported by Peskov; no 05x
    // cooperation event is coded as if it happened.
    assert!(!ev.iter().any(|e| e.root_code == "05"), "{:?}", show(&ev));
    let e = ev
        .iter()
        .find(|e| e.code == "120")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert_eq!(e.modality, Modality::Asserted);
    assert_eq!(
        e.attribution.as_ref().and_then(|a| a.code.as_deref()),
        Some("RUSGOV")
    );
    let ev = code("Russia plans to expel ten American diplomats.", None);
    let e = ev.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(e.modality, Modality::Future);
    // A punitive act announced for later is a threat: 1313 "threaten to reduce or break
    // relations", not 161 as if the diplomats were already expelled.
    assert_eq!(e.code, "1313");
    // A decision taken is not a threat.
    let ev = code("The EU decided to impose sanctions on Russia.", None);
    assert!(ev.iter().any(|e| e.code == "163"), "{:?}", show(&ev));
    // "said he would not …": the speaker refuses (12x); the pronoun is the speaker.
    let ev = code(
        "Obama said he would not provide support to Israel.",
        Some("2014-05-01"),
    );
    assert!(
        show(&ev).contains(&"USAGOV 121 ISR".to_string()),
        "{:?}",
        show(&ev)
    );
    // The refusal happened: its negation is in the code, so it is asserted.
    assert!(
        ev.iter().all(|e| e.modality == Modality::Asserted),
        "{ev:?}"
    );
    let ev = code("Moscow did not reject the proposal.", None);
    assert!(ev.iter().all(|e| e.modality == Modality::Negated), "{ev:?}");
    // "said it would release": intent to release (0353), future.
    let ev = code("Russia said it would release the Ukrainian sailors.", None);
    let e = ev
        .iter()
        .find(|e| e.code == "0353")
        .unwrap_or_else(|| panic!("{:?}", show(&ev)));
    assert_eq!(e.modality, Modality::Future);
    // "China must drop barriers", declared by Washington: a demand on China.
    let ev = code(
        "Washington declared on Tuesday that China must drop its trade barriers.",
        None,
    );
    assert!(
        show(&ev).contains(&"USA 100 CHN".to_string()),
        "{:?}",
        show(&ev)
    );
}

#[test]
fn a_speakers_statement_comes_before_what_it_reports() {
    // The claim of responsibility is what the sentence reports as done; the attack is the
    // speaker's word. First-event readers (category accuracy, dashboards) see the claim.
    let ev = code(
        "The Houthis claimed that they had attacked the Saudi airport.",
        None,
    );
    let codes: Vec<&str> = ev.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes.first().copied(), Some("015"), "{:?}", show(&ev));
    assert!(codes.contains(&"190"), "{:?}", show(&ev));
}
