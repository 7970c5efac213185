"""Language-model scoring speed against the matmul roofline, in one run.

    python bench/bench_lm.py [FILE]      (default: seeds/000_989c41bd5c56a8a9.txt)

Prints (a) the matmul rate, GFLOP/s, of a matmul the size of the output layer
([n_tokens x hidden] x [hidden x vocab]) in bfloat16 and in float32; (b) the
model's FLOPs per scored token (2 x parameters used per token, output layer
included, plus attention); (c) the roofline tokens/s = rate / FLOPs per token;
(d) the scorer's measured tokens/s; (e) their ratio (target >= 0.7); the naive
full-logits baseline; and the speed-up of a second, cached run.

The roofline uses the rate of the dtype the scorer computes in (the registry
picks bfloat16 only where the CPU multiplies it natively; on AVX2-only CPUs
PyTorch emulates bf16 matmul and fp32 is several times faster). The ratio
against the other dtype's rate is printed too.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def matmul_rate(n: int, hidden: int, vocab: int, dtype, reps: int) -> float:
    import torch

    a = torch.randn(n, hidden, dtype=dtype)
    w = torch.randn(vocab, hidden, dtype=dtype)  # stored as the output layer is: [vocab, hidden]
    a @ w[:4096].T  # warm-up
    start = time.perf_counter()
    for _ in range(reps):
        a @ w.T
    seconds = (time.perf_counter() - start) / reps
    return 2 * n * hidden * vocab / seconds / 1e9


def model_flops_per_token(model, pieces) -> tuple[float, dict]:
    """2 x parameters used per token + attention (QK^T and AV over the attended positions)."""
    cfg = model.config
    embed = model.get_input_embeddings().weight
    body_params = sum(p.numel() for n, p in model.named_parameters()
                      if p.data_ptr() != embed.data_ptr() and "norm" not in n)
    head_params = model.get_output_embeddings().weight.numel()
    # Attended positions per scored token, per layer type, from the actual sequences.
    window = getattr(cfg, "sliding_window", None) or 10**9
    full = sliding = count = 0
    for piece in pieces:
        p0 = 1 + len(piece.prefix)
        for pos in range(p0 - 1, p0 - 1 + len(piece.targets)):
            full += pos + 1
            sliding += min(pos + 1, window)
            count += 1
    types = getattr(cfg, "layer_types", None) or ["full_attention"] * cfg.num_hidden_layers
    heads, head_dim = cfg.num_attention_heads, getattr(cfg, "head_dim", cfg.hidden_size // cfg.num_attention_heads)
    attn = sum(4 * heads * head_dim * ((sliding if t == "sliding_attention" else full) / count) for t in types)
    flops = 2 * (body_params + head_params) + attn
    return flops, {"body_params": body_params, "head_params": head_params, "attention_flops": attn,
                   "avg_context": full / count}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(ROOT / "seeds" / "000_989c41bd5c56a8a9.txt"))
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args(argv)

    import torch

    from checker.models.prepare import load, resolve_compute_dtype
    from checker.models.registry import get_spec
    from checker.models.scoring import ScoreCache, Scorer
    from checker.parallel import cpu_count
    from checker.segment import paragraphs

    threads = cpu_count()
    torch.set_num_threads(threads)
    spec = get_spec("lm")
    compute = resolve_compute_dtype(spec)
    t0 = time.perf_counter()
    model, tokenizer = load("lm", prepare_if_needed=True)
    load_s = time.perf_counter() - t0
    text = Path(args.file).read_text(encoding="utf-8")
    paras = [text[a:b] for a, b in paragraphs(text)]
    contexts = [None] + paras[:-1]
    settings = dict(context_tokens=int(spec.settings.get("context_tokens", 96)),
                    window_tokens=int(spec.settings.get("window_tokens", 384)),
                    window_overlap=int(spec.settings.get("window_overlap", 128)),
                    batch_tokens=int(spec.settings.get("batch_tokens", 2048)),
                    vocab_chunk=int(spec.settings.get("vocab_chunk", 32768)))
    scorer = Scorer(model, tokenizer, checksum=spec.checksum, cache=None, **settings)
    encoded, pieces = scorer._plan(paras, contexts)
    n_tokens = sum(len(p.targets) for p in pieces)
    n_run = sum(p.length for p in pieces)
    hidden = model.config.hidden_size
    vocab = model.get_output_embeddings().weight.shape[0]
    print(f"file: {args.file}: {len(paras)} paragraphs, {n_tokens} scored tokens "
          f"({n_run} run incl. BOS and context); threads {threads}; compute dtype {compute}; "
          f"model load {load_s:.1f}s")

    # (a) matmul rates of an output-layer-sized matmul. The machine may be shared, so the
    # compute dtype's rate is measured between the scorer's runs and the best of each is kept.
    rows_slow = min(n_tokens, 256)
    other = "bfloat16" if compute == "float32" else "float32"
    dtypes = {"float32": torch.float32, "bfloat16": torch.bfloat16}
    rate_runs = [matmul_rate(n_tokens, hidden, vocab, dtypes[compute], 1)]
    scorer.score(paras[:2], contexts[:2])  # warm-up (allocator, kernels)
    times = []
    for _ in range(args.reps):
        start = time.perf_counter()
        scorer.score(paras, contexts)
        times.append(time.perf_counter() - start)
        rate_runs.append(matmul_rate(n_tokens, hidden, vocab, dtypes[compute], 1))
    rate = max(rate_runs)
    rates = {compute: rate, other: matmul_rate(rows_slow, hidden, vocab, dtypes[other], 1)}
    print(f"(a) {compute:8s} matmul [{n_tokens} x {hidden}] x [{hidden} x {vocab}]: {rate:.1f} GFLOP/s "
          f"(best of {len(rate_runs)}: {', '.join(f'{r:.1f}' for r in rate_runs)})")
    print(f"(a) {other:8s} matmul [{rows_slow} x {hidden}] x [{hidden} x {vocab}]: {rates[other]:.1f} GFLOP/s")

    # (b) FLOPs per token
    flops, parts = model_flops_per_token(model, pieces)
    print(f"(b) FLOPs per token: {flops / 1e6:.1f} MFLOP (body {parts['body_params'] / 1e6:.1f}M params, "
          f"output layer {parts['head_params'] / 1e6:.1f}M params, attention "
          f"{parts['attention_flops'] / 1e6:.2f} MFLOP at mean context {parts['avg_context']:.0f})")

    # (c) roofline
    roof = rate * 1e9 / flops
    print(f"(c) roofline: {roof:.1f} tokens/s ({compute} rate {rate:.1f} GFLOP/s / {flops / 1e6:.1f} MFLOP)")

    # (d) the scorer
    best = min(times)
    tps = n_tokens / best
    print(f"(d) scorer: {tps:.1f} tokens/s ({n_tokens} scored tokens in {best:.2f}s, best of "
          f"{len(times)}: {', '.join(f'{t:.2f}s' for t in times)}; the {n_run - n_tokens} BOS and "
          f"context tokens it also runs are counted as overhead)")

    # (e) ratio
    print(f"(e) ratio scorer / roofline: {tps / roof:.2f} (target >= 0.70)")
    print(f"    (against the {other} matmul rate's roofline, {rates[other] * 1e9 / flops:.1f} tok/s: "
          f"{tps / (rates[other] * 1e9 / flops):.2f})")

    # naive baseline: same sequences, full logits, full log-softmax (on the first paragraphs)
    k, acc = 0, 0
    while k < len(paras) and acc < 400:
        acc += sum(len(p.targets) for p in pieces if p.item == k)
        k += 1
    sub_tokens = sum(len(p.targets) for p in pieces if p.item < k)
    start = time.perf_counter()
    naive = scorer.score_naive(paras[:k], contexts[:k])
    naive_s = time.perf_counter() - start
    start = time.perf_counter()
    fast = scorer.score(paras[:k], contexts[:k])
    fast_s = time.perf_counter() - start
    print(f"naive baseline (full [tokens x {vocab}] logits + log_softmax, {compute}), first {k} "
          f"paragraphs, {sub_tokens} tokens: {sub_tokens / naive_s:.1f} tokens/s; scorer on the same: "
          f"{sub_tokens / fast_s:.1f} tokens/s ({naive_s / fast_s:.2f}x)")
    diff = max(float(abs(a.surprisal - b.surprisal).max()) for a, b in zip(fast, naive) if len(a))
    print(f"max |fast - naive| surprisal: {diff:.2e} nats")

    # cached second run
    with tempfile.TemporaryDirectory() as tmp:
        cache = ScoreCache(Path(tmp) / "scores.sqlite")
        cold = Scorer(model, tokenizer, checksum=spec.checksum, cache=cache, **settings)
        start = time.perf_counter()
        cold.score(paras, contexts)
        first = time.perf_counter() - start
        warm = Scorer(loader=lambda: (_ for _ in ()).throw(RuntimeError("model needed")),
                      checksum=spec.checksum, cache=ScoreCache(Path(tmp) / "scores.sqlite"), **settings)
        start = time.perf_counter()
        warm.score(paras, contexts)
        second = time.perf_counter() - start
        print(f"cache: first run {first:.2f}s, second run {second * 1000:.1f} ms "
              f"(no model needed), speed-up {first / second:.0f}x")
    return 0 if tps / roof >= 0.7 else 1


if __name__ == "__main__":
    sys.exit(main())
