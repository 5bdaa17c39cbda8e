//! The `dyad` command line: one module per subcommand under `cmd/`.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// dyad turns news articles into CAMEO political event data: who did what to whom, when, and
/// according to whom.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles (files, directories, `-` for stdin) into CAMEO events, one JSON line each.
    Code(cmd::code::Args),
    /// Print the article text that reaches the coder (`--explain`: every block, dropped ones
    /// with the reason).
    Clean(cmd::clean::Args),
    /// Show how one sentence is coded: tokens, actors, patterns tried, events.
    Explain(cmd::explain::Args),
    /// Dictionary tools.
    #[command(subcommand)]
    Dict(cmd::dict::Command),
    /// Tokenize, tag, lemmatize and parse articles; print CoNLL-U.
    Parse(cmd::parse::Args),
    /// Train the tagger, lemmatizer and parser from UD treebanks.
    Train(cmd::train::Args),
    /// Score dyad against gold standards.
    #[command(subcommand)]
    Eval(cmd::eval::Command),
    /// Measure speed.
    #[command(subcommand)]
    Bench(cmd::bench::Command),
    /// Code articles and store them, with their events, in the SQLite database.
    Ingest(cmd::store::IngestArgs),
    /// List stored events with filters.
    Query(cmd::store::QueryArgs),
    /// Cooperation and conflict between two actors per day, week or month.
    Trend(cmd::store::TrendArgs),
    /// Serve the HTTP API and the dashboard over a database.
    Serve(cmd::serve::ServeArgs),
    /// The main job: code the bundled examples into a database and serve the dashboard.
    Demo(cmd::serve::DemoArgs),
    /// Export stored events (Parquet).
    Export(cmd::export::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Clean(a) => cmd::clean::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Dict(c) => cmd::dict::run(c),
        Command::Parse(a) => cmd::parse::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Eval(c) => cmd::eval::run(c),
        Command::Bench(c) => cmd::bench::run(c),
        Command::Ingest(a) => cmd::store::ingest(a),
        Command::Query(a) => cmd::store::query(a),
        Command::Trend(a) => cmd::store::trend(a),
        Command::Serve(a) => cmd::serve::serve(a),
        Command::Demo(a) => cmd::serve::demo(a),
        Command::Export(a) => cmd::export::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
