"""The translator's deliverable: the English article assembled from its PO file, as plain
text, Markdown or a standalone HTML page, and a bilingual review page for an editor.

Headless: renderers return bytes and `build` writes them as a set; the CLI (`kwb build`)
and the editor (F5) call it."""
