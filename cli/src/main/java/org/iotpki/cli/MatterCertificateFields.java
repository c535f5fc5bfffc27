// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalCertificates;

/** An operational certificate's TLV fields as JSON and as text; the field names are part of the CLI contract. */
final class MatterCertificateFields {
  private MatterCertificateFields() {}

  static Map<String, Object> json(MatterCertificateFile file) {
    OperationalCertificate certificate = file.certificate();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("form", file.form());
    fields.put("serial", certificate.serialNumberHex());
    fields.put("issuer", dn(certificate.issuer()));
    fields.put("notBefore", certificate.notBeforeInstant().toString());
    fields.put("notAfter", certificate.notAfterInstant().map(Object::toString).orElse(null));
    fields.put("notBeforeMatterSeconds", certificate.notBefore());
    fields.put("notAfterMatterSeconds", certificate.notAfter());
    fields.put("subject", dn(certificate.subject()));
    fields.put("publicKey", HexFormat.of().formatHex(certificate.publicKey()));
    List<Object> extensions = new ArrayList<>();
    certificate.extensions().forEach(extension -> extensions.add(extension(extension)));
    fields.put("extensions", extensions);
    fields.put("signature", HexFormat.of().formatHex(certificate.signature()));
    fields.put("tlvLength", OperationalCertificates.encodeTlv(certificate).length);
    fields.put("derLength", OperationalCertificates.encodeDer(certificate).length);
    fields.put("networkIdentity", OperationalCertificates.isNetworkIdentity(certificate));
    return fields;
  }

  static String text(MatterCertificateFile file) {
    OperationalCertificate certificate = file.certificate();
    StringBuilder text = new StringBuilder();
    line(text, "Form", file.form().toUpperCase(Locale.ROOT));
    line(text, "Serial", certificate.serialNumberHex());
    line(text, "Issuer", certificate.issuer().toString());
    line(text, "Subject", certificate.subject().toString());
    line(text, "Validity", certificate.notBeforeInstant() + " .. "
        + certificate.notAfterInstant().map(Object::toString).orElse("no expiry (99991231235959Z)"));
    line(text, "Public key", "EC P-256 " + HexFormat.of().formatHex(certificate.publicKey()));
    for (OpCertExtension extension : certificate.extensions()) {
      line(text, "Extension", extensionText(extension));
    }
    line(text, "Signature", "ECDSA_SHA256 " + HexFormat.of().formatHex(certificate.signature()));
    line(text, "Lengths", OperationalCertificates.encodeTlv(certificate).length + " bytes TLV, "
        + OperationalCertificates.encodeDer(certificate).length + " bytes DER");
    return text.toString();
  }

  static String hex16(long value) {
    return String.format(Locale.ROOT, "%016X", value);
  }

  static String hex8(long value) {
    return String.format(Locale.ROOT, "%08X", value);
  }

  private static List<Object> dn(DistinguishedName dn) {
    List<Object> attributes = new ArrayList<>();
    for (DnAttribute attribute : dn.attributes()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("type", attribute.type().name());
      fields.put("oid", attribute.type().oid());
      if (attribute instanceof DnAttribute.MatterId id) {
        fields.put("value", id.type().hexDigits() == 8 ? hex8(id.value()) : hex16(id.value()));
      } else {
        DnAttribute.Text value = (DnAttribute.Text) attribute;
        fields.put("value", value.value());
        fields.put("printableString", value.printableString());
      }
      attributes.add(fields);
    }
    return attributes;
  }

  private static Map<String, Object> extension(OpCertExtension extension) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("oid", extension.oid());
    if (extension instanceof OpCertExtension.BasicConstraints bc) {
      fields.put("type", "basicConstraints");
      fields.put("ca", bc.ca());
      fields.put("pathLength", bc.pathLength().isPresent() ? (Object) bc.pathLength().getAsInt() : null);
    } else if (extension instanceof OpCertExtension.KeyUsage usage) {
      fields.put("type", "keyUsage");
      fields.put("bits", usage.bits());
    } else if (extension instanceof OpCertExtension.ExtendedKeyUsage eku) {
      fields.put("type", "extendedKeyUsage");
      fields.put("purposes", eku.purposes().stream().map(Enum::name).toList());
    } else if (extension instanceof OpCertExtension.SubjectKeyId skid) {
      fields.put("type", "subjectKeyIdentifier");
      fields.put("keyId", skid.keyId().toString());
    } else if (extension instanceof OpCertExtension.AuthorityKeyId akid) {
      fields.put("type", "authorityKeyIdentifier");
      fields.put("keyId", akid.keyId().toString());
    } else {
      OpCertExtension.Future future = (OpCertExtension.Future) extension;
      fields.put("type", "future");
      fields.put("critical", future.critical());
      fields.put("der", HexFormat.of().formatHex(future.der()));
    }
    return fields;
  }

  private static String extensionText(OpCertExtension extension) {
    Map<String, Object> fields = extension(extension);
    StringBuilder text = new StringBuilder(String.valueOf(fields.remove("type")));
    fields.remove("oid");
    fields.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "%-12s %s%n", label + ":", value));
  }
}
