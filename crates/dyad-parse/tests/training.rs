//! Training is deterministic, and model files round-trip and fail clearly when damaged.

use dyad_parse::train::{train, TrainConfig};
use dyad_parse::{ModelError, Pipeline};
use std::path::PathBuf;

fn tiny() -> TrainConfig {
    TrainConfig {
        train: vec![PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/tiny.conllu"
        ))],
        tagger_iters: 5,
        parser_iters: 5,
        folds: 2,
        seed: 3,
    }
}

#[test]
fn same_seed_same_bytes() {
    let a = train(&tiny(), &mut |_| {}).unwrap().to_bytes().unwrap();
    let b = train(&tiny(), &mut |_| {}).unwrap().to_bytes().unwrap();
    assert_eq!(a, b);
    let mut other = tiny();
    other.seed = 4;
    let c = train(&other, &mut |_| {}).unwrap().to_bytes().unwrap();
    assert_ne!(a, c, "the seed should matter");
}

#[test]
fn round_trip_and_damage() {
    let model = train(&tiny(), &mut |_| {}).unwrap();
    let bytes = model.to_bytes().unwrap();
    let back = Pipeline::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes().unwrap(), bytes);
    assert!(back.info.contains("tiny.conllu"));
    assert!(matches!(
        Pipeline::from_bytes(b"garbage"),
        Err(ModelError::BadMagic)
    ));
    let mut flipped = bytes.clone();
    let mid = 24 + (flipped.len() - 24) / 2;
    flipped[mid] ^= 0x55;
    match Pipeline::from_bytes(&flipped) {
        Err(ModelError::Checksum { .. } | ModelError::Truncated) => {}
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a damaged model file loaded"),
    }
    let mut old = bytes.clone();
    old[8] = 0;
    assert!(Pipeline::from_bytes(&old)
        .unwrap_err()
        .to_string()
        .contains("retrain"));
}

#[test]
fn tiny_model_parses_its_training_data() {
    let model = train(&tiny(), &mut |_| {}).unwrap();
    let text = std::fs::read_to_string(tiny().train[0].clone()).unwrap();
    let gold = dyad_core::Doc::from_conllu(&text).unwrap();
    let mut sys = dyad_core::Doc {
        text: gold.text.clone(),
        tokens: gold.tokens.clone(),
        sentences: gold.sentences.clone(),
        ..Default::default()
    };
    model.annotate(&mut sys);
    let upos_ok = gold
        .upos
        .iter()
        .zip(&sys.upos)
        .filter(|(a, b)| a == b)
        .count();
    let head_ok = gold
        .head
        .iter()
        .zip(&sys.head)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        upos_ok * 10 >= gold.upos.len() * 9,
        "{upos_ok}/{}",
        gold.upos.len()
    );
    assert!(
        head_ok * 10 >= gold.head.len() * 8,
        "{head_ok}/{}",
        gold.head.len()
    );
}
