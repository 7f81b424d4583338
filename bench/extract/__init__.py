"""Helpers for bench/extract_bench.py: the AEB metric, the peers, the data loaders."""
