//! Every reader on small fixtures (`tests/data/`, written for these tests) and on generated
//! files: good records are read, bad ones are reported by file and line, record or offset.

use dyad_core::article::Format;
use dyad_core::RawArticle;
use dyad_ingest::{articles, FieldMap, IngestError, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("dyad-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }
    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read_all(paths: &[String], opts: Options) -> (Vec<RawArticle>, Vec<IngestError>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for r in articles(paths, opts) {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

fn text(a: &RawArticle) -> String {
    String::from_utf8_lossy(&a.bytes).into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn text_and_html_files() {
    let s = Scratch::new("single");
    let t = s.write("a.txt", b"Russia met China.");
    let h = s.write(
        "page",
        b"<html><body><p>Russia met China.</p></body></html>",
    );
    let (ok, bad) = read_all(&[t.clone(), h], Options::default());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].format, Format::Text);
    assert_eq!(ok[0].origin.to_string(), t);
    assert_eq!(ok[1].format, Format::Html, "sniffed from content, not name");
}

#[test]
fn a_text_file_over_the_limit_is_too_large() {
    let s = Scratch::new("large");
    let t = s.write("big.txt", &vec![b'a'; 5000]);
    let g = s.write("big.txt.gz", &gzip(&vec![b'a'; 5000]));
    let opts = Options {
        max_bytes: 1000,
        ..Options::default()
    };
    let (ok, bad) = read_all(&[t, g], opts);
    assert!(ok.is_empty());
    assert_eq!(bad.len(), 2);
    let msg = bad[0].to_string();
    assert!(
        msg.contains("big.txt: file too large (5000 bytes; the limit is 1000 bytes"),
        "{msg}"
    );
    let msg = bad[1].to_string();
    assert!(
        msg.contains("big.txt.gz: file too large (more than 1000 bytes"),
        "{msg}"
    );
}

#[test]
fn news_please_jsonl_with_a_bad_line() {
    let path = data("news-please.jsonl");
    let (ok, bad) = read_all(std::slice::from_ref(&path), Options::default());
    assert_eq!(ok.len(), 3, "{bad:?}");
    assert_eq!(ok[0].origin.record, Some(1));
    assert!(text(&ok[0]).starts_with("MOSCOW, March 18, 2021"));
    assert_eq!(
        ok[0].hints.url.as_deref(),
        Some("https://wire.example/envoy")
    );
    assert_eq!(ok[0].hints.outlet.as_deref(), Some("wire.example"));
    assert_eq!(ok[0].hints.title.as_deref(), Some("Russia recalls envoy"));
    assert_eq!(ok[0].hints.author.as_deref(), Some("A. Writer"));
    assert_eq!(ok[1].hints.published.unwrap().to_string(), "2021-03-19");
    // A record with HTML instead of text is read as a page.
    assert_eq!(ok[2].format, Format::Html);
    assert_eq!(ok[2].origin.record, Some(6));
    assert_eq!(bad.len(), 2);
    let m = bad[0].to_string();
    assert!(m.starts_with(&format!("{path}:3: invalid JSON")), "{m}");
    let m = bad[1].to_string();
    assert!(
        m.starts_with(&format!("{path}:5: no article text")) && m.contains("description"),
        "{m}"
    );
}

#[test]
fn trafilatura_json_array() {
    let path = data("trafilatura.json");
    let (ok, bad) = read_all(std::slice::from_ref(&path), Options::default());
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].hints.outlet.as_deref(), Some("The Daily"));
    assert_eq!(
        ok[0].hints.url.as_deref(),
        Some("https://daily.example/envoy")
    );
    assert_eq!(ok[0].hints.published.unwrap().to_string(), "2021-03-18");
    assert_eq!(
        ok[1].hints.url.as_deref(),
        Some("https://daily.example/sanctions")
    );
    assert_eq!(ok[1].origin.record, Some(3));
    assert_eq!(bad.len(), 1);
    let m = bad[0].to_string();
    assert!(
        m.contains("trafilatura.json:13: record 2: no article text"),
        "{m}"
    );
}

#[test]
fn configured_fields_and_a_single_pretty_object() {
    let path = data("custom.json");
    let fields =
        FieldMap::from_specs(&["text=story.body", "date=published", "title=headline"]).unwrap();
    let opts = Options {
        fields,
        ..Options::default()
    };
    let (ok, bad) = read_all(&[path], opts);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 1);
    assert_eq!(text(&ok[0]), "Russia met China in Moscow.");
    assert_eq!(ok[0].hints.published.unwrap().to_string(), "2021-03-18");
    assert_eq!(ok[0].hints.title.as_deref(), Some("Meeting"));
    assert_eq!(ok[0].hints.url.as_deref(), Some("https://x.example/m"));
}

