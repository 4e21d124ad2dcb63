"""Language readers: what a Sorani or English text says in numbers, dates and words.

Numbers in digits and spelled out (`numbers`, `spelled_numbers`, `vague_numbers`), dates of
the Gregorian and Kurdish solar calendars (`dates`), weekdays and months named alone
(`calendar`), English word stems (`english`). They read text and nothing else: they import
only the text core (`workbench.text`), so the checker, the aligner and search share them
without depending on each other. Their word tables are data/numbers.tsv and
data/english_plurals.tsv.
"""
