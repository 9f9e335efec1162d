"""The domain of Cables: the Cable model, source-format parsers, reference ids, entities.

Pure Python: this package imports neither TinyDB nor Textual (a test enforces it).
"""
