package org.iotpki.matter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.KeyId;
import org.iotpki.matter.opcert.MatterCertificateFormatException;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
import org.iotpki.matter.tlv.TlvTag;
import org.iotpki.matter.tlv.TlvType;
import org.iotpki.matter.tlv.TlvWriter;

/**
 * The Matter TLV form of an operational certificate (spec section 6.5.2): an anonymous structure
 * with context tags 1 (serial) to 11 (signature) in order; the DNs and extensions are lists.
 */
public final class CertTlvCodec {
  /** The largest TLV certificate the spec allows (connectedhomeip's kMaxCHIPCertLength). */
  public static final int MAX_TLV_LENGTH = 400;

  static final int TAG_SERIAL = 1;
  static final int TAG_SIGNATURE_ALGORITHM = 2;
  static final int TAG_ISSUER = 3;
  static final int TAG_NOT_BEFORE = 4;
  static final int TAG_NOT_AFTER = 5;
  static final int TAG_SUBJECT = 6;
  static final int TAG_PUBLIC_KEY_ALGORITHM = 7;
  static final int TAG_CURVE = 8;
  static final int TAG_PUBLIC_KEY = 9;
  static final int TAG_EXTENSIONS = 10;
  static final int TAG_SIGNATURE = 11;
  /** ecdsa-with-SHA256, id-ecPublicKey and prime256v1 are number 1 of their OID categories. */
  static final int ONLY_ALGORITHM = 1;

  static final int EXT_BASIC_CONSTRAINTS = 1;
  static final int EXT_KEY_USAGE = 2;
  static final int EXT_EXTENDED_KEY_USAGE = 3;
  static final int EXT_SUBJECT_KEY_ID = 4;
  static final int EXT_AUTHORITY_KEY_ID = 5;
  static final int EXT_FUTURE = 6;
  static final int BC_IS_CA = 1;
  static final int BC_PATH_LENGTH = 2;
  static final int PRINTABLE_STRING_FLAG = 0x80;

  /** Nesting of a certificate: structure, list, extension structure, and one spare. */
  private static final int MAX_DEPTH = 4;

  private CertTlvCodec() {}

  /** Decodes a TLV certificate, which must be all of {@code tlv}. */
  public static OperationalCertificate decode(byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    if (tlv.length > MAX_TLV_LENGTH) {
      throw new MatterCertificateFormatException(
          "TLV certificate of " + tlv.length + " bytes; Matter allows at most " + MAX_TLV_LENGTH, 0);
    }
    TlvReader reader = TlvReader.of(tlv, MAX_DEPTH);
    if (!reader.next()) {
      throw new MatterCertificateFormatException("empty input", 0);
    }
    expect(reader, TlvType.STRUCTURE, TlvTag.anonymous(), "certificate");
    int start = reader.offset();
    reader.enterContainer();
    if (!reader.next()) {
      throw new MatterCertificateFormatException("empty certificate structure", start);
    }
    if (reader.tag().isContext(TAG_PUBLIC_KEY)) {
      return compactNetworkIdentity(reader, start);
    }
    expect(reader, TlvType.BYTE_STRING, TlvTag.context(TAG_SERIAL), "serial number");
    byte[] serial = reader.getBytes();
    algorithm(reader, TAG_SIGNATURE_ALGORITHM, "signature algorithm (only ecdsa-with-SHA256)");
    DistinguishedName issuer = dn(reader, TAG_ISSUER, "issuer");
    long notBefore = unsigned(reader, TAG_NOT_BEFORE, 0xFFFF_FFFFL, "notBefore");
    long notAfter = unsigned(reader, TAG_NOT_AFTER, 0xFFFF_FFFFL, "notAfter");
    DistinguishedName subject = dn(reader, TAG_SUBJECT, "subject");
    algorithm(reader, TAG_PUBLIC_KEY_ALGORITHM, "public key algorithm (only id-ecPublicKey)");
    algorithm(reader, TAG_CURVE, "elliptic curve (only prime256v1)");
    byte[] publicKey = bytes(reader, TAG_PUBLIC_KEY, "public key");
    List<OpCertExtension> extensions = extensions(reader);
    byte[] signature = signatureAndEnd(reader);
    try {
      return new OperationalCertificate(serial, issuer, notBefore, notAfter, subject, publicKey, extensions, signature);
    } catch (IllegalArgumentException e) {
      throw new MatterCertificateFormatException(e.getMessage(), start);
    }
  }

