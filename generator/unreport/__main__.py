"""``python -m unreport`` runs the ``unreport`` command line."""

import sys

from unreport.cli import main

sys.exit(main())
