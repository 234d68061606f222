"""`simulate`: push a simulated school day to any receiver (see simulator/)."""
from __future__ import annotations

from simulator import cli as simulator_cli


def add_parser(sub, parents) -> None:
    p = sub.add_parser("simulate", parents=parents,
                       help="push a realistic simulated ClassIn school day to a receiver URL")
    simulator_cli.add_arguments(p)


def run(args) -> int:
    return simulator_cli.run(args)
