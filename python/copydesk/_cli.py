"""The ``copydesk`` command of the Python package: the Rust CLI and language
server, run in this process (``copydesk check``, ``copydesk ledger``, and with
no arguments or ``--stdio`` the language server for an editor)."""

import signal
import sys

from . import _native


def main() -> None:
    # Ctrl-C ends the command as it ends a native binary: the Rust code runs
    # without returning to Python, where the default handler would wait.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(_native.main(["copydesk", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
