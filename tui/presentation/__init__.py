"""Presentation logic with no Textual in it: what the screens show and where, in plain Python.

Sorting and filtering the cable list, column widths, reflowing paragraph text: computed here so
it can run in worker threads and be tested alone. An import-linter contract keeps Textual out.
"""
