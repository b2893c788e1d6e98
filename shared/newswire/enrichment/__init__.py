"""Article enrichment: language, entities, topics, keywords, summary and metadata.

``enrich`` is a pure function of the submitted article. Its resources (gazetteers, the topic
vocabulary, the language model) load once per process on first use.
"""

from __future__ import annotations

from newswire.models import ArticleIn, Enrichment

from .pipeline import enrich, warm
from .topics import broader_topics, topic_name

__all__ = ["ArticleIn", "Enrichment", "broader_topics", "enrich", "topic_name", "warm"]
