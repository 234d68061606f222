"""lessons.frozen: the quick __init__ makes the same instances as dataclasses' own."""
import dataclasses

import pytest

from lessons.frozen import frozen


@frozen
class Point:
    x: int
    y: int | None = None


@frozen(kw_only=True)
class Base:
    time: int
    note: str | None = None


@frozen(kw_only=True)
class Child(Base):
    uid: int


def test_positional_fields_take_their_defaults():
    assert Point(1) == Point(1, None) == Point(x=1)
    assert Point(1, 2).y == 2 and hash(Point(1, 2)) == hash(Point(1, 2))
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"


def test_keyword_only_fields_and_inherited_ones():
    child = Child(time=5, uid=7)
    assert (child.time, child.note, child.uid) == (5, None, 7)
    assert dataclasses.replace(child, note="n") == Child(time=5, note="n", uid=7)
    with pytest.raises(TypeError):
        Child(5, 7)                 # keyword-only, as dataclasses made them
    with pytest.raises(TypeError):
        Child(time=5)               # a field without a default is required


def test_instances_stay_frozen():
    point = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3
    assert not hasattr(point, "__dict__")
