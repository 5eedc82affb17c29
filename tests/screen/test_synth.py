"""The population generator is deterministic and writes the mix it reports."""

from __future__ import annotations

from pathlib import Path

import orjson

from priorauth.screen.synth import write_export


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    mixes = [write_export(tmp_path / name, 150, seed=seed) for name, seed in (("a", 5), ("b", 5), ("c", 6))]
    assert mixes[0] == mixes[1] and sum(mixes[0].values()) == 150
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()
    assert (tmp_path / "a/Patient.000.ndjson").read_bytes() != (tmp_path / "c/Patient.000.ndjson").read_bytes()


def test_every_resource_is_tied_to_a_written_patient(tmp_path: Path) -> None:
    write_export(tmp_path, 100, seed=1, gz=False)
    ids = {orjson.loads(x)["id"] for x in (tmp_path / "Patient.000.ndjson").read_bytes().splitlines()}
    assert len(ids) == 100
    for f in tmp_path.glob("*.ndjson"):
        for line in f.read_bytes().splitlines():
            r = orjson.loads(line)
            ref = (r.get("subject") or r.get("patient") or r.get("beneficiary") or {}).get("reference")
            assert ref is None or ref.removeprefix("Patient/") in ids
