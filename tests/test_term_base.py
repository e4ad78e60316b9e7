"""One voice in Indonesian: every Indonesian text the package can show, held to the term base (term_base.json).

The texts: the descriptor's, every ``*_indonesian`` column, words.json, the gettext catalog, the built
Indonesian pages (every text a reader or a screen reader meets outside an element marked English),
the command line's help, summary, list, show and errors with an Indonesian locale, and ``cite --lang
id`` in every format. Each fails on a form the term base refuses, an English word outside a marked
quotation or a code span, a number grouped the English way ("100,000"), and a long form written
other than once, as the introduction of its short form.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

import asean_tip_data as atd
from asean_tip_data._page.build import build_page
from asean_tip_data._words.texts import words

TERMS: dict[str, Any] = json.loads((Path(__file__).parent / "term_base.json").read_text(encoding="utf-8"))
ENGLISH = frozenset(TERMS["english_words"])
SCRIPT = Path(sys.executable).parent / "asean-tip-data"
PACKAGE = Path(atd.__file__).parent  # the installed package: its catalog and words are what users get
Text = tuple[str, str]  # (where it is shown, the text)


def _marked_out(text: str, kept: Iterable[str] = ()) -> str:
    """Return ``text`` without what may be English or no language: codes, quotations, placeholders, addresses, names."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"“[^”]*”|\"[^\"\n]*\"|'[^'\n]*'", " ", text)  # PUEBI's quotation of a foreign or printed word
    text = re.sub(r"\{[^}]*\}|%\(\w+\)[sdr]|%[sdr]", " ", text)  # a message's placeholders
    text = re.sub(r"https?://\S+|\S+\.(?:json|cff|csv|html|svg|sqlite|parquet|db|py)\b", " ", text)
    text = re.sub(r"asean-tip-data \w+(?: [\w-]+)*", " ", text)  # a command, as typed
    for name in sorted([*TERMS["kept_in_english"], *kept], key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def problems(text: str, kept: Iterable[str] = ()) -> list[str]:
    """Return what the term base finds wrong with one Indonesian text (``kept``: printed values it may hold)."""
    found = []
    plain = _marked_out(text, kept)
    for term in TERMS["terms"]:
        for pattern in term["refused"]:
            if (match := re.search(pattern, plain, re.MULTILINE)) is not None:
                found.append(f"refused {match[0]!r}: write {term['indonesian']!r} ({term['why']})")
        introduction = term.get("introduce")
        if introduction and introduction in text:
            if text.count(introduction) > 1:
                found.append(f"{introduction!r} written {text.count(introduction)} times: once, then the short form")
            if 0 <= text.find(term["indonesian"]) < text.find(introduction):
                found.append(f"{term['indonesian']!r} before its introduction {introduction!r}")
    english = [w for w in re.findall(r"(?<![\w.-])[A-Za-z]+(?![\w-])", plain) if w in ENGLISH]
    if english:
        found.append(f"English words outside a marked quotation: {sorted(set(english))}")
    if numbers := re.findall(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d)", plain):
        found.append(f"numbers grouped the English way: {numbers}")
    return found


def _checked(texts: Iterable[Text], kept: Iterable[str] = ()) -> list[str]:
    names = list(kept)
    return [f"{where}: {problem}: {text[:200]!r}" for where, text in texts for problem in problems(text, names)]


# -- The checks themselves, on the four failures the issue names and on what they must let pass.


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bukti lebih lemah: bukan pada narasi negara dalam laporan.", "refused 'narasi'"),
        ("lebih dari 100,000 baris; tidak dibaca", "numbers grouped the English way: ['100,000']"),
        ("kolom 'end_date': tanggal tidak sah (month must be in 1..12)", "English words outside a marked quotation"),
        ("Perwira Polri yang ditempatkan di KBRI sebagai perwakilan diplomatik.", "refused 'Perwira Polri"),
        ("Kementerian Luar Negeri RI menyebut angka lain", "refused 'Kementerian Luar Negeri'"),
        ("Kemlu RI dan Kementerian Luar Negeri (Kemlu) RI", "'Kemlu RI' before its introduction"),
    ],
)
def test_the_term_base_finds_each_kind_of_fault(text: str, found: str) -> None:
    assert any(problem.startswith(found) for problem in problems(text)), problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "lebih dari 100.000 baris; tidak dibaca",
        "tanggal tidak sah (rincian dari pustaka, dalam bahasa Inggris: “month must be in 1..12”)",
        "Perwakilan diplomatik Indonesia di negara lain; Atase Polri (ATPOL) di Tabel 3 ditempatkan di KBRI.",
        "Pernyataan publik Kementerian Luar Negeri (Kemlu) RI tentang angka itu; Kemlu RI menyebut 798.",
        "misalnya Tabel 3, baris 6 (dalam data: `Table 3, row 6`)",
    ],
)
def test_the_term_base_lets_indonesian_and_marked_english_pass(text: str) -> None:
    assert problems(text) == []


