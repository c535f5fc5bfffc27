// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.attestation.CertificationDeclaration;
import org.iotpki.matter.issuance.CdSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iotpki matter cd sign --signer-cert F (--signer-key F | --key PKCS11-URI) --vid V --pid P...
 * --device-type N --certificate-id S --out F}.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a Certification Declaration (Matter Core 6.3.1) into the CMS envelope the SDK reads,",
      "naming the signer by its subject key identifier. Writes the DER. The signing key is a file",
      "(--signer-key) or a key in a PKCS#11 token (--key pkcs11:...).",
      "Exit 0 signed, 2 usage or input error (an existing --out is never overwritten)."
    })
final class MatterCdSignCommand extends IotpkiCommand {
  @Option(names = "--signer-cert", required = true, paramLabel = "FILE", description = "The CD signing certificate.")
  Path signerCertificate;

  @Option(names = "--signer-key", paramLabel = "FILE", description = "Its private key (or --key).")
  Path signerKey;

  @Mixin Pkcs11KeyOptions tokenKey;

  @Option(names = "--format-version", paramLabel = "N", converter = NumberConverter.class, defaultValue = "1",
      description = "format_version (default ${DEFAULT-VALUE}).")
  long formatVersion;

  @Option(names = "--vid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "vendor_id, e.g. 0xFFF1.")
  long vendorId;

  @Option(names = "--pid", required = true, paramLabel = "N", converter = NumberConverter.class,
      description = "A product_id the CD covers; repeatable (up to 100).")
  List<Long> productIds;

  @Option(names = "--device-type", required = true, paramLabel = "N", converter = NumberConverter.class,
      description = "device_type_id, e.g. 0x0016.")
  long deviceTypeId;

  @Option(names = "--certificate-id", required = true, paramLabel = "S", description = "certificate_id, 19 characters, e.g. ZIG20142ZB330003-24.")
  String certificateId;

  @Option(names = "--security-level", paramLabel = "N", converter = NumberConverter.class, defaultValue = "0",
      description = "security_level (default ${DEFAULT-VALUE}).")
  long securityLevel;

  @Option(names = "--security-information", paramLabel = "N", converter = NumberConverter.class, defaultValue = "0",
      description = "security_information (default ${DEFAULT-VALUE}).")
  long securityInformation;

  @Option(names = "--version-number", paramLabel = "N", converter = NumberConverter.class, defaultValue = "1",
      description = "version_number (default ${DEFAULT-VALUE}).")
  long versionNumber;

  @Option(names = "--certification-type", paramLabel = "N", converter = NumberConverter.class, defaultValue = "0",
      description = "certification_type: 0 development (default), 1 provisional, 2 official.")
  long certificationType;

  @Option(names = "--dac-origin-vid", paramLabel = "N", converter = NumberConverter.class,
      description = "dac_origin_vendor_id (with --dac-origin-pid).")
  Long dacOriginVendorId;

  @Option(names = "--dac-origin-pid", paramLabel = "N", converter = NumberConverter.class,
      description = "dac_origin_product_id (with --dac-origin-vid).")
  Long dacOriginProductId;

  @Option(names = "--authorized-paa", paramLabel = "FILE",
      description = "A PAA certificate whose key ID goes into authorized_paa_list; repeatable (up to 10).")
  List<Path> authorizedPaas = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the signed CD (DER).")
  Path out;

  @Override
  int execute() throws IOException, PkiParseException {
    if ((signerKey == null) == !tokenKey.given()) {
      return error("give the CD signing key as --signer-key FILE or --key PKCS11-URI (one of them)");
    }
    PkiReader reader = PkiReader.defaults();
    byte[] signed;
    CertificationDeclaration declaration;
    CdSigner signer;
    try {
      X509Certificate certificate = reader.readCertificate(signerCertificate);
      signer = tokenKey.given() ? tokenKey.cdSigner(certificate)
          : CdSigner.of(certificate, reader.readPrivateKey(signerKey));
      declaration = new CertificationDeclaration(
          (int) limit(formatVersion, 0xFFFF, "--format-version"),
          MatterIds.required(vendorId, "--vid"),
          productIds.stream().map(pid -> MatterIds.required(pid, "--pid")).toList(),
          limit(deviceTypeId, 0xFFFF_FFFFL, "--device-type"),
          certificateId,
          (int) limit(securityLevel, 0xFF, "--security-level"),
          (int) limit(securityInformation, 0xFFFF, "--security-information"),
          (int) limit(versionNumber, 0xFFFF, "--version-number"),
          (int) limit(certificationType, 0xFF, "--certification-type"),
          MatterIds.optional(dacOriginVendorId, "--dac-origin-vid"),
          MatterIds.optional(dacOriginProductId, "--dac-origin-pid"),
          authorizedPaaList(reader));
      signed = signer.sign(declaration);
    } catch (IllegalArgumentException e) {
      return error("cannot sign: " + e.getMessage());
    }
    Files.write(out, signed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("out", out.toString());
    fields.put("length", signed.length);
    fields.put("signerKeyId", HexFormat.of().formatHex(signer.keyId()));
    fields.put("vendorId", declaration.vendorId());
    fields.put("productIds", declaration.productIds());
    fields.put("certificateId", declaration.certificateId());
    output.result(out(), fields, String.format(java.util.Locale.ROOT,
        "Signed CD %s for vendor 0x%04X, %d product(s), %d bytes, signer key %s, in %s%n", declaration.certificateId(),
        declaration.vendorId(), declaration.productIds().size(), signed.length, fields.get("signerKeyId"), out));
    return ExitCode.OK;
  }

  private Optional<List<byte[]>> authorizedPaaList(PkiReader reader) throws IOException, PkiParseException {
    if (authorizedPaas.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> keyIds = new ArrayList<>();
    for (Path paa : authorizedPaas) {
      String keyId = CertificateSummary.of(reader.readCertificate(paa)).subjectKeyIdentifierHex()
          .orElseThrow(() -> new IllegalArgumentException(paa + " has no subjectKeyIdentifier"));
      keyIds.add(HexFormat.of().parseHex(keyId));
    }
    return Optional.of(keyIds);
  }

  private static long limit(long value, long max, String option) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s must be 0 to 0x%X, was %d", option, max, value));
    }
    return value;
  }
}
