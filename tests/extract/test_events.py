"""Events of whole articles: attacks, arms transfers, territorial control.

Every article here is written for the test; none comes from the dev set.  The
last test scores the dev set with the official scorer (skipped without it).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from peacewire.extract.actors import build_actor_table
from peacewire.extract.events import extract_events
from peacewire.extract.gazetteer import load_gazetteer
from peacewire.records import Article, Event

ARTICLES: dict[str, tuple[str, str | None]] = {
    "revised": (
        "Russian missiles struck the city of Zhytomyr early on Tuesday, killing at least eight people and "
        "injuring 31, the regional governor said.\n"
        "The death toll later rose to 11, officials said.\n"
        "The missiles hit a residential block in the Bohunskyi district and a school in the Korolovskyi "
        "district.\n",
        "2024-05-08",
    ),
    "denied": (
        "Ukrainian officials said a Russian Iskander-M missile hit a crowded market in Kostiantynivka on "
        "Wednesday afternoon, killing 16 people.\n"
        "Moscow denied carrying out the strike and blamed a stray Ukrainian air defence missile.\n",
        "2023-09-07",
    ),
    "class": (
        "Two drones slammed into an apartment building in Odesa overnight. Seven people died and dozens were "
        "injured, the city's mayor said.\n",
        "2024-03-03",
    ),
    "background": (
        "Russian forces shelled the centre of Izium in 2022.\n"
        "In 2023 a Russian missile attack on the railway station in Chuhuiv killed 3 people.\n"
        "On Sunday, Russian artillery pounded Kupiansk, local officials said.\n",
        "2025-05-01",
    ),
    "summary": (
        "Russian strikes kill 9 across Ukraine\n"
        "Russian attacks across Ukraine killed nine people and injured 40 overnight, officials said.\n"
        "In Kharkiv, a glide bomb killed four people and injured 25.\n"
        "Five people were killed and 15 injured in a missile strike on Zaporizhzhia.\n",
        "2024-11-20",
    ),
    "trend": (
        "Russia has stepped up its attacks on energy infrastructure this winter.\n"
        "Moscow has launched Shahed drones at Ukrainian cities almost every night.\n",
        "2024-12-15",
    ),
    "two_attacks": (
        "The drone attack on Kharkiv came two days after a Russian missile barrage killed at least 14 people "
        "across the country.\n",
        "2024-01-05",
    ),
    "truncated": (
        "Russian shelling killed two people in Kherson on Monday, the governor said.\n"
        "Later, a drone struck a bus in the city, injuring",
        "2024-06-04",
    ),
    "the_city": (
        "Russian drones struck Sumy overnight, the regional administration said.\n"
        "In the city, two people were killed when a drone hit a bus.\n"
        "In Washington, the president condemned the attack.\n",
        "2024-04-02",
    ),
    "transfers": (
        "Norway will send 22 NASAMS launchers to Ukraine, Defence Minister Bjorn Arild Gram said on Friday.\n"
        "Iran has supplied hundreds of Shahed drones to Russia, "
        "according to Ukrainian military intelligence.\n"
        "The United States refused to send long-range ATACMS missiles.\n"
        "Germany has given Ukraine billions of euros in aid since the war began.\n",
        "2024-02-10",
    ),
    "territory": (
        "Russian forces occupy almost a fifth of Ukraine, the general said.\n"
        "Ukraine's army holds about 1,000 square kilometres in Russia's Kursk region.\n"
        "About 60 percent of the town is under Russian control, its mayor said.\n",
        "2024-10-01",
    ),
}


@pytest.fixture(scope="module")
def events(nlp: Language) -> dict[str, list[Event]]:
    gaz = load_gazetteer()
    out: dict[str, list[Event]] = {}
    pairs = ((text, name) for name, (text, _) in ARTICLES.items())
    for doc, name in nlp.pipe(pairs, as_tuples=True):
        text, published = ARTICLES[name]
        article = Article(id=name, text=text, published=published)
        out[name] = extract_events(doc, build_actor_table(doc, gaz, published=published), article)
    return out


def attacks(events: dict[str, list[Event]], name: str) -> list[Event]:
    return [e for e in events[name] if e.type == "attack"]


def count(e: Event, field: str) -> tuple[float, str] | None:
    c = getattr(e, field)
    return None if c is None else (c.value, c.qualifier)


def test_revised_toll_district_and_class(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "revised")
    assert a.location == "Zhytomyr"
    assert a.sublocation == "Bohunskyi district"  # the first district named
    assert count(a, "killed") == (11, "exact")  # the latest figure, not the first
    assert count(a, "injured") == (31, "exact")
    assert a.weapons == ["missile"]
    assert a.perpetrator == "Russia"


def test_span_points_at_evidence(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "revised")
    text = ARTICLES["revised"][0]
    assert "Zhytomyr" in text[a.span[0] : a.span[1]]


def test_named_system_and_denied_perpetrator(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "denied")
    assert a.location == "Kostiantynivka"
    assert a.weapons == ["Iskander-M"]
    assert a.perpetrator == "Russia"  # as reported, although Moscow denies it
    assert count(a, "killed") == (16, "exact")


def test_class_fallback_words_and_dozens(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "class")
    assert (a.location, a.weapons) == ("Odesa", ["drone"])
    assert count(a, "killed") == (7, "exact")
    assert count(a, "injured") == (12, "at_least")  # "dozens", read as ACLED does


def test_background_events_need_a_figure(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "background")}
    assert set(found) == {"Chuhuiv", "Kupiansk"}  # the 2022 shelling of Izium has no figure
    assert count(found["Chuhuiv"], "killed") == (3, "exact")
    assert found["Kupiansk"].weapons == ["artillery"]


def test_headline_skipped_and_summary_total_dropped(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "summary")}
    assert set(found) == {"Kharkiv", "Zaporizhzhia"}
    assert count(found["Kharkiv"], "killed") == (4, "exact")
    assert found["Kharkiv"].weapons == ["glide bomb"]
    assert count(found["Zaporizhzhia"], "injured") == (15, "exact")


def test_trend_is_an_attack_only_with_a_system_place_or_figure(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "trend")
    assert a.location is None
    assert a.weapons == ["Shahed"]
    assert a.perpetrator == "Russia"


def test_one_sentence_two_attacks(events: dict[str, list[Event]]) -> None:
    found = {a.location: a for a in attacks(events, "two_attacks")}
    assert set(found) == {"Kharkiv", None}
    assert found["Kharkiv"].weapons == ["drone"] and found["Kharkiv"].killed is None
    assert count(found[None], "killed") == (14, "at_least")
    assert found[None].weapons == ["missile"]


def test_truncated_clause_is_not_read(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "truncated")
    assert a.location == "Kherson"
    assert count(a, "killed") == (2, "exact")
    assert a.injured is None


def test_the_city_and_a_reaction_elsewhere_continue_one_attack(events: dict[str, list[Event]]) -> None:
    [a] = attacks(events, "the_city")  # Washington is where the attack was condemned, not hit
    assert (a.location, a.perpetrator) == ("Sumy", "Russia")
    assert count(a, "killed") == (2, "exact")


def test_transfers_with_quantity_and_source(events: dict[str, list[Event]]) -> None:
    found = {(e.supplier, e.recipient): e for e in events["transfers"] if e.type == "arms_transfer"}
    assert set(found) == {("Norway", "Ukraine"), ("Iran", "Russia")}  # no refusal, no money-only aid
    norway, iran = found[("Norway", "Ukraine")], found[("Iran", "Russia")]
    assert norway.weapons == ["NASAMS"]
    assert count(norway, "quantity") == (22, "exact")
    assert norway.source is not None and "Gram" in norway.source
    assert iran.weapons == ["Shahed"]
    assert count(iran, "quantity") == (100, "at_least")
    assert iran.source is not None and "intelligence" in iran.source.lower()


def test_territorial_control_shares(events: dict[str, list[Event]]) -> None:
    found = [
        (e.controller, count(e, "share")) for e in events["territory"] if e.type == "territorial_control"
    ]
    assert found == [("Russia", (0.2, "up_to")), ("Russia", (0.6, "about"))]


# -- the dev set, scored by the official scorer -----------------------------

# Reached on the dev set when these rules were written (bench/events_dev.py):
# attacks F1 1.0, killed/injured exact 1.0, transfers F1 1.0, quantity 1.0.
# The floors sit a hair below, so any lost attack or transfer fails here.
FLOORS = {
    "attacks": 0.98,
    "arms_transfers": 0.98,
    "killed_exact": 0.98,
    "injured_exact": 0.98,
    "transfer_quantity": 0.98,
}


def _scorer(dev_dir: Path) -> ModuleType:
    path = dev_dir.parent / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("pw_official_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_set_events(nlp: Language, dev_dir: Path) -> None:
    from peacewire.ingest.sources import read_inputs

    score = _scorer(dev_dir)
    gaz = load_gazetteer()
    articles = [
        a for a in read_inputs([str(p) for p in sorted(dev_dir.glob("*.txt"))]) if isinstance(a, Article)
    ]
    preds: dict[str, dict[str, object]] = {}
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        table = build_actor_table(doc, gaz, published=article.published)
        preds[article.id] = {
            "id": article.id,
            "events": [e.to_json() for e in extract_events(doc, table, article)],
        }
    tally, log = score.Tally(), []
    for gold_path in sorted(dev_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score.score_article(gold, preds.get(gold["id"], {}), tally, log)
    got = {
        "attacks": score.prf(tally["a_tp"], tally["a_pred"], tally["a_gold"])["f1"],
        "arms_transfers": score.prf(tally["t_tp"], tally["t_pred"], tally["t_gold"])["f1"],
        "killed_exact": tally["a_killed_exact"] / max(tally["a_killed_gold"], 1),
        "injured_exact": tally["a_injured_exact"] / max(tally["a_injured_gold"], 1),
        "transfer_quantity": tally["t_qty_ok"] / max(tally["t_qty_gold"], 1),
    }
    misses = [line for line in log if "attack" in line or "killed" in line or "injured" in line]
    for key, floor in FLOORS.items():
        assert got[key] >= floor, f"{key} {got[key]:.3f} < {floor}: {misses}"
