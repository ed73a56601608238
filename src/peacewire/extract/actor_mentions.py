"""Finding the actors an article mentions, to fill its `ActorTable`.

One pass over the parsed article: known forms from the gazetteer (states,
metonyms, bodies, media, persons), persons and organisations from NER, titles
before and beside names ("Kramatorsk Mayor X", "Kyiv's mayor, X"), national
forces ("Russian forces") and bodies described by owner and noun ("Russia's
defense ministry").  `peacewire.extract.actors` owns the table and the
resolution of phrases; this module only records mentions in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from peacewire.extract.actor_phrases import (
    AGENT_DEPS,
    find_title,
    join_tokens,
    metonym_acts,
    names_owner,
    phrase_root,
    plausible_org,
    read_phrase,
    strip_honorifics,
)
from peacewire.extract.actors import ActorTable, _Cluster, _Title, _titled
from peacewire.extract.gazetteer import GazEntry, Place, Surface, fold
from peacewire.extract.tokenview import TokenView, noun_chunks_with
from peacewire.records import Actor


class MentionFinder:
    """One pass over an article's entities, gazetteer matches and noun chunks."""

    def __init__(self, table: ActorTable) -> None:
        self.t = table
        self.doc = table.doc
        self.gaz = table.gaz
        self.taken: set[int] = set()  # tokens already attributed to an actor or a place
        self.ents: tuple[Span, ...] = ()  # the entities, read once by `run` (`Doc.ents` builds them anew)
        self._stripped: dict[tuple[int, int], list[Token]] = {}

    def run(self) -> None:
        self.ents = self.t.ents
        view = self.t.tokens
        hits = self._scan_gazetteer(view)
        self._collect_places(view, hits)
        persons: list[tuple[Span, GazEntry | None]] = []
        for span, surface in hits:
            if surface.entry.type == "person":
                persons.append((span, surface.entry))
            else:
                self._known(span, surface)
        for ent in self.ents:
            if ent.label_ == "PERSON" and not self._overlaps_taken(ent):
                persons.append((ent, None))
        # Full names first, so that surnames and first names attach to them.
        persons.sort(key=lambda p: (len(self._name_tokens(p[0])) < 2, p[0].start))
        for span, entry in persons:
            if not self._overlaps_taken(span) or entry is not None:
                self.person(span, entry)
        for ent in self.ents:
            if ent.label_ in ("ORG", "NORP") and not self._overlaps_taken(ent):
                self._other_ent(ent)
        self._described_bodies()
        self._apposition_titles()
        for c in self.t._clusters:
            self.t._name_cluster(c)

    # -- gazetteer matches -------------------------------------------------

    def _scan_gazetteer(self, view: TokenView) -> list[tuple[Span, Surface]]:
        """The longest known form starting at each token, checked against entity boundaries."""
        doc = self.doc
        out: list[tuple[Span, Surface]] = []
        n = len(doc)
        ent_of = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        full_names = self._full_name_entries()
        longest = {w: self.gaz.form_words(w) for w in set(view.words)}
        form_words = [longest[w] for w in view.words]  # of the longest form a word can start
        lower = view.lower
        # where a form can start: a word that starts one, or "the" before it
        starts = [i for i, words in enumerate(form_words) if words]
        starts = sorted({*starts, *(i - 1 for i in starts if i > 0 and lower[i - 1] == "the")})
        resume = 0  # a form found ends here: the next one starts after it
        for i in starts:
            lead = 1 if lower[i] == "the" and i + 1 < n else 0
            words = form_words[i + lead]
            # A form starts with a letter or digit, not with "a"/"an"; those of `words` words
            # can span more tokens (hyphens and possessives split words).
            if i < resume or not words or not view.words[i][:1].isalnum() or lower[i] in ("a", "an"):
                continue
            stop = min(n, i + lead + 2 * words + 2)
            for j in reversed(view.candidate_ends(i, stop, self.gaz.form_letters)):
                if view.punct[j - 1] or view.space[j - 1] or view.tag[j - 1] == "POS":
                    continue
                surfaces = self.gaz.surfaces(view.span_text(i, j))
                if not surfaces:
                    continue
                span = Span(doc, i, j)  # (as `doc[i:j]` makes it)
                s = next((x for x in surfaces if self._fits(span, x, ent_of, full_names)), None)
                if s is not None:
                    out.append((span, s))
                    resume = j
                    break
        return out

    def _full_name_entries(self) -> set[str]:
        """Known persons named in full somewhere in the article."""
        out: set[str] = set()
        for ent in self.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                entry = self.gaz.lookup_person(join_tokens(self._name_tokens(ent)))
                if entry is not None:
                    out.add(entry.name)
        return out

    def _fits(self, span: Span, s: Surface, ent_of: dict[int, Span], full_names: set[str]) -> bool:
        view = self.t.tokens
        ent = ent_of.get(span.start)
        inside_longer = (
            ent is not None
            and (ent.start < span.start or ent.end > span.end)
            and all(ent_of.get(i) is ent for i in range(span.start, span.end))
            and ent.label_
            not in ("NORP", "DATE", "CARDINAL", "ORDINAL", "TIME", "QUANTITY", "MONEY", "PERCENT")
            and not self.gaz.surfaces(self.t.text_of(ent))
            # NER sometimes runs a name into the next one across a comma: no real longer name
            and not any(view.punct[i] and view.words[i] in ",;:()" for i in range(ent.start, ent.end))
        )
        if inside_longer:
            # "Sea of Azov", "Washington Post" unknown to the gazetteer, an unknown person's name
            assert ent is not None
            extra = [i for i in range(ent.start, ent.end) if i < span.start or i >= span.end]
            if not all(
                view.lower[i] in ("the", "'s", "’s") or fold(view.words[i]) in self.gaz.roles.honorifics
                for i in extra
            ):
                return False
        if s.entry.type == "person" and len(span) == 1:
            # A bare surname is a known person's only when NER calls it a name
            # (or mislabels it as an organisation), or the full name is in the article.
            label = ent.label_ if ent is not None else ""
            if label in ("GPE", "LOC", "FAC"):
                return False  # "Austin, Texas"
            return label in ("PERSON", "ORG", "NORP") or s.entry.name in full_names
        return True

    def _collect_places(self, view: TokenView, hits: list[tuple[Span, Surface]]) -> None:
        """Known places named in the text (NER labels them unreliably: "Kramatorsk" as a product)."""
        doc = self.doc
        skip = {i for s, surface in hits if surface.kind != "metonym" for i in range(s.start, s.end)}
        skip.update(
            i
            for ent in self.ents
            if ent.label_ == "PERSON" and len(ent) >= 2
            for i in range(ent.start, ent.end)
        )
        n = len(doc)
        resume = 0  # a place found ends here: the next one starts after it
        for i, word in enumerate(view.words):
            if i < resume or not word[:1].isupper() or i in skip:
                continue
            for j in reversed(view.candidate_ends(i, min(n, i + 4), self.gaz.place_letters)):
                if view.punct[j - 1] or view.tag[j - 1] == "POS":
                    continue
                place = self.gaz.place(view.span_text(i, j))
                if place is not None:
                    self._place(Span(doc, i, j), place)
                    resume = j
                    break

    def _place(self, span: Span, place: Place) -> None:
        if not any(pos == span.start_char for pos, _ in self.t._places):
            self.t._places.append((span.start_char, place))
            self.t._places.sort(key=lambda p: p[0])

    def _known(self, span: Span, s: Surface) -> None:
        """A state, body or medium the gazetteer knows."""
        self._take(span)
        if s.kind == "metonym" and not metonym_acts(span, self.gaz):
            return  # "in Kyiv": a place
        c = self.t._gaz_cluster(s.entry, span.start_char)
        shown = _with_det(span) if s.kind == "metonym" or s.entry.type != "state" else span
        self.t._add(c, shown.start_char, shown.end_char, self.t.text_of(shown))
        if s.kind == "name":
            c.forms[self._form_without_owner(span)] += 1

    def _form_without_owner(self, span: Span) -> str:
        """The name a possessive form gives: a state owner becomes its adjective.

        "Russia's defense ministry" -> "Russian Defense Ministry", as bodies
        are commonly named; a place owner is dropped ("Kyiv's City Council").
        """
        view = self.t.tokens
        for k in range(1, len(span) - 1):
            if view.tag[span.start + k] == "POS":
                owner = view.span_text(span.start, span.start + k)
                code = self.gaz.country_code(owner)
                if code is None and self.gaz.place(owner) is None:
                    continue
                rest = view.span_text(span.start + k + 1, span.end)
                state = self.gaz.state(code)
                if state is None:
                    return rest
                prefix = state.demonyms[0] if state.demonyms else state.name
                return f"{prefix} {_titled(rest)}"
        return view.span_text(span.start, span.end)

    # -- persons ------------------------------------------------------------

    def person(self, span: Span, entry: GazEntry | None) -> _Cluster | None:
        """A person's name (with honorifics stripped) joins its cluster; None if it is no person's."""
        name_tokens = self._name_tokens(span) or list(span)
        text = _clean_name(join_tokens(name_tokens))
        if entry is None:
            if not text[:1].isupper() or len(text.rstrip(".")) < 2 or self._not_a_person(text):
                return None  # NER calls some places persons ("Kyiv")
            entry = self.gaz.lookup_person(text)
        at = name_tokens[0].idx
        cluster = None
        if entry is None or len(text.split()) == 1:
            # A surname alone is first the article's own person's ("Smith" after "John Smith").
            cluster = self.t._match_person(text)
            if cluster is not None and entry is not None and cluster.gaz not in (None, entry):
                cluster = None
        if cluster is None and entry is not None:
            cluster = self.t._gaz_cluster(entry, at)
        if cluster is None and len(name_tokens) == 1 and _modifier_use(name_tokens[0]):
            return None  # "Marder vehicles", "on Twitter": a lone unknown name that is no one speaking
        if entry is None and cluster is not None and cluster.gaz is not None and len(text.split()) >= 2:
            cluster = None  # a different full name than the known person's
        if cluster is None:
            cluster = self.t._new_cluster(Actor(name=text, type="person"), None, at)
        cluster.forms[text] += 1
        name_span = self.doc[name_tokens[0].i : name_tokens[-1].i + 1]
        starts = self.t.text_of(name_span).startswith(text)
        end = name_span.start_char + len(text) if starts else name_span.end_char
        self.t._add(cluster, name_span.start_char, end, text)
        if span.start < name_span.start:
            self.t._add(cluster, span.start_char, span.end_char, self.t.text_of(span))  # "Mr Putin"
        self._take(name_span)
        self._left_title(name_span, cluster)
        return cluster

    def _not_a_person(self, text: str) -> bool:
        if text in self.gaz.roles.not_actors:
            return True  # "10 a.m. CT": a time zone NER took for a name
        return self.gaz.place(text) is not None or self.gaz.country_code(text) is not None

    def _left_title(self, name: Span, c: _Cluster) -> None:
        """Title words before a name in its phrase: "Kramatorsk Mayor Oleksander X"."""
        doc = self.doc
        v = self.t.tokens
        ids = set(range(name.start, name.end))
        start = name.start
        i = name.start - 1
        sent_start = v.sentence(name.start)[0]
        while i >= sent_start:
            attached = v.head[i] in ids or v.tag[i] == "POS" or (v.words[i] == "-" and i - 1 >= 0)
            if (
                not attached
                or v.dep[i] in ("det", "appos", "nsubj", "dobj", "prep", "cc")
                or (v.punct[i] and v.words[i] != "-")
            ):
                break
            ids.add(i)
            start = i
            i -= 1
        while start < name.start and v.dep[start] == "det":
            start += 1
        if start == name.start:
            return
        self._record_title(c, list(doc[start : name.start]), doc[start : name.end])

    def _record_title(self, c: _Cluster, title_tokens: Sequence[Token], phrase: Span | None) -> None:
        roles = self.gaz.roles
        owner_toks = [t for t in title_tokens if names_owner(t, self.gaz)]
        words = [
            fold(t.text) for t in title_tokens if t not in owner_toks and t.tag_ != "POS" and t.dep_ != "case"
        ]
        former = any(w.rstrip("-") in roles.former_markers for w in words)
        title = find_title([w for w in words if w.rstrip("-") not in roles.former_markers], roles)
        scope = title.scope if title is not None else "national"
        owner = self.t._owner(owner_toks, title_tokens[0].idx, scope) if owner_toks else None
        if title is not None:
            of = owner.of(scope) if owner is not None else None
            if of is None and scope == "national" and c.actor.country:
                of = c.actor.country
            c.titles.append(_Title(key=title.key, of=of, former=former))
        if c.gaz is None and c.actor.country is None and owner is not None:
            c.actor.country = owner.country
        honorific = all(fold(t.text) in roles.honorifics for t in title_tokens)
        if phrase is not None and (title is not None or owner is not None or honorific):
            self.t._add(c, phrase.start_char, phrase.end_char, self.t.text_of(phrase))

    def _apposition_titles(self) -> None:
        """ "Kyiv's mayor, Vitali Klitschko," and "Vitali Klitschko, the mayor of Kyiv," """
        for s, e, c in list(self.t._mentions):
            if c.actor.type != "person":
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            title_np: list[Token] = []
            if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < span.start:
                title_np = [t for t in root.head.subtree if t.i < span.start]
            else:
                for child in root.rights:
                    if child.dep_ == "appos" and child.pos_ == "NOUN":
                        title_np = list(child.subtree)
                        break
            title_np = [t for t in title_np if not (t.is_punct and t.text != "-")]
            if not title_np:
                continue
            other = self.t._cluster_covering(phrase_root(title_np, self.t.tokens))
            if other is not None and other is not c:
                continue
            info = read_phrase(title_np, self.gaz, self.t.tokens)
            if info.title is None and not info.leader:
                continue
            scope = info.title.scope if info.title is not None else "national"
            owner = self.t._owner(info.owner_tokens, title_np[0].idx, scope)
            if info.title is not None:
                of = owner.of(scope) if owner is not None else None
                if of is None and scope == "national" and c.actor.country:
                    of = c.actor.country
                c.titles.append(_Title(key=info.title.key, of=of, former=info.former))
            if c.gaz is None and c.actor.country is None and owner is not None:
                c.actor.country = owner.country
            start = next(t for t in title_np if t.dep_ != "det").idx
            end = title_np[-1].idx + len(title_np[-1])
            self.t._add(c, start, end, self.t.text[start:end])

    # -- organisations, groups, bodies --------------------------------------------

    def _other_ent(self, ent: Span) -> None:
        if ent.label_ == "NORP":
            self._norp(ent)
            return
        if self.gaz.place(self.t.text_of(ent)) is not None or not plausible_org(ent, self.gaz):
            return
        words = [t for t in ent if not t.is_punct]
        # NER sometimes calls a person an organisation: "Trump said", "Mayor Ihor X".
        name = join_tokens(self._name_tokens(ent))
        if name and len(words) <= 3 and all(t.pos_ == "PROPN" for t in words):
            known = self.gaz.lookup_person(name)
            prev = self.doc[ent.start - 1] if ent.start > 0 else None
            after_title = prev is not None and self.gaz.roles.title(prev.text) is not None and len(words) >= 2
            if known is not None or self.t._match_person(name) is not None or after_title:
                self.person(ent, known)
                return
        self.t._org_from_ent(ent)
        self._take(ent)

    def _norp(self, ent: Span) -> None:
        """ "Russian forces", "the Ukrainian military", "the Russians": the state acting."""
        state = self.gaz.state_by_demonym(self.t.text_of(ent))
        if state is None:
            return
        root = ent.root
        roles = self.gaz.roles
        if root.tag_ in ("NNS", "NNPS") and root.dep_ in AGENT_DEPS:
            self._state_alias(state, ent)
        elif root.dep_ in ("amod", "compound") and root.head.i == ent.end:
            head = root.head
            lemma = head.lemma_.lower()
            if (lemma in roles.state_nouns or head.lower_ in roles.state_nouns) and lemma != "side":
                if lemma not in roles.body_nouns or lemma in ("army", "military", "government", "forces"):
                    self._state_alias(state, self.doc[ent.start : head.i + 1])

    def _state_alias(self, state: GazEntry, span: Span) -> None:
        c = self.t._gaz_cluster(state, span.start_char)
        shown = _with_det(span)
        self.t._add(c, shown.start_char, shown.end_char, self.t.text_of(shown))
        self._take(span)

    def _described_bodies(self) -> None:
        """Bodies named by owner + common nouns: "Russia's defense ministry", "Ukraine's government"."""
        roles = self.gaz.roles
        view = self.t.tokens
        nouns = roles.body_nouns | roles.state_nouns
        lowers = view.lower
        plural = ("NNS", "NNPS")
        heads = [  # the tokens the checks below let pass as a chunk's root
            i
            for i, lemma in enumerate(view.lemma)
            if (lemma in nouns or lowers[i] in roles.state_nouns)
            and i not in self.taken
            and not (view.tag[i] in plural and lemma not in roles.state_nouns)
        ]
        for chunk in noun_chunks_with(self.doc, view, heads):
            root = chunk.root
            lemma = root.lemma_.lower()
            if root.i in self.taken:
                continue
            if not (
                lemma in roles.body_nouns or lemma in roles.state_nouns or root.lower_ in roles.state_nouns
            ):
                continue
            if root.tag_ in ("NNS", "NNPS") and lemma not in roles.state_nouns:
                continue  # "Russian oil companies": several bodies, no one actor
            tokens = [t for t in chunk if t.dep_ != "det"]
            info = read_phrase(tokens, self.gaz, self.t.tokens)
            if not info.owner_tokens or (info.title is not None and not info.body_noun) or info.official:
                continue
            cluster = self.t._by_description(info, tokens, chunk.start_char)
            if cluster is None or cluster.actor.type == "person":
                continue
            shown = _with_det(self.doc[tokens[0].i : chunk.end])
            self.t._add(cluster, shown.start_char, shown.end_char, self.t.text_of(shown))
            self._take(chunk)

    # -- bookkeeping --------------------------------------------------------------

    def _name_tokens(self, span: Span) -> list[Token]:
        """`strip_honorifics(span)`, read once per span (entities are looked at several times)."""
        where = (span.start, span.end)
        if where not in self._stripped:
            self._stripped[where] = strip_honorifics(span, self.gaz)
        return list(self._stripped[where])

    def _overlaps_taken(self, span: Span) -> bool:
        return not self.taken.isdisjoint(range(span.start, span.end))

    def _take(self, span: Span) -> None:
        self.taken.update(range(span.start, span.end))


def _modifier_use(token: Token) -> bool:
    """A word used as a modifier or as a platform ("Marder vehicles", "posted on Twitter")."""
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "via", "through")


def _clean_name(text: str) -> str:
    """A name without punctuation glued to its end ("Terekhov." but not "Jr.")."""
    words = text.split()
    if words and len(words[-1]) > 4:
        return text.rstrip(".,;:")
    return text


def _with_det(span: Span) -> Span:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        return doc[span.start - 1 : span.end]
    return span
