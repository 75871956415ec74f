"""The virtual device: build apps for it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dynscan.device.sim.build import build_app
from dynscan.util.termsafe import safe

app = typer.Typer(help="The virtual device: build apps for it.", rich_markup_mode=None)


@app.command("build")
def build(
    src_dir: Annotated[Path, typer.Argument(help="App module: AndroidManifest.xml and java/**.java.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="The .apk to write.")],
) -> None:
    """Compile an Android-style app module against the virtual device's framework into an .apk."""
    info = build_app(src_dir, out)
    typer.echo(safe(f"{out}: {info.package} (launcher {info.launcher_activity})"))
