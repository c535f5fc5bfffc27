// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.iotpki.core.audit.AuditRecord;
import org.iotpki.core.audit.FileAuditTrail;
import org.iotpki.matter.attestation.AttestationVerification;
import org.iotpki.matter.attestation.CertificationDeclaration;
import org.iotpki.matter.attestation.DeviceAttestationVerifier;
import org.iotpki.matter.attestation.DeviceCredentials;
import org.iotpki.matter.attestation.PaaTrustStore;
import org.iotpki.matter.issuance.CdSigner;
import org.iotpki.matter.issuance.DacCredential;
import org.iotpki.matter.issuance.DacProvisioning;
import org.iotpki.matter.issuance.MatterCa;
import org.iotpki.matter.issuance.MatterPki;
import org.iotpki.testkit.TestCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iotpki demo}: the device lifecycle on the embedded test CA: a CA hierarchy, a device
 * certificate, chain validation, a tampered certificate rejected, a Matter factory run, and
 * bootstrap, renewal and revocation through the testkit servers.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walk through iotpki on an embedded test CA.",
      "Creates a root and an issuing CA, issues a device certificate, validates its chain, and",
      "shows a tampered certificate being rejected; then a Matter factory run: PAA, PAI, a batch",
      "of DACs with an audit trail, one device's attestation (chain, profile, test CD) verified as",
      "matter verify does, and its DAC found in the trail; then a device lifecycle: a renewal",
      "agent bootstraps through the testkit SCEP server, renews through the testkit EST server,",
      "and a hub's revocation filter says the superseded certificate is revoked.",
      "Exit 0 when every step behaved as expected."
    })
