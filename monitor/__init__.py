"""The Qt-free core of the desktop app: the receiver, live lesson state and
the alarm center wired together on one asyncio loop. The GUI adds signals
on top (gui/bridge.py); tests drive it without a window."""
