"""`carepath generate`: a deterministic synthetic municipality for load and usability tests."""
