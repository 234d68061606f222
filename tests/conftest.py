import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the developer's own keyring: secrets stay in config.json unless a test says otherwise.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

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
def projection_parses(monkeypatch) -> list[float]:
    """The received_at of each push the derived rows parsed themselves (the
    real parser still runs): to tell they used an event parsed already."""
    import storage.derived
    from lessons.events import parse
    parses: list[float] = []

    def counted(payload, received_at, *args):
        parses.append(received_at)
        return parse(payload, received_at, *args)

    monkeypatch.setattr(storage.derived, "parse", counted)
    return parses


@pytest.fixture
async def http():
    import aiohttp
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (tests/pg_support.py)."""
    from .pg_support import PgServer, why_unavailable
    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    PgServer.sweep()
    server = PgServer().start()
    yield server
    server.destroy()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """Where the data lives, once per backend: a SQLite file, or a fresh
    database on the session's real PostgreSQL server."""
    from storage.dburl import DbUrl
    if request.param == "sqlite":
        return DbUrl.sqlite(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
async def robots():
    """A local server playing each chat robot (tests/chat_robots.py)."""
    from .chat_robots import ChatRobots
    server = ChatRobots()
    await server.start()
    yield server
    await server.stop()
