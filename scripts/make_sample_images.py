#!/usr/bin/env python3
"""Generate every image used by the sample content under content/.

The images are simple, deterministic illustrations (no photographs, nothing
downloaded):

* deputy portraits (content/deputies/<bundle>/portrait.png, 300x400): a
  silhouette on a coloured background, the colours derived from the deputy's
  name; the surname is drawn on a badge if a CJK font is installed;
* news illustrations (content/news/<bundle>/photoN.png, 720x450): a meeting
  room, a classroom, a round-table discussion, a building site, a wetland.
  The two charts, labelled for phones and not by colour alone, come from
  scripts/make_sample_charts.py.

Usage:
    pip install pillow
    python3 scripts/make_sample_images.py            # write the images
    python3 scripts/make_sample_images.py --check    # only verify that every
                                                     # image referenced exists
    python3 scripts/make_sample_images.py --no-text  # never draw text

Text (surnames, chart labels) is drawn only when `fc-list :lang=zh` finds a
CJK font, so the output is the same on every machine with the same fonts and
Pillow version; use --no-text for output that does not depend on fonts.
Randomness is seeded from file names, so reruns give identical files.
"""

import argparse
import math
import hashlib
import os
import random
import re
import subprocess
import sys

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:  # pragma: no cover
    sys.exit("Pillow is required: pip install pillow")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "content")

SCALE = 2  # draw at 2x, then downsample for smooth edges
MAX_BYTES = 60 * 1024

# ---------------------------------------------------------------- helpers


def find_cjk_font():
    """Return the path of an installed CJK font, or None."""
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"],
            capture_output=True, text=True, timeout=20,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(
        line.split(":")[0].strip() for line in out.splitlines() if line.strip()
    )
    for f in files:
        if os.path.exists(f):
            return f
    return None


FONT_PATH = None


def font(size):
    if FONT_PATH is None:
        return None
    try:
        return ImageFont.truetype(FONT_PATH, size * SCALE)
    except OSError:
        return None


def rng_for(key):
    return random.Random("renda-sample:" + key)


def hex2rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(c1, c2, t):
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


def canvas(w, h, color):
    img = Image.new("RGB", (w * SCALE, h * SCALE), color)
    return img, ImageDraw.Draw(img)


def S(*vals):
    """Scale coordinates to the drawing canvas."""
    if len(vals) == 1 and isinstance(vals[0], (list, tuple)):
        vals = vals[0]
    return [v * SCALE for v in vals]


def save(img, path, size):
    out = img.resize(size, Image.LANCZOS)
    colors = 96
    while True:
        q = out.quantize(colors=colors, method=Image.MEDIANCUT, dither=Image.NONE)
        q.save(path, format="PNG", optimize=True)
        if os.path.getsize(path) <= MAX_BYTES or colors <= 16:
            break
        colors //= 2
    return os.path.getsize(path)


def person(d, x, y, r, body, skin=(236, 204, 178), hair=(40, 36, 36), seated=True):
    """A simple person: head circle plus rounded body, centred at x."""
    bw = r * 2.6
    bh = r * (2.2 if seated else 3.6)
    d.rounded_rectangle(S(x - bw / 2, y + r * 0.9, x + bw / 2, y + r * 0.9 + bh),
                        radius=r * SCALE * 0.9, fill=body)
    d.ellipse(S(x - r, y - r, x + r, y + r), fill=skin)
    d.chord(S(x - r, y - r, x + r, y + r * 0.6), 180, 360, fill=hair)


def person_back(d, x, y, r, body, hair=(40, 36, 36)):
    """A person seen from behind (audience)."""
    bw = r * 2.5
    d.rounded_rectangle(S(x - bw / 2, y + r * 0.8, x + bw / 2, y + r * 3.2),
                        radius=r * SCALE * 0.9, fill=body)
    d.ellipse(S(x - r, y - r, x + r, y + r), fill=hair)


CLOTHES = [(52, 73, 110), (38, 50, 72), (90, 98, 112), (120, 60, 60),
           (60, 90, 80), (70, 70, 90), (150, 150, 160), (46, 84, 130)]

# ------------------------------------------------------------ news scenes

W, H = 720, 450