def test_every_term_is_used_in_its_one_form() -> None:
    texts = [text for _, text in [*_descriptor(), *_columns(), *_words(), *_catalog()]]
    unused = [t["indonesian"] for t in TERMS["terms"] if not any(t["indonesian"] in text for text in texts)]
    assert unused == []


# -- Every Indonesian text the package can show.


def _descriptor() -> Iterator[Text]:
    descriptor = json.loads(atd.datapackage_path().read_text(encoding="utf-8"))
    items = [("package", descriptor), *((f"licenses[{i}]", x) for i, x in enumerate(descriptor["licenses"]))]
    items += [(f"contributors[{i}]", x) for i, x in enumerate(descriptor["contributors"])]
    for resource in descriptor["resources"]:
        items += [(resource["name"], resource), *((f"{resource['name']}.licenses", x) for x in resource["licenses"])]
        items += [(f"{resource['name']}.{f['name']}", f) for f in resource["schema"]["fields"]]
    for where, item in items:
        for key in ("title", "description"):
            if f"{key}_translated" in item:
                yield f"datapackage.json {where}.{key}", item[f"{key}_translated"]["id"]
    yield "datapackage.json keywords", "; ".join(descriptor["keywords_translated"]["id"])


def _columns() -> Iterator[Text]:
    for name in atd.resource_names():
        fields = [f["name"] for f in atd.table_schema(name)["fields"] if f["name"].endswith("_indonesian")]
        for number, record in enumerate(atd.load(name), start=2):
            yield from ((f"{name}.csv row {number} {f}", getattr(record, f)) for f in fields if getattr(record, f))


# The link to the English page is English on the Indonesian page, marked so (lang="en").
OTHER_LANGUAGE = {"/page/switch"}


def _words() -> Iterator[Text]:
    def walk(tree: dict[str, Any], where: str) -> Iterator[Text]:
        if set(tree) == {"en", "id"}:
            if where not in OTHER_LANGUAGE:
                yield f"words.json {where}", tree["id"]
            return
        for key, value in tree.items():
            yield from walk(value, f"{where}/{key}")

    yield from walk({k: v for k, v in words().items() if k != "locale"}, "")


def _catalog() -> Iterator[Text]:
    from babel.messages.pofile import read_po

    with open(PACKAGE / "_words" / "locale" / "id" / "LC_MESSAGES" / "asean_tip_data.po", encoding="utf-8") as file:
        for message in read_po(file):
            if message.id:
                for text in message.string if isinstance(message.string, tuple) else (message.string,):
                    yield f"catalog {message.id!r}", str(text)


def _readme() -> Iterator[Text]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bahasa Indonesia", 1)[1].split("\n## ", 1)[0]
    section = re.sub(r"```.*?```", " ", section, flags=re.DOTALL)  # commands, as typed
    # cite --lang id, generated: held to the term base where cite is (test_cite_in_indonesian_...).
    section = re.sub(r"<!-- cite-id:start.*?<!-- cite-id:end -->", " ", section, flags=re.DOTALL)
    for paragraph in section.split("\n\n"):
        if paragraph.strip() and not paragraph.startswith(">"):  # the article's citation, as published
            yield "README.md, Bahasa Indonesia", paragraph


@pytest.mark.parametrize(
    "texts",
    [_descriptor, _columns, _words, _catalog, _readme],
    ids=["descriptor", "columns", "words", "catalog", "readme"],
)
def test_every_indonesian_text_of_the_data_and_the_catalog_holds_to_the_term_base(texts: Any) -> None:
    found = list(texts())
    assert len(found) > (4 if texts is _readme else 20)
    if texts is _catalog:  # the command line's words, without its commands, options and codes
        found = [(where, _said(text)) for where, text in found]
    assert _checked(found) == []


# -- The built Indonesian pages, as a reader and a screen reader meet them.


