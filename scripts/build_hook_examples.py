"""Write the shipped example hook requests (``examples/cds/``) from the bundled example chart, the way an
EHR fills the discovery's prefetch templates.

    .venv/bin/python scripts/build_hook_examples.py
"""

from __future__ import annotations

import json
from pathlib import Path

from priorauth.cds.simulate import hook_request

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    resources = [e["resource"] for e in json.loads((ROOT / "examples/nsclc-ready.json").read_text())["entry"]]
    draft = next(r for r in resources if r.get("id") == "soto1")
    for service in ("priorauth-order-select", "priorauth-order-sign"):
        request = hook_request(resources, service, "p1", draft, "Practitioner/dr1")
        request["hookInstance"] = f"d1577c69-dfbe-44ad-ba6d-3e05e953b2e{1 if 'select' in service else 2}"
        out = ROOT / f"examples/cds/{service.removeprefix('priorauth-')}.json"
        out.write_text(json.dumps(request, indent=1) + "\n")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
