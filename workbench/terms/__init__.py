"""The glossary: entries and their file formats, Sorani-aware term matching, review, exchange."""
