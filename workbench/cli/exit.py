"""Named exit statuses of every kwb command."""

from enum import IntEnum


class ExitCode(IntEnum):
    """0 ok, 1 findings (QA, lint), 2 bad input or usage, 130 interrupted."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2
    INTERRUPTED = 130
