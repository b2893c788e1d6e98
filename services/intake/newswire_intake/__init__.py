"""Newswire's intake: the HTTP API newsrooms post to and operators manage subscribers with."""
