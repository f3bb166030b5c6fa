"""Ingest jobs: read shared files through mapping profiles, validate, normalise, resolve, write."""
