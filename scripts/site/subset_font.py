"""Subset Noto Sans (npm @expo-google-fonts/noto-sans) to the characters the page draws.

The page and its charts use this one font: vl-convert lays the charts out with it and the browser
draws them with it, so no label is measured in one font and drawn in another. Run after
`npm install` in this folder; commit the result.

    python scripts/site/subset_font.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset

HERE = Path(__file__).resolve().parent
FONTS = HERE / "node_modules" / "@expo-google-fonts" / "noto-sans"
VENDOR = HERE.parents[1] / "src" / "asean_tip_data" / "_page" / "site" / "vendor"
WEIGHTS = {"400Regular": "noto-sans-regular.ttf", "700Bold": "noto-sans-bold.ttf"}
# Basic Latin, Latin-1, dashes, quotes, bullets, the ellipsis, arrows, and the signs for less or
# greater or equal and minus.
UNICODES = "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+2190-2195,U+2212,U+2264-2265"


def main() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    for weight, name in WEIGHTS.items():
        source = FONTS / weight / f"NotoSans_{weight}.ttf"
        options = subset.Options()
        options.hinting = False  # the site is drawn at screen sizes by modern rasterisers
        options.desubroutinize = True
        options.layout_features = ["kern", "liga", "calt", "tnum"]
        options.name_IDs = ["*"]  # keep the copyright and licence names the OFL asks for
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        subset.save_font(font, str(VENDOR / name), options)
        print(name, (VENDOR / name).stat().st_size, "bytes")
    shutil.copyfile(FONTS / "LICENSE_FONT", VENDOR / "noto-sans-OFL.txt")


if __name__ == "__main__":
    main()
