"""A fast first opinion on a paragraph's language, from its function words.

lingua reads every character n-gram against twelve language models: exact,
but about 0.3-0.5 MB/s. Most paragraphs of a news archive are long and
plainly in one language; their function words say so at a glance. This
module counts the words that belong to exactly one language's list (``the``,
``und``, ``les``, ``która``...) and answers only when the count is large and
nearly unanimous. Everything else (short lines, quotes, mixed paragraphs,
names) still goes to lingua.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORDS = {
    "en": "the and of to is was that with for this are were have has been from which "
          "would will their they there what when who said but not by also after about "
          "its it into than other more after over could should these those while "
          "had be at an we our",
    "fr": "le la les des du une est sont dans pour avec qui que pas sur par ont été "
          "cette ces aux ses leur leurs mais plus comme fait selon été entre depuis "
          "nous vous ils elle sont être avait très aussi lors après et au son sa "
          "avaient était peut déjà notre",
    "de": "der die das und ist nicht mit den dem ein eine einer eines sich auf für von "
          "zu im auch wird wurde sind war hat haben nach bei oder aus wie noch über "
          "nur werden dass sie seine ihre vom zum zur worden sei seien würden werde "
          "wieder unter gegen schon einem keine",
    "es": "el los las del una es son en por con para que pero como más está fue han "
          "sus según entre desde también sobre este esta estos muy hasta cuando",
    "it": "il lo gli della delle degli che è sono per con una non più anche come dal "
          "nel nella alla sul stato hanno questo questa tra dopo ancora essere",
    "pt": "os as da do das dos um uma não são com para mais foi pelo pela também "
          "entre sobre está isso ele ela seus suas quando após ainda muito",
    "nl": "het een van de en is niet met voor op zijn ook door naar bij werd wordt "
          "maar als dat nog heeft hebben zij deze dit worden tegen",
    "ru": "и в не на что с по это как из за от его для о но был была были также "
          "который которые после или уже их она они только этом более",
    "uk": "і й в не на що з по це як із за від його для та але був була були також "
          "який які після або вже їх вона вони тільки більш щодо",
    "pl": "i w nie na że z się do to jest jak o od po przez dla już które który była "
          "był są oraz jego ich także tylko może został",
    "tr": "ve bir bu da de için ile çok olarak daha olan gibi sonra kadar ama en "
          "değil ise şu tarafından olduğu yeni",
    "ar": "في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما بين بعد عام",
}

MIN_HITS = 6  # distinctive function words a paragraph needs before this module answers
MIN_SHARE = 0.9  # the share of them that must point to the same language
MIN_HITS_UNANIMOUS = 3  # ...or this many, when not one points to another language
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _exclusive() -> dict[str, str]:
    """Function word -> its language, for words in exactly one list."""
    owners: dict[str, set[str]] = {}
    for lang, words in _WORDS.items():
        for word in words.split():
            owners.setdefault(word, set()).add(lang)
    return {word: next(iter(langs)) for word, langs in owners.items() if len(langs) == 1}


def quick_language(text: str) -> tuple[str, float] | None:
    """(language, share of distinctive words) when the paragraph is plainly in one
    language, else None: then only lingua can tell."""
    exclusive = _exclusive()
    hits: dict[str, int] = {}
    for token in _TOKEN.findall(text.lower()):
        lang = exclusive.get(token)
        if lang:
            hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return None
    lang = max(hits, key=lambda k: (hits[k], k))
    total = sum(hits.values())
    share = hits[lang] / total
    if not (hits[lang] >= MIN_HITS and share >= MIN_SHARE
            or hits[lang] >= MIN_HITS_UNANIMOUS and share == 1.0):
        return None
    return lang, share
