// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.PkiParseException;
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

  /** The DN attribute types by their tag number. */
  private static final DnAttributeType[] ATTRIBUTE_TYPES = attributeTypes();
  private static final ExtendedKeyPurpose[] PURPOSES = ExtendedKeyPurpose.values();
  /** The OIDs of the extensions with their own tag, by tag number. */
  private static final String[] DEDICATED_OIDS = {null, "2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14", "2.5.29.35"};

  /** Nesting of a certificate: structure, list, extension structure, and one spare. */
  private static final int MAX_DEPTH = 4;

  private CertTlvCodec() {}

  /** Decodes a TLV certificate, which must be all of {@code tlv}. */
  public static OperationalCertificate decode(byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    CertificateModel model = new CertificateModel();
    read(tlv, model);
    try {
      return model.build();
    } catch (IllegalArgumentException e) {
      throw new MatterCertificateFormatException(e.getMessage(), 0);
    }
  }

  /**
   * The DER form of a TLV certificate, written without a model: the TLV is read twice, to measure
   * and to write, so the result array is all that is allocated besides the readers.
   */
  public static byte[] toDer(byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    CertDerWriter writer = CertDerWriter.certificate();
    read(tlv, writer);
    writer.startWriting();
    read(tlv, writer);
    return writer.result();
  }

  /**
   * Reads a TLV certificate into {@code fields}, checking every rule the model's records check, so
   * what reaches {@code fields} always makes a valid certificate.
   */
  private static void read(byte[] tlv, CertificateFields fields) throws TlvFormatException, MatterCertificateFormatException {
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
      CertificateFields.emit(compactNetworkIdentity(reader, start), fields);
      return;
    }
    expect(reader, TlvType.BYTE_STRING, TlvTag.context(TAG_SERIAL), "serial number");
    try {
      CertRules.serialNumber(tlv, reader.valueOffset(), reader.valueLength());
    } catch (IllegalArgumentException e) {
      throw formatError(e, "", reader.offset());
    }
    fields.serialNumber(tlv, reader.valueOffset(), reader.valueLength());
    algorithm(reader, TAG_SIGNATURE_ALGORITHM, "signature algorithm (only ecdsa-with-SHA256)");
    dn(reader, tlv, TAG_ISSUER, "issuer", fields);
    long notBefore = unsigned(reader, TAG_NOT_BEFORE, 0xFFFF_FFFFL, "notBefore");
    long notAfter = unsigned(reader, TAG_NOT_AFTER, 0xFFFF_FFFFL, "notAfter");
    try {
      CertRules.validity(notBefore, notAfter);
    } catch (IllegalArgumentException e) {
      throw formatError(e, "", start);
    }
    fields.validity(notBefore, notAfter);
    dn(reader, tlv, TAG_SUBJECT, "subject", fields);
    algorithm(reader, TAG_PUBLIC_KEY_ALGORITHM, "public key algorithm (only id-ecPublicKey)");
    algorithm(reader, TAG_CURVE, "elliptic curve (only prime256v1)");
    nextField(reader, TlvType.BYTE_STRING, TAG_PUBLIC_KEY, "public key");
    try {
      CertRules.publicKey(tlv, reader.valueOffset(), reader.valueLength());
    } catch (IllegalArgumentException e) {
      throw formatError(e, "", reader.offset());
    }
    fields.publicKey(tlv, reader.valueOffset());
    extensions(reader, tlv, fields);
    nextField(reader, TlvType.BYTE_STRING, TAG_SIGNATURE, "signature");
    try {
      CertRules.signature(reader.valueLength());
    } catch (IllegalArgumentException e) {
      throw formatError(e, "", reader.offset());
    }
    int signature = reader.valueOffset();
    end(reader);
    fields.signature(tlv, signature);
  }

  /** The compact-pdc-identity form: only the public key (tag 9) and the signature (tag 11). */
  private static OperationalCertificate compactNetworkIdentity(TlvReader reader, int start)
      throws TlvFormatException, MatterCertificateFormatException {
    expect(reader, TlvType.BYTE_STRING, TlvTag.context(TAG_PUBLIC_KEY), "public key");
    byte[] publicKey = reader.getBytes();
    nextField(reader, TlvType.BYTE_STRING, TAG_SIGNATURE, "signature");
    byte[] signature = reader.getBytes();
    end(reader);
    try {
      return NetworkIdentity.certificate(publicKey, signature);
    } catch (IllegalArgumentException e) {
      throw new MatterCertificateFormatException(e.getMessage(), start);
    }
  }

  /** Checks that the signature ends the certificate and the certificate the input. */
  private static void end(TlvReader reader) throws TlvFormatException, MatterCertificateFormatException {
    if (reader.next()) {
      throw new MatterCertificateFormatException("unexpected element " + reader.tag() + " after the signature", reader.offset());
    }
    reader.exitContainer();
    reader.expectEnd();
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

  private static void dn(TlvReader reader, byte[] tlv, int tag, String what, CertificateFields fields)
      throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.LIST, tag, what);
    reader.enterContainer();
    fields.startName();
    int count = 0;
    while (reader.next()) {
      if (count++ == DistinguishedName.MAX_ATTRIBUTES) {
        throw new MatterCertificateFormatException(what + " has more than " + DistinguishedName.MAX_ATTRIBUTES + " attributes", reader.offset());
      }
      attribute(reader, tlv, what, fields);
    }
    reader.exitContainer();
    fields.endName();
  }

  private static void attribute(TlvReader reader, byte[] tlv, String what, CertificateFields fields)
      throws TlvFormatException, MatterCertificateFormatException {
    TlvTag tag = reader.tag();
    if (tag.kind() != TlvTag.Kind.CONTEXT) {
      throw new MatterCertificateFormatException(what + " attribute with a " + tag.kind() + " tag", reader.offset());
    }
    boolean printable = (tag.number() & PRINTABLE_STRING_FLAG) != 0;
    int number = (int) tag.number() & ~PRINTABLE_STRING_FLAG;
    DnAttributeType type = number < ATTRIBUTE_TYPES.length ? ATTRIBUTE_TYPES[number] : null;
    if (type == null) {
      throw new MatterCertificateFormatException(what + " attribute with unknown tag " + tag, reader.offset());
    }
    if (type.isMatterId()) {
      if (printable) {
        throw new MatterCertificateFormatException(what + ": " + type + " with the PrintableString flag", reader.offset());
      }
      long value = reader.getUnsigned();
      try {
        CertRules.matterId(type, value);
      } catch (IllegalArgumentException e) {
        throw formatError(e, what + ": ", reader.offset());
      }
      fields.matterId(type, value);
    } else {
      reader.expectType(TlvType.UTF8_STRING);
      try {
        CertRules.text(type, printable, tlv, reader.valueOffset(), reader.valueLength());
      } catch (IllegalArgumentException e) {
        throw formatError(e, what + ": ", reader.offset());
      }
      fields.text(type, printable, tlv, reader.valueOffset(), reader.valueLength());
    }
  }

  private static void extensions(TlvReader reader, byte[] tlv, CertificateFields fields)
      throws TlvFormatException, MatterCertificateFormatException {
    nextField(reader, TlvType.LIST, TAG_EXTENSIONS, "extensions");
    int list = reader.offset();
    reader.enterContainer();
    fields.startExtensions();
    int seen = 0;
    List<String> futureOids = List.of();
    while (reader.next()) {
      TlvTag tag = reader.tag();
      if (tag.kind() != TlvTag.Kind.CONTEXT || tag.number() < EXT_BASIC_CONSTRAINTS || tag.number() > EXT_FUTURE) {
        throw new MatterCertificateFormatException("unknown extension tag " + tag, reader.offset());
      }
      int kind = (int) tag.number();
      String oid = kind == EXT_FUTURE ? futureOid(reader, tlv) : DEDICATED_OIDS[kind];
      if ((kind != EXT_FUTURE && (seen & 1 << kind) != 0) || futureOids.contains(oid)) {
        throw new MatterCertificateFormatException("extension " + oid + " appears twice", reader.offset());
      }
      seen |= 1 << kind;
      if (kind == EXT_FUTURE) {
        futureOids = futureOids.isEmpty() ? new ArrayList<>() : futureOids;
        futureOids.add(oid);
      }
      extension(reader, tlv, kind, fields);
    }
    reader.exitContainer();
    if (seen == 0) {
      throw new MatterCertificateFormatException("a Matter certificate has extensions", list);
    }
    fields.endExtensions();
  }

  /** The OID of a future extension, after checking it is one: a DER Extension with no TLV tag of its own. */
  private static String futureOid(TlvReader reader, byte[] tlv) throws TlvFormatException, MatterCertificateFormatException {
    reader.expectType(TlvType.BYTE_STRING);
    try {
      return FutureExtensions.parse(tlv, reader.valueOffset(), reader.valueLength()).oid();
    } catch (PkiParseException e) {
      throw new MatterCertificateFormatException("extension: future extension: " + e.getMessage(), reader.offset());
    }
  }

  private static void extension(TlvReader reader, byte[] tlv, int kind, CertificateFields fields)
      throws TlvFormatException, MatterCertificateFormatException {
    switch (kind) {
      case EXT_BASIC_CONSTRAINTS -> {
        reader.expectType(TlvType.STRUCTURE);
        int offset = reader.offset();
        reader.enterContainer();
        if (!reader.next() || !reader.tag().isContext(BC_IS_CA)) {
          throw new MatterCertificateFormatException("basicConstraints without its isCA flag (tag 1) first", offset);
        }
        boolean ca = reader.getBoolean();
        int pathLength = -1;
        if (reader.next()) {
          if (!reader.tag().isContext(BC_PATH_LENGTH)) {
            throw new MatterCertificateFormatException("unexpected basicConstraints member " + reader.tag(), reader.offset());
          }
          pathLength = (int) reader.getUnsigned(255);
          if (reader.next()) {
            throw new MatterCertificateFormatException("unexpected basicConstraints member " + reader.tag(), reader.offset());
          }
        }
        reader.exitContainer();
        fields.basicConstraints(ca, pathLength);
      }
      case EXT_KEY_USAGE -> {
        int bits = (int) reader.getUnsigned(0xFFFF);
        try {
          CertRules.keyUsage(bits);
        } catch (IllegalArgumentException e) {
          throw formatError(e, "extension: ", reader.offset());
        }
        fields.keyUsage(bits);
      }
      case EXT_EXTENDED_KEY_USAGE -> {
        reader.expectType(TlvType.ARRAY);
        int offset = reader.offset();
        reader.enterContainer();
        fields.startExtendedKeyUsage();
        boolean any = false;
        while (reader.next()) {
          fields.keyPurpose(purpose(reader));
          any = true;
        }
        if (!any) {
          throw new MatterCertificateFormatException("extension: extendedKeyUsage needs at least one purpose", offset);
        }
        reader.exitContainer();
        fields.endExtendedKeyUsage();
      }
      case EXT_SUBJECT_KEY_ID, EXT_AUTHORITY_KEY_ID -> {
        boolean subject = kind == EXT_SUBJECT_KEY_ID;
        reader.expectType(TlvType.BYTE_STRING);
        if (reader.valueLength() != KeyId.LENGTH) {
          throw new MatterCertificateFormatException((subject ? "subjectKeyIdentifier" : "authorityKeyIdentifier")
              + " of " + reader.valueLength() + " bytes; Matter uses " + KeyId.LENGTH, reader.offset());
        }
        fields.keyIdentifier(subject, tlv, reader.valueOffset());
      }
      default -> fields.futureExtension(tlv, reader.valueOffset(), reader.valueLength());
    }
  }

  private static ExtendedKeyPurpose purpose(TlvReader reader) throws TlvFormatException, MatterCertificateFormatException {
    long id = reader.getUnsigned();
    for (ExtendedKeyPurpose purpose : PURPOSES) {
      if (purpose.id() == id) {
        return purpose;
      }
    }
    throw new MatterCertificateFormatException("unknown key purpose " + Long.toUnsignedString(id), reader.offset());
  }

  /** A value rule of the model broken, as a format error at {@code offset}. */
  private static MatterCertificateFormatException formatError(IllegalArgumentException e, String context, int offset) {
    return new MatterCertificateFormatException(context + e.getMessage(), offset);
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

  private static DnAttributeType[] attributeTypes() {
    DnAttributeType[] byTag = new DnAttributeType[PRINTABLE_STRING_FLAG];
    for (DnAttributeType type : DnAttributeType.values()) {
      byTag[type.tagNumber()] = type;
    }
    return byTag;
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
