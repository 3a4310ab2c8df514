#!/usr/bin/env bash
# A report .docx (issue 14 §4.4): the same document written by
#   swift-file    CCHCOffice OfficialDocument.write(to:) (the body streamed to a temporary file, zipped into the target)
#   swift-data    OfficialDocument.docxData() (the same writer, the file read back into memory), then saved
#   swift-old     docxData() of an older commit, when OLD_COMMIT is given (e.g. 732ab60, before streaming)
#   python-docx   python-docx (PyPI) with the same texts in the same layout (docx_python.py)
# for two documents: "report" — the state-layout heading, 15 paragraphs of narrative under 3 headings, a figures table
# of REPORT_ROWS × 4 — and "table" — the same heading, one paragraph, a table of TABLE_ROWS × 4.
# Wall time, CPU time (user + system) and peak resident memory from GNU time; the medians of REPEAT runs. Swift in release mode.
#
# usage: scripts/bench/docx_writers.sh [REPORT_ROWS=80] [TABLE_ROWS=5000]
# env:   OLD_COMMIT=<commit>   also measure that commit's writer (OLD_REPO: the repository to take it from, this one by default)
#        REPEAT=5              runs of each writer
#        CHECK=1               compare the Swift writers' word/document.xml byte for byte (and the old commit's, and a
#                              document using every feature of the writer), and read every file back with python-docx
#        WORK=/tmp/cchc-docx-bench   where the throwaway Swift packages are built (the repository is not touched)
# needs: swift, python3 with python-docx (pip install python-docx), unzip, GNU time (apt-get install time)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/scripts/bench"
REPORT_ROWS=${1:-80}
TABLE_ROWS=${2:-5000}
REPEAT=${REPEAT:-5}
WORK=${WORK:-/tmp/cchc-docx-bench}
mkdir -p "$WORK/out"

# A package of its own: CCHCOffice's sources (copied) and the bench program; nothing is built in the repository.
make_package() {
    local dir=$1 sources=$2 define=$3
    rm -rf "$dir/Sources"
    mkdir -p "$dir/Sources/docxbench"
    cp -R "$sources" "$dir/Sources/CCHCOffice"
    cp "$BENCH/docx_bench.swift" "$dir/Sources/docxbench/main.swift"
    local settings=""
    if [ -n "$define" ]; then settings=", swiftSettings: [.define(\"$define\")]"; fi
    cat > "$dir/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "docxbench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19")],
    targets: [
        .target(name: "CCHCOffice", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(name: "docxbench", dependencies: ["CCHCOffice"]$settings),
    ]
)
SWIFT
    (cd "$dir" && swift build -c release --product docxbench 2>&1 | tail -1) >&2
}

echo "== building (release)" >&2
make_package "$WORK/new" "$ROOT/Sources/CCHCOffice" ""
if [ -n "${OLD_COMMIT:-}" ]; then
    rm -rf "$WORK/old-src" && mkdir -p "$WORK/old-src"
    git -C "${OLD_REPO:-$ROOT}" archive "$OLD_COMMIT" Sources/CCHCOffice | tar -x -C "$WORK/old-src"
    make_package "$WORK/old" "$WORK/old-src/Sources/CCHCOffice" "OLD_WRITER"
fi
NEW="$WORK/new/.build/release/docxbench"
OLD="$WORK/old/.build/release/docxbench"

# name, output file, command…: prints "name wall-s cpu-s peak-MB file-KB" from GNU time (cpu = user + system).
measure() {
    local name=$1 file=$2
    shift 2
    local log="$WORK/out/${name//\//-}.time"
    rm -f "$file"
    /usr/bin/time -v -o "$log" "$@" > "$WORK/out/${name//\//-}.stdout"
    local wall cpu peak size
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$log")
    size=$(stat -c %s "$file" | awk '{printf "%.0f", $1 / 1024}')
    printf "%-24s %8s %8s %10s %9s\n" "$name" "$wall" "$cpu" "$peak" "$size" | tee -a "$WORK/out/runs.txt"
}

