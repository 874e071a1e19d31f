"""Which files are checked together: counterparts by configured patterns or by convention
(``NAME.ar.EXT`` <-> ``NAME.en.EXT``, ``ar/PATH`` <-> ``en/PATH``), and single-file formats."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lintr.config.settings import Settings
from lintr.readers import InputError, Reader, not_a_file

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass
class Job:
    """One unit of input: a single-file format, or a source file with its target file."""

    reader: Reader
    paths: list[str]
    settings: Settings
    # Languages known from the file names (NAME.ar.txt), source first.
    langs: tuple[str | None, str | None] = (None, None)
    # False when nothing said which file is the source (the engine then decides).
    sides_known: bool = True


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def plan(
    paths: Iterable[str],
    settings_for: Callable[[str], Settings],
    readers: dict[str, Reader],
    lang_codes: Iterable[str],
) -> Plan:
    out = Plan()
    seen: set[tuple[str, ...]] = set()
    planner = _Planner(settings_for, readers, sorted(lang_codes), out, seen)
    for path in paths:
        if not path:
            out.errors.append(InputError(path, "empty path: expected a file or a folder"))
        elif os.path.isdir(path):
            for file in _walk(path, out.errors):
                planner.add(file, explicit=False)
        elif not os.path.exists(path):
            problem = "no such file or directory"
            if os.path.islink(path):
                problem = "a symbolic link to nothing (or a loop of links)"
            out.errors.append(InputError(path, problem))
        else:
            planner.add(path, explicit=True)
    return out


def file_problem(path: str) -> InputError | None:
    """Why ``path`` cannot be read as one file of a pair (missing, empty, a folder, a pipe,
    a device), None if it can be tried."""
    if not path:
        return InputError(path, "empty path: expected a file")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return InputError(path, "no such file")
    except OSError as exc:
        return InputError(path, f"cannot read: {exc.strerror or exc}")
    return not_a_file(path, mode)


def configured_paths(settings: Settings) -> list[str]:
    """Source files matching the configured pair patterns (used when no PATH is given)."""
    found: list[str] = []
    for pattern in settings.pairs:
        for match in sorted(settings.root.glob(pattern.source_glob())):
            if match.is_file():
                found.append(os.path.relpath(match))
    return found


def _walk(folder: str, errors: list[InputError]) -> Iterable[str]:
    """The files under ``folder``, sorted; a subfolder that cannot be listed is an error,
    not a silent gap. Links to folders are not followed (no loops)."""

    def unlisted(exc: OSError) -> None:
        where = exc.filename or folder
        errors.append(InputError(where, f"cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=unlisted):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


@dataclass
class _Planner:
    settings_for: Callable[[str], Settings]
    readers: dict[str, Reader]
    lang_codes: list[str]
    out: Plan
    seen: set[tuple[str, ...]]

    def add(self, path: str, explicit: bool) -> None:
        if not os.path.exists(path):  # a dangling link or a loop of links, met walking
            key = ("missing", os.path.abspath(path))
            if key not in self.seen:
                self.seen.add(key)
                problem = "a symbolic link to nothing, or a loop of links"
                self.out.errors.append(InputError(path, problem))
            return
        settings = self.settings_for(path)
        pair = self._counterpart(path, settings)
        if pair is not None:
            source, target, langs, known = pair
            missing = target if source == path else source
            if not os.path.exists(missing):
                key = ("missing", os.path.abspath(missing))
                if key not in self.seen:
                    self.seen.add(key)
                    why = f"missing counterpart: expected {missing}"
                    if os.path.islink(missing):
                        why += " (it is a symbolic link to nothing, or a loop of links)"
                    self.out.errors.append(InputError(path, why))
                return
            self._job(self.readers["text-pair"], [source, target], settings, langs, known)
            return
        for reader in self.readers.values():
            try:
                found = reader.single_file and reader.sniff(path)
            except InputError as err:
                self.out.errors.append(err)
                return
            if found:
                self._job(reader, [path], settings, (None, None))
                return
        if explicit:
            codes = settings_langs(settings, self.lang_codes)
            a, b = codes[0], codes[1] if len(codes) > 1 else codes[0]
            self.out.errors.append(
                InputError(
                    path,
                    f"cannot find this file's counterpart: name the pair NAME.{a}.EXT and "
                    f"NAME.{b}.EXT, put them under {a}/ and {b}/, or configure `pairs`",
                )
            )

    def _job(self, reader, paths, settings, langs, known=True) -> None:
        key = tuple(os.path.abspath(p) for p in paths)
        if key not in self.seen:
            self.seen.add(key)
            self.out.jobs.append(Job(reader, paths, settings, langs, known))

    def _counterpart(self, path: str, settings: Settings):
        rel = settings.relative(path)
        for pattern in settings.pairs:
            found = pattern.counterpart(rel)
            if found:
                source, target = (os.path.relpath(settings.root / p) for p in found)
                return source, target, (settings.source_lang, settings.target_lang), True
        return convention_counterpart(path, settings_langs(settings, self.lang_codes), settings)


def settings_langs(settings: Settings, registered: list[str]) -> list[str]:
    """The language codes file names may carry: the configured pair first, then the rest."""
    configured = [c for c in (settings.source_lang, settings.target_lang) if c]
    return configured + [c for c in registered if c not in configured]


def convention_counterpart(path: str, codes: list[str], settings: Settings):
    """(source, target, (source_lang, target_lang), sides_known) by convention, or None."""
    p = Path(path)
    parts = p.name.split(".")
    candidates: list[tuple[str, str, str]] = []  # (lang of path, other lang, other path)
    if len(parts) >= 3 and parts[-2] in codes:
        lang = parts[-2]
        for other in codes:
            if other != lang:
                name = ".".join([*parts[:-2], other, parts[-1]])
                candidates.append((lang, other, str(p.with_name(name))))
    else:
        dirs = p.parts[:-1]
        for i in range(len(dirs) - 1, -1, -1):
            if dirs[i] in codes:
                lang = dirs[i]
                for other in codes:
                    if other != lang:
                        candidates.append(
                            (lang, other, str(Path(*dirs[:i], other, *p.parts[i + 1 :])))
                        )
                break
    if not candidates:
        return None
    # Prefer the configured pair, then a counterpart that exists.
    lang, other, other_path = next((c for c in candidates if os.path.exists(c[2])), candidates[0])
    if settings.source_lang == other or settings.target_lang == lang:
        return other_path, path, (other, lang), True
    if settings.source_lang == lang or settings.target_lang == other:
        return path, other_path, (lang, other), True
    # Unconfigured: keep a stable order; the engine decides which side is the source.
    first, second = sorted([(lang, path), (other, other_path)])
    return first[1], second[1], (first[0], second[0]), False
