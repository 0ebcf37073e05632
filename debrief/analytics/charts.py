"""Server-side SVG charts as plain strings: no script, no library, titled, described and escaped."""

from __future__ import annotations

import hashlib
import math
import re
import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

# GOV.UK colours that keep at least 4.5:1 against white, so white text inside a bar stays readable.
PALETTE = ("#1d70b8", "#d4351c", "#00703c", "#912b88", "#505a5f", "#003078")
TEXT = "#0b0c0c"
SECONDARY_TEXT = "#505a5f"
AXIS = "#0b0c0c"
GRID = "#cecfd0"
FONT = '"GDS Transport", arial, sans-serif'
FONT_SIZE = 14
NO_DATA = "No data for these filters"
WIDTH = 640

Number = int | float
Value = Number | None  # None: not shown, for example a cell suppressed because it counts fewer than 5 people


class Series(NamedTuple):
    name: str
    values: Sequence[Value]
    colour: str | None = None
    gaps: Sequence[str] | None = None  # why each None value is not shown (as the table says), else missing_label


def _gap(s: Series, i: int, default: str) -> str:
    return s.gaps[i] if s.gaps and i < len(s.gaps) and s.gaps[i] else default


Box = tuple[float, float, float, float]  # x, y, width, height
SeriesLike = Series | tuple[str, Sequence[Value]] | tuple[str, Sequence[Value], str | None]
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_DASHES = ("", "8 4", "2 4", "12 4 2 4")


