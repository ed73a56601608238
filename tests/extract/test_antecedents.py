"""Definite role-noun subjects as antecedents."""

from __future__ import annotations

from spacy.language import Language

from peacewire.extract.actors import build_actor_table
from peacewire.extract.antecedents import role_subjects
from peacewire.extract.gazetteer import load_gazetteer


def test_a_definite_role_subject_resolves_and_other_subjects_do_not(nlp: Language) -> None:
    doc = nlp(
        "President Volodymyr Zelensky spoke in Kyiv on Monday. Later the Ukrainian president travelled to "
        "Oslo, and the talks stalled. A president should listen, the spokesman said."
    )
    table = build_actor_table(doc, load_gazetteer())
    found = role_subjects(doc, table.resolve)
    at = doc.text.index("the Ukrainian president")
    assert [(start, actor.name) for start, actor in found] == [(at, "Volodymyr Zelensky")]
