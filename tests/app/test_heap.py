"""app.heap: the collector's pace for processes that run all day."""
import gc
import weakref

import pytest

from app import heap


@pytest.fixture
def restored():
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


class Node:
    def __init__(self):
        self.me = self   # a reference cycle: only the collector frees it


def test_settled_state_is_left_out_of_collections(restored):
    kept = [Node() for _ in range(1000)]
    heap.pace()
    heap.settle()
    assert gc.get_threshold() == heap.PACE
    # A full collection scans the oldest generation: the settled state is not in it.
    scanned = {id(o) for o in gc.get_objects(generation=2)}
    assert not scanned & {id(node) for node in kept}, "full collections would scan the settled state again"


def test_cycles_made_later_are_still_freed_without_asking(restored):
    heap.pace()
    heap.settle()
    freed = []
    cycle = Node()
    weakref.finalize(cycle, freed.append, True)
    del cycle
    # Only new containers drive the collector: more than a young generation's worth.
    churn = []
    for _ in range(3 * heap.PACE[0]):
        churn.append([])
        if freed:
            break
    assert freed, "the collector never ran on its own"
