"""``python -m maps.cli`` runs the ``strikemap`` command line."""

import sys

from maps.cli import main

sys.exit(main())
