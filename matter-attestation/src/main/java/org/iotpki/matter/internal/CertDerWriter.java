// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;

/**
 * Writes the X.509 DER form of a certificate (spec section 6.5.2, as connectedhomeip's
 * CHIPCertToX509 writes it) straight into one array of the exact size: the fields are received
 * twice, first to measure the lengths DER puts before each constructed element, then to write. No
 * element is built on its own, so the allocation is the result array.
 *
 * <pre>{@code
 * CertDerWriter writer = CertDerWriter.certificate();
 * source.emitTo(writer);          // measure
 * writer.startWriting();
 * source.emitTo(writer);          // write
 * byte[] der = writer.result();
 * }</pre>
 */
final class CertDerWriter implements CertificateFields {
  static final byte[] VERSION_3 = {(byte) 0xA0, 0x03, 0x02, 0x01, 0x02};
  static final byte[] ECDSA_WITH_SHA256 = DerWriter.sequence(DerWriter.oid("1.2.840.10045.4.3.2"));
  /** SubjectPublicKeyInfo of a P-256 key up to the point: the algorithm and the BIT STRING's header. */
  private static final byte[] P256_KEY_PREFIX = {
      0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01,
      0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};
  private static final byte[] BOOLEAN_TRUE = DerWriter.booleanTrue();
  private static final byte[] BASIC_CONSTRAINTS = DerWriter.oid("2.5.29.19");
  private static final byte[] KEY_USAGE = DerWriter.oid("2.5.29.15");
  private static final byte[] EXTENDED_KEY_USAGE = DerWriter.oid("2.5.29.37");
  private static final byte[] SUBJECT_KEY_ID = DerWriter.oid("2.5.29.14");
  private static final byte[] AUTHORITY_KEY_ID = DerWriter.oid("2.5.29.35");
  private static final byte[][] ATTRIBUTE_OIDS = oids(DnAttributeType.values());
  private static final byte[][] PURPOSE_OIDS = purposeOids();
  private static final byte[] NO_EXPIRY = "99991231235959Z".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int KEY_ID_LENGTH = 20;
  private static final int POINT_LENGTH = 65;
  private static final int FIELD_LENGTH = 32;
  static final int EXTENSIONS_TAG = 0xA3;
  static final int KEY_IDENTIFIER_TAG = 0x80;

  private final boolean tbsOnly;
  private byte[] out;
  private int position;

  // Measured on the first pass, read on the second.
  private int certificateLength;
  private int serialLength;
  private int issuerLength;
  private int subjectLength;
  private int validityLength;
  private int extensionsLength;
  private int extendedKeyUsageLength;
  private int signatureValueLength;
  private int names;
  private int running;
  private int purposes;

  private CertDerWriter(boolean tbsOnly) {
    this.tbsOnly = tbsOnly;
  }

  /** A writer of the whole certificate. */
  static CertDerWriter certificate() {
    return new CertDerWriter(false);
  }

  /** A writer of the TBSCertificate only, the bytes the signature covers. */
  static CertDerWriter tbsCertificate() {
    return new CertDerWriter(true);
  }

  /** Ends measuring: the next fields received are written. */
  void startWriting() {
    int tbs = element(tbsLength());
    certificateLength = tbs + ECDSA_WITH_SHA256.length + element(1 + element(signatureValueLength));
    out = new byte[tbsOnly ? tbs : element(certificateLength)];
    position = 0;
    names = 0;
  }

  /** The DER written. */
  byte[] result() {
    if (position != out.length) {
      throw new IllegalStateException("wrote " + position + " of " + out.length + " bytes: the fields differed between passes");
    }
    return out;
  }

  private boolean measuring() {
    return out == null;
  }

  private int tbsLength() {
    return VERSION_3.length + element(serialLength) + ECDSA_WITH_SHA256.length + element(issuerLength)
        + element(validityLength) + element(subjectLength) + P256_KEY_PREFIX.length + POINT_LENGTH
        + element(element(extensionsLength));
  }

  @Override
  public void serialNumber(byte[] source, int offset, int length) {
    if (measuring()) {
      serialLength = length;
      return;
    }
    if (!tbsOnly) {
      header(DerWriter.SEQUENCE, certificateLength);
    }
    header(DerWriter.SEQUENCE, tbsLength());
    put(VERSION_3);
    header(DerWriter.INTEGER, length);
    put(source, offset, length);
    put(ECDSA_WITH_SHA256);
  }

  @Override
  public void startName() {
    if (measuring()) {
      running = 0;
    } else {
      header(DerWriter.SEQUENCE, names == 0 ? issuerLength : subjectLength);
    }
  }

  @Override
  public void matterId(DnAttributeType type, long value) {
    int digits = type.hexDigits();
    if (attribute(type, digits)) {
      header(DerWriter.UTF8_STRING, digits);
      for (int i = digits - 1; i >= 0; i--) {
        out[position + i] = (byte) Character.toUpperCase(Character.forDigit((int) (value & 0xF), 16));
        value >>>= 4;
      }
      position += digits;
    }
  }

