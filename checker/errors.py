"""Exit codes and the errors that carry them, each naming where the problem is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from checker.text import for_terminal


class ExitCode(IntEnum):
    """Process exit codes; the only place their numbers are written."""

    OK = 0
    FINDINGS = 1
    INPUT_ERROR = 2
    EVALUATION_ERROR = 3


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column (0 when unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with an input, and where."""

    location: Location
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name or message holds (no terminal escapes, no
        newline that could forge a second message)."""
        return for_terminal(f"{self.location}: {self.message}")


class CheckerError(Exception):
    """Base of every error checker reports to a user; carries one or more problems."""

    exit_code: ExitCode = ExitCode.INPUT_ERROR

    def __init__(self, problems: Iterable[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Location("checker"), problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, location: Location, message: str) -> CheckerError:
        """An error with a single problem at ``location``."""
        return cls(Problem(location, message))


class InputError(CheckerError):
    """Bad user input: YAML, schema, catalogue, usage. Exit 2."""

    exit_code = ExitCode.INPUT_ERROR


class EvaluationError(CheckerError):
    """The engine could not evaluate the policies. Exit 3."""

    exit_code = ExitCode.EVALUATION_ERROR
