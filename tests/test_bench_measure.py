"""How the bench counts bytes: what is search data, what a page needs, what gzip would send."""

from __future__ import annotations

import gzip
import os
import sys
import urllib.request

import pytest

from integr8.bench.browser import PageView, Transfer
from integr8.bench.builds import measured
from integr8.bench.serve import gzipped, serving


@pytest.mark.parametrize(("url", "search"), [
    ("http://127.0.0.1:1/search/search_index.json", True),  # stock Material's index
    ("http://127.0.0.1:1/assets/javascripts/workers/search.a7633da7.min.js", True),
    ("http://127.0.0.1:1/assets/javascripts/lunr/min/lunr.de.min.js", True),
    ("http://127.0.0.1:1/assets/search/fa.json", True),  # ours
    ("http://127.0.0.1:1/pagefind/pagefind.js", True),
    ("http://127.0.0.1:1/fa/modules/research/", False),
    ("http://127.0.0.1:1/assets/javascripts/bundle.a5f9d56c.min.js", False),
    ("http://127.0.0.1:1/modules/x/?q=search", False),
])
def test_search_data_is_recognised_by_its_path(url, search):
    assert Transfer(url, "script", 200, 10, 10).search is search


def test_a_page_view_separates_what_the_page_needs_from_search_and_the_rest():
    view = PageView("/modules/a/", [
        Transfer("http://h/modules/a/", "document", 200, 40_000, 9_000),
        Transfer("http://h/assets/main.css", "stylesheet", 200, 100_000, 20_000),
        Transfer("http://h/assets/bundle.js", "script", 200, 120_000, 35_000),
        Transfer("http://h/search/search_index.json", "xhr", 200, 2_000_000, 600_000),
        Transfer("http://h/en/modules/a/sitemap.xml", "xhr", 404, 500, 214),
    ], ["https://fonts.googleapis.com/css?family=Roboto"])
    assert (view.status, view.html_gzip, view.usable_gzip, view.search_gzip) == (200, 9_000, 64_000, 600_000)
    summary = view.as_dict()
    assert summary["all_gzip"] == 664_214 and summary["failed_requests"] == 1
    assert summary["other_host_requests"] == 1 and summary["other_hosts"] == ["fonts.googleapis.com"]


def test_gzipped_size_is_what_a_compressing_server_sends():
    text = ("Migrantinnen lernen gemeinsam. " * 200).encode()
    assert gzipped(text) == len(gzip.compress(text, 6, mtime=0)) < len(text)
    already_compressed = gzip.compress(os.urandom(2000))
    assert gzipped(already_compressed) == len(already_compressed), "never more than the file itself"


def test_the_local_server_serves_a_folder_on_a_free_port(tmp_path):
    (tmp_path / "index.html").write_text("<p>Hallo</p>", encoding="utf-8")
    with serving(tmp_path) as origin:
        assert origin.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(origin + "/index.html") as response:
            assert response.read() == b"<p>Hallo</p>"


def test_a_measured_process_reports_its_own_time_memory_and_output(tmp_path):
    log = tmp_path / "log.txt"
    big = measured([sys.executable, "-c", "x = bytearray(80_000_000); print('done')"], tmp_path, log)
    small = measured([sys.executable, "-c", "import sys; sys.exit(3)"], tmp_path, tmp_path / "other.txt")
    assert big.ok and big.tail() == "done" and big.seconds > 0
    assert big.peak_memory_mb > 70 > small.peak_memory_mb, "the peak of each process alone"
    assert small.returncode == 3 and not small.ok
