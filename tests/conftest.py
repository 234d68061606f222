import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from receiver.app import Receiver  # noqa: E402
from storage.config import ConfigStore  # noqa: E402

from .helpers import SECRET, SID  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    ConfigStore(d).add_school(SID, SECRET, "Fixture School")
    return d


@pytest.fixture
async def receiver(data_dir):
    """A real Receiver listening on a free loopback port; `.url` is its base URL."""
    r = Receiver(data_dir)
    await r.start("127.0.0.1", 0)
    yield r
    await r.stop()


@pytest.fixture
async def http():
    import aiohttp
    async with aiohttp.ClientSession() as session:
        yield session
