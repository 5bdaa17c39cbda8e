//! The language model bundled into the binary (`models/en-ud.dyadmodel`, trained by
//! `dyad train`), or one loaded from a path given on the command line.

use anyhow::{Context, Result};
use std::path::Path;

/// The bundled model's bytes.
pub const BUNDLED_MODEL: &[u8] = include_bytes!("../../../models/en-ud.dyadmodel");

/// Where the bundled model lives in the repository.
pub const BUNDLED_MODEL_PATH: &str = "models/en-ud.dyadmodel";

/// Loads the model at `path`, or the bundled one.
pub fn load(path: Option<&Path>) -> Result<dyad_parse::Pipeline> {
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read model", p.display()))?;
            dyad_parse::Pipeline::from_bytes(&bytes)
                .with_context(|| format!("{}: cannot load model", p.display()))
        }
        None => dyad_parse::Pipeline::from_bytes(BUNDLED_MODEL).with_context(|| {
            format!("bundled model ({BUNDLED_MODEL_PATH}) cannot be loaded; run `dyad train`")
        }),
    }
}
