//! The CAMEO event ontology: every CAMEO 1.1b3 code with its name, root, Goldstein value,
//! quad class and PLOVER category.

use crate::cameo_table::CODES;
use dyad_core::QuadClass;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Everything known about one CAMEO event code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CodeInfo {
    pub code: &'static str,
    pub name: &'static str,
    /// The two-digit root ("04" for "042").
    pub root: &'static str,
    pub goldstein: f32,
    pub quad_class: QuadClass,
    /// PLOVER event category (`None` for CAMEO 01, public statements, which PLOVER drops).
    pub plover: Option<&'static str>,
}

fn table() -> &'static HashMap<&'static str, CodeInfo> {
    static TABLE: OnceLock<HashMap<&'static str, CodeInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CODES
            .iter()
            .filter_map(|&(code, name, goldstein, plover)| {
                let root = code.get(..2)?;
                let quad_class = QuadClass::of_root(root.parse().ok()?)?;
                Some((
                    code,
                    CodeInfo {
                        code,
                        name,
                        root,
                        goldstein,
                        quad_class,
                        plover,
                    },
                ))
            })
            .collect()
    })
}

/// Looks a code up ("040", "0311", "19").
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    table().get(code)
}

/// All codes, sorted.
pub fn all() -> Vec<&'static CodeInfo> {
    let mut v: Vec<_> = table().values().collect();
    v.sort_by_key(|c| c.code);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_value_and_a_class() {
        assert_eq!(all().len(), CODES.len(), "a code failed to parse");
        assert!(all().len() >= 300);
        for c in all() {
            assert!((2..=4).contains(&c.code.len()), "{}", c.code);
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            assert!(!c.name.is_empty(), "{}", c.code);
            assert_eq!(
                QuadClass::of_root(c.root.parse().unwrap()),
                Some(c.quad_class)
            );
        }
        // Every root 01..20 exists.
        for r in 1..=20 {
            assert!(lookup(&format!("{r:02}")).is_some(), "root {r:02}");
        }
    }

    #[test]
    fn known_values() {
        let c = lookup("161").unwrap();
        assert_eq!(c.goldstein, -4.0);
        assert_eq!(c.quad_class, QuadClass::MaterialConflict);
        assert_eq!(c.plover, Some("SANCTION"));
        let c = lookup("040").unwrap();
        assert_eq!(c.quad_class, QuadClass::VerbalCooperation);
        assert_eq!(c.goldstein, 1.0);
        assert_eq!(c.plover, Some("CONSULT"));
        assert_eq!(lookup("163").unwrap().goldstein, -8.0);
        assert_eq!(lookup("0311").unwrap().root, "03");
        assert_eq!(lookup("010").unwrap().plover, None);
        assert_eq!(lookup("020").unwrap().plover, Some("REQUEST"));
        assert!(lookup("999").is_none());
    }
}
