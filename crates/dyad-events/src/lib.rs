//! dyad-events: the CAMEO event ontology, the verb-pattern dictionary and the coder that turns
//! a sentence with actor mentions into CAMEO events.

mod actor_role;
mod agent_country;
pub mod cameo;
mod cameo_table;
pub mod coder;
pub mod import;
pub mod inflect;
mod pairs;
pub mod syntax;
mod targets;
pub mod verbs;

pub use cameo::{lookup, CodeInfo};
pub use coder::{Coder, Found, Trace};
pub use verbs::{Pattern, VerbDict};
