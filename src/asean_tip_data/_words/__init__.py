"""The words a reader sees, in English and Indonesian: labels, messages, the terminal's columns."""
