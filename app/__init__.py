"""The running core, Qt-free: the receiver, live lesson state, the alarm center
and the tunnel wired together on one asyncio loop. The window adds signals on
top (gui/bridge.py); `serve` and tests run it without a window."""
