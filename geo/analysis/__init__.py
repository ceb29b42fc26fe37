"""Analysis of event frames: regions, boundaries, nearest sites, sphere geometry, responses, tempo.

May import: :mod:`gazetteer`, the event model, :mod:`geo.extract` (actor sides) and shipped
data. Never :mod:`geo.formats` or :mod:`geo.scale`.
"""
