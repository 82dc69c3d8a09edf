"""Stage 5, publish: the only stage that touches the disk.

In: the pages, data files and search entries of a report. Out: a site folder, a
zip for reading offline, or a preview server. Folders are written only when
unreport owns them (``ownership``), and replaced atomically; one module talks to
MkDocs (``mkdocs_engine``), one to Zensical (``zensical_engine``).
"""
