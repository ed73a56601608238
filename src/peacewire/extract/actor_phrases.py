"""Reading noun phrases that name or describe actors.

"Ukraine's foreign minister", "a Kremlin spokesperson", "US officials", "the
ministry", "local authorities", "a source": what kind of referent such a
phrase describes (a title holder, unnamed officials, a body, a vague source)
and which words say whose it is.  Pure functions over spaCy tokens and the
role lexicon; `peacewire.extract.actors` turns the answers into actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewire.extract.gazetteer import Gazetteer, RoleLexicon, TitleSpec, fold
from peacewire.extract.tokenview import TokenView

# Prepositions after which a capital or a building is a place, not a government.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "to", "into", "near", "outside", "around", "across", "from", "over", "toward", "towards",
     "through", "within", "inside", "throughout", "beyond", "past", "above", "below", "off", "via", "along",
     "onto", "upon", "on", "out", "under", "behind", "beside", "nearby", "opposite"}
)  # fmt: skip
# Dependency labels of a word that acts, speaks, is addressed or owns.
AGENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "agent", "poss", "dobj", "dative", "appos", "conj", "ROOT", "attr", "iobj",
     "npadvmod", "pobj"}
)  # fmt: skip
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom", "which",
     "that", "this", "these", "those", "his", "its", "their", "our", "one", "himself", "herself", "itself",
     "themselves", "someone", "somebody", "anyone", "everyone", "nobody", "none", "both", "all", "each"}
)  # fmt: skip
# Head nouns that make "Kyiv's X" or "Kyiv X" about the city, not its government.
LOCAL_HEADS = frozenset(
    {"mayor", "residents", "resident", "streets", "street", "outskirts", "suburbs", "districts", "district",
     "centre", "center", "skies", "sky", "airport", "region", "oblast", "province", "people", "population",
     "citizens", "council", "administration", "buildings", "building", "infrastructure", "neighbourhoods",
     "neighborhoods", "metro", "subway", "station", "governor", "air", "defences", "defenses", "city",
     "authorities", "officials", "hospital", "hospitals", "suburb", "area", "areas", "zoo", "river"}
)  # fmt: skip


@dataclass
class PhraseInfo:
    """What a noun phrase says about its referent."""

    head: str  # lower-case lemma of the head noun (text for proper nouns)
    title: TitleSpec | None = None
    former: bool = False
    leader: bool = False
    official: bool = False
    local: str = ""  # "city" / "region" for "local authorities", "regional officials"
    vague: bool = False
    members: bool = False  # "the allies": members of an alliance speaking together
    indefinite: bool = False
    state_noun: bool = False
    body_noun: bool = False
    owner_tokens: list[Token] = field(default_factory=list)
    body_tokens: list[Token] = field(default_factory=list)


def read_phrase(tokens: Sequence[Token], gaz: Gazetteer, view: TokenView) -> PhraseInfo:
    """Classify a noun phrase: a title holder, officials, a body, a vague source...
    (`view`, the article's token lists, spares building head Tokens.)"""
    tokens = [t for t in tokens if not (t.is_punct and t.text != "-") and not t.is_space]
    if not tokens:
        return PhraseInfo(head="")
    roles = gaz.roles
    root = phrase_root(tokens, view)
    head = root.lower_ if root.pos_ == "PROPN" else root.lemma_.lower()
    lower = root.lower_
    info = PhraseInfo(head=head)
    info.indefinite = any(t.dep_ == "det" and t.lower_ in ("a", "an", "one", "some") for t in tokens)
    owner = owner_tokens(tokens, root, gaz)
    info.owner_tokens = owner
    rest = [
        t
        for t in tokens
        if t.dep_ not in ("det", "case") and t.tag_ != "POS" and t not in owner and t.lower_ not in PRONOUNS
    ]
    words = [
        fold(t.text) for t in rest if t.i <= root.i or t.dep_ in ("prep", "pobj", "det", "compound", "amod")
    ]
    last_two = " ".join(words[-2:]) if words and words[-1] == fold(root.text) else ""
    info.former = any(w.rstrip("-") in roles.former_markers for w in words)
    info.title = find_title([w for w in words if w.rstrip("-") not in roles.former_markers], roles)
    if lower in roles.leader_forms or head in roles.leader_forms:
        info.leader, info.title = True, None
    local = [w for w in words if w in roles.local_modifiers]
    title_on_root = info.title is not None and any(f.split()[-1] in (lower, head) for f in info.title.forms)
    if lower in roles.official_nouns or head in roles.official_nouns:
        if not title_on_root:
            info.official = True  # "US officials"; but "top diplomat" is a title
        info.local = "region" if ("regional" in local or "oblast" in local) else ("city" if local else "")
    if lower in roles.vague_nouns or head in roles.vague_nouns:
        info.vague = True
    if lower in roles.member_nouns or head in roles.member_nouns or last_two in roles.member_nouns:
        info.members = True
    if head in roles.state_nouns or lower in roles.state_nouns or last_two in roles.state_nouns:
        info.state_noun = True
    if head in roles.body_nouns or lower in roles.body_nouns or last_two in roles.body_nouns:
        info.body_noun = True
        info.state_noun = info.state_noun and last_two not in roles.body_nouns
        info.body_tokens = _name_words(root, rest)
    if info.title is not None and (info.official or info.body_noun) and not title_on_root:
        info.title = None  # "the foreign ministry" is a body, not the foreign minister
    return info


def _name_words(root: Token, rest: Sequence[Token]) -> list[Token]:
    """The head noun and the modifiers right before it: "regional military administration"."""
    allowed = {t.i for t in rest}
    out = [root]
    i = root.i - 1
    while i in allowed and root.doc[i].dep_ in ("compound", "amod", "nmod") and root.doc[i].pos_ != "CCONJ":
        out.insert(0, root.doc[i])
        i -= 1
    return out


def find_title(words: Sequence[str], roles: RoleLexicon) -> TitleSpec | None:
    """The longest title form among consecutive `words` ("foreign minister" over "minister")."""
    best: TitleSpec | None = None
    best_len = 0
    n = len(words)
    for i in range(n):
        for j in range(min(n, i + roles.max_title_words), i + best_len, -1):
            t = roles.title(" ".join(words[i:j]))
            if t is not None:
                best, best_len = t, j - i
                break
    return best


def phrase_root(tokens: Sequence[Token], view: TokenView) -> Token:
    """The token of the phrase whose head lies outside it (heads read from `view`)."""
    ids = {t.i for t in tokens}
    heads = view.head
    for t in tokens:
        h = heads[t.i]
        if h not in ids or h == t.i:
            return t
    return tokens[-1]


def owner_tokens(tokens: Sequence[Token], root: Token, gaz: Gazetteer) -> list[Token]:
    """Words naming whose the phrase is: "Russia's", "Ukrainian", "Kremlin", "of Ukraine", "in Kyiv"."""
    ids = {t.i for t in tokens}
    out: list[Token] = []
    for t in tokens:
        if t.i == root.i:
            continue
        if t.dep_ == "poss" and t.head.i in ids:
            out.extend(x for x in t.subtree if x.i in ids and x.tag_ != "POS" and x.dep_ != "case")
        elif t.dep_ in ("amod", "compound", "nmod", "npadvmod") and t.i < root.i and names_owner(t, gaz):
            out.append(t)
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in", "from") and prep.i in ids:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend(x for x in obj.subtree if x.i in ids and names_owner(x, gaz))
    return sorted(set(out), key=lambda t: t.i)


def names_owner(t: Token, gaz: Gazetteer) -> bool:
    """Whether a modifier names an owner (a state, place or body), not a kind ("defence ministry")."""
    if not t.text[:1].isupper():
        return False
    if fold(t.text) in gaz.roles.honorifics or gaz.roles.title(t.text) is not None:
        return False
    if t.ent_type_ in ("NORP", "GPE", "LOC") or t.pos_ == "PROPN":
        return True
    return gaz.state_by_demonym(t.text) is not None or gaz.place(t.text) is not None


def strip_honorifics(tokens: Iterable[Token], gaz: Gazetteer) -> list[Token]:
    """A name without leading honorifics, titles, determiners and a trailing possessive."""
    toks = [t for t in tokens if t.tag_ != "POS" and not (t.is_punct and t.text not in ("-", "."))]
    while toks and (fold(toks[0].text) in gaz.roles.honorifics or toks[0].dep_ == "det"):
        toks = toks[1:]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks = toks[:-1]
    return toks


def join_tokens(tokens: Sequence[Token]) -> str:
    """The tokens' text, spaced as in the article (a space where tokens were dropped)."""
    out = ""
    for n, t in enumerate(tokens):
        out += t.text
        if n + 1 < len(tokens):
            out += t.whitespace_ if tokens[n + 1].i == t.i + 1 else " "
    return " ".join(out.split())


def metonym_acts(span: Span, gaz: Gazetteer) -> bool:
    """Whether a capital or a seat of power ("Kyiv", "the Kremlin") stands for a government here.

    Not after a locative preposition ("in Kyiv", "at the Kremlin"), not as
    the owner or modifier of a local noun ("Kyiv's mayor", "Kyiv region").
    """
    root = span.root
    head = root.head
    roles = gaz.roles
    if root.dep_ == "pobj":
        return head.lower_ not in LOCATIVE_PREPS
    if root.dep_ in ("compound", "nmod", "amod"):
        word = head.lemma_.lower()
        if word in LOCAL_HEADS or head.lower_ in LOCAL_HEADS:
            return False
        title = roles.title(head.text)
        if title is not None:
            return title.scope in ("national", "organization")
        return word in roles.official_nouns or word in roles.state_nouns or word in ("spokesman", "envoy")
    if root.dep_ == "poss":
        return head.lower_ not in LOCAL_HEADS and head.lemma_.lower() not in LOCAL_HEADS
    if root.dep_ == "conj":
        # "Moscow and Kyiv" share the role of the first conjunct
        first = root.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return first.dep_ in AGENT_DEPS - {"conj"} and not (
            first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS
        )
    return root.dep_ in AGENT_DEPS


def plausible_org(ent: Span, gaz: Gazetteer) -> bool:
    """Whether an ORG entity looks like an organisation's name, not NER noise."""
    words = [t for t in ent if not t.is_punct]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    if len(words) == 1 and words[0].text in gaz.roles.not_actors:
        return False  # "9 a.m. CT": a time zone
    if any(t.text == "," for t in ent) or all(t.like_num for t in words):
        return False
    if any(
        t.pos_ == "ADP" and t.lower_ not in ("of", "for", "de", "del", "della", "du", "des") for t in words
    ):
        return False  # "Trump on Truth Social": NER joined a name and a phrase
    if len(words) == 1:
        w = words[0]
        low = fold(w.text)
        roles = gaz.roles
        if w.is_stop or low in roles.honorifics or low in roles.body_nouns or low in roles.state_nouns:
            return False
        if low in roles.vague_nouns or roles.title(low) is not None:
            return False
        if w.text.isupper() and len(w.text) > 6:
            return False  # a shouted word, not an acronym
    return True
