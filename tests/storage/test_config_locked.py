"""config.json on Windows: a scanner or sync client holding the file for a
moment makes os.replace fail with PermissionError. Linux never refuses a
rename for an open file, so the refusal is simulated at os.replace."""
from __future__ import annotations

import os
import threading

import pytest

from storage import config as config_module
from storage.config import ConfigStore

SHARING_VIOLATION = "The process cannot access the file because it is being used by another process"


@pytest.fixture
def locked_config(tmp_path, monkeypatch):
    """config.json refuses to be replaced while `lock` is set."""
    store = ConfigStore(tmp_path)
    lock = threading.Event()
    attempts = []
    real_replace = os.replace

    def replace(src, dst):
        if os.fspath(dst) == os.fspath(store.path):
            attempts.append(lock.is_set())
            if lock.is_set():
                raise PermissionError(13, SHARING_VIOLATION, os.fspath(src), None, os.fspath(dst))
        real_replace(src, dst)
    monkeypatch.setattr(os, "replace", replace)
    return store, lock, attempts


def test_a_save_waits_for_a_scanner_to_let_go(locked_config):
    store, lock, attempts = locked_config
    lock.set()
    threading.Timer(0.3, lock.clear).start()
    store.add_school(1001, "secret-1001", "一中")
    assert attempts.count(True) >= 2 and attempts[-1] is False
    assert ConfigStore(store.path.parent).current().schools[1001].name == "一中"


def test_a_file_held_for_good_fails_the_save_and_keeps_the_old_config(locked_config, monkeypatch):
    store, lock, _ = locked_config
    store.add_school(1001, "secret-1001")
    monkeypatch.setattr(config_module, "REPLACE_PATIENCE", 0.2)
    lock.set()
    with pytest.raises(PermissionError):
        store.add_school(1002, "secret-1002")
    assert set(ConfigStore(store.path.parent).current().schools) == {1001}
