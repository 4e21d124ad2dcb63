"""The Sorani text core: normalization, segmentation, tokenization (stdlib only)."""

from workbench.text.normalize import (
    Normalized,
    canonical,
    canonical_text,
    change_stats,
    key_from_canonical,
    key_text,
    matching_key,
)
from workbench.text.offsets import OffsetMap
from workbench.text.segmentation import Segment, segment
from workbench.text.tokenization import Token, tokenize

__all__ = [
    "Normalized",
    "OffsetMap",
    "Segment",
    "Token",
    "canonical",
    "canonical_text",
    "change_stats",
    "key_from_canonical",
    "key_text",
    "matching_key",
    "segment",
    "tokenize",
]
