"""Newswire's domain library: models, settings, storage, parsing, matching and delivery."""
