"""mtcheck: translation-quality and fact-consistency checks for news articles."""

__version__ = "0.1.0"
