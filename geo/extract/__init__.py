"""Text to events: sentences, triggers, spans, mentions, places, clustering, merging, pipeline.

An article is split into sentences; ``triggers`` finds event words, ``spans`` finds dates, counts
and actors, ``roles`` says who did it to whom, ``locate`` places the event with the gazetteer,
``mentions`` builds one mention per trigger, ``cluster`` joins the mentions of one article into
events and ``merge`` joins reports of one event across articles. ``pipeline`` runs them all.

May import: :mod:`gazetteer`, the event model (:mod:`geo.event`, :mod:`geo.schema`,
:mod:`geo.frame`, :mod:`geo.errors`) and :mod:`geo.articles`. Never :mod:`geo.formats`,
:mod:`geo.analysis` or :mod:`geo.scale`.
"""
