"""``python -m gui.sandbox``: the same as ``onenet-uploader sandbox``."""

from gui.sandbox.cli import main

raise SystemExit(main())
