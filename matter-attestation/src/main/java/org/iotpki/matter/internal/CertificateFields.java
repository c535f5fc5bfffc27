// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;

/**
 * Receives an operational certificate's fields in the order both its forms hold them: serial,
 * issuer, validity, subject, public key, extensions, signature. Byte values are slices of a source
 * array, so a TLV certificate can be turned into DER without a model in between; a model is emitted
 * with {@link #emit}.
 */
public interface CertificateFields {
  /** The serial number: a DER INTEGER's content. */
  void serialNumber(byte[] source, int offset, int length);

  /** Starts the issuer DN, or the subject DN after the validity. */
  void startName();

  /** A Matter identifier attribute. */
  void matterId(DnAttributeType type, long value);

  /** A string attribute, its value in UTF-8. */
  void text(DnAttributeType type, boolean printableString, byte[] source, int offset, int length);

  /** Ends the current DN. */
  void endName();

  /** The validity, in Matter time. */
  void validity(long notBefore, long notAfter);

  /** The uncompressed P-256 point (65 bytes). */
  void publicKey(byte[] source, int offset);

  /** Starts the extensions. */
  void startExtensions();

  /** basicConstraints; {@code pathLength} is -1 when absent. */
  void basicConstraints(boolean ca, int pathLength);

  /** keyUsage, bit n being RFC 5280 bit n. */
  void keyUsage(int bits);

  /** Starts extendedKeyUsage. */
  void startExtendedKeyUsage();

  /** One purpose of extendedKeyUsage, in order. */
  void keyPurpose(ExtendedKeyPurpose purpose);

  /** Ends extendedKeyUsage. */
  void endExtendedKeyUsage();

  /** subjectKeyIdentifier or authorityKeyIdentifier (20 bytes). */
  void keyIdentifier(boolean subject, byte[] source, int offset);

  /** An extension without its own TLV tag, as its DER Extension. */
  void futureExtension(byte[] source, int offset, int length);

  /** Ends the extensions. */
  void endExtensions();

  /** The signature, r || s (64 bytes). */
  void signature(byte[] source, int offset);

  /** Emits the fields of {@code certificate} to {@code fields}. */
  static void emit(OperationalCertificate certificate, CertificateFields fields) {
    byte[] serial = certificate.serialNumber();
    fields.serialNumber(serial, 0, serial.length);
    emitName(certificate.issuer(), fields);
    fields.validity(certificate.notBefore(), certificate.notAfter());
    emitName(certificate.subject(), fields);
    fields.publicKey(certificate.publicKey(), 0);
    fields.startExtensions();
    for (OpCertExtension extension : certificate.extensions()) {
      if (extension instanceof OpCertExtension.BasicConstraints bc) {
        fields.basicConstraints(bc.ca(), bc.pathLength().orElse(-1));
      } else if (extension instanceof OpCertExtension.KeyUsage usage) {
        fields.keyUsage(usage.bits());
      } else if (extension instanceof OpCertExtension.ExtendedKeyUsage eku) {
        fields.startExtendedKeyUsage();
        eku.purposes().forEach(fields::keyPurpose);
        fields.endExtendedKeyUsage();
      } else if (extension instanceof OpCertExtension.SubjectKeyId skid) {
        fields.keyIdentifier(true, skid.keyId().bytes(), 0);
      } else if (extension instanceof OpCertExtension.AuthorityKeyId akid) {
        fields.keyIdentifier(false, akid.keyId().bytes(), 0);
      } else {
        byte[] der = ((OpCertExtension.Future) extension).der();
        fields.futureExtension(der, 0, der.length);
      }
    }
    fields.endExtensions();
    fields.signature(certificate.signature(), 0);
  }

  private static void emitName(DistinguishedName name, CertificateFields fields) {
    fields.startName();
    for (DnAttribute attribute : name.attributes()) {
      if (attribute instanceof DnAttribute.MatterId id) {
        fields.matterId(id.type(), id.value());
      } else {
        DnAttribute.Text text = (DnAttribute.Text) attribute;
        byte[] utf8 = text.value().getBytes(StandardCharsets.UTF_8);
        fields.text(text.type(), text.printableString(), utf8, 0, utf8.length);
      }
    }
    fields.endName();
  }
}
