"""Cross-document and within-document verdicts, dates, name variants, table validation."""
from __future__ import annotations

import textwrap

import pytest

from checker.claims import (cross_check, entity_variants, extract_claims, extract_internal,
                            within_document_checks)
from checker.claims.dates import find_dates
from checker.claims.tables import TableError, load_concepts, load_entities
from checker.core import Document, Severity


def D(path, text, lang, date=None):
    return Document(path=path, text=text, language=lang, date=date)


def run(*docs):
    return [c for c in cross_check([(d, extract_claims(d)) for d in docs]) if c.kind != "entity-variant"]


def test_contradiction_message_names_values_and_period():
    a = D("a.txt", "On the night of July 8 to July 9, Russia launched 728 drones at Ukraine.", "en", "2025-07-09")
    b = D("b.txt", "Dans la nuit du 8 au 9 juillet, la Russie a lancé 741 drones sur l'Ukraine.", "fr", "2025-07-09")
    [chk] = run(a, b)
    assert chk.kind == "contradiction" and chk.severity == Severity.ERROR
    assert chk.claims == ("a.txt#c1", "b.txt#c1")
    assert [(s.path, s.text) for s in chk.spans] == [("a.txt", "728 drones"), ("b.txt", "741 drones")]
    assert chk.message.startswith("728 vs 741 drones, both for the night of 8–9 July 2025")


def test_rounding_words_and_locale_formats_agree():
    a = D("a.txt", "Près de 100.000 soldats russes sont massés autour de Pokrovsk.", "fr")
    b = D("b.txt", "Some 100 000 Russian troops are massed around Pokrovsk.", "en")
    c = D("c.txt", "Rund 100.000 russische Soldaten stehen bei Pokrowsk.", "de")
    kinds = {(x.claims, x.kind) for x in run(a, b, c)}
    assert kinds == {(("a.txt#c1", "b.txt#c1"), "consistent"), (("a.txt#c1", "c.txt#c1"), "consistent"),
                     (("b.txt#c1", "c.txt#c1"), "consistent")}


def test_french_billion_is_a_thousand_times_english_billion():
    day = "2025-05-06"
    en = D("en.txt", "The United States announced $4 billion in aid for Ukraine.", "en", day)
    ok = D("ok.txt", "Les États-Unis ont annoncé 4 milliards de dollars d'aide pour l'Ukraine.", "fr", day)
    bad = D("bad.txt", "Les États-Unis ont annoncé 4 billions de dollars d'aide pour l'Ukraine.", "fr", day)
    verdicts = {x.claims: x.kind for x in run(en, ok, bad)}
    assert verdicts[("en.txt#c1", "ok.txt#c1")] == "consistent"
    assert verdicts[("en.txt#c1", "bad.txt#c1")] == "contradiction"


def test_miles_convert_to_km():
    a = D("a.txt", "The 1,200 km front line barely moved in Donbas.", "en")
    b = D("b.txt", "Die 750 Meilen lange Frontlinie im Donbass bewegte sich kaum.", "de")
    c = D("c.txt", "La línea del frente de 1.000 kilómetros en el Donbás apenas se movió.", "es")
    verdicts = {x.claims: x for x in run(a, b, c)}
    assert verdicts[("a.txt#c1", "b.txt#c1")].kind == "consistent"
    assert "= 1,207 km" in verdicts[("a.txt#c1", "b.txt#c1")].message
    assert verdicts[("a.txt#c1", "c.txt#c1")].kind == "contradiction"


def test_rates_convert_per_month_to_per_year():
    a = D("a.txt", "Russia produces about 250,000 shells a month.", "en", "2025-04-10")
    b = D("b.txt", "Russland stellt rund drei Millionen Granaten pro Jahr her.", "de", "2025-04-11")
    c = D("c.txt", "Russland stellt rund eine Million Granaten pro Jahr her.", "de", "2025-04-12")
    verdicts = {x.claims: x.kind for x in run(a, b, c)}
    assert verdicts[("a.txt#c1", "b.txt#c1")] == "consistent"
    assert verdicts[("a.txt#c1", "c.txt#c1")] == "contradiction"


def test_undated_claims_of_unrelated_articles_are_not_compared():
    # no date in the text: only articles of the same days, or sharing more than a country, are one story
    a = D("a.txt", "Les dirigeants ont exhorté la Russie à accepter un cessez-le-feu de 30 jours.", "fr", "2025-05-10")
    b = D("b.txt", "Rusia rechazó una tregua de 60 días.", "es", "2025-09-01")
    assert run(a, b) == []
    c = D("c.txt", "Les dirigeants ont exhorté la Russie à accepter un cessez-le-feu de 30 jours.", "fr")
    d = D("d.txt", "Rusia rechazó una tregua de 60 días.", "es")
    assert run(c, d) == []
    e = D("e.txt", "Près de 100.000 soldats russes sont massés autour de Pokrovsk.", "fr")
    f = D("f.txt", "Около 60 тысяч российских военных сосредоточены вокруг Покровска.", "ru")
    [chk] = run(e, f)
    assert chk.kind == "contradiction"  # the shared town makes it one story