def scene_meeting(key, banner=(178, 34, 34)):
    r = rng_for(key)
    img, d = canvas(W, H, (232, 226, 214))
    # back wall, banner and screen
    d.rectangle(S(0, 0, W, 250), fill=(226, 219, 205))
    d.rectangle(S(90, 28, W - 90, 70), fill=banner)
    d.rectangle(S(110, 40, W - 110, 58), fill=mix(banner, (255, 215, 120), 0.35))
    d.rectangle(S(250, 86, 470, 190), fill=(58, 92, 140))
    d.rectangle(S(262, 98, 458, 178), fill=(92, 138, 190))
    # wall pillars
    for px in (30, W - 60):
        d.rectangle(S(px, 0, px + 30, 250), fill=(210, 200, 182))
    # floor
    d.rectangle(S(0, 250, W, H), fill=(150, 112, 84))
    d.polygon(S(0, H, 200, 250, 520, 250, W, H), fill=(168, 40, 40))
    # rostrum with people
    d.rectangle(S(120, 200, 600, 238), fill=(118, 78, 52))
    for i in range(6):
        x = 160 + i * 80
        person(d, x, 180, 13, r.choice(CLOTHES[:3]))
        d.rectangle(S(x - 14, 206, x + 14, 214), fill=(250, 250, 250))
    d.rectangle(S(120, 234, 600, 250), fill=(96, 62, 42))
    # flowers along the rostrum
    for i in range(12):
        fx = 130 + i * 40
        d.ellipse(S(fx, 236, fx + 22, 252), fill=(44, 120, 60))
        d.ellipse(S(fx + 6, 234, fx + 14, 242), fill=(230, 70, 70))
    # audience rows, perspective
    for row in range(3):
        y = 290 + row * 55
        n = 6 + row * 2
        span = 420 + row * 150
        x0 = (W - span) / 2
        d.rectangle(S(x0 - 10, y + 28, x0 + span + 10, y + 40), fill=(120, 84, 60))
        for i in range(n):
            x = x0 + (i + 0.5) * span / n
            person_back(d, x, y, 11 + row * 2, r.choice(CLOTHES))
    return img


def scene_classroom(key):
    r = rng_for(key)
    img, d = canvas(W, H, (238, 236, 228))
    d.rectangle(S(0, 0, W, 200), fill=(242, 240, 232))
    # projector screen and lectern
    d.rectangle(S(220, 30, 500, 170), fill=(250, 250, 250), outline=(90, 90, 90), width=SCALE * 3)
    for i, h in enumerate((60, 90, 45, 110, 75)):
        d.rectangle(S(260 + i * 46, 150 - h, 290 + i * 46, 150), fill=(46, 110, 170))
    d.rectangle(S(540, 120, 590, 200), fill=(120, 80, 50))
    person(d, 565, 100, 13, (38, 50, 72), seated=False)
    # windows
    for wx in (30, 620):
        d.rectangle(S(wx, 40, wx + 70, 150), fill=(170, 205, 230), outline=(250, 250, 250), width=SCALE * 4)
    d.rectangle(S(0, 200, W, H), fill=(196, 178, 150))
    for row in range(4):
        y = 230 + row * 55
        for col in range(5):
            x = 95 + col * 132
            person_back(d, x - 22, y, 11 + row, r.choice(CLOTHES))
            person_back(d, x + 22, y, 11 + row, r.choice(CLOTHES))
            d.rectangle(S(x - 50, y + 30, x + 50, y + 40), fill=(150, 110, 76))
    return img


def scene_roundtable(key):
    r = rng_for(key)
    img, d = canvas(W, H, (206, 196, 176))
    for i in range(0, W, 60):  # floor tiles
        d.line(S(i, 0, i, H), fill=(196, 186, 166), width=SCALE)
    for j in range(0, H, 60):
        d.line(S(0, j, W, j), fill=(196, 186, 166), width=SCALE)
    cx, cy = W / 2, H / 2 + 5
    d.ellipse(S(cx - 190, cy - 120, cx + 190, cy + 120), fill=(128, 86, 56))
    d.ellipse(S(cx - 175, cy - 108, cx + 175, cy + 108), fill=(150, 104, 70))
    # papers, cups and a plant in the middle
    for i in range(10):
        a = i / 10.0
        px = cx + math.cos(a * 2 * math.pi) * 140
        py = cy + math.sin(a * 2 * math.pi) * 84
        d.rectangle(S(px - 12, py - 9, px + 12, py + 9), fill=(250, 250, 246))
        d.ellipse(S(px + 14, py - 5, px + 24, py + 5), fill=(240, 240, 240))
        hx = cx + math.cos(a * 2 * math.pi) * 225
        hy = cy + math.sin(a * 2 * math.pi) * 150
        d.ellipse(S(hx - 26, hy - 20, hx + 26, hy + 20), fill=r.choice(CLOTHES))
        d.ellipse(S(hx - 14, hy - 14, hx + 14, hy + 14), fill=(44, 38, 36))
    d.ellipse(S(cx - 40, cy - 30, cx + 40, cy + 30), fill=(60, 130, 70))
    d.ellipse(S(cx - 16, cy - 12, cx + 16, cy + 12), fill=(230, 90, 80))
    return img


