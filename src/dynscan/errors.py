"""Errors a user must see: the CLI prints them as one line and exits 2."""

import signal


class DynscanError(Exception):
    """A problem with the user's input or set-up, explained in one line."""


class InputError(DynscanError):
    """Bad input data: a malformed timeline, identity file, flow file or config."""


class SetupError(DynscanError):
    """The environment cannot do what was asked (missing tool, device, bundle)."""


class Interrupted(DynscanError):
    """Ctrl-C or SIGTERM: everything was cleaned up; the CLI exits 130, as shells expect."""


class Terminated(SystemExit):
    """SIGTERM arrived while a handler that turns it into an exception was installed (a phone's
    ``DeviceSetup``): exit status 143, like a plain SIGTERM, unless someone catches it."""

    def __init__(self) -> None:
        super().__init__(128 + signal.SIGTERM)
