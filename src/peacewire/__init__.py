"""peacewire: evidence from news about wars and peace negotiations."""

__version__ = "0.1.0"
