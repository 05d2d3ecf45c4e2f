"""Every ```console block of README.md is run, and what kg prints must be what the README shows.

How a block is read and run:

- A block is a fenced code block opened with ```console. A line starting with ``$ `` is a command;
  it must be ``kg ...`` or ``kg ... && kg ...`` (split with shlex; the part after ``&&`` runs only
  when the part before exits 0). Every other line up to the next command is the command's output.
- Each command runs in-process through click's CliRunner with the same argv (``kg`` dropped), and
  must exit 0. Its output is stdout and stderr together, as a user sees them in a terminal
  (progress bars do not show: the output is no terminal).
- Output conventions:
  * a line ``...`` stands for any number of output lines (none included);
  * trailing whitespace is ignored, and so are blank lines at the start and end of an output;
  * a row-count line ``(N rows)`` / ``(1 row)`` must match exactly: ``...`` never stands for it, so
    a listing shortened with ``...`` still says how long it is.
- Each block runs in its own temporary working directory ``TMP/repo``, with ``TMP/shared`` a link to
  the shared folder (so ``../shared/examples/amnesty-report.txt`` works as from a clone beside it)
  and ``TMP/repo/tests`` a link to this repository's tests (so ``tests/data/...`` works). The store
  is the default ``./kg-data``; ``$KG_STORE`` and ``$KG_ENDPOINT`` are unset.
- Commands of one block run in order on one store. A block whose first command is ``kg ingest``
  starts from an empty store; any other block starts from a store holding the example article,
  ingested as the worked example does it (the README's first ``kg ingest`` of
  ``../shared/examples/amnesty-report.txt``, with its options).
- A block that cannot run here (network sources, servers) is marked by the line
  ``<!-- not run: REASON -->`` right before its opening fence, and is left out (not run). Every
  other block must run and match.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import REPO, SHARED

README = REPO / "README.md"
EXAMPLE = "../shared/examples/amnesty-report.txt"

NOT_RUN = re.compile(r"^<!--\s*not run:\s*(?P<reason>.*?)\s*-->$")
ROW_COUNT = re.compile(r"^\(\d+ rows?\)$")
ELLIPSIS = "..."


@dataclass
class Command:
    line: int  # 1-based line number in README.md
    text: str  # the command as written, without "$ "
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    line: int  # line of the opening fence
    commands: list[Command]
    not_run: str | None  # the reason, when marked
    stray: list[tuple[int, str]]  # lines before the first command

    @property
    def id(self) -> str:
        first = self.commands[0].text.split("&&")[0].split()[:3] if self.commands else ["(empty)"]
        return f"L{self.line}-" + "-".join(first)


def parse_readme(text: str) -> list[Block]:
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        start = i + 1
        previous = lines[i - 1].strip() if i > 0 else ""
        marker = NOT_RUN.match(previous)
        commands: list[Command] = []
        stray: list[tuple[int, str]] = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            line = lines[i]
            if line.startswith("$ "):
                commands.append(Command(i + 1, line[2:].strip()))
            elif commands:
                commands[-1].expected.append(line)
            elif line.strip():
                stray.append((i + 1, line))
            i += 1
        if i >= len(lines):
            raise AssertionError(f"README.md:{start}: console block is never closed")
        blocks.append(Block(start, commands, marker.group("reason") if marker else None, stray))
        i += 1
    return blocks


BLOCKS = parse_readme(README.read_text(encoding="utf-8"))


def split_command(text: str) -> list[list[str]]:
    """``kg a b && kg c`` -> ``[["a", "b"], ["c"]]``; anything but kg commands joined by && is refused."""
    tokens = shlex.split(text)
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token == "&&":
            parts.append([])
        elif token in {"|", "||", ";", ">", ">>", "<", "&"}:
            raise AssertionError(f"shell operator {token!r} is not supported in README commands: {text}")
        else:
            parts[-1].append(token)
    for part in parts:
        if not part or part[0] != "kg":
            raise AssertionError(f"not a kg command: {text!r} (only `kg ...` and `kg ... && kg ...` are run)")
    return [part[1:] for part in parts]


def _trim(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line match where an ``...`` line stands for any lines except a row-count line."""
    expected, actual = _trim(expected), _trim(actual)
    # can[i][j]: expected[i:] matches actual[j:]
    n, m = len(expected), len(actual)
    can = [[False] * (m + 1) for _ in range(n + 1)]
    can[n][m] = True
    for i in range(n - 1, -1, -1):
        for j in range(m, -1, -1):
            if expected[i] == ELLIPSIS:
                can[i][j] = can[i + 1][j] or (j < m and not ROW_COUNT.match(actual[j]) and can[i][j + 1])
            else:
                can[i][j] = j < m and expected[i] == actual[j] and can[i + 1][j + 1]
    return can[0][0]