class _Page(HTMLParser):
    """The text a page in Indonesian says in Indonesian: outside code and every element marked another language.

    A data cell shows the data as it is, codes and names in no language: its code's label is the
    page's text, and so is a cell of Indonesian text or of a place in the article.
    """

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []  # what the page shows
        self.names: list[str] = []  # what it says only to a screen reader or a search engine

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if not self._skipped([(tag, found)]):
            self.names += [found[a] for a in ("aria-label", "title", "alt") if found.get(a)]
            if tag == "meta" and found.get("name") == "description":
                self.names.append(found["content"])
        if tag not in self.VOID:
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._skipped():
            self.texts.append(data)

    def _skipped(self, more: list[tuple[str, dict[str, str]]] = ()) -> bool:  # type: ignore[assignment]
        stack = [*self.stack, *more]
        for i, (tag, found) in enumerate(stack):
            if found.get("lang", "id") != "id" or tag in ("code", "script", "style"):
                return True
            field = found.get("class", "").split(" ")[0].removeprefix("c-") if tag == "td" else ""
            if found.get("class", "").startswith("c-") and not field.endswith(("_indonesian", "article_ref")):
                return not any(t == "span" and x.get("class") == "label" for t, x in stack[i + 1 :])
        return False


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Page]:
    site = build_page(tmp_path_factory.mktemp("terms") / "site")
    read = {}
    for page in sorted([site / "id" / "index.html", *(site / "id" / "tables").glob("*.html")]):
        read[str(page.relative_to(site))] = parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
    return read


def test_every_indonesian_page_holds_to_the_term_base(pages: dict[str, _Page]) -> None:
    assert len(pages) == 1 + len(atd.resource_names())
    found = _checked((page, text) for page, read in pages.items() for text in [*read.texts, *read.names])
    # The ministry's long form once on a page, whatever the texts the page is made of (review 3, I2).
    for page, read in pages.items():
        shown = "\n".join(read.texts)
        for term in TERMS["terms"]:
            if term.get("once_per_page") and shown.count(term["introduce"]) > 1:
                found.append(f"{page}: {term['introduce']!r} written {shown.count(term['introduce'])} times")
    assert found == []


# -- The command line, as an Indonesian reader runs it.


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = "id_ID.UTF-8"
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, cwd=cwd, check=False)


def _said(text: str) -> str:
    """Return what the command line says in words: without its commands, options, codes, paths and values."""
    text = re.sub(r"contoh: .*|penggunaan: .*(?:\n {2,}.*)*", " ", text)  # examples and usage lines: as typed
    text = re.sub(r"\{[^}]*\}", " ", text)  # choices
    text = re.sub(r"(?<![\w-])--?[\w-]+|\b[A-Z]{3,}\b", " ", text)  # options, metavariables, codes
    text = re.sub(r"(?<![\w.])(?:/|\.\./|\./)\S*", " ", text)  # paths
    text = re.sub(rf"\b(?:{'|'.join(atd.resource_names())})\b", " ", text)  # tables, by name
    return re.sub(r"\b(?:list|show|summary|export|page|validate|cite|dcat|path|table|csv|json|jsonl|sqlite|parquet"
                  r"|turtle|json-ld|text|bibtex|cff|zenodo|asean-tip-data|frictionless)\b", " ", text)  # fmt: skip


def test_help_summary_list_and_show_hold_to_the_term_base() -> None:
    from asean_tip_data._command.arguments import EXAMPLES

    said: list[Text] = []
    for command in [None, *EXAMPLES]:
        result = _run(*([command] if command else []), "--help")
        assert result.returncode == 0, result.stderr
        said.append((f"{command or ''} --help", _said(result.stdout)))
    for args in (["summary"], ["list"]):
        result = _run(*args)
        assert result.returncode == 0 and result.stdout.strip()
        said.append((" ".join(args), _said(result.stdout)))
    for name in atd.resource_names():  # each table's title and its columns' titles: the data stays as it is
        result = _run("show", name)
        said.append((f"show {name}", _said("\n".join(result.stdout.splitlines()[:3]))))
    assert _checked(said) == []


def _copy(tmp_path: Path, name: str) -> Path:
    return atd.export("csv", tmp_path / name)


