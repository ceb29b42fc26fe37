"""Code tables of the dataset formats: ACLED event types, UCDP violence and sources, countries.

May import: :mod:`geo.extract.spans.actors` (to tell a state's forces from an armed group).
"""
