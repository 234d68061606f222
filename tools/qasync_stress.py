#!/usr/bin/env python3
"""Does the installed Qt binding survive a busy qasync loop with our receiver on it?

PySide6 6.12.0 + qasync 0.28 abort within seconds ("none_dealloc: deallocating
None", exit 134) under this load (PITFALLS.md). Exit 0 = survived.
    python tools/qasync_stress.py [seconds]
"""
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import aiohttp  # noqa: E402
import orjson  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from protocol.classin import is_ack, sign  # noqa: E402
from receiver.app import Receiver  # noqa: E402
from storage.config import ConfigStore  # noqa: E402


async def main(seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ConfigStore(Path(tmp)).add_school(1, "stress-secret")
        receiver = Receiver(Path(tmp))
        url = await receiver.start("127.0.0.1", 0) + "/classin"
        acked = 0
        spins = 0
        deadline = time.perf_counter() + seconds

        async def spin():
            nonlocal spins
            while time.perf_counter() < deadline:
                await asyncio.sleep(0)
                spins += 1

        async def send(session, worker):
            nonlocal acked
            n = 0
            while time.perf_counter() < deadline:
                n += 1
                push = sign({"SID": 1, "Cmd": "Net", "TimeStamp": 1, "_id": f"{worker}-{n}"}, "stress-secret")
                async with session.post(url, data=orjson.dumps(push)) as resp:
                    acked += is_ack(await resp.read())

        async with aiohttp.ClientSession() as session:
            await asyncio.gather(spin(), *(send(session, w) for w in range(16)))
        await receiver.stop()
        print(f"survived {seconds:.0f} s: {spins} loop spins, {acked} pushes acked", flush=True)


if __name__ == "__main__":
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(float(sys.argv[1]) if len(sys.argv) > 1 else 5.0))
