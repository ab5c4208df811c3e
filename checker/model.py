"""The domain model: controls, evidence, findings, results and the assessment."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from checker.errors import ExitCode, Location, Problem

if TYPE_CHECKING:
    from checker.yamlsource import Document


class Status(str, Enum):
    """A control's verdict, in precedence order (first wins)."""

    ERROR = "error"
    NOT_APPLICABLE = "not_applicable"
    GAP = "gap"
    FAIL = "fail"
    WAIVED = "waived"
    PASS = "pass"

    @property
    def label(self) -> str:
        return {"not_applicable": "n/a"}.get(self.value, self.value)


class FailOn(str, Enum):
    """The threshold ``--fail-on`` sets for exit code 1."""

    GAP = "gap"
    FAIL = "fail"
    ERROR = "error"
    NONE = "none"


#: Statuses that make the run exit 1 for each ``--fail-on`` threshold.
FAILING: dict[FailOn, frozenset[Status]] = {
    FailOn.GAP: frozenset({Status.FAIL, Status.GAP}),
    FailOn.FAIL: frozenset({Status.FAIL}),
    FailOn.ERROR: frozenset(),
    FailOn.NONE: frozenset(),
}

SEVERITIES = ("critical", "high", "medium", "low")


class Level(str, Enum):
    """A CAF achievement level, lowest first (compare with ``rank``)."""

    NOT_ACHIEVED = "not_achieved"
    PARTIALLY_ACHIEVED = "partially_achieved"
    ACHIEVED = "achieved"

    @property
    def rank(self) -> int:
        return list(Level).index(self)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Link:
    """A crosswalk link to another framework's control: how they relate, and on what basis.
    A legacy flat ``maps_to`` id is a link with relation ``None`` (untyped)."""

    target: str
    relation: str | None = None  # equal, subset, superset, intersects
    source: str | None = None  # a published mapping that states it ...
    rationale: str | None = None  # ... or why the project holds it

    @property
    def label(self) -> str:
        return f"{self.target} ({self.relation})" if self.relation else self.target


@dataclass(frozen=True, slots=True)
class Profile:
    """A CAF profile: the target level of each contributing outcome."""

    key: str
    name: str
    source: str
    confidence: str
    targets: dict[str, Level] = field(hash=False)
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Control:
    """One requirement of a framework, and how it is judged."""

    id: str
    framework: str
    title: str
    area: str
    severity: str
    requirement: str
    evidence: tuple[str, ...]
    policy: str
    mode: str
    remediation: str
    source: Location
    max_age_days: int | None = None
    maps_to: tuple[str, ...] = ()
    applies_rule: str | None = None
    applies_reason: str | None = None
    effective_from: str | None = None
    superseded_by: str | None = None  # the control that replaces this one ...
    superseded_from: str | None = None  # ... from this date (not applicable on and after)
    attested_by: tuple[str, ...] = ()
    reference: str | None = None
    confidence: str | None = None
    renewal_lead_days: int = 0  # days of notice `gaps --due-within` gives before a lapse
    owner: str | None = None  # who answers for the control, where the catalogue names one
    levels: tuple[Level, ...] = ()  # achievement levels (CAF); empty: a pass/fail control
    indicators: tuple[tuple[Level, str], ...] = ()
    changes: str | None = None
    links: tuple[Link, ...] = ()  # maps_to with relation and source (maps_to keeps the ids)

    @property
    def attested(self) -> bool:
        return self.mode == "attested"


