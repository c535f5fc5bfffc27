// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509ConversionException;
import org.iotpki.core.c509.C509SizeReport;
import org.iotpki.core.c509.C509Type;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iotpki c509 show FILE}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a C509 certificate, or the C509 size report of X.509 certificates.",
      "FILE is a C509 certificate (CBOR), or X.509 certificates (PEM or DER, a chain is fine):",
      "then every certificate's DER and C509 sizes and the chain's totals are printed."
    })
final class C509ShowCommand extends IotpkiCommand {
  /** The first byte of a C509 certificate: a CBOR array of 11 items. */
  private static final int C509_ARRAY_HEADER = 0x8b;

  @Parameters(paramLabel = "FILE", description = "A C509 certificate, or X.509 certificates.")
  Path file;

  @Override
  int execute() throws IOException, PkiParseException {
    byte[] bytes = C509Cli.read(file);
    if (bytes.length > 0 && (bytes[0] & 0xff) == C509_ARRAY_HEADER) {
      try {
        return showC509(C509Certificate.decode(bytes));
      } catch (C509ConversionException e) {
        throw new IllegalStateException("a decoded type 3 certificate always has its X.509 form", e);
      }
    }
    return showReport(C509SizeReport.of(PkiReader.defaults().readCertificates(bytes)));
  }

  private int showC509(C509Certificate c509) throws C509ConversionException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("format", "C509");
    fields.put("type", c509.type().name());
    fields.put("typeCode", c509.type().code());
    fields.put("c509Length", c509.size());
    if (c509.type() == C509Type.REENCODED) {
      fields.put("derLength", Encoded.der(c509.toX509Certificate()).length);
    }
    fields.put("serial", c509.serialNumber().toString(16));
    fields.put("subject", c509.subject().getName());
    fields.put("issuer", c509.issuer().getName());
    fields.put("notBefore", c509.notBefore().toString());
    fields.put("notAfter", c509.notAfter().map(Object::toString).orElse(null));
    fields.put("signatureAlgorithmOid", c509.signatureAlgorithmOid());
    fields.put("extensions", c509.extensions().stream().map(e -> e.oid()).collect(Collectors.toList()));
    String text = String.format(java.util.Locale.ROOT,
        "C509 %s certificate, %d bytes%s%nSubject:   %s%nIssuer:    %s%nSerial:    %s%nValidity:  %s .. %s%nSignature: %s%n",
        c509.type(), c509.size(),
        fields.containsKey("derLength") ? " (" + fields.get("derLength") + " bytes as DER)" : "",
        fields.get("subject"), fields.get("issuer"), fields.get("serial"), fields.get("notBefore"),
        fields.get("notAfter") == null ? "no expiration" : fields.get("notAfter"), fields.get("signatureAlgorithmOid"));
    output.result(out(), fields, text);
    return ExitCode.OK;
  }

  private int showReport(C509SizeReport report) {
    StringBuilder text = new StringBuilder();
    List<Map<String, Object>> certificates = report.entries().stream().map(entry -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("subject", entry.subject());
      item.put("derLength", entry.derBytes());
      item.put("c509Length", entry.c509Bytes().isPresent() ? (Object) entry.c509Bytes().getAsInt() : null);
      entry.notEncodable().ifPresent(reason -> item.put("notEncodable", reason));
      text.append(String.format(java.util.Locale.ROOT, "%6d bytes DER -> %s  %s%n", entry.derBytes(),
          entry.c509Bytes().isPresent() ? String.format(java.util.Locale.ROOT, "%6d bytes C509", entry.c509Bytes().getAsInt())
              : "  no C509 form", entry.subject()));
      return item;
    }).collect(Collectors.toList());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("format", "X.509");
    fields.put("certificates", certificates);
    fields.put("totalDerLength", report.totalDerBytes());
    fields.put("totalC509Length", report.totalC509Bytes());
    fields.put("savedPercent", C509Cli.savedPercent(report.totalDerBytes(), report.totalC509Bytes()));
    text.append(String.format(java.util.Locale.ROOT, "%6d bytes DER -> %6d bytes C509 in total (%d%% smaller)%n",
        report.totalDerBytes(), report.totalC509Bytes(), C509Cli.savedPercent(report.totalDerBytes(), report.totalC509Bytes())));
    output.result(out(), fields, text.toString());
    return ExitCode.OK;
  }
}
