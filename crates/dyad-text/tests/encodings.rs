//! Articles in other encodings are decoded and extracted, the encoding used is recorded, and
//! container hints (declared charset, record date, title) are honoured.

use dyad_core::article::Format;
use dyad_core::{DateSource, Origin, RawArticle, SourceHints};

fn raw(format: Format, bytes: Vec<u8>, hints: SourceHints) -> RawArticle {
    RawArticle {
        origin: Origin::file("t"),
        format,
        bytes,
        hints,
    }
}

fn encode(s: &str, e: &'static encoding_rs::Encoding) -> Vec<u8> {
    e.encode(s).0.into_owned()
}

#[test]
fn windows_1251_koi8_latin1_and_utf16_articles() {
    let ru = "Министр иностранных дел России Сергей Лавров встретился в Москве с министром иностранных дел Китая.";
    // Russian is kept out of English coding, so the decoded paragraph is a dropped block.
    let russian = |c: &dyad_text::Cleaned| {
        assert_eq!(c.meta.languages.get("rus"), Some(&1));
        c.blocks.iter().map(|b| b.text.clone()).collect::<String>()
    };
    let c = dyad_text::clean(
        &raw(
            Format::Text,
            encode(ru, encoding_rs::WINDOWS_1251),
            SourceHints::default(),
        ),
        false,
    )
    .unwrap();
    assert_eq!(russian(&c), ru);
    assert_eq!(c.meta.encoding.as_deref(), Some("windows-1251"));

    let page = format!(
        "<html><head><meta charset=\"koi8-r\"><title>Лавров</title></head><body><article><p>{ru}</p></article></body></html>"
    );
    let c = dyad_text::clean(
        &raw(
            Format::Html,
            encode(&page, encoding_rs::KOI8_R),
            SourceHints::default(),
        ),
        false,
    )
    .unwrap();
    assert_eq!(russian(&c), ru);
    assert_eq!(c.meta.encoding.as_deref(), Some("KOI8-R"));

    let fr = "The French minister René Dupré denounced the accord as “very dangerous” on Tuesday in Besançon.";
    let a = dyad_text::extract(&raw(
        Format::Text,
        encode(fr, encoding_rs::WINDOWS_1252),
        SourceHints {
            charset: Some("iso-8859-1".into()),
            ..SourceHints::default()
        },
    ))
    .unwrap();
    assert_eq!(a.text, fr);
    assert_eq!(a.meta.encoding.as_deref(), Some("windows-1252"));

    let mut utf16 = vec![0xFF, 0xFE];
    for u in "“Talks,” he said.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let a = dyad_text::extract(&raw(Format::Text, utf16, SourceHints::default())).unwrap();
    assert_eq!(a.text, "“Talks,” he said.");
    assert_eq!(a.meta.encoding.as_deref(), Some("UTF-16LE"));
}

#[test]
fn record_hints_date_title_and_author() {
    let d = chrono::NaiveDate::from_ymd_opt(2021, 3, 18);
    let hints = SourceHints {
        published: d,
        title: Some("Envoy recalled".into()),
        author: Some("A. Writer".into()),
        ..SourceHints::default()
    };
    let a = dyad_text::extract(&raw(
        Format::Text,
        b"Russia recalled its ambassador to Washington on Wednesday.".to_vec(),
        hints.clone(),
    ))
    .unwrap();
    assert_eq!(a.meta.published, d);
    assert_eq!(a.meta.date_source, Some(DateSource::Record));
    assert_eq!(a.meta.title.as_deref(), Some("Envoy recalled"));
    assert_eq!(a.meta.author.as_deref(), Some("A. Writer"));
    // The page's own metadata still comes first.
    let page = b"<html><head><meta property=\"article:published_time\" content=\"2021-03-20T08:00:00Z\"></head><body><article><p>Russia met China.</p></article></body></html>";
    let a = dyad_text::extract(&raw(Format::Html, page.to_vec(), hints.clone())).unwrap();
    assert_eq!(a.meta.date_source, Some(DateSource::HtmlMeta));
    assert_eq!(
        a.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2021-03-20")
    );
    // `--date` overrides both.
    let flagged = SourceHints {
        date: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
        ..hints
    };
    let a = dyad_text::extract(&raw(Format::Html, page.to_vec(), flagged)).unwrap();
    assert_eq!(a.meta.date_source, Some(DateSource::Flag));
    assert_eq!(
        a.meta.published,
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1)
    );
}

/// Every kept sentence's raw span, cut from the input bytes and decoded, gives its text back:
/// in Windows-1251 (one byte per Cyrillic letter), UTF-16 with a BOM, and UTF-8 with a NUL.
#[test]
fn raw_map_points_into_the_input_bytes_in_any_encoding() {
    let text = "Лавров and Blinken met in Geneva on Thursday to discuss the treaty.\n\nThe Russian minister Лавров said the talks were useful and that both sides would meet again.";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let with_nul = text.replacen("Geneva", "Gen\0eva", 1).into_bytes();
    let cases: [(Vec<u8>, &'static encoding_rs::Encoding); 3] = [
        (
            encode(text, encoding_rs::WINDOWS_1251),
            encoding_rs::WINDOWS_1251,
        ),
        (utf16, encoding_rs::UTF_16LE),
        (with_nul, encoding_rs::UTF_8),
    ];
    for (bytes, enc) in cases {
        let a =
            dyad_text::extract(&raw(Format::Text, bytes.clone(), SourceHints::default())).unwrap();
        assert!(!a.raw_map.is_empty(), "{}", enc.name());
        for (t, r) in &a.raw_map {
            let (back, _) = enc.decode_without_bom_handling(&bytes[r.start..r.end]);
            assert_eq!(
                back.replace('\0', ""),
                a.text[t.start..t.end],
                "{}: {t:?} ↔ {r:?}",
                enc.name()
            );
        }
    }
}