  /** The compact-pdc-identity form: only the public key (tag 9) and the signature (tag 11). */
  private static OperationalCertificate compactNetworkIdentity(TlvReader reader, int start)
      throws TlvFormatException, MatterCertificateFormatException {
    expect(reader, TlvType.BYTE_STRING, TlvTag.context(TAG_PUBLIC_KEY), "public key");
    byte[] publicKey = reader.getBytes();
    byte[] signature = signatureAndEnd(reader);
    try {
      return NetworkIdentity.certificate(publicKey, signature);
    } catch (IllegalArgumentException e) {
      throw new MatterCertificateFormatException(e.getMessage(), start);
    }
  }

  /** The compact-pdc-identity form of a network identity certificate. */
  public static byte[] encodeCompact(OperationalCertificate certificate) {
    return TlvWriter.create()
        .startStructure(TlvTag.anonymous())
        .putBytes(TlvTag.context(TAG_PUBLIC_KEY), certificate.publicKey())
        .putBytes(TlvTag.context(TAG_SIGNATURE), certificate.signature())
        .endContainer()
        .toByteArray();
  }

  private static byte[] signatureAndEnd(TlvReader reader) throws TlvFormatException, MatterCertificateFormatException {
    byte[] signature = bytes(reader, TAG_SIGNATURE, "signature");
    if (reader.next()) {
      throw new MatterCertificateFormatException("unexpected element " + reader.tag() + " after the signature", reader.offset());
    }
    reader.exitContainer();
    reader.expectEnd();
    return signature;
  }

  /** Encodes a certificate in canonical TLV. */
  public static byte[] encode(OperationalCertificate certificate) {
    TlvWriter writer = TlvWriter.create().startStructure(TlvTag.anonymous());
    writer.putBytes(TlvTag.context(TAG_SERIAL), certificate.serialNumber());
    writer.putUnsigned(TlvTag.context(TAG_SIGNATURE_ALGORITHM), ONLY_ALGORITHM);
    dn(writer, TAG_ISSUER, certificate.issuer());
    writer.putUnsigned(TlvTag.context(TAG_NOT_BEFORE), certificate.notBefore());
    writer.putUnsigned(TlvTag.context(TAG_NOT_AFTER), certificate.notAfter());
    dn(writer, TAG_SUBJECT, certificate.subject());
    writer.putUnsigned(TlvTag.context(TAG_PUBLIC_KEY_ALGORITHM), ONLY_ALGORITHM);
    writer.putUnsigned(TlvTag.context(TAG_CURVE), ONLY_ALGORITHM);
    writer.putBytes(TlvTag.context(TAG_PUBLIC_KEY), certificate.publicKey());
    writer.startList(TlvTag.context(TAG_EXTENSIONS));
    for (OpCertExtension extension : certificate.extensions()) {
      extension(writer, extension);
    }
    writer.endContainer();
    writer.putBytes(TlvTag.context(TAG_SIGNATURE), certificate.signature());
    return writer.endContainer().toByteArray();
  }

  private static void dn(TlvWriter writer, int tag, DistinguishedName dn) {
    writer.startList(TlvTag.context(tag));
    for (DnAttribute attribute : dn.attributes()) {
      if (attribute instanceof DnAttribute.MatterId id) {
        writer.putUnsigned(TlvTag.context(id.type().tagNumber()), id.value());
      } else {
        DnAttribute.Text text = (DnAttribute.Text) attribute;
        int number = text.type().tagNumber() | (text.printableString() ? PRINTABLE_STRING_FLAG : 0);
        writer.putString(TlvTag.context(number), text.value());
      }
    }
    writer.endContainer();
  }

