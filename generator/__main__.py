"""``python -m generator`` runs the ``unreport`` command line."""

import sys

from generator.cli import main

sys.exit(main())
