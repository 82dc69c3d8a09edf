"""``unreport serve``: preview the site on 127.0.0.1 and rebuild it when the source changes.

For people correcting a converted file: edit the Markdown, save, and the open
page reloads with the result. The site is built into a temporary folder (never
the user's ``site/``) and served from there by a small HTTP server on the
loopback address only. The source file (and a ``--config`` file) are watched by
polling their content; a changed file is parsed and built again
in a new temporary folder, and the server switches to it only when the build
succeeds. A source with problems gets its message printed, file:line, while the
last good site stays on view.

Pages are served as built, except that HTML responses get a few lines of script
that ask the server, once a second, which build it is on, and reload the page
when a new one is ready — the built files themselves are never changed.
"""

from __future__ import annotations

import hashlib
import http.server
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENERATION_PATH = "/__unreport__/generation"
"""Where the page's script asks which build the server is on."""
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;function ask(){fetch('GENERATION',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(g){if(seen!==null&&g!==seen)"
    "{location.reload()}seen=g}).catch(function(){})}ask();setInterval(ask,1000)})();"
    "</script>").replace("GENERATION", GENERATION_PATH)
"""Added before ``</body>`` of every served page: reload when the build changes."""
POLL_SECONDS = 0.5
"""How often the watched files are looked at."""


@dataclass
class Preview:
    """The site being served: its folder, which build it is, and the folders to clean up."""

    site: Path
    """The folder served now."""
    generation: int = 1
    """Counts successful builds; the page reloads when it changes."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Guards ``site`` and ``generation`` between the server and the watcher."""

    def switch(self, site: Path) -> Path:
        """Serve ``site`` from now on; return the folder it replaces."""
        with self.lock:
            old, self.site = self.site, site
            self.generation += 1
        return old


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the current build, and the generation number for the reload script."""

    preview: Preview

    def translate_path(self, path: str) -> str:
        with self.preview.lock:
            root = self.preview.site
        self.directory = str(root)
        return super().translate_path(path)

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        if self.path.split("?")[0] == GENERATION_PATH:
            self._send(str(self.preview.generation).encode(), "text/plain")
            return
        path = Path(self.translate_path(self.path.split("?")[0].split("#")[0]))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_text("utf-8")
            at = html.rfind("</body>")
            html = html[:at] + RELOAD_SCRIPT + html[at:] if at >= 0 else html + RELOAD_SCRIPT
            self._send(html.encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log: the terminal shows builds and problems only."""


def _state(paths: list[Path]) -> tuple[str | None, ...]:
    """What the watched files hold now (a digest of each; None for a missing one)."""
    state: list[str | None] = []
    for path in paths:
        try:
            state.append(hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            state.append(None)
    return tuple(state)


def _build(make: Callable[[Path], None], work: Path, number: int) -> Path:
    site = work / f"build-{number}"
    make(site)
    return site


def serve(make: Callable[[Path], None], watched: list[Path], *, port: int,
          say: Callable[[str], None], stop: threading.Event | None = None) -> None:
    """Build, serve on 127.0.0.1:``port``, and rebuild when a ``watched`` file changes.

    ``make`` reads, parses and checks the source (raising ``SourceError``) and builds
    the site into the new folder it is given — one document's site or a collection's;
    ``say`` prints a line for the user. Runs until interrupted (or ``stop`` is set).
    """
    from unreport.diagnostics import SourceError
    from unreport.publish.build import BuildError

    stop = stop or threading.Event()
    work = Path(tempfile.mkdtemp(prefix="unreport-serve-"))
    try:
        seen = _state(watched)
        preview = Preview(_build(make, work, 1))
        handler = type("Handler", (_Handler,), {"preview": preview})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        thread = threading.Thread(target=server.serve_forever, name="unreport-serve",
                                  daemon=True)
        thread.start()
        say(f"Serving the site on http://127.0.0.1:{server.server_address[1]}/ — it is "
            f"rebuilt when {', '.join(str(p) for p in watched) or 'the source'} changes. "
            "Press Ctrl+C to stop.")
        try:
            while not stop.wait(POLL_SECONDS):
                now = _state(watched)
                if now == seen:
                    continue
                seen = now
                started = time.perf_counter()
                try:
                    site = _build(make, work, preview.generation + 1)
                except (SourceError, BuildError, OSError) as error:
                    say(f"error: {error}\nThe last good build stays on view; save the file "
                        "again once it is fixed.")
                    continue
                shutil.rmtree(preview.switch(site), ignore_errors=True)
                say(f"Rebuilt in {time.perf_counter() - started:.1f} s; open pages reload.")
        finally:
            server.shutdown()
            server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        sys.stdout.flush()
