"""parse() is total: any JSON-like dict gives an event without tripping the
safety net, and the reducers and summary survive whatever it produced."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.events import Event, Unknown, parse
from lessons.state import replay
from lessons.summary import summary
from protocol.classin import INT_CMD_NAMES, STRING_CMDS

from ..helpers import fixture, fixture_names

FIXTURES = {name: fixture(name) for name in fixture_names()}

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                    st.sampled_from(["", "0", "12", "1e999", "N/A", "38ms", "²", "true", "{}", "[1]",
                                     '{"camera": 1}', "hands up12", "standaloneSelectorTool"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
cmds = st.one_of(st.sampled_from([*INT_CMD_NAMES, *STRING_CMDS]),
                 st.sampled_from([str(c) for c in INT_CMD_NAMES]), json_values)
field_names = sorted({key for payload in FIXTURES.values() for key in payload}
                     | {key for payload in FIXTURES.values() if isinstance(payload.get("Data"), dict)
                        for key in payload["Data"]})


@st.composite
def payloads(draw) -> dict:
    payload = dict(draw(st.dictionaries(st.sampled_from(field_names), json_values, max_size=10)))
    payload["Cmd"] = draw(cmds)
    if draw(st.booleans()):
        payload["Data"] = draw(st.dictionaries(st.sampled_from(field_names), json_values, max_size=10))
    return payload


@st.composite
def mutated_fixtures(draw) -> dict:
    """A real push with some of its fields (top level or in Data) replaced by junk."""
    payload = {k: (dict(v) if isinstance(v, dict) else v)
               for k, v in FIXTURES[draw(st.sampled_from(sorted(FIXTURES)))].items()}
    for target in (payload, payload.get("Data")):
        if isinstance(target, dict) and target:
            for key in draw(st.lists(st.sampled_from(sorted(target)), max_size=4)):
                target[key] = draw(json_values)
    return payload


def assert_parses(payload) -> Event:
    event = parse(payload, 1747185000.0)
    assert isinstance(event, Event)
    assert not (isinstance(event, Unknown) and event.error), event.error     # the safety net never fired
    assert isinstance(event.time, int)
    return event


@settings(max_examples=200, deadline=None)
@given(payloads())
def test_parse_never_raises_on_arbitrary_dicts(payload):
    assert_parses(payload)


@settings(max_examples=200, deadline=None)
@given(st.lists(mutated_fixtures(), min_size=1, max_size=8))
def test_mutated_fixtures_parse_and_fold(batch):
    for payload in batch:
        assert_parses(payload)
    school = replay((1747185000.0, p) for p in batch)
    for state in school.lessons.values():
        summary(state, now=1747190000)


@given(json_values)
def test_parse_accepts_anything(value):
    assert isinstance(parse(value, 0.0), Event)