  private static void extension(TlvWriter writer, OpCertExtension extension) {
    if (extension instanceof OpCertExtension.BasicConstraints bc) {
      writer.startStructure(TlvTag.context(EXT_BASIC_CONSTRAINTS)).putBoolean(TlvTag.context(BC_IS_CA), bc.ca());
      bc.pathLength().ifPresent(length -> writer.putUnsigned(TlvTag.context(BC_PATH_LENGTH), length));
      writer.endContainer();
    } else if (extension instanceof OpCertExtension.KeyUsage usage) {
      writer.putUnsigned(TlvTag.context(EXT_KEY_USAGE), usage.bits());
    } else if (extension instanceof OpCertExtension.ExtendedKeyUsage eku) {
      writer.startArray(TlvTag.context(EXT_EXTENDED_KEY_USAGE));
      eku.purposes().forEach(purpose -> writer.putUnsigned(TlvTag.anonymous(), purpose.id()));
      writer.endContainer();
    } else if (extension instanceof OpCertExtension.SubjectKeyId skid) {
      writer.putBytes(TlvTag.context(EXT_SUBJECT_KEY_ID), skid.keyId().bytes());
    } else if (extension instanceof OpCertExtension.AuthorityKeyId akid) {
      writer.putBytes(TlvTag.context(EXT_AUTHORITY_KEY_ID), akid.keyId().bytes());
    } else {
      writer.putBytes(TlvTag.context(EXT_FUTURE), ((OpCertExtension.Future) extension).der());
    }
  }

