"""Antecedents the actor table keeps no mention of: definite role-noun subjects.

"The president also used the weekend to ...; he told RAI ..." — "the
president" is Zelensky for the actor table's `resolve`, but it is no
mention of his, so pronoun resolution (speakers and position holders alike)
would skip it for an older subject.  These are found once per article.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Span

from peacewire.records import Actor

SUBJECT_LABELS = ("nsubj", "nsubjpass")


def role_subjects(doc: Doc, resolve: Callable[[Span], Actor | None]) -> list[tuple[int, Actor]]:
    """(character offset, actor) of each subject "the <modifiers> <noun>" that resolves to an actor.

    The phrase is the noun with what precedes it in its subtree ("the
    Ukrainian president"); clauses and appositions after it are left out.
    """
    strings = doc.vocab.strings
    subject_ids = {strings[label] for label in SUBJECT_LABELS}
    noun = strings["NOUN"]
    out: list[tuple[int, Actor]] = []
    for i, (dep, pos) in enumerate(doc.to_array([DEP, POS]).tolist()):
        if dep not in subject_ids or pos != noun:
            continue
        tok = doc[i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
            continue
        actor = resolve(doc[tok.left_edge.i : i + 1])
        if actor is not None:
            out.append((tok.left_edge.idx, actor))
    return out
