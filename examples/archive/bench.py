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
    """Articles per second and CPU milliseconds per article, in this process."""
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        archive.analyse(path)
    return len(paths) / (time.perf_counter() - start), (time.process_time() - cpu) * 1000 / len(paths)


def on_cluster(client, folder, out):
    """Articles per second, and the workers' CPU milliseconds per article."""
    before = sum(client.run(time.process_time).values())
    summary = archive.run(folder, out, client)
    cpu = sum(client.run(time.process_time).values()) - before
    return summary.rate, cpu * 1000 / summary.articles


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
        rate, cpu = max(serial(paths) for _ in range(args.rounds))
        print(f"one process, no Dask:     {rate:6.0f} articles/s  {cpu:.2f} ms CPU per article")
        for workers in args.workers:
            with archive.connect(None, workers=workers) as client:
                rate, cpu = max(on_cluster(client, folder, str(Path(tmp) / "out")) for _ in range(args.rounds))
            plural = "s" if workers > 1 else " "
            print(f"LocalCluster, {workers} worker{plural}: {rate:6.0f} articles/s  {cpu:.2f} ms CPU per article (workers)")


if __name__ == "__main__":
    main()
