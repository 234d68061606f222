"""File › Rebuild lessons and charts: long work in its own thread, "n of N
pushes", Cancel stops it between batches with what was replayed kept and no
push lost, and a rebuild run to the end brings every lesson back to History."""
from __future__ import annotations

from app.history import lessons_between
from storage import derived

from ..gui_support import GuiApp, gui_settings, run_gui  # noqa: F401
from ..helpers import new_push

CLASS_ID = 913390001
BATCH = 40


def test_rebuild_from_the_window_shows_progress_and_can_be_cancelled(qapp, data_dir, gui_settings,  # noqa: F811
                                                                    monkeypatch):
    monkeypatch.setattr(derived, "REBUILD_BATCH", BATCH)     # many batches from a few hundred pushes

    async def scenario(app: GuiApp) -> None:
        await app.post_many([new_push(67371107, class_id=CLASS_ID + i % 3, UID=1000 + i, Identity=1, ClientID=0,
                                      Device=0, NickName="学生{}".format(i)) for i in range(240)])
        dialog = app.window.rebuild()
        assert dialog.isVisible() and app.window.rebuild() is dialog          # one at a time
        seen: list[tuple[int, int]] = []
        dialog.progress.valueChanged.connect(
            lambda value: seen.append((value, dialog.progress.maximum())) if value else None)

        # Cancelled after the third batch: it stops there, says so, and keeps the raw pushes.
        dialog.progress.valueChanged.connect(lambda value: dialog.reject() if value == 3 * BATCH else None)
        dialog.start.click()
        await app.wait_until(lambda: dialog.result_ is not None and not dialog.running, timeout=60)
        stopped = dialog.result_
        assert stopped.stopped and stopped.replayed == 3 * BATCH and stopped.total >= 240
        assert "Stopped after {} of {}".format(3 * BATCH, stopped.total) in dialog.feedback.text()
        assert dialog.isVisible()                    # Cancel stopped the work, not the dialog
        assert [value for value, _ in seen] == [BATCH, 2 * BATCH, 3 * BATCH]
        assert all(maximum == stopped.total for _, maximum in seen)
        assert stopped.backup is not None and stopped.backup.exists()
        assert dialog.show_backup.isVisible()

        # Run to the end: every batch counted, every lesson back.
        dialog.progress.valueChanged.disconnect()
        seen.clear()
        dialog.progress.valueChanged.connect(lambda value: seen.append((value, 0)) if value else None)
        dialog.result_ = None
        dialog.start.click()
        await app.wait_until(lambda: dialog.result_ is not None and not dialog.running, timeout=60)
        done = dialog.result_
        assert not done.stopped and done.replayed == done.total >= 240
        values = [value for value, _ in seen]
        assert values == sorted(values) and values[-1] == done.total and len(values) >= 240 // BATCH
        assert "Rebuilt from {} pushes".format(done.total) in dialog.feedback.text()
        assert {CLASS_ID, CLASS_ID + 1, CLASS_ID + 2} <= {row["class_id"] for row in lessons_between()}
        dialog.reject()
        assert not dialog.isVisible()
    run_gui(qapp, data_dir, scenario, timeout=120)
