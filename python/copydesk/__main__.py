"""``python -m copydesk``: the ``copydesk`` command."""

from ._cli import main

main()
