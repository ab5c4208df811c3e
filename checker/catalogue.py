"""Load and validate control catalogues (``controls/*.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import schemas
from checker.errors import InputError, Location, Problem
from checker.model import Control, Framework, Level, Link, Profile, control_sort_key
from checker.parameters import PARAMETERS_FILE, Parameter, parse_parameters
from checker.parsedcache import Source, parse_all
from checker.pci.saqlists import SaqList, is_saq_path, parse_saq_lists
from checker.yamlsource import Document, read_text

#: The rule an attested control queries when it names none.
ATTESTATION_RULE = "data.lib.attestation.findings"

#: Files under a directory of this name are CAF profiles (controls/caf/profiles/), not catalogues.
PROFILES_DIR = "profiles"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every loaded framework, and the digests of the files they came from."""

    frameworks: tuple[Framework, ...]
    files: dict[str, str]
    saq_lists: dict[str, SaqList] = field(default_factory=dict)  # controls/pci/saq/*.yaml
    profiles: dict[str, Profile] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)  # controls/parameters.yaml

    @property
    def controls(self) -> tuple[Control, ...]:
        return tuple(c for f in self.frameworks for c in f.controls)

    def control(self, control_id: str) -> Control | None:
        return next((c for c in self.controls if c.id == control_id), None)

    def select(self, keys: tuple[str, ...] = ()) -> tuple[Control, ...]:
        """The controls of the named frameworks (all when none are named), in catalogue order."""
        unknown = sorted(set(keys) - {f.key for f in self.frameworks})
        if unknown:
            known = ", ".join(f.key for f in self.frameworks)
            raise InputError(f"unknown framework {', '.join(unknown)} (known: {known})")
        return tuple(c for f in self.frameworks if not keys or f.key in keys
                     for c in f.controls)

    def mapped_from(self, control_id: str) -> tuple[Control, ...]:
        """Controls that map to ``control_id`` (the reverse of its ``maps_to``)."""
        return tuple(c for c in self.controls if control_id in c.maps_to)

    def profile(self, key: str) -> Profile:
        """The CAF profile named ``key``; an InputError naming the known ones otherwise."""
        if key not in self.profiles:
            known = ", ".join(sorted(self.profiles)) or "none"
            raise InputError(f"unknown CAF profile '{key}' (known: {known})")
        return self.profiles[key]


def load_catalogue(directory: Path, display_root: str | None = None) -> Catalogue:
    """Load every ``*.yaml`` under ``directory``; raise one InputError listing every problem.

    A large framework may be split over several files (``controls/pci/req08.yaml``): files
    naming the same framework key are merged, and must agree on its name and version.
    """
    display_root = display_root or directory.as_posix()
    if not directory.is_dir():
        raise InputError.at(Location(display_root), "controls directory does not exist")
    frameworks: list[Framework] = []
    profiles: list[Profile] = []
    files: dict[str, str] = {}
    problems: list[Problem] = []
    saq_documents: list[Document] = []
    parameter_documents: list[Document] = []
    sources: list[tuple[str, Source]] = []
    for path in sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml")):
        relative = path.relative_to(directory).as_posix()
        display = f"{display_root}/{relative}"
        try:
            text, digest = read_text(path, display)
        except InputError as exc:
            problems += exc.problems
            continue
        files[f"controls/{relative}"] = digest  # digest names do not depend on the cwd
        sources.append((relative, Source(display, digest, text)))
    for (relative, _), parsed in zip(sources, parse_all([s for _, s in sources]), strict=True):
        if isinstance(parsed, InputError):
            problems += parsed.problems
        elif is_saq_path(relative):  # SAQ requirement lists: data, not a catalogue
            saq_documents += parsed
        elif relative == PARAMETERS_FILE:  # project parameters: data for the rules
            parameter_documents += parsed
        elif PROFILES_DIR in relative.split("/")[:-1]:
            for document in parsed:
                profile, found = _profile(document)
                profiles += [profile] if profile else []
                problems += found
        else:
            for document in parsed:
                framework, found = _framework(document)
                problems += found
                if framework is not None:
                    frameworks.append(framework)
    if not frameworks and not problems:
        raise InputError.at(Location(display_root), "no control catalogue (*.yaml) found")
    merged, found = _merge(frameworks)
    problems += found + _cross_problems(merged) + _profile_problems(merged, profiles)
    saq_lists: dict[str, SaqList] = {}
    try:
        saq_lists = parse_saq_lists(saq_documents)
    except InputError as exc:
        problems += exc.problems
    parameters, found = parse_parameters(parameter_documents)
    problems += found
    if problems:
        raise InputError(problems)
    return Catalogue(tuple(sorted(merged, key=lambda f: f.key)), files, saq_lists,
                     {p.key: p for p in profiles}, parameters)


def _merge(parts: list[Framework]) -> tuple[list[Framework], list[Problem]]:
    """One Framework per key, its controls gathered from every file that names it."""
    merged: dict[str, Framework] = {}
    found: list[Problem] = []
    for part in parts:
        first = merged.get(part.key)
        if first is None:
            merged[part.key] = part
        elif (first.name, first.version) != (part.name, part.version):
            found.append(Problem(part.controls[0].source, f"framework '{part.key}' is "
                                 f"'{part.name}' {part.version} here but '{first.name}' "
                                 f"{first.version} in {first.controls[0].source.file}"))
        else:
            controls = sorted((*first.controls, *part.controls),
                              key=lambda c: control_sort_key(c.id))
            merged[part.key] = Framework(first.key, first.name, first.version, tuple(controls))
    return list(merged.values()), found


