"""Project configuration: ``[tool.mtcheck]`` in pyproject.toml, or mtcheck.yaml.

Found by walking up from the first checked path to the filesystem root,
stopping after a folder that holds ``.git`` (the top of the repository). In
each folder ``mtcheck.yaml`` (or ``.mtcheck.yaml``) wins over a
``pyproject.toml``; a pyproject.toml without a ``[tool.mtcheck]`` table is
passed over. Command-line options override every setting::

    [tool.mtcheck]
    fail-on = "warning"                    # error | warning | info | never
    select = ["TY-", "LG-"]                # rule ids or prefixes to run (default: all)
    ignore = ["CS-lowercase-proper-noun"]  # rule ids or prefixes to skip
    severity = {"TY-" = "info", "LG-mixed-language" = "error"}
    rules = ["house-rules"]                # extra YAML rule folders, relative to this file
    lm = false                             # the language-model detector
    out = "reports"                        # the report folder, relative to this file
    baseline = ".mtcheck-baseline.json"    # accepted findings, relative to this file
    cache = true                           # the per-document result cache
    languages = {"fr/" = "fr", "en/" = "en"}  # expected language per folder

Keys may be written with - or _. A wrong key or value is refused with the
file and the key named (exit code 2), never ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.core import Severity

CONFIG_NAMES = ("mtcheck.yaml", ".mtcheck.yaml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("fail-on", "select", "ignore", "severity", "rules", "lm", "out", "baseline",
        "cache", "languages")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it was read from; None: defaults
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: tuple[Path, ...] = ()
    lm: bool | None = None
    out: Path | None = None
    baseline: Path | None = None
    cache: bool | None = None
    languages: dict[str, str] = field(default_factory=dict)  # folder (absolute, /) -> lang

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None


def find_config(start: str | Path) -> Path | None:
    """The configuration file that governs ``start``, or None."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "mtcheck" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # broken: let load_config say so


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    path = Path(path).resolve()
    if path.name == "pyproject.toml":
        raw = _read_toml(path).get("tool", {}).get("mtcheck", {})
    else:
        import yaml

        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read: {exc}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the configuration must be a table of settings")
    return parse_config(raw, path)


def parse_config(raw: dict[str, Any], path: Path) -> Config:
    root = path.parent
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).replace("_", "-")
        if name not in KEYS:
            raise ConfigError(f"{path}: unknown setting {key!r}; known settings: "
                              f"{', '.join(KEYS)}")
        values[name] = value

    def where(key: str) -> str:
        return f"{path}: {key}"

    config: dict[str, Any] = {"path": path}
    if "fail-on" in values:
        value = values["fail-on"]
        if value not in FAIL_ON:
            raise ConfigError(f"{where('fail-on')}: {value!r} is not one of {', '.join(FAIL_ON)}")
        config["fail_on"] = value
    for key in ("select", "ignore"):
        if key in values:
            config[key] = tuple(_string_list(values[key], where(key)))
    if "severity" in values:
        table = values["severity"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where('severity')}: must be a table of rule id or prefix "
                              f"= severity")
        config["severity"] = {str(rule): _severity(level, where(f"severity.{rule}"))
                              for rule, level in table.items()}
    if "rules" in values:
        config["rules"] = tuple(root / p for p in _string_list(values["rules"], where("rules")))
    for key in ("lm", "cache"):
        if key in values:
            if not isinstance(values[key], bool):
                raise ConfigError(f"{where(key)}: must be true or false, not {values[key]!r}")
            config[key] = values[key]
    for key in ("out", "baseline"):
        if key in values:
            if not isinstance(values[key], str) or not values[key]:
                raise ConfigError(f"{where(key)}: must be a path")
            config[key] = root / values[key]
    if "languages" in values:
        config["languages"] = _languages(values["languages"], root, where("languages"))
    return Config(**config)


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a severity (error, warning, info)") from None


def _languages(table: Any, root: Path, where: str) -> dict[str, str]:
    from checker.language import NEWS_LANGUAGES

    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of folder = language code")
    out = {}
    for folder, lang in table.items():
        if lang not in NEWS_LANGUAGES:
            raise ConfigError(f"{where}.{folder}: {lang!r} is not a language mtcheck "
                              f"identifies ({', '.join(NEWS_LANGUAGES)})")
        out[(root / folder).resolve().as_posix().rstrip("/") + "/"] = lang
    return out


def discover_config(paths: list[str], explicit: str | None = None) -> Config:
    """The configuration for a run over ``paths``; ``explicit`` is --config FILE."""
    if explicit:
        if not Path(explicit).is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        return load_config(Path(explicit))
    if not paths:
        return Config()
    found = find_config(paths[0])
    return load_config(found) if found else Config()


def severity_override(rule: str, table: dict[str, Severity]) -> Severity | None:
    """The configured severity of ``rule``: its id, else its longest matching prefix."""
    if rule in table:
        return table[rule]
    best = max((p for p in table if rule.startswith(p)), key=len, default=None)
    return table[best] if best is not None else None