def _worked_example_ingest() -> list[str]:
    for block in BLOCKS:
        for command in block.commands:
            for argv in split_command(command.text):
                if argv[:1] == ["ingest"] and EXAMPLE in argv:
                    return argv
    raise AssertionError(f"README.md has no worked example `kg ingest {EXAMPLE} ...` to take the options from")


def _workdir(root: Path) -> Path:
    """``root/repo`` with ``root/shared`` -> the shared folder and ``root/repo/tests`` -> our tests."""
    if not (SHARED / "examples" / "amnesty-report.txt").is_file():
        pytest.fail(f"the shared example article is missing: {SHARED / 'examples' / 'amnesty-report.txt'}")
    repo = root / "repo"
    repo.mkdir(parents=True)
    (root / "shared").symlink_to(SHARED, target_is_directory=True)
    (repo / "tests").symlink_to(REPO / "tests", target_is_directory=True)
    return repo


def _clean_env(monkeypatch) -> None:
    for name in ("KG_STORE", "KG_ENDPOINT", "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def _invoke(runner: CliRunner, argv: list[str]):
    return runner.invoke(main, argv, prog_name="kg")


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """A ``kg-data`` store holding the example article ingested as the worked example does it."""
    monkeypatch = pytest.MonkeyPatch()
    try:
        _clean_env(monkeypatch)
        repo = _workdir(tmp_path_factory.mktemp("readme-example"))
        monkeypatch.chdir(repo)
        argv = _worked_example_ingest()
        result = _invoke(CliRunner(), argv)
        assert result.exit_code == 0, f"kg {shlex.join(argv)}\n{result.output}"
        return repo / "kg-data"
    finally:
        monkeypatch.undo()


def _report(command: Command, output: str) -> str:
    shown = "\n".join(_trim(command.expected))
    printed = "\n".join(_trim(output.splitlines()))
    return (
        f"README.md:{command.line}: `$ {command.text}` prints what the README does not show"
        f" (`...` = any lines, row counts exact)\n--- README shows ---\n{shown}\n--- kg prints ---\n{printed}\n"
    )


RUN = [block for block in BLOCKS if block.not_run is None]


def test_readme_has_console_blocks():
    assert BLOCKS, "README.md has no ```console blocks"
    assert RUN


def test_blocks_not_run_say_why():
    """A block left out (network sources, servers) names its reason; it is not run, not skipped."""
    for block in BLOCKS:
        assert block.not_run is None or block.not_run.strip(), f"README.md:{block.line}: not run needs a reason"


@pytest.mark.parametrize("block", RUN, ids=[block.id for block in RUN])
def test_console_block(block: Block, tmp_path, monkeypatch, request):
    assert not block.stray, f"README.md:{block.line}: lines before the first `$ kg` command: {block.stray}"
    assert block.commands, f"README.md:{block.line}: console block without a `$ kg ...` command"
    chains = [split_command(command.text) for command in block.commands]

    _clean_env(monkeypatch)
    repo = _workdir(tmp_path)
    monkeypatch.chdir(repo)
    if chains[0][0][:1] != ["ingest"]:
        shutil.copytree(request.getfixturevalue("example_store"), repo / "kg-data", symlinks=True)

    runner = CliRunner()
    for command, chain in zip(block.commands, chains, strict=True):
        output = ""
        for argv in chain:
            result = _invoke(runner, argv)
            output += result.output
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise AssertionError(f"README.md:{command.line}: kg {shlex.join(argv)} raised") from result.exception
            if result.exit_code != 0:
                pytest.fail(
                    f"README.md:{command.line}: kg {shlex.join(argv)} exited {result.exit_code}\n{result.output}",
                    pytrace=False,
                )
        if not matches(command.expected, output.splitlines()):
            pytest.fail(_report(command, output), pytrace=False)


@pytest.mark.parametrize(
    "expected, actual, ok",
    [
        (["a", "...", "(3 rows)"], ["a", "b", "c", "(3 rows)"], True),
        (["a", "...", "(3 rows)"], ["a", "b", "c", "(4 rows)"], False),
        (["a", "..."], ["a", "b", "(2 rows)"], False),  # `...` never hides a row count
        (["a  ", "", "b"], ["", "a", "", "b  ", ""], True),
        (["a", "..."], ["a"], True),
        (["a", "b"], ["a", "c"], False),
    ],
)
def test_matching_conventions(expected, actual, ok):
    assert matches(expected, actual) is ok
