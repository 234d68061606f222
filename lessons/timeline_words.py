"""A timeline detail in a desk's words, for the window and for the files
people read: the codes that follow their label left out ("network connection
broken", not "network connection broken (56)"), templates in context
"Timeline", device and exit-reason names in context "labels", and the
language's list separator, "Name (ID)" brackets and Cmd labels (context "labels"),
said at once or, for alarms.texts' sentences, as Text said later. Qt-free: the
window translates with QCoreApplication.translate, the command line with
alarms.language's reading of the same catalogue."""
from __future__ import annotations

from typing import Callable, Iterable

from protocol import classin

from .texts import QT_TRANSLATE_NOOP, Detail, Label, Text, Translate, render

DEVICE = {
    0: "PC", 1: "iPhone", 2: "iPad",
    3: QT_TRANSLATE_NOOP("labels", "web client"),
    4: QT_TRANSLATE_NOOP("labels", "Android phone"),
    5: QT_TRANSLATE_NOOP("labels", "Android tablet"),
    6: "Android TV", 7: "PC-TV", 8: "Android Chromebook", 9: "PC-x64", 10: "PC-TV-x64",
    11: "PC-ARM",
    12: QT_TRANSLATE_NOOP("labels", "Harmony tablet"),
    13: QT_TRANSLATE_NOOP("labels", "Harmony phone"),
    14: QT_TRANSLATE_NOOP("labels", "web page"),
}

# ClassIn's exit reasons (protocol.classin.EXIT_REASON), by code.
EXIT_REASON = {
    0: QT_TRANSLATE_NOOP("labels", "unknown exception"),
    1: QT_TRANSLATE_NOOP("labels", "normal exit"),
    2: QT_TRANSLATE_NOOP("labels", "classroom closed"),
    3: QT_TRANSLATE_NOOP("labels", "abnormal exit"),
    4: QT_TRANSLATE_NOOP("labels", "kicked out"),
    5: QT_TRANSLATE_NOOP("labels", "service closed"),
    6: QT_TRANSLATE_NOOP("labels", "disconnected"),
    7: QT_TRANSLATE_NOOP("labels", "lesson cancelled"),
    8: QT_TRANSLATE_NOOP("labels", "role changed"),
    54: QT_TRANSLATE_NOOP("labels", "logged in twice on the same machine"),
    56: QT_TRANSLATE_NOOP("labels", "network connection broken"),
    60: QT_TRANSLATE_NOOP("labels", "pushed out by a newer login"),
    101: QT_TRANSLATE_NOOP("labels", "back key (Android)"),
    102: QT_TRANSLATE_NOOP("labels", "phone call"),
    111: QT_TRANSLATE_NOOP("labels", "app went to the background"),
}

CODED = "{} ({})"       # lessons.state's "label (code)" sentence


def device_label(code: int | None, translate: Translate) -> str:
    return translate("labels", DEVICE[code] if code in DEVICE else QT_TRANSLATE_NOOP("labels", "unknown"))


def exit_reason_label(code: int | None, translate: Translate) -> str:
    if code is None:
        return translate("labels", QT_TRANSLATE_NOOP("labels", "not given"))
    return translate("labels", EXIT_REASON[code] if code in EXIT_REASON else QT_TRANSLATE_NOOP("labels", "other"))


def listed(items: Iterable[str], translate: Translate) -> str:
    """Items of a list with the language's separator: "; ", in Chinese "；"."""
    return translate("labels", QT_TRANSLATE_NOOP("labels", "; ")).join(items)


def enumerated(items: Iterable[str], translate: Translate) -> str:
    """Short items (names, flags) with the language's comma: ", ", in Chinese "、"."""
    return translate("labels", QT_TRANSLATE_NOOP("labels", ", ")).join(items)


def named(name: str | None, number: int | str, translate: Translate) -> str:
    """"Name (ID)" or "Heading (count)" in the language's brackets (演示学校（990001）,
    缺席（1）); the number alone without a name."""
    return render(named_text(name, number), translate) if name else str(number)


def named_text(name: Text | str, number: object) -> Text:
    """named() as a sentence's argument (alarms.texts), said in the language that renders it."""
    return Text(QT_TRANSLATE_NOOP("labels", "{} ({})"), (name, number), "labels")


def cmd_label(cmd: int | str | None, translate: Translate) -> str:
    """A Cmd with its label in the desk's words: 67371521（上下台）; a string Cmd as sent."""
    return render(cmd_text(cmd), translate)


def cmd_text(cmd: int | str | None) -> Text | str:
    """cmd_label as a sentence's argument (an alarm, a timeline detail); English in str(),
    as protocol.classin.cmd_label says it."""
    name = classin.INT_CMD_NAMES.get(cmd) if isinstance(cmd, int) else None
    return named_text(str(cmd), Text(name, (), "labels")) if name else classin.cmd_label(cmd)


def labelled(label: str, value: object, translate: Translate) -> str:
    """"Label: value" with the language's colon (赵六：摄像头：无画面)."""
    return translate("labels", QT_TRANSLATE_NOOP("labels", "{}: {}")).format(label, value)


def detail_words(detail: Detail, translate: Translate, problem: Callable[[str], str],
                 with_codes: bool = False) -> str:
    """`detail` in words (`with_codes`: and ClassIn's codes, for whoever asks
    ClassIn about it); `problem` names a lessons.diagnostics problem line."""
    def label(item: Label) -> str:
        if item.table == "device":
            return device_label(item.code, translate)
        if item.table == "exit_reason":
            return exit_reason_label(item.code, translate)
        return problem(item.english)
    return render(detail if with_codes else _words(detail), translate, "Timeline", label)


def _words(detail: Detail) -> Detail:
    """`detail` without the codes that follow their label."""
    if not isinstance(detail, Text):
        return detail
    if detail.template == CODED and detail.args and isinstance(detail.args[0], Label):
        return detail.args[0]
    return Text(detail.template, tuple(_words(a) for a in detail.args), detail.context)
