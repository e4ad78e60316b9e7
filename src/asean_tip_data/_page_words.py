"""The page's words in English and Indonesian, and its schema.org Dataset description (JSON-LD)."""

from __future__ import annotations

import json
from typing import Any

from ._schema import Table, text_in, translations

# Indonesian as data portals and POLRI write it (Kamus Data, Unduh, Lisensi, Sumber, Kolom, Tabel,
# Saran pengutipan, Ralat); acronyms and names stay as they are.
WORDS: dict[str, tuple[str, str]] = {
    "language_name": ("English", "Bahasa Indonesia"),
    "switch": ("Baca dalam Bahasa Indonesia", "Read in English"),
    "contents": ("Contents", "Daftar isi"),
    "version": ("Version", "Versi"),
    "vintage": ("Data vintage (the article's publication date)", "Edisi data (tanggal terbit artikel)"),
    "licence": ("Licence", "Lisensi"),
    "cite": ("How to cite", "Saran pengutipan"),
    "downloads": ("Downloads", "Unduh"),
    "downloads_text": (
        "The Data Package (descriptor and CSV files), a SQLite database and a Parquet Data Package, "
        "all from the same data.",
        "Data Package (deskriptor dan berkas CSV), basis data SQLite, dan Data Package Parquet, "
        "semuanya dari data yang sama.",
    ),
    "cases_title": (
        "Trafficking cases with Indonesian victims (Table 1)",
        "Kasus perdagangan orang dengan korban WNI (Tabel 1)",
    ),
    "cases_caption": (
        "Each bar is one year's cases; its colour and mark give Indonesia's tier in that year's TIP Report.",
        "Setiap batang adalah jumlah kasus satu tahun; warna dan tandanya menunjukkan peringkat Indonesia "
        "dalam Laporan TIP tahun itu.",
    ),
    "suspects_title": ("Indonesian suspects (Table 2)", "Tersangka WNI (Tabel 2)"),
    "map_title": (
        "TIP Report 2023 tiers in Southeast Asia (Figure 1)",
        "Peringkat Laporan TIP 2023 di Asia Tenggara (Gambar 1)",
    ),
    "map_caption": (
        "Each country is coloured and marked by its 2023 tier (1, 2, 2W, 3); the table gives the change since 2022.",
        "Setiap negara diberi warna dan tanda sesuai peringkat 2023 (1, 2, 2W, 3); tabel memuat perubahan sejak 2022.",
    ),
    "history": ("Tiers in every year of Table 1", "Peringkat pada setiap tahun Tabel 1"),
    "timeline_title": ("AMMTC and SOMTC meetings", "Pertemuan AMMTC dan SOMTC"),
    "charts": ("Figures", "Grafik dan peta"),
    "year": ("Year", "Tahun"),
    "cases": ("Cases", "Kasus"),
    "suspects": ("Suspects", "Tersangka"),
    "tier": ("Tier", "Peringkat"),
    "tier_2022": ("Tier 2022", "Peringkat 2022"),
    "tier_2023": ("Tier 2023", "Peringkat 2023"),
    "change": ("Change since 2022", "Perubahan sejak 2022"),
    "country": ("Country", "Negara"),
    "date": ("Date", "Tanggal"),
    "forum": ("Forum", "Forum"),
    "online": ("online", "daring"),
    "in_person": ("in person", "tatap muka"),
    "held": ("Held", "Pelaksanaan"),
    "legend": ("Legend", "Keterangan"),
    "resources": ("The tables", "Tabel-tabel"),
    "rows": ("rows", "baris"),
    "dictionary": ("Data dictionary", "Kamus data"),
    "records": ("Records", "Isi tabel"),
    "field": ("Field", "Kolom"),
    "type": ("Type", "Tipe"),
    "required": ("Required", "Wajib"),
    "yes": ("yes", "ya"),
    "no": ("no", "tidak"),
    "constraints": ("Constraints", "Batasan"),
    "field_title": ("Title", "Judul"),
    "field_description": ("Description", "Uraian"),
    "sources": ("Where it comes from", "Sumber"),
    "errata": ("Errata", "Ralat"),
    "errata_text": (
        "Every correction made to the printed text; the printed text is kept beside the correction.",
        "Setiap koreksi terhadap teks yang tercetak; teks aslinya disimpan di samping koreksinya.",
    ),
    "printed": ("Printed", "Tercetak"),
    "corrected": ("Corrected", "Koreksi"),
    "reason": ("Reason", "Alasan"),
    "where": ("Where", "Letak"),
    "scroll": ("Scrollable table", "Tabel yang dapat digulir"),
    "attribution": (
        "Map: Natural Earth (public domain), via world-atlas. Built by asean-tip-data {}.",
        "Peta: Natural Earth (domain publik), melalui world-atlas. Dibuat oleh asean-tip-data {}.",
    ),
}


def jsonld(descriptor: dict[str, Any], tables: list[Table], dumped: dict[str, Any], lang: str) -> str:
    """Return the schema.org Dataset description of the page, safe inside a <script> element."""
    homepage = str(descriptor.get("homepage", ""))
    dates = [m["start_date"] for m in dumped["meetings"]] + [m["end_date"] for m in dumped["meetings"]]
    creators = [c for c in descriptor.get("contributors", []) if "creator" in c.get("roles", [])]
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": text_in(translations(descriptor, "title"), lang),
        "alternateName": descriptor.get("name"),
        "description": text_in(translations(descriptor, "description"), lang),
        "url": homepage + ("" if lang == "en" else f"{lang}/"),
        "identifier": descriptor.get("id"),
        "version": descriptor.get("version"),
        "inLanguage": list(descriptor.get("languages", ["en"])),
        "license": [lic.get("path") for lic in descriptor.get("licenses", [])],
        "keywords": descriptor.get("keywords", []),
        "creator": [
            {"@type": "Person", "name": c.get("title"), "affiliation": c.get("organization")} for c in creators
        ],
        "temporalCoverage": f"{min(dates)}/{max(dates)}",
        "spatialCoverage": {
            "@type": "Place",
            "name": "Southeast Asia",
            "containsPlace": [
                {"@type": "Country", "name": c["name"], "identifier": c["iso3"]} for c in dumped["countries"]
            ],
        },
        "isBasedOn": [s.get("path") for s in descriptor.get("sources", [])],
        "citation": [s.get("title") for s in descriptor.get("sources", [])],
        "variableMeasured": [
            {
                "@type": "PropertyValue",
                "name": f"{t.name}.{f.name}",
                "description": text_in(f.descriptions, lang),
            }
            for t in tables
            for f in t.fields
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": f"{t.name}.csv",
                "contentUrl": homepage + f"downloads/{t.path}",
                "encodingFormat": "text/csv",
            }
            for t in tables
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script>, "</script>" or "<!--" in a copy's text would end the element: escape <, > and &.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