  private static DistinguishedName dn(TlvReader reader, int tag, String what) throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.LIST, tag, what);
    reader.enterContainer();
    List<DnAttribute> attributes = new ArrayList<>();
    while (reader.next()) {
      if (attributes.size() == DistinguishedName.MAX_ATTRIBUTES) {
        throw new MatterCertificateFormatException(what + " has more than " + DistinguishedName.MAX_ATTRIBUTES + " attributes", reader.offset());
      }
      attributes.add(attribute(reader, what));
    }
    reader.exitContainer();
    return new DistinguishedName(attributes);
  }

  private static DnAttribute attribute(TlvReader reader, String what) throws TlvFormatException, MatterCertificateFormatException {
    TlvTag tag = reader.tag();
    if (tag.kind() != TlvTag.Kind.CONTEXT) {
      throw new MatterCertificateFormatException(what + " attribute with a " + tag.kind() + " tag", reader.offset());
    }
    boolean printable = (tag.number() & PRINTABLE_STRING_FLAG) != 0;
    DnAttributeType type = DnAttributeType.ofTagNumber(tag.number() & ~PRINTABLE_STRING_FLAG)
        .orElseThrow(() -> new MatterCertificateFormatException(what + " attribute with unknown tag " + tag, reader.offset()));
    try {
      if (type.isMatterId()) {
        if (printable) {
          throw new MatterCertificateFormatException(what + ": " + type + " with the PrintableString flag", reader.offset());
        }
        return DnAttribute.matterId(type, reader.getUnsigned());
      }
      return printable ? DnAttribute.printableString(type, reader.getString()) : DnAttribute.text(type, reader.getString());
    } catch (IllegalArgumentException e) {
      throw new MatterCertificateFormatException(what + ": " + e.getMessage(), reader.offset());
    }
  }

  private static List<OpCertExtension> extensions(TlvReader reader) throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.LIST, TAG_EXTENSIONS, "extensions");
    reader.enterContainer();
    List<OpCertExtension> extensions = new ArrayList<>();
    while (reader.next()) {
      int offset = reader.offset();
      try {
        extensions.add(extension(reader));
      } catch (IllegalArgumentException e) {
        throw new MatterCertificateFormatException("extension: " + e.getMessage(), offset);
      }
    }
    reader.exitContainer();
    return extensions;
  }

  private static OpCertExtension extension(TlvReader reader) throws TlvFormatException, MatterCertificateFormatException {
    TlvTag tag = reader.tag();
    if (tag.kind() != TlvTag.Kind.CONTEXT || tag.number() < EXT_BASIC_CONSTRAINTS || tag.number() > EXT_FUTURE) {
      throw new MatterCertificateFormatException("unknown extension tag " + tag, reader.offset());
    }
    switch ((int) tag.number()) {
      case EXT_BASIC_CONSTRAINTS -> {
        reader.expectType(TlvType.STRUCTURE);
        int offset = reader.offset();
        reader.enterContainer();
        if (!reader.next() || !reader.tag().isContext(BC_IS_CA)) {
          throw new MatterCertificateFormatException("basicConstraints without its isCA flag (tag 1) first", offset);
        }
        boolean ca = reader.getBoolean();
        OptionalInt pathLength = OptionalInt.empty();
        if (reader.next()) {
          if (!reader.tag().isContext(BC_PATH_LENGTH)) {
            throw new MatterCertificateFormatException("unexpected basicConstraints member " + reader.tag(), reader.offset());
          }
          pathLength = OptionalInt.of((int) reader.getUnsigned(255));
          if (reader.next()) {
            throw new MatterCertificateFormatException("unexpected basicConstraints member " + reader.tag(), reader.offset());
          }
        }
        reader.exitContainer();
        return new OpCertExtension.BasicConstraints(ca, pathLength);
      }
      case EXT_KEY_USAGE -> {
        return new OpCertExtension.KeyUsage((int) reader.getUnsigned(0xFFFF));
      }
      case EXT_EXTENDED_KEY_USAGE -> {
        reader.expectType(TlvType.ARRAY);
        reader.enterContainer();
        List<ExtendedKeyPurpose> purposes = new ArrayList<>();
        while (reader.next()) {
          long id = reader.getUnsigned();
          purposes.add(ExtendedKeyPurpose.ofId(id).orElseThrow(
              () -> new MatterCertificateFormatException("unknown key purpose " + Long.toUnsignedString(id), reader.offset())));
        }
        reader.exitContainer();
        return new OpCertExtension.ExtendedKeyUsage(purposes);
      }
      case EXT_SUBJECT_KEY_ID -> {
        return new OpCertExtension.SubjectKeyId(keyId(reader, "subjectKeyIdentifier"));
      }
      case EXT_AUTHORITY_KEY_ID -> {
        return new OpCertExtension.AuthorityKeyId(keyId(reader, "authorityKeyIdentifier"));
      }
      default -> {
        return new OpCertExtension.Future(reader.getBytes());
      }
    }
  }

  private static byte[] keyId(TlvReader reader, String what) throws TlvFormatException, MatterCertificateFormatException {
    if (reader.valueLength() != KeyId.LENGTH) {
      throw new MatterCertificateFormatException(what + " of " + reader.valueLength() + " bytes; Matter uses " + KeyId.LENGTH, reader.offset());
    }
    return reader.getBytes();
  }

  private static byte[] bytes(TlvReader reader, int tag, String what) throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.BYTE_STRING, tag, what);
    return reader.getBytes();
  }

  private static long unsigned(TlvReader reader, int tag, long max, String what) throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.UNSIGNED_INTEGER, tag, what);
    return reader.getUnsigned(max);
  }

  private static void algorithm(TlvReader reader, int tag, String what) throws TlvFormatException, MatterCertificateFormatException {
    if (unsigned(reader, tag, 0xFF, what) != ONLY_ALGORITHM) {
      throw new MatterCertificateFormatException("unsupported " + what, reader.offset());
    }
  }

  /** Moves to the next field, which must be context tag {@code tag} of {@code type}. */
  private static void nextField(TlvReader reader, TlvType type, int tag, String what) throws TlvFormatException, MatterCertificateFormatException {
    if (!reader.next()) {
      throw new MatterCertificateFormatException(what + " (tag " + tag + ") missing", reader.position());
    }
    expect(reader, type, TlvTag.context(tag), what);
  }

  private static void expect(TlvReader reader, TlvType type, TlvTag tag, String what) throws MatterCertificateFormatException {
    if (!reader.tag().equals(tag) || reader.type() != type) {
      throw new MatterCertificateFormatException(
          "expected " + what + " (" + type + ", tag " + tag + "), found " + reader.type() + " with tag " + reader.tag(),
          reader.offset());
    }
  }
}
