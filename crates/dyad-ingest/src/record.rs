//! One JSON record (a JSON Lines line, an element of a JSON array) → a `RawArticle`: the text
//! field becomes the article (or the HTML field, read as a page), the other fields become hints.

use crate::dates::parse_date;
use crate::fields::FieldMap;
use dyad_core::article::Format;
use dyad_core::{Origin, RawArticle, SourceHints};
use serde_json::Value;

/// Turns a parsed record into an article; the error says what is missing or wrong.
pub fn to_raw(
    value: &Value,
    fields: &FieldMap,
    origin: Origin,
    base: &SourceHints,
) -> Result<RawArticle, String> {
    let obj = value
        .as_object()
        .ok_or_else(|| format!("not a JSON object but {}", kind_of(value)))?;
    let (format, text) = if let Some(t) = first_text(value, &fields.text, "\n\n") {
        (Format::Text, t)
    } else if let Some(h) = first_text(value, &fields.html, "\n") {
        (Format::Html, h)
    } else {
        let mut looked: Vec<&str> = fields.text.iter().map(String::as_str).collect();
        looked.extend(fields.html.iter().map(String::as_str));
        let keys: Vec<&str> = obj.keys().map(String::as_str).take(12).collect();
        return Err(format!(
            "no article text (looked for {}; the record has {}); use --field text=NAME",
            looked.join(", "),
            if keys.is_empty() {
                "no fields".to_string()
            } else {
                keys.join(", ")
            }
        ));
    };
    if text.trim().is_empty() {
        return Err("the article text is empty".to_string());
    }
    let mut hints = base.clone();
    if let Some(u) = first_text(value, &fields.url, " ") {
        hints.url = Some(u);
    }
    if hints.outlet.is_none() {
        hints.outlet = first_text(value, &fields.outlet, ", ");
    }
    hints.title = first_text(value, &fields.title, " ").or(hints.title);
    hints.author = first_text(value, &fields.author, ", ").or(hints.author);
    if let Some(d) = fields
        .date
        .iter()
        .find_map(|f| lookup(value, f))
        .and_then(date_of)
    {
        hints.published = Some(d);
    }
    Ok(RawArticle {
        origin,
        format,
        bytes: text.into_bytes(),
        hints,
    })
}

/// The value at a field name or dotted path.
fn lookup<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    if let Some(x) = v.get(name) {
        return Some(x);
    }
    let mut cur = v;
    for part in name.split('.') {
        cur = cur.get(part)?;
    }
    Some(cur)
}

/// The first of `names` holding a non-empty string (or array of strings, joined with `sep`).
fn first_text(v: &Value, names: &[String], sep: &str) -> Option<String> {
    names.iter().find_map(|n| match lookup(v, n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(sep))
        }
        _ => None,
    })
}

fn date_of(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::String(s) => parse_date(s),
        // Seconds (or milliseconds) since 1970.
        Value::Number(n) => {
            let mut secs = n.as_i64()?;
            if secs > 100_000_000_000 {
                secs /= 1000;
            }
            chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
        }
        _ => None,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(v: Value) -> Result<RawArticle, String> {
        to_raw(
            &v,
            &FieldMap::default(),
            Origin::file("x"),
            &SourceHints::default(),
        )
    }

    #[test]
    fn news_please_record() {
        let r = raw(json!({"maintext": "Russia met China.", "title": "Talks",
            "url": "https://a.example/1", "date_publish": "2021-03-18 08:00:00",
            "source_domain": "a.example", "authors": ["A. Writer", "B. Writer"]}))
        .unwrap();
        assert_eq!(r.format, Format::Text);
        assert_eq!(r.bytes, b"Russia met China.");
        assert_eq!(r.hints.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(r.hints.outlet.as_deref(), Some("a.example"));
        assert_eq!(r.hints.title.as_deref(), Some("Talks"));
        assert_eq!(r.hints.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(
            r.hints.published.map(|d| d.to_string()).as_deref(),
            Some("2021-03-18")
        );
    }

    #[test]
    fn trafilatura_record_and_html_records() {
        let r = raw(
            json!({"raw_text": "Russia met China.", "source": "https://b.example/2",
            "hostname": "b.example", "sitename": "B News", "date": "2021-03-18", "author": "C"}),
        )
        .unwrap();
        assert_eq!(r.hints.url.as_deref(), Some("https://b.example/2"));
        assert_eq!(r.hints.outlet.as_deref(), Some("B News"));
        let r = raw(json!({"html": "<p>Russia met China.</p>", "maintext": null})).unwrap();
        assert_eq!(r.format, Format::Html);
    }

    #[test]
    fn configured_and_nested_fields() {
        let fields = FieldMap::from_specs(&["text=article.body", "date=when"]).unwrap();
        let v = json!({"article": {"body": "Russia met China."}, "when": 1616054400});
        let r = to_raw(&v, &fields, Origin::file("x"), &SourceHints::default()).unwrap();
        assert_eq!(r.bytes, b"Russia met China.");
        assert_eq!(
            r.hints.published.map(|d| d.to_string()).as_deref(),
            Some("2021-03-18")
        );
    }

    #[test]
    fn bad_records_say_why() {
        assert!(raw(json!([1])).unwrap_err().contains("not a JSON object"));
        let e = raw(json!({"headline": "x", "summary": "y"})).unwrap_err();
        assert!(
            e.contains("no article text") && e.contains("summary"),
            "{e}"
        );
        assert!(raw(json!({"text": "  "}))
            .unwrap_err()
            .contains("no article text"));
    }
}
