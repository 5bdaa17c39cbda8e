//! English inflection for pattern words: `+meet` in a verb pattern matches meet, meets, met,
//! meeting; `+sanction` matches sanction, sanctions, sanctioned, sanctioning. Regular rules plus
//! a table of irregular verbs. Over-generating a non-word is harmless: it never occurs in text.

/// (base, past, past participle) of irregular verbs.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("override", "overrode", "overridden"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shut", "shut", "shut"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("undermine", "undermined", "undermined"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Ends consonant-vowel-consonant (not w, x, y): "ban", "commit", "expel".
fn ends_cvc(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    n >= 3
        && !is_vowel(c[n - 1])
        && !matches!(c[n - 1], 'w' | 'x' | 'y')
        && is_vowel(c[n - 2])
        && !is_vowel(c[n - 3])
}

/// Third person singular of a verb, plural of a noun.
fn s_form(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    if w.ends_with("s")
        || w.ends_with("x")
        || w.ends_with("z")
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('o')
    {
        out.push(format!("{w}es"));
    }
    if let Some(stem) = w.strip_suffix('y') {
        if !stem.ends_with(is_vowel) {
            out.push(format!("{stem}ies"));
        }
    }
    if let Some(stem) = w.strip_suffix("is") {
        out.push(format!("{stem}es")); // crisis → crises
    }
    if !w.ends_with('s') || w.ends_with("ss") {
        out.push(format!("{w}s"));
    }
    out
}

fn ed_forms(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    if w.ends_with('e') {
        out.push(format!("{w}d"));
    } else if let Some(stem) = w.strip_suffix('y').filter(|s| !s.ends_with(is_vowel)) {
        out.push(format!("{stem}ied"));
    } else {
        out.push(format!("{w}ed"));
        if ends_cvc(w) {
            let last = w.chars().last().unwrap_or('x');
            out.push(format!("{w}{last}ed"));
        }
        if w.ends_with('c') {
            out.push(format!("{w}ked"));
        }
    }
    out
}

fn ing_forms(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = w.strip_suffix("ie") {
        out.push(format!("{stem}ying"));
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ing"));
        if ends_cvc(w) {
            let last = w.chars().last().unwrap_or('x');
            out.push(format!("{w}{last}ing"));
        }
        if w.ends_with('c') {
            out.push(format!("{w}king"));
        }
    }
    out
}

/// All forms of `word` (lower case): itself, -s/-es, -ed, -ing and irregular forms.
pub fn forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    out.extend(s_form(&w));
    out.extend(ing_forms(&w));
    match IRREGULAR.iter().find(|(b, _, _)| *b == w) {
        Some((_, past, part)) => {
            out.push(past.to_string());
            out.push(part.to_string());
            if w == "be" {
                out.extend(["is", "are", "were", "am"].map(String::from));
            }
        }
        None => {
            // Compounds of irregular verbs: "re-send", "overthrow" are listed; else regular.
            out.extend(ed_forms(&w));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, form: &str) -> bool {
        forms(word).iter().any(|f| f == form)
    }

    #[test]
    fn regular_and_irregular() {
        for (w, f) in [
            ("meet", "met"),
            ("meet", "meets"),
            ("meet", "meeting"),
            ("recall", "recalled"),
            ("impose", "imposed"),
            ("impose", "imposing"),
            ("accuse", "accuses"),
            ("ban", "banned"),
            ("expel", "expelled"),
            ("expel", "expelling"),
            ("deny", "denied"),
            ("deny", "denies"),
            ("deny", "denying"),
            ("sanction", "sanctions"),
            ("crisis", "crises"),
            ("seek", "sought"),
            ("withdraw", "withdrawn"),
            ("visit", "visited"),
            ("tie", "tying"),
            ("agree", "agreed"),
            ("agree", "agreeing"),
            ("embargo", "embargoes"),
            ("attack", "attacks"),
            ("talk", "talks"),
            ("panic", "panicked"),
        ] {
            assert!(has(w, f), "{w} → {f}: {:?}", forms(w));
        }
        assert!(!has("meet", "meeted"));
    }
}
