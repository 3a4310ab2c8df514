"""The stylesheet's colours pass WCAG 2 AA (4.5:1 for text): every rule that sets both a text colour and a background,
the pairs a page implies (body text on the page and on white, links, muted text, the header and its menu, buttons,
tags and timeliness cells, messages), every text colour of the content on every light background the stylesheet
paints, and white on every dark one. Reads app.css only: no server (the suite's --base-url is accepted, not used)."""
import os
import re
from pathlib import Path

# CCHC_CSS checks another copy (a stylesheet being tried on a running server's resources).
CSS = Path(os.environ.get("CCHC_CSS") or Path(__file__).resolve().parents[2] / "Sources/CCHCApp/Resources/Public/app.css")
AA = 4.5
NAMED = {"white": "#ffffff", "black": "#000000"}


# ---- reading the stylesheet ------------------------------------------------------------------------------------------

def _blocks(text, media=""):
    """(selector list, declarations, media) for every rule; @media blocks recursed into, other at-rules skipped."""
    i, out = 0, []
    while True:
        start = text.find("{", i)
        if start < 0:
            return out
        prelude = text[i:start].strip()
        depth, j = 1, start + 1
        while depth:
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
            j += 1
        body = text[start + 1:j - 1]
        if prelude.startswith("@media"):
            out += _blocks(body, prelude)
        elif not prelude.startswith("@"):
            out.append(([s.strip() for s in _split(prelude, ",")], _declarations(body), media))
        i = j


def _split(text, sep):
    """Splits at `sep` outside quotes and brackets."""
    parts, depth, quote, cur = [], 0, None, ""
    for ch in text:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    return parts + [cur]


def _declarations(body):
    decls = {}
    for d in _split(body, ";"):
        if ":" in d:
            k, v = d.split(":", 1)
            decls[k.strip().lower()] = v.replace("!important", "").strip()
    return decls


def rules():
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    return _blocks(text)


def colour(value):
    """(r, g, b, alpha) of the first colour in a value, or None (none, transparent, inherit, a gradient...)."""
    if value is None:
        return None
    m = re.search(r"#([0-9a-fA-F]{3,8})\b|rgba?\(([^)]*)\)|\b(white|black)\b", value)
    if not m:
        return None
    if m.group(1):
        h = m.group(1)
        if len(h) in (3, 4):
            h = "".join(c * 2 for c in h)
        rgb = [int(h[k:k + 2], 16) for k in (0, 2, 4)]
        alpha = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
        return (*rgb, alpha)
    if m.group(2):
        parts = [p.strip() for p in re.split(r"[,/ ]+", m.group(2).strip()) if p.strip()]
        rgb = [float(p[:-1]) * 2.55 if p.endswith("%") else float(p) for p in parts[:3]]
        alpha = float(parts[3][:-1]) / 100 if len(parts) > 3 and parts[3].endswith("%") else float(parts[3]) if len(parts) > 3 else 1.0
        return (*rgb, alpha)
    return colour(NAMED[m.group(3)])


def over(fg, bg):
    """`fg` (perhaps translucent) painted over the opaque `bg`."""
    a = fg[3]
    return tuple(fg[k] * a + bg[k] * (1 - a) for k in range(3)) + (1.0,)


def luminance(c):
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])


def ratio(fg, bg):
    fg = over(fg, bg) if fg[3] < 1 else fg
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def hexed(c):
    return "#%02x%02x%02x" % tuple(round(v) for v in c[:3])


RULES = rules()
HEADER = ("header", "nav.main", ".brand", ".who")  # what is painted on the header's red


def in_header(selector):
    return any(h in selector for h in HEADER)


def declared(selector, prop):
    """The colour `prop` takes in the (last) rule whose selector list holds exactly `selector`, outside @media."""
    found = None
    for selectors, decls, media in RULES:
        if selector in selectors and not media:
            value = decls.get(prop) if prop != "background" else decls.get("background-color", decls.get("background"))
            c = colour(value)
            if c is not None:
                found = c
    assert found is not None, f"app.css no longer sets {prop} on {selector!r}; update this test with the stylesheet"
    return found


def background_of(decls):
    return colour(decls.get("background-color", decls.get("background")))


PAGE = lambda: declared("body", "background")  # noqa: E731
WHITE = (255, 255, 255, 1.0)
HEADER_RED = lambda: declared("header.top", "background")  # noqa: E731


# ---- the checks ------------------------------------------------------------------------------------------------------

def test_the_stylesheet_is_read():
    """A parse that finds nothing would pass everything below: the known rules are there."""
    selectors = {s for sel, _, _ in RULES for s in sel}
    for s in ("body", "a", ".muted", "header.top", ".tag", ".cell.overdue", ".flash", "button", "button.secondary"):
        assert s in selectors, s
    assert len(RULES) > 80
    assert hexed(HEADER_RED()) == "#8b1a1a", "the visual identity: the dark red header"


def test_every_rule_that_sets_text_and_background_passes():
    pairs = []
    for selectors, decls, media in RULES:
        fg, bg = colour(decls.get("color")), background_of(decls)
        if fg is None or bg is None:
            continue
        if bg[3] < 1:
            bg = over(bg, HEADER_RED() if any(in_header(s) for s in selectors) else PAGE())
        pairs.append((", ".join(selectors) + (f" ({media})" if media else ""), fg, bg))
    assert len(pairs) >= 5, pairs
    failing = [(s, hexed(f), hexed(b), round(ratio(f, b), 2)) for s, f, b in pairs if ratio(f, b) < AA]
    assert not failing, failing


