"""unreport: turn a United Nations General Assembly committee report into a static website."""

__version__ = "0.1.0"
