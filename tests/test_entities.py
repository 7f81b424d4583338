"""Entities: the pinned spaCy model, names resolved within an article and folded across outlets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.analyze import entities as ent
from newsdesk.analyze.entities import ModelError, entities_of, name_key, verify_model


def test_spelling_variants_share_a_key():
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky") == name_key("Volodymyr Zelenskiy")
    assert name_key("Recep Tayyip Erdoğan") == name_key("Recep Tayyip Erdogan")
    assert name_key("President Donald Trump") == name_key("Donald Trump")
    assert name_key("Maria Zakharova") != name_key("Maria Sharapova")
    assert name_key("Georgia", "place") != name_key("Georgia", "person")


def test_surname_resolves_to_fullest_name_with_stated_role():
    text = ("Russian Foreign Ministry spokesperson Maria Zakharova spoke on Thursday.\n\n"
            "Zakharova told reporters that Moscow would not take part. The Syrian Democratic Forces (SDF) "
            "said the SDF would fight on.")
    found = {e.name: e for e in entities_of(text)}
    assert "Zakharova" not in found
    z = found["Maria Zakharova"]
    assert z.kind == "person" and len(z.mentions) == 2
    assert z.role == "Russian Foreign Ministry spokesperson"
    assert found["Moscow"].kind == "place"
    assert "SDF" not in found and len(found["Syrian Democratic Forces"].mentions) >= 2


def test_titles_leave_the_name_and_the_article_tells_the_gender():
    text = ("Crown Prince Mohammad bin Salman of Saudi Arabia accepted responsibility. "
            "Robert Downey Jr. paid tribute; Downey spoke first.\n\n"
            "Hatice Cengiz, fiancée of the journalist, spoke to reporters. John Webb, a lawyer, listened.")
    found = {e.name: e for e in entities_of(text)}
    mbs = found["Mohammad bin Salman"]
    assert mbs.role == "Crown Prince" and mbs.gender == "m"  # "Prince" says so
    assert "Downey" not in found and len(found["Robert Downey Jr"].mentions) == 2
    assert found["Hatice Cengiz"].gender == "f"  # "fiancée", though the name is in no table
    assert found["John Webb"].gender == "m"  # the census first-name lists


def test_pinned_model_files_are_checked(tmp_path):
    model = ent.nlp()
    assert verify_model(Path(model.path)) is None
    copy = tmp_path / "model"
    shutil.copytree(model.path, copy)
    with open(copy / "ner" / "model", "r+b") as fh:
        fh.seek(100)
        byte = fh.read(1)
        fh.seek(100)
        fh.write(bytes([byte[0] ^ 0xFF]))
    reason = verify_model(copy)
    assert reason and reason.startswith("ner/model sha256")
    (copy / "tok2vec" / "model").unlink()
    assert "tok2vec/model missing" in verify_model(copy)


def test_a_named_model_that_is_missing_says_so():
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        ent.load_model("no_such_model_xyz")


def test_titles_of_a_place_before_a_name_are_not_the_name():
    from newsdesk.analyze.entities import strip_titles

    assert strip_titles("First Minister of Scotland Nicola Sturgeon") == "Nicola Sturgeon"
    assert strip_titles("Prime Minister of the United Kingdom Boris Johnson") == "Boris Johnson"
    assert strip_titles("Homicide Detective Dominic Mangoni") == "Dominic Mangoni"
    assert strip_titles("Bank of America Merrill Lynch") == "Bank of America Merrill Lynch"
    assert strip_titles("Secretary of State") == "Secretary of State"
