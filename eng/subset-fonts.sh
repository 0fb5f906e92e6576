#!/usr/bin/env bash
# Rebuilds the information report's embedded fonts (Nacars.Core/Dissemination/Fonts) from Debian's DejaVu Sans 2.37
# (fonts-dejavu-core), keeping the scripts and symbols a report can show: Latin (all of it), Greek, Cyrillic,
# Armenian, Georgian, punctuation, currency, letterlike symbols, arrows, mathematical operators, box drawing,
# geometric shapes, miscellaneous symbols and dingbats. Right-to-left scripts go: PDFsharp neither shapes nor
# reorders them, so they never printed legibly. OpenType layout tables and hinting go too: PDFsharp uses neither,
# and viewers hint for themselves. Why: PDFsharp writes every glyph slot of the font into each report's subset
# (6,253 of them), a buffer that outgrew the small object heap on every report (ADR 0004).
# Needs: apt-get install fonts-dejavu-core python3-fonttools. Not part of the build: the output is committed.
set -euo pipefail
source_dir=${1:-/usr/share/fonts/truetype/dejavu}
out_dir="$(cd "$(dirname "$0")/.." && pwd)/Nacars.Core/Dissemination/Fonts"
unicodes="U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+0530-058F,U+10A0-10FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2500-259F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+FB00-FB06,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "$source_dir/$face.ttf" --unicodes="$unicodes" --layout-features='' --no-hinting \
    --drop-tables+=GSUB,GPOS,GDEF,MATH,kern,FFTM --name-IDs='*' --output-file="$out_dir/$face.ttf"
done
ls -l "$out_dir"