#[test]
fn json_arrays_stream_their_elements_and_report_bad_ones() {
    let s = Scratch::new("array");
    let p = s.write(
        "a.json",
        b"[\n{\"text\": \"one, [two] \\\"three\\\"\"},\n{\"text\": 5 oops},\n{\"text\": \"four\"}\n]",
    );
    let (ok, bad) = read_all(std::slice::from_ref(&p), Options::default());
    assert_eq!(
        ok.iter().map(text).collect::<Vec<_>>(),
        vec!["one, [two] \"three\"", "four"]
    );
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0]
            .to_string()
            .starts_with(&format!("{p}:3: record 2: invalid JSON")),
        "{}",
        bad[0]
    );
    let cut = s.write("cut.json", b"[{\"text\": \"one\"}, {\"text\": \"tw");
    let (ok, bad) = read_all(&[cut], Options::default());
    assert_eq!(ok.len(), 1);
    assert!(bad[0].to_string().contains("unexpected end"), "{}", bad[0]);
}

#[test]
fn warc_records_with_broken_ones_reported() {
    let path = data("sample.warc");
    let (ok, bad) = read_all(std::slice::from_ref(&path), Options::default());
    assert_eq!(ok.len(), 3, "{bad:?}");
    let a = &ok[0];
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.origin.record, Some(3));
    assert_eq!(a.hints.url.as_deref(), Some("https://wire.example/envoy"));
    assert_eq!(a.hints.date.unwrap().to_string(), "2021-03-18");
    // The page's bytes are kept as they are (Windows-1252): decoding is dyad-text's job.
    assert!(a.bytes.windows(4).any(|w| w == b"Caf\xe9"));
    assert_eq!(
        ok[1].hints.url.as_deref(),
        Some("https://wire.example/talks")
    );
    assert_eq!(
        text(&ok[1]),
        "<html><body><p>China and Japan held talks in Beijing.</p></body></html>"
    );
    assert_eq!(ok[1].hints.charset.as_deref(), Some("utf-8"));
    assert_eq!(ok[2].origin.record, Some(8));
    assert_eq!(bad.len(), 2);
    let m = bad[0].to_string();
    assert!(
        m.starts_with(&format!(
            "{path}: WARC record 5 (byte offset 1022): missing or bad Content-Length"
        )),
        "{m}"
    );
    let m = bad[1].to_string();
    assert!(
        m.contains("WARC record 6") && m.contains("bad HTTP response"),
        "{m}"
    );
}

#[test]
fn gzipped_warc_member_per_record_and_truncated() {
    let warc = std::fs::read(data("sample.warc")).unwrap();
    // One gzip member per record, as crawlers write them.
    let mut gz = Vec::new();
    for part in split_records(&warc) {
        gz.extend(gzip(part));
    }
    let s = Scratch::new("warcgz");
    let p = s.write("sample.warc.gz", &gz);
    let (ok, bad) = read_all(&[p], Options::default());
    assert_eq!((ok.len(), bad.len()), (3, 2), "{bad:?}");
    // Cut inside the last member: the records before the break are kept.
    let cut = s.write("cut.warc.gz", &gz[..gz.len() - 30]);
    let (ok, bad) = read_all(std::slice::from_ref(&cut), Options::default());
    assert_eq!(ok.len(), 2, "{bad:?}");
    let last = bad.last().unwrap().to_string();
    assert!(
        last.starts_with(&format!("{cut}: truncated or corrupt gzip data")),
        "{last}"
    );
}

fn split_records(warc: &[u8]) -> Vec<&[u8]> {
    let mut starts: Vec<usize> = (0..warc.len())
        .filter(|i| warc[*i..].starts_with(b"WARC/1.0\r\n") && (*i == 0 || warc[i - 1] == b'\n'))
        .collect();
    starts.push(warc.len());
    starts.windows(2).map(|w| &warc[w[0]..w[1]]).collect()
}

