"""The QR codes of pack covers are exactly segno's, whatever the address.

integr8.print.qr runs segno's encoding steps and chooses the data mask itself, faster; a code
that differed from segno's (another mask, another version) would still scan, but the point is
that nothing changes for the reader. These tests compare whole SVGs with ``segno.make``.
"""

from __future__ import annotations

import random

import pytest
import segno

from integr8.print.qr import qr_code, qr_svg

LANGUAGES = ["", "en/", "ar/", "fa/", "uk/", "tr/"]


def segno_svg(address: str, label: str) -> str:
    svg = segno.make(address, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, svgclass="i8-qr", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("kind", ["trainer-pack", "participant-pack"])
def test_pack_addresses_give_segnos_code(prefix, kind):
    for module in ("alpha", "work-and-applications", "module-0042", "a-much-longer-module-name-about-health-and-care"):
        address = f"https://hub.integr8-project.eu/{prefix}modules/{module}/{kind}/"
        assert qr_svg(address, "QR") == segno_svg(address, "QR"), address


def test_addresses_of_every_size_and_script_give_segnos_code_and_mask():
    chance = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyz0123456789-/_.ÄéşфАبپ"
    for _ in range(150):
        address = "https://example.org/" + "".join(chance.choice(letters) for _ in range(chance.randint(0, 260)))
        ours, theirs = qr_code(address), segno.make(address, error="m", micro=False)
        assert (ours.version, ours.error, ours.mask) == (theirs.version, theirs.error, theirs.mask), address
        assert ours.matrix == theirs.matrix, address


def test_the_label_is_escaped_for_the_attribute():
    assert 'aria-label="QR &quot;Pack&quot; &amp; more"' in qr_svg("https://example.org/", 'QR "Pack" & more')
