//! People in the real dictionaries (`dicts/actors/`), coded with and without an article date:
//! an undated sentence (the gold sets have no dates) still gets each person's country.

use chrono::NaiveDate;
use dyad_actors::{ActorDicts, LexKind};
use dyad_core::Doc;
use std::path::Path;

/// The actor and agent dictionaries of the repository, tokenized on spaces (enough for names).
fn dicts() -> ActorDicts {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dicts/actors");
    let tok = |s: &str| s.split_whitespace().map(str::to_string).collect();
    let norm = |s: &str| s.to_lowercase();
    let mut d = ActorDicts::default();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dicts/actors is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).expect("dictionary is readable");
        let name = p.display().to_string();
        let diags = if p.file_name().is_some_and(|n| n == "agents.txt") {
            d.agents.load(&name, &text, LexKind::Agents, &tok, &norm)
        } else {
            d.actors.load(&name, &text, LexKind::Actors, &tok, &norm)
        };
        assert!(diags.is_empty(), "{name}: {diags:?}");
    }
    d
}

/// A one-sentence doc from space-separated tokens.
fn doc(s: &str) -> Doc {
    Doc::from_words(s)
}

fn codes(d: &ActorDicts, s: &str, date: Option<NaiveDate>) -> Vec<String> {
    let doc = doc(s);
    let mut m = d.mentions(&doc, 0..doc.tokens.len(), date);
    ActorDicts::resolve_roles(&doc, &mut m, &[]);
    m.into_iter().map(|m| m.code).collect()
}

#[test]
fn undated_leaders_keep_their_country() {
    let d = dicts();
    for (s, want) in [
        ("Hosni Mubarak said", "EGYGOV"),
        ("Boris Yeltsin said", "RUSGOV"),
        ("Yitzhak Rabin said", "ISRGOV"),
        ("King Hussein said", "JORGOV"),
        ("Mikhail Gorbachev said", "RUSGOV"),
        ("Franjo Tudjman said", "HRVGOV"),
        ("Alija Izetbegovic said", "BIHGOV"),
        ("Turgut Ozal said", "TURGOV"),
        ("Robert Mugabe said", "ZWEGOV"),
        ("Nelson Mandela said", "ZAFGOV"),
        ("Yoweri Museveni said", "UGAGOV"),
        ("Suharto said", "IDNGOV"),
        ("Deng Xiaoping said", "CHNGOV"),
        ("Carlos Menem said", "ARGGOV"),
        ("Helmut Kohl said", "DEUGOV"),
        ("Margaret Thatcher said", "GBRGOV"),
        ("Jonas Savimbi said", "AGOREB"),
    ] {
        assert_eq!(codes(&d, s, None), [want], "{s}");
    }
}

#[test]
fn dated_leaders_follow_their_roles() {
    let d = dicts();
    let day = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    // Rabin as defence minister, then prime minister.
    assert_eq!(
        codes(&d, "Yitzhak Rabin said", day(1987, 1, 1)),
        ["ISRGOVMIL"]
    );
    assert_eq!(codes(&d, "Yitzhak Rabin said", day(1993, 1, 1)), ["ISRGOV"]);
    // Boutros-Ghali: Egypt's minister, then the UN's Secretary-General; undated, the latest
    // role unless the phrase names his country.
    assert_eq!(
        codes(&d, "Boutros Boutros-Ghali said", day(1990, 1, 1)),
        ["EGYGOV"]
    );
    assert_eq!(codes(&d, "Boutros Boutros-Ghali said", None), ["IGOUNO"]);
    assert_eq!(
        codes(
            &d,
            "Egyptian Foreign Minister Boutros Boutros-Ghali said",
            None
        ),
        ["EGYGOV"]
    );
    // Out of office: the country as an elite.
    assert_eq!(
        codes(&d, "Margaret Thatcher said", day(2005, 1, 1)),
        ["GBRELI"]
    );
}
