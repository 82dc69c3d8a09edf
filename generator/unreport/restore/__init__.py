"""Stage 2, restore: footnote marks the converter lost, put back where the
document itself shows where they stood.

In: a ``Report`` with notes whose marks were lost. Out: the same ``Report`` with
restored marks (each with the evidence) and a warning for each; no text changes.
A mark is placed only where one position is clearly best.
"""
