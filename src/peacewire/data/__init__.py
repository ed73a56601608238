"""Lexicons and gazetteers shipped with peacewire (data files, documented in their headers)."""
