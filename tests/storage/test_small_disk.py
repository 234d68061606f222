"""A full disk and a read-only one, for real: a small tmpfs mounted for the
test (needs root; skipped elsewhere)."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess

import orjson
import pytest

from receiver.app import Receiver
from storage.config import ConfigStore
from storage.logs import setup_logging

from ..helpers import SECRET, SID, new_push, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"),
                                reason="mounting a small tmpfs needs root")


@pytest.fixture
def small_fs(tmp_path):
    mnt = tmp_path / "fs"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)])


def remount(mnt, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mnt)], check=True)


async def post(http, receiver, push) -> int:
    async with http.post(receiver.url + "/classin", data=orjson.dumps(push)) as resp:
        return resp.status


async def public_ok(http, receiver) -> bool:
    async with http.get(receiver.url + "/healthz") as resp:
        return (await resp.json())["ok"]


def fill(path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    os.close(fd)


@pytest.mark.slow
async def test_a_full_disk_recovers_with_one_mib_freed_and_loses_no_acked_push(small_fs, http, capfd):
    data = small_fs / "data"
    data.mkdir()
    config = ConfigStore(data)
    config.add_school(SID, SECRET)
    setup_logging(data, lambda: [], stderr=False)
    receiver = Receiver(data, config=config, store_timeout=5)
    await receiver.start("127.0.0.1", 0)
    acked, tried = [], 0
    try:
        async def one() -> int:
            nonlocal tried
            push = new_push("Net", Data={"pad": "x" * 2000})
            tried += 1
            status = await post(http, receiver, push)
            if status == 200:
                acked.append(push["_id"])
            return status
        for _ in range(20):
            assert await one() == 200
        filler = small_fs / "filler"
        fill(filler)
        refused = 0
        while refused < 3 and tried < 5000:
            refused += await one() == 503
        fill(filler)                       # the space the reserve gave back is taken too
        assert await one() == 503
        assert not await public_ok(http, receiver)
        os.truncate(filler, filler.stat().st_size - 1024 * 1024)     # 1 MiB free
        assert await one() == 200
        assert await public_ok(http, receiver)
    finally:
        await receiver.stop()
        logging.getLogger().handlers.clear()
    assert "Logging error" not in capfd.readouterr().err
    out = run_cli("events", data_dir=data)
    stored = [orjson.loads(line)["payload"]["_id"] for line in out.stdout.splitlines()]
    assert stored == acked


@pytest.mark.slow
async def test_a_read_only_data_dir_gets_one_line_not_tracebacks(small_fs, http, tmp_path):
    data = small_fs / "data"
    data.mkdir()
    ConfigStore(data).add_school(SID, SECRET)
    receiver = Receiver(data)
    await receiver.start("127.0.0.1", 0)
    assert await post(http, receiver, new_push("Net")) == 200
    await receiver.stop()
    view = tmp_path / "read-only"
    view.mkdir()
    subprocess.run(["mount", "--bind", str(small_fs), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        for args in (("events",), ("school", "list"), ("serve", "--port", "0")):
            out = run_cli(*args, data_dir=view / "data", timeout=30)
            assert "Traceback" not in out.stderr and "Logging error" not in out.stderr, (args, out.stderr)
            assert out.returncode == 0 or out.stderr.strip().count("\n") == 0, (args, out.stderr)
        assert out.returncode == 1 and "cannot use" in out.stderr      # serve says why, in one line
    finally:
        subprocess.run(["umount", "-l", str(view)])
