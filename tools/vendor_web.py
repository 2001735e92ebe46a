"""Bring the web atlas's map library into ``resources/web/leaflet/``, pinned and checked.

Leaflet comes from the npm registry (``npm pack leaflet@VERSION``): the tarball's
SHA-256 must match :data:`TARBALL_SHA256`, then its built files and licence are
copied beside a ``VERSION`` file. ``--check`` (run by ``make package``) only verifies
that the files in ``resources/web/leaflet/`` are exactly those of the pinned release,
so a package never ships a library nobody checked.

Usage: tools/vendor_web.py [--check]
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "web" / "leaflet"
PACKAGE = "leaflet"
VERSION = "1.9.4"
TARBALL_SHA256 = "84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77"
#: file in the npm tarball → file shipped in the plugin
FILES = {
    "package/dist/leaflet.js": "leaflet.js",
    "package/dist/leaflet.css": "leaflet.css",
    "package/LICENSE": "LICENSE",
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=folder, check=True)
        tarball = Path(folder) / f"{PACKAGE}-{VERSION}.tgz"
        digest = _sha256(tarball.read_bytes())
        if digest != TARBALL_SHA256:
            sys.exit(f"{tarball.name}: SHA-256 {digest}, expected {TARBALL_SHA256}")
        TARGET.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as archive:
            for member, name in FILES.items():
                (TARGET / name).write_bytes(archive.extractfile(member).read())
    (TARGET / "VERSION").write_text(f"{PACKAGE} {VERSION} (npm, tarball sha256 {TARBALL_SHA256})\n", encoding="utf-8")
    (TARGET / "SHA256SUMS").write_text(
        "".join(f"{_sha256((TARGET / name).read_bytes())}  {name}\n" for name in sorted(FILES.values())),
        encoding="utf-8",
    )
    print(f"{PACKAGE} {VERSION} → {TARGET.relative_to(ROOT)}")


def check() -> int:
    sums = TARGET / "SHA256SUMS"
    if not sums.exists():
        print(f"{sums.relative_to(ROOT)} is missing: run tools/vendor_web.py", file=sys.stderr)
        return 1
    wrong = []
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        path = TARGET / name
        if not path.exists() or _sha256(path.read_bytes()) != digest:
            wrong.append(name)
    if f"{PACKAGE} {VERSION} " not in (TARGET / "VERSION").read_text(encoding="utf-8"):
        wrong.append("VERSION")
    if wrong:
        print(f"not the pinned {PACKAGE} {VERSION}: {', '.join(wrong)}; run tools/vendor_web.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    fetch()
