"""Project-wide search (a concordance of any query) and search and replace in the English."""