def _framework(document: Document) -> tuple[Framework | None, list[Problem]]:
    found = schemas.problems("catalogue.schema.json", document.value, document)
    if found:
        return None, found
    value = document.value
    controls = []
    for index, raw in enumerate(value["controls"]):
        applies = raw.get("applies") or {}
        controls.append(Control(
            id=raw["id"], framework=value["framework"], title=raw["title"], area=raw["area"],
            severity=raw["severity"], requirement=raw["requirement"].strip(),
            evidence=tuple(raw["evidence"]), mode=raw["mode"],
            policy=raw.get("policy", ATTESTATION_RULE), remediation=raw["remediation"].strip(),
            source=document.locate(("controls", index)),
            max_age_days=raw.get("max_age_days"),
            maps_to=tuple(link.target for link in _links(raw)), links=_links(raw),
            levels=tuple(Level(v) for v in raw.get("levels", ())),
            indicators=tuple((Level(k), v.strip()) for k, v in
                             (raw.get("indicators") or {}).items()),
            changes=raw.get("changes"),
            applies_rule=applies.get("rule"), applies_reason=applies.get("reason"),
            effective_from=raw.get("effective_from"),
            superseded_by=(raw.get("superseded") or {}).get("by"),
            superseded_from=(raw.get("superseded") or {}).get("from"),
            attested_by=tuple(raw.get("attested_by", ())), reference=raw.get("reference"),
            confidence=raw.get("confidence"), owner=raw.get("owner"),
            renewal_lead_days=raw.get("renewal_lead_days", 0)))
    framework = Framework(key=value["framework"], name=value["name"],
                          version=str(value["version"]),
                          controls=tuple(sorted(controls, key=lambda c: control_sort_key(c.id))))
    return framework, []


def _links(raw: dict[str, Any]) -> tuple[Link, ...]:
    """``maps_to`` entries as links: a bare id is an untyped (legacy) link."""
    return tuple(Link(item) if isinstance(item, str) else
                 Link(item["id"], item["relation"], item.get("source"), item.get("rationale"))
                 for item in raw.get("maps_to", ()))


def _profile(document: Document) -> tuple[Profile | None, list[Problem]]:
    found = schemas.problems("caf-profile.schema.json", document.value, document)
    if found:
        return None, found
    value = document.value
    return Profile(key=value["profile"], name=value["name"],
                   source=" ".join(value["source"].split()),
                   confidence=value["confidence"],
                   targets={k: Level(v) for k, v in value["targets"].items()},
                   location=document.location), []


def _profile_problems(frameworks: list[Framework], profiles: list[Profile]) -> list[Problem]:
    """A profile names a target for every levelled control of its framework, each one a level
    that control uses, and nothing else; profile keys are unique."""
    levelled = {c.id: c for f in frameworks for c in f.controls if c.levels}
    found: list[Problem] = []
    seen: set[str] = set()
    for profile in profiles:
        where = profile.location or Location("")
        if profile.key in seen:
            found.append(Problem(where, f"duplicate CAF profile '{profile.key}'"))
        seen.add(profile.key)
        for control_id in sorted(set(levelled) - set(profile.targets), key=control_sort_key):
            found.append(Problem(where, f"profile '{profile.key}' sets no target for "
                                 f"{control_id}"))
        for control_id, target in profile.targets.items():
            control = levelled.get(control_id)
            if control is None:
                found.append(Problem(where, f"profile '{profile.key}': {control_id} is not a "
                                     "levelled control"))
            elif target not in control.levels:
                found.append(Problem(where, f"profile '{profile.key}': target "
                                     f"{target.value} for {control_id}, which uses only "
                                     f"{', '.join(v.value for v in control.levels)}"))
    return found


def _cross_problems(frameworks: list[Framework]) -> list[Problem]:
    found: list[Problem] = []
    seen: dict[str, Control] = {}
    known_kinds = set(schemas.evidence_kinds())
    for control in (c for f in frameworks for c in f.controls):
        if control.id in seen:
            found.append(Problem(control.source, f"duplicate control id '{control.id}' "
                                 f"(first defined at {seen[control.id].source})"))
        seen[control.id] = control
        for kind in sorted(set(control.evidence) - known_kinds):
            found.append(Problem(control.source, f"{control.id}: unknown evidence kind "
                                 f"'{kind}'"))
        if control.attested and "attestation" not in control.evidence:
            found.append(Problem(control.source, f"{control.id}: an attested control needs "
                                 "'attestation' in its evidence"))
    prefixes = {c.split("-", 1)[0] for c in seen}
    for control in seen.values():
        if control.superseded_by and control.superseded_by not in seen:
            found.append(Problem(control.source, f"{control.id}: superseded by unknown "
                                 f"control '{control.superseded_by}'"))
        for target in control.maps_to:
            if target.split("-", 1)[0] in prefixes and target not in seen:
                found.append(Problem(control.source, f"{control.id}: maps_to names unknown "
                                     f"control '{target}'"))
    return found
