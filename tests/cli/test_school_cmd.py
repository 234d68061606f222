"""`school list` in the desk's language: the headers, the secret's state and
the verify policy in the window's words, lined up by terminal width."""
from __future__ import annotations

import pytest

from storage.config import ConfigStore

from ..helpers import cell_edges, run_cli

pytestmark = pytest.mark.slow
NO_ENV = {"CLASSWATCH_LANG": ""}       # the desk's choice is the config's here


def test_list_speaks_chinese_and_lines_up(tmp_path):
    store = ConfigStore(tmp_path)
    store.add_school(2290417, "fixture-secret", "实验学校")
    store.add_school(7, "other-secret", "Demo", "America/New_York", "strict")
    out = run_cli("school", "list", "--lang", "zh", data_dir=tmp_path, env=NO_ENV)
    assert out.returncode == 0, out.stderr
    head, first, second = out.stdout.splitlines()
    assert head.split() == ["SID", "时区", "密钥", "校验", "名称"], out.stdout
    assert first.split() == ["7", "America/New_York", "已设置", "严格", "Demo"], out.stdout
    assert second.split() == ["2290417", "Asia/Shanghai", "已设置", "暂存", "实验学校"], out.stdout
    # each column starts at one terminal column in every line (a CJK character takes two)
    starts = [[start for start, _ in cell_edges(line)][1:] for line in (head, first, second)]
    assert starts[0] == starts[1] == starts[2], out.stdout
    assert "fixture-secret" not in out.stdout and "other-secret" not in out.stdout

    english = run_cli("school", "list", "--lang", "en", data_dir=tmp_path, env=NO_ENV).stdout
    assert english.splitlines()[0].split() == ["SID", "TIMEZONE", "SECRET", "VERIFY", "NAME"]
    assert english.splitlines()[1].split()[2:4] == ["set", "strict"]

    empty = run_cli("school", "list", "--lang", "zh", data_dir=tmp_path / "none", env=NO_ENV)
    assert empty.stdout == "尚未配置学校：python main.py school add SID --secret SECRET --name NAME\n"


def test_add_trust_and_remove_answer_in_chinese(tmp_path):
    def zh(*args: str) -> str:
        out = run_cli("school", *args, "--lang", "zh", data_dir=tmp_path, env=NO_ENV)
        return out.stdout + out.stderr

    assert zh("add", "7", "--secret", "s", "--name", "实验学校", "--verify", "strict") == (
        "已保存学校 7（实验学校，Asia/Shanghai，校验：严格）\n")
    assert zh("add", "8", "--secret", "s") == "已保存学校 8（未命名，Asia/Shanghai，校验：暂存）\n"
    assert zh("add", "9", "--secret", "s", "--timezone", "Mars/Olympus") == (
        "error: 未知时区 'Mars/Olympus'（例如 Asia/Shanghai）\n")
    assert zh("trust", "7", "--held") == "学校 7：已放行 0 条暂存的推送，仍有 0 条暂存\n"
    assert zh("remove", "7") == "已删除学校 7\n"
    assert zh("remove", "7") == "error: 没有学校 7\n"
    english = run_cli("school", "remove", "8", "--lang", "en", data_dir=tmp_path, env=NO_ENV).stdout
    assert english == "school 8 removed\n"
