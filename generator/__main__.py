"""``python -m unreport`` runs the ``unreport`` command line."""

import sys

from .cli import main

sys.exit(main())
