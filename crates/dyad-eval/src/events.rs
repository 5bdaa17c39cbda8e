//! Event-coding gold sets and their scorer. Readers for the PETRARCH-style XML validation files
//! (PETR-2 GSR validation, PETRARCH-2 unit tests) and the PLOVER GSR JSON; scores of exact
//! (source, target, code) triples, of root codes, of country-only actors, a root-code confusion
//! table, per-case rows, and PLOVER category accuracy.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// One coded event as a triple of strings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// One gold case: a sentence (or short text), its date and the events it should yield.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCase {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    pub events: Vec<Triple>,
    /// PLOVER category, for PLOVER gold sets (no CAMEO triple then).
    pub plover: Option<String>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let start = tag.find(&pat)? + pat.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads a PETRARCH-style validation file. Lenient: it looks for `<Sentence …>`,
/// `<EventCoding …>` and `<Text>…</Text>` in order, as the files are not strict XML.
pub fn read_petr_xml(text: &str) -> Vec<GoldCase> {
    let mut out: Vec<GoldCase> = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find('<') {
        rest = &rest[p..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        if tag.starts_with("<Sentence ") {
            let date = attr(tag, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok());
            out.push(GoldCase {
                id: attr(tag, "id").unwrap_or_default(),
                category: attr(tag, "category").unwrap_or_default(),
                date,
                text: String::new(),
                events: Vec::new(),
                plover: None,
            });
        } else if tag.starts_with("<EventCoding") {
            if let Some(case) = out.last_mut() {
                if let (Some(s), Some(t), Some(c)) = (
                    attr(tag, "sourcecode"),
                    attr(tag, "targetcode"),
                    attr(tag, "eventcode"),
                ) {
                    case.events.push(Triple {
                        source: s,
                        target: t,
                        code: c,
                    });
                }
            }
        } else if tag == "<Text>" {
            let body = &rest[end + 1..];
            if let (Some(close), Some(case)) = (body.find("</Text>"), out.last_mut()) {
                let t = body[..close]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                case.text = unescape(&t);
            }
        }
        rest = &rest[end + 1..];
    }
    out.retain(|c| !c.text.is_empty());
    out
}

/// PLOVER categories renamed or merged between the GSR's PLOVER 0.5b1 and the 2021
/// CAMEO→PLOVER table (which maps CAMEO 09x, investigate, to ACCUSE with mode `investigate`).
pub fn plover_2021(category: &str) -> &str {
    match category {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        "INVESTIGATE" => "ACCUSE",
        c => c,
    }
}

/// Country codes of the PLOVER GSR that are older spellings of the codes dyad and CAMEO 1.1b3
/// use for the same country.
const PLOVER_LEGACY_CODES: &[(&str, &str)] = &[("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM")];

/// Reads the PLOVER GSR (a JSON array; the first object describes the document). Each record
/// becomes a case whose `plover` is its category (in 2021 names) and whose events are the
/// (source, target, category) triples of its actors: every source with every target, and,
/// when the record lists several sources and no target (actors marked `SRC/TAR`, "Israel and
/// the Palestinians reached a consensus"), every source with every other source.
pub fn read_plover_json(text: &str) -> Result<Vec<GoldCase>, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let arr = v.as_array().ok_or("expected a JSON array")?;
    let codes = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|a| a["code"].as_str())
                    .map(|c| {
                        PLOVER_LEGACY_CODES
                            .iter()
                            .find(|(old, _)| *old == c)
                            .map_or(c, |(_, new)| new)
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for r in arr {
        let (Some(id), Some(text), Some(event)) =
            (r["id"].as_str(), r["text"].as_str(), r["event"].as_str())
        else {
            continue;
        };
        let category = plover_2021(event).to_string();
        let (sources, targets) = (codes(&r["source"]), codes(&r["target"]));
        let triple = |s: &str, t: &str| Triple {
            source: s.to_string(),
            target: t.to_string(),
            code: category.clone(),
        };
        let mut events = Vec::new();
        if targets.is_empty() && sources.len() > 1 {
            for (i, s) in sources.iter().enumerate() {
                for (j, t) in sources.iter().enumerate() {
                    if i != j {
                        events.push(triple(s, t));
                    }
                }
            }
        } else {
            let sources = if sources.is_empty() {
                vec![String::new()]
            } else {
                sources
            };
            let targets = if targets.is_empty() {
                vec![String::new()]
            } else {
                targets
            };
            for s in &sources {
                for t in &targets {
                    events.push(triple(s, t));
                }
            }
        }
        out.push(GoldCase {
            id: id.to_string(),
            category: category.clone(),
            date: None,
            text: text.to_string(),
            events,
            plover: Some(category),
        });
    }
    Ok(out)
}

/// Reads ConfliBERT's CAMEO sentence classes (`sentence<TAB>label`, label 0–4 as in
/// Phoenix: 0 = CAMEO 01–02, 1 = 03–05, 2 = 06–08, 3 = 09–13 and 16, 4 = 14–15 and 17–20). The class goes
/// to `plover` as `PENTA:n`; there are no triples.
pub fn read_penta_tsv(text: &str) -> Vec<GoldCase> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let (sent, label) = l.trim_end_matches('\r').rsplit_once('\t')?;
            let n: u8 = label.trim().parse().ok().filter(|n| *n <= 4)?;
            Some(GoldCase {
                id: format!("line{}", i + 1),
                category: format!("PENTA:{n}"),
                date: None,
                text: sent.to_string(),
                events: Vec::new(),
                plover: Some(format!("PENTA:{n}")),
            })
        })
        .collect()
}

