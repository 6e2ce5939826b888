"""Small pictures for the demo's steps, drawn in code and written as PNG with zlib only.

Easy-read supports are pictures first (seed 000: "visual material, wishes and dreams
illustrations"), so the demo shows some; no imaging library is needed to make them.
"""

import struct
import zlib
from collections.abc import Callable, Sequence

Colour = tuple[int, int, int]
Point = tuple[float, float]

SKY: Colour = (173, 216, 240)
SEA: Colour = (30, 110, 180)
SAND: Colour = (240, 220, 160)
WHITE: Colour = (255, 255, 255)
SUN: Colour = (255, 200, 40)
GOLD: Colour = (222, 170, 40)
DARK: Colour = (40, 40, 60)
RED: Colour = (150, 30, 40)
GREEN: Colour = (60, 150, 80)
GLASS: Colour = (215, 235, 245)


def png_bytes(width: int, height: int, rows: Sequence[bytes]) -> bytes:
    """Encode RGB rows (3 bytes a pixel) as a PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


class Canvas:
    """A tiny raster to draw filled shapes on."""

    def __init__(self, width: int, height: int, background: Colour) -> None:
        self.width, self.height = width, height
        self.pixels = [[background] * width for _ in range(height)]

    def _fill(self, inside: Callable[[float, float], bool], colour: Colour) -> None:
        for y in range(self.height):
            row = self.pixels[y]
            for x in range(self.width):
                if inside(x + 0.5, y + 0.5):
                    row[x] = colour

    def rect(self, x0: float, y0: float, x1: float, y1: float, colour: Colour) -> None:
        self._fill(lambda x, y: x0 <= x < x1 and y0 <= y < y1, colour)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, colour: Colour) -> None:
        self._fill(lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1, colour)

    def polygon(self, points: Sequence[Point], colour: Colour) -> None:
        def inside(x: float, y: float) -> bool:
            # Even-odd rule: count crossings of a ray to the right.
            crossings = False
            for (ax, ay), (bx, by) in zip(points, [*points[1:], points[0]], strict=True):
                if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                    crossings = not crossings
            return crossings

        self._fill(inside, colour)

    def png(self) -> bytes:
        rows = [bytes(channel for pixel in row for channel in pixel) for row in self.pixels]
        return png_bytes(self.width, self.height, rows)


def plane_over_the_sea() -> bytes:
    """A plane flying over the sea towards the sun: the dream of a trip abroad."""
    c = Canvas(96, 96, SKY)
    c.ellipse(78, 18, 11, 11, SUN)
    c.rect(0, 66, 96, 84, SEA)
    c.rect(0, 84, 96, 96, SAND)
    c.ellipse(44, 40, 30, 7, WHITE)  # fuselage
    c.polygon([(40, 40), (58, 40), (36, 62)], WHITE)  # wing
    c.polygon([(14, 40), (22, 40), (12, 26)], WHITE)  # tail
    for x in (30, 40, 50, 60):
        c.ellipse(x, 38, 2.5, 2.5, SEA)  # windows
    return c.png()


def savings_jar() -> bytes:
    """A glass jar half full of coins: the money-saving plan."""
    c = Canvas(96, 96, WHITE)
    c.rect(22, 20, 74, 88, GLASS)
    c.rect(26, 12, 70, 20, DARK)  # lid
    for row, y in enumerate(range(80, 50, -8)):
        for x in range(30 + (row % 2) * 5, 68, 10):
            c.ellipse(x, y, 5, 3.5, GOLD)
    c.rect(22, 48, 74, 50, GREEN)  # the line to reach this month
    return c.png()


def passport() -> bytes:
    """A red passport with a golden emblem."""
    c = Canvas(96, 96, WHITE)
    c.rect(24, 10, 72, 86, RED)
    c.ellipse(48, 44, 12, 12, GOLD)
    c.ellipse(48, 44, 8, 8, RED)
    c.rect(34, 66, 62, 70, GOLD)
    return c.png()
