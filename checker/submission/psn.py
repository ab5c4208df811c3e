"""The annual PSN compliance submission, assembled from one assessment: an index (readiness,
inputs digest, contents), the CoCo self-assessment with every IA condition and commitment and
the evidence behind each answer, the Remediation Action Plan (CSV and xlsx), the ITHC
summary, the contacts, the attachments with their sha256, and the PSN control matrix in the
existing html and csv formats. The verdicts are the policies'; this module only arranges
them, and refuses to build while any PSN control could not be evaluated."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from checker import report
from checker.errors import CheckerError, ExitCode, InputError, Location, Problem
from checker.formats import FORMATS
from checker.formats.csv_ import write as csv_write
from checker.model import Assessment, Evidence, Result, Status, control_sort_key
from checker.submission import pages
from checker.submission import rap as rap_
from checker.submission.pack import Pack, sha256

FRAMEWORK = "psn"
SEVERITIES = ("critical", "high", "medium", "low", "info")
#: Areas whose controls are the CoCo's answers: IA conditions, then commitments.
ANSWER_AREAS = (("PSN-IA", "IA conditions"), ("PSN-COM", "Commitments"))


class SubmissionRefused(CheckerError):
    """The pack cannot be built: a PSN control could not be evaluated, or PSN does not apply."""

    exit_code = ExitCode.FINDINGS


@dataclasses.dataclass(frozen=True, slots=True)
class Readiness:
    """Why the pack is not ready to send (empty: ready)."""

    blockers: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.blockers


def build(assessment: Assessment, evidence_root: Path) -> tuple[Pack, Readiness]:
    """The pack for ``assessment`` (attachments read from under ``evidence_root``)."""
    results = _psn_results(assessment)
    documents = _documents(assessment.results)
    missing = _missing_citations(results, documents)
    readiness = Readiness(tuple(
        [f"{r.control.id} {r.control.title}: {r.status.label}, {r.reason}"
         for r in results if r.status in (Status.FAIL, Status.GAP)]
        + [f"{doc.id} ({doc.location}) cites evidence {ref!r}, which is not in the pack"
           for doc, ref in missing]))
    psn = dataclasses.replace(
        assessment, results=results,
        frameworks=tuple(f for f in assessment.frameworks if f.key == FRAMEWORK))
    pack = Pack()
    reports = [d for d in documents.values() if d.kind == "ithc_report"]
    latest = rap_.latest_report(reports)
    plans = [d for d in documents.values() if d.kind == "remediation_plan"]
    table = ([rap_.cells(row, assessment.as_of) for row in rap_.rows(latest, plans)]
             if latest is not None else [])
    pack.add("coco-self-assessment.html", _coco(psn, documents),
             "CoCo self-assessment: the environment, every IA condition and commitment with "
             "its answer and evidence")
    pack.add("rap.csv", rap_.csv_text(table), "Remediation Action Plan (CSV, template columns)")
    pack.add("rap.xlsx", rap_.xlsx_bytes(table, assessment.as_of,
                                         f"Remediation Action Plan: {assessment.organisation}"),
             "Remediation Action Plan (xlsx, template columns)")
    pack.add("ithc-summary.html", _ithc(psn, latest, plans),
             "IT Health Check summary: provider, scheme, dates, scope, findings by severity")
    pack.add("contacts.csv", _contacts(documents.values()), "Contacts held by the PSN team")
    pack.add("matrix/psn-matrix.html", _text(FORMATS["html"].render(psn, report.View("matrix"))),
             "PSN control matrix (html): every control, its evidence, file:line and sha256")
    pack.add("matrix/psn-matrix.csv", _text(FORMATS["csv"].render(psn, report.View("matrix"))),
             "PSN control matrix (csv)")
    for path, data, description in _attachments(documents.values(), evidence_root):
        pack.add(path, data, description)
    pack.add("index.html", _index(psn, readiness, pack), "This page")
    return pack, readiness


def _psn_results(assessment: Assessment) -> tuple[Result, ...]:
    results = tuple(r for r in assessment.results if r.control.framework == FRAMEWORK)
    where = assessment.profile or Location("organisation profile")
    if not results:
        raise SubmissionRefused(Problem(where, "no PSN controls were assessed; the PSN "
                                        "catalogue is needed (--framework psn)"))
    errors = [r for r in results if r.status is Status.ERROR]
    if errors:
        raise SubmissionRefused([Problem(report.anchor(r, assessment),
                                         f"{r.control.id} could not be evaluated: {r.reason}; "
                                         "refusing to build the PSN submission")
                                 for r in errors])
    if all(r.status is Status.NOT_APPLICABLE for r in results):
        raise SubmissionRefused(Problem(where, "every PSN control is not applicable ("
                                        f"{results[0].reason}); there is nothing to submit"))
    return results


def _documents(results: Iterable[Result]) -> dict[str, Evidence]:
    """Every evidence document behind any result, by id, in id order."""
    found: dict[str, Evidence] = {}
    for result in results:
        for item in result.evidence:
            found.setdefault(item.id, item)
    return dict(sorted(found.items()))


def _answers(result: Result) -> list[Evidence]:
    return [e for e in result.evidence
            if e.kind == "attestation" and result.control.id in e.facts.get("controls", ())]


def _missing_citations(results: Sequence[Result],
                       documents: dict[str, Evidence]) -> list[tuple[Evidence, str]]:
    cited = {(doc.id, ref): doc for r in results for doc in _answers(r)
             for ref in doc.facts.get("evidence", ()) if ref not in documents}
    return [(doc, ref) for (_, ref), doc in sorted(cited.items())]


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def _latest(documents: Iterable[Evidence], kind: str, key: str) -> Evidence | None:
    return max((d for d in documents if d.kind == kind),
               key=lambda d: (str(d.facts.get(key, "")), d.id), default=None)


def _coco(psn: Assessment, documents: dict[str, Evidence]) -> str:
    body = []
    certificate = _latest(documents.values(), "psn_certificate", "issued")
    body.append(pages.heading("PSN environment"))
    if certificate is None:
        body.append(pages.para("No psn_certificate evidence describes the environment "
                               "(PSN-GOV-03 reports this)."))
    else:
        facts = certificate.facts
        coco = facts.get("coco") or {}
        environment = coco.get("environment") or {}
        signatory = facts.get("signatory") or {}
        body.append(pages.pairs([
            ("environment", str(facts.get("environment_name", ""))),
            ("CoCo version", str(coco.get("version", "not stated"))),
            ("users", _stated(coco.get("users"))), ("sites", _stated(coco.get("sites"))),
            ("internal IP addresses", _stated(coco.get("internal_ip_count"))),
            ("hosted PSN services", ", ".join(coco.get("hosted_service_codes", ()))
             if "hosted_service_codes" in coco else "not stated"),
            *((part.replace("_", " "), ", ".join(environment.get(part, ())) or "none listed")
              for part in ("sites", "external_ranges", "gateways", "remote_access",
                           "third_party_connections")),
            ("signed by", f"{signatory.get('name', 'not stated')} "
                          f"({signatory.get('role', 'role not stated')}) on "
                          f"{signatory.get('signed', 'no date')}"),
            ("source", report.evidence_ref(certificate))]))
    for area, label in ANSWER_AREAS:
        answered = [r for r in psn.results if r.control.area == area]
        body.append(pages.heading(f"{label} ({len(answered)})"))
        body.append(pages.table(
            ("id", "condition", "status", "answer", "attested by", "statement", "document",
             "evidence", "related controls"),
            (_answer_row(r, psn, documents) for r in answered)))
    if certificate is not None:
        recorded = (certificate.facts.get("coco") or {}).get("ia_conditions", ())
        body.append(pages.heading("IA conditions as recorded in the CoCo submission"))
        body.append(pages.table(("condition", "status", "exception reference"), (
            (str(c.get("condition", "")), str(c.get("status", "")).replace("_", " "),
             str(c.get("exception_reference", ""))) for c in recorded)))
    return pages.page(f"PSN CoCo self-assessment: {psn.organisation}",
                      report.provenance(psn), body)


def _stated(value: Any) -> str:
    return "not stated" if value is None else str(value)


def _answer_row(result: Result, psn: Assessment,
                documents: dict[str, Evidence]) -> tuple[str, ...]:
    answers = _answers(result)
    status = result.status.label + ("" if result.status is Status.PASS else f": {result.reason}")
    findings = report.finding_ref(result)
    related = [f"{r.control.id}: {r.status.label}" for r in psn.results
               if r.control.id in result.control.maps_to]
    cited = sorted({ref for doc in answers for ref in doc.facts.get("evidence", ())})
    return (result.control.id, result.control.title, "\n".join([status, *findings]),
            "\n".join(str(d.facts.get("outcome", "")).replace("_", " ") for d in answers)
            or ("decided by rules over the evidence" if not result.control.attested
                else "unanswered"),
            "\n".join(f"{d.facts.get('attested_by')} ({d.facts.get('role')}), {d.collected}"
                      for d in answers),
            "\n".join(" ".join(str(d.facts.get("statement", "")).split()) for d in answers),
            "\n".join(_document(d) for d in answers),
            "\n".join([*(report.evidence_ref(d) for d in answers),
                       # a condition decided by rules (issue 19) cites what they read
                       *(report.evidence_ref(d) for d in result.evidence
                         if not result.control.attested),
                       *(report.evidence_ref(documents[ref]) if ref in documents
                         else f"{ref} (not found in the evidence)" for ref in cited)]),
            "\n".join(related))


def _document(doc: Evidence) -> str:
    cited = doc.facts.get("document") or {}
    parts = [str(cited.get("title", "")), str(cited.get("reference", ""))]
    if cited.get("version"):
        parts.append(f"v{cited['version']}")
    if cited.get("approved"):
        parts.append(f"approved {cited['approved']}")
    return ", ".join(p for p in parts if p)


def _ithc(psn: Assessment, latest: Evidence | None, plans: Sequence[Evidence]) -> str:
    title = f"IT Health Check summary: {psn.organisation}"
    if latest is None:
        return pages.page(title, report.provenance(psn), [pages.para(
            "No ithc_report evidence: the submission has no IT Health Check (PSN-ITHC-01).")])
    facts = latest.facts
    scope = facts.get("scope") or {}
    sample = facts.get("sample") or {}
    rows = rap_.rows(latest, plans)
    total = Counter(str(r.finding.get("severity")) for r in rows)
    open_ = Counter(str(r.finding.get("severity")) for r in rows if r.is_open)
    overdue = Counter(str(r.finding.get("severity")) for r in rows if r.overdue(psn.as_of))
    versions = sorted({r.cvss_version or "not stated" for r in rows})
    body = [pages.pairs([
        ("provider", str(facts.get("provider", ""))), ("scheme", str(facts.get("scheme", ""))),
        ("completed", str(facts.get("completed", ""))),
        ("CVSS versions", ", ".join(versions) or "no findings"),
        ("external scope", ", ".join(scope.get("external", ())) or "not stated"),
        ("internal scope", ", ".join(scope.get("internal", ())) or "not stated"),
        *((f"tested {part.replace('_', ' ')}", ", ".join(values))
          for part, values in sorted((scope.get("tested") or {}).items())),
        ("sample", f"{sample.get('devices_tested', '?')} of {sample.get('estate_devices', '?')}"
                   " devices" if sample else "not stated"),
        ("source", report.evidence_ref(latest))]),
        pages.heading(f"Findings by severity (as of {psn.as_of})"),
        pages.table(("severity", "findings", "open", "open past target date"),
                    [(s, str(total[s]), str(open_[s]), str(overdue[s])) for s in SEVERITIES]
                    + [("total", str(len(rows)), str(sum(open_.values())),
                        str(sum(overdue.values())))]),
        pages.heading("Health check controls"),
        pages.table(("control", "title", "status", "findings"), (
            (r.control.id, r.control.title, r.status.label, "\n".join(report.finding_ref(r)))
            for r in psn.results if r.control.area == "PSN-ITHC"))]
    return pages.page(title, report.provenance(psn), body)


_CONTACT_COLUMNS = ("role", "name", "email", "phone", "last confirmed", "source")


def _contacts(documents: Iterable[Evidence]) -> str:
    rows = []
    for doc in documents:
        if doc.kind == "security_contacts":
            for contact in doc.facts.get("contacts", ()):
                rows.append((*(str(contact.get(k, "")) for k in
                               ("role", "name", "email", "phone", "last_confirmed")),
                             f"{doc.id} ({doc.location})"))
    return csv_write(_CONTACT_COLUMNS, rows)


def _attachments(documents: Iterable[Evidence],
                 evidence_root: Path) -> list[tuple[str, bytes, str]]:
    """Each attachment of each document, re-read and re-checked against its declared sha256
    (the file may have changed since it was loaded: fail closed rather than ship it)."""
    found: list[tuple[str, bytes, str]] = []
    for doc in documents:
        for index, attachment in enumerate(doc.document.value.get("attachments", ())):
            declared, name = attachment["path"], Path(attachment["path"]).name
            source = _source_file(doc, evidence_root).parent / declared
            where = doc.document.locate(("attachments", index, "path"))
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise InputError.at(where, f"cannot read attachment {declared!r}: "
                                    f"{exc.strerror or exc}") from exc
            if sha256(data) != attachment["sha256"]:
                raise InputError.at(where, f"attachment {declared!r} changed since it was "
                                    "checked; its sha256 no longer matches")
            description = attachment.get("description") or f"attachment of {doc.id}"
            path = f"attachments/{doc.id}/{name}"
            if any(path == taken for taken, _, _ in found):  # same name twice in one document
                path = f"attachments/{doc.id}/{index + 1}-{name}"
            found.append((path, data,
                          f"{description} ({doc.kind} {doc.id}, {doc.location})"))
    return found


def _source_file(doc: Evidence, evidence_root: Path) -> Path:
    shown = Path(doc.location.file)
    try:
        return evidence_root / shown.relative_to(evidence_root.as_posix())
    except ValueError:
        return shown


def _index(psn: Assessment, readiness: Readiness, pack: Pack) -> str:
    counts = psn.counts()
    summary = ", ".join(f"{counts[s]} {s.label}" for s in Status if counts.get(s))
    body = [pages.pairs([("organisation", psn.organisation), ("as of", psn.as_of),
                         ("inputs sha256", psn.inputs_digest),
                         ("tool", f"checker {psn.tool_version}"),
                         ("PSN controls", f"{len(psn.results)} ({summary})")])]
    if readiness.ready:
        body.append(pages.para("READY: every PSN control passes (or is waived or not "
                               "applicable) and every cited document is in the pack.", "ready"))
    else:
        body.append(pages.para(f"NOT READY: {len(readiness.blockers)} item(s) below must be "
                               "resolved before this pack is sent.", "notready"))
        body.append(pages.items(readiness.blockers))
    waived = [r for r in psn.results if r.status is Status.WAIVED]
    if waived:
        body.append(pages.heading("Waived controls"))
        body.append(pages.items(f"{r.control.id}: {report.waiver_ref(r)}" for r in waived))
    body.append(pages.heading("Contents"))
    body.append("<table>\n<thead><tr><th>file</th><th>what it is</th><th>sha256</th></tr>"
                "</thead>\n<tbody>\n" + "".join(
                    f"<tr><td>{pages.link(path, path)}</td><td>{escape(pack.descriptions[path])}"
                    f"</td><td>{digest}</td></tr>\n"
                    for path, digest in pack.digests().items()) + "</tbody>\n</table>")
    body.append(pages.para("manifest.sha256 lists the sha256 of every file, this page "
                           "included (check with: sha256sum -c manifest.sha256)."))
    order = sorted(psn.results, key=lambda r: control_sort_key(r.control.id))
    body.append(pages.heading("PSN controls"))
    body.append(pages.table(("control", "title", "status", "reason"), (
        (r.control.id, r.control.title, r.status.label, r.reason) for r in order)))
    return pages.page(f"PSN compliance submission: {psn.organisation}", report.provenance(psn),
                      body)

