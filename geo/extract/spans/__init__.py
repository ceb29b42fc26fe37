"""Finders of typed spans in a sentence: dates (absolute and relative), counts and actors.

May import: the standard library, :mod:`geo.schema` and the shipped data in :mod:`geo.data`.
"""
