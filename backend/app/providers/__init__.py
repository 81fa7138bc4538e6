"""Capabilities (director, images, motion, music), each behind one Protocol in `base`.

`local/` holds the embedded, offline implementations; remote ones (OpenAI, Replicate) sit
beside them and are chosen per capability by `registry`.
"""
