"""LM-fluency: wording a language model finds far less likely than its rarity explains."""
from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from typing import Iterable


from checker.core import Document, Finding, Severity
from checker.detectors.base import CheckContext, Detector
from checker.detectors.lm_lexicon import WORD, LexiconIndex

OPENERS = set("“\"«‘'(:—–-")
PREPOSITIONS = {
    "en": ("in", "on", "at", "of", "for", "to", "by", "with", "from", "into", "about"),
    "fr": ("à", "de", "en", "dans", "sur", "par", "pour", "avec", "chez", "sous", "vers"),
}
MAX_SUGGESTION_SPANS = 6  # per document: proposing fixes costs a few model passes each
MAX_CANDIDATES = 10
MAX_LEXICON_CANDIDATES = 3  # scored on top of MAX_CANDIDATES, so they never crowd the others out
# Extra nats some edits must gain: a shorter text is more likely whatever it says, and
# the model's own word is more likely by construction. A lexicon fix gets neither
# handicap nor bonus: it is chosen without the model, so there is no bias to correct
# for, and it is scored to the end of the sentence (see with_suggestion), so a shorter
# fix still has to fit what follows. No bonus for being curated either: the entry only
# *nearly* matched, so the conditions that keep it from firing on clean text did not hold.
PENALTY = {"delete": 3.0, "model": 3.0, "lexicon": 0.0}
SUGGEST_VERSION = "5"  # part of the cache key of proposals: bump when the candidates change


@dataclass
class Word:
    start: int  # offsets into the paragraph
    end: int
    text: str
    raw: float = 0.0  # summed token surprisal, nats
    score: float = 0.0  # after the rarity and name/repeat normalisation
    sentence: int = -1
    initial: bool = False


@dataclass
class Span:
    first: int  # word indices, inclusive
    last: int
    score: float
    margin: float  # how far over its threshold, nats


