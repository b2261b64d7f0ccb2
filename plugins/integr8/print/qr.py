"""QR codes for pack covers: exactly segno's codes, in less than half of segno's time.

Every pack cover carries its own address as a QR code, so a build makes one code per module, kind
of pack and language (720 for 60 modules in 6 languages; 6 ms each with ``segno.make``, 3 ms
here). segno spends most of its time choosing the data mask: the QR standard asks to try all eight
and keep the one with the lowest penalty, and segno scores each mask module by module in Python.
This module runs segno's own encoding steps and scores the masks over whole rows at once (row bytes
as integers, regular expressions over all rows and columns), with the same rules, the same values
and the same tie-break, so it picks the mask segno picks; it writes the SVG as segno's
``svg_inline`` does. The result is byte for byte segno's (tests/test_qr.py compares them). It uses
segno's encoder functions, which are not segno's public API: segno is pinned in
requirements/site.txt, and the test fails if an upgrade changes them.
"""

from __future__ import annotations

import functools
import html
import re

# Scores of ISO/IEC 18004:2015 7.8.3.1, as segno counts them.
# N1: five or more modules of one colour in a line. segno's matrices hold 0x00 and 0x01 (0x02 where
# nothing was placed, 0x03 if a mask inverted that); spelt out, this runs several times faster than
# a backreference.
_RUN = re.compile(rb"\x00{5,}|\x01{5,}|\x02{5,}|\x03{5,}")
_FINDER_LIKE = b"\x01\x00\x01\x01\x01\x00\x01"  # N3: dark light dark dark dark light dark
_DARK = re.compile(rb"\x01+")
_BORDER = 2  # modules of quiet zone around the code, as the covers have always had
_SEPARATOR = b"\x07"  # a value no module has


def qr_svg(address: str, label: str) -> str:
    """``address`` as an inline SVG QR code (error level M or better), labelled for screen readers.

    The SVG is what ``svg_inline(scale=1, border=2, omitsize=True, svgclass="i8-qr", lineclass=None)``
    writes: one path drawing each run of dark modules as a line, every move relative to the last.
    """
    matrix = qr_code(address).matrix
    size = len(matrix) + 2 * _BORDER
    moves, x, y = [], 0, 0.0
    for number, row in enumerate(matrix):
        line = _BORDER + number + 0.5
        for run in _DARK.finditer(row):
            start, end = _BORDER + run.start(), _BORDER + run.end()
            down = line - y
            moves.append(f"{'m' if moves else 'M'}{start - x} {int(down) if down.is_integer() else down}h{end - start}")
            x, y = end, line
    return (
        f'<svg role="img" aria-label="{html.escape(label)}" viewBox="0 0 {size} {size}" class="i8-qr">'
        f'<path stroke="#000" d="{"".join(moves)}"/></svg>'
    )


def qr_code(address: str):
    """What ``segno.make(address, error="m", micro=False)`` makes."""
    import segno  # a build dependency (requirements/site.txt); imported here so validation never needs it
    from segno import consts, encoder

    error = encoder.normalize_errorlevel("m")
    segments = encoder.prepare_data(address, None, None)
    version = encoder.find_version(segments, error, eci=False, micro=False)
    error = encoder.boost_error_level(version, error, segments, False)
    buffer = encoder.Buffer()
    for segment in segments:
        encoder.write_segment(buffer, segment, None, encoder.version_range(version), False)
    capacity = consts.SYMBOL_CAPACITY[version][error]
    encoder.write_terminator(buffer, capacity, None, len(buffer))
    encoder.write_padding_bits(buffer, version, len(buffer))
    encoder.write_pad_codewords(buffer, version, capacity, len(buffer))
    buffer = encoder.make_final_message(version, error, buffer)
    width = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(matrix, width, width)
    encoder.add_alignment_patterns(matrix, width, width)
    encoder.add_codewords(matrix, buffer, version)
    mask, matrix = best_mask(matrix, width)
    encoder.add_format_info(matrix, version, error, mask)
    encoder.add_version_info(matrix, version)
    return segno.QRCode(encoder.Code(matrix, version, error, mask, segments))