echo "report: $REPORT_ROWS table rows; table: $TABLE_ROWS rows; repeat=$REPEAT  $(nproc) cores, $(uname -m), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-24s %8s %8s %10s %9s\n" "writer" "wall_s" "cpu_s" "peak_MB" "file_KB"
rm -f "$WORK/out/runs.txt"
for run in $(seq 1 "$REPEAT"); do
    for kind in report table; do
        rows=$REPORT_ROWS
        if [ "$kind" = table ]; then rows=$TABLE_ROWS; fi
        measure "$kind/swift-file" "$WORK/out/$kind-file.docx" "$NEW" file "$kind" "$WORK/out/$kind-file.docx" "$rows"
        measure "$kind/swift-data" "$WORK/out/$kind-data.docx" "$NEW" data "$kind" "$WORK/out/$kind-data.docx" "$rows"
        if [ -n "${OLD_COMMIT:-}" ]; then
            measure "$kind/swift-old" "$WORK/out/$kind-old.docx" "$OLD" data "$kind" "$WORK/out/$kind-old.docx" "$rows"
        fi
        measure "$kind/python-docx" "$WORK/out/$kind-python.docx" python3 "$BENCH/docx_python.py" "$WORK/out/$kind-python.docx" "$kind" "$rows"
    done
done
echo "median of $REPEAT runs:"
python3 - "$WORK/out/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu, peak, size = line.split()
    runs.setdefault(name, []).append((float(wall), float(cpu), float(peak), size))
for name, rs in sorted(runs.items(), key=lambda item: (item[0].split("/")[0], statistics.median(r[0] for r in item[1]))):
    print("%-24s %8.2f %8.2f %10.1f %9s" % (name, statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
                                         statistics.median(r[2] for r in rs), rs[-1][3]))
PY

if [ "${CHECK:-0}" = "1" ]; then
    echo "== comparing the Swift writers' XML, reading every file back with python-docx" >&2
    "$NEW" file full "$WORK/out/full-file.docx" > /dev/null
    "$NEW" data full "$WORK/out/full-data.docx" > /dev/null
    if [ -n "${OLD_COMMIT:-}" ]; then "$OLD" data full "$WORK/out/full-old.docx" > /dev/null; fi
    for kind in report table full; do
        for other in data old; do
            [ -f "$WORK/out/$kind-$other.docx" ] || continue
            # unzip reads a name as a pattern: the bracket is escaped.
            for part in word/document.xml word/styles.xml word/_rels/document.xml.rels '\[Content_Types].xml' docProps/app.xml; do
                if ! cmp -s <(unzip -p "$WORK/out/$kind-file.docx" "$part") <(unzip -p "$WORK/out/$kind-$other.docx" "$part"); then
                    echo "$kind: $part of swift-file and swift-$other DIFFER"
                    exit 1
                fi
            done
            echo "$kind: swift-file and swift-$other write the same XML ($(unzip -p "$WORK/out/$kind-file.docx" word/document.xml | wc -c) bytes)"
        done
    done
    python3 - "$WORK/out" "$REPORT_ROWS" "$TABLE_ROWS" <<'PY'
import os, sys
from docx import Document
folder, report_rows, table_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for kind, rows in (("report", report_rows), ("table", table_rows)):
    for writer in ("file", "data", "old", "python"):
        path = os.path.join(folder, "%s-%s.docx" % (kind, writer))
        if not os.path.exists(path):
            continue
        document = Document(path)
        figures = max(document.tables, key=lambda t: len(t.rows))
        last = [c.text for c in figures.rows[-1].cells]
        value = (rows * 7919) % 10007
        ok = len(figures.rows) == rows + 1 and last[0] == str(rows) and last[3] == "%d,%d" % (value // 10, value % 10) \
            and "BÁO CÁO" in [p.text for p in document.paragraphs]
        print("%-22s %d table rows, last %s" % (os.path.basename(path), len(figures.rows), "as expected" if ok else "DIFFERS: %r" % last))
        if not ok:
            sys.exit(1)
PY
fi
