#!/usr/bin/env python3
"""Django's usual entry point; `credence` does the same once installed."""

from credence.cli import main

if __name__ == "__main__":
    main()
