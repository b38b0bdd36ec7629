"""Make the pictures of docs/_static: sample-2021 on a phone, printed from Chromium, and in Word (through LibreOffice).

Usage: ``uv run python scripts/render_views.py [--out docs/_static]``. Needs headless Chromium, LibreOffice and poppler
(``pdftoppm``); the fonts the pictures show are whatever fontconfig finds (Noto CJK stands in for the GB fonts through
the fontconfig file this script writes, used only for the conversion).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

import govdisclose

PHONE = 390
_STAND_INS = {  # GB font → the free font that stands in for it in the pictures
    "仿宋_GB2312": "Noto Serif CJK SC",
    "宋体": "Noto Serif CJK SC",
    "方正小标宋简体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "楷体_GB2312": "AR PL UKai CN",
}


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("headless Chromium is not on PATH")


def _run(command: list[str], **options: object) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300, **options)  # type: ignore[call-overload]


def _fonts_conf(folder: Path) -> Path:
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{family}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{stand_in}</string></edit></match>'
        for family, stand_in in _STAND_INS.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        f'<?xml version="1.0"?><fontconfig><include>/etc/fonts/fonts.conf</include>{rules}</fontconfig>',
        encoding="utf-8",
    )
    return path


def _side_by_side(images: list[Image.Image], gap: int = 16) -> Image.Image:
    height = max(image.height for image in images)
    sheet = Image.new("RGB", (sum(image.width for image in images) + gap * (len(images) - 1), height), "#d0d0d0")
    x = 0
    for image in images:
        sheet.paste(image, (x, 0))
        x += image.width + gap
    return sheet


def _save(image: Image.Image, path: Path) -> None:
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(path, optimize=True)
    print(f"{path} {image.width}×{image.height} {path.stat().st_size // 1024} KiB")


def phone(html: str, folder: Path, out: Path) -> None:
    """Table 三 on a 390-pixel phone: as it opens, and scrolled to the right (labels in view, 其他 and 总计 shown)."""
    chromium = _chromium()
    (folder / "report.html").write_text(html, encoding="utf-8")
    shots = []
    for scrolled in (False, True):
        script = (
            "const f=document.getElementById('r');f.addEventListener('load',()=>{const d=f.contentDocument;"
            "const t=d.querySelector('table[data-table^=applications]').closest('.gd-table-wrap');"
            + ("t.scrollLeft=t.scrollWidth;" if scrolled else "")
            + "const top=t.getBoundingClientRect().top+d.defaultView.scrollY-8;"
            "document.title=String(Math.round(top));f.style.marginTop=(-top)+'px';});"
        )
        page = (
            "<!DOCTYPE html><html><body style='margin:0;overflow:hidden'>"
            f"<iframe id='r' src='report.html' style='width:{PHONE}px;height:20000px;border:0;display:block'></iframe>"
            f"<script>{script}</script></body></html>"
        )
        (folder / "phone.html").write_text(page, encoding="utf-8")
        shot = folder / f"phone-{scrolled}.png"
        _run(
            [
                chromium,
                *("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"),
                *("--allow-file-access-from-files", "--virtual-time-budget=5000", f"--screenshot={shot}"),
                *("--window-size=500,1500", str(folder / "phone.html")),
            ]
        )
        shots.append(Image.open(shot).crop((0, 0, PHONE, 1500)))
    _save(_side_by_side(shots), out / "sample-2021-html-phone.png")


def printed(html: str, folder: Path, out: Path) -> None:
    """The pages of the printed HTML that hold tables 二, 三 and 四."""
    (folder / "report.html").write_text(html, encoding="utf-8")
    pdf = folder / "print.pdf"
    _run(
        [
            _chromium(),
            *("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"),
            *(f"--print-to-pdf={pdf}", str(folder / "report.html")),
        ]
    )
    _pages(pdf, folder / "print", (3, 4, 5), out / "sample-2021-html-print.png")


def _pages(pdf: Path, stem: Path, pages: tuple[int, ...], out: Path) -> None:
    images = []
    for page in pages:
        _run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                f"{stem}-{page}",
            ]
        )
        image = Image.open(f"{stem}-{page}.png")
        framed = Image.new("RGB", (image.width + 2, image.height + 2), "#888")
        framed.paste(image, (1, 1))
        images.append(framed)
    _save(_side_by_side(images), out)


def word(report: govdisclose.model.Report, folder: Path, out: Path) -> None:
    """Pages 1, 4 and 6 of the Word document as LibreOffice prints it: metadata and title, table 三, the signature."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice is not on PATH")
    source = folder / "report.docx"
    data = govdisclose.render(report, to="docx")
    assert isinstance(data, bytes)
    source.write_bytes(data)
    environment = {**os.environ, "FONTCONFIG_FILE": str(_fonts_conf(folder))}
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"
    _run([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)], env=environment)
    _pages(folder / "report.pdf", folder / "word", (1, 4, 6), out / "sample-2021-docx-pages.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/_static"))
    options = parser.parse_args()
    report = govdisclose.examples.load("sample-2021")
    html = govdisclose.render(report, to="html")
    assert isinstance(html, str)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        phone(html, folder, options.out)
        printed(html, folder, options.out)
        word(report, folder, options.out)


if __name__ == "__main__":
    main()
