"""Translation memory: every translated segment of the project, searchable exactly and fuzzily."""
