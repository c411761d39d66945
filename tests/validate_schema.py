#!/usr/bin/python3
"""validate_schema.py - validates journey YAML files against the JSON Schema with Debian's
python3-jsonschema, as an editor's YAML extension would: `validate_schema.py SCHEMA FILE...`
prints "FILE: ok" or "FILE: invalid: MESSAGE (at PATH)" per file (a YAML syntax error is
"FILE: not yaml: ..."); exit 0 always (tests/cli/schema.sh reads the lines)."""
import sys, json
import yaml
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as f:
            # libyaml, the parser journeymap uses (PyYAML's own rejects 'x?]' in a flow list)
            docs = list(yaml.load_all(f, Loader=yaml.CSafeLoader))
    except Exception as e:  # a YAML error, invalid UTF-8, a recursive alias
        print(f"{path}: not yaml: {str(e).splitlines()[0]}")
        continue
    if len(docs) != 1:
        print(f"{path}: invalid: {len(docs)} YAML documents")
        continue
    errors = sorted(validator.iter_errors(docs[0]), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print(f"{path}: invalid: {e.message[:200]} (at /{'/'.join(str(p) for p in e.path)})")
    else:
        print(f"{path}: ok")
