// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;

/** Collects the fields of a certificate into its model. */
final class CertificateModel implements CertificateFields {
  private byte[] serialNumber;
  private final List<DnAttribute> name = new ArrayList<>();
  private DistinguishedName issuer;
  private DistinguishedName subject;
  private long notBefore;
  private long notAfter;
  private byte[] publicKey;
  private final List<OpCertExtension> extensions = new ArrayList<>();
  private final List<ExtendedKeyPurpose> purposes = new ArrayList<>();
  private byte[] signature;

  @Override
  public void serialNumber(byte[] source, int offset, int length) {
    serialNumber = Arrays.copyOfRange(source, offset, offset + length);
  }

  @Override
  public void startName() {
    name.clear();
  }

  @Override
  public void matterId(DnAttributeType type, long value) {
    name.add(DnAttribute.matterId(type, value));
  }

  @Override
  public void text(DnAttributeType type, boolean printableString, byte[] source, int offset, int length) {
    String value = new String(source, offset, length, StandardCharsets.UTF_8);
    name.add(printableString ? DnAttribute.printableString(type, value) : DnAttribute.text(type, value));
  }

  @Override
  public void endName() {
    if (issuer == null) {
      issuer = new DistinguishedName(name);
    } else {
      subject = new DistinguishedName(name);
    }
  }

  @Override
  public void validity(long notBefore, long notAfter) {
    this.notBefore = notBefore;
    this.notAfter = notAfter;
  }

  @Override
  public void publicKey(byte[] source, int offset) {
    publicKey = Arrays.copyOfRange(source, offset, offset + OperationalCertificate.PUBLIC_KEY_LENGTH);
  }

  @Override
  public void startExtensions() {
    extensions.clear();
  }

  @Override
  public void basicConstraints(boolean ca, int pathLength) {
    extensions.add(new OpCertExtension.BasicConstraints(ca, pathLength < 0 ? OptionalInt.empty() : OptionalInt.of(pathLength)));
  }

  @Override
  public void keyUsage(int bits) {
    extensions.add(new OpCertExtension.KeyUsage(bits));
  }

  @Override
  public void startExtendedKeyUsage() {
    purposes.clear();
  }

  @Override
  public void keyPurpose(ExtendedKeyPurpose purpose) {
    purposes.add(purpose);
  }

  @Override
  public void endExtendedKeyUsage() {
    extensions.add(new OpCertExtension.ExtendedKeyUsage(purposes));
  }

  @Override
  public void keyIdentifier(boolean subject, byte[] source, int offset) {
    byte[] keyId = Arrays.copyOfRange(source, offset, offset + org.iotpki.matter.opcert.KeyId.LENGTH);
    extensions.add(subject ? new OpCertExtension.SubjectKeyId(keyId) : new OpCertExtension.AuthorityKeyId(keyId));
  }

  @Override
  public void futureExtension(byte[] source, int offset, int length) {
    extensions.add(new OpCertExtension.Future(Arrays.copyOfRange(source, offset, offset + length)));
  }

  @Override
  public void endExtensions() {
    // The extensions are complete.
  }

  @Override
  public void signature(byte[] source, int offset) {
    signature = Arrays.copyOfRange(source, offset, offset + OperationalCertificate.SIGNATURE_LENGTH);
  }

  /** The certificate of the fields received. */
  OperationalCertificate build() {
    return new OperationalCertificate(serialNumber, issuer, notBefore, notAfter, subject, publicKey, extensions, signature);
  }
}
