"""The language models mtcheck can use: configuration, preparation, loading.

Nothing here imports torch or transformers at module import time; they are
imported inside the functions that need them, so ``mtcheck --help`` and a
rules-only run never pay for them.

Public API::

    prepare(role, progress=None) -> Path   # GGUF -> transformers folder in the cache, once
    status(role) -> dict                   # configured / installed / prepared / sizes
    load(role) -> (model, tokenizer)       # from the prepared folder, in seconds
    models_status_lines() -> list[str]     # `mtcheck models`
    prepare_command(role) -> int           # `mtcheck models prepare`
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable


class ModelError(Exception):
    """A model problem told to the user in words: str(exc) is the whole message."""


class ModelConfigError(ModelError):
    """models.yaml is missing or wrong."""


class ModelUnavailable(ModelError):
    """The model cannot be used in this run (not installed, not prepared, disabled).

    The pipeline catches it and turns it into one notice for the run.
    """


class ChecksumMismatch(ModelUnavailable):
    """The model file is not the one models.yaml pins; it is refused, not loaded."""


Progress = Callable[[float, str], None]

# Import the submodule now, so that the function below, not the module, is what
# `checker.models.prepare` names (a first import of a submodule rebinds the name).
from checker.models import prepare as _prepare_module  # noqa: E402

del _prepare_module


def prepare(role: str = "lm", progress: Progress | None = None) -> Path:
    from checker.models.prepare import prepare as _prepare

    return _prepare(role, progress)


def status(role: str = "lm") -> dict[str, Any]:
    from checker.models.registry import status as _status

    return _status(role)


def load(role: str = "lm"):
    from checker.models.prepare import load as _load

    return _load(role)


def _size(n: int | None) -> str:
    if not n:
        return "0 B"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def models_status_lines() -> list[str]:
    """`mtcheck models`: one block per configured role."""
    from checker.models.registry import config_path, load_config, status as _status

    try:
        specs = load_config()
    except ModelError as exc:
        return [f"models: {exc}"]
    lines = [f"Model configuration: {config_path()}"]
    for role in specs:
        try:
            info = _status(role)
        except ModelError as exc:
            lines.append(f"{role}: {exc}")
            continue
        lines.append(f"{role}: {info['source']} {info['location']}")
        if info["sha256"]:
            lines.append(f"  sha256:    {info['sha256']}")
        if info["revision"]:
            lines.append(f"  revision:  {info['revision']}")
        installed = info["installed"]
        if installed is None:
            lines.append("  installed: (hub model, fetched by 'mtcheck models prepare')")
        else:
            size = f" ({_size(info.get('source_bytes'))})" if installed else ""
            lines.append(f"  installed: {'yes' if installed else 'no'}{size}")
        if info["prepared"]:
            lines.append(f"  prepared:  yes, {_size(info['prepared_bytes'])} in {info['prepared_dir']}")
        else:
            lines.append(f"  prepared:  no (run 'mtcheck models prepare {role}')")
        if info["languages"]:
            lines.append(f"  calibrated languages: {', '.join(info['languages'])}")
    return lines


def prepare_command(role: str = "lm", stream=None) -> int:
    """`mtcheck models prepare [ROLE]`: a progress bar on stderr; 0 done, 2 failed."""
    import time

    stream = stream or sys.stderr
    start = time.monotonic()
    interactive = hasattr(stream, "isatty") and stream.isatty()
    last = {"text": ""}

    def progress(fraction: float, message: str) -> None:
        width = 30
        filled = int(round(max(0.0, min(1.0, fraction)) * width))
        text = (f"[{'#' * filled}{'-' * (width - filled)}] {fraction * 100:3.0f}% "
                f"{message} ({time.monotonic() - start:.0f}s)")
        if interactive:
            stream.write("\r" + text.ljust(len(last["text"])))
        elif message != last.get("message"):
            stream.write(text + "\n")
        last["text"], last["message"] = text, message
        stream.flush()

    try:
        path = prepare(role, progress)
    except ModelError as exc:
        if interactive and last["text"]:
            stream.write("\n")
        print(f"mtcheck: cannot prepare the {role!r} model: {exc}", file=stream)
        return 2
    except KeyboardInterrupt:
        print("\nmtcheck: interrupted; nothing was left half-written", file=stream)
        return 130
    if interactive:
        stream.write("\n")
    print(f"{role}: ready in {path}", file=stream)
    return 0


__all__ = ["ModelError", "ModelConfigError", "ModelUnavailable", "ChecksumMismatch",
           "prepare", "status", "load", "models_status_lines", "prepare_command"]
