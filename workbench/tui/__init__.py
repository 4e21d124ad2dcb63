"""The Textual workbench: project overview, segment editor, glossary review, QA report."""
