"""Words of the source language left inside a sentence of the target language."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector, WordVerdicts
from checker.detectors.calque import inside
from checker.rules.substitution import LANGUAGE_NAMES

# Languages whose text is checked, and the languages a leftover word may come from.
TARGETS = ("en", "fr", "de", "es", "it")
SOURCES = ("fr", "de", "es", "it", "en")

# A word is a leftover when it is common in a source language, rare in the
# text's language, and much more frequent in the former (Zipf scale: 3 = once
# per million words). "avion": French 4.9, English 1.9.
SOURCE_MIN_ZIPF = 3.5
TARGET_MAX_ZIPF = 2.0
MIN_GAP = 2.5
MIN_LENGTH = 4
MAX_REMEMBERED = 200_000  # words whose verdict is kept from one article to the next

# Loanwords the target language uses as its own, whatever wordfreq says.
LOANWORDS = {
    "en": {"mittelstand", "energiewende", "ostpolitik", "bundesliga", "autobahn",
           "kindergarten", "oktoberfest", "reichstag", "wehrmacht", "bundesbank",
           "hors", "catégorie", "maillot", "jaune", "lanterne", "gruppetto", "domestique",
           "soigneur", "musette", "puncheur", "rouleur", "grimpeur", "baroudeur",
           "matériel", "materiel", "détente", "élite", "protégé", "naïve", "déjà", "raison",
           "être", "coup", "vis-à-vis", "rapprochement", "café", "régime", "fiancé", "cliché",
           "façade", "résumé", "décor", "entrée", "début", "communiqué", "attaché", "laissez",
           "faire", "fait", "accompli", "carte", "blanche", "realpolitik", "zeitgeist",
           "angst", "kaput", "blitzkrieg", "ersatz", "diktat", "gauleiter", "junta",
           "guerrilla", "bravado", "intifada", "jihad", "oblast", "oblasts", "rayon", "raion",
           "hromada", "maidan", "siloviki", "nomenklatura", "apparatchik", "glasnost",
           "perestroika", "dacha", "babushka", "banlieue", "banlieues", "laïcité",
           "gilets", "jaunes", "cohabitation", "chanson", "terroir", "rentrée", "mea",
           "culpa", "quid", "quo", "status", "bona", "fide", "facto", "jure", "ad", "hoc",
           "per", "capita", "versus", "via", "vice", "alia", "inter", "sic", "et", "al",
           "moscovites", "katsaps", "bundeswehr", "luftwaffe", "länder", "land", "comprador",
           "compradors", "compradores", "fatwa", "mujahideen", "intelligentsia"},
    "fr": {"mittelstand", "energiewende", "ostpolitik", "bundesliga", "autobahn",
           "kindergarten", "oktoberfest", "reichstag", "wehrmacht", "bundesbank",
           "week-end", "leader", "leaders", "drone", "drones", "briefing", "think", "tank",
           "soft", "power", "hard", "fake", "news", "check", "checkpoint", "checkpoints",
           "hashtag", "tweet", "tweets", "blog", "post", "posts", "stop", "spin", "doctor",
           "lobby", "lobbying", "deal", "deals", "fair", "play", "timing", "leadership",
           "business", "start-up", "startup", "safari", "cash", "hub", "cluster", "lockdown",
           "shutdown", "staff", "punchline", "storytelling", "remake", "come-back", "game",
           "changer", "mainstream", "establishment", "impeachment", "swing", "states",
           "speaker", "shadow", "cabinet", "brexit", "tories", "tory", "labour", "oblast",
           "oblasts", "blitzkrieg", "realpolitik", "ersatz", "diktat", "bundeswehr",
           "bundestag", "länder", "land", "zeitenwende", "katsaps", "siloviki", "maïdan",
           "comprador", "compradores", "compradors", "junta", "guérilla", "intifada"},
}
# What to write instead, for frequent leftovers of news machine translation.
GLOSSES = {
    ("fr", "en"): {"avion": "aircraft", "avions": "aircraft", "anti-avion": "anti-aircraft",
                   "antiaérien": "anti-aircraft", "antiaérienne": "anti-aircraft",
                   "obus": "shells", "frappe": "strike", "frappes": "strikes",
                   "guerre": "war", "ville": "town", "selon": "according to",
                   "pendant": "during", "aussi": "also", "russes": "Russian",
                   "ukrainien": "Ukrainian", "ukrainiens": "Ukrainian", "blindés": "armoured vehicles",
                   "chars": "tanks", "missiles": "missiles", "trêve": "truce",
                   "cessez-le-feu": "ceasefire", "ogives": "warheads"},
    ("de", "fr"): {"krieg": "guerre", "panzer": "chars", "waffen": "armes"},
    ("de", "en"): {"krieg": "war", "panzer": "tanks", "waffen": "weapons"},
    ("en", "fr"): {"klicks": "kilomètres", "shelling": "bombardements", "frontline": "ligne de front"},
}

# German nouns are capitalised wherever they stand, so a leftover one looks
# like a name: see Untranslated._german_nouns for how the two are told apart.
GERMAN_NOUN_TARGETS = ("en", "fr")
GERMAN_NOUN_MIN_ZIPF = 3.3       # "Landkreis" 4.7, "Hochwasser" 3.7
GERMAN_COMPOUND_MIN_ZIPF = 2.5   # long compounds are rarer: "Hochwasserschutz" 3.0
GERMAN_NOUN_TARGET_MAX_ZIPF = 1.3
GERMAN_NOUN_GLOSSES = {
    "en": {"hochwasser": "flood", "hochwasserschutz": "flood protection", "landkreis": "district",
           "feuerwehr": "fire brigade", "bürgermeister": "mayor", "regierung": "government",
           "staatsanwaltschaft": "public prosecutor's office", "landrat": "district administrator",
           "katastrophenfall": "state of disaster", "wasserstand": "water level",
           "gericht": "court", "haushalt": "budget", "schuldenbremse": "debt brake"},
    "fr": {"hochwasser": "crue", "hochwasserschutz": "protection contre les crues",
           "landkreis": "arrondissement", "feuerwehr": "pompiers", "bürgermeister": "maire",
           "regierung": "gouvernement", "staatsanwaltschaft": "parquet", "landrat": "préfet",
           "katastrophenfall": "état de catastrophe", "wasserstand": "niveau de l'eau",
           "gericht": "tribunal", "haushalt": "budget", "schuldenbremse": "frein à l'endettement"},
}
# the look-behind after the first letter: a pattern that opens with one is scanned slowly
_CAPITALISED = re.compile(r"[A-ZÄÖÜ](?<![\w'’-][A-ZÄÖÜ])[a-zäöüß]{5,}(?![\w'’-])")
# Leftovers that frequency cannot catch (an acronym, a word rare even in its
# own language, or one the target language also has in another sense), with
# what to write instead; matched as written.
KNOWN_LEFTOVERS = {
    "en": {"TTC": ("fr", "including tax"), "accise": ("fr", "excise duty"),
           "accises": ("fr", "excise duties"), "sinistrés": ("fr", "disaster-hit"),
           "sinistrées": ("fr", "disaster-hit"), "sinistré": ("fr", "disaster-hit"),
           "sinistrée": ("fr", "disaster-hit"), "mairie": ("fr", "town hall"),
           "canicule": ("fr", "heatwave"), "Kita": ("de", "daycare centre"),
           "Kitas": ("de", "daycare centres"), "Mio": ("de", "million"), "Mrd": ("de", "billion"),
           "mio": ("fr", "million")},
    "fr": {"Kita": ("de", "crèche"), "Kitas": ("de", "crèches"), "MKS": ("ru", "ISS"),
           "first responders": ("en", "secouristes"), "Mio": ("de", "millions"),
           "Mrd": ("de", "milliards")},
}
_KNOWN_LEFTOVER = {language: re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(words, key=len, reverse=True))
                                         + r")(?![\w'’-])")
                   for language, words in KNOWN_LEFTOVERS.items()}
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[^\W\d_a-zß][\w'’-]*")
_NAME_GAP = re.compile(r"[ \u00a0]+(?:(?:von|van|de|der|zu|den)[ \u00a0]+)?")
COMMON_WORD_ZIPF = 4.5  # "The", "Dans": capitalised only because they start a sentence
_ARTICLE_BEFORE = {
    "en": re.compile(r"\b(?:the|a|an|its|their|his|her|our)[ \u00a0]+$", re.I),
    "fr": re.compile(r"(?:\b(?:le|la|les|du|des|au|aux|un|une|son|sa|ses|leur|leurs|ce|cette)[ \u00a0]+|\bl['’])$",
                     re.I),
}
# A foreign word named as such: "known as the Schuldenbremse", "ce que les Allemands appellent le".
_INTRODUCED_TERM = re.compile(
    r"(?:known as|called|so-called|dubbed|termed|nicknamed|German for|in German,?|the German|"
    r"appelée?s?|dite?s?|surnommée?s?|baptisée?s?|en allemand,?|que les Allemands appellent)"
    r"[ \u00a0]+(?:(?:the|a|an|le|la|les|l['’]|un|une|its|their)[ \u00a0]*)?$", re.I)
# German place names end like this: "Babenhausen", "Pfaffenhofen", "Günzburg".
_PLACE_ENDING = re.compile(r"(?:heim|hausen|hofen|burg|berg|dorf|stadt|ingen|au|bach|feld|furt|"
                           r"brück|brücken|hagen|rode|leben|stedt|kirchen|münster|weiler|wald|"
                           r"tal|see|hafen|ow|itz|witz)$")
_WORD = re.compile(r"(?<![\w@#/.])[^\W\d_]+(?:['’-][^\W\d_]+)*(?![\w@/])")
_QUOTES = "«»“”\"‘’'*_"


@lru_cache(maxsize=16)
def frequencies(language: str, wordlist: str = "best") -> dict[str, float]:
    """wordfreq's word -> frequency table for a language, loaded once.

    The text's own language needs the full list (is a word rare, or absent?);
    a source language only needs to say a word is common, which wordfreq's
    small list (every word above Zipf 3) does and loads ten times faster.
    """
    from wordfreq import get_frequency_dict

    try:
        # Positional arguments, as wordfreq's own zipf_frequency passes them: its
        # lru_cache keys a keyword call apart, and would build the 320,000-word
        # table a second time for checker.resources (~0.15 s, and its memory)
        return get_frequency_dict(language, wordlist)
    except LookupError:
        return {}


@lru_cache(maxsize=500_000)
def zipf(word: str, language: str, wordlist: str = "best") -> float:
    import math

    freq = frequencies(language, wordlist).get(word.replace("’", "'"), 0.0)
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


class Untranslated(Detector):
    """A word of the source language left untranslated inside a sentence.

    ## What it flags
    A lower-case word that is common in another language and rare in the
    article's language, standing among words of the article's language:
    French "avion" in "anti -avion defense systems" in an English text, German
    "Krieg" in a French one. Names (capitalised, or known to the gazetteer),
    loanwords the language has adopted ("détente", "week-end"), words in
    quotes or italics and whole passages in another language (those are
    LG-mixed-language) stay silent.
    Two more kinds, in English and French text: a German noun left with its
    capital after an article ("the Hochwasser protection", "le Landkreis"),
    unless it is part of a name written in full, ends like a German place
    name or is named as a term ("known as the Schuldenbremse"); and a short
    list of leftovers frequency cannot tell ("TTC", "accise", "Mio.", "MKS").

    ## Why it matters
    A machine translation engine leaves words it cannot place, often split
    off by a tokeniser; a reader who does not know the source language loses
    the meaning, and the leftover shows which language the text came from.

    ## Example
    He announced more weapons for Kyiv, including anti -avion defense systems.

    ## Fix
    Translate the word: "anti-aircraft defense systems".
    """

    id = "MT-untranslated"
    category = "untranslated"
    severity = Severity.WARNING

    def __init__(self) -> None:
        self.known_names: frozenset[str] = frozenset()
        # per text language: word -> the language it is a leftover of, or None
        self._verdicts: dict[str, WordVerdicts] = {}
        self._noun_verdicts: dict[tuple[str, str], bool] = {}

    def prepare(self, ctx: CheckContext) -> None:
        from checker.detectors.source_spelling import load_gazetteer

        self.known_names = load_gazetteer(ctx).known_words()
        self._verdicts.clear()  # they depend on the names
        self._noun_verdicts.clear()

    def applies_to(self, doc: Document) -> bool:
        return doc.language in TARGETS

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        from checker.verdict import note_source

        if not self.known_names:
            self.prepare(ctx)
        language = doc.language
        spans = ctx.facts(doc).language_ranges.get(language, [])
        if not spans:
            return
        text = doc.text
        if language in GERMAN_NOUN_TARGETS:
            yield from self._german_nouns(doc, text, language, spans)
        if language in _KNOWN_LEFTOVER:
            yield from self._known_leftovers(doc, text, language, spans)
        # Distinct lower-case words first (C-level passes); most texts stop here.
        suspects = self._suspects(set(filter(str.islower, _WORD.findall(text))), language)
        if not suspects:
            return
        tokens = list(_WORD.finditer(text))
        lowered = [m.group(0).lower() for m in tokens]
        for i, m in enumerate(tokens):
            word = lowered[i]
            source = suspects.get(word)
            if not source or m.group(0) != word or not inside(m.start(), spans) \
                    or word in KNOWN_LEFTOVERS.get(language, ()):  # found above
                continue
            if self._quoted(text, m.start(), m.end()):
                continue
            if not self._among_target_words(lowered, i, language, source):
                continue
            start, end, key = m.start(), m.end(), word
            # "anti -avion", "anti-avion": take the prefix along.
            before = text[max(0, start - 6):start]
            prefix = re.search(r"(anti|pro|contre|counter|non)\s?-$", before, re.I)
            if prefix:
                start -= len(prefix.group(0))
                key = f"{prefix.group(1).lower()}-{word}"
            gloss = GLOSSES.get((source, language), {}).get(key) or \
                GLOSSES.get((source, language), {}).get(word)
            finding = self.finding(
                doc, start, end,
                f"'{text[start:end]}' is {LANGUAGE_NAMES.get(source, source)}, left untranslated",
                suggestion=gloss, confidence=0.8)
            note_source(finding, source)
            yield finding

    def _german_nouns(self, doc: Document, text: str, language: str,
                      spans) -> Iterable[Finding]:
        """German common nouns left in, capitalised as German writes them:
        "the Hochwasser protection", "le Landkreis de Günzburg".

        Names are capitalised too, so a noun is flagged only where a name is
        unlikely: after an article, never beside another capitalised word (a
        name written in full, "Markus Söder", anywhere in the text), not with
        the ending of a German place name, and not known to the gazetteer.
        """
        from checker.detectors.consistency import starts_sentence
        from checker.verdict import note_source

        # the cheap tests first: most texts hold no German noun at all
        matches = [m for m in _CAPITALISED.finditer(text) if self._german_noun(m.group(0), language)
                   and _ARTICLE_BEFORE[language].search(text, max(0, m.start() - 8), m.start())]
        if not matches:
            return
        in_full_names: set[str] = set()
        previous = None
        for m in _CAPITALISED_WORD.finditer(text):
            # two capitalised words in a row make a name ("Markus Söder"), unless
            # the first is a common word capitalised at a sentence start ("The")
            if previous is not None and _NAME_GAP.fullmatch(text, previous.end(), m.start()) \
                    and zipf(previous.group(0).lower(), language) < COMMON_WORD_ZIPF:
                in_full_names.update((previous.group(0), m.group(0)))
            previous = m
        for m in matches:
            word = m.group(0)
            if word in in_full_names or not inside(m.start(), spans):
                continue
            if starts_sentence(text, m.start()):
                continue
            if _INTRODUCED_TERM.search(text, max(0, m.start() - 40), m.start()):
                continue  # "the debt brake, known as the Schuldenbremse": named on purpose
            finding = self.finding(
                doc, m.start(), m.end(),
                f"'{word}' is a German noun, left untranslated",
                suggestion=GERMAN_NOUN_GLOSSES[language].get(word.lower()), confidence=0.6)
            note_source(finding, "de")
            yield finding

    def _known_leftovers(self, doc: Document, text: str, language: str,
                         spans) -> Iterable[Finding]:
        from checker.verdict import note_source

        if not any(word in text for word in KNOWN_LEFTOVERS[language]):
            return
        for m in _KNOWN_LEFTOVER[language].finditer(text):
            if not inside(m.start(), spans) or self._quoted(text, m.start(), m.end()):
                continue
            source, gloss = KNOWN_LEFTOVERS[language][m.group(0)]
            finding = self.finding(
                doc, m.start(), m.end(),
                f"'{m.group(0)}' is {LANGUAGE_NAMES.get(source, source)}, left untranslated",
                suggestion=gloss, confidence=0.8)
            note_source(finding, source)
            yield finding

    def _german_noun(self, word: str, language: str) -> bool:
        key = (word, language)
        verdict = self._noun_verdicts.get(key)
        if verdict is None:
            lower = word.lower()
            floor = GERMAN_COMPOUND_MIN_ZIPF if len(word) >= 12 else GERMAN_NOUN_MIN_ZIPF
            verdict = (lower not in self.known_names
                       and lower not in LOANWORDS.get(language, ())
                       and not _PLACE_ENDING.search(lower)
                       and zipf(lower, language) <= GERMAN_NOUN_TARGET_MAX_ZIPF
                       and zipf(lower, "de") >= floor)
            if len(self._noun_verdicts) < MAX_REMEMBERED:
                self._noun_verdicts[key] = verdict
        return verdict

    def _suspects(self, words: set[str], language: str) -> dict[str, str]:
        """The leftovers among ``words`` -> the language each comes from."""
        if language not in self._verdicts:
            self._verdicts[language] = WordVerdicts(
                lambda word: self._judge(word, language), MAX_REMEMBERED)
        return self._verdicts[language].flagged_among(words)

    def _judge(self, word: str, language: str) -> str | None:
        if len(word) < MIN_LENGTH or word in self.known_names:
            return None
        if word in LOANWORDS.get(language, ()):
            return None
        parts = [p for p in re.split(r"['’-]", word) if p]
        if any(p in self.known_names for p in parts):
            return None
        target = zipf(word, language)
        if target >= TARGET_MAX_ZIPF:
            return None
        best, best_zipf = None, 0.0
        for source in SOURCES:
            if source == language:
                continue
            z = zipf(word, source, "small")
            if z > best_zipf:
                best, best_zipf = source, z
        if best and best_zipf >= SOURCE_MIN_ZIPF and best_zipf - target >= MIN_GAP:
            return best
        return None

    @staticmethod
    def _quoted(text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 1):start]
        after = text[end:end + 1]
        return bool(before and before in _QUOTES) or bool(after and after in _QUOTES)

    @staticmethod
    def _among_target_words(words: list[str], i: int, language: str, source: str) -> bool:
        """At least two of the four nearest words are plainly of the text's language."""
        near = words[max(0, i - 2):i] + words[i + 1:i + 3]
        votes = sum(1 for w in near if zipf(w, language) > zipf(w, source, "small") + 0.5)
        return votes >= 2
