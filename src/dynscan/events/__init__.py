"""The timeline: event model, vocabularies and JSON Lines interchange."""
