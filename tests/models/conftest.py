"""A tiny randomly initialised Gemma 3 model and a word-level tokenizer, built here.

The model has the real architecture (sliding and full attention layers, tied
embeddings, scaled input embeddings) at a toy size, so the scorer's fast path
can be checked against the full-logits computation in well under a second.
"""
from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

WORDS = ("the cat sat on mat a dog ran in park and then it was late . , "
         "people who live here say that city council voted budget for new bus lines "
         "water pipes old streets rain fell all night morning shops opened again").split()
VOCAB_SIZE = 1000


def build_tokenizer(words=WORDS):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"<pad>": 0, "<eos>": 1, "<bos>": 2, "<unk>": 3}
    for word in words:
        vocab.setdefault(word, len(vocab))
    tk = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(tokenizer_object=tk, bos_token="<bos>", eos_token="<eos>",
                                   pad_token="<pad>", unk_token="<unk>")


def build_model(softcap: float | None = None, seed: int = 0):
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    torch.manual_seed(seed)
    config = Gemma3TextConfig(
        vocab_size=VOCAB_SIZE, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
        num_attention_heads=2, num_key_value_heads=1, head_dim=16, sliding_window=8,
        layer_types=["sliding_attention", "full_attention"], max_position_embeddings=512,
        pad_token_id=0, eos_token_id=1, bos_token_id=2, final_logit_softcapping=softcap,
        tie_word_embeddings=True, attn_implementation="sdpa")
    model = Gemma3ForCausalLM(config).eval()
    with torch.no_grad():  # larger weights than the init, so tokens differ clearly in likelihood
        model.model.embed_tokens.weight.normal_(0, 1.0)
    return model


@pytest.fixture(scope="session")
def tiny_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-gemma3")
    build_model().save_pretrained(folder)
    build_tokenizer().save_pretrained(folder)
    return folder


@pytest.fixture()
def tiny_config(tmp_path, tiny_folder, monkeypatch) -> Path:
    """models.yaml naming the tiny folder as the lm, and a private cache dir."""
    path = tmp_path / "models.yaml"
    path.write_text(
        "models:\n"
        "  lm:\n"
        f"    path: {tiny_folder}\n"
        "    dtype: float32\n"
        "    compute_dtype: float32\n"
        "    settings: {context_tokens: 4, window_tokens: 16, window_overlap: 6, vocab_chunk: 96}\n"
        "    thresholds:\n"
        "      en: {word: 3.0, pair: 5.0, neighbour: 1.5}\n", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_MODELS", str(path))
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    return path


@pytest.fixture()
def tiny():
    return build_model(), build_tokenizer()
