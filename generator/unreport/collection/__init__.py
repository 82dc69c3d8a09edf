"""Many documents, one site: the collection's pipeline.

    sources ─ document_build ─▶ one folder per document (its pages + summary.py's
                                 summary), built in parallel, kept until its source,
                                 the configuration or unreport changes
            ─ links ─▶ the documents' links (lineage.py: which draft became which
                        resolution), from the summaries only
            ─ compose ─▶ the site: the collection's pages (home.py), every document's
                          folder with the links put in (rewrite.py), collection.json
                          (index_json.py), the search index (Pagefind)

A single document is still built by ``publish.build`` as before; a collection's
documents keep their pages and anchors, each in a folder named by its symbol.
"""
