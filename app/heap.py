"""How often the garbage collector runs in a process that receives and folds
pushes all day: `serve`, its core process, and the window.

CPython's default pace (700, 10, 10) suits short scripts: a young collection
every 700 new container objects, and a full one each time the older ones grew
by a quarter. A push leaves almost no reference cycles, but the lesson state it
folds into grows all day, so under load the full collections kept re-scanning
that state: in `serve`'s core process at C=64, eleven full collections in nine
seconds, ~140 ms each (1.6 s of CPU, and a 140 ms stall each), which found 43
objects to free. Across both processes 2 s of a 9 s run went to collecting.
With the pace below and the started state frozen, 0.5 s did, and `serve`
acked 11-18% more pushes at C=64 from an outside generator with ClassIn's mix
(bench/compare.sh), 5-13% more with Net reports alone (bench/ingest.py).
"""
from __future__ import annotations

import gc

# Young collections every 20,000 new containers (~2 ms each in the core), the
# older generations 20 times rarer each: cyclic garbage still goes, in seconds.
PACE = (20_000, 20, 20)


def pace() -> None:
    """At the start of a process that will receive or fold pushes."""
    gc.set_threshold(*PACE)


def settle() -> None:
    """Once started: what the start loaded (recent lessons, alarms, settings)
    lives as long as the process, so full collections need not scan it again."""
    gc.collect()
    gc.freeze()
