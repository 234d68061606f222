"""Secrets in the OS keyring where there is one, config.json (0600) where
there is none, moved once; a keyring that hangs is not waited for.
The keyring here is a stand-in backend (the OS ones need a desktop session),
installed through keyring's own API as any real backend would be."""
from __future__ import annotations

import json
import os
import time

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null

from storage import keyring_secrets
from storage.config import ConfigStore


class DictKeyring(KeyringBackend):
    """Behaves like Windows Credential Manager: a (service, user) -> password store."""
    priority = 5

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.writes = 0

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.writes += 1
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        del self.items[(service, username)]


class HangingKeyring(DictKeyring):
    """A locked Secret Service waiting for a password dialog nobody sees."""

    def get_password(self, service, username):
        time.sleep(30)

    set_password = get_password


@pytest.fixture
def use_keyring():
    def use(backend):
        keyring.set_keyring(backend)
        return backend
    yield use
    keyring.set_keyring(null.Keyring())


def file_doc(store: ConfigStore) -> dict:
    return json.loads(store.path.read_text(encoding="utf-8"))


def test_without_a_keyring_the_private_file_keeps_the_secrets(tmp_path, use_keyring):
    use_keyring(null.Keyring())
    store = ConfigStore(tmp_path)
    store.add_school(1001, "secret-of-1001")
    assert file_doc(store)["schools"][0]["secret"] == "secret-of-1001"
    if os.name == "posix":
        assert store.path.stat().st_mode & 0o077 == 0


def test_secrets_move_to_the_keyring_once_and_come_back(tmp_path, use_keyring):
    use_keyring(null.Keyring())
    old = ConfigStore(tmp_path)
    old.add_school(1001, "secret-of-1001", "一中")
    old.update(lambda c: c.settings.update(tunnel_token="tunnel-token-xyz"))
    token = old.current().gensee_token
    vault = use_keyring(DictKeyring())

    store = ConfigStore(tmp_path)                     # the first start with a keyring: moved
    text = store.path.read_text(encoding="utf-8")
    for secret in ("secret-of-1001", "tunnel-token-xyz", token):
        assert secret not in text
        assert secret in vault.items.values()
    assert file_doc(store)["secrets"] == "keyring"
    writes = vault.writes

    again = ConfigStore(tmp_path)                     # another process, a later start
    config = again.current()
    assert config.schools[1001].secret == "secret-of-1001" and config.schools[1001].name == "一中"
    assert config.settings["tunnel_token"] == "tunnel-token-xyz" and config.gensee_token == token
    again.update(lambda c: c.settings.update(port_note="x"))     # a save that changes no secret
    assert vault.writes == writes                     # moved once, not re-written at each save

    again.remove_school(1001)
    assert "secret-of-1001" not in vault.items.values()
    assert 1001 not in ConfigStore(tmp_path).current().schools


def test_two_data_dirs_keep_their_own_secrets(tmp_path, use_keyring):
    use_keyring(DictKeyring())
    ConfigStore(tmp_path / "a").add_school(1, "secret-a")
    ConfigStore(tmp_path / "b").add_school(1, "secret-b")
    assert ConfigStore(tmp_path / "a").current().schools[1].secret == "secret-a"
    assert ConfigStore(tmp_path / "b").current().schools[1].secret == "secret-b"


def test_a_keyring_that_does_not_answer_is_not_waited_for(tmp_path, use_keyring, monkeypatch):
    monkeypatch.setattr(keyring_secrets, "TIMEOUT", 0.3)
    use_keyring(HangingKeyring())
    store = ConfigStore(tmp_path)
    store.add_school(1001, "secret-of-1001")          # returns: the file keeps the secret
    assert file_doc(store)["schools"][0]["secret"] == "secret-of-1001"
    assert "secrets" not in file_doc(store)