def scene_counselling(key):
    r = rng_for(key)
    img, d = canvas(W, H, (250, 236, 214))
    d.rectangle(S(0, 300, W, H), fill=(186, 214, 170))
    # window with sky and tree
    d.rectangle(S(60, 50, 260, 220), fill=(160, 206, 236), outline=(255, 255, 255), width=SCALE * 6)
    d.line(S(160, 50, 160, 220), fill=(255, 255, 255), width=SCALE * 4)
    d.ellipse(S(180, 120, 250, 190), fill=(88, 160, 90))
    # bookshelf
    d.rectangle(S(520, 60, 680, 300), fill=(170, 120, 80))
    for sy in (110, 170, 230):
        d.rectangle(S(528, sy, 672, sy + 6), fill=(130, 88, 58))
    for sy in (66, 116, 176, 236):
        x = 532
        while x < 660:
            bw = r.randint(8, 16)
            d.rectangle(S(x, sy + 40 - r.randint(24, 40), x + bw, sy + 44),
                        fill=r.choice([(220, 80, 70), (70, 130, 200), (240, 190, 70), (90, 170, 110)]))
            x += bw + 2
    # sofa, low table, plant
    d.rounded_rectangle(S(280, 250, 480, 330), radius=18 * SCALE, fill=(120, 170, 200))
    d.rounded_rectangle(S(270, 230, 300, 330), radius=10 * SCALE, fill=(100, 150, 184))
    d.rounded_rectangle(S(460, 230, 490, 330), radius=10 * SCALE, fill=(100, 150, 184))
    d.rectangle(S(300, 360, 460, 372), fill=(160, 110, 70))
    d.rectangle(S(60, 330, 100, 400), fill=(190, 110, 70))
    d.ellipse(S(40, 270, 120, 340), fill=(70, 140, 80))
    # inspection group standing
    for i, x in enumerate((180, 230, 560, 610, 660)):
        person(d, x, 300, 14, CLOTHES[i % 3], seated=False)
    return img


def scene_site(key):
    r = rng_for(key)
    img, d = canvas(W, H, (196, 222, 240))
    d.rectangle(S(0, 330, W, H), fill=(176, 150, 110))
    # building under construction
    d.rectangle(S(120, 110, 360, 330), fill=(222, 214, 200))
    for fy in range(130, 330, 40):
        for fx in range(136, 350, 44):
            d.rectangle(S(fx, fy, fx + 28, fy + 24), fill=(120, 160, 196))
    for gx in range(110, 372, 22):  # scaffolding
        d.line(S(gx, 100, gx, 330), fill=(120, 120, 120), width=SCALE)
    for gy in range(100, 332, 26):
        d.line(S(110, gy, 370, gy), fill=(120, 120, 120), width=SCALE)
    # finished small building with green roof
    d.rectangle(S(430, 210, 650, 330), fill=(246, 240, 230))
    d.polygon(S(420, 210, 540, 160, 660, 210), fill=(70, 130, 90))
    d.rectangle(S(520, 270, 560, 330), fill=(150, 100, 70))
    for fx in (450, 590):
        d.rectangle(S(fx, 240, fx + 40, 270), fill=(120, 160, 196))
    # crane
    d.rectangle(S(70, 40, 80, 330), fill=(230, 180, 40))
    d.rectangle(S(40, 40, 330, 50), fill=(230, 180, 40))
    d.line(S(300, 50, 300, 120), fill=(60, 60, 60), width=SCALE * 2)
    # people with hard hats
    for i in range(7):
        x = 380 + i * 42 + r.randint(-6, 6)
        person(d, x, 350, 12, r.choice(CLOTHES[:4]), seated=False)
        d.chord(S(x - 13, 336, x + 13, 358), 180, 360,
                fill=(250, 250, 250) if i % 3 else (240, 200, 40))
    return img


