"""Ingestion: news in the forms it comes in (pages, WARC crawls, feeds, JSONL, text) to Articles.

`sources` expands and opens inputs and runs one reader per format (`warc`, `feed`, `html`, `jsonl`,
`text`); `flow` adds the language gate and near-duplicate look-up (`dedup`) and keeps the tally;
`command` is `truce ingest`, which extracts and stores (`state` remembers what earlier runs kept).
Every record a reader cannot use becomes a `truce.records.Skip` with its reason (`limits`).
"""