def words_of(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def assign_tokens(words: list[Word], starts, ends, surprisal, text: str) -> None:
    """Sum each word's sub-word token surprisals (a token belongs to the word its first letter is in).

    ``starts``, ``ends`` and ``surprisal`` are the model's per-token arrays.
    """
    if not words:
        return
    bounds = [w.start for w in words]  # bisect, not numpy: --no-lm runs never import numpy
    for s, e, v in zip(starts.tolist(), ends.tolist(), surprisal.tolist()):
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            continue
        i = bisect.bisect_right(bounds, s) - 1
        if i >= 0 and words[i].start <= s < words[i].end:
            words[i].raw += v


def merge_spans(words: list[Word], thresholds: dict[str, float]) -> list[Span]:
    """Flag words whose score passes ``word`` (or pairs whose sum passes ``pair``), then
    grow each flag over neighbours scoring at least ``neighbour`` and join flags one
    word apart, never across a sentence boundary."""
    t_word, t_pair = thresholds["word"], thresholds["pair"]
    t_near = thresholds.get("neighbour", t_word / 2)
    n = len(words)
    flagged = [False] * n
    margin = [float("-inf")] * n
    for i, w in enumerate(words):
        if w.score >= t_word:
            flagged[i] = True
            margin[i] = max(margin[i], w.score - t_word)
        if i + 1 < n and words[i + 1].sentence == w.sentence:
            pair = w.score + words[i + 1].score
            if pair >= t_pair and min(w.score, words[i + 1].score) >= t_near:
                for j in (i, i + 1):
                    flagged[j] = True
                    margin[j] = max(margin[j], pair - t_pair)
    spans: list[Span] = []
    i = 0
    while i < n:
        if not flagged[i]:
            i += 1
            continue
        first = last = i
        while True:
            j = last + 1
            if j < n and words[j].sentence == words[last].sentence and (
                    flagged[j] or words[j].score >= t_near):
                last = j
                continue
            # join a flag one word further on, across one ordinary word
            if (j + 1 < n and flagged[j + 1] and words[j + 1].sentence == words[last].sentence):
                last = j + 1
                continue
            break
        while first > 0 and words[first - 1].sentence == words[first].sentence and \
                words[first - 1].score >= t_near and not flagged[first - 1]:
            first -= 1
        best = max(margin[k] for k in range(first, last + 1) if flagged[k])
        spans.append(Span(first, last, max(w.score for w in words[first:last + 1]), best))
        i = last + 1
    return spans


def confidence(margin: float) -> float:
    """0.5 at the threshold, rising towards 0.95 as the score passes it."""
    return 0.5 + 0.45 * (1 - math.exp(-max(0.0, margin) / 3.0))


class LanguageModelFluency(Detector):
    """Flags wording a language model finds far less likely than the words' rarity explains.

    ## What it flags
    Words and short phrases that a small multilingual language model (Gemma 3
    270M, run locally) finds very unlikely in their context: each word's
    surprisal, given the whole paragraph before it and the end of the previous
    paragraph, minus a share of its everyday rarity (from `wordfreq`), so rare
    but correct words are not flagged for being rare. Names, numbers and
    words repeated in the document are discounted further. Adjacent unlikely
    words are reported as one span. Thresholds are calibrated per language on
    clean news prose (models.yaml), for at most one finding per 150 words.

    ## Why it matters
    Machine translation fails in ways no word list anticipates: literal
    renderings of idioms, wrong prepositions, verbs that cannot take their
    object, scrambled word order. Such wording is grammatical enough to pass a
    spell-checker but reads as foreign, and sometimes changes the meaning.

    ## Example
    "Its high intensity offensive continues by attacking the entire shameless
    territory." -- *shameless* cannot qualify *territory*; the source meant
    "shamelessly attacking the entire territory".

    ## Fix
    Reread the span against the source and rewrite it idiomatically. When one
    rewrite is clearly more likely (the fix of a calque from the rule lexicons
    that the wording nearly matches, a dropped word, two words swapped, another
    preposition, or the model's own continuation), it is offered as the
    suggestion. The model is a hint, not a judge: it can flag correct but
    unusual prose, and its confidence says how far past the threshold it was.
    """

    id = "LM-fluency"
    category = "fluency"
    # The model says a span is improbable, not that it is wrong: an editor reads
    # it as a pointer, below what a rule asserts (and a rule's finding on the
    # same span replaces it, see pipeline._drop_explained_model_findings).
    severity = Severity.INFO
    detector = "lm"

    role = "lm"

    # -- resources ----------------------------------------------------------------------
    def _engine(self, ctx: CheckContext):
        from checker.models import ModelUnavailable

        if ctx.options.get("no_lm"):
            raise ModelUnavailable("LM-fluency skipped: the language-model detector is off (--no-lm)")

        def build():
            import importlib.util

            from checker.models.prepare import can_prepare, model_folder
            from checker.models.registry import get_spec
            from checker.models.scoring import scorer_for

            spec = get_spec(self.role)
            if importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None:
                raise ModelUnavailable("LM-fluency skipped: torch and transformers are not installed "
                                       "(pip install 'mtcheck[lm]')")
            prepare = bool(ctx.options.get("lm_prepare", True))
            if model_folder(spec) is None and not (prepare and can_prepare(spec)):
                raise ModelUnavailable(
                    f"LM-fluency skipped: the language model is not available ({spec.source}: "
                    f"{spec.location} is not installed or not prepared); "
                    f"run 'mtcheck models prepare {self.role}'")
            return spec, scorer_for(self.role, prepare_if_needed=prepare,
                                    use_cache=not ctx.options.get("lm_no_cache"))

        return ctx.resource(f"lm-engine:{self.role}", build)

    def lexicon_index(self, ctx: CheckContext, language: str) -> LexiconIndex | None:
        """The rule lexicons' entries for text in ``language``, indexed once per run."""
        if not language or ctx.options.get("lm_no_lexicon"):
            return None

        def build():
            from checker.detectors.calque import load_lexicon
            from checker.rules import RuleDataError

            try:
                lexicon = load_lexicon(ctx)
            except RuleDataError:  # the rules report it; the model's findings stand without
                return None
            return LexiconIndex(lexicon.by_target.get(language, ()), language)

        return ctx.resource(f"lm-lexicon-index:{language}", build)

    # -- the check ----------------------------------------------------------------------
    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        from checker.models import ModelError, ModelUnavailable

        try:
            spec, scorer = self._engine(ctx)
        except ModelUnavailable:
            raise
        except ModelError as exc:
            raise ModelUnavailable(f"LM-fluency skipped: {exc}") from None
        found: list[tuple[Finding, Span, list[Word], int, dict, str | None]] = []
        for seg, th, words in self.scored_words(doc, spec, scorer):
            for span in merge_spans(words, th):
                start, end = seg.start + words[span.first].start, seg.start + words[span.last].end
                f = self.finding(
                    doc, start, end,
                    f"unusual wording: the language model finds “{doc.text[start:end]}” very unlikely "
                    f"here ({span.score / math.log(2):.1f} bits beyond what its rarity explains)",
                    confidence=confidence(span.margin))
                found.append((f, span, words, seg.start, th, seg.language))
        found.sort(key=lambda item: -item[1].margin)
        out = []
        for rank, (f, span, words, base, th, lang) in enumerate(found):
            if rank < MAX_SUGGESTION_SPANS and not ctx.options.get("lm_no_suggest"):
                f = self.with_suggestion(doc, f, span, words, base, th, lang or "", scorer,
                                         lexicon=self.lexicon_index(ctx, lang or ""))
            out.append(f)
        return sorted(out, key=lambda f: (f.start, f.end))

    def scored_words(self, doc: Document, spec, scorer, thresholds: dict | None = None):
        """(segment, thresholds, words with scores) for every calibrated-language paragraph."""
        segs = [s for s in doc.segments if s.end > s.start]
        jobs = []
        for k, seg in enumerate(segs):
            th = spec.thresholds_for(seg.language)
            if thresholds is not None and seg.language in thresholds:
                th = {**(th or {}), **thresholds[seg.language]}
            if th is None or not any(c.isalpha() for c in doc.text[seg.start:seg.end]):
                continue
            context = doc.text[segs[k - 1].start:segs[k - 1].end] if k else None
            jobs.append((seg, th, context))
        if not jobs:
            return []
        scores = scorer.score([doc.text[s.start:s.end] for s, _, _ in jobs], [c for _, _, c in jobs])
        counts = _document_counts(doc.text)
        out = []
        for (seg, th, _), ts in zip(jobs, scores):
            text = doc.text[seg.start:seg.end]
            out.append((seg, th, self.word_scores(text, ts, seg.language or "", th, counts, doc, seg.start)))
        return out

    def word_scores(self, text: str, ts, language: str, th: dict, counts: dict, doc: Document,
                    base: int) -> list[Word]:
        from wordfreq import word_frequency

        words = words_of(text)
        assign_tokens(words, ts.starts, ts.ends, ts.surprisal, text)
        sentences = [(s.start - base, s.end - base) for s in doc.sentences
                     if s.end > base and s.start < base + len(text)] or [(0, len(text))]
        k = 0
        prev_sentence = -1
        for w in words:
            while k + 1 < len(sentences) and w.start >= sentences[k][1]:
                k += 1
            w.sentence = k
            before = text[max(0, w.start - 2):w.start].strip()
            w.initial = k != prev_sentence or (before[-1:] in OPENERS if before else False)
            prev_sentence = k
            w.score = 0.0 if _not_prose(text, w) else self.normalise(
                w, language, th, counts, word_frequency)
        return words

    @staticmethod
    def normalise(w: Word, language: str, th: dict, counts: dict, word_frequency) -> float:
        """Surprisal in context minus a share of the word's unigram surprisal, discounted
        for names, numbers and repetitions."""
        if any(c.isdigit() for c in w.text):
            return 0.0
        lower = w.text.lower()
        freq = word_frequency(lower, language) if language else 0.0
        bare = _ELISION.sub("", w.text)  # "d'Iskander" is a name as much as "Iskander"
        if bare != w.text and bare[:1].isupper():
            return 0.0 if word_frequency(bare.lower(), language) == 0.0 else score_name(
                w, bare, language, th, counts, word_frequency)
        if freq == 0.0 and w.text[:1].isupper():
            return 0.0  # a name the word lists do not know: the model cannot judge it either
        unigram = -math.log(max(freq, 1e-8))
        score = w.raw - th.get("rarity_weight", 0.8) * unigram
        capital = w.text[:1].isupper()
        if w.initial:  # a sentence's first word is hard to predict whatever it is
            score *= th.get("initial_discount", 1.0)
        if capital and not w.initial:
            score *= th.get("name_discount", 0.35)
        elif w.text.isupper() and len(w.text) > 1:
            score *= th.get("name_discount", 0.35)
        if counts.get(lower, 0) > 1 or (capital and counts.get(w.text, 0) > 1):
            score *= th.get("repeat_discount", 0.5)
        return score

    # -- fix proposals ------------------------------------------------------------------
    def with_suggestion(self, doc: Document, f: Finding, span: Span, words: list[Word], base: int,
                        th: dict, language: str, scorer, lexicon: LexiconIndex | None = None) -> Finding:
        """Offer the best candidate rewrite if the model clearly prefers it to the text.

        Candidates are compared by the model's log-probability of their sentence: the
        text from a few words before the span to the sentence's end, with the text before
        it as context. The words before the window are the same under every edit, so
        their log-probability cancels out of the comparison; the words after the span
        stay in it, so an edit must fit what follows (a deletion that only shortens the
        window is not rewarded, and an entry's conditions on the following words count).
        """
        from checker.models.scoring import ScoreCache, Scorer

        try:
            lexicon_edits = self.lexicon_candidates(doc, span, words, base, lexicon)
        except Exception:  # noqa: BLE001 - a failed proposal must not lose the finding
            lexicon_edits = []
        sent = words[span.first].sentence
        lo = span.first
        while lo > 0 and words[lo - 1].sentence == sent and span.first - lo < 3:
            lo -= 1
        hi = span.last
        for a, b, _, _ in lexicon_edits:  # an entry's match may start before the window
            while lo > 0 and words[lo - 1].sentence == sent and base + words[lo].start > a:
                lo -= 1
        while hi + 1 < len(words) and words[hi + 1].sentence == sent:
            hi += 1  # to the end of the sentence
        w_start = base + words[lo].start
        w_end = base + words[hi].end
        s = doc.sentence_at(w_start)
        if s is not None:  # and its final punctuation
            w_end = max(w_end, len(doc.text[:s.end].rstrip()))
        context = doc.text[max(base - 200, 0):w_start] or None
        window = doc.text[w_start:w_end]
        margin = th.get("suggest_margin", 3.0)
        key = None
        if scorer.cache is not None:
            key = ScoreCache.key("suggest", SUGGEST_VERSION, json.dumps(PENALTY), scorer.settings, scorer.checksum, str(margin),
                                 lexicon.digest if lexicon is not None else "",
                                 context or "", window, f"{f.start - w_start}:{f.end - w_start}")
            cached = scorer.cache.get(key)
            if cached is not None:
                return self._apply(doc, f, json.loads(cached))
        best = None
        try:
            cands = self.candidates(doc, f, span, words, base, language, scorer, lexicon_edits=lexicon_edits)
            cands = [c for c in cands if w_start <= c[0] <= c[1] <= w_end]
            lex = [c for c in cands if c[3] == "lexicon"][:MAX_LEXICON_CANDIDATES]
            cands = lex + [c for c in cands if c[3] != "lexicon"][:MAX_CANDIDATES]
            if cands:
                local = Scorer(scorer.model, scorer.tokenizer, checksum=scorer.checksum,
                               cache=scorer.cache, context_tokens=12, window_tokens=128,
                               batch_tokens=scorer.batch_tokens, vocab_chunk=scorer.vocab_chunk)
                texts = [window] + [window[:a - w_start] + r + window[b - w_start:] for a, b, r, _ in cands]
                lps = local.logprob(texts, [context] * len(texts))
                gains = [(lp - lps[0] - PENALTY.get(kind, 0.0), i)
                         for i, (lp, (_, _, _, kind)) in enumerate(zip(lps[1:], cands))]
                gain, i = max(gains)
                if gain >= margin:
                    a, b, r, kind = cands[i]
                    best = {"start": a, "end": b, "replacement": r, "gain": gain, "kind": kind}
        except Exception as exc:  # noqa: BLE001 - a failed proposal must not lose the finding
            from checker.models import ModelUnavailable

            if isinstance(exc, ModelUnavailable):
                raise
            best = None
        if key is not None:
            scorer.cache.put_many({key: json.dumps(best).encode()})
        return self._apply(doc, f, best)

    def _apply(self, doc: Document, f: Finding, best: dict | None) -> Finding:
        from dataclasses import replace

        if not best:
            return f
        start, end = min(f.start, best["start"]), max(f.end, best["end"])
        new = doc.text[start:best["start"]] + best["replacement"] + doc.text[best["end"]:end]
        if new == doc.text[start:end]:
            return f
        return replace(f, start=start, end=end, text=doc.text[start:end], suggestion=new)

    def candidates(self, doc: Document, f: Finding, span: Span, words: list[Word], base: int,
                   language: str, scorer, lexicon: LexiconIndex | None = None,
                   lexicon_edits: list[tuple[int, int, str, str]] | None = None,
                   ) -> list[tuple[int, int, str, str]]:
        """(start, end, replacement, kind) edits of the document text around a span, best bets
        first: the fixes of lexicon entries the text nearly matches (``lexicon_edits``, or
        looked up in ``lexicon``), other prepositions, the model's own words, a dropped
        word, two words swapped."""
        if lexicon_edits is None:
            lexicon_edits = self.lexicon_candidates(doc, span, words, base, lexicon)
        model_c, delete_c, swap_c, prep_c = [], [], [], []
        ws = words[span.first:span.last + 1]
        lo, hi = max(0, span.first - 1), min(len(words) - 1, span.last + 1)
        near = [w for w in words[lo:hi + 1] if w.sentence == ws[0].sentence]
        t = doc.text
        # the model's own likely words at the start of the span
        from wordfreq import word_frequency

        function_word = word_frequency(ws[0].text.lower(), language) >= 1e-3
        name = ws[0].text[:1].isupper()  # never swap a name for the model's favourite name
        for word in [] if name else self.continuations(t[max(0, base + ws[0].start - 400):base + ws[0].start], scorer, k=4):
            # a content word is replaced by a content word, not by "the" or "but"
            if word.lower() != ws[0].text.lower() and (
                    function_word or word_frequency(word.lower(), language) < 1e-3):
                model_c.append((base + ws[0].start, base + ws[0].end, word, "model"))
        # delete one word: the edit covers the word before it, so the span stays on word bounds
        if len(ws) <= 3:
            for k in range(span.first, span.last + 1):
                if k > 0 and words[k - 1].sentence == words[k].sentence:
                    prev, w = words[k - 1], words[k]
                    if w.text[:1].isupper():
                        continue  # a name is checked, not dropped
                    if t[base + prev.end:base + w.start].strip() == "":
                        delete_c.append((base + prev.start, base + w.end, prev.text, "delete"))
        # swap two adjacent words
        for x, y in zip(near, near[1:]):
            between = t[base + x.end:base + y.start]
            if between.strip() == "":
                swap_c.append((base + x.start, base + y.end, y.text + between + x.text, "swap"))
        # another preposition
        preps = PREPOSITIONS.get(language, ())
        for w in near:
            if w.text.lower() in preps:
                for p in preps:
                    if p != w.text.lower():
                        rep = p.capitalize() if w.text[:1].isupper() else p
                        prep_c.append((base + w.start, base + w.end, rep, "preposition"))
        out, seen = [], set()
        for c in lexicon_edits + prep_c[:6] + model_c + delete_c[:2] + swap_c[:2]:
            if c[:3] not in seen:
                seen.add(c[:3])
                out.append(c)
        return out

    @staticmethod
    def lexicon_candidates(doc: Document, span: Span, words: list[Word], base: int,
                           lexicon: LexiconIndex | None) -> list[tuple[int, int, str, str]]:
        """The fixes of the lexicon entries the span's sentence nearly matches around the
        span, as (start, end, replacement, "lexicon") edits, fewest changes first."""
        if lexicon is None:
            return []
        sent = words[span.first].sentence
        idx = [k for k, w in enumerate(words) if w.sentence == sent]
        offsets = [(base + words[k].start, base + words[k].end) for k in idx]
        s = doc.sentence_at(offsets[0][0])
        end = max(s.end, offsets[-1][1]) if s is not None else offsets[-1][1]
        near = lexicon.near(doc.text, offsets, span.first - idx[0], span.last - idx[0], end=end,
                            limit=MAX_LEXICON_CANDIDATES)
        return [(e.start, e.end, e.replacement, "lexicon") for e in near]

    @staticmethod
    def continuations(prefix: str, scorer, k: int = 6) -> list[str]:
        """Whole words the model predicts next after ``prefix`` (one forward pass)."""
        import torch

        if not prefix.strip():
            return []
        tok, model = scorer.tokenizer, scorer.model
        ids = tok(prefix.rstrip(" "), add_special_tokens=False)["input_ids"][-64:]
        bos = tok.bos_token_id
        ids = ([bos] if bos is not None else []) + list(ids)
        with torch.inference_mode():
            hidden = scorer._body()(input_ids=torch.tensor([ids]), use_cache=False).last_hidden_state[0, -1]
            W = model.get_output_embeddings().weight
            logits = W @ hidden.to(W.dtype)
            top = torch.topk(logits.float(), 40).indices.tolist()
        words = []
        for t_id in top:
            piece = tok.convert_ids_to_tokens(t_id)
            if not isinstance(piece, str) or not piece.startswith("▁"):
                continue
            word = piece[1:]
            if WORD.fullmatch(word) and len(word) > 1 or word.lower() in ("a", "à", "y"):
                words.append(word)
            if len(words) >= k:
                break
        return words


_ELISION = re.compile(r"^(?:[dlnjmstc]|qu|jusqu|lorsqu|puisqu)['’]", re.I)


def score_name(w, bare: str, language: str, th: dict, counts: dict, word_frequency) -> float:
    """An elided name scored as the name itself, capitalised inside a sentence."""
    from dataclasses import replace

    return LanguageModelFluency.normalise(replace(w, text=bare, initial=False), language, th,
                                          counts, word_frequency)


def _not_prose(text: str, w) -> bool:
    """A word inside a URL, an e-mail address, a hashtag or a handle: not sentence text."""
    left = text.rfind(" ", 0, w.start) + 1
    right = text.find(" ", w.end)
    chunk = text[left:right if right >= 0 else len(text)]
    return "://" in chunk or "=" in chunk or chunk[:1] in "#@" or "@" in chunk or "_" in chunk


def _document_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in WORD.finditer(text):
        w = m.group()
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
        if w[:1].isupper():
            counts[w] = counts.get(w, 0) + 1
    return counts
