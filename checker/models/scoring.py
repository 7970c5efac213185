"""Token surprisal of whole paragraphs, fast, with a disk cache.

Every token of a paragraph is scored in context: the tail of the preceding
paragraph comes first, so a paragraph's first words are not judged from
nothing; a paragraph longer than the window is scored in overlapping windows,
each carrying the previous tokens as context.

Speed: nearly all the cost is matmul -- the transformer body and, above all,
the output layer (262k vocabulary x 640, tied to the embeddings). So:

* sequences are sorted by length and batched with little padding;
* only the transformer body runs per batch; its final hidden states at the
  scored positions are gathered from every batch into one matrix ``H``;
* the log-softmax of just the target token is ``h.W[target] - logsumexp(h.W)``:
  the logsumexp is accumulated over vocabulary chunks (``H @ W[chunk].T``),
  never materialising the [tokens x 262k] logits, with the final logit
  soft-capping applied when the config sets it;
* weights in the compute dtype the CPU is fastest in (registry: bf16 when the
  CPU multiplies bf16 natively, else fp32), ``torch.inference_mode``, one
  thread per core.

Results are cached on disk per (paragraph, context, model checksum, settings).
"""
from __future__ import annotations

import hashlib
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

SCORER_VERSION = "1"
NATS_PER_BIT = float(np.log(2.0))


@dataclass(frozen=True)
class TokenScores:
    """The surprisal (nats) of each token of ``text``, at its character offsets."""

    text: str
    starts: np.ndarray  # int32, offsets into text
    ends: np.ndarray  # int32
    surprisal: np.ndarray  # float32, nats: -ln p(token | everything before it)

    def __len__(self) -> int:
        return int(self.surprisal.shape[0])

    @property
    def bits(self) -> np.ndarray:
        return self.surprisal / NATS_PER_BIT

    @property
    def total(self) -> float:
        return float(self.surprisal.sum(dtype=np.float64))

    def to_bytes(self) -> bytes:
        n = len(self)
        return (struct.pack("<I", n) + self.starts.astype("<i4").tobytes()
                + self.ends.astype("<i4").tobytes() + self.surprisal.astype("<f4").tobytes())

    @classmethod
    def from_bytes(cls, text: str, data: bytes) -> "TokenScores":
        (n,) = struct.unpack_from("<I", data)
        arr = np.frombuffer(data, dtype="<i4", count=2 * n, offset=4)
        sur = np.frombuffer(data, dtype="<f4", count=n, offset=4 + 8 * n)
        return cls(text, arr[:n].astype(np.int32), arr[n:].astype(np.int32), sur.astype(np.float32))


