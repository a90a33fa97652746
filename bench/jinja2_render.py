#!/usr/bin/env python3
"""A minimal Python Jinja2 CLI for the benchmark: render TEMPLATE with the YAML file's data."""
import sys

import jinja2
import yaml

template_path, data_path = sys.argv[1], sys.argv[2]
with open(data_path, encoding="utf-8") as f:
    data = yaml.safe_load(f)
env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
env.filters["items"] = lambda d: list(d.items())
with open(template_path, encoding="utf-8") as f:
    sys.stdout.write(env.from_string(f.read()).render(**data))