def test_other_date_or_other_city_is_not_comparable():
    a = D("a.txt", "On June 5, Russia fired 40 missiles at Ukraine.", "en", "2025-06-08")
    b = D("b.txt", "Le 7 juin, la Russie a tiré 52 missiles sur l'Ukraine.", "fr", "2025-06-08")
    assert run(a, b) == []
    c = D("c.txt", "In Dnipro, 7 people were killed on June 9.", "en", "2025-06-10")
    d = D("d.txt", "У Харкові 9 червня загинули 3 людини.", "uk", "2025-06-10")
    assert run(c, d) == []


def test_within_document_arithmetic_and_repeats():
    good = D("g.txt", "La Russie produit environ 250.000 obus par mois, soit 3 millions par an.", "fr")
    bad = D("b.txt", "La Russie produit environ 250.000 obus par mois, soit 2 millions par an.", "fr")
    [g] = within_document_checks(good)
    [b] = within_document_checks(bad)
    assert (g.kind, g.severity) == ("consistent", Severity.INFO)
    assert (b.kind, b.severity) == ("contradiction", Severity.ERROR)
    assert "but it says 2 million" in b.message
    twice = D("t.txt", "Russia launched 728 drones at Ukraine on July 9.\nLater, officials said Russia "
                       "launched 741 drones at Ukraine on July 9.", "en", "2025-07-10")
    [t] = within_document_checks(twice)
    assert t.kind == "contradiction" and [s.text for s in t.spans] == ["728 drones", "741 drones"]
    another = D("n.txt", "Russia launched 728 drones on July 9. On July 9 another 400 drones hit Lviv.", "en")
    assert within_document_checks(another) == ()


def test_km_soit_miles_within_document():
    doc = D("m.txt", "Les troupes ont avancé de 100 km, soit 62 miles.", "fr")
    [chk] = within_document_checks(doc)
    assert chk.kind == "consistent"
    doc = D("m.txt", "Les troupes ont avancé de 100 km, soit 80 miles.", "fr")
    [chk] = within_document_checks(doc)
    assert chk.kind == "contradiction"


def test_dates_resolve_weekday_years_and_nights():
    text = ("Leaders met this Thursday, July 10. On the night of Tuesday, July 8 to Wednesday, July 9, "
            "Moscow launched drones. The offensive began in August 2024.")
    isos = [d.iso for d in find_dates(text, "en")]
    assert "2025-07-10" in isos and "2025-07-08/2025-07-09" in isos and "2024-08" in isos
    fr = [d.iso for d in find_dates("Dans la nuit de mardi à mercredi, des drones ont frappé.", "fr", "2025-07-10")]
    assert fr == ["2025-07-08/2025-07-09"]
    de = [d.iso for d in find_dates("In der Nacht zum 15. März griff Russland an.", "de", "2025-03-15")]
    assert de == ["2025-03-14/2025-03-15"]
    ru = [d.iso for d in find_dates("В ночь с 8 на 9 июля Россия атаковала.", "ru", "2025-07-09")]
    assert ru == ["2025-07-08/2025-07-09"]


def test_name_variants_precision():
    a = D("a.txt", "Les forces russes avancent vers Pokrovsk. Kherson a été bombardée.", "fr")
    b = D("b.txt", "Les forces russes avancent vers Pogrorsk. Kharkiv a été bombardée.", "fr")
    [v] = entity_variants([a, b])
    assert [s.text for s in v.spans] == ["Pogrorsk", "Pokrovsk"]
    assert v.kind == "entity-variant" and v.claims == ()
    c = D("c.txt", "Zelensky a parlé. Plus tard, Zelenskyj a répété.", "fr")
    [z] = entity_variants([c], within=True)
    assert {s.text for s in z.spans} == {"Zelensky", "Zelenskyj"}
    # exonyms in their own language, inflections and suffixed place names are not variants
    d = D("d.txt", "Kiew und Charkiw wurden angegriffen. Putins Armee rückt bei Poltava vor.", "de")
    e = D("e.txt", "Kiev et Kharkiv ont été attaquées. Putin recule près de Poltavka.", "fr")
    assert entity_variants([d, e]) == ()


def test_whether_a_name_is_a_word_travels_with_the_stored_names(monkeypatch):
    from checker.claims import variants

    known = D("a.txt", "Talks were held in Moscow on Monday, officials said.", "en")
    word = D("b.txt", "Talks were held in Mostow on Monday, officials said.", "en")  # a word (zipf 1.45)
    typo = D("c.txt", "Talks were held in Moscw on Monday, officials said.", "en")
    stored = [variants.names_from_json(variants.names_to_json(variants.names_in(d)), d)
              for d in (known, word, typo)]
    assert (stored[1]["Mostow"].word, stored[2]["Moscw"].word) == (True, False)

    def no_word_lists(*_):
        raise AssertionError("the cross stage asked wordfreq")

    # the cross stage (the run's process, a cached run) reads the judgement only
    monkeypatch.setattr(variants, "_zipf", no_word_lists)
    [v] = variants.entity_variants([known, word, typo], names=stored)
    assert [s.text for s in v.spans] == ["Moscw", "Moscow"]