final class DemoCommand extends IotpkiCommand {
  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write the CA, device certificate, chain and key as PEM files here, and one Matter"
          + " device's provisioning files (an earlier demo's files there are replaced).")
  Path outDirectory;

  private final List<Map<String, Object>> steps = new ArrayList<>();
  private final StringBuilder report = new StringBuilder();
  private String matterHint = "";

  @Override
  int execute() throws IOException, PkiParseException {
    report.append("iotpki demo: a device identity on the embedded test CA\n\n");

    TestCa root = TestCa.builder().subject("CN=iotpki Demo Root CA,O=iotpki demo").build();
    step("root CA", root.certificate(), "created a self-signed root");
    TestCa issuing = root.intermediate("CN=iotpki Demo Issuing CA,O=iotpki demo");
    step("issuing CA", issuing.certificate(), "created an issuing CA under the root");
    Credential device = issuing.issue("CN=sensor-0042,O=iotpki demo");
    step("device", device.certificate(), "issued a device certificate for a new P-256 key");

    ChainValidator validator = ChainValidator.builder().trustAnchor(root.certificate()).build();
    ChainResult valid = validator.validate(device.chain());
    validation("chain validation", valid);

    byte[] tampered = Encoded.der(device.certificate());
    tampered[tampered.length - 3] ^= 0x01; // one bit of the signature
    X509Certificate forged = PkiReader.defaults().readCertificate(tampered);
    ChainResult rejected = validator.validate(List.of(forged, issuing.certificate()), Instant.now());
    validation("tampered certificate (one signature bit flipped)", rejected);

    boolean matterOk = matterFactory();
    boolean lifecycleOk = lifecycle(issuing);
    boolean acmeOk = acmeGateway();

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("steps", steps);
    if (outDirectory != null) {
      fields.put("files", write(root, issuing, device));
    }
    boolean asExpected = valid.isValid() && !rejected.isValid() && matterOk && lifecycleOk && acmeOk;
    fields.put("success", asExpected);
    report.append(asExpected ? "\nEvery step behaved as expected.\n" : "\nUNEXPECTED RESULT: see above.\n");
    output.result(out(), fields, report.toString());
    return asExpected ? ExitCode.OK : ExitCode.INVALID;
  }

  /**
   * A Matter factory run: PAA, PAI, a test CD signer and CD, three DACs with an audit trail; one
   * device's attestation verified as {@code matter verify} does, and its DAC found in the trail.
   */
  private boolean matterFactory() throws IOException, PkiParseException {
    Instant now = Instant.now();
    MatterCa paa = MatterPki.createPaa("iotpki Demo PAA", OptionalInt.of(0xFFF1), now.minusSeconds(3600), now.plus(Duration.ofDays(7300)));
    MatterCa pai = paa.issuePai("iotpki Demo PAI", 0xFFF1, OptionalInt.of(0x8000), now.minusSeconds(3600), now.plus(Duration.ofDays(3650)));
    CdSigner cdSigner = MatterPki.createCdSigner("iotpki Demo CD Signer", now.minusSeconds(3600), now.plus(Duration.ofDays(3650)));
    byte[] cd = cdSigner.sign(new CertificationDeclaration(1, 0xFFF1, List.of(0x8000), 0x0016, "ZIG00000IOTPKIDEMO1", 0, 0, 1, 0,
        OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
    Path auditFile = outDirectory != null
        ? Files.createDirectories(outDirectory).resolve("matter-audit.log")
        : Files.createTempFile("iotpki-demo-", ".audit");
    Files.deleteIfExists(auditFile);
    try (FileAuditTrail audit = FileAuditTrail.open(auditFile)) {
      List<DacCredential> batch = pai.issueBatch(0xFFF1, 0x8000, List.of("SN-000001", "SN-000002", "SN-000003"), audit, "demo-line");
      DacCredential device = batch.get(1);
      AttestationVerification attestation = DeviceAttestationVerifier.builder()
          .paaTrustStore(PaaTrustStore.of(List.of(paa.certificate())))
          .cdSigningKeys(cdSigner.signingKeys())
          .build()
          .verify(DeviceCredentials.of(Encoded.der(pai.certificate()), Encoded.der(device.dac())).withCertificationDeclaration(cd));
      List<AuditRecord> found = audit.findByDeviceSerial(device.deviceSerial());
      boolean intact = audit.verify().isIntact();
      boolean ok = attestation.isVerified() && intact && found.size() == 1
          && found.get(0).certificateSerial().equals(device.dac().getSerialNumber().toString(16));
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", "matter factory run");
      step.put("dacsIssued", batch.size());
      step.put("attestation", attestation.result().name());
      step.put("auditIntact", intact);
      step.put("auditFile", outDirectory != null ? auditFile.toString() : null);
      steps.add(step);
      report.append(String.format(java.util.Locale.ROOT,
          "%-12s PAA (VID FFF1) -> PAI (PID 8000) -> %d DACs with an audit trail; a test CD%n"
              + "%-12s device %s: attestation %s (chain, profile, CD); audit record #%d; trail %s%n",
          "matter:", batch.size(), "", device.deviceSerial(), attestation.result(),
          found.isEmpty() ? 0 : found.get(0).sequence(), intact ? "intact" : "BROKEN"));
      if (outDirectory != null) {
        writeMatter(paa, cdSigner, DacProvisioning.of(device, pai.certificate()).withCertificationDeclaration(cd));
      }
      return ok;
    } finally {
      if (outDirectory == null) {
        Files.deleteIfExists(auditFile);
      }
    }
  }

  /**
   * SCEP bootstrap, EST renewal and a hub's revocation filter on testkit servers; the store is
   * kept in DIR/identity with --out (an earlier demo's is replaced), else deleted.
   */
  private boolean lifecycle(TestCa issuing) throws IOException {
    Path store = outDirectory == null
        ? Files.createTempDirectory("iotpki-demo-identity-") : outDirectory.resolve("identity");
    if (outDirectory != null) {
      deleteDirectoryIfExists(store); // an earlier demo's device would be renewed, not enrolled
    }
    try {
      Map<String, Object> step = new LifecycleDemo(report).run(issuing, store);
      if (step == null) {
        return false;
      }
      steps.add(step);
      return Boolean.TRUE.equals(step.get("success"));
    } finally {
      if (outDirectory == null) {
        deleteDirectoryIfExists(store);
      }
    }
  }

  /** A gateway renewing over ACME with Pebble, if installed; its files in a deleted temp dir. */
  private boolean acmeGateway() throws IOException, PkiParseException {
    Path directory = Files.createTempDirectory("iotpki-demo-acme-");
    try {
      Map<String, Object> step = new AcmeGatewayDemo(report).run(directory);
      steps.add(step);
      return Boolean.TRUE.equals(step.get("success"));
    } finally {
      deleteDirectoryIfExists(directory);
    }
  }

  private void writeMatter(MatterCa paa, CdSigner cdSigner, DacProvisioning device) throws IOException {
    save("matter-paa.pem", PemEncoder.certificate(paa.certificate()));
    save("matter-cd-signer.pem", PemEncoder.certificate(cdSigner.certificate()));
    Path deviceDirectory = outDirectory.resolve("matter-SN-000002");
    // An earlier demo's device: provisioning files are never overwritten, so replace them here.
    deleteDirectoryIfExists(deviceDirectory);
    device.writeTo(deviceDirectory);
    matterHint = "  ./iotpki matter verify --paa " + outDirectory.resolve("matter-paa.pem")
        + " --pai " + deviceDirectory.resolve("pai-Cert.pem") + " --dac " + deviceDirectory.resolve("dac-Cert.pem")
        + " --cd " + deviceDirectory.resolve("cd.der") + " --cd-signer " + outDirectory.resolve("matter-cd-signer.pem") + "\n";
  }

  /** Deletes a directory and everything in it, if it exists. */
  private static void deleteDirectoryIfExists(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private void step(String name, X509Certificate certificate, String what) throws PkiParseException {
    CertificateSummary summary = CertificateSummary.of(certificate);
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", name);
    step.put("subject", summary.subject());
    step.put("issuer", summary.issuer());
    step.put("serial", summary.serialNumberHex());
    step.put("publicKeyAlgorithm", summary.publicKeyAlgorithm());
    step.put("notAfter", summary.notAfter().toString());
    step.put("derLength", summary.derLength());
    steps.add(step);
    long days = Duration.between(Instant.now(), summary.notAfter()).toDays();
    report.append(String.format(java.util.Locale.ROOT, "%-12s %s%n%-12s %s, %s, %d bytes DER, valid %d more days%n",
        name + ":", what, "", summary.subject(), summary.publicKeyAlgorithm(), summary.derLength(), days));
  }

  private void validation(String name, ChainResult result) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", name);
    step.put("valid", result.isValid());
    if (result instanceof ChainResult.Invalid) {
      ChainResult.Invalid invalid = (ChainResult.Invalid) result;
      step.put("reason", invalid.reason().name());
      step.put("certificateIndex", invalid.certificateIndex());
      report.append(String.format(java.util.Locale.ROOT, "%-12s %s: INVALID, %s at certificate %d%n",
          "validate:", name, invalid.reason().name(), invalid.certificateIndex()));
    } else {
      report.append(String.format(java.util.Locale.ROOT, "%-12s %s: VALID (device <- issuing CA <- root)%n",
          "validate:", name));
    }
    steps.add(step);
  }

  private Map<String, Object> write(TestCa root, TestCa issuing, Credential device) throws IOException {
    Files.createDirectories(outDirectory);
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("root", save("root-ca.pem", PemEncoder.certificate(root.certificate())));
    files.put("issuingCa", save("issuing-ca.pem", PemEncoder.certificate(issuing.certificate())));
    files.put("issuingCaKey", save("issuing-ca-key.pem", PemEncoder.privateKey(issuing.credential().privateKey())));
    files.put("device", save("device.pem", PemEncoder.certificate(device.certificate())));
    files.put("deviceChain", save("device-chain.pem", PemEncoder.certificates(device.chain())));
    files.put("deviceKey", save("device-key.pem", PemEncoder.privateKey(device.privateKey())));
    report.append("\nWrote PEM files to ").append(outDirectory).append(". Try:\n")
        .append("  ./iotpki cert show ").append(outDirectory.resolve("device.pem")).append('\n')
        .append("  ./iotpki cert verify --cert ").append(outDirectory.resolve("device.pem"))
        .append(" --issuer ").append(outDirectory.resolve("issuing-ca.pem")).append('\n')
        .append("  ./iotpki cert validate --chain ").append(outDirectory.resolve("device-chain.pem"))
        .append(" --trust ").append(outDirectory.resolve("root-ca.pem")).append('\n')
        .append(matterHint);
    return files;
  }

  private String save(String name, String pem) throws IOException {
    Path file = outDirectory.resolve(name);
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    if (name.endsWith("-key.pem")) {
      OwnerOnly.restrict(file);
    }
    return file.toString();
  }
}
