"""The extraction pipeline: text cleaning → spaCy → actors → statements → claims → graph.

One module per stage; :mod:`app.extract.pipeline` runs them in order.
"""
