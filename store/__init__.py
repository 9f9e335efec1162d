"""Persistence of Cables on TinyDB: catalog, body segments, entity index, user notes; import.

Imports the domain (``cables``) and TinyDB, never Textual (a test enforces it).
"""
