"""The collection's search index across builds (``collection/search_index.py``): which
bundles a build uses — the whole index, or the last whole index and an update holding
only the documents that differ from it — which records the search leaves out, and what
the cache keeps. Pure functions over a cache folder; the browser test
(``tests/browser/test_browser_search_update.py``) searches a site built this way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from unreport.collection import search_index
from unreport.collection.search_index import KEPT, UPDATE_SHARE, Bundle, SearchPlan, plan

DOCUMENTS = {f"A-RES-78-{number}": f"key-{number}" for number in range(200, 200 + 4 *
                                                                          UPDATE_SHARE)}
"""A collection of 40 documents: up to four may differ from a whole index it updates."""


def cached(cache: Path, bundle: Bundle, used: int = 0) -> Bundle:
    """``bundle`` as a build leaves it in ``cache`` (used ``used`` seconds ago)."""
    (cache / bundle.key).mkdir(parents=True)
    (cache / bundle.key / "pagefind.js").write_text("", "utf-8")
    described = cache / f"{bundle.key}.json"
    described.write_text(json.dumps({"whole": bundle.whole,
                                     "documents": dict(bundle.documents)}), "utf-8")
    os.utime(described, (described.stat().st_atime, described.stat().st_mtime - used))
    return bundle


def changed(documents: dict[str, str], *folders: str) -> dict[str, str]:
    return {**documents, **{folder: documents[folder] + "-edited" for folder in folders}}


def test_without_a_cache_or_a_whole_index_in_it_the_index_is_made_whole(
        tmp_path: Path) -> None:
    whole = SearchPlan((Bundle(DOCUMENTS, whole=True),), {})
    assert plan(DOCUMENTS, None) == whole
    assert plan(DOCUMENTS, tmp_path / "absent") == whole
    cached(tmp_path, Bundle(DOCUMENTS, whole=False))  # an update is never a base
    assert plan(DOCUMENTS, tmp_path) == whole
    assert whole.folders() == ["pagefind/1/"] and whole.excluded() == []


def test_the_same_documents_use_their_whole_index_as_it_is(tmp_path: Path) -> None:
    base = cached(tmp_path, Bundle(DOCUMENTS, whole=True))
    assert plan(DOCUMENTS, tmp_path) == SearchPlan((base,), {})


def test_a_changed_document_goes_into_an_update_and_its_old_records_are_hidden(
        tmp_path: Path) -> None:
    base = cached(tmp_path, Bundle(DOCUMENTS, whole=True))
    now = changed(DOCUMENTS, "A-RES-78-229")
    found = plan(now, tmp_path)
    assert found.bundles == (base, Bundle({"A-RES-78-229": "key-229-edited"}, whole=False))
    assert found.hidden == {"A-RES-78-229": "key-229"}
    assert found.folders() == ["pagefind/1/", "pagefind/2/"]
    assert found.excluded() == [{"A-RES-78-229": "key-229"}]


def test_a_document_added_is_indexed_alone_and_one_left_out_is_hidden(
        tmp_path: Path) -> None:
    base = cached(tmp_path, Bundle(DOCUMENTS, whole=True))
    added = {**DOCUMENTS, "A-77-464": "key-464"}
    assert plan(added, tmp_path) == SearchPlan(
        (base, Bundle({"A-77-464": "key-464"}, whole=False)), {})
    fewer = {k: v for k, v in DOCUMENTS.items() if k != "A-RES-78-210"}
    assert plan(fewer, tmp_path) == SearchPlan((base,), {"A-RES-78-210": "key-210"})


def test_more_than_a_tenth_of_the_documents_differing_makes_the_whole_index_again(
        tmp_path: Path) -> None:
    cached(tmp_path, Bundle(DOCUMENTS, whole=True))
    folders = sorted(DOCUMENTS)
    limit = len(DOCUMENTS) // UPDATE_SHARE
    assert len(plan(changed(DOCUMENTS, *folders[:limit]), tmp_path).bundles) == 2
    too_many = changed(DOCUMENTS, *folders[:limit + 1])
    assert plan(too_many, tmp_path) == SearchPlan((Bundle(too_many, whole=True),), {})
    # a small collection of another: every document of the whole index would be hidden
    few = {folder: DOCUMENTS[folder] for folder in folders[:3]}
    assert plan(few, tmp_path) == SearchPlan((Bundle(few, whole=True),), {})


def test_the_closest_whole_index_is_the_base(tmp_path: Path) -> None:
    cached(tmp_path, Bundle(changed(DOCUMENTS, "A-RES-78-201", "A-RES-78-202"), whole=True))
    closer = cached(tmp_path, Bundle(changed(DOCUMENTS, "A-RES-78-201"), whole=True), used=60)
    assert plan(DOCUMENTS, tmp_path).bundles[0] == closer
    # a description whose bundle is gone, or that is not one, is passed over
    (tmp_path / closer.key / "pagefind.js").unlink()
    (tmp_path / "notes.json").write_text("{}", "utf-8")
    assert plan(DOCUMENTS, tmp_path).bundles[0] != closer


def test_the_cache_keeps_the_bundles_used_and_the_latest_whole_indexes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, site, work = tmp_path / "cache", tmp_path / "site", tmp_path / "work"
    others = [cached(cache, Bundle({f"A-{n}": "k"}, whole=True), used=100 + n)
              for n in range(KEPT + 1)]
    stale_update = cached(cache, Bundle({"A-0": "old"}, whole=False), used=1)
    base = cached(cache, Bundle(DOCUMENTS, whole=True), used=500)
    made: list[Path] = []

    def run_pagefind(records: dict[str, Path], gathered: Path, bundle: Path) -> None:
        assert set(records) == {"A-RES-78-229"}
        made.append(bundle)
        bundle.mkdir(parents=True)
        (bundle / "pagefind.js").write_text("// update", "utf-8")

    monkeypatch.setattr(search_index, "_run_pagefind", run_pagefind)
    now = changed(DOCUMENTS, "A-RES-78-229")
    found = plan(now, cache)
    search_index.index(site, found, {folder: tmp_path / folder for folder in now}, work, cache)
    update = found.bundles[1]
    assert made == [cache / update.key]
    assert (site / "pagefind" / "1" / "pagefind.js").read_text("utf-8") == ""
    assert (site / "pagefind" / "2" / "pagefind.js").read_text("utf-8") == "// update"
    kept = {path.name for path in cache.iterdir()}
    latest = [bundle.key for bundle in others[:KEPT - 1]]  # with the base, KEPT whole ones
    assert kept == {f"{key}{suffix}" for key in (base.key, update.key, *latest)
                    for suffix in ("", ".json")}
    assert stale_update.key not in kept
    # built again as it is: the update is found in the cache, not made again
    search_index.index(tmp_path / "site-2", plan(now, cache),
                       {folder: tmp_path / folder for folder in now}, work, cache)
    assert made == [cache / update.key]
