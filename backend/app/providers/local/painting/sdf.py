"""Shapes as signed distance fields: negative inside, positive outside, in any unit.

A distance field gives a perfectly anti-aliased edge for free (coverage is a one-pixel ramp of
the distance), any softness on demand (a wider ramp), and unions and cut-outs as min/max, so
product silhouettes are built from a few primitives without supersampling.
Arguments X and Y may be broadcastable (1, w) and (h, 1) arrays.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray


def coverage(d: Array, px_per_unit: float, soft: float = 1.0) -> Array:
    """Fraction of each pixel inside the shape; `soft` widens the edge ramp (in pixels)."""
    return np.clip(0.5 - d * np.float32(px_per_unit / max(soft, 1e-3)), 0.0, 1.0)


def box(X: Array, Y: Array, cx: float, cy: float, hw: float, hh: float, r: float = 0.0) -> Array:
    """Rounded rectangle centred on (cx, cy) with half-sizes hw, hh and corner radius r."""
    r = min(r, hw, hh)
    qx = np.abs(X - np.float32(cx)) - np.float32(hw - r)
    qy = np.abs(Y - np.float32(cy)) - np.float32(hh - r)
    outside = np.hypot(np.maximum(qx, 0.0), np.maximum(qy, 0.0))
    inside = np.minimum(np.maximum(qx, qy), 0.0)
    return outside + inside - np.float32(r)


def circle(X: Array, Y: Array, cx: float, cy: float, r: float) -> Array:
    return np.hypot(X - np.float32(cx), Y - np.float32(cy)) - np.float32(r)


def ellipse(X: Array, Y: Array, cx: float, cy: float, rx: float, ry: float) -> Array:
    """Approximate distance to an ellipse (exact enough for edges a pixel or two wide)."""
    px = (X - np.float32(cx)) / np.float32(rx)
    py = (Y - np.float32(cy)) / np.float32(ry)
    k0 = np.hypot(px, py)
    k1 = np.hypot(px / np.float32(rx), py / np.float32(ry))
    return k0 * (k0 - 1.0) / np.maximum(k1, 1e-6)


def segment(X: Array, Y: Array, ax: float, ay: float, bx: float, by: float, r: float) -> Array:
    """A capsule: every point within r of the segment a–b."""
    dx, dy = bx - ax, by - ay
    length2 = max(dx * dx + dy * dy, 1e-12)
    pax, pay = X - np.float32(ax), Y - np.float32(ay)
    t = np.clip((pax * np.float32(dx) + pay * np.float32(dy)) / np.float32(length2), 0.0, 1.0)
    return np.hypot(pax - t * np.float32(dx), pay - t * np.float32(dy)) - np.float32(r)


def taper(
    X: Array, Y: Array, cx: float, cy: float, hw_low: float, hw_high: float, hh: float, r: float
) -> Array:
    """A rounded trapezoid: half-width hw_low at the lower y edge and hw_high at the upper.

    Horizontal distance to the slanted side stands in for the true distance, which is exact to a
    pixel for the gentle tapers products have (cups, bags, bottle shoulders).
    """
    t = np.clip((Y - np.float32(cy - hh)) / np.float32(2 * hh), 0.0, 1.0)
    hw = np.float32(hw_low) + np.float32(hw_high - hw_low) * t
    r = min(r, hw_low, hw_high, hh)
    qx = np.abs(X - np.float32(cx)) - (hw - np.float32(r))
    qy = np.abs(Y - np.float32(cy)) - np.float32(hh - r)
    outside = np.hypot(np.maximum(qx, 0.0), np.maximum(qy, 0.0))
    return outside + np.minimum(np.maximum(qx, qy), 0.0) - np.float32(r)


def ring(X: Array, Y: Array, cx: float, cy: float, r: float, thickness: float) -> Array:
    return np.abs(circle(X, Y, cx, cy, r)) - np.float32(thickness / 2)


def leaf(X: Array, Y: Array, cx: float, cy: float, length: float, width: float) -> Array:
    """A pointed leaf (vesica) along x: the intersection of two offset circles."""
    half = length / 2
    radius = (half * half + width * width) / (2 * width)
    off = radius - width
    a = circle(X, Y, cx, cy - off, radius)
    b = circle(X, Y, cx, cy + off, radius)
    return np.maximum(a, b)


def rotate(X: Array, Y: Array, cx: float, cy: float, degrees: float) -> tuple[Array, Array]:
    """Coordinates as seen by a shape rotated by `degrees` around (cx, cy)."""
    a = np.deg2rad(degrees)
    c, s = np.float32(np.cos(a)), np.float32(np.sin(a))
    dx, dy = X - np.float32(cx), Y - np.float32(cy)
    return dx * c + dy * s + np.float32(cx), -dx * s + dy * c + np.float32(cy)


def convex(X: Array, Y: Array, points: list[tuple[float, float]]) -> Array:
    """A convex polygon (vertices counter-clockwise with y up): the farthest edge half-plane.

    Exact inside and along edges, slightly short outside corners: all an edge ramp needs.
    """
    d: Array | None = None
    count = len(points)
    for i in range(count):
        ax, ay = points[i]
        bx, by = points[(i + 1) % count]
        length = max(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5, 1e-9)
        nx, ny = (by - ay) / length, -(bx - ax) / length
        edge = (X - np.float32(ax)) * np.float32(nx) + (Y - np.float32(ay)) * np.float32(ny)
        d = edge if d is None else np.maximum(d, edge)
    assert d is not None
    return d


def smooth_union(a: Array, b: Array, k: float) -> Array:
    """Union that melts two shapes together over a distance k (for organic forms)."""
    h = np.clip(0.5 + 0.5 * (b - a) / np.float32(k), 0.0, 1.0)
    return b + (a - b) * h - np.float32(k) * h * (1.0 - h)