def implied_pairs():
    text, muted, link = declared("body", "color"), declared(".muted", "color"), declared("a", "color")
    pairs = [
        ("body text on the page", text, PAGE()),
        ("body text on white (cards, tables)", text, WHITE),
        ("table heading", text, declared("th", "background")),
        ("statistics group row", text, declared("table.stats tr.group th", "background")),
        ("links on white", link, WHITE),
        ("links on the page", link, PAGE()),
        ("links on a table heading", link, declared("th", "background")),
        ("hovered link", declared("a:hover", "color"), WHITE),
        (".muted on white", muted, WHITE),
        (".muted on the page", muted, PAGE()),
        (".muted on a table heading / group row", muted, declared("th", "background")),
        ("last period's figure", declared("td.prev", "color"), WHITE),
        ("footer", declared("footer", "color"), PAGE()),
        ("breadcrumbs", declared(".crumbs", "color"), PAGE()),
        ("field error on white", declared(".field-error", "color"), WHITE),
        ("field error in the error summary", declared(".field-error", "color"), declared(".error-summary", "background")),
        ("header text", declared("header.top", "color"), HEADER_RED()),
        ("header links", declared("header.top a", "color"), HEADER_RED()),
        ("the signed-in unit in the header", declared(".who .muted", "color"), HEADER_RED()),
        ("the brand's subtitle", declared(".brand small", "color"), HEADER_RED()),
        ("current menu item", declared("header.top a", "color"), declared("nav.main a[aria-current]", "background")),
        ("hovered menu item", declared("header.top a", "color"), declared("nav.main a:hover", "background")),
        ("button", declared("button", "color"), declared("button", "background")),
        ("secondary button", declared("button", "color"), declared("button.secondary", "background")),
        ("hovered button", declared("button:hover", "color"), declared("button:hover", "background")),
        ("hovered secondary button", declared("button:hover", "color"), declared("button.secondary:hover", "background")),
        ("success message", text, declared(".flash", "background")),
        ("warnings", text, declared(".warnings", "background")),
        ("error summary", text, declared(".error-summary", "background")),
        ("row with an error", text, declared("tr.row-error td", "background")),
        ("row with a warning", text, declared("tr.row-warn td", "background")),
        ("tile figure", declared(".tile-value", "color"), WHITE),
    ]
    # Tags and timeliness cells: their text is the body's (or inherited by their links) on their background.
    for selectors, decls, media in RULES:
        bg = background_of(decls)
        for s in selectors:
            if bg is not None and re.match(r"^\.(tag|cell)\b", s):
                tag_text = colour(decls.get("color")) or text
                pairs.append((s, tag_text, bg))
                pairs.append((s + " (muted text inside)", muted, bg))
    return pairs


def test_the_pairs_a_page_implies_pass():
    pairs = implied_pairs()
    failing = [f"{name}: {hexed(fg)} on {hexed(bg)} is {ratio(fg, bg):.2f}:1" for name, fg, bg in pairs if ratio(fg, bg) < AA]
    assert not failing, failing


def test_timeliness_cells_and_tags_are_all_covered():
    names = [n for n, _, _ in implied_pairs()]
    for status in ("on_time", "late", "overdue", "returned", "due_soon", "not_due"):
        assert any(n.startswith(f".cell.{status}") for n in names), status
        assert any(n.startswith(f".tag.{status}") for n in names), status


def content_text_colours():
    """Every text colour the content uses on whatever box it sits in (rules that set a colour but no background)."""
    out = {}
    for selectors, decls, media in RULES:
        fg = colour(decls.get("color"))
        if fg is None or background_of(decls) is not None or "print" in media:
            continue
        for s in selectors:
            if not in_header(s) and "button" not in s and not s.startswith(".button"):
                out.setdefault(hexed(fg), (s, fg))
    return list(out.values())


def painted_backgrounds():
    """(selector, colour) of every opaque background the stylesheet paints outside the header."""
    out = {}
    for selectors, decls, media in RULES:
        bg = background_of(decls)
        if bg is None or bg[3] < 1 or "print" in media:
            continue
        for s in selectors:
            if not in_header(s):
                out.setdefault(hexed(bg), (s, bg))
    return list(out.values())


def test_content_text_colours_pass_on_every_light_background():
    """Muted text, links, last period's figures, errors... may land in any box: a card, a group row, a warning, a cell."""
    texts = content_text_colours()
    light = [(s, bg) for s, bg in painted_backgrounds() if luminance(bg) >= 0.4]
    assert len(texts) >= 5 and len(light) >= 10, (texts, light)
    failing = [(ts, hexed(t), bs, hexed(b), round(ratio(t, b), 2)) for ts, t in texts for bs, b in light if ratio(t, b) < AA]
    assert not failing, failing


def test_white_text_passes_on_every_dark_background():
    """Buttons, the header and its menu items carry white text."""
    dark = [(s, bg) for selectors, decls, media in RULES for s in selectors
            for bg in [background_of(decls)] if bg is not None and bg[3] == 1 and luminance(bg) < 0.4]
    assert len(dark) >= 4, dark
    failing = [(s, hexed(b), round(ratio(WHITE, b), 2)) for s, b in dark if ratio(WHITE, b) < AA]
    assert not failing, failing


def test_focus_ring_is_visible():
    """WCAG 1.4.11: the focus outline at least 3:1 against what surrounds it, on the page and on the header."""
    ring = colour(next(d["outline"] for sel, d, m in RULES if ":focus-visible" in sel and "outline" in d))
    for bg in (WHITE, PAGE(), declared("th", "background")):
        assert ratio(ring, bg) >= 3, hexed(bg)
    header_ring = colour(next(d["outline-color"] for sel, d, m in RULES if "header.top :focus-visible" in sel))
    assert ratio(header_ring, HEADER_RED()) >= 3
    assert ratio(header_ring, declared("nav.main a[aria-current]", "background")) >= 3