def scene_wetland(key):
    r = rng_for(key)
    img, d = canvas(W, H, (200, 225, 245))
    for i in range(10):  # sky bands
        d.rectangle(S(0, i * 20, W, i * 20 + 20), fill=mix((176, 210, 240), (232, 240, 246), i / 9))
    d.polygon(S(0, 200, 140, 120, 260, 190, 400, 110, 560, 200, W, 150, W, 230, 0, 230), fill=(120, 160, 140))
    d.polygon(S(0, 230, 200, 180, 380, 225, 560, 170, W, 220, W, 250, 0, 250), fill=(90, 140, 110))
    d.rectangle(S(0, 245, W, H), fill=(110, 170, 200))
    for i in range(12):  # ripples
        y = 265 + i * 14
        x = r.randint(0, W - 120)
        d.line(S(x, y, x + r.randint(40, 120), y), fill=(160, 205, 225), width=SCALE * 2)
    for side in (0, 1):  # reeds
        for _ in range(70):
            x = r.randint(0, 200) if side == 0 else r.randint(520, W)
            top = r.randint(290, 360)
            d.line(S(x, H, x + r.randint(-8, 8), top), fill=r.choice([(96, 140, 60), (130, 160, 70), (160, 150, 80)]),
                   width=SCALE * 2)
            d.ellipse(S(x - 3, top - 8, x + 3, top + 4), fill=(150, 120, 80))
    for _ in range(7):  # egrets
        x, y = r.randint(220, 600), r.randint(40, 150)
        s = r.randint(8, 14)
        d.line(S(x - s, y - s / 2, x, y, x + s, y - s / 2), fill=(255, 255, 255), width=SCALE * 3, joint="curve")
    d.ellipse(S(400, 300, 440, 322), fill=(250, 250, 250))  # a bird on the water
    d.line(S(436, 306, 446, 288), fill=(250, 250, 250), width=SCALE * 3)
    return img


# Every news bundle image but the two labelled charts (scripts/make_sample_charts.py), by bundle
# folder and file name.
NEWS_IMAGES = {
    ("2022-08-30-diwu-ci-huiyi-juesuan", "photo1.png"): lambda k: scene_meeting(k),
    ("2023-04-20-weichengnianren-baohu-jiancha", "photo1.png"): lambda k: scene_meeting(k, banner=(30, 90, 150)),
    ("2023-04-20-weichengnianren-baohu-jiancha", "photo2.png"): lambda k: scene_counselling(k),
    ("2023-06-14-daibiao-lvzhi-peixun", "photo1.png"): lambda k: scene_classroom(k),
    ("2023-06-14-daibiao-lvzhi-peixun", "photo2.png"): lambda k: scene_roundtable(k),
    ("2023-08-22-minsheng-shishi-shicha", "photo1.png"): lambda k: scene_site(k),
    ("2024-04-23-shidi-baohu-genzong-jiancha", "photo1.png"): lambda k: scene_wetland(k),
}

# ------------------------------------------------------------- portraits

BACKGROUNDS = ["#3f6e9e", "#5b8c6a", "#8c5b7a", "#9e6b3f", "#4f7f8c", "#6b5b9e",
               "#7a8c3f", "#9e4f4f", "#3f8c7a", "#5b6b8c", "#8c7a5b", "#4f5b9e"]