def best_mask(matrix, width: int) -> tuple[int, tuple]:
    """The mask with the lowest penalty (the first of equals) and the matrix with it applied.

    The matrix is scored as one buffer: its rows, then its columns, each line followed by a byte no
    module has (so that no match spans two lines), held as one integer; a mask is one XOR with the
    modules it inverts, laid out the same way.
    """
    stride = width + 1
    lines = _SEPARATOR.join([*map(bytes, matrix), *map(bytes, zip(*matrix)), b""])
    unmasked = int.from_bytes(lines, "big")
    best_score, best_number, best_lines = None, None, None
    for number, flips in enumerate(_mask_flips(width)):
        masked = unmasked ^ flips
        score = penalty(masked.to_bytes(len(lines), "big"), masked >> (8 * stride * width), width)
        if best_score is None or score < best_score:
            best_score, best_number, best_lines = score, number, masked.to_bytes(len(lines), "big")
    return best_number, tuple(bytearray(best_lines[i * stride : i * stride + width]) for i in range(width))


def penalty(lines: bytes, rows: int, width: int) -> int:
    """N1 + N2 + N3 + N4 of a square matrix, exactly as ``segno.encoder.mask_scores`` counts them.

    ``lines`` holds its rows and then its columns, each followed by a separator; ``rows`` is the
    rows' part as an integer.
    """
    stride = width + 1
    shorter, runs = _RUN.subn(b"", lines)
    n1 = len(lines) - len(shorter) - 2 * runs
    # N2: a module that equals its left, upper and upper-left neighbours. A byte of rows ^ rows >> 8
    # is zero where a module equals the one before it (a separator never does), of rows ^ rows >>
    # (8 * stride) where it equals the one above; rows above the first are zeros, so it is skipped.
    left = rows ^ (rows >> 8)
    differences = left | (left >> (8 * stride)) | (rows ^ (rows >> (8 * stride)))
    n2 = differences.to_bytes(stride * width, "big")[stride:].count(0)
    n3 = _finder_like(lines, width)
    dark = sum(lines[: stride * width]) - _SEPARATOR[0] * width  # the rows and their separators
    n4 = 10 * int(abs(float(dark) / (width**2) * 100 - 50) / 5)
    return n1 + 3 * n2 + n3 + n4


def _finder_like(lines: bytes, size: int) -> int:
    """N3 of all rows and columns (each ``size`` modules and a separator): segno's count, with its
    light areas looked for within the line and its resuming after a near miss."""
    count = 0
    stride = size + 1
    index = lines.find(_FINDER_LIKE)
    while index != -1:
        start = index - index % stride  # of the line
        offset = index + 7
        if (
            index - start in (0, size - 7)
            or not lines[max(index - 4, start) : index].strip(b"\x00")
            or not lines[offset : min(offset + 4, start + size)].strip(b"\x00")
        ):
            count += 40
        else:
            offset = index + 4
        index = lines.find(_FINDER_LIKE, offset)
    return count


@functools.lru_cache(maxsize=None)
def _mask_flips(width: int) -> tuple[int, ...]:
    """For each of the eight masks, the modules it inverts (0x01 bytes) in best_mask's layout."""
    from segno import encoder

    function = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(function, width, width)
    encoder.add_alignment_patterns(function, width, width)
    function[-8][8] = 0x1  # the dark module is never masked
    masks = []
    for pattern in encoder.get_data_mask_functions(False):
        rows = [bytes(1 if function[i][j] > 0x1 and pattern(i, j) else 0 for j in range(width)) for i in range(width)]
        layout = b"\x00".join([*rows, *map(bytes, zip(*rows)), b""])  # separators stay as they are
        masks.append(int.from_bytes(layout, "big"))
    return tuple(masks)
