"""Number words, scale words, approximation cues, months and weekdays.

Words of the six languages the claims package reads (en, fr, de, es, uk, ru).
Everything is lower-case; apostrophes are normalised to ``'`` before lookup.
The multilingual *concept* table (what is counted) lives in data/concepts.yaml.
"""
from __future__ import annotations

LANGS = ("en", "fr", "de", "es", "uk", "ru")


def _apos(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'").replace("`", "'")


def lower_same(text: str) -> str:
    """``text`` lower-cased, apostrophes as ``'``, with the same offsets (a character
    that lower-cases to two is kept as it is). The number and date scanners read it:
    made once per document."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("’", "'").replace("ʼ", "'")


# ---------------------------------------------------------------- number words
# value -> words; "mult" words multiply what precedes them (hundred, cent).
_EN = {
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
    14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
    19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty",
    70: "seventy", 80: "eighty", 90: "ninety",
}
_FR = {
    0: "zéro", 1: "un une", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
    8: "huit", 9: "neuf", 10: "dix", 11: "onze", 12: "douze", 13: "treize", 14: "quatorze",
    15: "quinze", 16: "seize", 20: "vingt vingts", 30: "trente", 40: "quarante", 50: "cinquante",
    60: "soixante", 70: "septante", 80: "huitante octante", 90: "nonante",
}
_ES = {
    0: "cero", 1: "uno una un", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis",
    7: "siete", 8: "ocho", 9: "nueve", 10: "diez", 11: "once", 12: "doce", 13: "trece",
    14: "catorce", 15: "quince", 16: "dieciséis", 17: "diecisiete", 18: "dieciocho",
    19: "diecinueve", 20: "veinte", 21: "veintiuno veintiún veintiuna", 22: "veintidós",
    23: "veintitrés", 24: "veinticuatro", 25: "veinticinco", 26: "veintiséis",
    27: "veintisiete", 28: "veintiocho", 29: "veintinueve", 30: "treinta", 40: "cuarenta",
    50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta", 90: "noventa",
    100: "cien ciento", 200: "doscientos doscientas", 300: "trescientos trescientas",
    400: "cuatrocientos cuatrocientas", 500: "quinientos quinientas",
    600: "seiscientos seiscientas", 700: "setecientos setecientas",
    800: "ochocientos ochocientas", 900: "novecientos novecientas",
}
_RU = {
    0: "ноль нуль", 1: "один одна одно одного одной одному одним", 2: "два две двух двумя",
    3: "три трёх трех тремя", 4: "четыре четырёх четырех", 5: "пять пяти", 6: "шесть шести",
    7: "семь семи", 8: "восемь восьми", 9: "девять девяти", 10: "десять десяти",
    11: "одиннадцать одиннадцати", 12: "двенадцать двенадцати", 13: "тринадцать тринадцати",
    14: "четырнадцать четырнадцати", 15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати", 17: "семнадцать семнадцати",
    18: "восемнадцать восемнадцати", 19: "девятнадцать девятнадцати",
    20: "двадцать двадцати", 30: "тридцать тридцати", 40: "сорок сорока",
    50: "пятьдесят пятидесяти", 60: "шестьдесят шестидесяти", 70: "семьдесят семидесяти",
    80: "восемьдесят восьмидесяти", 90: "девяносто девяноста", 100: "сто ста",
    200: "двести двухсот", 300: "триста трехсот трёхсот", 400: "четыреста четырехсот четырёхсот",
    500: "пятьсот пятисот", 600: "шестьсот шестисот", 700: "семьсот семисот",
    800: "восемьсот восьмисот", 900: "девятьсот девятисот",
}
_UK = {
    0: "нуль", 1: "один одна одне одного одній одному", 2: "два дві двох", 3: "три трьох",
    4: "чотири чотирьох", 5: "п'ять п'яти", 6: "шість шести", 7: "сім семи", 8: "вісім восьми",
    9: "дев'ять дев'яти", 10: "десять десяти", 11: "одинадцять одинадцяти",
    12: "дванадцять дванадцяти", 13: "тринадцять тринадцяти", 14: "чотирнадцять чотирнадцяти",
    15: "п'ятнадцять п'ятнадцяти", 16: "шістнадцять шістнадцяти", 17: "сімнадцять сімнадцяти",
    18: "вісімнадцять вісімнадцяти", 19: "дев'ятнадцять дев'ятнадцяти", 20: "двадцять двадцяти",
    30: "тридцять тридцяти", 40: "сорок сорока", 50: "п'ятдесят п'ятдесяти",
    60: "шістдесят шістдесяти", 70: "сімдесят сімдесяти", 80: "вісімдесят вісімдесяти",
    90: "дев'яносто", 100: "сто ста", 200: "двісті двохсот", 300: "триста трьохсот",
    400: "чотириста чотирьохсот", 500: "п'ятсот п'ятисот", 600: "шістсот шестисот",
    700: "сімсот семисот", 800: "вісімсот восьмисот", 900: "дев'ятсот дев'ятисот",
}
_DE_BASE = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1,
    "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}


def _table(spec: dict[int, str]) -> dict[str, int]:
    return {_apos(w): v for v, words in spec.items() for w in words.split()}


SMALL: dict[str, dict[str, float]] = {
    "en": _table(_EN), "fr": _table(_FR), "es": _table(_ES), "ru": _table(_RU),
    "uk": _table(_UK), "de": dict(_DE_BASE),
}
# words that multiply what precedes them, below a thousand
MULT100: dict[str, set[str]] = {
    "en": {"hundred", "hundreds"}, "fr": {"cent", "cents"}, "de": {"hundert"}, "es": set(),
    "ru": set(), "uk": set(),
}
# scale words: thousand and above. French/Spanish/German billion = 10**12.
SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
           "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "k": 1e3},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "md": 1e9, "mds": 1e9, "mrd": 1e9, "billion": 1e12, "billions": 1e12},
    "de": {"tausend": 1e3, "tsd": 1e3, "tsd.": 1e3, "million": 1e6, "millionen": 1e6,
           "mio": 1e6, "mio.": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
           "mrd.": 1e9, "billion": 1e12, "billionen": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12,
           "billones": 1e12, "mdd": 1e6},
    "ru": {"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тыс": 1e3, "тыс.": 1e3,
           "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "млн.": 1e6,
           "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "млрд.": 1e9,
           "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12, "трлн": 1e12},
    "uk": {"тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тисячу": 1e3, "тис": 1e3, "тис.": 1e3,
           "мільйон": 1e6, "мільйони": 1e6, "мільйона": 1e6, "мільйонів": 1e6, "млн": 1e6,
           "млн.": 1e6, "мільярд": 1e9, "мільярди": 1e9, "мільярда": 1e9, "мільярдів": 1e9,
           "млрд": 1e9, "млрд.": 1e9, "трильйон": 1e12, "трлн": 1e12},
}
# scale words that may follow digits only (too ambiguous alone)
DIGIT_ONLY_SCALES = {"m", "k", "mn", "bn", "md", "mds", "mrd", "mrd.", "mdd", "tsd", "tsd."}
CONNECTORS = {"en": {"and"}, "fr": {"et"}, "de": {"und"}, "es": {"y"}, "ru": set(), "uk": set()}

# Vague quantities: word -> (value, approx). Plural nouns read "at least",
# collective singulars ("une centaine") read "about".
VAGUE: dict[str, dict[str, tuple[float, str]]] = {
    "en": {"dozens": (12, "at-least"), "tens": (10, "at-least"), "hundreds": (100, "at-least"),
           "thousands": (1e3, "at-least"), "millions": (1e6, "at-least"),
           "billions": (1e9, "at-least"), "dozen": (12, "exact"), "scores": (20, "at-least")},
    "fr": {"dizaines": (10, "at-least"), "douzaines": (12, "at-least"),
           "centaines": (100, "at-least"), "milliers": (1e3, "at-least"),
           "millions": (1e6, "at-least"), "milliards": (1e9, "at-least"),
           "dizaine": (10, "about"), "douzaine": (12, "about"), "quinzaine": (15, "about"),
           "vingtaine": (20, "about"), "trentaine": (30, "about"), "quarantaine": (40, "about"),
           "cinquantaine": (50, "about"), "soixantaine": (60, "about"),
           "centaine": (100, "about"), "millier": (1e3, "about")},
    "de": {"dutzende": (12, "at-least"), "dutzenden": (12, "at-least"),
           "hunderte": (100, "at-least"), "hunderten": (100, "at-least"),
           "tausende": (1e3, "at-least"), "tausenden": (1e3, "at-least"),
           "zehntausende": (1e4, "at-least"), "zehntausenden": (1e4, "at-least"),
           "hunderttausende": (1e5, "at-least"), "hunderttausenden": (1e5, "at-least"),
           "millionen": (1e6, "at-least"), "dutzend": (12, "exact")},
    "es": {"decenas": (10, "at-least"), "docenas": (12, "at-least"), "cientos": (100, "at-least"),
           "centenares": (100, "at-least"), "miles": (1e3, "at-least"),
           "millares": (1e3, "at-least"), "millones": (1e6, "at-least"),
           "decena": (10, "about"), "docena": (12, "about"), "veintena": (20, "about"),
           "centenar": (100, "about"), "millar": (1e3, "about")},
    "ru": {"десятки": (10, "at-least"), "десятков": (10, "at-least"),
           "сотни": (100, "at-least"), "сотен": (100, "at-least"),
           "тысячи": (1e3, "at-least"), "тысяч": (1e3, "at-least"),
           "миллионы": (1e6, "at-least"), "десяток": (10, "about"), "дюжина": (12, "about"),
           "сотня": (100, "about")},
    "uk": {"десятки": (10, "at-least"), "десятків": (10, "at-least"),
           "сотні": (100, "at-least"), "сотень": (100, "at-least"),
           "тисячі": (1e3, "at-least"), "тисяч": (1e3, "at-least"),
           "мільйони": (1e6, "at-least"), "десяток": (10, "about"), "дюжина": (12, "about"),
           "сотня": (100, "about")},
}
# "tens OF thousands": the word joining a vague word to a scale word
VAGUE_OF = {"en": {"of"}, "fr": {"de", "d'"}, "de": set(), "es": {"de"}, "ru": set(), "uk": set()}

# Fractions as words -> share in percent.
FRACTIONS: dict[str, dict[str, float]] = {
    "en": {"half": 50, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
           "two-thirds": 200 / 3, "a quarter": 25, "three quarters": 75,
           "three-quarters": 75, "a fifth": 20, "one fifth": 20, "a tenth": 10},
    "fr": {"la moitié": 50, "moitié": 50, "un tiers": 100 / 3, "deux tiers": 200 / 3,
           "un quart": 25, "trois quarts": 75, "un cinquième": 20, "un dixième": 10},
    "de": {"die hälfte": 50, "hälfte": 50, "ein drittel": 100 / 3, "zwei drittel": 200 / 3,
           "ein viertel": 25, "drei viertel": 75, "ein fünftel": 20, "ein zehntel": 10},
    "es": {"la mitad": 50, "mitad": 50, "un tercio": 100 / 3, "dos tercios": 200 / 3,
           "un cuarto": 25, "tres cuartos": 75, "un quinto": 20, "una quinta parte": 20,
           "una décima parte": 10},
    "ru": {"половина": 50, "половину": 50, "половины": 50, "треть": 100 / 3,
           "две трети": 200 / 3, "четверть": 25, "три четверти": 75, "пятая часть": 20},
    "uk": {"половина": 50, "половину": 50, "половини": 50, "третина": 100 / 3,
           "третину": 100 / 3, "дві третини": 200 / 3, "чверть": 25, "три чверті": 75,
           "п'ята частина": 20},
}

# ------------------------------------------------------------------ approximation
# cue (lower case, matched right before the number) -> approx kind; "nearly" is
# "about" with the value as an upper bound (kept internally as bound "below").
APPROX: dict[str, dict[str, str]] = {
    "en": {"about": "about", "around": "about", "roughly": "about", "approximately": "about",
           "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
           "nearly": "below", "almost": "below", "close to": "below", "just under": "below",
           "more than": "at-least", "over": "at-least", "at least": "at-least",
           "upwards of": "at-least", "in excess of": "at-least", "no fewer than": "at-least",
           "no less than": "at-least", "just over": "at-least",
           "up to": "at-most", "less than": "at-most", "fewer than": "at-most",
           "at most": "at-most", "under": "at-most", "no more than": "at-most",
           "as many as": "at-most", "below": "at-most"},
    "fr": {"environ": "about", "quelque": "about", "quelques": "about", "autour de": "about",
           "approximativement": "about", "à peu près": "about", "pas loin de": "below",
           "près de": "below", "presque": "below", "quasiment": "below", "plus de": "at-least",
           "au moins": "at-least", "pas moins de": "at-least", "plus d'": "at-least",
           "au-delà de": "at-least", "jusqu'à": "at-most", "moins de": "at-most",
           "moins d'": "at-most", "au plus": "at-most", "pas plus de": "at-most",
           "un peu plus de": "at-least", "un peu moins de": "at-most", "quelque chose comme": "about"},
    "de": {"etwa": "about", "rund": "about", "ungefähr": "about", "circa": "about", "ca.": "about",
           "zirka": "about", "gut": "at-least", "knapp": "below", "fast": "below",
           "beinahe": "below", "nahezu": "below", "mehr als": "at-least", "über": "at-least",
           "mindestens": "at-least", "wenigstens": "at-least", "bis zu": "at-most",
           "weniger als": "at-most", "höchstens": "at-most", "maximal": "at-most",
           "unter": "at-most", "annähernd": "about", "schätzungsweise": "about"},
    "es": {"unos": "about", "unas": "about", "alrededor de": "about", "aproximadamente": "about",
           "cerca de": "below", "casi": "below", "más de": "at-least", "al menos": "at-least",
           "por lo menos": "at-least", "como mínimo": "at-least", "hasta": "at-most",
           "menos de": "at-most", "como máximo": "at-most", "en torno a": "about",
           "aproximadamente unos": "about", "unos cerca de": "below"},
    "ru": {"около": "about", "примерно": "about", "приблизительно": "about", "порядка": "about",
           "почти": "below", "почти что": "below", "более": "at-least", "больше": "at-least",
           "свыше": "at-least", "не менее": "at-least", "как минимум": "at-least",
           "по меньшей мере": "at-least", "минимум": "at-least", "до": "at-most",
           "менее": "at-most", "меньше": "at-most", "не более": "at-most", "максимум": "at-most",
           "чуть более": "at-least", "порядка около": "about"},
    "uk": {"близько": "about", "приблизно": "about", "майже": "below", "понад": "at-least",
           "більше": "at-least", "більш ніж": "at-least", "щонайменше": "at-least",
           "принаймні": "at-least", "не менше": "at-least", "до": "at-most",
           "менше": "at-most", "менш ніж": "at-most", "не більше": "at-most",
           "максимум": "at-most", "мінімум": "at-least", "орієнтовно": "about"},
}

# words or symbols that introduce a restatement: "X, soit Y"
EQUIV = {
    "en": ("i.e.", "that is", "or", "that's", "equivalent to", "which is"),
    "fr": ("soit", "c'est-à-dire", "c'est à dire", "autrement dit", "l'équivalent de"),
    "de": ("also", "d.h.", "das heißt", "das sind", "umgerechnet"),
    "es": ("es decir", "o sea", "lo que equivale a", "esto es"),
    "ru": ("то есть", "т.е.", "т. е.", "или", "что составляет"),
    "uk": ("тобто", "або", "що становить", "себто"),
}

# ---------------------------------------------------------------- rates
PERIODS = {"day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}
RATES: dict[str, dict[str, str]] = {
    "en": {"per day": "day", "a day": "day", "each day": "day", "daily": "day",
           "per week": "week", "a week": "week", "per month": "month", "a month": "month",
           "each month": "month", "monthly": "month", "per year": "year", "a year": "year",
           "each year": "year", "annually": "year", "per annum": "year", "yearly": "year"},
    "fr": {"par jour": "day", "chaque jour": "day", "par semaine": "week", "par mois": "month",
           "chaque mois": "month", "par an": "year", "par année": "year", "chaque année": "year",
           "annuellement": "year", "mensuellement": "month", "l'an": "year"},
    "de": {"pro tag": "day", "am tag": "day", "täglich": "day", "pro woche": "week",
           "pro monat": "month", "im monat": "month", "monatlich": "month", "pro jahr": "year",
           "im jahr": "year", "jährlich": "year"},
    "es": {"al día": "day", "por día": "day", "diarios": "day", "a la semana": "week",
           "por semana": "week", "al mes": "month", "por mes": "month", "mensuales": "month",
           "al año": "year", "por año": "year", "anuales": "year"},
    "ru": {"в день": "day", "в сутки": "day", "ежедневно": "day", "в неделю": "week",
           "в месяц": "month", "ежемесячно": "month", "в год": "year", "ежегодно": "year"},
    "uk": {"на день": "day", "на добу": "day", "щодня": "day", "на тиждень": "week",
           "на місяць": "month", "щомісяця": "month", "на рік": "year", "щороку": "year"},
}

# ---------------------------------------------------------------- calendar
MONTHS: dict[str, dict[str, int]] = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
           "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
           "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
           "nov": 11, "december": 12, "dec": 12},
    "fr": {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
           "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
           "novembre": 11, "décembre": 12, "decembre": 12},
    "de": {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
           "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
           "dezember": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
           "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
           "noviembre": 11, "diciembre": 12},
    "ru": {"январь": 1, "января": 1, "январе": 1, "февраль": 2, "февраля": 2, "феврале": 2,
           "март": 3, "марта": 3, "марте": 3, "апрель": 4, "апреля": 4, "апреле": 4, "май": 5,
           "мая": 5, "мае": 5, "июнь": 6, "июня": 6, "июне": 6, "июль": 7, "июля": 7,
           "июле": 7, "август": 8, "августа": 8, "августе": 8, "сентябрь": 9, "сентября": 9,
           "сентябре": 9, "октябрь": 10, "октября": 10, "октябре": 10, "ноябрь": 11,
           "ноября": 11, "ноябре": 11, "декабрь": 12, "декабря": 12, "декабре": 12},
    "uk": {"січень": 1, "січня": 1, "січні": 1, "лютий": 2, "лютого": 2, "лютому": 2,
           "березень": 3, "березня": 3, "березні": 3, "квітень": 4, "квітня": 4, "квітні": 4,
           "травень": 5, "травня": 5, "травні": 5, "червень": 6, "червня": 6, "червні": 6,
           "липень": 7, "липня": 7, "липні": 7, "серпень": 8, "серпня": 8, "серпні": 8,
           "вересень": 9, "вересня": 9, "вересні": 9, "жовтень": 10, "жовтня": 10,
           "жовтні": 10, "листопад": 11, "листопада": 11, "листопаді": 11, "грудень": 12,
           "грудня": 12, "грудні": 12},
}
# Monday = 0
WEEKDAYS: dict[str, dict[str, int]] = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
           "samstag": 5, "sonnabend": 5, "sonntag": 6},
    "es": {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
           "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6},
    "ru": {"понедельник": 0, "вторник": 1, "среда": 2, "среду": 2, "четверг": 3,
           "пятница": 4, "пятницу": 4, "суббота": 5, "субботу": 5, "воскресенье": 6},
    "uk": {"понеділок": 0, "понеділка": 0, "вівторок": 1, "вівторка": 1, "середа": 2,
           "середу": 2, "середи": 2, "четвер": 3, "четверга": 3, "п'ятниця": 4, "п'ятницю": 4,
           "п'ятниці": 4, "субота": 5, "суботу": 5, "суботи": 5, "неділя": 6, "неділю": 6,
           "неділі": 6},
}
# relative day words -> offset from the anchor date
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "en": {"yesterday": -1, "today": 0, "the previous day": -1, "the day before": -1},
    "fr": {"hier": -1, "aujourd'hui": 0, "la veille": -1, "avant-hier": -2},
    "de": {"gestern": -1, "heute": 0, "am vortag": -1, "vorgestern": -2},
    "es": {"ayer": -1, "hoy": 0, "el día anterior": -1, "anteayer": -2},
    "ru": {"вчера": -1, "сегодня": 0, "накануне": -1, "позавчера": -2},
    "uk": {"вчора": -1, "учора": -1, "сьогодні": 0, "напередодні": -1, "позавчора": -2},
}
# "last night" -> the night ending on the anchor date
LAST_NIGHT = {
    "en": ("last night", "overnight"), "fr": ("cette nuit", "la nuit dernière"),
    "de": ("in der nacht", "letzte nacht", "vergangene nacht"), "es": ("anoche", "esta noche"),
    "ru": ("этой ночью", "прошлой ночью", "ночью"), "uk": ("цієї ночі", "минулої ночі", "вночі", "уночі"),
}
NIGHT = {"en": "night", "fr": "nuit", "de": "nacht", "es": "noche", "ru": "ноч", "uk": "ноч"}

# modal words: a claim in their sentence is a forecast, compared only with forecasts
MODAL = {
    "en": ("could", "might", "may reach", "would", "plans to", "expected to", "will be able"),
    "fr": ("pourrait", "pourraient", "devrait", "devraient", "sera capable", "prévoit"),
    "de": ("könnte", "könnten", "soll", "sollen", "dürfte", "plant"),
    "es": ("podría", "podrían", "debería", "prevé", "planea"),
    "ru": ("может", "могут", "мог бы", "сможет", "планирует"),
    "uk": ("може", "можуть", "міг би", "зможе", "планує"),
}
# "another 400 drones": a further batch, not a restatement
ANOTHER = {
    "en": ("another", "further", "additional", "other"), "fr": ("autres", "nouveaux", "supplémentaires"),
    "de": ("weitere", "weiteren", "andere"), "es": ("otros", "otras", "nuevos"),
    "ru": ("ещё", "еще", "других"), "uk": ("ще", "інших"),
}