def test_concept_table_validation_names_file_entry_and_problem(tmp_path):
    bad = tmp_path / "concepts.yaml"
    bad.write_text(textwrap.dedent("""
        version: 1
        units:
          count: {dimension: count, factor: 1, terms: {}}
        concepts:
          drones:
            unit: drone
            units: [count, parsecs]
            role: noun
            terms: {en: [drones]}
    """), encoding="utf-8")
    with pytest.raises(TableError, match=r"concepts.yaml: concepts.drones: unit 'parsecs' is not defined"):
        load_concepts(bad)
    bad.write_text(textwrap.dedent("""
        version: 1
        units:
          count: {dimension: count, factor: 1, terms: {}}
        concepts:
          drones: {unit: drone, units: [count], role: noun, terms: {xx: [drones]}}
    """), encoding="utf-8")
    with pytest.raises(TableError, match=r"concepts.drones.terms.xx: unknown language 'xx'"):
        load_concepts(bad)
    bad.write_text(textwrap.dedent("""
        version: 1
        units:
          count: {dimension: count, factor: 1, terms: {}}
        concepts:
          drones: {unit: drone, units: [count], role: noun, terms: {en: [drones]}}
          uavs: {unit: drone, units: [count], role: noun, terms: {en: [drones]}}
    """), encoding="utf-8")
    with pytest.raises(TableError, match=r"term 'drones' also names concept 'drones'"):
        load_concepts(bad)
    ent = tmp_path / "entities.yaml"
    ent.write_text("version: 1\nentities:\n  Kyiv: {kind: village, forms: {en: [Kyiv]}}\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"entities.yaml: entities.Kyiv: kind must be"):
        load_entities(ent)


def test_shipped_tables_load():
    from checker.claims.tables import DATA
    units, _, concepts, _, _ = load_concepts(DATA / "concepts.yaml")
    entities, _ = load_entities(DATA / "entities.yaml")
    assert {"drones", "missiles", "deaths", "injured", "soldiers", "area"} <= set(concepts)
    assert units["mi"].factor == pytest.approx(1.609344)
    assert {"Kyiv", "Russia", "Pokrovsk"} <= set(entities)


def test_people_evacuated_are_evacuations_not_deaths_and_are_compared():
    a = D("a.txt", "Some 4,200 people were evacuated overnight in Udine, and one man died.", "en", "2025-10-19")
    b = D("b.txt", "In der Nacht wurden in Udine rund 2.400 Menschen evakuiert, ein Mann starb.", "de",
          "2025-10-19")
    [evacuated] = [c for c in extract_claims(a) if c.value == 4200]
    assert evacuated.quantity == "evacuated"  # not "deaths", for the "died" further on
    [chk] = [c for c in run(a, b) if c.kind == "contradiction"]
    assert [s.text for s in chk.spans] == ["Some 4,200 people were evacuated",
                                           "rund 2.400 Menschen evakuiert"]


def test_one_verb_governs_both_counts_it_coordinates():
    """'shot down 164 drones and 5 of the missiles': the 5 were shot down too, so
    they are not the 6 missiles launched given a second time."""
    text = ("Russia attacked overnight with 187 drones and 6 cruise missiles, the air force said. "
            "Air defence units shot down 164 drones and 5 of the missiles.")
    doc = D("a.txt", text, "en", "2025-06-11")
    assert [c for c in within_document_checks(doc) if c.kind == "contradiction"] == []
    launched = D("b.txt", "Russland griff mit 187 Drohnen und 6 Marschflugkörpern an. "
                          "Die Flugabwehr schoss 164 Drohnen und 5 Raketen ab.", "de", "2025-06-11")
    assert sorted(c.kind for c in run(doc, launched)) == ["consistent"] * 4


def test_a_running_total_is_not_the_count_of_one_night():
    a = D("a.txt", "The attack came a night after a smaller wave of 95 drones. Since the start of June, "
                   "Russia has launched more than 2,300 drones, the air force said.", "en", "2025-06-11")
    b = D("b.txt", "Seit Monatsbeginn hat Russland mehr als 2.300 Drohnen abgefeuert. Am Vorabend "
                   "waren es 95 Drohnen gewesen.", "de", "2025-06-11")
    totals = [c for d in (a, b) for c in extract_internal(d) if c.value == 2300]
    assert len(totals) == 2 and not any(c.align for c in totals)
    assert [c for c in run(a, b) if c.kind == "contradiction"] == []


def test_money_saved_and_money_lost_are_different_quantities():
    a = D("a.txt", "The government wants €40 billion in savings next year.", "en", "2025-10-14")
    b = D("b.txt", "Le gouvernement veut 40 milliards d'euros d'économies l'an prochain.", "fr", "2025-10-14")
    c = D("c.txt", "Die Flut verursachte 3 Milliarden Euro Schaden.", "de", "2025-10-14")
    assert [x.quantity for x in extract_claims(a) + extract_claims(b) + extract_claims(c)] == \
        ["savings", "savings", "losses"]
    assert [x.kind for x in run(a, b, c)] == ["consistent"]