@dataclass(frozen=True, slots=True)
class Framework:
    """A catalogue file: one framework's controls."""

    key: str
    name: str
    version: str
    controls: tuple[Control, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One evidence declaration (a YAML document), schema-valid and located."""

    kind: str
    id: str
    title: str
    owner: str
    collected: str
    facts: dict[str, Any]
    document: Document = field(repr=False, compare=False)
    expires: str | None = None
    scope: tuple[str, ...] = ()
    file_digest: str = ""
    draft: bool = False  # an unfilled ``checker init`` template: never evidence of compliance

    @property
    def location(self) -> Location:
        return self.document.location

    def expired(self, as_of: str) -> bool:
        """Past its ``expires`` date (the last day it counts) at ``as_of``."""
        return self.expires is not None and self.expires < as_of

    def to_input(self) -> dict[str, Any]:
        """The document as policies see it under ``input.evidence.<kind>``."""
        return {
            "id": self.id,
            "title": self.title,
            "owner": self.owner,
            "collected": self.collected,
            "expires": self.expires,
            "scope": list(self.scope),
            "facts": self.facts,
            "source": {"file": self.location.file, "line": self.location.line},
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """Why a control failed, tied where possible to the evidence and line that caused it."""

    message: str
    evidence_id: str | None = None
    path: str | None = None
    location: Location | None = None
    denies: Level | None = None  # levelled controls: the lowest level this finding rules out


@dataclass(frozen=True, slots=True)
class Waiver:
    """An approved, time-limited exception for one control (or one evidence document of it)."""

    control: str
    reason: str
    approved_by: str
    approved_on: str
    expires: str
    location: Location
    evidence: str | None = None
    compensating_control: str | None = None
    ccw: tuple[tuple[str, str], ...] = ()  # PCI Appendix B worksheet: (field, answer) pairs


@dataclass(frozen=True, slots=True)
class Result:
    """A control's verdict, with the evidence behind it and the reason for it."""

    control: Control
    status: Status
    reason: str
    findings: tuple[Finding, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    waiver: Waiver | None = None
    applicable: bool | None = None  # the scope rule's answer (no rule: True); None: undecided
    channels: tuple[str, ...] = ()  # PCI: the payment channels (and SAQs) it belongs to
    waived_status: Status | None = None  # the fail or gap a waiver turned into ``waived``

    @property
    def underlying_status(self) -> Status:
        """The verdict before any waiver: what a waived control actually is."""
        return self.waived_status or self.status
    level: Level | None = None  # levelled controls: the level the evidence supports ...
    target: Level | None = None  # ... and the level the profile asks for

    @property
    def verdict(self) -> str:
        """The status label, with the level and target for a levelled control:
        ``fail (partially achieved; target achieved)``."""
        if self.level is None:
            return self.status.label
        target = f"; target {self.target.label}" if self.target else ""
        return f"{self.status.label} ({self.level.label}{target})"


@dataclass(frozen=True, slots=True)
class Assessment:
    """Every selected control's result at one assessment date."""

    as_of: str
    organisation: str
    frameworks: tuple[Framework, ...]
    results: tuple[Result, ...]
    inputs_digest: str
    tool_version: str
    notices: tuple[Problem, ...] = ()
    profile: Location | None = None  # the organisation profile, which scopes every control
    drafts: tuple[Location, ...] = ()  # unfilled templates; every control using one is a gap
    caf_profile: Profile | None = None  # the CAF profile whose targets levelled results meet

    def counts(self, framework: str | None = None) -> Counter[Status]:
        return Counter(r.status for r in self.results
                       if framework is None or r.control.framework == framework)

    def exit_code(self, fail_on: FailOn) -> ExitCode:
        """3 if anything could not be evaluated, whatever the threshold (fail closed: ``none``
        makes failures and gaps report-only, never errors); 1 at the threshold; else 0."""
        statuses = {r.status for r in self.results}
        if Status.ERROR in statuses:
            return ExitCode.EVALUATION_ERROR
        if statuses & FAILING[fail_on]:
            return ExitCode.FINDINGS
        return ExitCode.OK

    def gaps(self) -> tuple[Result, ...]:
        """Every error, fail and gap, most severe first, then by control id."""
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        open_ = [r for r in self.results if r.status in (Status.ERROR, Status.FAIL, Status.GAP)]
        return tuple(sorted(open_, key=lambda r: (rank.get(r.control.severity, 9),
                                                  control_sort_key(r.control.id))))


def control_sort_key(control_id: str) -> tuple[Any, ...]:
    """Natural order for ids: PCI-8.3.10 after PCI-8.3.9, A1 after 12."""
    parts = []
    for token in control_id.replace("-", ".").split("."):
        parts.append((0, int(token), "") if token.isdigit() else (1, 0, token))
    return tuple(parts)