class ScoreCache:
    """One sqlite file of blobs keyed by a digest; safe across processes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, data BLOB NOT NULL)")

    @staticmethod
    def key(*parts: str) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def get(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT data FROM blobs WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        keys = list(dict.fromkeys(keys))
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            for key, data in self._db.execute(f"SELECT key, data FROM blobs WHERE key IN ({marks})", part):
                found[key] = data
        return found

    def put_many(self, items: dict[str, bytes]) -> None:
        if not items:
            return
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO blobs (key, data) VALUES (?, ?)", items.items())
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


@dataclass
class _Piece:
    """One sequence to run: [bos] + prefix + targets; the targets are scored."""

    item: int  # which text it belongs to
    first: int  # index of its first target among the text's tokens
    prefix: list[int]
    targets: list[int]

    @property
    def length(self) -> int:
        return 1 + len(self.prefix) + len(self.targets)


class Scorer:
    """Scores texts with a causal LM; loads the model only when the cache misses."""

    def __init__(self, model=None, tokenizer=None, *, loader: Callable[[], tuple] | None = None,
                 checksum: str | None = None, cache: ScoreCache | None = None,
                 context_tokens: int = 96, window_tokens: int = 384, window_overlap: int = 128,
                 batch_tokens: int = 2048, vocab_chunk: int = 32768, row_block: int = 1024):
        if model is None and loader is None:
            raise ValueError("Scorer needs a model or a loader")
        self._model, self._tokenizer, self._loader = model, tokenizer, loader
        self.checksum = checksum or getattr(model, "mtcheck_checksum", None) or "unknown"
        self.cache = cache
        self.context_tokens = context_tokens
        self.window_tokens = max(16, window_tokens)
        self.window_overlap = min(window_overlap, self.window_tokens // 2)
        self.batch_tokens = batch_tokens
        self.vocab_chunk = vocab_chunk
        self.row_block = row_block
        self.stats = {"hits": 0, "misses": 0, "tokens": 0}

    # -- model access -------------------------------------------------------------------
    @property
    def model(self):
        if self._model is None:
            self._model, self._tokenizer = self._loader()
        return self._model

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            self._model, self._tokenizer = self._loader()
        return self._tokenizer

    @property
    def settings(self) -> str:
        return (f"v{SCORER_VERSION};ctx={self.context_tokens};win={self.window_tokens};"
                f"ov={self.window_overlap}")

    # -- public API ---------------------------------------------------------------------
    def score(self, texts: Sequence[str], contexts: Sequence[str | None] | None = None) -> list[TokenScores]:
        """Per-token surprisal of each text, given the text before it (or nothing)."""
        contexts = list(contexts) if contexts is not None else [None] * len(texts)
        if len(contexts) != len(texts):
            raise ValueError("one context per text")
        results: list[TokenScores | None] = [None] * len(texts)
        keys = [ScoreCache.key("scores", self.settings, self.checksum, c or "", t)
                for t, c in zip(texts, contexts)]
        if self.cache is not None:
            found = self.cache.get_many(keys)
            for i, key in enumerate(keys):
                if key in found:
                    results[i] = TokenScores.from_bytes(texts[i], found[key])
        todo = [i for i, r in enumerate(results) if r is None]
        self.stats["hits"] += len(texts) - len(todo)
        self.stats["misses"] += len(todo)
        if todo:
            fresh = self._score_uncached([texts[i] for i in todo], [contexts[i] for i in todo])
            new: dict[str, bytes] = {}
            for i, scores in zip(todo, fresh):
                results[i] = scores
                new[keys[i]] = scores.to_bytes()
            if self.cache is not None:
                self.cache.put_many(new)
        return results  # type: ignore[return-value]

    def logprob(self, texts: Sequence[str], contexts: Sequence[str | None] | None = None) -> list[float]:
        """Total log-probability (nats) of each text given its context."""
        return [-s.total for s in self.score(texts, contexts)]

    def score_naive(self, texts: Sequence[str], contexts: Sequence[str | None] | None = None) -> list[TokenScores]:
        """The reference: the same sequences through the full model and a full log-softmax."""
        import torch

        contexts = list(contexts) if contexts is not None else [None] * len(texts)
        encoded, pieces = self._plan(texts, contexts)
        sur = [np.zeros(len(e[0]), dtype=np.float32) for e in encoded]
        model = self.model
        with torch.inference_mode():
            for batch in self._batches(pieces):
                ids, mask = self._pad(batch)
                logp = torch.log_softmax(model(input_ids=ids, attention_mask=mask).logits.float(), -1)
                for row, piece in enumerate(batch):
                    p0 = 1 + len(piece.prefix)
                    tgt = torch.tensor(piece.targets)
                    vals = -logp[row, p0 - 1:p0 - 1 + len(tgt)].gather(1, tgt[:, None])[:, 0]
                    sur[piece.item][piece.first:piece.first + len(tgt)] = vals.numpy()
        return [TokenScores(t, e[1], e[2], s) for t, e, s in zip(texts, encoded, sur)]

    # -- the fast path ------------------------------------------------------------------
    def _encode(self, text: str) -> tuple[list[int], np.ndarray, np.ndarray]:
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        starts = np.array([a for a, _ in offsets], dtype=np.int32)
        ends = np.array([b for _, b in offsets], dtype=np.int32)
        return list(enc["input_ids"]), starts, ends

    def _plan(self, texts, contexts):
        """Tokenise, and cut every text into sequences no longer than the window."""
        encoded = [self._encode(t) for t in texts]
        pieces: list[_Piece] = []
        room = self.window_tokens - 1
        for item, ((ids, _, _), context) in enumerate(zip(encoded, contexts)):
            prefix: list[int] = []
            if context and self.context_tokens > 0:
                ctx_ids = self.tokenizer(context.rstrip() + "\n", add_special_tokens=False)["input_ids"]
                prefix = list(ctx_ids[-self.context_tokens:])
                allowed = max(0, room - min(len(ids), room // 2))
                prefix = prefix[len(prefix) - allowed:] if allowed < len(prefix) else prefix
            first = 0
            while first < len(ids):
                take = max(1, room - len(prefix))
                targets = ids[first:first + take]
                pieces.append(_Piece(item, first, prefix, targets))
                first += len(targets)
                prefix = ids[max(0, first - self.window_overlap):first]
        return encoded, pieces

    def _batches(self, pieces: list[_Piece]):
        ordered = sorted(pieces, key=lambda p: -p.length)
        batch: list[_Piece] = []
        for piece in ordered:
            width = batch[0].length if batch else piece.length
            if batch and width * (len(batch) + 1) > self.batch_tokens:
                yield batch
                batch = []
            batch.append(piece)
        if batch:
            yield batch

    def _pad(self, batch: list[_Piece]):
        import torch

        bos = self.tokenizer.bos_token_id
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        bos = bos if bos is not None else pad
        width = max(p.length for p in batch)
        ids = torch.full((len(batch), width), pad, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, piece in enumerate(batch):
            seq = [bos] + piece.prefix + piece.targets
            ids[row, :len(seq)] = torch.tensor(seq)
            mask[row, :len(seq)] = 1
        return ids, mask

    def _body(self):
        model = self.model
        body = getattr(model, "model", None)
        return body if body is not None else model.get_decoder()

    def _score_uncached(self, texts, contexts) -> list[TokenScores]:
        import torch

        encoded, pieces = self._plan(texts, contexts)
        if not pieces:
            return [TokenScores(t, e[1], e[2], np.zeros(0, np.float32)) for t, e in zip(texts, encoded)]
        body = self._body()
        hidden_rows, targets, places = [], [], []
        with torch.inference_mode():
            for batch in self._batches(pieces):
                ids, mask = self._pad(batch)
                hidden = body(input_ids=ids, attention_mask=mask, use_cache=False).last_hidden_state
                for row, piece in enumerate(batch):
                    p0 = len(piece.prefix)  # the hidden state at p0 predicts the first target
                    hidden_rows.append(hidden[row, p0:p0 + len(piece.targets)])
                    targets.extend(piece.targets)
                    places.append((piece.item, piece.first, len(piece.targets)))
            H = torch.cat(hidden_rows)
            surprisal = self.target_surprisal(H, torch.tensor(targets, dtype=torch.long)).numpy()
        self.stats["tokens"] += len(targets)
        sur = [np.zeros(len(e[0]), dtype=np.float32) for e in encoded]
        at = 0
        for item, first, n in places:
            sur[item][first:first + n] = surprisal[at:at + n]
            at += n
        return [TokenScores(t, e[1], e[2], s) for t, e, s in zip(texts, encoded, sur)]

    def target_surprisal(self, H, targets):
        """-log softmax(H W^T)[target], the logsumexp accumulated over vocabulary chunks."""
        import torch

        W = self.model.get_output_embeddings().weight  # [vocab, hidden], tied to the embeddings
        cap = getattr(self.model.config, "final_logit_softcapping", None)
        H = H.to(W.dtype)
        out = torch.empty(H.shape[0], dtype=torch.float32)
        with torch.inference_mode():
            for r in range(0, H.shape[0], self.row_block):
                h = H[r:r + self.row_block]
                lse = torch.full((h.shape[0],), float("-inf"), dtype=torch.float32)
                for c in range(0, W.shape[0], self.vocab_chunk):
                    logits = h @ W[c:c + self.vocab_chunk].T
                    if cap:
                        logits = torch.tanh(logits / cap) * cap
                    lse = torch.logaddexp(lse, torch.logsumexp(logits.float(), dim=-1))
                tgt = (h.float() * W[targets[r:r + self.row_block]].float()).sum(-1)
                if cap:
                    tgt = torch.tanh(tgt / cap) * cap
                out[r:r + h.shape[0]] = lse - tgt
        return out


def scorer_for(role: str = "lm", *, prepare_if_needed: bool = True, use_cache: bool = True) -> Scorer:
    """The configured model's scorer, loading the model only on a cache miss."""
    from checker.models.prepare import load
    from checker.models.registry import cache_dir, get_spec

    spec = get_spec(role)
    s = spec.settings
    cache = ScoreCache(cache_dir() / "scores.sqlite") if use_cache else None
    return Scorer(loader=lambda: load(role, prepare_if_needed=prepare_if_needed),
                  checksum=spec.checksum, cache=cache,
                  context_tokens=int(s.get("context_tokens", 96)),
                  window_tokens=int(s.get("window_tokens", 384)),
                  window_overlap=int(s.get("window_overlap", 128)),
                  batch_tokens=int(s.get("batch_tokens", 2048)),
                  vocab_chunk=int(s.get("vocab_chunk", 32768)))
