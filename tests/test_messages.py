"""The command line in Indonesian: every help text, argparse's own words, every message and error."""

from __future__ import annotations

import gettext
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import asean_tip_data as atd
from asean_tip_data._command.arguments import EXAMPLES

SCRIPT = Path(sys.executable).parent / "asean-tip-data"
PACKAGE = Path(atd.__file__).parent  # the installed package: its catalog is the one users get
# English words no Indonesian sentence has: one of them left in what is printed is English left over.
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|this|that|is|are|was|for|by|to|on|at|in|its|or|be|has|have|an|not|every|each|which"
    r"|usage|options|arguments|argument|error|invalid|required|unrecognized|expected|choose|show|help|exit)\b",
    re.IGNORECASE,
)


def _indonesian(*args: str, how: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    if how == "locale":
        env["LANG"] = "id_ID.UTF-8"
    else:
        args = (*args, "--lang", "id") if "--help" not in args else ("--lang", "id", *args)
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, cwd=cwd, check=False)


def _own_words(text: str) -> str:
    """Return what is printed without what is not language: codes, options, paths, values, examples."""
    text = re.sub(r"contoh: .*", " ", text)  # an example is a command, as typed
    text = re.sub(r"\{[^}]*\}", " ", text)  # choices: codes
    text = re.sub(r"'[^']*'|\"[^\"]*\"", " ", text)  # quoted values, names of columns and resources
    text = re.sub(r"(?<!\w)(?:/|\.\./|\./)\S*", " ", text)  # paths
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)  # options
    text = re.sub(
        r"\b(asean-tip-data|datapackage\.json|CITATION\.cff|frictionless|Table Schema|POLRI|ASEANAPOL)\b", " ", text
    )
    return re.sub(
        r"\b(list|show|summary|export|page|validate|cite|path|table|csv|json|jsonl|text|bibtex|cff)\b", " ", text
    )


@pytest.mark.parametrize("how", ["--lang", "locale"])
@pytest.mark.parametrize("command", [None, *EXAMPLES])
def test_every_help_text_is_indonesian(command: str | None, how: str) -> None:
    result = _indonesian(*([command] if command else []), "--help", how=how)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("penggunaan: asean-tip-data")
    assert ENGLISH.findall(_own_words(result.stdout)) == [], result.stdout


def _broken_copy(tmp_path: Path) -> Path:
    copy = atd.export("csv", tmp_path / "copy")
    cases = copy / "resources" / "trafficking_cases.csv"
    cases.write_text(cases.read_text(encoding="utf-8").replace("2023,998,", "2023,many,"), encoding="utf-8")
    return copy


ERRORS: list[tuple[list[str], int]] = [
    (["frobnicate"], 2),
    ([], 2),
    (["show", "meeting"], 2),
    (["show", "meetings", "--format", "xml"], 2),
    (["export", "--format", "csv"], 2),
    (["validate", "nope.json"], 2),
    (["show", "mous", "--datapackage", "nope"], 2),
    (["export", "--format", "sqlite", "--output", "no/such/x.db"], 2),
    (["export", "--format", "csv", "--output", "full"], 2),  # not empty
    (["page", "--output", "..", "--force"], 2),
    (["validate", "BROKEN"], 1),
    (["summary", "--datapackage", "BROKEN"], 1),
    (["show", "trafficking_cases", "--datapackage", "OUTSIDE"], 1),
]


@pytest.mark.parametrize("how", ["--lang", "locale"])
@pytest.mark.parametrize(("args", "code"), ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else str(a))
def test_every_error_is_one_indonesian_line(args: list[str], code: int, how: str, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("mine", encoding="utf-8")
    outside = atd.export("csv", tmp_path / "outside")
    (outside / "resources" / "trafficking_cases.csv").unlink()
    (outside / "resources" / "trafficking_cases.csv").symlink_to(tmp_path / "full" / "mine.txt")
    replace = {"BROKEN": str(_broken_copy(tmp_path)), "OUTSIDE": str(outside)}
    result = _indonesian(*[replace.get(a, a) for a in args], how=how, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert result.stderr.startswith("asean-tip-data: galat: ") or result.stderr.startswith(
        ("asean-tip-data: data tidak sah: ", f"{replace['BROKEN']}/datapackage.json: TIDAK SAH")
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert ENGLISH.findall(_own_words(result.stderr)) == [], result.stderr


def test_the_catalog_is_current_and_complete(script: Callable[[str], ModuleType]) -> None:
    # A freshness check by design: the compiled catalog is compared with what its own script builds. What the
    # translations say is asserted apart from the script: the Indonesian lines above, the placeholders below.
    build = script("build_catalog")
    built = build.catalog(PACKAGE)
    assert build.untranslated(built) == []
    po, mo = build.files(PACKAGE)
    with open(mo, "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for message in built:
        if message.id and not isinstance(message.id, tuple):
            assert translations.gettext(message.id) == message.string, message.id
    assert po.is_file()


def test_placeholders_are_kept_in_every_translation(script: Callable[[str], ModuleType]) -> None:
    for message in script("build_catalog").catalog(PACKAGE):
        if message.id and not isinstance(message.id, tuple):
            wanted = sorted(re.findall(r"\{[a-z_]+[^}]*\}|%\(\w+\)[sr]|%[sr]", message.id))
            # Every one, {detail} too: a library's reason is said in Indonesian or kept, labelled, never dropped.
            found = sorted(re.findall(r"\{[a-z_]+[^}]*\}|%\(\w+\)[sr]|%[sr]", message.string))
            assert found == wanted, message.id


def test_the_catalog_is_a_real_gettext_catalog(need: Callable[[object, str, str], None]) -> None:
    po = PACKAGE / "_words" / "locale" / "id" / "LC_MESSAGES" / "asean_tip_data.po"
    # GNU gettext's own check: the header, every format string against its msgid, the plural forms.
    msgfmt = shutil.which("msgfmt")
    need(msgfmt, "GNU gettext's msgfmt", "apt-get install gettext, or bash .ci/run setup")
    checked = subprocess.run([str(msgfmt), "--check", "-o", os.devnull, str(po)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    # The header as gettext reads it from the compiled catalog: the language is what the messages' numbers follow.
    with open(po.with_suffix(".mo"), "rb") as compiled:
        headers = gettext.GNUTranslations(compiled).info()
    assert headers["project-id-version"] == f"asean-tip-data {atd.__version__}"
    assert (headers["language"], headers["plural-forms"]) == ("id", "nplurals=1; plural=0;")
    assert headers["content-type"] == "text/plain; charset=utf-8" and "generated-by" not in headers
    assert headers["language-team"].startswith("Indonesian <https://") and "FULL NAME" not in headers["last-translator"]


def test_help_still_imports_no_pydantic() -> None:
    code = "import sys\nfrom asean_tip_data.cli import main\n"
    code += "try:\n    main(['--lang', 'id', '--help'])\nexcept SystemExit:\n    pass\n"
    code += "print(json.dumps('pydantic' in sys.modules))"
    out = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) is False


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "frobnicated beyond repair"),
        ("id", "rincian dari pustaka, dalam bahasa Inggris: “frobnicated beyond repair”"),
    ],
)
def test_a_library_reason_we_have_no_words_for_is_kept_and_marked_as_the_library_s(lang: str, said: str) -> None:
    # Every error the term-base test provokes has Indonesian words of ours; this is the path left.
    code = (
        "from asean_tip_data._words.messages import detail, speak\n"
        f"speak({lang!r})\nprint(detail(ValueError('frobnicated beyond repair')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == said + "\n"
