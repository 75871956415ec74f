"""``python -m dynscan``: the same as the ``dynscan`` console script."""

from dynscan.cli.main import main

main()
