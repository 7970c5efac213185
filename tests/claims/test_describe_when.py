"""Every ISO form the extractor writes reads as words, and nothing else crashes."""
import pytest

from checker.claims.align import describe_when


@pytest.mark.parametrize("iso, words", [
    ("2025-07-10", "10 July 2025"), ("2025-07", "July 2025"), ("2025", "2025"),
    ("--07-10", "10 July"), ("--07", "July"),
    ("2025-07-08/2025-07-09", "the night of 8–9 July 2025"),
    ("2025-07-01/..", "since 1 July 2025"), (None, "no date given"), ("P3D", "P3D"),
])
def test_describe_when(iso, words):
    assert describe_when(iso) == words
