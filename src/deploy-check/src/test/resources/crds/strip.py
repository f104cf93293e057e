#!/usr/bin/env python3
"""Strips an operator's published CRD file down to what deploy-check validates against (SOURCES.md).

    python3 strip.py UPSTREAM.yaml 'first header line' 'second header line' > COPY.yaml

Line by line, so that every line kept is byte for byte the operator's: the leading '---' gives way to the two
header comment lines; left out are every 'description' keyword of a schema (a 'description:' key with a value on
its line, with the value's continuation lines; a property that is called 'description' has its schema below it and
stays), the 'status' property of the root schema and each version's 'additionalPrinterColumns'. Then it checks the
result: it parses, and it equals the upstream file parsed with the same three things removed (so nothing else
changed). Needs PyYAML.
"""
import re
import sys

import yaml

DESCRIPTION = re.compile(r"^( *)description: \S")
STATUS = re.compile(r"^( *)status:$")
PRINTER_COLUMNS = re.compile(r"^( *)- additionalPrinterColumns:$")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def strip_lines(lines):
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = DESCRIPTION.match(line)
        if m:
            depth = len(m.group(1))
            i += 1
            while i < len(lines) and (lines[i].strip() == "" or indent(lines[i]) > depth):
                i += 1
            continue
        m = STATUS.match(line)
        # the root schema's 'status' property: openAPIV3Schema (6) > properties (8) > status (10)
        if m and len(m.group(1)) == 10:
            depth = 10
            i += 1
            while i < len(lines) and (lines[i].strip() == "" or indent(lines[i]) > depth):
                i += 1
            continue
        m = PRINTER_COLUMNS.match(line)
        if m:
            # '  - additionalPrinterColumns:' opens the version's list item; keep the item, drop the columns
            depth = len(m.group(1)) + 2
            i += 1
            while i < len(lines) and (indent(lines[i]) > depth or lines[i].startswith(" " * depth + "- ")):
                i += 1
            # the next key of the version becomes the first of its list item
            lines[i] = " " * (depth - 2) + "- " + lines[i][depth:]
            continue
        out.append(line)
        i += 1
    return out


def strip_tree(node, in_properties=False):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if not in_properties and k == "description" and isinstance(v, str):
                continue
            if k == "additionalPrinterColumns":
                continue
            out[k] = strip_tree(v, k == "properties" and not in_properties)
        return out
    if isinstance(node, list):
        return [strip_tree(v) for v in node]
    return node


def main():
    upstream, first, second = sys.argv[1], sys.argv[2], sys.argv[3]
    text = open(upstream, encoding="utf-8").read()
    lines = text.split("\n")
    if lines[0] == "---":
        lines = lines[1:]
    kept = strip_lines(lines)
    result = "# " + first + "\n# " + second + "\n" + "\n".join(kept)
    expected = []
    for doc in yaml.safe_load_all(text):
        doc = strip_tree(doc)
        for version in doc["spec"]["versions"]:
            version["schema"]["openAPIV3Schema"]["properties"].pop("status", None)
        expected.append(doc)
    actual = list(yaml.safe_load_all(result))
    if actual != expected:
        sys.exit("the stripped copy differs from the upstream file in more than descriptions, status, printer columns")
    sys.stdout.write(result)


if __name__ == "__main__":
    main()
