"""The `kwb` command line: thin commands over the core, rendered with rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from workbench.cli.exit import ExitCode


def main(argv: Sequence[str] | None = None) -> None:
    """Run kwb with `argv` (default: the process arguments) and exit with its status."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    """Run kwb and return its exit status instead of exiting (for tests and embedding)."""
    import typer

    from workbench.cli.app import build
    from workbench.errors import InputError

    command = build()
    args = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    try:
        result = command.main(args, prog_name="kwb", standalone_mode=False)
    except InputError as exc:
        _error(str(exc))
        return ExitCode.BAD_INPUT
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    except typer.TyperException as exc:
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        _error(f"{message} (see kwb --help)")
        return ExitCode.BAD_INPUT
    except BrokenPipeError:
        return ExitCode.OK
    return int(result) if isinstance(result, int) else ExitCode.OK


def _error(message: str) -> None:
    sys.stderr.write(f"kwb: error: {message}\n")