  @Override
  public void text(DnAttributeType type, boolean printableString, byte[] source, int offset, int length) {
    if (attribute(type, length)) {
      header(type == DnAttributeType.DOMAIN_COMPONENT ? DerWriter.IA5_STRING
          : printableString ? DerWriter.PRINTABLE_STRING : DerWriter.UTF8_STRING, length);
      put(source, offset, length);
    }
  }

  /** Measures, or writes up to its value, one RDN; whether its value is to be written. */
  private boolean attribute(DnAttributeType type, int valueLength) {
    byte[] oid = ATTRIBUTE_OIDS[type.ordinal()];
    int typeAndValue = oid.length + element(valueLength);
    if (measuring()) {
      running += element(element(typeAndValue));
      return false;
    }
    header(DerWriter.SET, element(typeAndValue));
    header(DerWriter.SEQUENCE, typeAndValue);
    put(oid);
    return true;
  }

  @Override
  public void endName() {
    if (measuring()) {
      if (names == 0) {
        issuerLength = running;
      } else {
        subjectLength = running;
      }
    }
    names++;
  }

  @Override
  public void validity(long notBefore, long notAfter) {
    if (measuring()) {
      validityLength = element(timeLength(notBefore)) + element(timeLength(notAfter));
      return;
    }
    header(DerWriter.SEQUENCE, validityLength);
    time(notBefore);
    time(notAfter);
  }

  @Override
  public void publicKey(byte[] source, int offset) {
    if (!measuring()) {
      put(P256_KEY_PREFIX);
      put(source, offset, POINT_LENGTH);
    }
  }

  @Override
  public void startExtensions() {
    if (measuring()) {
      running = 0;
      return;
    }
    header(EXTENSIONS_TAG, element(extensionsLength));
    header(DerWriter.SEQUENCE, extensionsLength);
  }

  @Override
  public void basicConstraints(boolean ca, int pathLength) {
    int fields = (ca ? BOOLEAN_TRUE.length : 0) + (pathLength < 0 ? 0 : element(pathLength < 0x80 ? 1 : 2));
    if (criticalExtension(BASIC_CONSTRAINTS, element(fields))) {
      header(DerWriter.SEQUENCE, fields);
      if (ca) {
        put(BOOLEAN_TRUE);
      }
      if (pathLength >= 0) {
        // A DER INTEGER is two's complement: 128 to 255 need a leading zero byte.
        header(DerWriter.INTEGER, pathLength < 0x80 ? 1 : 2);
        if (pathLength >= 0x80) {
          out[position++] = 0;
        }
        out[position++] = (byte) pathLength;
      }
    }
  }

  @Override
  public void keyUsage(int bits) {
    // X.509 numbers bits from the most significant bit of the first byte, so each byte is
    // bit-reversed; trailing zero bytes are dropped and the unused bits of the last one counted.
    int first = Integer.reverse(bits & 0xFF) >>> 24;
    int second = Integer.reverse((bits >>> 8) & 0xFF) >>> 24;
    int data = bits == 0 ? 0 : second != 0 ? 2 : 1;
    if (criticalExtension(KEY_USAGE, element(1 + data))) {
      header(DerWriter.BIT_STRING, 1 + data);
      int last = data == 2 ? second : first;
      out[position++] = (byte) (data == 0 ? 0 : Integer.numberOfTrailingZeros(last));
      if (data > 0) {
        out[position++] = (byte) first;
      }
      if (data > 1) {
        out[position++] = (byte) second;
      }
    }
  }

  @Override
  public void startExtendedKeyUsage() {
    purposes = 0;
    if (!measuring() && criticalExtension(EXTENDED_KEY_USAGE, element(extendedKeyUsageLength))) {
      header(DerWriter.SEQUENCE, extendedKeyUsageLength);
    }
  }

  @Override
  public void keyPurpose(ExtendedKeyPurpose purpose) {
    byte[] oid = PURPOSE_OIDS[purpose.ordinal()];
    if (measuring()) {
      purposes += oid.length;
    } else {
      put(oid);
    }
  }

  @Override
  public void endExtendedKeyUsage() {
    if (measuring()) {
      extendedKeyUsageLength = purposes;
      criticalExtension(EXTENDED_KEY_USAGE, element(purposes));
    }
  }

  @Override
  public void keyIdentifier(boolean subject, byte[] source, int offset) {
    byte[] oid = subject ? SUBJECT_KEY_ID : AUTHORITY_KEY_ID;
    // subjectKeyIdentifier is an OCTET STRING; authorityKeyIdentifier a SEQUENCE holding [0].
    int value = subject ? element(KEY_ID_LENGTH) : element(element(KEY_ID_LENGTH));
    int content = oid.length + element(value);
    if (measuring()) {
      running += element(content);
      return;
    }
    header(DerWriter.SEQUENCE, content);
    put(oid);
    header(DerWriter.OCTET_STRING, value);
    if (subject) {
      header(DerWriter.OCTET_STRING, KEY_ID_LENGTH);
    } else {
      header(DerWriter.SEQUENCE, element(KEY_ID_LENGTH));
      header(KEY_IDENTIFIER_TAG, KEY_ID_LENGTH);
    }
    put(source, offset, KEY_ID_LENGTH);
  }

