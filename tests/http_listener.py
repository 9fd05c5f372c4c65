"""A real HTTP listener on 127.0.0.1 that records every request it receives (the target of SERVICE probes)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EMPTY_RESULT = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode("utf-8")


class RecordingListener:
    """``with RecordingListener() as listener``: ``listener.url`` answers an empty SPARQL result; ``listener.requests``
    lists (method, path, User-Agent) of what arrived."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt: str, *args) -> None:
                pass

            def _record(self) -> None:
                listener.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULT)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULT)

            do_GET = do_POST = _record  # noqa: N815 (http.server's naming)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/sparql"

    def __enter__(self) -> RecordingListener:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
