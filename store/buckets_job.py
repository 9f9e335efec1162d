"""Half of a large compaction's buckets built in a child process, beside the importer.

The compaction at the end of an import builds the entity index a bucket at a time (see
:class:`store.entity_index.IndexBuilder`), on one core: on the full synthetic corpus about
a minute during which the machine's other core had nothing to do. For a large index the
importer now hands the second half of the buckets to a child (spawned: the importer may
hold threads), which reads their mentions from the spill files the importer flushed,
reads the previous index itself if there is one, and writes those buckets' postings to a
temporary file beside the generation files, while the importer builds the first half.
The importer then copies the child's postings after its own and appends its columns
(entities are numbered in bucket order either way): the files are the same as one
process writes, byte for byte. Should the child fail (no process to be had, killed, out
of memory), the importer builds those buckets itself from the same spill files, which
only it removes. A kill of the importer kills the child (:func:`store.pipeline.init_child`);
its temporary file is removed by the next writer, as every ``*.tmp`` there is.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

from store.entity_index import (
    SPILL_BUCKETS,
    BucketRun,
    IndexBuilder,
    PostingsReader,
    read_columns,
)
from store.files import TMP_SUFFIX
from store.pipeline import ChildWork

#: Mentions set aside from which half the buckets are built in a child (below, spawning
#: one costs more than it saves: about half a second).
CHILD_FROM = 1_000_000
#: The first bucket the child builds.
FIRST_CHILD_BUCKET = SPILL_BUCKETS // 2
#: The child's name, as ``ps`` shows it.
BUCKETS_NAME = "cables-buckets"


def _build(
    buckets: range, spilled: dict[int, str], base: tuple[str, str, str] | None, out_path: str
) -> BucketRun:
    """In the child: the postings of ``buckets`` (their mentions in the files ``spilled``,
    the previous index's folder and files ``base``) written to ``out_path``; their columns."""
    builder = IndexBuilder(None, kept={bucket: Path(path) for bucket, path in spilled.items()})
    with contextlib.ExitStack() as stack:
        if base is not None:
            folder, index, postings = Path(base[0]), base[1], base[2]
            reader = PostingsReader(stack.enter_context(open(folder / postings, "rb")))
            builder.add_base(read_columns(folder, index), reader)
        with open(out_path, "wb") as out:
            return builder.write_buckets(buckets, out)


class BucketsJob:
    """The buckets from :data:`FIRST_CHILD_BUCKET` on, built by a child process (see the
    module docstring); :meth:`start` gives None when the index is too small or no child
    can be had."""

    def __init__(self, builder: IndexBuilder, folder: Path) -> None:
        self.builder = builder
        #: The buckets the importer builds first, and those the child builds.
        self.before = range(FIRST_CHILD_BUCKET)
        self.buckets = range(FIRST_CHILD_BUCKET, SPILL_BUCKETS)
        self._child: ChildWork[BucketRun] = ChildWork(
            BUCKETS_NAME, folder / f"buckets-{os.getpid()}{TMP_SUFFIX}"
        )

    @classmethod
    def start(cls, builder: IndexBuilder, folder: Path | None) -> BucketsJob | None:
        """The job, its child started, for a builder of a large index whose mentions are
        in files under ``folder``; else None (the builder builds every bucket itself)."""
        if folder is None or builder.mentions < CHILD_FROM or builder.spill.folder is None:
            return None
        if builder.has_base and builder.base_files is None:
            return None  # a previous index the child could not read
        job = cls(builder, folder)
        spilled = builder.spill.flush(job.buckets)  # a write error fails the compaction
        base = builder.base_files
        started = job._child.start(
            _build,
            job.buckets,
            {bucket: str(path) for bucket, path in spilled.items()},
            None if base is None else (str(base[0]), base[1], base[2]),
            str(job._child.path),
        )
        return job if started else None

    def join(self, out: BinaryIO) -> BucketRun | None:
        """The child's postings copied to ``out`` (after the importer's), and their columns;
        None if the child failed (nothing written: the importer builds its buckets)."""
        run = self._child.result()
        if run is None:
            return None
        self._child.copy_file(out)
        for bucket in self.buckets:
            self.builder.spill.drop(bucket)
        return run

    def stop(self) -> None:
        """Let the child go, done or not, and remove its file (again: does nothing)."""
        self._child.stop()
