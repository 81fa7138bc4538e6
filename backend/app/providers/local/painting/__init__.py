"""A procedural product photographer: turns an image spec into a styled product still.

`render(spec)` returns a PIL image. The package is pure CPU work with no I/O; the provider in
`app.providers.local.images` runs it in a worker thread and writes the file.

    vocabulary, cues   what the words ask for: shot, product, setting, light, effects, look, tone
    palette            the palette cast into roles (wall, floor, product, trim, accent, ink…)
    layout             composition: horizon, product placement, plinth, copy space
    backdrop, walls    the set: walls and skies, cities, neon, foliage, window light, floors
    surfaces           floor materials: marble, wood, sand, stone, linen, a track, water, tiles
    sets               plinths, arches, discs and colour blocks
    products/          product models (bottles, cans, sneakers, watches…) and their materials
    lighting           cast shadows, contact shadows, reflections, spotlight beams
    dressing, props    drops, bubbles, ice, citrus, beans, leaves, confetti, steam, speed lines
    lettering          the caption; finish: bloom, grade, vignette, grain, 8-bit output
    canvas, sdf, noise drawing primitives: float canvas and blur, distance fields, noise
"""

from app.providers.local.painting.render import render

__all__ = ["render"]
