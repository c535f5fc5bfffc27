// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.attestation.AttestationVerification;
import org.iotpki.matter.attestation.CdSigningKeys;
import org.iotpki.matter.attestation.DeviceAttestationVerifier;
import org.iotpki.matter.attestation.DeviceCredentials;
import org.iotpki.matter.attestation.PaaTrustStore;
import org.iotpki.matter.attestation.RevocationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iotpki matter verify}: Matter device attestation of a PAI and DAC, and optionally a
 * Certification Declaration, with connectedhomeip's result codes.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a device's PAI and DAC (and a Certification Declaration) like connectedhomeip's DefaultDACVerifier.",
      "Without --at, the DAC must be valid now and the chain valid at the DAC's notBefore (the SDK's rule).",
      "Exit 0 SUCCESS, 1 any attestation failure (result and code in the JSON), 2 unreadable input."
    })
final class MatterVerifyCommand extends IotpkiCommand {
  @Option(names = "--paa", required = true, paramLabel = "PATH",
      description = "A trusted PAA: a certificate file, or a directory of PEM/DER certificates. Repeatable.")
  List<Path> paas;

  @Option(names = "--pai", required = true, paramLabel = "FILE", description = "The PAI (PEM or DER).")
  Path pai;

  @Option(names = "--dac", required = true, paramLabel = "FILE", description = "The DAC (PEM or DER).")
  Path dac;

  @Option(names = "--cd", paramLabel = "FILE", description = "The CMS-signed Certification Declaration (DER, or hex).")
  Path cd;

  @Option(names = "--cd-signer", paramLabel = "PATH",
      description = "A trusted CD signing certificate, or a directory of them. Repeatable; needed with --cd.")
  List<Path> cdSigners = new ArrayList<>();

  @Option(names = "--vid", paramLabel = "N", converter = NumberConverter.class,
      description = "The VendorID the device reports (Basic Information); the DAC's by default.")
  Long vendorId;

  @Option(names = "--pid", paramLabel = "N", converter = NumberConverter.class,
      description = "The ProductID the device reports (Basic Information); the DAC's by default.")
  Long productId;

  @Option(names = "--firmware-info", paramLabel = "FILE",
      description = "Firmware information; carried, not checked (the SDK does not check it either).")
  Path firmwareInfo;

  @Option(names = "--revocation-set", paramLabel = "FILE",
      description = "A revocation set (connectedhomeip JSON) to check the DAC and PAI against.")
  Path revocationSet;

  @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Check the DAC and the chain at this instant (ISO-8601) instead of the SDK's rule.")
  Instant at;

  @Option(names = "--accept-ml-dsa",
      description = "Accept ML-DSA-44/65 PAAs and PAIs (Matter PQC phase 1; the DAC stays P-256).")
  boolean acceptMlDsa;

  @Override
  int execute() throws IOException, PkiParseException {
    if (cd != null && cdSigners.isEmpty()) {
      return error("--cd needs at least one --cd-signer");
    }
    if ((vendorId == null) != (productId == null)) {
      return error("--vid and --pid go together");
    }
    if (vendorId != null && (vendorId > 0xFFFF || productId > 0xFFFF)) {
      return error("--vid and --pid are 16-bit numbers");
    }
    DeviceAttestationVerifier.Builder builder = DeviceAttestationVerifier.builder()
        .paaTrustStore(PaaTrustStore.of(certificates(paas)));
    if (!cdSigners.isEmpty()) {
      builder.cdSigningKeys(CdSigningKeys.of(certificates(cdSigners)));
    }
    if (acceptMlDsa) {
      builder.acceptMlDsaAttestationAuthorities();
    }
    if (revocationSet != null) {
      builder.revocationSet(RevocationSet.parse(Files.readString(revocationSet, StandardCharsets.UTF_8)));
    }
    DeviceCredentials device = DeviceCredentials.of(der(pai), der(dac));
    if (cd != null) {
      device = device.withCertificationDeclaration(binary(cd));
    }
    if (firmwareInfo != null) {
      device = device.withFirmwareInformation(binary(firmwareInfo));
    }
    if (vendorId != null) {
      device = device.withBasicInformation(vendorId.intValue(), productId.intValue());
    }
    DeviceAttestationVerifier verifier = builder.build();
    AttestationVerification outcome = at != null ? verifier.verify(device, at) : verifier.verify(device);

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("result", outcome.result().name());
    fields.put("code", outcome.result().code());
    String text;
    if (outcome instanceof AttestationVerification.Failed failed) {
      fields.put("failing", failed.failing().name());
      fields.put("message", failed.message());
      text = failed.result().name() + " (" + failed.result().code() + ") at " + failed.failing() + ": "
          + failed.message() + "\n";
    } else {
      AttestationVerification.Verified verified = (AttestationVerification.Verified) outcome;
      fields.put("failing", null);
      fields.put("message", "attestation verified");
      fields.put("paa", verified.paa().getSubjectX500Principal().getName());
      verified.dacIds().vendorId().ifPresent(id -> fields.put("vendorId", String.format("0x%04X", id)));
      verified.dacIds().productId().ifPresent(id -> fields.put("productId", String.format("0x%04X", id)));
      verified.certificationDeclaration().ifPresent(declaration -> fields.put("certificateId", declaration.certificateId()));
      text = "SUCCESS: PAA " + fields.get("paa") + (cd != null ? ", Certification Declaration verified" : "") + "\n";
    }
    output.result(out(), fields, text);
    return outcome.isVerified() ? ExitCode.OK : ExitCode.INVALID;
  }

  /** Every certificate in the files and directories given. */
  private static List<X509Certificate> certificates(List<Path> paths) throws IOException, PkiParseException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Path path : paths) {
      List<Path> files;
      if (Files.isDirectory(path)) {
        try (var listing = Files.list(path)) {
          files = listing.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(path);
      }
      for (Path file : files) {
        certificates.addAll(PkiReader.defaults().readCertificates(file));
      }
    }
    return certificates;
  }

  /** The DER of the one certificate in a file, as it was sent (the JDK keeps the original encoding). */
  private static byte[] der(Path file) throws IOException, PkiParseException {
    try {
      return PkiReader.defaults().readCertificate(file).getEncoded();
    } catch (CertificateEncodingException e) {
      throw new PkiParseException(file + ": " + e.getMessage(), e);
    }
  }

  /** A binary file, or its hex text. */
  private static byte[] binary(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.US_ASCII).strip();
    if (!text.isEmpty() && text.matches("(?s)[0-9A-Fa-f\\s]+")) {
      String hex = text.replaceAll("\\s", "");
      if (hex.length() % 2 == 0) {
        return HexFormat.of().parseHex(hex);
      }
    }
    return bytes;
  }
}