/// The Phoenix five-way class of a CAMEO root code, as `PENTA:n`.
pub fn penta(root: &str) -> Option<String> {
    let r: u8 = root.parse().ok()?;
    let n = match r {
        1..=2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        // Phoenix's table (`phoenix_quadclass.tsv`) puts 16 (reduce relations: sanctions,
        // expulsions) with verbal conflict, and ConfliBERT's labels follow it (44 of 48
        // training sentences with "imposed sanctions", "expelled", "severed", "suspended").
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => return None,
    };
    Some(format!("PENTA:{n}"))
}

/// Whether a gold case belongs to the development half of its set (FNV-1a hash of the case id
/// is even). The other half is the test half: errors are studied and rules tuned on the
/// development half only, and figures are reported for both.
pub fn in_dev_half(id: &str) -> bool {
    dyad_core::fnv::fnv1a64(id.as_bytes()).is_multiple_of(2)
}

/// Share of cases whose category equals the category of the system's first event
/// (`predicted[i]` is `None` when the system coded nothing).
pub fn category_accuracy(gold: &[GoldCase], predicted: &[Option<String>]) -> f64 {
    let n = gold.len().min(predicted.len());
    if n == 0 {
        return 0.0;
    }
    let ok = gold
        .iter()
        .zip(predicted)
        .filter(|(g, p)| g.plover.is_some() && g.plover.as_deref() == p.as_deref())
        .count();
    ok as f64 / n as f64
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(tp: usize, sys: usize, gold: usize) -> Prf {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf {
        precision: p,
        recall: r,
        f1: f,
    }
}

/// Multiset overlap of two triple lists under a projection.
fn overlap(gold: &[Triple], sys: &[Triple], key: impl Fn(&Triple) -> Triple) -> usize {
    let mut g: BTreeMap<Triple, usize> = BTreeMap::new();
    for t in gold {
        *g.entry(key(t)).or_default() += 1;
    }
    let mut n = 0;
    for t in sys {
        if let Some(c) = g.get_mut(&key(t)) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

fn root(code: &str) -> String {
    code.get(..2).unwrap_or(code).to_string()
}

fn country(actor: &str) -> String {
    actor.get(..3).unwrap_or(actor).to_string()
}

/// The scores of a run over a gold set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EventScores {
    pub cases: usize,
    pub gold_events: usize,
    pub system_events: usize,
    /// Exact (source, target, code).
    pub triple: Prf,
    /// (source, target, root code).
    pub root: Prf,
    /// (source country, target country, code), actors cut to their first three letters.
    pub country: Prf,
    /// Root code of gold vs system, for gold events matched on (source, target) country:
    /// `confusion[gold_root][system_root]`, with "-" for a gold event the system missed.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Cases with no gold event where the system coded none.
    pub correct_empty: usize,
    pub empty_cases: usize,
}

/// Scores system triples (one list per case, same order as `gold`).
pub fn score(gold: &[GoldCase], sys: &[Vec<Triple>]) -> EventScores {
    let mut s = EventScores {
        cases: gold.len(),
        ..EventScores::default()
    };
    let (mut tp, mut tr, mut tc) = (0, 0, 0);
    for (g, y) in gold.iter().zip(sys) {
        s.gold_events += g.events.len();
        s.system_events += y.len();
        tp += overlap(&g.events, y, Clone::clone);
        tr += overlap(&g.events, y, |t| Triple {
            code: root(&t.code),
            ..t.clone()
        });
        tc += overlap(&g.events, y, |t| Triple {
            source: country(&t.source),
            target: country(&t.target),
            code: t.code.clone(),
        });
        if g.events.is_empty() {
            s.empty_cases += 1;
            s.correct_empty += y.is_empty() as usize;
        }
        for ge in &g.events {
            let pair = (country(&ge.source), country(&ge.target));
            let sys_root = y
                .iter()
                .find(|t| (country(&t.source), country(&t.target)) == pair)
                .map_or("-".to_string(), |t| root(&t.code));
            *s.confusion
                .entry(root(&ge.code))
                .or_default()
                .entry(sys_root)
                .or_default() += 1;
        }
    }
    s.triple = prf(tp, s.system_events, s.gold_events);
    s.root = prf(tr, s.system_events, s.gold_events);
    s.country = prf(tc, s.system_events, s.gold_events);
    s
}

/// Why gold events were missed, counted over a set (see [`missed`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Missed {
    /// Gold events not matched exactly.
    pub total: usize,
    /// The system coded nothing at all in the case.
    pub no_event: usize,
    /// The system coded the event's kind from its source but found no target.
    pub no_target: usize,
    /// The system coded the same (source, target) countries with another code.
    pub wrong_code: usize,
    /// The system coded the same kind of event between other actors (or other agent codes).
    pub wrong_actors: usize,
    /// The system coded only unrelated events.
    pub other: usize,
}

/// Classifies each gold event that `scored` (the triples that were scored) does not match
/// exactly, by the closest of `all` (every system event of the case, one-sided ones with an
/// empty target). `by_root` compares kinds of event by root code (CAMEO codes); otherwise
/// codes are compared whole (PLOVER categories).
pub fn missed(
    gold: &[GoldCase],
    scored: &[Vec<Triple>],
    all: &[Vec<Triple>],
    by_root: bool,
) -> Missed {
    let kind = |c: &str| if by_root { root(c) } else { c.to_string() };
    let mut m = Missed::default();
    for ((g, y), a) in gold.iter().zip(scored).zip(all) {
        let mut left: Vec<&Triple> = y.iter().collect();
        for ge in &g.events {
            if let Some(i) = left.iter().position(|t| *t == ge) {
                left.remove(i);
                continue;
            }
            m.total += 1;
            let src = country(&ge.source);
            let pair = (src.clone(), country(&ge.target));
            if a.is_empty() {
                m.no_event += 1;
            } else if a.iter().any(|t| {
                t.target.is_empty() && country(&t.source) == src && kind(&t.code) == kind(&ge.code)
            }) {
                m.no_target += 1;
            } else if a
                .iter()
                .any(|t| (country(&t.source), country(&t.target)) == pair)
            {
                m.wrong_code += 1;
            } else if a.iter().any(|t| kind(&t.code) == kind(&ge.code)) {
                m.wrong_actors += 1;
            } else {
                m.other += 1;
            }
        }
    }
    m
}

/// One TSV row per case: id, category, gold triples, system triples, exact matches.
pub fn case_rows(gold: &[GoldCase], sys: &[Vec<Triple>]) -> Vec<String> {
    let fmt = |v: &[Triple]| {
        v.iter()
            .map(|t| format!("{} {} {}", t.source, t.code, t.target))
            .collect::<Vec<_>>()
            .join("; ")
    };
    gold.iter()
        .zip(sys)
        .map(|(g, y)| {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                g.id,
                g.category,
                fmt(&g.events),
                fmt(y),
                overlap(&g.events, y, Clone::clone),
                g.text.replace('\t', " ")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str) -> Triple {
        let mut w = s.split(' ');
        Triple {
            source: w.next().unwrap_or_default().to_string(),
            code: w.next().unwrap_or_default().to_string(),
            target: w.next().unwrap_or_default().to_string(),
        }
    }

    #[test]
    fn misses_are_classified_by_the_closest_system_event() {
        let case = |events: &[&str]| GoldCase {
            id: "x".into(),
            category: String::new(),
            date: None,
            text: String::new(),
            events: events.iter().map(|e| tr(e)).collect(),
            plover: None,
        };
        let gold = vec![
            case(&["USA 042 CHN"]),
            case(&["RUS 161 USA"]),
            case(&["ISR 190 PSE"]),
            case(&["SYRMIL 190 SYRREB"]),
            case(&["IRN 111 USA"]),
            case(&["FRA 057 DEU"]),
            case(&["GBR 036 IND"]),
            case(&["EGY 111 ISR"]),
        ];
        let all = vec![
            vec![tr("USA 042 CHN")],
            vec![tr("RUS 1614 ")],
            vec![tr("ISR 111 PSE")],
            vec![tr("SYRMIL 193 SYRCVL")],
            vec![],
            vec![tr("FRA 010 ")],
            vec![],
            vec![tr("EGY 111 USA")],
        ];
        let scored: Vec<Vec<Triple>> = all
            .iter()
            .map(|v| v.iter().filter(|x| !x.target.is_empty()).cloned().collect())
            .collect();
        let m = missed(&gold, &scored, &all, true);
        assert_eq!(
            m,
            Missed {
                total: 7,
                no_event: 2,
                no_target: 1,
                wrong_code: 2,
                wrong_actors: 1,
                other: 1,
            }
        );
        // By whole codes, RUS 1614 is not the kind of RUS 161 USA.
        let whole = missed(&gold, &scored, &all, false);
        assert_eq!((whole.no_target, whole.other), (0, 2));
    }

    const XML: &str = r#"<Sentences>
<Sentence category="GOLD" date="20150609" id="G1" evaluate="true"/>
<EventCoding eventcode="195" sourcecode="USA" targetcode="IRQMUS" />
<Text>
The United States launched an air strike.
</Text>
<Parse>1	The</Parse></Sentence>
<Sentence date="19950102" id="C1" category="COMPOUND" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing &amp; nobody.</Text>
</Sentence>
</Sentences>"#;

    fn t(s: &str, c: &str, g: &str) -> Triple {
        Triple {
            source: s.into(),
            target: g.into(),
            code: c.into(),
        }
    }

    #[test]
    fn reads_petr_records() {
        let cases = read_petr_xml(XML);
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].id, "G1");
        assert_eq!(cases[0].date, NaiveDate::from_ymd_opt(2015, 6, 9));
        assert_eq!(cases[0].events, vec![t("USA", "195", "IRQMUS")]);
        assert_eq!(cases[0].text, "The United States launched an air strike.");
        assert!(cases[1].events.is_empty());
        assert_eq!(cases[1].text, "Nothing & nobody.");
    }

    #[test]
    fn reads_plover_and_penta() {
        let json = r#"[{"id": "DOC", "event": "x"},
            {"id": "P1", "event": "DISAPPROVE", "text": "France criticized Rwanda.",
             "source": [{"code": "FRA"}], "target": [{"code": "RWA"}]},
            {"id": "P2", "event": "AGREE", "text": "Japan and Israel agreed.",
             "source": [{"code": "JAP"}, {"code": "ISR"}], "target": []},
            {"id": "P3", "event": "AID", "text": "The EC gave aid to Romania and Poland.",
             "source": [{"code": "IGO"}], "target": [{"code": "ROU"}, {"code": "POL"}]}]"#;
        let cases = read_plover_json(json).unwrap();
        assert_eq!(cases.len(), 3);
        // Several sources and no target: each with each other; JAP is JPN.
        let pairs = |c: &GoldCase| {
            c.events
                .iter()
                .map(|e| format!("{} {}", e.source, e.target))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(&cases[1]), ["JPN ISR", "ISR JPN"]);
        assert_eq!(pairs(&cases[2]), ["IGO ROU", "IGO POL"]);
        assert_eq!(cases[0].plover.as_deref(), Some("ACCUSE"));
        // 0.5b1 names map to the 2021 table's: investigate is a mode of ACCUSE there.
        assert_eq!(plover_2021("INVESTIGATE"), "ACCUSE");
        assert_eq!(plover_2021("DEMAND"), "REQUEST");
        assert_eq!(plover_2021("AGREE"), "AGREE");
        assert_eq!(cases[0].events[0].source, "FRA");
        let t = read_penta_tsv("Russia met China.\t1\r\nbad line\nNATO bombed Serbia.\t4\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].plover.as_deref(), Some("PENTA:4"));
        assert_eq!(penta("04").as_deref(), Some("PENTA:1"));
        assert_eq!(penta("16").as_deref(), Some("PENTA:3"));
        assert_eq!(penta("17").as_deref(), Some("PENTA:4"));
        let acc = category_accuracy(&t, &[Some("PENTA:1".into()), None]);
        assert_eq!(acc, 0.5);
    }

    #[test]
    fn scores_triples_roots_and_countries() {
        let cases = read_petr_xml(XML);
        let sys = vec![vec![t("USA", "190", "IRQ")], vec![]];
        let s = score(&cases, &sys);
        assert_eq!(s.triple.f1, 0.0);
        assert_eq!(s.root.f1, 0.0); // IRQ is not IRQMUS
        assert_eq!(s.country.f1, 0.0); // 190 is not 195
        assert_eq!(s.confusion["19"]["19"], 1);
        assert_eq!(s.correct_empty, 1);
        let sys = vec![
            vec![t("USA", "195", "IRQMUS"), t("USA", "111", "IRQ")],
            vec![],
        ];
        let s = score(&cases, &sys);
        assert_eq!(s.triple.recall, 1.0);
        assert_eq!(s.triple.precision, 0.5);
        assert_eq!(case_rows(&cases, &sys)[0].split('\t').nth(4), Some("1"));
    }
}