def _esc(text: object) -> str:
    """Text fit for SVG content or a quoted attribute; characters XML cannot hold are dropped."""
    clean = _INVALID_XML.sub("", str(text))
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def format_number(value: Number) -> str:
    """1,234 for whole numbers, 12.5 for others (two decimals at most)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _text_width(text: str, size: int = FONT_SIZE) -> float:
    return len(text) * size * 0.6  # a generous average for Arial, so labels are not clipped


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chart_id(chart_id: str | None, title: str) -> str:
    if chart_id:
        safe = _ID_UNSAFE.sub("-", chart_id).strip("-")
        return safe if safe[:1].isalpha() else f"chart-{safe}"
    return "chart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]


def _scale(top_value: float, integers: bool, ticks: int = 5) -> tuple[float, float]:
    """A round axis maximum and step covering top_value; whole steps for counts."""
    if top_value <= 0:
        return 1.0, 1.0 if integers else 0.2
    raw = top_value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for multiple in (1, 2, 2.5, 5, 10):
        candidate = magnitude * multiple
        if integers and not float(candidate).is_integer():
            continue
        if candidate * ticks >= top_value:
            step = candidate
            break
    return math.ceil(top_value / step - 1e-9) * step, step


def _series(series: Sequence[SeriesLike], length: int) -> list[Series]:
    result = []
    for i, item in enumerate(series):
        s = Series(*item)
        values = list(s.values)[:length] + [None] * max(0, length - len(s.values))
        for value in values:
            if value is not None and (value < 0 or not math.isfinite(value)):
                raise ValueError(f"Charts show counts and rates: {value!r} in {s.name!r} is not allowed.")
        result.append(Series(s.name, values, s.colour or PALETTE[i % len(PALETTE)], s.gaps))
    return result


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = TEXT, size: int = FONT_SIZE,
          weight: str | None = None, rotate: float | None = None, baseline: str | None = None) -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}" fill="{fill}" text-anchor="{anchor}"'
    if size != FONT_SIZE:
        attrs += f' font-size="{size}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if baseline:
        attrs += f' dominant-baseline="{baseline}"'
    if rotate is not None:
        attrs += f' transform="rotate({rotate:g} {x:.1f} {y:.1f})"'
    return f"<text {attrs}>{_esc(text)}</text>"


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = AXIS) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def _axes(left: float, top: float, width: float, height: float) -> list[str]:
    return [_line(left, top, left, top + height), _line(left, top + height, left + width, top + height)]


def _svg(cid: str, title: str, desc: str, width: float, height: float, body: list[str]) -> str:
    width, height = math.ceil(width), math.ceil(height)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" width="100%" viewBox="0 0 {width} {height}" '
        f'preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'font-family="{_esc(FONT)}" font-size="{FONT_SIZE}">',
        f'<title id="{cid}-title">{_esc(title)}</title>',
        f'<desc id="{cid}-desc">{_esc(desc)}</desc>',
        *body,
        "</svg>",
    ])


def _empty(cid: str, title: str, width: float, message: str = NO_DATA) -> str:
    # Left-aligned in short lines: on a narrow screen the box scrolls, and its left part is what shows.
    lines = textwrap.wrap(message, 34)
    height = 160
    top = height / 2 - (len(lines) - 1) * 12
    body = [f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#ffffff" stroke="{GRID}"/>',
            *(_text(24, top + 24 * i, line, baseline="middle", fill=SECONDARY_TEXT) for i, line in enumerate(lines))]
    return _svg(cid, title, message + ".", width, height, body)


def _legend(
    series: list[Series], x0: float, y0: float, max_width: float, *, lines: bool = False
) -> tuple[list[str], float]:
    """Swatches and names, wrapped to max_width; returns the elements and the height used."""
    if len(series) < 2:
        return [], 0.0
    body, x, y = [], x0, y0
    for i, s in enumerate(series):
        label = s.name  # legends are never shortened: the wrap gives a long name its own line
        item_width = 24 + _text_width(label) + 20
        if x > x0 and x + item_width > x0 + max_width:
            x, y = x0, y + 24
        if lines:
            dash = f' stroke-dasharray="{_DASHES[i % len(_DASHES)]}"' if _DASHES[i % len(_DASHES)] else ""
            body.append(f'<line x1="{x:.1f}" y1="{y + 8:.1f}" x2="{x + 18:.1f}" y2="{y + 8:.1f}" '
                        f'stroke="{s.colour}" stroke-width="3"{dash}/>')
        else:
            body.append(f'<rect x="{x:.1f}" y="{y + 1:.1f}" width="14" height="14" fill="{s.colour}"/>')
        body.append(_text(x + 24, y + 13, label))
        x += item_width
    return body, y - y0 + 24 + 8


def _describe(kind: str, categories: Sequence[str], series: list[Series], category_label: str, value_label: str,
              fmt: Callable[[Number], str], missing_label: str) -> str:
    what = f"{kind} of {value_label or 'values'} by {category_label or 'category'}"
    parts = []
    for s in series:
        cells = [f"{c}: {fmt(v) if v is not None else _gap(s, i, missing_label)}"
                 for i, (c, v) in enumerate(zip(categories, s.values))]
        shown = "; ".join(cells[:12]) + (f"; and {len(cells) - 12} more" if len(cells) > 12 else "")
        parts.append(f"{s.name}: {shown}" if len(series) > 1 else shown)
    return f"{what}. " + ". ".join(parts) + "."


def bar_chart(title: str, data: Sequence[tuple[str, Value]], *, category_label: str = "", value_label: str = "",
              horizontal: bool = False, colour: str | None = None, desc: str | None = None,
              chart_id: str | None = None, width: int = WIDTH, height: int | None = None,
              value_format: Callable[[Number], str] = format_number, missing_label: str = "Not shown") -> str:
    """One value per category, as vertical bars or (better for long labels) horizontal ones."""
    categories = [str(c) for c, _ in data]
    series = [Series(value_label or title, [v for _, v in data], colour or PALETTE[0])]
    return grouped_bar_chart(title, categories, series, category_label=category_label, value_label=value_label,
                             horizontal=horizontal, desc=desc, chart_id=chart_id, width=width, height=height,
                             value_format=value_format, missing_label=missing_label)


def grouped_bar_chart(title: str, categories: Sequence[str], series: Sequence[SeriesLike], *, stacked: bool = False,
                      category_label: str = "", value_label: str = "", horizontal: bool = False,
                      desc: str | None = None, chart_id: str | None = None, width: int = WIDTH,
                      height: int | None = None, value_format: Callable[[Number], str] = format_number,
                      missing_label: str = "Not shown", empty_message: str = NO_DATA,
                      label_format: Callable[[Number], str] | None = None) -> str:
    """Several series per category, side by side or stacked (for example effective / not effective by tactic).

    `empty_message` is drawn when there is no value to show (the table beside may say why: "fewer than 5").
    `label_format` writes each bar's value (with its unit, say), where the axis ticks keep `value_format`."""
    cid = _chart_id(chart_id, title)
    categories = [str(c) for c in categories]
    all_series = _series(series, len(categories))
    if not categories or not all_series or all(v is None for s in all_series for v in s.values):
        return _empty(cid, title, width, empty_message)
    tick_fmt, fmt = value_format, label_format or value_format
    kind = "Stacked bar chart" if stacked else "Bar chart"
    description = desc or _describe(kind, categories, all_series, category_label, value_label, fmt, missing_label)
    totals = [sum(s.values[i] or 0 for s in all_series) for i in range(len(categories))]
    peak = max(totals) if stacked else max((v or 0) for s in all_series for v in s.values)
    integers = all(float(v).is_integer() for s in all_series for v in s.values if v is not None)
    top, step = _scale(peak, integers)
    tick_values = [step * k for k in range(int(round(top / step)) + 1)]
    tick_width = max(_text_width(tick_fmt(t)) for t in tick_values)
    label_limit = 40 if horizontal else 24
    labels = [_shorten(c, label_limit) for c in categories]
    n, m = len(categories), len(all_series)
    body: list[str] = []

    if horizontal:
        band = 32 if stacked or m == 1 else 10 + 20 * m
        value_room = max(_text_width(fmt(peak)), *(_text_width(tick_fmt(v)) for v in tick_values)) + 12
        left = min(max(_text_width(label) for label in labels) + 16, width * 0.45)
        legend, legend_h = _legend(all_series, 16, 12, width - 32)
        top_margin = 12 + legend_h + (24 if category_label else 0)
        bottom = 30 + (28 if value_label else 0)
        plot_w = width - left - value_room - 8
        total_h = height or top_margin + n * band + bottom
        band = (total_h - top_margin - bottom) / n
        plot_h = n * band

        def rect(band_index: int, offset: float, thickness: float, start: float, length: float) -> Box:
            return left + start, top_margin + band_index * band + offset, length, thickness
    else:
        rotate = max(_text_width(label) for label in labels) > (width - tick_width - 60) / n - 6
        tick_area = (max(_text_width(label) for label in labels) * 0.72 + 16) if rotate else 24
        left = 16 + (24 if value_label else 0) + tick_width
        if rotate:  # the first label slants down to the left: keep it inside the picture
            left = max(left, _text_width(labels[0]) * 0.72 + 8 - (width - left) / n / 2)
        legend, legend_h = _legend(all_series, left, 12, width - left - 16)
        top_margin = 12 + legend_h + 20  # room for the value label over the tallest bar
        bottom = tick_area + (28 if category_label else 0) + 8
        total_h = max(height or 360, top_margin + bottom + 160)
        plot_w, plot_h = width - left - 16, total_h - top_margin - bottom
        band = plot_w / n

        def rect(band_index: int, offset: float, thickness: float, start: float, length: float) -> Box:
            return left + band_index * band + offset, top_margin + plot_h - start - length, thickness, length

    extent = plot_w if horizontal else plot_h
    body += legend
    for t in tick_values:  # value axis: gridlines and tick labels
        p = t / top * extent
        if horizontal:
            x = left + p
            body.append(_line(x, top_margin, x, top_margin + plot_h, GRID))
            body.append(_text(x, top_margin + plot_h + 20, tick_fmt(t), anchor="middle"))
        else:
            y = top_margin + plot_h - p
            body.append(_line(left, y, left + plot_w, y, GRID))
            body.append(_text(left - 8, y + 5, tick_fmt(t), anchor="end"))

    padding = band * 0.2
    inner = band - 2 * padding
    for i, label in enumerate(labels):
        start = 0.0
        for j, s in enumerate(all_series):
            value = s.values[i]
            thickness = inner if stacked else inner / m
            offset = padding + (0 if stacked else j * thickness)
            length = (value or 0) / top * extent
            x, y, w, h = rect(i, offset, thickness, start, length)
            tip = f"{label}, {s.name}: {fmt(value) if value is not None else _gap(s, i, missing_label)}"
            if value is not None and length > 0:
                body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{s.colour}">'
                            f"<title>{_esc(tip)}</title></rect>")
            text = fmt(value) if value is not None else _gap(s, i, missing_label)
            if stacked:
                room_along, room_across = (w, h) if horizontal else (h, w)
                fits = _text_width(text, 12) + 6 <= (room_along if horizontal else room_across)
                if value and fits and (room_across if horizontal else room_along) >= 16:
                    body.append(_text(x + w / 2, y + h / 2 + 4, text, anchor="middle", fill="#ffffff", size=12))
                start += length
            elif horizontal:
                fill = TEXT if value is not None else SECONDARY_TEXT
                body.append(_text(x + length + 6, y + h / 2 + 5, text, fill=fill))
            elif _text_width(text, 12) <= thickness + 8:
                body.append(_text(x + w / 2, y - 6, text, anchor="middle", size=12,
                                  fill=TEXT if value is not None else SECONDARY_TEXT))
        if stacked:  # the total at the end of the stack
            x, y, w, h = rect(i, padding, inner, 0, totals[i] / top * extent)
            total = fmt(totals[i])
            if horizontal:
                body.append(_text(x + w + 6, y + h / 2 + 5, total, weight="bold"))
            elif _text_width(total, 12) <= inner + 8:
                body.append(_text(x + w / 2, y - 6, total, anchor="middle", size=12, weight="bold"))
        if horizontal:
            body.append(_text(left - 8, top_margin + (i + 0.5) * band + 5, label, anchor="end"))
        elif rotate:
            cx, cy = left + (i + 0.5) * band, top_margin + plot_h + 14
            body.append(_text(cx, cy, label, anchor="end", rotate=-45))
        else:
            body.append(_text(left + (i + 0.5) * band, top_margin + plot_h + 20, label, anchor="middle"))

    # Axes last, so they sit over the bars' ends.
    body += _axes(left, top_margin, plot_w, plot_h)
    total_height = top_margin + plot_h + bottom
    if horizontal:
        if value_label:
            body.append(_text(left + plot_w / 2, total_height - 10, value_label, anchor="middle", weight="bold"))
        if category_label:
            body.append(_text(left - 8, top_margin - 10, category_label, anchor="end", weight="bold"))
    else:
        if value_label:
            body.append(_text(18, top_margin + plot_h / 2, value_label, anchor="middle", weight="bold", rotate=-90))
        if category_label:
            body.append(_text(left + plot_w / 2, total_height - 10, category_label, anchor="middle", weight="bold"))
    return _svg(cid, title, description, width, total_height, body)