#[test]
fn gzipped_jsonl_truncated_keeps_the_records_before_the_break() {
    let mut body = Vec::new();
    for i in 0..2000 {
        writeln!(body, "{{\"text\": \"Article {i}: Russia met China.\"}}").unwrap();
    }
    let gz = gzip(&body);
    let s = Scratch::new("gz");
    let whole = s.write("a.jsonl.gz", &gz);
    let (ok, bad) = read_all(&[whole], Options::default());
    assert_eq!((ok.len(), bad.len()), (2000, 0));
    let cut = s.write("cut.jsonl.gz", &gz[..gz.len() / 2]);
    let (ok, bad) = read_all(std::slice::from_ref(&cut), Options::default());
    assert!(ok.len() > 100 && ok.len() < 2000, "{}", ok.len());
    assert_eq!(bad.len(), 1);
    let m = bad[0].to_string();
    assert!(
        m.starts_with(&format!(
            "{cut}: truncated or corrupt gzip data; reading stopped at line {}",
            ok.len() + 1
        )),
        "{m}"
    );
    assert!(
        m.contains(&format!("({} record(s) before it were read)", ok.len())),
        "{m}"
    );
    // A gzipped text file is one article; the name need not say .gz.
    let t = s.write("article.txt", &gzip(b"Russia met China."));
    let (ok, _) = read_all(&[t], Options::default());
    assert_eq!(text(&ok[0]), "Russia met China.");
}

#[test]
fn jsonl_lines_over_the_limit_are_reported_and_skipped() {
    let s = Scratch::new("longline");
    let long = format!("{{\"text\": \"{}\"}}", "a".repeat(5000));
    let p = s.write(
        "x.jsonl",
        format!("{{\"text\": \"ok\"}}\n{long}\n{{\"text\": \"also ok\"}}\n").as_bytes(),
    );
    let opts = Options {
        max_bytes: 1000,
        ..Options::default()
    };
    let (ok, bad) = read_all(std::slice::from_ref(&p), opts);
    assert_eq!(ok.len(), 2);
    assert!(
        bad[0]
            .to_string()
            .starts_with(&format!("{p}:2: line too long")),
        "{}",
        bad[0]
    );
}

#[test]
fn directories_are_read_recursively_in_every_format() {
    let s = Scratch::new("dir");
    s.write("a.txt", b"Russia met China.");
    s.write("sub/b.jsonl", b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
    s.write("sub/c.json.gz", &gzip(b"[{\"text\": \"three\"}]"));
    s.write(
        "sub/deeper/d.warc",
        &std::fs::read(data("sample.warc")).unwrap(),
    );
    s.write("sub/notes.md", b"not read");
    let (ok, _) = read_all(&[s.0.display().to_string()], Options::default());
    assert_eq!(ok.len(), 1 + 2 + 1 + 3);
}

#[test]
fn empty_binary_and_missing_inputs() {
    let s = Scratch::new("bad");
    let e = s.write("e.jsonl", b"\n\n");
    let b = s.write("b.dat", b"ab\x00cd");
    let (ok, bad) = read_all(
        &[e, b, s.0.join("nope").display().to_string()],
        Options::default(),
    );
    assert!(ok.is_empty());
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad[0].to_string().contains("e.jsonl: empty file"));
    assert!(bad[1].to_string().contains("binary"));
    assert!(bad[2].to_string().contains("no such file"));
}

#[test]
fn warc_pages_over_the_limit_are_reported_by_record() {
    let path = data("sample.warc");
    let opts = Options {
        max_bytes: 100,
        ..Options::default()
    };
    let (ok, bad) = read_all(std::slice::from_ref(&path), opts);
    // The 72-byte and 82-byte pages fit; the 205-byte page of record 3 does not.
    assert_eq!(ok.len(), 2, "{bad:?}");
    assert_eq!(ok[1].origin.record, Some(8));
    let msgs: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(
        msgs[0].ends_with(
            "WARC record 3 (byte offset 359): page too large (205 bytes; the limit is 100 bytes, see --max-bytes)"
        ),
        "{msgs:?}"
    );
}
