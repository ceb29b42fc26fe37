"""Places installed on demand beside the embedded index: the full GeoNames, country by country.

``store`` keeps the added places in their own SQLite file next to the index (one transaction
per add, so an interrupted add leaves it as it was; ``sources``/``remove``), ``download``
fetches export files with a progress bar and resumes a download that stopped, and
``geonames`` turns ``IQ``, ``IQ.zip``, ``allCountries.zip``... into rows of the store.
Nothing here runs unless asked: the default set-up is the embedded index alone.

May import: the rest of :mod:`gazetteer` (``index``, ``sources``, ``normalize``, ``errors``),
the standard library and tqdm; never :mod:`gazetteer.core` (the core imports this lazily).
"""

from __future__ import annotations
