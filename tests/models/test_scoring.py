"""The fast scorer against the full-logits computation, on a tiny Gemma 3 model."""
from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from checker.models.scoring import ScoreCache, Scorer, TokenScores  # noqa: E402
from tests.models.conftest import build_model, build_tokenizer  # noqa: E402

PARAS = [
    "the cat sat on the mat .",
    "people who live here say that the city council voted the budget for new bus lines",
    "rain fell all night",
]


def manual(model, tok, ids: list[int]) -> np.ndarray:
    """-log softmax of every token after BOS, from the model's own full logits."""
    seq = torch.tensor([[tok.bos_token_id] + ids])
    with torch.inference_mode():
        logp = torch.log_softmax(model(input_ids=seq).logits.float()[0], -1)
    return -logp[torch.arange(len(ids)), torch.tensor(ids)].numpy()


def ids_of(tok, text):
    return tok(text, add_special_tokens=False)["input_ids"]


def make(model, tok, **kw):
    kw = {"vocab_chunk": 96, "context_tokens": 4, "window_tokens": 64, "window_overlap": 6,
          "row_block": 5, **kw}
    return Scorer(model, tok, checksum="tiny", **kw)


def test_chunked_log_softmax_equals_full_logits(tiny):
    model, tok = tiny
    scores = make(model, tok).score(PARAS)
    for text, s in zip(PARAS, scores):
        expected = manual(model, tok, ids_of(tok, text))
        assert len(s) == len(expected) == len(text.split())
        np.testing.assert_allclose(s.surprisal, expected, atol=2e-4)
    # the tokens do differ in likelihood: the check is not comparing constants
    assert scores[1].surprisal.std() > 0.5


def test_final_logit_softcapping_is_applied():
    tok = build_tokenizer()
    model = build_model(softcap=2.0)
    text = PARAS[1]
    got = make(model, tok).score([text])[0].surprisal
    np.testing.assert_allclose(got, manual(model, tok, ids_of(tok, text)), atol=2e-4)
    model.config.final_logit_softcapping = None  # without the cap the values are different
    uncapped = make(model, tok).score([text])[0].surprisal
    assert np.abs(uncapped - got).max() > 0.1


def test_offsets_point_at_the_tokens(tiny):
    model, tok = tiny
    s = make(model, tok).score([PARAS[0]])[0]
    assert [PARAS[0][a:b] for a, b in zip(s.starts, s.ends)] == PARAS[0].split()


def test_batching_and_padding_do_not_change_scores(tiny):
    model, tok = tiny
    together = make(model, tok, batch_tokens=64).score(PARAS)
    alone = [make(model, tok).score([p])[0] for p in PARAS]
    for a, b in zip(together, alone):
        np.testing.assert_allclose(a.surprisal, b.surprisal, atol=2e-4)


def test_first_tokens_are_scored_with_the_previous_paragraph(tiny):
    model, tok = tiny
    ctx, para = PARAS[0], PARAS[2]
    got = make(model, tok, context_tokens=4).score([para], [ctx])[0].surprisal
    prefix = ids_of(tok, ctx + "\n")[-4:]
    expected = manual(model, tok, prefix + ids_of(tok, para))[len(prefix):]
    np.testing.assert_allclose(got, expected, atol=2e-4)
    alone = make(model, tok).score([para])[0].surprisal
    assert abs(alone[0] - got[0]) > 1e-3  # the context changed the first token's score


def test_long_paragraph_uses_overlapping_windows(tiny):
    model, tok = tiny
    text = " ".join(PARAS)  # 27 tokens: windows of at most 12 scored tokens
    ids = ids_of(tok, text)
    scorer = make(model, tok, window_tokens=16, window_overlap=6)
    _, pieces = scorer._plan([text], [None])
    assert [(p.first, len(p.prefix), len(p.targets)) for p in pieces] == [(0, 0, 15), (15, 6, 9), (24, 6, 3)]
    got = scorer.score([text])[0].surprisal
    assert len(got) == len(ids) == 27
    # window 1 scores ids[0:15] from BOS; window 2 ids[15:24] after ids[9:15]; window 3 the rest
    np.testing.assert_allclose(got[:15], manual(model, tok, ids[:15]), atol=2e-4)
    np.testing.assert_allclose(got[15:24], manual(model, tok, ids[9:24])[6:], atol=2e-4)
    np.testing.assert_allclose(got[24:], manual(model, tok, ids[18:27])[6:], atol=2e-4)
    # and not what the whole paragraph in one sequence would give (the windows matter)
    assert np.abs(got[15:] - manual(model, tok, ids)[15:]).max() > 1e-3
    np.testing.assert_allclose(scorer.score_naive([text])[0].surprisal, got, atol=2e-4)


def test_cache_serves_unchanged_paragraphs_without_the_model(tiny, tmp_path):
    model, tok = tiny
    cache = ScoreCache(tmp_path / "scores.sqlite")
    first = Scorer(model, tok, checksum="tiny", cache=cache, vocab_chunk=96).score(PARAS, [None, "x", "y"])

    def no_model():
        raise AssertionError("the model was needed")

    again = Scorer(loader=no_model, checksum="tiny", cache=ScoreCache(tmp_path / "scores.sqlite"),
                   vocab_chunk=96)
    second = again.score(PARAS, [None, "x", "y"])
    assert again.stats == {"hits": 3, "misses": 0, "tokens": 0}
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a.surprisal, b.surprisal)
        np.testing.assert_array_equal(a.starts, b.starts)
    # another context, or another model checksum, is another key
    with pytest.raises(AssertionError, match="the model was needed"):
        again.score([PARAS[0]], ["a different context"])
    other = Scorer(loader=no_model, checksum="other", cache=ScoreCache(tmp_path / "scores.sqlite"))
    with pytest.raises(AssertionError):
        other.score([PARAS[0]])


def test_token_scores_round_trip_bytes():
    s = TokenScores("ab cd", np.array([0, 3], np.int32), np.array([2, 5], np.int32),
                    np.array([1.5, 0.25], np.float32))
    back = TokenScores.from_bytes("ab cd", s.to_bytes())
    assert back.starts.tolist() == [0, 3] and back.ends.tolist() == [2, 5]
    assert back.surprisal.tolist() == [1.5, 0.25]
    assert back.total == 1.75
    np.testing.assert_allclose(back.bits, [1.5 / np.log(2), 0.25 / np.log(2)])
