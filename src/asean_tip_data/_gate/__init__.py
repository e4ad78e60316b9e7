"""The one way in: a copy's files admitted, checked and read into records."""
