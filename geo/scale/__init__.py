"""Scale-out on Dask: input blocks, runners (in-process, local cluster, scheduler), parts, resume.

May import: everything else in :mod:`geo` (the model, articles, extract, formats, analysis);
nothing in :mod:`geo` imports it.
"""
