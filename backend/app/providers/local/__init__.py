"""Embedded, offline providers: deterministic, no keys, no network."""
