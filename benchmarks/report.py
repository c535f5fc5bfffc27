#!/usr/bin/env python3
"""Rewrites the Performance block of README.md from the files benchmarks/run.sh writes.

Usage: report.py RESULTS_DIR README

Reads RESULTS_DIR/jmh.json (JMH's JSON, every run of the suite, heap profiles told apart by the
-Xmx in their jvmArgs) and the .properties / openssl-speed.txt files beside it, replaces the text
between the performance:start and performance:end markers in README, and prints every goal with
its measured ratio and "met" or "NOT MET". Every goal is a ratio of two results of the same run.
Why a goal is missed is written by hand, outside the generated block.
"""
import json
import math
import re
import sys
from pathlib import Path

START = "<!-- performance:start -->"
END = "<!-- performance:end -->"
DEFAULT_HEAP = "default"
HEAPS = ["64m", "16m"]
JDK_DECODER = "DecoderBenchmark.jdkCertificateFactory"

TO_OPS_PER_SECOND = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}
TO_SECONDS_PER_OP = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


class Result:
    """One JMH result: benchmark as Class.method, its parameters, heap profile, rate, B/op."""

    def __init__(self, entry):
        self.name = ".".join(entry["benchmark"].split(".")[-2:])
        self.params = entry.get("params", {})
        heaps = [re.match(r"-Xmx(\S+)", arg) for arg in entry.get("jvmArgs", [])]
        self.heap = next((m.group(1) for m in heaps if m), DEFAULT_HEAP)
        metric = entry["primaryMetric"]
        self.score = metric["score"]
        self.error = finite(metric.get("scoreError"))
        self.unit = metric["scoreUnit"]
        if self.unit in TO_OPS_PER_SECOND:
            self.ops_per_second = self.score * TO_OPS_PER_SECOND[self.unit]
        else:
            self.ops_per_second = 1.0 / (self.score * TO_SECONDS_PER_OP[self.unit])
        # A single-shot "operation" is a batch of calls; rates are per call.
        self.batch = entry.get("measurementBatchSize", 1) if entry.get("mode") == "ss" else 1
        self.ops_per_second *= self.batch
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        self.bytes_per_op = alloc["score"] if alloc else None

    def label(self):
        params = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"`{self.name}`" + (f" ({params})" if params else "")

    def score_text(self):
        error = "" if self.error is None else f" ± {number(self.error)}"
        batch = f" (batch of {self.batch})" if self.batch > 1 else ""
        return f"{number(self.score)}{error} {self.unit}{batch}"


class Results:
    def __init__(self, entries):
        self.all = [Result(e) for e in entries]

    def find(self, name, heap=DEFAULT_HEAP, **params):
        for result in self.all:
            if result.name == name and result.heap == heap and all(
                result.params.get(k) == v for k, v in params.items()
            ):
                return result
        return None