def _month_label(month: date | str) -> str:
    return month.strftime("%b %Y") if isinstance(month, date) else str(month)


def line_chart(title: str, months: Sequence[date | str], series: Sequence[SeriesLike], *,
               category_label: str = "Month", value_label: str = "", desc: str | None = None,
               chart_id: str | None = None, width: int = WIDTH, height: int = 360,
               value_format: Callable[[Number], str] = format_number, missing_label: str = "Not shown",
               empty_message: str = NO_DATA) -> str:
    """Monthly values as lines, with a gap where a value is None (`empty_message` when every value is).

    Series differ in dash and marker shape as well as colour, so colour is not the only cue.
    """
    cid = _chart_id(chart_id, title)
    labels = [_month_label(m) for m in months]
    all_series = _series(series, len(labels))
    if not labels or not all_series or all(v is None for s in all_series for v in s.values):
        return _empty(cid, title, width, empty_message)
    fmt = value_format
    description = desc or _describe("Line chart", labels, all_series, category_label, value_label, fmt, missing_label)
    integers = all(float(v).is_integer() for s in all_series for v in s.values if v is not None)
    top, step = _scale(max((v or 0) for s in all_series for v in s.values), integers)
    tick_values = [step * k for k in range(int(round(top / step)) + 1)]
    left = 16 + (24 if value_label else 0) + max(_text_width(fmt(t)) for t in tick_values)
    legend, legend_h = _legend(all_series, left, 12, width - left - 16, lines=True)
    top_margin = 12 + legend_h + 20
    bottom = 32 + (28 if category_label else 0)
    plot_w = width - left - 40
    plot_h = max(height - top_margin - bottom, 160)
    n = len(labels)

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else i * plot_w / (n - 1))

    def y_at(v: float) -> float:
        return top_margin + plot_h - v / top * plot_h

    body = list(legend)
    for t in tick_values:
        y = y_at(t)
        body.append(_line(left, y, left + plot_w, y, GRID))
        body.append(_text(left - 8, y + 5, fmt(t), anchor="end"))
    needed = math.ceil(max(_text_width(label) for label in labels) * 1.2 / (plot_w / max(n - 1, 1)))
    every = next(k for k in (1, 2, 3, 4, 6, 12, 24, 36, 60, 120, n) if k >= needed)  # months: quarters, halves, years
    for i, label in enumerate(labels):
        if i % every == 0:
            body.append(_text(x_at(i), top_margin + plot_h + 20, label, anchor="middle"))
            body.append(_line(x_at(i), top_margin + plot_h, x_at(i), top_margin + plot_h + 5))
    label_points = len(all_series) == 1 and n <= 24
    for j, s in enumerate(all_series):
        dash = _DASHES[j % len(_DASHES)]
        runs: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((x_at(i), y_at(v)))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                body.append(
                    f'<polyline points="{points}" fill="none" stroke="{s.colour}" stroke-width="3"{dash_attr}/>'
                )
        last = max((i for i, v in enumerate(s.values) if v is not None), default=None)
        for i, v in enumerate(s.values):
            if v is None:
                continue
            x, y = x_at(i), y_at(v)
            tip = f"<title>{_esc(f'{labels[i]}, {s.name}: {fmt(v)}')}</title>"
            shape = j % 3
            if shape == 0:
                body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{s.colour}">{tip}</circle>')
            elif shape == 1:
                body.append(
                    f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{s.colour}">{tip}</rect>'
                )
            else:
                diamond = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
                body.append(f'<polygon points="{diamond}" fill="{s.colour}">{tip}</polygon>')
            if label_points or i == last:
                body.append(_text(x, y - 10, fmt(v), anchor="middle", size=12))
    body += _axes(left, top_margin, plot_w, plot_h)
    total_height = top_margin + plot_h + bottom
    if value_label:
        body.append(_text(18, top_margin + plot_h / 2, value_label, anchor="middle", weight="bold", rotate=-90))
    if category_label:
        body.append(_text(left + plot_w / 2, total_height - 10, category_label, anchor="middle", weight="bold"))
    return _svg(cid, title, description, width, total_height, body)
