//! `dyad export --parquet FILE [--db dyad.db]`: every stored event row as a Parquet file for
//! analyses too big for the CLI (pandas, DuckDB, Spark read it). Uncompressed, one row group.

use anyhow::{Context, Result};
use dyad_store::{Filter, Store};
use parquet::data_type::{ByteArray, ByteArrayType, FloatType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Write the events to this Parquet file.
    #[arg(long)]
    parquet: PathBuf,
}

const SCHEMA: &str = "message dyad_events {
  REQUIRED INT64 id;
  REQUIRED INT64 event_id;
  OPTIONAL BYTE_ARRAY date (UTF8);
  REQUIRED BYTE_ARRAY source (UTF8);
  OPTIONAL BYTE_ARRAY target (UTF8);
  REQUIRED BYTE_ARRAY code (UTF8);
  REQUIRED BYTE_ARRAY root_code (UTF8);
  REQUIRED INT32 quad_class;
  REQUIRED FLOAT goldstein;
  REQUIRED BYTE_ARRAY modality (UTF8);
  OPTIONAL BYTE_ARRAY attribution (UTF8);
  REQUIRED BYTE_ARRAY article (UTF8);
  OPTIONAL BYTE_ARRAY outlet (UTF8);
  REQUIRED BYTE_ARRAY sentence (UTF8);
  REQUIRED BYTE_ARRAY rule (UTF8);
}";

/// A string column: values of the present rows and a definition level per row.
fn strings(v: impl Iterator<Item = Option<String>>) -> (Vec<ByteArray>, Vec<i16>) {
    let mut vals = Vec::new();
    let mut defs = Vec::new();
    for s in v {
        match s {
            Some(s) => {
                vals.push(ByteArray::from(s.into_bytes()));
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (vals, defs)
}

pub fn run(a: Args) -> Result<ExitCode> {
    let store =
        Store::open(&a.db).with_context(|| format!("{}: cannot open database", a.db.display()))?;
    let rows = store.events(&Filter {
        limit: Some(u32::MAX),
        ..Filter::default()
    })?;
    let schema = Arc::new(parse_message_type(SCHEMA).context("Parquet schema")?);
    let file = std::fs::File::create(&a.parquet)
        .with_context(|| format!("{}: cannot create", a.parquet.display()))?;
    let mut writer =
        SerializedFileWriter::new(file, schema, Arc::new(WriterProperties::builder().build()))?;
    let mut rg = writer.next_row_group()?;
    let mut col_index = 0;
    while let Some(mut col) = rg.next_column()? {
        let e = || rows.iter().map(|r| &r.event);
        let req = |v: Vec<Option<String>>| strings(v.into_iter());
        match col_index {
            0 => {
                col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|r| r.id).collect::<Vec<_>>(),
                    None,
                    None,
                )?;
            }
            1 => {
                col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|r| r.event_id).collect::<Vec<_>>(),
                    None,
                    None,
                )?;
            }
            7 => {
                col.typed::<Int32Type>().write_batch(
                    &e().map(|e| e.quad_class as i32).collect::<Vec<_>>(),
                    None,
                    None,
                )?;
            }
            8 => {
                col.typed::<FloatType>().write_batch(
                    &e().map(|e| e.goldstein).collect::<Vec<_>>(),
                    None,
                    None,
                )?;
            }
            k => {
                let (vals, defs) = match k {
                    2 => req(e().map(|e| e.date.map(|d| d.to_string())).collect()),
                    3 => req(e().map(|e| Some(e.source.clone())).collect()),
                    4 => req(e().map(|e| e.target.clone()).collect()),
                    5 => req(e().map(|e| Some(e.code.clone())).collect()),
                    6 => req(e().map(|e| Some(e.root_code.clone())).collect()),
                    9 => req(e()
                        .map(|e| Some(format!("{:?}", e.modality).to_lowercase()))
                        .collect()),
                    10 => req(e()
                        .map(|e| e.attribution.as_ref().and_then(|x| x.code.clone()))
                        .collect()),
                    11 => req(e().map(|e| Some(e.article.clone())).collect()),
                    12 => req(e().map(|e| e.outlet.clone()).collect()),
                    13 => req(e().map(|e| Some(e.sentence.clone())).collect()),
                    _ => req(e().map(|e| Some(e.rule.clone())).collect()),
                };
                // Required columns take no definition levels.
                let optional = matches!(k, 2 | 4 | 10 | 12);
                col.typed::<ByteArrayType>().write_batch(
                    &vals,
                    if optional { Some(&defs) } else { None },
                    None,
                )?;
            }
        }
        col.close()?;
        col_index += 1;
    }
    rg.close()?;
    writer.close()?;
    eprintln!(
        "dyad export: {} events to {}",
        rows.len(),
        a.parquet.display()
    );
    Ok(ExitCode::SUCCESS)
}
