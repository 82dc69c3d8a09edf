"""Stage 3, references: what the report's texts cite and refer to.

In: the ``Report``. Out: a ``ReferenceLayer`` (every anchor registered, then every
citation found and resolved to a target: a page of this site or an official
record) and the meetings each report paragraph is about. The texts stay plain: a
citation is a span with offsets and a target.
"""
