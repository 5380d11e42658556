"""The `credence` command: every management command behind one entry point."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "credence.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["credence", *sys.argv[1:]])
    except ImproperlyConfigured as error:
        # A setting read from the environment is wrong: say which and how to
        # fix it, without a traceback that buries the sentence.
        sys.exit(f"credence: {error}")


if __name__ == "__main__":
    main()
