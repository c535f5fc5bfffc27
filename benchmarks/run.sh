#!/usr/bin/env bash
# The whole benchmark suite in under 14 minutes on a 2-core machine: every JMH benchmark once
# (with -prof gc), the headline operations under -Xmx16m and -Xmx64m, their minimum heap, the
# footprint (jar sizes, jlink runtime of core + matter-attestation, startup to first verification)
# and `openssl speed` as the native reference, all into results/; then report.py rewrites README's
# Performance table from those files. Needs target/benchmarks.jar and the modules' jars (their
# sizes are reported): builds them when the benchmarks jar is missing, with
#   ./mvnw -B -q package -DskipTests
# Usage: benchmarks/run.sh [--report-only]   (--report-only: regenerate the table from results/)
set -euo pipefail
cd "$(dirname "$0")"
# java, jdeps and jlink of JAVA_HOME when it is set, else of the PATH.
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
results=results
jar=target/benchmarks.jar

if [ "${1:-}" = "--report-only" ]; then
  exec python3 report.py "$results" ../README.md
fi
if [ ! -f "$jar" ] || [ ! -d target/footprint ]; then
  echo "run.sh: $jar missing, building it"
  (cd .. && ./mvnw -B -q package -DskipTests)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
mkdir -p "$results"

# Machine and JDK, and the load around the run (a busy machine makes the ratios noisy).
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cores=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "jdk=$(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "openssl=$(openssl version 2>/dev/null || echo none)"
  echo "load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)"
} > "$work/environment.properties"

# One JMH run of benchmarks matching $1, results written to $work/<$2>.json; a failure is
# recorded and the suite goes on.
jmh() {
  local pattern=$1 name=$2
  shift 2
  echo "run.sh: JMH $pattern $*"
  if ! java -jar "$jar" "$pattern" -f 1 -prof gc -rf json -rff "$work/$name.json" "$@"; then
    failed+=("$name")
  fi
}

jmh '\.MatterVerifyBenchmark\.' matter-verify -wi 3 -w 1 -i 5 -r 1
jmh '\.ChainValidationBenchmark\.' chain-validation -wi 2 -w 1 -i 3 -r 1
jmh '\.DacIssuanceBenchmark\.' dac-issuance -wi 3 -w 1 -i 5 -r 1
jmh '\.DecoderBenchmark\.' decoders -wi 2 -w 1 -i 3 -r 1
jmh '\.MatterTlvBenchmark\.' matter-tlv -wi 2 -w 1 -i 3 -r 1
jmh '\.SignatureBenchmark\.' signatures -wi 2 -w 1 -i 2 -r 1
jmh '\.RevocationFilterBenchmark\.' revocation -wi 2 -w 1 -i 3 -r 1
jmh '\.ScepEnrollmentBenchmark\.' scep -wi 2 -w 2 -i 3 -r 2
jmh '\.EstEnrollmentBenchmark\.' est -wi 2 -w 2 -i 3 -r 2
jmh '\.CmpEnrollmentBenchmark\.' cmp -wi 2 -w 2 -i 3 -r 2
# The HSM benchmark makes its own SoftHSM2 token in the directory of SOFTHSM2_CONF.
if [ -f /usr/lib/softhsm/libsofthsm2.so ]; then
  SOFTHSM2_CONF="$work/softhsm/softhsm2.conf" jmh '\.HsmDacIssuanceBenchmark\.' hsm -wi 2 -w 1 -i 3 -r 1
else
  echo "run.sh: no SoftHSM2 (apt-get install softhsm2): HsmDacIssuanceBenchmark not run" >&2
  failed+=(hsm)
fi

# Heap profiles of the headline operations (their default-heap run is above).
headline=$(java -cp "$jar" org.iotpki.benchmarks.HeadlineOperation --list | sed 's/\./\\./' | paste -sd '|')
for heap in 16m 64m; do
  jmh "^org\.iotpki\.benchmarks\.($headline)\$" "heap-$heap" -p deviceKey=EC_P256 -wi 2 -w 1 -i 2 -r 1 \
    -jvmArgsAppend "-Xmx$heap"
done
# One JSON array of every run (a group that failed may have left an empty file).
python3 -c 'import json, sys; print(json.dumps([e for f in sys.argv[1:] for e in json.load(open(f))], indent=2))' \
  $(find "$work" -name '*.json' -size +0 | sort) > "$results/jmh.json"

echo "run.sh: minimum heap of the headline operations"
java -cp "$jar" org.iotpki.benchmarks.MinimumHeap > "$work/minimum-heap.properties" || failed+=(minimum-heap)
java -cp "$jar" org.iotpki.benchmarks.DecoderInputs > "$work/input-sizes.properties" || failed+=(input-sizes)

echo "run.sh: footprint"
footprint() {
  local lib=target/footprint image="$work/jlink" probe="$work/probe" modules
  for artifact in ../*/target/iotpki-*-[0-9]*.jar; do
    case "$artifact" in *-sources.jar|*-javadoc.jar|*-tests.jar|*benchmarks*) continue ;; esac
    echo "jar.$(basename "$artifact" | sed 's/-[0-9].*//')=$(stat -c %s "$artifact")"
  done
  for artifact in "$lib"/bc*.jar "$lib"/slf4j*.jar; do
    echo "dependency.$(basename "$artifact" .jar)=$(stat -c %s "$artifact")"
  done
  modules=$(jdeps --module-path "$lib" --multi-release 17 --ignore-missing-deps --print-module-deps "$lib"/*.jar)
  echo "jlink.modules=$modules"
  jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$image" >/dev/null 2>&1
  echo "jlink.bytes=$(du -sb "$image" | cut -f 1)"
  echo "jlink.jdk=$("$image/bin/java" -version 2>&1 | head -n 1)"
  java -cp "$jar" org.iotpki.benchmarks.StartupProbe write "$probe"
  local runs=()
  for _ in 1 2 3 4 5 6 7; do
    runs+=("$("$image/bin/java" -Xshare:auto -cp "target/classes:$lib/*" org.iotpki.benchmarks.StartupProbe verify "$probe")")
  done
  echo "startup.millis=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 4p)"
  echo "startup.runs=${runs[*]}"
}
footprint > "$work/footprint.properties" || failed+=(footprint)

echo "run.sh: openssl speed"
# ML-DSA only where this OpenSSL has it (3.5 and later; 3.0 has not).
{
  openssl speed -seconds 3 ecdsap256 ed25519 2>/dev/null
  if openssl list -signature-algorithms 2>/dev/null | grep -qi 'ml-dsa'; then
    openssl speed -seconds 3 ML-DSA-44 ML-DSA-65 ML-DSA-87 2>/dev/null
  else
    echo "# no ML-DSA in $(openssl version)"
  fi
} > "$work/openssl-speed.txt" || failed+=(openssl)
echo "load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)" >> "$work/environment.properties"

cp "$work"/*.properties "$work/openssl-speed.txt" "$results/"
python3 report.py "$results" ../README.md
if [ ${#failed[@]} -gt 0 ]; then
  echo "run.sh: FAILED: ${failed[*]} (the table shows what ran)" >&2
  exit 1
fi
