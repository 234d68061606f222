"""The start-up the command line and the window share (app/startup.py): why a
real core could not start, in the one line both show; secrets out of what is
masked."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from app.core import Monitor
from app.startup import Context, start_failure
from storage.config import ConfigStore
from storage.dburl import DbUrl

from ..helpers import SECRET
from .test_core import started


async def failure(data_dir, port: int) -> str | None:
    second = Monitor(data_dir, ConfigStore(data_dir), port=port)
    with pytest.raises(Exception) as caught:
        await second.start()
    return start_failure(caught.value, "127.0.0.1", port)


async def test_a_data_dir_another_receiver_uses_is_one_line(data_dir):
    first = await started(data_dir)
    try:
        line = await failure(data_dir, 0)
    finally:
        await first.stop()
    assert line.startswith("another ClassWatch receiver is using ") and "\n" not in line


async def test_a_taken_port_is_one_line_naming_it(data_dir, tmp_path):
    first = await started(data_dir)
    port = urlsplit(first.receiver.url).port
    other = tmp_path / "other"
    other.mkdir()
    try:
        line = await failure(other, port)
    finally:
        await first.stop()
    assert line == (f"cannot listen on 127.0.0.1:{port}: the port is in use "
                    f"(another ClassWatch running? choose --port)")


def test_anything_else_is_left_to_the_traceback():
    assert start_failure(KeyError("bug"), "127.0.0.1", 8765) is None


def test_the_mask_covers_the_config_and_the_database_password(data_dir):
    db = DbUrl.parse("postgresql://desk:pg-s3cret@db.example/classwatch")
    ctx = Context(data_dir, ConfigStore(data_dir), db, (db.password,))
    assert ctx.mask(f"secret {SECRET} and pg-s3cret") == "secret *** and ***"
