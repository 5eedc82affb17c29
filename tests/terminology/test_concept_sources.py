"""Every coded concept set names its source, and every source it names is listed with a URL (a rule without
a source is a bug). The specimen and PLA code sets were checked against theirs (issue 13): their sources
are the pages they were checked against."""

from __future__ import annotations

from priorauth.terminology.concepts import _data


def test_every_concept_set_cites_listed_sources() -> None:
    data = _data()
    listed = data["sources"]
    assert all(str(url).startswith("http") for url in listed.values())
    for name, entry in data["sets"].items():
        cited = [entry["source"], *entry.get("sources", [])]
        for key in cited:
            assert key in listed or str(key).startswith("http"), (name, key)


def test_checked_specimen_and_pla_sets_cite_what_they_were_checked_against() -> None:
    sets = _data()["sets"]
    assert {"pla_0239u", "pla_0242u"} <= set(sets["plasma_test_codes"]["sources"])
    assert "snomed_specimens" in sets["specimen_plasma"]["sources"]
    assert {"snomed_specimens", "genomics_tumor_specimen"} <= set(sets["specimen_tissue"]["sources"])
