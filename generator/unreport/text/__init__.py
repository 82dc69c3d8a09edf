"""The small grammars of UN text, shared by every stage: document symbols, dates,
numbers (roman numerals, ordinals), typography (quotes, opening words) and State names.

In: plain strings. Out: parsed values (``DocumentSymbol``, dates, numbers) and
normalised strings. Pure functions and frozen values only; nothing here knows
about pages or files.
"""
