#!/usr/bin/env python
"""Fill empty msgstr entries of the zh_Hant and zh_Hans catalogues from a JSON glossary.

    scripts/po_fill.py glossary.json [catalogue.po ...]

The glossary maps each English msgid to [Traditional, Simplified]; plural msgids map
to [[Traditional forms], [Simplified forms]]. Without catalogues, every django.po of
the project is filled. Prints what is still untranslated.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "var"}


def catalogues(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    return [
        p for p in ROOT.rglob("django.po") if not SKIP & set(p.relative_to(ROOT).parts)
    ]


def main() -> int:
    glossary = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    missing = 0
    for path in catalogues(sys.argv[2:]):
        index = 0 if "zh_Hant" in str(path) else 1
        po = polib.pofile(str(path), wrapwidth=79)
        for entry in po:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
                entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
            found = glossary.get(entry.msgid)
            if entry.msgid_plural:
                if found and not any(entry.msgstr_plural.values()):
                    forms = found[index]
                    entry.msgstr_plural = {
                        0: forms[0] if isinstance(forms, list) else forms
                    }
            elif found and not entry.msgstr:
                entry.msgstr = found[index]
            if not (entry.msgstr or any(entry.msgstr_plural.values())):
                missing += 1
                print(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
        po.save()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
