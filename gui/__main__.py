"""`python -m gui`: the same as `onenet-uploader`."""

import sys

from gui.app import main

sys.exit(main())
