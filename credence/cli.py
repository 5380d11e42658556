"""The `credence` command: every management command behind one entry point."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "credence.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["credence", *sys.argv[1:]])


if __name__ == "__main__":
    main()
