"""Articles in: files, folders, manifests, JSON feeds and HTML pages to :class:`Article` values.

Modules: ``article`` (the value), ``files`` (reading one file of any supported kind), ``html``
(main text of a web page), ``readers`` (folders, globs, manifests and the problems found).

May import: the standard library, :mod:`geo.errors`. Nothing else in :mod:`geo`.
"""
