"""Stage 4, export: the document as open data — JSON (and its schema), CSV tables,
Akoma Ntoso XML.

In: the ``Reading`` of a document (a report, a resolution, a draft or amendments).
Out: ``{file name: text}``; nothing is written here. Every text is plain (no
Markdown, no HTML); addresses come from ``unreport.addresses`` so that they lead
to the same places as the site's links.
"""
