// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.cert.KeyUsage;

/** A certificate summary as JSON fields and as text; the field names are part of the CLI contract. */
final class CertificateFields {
  private CertificateFields() {}

  static Map<String, Object> json(CertificateSummary summary) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subject", summary.subject());
    fields.put("issuer", summary.issuer());
    fields.put("serial", summary.serialNumberHex());
    fields.put("version", summary.version());
    fields.put("notBefore", summary.notBefore().toString());
    fields.put("notAfter", summary.notAfter().toString());
    fields.put("signatureAlgorithm", summary.signatureAlgorithm());
    fields.put("signatureAlgorithmOid", summary.signatureAlgorithmOid());
    fields.put("publicKeyAlgorithm", summary.publicKeyAlgorithm());
    fields.put("derLength", summary.derLength());
    fields.put("publicKeyInfoLength", summary.publicKeyInfoLength());
    fields.put("signatureLength", summary.signatureLength());
    fields.put("sha256Fingerprint", summary.sha256Fingerprint());
    fields.put("selfIssued", summary.selfIssued());
    summary.basicConstraints().ifPresent(bc -> {
      Map<String, Object> constraints = new LinkedHashMap<>();
      constraints.put("ca", bc.ca());
      constraints.put("pathLength", bc.pathLength().isPresent() ? (Object) bc.pathLength().getAsInt() : null);
      fields.put("basicConstraints", constraints);
    });
    fields.put("keyUsage", summary.keyUsage().stream().map(KeyUsage::name).collect(Collectors.toList()));
    fields.put("extendedKeyUsage", summary.extendedKeyUsage());
    fields.put("subjectAltNames", summary.subjectAltNames().stream().map(CertificateFields::name).collect(Collectors.toList()));
    fields.put("subjectKeyIdentifier", summary.subjectKeyIdentifierHex().orElse(null));
    fields.put("authorityKeyIdentifier", summary.authorityKeyIdentifierHex().orElse(null));
    fields.put(
        "extensions",
        summary.extensionOids().stream()
            .map(oid -> {
              Map<String, Object> extension = new LinkedHashMap<>();
              extension.put("oid", oid);
              extension.put("critical", summary.criticalExtensionOids().contains(oid));
              return extension;
            })
            .collect(Collectors.toList()));
    return fields;
  }

  static String text(CertificateSummary summary) {
    StringBuilder text = new StringBuilder();
    line(text, "Subject", summary.subject());
    line(text, "Issuer", summary.issuer());
    line(text, "Serial", summary.serialNumberHex());
    line(text, "Validity", summary.notBefore() + " .. " + summary.notAfter());
    line(text, "Signature", summary.signatureAlgorithm() + " (" + summary.signatureAlgorithmOid() + ")");
    line(text, "Public key", summary.publicKeyAlgorithm());
    line(text, "DER length", summary.derLength() + " bytes");
    line(text, "SHA-256", summary.sha256Fingerprint());
    summary.basicConstraints().ifPresent(bc -> line(text, "CA", bc.ca()
        ? "yes" + (bc.pathLength().isPresent() ? ", pathLength " + bc.pathLength().getAsInt() : "")
        : "no"));
    if (!summary.keyUsage().isEmpty()) {
      line(text, "Key usage", summary.keyUsage().toString());
    }
    if (!summary.extendedKeyUsage().isEmpty()) {
      line(text, "Ext. key usage", String.join(", ", summary.extendedKeyUsage()));
    }
    if (!summary.subjectAltNames().isEmpty()) {
      line(text, "Alt. names", summary.subjectAltNames().stream()
          .map(n -> n.type() + ":" + n.value()).collect(Collectors.joining(", ")));
    }
    summary.subjectKeyIdentifierHex().ifPresent(skid -> line(text, "Subject key id", skid));
    summary.authorityKeyIdentifierHex().ifPresent(akid -> line(text, "Authority key id", akid));
    return text.toString();
  }

  private static Map<String, Object> name(GeneralName name) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", name.type().name());
    fields.put("value", name.value());
    return fields;
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(java.util.Locale.ROOT, "%-17s %s%n", label + ":", value));
  }
}
