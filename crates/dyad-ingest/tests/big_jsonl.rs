//! A 200 MB JSON Lines file is read in bounded memory: the file is generated in a temporary
//! directory, every record is read, and the process's peak resident memory (`VmHWM` in
//! `/proc/self/status`; this test is alone in its process) must grow by far less than the
//! file's size. Prints the reading speed. Runs in a few seconds; set `DYAD_BIG_JSONL_MB` to
//! change the size.

use dyad_ingest::{articles, Options};
use std::io::Write;
use std::time::Instant;

fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_200_mb_jsonl_streams_in_bounded_memory() {
    let mb: u64 = std::env::var("DYAD_BIG_JSONL_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = std::env::temp_dir().join(format!("dyad-big-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.jsonl");
    let sentence = "Russia recalled its ambassador to Washington on Wednesday, and the \\\"talks\\\" were suspended. ";
    let text = sentence.repeat(20);
    let mut lines = 0u64;
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut written = 0u64;
        while written < mb * 1024 * 1024 {
            let line = format!(
                "{{\"maintext\": \"{lines}: {text}\", \"title\": \"Story {lines}\", \"url\": \"https://wire.example/{lines}\", \"date_publish\": \"2021-03-18 08:00:00\", \"source_domain\": \"wire.example\", \"authors\": [\"A. Writer\"]}}\n"
            );
            w.write_all(line.as_bytes()).unwrap();
            written += line.len() as u64;
            lines += 1;
        }
        w.flush().unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    let rss_before = status_kb("VmRSS:").unwrap_or(0);
    let t0 = Instant::now();
    let (mut n, mut bytes, mut errors) = (0u64, 0u64, 0u64);
    for r in articles(&[path.display().to_string()], Options::default()) {
        match r {
            Ok(a) => {
                n += 1;
                bytes += a.bytes.len() as u64;
            }
            Err(_) => errors += 1,
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM:").unwrap_or(0);
    std::fs::remove_dir_all(&dir).unwrap();
    eprintln!(
        "read {n} records ({:.0} MB file, {:.0} MB of text) in {secs:.2} s = {:.0} MB/s; RSS before {:.1} MB, peak {:.1} MB",
        size as f64 / 1048576.0,
        bytes as f64 / 1048576.0,
        size as f64 / 1048576.0 / secs,
        rss_before as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    assert_eq!(errors, 0);
    assert_eq!(n, lines);
    assert!(
        peak < rss_before + 48 * 1024,
        "peak RSS {peak} kB grew by more than 48 MB over {rss_before} kB while reading a {size}-byte file"
    );
}
