from factories import Timeline

R = "APP_LIST_COLLECTION"


def test_fires_for_installed_and_running_apps(run):
    t = Timeline().accept().api("app_list", "app_list").api("app_list", "running_apps")
    t.api("device_id", "running_apps", api="android.app.ActivityManager.getRunningAppProcesses")
    fs = run(t, R)
    assert {(f.data_type, f.count) for f in fs} == {("app_list", 1), ("running_apps", 2)}
    assert all(f.category == "app_list" for f in fs)


def test_quiet_for_other_data(run):
    assert run(Timeline().api("device_id", "imei").api("location"), R) == []
