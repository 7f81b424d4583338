"""``python -m newsroom [--host 127.0.0.1] [--port 8001] [--shared ../shared]``: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import sys
import time

from .server import Newsroom, default_shared_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsroom", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8001, help="0 picks a free port (default 8001)")
    ap.add_argument("--shared", default=None, help=f"shared data dir (default {default_shared_dir()})")
    ap.add_argument("--change-every", type=int, default=3,
                    help="/feeds/changing.rss gains an item every N GETs (0: never automatically)")
    ap.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    args = ap.parse_args(argv)

    nr = Newsroom(args.shared, args.host, args.port, change_every=args.change_every, verbose=args.verbose)
    nr.start()
    if not nr.has_data:
        print(f"warning: no shared data under {nr.shared_dir}; only synthetic endpoints work", file=sys.stderr)
    print(f"newsroom serving {nr.base_url}/  (shared: {nr.shared_dir})")
    print("feeds:")
    for name, path in nr.feed_paths().items():
        print(f"  {nr.url(path):<55} {name}")
    print("also:")
    for path in ("/", "/nofeed.html", "/seed.html", "/subscriptions.opml", "/robots.txt",
                 "/feeds/malformed.rss", "/redirect/3/feeds/wikinews.rss", "/slow/2/feeds/wikinews.rss",
                 "/status/429", "/wrong-charset.html", "/huge.html", "/gzip-bomb.html"):
        print(f"  {nr.url(path)}")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        nr.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
