"""Serving a built site on localhost while the browser and Lighthouse measure it.

Files are served as they are, uncompressed, so the bytes a response carries are the bytes of
the file; what a compressing server would send is computed from them (``gzipped``).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# gzip level 6 is the default of gzip(1) and of most servers' dynamic compression.
GZIP_LEVEL = 6


def gzipped(body: bytes) -> int:
    """Bytes on the wire when a server compresses ``body``: never more than the body itself,
    because servers send already-compressed files (Pagefind's index, images) as they are."""
    return min(len(body), len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)))


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """A static server for ``directory`` on 127.0.0.1 at a free port; yields its origin URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"bench-server-{directory.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
