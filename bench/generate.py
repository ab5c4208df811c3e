"""Write a synthetic estate's evidence pack: deterministic from a seed, sized in items.

An *item* is one evidence document or one entry of an inventory (a host, an account, a
device...). The pack is built from the shipped kind schemas: every kind's documented example
is the template, so the generator keeps up with the catalogue without edits. Inventory kinds
(a kind whose facts hold a list of objects) get the bulk of the items, each entry renamed and
jittered; every attested control of the bundled catalogue gets a fresh attestation.

    python bench/generate.py --items 10000 --seed 7 --out /tmp/estate-10k
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from checker.catalogue import load_catalogue
from checker.policies import bundled
from checker.schemas import evidence_kinds, load

AS_OF = date(2026, 11, 1)
ITEMS_PER_DOCUMENT = 250
ORGANISATION = {
    "name": "Synthetic Shire Council", "sector": "local government", "staff": 9000,
    "psn_connected": True, "pecr_provider": False,
    "pci": {"merchant": True, "service_provider": False, "multi_tenant_provider": False,
            "designated_entity": False, "early_tls_poi": False, "issuer": False, "saq": "D",
            "channels": ["contact_centre", "ecommerce"]},
}
NAME_KEYS = ("name", "id", "account", "host", "system", "serial", "asset_id", "person")


def inventory_key(example: dict[str, Any]) -> str | None:
    """The facts key holding a list of objects (the inventory), if the kind has one."""
    for key, value in example.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return key
    return None


def _rename(entry: dict[str, Any], index: int) -> dict[str, Any]:
    entry = copy.deepcopy(entry)
    for key in NAME_KEYS:
        if isinstance(entry.get(key), str):
            entry[key] = f"{entry[key]}-{index:06d}"
            break
    return entry


def _jitter(entry: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Shift ISO dates in an entry by up to 20 days earlier, so verdicts vary a little."""
    shift = timedelta(days=rng.randint(0, 20))
    out: dict[str, Any] = {}
    for key, value in entry.items():
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                out[key] = (date.fromisoformat(value) - shift).isoformat()
                continue
            except ValueError:
                pass
        out[key] = value
    return out


def _document(kind: str, doc_id: str, facts: dict[str, Any], collected: date) -> dict[str, Any]:
    return {"kind": kind, "id": doc_id, "title": f"Synthetic {kind.replace('_', ' ')}",
            "owner": "Head of ICT", "collected": collected.isoformat(), "facts": facts}


def _attestations(rng: random.Random) -> list[dict[str, Any]]:
    """Fresh attestations covering every attested control, one per attesting role."""
    template = load("kinds/attestation.schema.json")["examples"][0]
    catalogue = load_catalogue(bundled("controls"), "controls")
    by_role: dict[str, list[str]] = {}
    for control in catalogue.controls:
        if control.mode == "attested":
            role = control.attested_by[0] if control.attested_by else template["role"]
            by_role.setdefault(role, []).append(control.id)
    out = []
    for number, (role, ids) in enumerate(sorted(by_role.items()), 1):
        facts = copy.deepcopy(template)
        facts["controls"], facts["role"] = ids, role
        out.append(_document("attestation", f"att-{number}", facts,
                             AS_OF - timedelta(days=rng.randint(5, 60))))
    return out


def build(items: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    """The pack as {relative file name: documents}, `items` items in all (at least one per kind)."""
    rng = random.Random(seed)
    files: dict[str, list[dict[str, Any]]] = {
        "organisation.yaml": [_document("organisation", "org", ORGANISATION, AS_OF)]}
    attestations = _attestations(rng)
    files["attestations.yaml"] = attestations
    inventories: dict[str, tuple[str, dict[str, Any]]] = {}
    singles = 0
    for kind in evidence_kinds():
        if kind in ("organisation", "attestation"):
            continue
        example = load(f"kinds/{kind}.schema.json")["examples"][0]
        key = inventory_key(example)
        if key is None:
            files[f"{kind}.yaml"] = [_document(kind, f"{kind}-1", example, AS_OF)]
            singles += 1
        else:
            inventories[kind] = (key, example)
    budget = max(items - 1 - len(attestations) - singles, len(inventories))
    for position, (kind, (key, example)) in enumerate(sorted(inventories.items())):
        share = budget // len(inventories) + (1 if position < budget % len(inventories) else 0)
        template = example[key]
        entries = [_jitter(_rename(template[i % len(template)], i), rng) for i in range(share)]
        documents = []
        for start in range(0, len(entries), ITEMS_PER_DOCUMENT):
            facts = copy.deepcopy(example)
            facts[key] = entries[start:start + ITEMS_PER_DOCUMENT]
            documents.append(_document(kind, f"{kind}-{start // ITEMS_PER_DOCUMENT + 1}", facts,
                                       AS_OF - timedelta(days=rng.randint(1, 25))))
        files[f"{kind}.yaml"] = documents
    return files


def item_count(files: dict[str, list[dict[str, Any]]]) -> int:
    """Documents plus inventory entries: the unit the benchmark sizes by."""
    total = 0
    for documents in files.values():
        for document in documents:
            key = inventory_key(document["facts"])
            total += len(document["facts"][key]) if key else 1
    return total


def write(files: dict[str, list[dict[str, Any]]], out: Path) -> None:
    """Replace ``out`` with the pack (block-style YAML, as people write it)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name, documents in sorted(files.items()):
        text = yaml.safe_dump_all(documents, sort_keys=False, default_flow_style=False,
                                  allow_unicode=True)
        (out / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    files = build(args.items, args.seed)
    write(files, args.out)
    print(json.dumps({"out": str(args.out), "items": item_count(files),
                      "files": len(files)}))


if __name__ == "__main__":
    main()