  @Override
  public void futureExtension(byte[] source, int offset, int length) {
    if (measuring()) {
      running += length;
    } else {
      put(source, offset, length);
    }
  }

  @Override
  public void endExtensions() {
    if (measuring()) {
      extensionsLength = running;
    }
  }

  @Override
  public void signature(byte[] source, int offset) {
    if (measuring()) {
      signatureValueLength = element(integerLength(source, offset)) + element(integerLength(source, offset + FIELD_LENGTH));
      return;
    }
    if (tbsOnly) {
      return;
    }
    put(ECDSA_WITH_SHA256);
    header(DerWriter.BIT_STRING, 1 + element(signatureValueLength));
    out[position++] = 0;
    header(DerWriter.SEQUENCE, signatureValueLength);
    integer(source, offset);
    integer(source, offset + FIELD_LENGTH);
  }

  /**
   * Measures, or writes up to the inner value, a critical extension whose extnValue holds
   * {@code value} bytes; whether the inner value is to be written.
   */
  private boolean criticalExtension(byte[] oid, int value) {
    int content = oid.length + BOOLEAN_TRUE.length + element(value);
    if (measuring()) {
      running += element(content);
      return false;
    }
    header(DerWriter.SEQUENCE, content);
    put(oid);
    put(BOOLEAN_TRUE);
    header(DerWriter.OCTET_STRING, value);
    return true;
  }

  /** The content length of the minimal positive INTEGER of a 32-byte big-endian number. */
  private static int integerLength(byte[] source, int offset) {
    int from = firstSignificant(source, offset);
    return FIELD_LENGTH - (from - offset) + (source[from] < 0 ? 1 : 0);
  }

  private void integer(byte[] source, int offset) {
    int from = firstSignificant(source, offset);
    header(DerWriter.INTEGER, integerLength(source, offset));
    if (source[from] < 0) {
      out[position++] = 0;
    }
    put(source, from, offset + FIELD_LENGTH - from);
  }

  /** The first byte of the number that is not a leading zero (the last byte if all are). */
  private static int firstSignificant(byte[] source, int offset) {
    int from = offset;
    while (from < offset + FIELD_LENGTH - 1 && source[from] == 0) {
      from++;
    }
    return from;
  }

  /** UTCTime (YYMMDDHHMMSSZ) before 2050, GeneralizedTime (YYYYMMDDHHMMSSZ) from 2050 and for no expiry. */
  private static int timeLength(long seconds) {
    return seconds == MatterTime.NO_EXPIRY || MatterTime.year(seconds) >= 2050 ? 15 : 13;
  }

  private void time(long seconds) {
    if (seconds == MatterTime.NO_EXPIRY) {
      header(DerWriter.GENERALIZED_TIME, NO_EXPIRY.length);
      put(NO_EXPIRY);
      return;
    }
    int length = timeLength(seconds);
    header(length == 13 ? DerWriter.UTC_TIME : DerWriter.GENERALIZED_TIME, length);
    MatterTime.writeDigits(seconds, length == 15, out, position);
    position += length;
  }

  private void header(int tag, int length) {
    out[position++] = (byte) tag;
    int octets = headerLength(length) - 2;
    if (octets == 0) {
      out[position++] = (byte) length;
      return;
    }
    out[position++] = (byte) (0x80 | octets);
    for (int i = octets - 1; i >= 0; i--) {
      out[position++] = (byte) (length >>> (8 * i));
    }
  }

  private void put(byte[] bytes) {
    put(bytes, 0, bytes.length);
  }

  private void put(byte[] source, int offset, int length) {
    System.arraycopy(source, offset, out, position, length);
    position += length;
  }

  /** The length of an element with {@code content} bytes of content. */
  private static int element(int content) {
    return headerLength(content) + content;
  }

  /** The tag and minimal definite length of an element with {@code content} bytes. */
  private static int headerLength(int content) {
    return content < 0x80 ? 2 : content <= 0xFF ? 3 : content <= 0xFFFF ? 4 : 5;
  }

  private static byte[][] oids(DnAttributeType[] types) {
    byte[][] oids = new byte[types.length][];
    for (DnAttributeType type : types) {
      oids[type.ordinal()] = DerWriter.oid(type.oid());
    }
    return oids;
  }

  private static byte[][] purposeOids() {
    ExtendedKeyPurpose[] purposes = ExtendedKeyPurpose.values();
    byte[][] oids = new byte[purposes.length][];
    for (ExtendedKeyPurpose purpose : purposes) {
      oids[purpose.ordinal()] = DerWriter.oid(purpose.oid());
    }
    return oids;
  }
}