def finite(value):
    """JMH writes "NaN" for the error of a single iteration."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def number(value):
    """Three significant digits, thousands separated."""
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:,.3g}"


def properties(path):
    values = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


class Goals:
    """The goal and ratio rows; each prints its verdict."""

    def __init__(self):
        self.rows = []
        self.verdicts = []

    def ratio(self, what, measured, detail, target=None):
        """target: ("<=", limit) or (">=", limit) or None for a ratio reported without a goal."""
        if measured is None:
            verdict = "not measured"
            measured_text = "-"
        else:
            measured_text = f"**{measured:.2f}** ({detail})"
            if target is None:
                verdict = ""
            else:
                met = measured <= target[1] if target[0] == "<=" else measured >= target[1]
                verdict = "met" if met else "**NOT MET**"
        target_text = "-" if target is None else f"{target[0]} {target[1]:g}"
        self.rows.append(f"| {what} | {measured_text} | {target_text} | {verdict} |")
        if target is not None:
            self.verdicts.append(f"{verdict.replace('*', '')}: {strip(what)} = "
                                 f"{'-' if measured is None else f'{measured:.2f}'} (goal {target_text})")

    def time_ratio(self, what, subject, baseline, target=None):
        """subject's time per operation / baseline's (1.0 = as fast as the baseline)."""
        if subject is None or baseline is None:
            self.ratio(what, None, "", target)
        else:
            self.ratio(what, baseline.ops_per_second / subject.ops_per_second,
                       f"{number(subject.ops_per_second)} vs {number(baseline.ops_per_second)} ops/s", target)

    def speed_ratio(self, what, subject, baseline, target=None):
        """subject's rate / baseline's (how many times faster)."""
        if subject is None or baseline is None:
            self.ratio(what, None, "", target)
        else:
            self.ratio(what, subject.ops_per_second / baseline.ops_per_second,
                       f"{number(subject.ops_per_second)} vs {number(baseline.ops_per_second)} ops/s", target)


def strip(markdown):
    return markdown.replace("`", "")


def goals_table(results, sizes):
    goals = Goals()
    find = results.find
    goals.time_ratio("Matter attestation time / its two raw ECDSA verifications' "
                     "(`MatterVerifyBenchmark.iotpkiVerifyChain` / `rawSignatureVerifies`)",
                     find("MatterVerifyBenchmark.iotpkiVerifyChain"),
                     find("MatterVerifyBenchmark.rawSignatureVerifies"), ("<=", 1.15))
    goals.speed_ratio("Matter attestation speed-up over JDK PKIX "
                      "(`iotpkiVerifyChain` / `jdkPkixVerifyChain`)",
                      find("MatterVerifyBenchmark.iotpkiVerifyChain"),
                      find("MatterVerifyBenchmark.jdkPkixVerifyChain"), (">=", 5))
    goals.speed_ratio("DAC issuance rate / raw ECDSA P-256 signing rate "
                      "(`DacIssuanceBenchmark.issueDac` / `rawEcdsaSign`)",
                      find("DacIssuanceBenchmark.issueDac"),
                      find("DacIssuanceBenchmark.rawEcdsaSign"), (">=", 0.8))
    for result in results.all:
        key = result.name + (f":{result.params['deviceKey']}" if "deviceKey" in result.params else "")
        if result.heap != DEFAULT_HEAP or key not in sizes or result.name == JDK_DECODER or not result.name.startswith(
                ("DecoderBenchmark.", "MatterTlvBenchmark.tlvToDer")):
            continue
        size = int(sizes[key])
        measured = None if result.bytes_per_op is None else result.bytes_per_op / size
        goals.ratio(f"bytes allocated / input bytes, {result.label()}", measured,
                    f"{number(result.bytes_per_op)} B/op for {size} B", ("<=", 4))
    for result in results.all:
        if result.name == JDK_DECODER and result.heap == DEFAULT_HEAP:
            ours = find("DecoderBenchmark.derCertificate", **result.params)
            measured = None if ours is None or not result.bytes_per_op else ours.bytes_per_op / result.bytes_per_op
            goals.ratio(f"bytes allocated by `PkiReader` / by the JDK's `CertificateFactory` alone, same DER "
                        f"({result.label()})", measured,
                        f"{number(ours and ours.bytes_per_op)} vs {number(result.bytes_per_op)} B/op")
    goals.time_ratio("chain validation time / its two raw ECDSA verifications' "
                     "(`ChainValidationBenchmark.iotpkiValidateChain` / `rawSignatureVerifies`)",
                     find("ChainValidationBenchmark.iotpkiValidateChain"),
                     find("ChainValidationBenchmark.rawSignatureVerifies"))
    goals.time_ratio("DAC issued and parsed / issued as DER "
                     "(`DacIssuanceBenchmark.issueDacCertificate` / `issueDac`)",
                     find("DacIssuanceBenchmark.issueDacCertificate"),
                     find("DacIssuanceBenchmark.issueDac"))
    for protocol, baseline in [("Scep", "getCaCapsRoundTrip"), ("Est", "caCertificatesRoundTrip"),
                               ("Cmp", "caCertificatesRoundTrip")]:
        benchmark = f"{protocol}EnrollmentBenchmark"
        goals.time_ratio(f"{protocol.upper()} enrollment time / one round trip to the same server "
                         f"(`{benchmark}.{protocol.lower()}Enroll` / `{baseline}`)",
                         find(f"{benchmark}.{protocol.lower()}Enroll"), find(f"{benchmark}.{baseline}"))
    goals.time_ratio("SCEP enrollment time / one RSA-2048 signature (`scepEnroll` / `rsaSign`)",
                     find("ScepEnrollmentBenchmark.scepEnroll"), find("ScepEnrollmentBenchmark.rsaSign"))
    goals.time_ratio("revocation filter lookup time / `HashSet` lookup "
                     "(`RevocationFilterBenchmark.lookup` / `hashSetLookup`)",
                     find("RevocationFilterBenchmark.lookup"),
                     find("RevocationFilterBenchmark.hashSetLookup"))
    goals.speed_ratio("DAC issuance rate with the PAI key in SoftHSM2 / in software "
                      "(`HsmDacIssuanceBenchmark.tokenKey` / `softwareKey`)",
                      find("HsmDacIssuanceBenchmark.tokenKey"), find("HsmDacIssuanceBenchmark.softwareKey"))
    goals.speed_ratio("SoftHSM2 DAC issuance on two threads / on one "
                      "(`HsmDacIssuanceBenchmark.tokenKeyTwoThreads` / `tokenKey`)",
                      find("HsmDacIssuanceBenchmark.tokenKeyTwoThreads"), find("HsmDacIssuanceBenchmark.tokenKey"))
    lines = ["| ratio (same run) | measured | goal | |", "| --- | --- | --- | --- |"] + goals.rows
    return lines, goals.verdicts


def results_table(results):
    lines = ["| benchmark | score | B/op |", "| --- | --- | --- |"]
    for result in results.all:
        if result.heap == DEFAULT_HEAP:
            lines.append(f"| {result.label()} | {result.score_text()} | {number(result.bytes_per_op)} |")
    return lines


def heap_table(results, minimum_heap):
    lines = ["| operation | default heap | -Xmx64m | -Xmx16m | minimum -Xmx |", "| --- | --- | --- | --- | --- |"]
    names = list(minimum_heap) or sorted({r.name for r in results.all if r.heap != DEFAULT_HEAP})
    for name in names:
        params = {"deviceKey": "EC_P256"} if name.startswith("DecoderBenchmark.") else {}
        cells = []
        for heap in [DEFAULT_HEAP] + HEAPS:
            result = results.find(name, heap, **params)
            cells.append("not run" if result is None
                         else f"{number(result.ops_per_second)} ops/s, {number(result.bytes_per_op)} B/op")
        minimum = minimum_heap.get(name, "-")
        lines.append(f"| `{name}` | {' | '.join(cells)} | {minimum} MiB |")
    return lines


def footprint_table(footprint):
    lines = ["| artifact | size |", "| --- | --- |"]
    for key, value in footprint.items():
        if key.startswith(("jar.", "dependency.")):
            lines.append(f"| `{key.split('.', 1)[1]}.jar` | {int(value) / 1024:,.0f} KiB |")
    if "jlink.bytes" in footprint:
        lines.append(f"| jlink runtime for `core` + `matter-attestation` (JDK modules "
                     f"`{footprint.get('jlink.modules', '?')}`, `--strip-debug --compress=2`), "
                     f"without the jars above | {int(footprint['jlink.bytes']) / 1048576:.1f} MB |")
    if "startup.millis" in footprint:
        lines.append(f"| startup to the first verified Matter chain in that runtime (process start "
                     f"to result, median of 7: {footprint.get('startup.runs', '')} ms) "
                     f"| {footprint['startup.millis']} ms |")
    return lines


def openssl_speeds(text):
    """{(algorithm, "sign"|"verify"): per second} from `openssl speed` output."""
    speeds = {}
    for line in text.splitlines():
        found = re.search(r"\((nistp256|Ed25519)\)|^\s*(ML-DSA-\d+)", line)
        if found:
            algorithm = found.group(1) or found.group(2)
            sign, verify = line.split()[-2:]
            speeds[(algorithm, "sign")] = float(sign)
            speeds[(algorithm, "verify")] = float(verify)
    return speeds


def openssl_table(results, text):
    speeds = openssl_speeds(text)
    lines = ["| operation | iotpki | OpenSSL (`openssl speed`, one thread) | iotpki / OpenSSL |",
             "| --- | --- | --- | --- |"]

    def row(what, result, reference, divisor=1):
        if result is None or reference is None:
            lines.append(f"| {what} | {'-' if result is None else number(result.ops_per_second)} "
                         f"| {'-' if reference is None else number(reference / divisor)} | "
                         f"{'no OpenSSL reference' if reference is None else 'not measured'} |")
            return
        ratio = result.ops_per_second / (reference / divisor)
        lines.append(f"| {what} | {number(result.ops_per_second)} /s | {number(reference / divisor)} /s "
                     f"| **{ratio:.2f}** |")

    for key_algorithm, openssl in [("EC_P256", "nistp256"), ("ED25519", "Ed25519"), ("ML_DSA_44", "ML-DSA-44"),
                                   ("ML_DSA_65", "ML-DSA-65"), ("ML_DSA_87", "ML-DSA-87")]:
        for operation in ["sign", "verify"]:
            for provider in ["BC", "JDK"]:
                result = results.find(f"SignatureBenchmark.{operation}", algorithm=key_algorithm, provider=provider)
                if result is not None or (openssl, operation) in speeds:
                    row(f"{key_algorithm} {operation}, {provider}", result, speeds.get((openssl, operation)))
    row("DAC issuance (`issueDac`) vs. one P-256 signature", results.find("DacIssuanceBenchmark.issueDac"),
        speeds.get(("nistp256", "sign")))
    row("Matter attestation (`iotpkiVerifyChain`) vs. two P-256 verifications",
        results.find("MatterVerifyBenchmark.iotpkiVerifyChain"), speeds.get(("nistp256", "verify")), 2)
    notes = [line.lstrip("# ") for line in text.splitlines() if line.startswith("#")]
    return lines + ([""] + [f"OpenSSL: {note}." for note in notes] if notes else [])


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    directory, readme = Path(argv[1]), Path(argv[2])
    results = Results(json.loads((directory / "jmh.json").read_text()))
    environment = properties(directory / "environment.properties")
    sizes = properties(directory / "input-sizes.properties")
    minimum_heap = properties(directory / "minimum-heap.properties")
    footprint = properties(directory / "footprint.properties")
    openssl_path = directory / "openssl-speed.txt"
    openssl = openssl_path.read_text() if openssl_path.exists() else ""

    goals, verdicts = goals_table(results, sizes)
    block = [
        START,
        f"<!-- generated by benchmarks/run.sh (benchmarks/report.py) from benchmarks/results; do not edit -->",
        "",
        f"Run of {environment.get('date', '?')} on {environment.get('cores', '?')} cores "
        f"({environment.get('cpu', '?')}, {environment.get('memory', '?')}), {environment.get('jdk', '?')}, "
        f"{environment.get('openssl', '?')}; load average {environment.get('load_before', '?')} before, "
        f"{environment.get('load_after', '?')} after. One fork per benchmark, short iterations: "
        "compare the ratios, not absolute numbers.",
        "",
        *goals,
        "",
        "Heap profiles of the headline operations (`-prof gc` bytes allocated per operation) and the "
        "smallest `-Xmx` at which each still runs (bisection over child JVMs, `MinimumHeap`):",
        "",
        *heap_table(results, minimum_heap),
        "",
        "Footprint:",
        "",
        *footprint_table(footprint),
        "",
        "Against OpenSSL's native code, in the same session:",
        "",
        *openssl_table(results, openssl),
        "",
        "<details><summary>All results</summary>",
        "",
        *results_table(results),
        "",
        "</details>",
        END,
    ]
    text = readme.read_text()
    if START not in text or END not in text:
        print(f"report.py: {readme} has no {START} ... {END} block", file=sys.stderr)
        return 2
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    readme.write_text(before + "\n".join(block) + after)
    for verdict in verdicts:
        print(verdict)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
