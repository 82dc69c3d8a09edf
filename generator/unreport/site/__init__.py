"""Stage 4, site: the ``Reading`` of a document (a report, a resolution, a draft or
amendments) → ``{path: Markdown}`` for every page, and the search entries of its
paragraphs.

One module per page kind. Pages are plain Markdown with standard extensions
(attr_list, admonition, tables, toc, md_in_html, pymdownx.details, pymdownx.caret)
that any engine reading ``mkdocs.yml`` builds; every text passes through
``markdown_text.escape``; paths and anchors come from ``unreport.addresses``.
"""
