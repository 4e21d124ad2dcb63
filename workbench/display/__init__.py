"""What the command line and the workbench share for showing text to a person.

`bidi` puts right-to-left text (Sorani) in the order a terminal should draw it, after
wrapping it in logical order; `text` is the one display path built on it, for Rich tables
and printing as well as Textual panels and widgets, with user text never read as markup.
This package is on the UI side (it may import rich, never textual or typer); the core
packages do not import it.
"""
