from factories import Timeline

R = "CONSENT_UI_PRESELECTED"


def test_fires_when_the_agree_box_was_ticked_in_advance(run):
    (f,) = run(Timeline().shown(preselected=True).accept(), R)
    assert f.count == 1 and "勾选" in f.message_zh


def test_quiet_for_an_unticked_box_or_no_reading(run):
    assert run(Timeline().shown(preselected=False).accept().shown(preselected=None), R) == []
