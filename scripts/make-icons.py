#!/usr/bin/env python3
"""Draws the app icons once (public/icons/*.png): a task list on the app's link blue.

Run by hand from the repository root: `python3 scripts/make-icons.py`. Only the standard
library, so no image package is needed; the PNGs are committed, the build only copies them.
"""
import struct
import zlib

BLUE = (10, 76, 134)
WHITE = (255, 255, 255)
AMBER = (242, 177, 52)


def rounded_box(x0, y0, x1, y1, radius):
    def inside(x, y):
        cx = min(max(x, x0 + radius), x1 - radius)
        cy = min(max(y, y0 + radius), y1 - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2 and x0 <= x <= x1 and y0 <= y <= y1

    return inside


def thick_segment(ax, ay, bx, by, half_width):
    def inside(x, y):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= half_width**2

    return inside


def shapes(padding, corner):
    """Shapes in unit coordinates, painted in order; `padding` keeps a maskable icon's
    content inside its safe zone."""
    inner = 1 - 2 * padding

    def at(f):
        return padding + f * inner

    painted = [(rounded_box(0, 0, 1, 1, corner), BLUE)]
    for row, (top, bar_end) in enumerate([(0.22, 0.86), (0.45, 0.74), (0.68, 0.80)]):
        painted.append((rounded_box(at(0.14), at(top), at(0.26), at(top + 0.12), 0.02 * inner), WHITE))
        painted.append((rounded_box(at(0.34), at(top + 0.02), at(bar_end), at(top + 0.10), 0.03 * inner), WHITE))
    tick = 0.02 * inner
    painted.append((thick_segment(at(0.155), at(0.29), at(0.19), at(0.325), tick), AMBER))
    painted.append((thick_segment(at(0.19), at(0.325), at(0.29), at(0.19), tick), AMBER))
    return painted


def render(size, padding, corner):
    painted = shapes(padding, corner)
    samples = [(i + 0.5) / 3 for i in range(3)]
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            total = [0, 0, 0, 0]
            for sy in samples:
                for sx in samples:
                    u, v = (x + sx) / size, (y + sy) / size
                    colour = None
                    for inside, fill in painted:
                        if inside(u, v):
                            colour = fill
                    if colour:
                        total[0] += colour[0]
                        total[1] += colour[1]
                        total[2] += colour[2]
                        total[3] += 255
            covered = total[3] // 255
            if covered:
                row += bytes([total[0] // covered, total[1] // covered, total[2] // covered, total[3] // 9])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for name, size, padding, corner in [
        ("icon-192.png", 192, 0.10, 0.18),
        ("icon-512.png", 512, 0.10, 0.18),
        # Maskable: full-bleed background, content inside the central 80 % safe zone.
        ("icon-maskable-512.png", 512, 0.20, 0.0),
    ]:
        with open(f"public/icons/{name}", "wb") as out:
            out.write(render(size, padding, corner))
        print(f"public/icons/{name}")
