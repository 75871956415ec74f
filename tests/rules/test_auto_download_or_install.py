from factories import Timeline, sdk_stack

R = "AUTO_DOWNLOAD_OR_INSTALL"


def test_fires_for_silent_downloads_and_installs(run):
    t = Timeline().accept().wait(10).download(stack=sdk_stack("com.umeng.message.PushAgent"))
    t.download("PackageInstaller.createSession", None).download("ACTION_INSTALL_PACKAGE", "content://x/a b.apk")
    t.download("ACTION_VIEW", "file:///sdcard/game.apk?x=1")
    fs = {f.actor: f for f in run(t, R)}
    assert fs["sdk:umeng-push"].count == 1 and "x.apk" in fs["sdk:umeng-push"].message
    assert fs["app"].count == 3
    assert "a_b.apk" in fs["app"].message and "game.apk" in fs["app"].message  # file names only, made safe


def test_quiet_after_a_tap_or_for_a_view_that_is_no_package(run):
    t = Timeline().accept().wait(10).user("tap", target="下载").wait(1).download()
    t.wait(10).download("ACTION_VIEW", "https://example.com/page.html")
    t.download("ACTION_VIEW", "https://example.com/page", mime="text/html")
    assert run(t, R) == []


def test_a_dialog_answer_is_no_download_tap(run):
    t = Timeline().user("tap", {"dialog": "policy", "answer": "accept"}).accept().download()
    assert len(run(t, R)) == 1
