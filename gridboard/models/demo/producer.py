"""The demo's producer: batches of rows built here, or in a spawned process while the parent writes."""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date
from queue import Empty
from typing import Any

from gridboard.models.demo.rows import Batch, Rows
from gridboard.models.demo.synthesis import community, finish


@dataclass(frozen=True)
class Job:
    """Everything the row builder needs; picklable, so a producer process can run it."""

    seed: int
    today: date
    scale: str
    plan: list[list[int]]
    tag_ids: dict[str, int]
    first_ids: dict[str, int]
    operator: str


def in_this_process(job: Job) -> Generator[Batch, None, None]:
    rows = Rows(job.seed, job.today, job.tag_ids, job.first_ids)
    for index, grid_targets in enumerate(job.plan):
        yield from community(rows, index, grid_targets)
    yield finish(rows, job.scale, job.operator)


def _produce(job: Job, queue: Any) -> None:
    """Producer process: builds batches while the parent writes the previous ones (two cores)."""
    try:
        for batch in in_this_process(job):
            queue.put(("batch", batch))
        queue.put(("done", None))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        queue.put(("failed", traceback.format_exc()))


def in_a_process(job: Job) -> Generator[Batch, None, None]:
    # "spawn" everywhere: forking a process that may run Qt threads is unsafe.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=4)
    process = context.Process(target=_produce, args=(job, queue), daemon=True)
    process.start()
    try:
        while True:
            try:
                kind, item = queue.get(timeout=2)
            except Empty:
                if not process.is_alive():
                    raise RuntimeError("The demo data producer process stopped unexpectedly.") from None
                continue
            if kind == "done":
                break
            if kind == "failed":
                raise RuntimeError(f"The demo data producer failed:\n{item}")
            yield item
        process.join()
    finally:
        if process.is_alive():
            process.terminate()
            process.join()
