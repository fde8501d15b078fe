"""Progress for long commands: a tqdm bar on a terminal, a plain line per step in a log."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress_bar(label: str, *, unit: str, total: int | None = None):
    """Yield a callable taking how many more units are done."""
    bar = tqdm(total=total, desc=label, unit=unit, file=sys.stderr, disable=None)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if bar.disable:  # no terminal (cron, a log file): a plain line instead
            suffix = f" of {total}" if total is not None else ""
            sys.stderr.write(f"{label}: {done}{suffix} {unit}s\n")
            sys.stderr.flush()
        else:
            bar.update(count)

    try:
        yield advance
    finally:
        bar.close()
