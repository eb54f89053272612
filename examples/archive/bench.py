"""Throughput of the archive example: articles per second with 1, 2 and 4
worker processes on a LocalCluster, beside one Python process calling
copydesk in a loop (no Dask). Cluster start-up is not counted; writing the
tables is.

    python bench.py [--articles 2000] [--workers 1 2 4] [--rounds 3]

Generates its archive in a temporary folder (generate.py), then prints one
line per setting: the best of `rounds` runs.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import archive  # noqa: E402
import generate  # noqa: E402


def serial(paths):
    start = time.perf_counter()
    for path in paths:
        archive.analyse(path)
    return len(paths) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(Path(tmp) / "archive")
        generate.generate(Path(folder), args.articles, seed=17)
        paths = archive.articles(folder)
        rate = max(serial(paths) for _ in range(args.rounds))
        print(f"one process, no Dask:     {rate:6.0f} articles/s")
        for workers in args.workers:
            with archive.connect(None, workers=workers) as client:
                best = max(archive.run(folder, str(Path(tmp) / "out"), client).rate for _ in range(args.rounds))
            print(f"LocalCluster, {workers} worker{'s' if workers > 1 else ' '}: {best:6.0f} articles/s")


if __name__ == "__main__":
    main()
