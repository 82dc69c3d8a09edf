"""Stage 3, mandates: who each operative paragraph asks to do what.

In: the ``Report``. Out: a ``MandateLayer`` — every directive clause (verb,
addressees, kind) and every report that falls due (by whom, to which body, at
which session), read from the paragraphs' own words by a small grammar.
"""
