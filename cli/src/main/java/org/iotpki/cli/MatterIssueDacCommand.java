// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.audit.AuditRecord;
import org.iotpki.core.audit.AuditTrail;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.DacProvisioning;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iotpki matter issue dac --pai-cert F --pai-key F --vid V --pid P --cn S [--csr F | --public-key F]
 * --out DIR [--cd F] [--audit FILE|JDBC-URL --device-serial S]}.
 */
@Command(
    name = "dac",
    mixinStandardHelpOptions = true,
    description = {
      "Issue one Device Attestation Certificate from a PAI: for the key in a device's PKCS#10 request",
      "(--csr; its signature must verify), for a device's public key (--public-key), or for a new",
      "P-256 key. Writes DIR in connectedhomeip's development-credential layout (dac-Cert.der/.pem,",
      "dac-Key.der/.pem for a new key, pai-Cert.der/.pem, cd.der with --cd, test_case_vector.json).",
      "Default validity: no well-defined expiration (9999-12-31T23:59:59Z).",
      "Exit 0 issued, 1 the CSR's signature does not verify, 2 usage or input error."
    })
final class MatterIssueDacCommand extends IotpkiCommand {
  @Mixin PaiOptions issuer;

  @Option(names = "--cn", required = true, paramLabel = "S", description = "Common name, e.g. \"Acme DAC SN-000042\".")
  String commonName;

  @ArgGroup(exclusive = true)
  DeviceKey deviceKey;

  static final class DeviceKey {
    @Option(names = "--csr", paramLabel = "FILE", description = "The device's PKCS#10 request (PEM or DER).")
    Path csr;

    @Option(names = "--public-key", paramLabel = "FILE", description = "The device's P-256 public key (PEM or DER).")
    Path publicKey;
  }

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The device's directory (must not exist).")
  Path outDirectory;

  @Option(names = "--audit", paramLabel = "FILE|JDBC-URL", description = "Record the DAC in this audit trail.")
  String audit;

  @Option(names = "--device-serial", paramLabel = "S", description = "The device's serial number, for the audit trail.")
  String deviceSerial;

  @Mixin ProvisioningOptions provisioning;

  @Mixin MatterValidity validity;

  @Override
  int execute() throws IOException, PkiParseException {
    if ((audit == null) != (deviceSerial == null)) {
      return error("--audit and --device-serial go together");
    }
    if (Files.exists(outDirectory)) {
      return error("refusing to overwrite " + outDirectory + ": a device's files are written once");
    }
    Optional<byte[]> cd = provisioning.certificationDeclaration();
    PkiReader reader = PkiReader.defaults();
    X509Certificate dac;
    Optional<PrivateKey> generatedKey = Optional.empty();
    MatterCa pai;
    try {
      pai = issuer.pai();
      int vid = issuer.vendorId();
      int pid = issuer.productId();
      var notBefore = validity.notBefore();
      var notAfter = validity.notAfter(start -> MatterCa.NO_EXPIRATION);
      if (deviceKey != null && deviceKey.csr != null) {
        CertificationRequest request = reader.readCertificationRequest(deviceKey.csr);
        dac = pai.issueDac(request, vid, pid, commonName, notBefore, notAfter);
      } else if (deviceKey != null) {
        dac = pai.issueDac(reader.readPublicKey(deviceKey.publicKey), vid, pid, commonName, notBefore, notAfter);
      } else {
        KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
        generatedKey = Optional.of(key.getPrivate());
        dac = pai.issueDac(key.getPublic(), vid, pid, commonName, notBefore, notAfter);
      }
    } catch (SignatureException e) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("issued", false);
      fields.put("reason", "CSR_SIGNATURE_INVALID");
      fields.put("message", e.getMessage());
      output.result(out(), fields, "REJECTED: " + e.getMessage() + "\n");
      return ExitCode.INVALID;
    } catch (IllegalArgumentException e) {
      return error("cannot issue: " + e.getMessage());
    }
    Optional<AuditRecord> record = Optional.empty();
    if (audit != null) {
      // Recorded before the files are written: an issued DAC is never missing from the trail.
      try (AuditTrail trail = new AuditLocation(audit).open()) {
        record = Optional.of(trail.record(deviceSerial, dac, provisioning.operator));
      }
    }
    List<Path> written = new DacProvisioning(dac, generatedKey, pai.certificate(), cd).writeTo(outDirectory);
    CertificateSummary summary = CertificateSummary.of(dac);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("issued", true);
    fields.put("subject", summary.subject());
    fields.put("serial", summary.serialNumberHex());
    fields.put("notAfter", summary.notAfter().toString());
    fields.put("keyGenerated", generatedKey.isPresent());
    fields.put("out", outDirectory.toString());
    fields.put("files", written.stream().map(path -> path.getFileName().toString()).toList());
    record.ifPresent(r -> fields.put("auditSequence", r.sequence()));
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Issued DAC %s (serial %s) into %s%s%n",
        summary.subject(), summary.serialNumberHex(), outDirectory,
        record.map(r -> ", audit record #" + r.sequence()).orElse("")));
    return ExitCode.OK;
  }
}
