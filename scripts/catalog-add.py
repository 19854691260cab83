#!/usr/bin/env python3
"""Adds or replaces catalog entries in both languages, keeping the files sorted.

Usage: scripts/catalog-add.py FILE.json   (FILE holds {"key": ["Deutsch", "English"], ...})"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "Sources/KonventViews/Catalog"
entries = json.loads(pathlib.Path(sys.argv[1]).read_text())
for index, language in enumerate(["de", "en"]):
    path = root / f"{language}.json"
    table = json.loads(path.read_text())
    for key, texts in entries.items():
        table[key] = texts[index]
    path.write_text(json.dumps(dict(sorted(table.items())), ensure_ascii=False, indent=2) + "\n")
print(f"{len(entries)} entries written")
