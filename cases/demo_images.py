"""Simple schematic illustrations for the demo cases, drawn with Pillow (no downloads)."""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 960, 540
GREEN = (11, 107, 58)
DARK = (7, 74, 40)
LIGHT = (232, 243, 236)
SKY = (221, 236, 247)
GREY = (120, 130, 125)
STEEL = (176, 186, 182)
YELLOW = (255, 191, 71)
BLUE = (11, 90, 138)


def _canvas(background=LIGHT):
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 440, WIDTH, HEIGHT], fill=(210, 222, 214))  # factory floor
    return image, draw


def _chiller(draw, air_cooled=False, modules=1):
    width = 520 // modules
    for index in range(modules):
        left = 180 + index * (width + 10)
        draw.rounded_rectangle(
            [left, 210, left + width, 440], radius=12, fill=STEEL, outline=DARK, width=4
        )
        draw.rectangle([left + 20, 240, left + width - 20, 300], fill=(200, 208, 204))
        if air_cooled:
            for fan in range(max(1, width // 120)):
                cx = left + 60 + fan * 110
                draw.ellipse(
                    [cx - 45, 150, cx + 45, 210], fill=GREY, outline=DARK, width=3
                )
        else:
            draw.ellipse(
                [left + width // 2 - 40, 320, left + width // 2 + 40, 400], fill=GREEN
            )
    draw.rectangle([110, 260, 180, 280], fill=BLUE)  # chilled water out
    draw.rectangle([110, 370, 180, 390], fill=(90, 150, 200))  # return


def _pv(draw):
    draw.ellipse([780, 50, 880, 150], fill=YELLOW)
    draw.polygon([(120, 440), (840, 440), (840, 330), (120, 330)], fill=(190, 190, 185))
    for row in range(3):
        for col in range(6):
            x0 = 150 + col * 110
            y0 = 180 + row * 45
            draw.polygon(
                [(x0, y0 + 40), (x0 + 100, y0 + 40), (x0 + 115, y0), (x0 + 15, y0)],
                fill=BLUE,
                outline=(230, 240, 250),
            )


def _air_conditioner(draw):
    draw.rounded_rectangle(
        [200, 120, 760, 260], radius=20, fill="white", outline=DARK, width=4
    )
    for i in range(4):
        draw.line([(240, 215 + i * 10), (720, 215 + i * 10)], fill=GREY, width=3)
    for i in range(5):
        x = 280 + i * 100
        draw.line([(x, 290), (x - 20, 380)], fill=BLUE, width=6)
    draw.ellipse([690, 140, 720, 170], fill=GREEN)


def _cooker(draw):
    draw.rounded_rectangle(
        [330, 220, 630, 430], radius=40, fill=STEEL, outline=DARK, width=5
    )
    draw.rounded_rectangle(
        [310, 190, 650, 240], radius=20, fill=GREY, outline=DARK, width=4
    )
    draw.rectangle([460, 160, 500, 190], fill=DARK)
    for i in range(3):
        x = 420 + i * 60
        draw.arc([x - 20, 60, x + 20, 150], 90, 270, fill=GREY, width=5)
    draw.rectangle([450, 320, 510, 360], fill=GREEN)


def _descaler(draw):
    draw.rectangle([80, 280, 880, 340], fill=STEEL, outline=DARK, width=3)
    for i in range(9):
        x = 380 + i * 22
        draw.ellipse([x - 14, 262, x + 14, 358], outline=YELLOW, width=6)
    draw.rounded_rectangle(
        [390, 120, 570, 210], radius=10, fill="white", outline=DARK, width=4
    )
    draw.line([(480, 210), (480, 262)], fill=DARK, width=4)
    for i in range(6):
        draw.arc([400 + i * 25, 140, 430 + i * 25, 190], 180, 360, fill=GREEN, width=4)


def _tubes(draw, led=True):
    for row in range(4):
        y = 110 + row * 70
        draw.rounded_rectangle(
            [170, y, 790, y + 26], radius=13, fill="white", outline=DARK, width=3
        )
        if led:
            for i in range(24):
                x = 190 + i * 25
                draw.ellipse([x, y + 7, x + 12, y + 19], fill=YELLOW)
    for i in range(5):
        draw.line([(260 + i * 110, 400), (240 + i * 110, 440)], fill=YELLOW, width=5)


def _voc(draw):
    draw.rectangle(
        [120, 250, 400, 440], fill=STEEL, outline=DARK, width=4
    )  # spray booth
    draw.rectangle([400, 300, 560, 330], fill=GREY)
    draw.rounded_rectangle(
        [560, 200, 760, 440], radius=10, fill="white", outline=DARK, width=4
    )
    for i in range(6):
        draw.line([(580, 230 + i * 32), (740, 230 + i * 32)], fill=GREEN, width=8)
    draw.rectangle([640, 80, 680, 200], fill=STEEL, outline=DARK, width=3)
    for i in range(3):
        cx = 660 + (i - 1) * 30
        draw.ellipse(
            [cx - 18, 30 - i * 6, cx + 18, 66 - i * 6], outline=(190, 210, 200), width=4
        )
    for i in range(4):
        draw.ellipse([180 + i * 50, 190, 210 + i * 50, 220], fill=(170, 150, 200))


def _power(draw):
    draw.rounded_rectangle(
        [300, 110, 660, 440], radius=14, fill=STEEL, outline=DARK, width=5
    )
    draw.rectangle([340, 150, 620, 260], fill="white", outline=DARK, width=3)
    points = []
    for x in range(350, 611, 4):
        points.append((x, 205 - 40 * math.sin((x - 350) / 260 * 4 * math.pi)))
    draw.line(points, fill=GREEN, width=4)
    draw.polygon(
        [
            (480, 290),
            (440, 370),
            (475, 370),
            (455, 430),
            (525, 340),
            (488, 340),
            (510, 290),
        ],
        fill=YELLOW,
    )


def _lamp(draw):
    for i in range(3):
        cx = 240 + i * 240
        draw.line([(cx, 0), (cx, 150)], fill=DARK, width=4)
        draw.pieslice(
            [cx - 90, 110, cx + 90, 290], 180, 360, fill=GREY, outline=DARK, width=3
        )
        draw.ellipse([cx - 50, 170, cx + 50, 230], outline=YELLOW, width=10)
        draw.polygon(
            [(cx - 80, 210), (cx + 80, 210), (cx + 150, 440), (cx - 150, 440)],
            fill=(250, 240, 200),
        )


DRAWINGS = {
    "chiller-modular": lambda d: _chiller(d, modules=3),
    "chiller": lambda d: _chiller(d),
    "chiller-air": lambda d: _chiller(d, air_cooled=True, modules=2),
    "pv": _pv,
    "air-conditioner": _air_conditioner,
    "cooker": _cooker,
    "descaler": _descaler,
    "led": _tubes,
    "voc": _voc,
    "power": _power,
    "lamp": _lamp,
}


def illustration_png(kind: str) -> bytes:
    image, draw = _canvas(SKY if kind == "pv" else LIGHT)
    DRAWINGS[kind](draw)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
