#!/usr/bin/env python3
"""Labelled charts for two sample news items (phone-readable, not colour alone).

Writes:
  content/news/2023-08-22-minsheng-shishi-shicha/photo2.png
  content/news/2022-08-30-diwu-ci-huiyi-juesuan/photo2.png
Usage: python3 scripts/make_sample_charts.py content
(Pillow and the Noto Sans CJK SC font: apt-get install fonts-noto-cjk.)
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFont

K = 2            # draw at 2x, downsample for smooth lines
W = 1200         # final width in px
FONT_DIR = "/usr/share/fonts/opentype/noto/"
SC = 2           # index of "Noto Sans CJK SC" in the .ttc files


def font(size, bold=False):
    name = "NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc"
    return ImageFont.truetype(os.path.join(FONT_DIR, name), size * K, index=SC)


def s(*v):
    return [x * K for x in v]


INK = (33, 33, 33)
GREY = (96, 96, 96)
TRACK = (236, 236, 236)


def pattern_fill(img, box, kind, fg, bg):
    """Fill box (final-px coordinates) with a pattern: solid, diagonal, cross, dots."""
    x0, y0, x1, y1 = [int(round(v * K)) for v in box]
    if x1 <= x0:
        return
    w, h = x1 - x0, y1 - y0
    tile = Image.new("RGB", (w, h), bg if kind != "solid" else fg)
    d = ImageDraw.Draw(tile)
    step = 16 * K
    lw = 4 * K
    if kind in ("diagonal", "cross"):
        for off in range(-h, w + h, step):
            d.line([(off, h), (off + h, 0)], fill=fg, width=lw)
    if kind == "cross":
        for off in range(-h, w + h, step):
            d.line([(off, 0), (off + h, h)], fill=fg, width=lw)
    if kind == "dots":
        r = 3 * K
        for yy in range(step // 2, h, step // 1):
            for xx in range((yy // step % 2) * step // 2 + step // 4, w, step):
                d.ellipse([xx - r, yy - r, xx + r, yy + r], fill=fg)
    img.paste(tile, (x0, y0))
    ImageDraw.Draw(img).rectangle([x0, y0, x1 - 1, y1 - 1], outline=fg, width=2 * K)


def save(img, path):
    out = img.resize((img.width // K, img.height // K), Image.LANCZOS)
    q = out.quantize(colors=64, method=Image.MEDIANCUT, dither=Image.NONE)
    q.save(path, format="PNG", optimize=True)
    print(path, q.size, os.path.getsize(path), "bytes")


def row_chart(title, subtitle, legend, rows, note, path, name_size=48, track=True):
    """rows: (name, value_text, fraction 0..1, status_text, style) ; style=(kind, fg, bg)."""
    f_title = font(54, bold=True)
    f_sub = font(40)
    f_name = font(name_size)
    f_val = font(name_size, bold=True)
    f_leg = font(42)
    f_note = font(36)
    pad = 48
    row_h = 150
    top = 40
    title_h = 82
    sub_h = 60 if subtitle else 0
    leg_h = 84 * len(legend) if legend else 0
    H = top + title_h + sub_h + 26 + leg_h + 24 + row_h * len(rows) + 20 + 56 * len(note) + 36
    img = Image.new("RGB", s(W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    y = top
    d.text(s(W / 2, y), title, font=f_title, fill=INK, anchor="ma")
    y += title_h
    if subtitle:
        d.text(s(W / 2, y), subtitle, font=f_sub, fill=GREY, anchor="ma")
        y += sub_h
    y += 26
    # legend: one swatch + text a line
    for kind, fg, bg, text in legend:
        pattern_fill(img, (pad, y + 8, pad + 90, y + 58), kind, fg, bg)
        d.text(s(pad + 114, y + 33), text, font=f_leg, fill=INK, anchor="lm")
        y += 84
    y += 8
    d.line(s(pad, y, W - pad, y), fill=(200, 200, 200), width=2 * K)
    y += 16
    bar_l, bar_r = pad, W - pad
    for name, value_text, frac, status, (kind, fg, bg) in rows:
        # line 1: name left, value + status right
        right = f"{value_text}  {status}" if status else value_text
        d.text(s(bar_l, y + 36), name, font=f_name, fill=INK, anchor="lm")
        d.text(s(bar_r, y + 36), right, font=f_val, fill=INK, anchor="rm")
        # line 2: the bar on its track
        by0, by1 = y + 76, y + 124
        if track:
            d.rectangle(s(bar_l, by0, bar_r, by1), fill=TRACK)
        pattern_fill(img, (bar_l, by0, bar_l + (bar_r - bar_l) * frac, by1), kind, fg, bg)
        y += row_h
    y += 20
    for line in note:
        d.text(s(pad, y), line, font=f_note, fill=GREY, anchor="la")
        y += 56
    save(img, path)


def minsheng(content):
    done = ("solid", (27, 94, 32), (27, 94, 32))
    going = ("diagonal", (21, 87, 160), (214, 230, 247))
    late = ("cross", (183, 65, 14), (253, 226, 210))
    # Order and percentages as the sample's chart had them (scripts/make_sample_images.py);
    # 2 基本完工, 6 按计划推进, 2 进度相对滞后 as the article says, the two late ones
    # the projects the article names (老旧小区改造, 乡村公路安全防护).
    data = [
        ("城乡公厕提质改造", 100, "基本完工", done),
        ("户外劳动者服务站点建设", 100, "基本完工", done),
        ("3个乡镇社区综合养老服务中心", 85, "按计划推进", going),
        ("县中医医院医养融合项目", 80, "按计划推进", going),
        ("县城文昌阁修缮", 70, "按计划推进", going),
        ("农村供水保障提升工程", 65, "按计划推进", going),
        ("中小学校食堂和饮水设施改善", 60, "按计划推进", going),
        ("城区新增公共停车泊位", 55, "按计划推进", going),
        ("乡村公路安全生命防护工程", 40, "进度滞后", late),
        ("城区老旧小区改造", 35, "进度滞后", late),
    ]
    rows = [(n, f"{v}%", v / 100, st, sty) for n, v, st, sty in data]
    legend = [
        (*done, "实心：基本完工（2件）"),
        (*going, "斜线：按计划推进（6件）"),
        (*late, "网格：进度滞后（2件）"),
    ]
    row_chart("2023年10件民生实事项目完成进度",
              "截至8月中旬　数据来源：县人民政府",
              legend, rows,
              ["百分比为各项目完成进度，条形越长完成越多。"],
              os.path.join(content, "news/2023-08-22-minsheng-shishi-shicha/photo2.png"))


def budget(content):
    ms = ("solid", (140, 29, 24), (140, 29, 24))
    other = ("diagonal", (90, 90, 90), (225, 225, 225))
    data = [
        ("教育", 21, ms),
        ("农林水", 19, ms),
        ("社会保障和就业", 17, ms),
        ("卫生健康", 13, ms),
        ("城乡社区", 12, ms),
        ("其他支出", 18, other),
    ]
    rows = [(n, f"{v}%", v / 25, "", sty) for n, v, sty in data]
    legend = [
        (*ms, "实心：民生类支出，5类合计82%"),
        (*other, "斜线：其他支出，18%"),
    ]
    row_chart("2021年县级一般公共预算支出结构",
              "各类支出占一般公共预算支出的比重",
              legend, rows,
              ["百分比合计100%；条形长短按比重大小绘制。"],
              os.path.join(content, "news/2022-08-30-diwu-ci-huiyi-juesuan/photo2.png"),
              name_size=50, track=False)


if __name__ == "__main__":
    content = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")
    if len(sys.argv) > 2:
        # preview folder instead of content/
        content = sys.argv[2]
        os.makedirs(os.path.join(content, "news/2023-08-22-minsheng-shishi-shicha"), exist_ok=True)
        os.makedirs(os.path.join(content, "news/2022-08-30-diwu-ci-huiyi-juesuan"), exist_ok=True)
    minsheng(content)
    budget(content)