def portrait(name, gender, key):
    h = hashlib.md5(name.encode("utf-8")).digest()
    bg = hex2rgb(BACKGROUNDS[h[0] % len(BACKGROUNDS)])
    w, hgt = 300, 400
    img, d = canvas(w, hgt, bg)
    # soft vertical gradient
    for i in range(20):
        d.rectangle(S(0, i * 20, w, i * 20 + 20), fill=mix(mix(bg, (255, 255, 255), 0.25), bg, i / 19))
    skin = mix((240, 210, 186), (196, 150, 120), (h[1] % 5) / 8)
    hair = mix((30, 26, 26), (90, 70, 60), (h[2] % 4) / 6)
    suit = [(38, 50, 72), (52, 73, 110), (70, 70, 80), (110, 50, 60), (60, 90, 80)][h[3] % 5]
    shirt = (245, 245, 245)
    cx = w / 2
    female = gender.strip() == "女"
    if female:  # long hair behind the head
        d.rounded_rectangle(S(cx - 62, 110, cx + 62, 260), radius=50 * SCALE, fill=hair)
    # shoulders and body
    d.pieslice(S(cx - 130, 250, cx + 130, 520), 180, 360, fill=suit)
    d.polygon(S(cx - 30, 262, cx + 30, 262, cx, 330), fill=shirt)
    if not female:
        d.polygon(S(cx - 8, 270, cx + 8, 270, cx + 12, 330, cx, 345, cx - 12, 330), fill=(160, 40, 40))
    # neck and head
    d.rectangle(S(cx - 20, 220, cx + 20, 268), fill=mix(skin, (0, 0, 0), 0.08))
    d.ellipse(S(cx - 55, 110, cx + 55, 240), fill=skin)
    if female:
        d.chord(S(cx - 60, 100, cx + 60, 200), 180, 360, fill=hair)
        d.pieslice(S(cx - 62, 104, cx + 20, 190), 180, 270, fill=hair)
    else:
        d.chord(S(cx - 57, 102, cx + 57, 176), 180, 360, fill=hair)
    # deputy badge on the chest
    d.ellipse(S(cx + 52, 312, cx + 76, 336), fill=(200, 30, 30), outline=(240, 200, 80), width=SCALE * 2)
    # surname badge, only if a CJK font is available
    f = font(40)
    if f is not None:
        d.ellipse(S(18, 18, 86, 86), fill=(255, 255, 255))
        d.text(S(52, 52), name[0], font=f, fill=bg, anchor="mm")
        f2 = font(20)
        if f2 is not None:
            d.rectangle(S(0, 360, w, 400), fill=mix(bg, (0, 0, 0), 0.35))
            d.text(S(cx, 380), name, font=f2, fill=(255, 255, 255), anchor="mm")
    return img


# ------------------------------------------------------------------ main

FM_RE = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.S)


def front_matter_value(text, key):
    m = FM_RE.match(text)
    if not m:
        return None
    for line in m.group(1).splitlines():
        mm = re.match(r'^\s*%s\s*:\s*"?([^"#]*?)"?\s*$' % re.escape(key), line)
        if mm:
            return mm.group(1).strip()
    return None


IMG_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def referenced_images():
    """(bundle dir, file) pairs for every local image the content refers to."""
    refs = set()
    for base, _dirs, files in os.walk(CONTENT):
        for fn in files:
            if not fn.endswith(".md"):
                continue
            text = open(os.path.join(base, fn), encoding="utf-8").read()
            names = set(IMG_RE.findall(text))
            for key in ("cover", "封面", "photo"):
                v = front_matter_value(text, key)
                if v:
                    names.add(v)
            for n in names:
                if "://" in n or n.startswith("/"):
                    continue
                refs.add((base, n))
    return refs


def main():
    global FONT_PATH
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only check that referenced images exist")
    ap.add_argument("--no-text", action="store_true", help="never draw text, even if a CJK font exists")
    args = ap.parse_args()

    if not args.check:
        FONT_PATH = None if args.no_text else find_cjk_font()
        print("CJK font:", FONT_PATH or "none (images without text)")
        count = 0
        # portraits
        ddir = os.path.join(CONTENT, "deputies")
        for bundle in sorted(os.listdir(ddir)):
            idx = os.path.join(ddir, bundle, "index.md")
            if not os.path.isfile(idx):
                continue
            text = open(idx, encoding="utf-8").read()
            name = front_matter_value(text, "name") or bundle
            gender = front_matter_value(text, "gender") or ""
            photo = front_matter_value(text, "photo") or "portrait.png"
            path = os.path.join(ddir, bundle, photo)
            size = save(portrait(name, gender, bundle), path, (300, 400))
            count += 1
            print(f"  {os.path.relpath(path, ROOT)}  {size} bytes")
        # news illustrations
        for (bundle, fn), make in sorted(NEWS_IMAGES.items()):
            folder = os.path.join(CONTENT, "news", bundle)
            if not os.path.isdir(folder):
                print(f"  skip {bundle}: folder missing")
                continue
            path = os.path.join(folder, fn)
            size = save(make(bundle + "/" + fn), path, (W, H))
            count += 1
            print(f"  {os.path.relpath(path, ROOT)}  {size} bytes")
        print(f"{count} images written")

    missing = [os.path.relpath(os.path.join(b, n), ROOT)
               for b, n in sorted(referenced_images())
               if not os.path.isfile(os.path.join(b, n))]
    for m in missing:
        print("MISSING", m)
    if missing:
        sys.exit(1)
    print("all referenced images exist")


if __name__ == "__main__":
    main()
