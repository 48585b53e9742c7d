"""ClaimGraph: turn news articles into claim graphs (who asserts, denies and accuses whom)."""

__version__ = "0.1.0"
