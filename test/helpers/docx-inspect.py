#!/usr/bin/python3
"""Read a .docx the way another program would, and print what is in it as JSON.

The tests of labreport's Word output use this instead of the writer's own model: python-docx
(Debian's python3-docx) opens the document as Word's object model has it (paragraphs, styles,
tables), and zipfile + lxml check the package: every part well-formed, every relationship and
every reference inside a part resolving, content types for every part, ids unique, list
numbering and styles defined, nothing external. Usage: docx-inspect.py FILE.docx
"""
import json
import posixpath
import re
import sys
import zipfile

import docx
from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
W = "{%s}" % NS["w"]
R = "{%s}" % NS["r"]


def text_of(el):
    """The text of an element as Word shows it: w:t, tabs and breaks."""
    out = []
    for node in el.iter():
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "tab" and node.getparent().tag == W + "r":
            out.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out)


def on(el):
    """An on/off property as Word reads it: present, and not switched off by w:val."""
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def check_package(z, problems):
    names = set(z.namelist())
    trees = {}
    for name in names:
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                trees[name] = etree.fromstring(z.read(name))
            except etree.XMLSyntaxError as e:
                problems.append("%s: not well-formed XML: %s" % (name, e))
    types = trees.get("[Content_Types].xml")
    if types is None:
        problems.append("no [Content_Types].xml")
        return trees
    defaults = {d.get("Extension").lower() for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName") for o in types.findall("ct:Override", NS)}
    for name in names:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        if "/" + name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append("%s: no content type" % name)
    for o in overrides:
        if o.lstrip("/") not in names:
            problems.append("content type for a missing part %s" % o)
    # Relationships: every target exists, none is external.
    rels = {}
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(base, posixpath.basename(name)[: -len(".rels")])
        ids = {}
        for rel in tree.findall("rel:Relationship", NS):
            rid, target, mode = rel.get("Id"), rel.get("Target"), rel.get("TargetMode")
            if rid in ids:
                problems.append("%s: relationship id %s twice" % (name, rid))
            ids[rid] = target
            if mode == "External":
                problems.append("%s: external relationship %s -> %s" % (name, rid, target))
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            if path not in names:
                problems.append("%s: %s points at a missing part %s" % (name, rid, path))
        rels[source] = ids
    # References inside the parts resolve to their part's relationships.
    for name, tree in trees.items():
        if name.endswith(".rels"):
            continue
        own = rels.get(name, {})
        for el in tree.iter():
            for attr, value in el.attrib.items():
                if attr.startswith(R) and value not in own:
                    problems.append("%s: %s=%s has no relationship" % (name, attr[len(R):], value))
    return trees


def main(path):
    problems = []
    z = zipfile.ZipFile(path)
    trees = check_package(z, problems)
    d = docx.Document(path)
    body = d.element.body

    paragraphs, headings, tables, code, hyperlinks = [], [], [], [], []
    styles_by_id = {s.style_id: s for s in d.styles}
    for p in d.paragraphs:
        style = p.style.name if p.style is not None else ""
        text = text_of(p._p)  # p.text leaves out the text of hyperlinks
        paragraphs.append({"style": style, "text": text})
        m = re.match(r"^Heading (\d)$", style)
        if m:
            headings.append({"level": int(m.group(1)), "text": text})
        if style == "Source Code":
            code.append(text_of(p._p))
    for t in body.iter(W + "tbl"):
        rows = t.findall("w:tr", NS)
        tables.append(
            {
                "rows": len(rows),
                "cols": max((len(r.findall("w:tc", NS)) for r in rows), default=0),
                "headerRows": sum(1 for r in rows if on(r.find("w:trPr/w:tblHeader", NS))),
                "cantSplitRows": sum(1 for r in rows if on(r.find("w:trPr/w:cantSplit", NS))),
                "cells": [[text_of(c) for c in r.findall("w:tc", NS)] for r in rows],
            }
        )
    for h in body.iter(W + "hyperlink"):
        hyperlinks.append({"anchor": h.get(W + "anchor"), "rid": h.get(R + "id"), "text": text_of(h)})

    # Every part that holds text: the body, headers and footers.
    content_parts = [n for n in trees if re.match(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", n)]
    fields, texts, drawings, bookmarks = [], {}, [], []
    for name in content_parts:
        tree = trees[name]
        texts[name] = text_of(tree)
        fields += [(i.text or "").strip() for i in tree.iter(W + "instrText")]
        fields += [f.get(W + "instr").strip() for f in tree.iter(W + "fldSimple")]
        drawings += [dp.get("id") for dp in tree.iter("{%s}docPr" % NS["wp"])]
        bookmarks += [b.get(W + "id") for b in tree.iter(W + "bookmarkStart")]
        for bad in ("object", "altChunk", "control", "embedObject", "embedTrueTypeFont"):
            for _ in tree.iter(W + bad):
                problems.append("%s: w:%s element" % (name, bad))
        for el in tree.iter():
            if isinstance(el.tag, str) and el.tag.startswith("{urn:schemas-microsoft-com:office:office}OLEObject"):
                problems.append("%s: OLE object" % name)
    if len(set(drawings)) != len(drawings):
        problems.append("drawing ids not unique: %s" % drawings)
    if len(set(bookmarks)) != len(bookmarks):
        problems.append("bookmark ids not unique")

    # Styles and list numbering the document uses are defined.
    document = trees["word/document.xml"]
    for tag in ("pStyle", "rStyle", "tblStyle"):
        for el in document.iter(W + tag):
            if el.get(W + "val") not in styles_by_id:
                problems.append("style %s is not defined" % el.get(W + "val"))
    numbering = next((trees[n] for n in trees if n.endswith("numbering.xml")), None)
    nums = {} if numbering is None else {n.get(W + "numId"): n for n in numbering.findall("w:num", NS)}
    abstracts = set() if numbering is None else {a.get(W + "abstractNumId") for a in numbering.findall("w:abstractNum", NS)}
    for el in document.iter(W + "numId"):
        if el.get(W + "val") not in nums and el.get(W + "val") != "0":
            problems.append("list %s is not defined" % el.get(W + "val"))
    for n in nums.values():
        if n.find("w:abstractNumId", NS).get(W + "val") not in abstracts:
            problems.append("list %s has no definition" % n.get(W + "numId"))
    if numbering is not None:
        order = [c.tag for c in numbering if c.tag in (W + "abstractNum", W + "num")]
        if W + "num" in order and W + "abstractNum" in order[order.index(W + "num"):]:
            problems.append("numbering.xml: an abstractNum after a num")

    styles = trees["word/styles.xml"]
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    lang = defaults.find("w:lang", NS) if defaults is not None else None
    fonts = defaults.find("w:rFonts", NS) if defaults is not None else None

    sections = []
    for s in d.sections:
        sections.append(
            {
                "width": s.page_width.twips if s.page_width else None,
                "height": s.page_height.twips if s.page_height else None,
                "left": s.left_margin.twips if s.left_margin else None,
                "right": s.right_margin.twips if s.right_margin else None,
                "header": "\n".join(p.text for p in s.header.paragraphs),
                "footer": "\n".join(p.text for p in s.footer.paragraphs),
                "headerImages": len(s.header.part.rels and [r for r in s.header.part.rels.values() if r.reltype.endswith("/image")]),
            }
        )

    images = [r.target_ref for r in d.part.rels.values() if r.reltype.endswith("/image")]
    print(
        json.dumps(
            {
                "paragraphs": paragraphs,
                "headings": headings,
                "tables": tables,
                "code": code,
                "hyperlinks": hyperlinks,
                "fields": fields,
                "images": sorted(images),
                "drawings": len(drawings),
                "texts": texts,
                "sections": sections,
                "language": None if lang is None else {"val": lang.get(W + "val"), "eastAsia": lang.get(W + "eastAsia")},
                "fonts": None if fonts is None else {k.split("}")[1]: v for k, v in fonts.attrib.items()},
                "title": d.core_properties.title,
                "created": d.core_properties.created.isoformat() if d.core_properties.created else None,
                "problems": problems,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
