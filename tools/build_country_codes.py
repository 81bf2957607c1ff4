"""Write tracker/places/data/iso3.tsv: ISO 3166 alpha-2 -> alpha-3, from pycountry.

The exports give each figure its country as HXL's #country+code wants it (ISO3, UKR);
the gazetteer knows countries by alpha-2 (UA). Run: python tools/build_country_codes.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).parent.parent / "tracker" / "places" / "data" / "iso3.tsv"


def main() -> None:
    """Write one `alpha2<TAB>alpha3` line per country, sorted."""
    lines = sorted(f"{c.alpha_2}\t{c.alpha_3}" for c in pycountry.countries)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} countries to {OUT}")


if __name__ == "__main__":
    main()
