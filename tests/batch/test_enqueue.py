from __future__ import annotations

import pytest
from redis_kit import RedisServer

from dynscan.batch.enqueue import BrokerWatch, check_broker
from dynscan.errors import SetupError


@pytest.mark.integration
def test_the_watch_notices_a_redis_restart_once(redis_server: RedisServer, capsys: pytest.CaptureFixture[str]) -> None:
    watch = BrokerWatch(redis_server.url, every_s=0)
    assert watch.run_id and not watch.restarted()
    redis_server.stop()
    assert not watch.restarted() and not watch.restarted()
    assert capsys.readouterr().err.count("is not reachable") == 1
    redis_server.start()
    assert watch.restarted() and not watch.restarted()
    assert "the broker is back" in capsys.readouterr().err


def test_an_unreachable_broker_is_a_setup_error() -> None:
    with pytest.raises(SetupError, match="is not reachable"):
        check_broker("redis://127.0.0.1:9/0", 60)
