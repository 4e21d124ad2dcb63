"""kwb: a Sorani Kurdish → English translation workbench."""

__version__ = "0.1.0"
