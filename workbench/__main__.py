"""`python -m workbench` runs the kwb command line."""

from workbench.cli import main

if __name__ == "__main__":
    main()