def _edited(tmp_path: Path, name: str, resource: str, old: str, new: str) -> Path:
    copy = _copy(tmp_path, name)
    path = copy / "resources" / f"{resource}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def _broken_copies(tmp_path: Path) -> dict[str, Path]:
    """Return a copy broken in each way a user's copy may be, by what is wrong with it."""
    from asean_tip_data._gate.files import MAX_BYTES
    from asean_tip_data._gate.package import MAX_CELL, MAX_ROWS

    made = {
        "impossible date": _edited(tmp_path, "date", "meetings", "1997-12-20", "1997-13-20"),
        "no such day": _edited(tmp_path, "day", "meetings", "1997-12-20", "1997-02-30"),
        "negative count": _edited(tmp_path, "count", "trafficking_cases", "2023,998,", "2023,-998,"),
        "bad tier": _edited(tmp_path, "tier", "tip_tier_placements", "BRN,2016,Tier 2,", "BRN,2016,Tier 9,"),
        "bad key": _edited(tmp_path, "key", "mous", "\n1,BRN,", "\n1,XXX,"),
        "missing column": _edited(tmp_path, "column", "trafficking_cases", "year,cases,", "year,"),
        "extra cell": _edited(tmp_path, "cell", "trafficking_suspects", "2020,163,", "2020,163,x,"),
        "statement without note": _edited(tmp_path, "note", "trafficking_cases", "2017,340,,", "2017,340,confirms,"),
        "broken quoting": _edited(tmp_path, "quote", "trafficking_suspects", "2020,163,", '2020,"163"x,'),
    }
    rows = _copy(tmp_path, "rows")  # more rows than a table may have
    suspects = rows / "resources" / "trafficking_suspects.csv"
    head = suspects.read_text(encoding="utf-8").splitlines()[0]
    suspects.write_text(head + "\n" + "".join(f"{3000 + i},1,bareskrim-2023,x\n" for i in range(MAX_ROWS + 1)))
    made["too many rows"] = rows
    long = f"2020,163,{'x' * MAX_CELL}"
    made["too long a cell"] = _edited(tmp_path, "long", "trafficking_suspects", "2020,163,", long)
    large = _copy(tmp_path, "large")  # a file over the size limit: sparse, never written out
    os.truncate(large / "resources" / "glossary.csv", MAX_BYTES + 1)
    made["too large a file"] = large
    json_copy = _copy(tmp_path, "json")
    (json_copy / "datapackage.json").write_text('{"name" "x"}', encoding="utf-8")
    made["broken JSON"] = json_copy
    parquet = atd.export("parquet", tmp_path / "parquet")
    (parquet / "resources" / "mous.parquet").write_bytes(b"not parquet at all")
    made["not Parquet"] = parquet
    return made


def test_every_error_holds_to_the_term_base(tmp_path: Path) -> None:
    said: list[Text] = []
    for what, copy in _broken_copies(tmp_path).items():
        result = _run("validate", str(copy))
        assert result.returncode == 1 and "TIDAK SAH" in result.stderr, (what, result.stderr)
        said.append((f"validate ({what})", _said(result.stderr.split("\n", 1)[1])))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "link.db").symlink_to(tmp_path / "elsewhere.db")
    for args in (
        ["show", "meeting"],
        ["show", "meetings", "--format"],
        ["frobnicate"],
        ["validate", "nope.json"],
        ["export", "--format", "csv", "--output", "full"],
        ["export", "--format", "sqlite", "--output", "link.db"],
        ["export", "--format", "sqlite", "--output", "no/such/x.db"],
    ):
        result = _run(*args, cwd=tmp_path)
        assert result.returncode == 2 and result.stderr.startswith("asean-tip-data: galat: "), result.stderr
        said.append((" ".join(args), _said(result.stderr.removeprefix("asean-tip-data: galat: "))))
    found = _checked(said)
    assert found == []
    # What a reader must read in them: numbers grouped as Indonesian groups them, Python's reason in Indonesian.
    text = "\n".join(t for _, t in said)
    assert "100.000 baris" in text and "melebihi batas 100.000" in text and "67.108.864" in text
    assert "bulan harus 1\u201312" in text and "tanggal itu tidak ada pada bulan tersebut" in text


def test_cite_in_indonesian_holds_to_the_term_base_in_every_format() -> None:
    (source,) = [s for s in atd.load_sources() if s.kind == "article"]
    article = [part for part in source.citation.split(". ") if part]  # its record, as published
    said: list[Text] = [("cite --format text", atd.cite("text", lang="id"))]
    bibtex = atd.cite("bibtex", lang="id").split("\n\n")[0]  # the dataset's entry; the article's is as published
    said.append(("cite --format bibtex", re.sub(r"^ *\w+ = |^@\w+\{\w+,$", "", bibtex, flags=re.MULTILINE)))
    cff = yaml.safe_load(atd.cite("cff", lang="id"))
    said += [(f"cite --format cff {k}", str(cff[k])) for k in ("message", "title", "abstract", "keywords")]
    said += [("cite --format cff authors", str([a["name"] for a in cff["authors"] + cff["contact"]]))]
    zenodo = json.loads(atd.cite("zenodo", lang="id"))
    said += [(f"cite --format zenodo {k}", str(zenodo[k])) for k in ("title", "description", "keywords")]
    said += [("cite --format zenodo creators", str([c["name"] for c in zenodo["creators"] + zenodo["contributors"]]))]
    assert _run("cite", "--lang", "id").stdout == atd.cite("text", lang="id")
    assert _checked(said, article) == []
