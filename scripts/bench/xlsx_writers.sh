#!/usr/bin/env bash
# The national units × indicators .xlsx (issue 14 §3): the same cells written by
#   swift-stream    CCHCOffice.XLSXStreamWriter (rows to a temporary file, zipped at the end)
#   swift-workbook  CCHCOffice.XLSXWorkbook(...).data() (every row in memory first, then the same writer)
#   swift-old       XLSXWorkbook.data() of an older commit, when OLD_COMMIT is given (e.g. 22031ee, before streaming)
#   openpyxl        openpyxl write-only, each cell with its number format (and openpyxl-plain: bare values)
#   libxlsxwriter   libxlsxwriter in constant-memory mode (Debian's libxlsxwriter-dev)
# Wall time and peak resident memory from GNU time ("Maximum resident set size"); Swift in release mode.
#
# usage: scripts/bench/xlsx_writers.sh [ROWS=10600] [INDICATORS=80]
# env:   OLD_COMMIT=<commit>   also measure that commit's writer
#        REPEAT=3              runs of each writer
#        CHECK=1               read every file back with openpyxl (slow) and compare a few cells
#        WORK=/tmp/cchc-xlsx-bench   where the throwaway Swift packages are built (the repository is not touched)
# needs: swift, python3 with openpyxl (pip install openpyxl), cc and libxlsxwriter-dev, GNU time (apt-get install time)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/scripts/bench"
ROWS=${1:-10600}
INDICATORS=${2:-80}
REPEAT=${REPEAT:-3}
WORK=${WORK:-/tmp/cchc-xlsx-bench}
mkdir -p "$WORK/out"

# A package of its own: CCHCOffice's sources (copied) and the bench program; nothing is built in the repository.
make_package() {
    local dir=$1 sources=$2 define=$3
    rm -rf "$dir/Sources"
    mkdir -p "$dir/Sources/xlsxbench"
    cp -R "$sources" "$dir/Sources/CCHCOffice"
    cp "$BENCH/xlsx_bench.swift" "$dir/Sources/xlsxbench/main.swift"
    local settings=""
    if [ -n "$define" ]; then settings=", swiftSettings: [.define(\"$define\")]"; fi
    cat > "$dir/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "xlsxbench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19")],
    targets: [
        .target(name: "CCHCOffice", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(name: "xlsxbench", dependencies: ["CCHCOffice"]$settings),
    ]
)
SWIFT
    (cd "$dir" && swift build -c release --product xlsxbench 2>&1 | tail -1) >&2
}

echo "== building (release)" >&2
make_package "$WORK/new" "$ROOT/Sources/CCHCOffice" ""
if [ -n "${OLD_COMMIT:-}" ]; then
    rm -rf "$WORK/old-src" && mkdir -p "$WORK/old-src"
    git -C "$ROOT" archive "$OLD_COMMIT" Sources/CCHCOffice | tar -x -C "$WORK/old-src"
    make_package "$WORK/old" "$WORK/old-src/Sources/CCHCOffice" "OLD_WRITER"
fi
cc -O2 -o "$WORK/xlsx_libxlsxwriter" "$BENCH/xlsx_libxlsxwriter.c" -lxlsxwriter

# name, output file, command…: prints "name wall-s cpu-s peak-MB file-MB" from GNU time (cpu = user + system).
measure() {
    local name=$1 file=$2
    shift 2
    local log="$WORK/out/$name.time"
    rm -f "$file"
    /usr/bin/time -v -o "$log" "$@" > "$WORK/out/$name.stdout"
    local wall cpu peak size
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$log")
    size=$(stat -c %s "$file" | awk '{printf "%.1f", $1 / 1048576}')
    printf "%-16s %8s %8s %10s %9s\n" "$name" "$wall" "$cpu" "$peak" "$size" | tee -a "$WORK/out/runs.txt"
}

echo "rows=$ROWS indicators=$INDICATORS cells=$((ROWS * (INDICATORS + 1))) repeat=$REPEAT  $(nproc) cores, $(uname -m), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-16s %8s %8s %10s %9s\n" "writer" "wall_s" "cpu_s" "peak_MB" "file_MB"
rm -f "$WORK/out/runs.txt"
for run in $(seq 1 "$REPEAT"); do
    measure swift-stream "$WORK/out/stream.xlsx" "$WORK/new/.build/release/xlsxbench" stream "$WORK/out/stream.xlsx" "$ROWS" "$INDICATORS"
    measure swift-workbook "$WORK/out/workbook.xlsx" "$WORK/new/.build/release/xlsxbench" workbook "$WORK/out/workbook.xlsx" "$ROWS" "$INDICATORS"
    if [ -n "${OLD_COMMIT:-}" ]; then
        measure swift-old "$WORK/out/old.xlsx" "$WORK/old/.build/release/xlsxbench" workbook "$WORK/out/old.xlsx" "$ROWS" "$INDICATORS"
    fi
    measure openpyxl "$WORK/out/openpyxl.xlsx" python3 "$BENCH/xlsx_openpyxl.py" "$WORK/out/openpyxl.xlsx" "$ROWS" "$INDICATORS"
    measure openpyxl-plain "$WORK/out/openpyxl-plain.xlsx" python3 "$BENCH/xlsx_openpyxl.py" "$WORK/out/openpyxl-plain.xlsx" "$ROWS" "$INDICATORS" --plain
    measure libxlsxwriter "$WORK/out/libxlsxwriter.xlsx" "$WORK/xlsx_libxlsxwriter" "$WORK/out/libxlsxwriter.xlsx" "$ROWS" "$INDICATORS"
done
echo "median of $REPEAT runs (peak: the largest):"
python3 - "$WORK/out/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu, peak, size = line.split()
    runs.setdefault(name, []).append((float(wall), float(cpu), float(peak), size))
rows = [(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), max(r[2] for r in rs), rs[-1][3], name)
        for name, rs in runs.items()]
for wall, cpu, peak, size, name in sorted(rows):
    print("%-16s %8.2f %8.2f %10.1f %9s" % (name, wall, cpu, peak, size))
PY

if [ "${CHECK:-0}" = "1" ]; then
    echo "== reading the files back with openpyxl" >&2
    python3 - "$WORK/out" "$ROWS" "$INDICATORS" <<'PY'
import os, sys
from openpyxl import load_workbook
folder, rows, indicators = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = ["stream", "workbook", "old", "openpyxl", "openpyxl-plain", "libxlsxwriter"]
for path in [os.path.join(folder, n + ".xlsx") for n in names if os.path.exists(os.path.join(folder, n + ".xlsx"))]:
    ws = load_workbook(path, read_only=True).worksheets[0]
    last = None
    count = 0
    for row in ws.iter_rows(values_only=True):
        count += 1
        last = row
    i = rows
    expected = [(i * 7919 + j * 104729) % 10007 for j in range(1, indicators + 1)]
    wanted = [v / 10000 if j % 5 == 0 else v / 8 if j % 5 == 1 else v for j, v in zip(range(1, indicators + 1), expected)]
    ok = count == rows + 1 and last[0] == "Xã số %05d — huyện %d" % (i, i % 705) \
        and all(abs(a - b) < 1e-9 for a, b in zip(last[1:], wanted))
    print("%-22s rows=%d last row %s" % (os.path.basename(path), count, "as expected" if ok else "DIFFERS: %r" % (last[:4],)))
    if not ok:
        sys.exit(1)
PY
fi
